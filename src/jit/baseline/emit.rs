//! One emitter per opcode (`visit_<op>`), dispatched by an exhaustive match
//! on `Insn`, so a new opcode does not compile until it has an emitter.
//!
//! Invariants:
//! - The code for pc starts at `labels[pc]`; control leaves it only to
//!   `labels[pc + 1]`, to a jump target's label, to the shared exit, or to
//!   one of its own out-of-line slow paths (emitted after the body), which
//!   in turn return to those same places.
//! - A fast path only ever holds int32s, booleans and immediates in machine
//!   registers, and stores its result before leaving; any value that is not
//!   of the expected kind goes to the slow path *before* anything is
//!   written, so the helper re-executes the whole instruction from the
//!   registers (the helper is the interpreter's arm: it redoes the checks,
//!   the feedback update and the generic operation).
//! - Nothing is held in a machine register across a helper call.

use super::helpers as h;
use super::masm::{Masm, FEEDBACK, FRAME, PROTO, REGS, TAG, VM};
use crate::bytecode::{feedback as fbk, jump_target, FuncProto, Insn};
use crate::faults::Fault;
use crate::jit::x64::{
    AluOp, Annotation, Cond, Gpr, Label, Mem, Scale, ShiftOp, Size, SseOp, UnaryOp, Xmm,
};
use crate::runtime::value::Value;
use crate::runtime::{fixed, Frame, FrameStack, Options, Vm};

/// Byte offsets baseline code uses to read and write engine structures.
/// The function-cell ones are checked against `Cell` by a test.
pub(crate) mod layout {
    use super::*;
    use std::mem::offset_of;
    pub const FRAMES_PTR: i32 = (offset_of!(Vm, frames) + FrameStack::PTR_OFFSET) as i32;
    pub const FRAMES_LEN: i32 = (offset_of!(Vm, frames) + FrameStack::LEN_OFFSET) as i32;
    pub const MAX_DEPTH: i32 = (offset_of!(Vm, opts) + offset_of!(Options, max_depth)) as i32;
    pub const SP: i32 = offset_of!(Vm, sp) as i32;
    pub const FUEL: i32 = offset_of!(Vm, fuel) as i32;
    pub const STACK_BASE: i32 = offset_of!(Vm, stack_base) as i32;
    pub const STACK_LIMIT: i32 = offset_of!(Vm, stack_limit) as i32;
    pub const FRAME_SIZE: i32 = std::mem::size_of::<Frame>() as i32;
    pub const F_PROTO: i32 = offset_of!(Frame, proto) as i32;
    pub const F_FP: i32 = offset_of!(Frame, fp) as i32;
    pub const F_PC: i32 = offset_of!(Frame, pc) as i32;
    pub const F_CTX: i32 = offset_of!(Frame, ctx) as i32;
    pub const F_NEW_TARGET: i32 = offset_of!(Frame, new_target) as i32;
    pub const F_ARGC: i32 = offset_of!(Frame, argc) as i32;
    pub const F_RET_DST: i32 = offset_of!(Frame, ret_dst) as i32;
    pub const F_SP: i32 = offset_of!(Frame, sp) as i32;
    pub const F_CALLER_SP: i32 = offset_of!(Frame, caller_sp) as i32;
    pub const F_ENTRY: i32 = offset_of!(Frame, entry) as i32;
    pub const F_CONSTRUCT: i32 = offset_of!(Frame, construct) as i32;
    pub const P_CALL_COUNT: i32 = offset_of!(FuncProto, jit.call_count) as i32;
    pub const P_DIRECT_ENTRY: i32 = offset_of!(FuncProto, jit.direct_entry) as i32;
    pub const P_CONSTRUCT_ENTRY: i32 = offset_of!(FuncProto, jit.construct_entry) as i32;
    pub const P_LEAN_ENTRY: i32 = offset_of!(FuncProto, jit.lean_entry) as i32;
    /// A context (`Kind::Env`) cell: header, no raw words, parent, slots.
    pub const ENV_PARENT: i32 = 8;
    pub fn env_slot(env: Gpr, slot: u16) -> Mem {
        Mem::disp(env, 8 * (2 + slot as i32))
    }
    /// A function cell: header, 2 raw words (shape, prototype pointer), values.
    pub const FN_RAW_WORDS: i32 = crate::runtime::object::OBJECT_RAW_WORDS as i32;
    pub const FN_PROTO: i32 = 8 * (1 + 1);
    pub const FN_ENV: i32 = 8 * (1 + FN_RAW_WORDS + fixed::FN_ENV as i32);
    pub const FN_FIELDS: i32 = 8 * (1 + FN_RAW_WORDS + fixed::FN_FIELDS as i32);
}

/// An out-of-line call of the instruction's helper.
struct SlowPath {
    entry: Label,
    pc: u32,
    helper: usize,
    /// Where to continue on `CONTINUE`.
    resume: Label,
    /// Where to continue on `TAKEN` (conditional helpers only).
    taken: Option<Label>,
}

/// Out-of-line code other than helper calls, emitted after the body.
enum Deferred {
    /// After a direct call returned something other than `EXIT_RETURN`
    /// (in rax): `EXIT_REFUSED` takes the helper path `slow`; any other
    /// exit word goes on up to `enter` unchanged.
    CallExit { entry: Label, slow: Label },
    /// The double path of an Add/Sub/Mul (see `double_binop`), out of the
    /// int32 path's way; it continues at `done`.
    DoubleBinop {
        entry: Label,
        fb: u16,
        dst: u16,
        op: SseOp,
        slow: Label,
        done: Label,
    },
    /// An int32 Add/Sub/Mul that overflowed: the double result (see
    /// `int_overflow`); continues at `done`.
    IntOverflow {
        entry: Label,
        fb: u16,
        /// a, b, dst.
        operands: (u16, u16, u16),
        op: SseOp,
        done: Label,
    },
    /// The number path of a Mod (see `double_mod`); continues at `done`.
    DoubleMod {
        entry: Label,
        fb: u16,
        dst: u16,
        slow: Label,
        done: Label,
    },
    /// An instruction moved out of line (a conditional jump whose compare
    /// branched already, see `visit_int_compare`): its code for entries
    /// from elsewhere, then a jump to the next pc.
    OutOfLine { pc: u32, insn: Insn },
    /// A GetProp inline cache's prototype entry (`ic::emit_proto_holder`).
    /// A GetProp receiver that is no object: a string continues at
    /// `resume` with String.prototype in rax, anything else goes `slow`.
    StringReceiver {
        entry: Label,
        resume: Label,
        slow: Label,
    },
    ProtoHolder {
        entry: Label,
        resume: Label,
        slow: Label,
        store: Option<u16>,
        /// The site's (pc, dst or src, obj, next pc's label): its getter
        /// (GetProp) or setter (SetProp) records call the accessor
        /// directly (`accessors::emit_accessor_call`).
        getter: Option<(u32, u16, u16, Label)>,
    },
    /// `===` when not both operands are int32 (rax, rcx): numbers and
    /// strings go to `slow`; otherwise identity is bit equality: record
    /// `SAW_OTHER` (the interpreter's kind of both), `cmp rax, rcx`, and
    /// continue at `tail`, which turns the flags into the boolean.
    StrictOther {
        entry: Label,
        fb: u16,
        slow: Label,
        tail: Label,
    },
    /// `<`/`<=`/`>`/`>=` when not both operands are int32 (rax, rcx): two
    /// one-unit flat strings compare their units (`ic::compare_unit_strings`)
    /// and continue at `tail` with the flags; anything else goes to `slow`.
    UnitStrings {
        entry: Label,
        fb: u16,
        slow: Label,
        tail: Label,
    },
}

/// Per pc: whether some jump, loop or handler targets it.
fn targets_of(p: &FuncProto) -> Vec<bool> {
    let mut t = vec![false; p.code.len() + 1];
    for (pc, insn) in p.code.iter().enumerate() {
        // (An instruction has at most one jump operand; `operands()` would
        // build a vector per instruction, per compile.)
        if let Some(&mut off) = { *insn }.jump_mut() {
            let x = jump_target(pc, off);
            if x >= 0 && (x as usize) < t.len() {
                t[x as usize] = true;
            }
        }
    }
    for h in &p.handlers {
        if let Some(x) = t.get_mut(h.target as usize) {
            *x = true;
        }
    }
    t
}

/// The int32 operations with inline fast paths.
#[derive(Copy, Clone)]
enum IntOp {
    Add,
    Sub,
    Mul,
    /// A non-negative dividend and a positive divisor only (else -0, NaN
    /// or a sign rule: the helper).
    Mod,
    And,
    Or,
    Xor,
    Shl,
    Sar,
    Shr,
}

pub struct Emitter<'a> {
    pub m: Masm,
    pub proto: &'a FuncProto,
    /// One label per pc, plus one past the end (bound to a trap).
    pub labels: Vec<Label>,
    pub exit: Label,
    slow: Vec<SlowPath>,
    deferred: Vec<Deferred>,
    /// The next pc to emit out of line (see `Deferred::OutOfLine`).
    out_of_line: Option<u32>,
    /// Per pc: whether a jump, `Loop` or handler targets it.
    jump_targets: Vec<bool>,
    /// (return address offset, pc) of every helper call.
    pub safepoints: Vec<(u32, u32)>,
    /// (code offset, pc) at the start of each slow path.
    pub slow_starts: Vec<(u32, u32)>,
    /// While the optimizing tier emits one instruction with `visit`: where
    /// that instruction continues (instead of the next pc's label); also
    /// turns off compare-and-branch fusion.
    pub next_override: Option<Label>,
    /// `Tier::Auto` with an optimizing threshold: the direct entries refuse
    /// (send the call through the run loop, where the tier policy
    /// optimizes) once the function has been called this often.
    pub opt_threshold: u32,
    /// With `next_override`: where a jump of that instruction goes (the
    /// optimized region leaves its spill area first).
    pub target_override: Option<Label>,
    /// The baseline code of an optimized function: its back edges go back
    /// into the optimized region (by its OSR entry for that header) while
    /// the function has deoptimized fewer than `.0` times, and exit to the
    /// run loop (which reoptimizes it) once it has. Baseline code
    /// runs there after a deopt or a resumption at a pc that is not an
    /// entry (after a call through the run loop); without this it would
    /// stay baseline code until the function returns. `.1`: per loop
    /// header pc, the label its back edges jump to (`bind_loop_hooks`).
    pub loop_hooks: Option<(u32, std::collections::HashMap<u32, Label>)>,
    /// While the optimizing tier emits a generic `call`: a site whose
    /// feedback names one JS function calls its lean entry when it has
    /// one (`lean_call`).
    pub lean_calls: bool,
}

pub(super) type Helper = extern "C" fn(*mut Vm, *mut Value, u32) -> u64;

impl<'a> Emitter<'a> {
    pub fn new(proto: &'a FuncProto, align: super::masm::AlignCheck) -> Emitter<'a> {
        // About 24 machine instructions per bytecode instruction, slow
        // paths included.
        let mut m = Masm::with_capacity(align, 24 * proto.code.len() + 64);
        let labels = (0..=proto.code.len())
            .map(|pc| m.asm.new_numbered_label("bc", pc as u32))
            .collect();
        let exit = m.asm.new_named_label("exit");
        Emitter {
            m,
            proto,
            labels,
            exit,
            slow: Vec::new(),
            deferred: Vec::new(),
            out_of_line: None,
            jump_targets: targets_of(proto),
            safepoints: Vec::new(),
            slow_starts: Vec::new(),
            next_override: None,
            opt_threshold: 0,
            target_override: None,
            loop_hooks: None,
            lean_calls: false,
        }
    }

    /// Binds each back edge's hook (see `loop_hooks`): to the region's OSR
    /// entry for that header (`osr`: (pc, label)), else to the header's
    /// baseline code.
    pub fn bind_loop_hooks(&mut self, osr: &[(u32, Label)]) {
        let Some((_, hooks)) = self.loop_hooks.take() else {
            return;
        };
        let mut hooks: Vec<(u32, Label)> = hooks.into_iter().collect();
        hooks.sort_unstable_by_key(|h| h.0);
        for (pc, hook) in hooks {
            self.m.asm.bind(hook);
            let to = osr
                .iter()
                .find(|o| o.0 == pc)
                .map_or(self.labels[pc as usize], |o| o.1);
            self.m.asm.jmp(to);
        }
    }

    /// The label of the target of a jump at `pc`, or an error if out of range.
    fn target(&self, pc: u32, off: i32) -> Result<Label, String> {
        let t = jump_target(pc as usize, off);
        if t < 0 || t as usize >= self.proto.code.len() {
            return Err(format!("jump at {pc} to {t} is out of range"));
        }
        if let Some(l) = self.target_override {
            return Ok(l);
        }
        Ok(self.labels[t as usize])
    }

    pub(super) fn next(&self, pc: u32) -> Label {
        if let Some(l) = self.next_override {
            return l;
        }
        self.labels[pc as usize + 1]
    }

    /// Calls `helper(vm, regs, pc)` and records the safepoint.
    fn call(&mut self, pc: u32, helper: Helper) {
        let insn = self.proto.code[pc as usize];
        // Fault: `add`'s helper called with rsp misaligned by 8.
        let misalign = Fault::MisalignedHelperCall.injected() && matches!(insn, Insn::Add { .. });
        // Fault: `add`'s left operand (a string, say) kept in an unscanned
        // stack slot (the frame's pad word) across the helper, which may
        // collect, then written back: the register gets the old address.
        let stale = match insn {
            Insn::Add { dst, a, .. }
                if Fault::StalePointerAcrossSafepoint.injected() && a != dst =>
            {
                Some(a)
            }
            _ => None,
        };
        if misalign {
            self.m.asm.push_r(Gpr::Rax);
        }
        if let Some(obj) = stale {
            self.m.load(Gpr::Rax, obj);
            self.m
                .asm
                .mov_rm_r(Size::S64, Mem::base(Gpr::Rsp), Gpr::Rax);
        }
        self.m.call_helper(helper as usize, pc);
        if Fault::PinnedRegisterCorrupted.injected()
            && matches!(
                insn,
                Insn::Not { .. } | Insn::NewObject { .. } | Insn::NewArray { .. }
            )
        {
            // Redo the call with rsi (REGS) one word off.
            let ret = self.m.asm.offset();
            self.safepoints.push((ret, pc));
            self.m.asm.mov_rm_r(Size::S64, Gpr::Rdi, VM);
            self.m.asm.lea(Size::S64, Gpr::Rsi, Masm::reg(1));
            self.m.asm.mov_r_imm(Size::S32, Gpr::Rdx, pc as i64);
            self.m.call_abs(helper as usize);
        }
        let ret = self.m.asm.offset();
        self.m
            .asm
            .annotate(Annotation::Safepoint(self.safepoints.len() as u32));
        self.safepoints.push((ret, pc));
        if misalign {
            self.m.asm.pop_r(Gpr::Rcx);
        }
        if let Some(obj) = stale {
            self.m.asm.mov_r_m(Size::S64, Gpr::Rcx, Mem::base(Gpr::Rsp));
            self.m.store(obj, Gpr::Rcx);
        }
    }

    /// An instruction done entirely by its helper.
    pub(super) fn generic(&mut self, pc: u32, helper: Helper) {
        self.call(pc, helper);
        self.m.asm.test_rm_r(Size::S64, Gpr::Rax, Gpr::Rax);
        self.m.asm.jcc(Cond::Ne, self.exit);
    }

    /// A conditional instruction done by its helper (`TAKEN` jumps to `target`).
    fn generic_branch(&mut self, pc: u32, helper: Helper, target: Label) {
        self.call(pc, helper);
        self.m
            .asm
            .alu_rm_imm(AluOp::Cmp, Size::S64, Gpr::Rax, h::TAKEN as i32);
        self.m.asm.jcc(Cond::E, target);
        self.m.asm.jcc(Cond::A, self.exit);
    }

    /// A new slow-path entry label for the instruction at `pc`.
    pub(super) fn slow_path(
        &mut self,
        pc: u32,
        helper: Helper,
        resume: Label,
        taken: Option<Label>,
    ) -> Label {
        let entry = self.m.asm.new_numbered_label("slow_bc", pc);
        self.slow.push(SlowPath {
            entry,
            pc,
            helper: helper as usize,
            resume,
            taken,
        });
        entry
    }

    /// The code of every instruction, at its pc's label.
    pub fn emit_insns(&mut self) -> Result<(), String> {
        let proto = self.proto;
        for (pc, insn) in proto.code.iter().enumerate() {
            let pc = pc as u32;
            if self.out_of_line == Some(pc) {
                self.deferred.push(Deferred::OutOfLine { pc, insn: *insn });
                continue;
            }
            self.m.asm.bind(self.labels[pc as usize]);
            self.m.asm.annotate(Annotation::Bytecode(pc));
            self.visit(pc, *insn)?;
        }
        // The verifier makes falling off the end impossible; trap if it happens.
        self.m.asm.bind(self.labels[proto.code.len()]);
        self.m.asm.ud2();
        Ok(())
    }

    /// The out-of-line parts and slow paths of what was emitted so far.
    pub(crate) fn emit_out_of_line(&mut self) -> Result<(), String> {
        for d in std::mem::take(&mut self.deferred) {
            match d {
                Deferred::DoubleBinop {
                    entry,
                    fb,
                    dst,
                    op,
                    slow,
                    done,
                } => {
                    self.m.asm.bind(entry);
                    self.double_binop(fb, dst, op, slow);
                    self.m.asm.jmp(done);
                }
                Deferred::IntOverflow {
                    entry,
                    fb,
                    operands,
                    op,
                    done,
                } => {
                    self.m.asm.bind(entry);
                    self.int_overflow(fb, operands, op);
                    self.m.asm.jmp(done);
                }
                Deferred::DoubleMod {
                    entry,
                    fb,
                    dst,
                    slow,
                    done,
                } => {
                    self.m.asm.bind(entry);
                    self.double_mod(fb, dst, slow);
                    self.m.asm.jmp(done);
                }
                Deferred::StrictOther {
                    entry,
                    fb,
                    slow,
                    tail,
                } => {
                    self.m.asm.bind(entry);
                    // Numbers go to the helper.
                    for r in [Gpr::Rax, Gpr::Rcx] {
                        self.m.asm.test_rm_r(Size::S64, r, TAG);
                        self.m.asm.jcc(Cond::Ne, slow);
                    }
                    self.strict_non_numbers(fb, slow, tail);
                }
                Deferred::UnitStrings {
                    entry,
                    fb,
                    slow,
                    tail,
                } => {
                    self.m.asm.bind(entry);
                    self.compare_unit_strings(fb, slow, tail);
                }
                Deferred::ProtoHolder {
                    entry,
                    resume,
                    slow,
                    store,
                    getter,
                } => self.emit_proto_holder(entry, resume, slow, store, getter),
                Deferred::StringReceiver {
                    entry,
                    resume,
                    slow,
                } => {
                    self.m.asm.bind(entry);
                    self.emit_string_receiver(slow);
                    self.m.asm.jmp(resume);
                }
                Deferred::OutOfLine { pc, insn } => {
                    self.m.asm.bind(self.labels[pc as usize]);
                    self.m.asm.annotate(Annotation::Bytecode(pc));
                    self.visit(pc, insn)?;
                    self.m.asm.jmp(self.next(pc));
                }
                Deferred::CallExit { entry, slow } => {
                    let x = &mut self.m.asm;
                    x.bind(entry);
                    x.alu_rm_imm(AluOp::Cmp, Size::S32, Gpr::Rax, h::EXIT_REFUSED as i32);
                    x.jcc(Cond::E, slow);
                    x.jmp(self.exit);
                }
            }
        }
        for s in std::mem::take(&mut self.slow) {
            self.m.asm.bind(s.entry);
            self.slow_starts.push((self.m.asm.offset(), s.pc));
            // An annotation, not a formatted comment: text only in listings.
            self.m.asm.annotate(Annotation::SlowPath(s.pc));
            let f: Helper = unsafe { std::mem::transmute::<usize, Helper>(s.helper) };
            match s.taken {
                Some(t) => self.generic_branch(s.pc, f, t),
                None => self.generic(s.pc, f),
            }
            self.m.asm.jmp(s.resume);
        }
        Ok(())
    }

    /// The alignment stubs and the one exit.
    pub fn emit_exit(&mut self) {
        self.m.emit_abi_stubs();
        self.m.asm.bind(self.exit);
        self.m.epilogue();
    }

    pub(crate) fn visit(&mut self, pc: u32, insn: Insn) -> Result<(), String> {
        use Insn::*;
        match insn {
            Mov { dst, src } => self.visit_mov(dst, src),
            LdConst { dst, k } => self.visit_ldconst(pc, dst, k),
            LdInt { dst, imm } => self.visit_ldint(dst, imm),
            LdUndef { dst } => self.m.store_small(dst, Value::UNDEFINED.0),
            LdNull { dst } => self.m.store_small(dst, Value::NULL.0),
            LdTrue { dst } => self.m.store_small(dst, Value::TRUE.0),
            LdFalse { dst } => self.m.store_small(dst, Value::FALSE.0),
            LdEmpty { dst } => self.m.store_small(dst, Value::EMPTY.0),

            Add { dst, a, b, fb } => self.visit_int_binop(pc, dst, a, b, fb, IntOp::Add, h::bl_add),
            Sub { dst, a, b, fb } => self.visit_int_binop(pc, dst, a, b, fb, IntOp::Sub, h::bl_sub),
            Mul { dst, a, b, fb } => self.visit_int_binop(pc, dst, a, b, fb, IntOp::Mul, h::bl_mul),
            Div { .. } => self.generic(pc, h::bl_div),
            Mod { dst, a, b, fb } => self.visit_int_binop(pc, dst, a, b, fb, IntOp::Mod, h::bl_mod),
            Exp { .. } => self.generic(pc, h::bl_exp),
            BitAnd { dst, a, b, fb } => {
                self.visit_int_binop(pc, dst, a, b, fb, IntOp::And, h::bl_bitand)
            }
            BitOr { dst, a, b, fb } => {
                self.visit_int_binop(pc, dst, a, b, fb, IntOp::Or, h::bl_bitor)
            }
            BitXor { dst, a, b, fb } => {
                self.visit_int_binop(pc, dst, a, b, fb, IntOp::Xor, h::bl_bitxor)
            }
            Shl { dst, a, b, fb } => self.visit_int_binop(pc, dst, a, b, fb, IntOp::Shl, h::bl_shl),
            Shr { dst, a, b, fb } => self.visit_int_binop(pc, dst, a, b, fb, IntOp::Sar, h::bl_shr),
            UShr { dst, a, b, fb } => {
                self.visit_int_binop(pc, dst, a, b, fb, IntOp::Shr, h::bl_ushr)
            }

            Eq { .. } => self.generic(pc, h::bl_eq),
            Ne { .. } => self.generic(pc, h::bl_ne),
            StrictEq { dst, a, b, fb } => {
                self.visit_int_compare(pc, dst, a, b, fb, Cond::E, h::bl_stricteq)
            }
            StrictNe { dst, a, b, fb } => {
                self.visit_int_compare(pc, dst, a, b, fb, Cond::Ne, h::bl_strictne)
            }
            Lt { dst, a, b, fb } => {
                // Fault: `<` computed as `<=` on the inline int32 path.
                let cc = if Fault::WrongConditionCode.injected() {
                    Cond::Le
                } else {
                    Cond::L
                };
                self.visit_int_compare(pc, dst, a, b, fb, cc, h::bl_lt)
            }
            Le { dst, a, b, fb } => self.visit_int_compare(pc, dst, a, b, fb, Cond::Le, h::bl_le),
            Gt { dst, a, b, fb } => self.visit_int_compare(pc, dst, a, b, fb, Cond::G, h::bl_gt),
            Ge { dst, a, b, fb } => self.visit_int_compare(pc, dst, a, b, fb, Cond::Ge, h::bl_ge),
            InstanceOf { dst, a, b, fb } => self.visit_instanceof(pc, dst, a, b, fb),
            In { dst, a, b, fb } => self.visit_in(pc, dst, a, b, fb),

            Neg { dst, src, fb } => self.visit_neg(pc, dst, src, fb),
            ToNumber { dst, src } => self.visit_tonumber(pc, dst, src),
            BitNot { .. } => self.generic(pc, h::bl_bitnot),
            Not { dst, src } => self.visit_not(pc, dst, src),
            Inc { dst, src, fb } => self.visit_inc_dec(pc, dst, src, fb, AluOp::Add, h::bl_inc),
            Dec { dst, src, fb } => self.visit_inc_dec(pc, dst, src, fb, AluOp::Sub, h::bl_dec),
            TypeOf { .. } => self.generic(pc, h::bl_typeof),
            ToString { .. } => self.generic(pc, h::bl_tostring),
            ToPropKey { dst, src } => self.visit_topropkey(pc, dst, src),

            Jmp { off } => {
                let t = self.target(pc, off)?;
                self.m.asm.jmp(t)
            }
            JmpTrue { src, off } => self.visit_jmp_bool(pc, src, off, true)?,
            JmpFalse { src, off } => self.visit_jmp_bool(pc, src, off, false)?,
            JmpNullish { src, off } => self.visit_jmp_nullish(pc, src, off, Cond::E)?,
            JmpNotNullish { src, off } => self.visit_jmp_nullish(pc, src, off, Cond::Ne)?,
            JmpUndef { src, off } => self.visit_jmpundef(pc, src, off)?,
            Loop { off } => self.visit_loop(pc, off)?,

            GetGlobal { dst, fb, .. } => self.visit_global(pc, dst, fb, false),
            GetGlobalOrUndef { .. } => self.generic(pc, h::bl_getglobalorundef),
            SetGlobal { src, fb, .. } => self.visit_global(pc, src, fb, true),
            CheckTdz { src, .. } => self.visit_checktdz(pc, src),
            ThrowConstAssign { .. } => self.generic(pc, h::bl_throwconstassign),

            PushCtx { .. } => self.generic(pc, h::bl_pushctx),
            PopCtx {} => self.generic(pc, h::bl_popctx),
            CopyCtx {} => self.generic(pc, h::bl_copyctx),
            LdCtx { dst, depth, slot } => {
                self.load_ctx(Gpr::Rax, depth);
                let m = &mut self.m;
                m.asm
                    .mov_r_m(Size::S64, Gpr::Rax, layout::env_slot(Gpr::Rax, slot));
                m.store(dst, Gpr::Rax);
            }
            StCtx { depth, slot, src } => {
                self.load_ctx(Gpr::Rax, depth);
                let m = &mut self.m;
                m.load(Gpr::Rcx, src);
                m.asm
                    .mov_rm_r(Size::S64, layout::env_slot(Gpr::Rax, slot), Gpr::Rcx);
            }
            GetCtx { dst } => {
                let m = &mut self.m;
                m.asm
                    .mov_r_m(Size::S64, Gpr::Rax, Mem::disp(FRAME, layout::F_CTX));
                m.store(dst, Gpr::Rax);
            }
            SetCtx { src } => {
                let m = &mut self.m;
                m.load(Gpr::Rax, src);
                m.asm
                    .mov_rm_r(Size::S64, Mem::disp(FRAME, layout::F_CTX), Gpr::Rax);
            }

            GetProp { dst, obj, name, fb } => self.visit_getprop(pc, dst, obj, name, fb),
            SetProp { obj, src, fb, .. } => self.visit_setprop(pc, obj, src, fb),
            GetElem { dst, obj, key, fb } => self.visit_getelem(pc, dst, obj, key, fb),
            SetElem { obj, key, src, fb } => self.visit_setelem(pc, obj, key, src, fb),
            DelProp { .. } => self.generic(pc, h::bl_delprop),
            DelElem { .. } => self.generic(pc, h::bl_delelem),
            GetSuper { .. } => self.generic(pc, h::bl_getsuper),
            SetSuper { .. } => self.generic(pc, h::bl_setsuper),

            NewObject { .. } => self.generic(pc, h::bl_newobject),
            SetProto { .. } => self.generic(pc, h::bl_setproto),
            NewArray { .. } => self.generic(pc, h::bl_newarray),
            ArrayPush { .. } => self.generic(pc, h::bl_arraypush),
            ArrayHole { .. } => self.generic(pc, h::bl_arrayhole),
            DefineField { .. } => self.generic(pc, h::bl_definefield),
            DefineMethod { .. } => self.generic(pc, h::bl_definemethod),
            DefineAccessor { .. } => self.generic(pc, h::bl_defineaccessor),

            Closure { .. } => self.generic(pc, h::bl_closure),
            Call {
                dst,
                base,
                argc,
                fb,
            } => self.visit_call(pc, dst, base, argc, fb),
            New {
                dst,
                base,
                argc,
                fb,
            } => self.visit_new(pc, dst, base, argc, fb),
            SuperCall { .. } => self.generic(pc, h::bl_supercall),
            SuperCallForward { .. } => self.generic(pc, h::bl_supercallforward),
            CallSpread { .. } => self.generic(pc, h::bl_callspread),
            NewSpread { .. } => self.generic(pc, h::bl_newspread),
            SuperCallSpread { .. } => self.generic(pc, h::bl_supercallspread),
            ArrayExtend { .. } => self.generic(pc, h::bl_arrayextend),
            CreateArguments { .. } => self.generic(pc, h::bl_createarguments),
            ArgCount { dst } => {
                // The frame's argc (a u32 load zero-extends), boxed.
                let m = &mut self.m;
                m.asm
                    .mov_r_m(Size::S32, Gpr::Rax, Mem::disp(FRAME, layout::F_ARGC));
                m.box_int32(Gpr::Rax);
                m.store(dst, Gpr::Rax);
            }
            ArgGet {
                dst,
                key,
                params,
                n,
                rest,
            } => self.visit_argget(pc, dst, key, params, n, rest),
            CopyProps { .. } => self.generic(pc, h::bl_copyprops),
            RequireObject { .. } => self.generic(pc, h::bl_requireobject),
            Return { src } => self.visit_return(pc, src),
            Class { .. } => self.generic(pc, h::bl_class),
            SetFunctionName { .. } => self.generic(pc, h::bl_setfunctionname),
            SetFieldInit { .. } => self.generic(pc, h::bl_setfieldinit),
            SetHome { .. } => self.generic(pc, h::bl_sethome),
            InitFields {} => self.generic(pc, h::bl_initfields),

            Throw { .. } => self.generic(pc, h::bl_throw),
            ForOfStart { .. } => self.generic(pc, h::bl_forofstart),
            ForOfNext { off, .. } => {
                let t = self.target(pc, off)?;
                self.generic_branch(pc, h::bl_forofnext, t)
            }
            ForInStart { .. } => self.generic(pc, h::bl_forinstart),
            ForInNext { off, .. } => {
                let t = self.target(pc, off)?;
                self.generic_branch(pc, h::bl_forinnext, t)
            }
            Nop {} => {}
        }
        Ok(())
    }

    fn visit_mov(&mut self, dst: u16, src: u16) {
        self.m.load(Gpr::Rax, src);
        self.m.store(dst, Gpr::Rax);
    }

    /// Non-cells (numbers, booleans, null, undefined) are their own key:
    /// moved inline; cells go to the helper.
    fn visit_topropkey(&mut self, pc: u32, dst: u16, src: u16) {
        let (plain, done) = (self.m.asm.new_label(), self.m.asm.new_label());
        self.m.load(Gpr::Rax, src);
        self.m.branch_if_not_cell(Gpr::Rax, plain);
        self.generic(pc, h::bl_topropkey);
        self.m.asm.jmp(done);
        self.m.asm.bind(plain);
        self.m.store(dst, Gpr::Rax);
        self.m.asm.bind(done);
    }

    /// `arguments[key]` without the object: an int32 key below both the
    /// frame's argc and the number of fixed parameters reads the snapshot
    /// register inline; anything else (the rest array, other keys) is the
    /// helper's.
    fn visit_argget(&mut self, pc: u32, dst: u16, key: u16, params: u16, n: u16, rest: u16) {
        let fixed = n - (rest != 0 && n > 0) as u16;
        if fixed == 0 {
            return self.generic(pc, h::bl_argget);
        }
        let slow = self.slow_path(pc, h::bl_argget, self.next(pc), None);
        let m = &mut self.m;
        m.load(Gpr::Rcx, key);
        m.branch_if_not_int(Gpr::Rcx, slow);
        // Unsigned 32-bit compares: a negative index is above both bounds.
        let x = &mut m.asm;
        x.mov_rm_r(Size::S32, Gpr::Rcx, Gpr::Rcx);
        x.alu_rm_imm(AluOp::Cmp, Size::S32, Gpr::Rcx, fixed as i32);
        x.jcc(Cond::Ae, slow);
        x.alu_r_m(
            AluOp::Cmp,
            Size::S32,
            Gpr::Rcx,
            Mem::disp(FRAME, layout::F_ARGC),
        );
        x.jcc(Cond::Ae, slow);
        x.mov_r_m(
            Size::S64,
            Gpr::Rax,
            Mem::bisd(REGS, super::ic::idx(Gpr::Rcx), Scale::S8, params as i32 * 8),
        );
        m.store(dst, Gpr::Rax);
    }

    fn visit_ldint(&mut self, dst: u16, imm: i32) {
        self.m.store_bits(dst, Value::int(imm).0);
    }

    /// int32 `op` inline with overflow (and -0) checks; anything else, and
    /// any overflow, goes to the helper, which recomputes from the registers.
    #[allow(clippy::too_many_arguments)]
    fn visit_int_binop(
        &mut self,
        pc: u32,
        dst: u16,
        a: u16,
        b: u16,
        fb: u16,
        op: IntOp,
        helper: Helper,
    ) {
        let slow = self.slow_path(pc, helper, self.next(pc), None);
        let sse = match op {
            IntOp::Add => Some(SseOp::Addsd),
            IntOp::Sub => Some(SseOp::Subsd),
            IntOp::Mul => Some(SseOp::Mulsd),
            _ => None,
        };
        let dbl = match (sse, op) {
            (Some(_), _) | (None, IntOp::Mod) => self.m.asm.new_label(),
            (None, _) => slow,
        };
        let done = self.m.asm.new_label();
        // An int32 overflow of add/sub/mul: the double result, out of line
        // (a `h * 31 + c` hash loop overflows on every step).
        let ovf = match sse {
            Some(_) => self.m.asm.new_label(),
            None => slow,
        };
        let asm = &mut self.m;
        asm.load(Gpr::Rax, a);
        asm.load(Gpr::Rcx, b);
        asm.branch_if_not_both_int(Gpr::Rax, Gpr::Rcx, dbl);
        let x = &mut asm.asm;
        match op {
            IntOp::Add => {
                x.alu_rm_r(AluOp::Add, Size::S32, Gpr::Rax, Gpr::Rcx);
                // Fault: no overflow check (the sum wraps).
                if !Fault::OverflowCheckDropped.injected() {
                    x.jcc(Cond::O, ovf);
                }
            }
            IntOp::Sub if Fault::SubOperandOrder.injected() => {
                // Fault: b - a.
                x.alu_rm_r(AluOp::Sub, Size::S32, Gpr::Rcx, Gpr::Rax);
                x.jcc(Cond::O, slow);
                x.mov_rm_r(Size::S32, Gpr::Rax, Gpr::Rcx);
            }
            IntOp::Sub => {
                x.alu_rm_r(AluOp::Sub, Size::S32, Gpr::Rax, Gpr::Rcx);
                x.jcc(Cond::O, ovf);
            }
            IntOp::Mul => {
                // A zero product with a negative operand is -0: a double.
                let done = x.new_label();
                x.mov_rm_r(Size::S32, Gpr::Rdx, Gpr::Rax);
                x.imul_r_rm(Size::S32, Gpr::Rax, Gpr::Rcx);
                x.jcc(Cond::O, ovf);
                x.test_rm_r(Size::S32, Gpr::Rax, Gpr::Rax);
                x.jcc_short(Cond::Ne, done);
                x.alu_rm_r(AluOp::Or, Size::S32, Gpr::Rdx, Gpr::Rcx);
                x.jcc(Cond::S, slow);
                x.bind(done);
            }
            IntOp::Mod => {
                x.test_rm_r(Size::S32, Gpr::Rax, Gpr::Rax);
                x.jcc(Cond::S, slow);
                x.test_rm_r(Size::S32, Gpr::Rcx, Gpr::Rcx);
                x.jcc(Cond::Le, slow);
                // Both non-negative: an unsigned divide of edx:eax.
                x.alu_rm_r(AluOp::Xor, Size::S32, Gpr::Rdx, Gpr::Rdx);
                x.unary(UnaryOp::Div, Size::S32, Gpr::Rcx);
                x.mov_rm_r(Size::S32, Gpr::Rax, Gpr::Rdx);
            }
            IntOp::And => x.alu_rm_r(AluOp::And, Size::S32, Gpr::Rax, Gpr::Rcx),
            IntOp::Or => x.alu_rm_r(AluOp::Or, Size::S32, Gpr::Rax, Gpr::Rcx),
            IntOp::Xor => x.alu_rm_r(AluOp::Xor, Size::S32, Gpr::Rax, Gpr::Rcx),
            // 32-bit shifts mask the count (cl) to 5 bits, as JS does.
            IntOp::Shl => x.shift_cl(ShiftOp::Shl, Size::S32, Gpr::Rax),
            IntOp::Sar => x.shift_cl(ShiftOp::Sar, Size::S32, Gpr::Rax),
            IntOp::Shr => {
                // Results above i32::MAX are doubles.
                x.shift_cl(ShiftOp::Shr, Size::S32, Gpr::Rax);
                x.test_rm_r(Size::S32, Gpr::Rax, Gpr::Rax);
                x.jcc(Cond::S, slow);
            }
        }
        // 32-bit operations zeroed the upper half: tag it.
        asm.box_int32(Gpr::Rax);
        asm.store(dst, Gpr::Rax);
        asm.feedback_or(fb, fbk::SAW_INT);
        if let Some(op) = sse {
            self.deferred.push(Deferred::DoubleBinop {
                entry: dbl,
                fb,
                dst,
                op,
                slow,
                done,
            });
            self.deferred.push(Deferred::IntOverflow {
                entry: ovf,
                fb,
                operands: (a, b, dst),
                op,
                done,
            });
        }
        if let IntOp::Mod = op {
            self.deferred.push(Deferred::DoubleMod {
                entry: dbl,
                fb,
                dst,
                slow,
                done,
            });
        }
        self.m.asm.bind(done);
    }

    /// The number path of Add/Sub/Mul when not both operands are int32
    /// (rax = a, rcx = b): both must be numbers, else `slow`. Feedback and
    /// the result are exactly the interpreter's: each operand's kind, and
    /// `Value::number` of the double result (int32 when exact and not -0,
    /// NaN canonical).
    fn double_binop(&mut self, fb: u16, dst: u16, op: SseOp, slow: Label) {
        if op == SseOp::Addsd {
            // `+` of two strings: a long result is a rope made inline.
            let (strings, done) = (self.m.asm.new_label(), self.m.asm.new_label());
            self.number_operands(fb, strings);
            self.m.asm.sse(op, Xmm::Xmm0, Xmm::Xmm1);
            self.box_number_xmm0();
            self.m.store(dst, Gpr::Rax);
            self.m.asm.jmp(done);
            self.m.asm.bind(strings);
            self.inline_rope(fb, dst, slow);
            self.m.asm.bind(done);
            return;
        }
        self.number_operands(fb, slow);
        self.m.asm.sse(op, Xmm::Xmm0, Xmm::Xmm1);
        self.box_number_xmm0();
        self.m.store(dst, Gpr::Rax);
    }

    /// After an int32 add/sub/mul overflowed: the operands (reloaded from
    /// `a` and `b`: nothing was stored) as doubles, the operation, the
    /// double stored in `dst`, and the helper's feedback for an overflow.
    fn int_overflow(&mut self, fb: u16, (a, b, dst): (u16, u16, u16), op: SseOp) {
        self.m.feedback_or(fb, fbk::SAW_INT);
        self.m.feedback_or(fb, fbk::SAW_OVERFLOW);
        self.m.load(Gpr::Rax, a);
        self.m.load(Gpr::Rcx, b);
        let x = &mut self.m.asm;
        x.cvtsi2sd(Size::S32, Xmm::Xmm0, Gpr::Rax);
        x.cvtsi2sd(Size::S32, Xmm::Xmm1, Gpr::Rcx);
        x.sse(op, Xmm::Xmm0, Xmm::Xmm1);
        self.box_number_xmm0();
        self.m.store(dst, Gpr::Rax);
    }

    /// `%` when not both operands are int32 (rax, rcx): numbers whose
    /// values are integers, the divisor at least 1 (so no idiv overflows),
    /// divided as 64-bit integers: the remainder has the dividend's sign,
    /// as JS's `%`. A zero remainder of a negative dividend (-0), a
    /// non-integer, NaN or an infinity go to `slow`. Feedback is each
    /// operand's kind, as the helper's.
    fn double_mod(&mut self, fb: u16, dst: u16, slow: Label) {
        self.number_operands(fb, slow);
        let x = &mut self.m.asm;
        // Integral and in i64 range (out of range converts to i64::MIN,
        // which converts back to -2^63: unequal unless it is exactly that).
        for (r, xmm) in [(Gpr::Rax, Xmm::Xmm0), (Gpr::Rcx, Xmm::Xmm1)] {
            x.cvttsd2si(Size::S64, r, xmm);
            x.cvtsi2sd(Size::S64, Xmm::Xmm2, r);
            x.sse(SseOp::Ucomisd, xmm, Xmm::Xmm2);
            x.jcc(Cond::P, slow);
            x.jcc(Cond::Ne, slow);
        }
        x.alu_rm_imm(AluOp::Cmp, Size::S64, Gpr::Rcx, 1);
        x.jcc(Cond::L, slow);
        x.cqo();
        x.unary(UnaryOp::Idiv, Size::S64, Gpr::Rcx);
        let nonzero = x.new_label();
        x.test_rm_r(Size::S64, Gpr::Rdx, Gpr::Rdx);
        x.jcc_short(Cond::Ne, nonzero);
        // Zero: -0 when the dividend is negative (or -0).
        x.movq_r_x(Gpr::R8, Xmm::Xmm0);
        x.test_rm_r(Size::S64, Gpr::R8, Gpr::R8);
        x.jcc(Cond::S, slow);
        x.bind(nonzero);
        x.cvtsi2sd(Size::S64, Xmm::Xmm0, Gpr::Rdx);
        self.box_number_xmm0();
        self.m.store(dst, Gpr::Rax);
    }

    /// rax, rcx = two values that are not both int32: both must be
    /// numbers (else `slow`); xmm0, xmm1 = them as doubles, with each
    /// operand's kind recorded as the helper records it.
    fn number_operands(&mut self, fb: u16, slow: Label) {
        let x = &mut self.m.asm;
        x.test_rm_r(Size::S64, Gpr::Rax, TAG);
        x.jcc(Cond::E, slow);
        x.test_rm_r(Size::S64, Gpr::Rcx, TAG);
        x.jcc(Cond::E, slow);
        for (r, xmm) in [(Gpr::Rax, Xmm::Xmm0), (Gpr::Rcx, Xmm::Xmm1)] {
            let is_double = self.m.asm.new_label();
            let next = self.m.asm.new_label();
            self.m.asm.alu_rm_r(AluOp::Cmp, Size::S64, r, TAG);
            self.m.asm.jcc(Cond::B, is_double);
            self.m.feedback_or(fb, fbk::SAW_INT);
            self.m.asm.cvtsi2sd(Size::S32, xmm, r);
            self.m.asm.jmp(next);
            self.m.asm.bind(is_double);
            self.m.feedback_or(fb, fbk::SAW_DOUBLE);
            let x = &mut self.m.asm;
            x.mov_r_imm(
                Size::S64,
                Gpr::Rdx,
                crate::runtime::value::DOUBLE_OFFSET as i64,
            );
            x.alu_rm_r(AluOp::Sub, Size::S64, r, Gpr::Rdx);
            x.movq_x_r(xmm, r);
            x.bind(next);
        }
    }

    /// rax = `Value::number` of the double in xmm0: an int32 when it is one
    /// exactly (not -0), else the boxed double with NaN canonical (rdx and
    /// xmm1 clobbered).
    pub(super) fn box_number_xmm0(&mut self) {
        let x = &mut self.m.asm;
        let boxed = x.new_label();
        let as_double = x.new_label();
        x.cvttsd2si(Size::S32, Gpr::Rdx, Xmm::Xmm0);
        x.cvtsi2sd(Size::S32, Xmm::Xmm1, Gpr::Rdx);
        x.sse(SseOp::Ucomisd, Xmm::Xmm0, Xmm::Xmm1);
        x.jcc(Cond::P, as_double);
        x.jcc(Cond::Ne, as_double);
        // A zero result is an int only if it is +0.
        let int_box = x.new_label();
        x.test_rm_r(Size::S32, Gpr::Rdx, Gpr::Rdx);
        x.jcc(Cond::Ne, int_box);
        x.movq_r_x(Gpr::Rax, Xmm::Xmm0);
        x.test_rm_r(Size::S64, Gpr::Rax, Gpr::Rax);
        x.jcc(Cond::S, as_double);
        x.bind(int_box);
        x.mov_rm_r(Size::S32, Gpr::Rax, Gpr::Rdx);
        x.alu_rm_r(AluOp::Or, Size::S64, Gpr::Rax, TAG);
        x.jmp(boxed);
        x.bind(as_double);
        let not_nan = x.new_label();
        x.movq_r_x(Gpr::Rax, Xmm::Xmm0);
        x.sse(SseOp::Ucomisd, Xmm::Xmm0, Xmm::Xmm0);
        x.jcc(Cond::Np, not_nan);
        x.mov_r_imm(Size::S64, Gpr::Rax, f64::NAN.to_bits() as i64);
        x.bind(not_nan);
        x.mov_r_imm(
            Size::S64,
            Gpr::Rdx,
            crate::runtime::value::DOUBLE_OFFSET as i64,
        );
        x.alu_rm_r(AluOp::Add, Size::S64, Gpr::Rax, Gpr::Rdx);
        x.bind(boxed);
    }

    /// Relational/strict-equality compare of two int32s inline.
    #[allow(clippy::too_many_arguments)]
    fn visit_int_compare(
        &mut self,
        pc: u32,
        dst: u16,
        a: u16,
        b: u16,
        fb: u16,
        cc: Cond,
        helper: Helper,
    ) {
        let slow = self.slow_path(pc, helper, self.next(pc), None);
        // Fusion: a `jmptrue`/`jmpfalse` of the result right after (in the
        // same block: nothing else jumps to it) branches on the flags here;
        // its own code moves out of line for entries at its pc (OSR).
        let fused = match self.proto.code.get(pc as usize + 1) {
            Some(&Insn::JmpTrue { src, off }) if src == dst => Some((off, true)),
            Some(&Insn::JmpFalse { src, off }) if src == dst => Some((off, false)),
            _ => None,
        }
        .filter(|_| !self.is_jump_target(pc + 1) && self.next_override.is_none());
        // `===`/`!==` of two non-numbers that are not strings compare bits
        // (out of line, joining at `tail` with the flags set).
        let strict = matches!(cc, Cond::E | Cond::Ne);
        let other = self.m.asm.new_label();
        let tail = self.m.asm.new_label();
        let m = &mut self.m;
        m.load(Gpr::Rax, a);
        m.load(Gpr::Rcx, b);
        m.branch_if_not_both_int(Gpr::Rax, Gpr::Rcx, other);
        m.feedback_or(fb, fbk::SAW_INT);
        m.asm.alu_rm_r(AluOp::Cmp, Size::S32, Gpr::Rax, Gpr::Rcx);
        self.deferred.push(if strict {
            Deferred::StrictOther {
                entry: other,
                fb,
                slow,
                tail,
            }
        } else {
            Deferred::UnitStrings {
                entry: other,
                fb,
                slow,
                tail,
            }
        });
        let m = &mut self.m;
        m.asm.bind(tail);
        m.asm.setcc(cc, Gpr::Rdx);
        m.asm.movzx(Size::S32, Gpr::Rdx, Size::S8, Gpr::Rdx);
        // FALSE + 1 == TRUE; lea keeps the flags.
        m.asm.lea(
            Size::S32,
            Gpr::Rdx,
            Mem::disp(Gpr::Rdx, Value::FALSE.0 as i32),
        );
        m.store(dst, Gpr::Rdx);
        if let Some((off, when)) = fused {
            let target = jump_target(pc as usize + 1, off);
            if target >= 0 && (target as usize) < self.proto.code.len() {
                let t = self.labels[target as usize];
                self.m.asm.jcc(if when { cc } else { cc.invert() }, t);
                self.out_of_line = Some(pc + 1);
            }
        }
    }

    /// Emits a GetProp site's string-receiver path after the body (see
    /// `ic::visit_getprop`).
    pub(super) fn defer_string_receiver(&mut self, entry: Label, resume: Label, slow: Label) {
        self.deferred.push(Deferred::StringReceiver {
            entry,
            resume,
            slow,
        });
    }

    /// Emits a property site's chain-record path after the body.
    pub(super) fn defer_proto_holder(
        &mut self,
        entry: Label,
        resume: Label,
        slow: Label,
        store: Option<u16>,
        getter: Option<(u32, u16, u16, Label)>,
    ) {
        self.deferred.push(Deferred::ProtoHolder {
            entry,
            resume,
            slow,
            store,
            getter,
        });
    }

    /// Whether any jump or handler targets `pc` (so it starts a block).
    fn is_jump_target(&self, pc: u32) -> bool {
        self.jump_targets.get(pc as usize).copied().unwrap_or(true)
    }

    /// Numbers are copied inline (postfix `i++` reads its old value this
    /// way); anything else converts in the helper.
    fn visit_tonumber(&mut self, pc: u32, dst: u16, src: u16) {
        let slow = self.slow_path(pc, h::bl_tonumber, self.next(pc), None);
        let m = &mut self.m;
        m.load(Gpr::Rax, src);
        // A number has some NUMBER_TAG bit set.
        m.asm.test_rm_r(Size::S64, Gpr::Rax, TAG);
        m.asm.jcc(Cond::E, slow);
        m.store(dst, Gpr::Rax);
    }

    fn visit_inc_dec(&mut self, pc: u32, dst: u16, src: u16, fb: u16, op: AluOp, helper: Helper) {
        let slow = self.slow_path(pc, helper, self.next(pc), None);
        let m = &mut self.m;
        m.load(Gpr::Rax, src);
        m.branch_if_not_int(Gpr::Rax, slow);
        m.asm.alu_rm_imm(op, Size::S32, Gpr::Rax, 1);
        m.asm.jcc(Cond::O, slow);
        m.box_int32(Gpr::Rax);
        m.store(dst, Gpr::Rax);
        m.feedback_or(fb, fbk::SAW_INT);
    }

    /// Booleans branch inline; anything else asks `to_boolean` (the helper).
    fn visit_jmp_bool(&mut self, pc: u32, src: u16, off: i32, when: bool) -> Result<(), String> {
        let mut target = self.target(pc, off)?;
        // Fault: `jmpfalse` lands one instruction past its target.
        if !when && Fault::OffByOneJumpTarget.injected() {
            let t = jump_target(pc as usize, off) as usize;
            if t + 1 < self.proto.code.len() {
                target = self.labels[t + 1];
            }
        }
        let next = self.next(pc);
        let helper = if when {
            h::bl_jmptrue as Helper
        } else {
            h::bl_jmpfalse as Helper
        };
        let slow = self.slow_path(pc, helper, next, Some(target));
        let (jump_on, fall_on) = if when {
            (Value::TRUE, Value::FALSE)
        } else {
            (Value::FALSE, Value::TRUE)
        };
        let m = &mut self.m;
        m.load(Gpr::Rax, src);
        m.asm
            .alu_rm_imm(AluOp::Cmp, Size::S64, Gpr::Rax, jump_on.0 as i32);
        m.asm.jcc(Cond::E, target);
        m.asm
            .alu_rm_imm(AluOp::Cmp, Size::S64, Gpr::Rax, fall_on.0 as i32);
        m.asm.jcc(Cond::Ne, slow);
        Ok(())
    }

    /// null and undefined differ only in UNDEFINED_TAG: mask it off, compare with null.
    fn visit_jmp_nullish(&mut self, pc: u32, src: u16, off: i32, cc: Cond) -> Result<(), String> {
        let target = self.target(pc, off)?;
        let m = &mut self.m;
        m.load(Gpr::Rax, src);
        m.asm.alu_rm_imm(
            AluOp::And,
            Size::S64,
            Gpr::Rax,
            !(crate::runtime::value::UNDEFINED_TAG as i32),
        );
        m.asm
            .alu_rm_imm(AluOp::Cmp, Size::S64, Gpr::Rax, Value::NULL.0 as i32);
        m.asm.jcc(cc, target);
        Ok(())
    }

    fn visit_jmpundef(&mut self, pc: u32, src: u16, off: i32) -> Result<(), String> {
        let target = self.target(pc, off)?;
        self.m.asm.alu_rm_imm(
            AluOp::Cmp,
            Size::S64,
            Masm::reg(src),
            Value::UNDEFINED.0 as i32,
        );
        self.m.asm.jcc(Cond::E, target);
        Ok(())
    }

    /// Spends one unit of fuel inline and counts the back edge; the helper
    /// handles running out (`fuel <= 1`), exactly as the interpreter.
    fn visit_loop(&mut self, pc: u32, off: i32) -> Result<(), String> {
        let target = self.target(pc, off)?;
        let slow = self.slow_path(pc, h::bl_loop, target, None);
        let fuel = Mem::disp(VM, std::mem::offset_of!(Vm, fuel) as i32);
        let count = Mem::disp(
            PROTO,
            std::mem::offset_of!(FuncProto, jit.loop_count) as i32,
        );
        let x = &mut self.m.asm;
        x.mov_r_m(Size::S64, Gpr::Rax, fuel);
        x.alu_rm_imm(AluOp::Cmp, Size::S64, Gpr::Rax, 1);
        x.jcc(Cond::Be, slow);
        // Fault: the decrement is skipped unless loop_count % 16 == 0.
        let skip = x.new_label();
        if Fault::FuelNotDecremented.injected() {
            x.test_rm_imm(Size::S32, count, 15);
            x.jcc(Cond::Ne, skip);
        }
        x.alu_rm_imm(AluOp::Sub, Size::S64, Gpr::Rax, 1);
        x.mov_rm_r(Size::S64, fuel, Gpr::Rax);
        x.bind(skip);
        x.unary(UnaryOp::Inc, Size::S32, count);
        if self.opt_threshold != 0 {
            // Hot enough for tier 2: continue at the header through the run
            // loop, whose tier check optimizes and enters by OSR (once: at
            // exactly the threshold).
            let osr = x.new_label();
            x.alu_rm_imm(AluOp::Cmp, Size::S32, count, self.opt_threshold as i32);
            x.jcc(Cond::E, osr);
            x.jmp(target);
            x.bind(osr);
            let w = h::exit_word(h::EXIT_OSR, pc);
            x.mov_r_imm(Size::S64, Gpr::Rax, w as i64);
            x.jmp(self.exit);
            return Ok(());
        }
        if let Some((limit, hooks)) = &mut self.loop_hooks {
            let to = crate::bytecode::jump_target(pc as usize, off) as u32;
            let hook = *hooks.entry(to).or_insert_with(|| x.new_label());
            let deopts = Mem::disp(
                PROTO,
                std::mem::offset_of!(FuncProto, jit.deopt_count) as i32,
            );
            x.alu_rm_imm(AluOp::Cmp, Size::S32, deopts, *limit as i32);
            x.jcc(Cond::B, hook);
            // Deoptimized too often: through the run loop, which
            // reoptimizes it (`tier::enter`) and enters the new code at
            // the header.
            let w = h::exit_word(h::EXIT_OSR, pc);
            x.mov_r_imm(Size::S64, Gpr::Rax, w as i64);
            x.jmp(self.exit);
            return Ok(());
        }
        x.jmp(target);
        Ok(())
    }

    /// The hole throws (in the helper); anything else falls through.
    fn visit_checktdz(&mut self, pc: u32, src: u16) {
        let slow = self.slow_path(pc, h::bl_checktdz, self.next(pc), None);
        self.m
            .asm
            .alu_rm_imm(AluOp::Cmp, Size::S64, Masm::reg(src), Value::EMPTY.0 as i32);
        self.m.asm.jcc(Cond::E, slow);
    }

    /// `return` exits with the value's bits in rdx: a direct caller stores
    /// it (its frames are plain calls), `enter` applies the construct rules.
    fn visit_return(&mut self, pc: u32, src: u16) {
        let w = h::exit_word(h::EXIT_RETURN, pc);
        self.m.load(Gpr::Rdx, src);
        self.m.asm.mov_r_imm(Size::S64, Gpr::Rax, w as i64);
        self.m.asm.jmp(self.exit);
    }

    /// A call whose callee is the site's cached target (the call feedback,
    /// set by the helper on the first call; any callee once the site is
    /// megamorphic) and has baseline code with a
    /// direct entry is a machine `call`: the callee pushes its own `Frame`
    /// and returns `EXIT_RETURN` with the value in rdx, and this site pops
    /// it. Any other exit of the callee (a call it could not make directly,
    /// a throw, out of fuel) leaves its frame on `vm.frames` with its pc
    /// set; this frame's pc was set before the call, so the exit goes on up
    /// unchanged to `enter` and the run loop handles it at the top frame.
    /// Everything else (natives, other targets, a refused entry) takes the
    /// helper, which exits to the run loop as before.
    fn visit_call(&mut self, pc: u32, dst: u16, base: u16, argc: u16, fb: u16) {
        let next = self.next(pc);
        let slow = self.slow_path(pc, h::bl_call, next, None);
        if let Some(n) = self.site_native(fb, argc) {
            let generic = self.m.asm.new_label();
            self.inline_native(n, pc, dst, base, fb, generic, slow);
            self.m.asm.bind(generic);
        }
        let not_ret = self.m.asm.new_label();
        self.load_callee_proto(base, slow);
        let join = self.m.asm.new_label();
        if let Some(cp) = self.lean_target(fb, argc) {
            let generic = self.m.asm.new_label();
            self.lean_call(pc, cp, base, argc, dst, generic, not_ret);
            self.m.asm.jmp(join);
            self.m.asm.bind(generic);
        }
        let x = &mut self.m.asm;
        // The cached target, or any target at a megamorphic site (whose
        // feedback cannot change any more).
        let target_ok = x.new_label();
        x.alu_r_m(AluOp::Cmp, Size::S64, Gpr::Rcx, Masm::fb(fb));
        x.jcc_short(Cond::E, target_ok);
        x.alu_rm_imm(AluOp::Cmp, Size::S64, Masm::fb(fb), fbk::MEGA as i64 as i32);
        x.jcc(Cond::Ne, slow);
        x.bind(target_ok);
        x.mov_r_m(
            Size::S64,
            Gpr::R8,
            Mem::disp(Gpr::Rcx, layout::P_DIRECT_ENTRY),
        );
        x.test_rm_r(Size::S64, Gpr::R8, Gpr::R8);
        x.jcc(Cond::E, slow);
        self.direct_call(pc, Gpr::R8, base, argc, dst, not_ret);
        self.m.asm.bind(join);
        self.pop_callee_and_store(dst);
        // Out of line: the callee refused (go generic) or exited.
        self.deferred.push(Deferred::CallExit {
            entry: not_ret,
            slow,
        });
    }

    /// rax = the value in `regs[base]`, rcx = its prototype, or `slow`
    /// unless it is a function cell.
    fn load_callee_proto(&mut self, base: u16, slow: Label) {
        self.m.load(Gpr::Rax, base);
        self.m.branch_if_not_cell(Gpr::Rax, slow);
        self.m
            .branch_if_kind_ne(Gpr::Rax, crate::runtime::heap::Kind::Function, slow);
        self.m
            .asm
            .mov_r_m(Size::S64, Gpr::Rcx, Mem::disp(Gpr::Rax, layout::FN_PROTO));
    }

    /// Calls the entry in `target` for the window at `base` (this frame's
    /// resume pc set first, for unwinding and for exits above); anything
    /// but `EXIT_RETURN` goes to `not_ret` with the exit word in rax.
    fn direct_call(
        &mut self,
        pc: u32,
        target: Gpr,
        base: u16,
        argc: u16,
        dst: u16,
        not_ret: Label,
    ) {
        let x = &mut self.m.asm;
        x.mov_m_imm(Size::S64, Mem::disp(FRAME, layout::F_PC), pc as i32 + 1);
        x.mov_rm_r(Size::S64, Gpr::Rdi, VM);
        x.lea(Size::S64, Gpr::Rsi, Masm::reg(base));
        x.mov_r_imm(Size::S32, Gpr::Rdx, argc as i64);
        x.mov_r_imm(Size::S32, Gpr::Rcx, dst as i64);
        self.call_entry(pc, target, not_ret);
    }

    /// Calls the JIT entry in `target` from `pc` (a safepoint); anything
    /// but `EXIT_RETURN` goes to `not_ret` with the exit word in rax.
    fn call_entry(&mut self, pc: u32, target: Gpr, not_ret: Label) {
        self.m.call_reg(target);
        let ret = self.m.asm.offset();
        self.m
            .asm
            .annotate(Annotation::Safepoint(self.safepoints.len() as u32));
        self.safepoints.push((ret, pc));
        let x = &mut self.m.asm;
        x.alu_rm_imm(AluOp::Cmp, Size::S32, Gpr::Rax, h::EXIT_RETURN as i32);
        x.jcc(Cond::Ne, not_ret);
    }

    /// The JS function a `call` in optimized code may enter by its lean
    /// entry: the one the site's feedback names, if the call passes all
    /// its parameters. (Whether its call is a plain frame push is checked
    /// when the call runs: the tier layer sets a lean entry only for
    /// functions whose is, `tier::direct_callable`.)
    fn lean_target(&self, fb: u16, argc: u16) -> Option<&'static FuncProto> {
        if !self.lean_calls {
            return None;
        }
        let w = self.proto.feedback[fb as usize].get();
        if w == 0 || w == fbk::MEGA || w & fbk::NATIVE_CALLEE != 0 {
            return None;
        }
        // A JS callee's feedback word is its prototype's address, and
        // prototypes outlive all code.
        let cp: &'static FuncProto = unsafe { &*(w as *const FuncProto) };
        (argc >= cp.nparams).then_some(cp)
    }

    /// A call of `cp` (rax = the callee, rcx = its prototype) that pushes
    /// the callee's frame here, with its size, parameter count and the
    /// window known now, and enters the callee's optimized code by its
    /// lean entry (which only saves registers and pins). It does what the
    /// direct entry (`emit_direct_entry_to`) does, in the same order with
    /// the same checks; where one would refuse, or the callee is another
    /// function or has no optimized code, it goes to `generic` (the
    /// ordinary call) before writing anything. Returns like `direct_call`.
    #[allow(clippy::too_many_arguments)]
    fn lean_call(
        &mut self,
        pc: u32,
        cp: &FuncProto,
        base: u16,
        argc: u16,
        dst: u16,
        generic: Label,
        not_ret: Label,
    ) {
        let (np, nregs, base) = (cp.nparams as i32, cp.nregs as i32, base as i32);
        let x = &mut self.m.asm;
        x.mov_r64_imm64(Gpr::R8, cp as *const FuncProto as u64);
        x.alu_rm_r(AluOp::Cmp, Size::S64, Gpr::Rcx, Gpr::R8);
        x.jcc(Cond::Ne, generic);
        x.mov_r_m(
            Size::S64,
            Gpr::R8,
            Mem::disp(Gpr::Rcx, layout::P_LEAN_ENTRY),
        );
        x.test_rm_r(Size::S64, Gpr::R8, Gpr::R8);
        x.jcc(Cond::E, generic);
        let top = Masm::reg((base + nregs + 2) as u16);
        self.frame_push_checks(Gpr::R9, (Gpr::R10, top), Gpr::R10, generic);
        let x = &mut self.m.asm;
        // (No tier-up check: optimized code has cleared `may_tier_up`.)
        // Committed from here on.
        x.alu_rm_imm(AluOp::Sub, Size::S64, Gpr::R10, 1);
        x.mov_rm_r(Size::S64, Mem::disp(VM, layout::FUEL), Gpr::R10);
        x.alu_rm_imm(
            AluOp::Add,
            Size::S32,
            Mem::disp(Gpr::Rcx, layout::P_CALL_COUNT),
            1,
        );
        x.mov_m_imm(Size::S64, Mem::disp(FRAME, layout::F_PC), pc as i32 + 1);
        for i in (2 + np)..nregs {
            x.mov_m_imm(
                Size::S64,
                Masm::reg((base + i) as u16),
                Value::UNDEFINED.0 as i32,
            );
        }
        // r9 = &frames[len]; r10 = the callee's fp (the caller's + base).
        x.imul_r_rm_imm(Size::S64, Gpr::R9, Gpr::R9, layout::FRAME_SIZE);
        x.alu_r_m(
            AluOp::Add,
            Size::S64,
            Gpr::R9,
            Mem::disp(VM, layout::FRAMES_PTR),
        );
        x.mov_r_m(Size::S64, Gpr::R10, Mem::disp(FRAME, layout::F_FP));
        x.alu_rm_imm(AluOp::Add, Size::S64, Gpr::R10, base);
        x.mov_rm_r(Size::S64, Mem::disp(Gpr::R9, layout::F_PROTO), Gpr::Rcx);
        x.mov_rm_r(Size::S64, Mem::disp(Gpr::R9, layout::F_FP), Gpr::R10);
        x.mov_m_imm(Size::S64, Mem::disp(Gpr::R9, layout::F_PC), 0);
        x.mov_r_m(Size::S64, Gpr::R11, Mem::disp(Gpr::Rax, layout::FN_ENV));
        x.mov_rm_r(Size::S64, Mem::disp(Gpr::R9, layout::F_CTX), Gpr::R11);
        x.mov_m_imm(
            Size::S64,
            Mem::disp(Gpr::R9, layout::F_NEW_TARGET),
            Value::UNDEFINED.0 as i32,
        );
        x.mov_m_imm(Size::S32, Mem::disp(Gpr::R9, layout::F_ARGC), argc as i32);
        x.mov_m_imm(Size::S32, Mem::disp(Gpr::R9, layout::F_RET_DST), dst as i32);
        x.alu_rm_imm(AluOp::Add, Size::S64, Gpr::R10, nregs);
        self.frame_push_sp(Gpr::R9, Gpr::R11, Gpr::R10);
        let x = &mut self.m.asm;
        x.mov_m_imm(Size::S8, Mem::disp(Gpr::R9, layout::F_ENTRY), 0);
        x.mov_m_imm(Size::S8, Mem::disp(Gpr::R9, layout::F_CONSTRUCT), 0);
        x.unary(UnaryOp::Inc, Size::S64, Mem::disp(VM, layout::FRAMES_LEN));
        x.lea(Size::S64, Gpr::Rsi, Masm::reg(base as u16));
        self.call_entry(pc, Gpr::R8, not_ret);
    }

    /// The checks of a frame push, each jumping to `refuse` before
    /// anything is written (`Vm::push_frame_plain`'s, in its order):
    /// `len` = the frame count, under the depth limit; the callee's
    /// registers up to `top` (`nregs + 2` words past its window) under the
    /// stack limit; `fuel` = the fuel, more than 1 left.
    fn frame_push_checks(&mut self, len: Gpr, top: (Gpr, Mem), fuel: Gpr, refuse: Label) {
        let x = &mut self.m.asm;
        x.mov_r_m(Size::S64, len, Mem::disp(VM, layout::FRAMES_LEN));
        x.alu_r_m(AluOp::Cmp, Size::S64, len, Mem::disp(VM, layout::MAX_DEPTH));
        x.jcc(Cond::Ae, refuse);
        x.lea(Size::S64, top.0, top.1);
        x.alu_r_m(
            AluOp::Cmp,
            Size::S64,
            top.0,
            Mem::disp(VM, layout::STACK_LIMIT),
        );
        x.jcc(Cond::Ae, refuse);
        x.mov_r_m(Size::S64, fuel, Mem::disp(VM, layout::FUEL));
        x.alu_rm_imm(AluOp::Cmp, Size::S64, fuel, 1);
        x.jcc(Cond::Be, refuse);
    }

    /// The pushed frame's stack tops: caller_sp = vm.sp (in `sp`); sp =
    /// max(vm.sp, `top`), the callee's fp + nregs; in the frame at `frame`
    /// and in the VM.
    fn frame_push_sp(&mut self, frame: Gpr, sp: Gpr, top: Gpr) {
        let x = &mut self.m.asm;
        x.mov_r_m(Size::S64, sp, Mem::disp(VM, layout::SP));
        x.mov_rm_r(Size::S64, Mem::disp(frame, layout::F_CALLER_SP), sp);
        x.alu_rm_r(AluOp::Cmp, Size::S64, sp, top);
        // Fault: sp stays at the caller's top; the locals are no GC roots.
        if !Fault::GcRootMissing.injected() {
            x.cmovcc(Cond::B, Size::S64, sp, top);
        }
        x.mov_rm_r(Size::S64, Mem::disp(frame, layout::F_SP), sp);
        x.mov_rm_r(Size::S64, Mem::disp(VM, layout::SP), sp);
    }

    /// The lean entry of optimized code (see `lean_call`): rsi = the
    /// callee's registers, r9 = its frame, already pushed; rbx and r13
    /// hold what they hold in all JIT code.
    pub fn emit_lean_entry(&mut self, lean: Label, start: Label) {
        let p = self.proto;
        let (fbp, pp) = (p.feedback.as_ptr() as u64, p as *const FuncProto as u64);
        self.m.asm.bind(lean);
        self.m.save();
        let x = &mut self.m.asm;
        x.mov_rm_r(Size::S64, REGS, Gpr::Rsi);
        x.mov_rm_r(Size::S64, FRAME, Gpr::R9);
        x.mov_r_imm(Size::S64, FEEDBACK, fbp as i64);
        x.mov_r_imm(Size::S64, PROTO, pp as i64);
        x.jmp(start);
    }

    /// Pops the callee's frame as the interpreter's `Return` arm does and
    /// stores the result (rdx); falls through to the next pc.
    pub(super) fn pop_callee_and_store(&mut self, dst: u16) {
        let x = &mut self.m.asm;
        x.unary(UnaryOp::Dec, Size::S64, Mem::disp(VM, layout::FRAMES_LEN));
        x.mov_r_m(Size::S64, Gpr::Rax, Mem::disp(FRAME, layout::F_SP));
        x.mov_rm_r(Size::S64, Mem::disp(VM, layout::SP), Gpr::Rax);
        x.mov_rm_r(Size::S64, Masm::reg(dst), Gpr::Rdx);
    }

    /// r = the frame's context `depth` levels up (as `Vm::ctx_at`).
    fn load_ctx(&mut self, r: Gpr, depth: u16) {
        let x = &mut self.m.asm;
        x.mov_r_m(Size::S64, r, Mem::disp(FRAME, layout::F_CTX));
        for _ in 0..depth {
            x.mov_r_m(Size::S64, r, Mem::disp(r, layout::ENV_PARENT));
        }
    }

    /// `new F(...)` of a function with a construct entry: the helper
    /// `bl_new_this` does every check the frame push would (refusing
    /// otherwise, before anything happens) and makes `this` in the window;
    /// then a machine call of the construct entry, and on return the
    /// construct rule (a non-object result is `this`). Everything else is
    /// the generic helper, which exits to the run loop.
    fn visit_new(&mut self, pc: u32, dst: u16, base: u16, argc: u16, fb: u16) {
        let next = self.next(pc);
        let slow = self.slow_path(pc, h::bl_new, next, None);
        let not_ret = self.m.asm.new_label();
        let go = self.m.asm.new_label();
        let made = self.m.asm.new_label();
        self.load_callee_proto(base, slow);
        let x = &mut self.m.asm;
        x.alu_rm_imm(
            AluOp::Cmp,
            Size::S64,
            Mem::disp(Gpr::Rcx, layout::P_CONSTRUCT_ENTRY),
            0,
        );
        x.jcc(Cond::E, slow);
        // `this` allocated inline (`alloc.rs`), else by the helper.
        if let Some(ic) = self.site_ic(fb) {
            let helper = self.m.asm.new_label();
            self.inline_new_this(ic, base, argc, helper);
            self.m.asm.jmp(made);
            self.m.asm.bind(helper);
        }
        self.call(pc, h::bl_new_this);
        let x = &mut self.m.asm;
        x.test_rm_r(Size::S64, Gpr::Rax, Gpr::Rax);
        x.jcc_short(Cond::E, go);
        x.alu_rm_imm(AluOp::Cmp, Size::S32, Gpr::Rax, h::EXIT_REFUSED as i32);
        x.jcc(Cond::E, slow);
        x.jmp(self.exit);
        x.bind(go);
        x.bind(made);
        // The helper may have moved cells: reload the callee.
        x.mov_r_m(Size::S64, Gpr::R11, Masm::reg(base));
        x.mov_r_m(Size::S64, Gpr::R10, Mem::disp(Gpr::R11, layout::FN_PROTO));
        x.mov_r_m(
            Size::S64,
            Gpr::R10,
            Mem::disp(Gpr::R10, layout::P_CONSTRUCT_ENTRY),
        );
        self.direct_call(pc, Gpr::R10, base, argc, dst, not_ret);
        // The construct rule: an object result, else `this` (the callee's r1).
        let object = self.m.asm.new_label();
        let use_this = self.m.asm.new_label();
        self.m.branch_if_not_cell(Gpr::Rdx, use_this);
        let x = &mut self.m.asm;
        x.alu_rm_imm(
            AluOp::Cmp,
            Size::S8,
            Mem::base(Gpr::Rdx),
            crate::runtime::heap::FIRST_OBJECT_KIND as i32,
        );
        x.jcc_short(Cond::Ae, object);
        x.bind(use_this);
        x.mov_r_m(Size::S64, Gpr::Rdx, Masm::reg(base + 1));
        x.bind(object);
        self.pop_callee_and_store(dst);
        self.deferred.push(Deferred::CallExit {
            entry: not_ret,
            slow,
        });
    }

    /// The direct-call entry (see `visit_call`): `(vm, callee regs, argc,
    /// ret_dst)`. It does what `Vm::push_frame_plain` does, in the same
    /// order with the same checks; any check that would fail returns
    /// `EXIT_REFUSED` before anything is written, so the caller's helper
    /// path produces the interpreter's exact error.
    ///
    /// Two entries share the code: the plain one (`direct`), and the
    /// construct one (`construct`: r11 = new.target, the callee; the
    /// caller made `this` in the window with `bl_new_this`). The frame's
    /// `construct` flag is `new.target != undefined`.
    /// The direct and construct entries, continuing at `start` once the
    /// frame is pushed (the optimized tier's entry, or pc 0).
    pub fn emit_direct_entry_to(&mut self, direct: Label, construct: Label, start: Label) {
        let p = self.proto;
        let (np, nregs) = (p.nparams as i32, p.nregs as i32);
        let refuse = self.m.asm.new_named_label("refuse");
        let common = self.m.asm.new_label();
        let (fbp, pp) = (p.feedback.as_ptr() as u64, p as *const FuncProto as u64);
        self.m.asm.bind(construct);
        self.m.save_and_pin(fbp, pp);
        self.m.asm.jmp(common);
        self.m.asm.bind(direct);
        self.m.save_and_pin(fbp, pp);
        self.m
            .asm
            .mov_r_imm(Size::S32, Gpr::R11, Value::UNDEFINED.0 as i64);
        self.m.asm.bind(common);
        let x = &mut self.m.asm;
        // Missing arguments would need filling from argc: the helper does it.
        x.alu_rm_imm(AluOp::Cmp, Size::S32, Gpr::Rdx, np);
        x.jcc(Cond::B, refuse);
        // base + nregs + 2 >= STACK_VALUES is a stack overflow.
        let top = Mem::disp(REGS, (nregs + 2) * 8);
        self.frame_push_checks(Gpr::Rax, (Gpr::R8, top), Gpr::R8, refuse);
        let x = &mut self.m.asm;
        if self.opt_threshold != 0 {
            let skip = x.new_label();
            let may = Mem::disp(
                PROTO,
                std::mem::offset_of!(FuncProto, jit.may_tier_up) as i32,
            );
            x.alu_rm_imm(AluOp::Cmp, Size::S8, may, 0);
            x.jcc(Cond::E, skip);
            x.alu_rm_imm(
                AluOp::Cmp,
                Size::S32,
                Mem::disp(PROTO, layout::P_CALL_COUNT),
                self.opt_threshold as i32,
            );
            x.jcc(Cond::Ae, refuse);
            x.bind(skip);
        }
        // Committed from here on.
        x.alu_rm_imm(AluOp::Sub, Size::S64, Gpr::R8, 1);
        x.mov_rm_r(Size::S64, Mem::disp(VM, layout::FUEL), Gpr::R8);
        x.alu_rm_imm(
            AluOp::Add,
            Size::S32,
            Mem::disp(PROTO, layout::P_CALL_COUNT),
            1,
        );
        // Locals (and extra arguments) start undefined.
        for i in (2 + np)..nregs {
            x.mov_m_imm(Size::S64, Mem::disp(REGS, i * 8), Value::UNDEFINED.0 as i32);
        }
        // FRAME = &frames[len]; fp = (regs - stack_base) / 8.
        x.imul_r_rm_imm(Size::S64, FRAME, Gpr::Rax, layout::FRAME_SIZE);
        x.alu_r_m(
            AluOp::Add,
            Size::S64,
            FRAME,
            Mem::disp(VM, layout::FRAMES_PTR),
        );
        x.mov_rm_r(Size::S64, Gpr::R8, REGS);
        x.alu_r_m(
            AluOp::Sub,
            Size::S64,
            Gpr::R8,
            Mem::disp(VM, layout::STACK_BASE),
        );
        x.shift_imm(ShiftOp::Shr, Size::S64, Gpr::R8, 3);
        x.mov_rm_r(Size::S64, Mem::disp(FRAME, layout::F_PROTO), PROTO);
        x.mov_rm_r(Size::S64, Mem::disp(FRAME, layout::F_FP), Gpr::R8);
        x.mov_m_imm(Size::S64, Mem::disp(FRAME, layout::F_PC), 0);
        x.mov_r_m(Size::S64, Gpr::R9, Masm::reg(0));
        x.mov_r_m(Size::S64, Gpr::R9, Mem::disp(Gpr::R9, layout::FN_ENV));
        x.mov_rm_r(Size::S64, Mem::disp(FRAME, layout::F_CTX), Gpr::R9);
        x.mov_rm_r(Size::S64, Mem::disp(FRAME, layout::F_NEW_TARGET), Gpr::R11);
        x.mov_rm_r(Size::S32, Mem::disp(FRAME, layout::F_ARGC), Gpr::Rdx);
        x.mov_rm_r(Size::S32, Mem::disp(FRAME, layout::F_RET_DST), Gpr::Rcx);
        x.lea(Size::S64, Gpr::R10, Mem::disp(Gpr::R8, nregs));
        self.frame_push_sp(FRAME, Gpr::R9, Gpr::R10);
        let x = &mut self.m.asm;
        x.mov_m_imm(Size::S8, Mem::disp(FRAME, layout::F_ENTRY), 0);
        x.alu_rm_imm(AluOp::Cmp, Size::S64, Gpr::R11, Value::UNDEFINED.0 as i32);
        x.setcc(Cond::Ne, Gpr::R9);
        x.mov_rm_r(Size::S8, Mem::disp(FRAME, layout::F_CONSTRUCT), Gpr::R9);
        x.unary(UnaryOp::Inc, Size::S64, Mem::disp(VM, layout::FRAMES_LEN));
        x.jmp(start);
        x.bind(refuse);
        x.mov_r_imm(Size::S32, Gpr::Rax, h::EXIT_REFUSED as i64);
        x.jmp(self.exit);
        let _ = FEEDBACK;
    }
}

#[cfg(test)]
mod tests {
    use super::layout;
    use crate::runtime::heap::Cell;
    use crate::runtime::{fixed, Options, Vm};

    /// The offsets emitted code uses agree with `Cell`'s own accessors.
    #[test]
    fn cell_layout_offsets_match_the_heap() {
        let mut vm = Vm::new(Options::default());
        let proto = crate::compile_source("function f() {}", "t.js").unwrap();
        let env = vm.new_env(jolt_undefined(), 3).unwrap();
        vm.handles.push(env);
        let f = vm.new_closure(&proto.children[0], env).unwrap();
        let env = vm.handles.pop().unwrap();
        let fc = Cell::from_value(f);
        let base = f.0 as usize;
        let at = |off: i32| unsafe { *((base + off as usize) as *const u64) };
        assert_eq!(at(layout::FN_PROTO), fc.raw(1));
        assert_eq!(at(layout::FN_ENV), fc.get(fixed::FN_ENV).0);
        assert_eq!(fc.get(fixed::FN_ENV), env);
        let ec = Cell::from_value(env);
        ec.set(2, crate::runtime::Value::int(42));
        let ebase = env.0 as usize;
        let slot = |i: u16| {
            let crate::jit::x64::Mem::Base { disp, .. } =
                layout::env_slot(crate::jit::x64::Gpr::Rax, i)
            else {
                unreachable!()
            };
            unsafe { *((ebase as i64 + disp as i64) as *const u64) }
        };
        assert_eq!(slot(1), crate::runtime::Value::int(42).0);
        assert_eq!(
            unsafe { *((ebase + layout::ENV_PARENT as usize) as *const u64) },
            ec.get(0).0
        );
    }

    fn jolt_undefined() -> crate::runtime::Value {
        crate::runtime::Value::UNDEFINED
    }
}
