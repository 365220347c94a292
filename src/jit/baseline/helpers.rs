//! The `extern "C"` helpers baseline code calls for everything it does not
//! inline: one per opcode (`bl_<op>`), each a copy of the interpreter's
//! match arm (same `runtime::ops` functions, same `Vm` methods, same
//! feedback updates), so baseline code is the interpreter with the dispatch
//! compiled away.
//!
//! Contract (what the emitted code relies on):
//! - Signature: `extern "C" fn(vm: *mut Vm, regs: *mut Value, pc: u32) -> u64`.
//!   The helper decodes its operands from `proto.code[pc]` (the proto of
//!   the top frame), so call sites pass only the pc.
//! - Result: `CONTINUE` (0) = go on at pc + 1; `TAKEN` (1) = a conditional
//!   helper's branch is taken; anything else is an exit word
//!   (`exit_word(kind, pc)`) that the emitted code returns to `enter` as is.
//! - Before anything else a helper sets the top frame's `pc` to `pc + 1`,
//!   as the interpreter's `frame.pc` reads while that instruction runs (for
//!   nested calls, stack traces and handler lookup at `pc + 1 - 1`).
//! - Helpers may allocate (and so move every cell), call into JS (nesting
//!   `Vm::run`), and write any register of the frame; the emitted code
//!   reloads whatever it needs afterwards. They never pop the frame and
//!   never unwind: an error becomes an exit word with `Throw` in it, and
//!   the pending exception stays in `vm.exception`; a Rust panic (a failed
//!   heap verification, say) becomes `EXIT_PANIC` and is re-raised by
//!   `BaselineCode::enter`, so it reaches the harness instead of aborting.
//!
//! Some interpreter helpers are private to `interp` (`const_atom`,
//! `ctx_at`, `new_env`, `get_global`, `delete`, `for_in_keys`,
//! `for_of_next`, `class_define`, `set_home`, `not_callable`,
//! `run_field_init`); they are copied here verbatim. They should become
//! `pub(crate)` in `interp` and be shared (see the report).

use super::ic;
use crate::bytecode::{feedback as fbk, Const, FuncKind, FuncProto, Insn};
use crate::runtime::atoms::{wk, Atom, PropKey};
use crate::runtime::heap::{Cell, Kind};
use crate::runtime::ops::{self, BinOp, CmpOp};
use crate::runtime::shape::{self, ACCESSOR, WRITABLE};
use crate::runtime::{fixed, ErrorKind, Intrinsic, JsResult, Throw, Value, Vm};

/// Go on with the next instruction.
pub const CONTINUE: u64 = 0;
/// A conditional helper's branch is taken.
pub const TAKEN: u64 = 1;

/// Exit kinds (low byte of an exit word; the pc is in the high 32 bits).
pub const EXIT_RETURN: u64 = 2;
pub const EXIT_CALL: u64 = 3;
pub const EXIT_THROW_ERROR: u64 = 4;
pub const EXIT_OUT_OF_FUEL: u64 = 5;
pub const EXIT_OUT_OF_MEMORY: u64 = 6;
/// A direct-call entry declined (see `emit::visit_call`); never reaches `enter`.
pub const EXIT_REFUSED: u64 = 7;
/// Checked mode: an ABI violation (see `checked`).
pub const EXIT_ABI: u64 = 8;
/// A helper panicked (a failed heap verification, a debug assertion): the
/// payload waits in [`take_panic`] and `enter` re-raises it once the
/// machine-code frames are gone (a panic cannot unwind through them, so
/// it would abort the process).
pub const EXIT_PANIC: u64 = 9;

thread_local! {
    static PANIC: std::cell::RefCell<Option<Box<dyn std::any::Any + Send>>> =
        const { std::cell::RefCell::new(None) };
}

/// The payload of the last helper panic on this thread (see `EXIT_PANIC`).
pub fn take_panic() -> Option<Box<dyn std::any::Any + Send>> {
    PANIC.with(|p| p.borrow_mut().take())
}

pub fn exit_word(kind: u64, pc: u32) -> u64 {
    kind | (pc as u64) << 32
}

fn throw_word(t: Throw, pc: u32) -> u64 {
    exit_word(
        match t {
            Throw::Error => EXIT_THROW_ERROR,
            Throw::OutOfFuel => EXIT_OUT_OF_FUEL,
            Throw::OutOfMemory => EXIT_OUT_OF_MEMORY,
            Throw::AbiViolation => EXIT_ABI,
        },
        pc,
    )
}

/// The frame's registers (the value stack never moves, see `Vm::stack`).
#[derive(Copy, Clone)]
struct Regs(*mut Value);

impl Regs {
    #[inline]
    fn get(self, i: u16) -> Value {
        unsafe { *self.0.add(i as usize) }
    }
    #[inline]
    fn set(self, i: u16, v: Value) {
        unsafe { *self.0.add(i as usize) = v }
    }
}

/// What a helper body sees.
struct Cx<'a> {
    vm: &'a mut Vm,
    r: Regs,
    /// The top frame's prototype: prototypes outlive the VM's frames.
    p: &'a FuncProto,
    pc: u32,
}

/// Runs a helper body with the frame's pc set and errors turned into exit words.
#[inline]
fn run(vm: *mut Vm, regs: *mut Value, pc: u32, f: impl FnOnce(&mut Cx) -> JsResult<u64>) -> u64 {
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_body(vm, regs, pc, f)));
    match r {
        Ok(w) => w,
        Err(p) => {
            PANIC.with(|c| *c.borrow_mut() = Some(p));
            exit_word(EXIT_PANIC, pc)
        }
    }
}

#[inline]
fn run_body(
    vm: *mut Vm,
    regs: *mut Value,
    pc: u32,
    f: impl FnOnce(&mut Cx) -> JsResult<u64>,
) -> u64 {
    let vm = unsafe { &mut *vm };
    let frame = vm.frames.last_mut().expect("baseline code runs in a frame");
    frame.pc = pc as usize + 1;
    let p: &FuncProto = unsafe { &*frame.proto };
    // Checked ABI mode: the pinned register the helper relies on (REGS,
    // passed in rsi) must be the top frame's registers.
    if vm.opts.abi_check {
        let want = unsafe { vm.stack_base.add(frame.fp) };
        if regs != want {
            let msg = format!(
                "helper at {:?} pc {pc} got regs {regs:p}, the frame's are {want:p} (pinned r12 corrupted)",
                p.name
            );
            vm.abi_report.get_or_insert(msg);
            return exit_word(EXIT_ABI, pc);
        }
    }
    p.jit
        .helper_calls
        .set(p.jit.helper_calls.get().wrapping_add(1));
    let mut cx = Cx {
        vm,
        r: Regs(regs),
        p,
        pc,
    };
    match f(&mut cx) {
        Ok(x) => x,
        Err(t) => throw_word(t, pc),
    }
}

impl Cx<'_> {
    fn insn(&self) -> Insn {
        self.p.code[self.pc as usize]
    }

    fn fb_or(&self, fb: u16, bits: u64) {
        let c = &self.p.feedback[fb as usize];
        c.set(c.get() | bits);
    }

    fn kind(&self, v: Value) -> u64 {
        if v.is_int() {
            fbk::SAW_INT
        } else if v.is_number() {
            fbk::SAW_DOUBLE
        } else if self.vm.is_string(v) {
            fbk::SAW_STRING
        } else {
            fbk::SAW_OTHER
        }
    }

    fn kinds(&self, a: Value, b: Value) -> u64 {
        self.kind(a) | self.kind(b)
    }

    fn binop(&mut self, dst: u16, a: u16, b: u16, fb: u16, op: BinOp) -> JsResult<u64> {
        let (x, y) = (self.r.get(a), self.r.get(b));
        if x.is_int() && y.is_int() {
            if let Some(v) = ops::arith_int(op, x.as_int(), y.as_int()) {
                self.fb_or(fb, fbk::SAW_INT);
                self.r.set(dst, v);
                return Ok(CONTINUE);
            }
            self.fb_or(fb, fbk::SAW_INT | fbk::SAW_OVERFLOW);
        } else {
            self.fb_or(fb, self.kinds(x, y));
        }
        let v = ops::arith(self.vm, op, x, y)?;
        self.r.set(dst, v);
        Ok(CONTINUE)
    }

    fn cmp(&mut self, dst: u16, a: u16, b: u16, fb: u16, op: CmpOp) -> JsResult<u64> {
        let (x, y) = (self.r.get(a), self.r.get(b));
        if x.is_int() && y.is_int() {
            self.fb_or(fb, fbk::SAW_INT);
            let (i, j) = (x.as_int(), y.as_int());
            let t = match op {
                CmpOp::Lt => i < j,
                CmpOp::Le => i <= j,
                CmpOp::Gt => i > j,
                CmpOp::Ge => i >= j,
            };
            self.r.set(dst, Value::bool(t));
            return Ok(CONTINUE);
        }
        self.fb_or(fb, self.kinds(x, y));
        let t = ops::compare(self.vm, op, x, y)?;
        self.r.set(dst, Value::bool(t));
        Ok(CONTINUE)
    }

    fn truthy(&self, v: Value) -> bool {
        if v.is_bool() {
            v.as_bool()
        } else {
            ops::to_boolean(self.vm, v)
        }
    }

    fn ctx(&self) -> Value {
        self.vm.frames.last().unwrap().ctx
    }

    fn set_ctx(&mut self, v: Value) {
        self.vm.frames.last_mut().unwrap().ctx = v;
    }

    // ----- the interpreter's own helpers (one definition of each) -----

    fn const_atom(&mut self, k: u16) -> (Atom, Option<u32>) {
        self.vm.const_atom(self.p, k)
    }

    fn const_key(&mut self, k: u16) -> PropKey {
        self.vm.const_key(self.p, k)
    }

    fn const_name(&mut self, k: u16) -> String {
        self.vm.const_name(self.p, k)
    }

    fn ctx_at(&self, depth: u16) -> Cell {
        self.vm.ctx_at(depth)
    }

    fn new_env(&mut self, parent: Value, n: usize) -> JsResult<Value> {
        self.vm.new_env(parent, n)
    }

    fn get_global(&mut self, key: PropKey) -> JsResult<Option<Value>> {
        self.vm.get_global(key)
    }

    fn delete(&mut self, obj: Value, key: PropKey) -> JsResult<Value> {
        self.vm.delete(obj, key)
    }

    fn for_in_keys(&mut self, obj: Value) -> JsResult<Value> {
        self.vm.for_in_keys(obj)
    }

    fn for_of_next(&mut self, iter: u16) -> JsResult<Option<Value>> {
        let fp = self.fp();
        self.vm.for_of_next(fp + iter as usize)
    }

    fn class_define(&mut self, ctor: Value, parent: Value) -> JsResult<Value> {
        self.vm.class_define(ctor, parent)
    }

    fn set_home(&self, f: Value, home: Value) {
        self.vm.set_home(f, home)
    }

    fn not_callable(&mut self, f: Value, what: &str) -> Throw {
        self.vm.not_callable(self.p, self.pc as usize, f, what)
    }

    fn run_field_init(&mut self, callee: Value, this: Value) -> JsResult<()> {
        self.vm.run_field_init(callee, this)
    }

    fn fp(&self) -> usize {
        self.vm.frames.last().unwrap().fp
    }
}

/// The first half of a direct `new` (see `emit::visit_new`): `REFUSED`
/// unless the frame push for the callee in the window would succeed
/// (constructible with a construct entry, no instance-field initialiser,
/// enough arguments, depth, stack and fuel: the construct entry's checks);
/// otherwise `this` (an object whose prototype is `callee.prototype`) is
/// made in the window's `this` slot, exactly as `Vm::push_frame` makes it.
pub extern "C" fn bl_new_this(vm: *mut Vm, regs: *mut Value, pc: u32) -> u64 {
    run(vm, regs, pc, |cx| {
        let Insn::New { base, argc, .. } = cx.insn() else {
            unreachable!("bl_new_this called on another opcode")
        };
        let f = cx.r.get(base);
        if cx.vm.kind_of(f) != Some(Kind::Function) {
            return Ok(EXIT_REFUSED);
        }
        let callee: &FuncProto = unsafe { &*cx.vm.func_proto(f) };
        let fields = Cell::from_value(f).get(fixed::FN_FIELDS);
        let window = cx.fp() + base as usize;
        let ok = callee.jit.construct_entry.get() != 0
            && !cx.vm.is_callable(fields)
            && argc >= callee.nparams
            && cx.vm.frames.len() < cx.vm.opts.max_depth
            && window + callee.nregs as usize + 2 < crate::runtime::STACK_VALUES
            && cx.vm.fuel > 1;
        if !ok {
            return Ok(EXIT_REFUSED);
        }
        let this = cx.vm.ordinary_create_from_constructor(f)?;
        cx.r.set(base + 1, this);
        Ok(CONTINUE)
    })
}

/// Defines `bl_<op>` helpers: `name: Pattern => body` where the body sees
/// the bound operands and `cx`, and evaluates to `JsResult<u64>`.
macro_rules! helpers {
    ($cx:ident; $( $(#[$m:meta])* $name:ident : $pat:pat => $body:expr ;)*) => {
        $(
            $(#[$m])*
            pub extern "C" fn $name(vm: *mut Vm, regs: *mut Value, pc: u32) -> u64 {
                run(vm, regs, pc, |$cx: &mut Cx| {
                    let $pat = $cx.insn() else {
                        unreachable!(concat!(stringify!($name), " called on another opcode"))
                    };
                    $body
                })
            }
        )*
    };
}

/// An `Ok(CONTINUE)` after a statement block.
macro_rules! done {
    ($e:expr) => {{
        $e;
        Ok(CONTINUE)
    }};
}

helpers! { cx;
    bl_ldconst: Insn::LdConst { dst, k } => {
        let v = match &cx.p.consts[k as usize] {
            Const::Num(n) => Value::number(*n),
            Const::Str(_) => {
                let (a, _) = cx.const_atom(k);
                cx.vm.atom_string(a)?
            }
        };
        done!(cx.r.set(dst, v))
    };

    bl_add: Insn::Add { dst, a, b, fb } => {
        let (x, y) = (cx.r.get(a), cx.r.get(b));
        if x.is_int() && y.is_int() {
            if let Some(s) = x.as_int().checked_add(y.as_int()) {
                cx.fb_or(fb, fbk::SAW_INT);
                cx.r.set(dst, Value::int(s));
                return Ok(CONTINUE);
            }
            cx.fb_or(fb, fbk::SAW_INT | fbk::SAW_OVERFLOW);
        } else {
            cx.fb_or(fb, cx.kinds(x, y));
        }
        let v = ops::add(cx.vm, x, y)?;
        done!(cx.r.set(dst, v))
    };
    bl_sub: Insn::Sub { dst, a, b, fb } => cx.binop(dst, a, b, fb, BinOp::Sub);
    bl_mul: Insn::Mul { dst, a, b, fb } => cx.binop(dst, a, b, fb, BinOp::Mul);
    bl_div: Insn::Div { dst, a, b, fb } => cx.binop(dst, a, b, fb, BinOp::Div);
    bl_mod: Insn::Mod { dst, a, b, fb } => cx.binop(dst, a, b, fb, BinOp::Mod);
    bl_exp: Insn::Exp { dst, a, b, fb } => cx.binop(dst, a, b, fb, BinOp::Exp);
    bl_bitand: Insn::BitAnd { dst, a, b, fb } => cx.binop(dst, a, b, fb, BinOp::BitAnd);
    bl_bitor: Insn::BitOr { dst, a, b, fb } => cx.binop(dst, a, b, fb, BinOp::BitOr);
    bl_bitxor: Insn::BitXor { dst, a, b, fb } => cx.binop(dst, a, b, fb, BinOp::BitXor);
    bl_shl: Insn::Shl { dst, a, b, fb } => cx.binop(dst, a, b, fb, BinOp::Shl);
    bl_shr: Insn::Shr { dst, a, b, fb } => cx.binop(dst, a, b, fb, BinOp::Shr);
    bl_ushr: Insn::UShr { dst, a, b, fb } => cx.binop(dst, a, b, fb, BinOp::UShr);

    bl_eq: Insn::Eq { dst, a, b, fb } => {
        let (x, y) = (cx.r.get(a), cx.r.get(b));
        cx.fb_or(fb, cx.kinds(x, y));
        let t = ops::loose_equals(cx.vm, x, y)?;
        done!(cx.r.set(dst, Value::bool(t)))
    };
    bl_ne: Insn::Ne { dst, a, b, fb } => {
        let (x, y) = (cx.r.get(a), cx.r.get(b));
        cx.fb_or(fb, cx.kinds(x, y));
        let t = ops::loose_equals(cx.vm, x, y)?;
        done!(cx.r.set(dst, Value::bool(!t)))
    };
    bl_stricteq: Insn::StrictEq { dst, a, b, fb } => {
        let (x, y) = (cx.r.get(a), cx.r.get(b));
        cx.fb_or(fb, cx.kinds(x, y));
        done!(cx.r.set(dst, Value::bool(ops::strict_equals(cx.vm, x, y))))
    };
    bl_strictne: Insn::StrictNe { dst, a, b, fb } => {
        let (x, y) = (cx.r.get(a), cx.r.get(b));
        cx.fb_or(fb, cx.kinds(x, y));
        done!(cx.r.set(dst, Value::bool(!ops::strict_equals(cx.vm, x, y))))
    };
    bl_lt: Insn::Lt { dst, a, b, fb } => cx.cmp(dst, a, b, fb, CmpOp::Lt);
    bl_le: Insn::Le { dst, a, b, fb } => cx.cmp(dst, a, b, fb, CmpOp::Le);
    bl_gt: Insn::Gt { dst, a, b, fb } => cx.cmp(dst, a, b, fb, CmpOp::Gt);
    bl_ge: Insn::Ge { dst, a, b, fb } => cx.cmp(dst, a, b, fb, CmpOp::Ge);
    bl_instanceof: Insn::InstanceOf { dst, a, b, fb } => {
        cx.fb_or(fb, fbk::SAW_OTHER);
        let t = ops::instance_of(cx.vm, cx.r.get(a), cx.r.get(b))?;
        done!(cx.r.set(dst, Value::bool(t)))
    };
    bl_in: Insn::In { dst, a, b } => {
        let t = ops::has_in(cx.vm, cx.r.get(a), cx.r.get(b))?;
        done!(cx.r.set(dst, Value::bool(t)))
    };

    bl_neg: Insn::Neg { dst, src, fb } => {
        let x = cx.r.get(src);
        if x.is_int() && x.as_int() != 0 && x.as_int() != i32::MIN {
            cx.fb_or(fb, fbk::SAW_INT);
            cx.r.set(dst, Value::int(-x.as_int()));
        } else {
            cx.fb_or(fb, cx.kinds(x, x));
            let n = ops::to_number(cx.vm, x)?;
            cx.r.set(dst, Value::number(-n))
        }
        Ok(CONTINUE)
    };
    bl_tonumber: Insn::ToNumber { dst, src } => {
        let x = cx.r.get(src);
        if !x.is_number() {
            let n = ops::to_number(cx.vm, x)?;
            cx.r.set(dst, Value::number(n))
        } else {
            cx.r.set(dst, x)
        }
        Ok(CONTINUE)
    };
    bl_bitnot: Insn::BitNot { dst, src, fb } => {
        let x = cx.r.get(src);
        cx.fb_or(fb, cx.kinds(x, x));
        let n = ops::to_int32(cx.vm, x)?;
        done!(cx.r.set(dst, Value::int(!n)))
    };
    bl_not: Insn::Not { dst, src } => {
        let t = ops::to_boolean(cx.vm, cx.r.get(src));
        done!(cx.r.set(dst, Value::bool(!t)))
    };
    bl_inc: Insn::Inc { dst, src, fb } => {
        let x = cx.r.get(src);
        if x.is_int() && x.as_int() != i32::MAX {
            cx.fb_or(fb, fbk::SAW_INT);
            cx.r.set(dst, Value::int(x.as_int() + 1));
        } else {
            cx.fb_or(fb, cx.kinds(x, x));
            let n = ops::to_number(cx.vm, x)?;
            cx.r.set(dst, Value::number(n + 1.0))
        }
        Ok(CONTINUE)
    };
    bl_dec: Insn::Dec { dst, src, fb } => {
        let x = cx.r.get(src);
        if x.is_int() && x.as_int() != i32::MIN {
            cx.fb_or(fb, fbk::SAW_INT);
            cx.r.set(dst, Value::int(x.as_int() - 1));
        } else {
            cx.fb_or(fb, cx.kinds(x, x));
            let n = ops::to_number(cx.vm, x)?;
            cx.r.set(dst, Value::number(n - 1.0))
        }
        Ok(CONTINUE)
    };
    bl_typeof: Insn::TypeOf { dst, src } => {
        let t = ops::type_of(cx.vm, cx.r.get(src));
        let a = cx.vm.atoms.intern_str(t);
        let s = cx.vm.atom_string(a)?;
        done!(cx.r.set(dst, s))
    };
    bl_tostring: Insn::ToString { dst, src } => {
        let s = ops::to_string(cx.vm, cx.r.get(src))?;
        done!(cx.r.set(dst, s))
    };

    /// Slow path of `jmptrue` (the operand is not a boolean).
    bl_jmptrue: Insn::JmpTrue { src, off: _ } => {
        Ok(if cx.truthy(cx.r.get(src)) { TAKEN } else { CONTINUE })
    };
    /// Slow path of `jmpfalse` (the operand is not a boolean).
    bl_jmpfalse: Insn::JmpFalse { src, off: _ } => {
        Ok(if cx.truthy(cx.r.get(src)) { CONTINUE } else { TAKEN })
    };
    /// Slow path of `loop`: fuel runs out here (the inline path handles
    /// fuel > 1); otherwise it spends the fuel and counts as `loop` does.
    bl_loop: Insn::Loop { off: _ } => {
        if cx.vm.fuel <= 1 {
            cx.vm.fuel = 0;
            return Err(Throw::OutOfFuel);
        }
        cx.vm.fuel -= 1;
        cx.p.jit.loop_count.set(cx.p.jit.loop_count.get().wrapping_add(1));
        Ok(CONTINUE)
    };

    bl_getglobal: Insn::GetGlobal { dst, name, fb: _ } => {
        let key = cx.const_key(name);
        match cx.get_global(key)? {
            Some(v) => done!(cx.r.set(dst, v)),
            None => {
                let n = cx.const_name(name);
                Err(cx.vm.throw_error(ErrorKind::ReferenceError, &format!("{n} is not defined")))
            }
        }
    };
    bl_getglobalorundef: Insn::GetGlobalOrUndef { dst, name } => {
        let key = cx.const_key(name);
        let v = cx.get_global(key)?;
        done!(cx.r.set(dst, v.unwrap_or(Value::UNDEFINED)))
    };
    bl_setglobal: Insn::SetGlobal { name, src, fb: _ } => {
        let key = cx.const_key(name);
        let g = cx.vm.intrinsic(Intrinsic::Global);
        if cx.vm.find_property(g, key).is_none() {
            let n = cx.const_name(name);
            return Err(cx.vm.throw_error(ErrorKind::ReferenceError, &format!("{n} is not defined")));
        }
        cx.vm.set_value(g, key, cx.r.get(src))?;
        Ok(CONTINUE)
    };
    /// Slow path of `checktdz` (the operand is the hole): always throws.
    bl_checktdz: Insn::CheckTdz { src, name } => {
        if !cx.r.get(src).is_empty() {
            return Ok(CONTINUE);
        }
        let n = cx.const_name(name);
        // `this` is a hole in a derived constructor before super().
        let msg = if n == "this" {
            "Must call super constructor in derived class before accessing 'this' or returning from derived constructor".to_string()
        } else {
            format!("Cannot access '{n}' before initialization")
        };
        Err(cx.vm.throw_error(ErrorKind::ReferenceError, &msg))
    };
    bl_throwconstassign: Insn::ThrowConstAssign { name: _ } => {
        Err(cx.vm.type_error("Assignment to constant variable."))
    };

    bl_pushctx: Insn::PushCtx { n } => {
        let parent = cx.ctx();
        let env = cx.new_env(parent, n as usize)?;
        done!(cx.set_ctx(env))
    };
    bl_popctx: Insn::PopCtx {} => {
        let c = Cell::from_value(cx.ctx());
        done!(cx.set_ctx(c.get(0)))
    };
    bl_copyctx: Insn::CopyCtx {} => {
        let old = cx.ctx();
        let n = Cell::from_value(old).nvals() - 1;
        let parent = Cell::from_value(old).get(0);
        let env = cx.new_env(parent, n)?;
        // Re-read: the allocation may have moved the old context.
        let old = Cell::from_value(cx.ctx());
        for i in 1..=n {
            Cell::from_value(env).set(i, old.get(i));
        }
        done!(cx.set_ctx(env))
    };
    bl_ldctx: Insn::LdCtx { dst, depth, slot } => {
        let c = cx.ctx_at(depth);
        done!(cx.r.set(dst, c.get(1 + slot as usize)))
    };
    bl_stctx: Insn::StCtx { depth, slot, src } => {
        let c = cx.ctx_at(depth);
        done!(c.set(1 + slot as usize, cx.r.get(src)))
    };
    bl_getctx: Insn::GetCtx { dst } => done!(cx.r.set(dst, cx.ctx())) ;
    bl_setctx: Insn::SetCtx { src } => done!(cx.set_ctx(cx.r.get(src))) ;

    bl_getprop: Insn::GetProp { dst, obj, name, fb } => {
        let o = cx.r.get(obj);
        let cell = &cx.p.feedback[fb as usize];
        let cached = cell.get();
        if o.is_cell() && cached != 0 && cached != fbk::MEGA {
            let c = Cell::from_value(o);
            // Fault: the shape check is skipped (the machine-code inline
            // caches of ic.rs skip theirs too).
            let shape_ok = (cached >> 32) == c.raw(0) + 1;
            if c.kind().is_object()
                && (shape_ok || crate::faults::Fault::IcShapeCheckSkipped.injected())
            {
                if shape_ok {
                    // The inline cache missed (the interpreter cached this
                    // shape before the code existed): enter it.
                    ic::note(cx.vm, cx.p, fb, c, cached as u32);
                }
                cx.r.set(dst, cx.vm.get_slot(c, cached as u32));
                return Ok(CONTINUE);
            }
        }
        let key = cx.const_key(name);
        if cx.vm.is_object(o) {
            let c = Cell::from_value(o);
            let sid = Vm::shape_of(c);
            if let Some((slot, attrs)) = cx.vm.shapes.lookup(sid, key) {
                if attrs & ACCESSOR == 0 && !cx.vm.shapes.get(sid).dictionary {
                    let e = ((sid.0 as u64 + 1) << 32) | slot as u64;
                    cell.set(if cached == 0 || cached == e { e } else { fbk::MEGA });
                    ic::note(cx.vm, cx.p, fb, c, slot);
                }
            } else {
                // Not own: a data property of the prototype (methods) may be
                // cached for the machine code (the interpreter's feedback
                // only describes own properties and is left alone).
                ic::note_proto(cx.vm, cx.p, fb, c, key);
            }
        }
        let v = cx.vm.get_value(o, key)?;
        done!(cx.r.set(dst, v))
    };
    bl_setprop: Insn::SetProp { obj, name, src, fb } => {
        let o = cx.r.get(obj);
        let cell = &cx.p.feedback[fb as usize];
        let cached = cell.get();
        if o.is_cell() && cached != 0 && cached != fbk::MEGA {
            let c = Cell::from_value(o);
            if c.kind().is_object() && (cached >> 32) == c.raw(0) + 1 {
                ic::note(cx.vm, cx.p, fb, c, cached as u32);
                cx.vm.set_slot(c, cached as u32, cx.r.get(src));
                return Ok(CONTINUE);
            }
        }
        let key = cx.const_key(name);
        if cx.vm.is_object(o) {
            let c = Cell::from_value(o);
            let sid = Vm::shape_of(c);
            if let Some((slot, attrs)) = cx.vm.shapes.lookup(sid, key) {
                if attrs & (ACCESSOR | WRITABLE) == WRITABLE && !cx.vm.shapes.get(sid).dictionary {
                    let e = ((sid.0 as u64 + 1) << 32) | slot as u64;
                    cell.set(if cached == 0 || cached == e { e } else { fbk::MEGA });
                    ic::note(cx.vm, cx.p, fb, c, slot);
                }
            }
        }
        cx.vm.set_value(o, key, cx.r.get(src))?;
        Ok(CONTINUE)
    };
    bl_getelem: Insn::GetElem { dst, obj, key, fb } => {
        let (o, k) = (cx.r.get(obj), cx.r.get(key));
        if k.is_int() && o.is_cell() && k.as_int() >= 0 && cx.vm.is_array(o) {
            if let Some(v) = cx.vm.array_get_fast(o, k.as_int() as u32) {
                cx.fb_or(fb, fbk::SAW_INT);
                cx.r.set(dst, v);
                return Ok(CONTINUE);
            }
        }
        cx.fb_or(fb, fbk::SAW_OTHER);
        let v = cx.vm.get_elem(o, k)?;
        done!(cx.r.set(dst, v))
    };
    bl_setelem: Insn::SetElem { obj, key, src, fb } => {
        let (o, k, v) = (cx.r.get(obj), cx.r.get(key), cx.r.get(src));
        if k.is_int() && o.is_cell() && k.as_int() >= 0 && cx.vm.is_array(o) {
            let c = Cell::from_value(o);
            let i = k.as_int() as usize;
            let el = c.get(fixed::ELEMENTS);
            if c.flags() & crate::runtime::object::FROZEN_ELEMENTS == 0
                && i < c.raw(1) as usize
                && el.is_cell()
                && i < Cell::from_value(el).nvals()
                && !Cell::from_value(el).get(i).is_empty()
            {
                cx.fb_or(fb, fbk::SAW_INT);
                Cell::from_value(el).set(i, v);
                return Ok(CONTINUE);
            }
        }
        cx.fb_or(fb, fbk::SAW_OTHER);
        cx.vm.set_elem(o, k, v)?;
        Ok(CONTINUE)
    };
    bl_delprop: Insn::DelProp { dst, obj, name } => {
        let key = cx.const_key(name);
        let v = cx.delete(cx.r.get(obj), key)?;
        done!(cx.r.set(dst, v))
    };
    bl_delelem: Insn::DelElem { dst, obj, key } => {
        let k = ops::to_property_key(cx.vm, cx.r.get(key))?;
        // Re-read obj after the conversion: it may have moved.
        let v = cx.delete(cx.r.get(obj), k)?;
        done!(cx.r.set(dst, v))
    };
    bl_getsuper: Insn::GetSuper { dst, key } => {
        let k = ops::to_property_key(cx.vm, cx.r.get(key))?;
        // Read after the conversion, which may allocate.
        let home = Cell::from_value(cx.r.get(0)).get(fixed::FN_HOME);
        let v = if cx.vm.is_object(home) {
            let sp = cx.vm.proto_of(home);
            if sp.is_cell() {
                cx.vm.get_with_receiver(sp, k, cx.r.get(1))?
            } else {
                Value::UNDEFINED
            }
        } else {
            Value::UNDEFINED
        };
        done!(cx.r.set(dst, v))
    };
    bl_setsuper: Insn::SetSuper { key, src } => {
        let fp = cx.fp();
        cx.vm.set_super(fp, key, src)?;
        Ok(CONTINUE)
    };

    bl_newobject: Insn::NewObject { dst } => {
        let o = cx.vm.new_plain_object()?;
        done!(cx.r.set(dst, o))
    };
    bl_setproto: Insn::SetProto { obj, src } => {
        let v = cx.r.get(src);
        if cx.vm.is_object(v) || v.is_null() {
            Cell::from_value(cx.r.get(obj)).set(fixed::PROTO, v);
        }
        Ok(CONTINUE)
    };
    bl_newarray: Insn::NewArray { dst, n } => {
        let a = cx.vm.new_array(n as usize)?;
        done!(cx.r.set(dst, a))
    };
    bl_arraypush: Insn::ArrayPush { arr, src } => {
        cx.vm.array_push(cx.r.get(arr), cx.r.get(src))?;
        Ok(CONTINUE)
    };
    bl_arrayhole: Insn::ArrayHole { arr } => {
        let a = cx.r.get(arr);
        let len = cx.vm.array_len(a);
        done!(Cell::from_value(a).set_raw(1, len as u64 + 1))
    };
    bl_definefield: Insn::DefineField { obj, key, src } => {
        let k = ops::to_property_key(cx.vm, cx.r.get(key))?;
        cx.vm.define_own(cx.r.get(obj), k, cx.r.get(src), shape::DEFAULT_ATTRS)?;
        Ok(CONTINUE)
    };
    bl_definemethod: Insn::DefineMethod { obj, key, src, enumerable } => {
        let k = ops::to_property_key(cx.vm, cx.r.get(key))?;
        let attrs = if enumerable != 0 { shape::DEFAULT_ATTRS } else { shape::METHOD_ATTRS };
        cx.set_home(cx.r.get(src), cx.r.get(obj));
        cx.vm.define_own(cx.r.get(obj), k, cx.r.get(src), attrs)?;
        Ok(CONTINUE)
    };
    bl_defineaccessor: Insn::DefineAccessor { obj, key, getter, setter, enumerable } => {
        let k = ops::to_property_key(cx.vm, cx.r.get(key))?;
        let attrs = if enumerable != 0 {
            shape::ENUMERABLE | shape::CONFIGURABLE
        } else {
            shape::CONFIGURABLE
        };
        cx.set_home(cx.r.get(getter), cx.r.get(obj));
        cx.set_home(cx.r.get(setter), cx.r.get(obj));
        cx.vm.define_accessor(cx.r.get(obj), k, cx.r.get(getter), cx.r.get(setter), attrs)?;
        Ok(CONTINUE)
    };

    bl_closure: Insn::Closure { dst, func } => {
        let child: &FuncProto = &cx.p.children[func as usize];
        let env = cx.ctx();
        let f = cx.vm.new_closure(child, env)?;
        // Arrows see `super` through the enclosing method's home object.
        if child.kind == FuncKind::Arrow && cx.vm.kind_of(cx.r.get(0)) == Some(Kind::Function) {
            Cell::from_value(f).set(fixed::FN_HOME, Cell::from_value(cx.r.get(0)).get(fixed::FN_HOME));
        }
        done!(cx.r.set(dst, f))
    };
    /// JS callees exit (`EXIT_CALL`) so the run loop pushes their frame;
    /// natives and bound functions are called here, as the interpreter does.
    bl_call: Insn::Call { dst, base, argc, fb } => {
        let f = cx.r.get(base);
        match cx.vm.kind_of(f) {
            Some(Kind::Function) => {
                let callee = cx.vm.func_proto(f);
                let cell = &cx.p.feedback[fb as usize];
                let c = cell.get();
                if c != callee as u64 {
                    cell.set(if c == 0 { callee as u64 } else { fbk::MEGA });
                }
                Ok(exit_word(EXIT_CALL, cx.pc))
            }
            Some(Kind::Native | Kind::Bound) => {
                let fp = cx.fp();
                let v = cx.vm.call_at(fp + base as usize, argc as usize, None)?;
                done!(cx.r.set(dst, v))
            }
            _ => Err(cx.not_callable(f, "function")),
        }
    };
    /// As `bl_call`; JS callees exit and the run loop spreads the arguments.
    bl_callspread: Insn::CallSpread { dst, base, fb } => {
        let f = cx.r.get(base);
        match cx.vm.kind_of(f) {
            Some(Kind::Function) => {
                let callee = cx.vm.func_proto(f);
                let cell = &cx.p.feedback[fb as usize];
                let c = cell.get();
                if c != callee as u64 {
                    cell.set(if c == 0 { callee as u64 } else { fbk::MEGA });
                }
                Ok(exit_word(EXIT_CALL, cx.pc))
            }
            Some(Kind::Native | Kind::Bound) => {
                let fp = cx.fp();
                let argc = cx.vm.spread_window(fp + base as usize)?;
                let v = cx.vm.call_at(fp + base as usize, argc, None)?;
                done!(cx.r.set(dst, v))
            }
            _ => Err(cx.not_callable(f, "function")),
        }
    };
    bl_newspread: Insn::NewSpread { dst, base, fb: _ } => {
        let f = cx.r.get(base);
        if !cx.vm.is_constructor(f) {
            return Err(cx.not_callable(f, "constructor"));
        }
        if cx.vm.kind_of(f) == Some(Kind::Function) {
            return Ok(exit_word(EXIT_CALL, cx.pc));
        }
        let fp = cx.fp();
        let argc = cx.vm.spread_window(fp + base as usize)?;
        let v = cx.vm.call_at(fp + base as usize, argc, Some(f))?;
        done!(cx.r.set(dst, v))
    };
    bl_supercallspread: Insn::SuperCallSpread { dst, base } => {
        let parent = cx.vm.proto_of(cx.r.get(0));
        if !cx.vm.is_constructor(parent) {
            return Err(cx.vm.type_error("Super constructor null of anonymous class is not a constructor"));
        }
        let fp = cx.fp();
        let argc = cx.vm.spread_window(fp + base as usize)?;
        let nt = cx.vm.frames.last().unwrap().new_target;
        cx.r.set(base, parent);
        cx.r.set(base + 1, Value::EMPTY);
        let v = cx.vm.call_at(fp + base as usize, argc, Some(nt))?;
        if !cx.r.get(1).is_empty() {
            return Err(cx.vm.throw_error(ErrorKind::ReferenceError, "Super constructor may only be called once"));
        }
        cx.r.set(1, v);
        done!(cx.r.set(dst, v))
    };
    bl_createarguments: Insn::CreateArguments { dst } => {
        let fp = cx.fp();
        let argc = cx.vm.frames.last().unwrap().argc as usize;
        let a = cx.vm.create_arguments(fp, cx.p.nparams as usize, cx.p.has_rest, argc)?;
        done!(cx.r.set(dst, a))
    };
    bl_arrayextend: Insn::ArrayExtend { arr, src } => {
        cx.vm.array_extend(cx.r.get(arr), cx.r.get(src), cx.p.callee_name(cx.pc as usize))?;
        Ok(CONTINUE)
    };
    bl_copyprops: Insn::CopyProps { obj, src, excl } => {
        cx.vm.copy_data_properties(cx.r.get(obj), cx.r.get(src), cx.r.get(excl))?;
        Ok(CONTINUE)
    };
    bl_requireobject: Insn::RequireObject { src, msg } => {
        if cx.r.get(src).is_nullish() {
            cx.vm.require_object(cx.r.get(src), &cx.p.const_string(msg))?;
        }
        Ok(CONTINUE)
    };
    bl_new: Insn::New { dst, base, argc, fb: _ } => {
        let f = cx.r.get(base);
        if !cx.vm.is_constructor(f) {
            return Err(cx.not_callable(f, "constructor"));
        }
        if cx.vm.kind_of(f) == Some(Kind::Function) {
            return Ok(exit_word(EXIT_CALL, cx.pc));
        }
        let fp = cx.fp();
        let v = cx.vm.call_at(fp + base as usize, argc as usize, Some(f))?;
        done!(cx.r.set(dst, v))
    };
    bl_supercall: Insn::SuperCall { dst, base, argc } => {
        let parent = cx.vm.proto_of(cx.r.get(0));
        if !cx.vm.is_constructor(parent) {
            return Err(cx.vm.type_error("Super constructor null of anonymous class is not a constructor"));
        }
        let nt = cx.vm.frames.last().unwrap().new_target;
        cx.r.set(base, parent);
        cx.r.set(base + 1, Value::EMPTY);
        let fp = cx.fp();
        let v = cx.vm.call_at(fp + base as usize, argc as usize, Some(nt))?;
        if !cx.r.get(1).is_empty() {
            return Err(cx.vm.throw_error(ErrorKind::ReferenceError, "Super constructor may only be called once"));
        }
        cx.r.set(1, v);
        done!(cx.r.set(dst, v))
    };
    bl_supercallforward: Insn::SuperCallForward { dst } => {
        let parent = cx.vm.proto_of(cx.r.get(0));
        if !cx.vm.is_constructor(parent) {
            return Err(cx.vm.type_error("Super constructor null of anonymous class is not a constructor"));
        }
        let nt = cx.vm.frames.last().unwrap().new_target;
        let args_arr = cx.r.get(2);
        let n = cx.vm.array_len(args_arr);
        let args: Vec<Value> = (0..n)
            .map(|i| cx.vm.array_get_fast(args_arr, i).unwrap_or(Value::UNDEFINED))
            .collect();
        let v = cx.vm.construct(parent, &args, nt)?;
        cx.r.set(1, v);
        done!(cx.r.set(dst, v))
    };
    bl_initfields: Insn::InitFields {} => {
        cx.run_field_init(cx.r.get(0), cx.r.get(1))?;
        Ok(CONTINUE)
    };
    bl_class: Insn::Class { dst, ctor, parent } => {
        let c = cx.class_define(cx.r.get(ctor), cx.r.get(parent))?;
        done!(cx.r.set(dst, c))
    };
    bl_setfunctionname: Insn::SetFunctionName { func, key } => {
        let k = ops::to_property_key(cx.vm, cx.r.get(key))?;
        let name = cx.vm.key_string(k)?;
        cx.vm.define_own(cx.r.get(func), PropKey::Atom(wk::name), name, shape::CONFIGURABLE)?;
        Ok(CONTINUE)
    };
    bl_sethome: Insn::SetHome { func, home } => {
        cx.vm.set_home(cx.r.get(func), cx.r.get(home));
        Ok(CONTINUE)
    };
    bl_setfieldinit: Insn::SetFieldInit { ctor, init } => {
        cx.vm.set_field_init(cx.r.get(ctor), cx.r.get(init));
        Ok(CONTINUE)
    };

    bl_throw: Insn::Throw { src } => {
        let v = cx.r.get(src);
        Err(cx.vm.throw_value(v))
    };
    bl_forofstart: Insn::ForOfStart { iter, src } => {
        let (a, b) = cx.vm.iter_start(cx.r.get(src), cx.p.callee_name(cx.pc as usize))?;
        cx.r.set(iter, a);
        done!(cx.r.set(iter + 1, b))
    };
    /// `TAKEN` when the iteration is done.
    bl_forofnext: Insn::ForOfNext { dst, iter, off: _ } => match cx.for_of_next(iter)? {
        Some(v) => done!(cx.r.set(dst, v)),
        None => Ok(TAKEN),
    };
    bl_forinstart: Insn::ForInStart { iter, src } => {
        let obj = cx.r.get(src);
        let keys = cx.for_in_keys(obj)?;
        cx.r.set(iter, keys);
        cx.r.set(iter + 1, Value::int(0));
        done!(cx.r.set(iter + 2, cx.r.get(src)))
    };
    /// `TAKEN` when the iteration is done.
    bl_forinnext: Insn::ForInNext { dst, iter, off: _ } => loop {
        let keys = cx.r.get(iter);
        let i = cx.r.get(iter + 1).as_int() as u32;
        if i >= cx.vm.array_len(keys) {
            break Ok(TAKEN);
        }
        cx.r.set(iter + 1, Value::int(i as i32 + 1));
        let k = cx.vm.array_get_fast(keys, i).unwrap_or(Value::UNDEFINED);
        // Keys deleted during the loop are skipped (as V8 does).
        let obj = cx.r.get(iter + 2);
        if cx.vm.is_object(obj) {
            let pk = ops::to_property_key(cx.vm, k)?;
            if !cx.vm.has_property(cx.r.get(iter + 2), pk) {
                continue;
            }
        }
        let v = cx.vm.array_get_fast(cx.r.get(iter), i).unwrap_or(Value::UNDEFINED);
        cx.r.set(dst, v);
        break Ok(CONTINUE);
    };
}

/// What `return src` yields in the top frame: the construct-call rules of
/// the interpreter's `Return` arm (a non-object result of a constructor
/// becomes `this`, with the derived-constructor errors). Does not pop.
pub fn return_value(vm: &mut Vm, regs: *mut Value, src: u16) -> JsResult<Value> {
    let r = Regs(regs);
    let mut v = r.get(src);
    let f = vm.frames.last().unwrap();
    let p = unsafe { &*f.proto };
    if f.construct && !vm.is_object(v) {
        let this = r.get(1);
        if !v.is_undefined() && p.kind == FuncKind::DerivedConstructor {
            return Err(vm.type_error("Derived constructors may only return object or undefined"));
        }
        if this.is_empty() {
            return Err(vm.throw_error(
                ErrorKind::ReferenceError,
                "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
            ));
        }
        v = this;
    }
    Ok(v)
}
