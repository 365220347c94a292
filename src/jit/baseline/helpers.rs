//! The `extern "C"` helpers baseline code calls for everything it does not
//! inline: one per opcode (`bl_<op>`), each calling the same
//! `runtime::exec` function as the interpreter's arm, so baseline code is
//! the interpreter with the dispatch compiled away.
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
//! Each helper decodes its operands and calls the instruction's one
//! definition in `runtime::exec` (the interpreter's arm calls the same
//! function); what is left here is the exit protocol and the inline
//! caches' observations (`ic::SiteIc`).

use super::ic;
use crate::bytecode::{FuncProto, Insn};
use crate::runtime::heap::{Cell, Kind};
use crate::runtime::ops::{self, BinOp, CmpOp};
use crate::runtime::{exec, fixed, JsResult, Throw, Value, Vm};
use std::cell::Cell as StdCell;

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
/// A `loop` back edge reached the optimizing threshold: the frame
/// continues at the loop's target through the run loop (OSR into tier 2).
pub const EXIT_OSR: u64 = 10;
/// Optimized code deoptimized inside an inlined call and pushed the
/// callee's frame: the top frame continues at the word's pc.
pub const EXIT_RESUME: u64 = 11;

thread_local! {
    static PANIC: std::cell::RefCell<Option<Box<dyn std::any::Any + Send>>> =
        const { std::cell::RefCell::new(None) };
}

/// Keeps a helper's panic payload for `enter` to re-raise (`EXIT_PANIC`).
pub(super) fn set_panic(p: Box<dyn std::any::Any + Send>) {
    PANIC.with(|c| *c.borrow_mut() = Some(p));
}

/// The payload of the last helper panic on this thread (see `EXIT_PANIC`).
pub fn take_panic() -> Option<Box<dyn std::any::Any + Send>> {
    PANIC.with(|p| p.borrow_mut().take())
}

pub fn exit_word(kind: u64, pc: u32) -> u64 {
    kind | (pc as u64) << 32
}

pub(super) fn throw_word(t: Throw, pc: u32) -> u64 {
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
            set_panic(p);
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

impl<'a> Cx<'a> {
    /// Feedback slot `fb` of the frame's prototype (which outlives `cx`).
    fn fb(&self, fb: u16) -> &'a StdCell<u64> {
        let p: &'a FuncProto = self.p;
        &p.feedback[fb as usize]
    }
}

impl Cx<'_> {
    fn insn(&self) -> Insn {
        self.p.code[self.pc as usize]
    }

    fn binop(&mut self, dst: u16, a: u16, b: u16, fb: u16, op: BinOp) -> JsResult<u64> {
        let v = exec::binop(self.vm, self.fb(fb), op, self.r.get(a), self.r.get(b))?;
        self.r.set(dst, v);
        Ok(CONTINUE)
    }

    fn cmp(&mut self, dst: u16, a: u16, b: u16, fb: u16, op: CmpOp) -> JsResult<u64> {
        let t = exec::compare(self.vm, self.fb(fb), op, self.r.get(a), self.r.get(b))?;
        self.r.set(dst, Value::bool(t));
        Ok(CONTINUE)
    }

    fn ctx(&self) -> Value {
        self.vm.frames.last().unwrap().ctx
    }

    fn set_ctx(&mut self, v: Value) {
        self.vm.frames.last_mut().unwrap().ctx = v;
    }

    fn not_callable(&mut self, f: Value, what: &str) -> Throw {
        self.vm.not_callable(self.p, self.pc as usize, f, what)
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
        let Insn::New { base, argc, fb, .. } = cx.insn() else {
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
        super::alloc::note_prototype_slot(cx.vm, cx.p, fb, f);
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
        let v = exec::ld_const(cx.vm, cx.p, k)?;
        done!(cx.r.set(dst, v))
    };

    bl_add: Insn::Add { dst, a, b, fb } => {
        let v = exec::add(cx.vm, cx.fb(fb), cx.r.get(a), cx.r.get(b))?;
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
        let t = exec::loose_equals(cx.vm, cx.fb(fb), cx.r.get(a), cx.r.get(b))?;
        done!(cx.r.set(dst, Value::bool(t)))
    };
    bl_ne: Insn::Ne { dst, a, b, fb } => {
        let t = exec::loose_equals(cx.vm, cx.fb(fb), cx.r.get(a), cx.r.get(b))?;
        done!(cx.r.set(dst, Value::bool(!t)))
    };
    bl_stricteq: Insn::StrictEq { dst, a, b, fb } => {
        let t = exec::strict_equals(cx.vm, cx.fb(fb), cx.r.get(a), cx.r.get(b));
        done!(cx.r.set(dst, Value::bool(t)))
    };
    bl_strictne: Insn::StrictNe { dst, a, b, fb } => {
        let t = exec::strict_equals(cx.vm, cx.fb(fb), cx.r.get(a), cx.r.get(b));
        done!(cx.r.set(dst, Value::bool(!t)))
    };
    bl_lt: Insn::Lt { dst, a, b, fb } => cx.cmp(dst, a, b, fb, CmpOp::Lt);
    bl_le: Insn::Le { dst, a, b, fb } => cx.cmp(dst, a, b, fb, CmpOp::Le);
    bl_gt: Insn::Gt { dst, a, b, fb } => cx.cmp(dst, a, b, fb, CmpOp::Gt);
    bl_ge: Insn::Ge { dst, a, b, fb } => cx.cmp(dst, a, b, fb, CmpOp::Ge);
    bl_instanceof: Insn::InstanceOf { dst, a, b, fb } => {
        super::alloc::note_prototype_slot(cx.vm, cx.p, fb, cx.r.get(b));
        let t = exec::instance_of(cx.vm, cx.fb(fb), cx.r.get(a), cx.r.get(b))?;
        done!(cx.r.set(dst, Value::bool(t)))
    };
    bl_in: Insn::In { dst, a, b, fb } => {
        super::ic::note_in(cx.vm, cx.p, fb, cx.r.get(a), cx.r.get(b));
        let t = ops::has_in(cx.vm, cx.r.get(a), cx.r.get(b))?;
        done!(cx.r.set(dst, Value::bool(t)))
    };

    bl_neg: Insn::Neg { dst, src, fb } => {
        let v = exec::neg(cx.vm, cx.fb(fb), cx.r.get(src))?;
        done!(cx.r.set(dst, v))
    };
    bl_tonumber: Insn::ToNumber { dst, src } => {
        let v = exec::to_numeric(cx.vm, cx.r.get(src))?;
        done!(cx.r.set(dst, v))
    };
    bl_bitnot: Insn::BitNot { dst, src, fb } => {
        let v = exec::bit_not(cx.vm, cx.fb(fb), cx.r.get(src))?;
        done!(cx.r.set(dst, v))
    };
    bl_not: Insn::Not { dst, src } => {
        let t = ops::to_boolean(cx.vm, cx.r.get(src));
        done!(cx.r.set(dst, Value::bool(!t)))
    };
    bl_inc: Insn::Inc { dst, src, fb } => {
        let v = exec::inc_dec(cx.vm, cx.fb(fb), cx.r.get(src), 1)?;
        done!(cx.r.set(dst, v))
    };
    bl_dec: Insn::Dec { dst, src, fb } => {
        let v = exec::inc_dec(cx.vm, cx.fb(fb), cx.r.get(src), -1)?;
        done!(cx.r.set(dst, v))
    };
    bl_typeof: Insn::TypeOf { dst, src } => {
        let s = exec::type_of(cx.vm, cx.r.get(src))?;
        done!(cx.r.set(dst, s))
    };
    bl_tostring: Insn::ToString { dst, src } => {
        let s = ops::to_string(cx.vm, cx.r.get(src))?;
        done!(cx.r.set(dst, s))
    };
    bl_topropkey: Insn::ToPropKey { dst, src } => {
        let k = exec::to_prop_key(cx.vm, cx.r.get(src))?;
        done!(cx.r.set(dst, k))
    };

    /// Slow path of `jmptrue` (the operand is not a boolean).
    bl_jmptrue: Insn::JmpTrue { src, off: _ } => {
        Ok(if exec::truthy(cx.vm, cx.r.get(src)) { TAKEN } else { CONTINUE })
    };
    /// Slow path of `jmpfalse` (the operand is not a boolean).
    bl_jmpfalse: Insn::JmpFalse { src, off: _ } => {
        Ok(if exec::truthy(cx.vm, cx.r.get(src)) { CONTINUE } else { TAKEN })
    };
    /// Slow path of `loop`: fuel runs out here (the inline path handles
    /// fuel > 1); otherwise it spends the fuel and counts as `loop` does.
    bl_loop: Insn::Loop { off: _ } => exec::loop_edge(cx.vm, cx.p).map(|_| CONTINUE);

    bl_getglobal: Insn::GetGlobal { dst, name, fb } => {
        ic::note_global(cx.vm, cx.p, fb, name, false);
        let v = exec::get_global(cx.vm, cx.p, name)?;
        done!(cx.r.set(dst, v))
    };
    bl_getglobalorundef: Insn::GetGlobalOrUndef { dst, name } => {
        let v = exec::get_global_or_undef(cx.vm, cx.p, name)?;
        done!(cx.r.set(dst, v))
    };
    bl_setglobal: Insn::SetGlobal { name, src, fb } => {
        ic::note_global(cx.vm, cx.p, fb, name, true);
        exec::set_global(cx.vm, cx.p, name, cx.r.get(src)).map(|()| CONTINUE)
    };
    /// Slow path of `checktdz` (the operand is the hole): always throws.
    bl_checktdz: Insn::CheckTdz { src, name } => {
        exec::check_tdz(cx.vm, cx.p, cx.r.get(src), name).map(|()| CONTINUE)
    };
    bl_throwconstassign: Insn::ThrowConstAssign { name: _ } => Err(exec::throw_const_assign(cx.vm));

    bl_pushctx: Insn::PushCtx { n } => exec::push_ctx(cx.vm, n).map(|()| CONTINUE);
    bl_popctx: Insn::PopCtx {} => done!(exec::pop_ctx(cx.vm));
    bl_copyctx: Insn::CopyCtx {} => exec::copy_ctx(cx.vm).map(|()| CONTINUE);
    bl_ldctx: Insn::LdCtx { dst, depth, slot } => {
        let c = cx.vm.ctx_at(depth);
        done!(cx.r.set(dst, c.get(1 + slot as usize)))
    };
    bl_stctx: Insn::StCtx { depth, slot, src } => {
        let c = cx.vm.ctx_at(depth);
        done!(c.set(1 + slot as usize, cx.r.get(src)))
    };
    bl_getctx: Insn::GetCtx { dst } => done!(cx.r.set(dst, cx.ctx())) ;
    bl_setctx: Insn::SetCtx { src } => done!(cx.set_ctx(cx.r.get(src))) ;

    bl_getprop: Insn::GetProp { dst, obj, name, fb } => {
        let mut ic = ic::SiteIc::new(cx.p, fb);
        let v = exec::get_prop(cx.vm, cx.p, fb, cx.r.get(obj), name, &mut ic)?;
        done!(cx.r.set(dst, v))
    };
    bl_setprop: Insn::SetProp { obj, name, src, fb } => {
        let mut ic = ic::SiteIc::new(cx.p, fb);
        exec::set_prop(cx.vm, cx.p, fb, cx.r.get(obj), name, cx.r.get(src), &mut ic)?;
        Ok(CONTINUE)
    };
    bl_getelem: Insn::GetElem { dst, obj, key, fb } => {
        let mut ic = ic::SiteIc::keyed(cx.p, fb);
        let v = exec::get_elem_ic(cx.vm, cx.fb(fb), cx.r.get(obj), cx.r.get(key), &mut ic)?;
        done!(cx.r.set(dst, v))
    };
    bl_setelem: Insn::SetElem { obj, key, src, fb } => {
        let mut ic = ic::SiteIc::keyed(cx.p, fb);
        let (o, k, v) = (cx.r.get(obj), cx.r.get(key), cx.r.get(src));
        exec::set_elem_ic(cx.vm, cx.fb(fb), o, k, v, &mut ic)?;
        Ok(CONTINUE)
    };
    bl_delprop: Insn::DelProp { dst, obj, name } => {
        let v = exec::del_prop(cx.vm, cx.p, cx.r.get(obj), name)?;
        done!(cx.r.set(dst, v))
    };
    bl_delelem: Insn::DelElem { dst, obj, key } => {
        let v = exec::del_elem(cx.vm, cx.r.get(obj), cx.r.get(key))?;
        done!(cx.r.set(dst, v))
    };
    bl_getsuper: Insn::GetSuper { dst, key } => {
        let v = exec::get_super(cx.vm, cx.r.get(0), cx.r.get(1), cx.r.get(key))?;
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
    bl_setproto: Insn::SetProto { obj, src } => done!(exec::set_proto(cx.vm, cx.r.get(obj), cx.r.get(src)));
    bl_newarray: Insn::NewArray { dst, n } => {
        let a = cx.vm.new_array(n as usize)?;
        done!(cx.r.set(dst, a))
    };
    bl_arraypush: Insn::ArrayPush { arr, src } => {
        cx.vm.array_push(cx.r.get(arr), cx.r.get(src))?;
        Ok(CONTINUE)
    };
    bl_arrayhole: Insn::ArrayHole { arr } => done!(exec::array_hole(cx.vm, cx.r.get(arr)));
    bl_definefield: Insn::DefineField { obj, key, src } => {
        exec::define_field(cx.vm, cx.r.get(obj), cx.r.get(key), cx.r.get(src)).map(|()| CONTINUE)
    };
    bl_definemethod: Insn::DefineMethod { obj, key, src, enumerable } => {
        let (o, k, f) = (cx.r.get(obj), cx.r.get(key), cx.r.get(src));
        exec::define_method(cx.vm, o, k, f, enumerable != 0).map(|()| CONTINUE)
    };
    bl_defineaccessor: Insn::DefineAccessor { obj, key, getter, setter, enumerable } => {
        let (o, k) = (cx.r.get(obj), cx.r.get(key));
        let (g, s) = (cx.r.get(getter), cx.r.get(setter));
        exec::define_accessor(cx.vm, o, k, g, s, enumerable != 0).map(|()| CONTINUE)
    };

    bl_closure: Insn::Closure { dst, func } => {
        let env = cx.ctx();
        let f = exec::closure(cx.vm, cx.p, func, env, cx.r.get(0))?;
        done!(cx.r.set(dst, f))
    };
    /// JS callees exit (`EXIT_CALL`) so the run loop pushes their frame;
    /// natives and bound functions are called here, as the interpreter does.
    bl_call: Insn::Call { dst, base, argc, fb } => {
        let f = cx.r.get(base);
        match cx.vm.kind_of(f) {
            Some(Kind::Function) => {
                exec::record_call(cx.p, fb, cx.vm.func_proto(f));
                Ok(exit_word(EXIT_CALL, cx.pc))
            }
            Some(k @ (Kind::Native | Kind::Bound)) => {
                if k == Kind::Native {
                    exec::record_native_call(cx.p, fb, f);
                    let arg = (argc > 0).then(|| cx.r.get(base + 2));
                    super::natives::note_call(cx.vm, cx.p, fb, f, cx.r.get(base + 1), arg);
                }
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
                exec::record_callee(cx.fb(fb), cx.vm.func_proto(f));
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
        let fp = cx.fp();
        let v = exec::super_call_spread(cx.vm, fp, base)?;
        done!(cx.r.set(dst, v))
    };
    bl_arrayextend: Insn::ArrayExtend { arr, src } => {
        exec::array_extend(cx.vm, cx.p, cx.pc as usize, cx.r.get(arr), cx.r.get(src)).map(|()| CONTINUE)
    };
    bl_copyprops: Insn::CopyProps { obj, src, excl } => {
        cx.vm.copy_data_properties(cx.r.get(obj), cx.r.get(src), cx.r.get(excl)).map(|()| CONTINUE)
    };
    bl_requireobject: Insn::RequireObject { src, msg } => {
        exec::require_object(cx.vm, cx.p, cx.r.get(src), msg).map(|()| CONTINUE)
    };
    bl_createarguments: Insn::CreateArguments { dst, params, n, rest } => {
        let fp = cx.fp();
        let a = exec::create_arguments(cx.vm, fp, params, n, rest)?;
        done!(cx.r.set(dst, a))
    };
    bl_argget: Insn::ArgGet { dst, key, params, n, rest } => {
        let fp = cx.fp();
        let v = exec::arg_get(cx.vm, fp, cx.r.get(key), params, n, rest)?;
        done!(cx.r.set(dst, v))
    };
    bl_sethome: Insn::SetHome { func, home } => {
        cx.vm.set_home(cx.r.get(func), cx.r.get(home));
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
        let fp = cx.fp();
        let v = exec::super_call(cx.vm, fp, base, argc)?;
        done!(cx.r.set(dst, v))
    };
    bl_supercallforward: Insn::SuperCallForward { dst } => {
        let fp = cx.fp();
        let v = exec::super_call_forward(cx.vm, fp)?;
        done!(cx.r.set(dst, v))
    };
    bl_initfields: Insn::InitFields {} => {
        cx.vm.run_field_init(cx.r.get(0), cx.r.get(1))?;
        Ok(CONTINUE)
    };
    bl_class: Insn::Class { dst, ctor, parent } => {
        let c = cx.vm.class_define(cx.r.get(ctor), cx.r.get(parent))?;
        done!(cx.r.set(dst, c))
    };
    bl_setfunctionname: Insn::SetFunctionName { func, key } => {
        exec::set_function_name(cx.vm, cx.r.get(func), cx.r.get(key)).map(|()| CONTINUE)
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
        let fp = cx.fp();
        exec::for_of_start(cx.vm, cx.p, cx.pc as usize, fp, iter, cx.r.get(src)).map(|()| CONTINUE)
    };
    /// `TAKEN` when the iteration is done.
    bl_forofnext: Insn::ForOfNext { dst, iter, off: _ } => {
        let fp = cx.fp();
        match cx.vm.for_of_next(fp, iter)? {
            Some(v) => done!(cx.r.set(dst, v)),
            None => Ok(TAKEN),
        }
    };
    bl_forinstart: Insn::ForInStart { iter, src } => {
        let fp = cx.fp();
        exec::for_in_start(cx.vm, fp, iter, cx.r.get(src)).map(|()| CONTINUE)
    };
    /// `TAKEN` when the iteration is done.
    bl_forinnext: Insn::ForInNext { dst, iter, off: _ } => {
        let fp = cx.fp();
        match exec::for_in_next(cx.vm, fp, iter)? {
            Some(v) => done!(cx.r.set(dst, v)),
            None => Ok(TAKEN),
        }
    };
}

/// What `return src` yields in the top frame (`exec::return_value`).
pub fn return_value(vm: &mut Vm, regs: *mut Value, src: u16) -> JsResult<Value> {
    let r = Regs(regs);
    exec::return_value(vm, r.get(src), r.get(1))
}
