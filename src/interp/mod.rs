//! The reference interpreter: the run loop every tier's frames go through,
//! and the dispatch of each instruction to its one definition in
//! `runtime::exec` (function objects and the frame push are in
//! `runtime::call`).
//!
//! Invariants:
//! - JS-to-JS calls do not recurse on the Rust stack: a call pushes a
//!   `Frame` and the loop continues in the callee. Rust re-entry (natives
//!   calling JS, getters, constructors run from `super()`) nests `run` and is
//!   bounded by `MAX_NATIVE_DEPTH`.
//! - A call window (callee, this, args) sits at the top of the caller's live
//!   registers (the compiler guarantees nothing live is above it), so the
//!   callee's frame may start at the window and overlap dead temporaries.
//! - `frame.pc` is the index of the next instruction; the faulting or
//!   calling instruction is `pc - 1`, which is what handler lookup uses.
//! - Fuel is spent at every function entry and loop back edge, the same
//!   program points in every tier.
//! - Type feedback: arithmetic sites record operand kinds, property sites
//!   the monomorphic (shape, slot), call sites the callee prototype.

use crate::bytecode::{feedback as fbk, FuncProto, Insn};
use crate::runtime::code::{CodeExit, CodeKind};
use crate::runtime::exec;
use crate::runtime::heap::Kind;
use crate::runtime::ops::{self, BinOp, CmpOp};
use crate::runtime::{JsResult, Throw, Value, Vm};
use std::rc::Rc;

pub use crate::runtime::call::MAX_NATIVE_DEPTH;

impl Vm {
    /// A VM whose JS runs on this interpreter's loop (the runtime's
    /// calls from Rust reach `Vm::run` through `Vm::run_loop`).
    pub fn new(opts: crate::runtime::Options) -> Box<Vm> {
        let mut vm = Vm::with_run_loop(opts, Vm::run);
        vm.code_exit = Vm::handle_code_exit;
        vm
    }

    /// `new`, with the builtins copied from the thread's initial image
    /// (`runtime::image`): what the harness creates per plan and input.
    pub fn new_from_image(opts: crate::runtime::Options) -> Box<Vm> {
        let mut vm = Vm::with_image(opts, Vm::run);
        vm.code_exit = Vm::handle_code_exit;
        vm
    }
}

impl Vm {
    // ----- the loop -----

    /// Finds a handler for `t` starting at the top frame, popping frames
    /// that have none. `Ok` means execution continues in the top frame at
    /// its (updated) pc; `Err` means the entry frame was left.
    pub(crate) fn unwind(&mut self, t: Throw) -> Result<(), Throw> {
        if t == Throw::Error && self.throw_position.is_none() {
            let f = self.frames.last().unwrap();
            self.throw_position = unsafe { &*f.proto }.position(f.pc.saturating_sub(1));
        }
        loop {
            let fi = self.frames.len() - 1;
            let (proto, fp, pc) = {
                let f = &self.frames[fi];
                (f.proto, f.fp, f.pc)
            };
            let p = unsafe { &*proto };
            if t == Throw::Error {
                let at = pc.saturating_sub(1) as u32;
                if let Some(h) = p.handlers.iter().find(|h| h.start <= at && at < h.end) {
                    self.stack[fp + h.exc as usize] = self.exception;
                    self.exception = Value::UNDEFINED;
                    self.throw_position = None;
                    self.frames[fi].pc = h.target as usize;
                    self.sp = self.frames[fi].sp;
                    return Ok(());
                }
            }
            let f = self.frames.pop().unwrap();
            if f.entry {
                self.sp = f.caller_sp;
                return Err(t);
            }
            self.sp = self.frames.last().unwrap().sp;
        }
    }

    /// After a return into the top frame: its dead registers poisoned
    /// (`Options::poison_dead`, see `runtime::poison`).
    #[inline]
    fn poison_caller(&mut self) {
        if self.opts.poison_dead {
            let c = self.frames.last().unwrap();
            let (p, fp, pc) = (unsafe { &*c.proto }, c.fp, c.pc);
            self.poison_dead(p, fp, pc);
        }
    }

    /// Runs this frame in its compiled code of `kind` until the code's
    /// next exit, and handles the exit with the interpreter's own frame
    /// code. `Ok(Some(v))`: the entry frame returned `v`; `Ok(None)`:
    /// continue with the top frame.
    fn run_compiled_step(
        &mut self,
        enter: fn(&mut Vm, &FuncProto, CodeKind, usize, usize) -> CodeExit,
        p: &FuncProto,
        kind: CodeKind,
        fp: usize,
        pc: usize,
    ) -> JsResult<Option<Value>> {
        let exit = enter(self, p, kind, fp, pc);
        self.handle_code_exit(exit)
    }

    /// Handles an exit of the top frame's compiled code with the
    /// interpreter's own frame code (see `run_compiled_step`).
    #[inline]
    fn handle_code_exit(&mut self, exit: CodeExit) -> JsResult<Option<Value>> {
        match exit {
            CodeExit::Return(v) => {
                // The construct rules are applied; pop as the `Return` arm does.
                let f = self.frames.pop().unwrap();
                if f.entry {
                    self.sp = f.caller_sp;
                    return Ok(Some(v));
                }
                let c = self.frames.last().unwrap();
                self.stack[c.fp + f.ret_dst as usize] = v;
                self.sp = c.sp;
                self.poison_caller();
                Ok(None)
            }
            CodeExit::Call {
                dst,
                base,
                argc,
                construct,
                ..
            } => {
                // The frame that exited may be one this frame called directly.
                let window = self.frames.last().unwrap().fp + base as usize;
                let nt = construct.then(|| self.stack[window]);
                let argc = match argc {
                    Some(n) => n as usize,
                    None => match self.spread_window(window) {
                        Ok(n) => n,
                        Err(t) => {
                            self.unwind(t)?;
                            return Ok(None);
                        }
                    },
                };
                if let Err(t) = self.push_frame(window, argc, nt, false, dst as u32) {
                    self.unwind(t)?;
                }
                Ok(None)
            }
            // The frame's pc is set: a frame step (and its tier check)
            // continues it, e.g. in optimized code by OSR.
            CodeExit::Resume => Ok(None),
            CodeExit::Throw { throw, .. } => {
                self.unwind(throw)?;
                // Fault: a frame running compiled code resumes one past its
                // handler's target.
                if crate::faults::Fault::HandlerOffsetWrong.injected() {
                    let f = self.frames.last_mut().unwrap();
                    let p = unsafe { &*f.proto };
                    if p.jit.kind.get() != CodeKind::Interpreted && f.pc + 1 < p.code.len() {
                        f.pc += 1;
                    }
                }
                Ok(None)
            }
        }
    }

    /// Runs from the top frame until the entry frame returns (or throws).
    pub fn run(&mut self) -> JsResult<Value> {
        // The next frame step enters at a hot loop header (OSR).
        let mut osr = false;
        'frames: loop {
            let osr_entry = std::mem::replace(&mut osr, false);
            let fi = self.frames.len() - 1;
            let (proto_ptr, fp, mut pc) = {
                let f = &self.frames[fi];
                (f.proto, f.fp, f.pc)
            };
            let p: &FuncProto = unsafe { &*proto_ptr };
            // Tier check at every frame step: entry, resumption after a
            // call, a handler, or OSR from a loop back edge.
            if let Some(t) = self.tiering {
                let mut kind = p.jit.kind.get();
                let hot = |n: u32| p.jit.call_count.get() >= n || p.jit.loop_count.get() >= n;
                let ask = match kind {
                    CodeKind::Interpreted => hot(t.threshold),
                    CodeKind::Baseline => t.opt_threshold != 0 && hot(t.opt_threshold),
                    CodeKind::Optimized => false,
                };
                if ask && p.jit.may_tier_up.get() {
                    kind = (t.decide)(self, p);
                }
                if kind != CodeKind::Interpreted {
                    // Fault: on OSR entry the lowest local is not loaded.
                    if osr_entry && crate::faults::Fault::OsrRegisterNotLoaded.injected() {
                        let r = 2 + p.nparams as usize;
                        if r < p.nregs as usize {
                            self.stack[fp + r] = Value::UNDEFINED;
                        }
                    }
                    match self.run_compiled_step(t.enter, p, kind, fp, pc) {
                        Ok(None) => continue 'frames,
                        Ok(Some(v)) => return Ok(v),
                        Err(t) => return Err(t),
                    }
                }
            }
            let code = &p.code[..];
            // The value stack never reallocates, and the verifier bounds
            // every register operand by nregs, which fits below STACK_VALUES.
            let regs: *mut Value = unsafe { self.stack.as_mut_ptr().add(fp) };
            macro_rules! r {
                ($i:expr) => {
                    unsafe { *regs.add($i as usize) }
                };
            }
            macro_rules! w {
                ($i:expr, $v:expr) => {{
                    let v = $v;
                    unsafe { *regs.add($i as usize) = v }
                }};
            }
            // On error: record the pc and go find a handler.
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(t) => {
                            self.frames[fi].pc = pc;
                            match self.unwind(t) {
                                Ok(()) => continue 'frames,
                                Err(t) => return Err(t),
                            }
                        }
                    }
                };
            }
            macro_rules! binop {
                ($dst:expr, $a:expr, $b:expr, $fb:expr, $op:expr) => {{
                    let (x, y) = (r!($a), r!($b));
                    // The int32 fast path inline (as JIT code has it); the
                    // instruction's one definition is `exec::binop`.
                    if x.is_int() && y.is_int() {
                        if let Some(v) = ops::arith_int($op, x.as_int(), y.as_int()) {
                            exec::record(&p.feedback[$fb as usize], fbk::SAW_INT);
                            w!($dst, v);
                            continue;
                        }
                    }
                    w!(
                        $dst,
                        tri!(exec::binop(self, &p.feedback[$fb as usize], $op, x, y))
                    )
                }};
            }
            macro_rules! cmp {
                ($dst:expr, $a:expr, $b:expr, $fb:expr, $op:expr, $rop:tt) => {{
                    let (x, y) = (r!($a), r!($b));
                    // The int32 fast path inline; `exec::compare` is the
                    // instruction's one definition.
                    if x.is_int() && y.is_int() {
                        exec::record(&p.feedback[$fb as usize], fbk::SAW_INT);
                        w!($dst, Value::bool(x.as_int() $rop y.as_int()));
                        continue;
                    }
                    let t = tri!(exec::compare(self, &p.feedback[$fb as usize], $op, x, y));
                    w!($dst, Value::bool(t))
                }};
            }
            macro_rules! jump {
                ($off:expr) => {
                    pc = (pc as i64 + $off as i64) as usize
                };
            }
            loop {
                // The verifier guarantees pc stays in range: jumps target
                // instructions and the last one never falls through.
                let insn = unsafe { *code.get_unchecked(pc) };
                pc += 1;
                match insn {
                    Insn::Mov { dst, src } => w!(dst, r!(src)),
                    Insn::LdConst { dst, k } => w!(dst, tri!(exec::ld_const(self, p, k))),
                    Insn::LdInt { dst, imm } => w!(dst, Value::int(imm)),
                    Insn::LdUndef { dst } => w!(dst, Value::UNDEFINED),
                    Insn::LdNull { dst } => w!(dst, Value::NULL),
                    Insn::LdTrue { dst } => w!(dst, Value::TRUE),
                    Insn::LdFalse { dst } => w!(dst, Value::FALSE),
                    Insn::LdEmpty { dst } => w!(dst, Value::EMPTY),

                    Insn::Add { dst, a, b, fb } => {
                        let (x, y) = (r!(a), r!(b));
                        if x.is_int() && y.is_int() {
                            if let Some(s) = x.as_int().checked_add(y.as_int()) {
                                exec::record(&p.feedback[fb as usize], fbk::SAW_INT);
                                w!(dst, Value::int(s));
                                continue;
                            }
                        }
                        w!(dst, tri!(exec::add(self, &p.feedback[fb as usize], x, y)))
                    }
                    Insn::Sub { dst, a, b, fb } => binop!(dst, a, b, fb, BinOp::Sub),
                    Insn::Mul { dst, a, b, fb } => binop!(dst, a, b, fb, BinOp::Mul),
                    Insn::Div { dst, a, b, fb } => binop!(dst, a, b, fb, BinOp::Div),
                    Insn::Mod { dst, a, b, fb } => binop!(dst, a, b, fb, BinOp::Mod),
                    Insn::Exp { dst, a, b, fb } => binop!(dst, a, b, fb, BinOp::Exp),
                    Insn::BitAnd { dst, a, b, fb } => binop!(dst, a, b, fb, BinOp::BitAnd),
                    Insn::BitOr { dst, a, b, fb } => binop!(dst, a, b, fb, BinOp::BitOr),
                    Insn::BitXor { dst, a, b, fb } => binop!(dst, a, b, fb, BinOp::BitXor),
                    Insn::Shl { dst, a, b, fb } => binop!(dst, a, b, fb, BinOp::Shl),
                    Insn::Shr { dst, a, b, fb } => binop!(dst, a, b, fb, BinOp::Shr),
                    Insn::UShr { dst, a, b, fb } => binop!(dst, a, b, fb, BinOp::UShr),

                    Insn::Eq { dst, a, b, fb } => {
                        let t = tri!(exec::loose_equals(
                            self,
                            &p.feedback[fb as usize],
                            r!(a),
                            r!(b)
                        ));
                        w!(dst, Value::bool(t))
                    }
                    Insn::Ne { dst, a, b, fb } => {
                        let t = tri!(exec::loose_equals(
                            self,
                            &p.feedback[fb as usize],
                            r!(a),
                            r!(b)
                        ));
                        w!(dst, Value::bool(!t))
                    }
                    Insn::StrictEq { dst, a, b, fb } => {
                        let t = exec::strict_equals(self, &p.feedback[fb as usize], r!(a), r!(b));
                        w!(dst, Value::bool(t))
                    }
                    Insn::StrictNe { dst, a, b, fb } => {
                        let t = exec::strict_equals(self, &p.feedback[fb as usize], r!(a), r!(b));
                        w!(dst, Value::bool(!t))
                    }
                    Insn::Lt { dst, a, b, fb } => cmp!(dst, a, b, fb, CmpOp::Lt, <),
                    Insn::Le { dst, a, b, fb } => cmp!(dst, a, b, fb, CmpOp::Le, <=),
                    Insn::Gt { dst, a, b, fb } => cmp!(dst, a, b, fb, CmpOp::Gt, >),
                    Insn::Ge { dst, a, b, fb } => cmp!(dst, a, b, fb, CmpOp::Ge, >=),
                    Insn::InstanceOf { dst, a, b, fb } => {
                        let t = tri!(exec::instance_of(
                            self,
                            &p.feedback[fb as usize],
                            r!(a),
                            r!(b)
                        ));
                        w!(dst, Value::bool(t))
                    }
                    Insn::In { dst, a, b, .. } => {
                        w!(dst, Value::bool(tri!(ops::has_in(self, r!(a), r!(b)))))
                    }

                    Insn::Neg { dst, src, fb } => {
                        w!(
                            dst,
                            tri!(exec::neg(self, &p.feedback[fb as usize], r!(src)))
                        )
                    }
                    Insn::ToNumber { dst, src } => w!(dst, tri!(exec::to_numeric(self, r!(src)))),
                    Insn::BitNot { dst, src, fb } => {
                        w!(
                            dst,
                            tri!(exec::bit_not(self, &p.feedback[fb as usize], r!(src)))
                        )
                    }
                    Insn::Not { dst, src } => w!(dst, Value::bool(!ops::to_boolean(self, r!(src)))),
                    Insn::Inc { dst, src, fb } => {
                        w!(
                            dst,
                            tri!(exec::inc_dec(self, &p.feedback[fb as usize], r!(src), 1))
                        )
                    }
                    Insn::Dec { dst, src, fb } => {
                        w!(
                            dst,
                            tri!(exec::inc_dec(self, &p.feedback[fb as usize], r!(src), -1))
                        )
                    }
                    Insn::TypeOf { dst, src } => w!(dst, tri!(exec::type_of(self, r!(src)))),
                    Insn::ToString { dst, src } => w!(dst, tri!(ops::to_string(self, r!(src)))),
                    Insn::ToPropKey { dst, src } => w!(dst, tri!(exec::to_prop_key(self, r!(src)))),

                    Insn::Jmp { off } => jump!(off),
                    Insn::JmpTrue { src, off } => {
                        if exec::truthy(self, r!(src)) {
                            jump!(off)
                        }
                    }
                    Insn::JmpFalse { src, off } => {
                        if !exec::truthy(self, r!(src)) {
                            jump!(off)
                        }
                    }
                    Insn::JmpNullish { src, off } => {
                        if r!(src).is_nullish() {
                            jump!(off)
                        }
                    }
                    Insn::JmpNotNullish { src, off } => {
                        if !r!(src).is_nullish() {
                            jump!(off)
                        }
                    }
                    Insn::JmpUndef { src, off } => {
                        if r!(src).is_undefined() {
                            jump!(off)
                        }
                    }
                    Insn::Loop { off } => {
                        let n = tri!(exec::loop_edge(self, p));
                        jump!(off);
                        self.poison_dead(p, fp, pc);
                        // OSR: a hot loop leaves for baseline code at its header.
                        if self.tiering.is_some_and(|t| n == t.threshold) {
                            self.frames[fi].pc = pc;
                            osr = true;
                            continue 'frames;
                        }
                    }

                    Insn::GetGlobal { dst, name, fb: _ } => {
                        w!(dst, tri!(exec::get_global(self, p, name)))
                    }
                    Insn::GetGlobalOrUndef { dst, name } => {
                        w!(dst, tri!(exec::get_global_or_undef(self, p, name)))
                    }
                    Insn::SetGlobal { name, src, fb: _ } => {
                        tri!(exec::set_global(self, p, name, r!(src)))
                    }
                    Insn::CheckTdz { src, name } => {
                        let v = r!(src);
                        if v.is_empty() {
                            tri!(exec::check_tdz(self, p, v, name))
                        }
                    }
                    Insn::ThrowConstAssign { name: _ } => tri!(Err(exec::throw_const_assign(self))),

                    Insn::PushCtx { n } => tri!(exec::push_ctx(self, n)),
                    Insn::PopCtx {} => exec::pop_ctx(self),
                    Insn::CopyCtx {} => tri!(exec::copy_ctx(self)),
                    Insn::LdCtx { dst, depth, slot } => {
                        let c = self.ctx_at(depth);
                        w!(dst, c.get(1 + slot as usize))
                    }
                    Insn::StCtx { depth, slot, src } => {
                        let c = self.ctx_at(depth);
                        c.set(1 + slot as usize, r!(src))
                    }
                    Insn::GetCtx { dst } => w!(dst, self.frames[fi].ctx),
                    Insn::SetCtx { src } => self.frames[fi].ctx = r!(src),

                    Insn::GetProp { dst, obj, name, fb } => {
                        w!(
                            dst,
                            tri!(exec::get_prop(self, p, fb, r!(obj), name, &mut ()))
                        )
                    }
                    Insn::SetProp { obj, name, src, fb } => {
                        tri!(exec::set_prop(self, p, fb, r!(obj), name, r!(src), &mut ()))
                    }
                    Insn::GetElem { dst, obj, key, fb } => {
                        w!(
                            dst,
                            tri!(exec::get_elem(
                                self,
                                &p.feedback[fb as usize],
                                r!(obj),
                                r!(key)
                            ))
                        )
                    }
                    Insn::SetElem { obj, key, src, fb } => {
                        tri!(exec::set_elem(
                            self,
                            &p.feedback[fb as usize],
                            r!(obj),
                            r!(key),
                            r!(src)
                        ))
                    }
                    Insn::DelProp { dst, obj, name } => {
                        w!(dst, tri!(exec::del_prop(self, p, r!(obj), name)))
                    }
                    Insn::DelElem { dst, obj, key } => {
                        w!(dst, tri!(exec::del_elem(self, r!(obj), r!(key))))
                    }
                    Insn::GetSuper { dst, key } => {
                        w!(dst, tri!(exec::get_super(self, r!(0), r!(1), r!(key))))
                    }

                    Insn::SetSuper { key, src } => tri!(self.set_super(fp, key, src)),
                    Insn::NewObject { dst } => w!(dst, tri!(self.new_plain_object())),
                    Insn::SetProto { obj, src } => exec::set_proto(self, r!(obj), r!(src)),
                    Insn::NewArray { dst, n } => w!(dst, tri!(self.new_array(n as usize))),
                    Insn::ArrayPush { arr, src } => tri!(self.array_push(r!(arr), r!(src))),
                    Insn::ArrayHole { arr } => exec::array_hole(self, r!(arr)),
                    Insn::DefineField { obj, key, src } => {
                        tri!(exec::define_field(self, r!(obj), r!(key), r!(src)))
                    }
                    Insn::DefineMethod {
                        obj,
                        key,
                        src,
                        enumerable,
                    } => tri!(exec::define_method(
                        self,
                        r!(obj),
                        r!(key),
                        r!(src),
                        enumerable != 0
                    )),
                    Insn::DefineAccessor {
                        obj,
                        key,
                        getter,
                        setter,
                        enumerable,
                    } => tri!(exec::define_accessor(
                        self,
                        r!(obj),
                        r!(key),
                        r!(getter),
                        r!(setter),
                        enumerable != 0
                    )),

                    Insn::Closure { dst, func } => {
                        let env = self.frames[fi].ctx;
                        w!(dst, tri!(exec::closure(self, p, func, env, r!(0))))
                    }
                    // The plain call stays a lean arm of its own: it is the
                    // interpreter's hottest path after arithmetic.
                    Insn::Call {
                        dst,
                        base,
                        argc,
                        fb,
                    } => {
                        let f = r!(base);
                        match self.kind_of(f) {
                            Some(Kind::Function) => {
                                exec::record_call(p, fb, self.func_proto(f));
                                self.frames[fi].pc = pc;
                                tri!(self.push_frame(
                                    fp + base as usize,
                                    argc as usize,
                                    None,
                                    false,
                                    dst as u32
                                ));
                                continue 'frames;
                            }
                            Some(k @ (Kind::Native | Kind::Bound)) => {
                                if k == Kind::Native {
                                    exec::record_native_call(p, fb, f);
                                }
                                self.frames[fi].pc = pc;
                                w!(
                                    dst,
                                    tri!(self.call_at(fp + base as usize, argc as usize, None))
                                )
                            }
                            _ => tri!(Err(self.not_callable(p, pc - 1, f, "function"))),
                        }
                    }
                    Insn::CallSpread { dst, base, fb } => {
                        let f = r!(base);
                        let kind = self.kind_of(f);
                        let argc =
                            if matches!(kind, Some(Kind::Function | Kind::Native | Kind::Bound)) {
                                tri!(self.spread_window(fp + base as usize))
                            } else {
                                0
                            };
                        match kind {
                            Some(Kind::Function) => {
                                exec::record_callee(&p.feedback[fb as usize], self.func_proto(f));
                                self.frames[fi].pc = pc;
                                tri!(self.push_frame(
                                    fp + base as usize,
                                    argc,
                                    None,
                                    false,
                                    dst as u32
                                ));
                                continue 'frames;
                            }
                            Some(Kind::Native | Kind::Bound) => {
                                self.frames[fi].pc = pc;
                                w!(dst, tri!(self.call_at(fp + base as usize, argc, None)))
                            }
                            _ => tri!(Err(self.not_callable(p, pc - 1, f, "function"))),
                        }
                    }
                    insn @ (Insn::New { dst, base, .. } | Insn::NewSpread { dst, base, .. }) => {
                        let f = r!(base);
                        if !self.is_constructor(f) {
                            tri!(Err(self.not_callable(p, pc - 1, f, "constructor")))
                        }
                        let argc = match insn {
                            Insn::New { argc, .. } => argc as usize,
                            _ => tri!(self.spread_window(fp + base as usize)),
                        };
                        self.frames[fi].pc = pc;
                        if self.kind_of(f) == Some(Kind::Function) {
                            tri!(self.push_frame(
                                fp + base as usize,
                                argc,
                                Some(f),
                                false,
                                dst as u32
                            ));
                            continue 'frames;
                        }
                        w!(dst, tri!(self.call_at(fp + base as usize, argc, Some(f))))
                    }
                    Insn::SuperCall { dst, base, argc } => {
                        self.frames[fi].pc = pc;
                        w!(dst, tri!(exec::super_call(self, fp, base, argc)))
                    }
                    Insn::SuperCallSpread { dst, base } => {
                        self.frames[fi].pc = pc;
                        w!(dst, tri!(exec::super_call_spread(self, fp, base)))
                    }
                    Insn::SuperCallForward { dst } => {
                        self.frames[fi].pc = pc;
                        w!(dst, tri!(exec::super_call_forward(self, fp)))
                    }
                    Insn::InitFields {} => {
                        self.frames[fi].pc = pc;
                        tri!(self.run_field_init(r!(0), r!(1)))
                    }
                    Insn::Return { src } => {
                        // Only construct frames have return rules; their
                        // errors are thrown past this frame's handlers.
                        let v = if self.frames[fi].construct {
                            match exec::return_value(self, r!(src), r!(1)) {
                                Ok(v) => v,
                                Err(t) => {
                                    self.frames[fi].pc = pc;
                                    exec::throw_past_handlers(self);
                                    match self.unwind(t) {
                                        Ok(()) => continue 'frames,
                                        Err(t) => return Err(t),
                                    }
                                }
                            }
                        } else {
                            r!(src)
                        };
                        let f = self.frames.pop().unwrap();
                        if f.entry {
                            self.sp = f.caller_sp;
                            return Ok(v);
                        }
                        let c = self.frames.last().unwrap();
                        self.stack[c.fp + f.ret_dst as usize] = v;
                        self.sp = c.sp;
                        self.poison_caller();
                        continue 'frames;
                    }
                    Insn::Class { dst, ctor, parent } => {
                        w!(dst, tri!(self.class_define(r!(ctor), r!(parent))))
                    }
                    Insn::SetFunctionName { func, key } => {
                        tri!(exec::set_function_name(self, r!(func), r!(key)))
                    }
                    Insn::SetFieldInit { ctor, init } => self.set_field_init(r!(ctor), r!(init)),
                    Insn::SetHome { func, home } => self.set_home(r!(func), r!(home)),
                    Insn::RequireObject { src, msg } => {
                        tri!(exec::require_object(self, p, r!(src), msg))
                    }
                    Insn::CopyProps { obj, src, excl } => {
                        tri!(self.copy_data_properties(r!(obj), r!(src), r!(excl)))
                    }
                    Insn::ArrayExtend { arr, src } => {
                        tri!(exec::array_extend(self, p, pc - 1, r!(arr), r!(src)))
                    }
                    Insn::CreateArguments {
                        dst,
                        params,
                        n,
                        rest,
                    } => w!(dst, tri!(exec::create_arguments(self, fp, params, n, rest))),
                    Insn::ArgCount { dst } => w!(dst, exec::arg_count(self)),
                    Insn::ArgGet {
                        dst,
                        key,
                        params,
                        n,
                        rest,
                    } => w!(dst, tri!(exec::arg_get(self, fp, r!(key), params, n, rest))),

                    Insn::Throw { src } => {
                        let v = r!(src);
                        tri!(Err(self.throw_value(v)))
                    }
                    Insn::ForOfStart { iter, src } => {
                        tri!(exec::for_of_start(self, p, pc - 1, fp, iter, r!(src)))
                    }
                    Insn::ForOfNext { dst, iter, off } => match tri!(self.for_of_next(fp, iter)) {
                        Some(v) => w!(dst, v),
                        None => jump!(off),
                    },
                    Insn::ForInStart { iter, src } => {
                        tri!(exec::for_in_start(self, fp, iter, r!(src)))
                    }
                    Insn::ForInNext { dst, iter, off } => {
                        match tri!(exec::for_in_next(self, fp, iter)) {
                            Some(v) => w!(dst, v),
                            None => jump!(off),
                        }
                    }
                    Insn::Nop {} => {}
                }
            }
        }
    }

    /// Runs a compiled script (verified first) and returns its completion.
    pub fn run_script(&mut self, proto: Rc<FuncProto>) -> JsResult<Value> {
        // A VM whose options ask for JIT tiers must have them attached
        // (`tier::attach`, `tier::new_vm`, `jolt::run_on`); otherwise it
        // would silently run everything in the interpreter.
        assert!(
            self.opts.tier == crate::runtime::code::Tier::Interp || self.tiering.is_some(),
            "Options::tier is {:?} but no tiers are attached to this VM (use tier::new_vm)",
            self.opts.tier
        );
        self.scripts.push(proto.clone());
        let f = self.new_closure(&proto, Value::UNDEFINED)?;
        self.handles.push(f);
        // node runs a file as a CommonJS module: top-level `this` is
        // `module.exports`, an empty object.
        let this = self.new_plain_object();
        let f = self.handles.pop().unwrap();
        self.call(f, this?, &[])
    }
}
