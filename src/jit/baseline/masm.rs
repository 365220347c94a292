//! The baseline tier's macro-assembler: the handful of operations the
//! per-opcode emitters are written in, over `jit::x64::Assembler`.
//!
//! Invariants (see the module doc of `baseline` for the full contract):
//! - Pinned registers, set by the prologue and never written elsewhere:
//!   `VM` (rbx) = `*mut Vm`, `REGS` (r12) = the frame's `regs[0]`,
//!   `TAG` (r13) = `NUMBER_TAG` (an int32 `v` is exactly `v >= TAG`),
//!   `FEEDBACK` (r14) = `&proto.feedback[0]`, `PROTO` (r15) = `*const FuncProto`,
//!   `FRAME` (rbp) = this frame's `Frame` record (in `vm.frames`, which
//!   never moves). All six are callee-saved in System V, so helper calls
//!   preserve them.
//! - Scratch registers: rax, rcx, rdx (and the argument registers around a
//!   call). Emitters never keep a value in a register across a helper call:
//!   helpers may collect garbage and move cells, so registers are reloaded
//!   from `regs[i]` afterwards.
//! - The prologue leaves rsp 16-byte aligned, and the body never pushes, so
//!   every helper `call` is at an aligned rsp. In debug-assertions builds
//!   each call is preceded by `test spl, 15; je ok; ud2; ok:`.

use crate::faults::Fault;
use crate::jit::x64::{AluOp, Assembler, Cond, Gpr, Label, Mem, Size};
use crate::runtime::value::NUMBER_TAG;

pub const VM: Gpr = Gpr::Rbx;
pub const REGS: Gpr = Gpr::R12;
pub const TAG: Gpr = Gpr::R13;
pub const FEEDBACK: Gpr = Gpr::R14;
pub const PROTO: Gpr = Gpr::R15;
pub const FRAME: Gpr = Gpr::Rbp;

/// Bytes pushed by the prologue after the return address: rbp, rbx, r12-r15
/// and one pad word (so rsp ends 16-byte aligned).
pub const FRAME_PUSHES: [Gpr; 6] = [Gpr::Rbp, Gpr::Rbx, Gpr::R12, Gpr::R13, Gpr::R14, Gpr::R15];

/// Wraps the assembler with the baseline vocabulary.
pub struct Masm {
    pub asm: Assembler,
    /// What to do about rsp alignment before every call.
    pub align: AlignCheck,
    /// Checked mode: (stub, check site) of every alignment check.
    abi_stubs: Vec<(Label, Label)>,
}

/// The alignment check emitted before every CALL.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum AlignCheck {
    /// None (release builds).
    Off,
    /// `test spl, 15; je ok; ud2` (debug-assertions builds).
    Trap,
    /// Checked ABI mode: a failure is reported (see `checked`).
    Report,
}

impl Masm {
    pub fn new(align: AlignCheck) -> Masm {
        Masm::with_capacity(align, 0)
    }

    /// `new`, with room for about `insns` machine instructions.
    pub fn with_capacity(align: AlignCheck, insns: usize) -> Masm {
        Masm {
            asm: Assembler::with_capacity(insns),
            align,
            abi_stubs: Vec::new(),
        }
    }

    /// `regs[i]`.
    pub fn reg(i: u16) -> Mem {
        Mem::disp(REGS, i as i32 * 8)
    }

    /// `feedback[fb]`.
    pub fn fb(fb: u16) -> Mem {
        Mem::disp(FEEDBACK, fb as i32 * 8)
    }

    /// dst = regs[i].
    pub fn load(&mut self, dst: Gpr, i: u16) {
        self.asm.mov_r_m(Size::S64, dst, Self::reg(i));
    }

    /// regs[i] = src.
    pub fn store(&mut self, i: u16, src: Gpr) {
        self.asm.mov_rm_r(Size::S64, Self::reg(i), src);
    }

    /// regs[i] = an immediate value whose bits fit a sign-extended imm32.
    pub fn store_small(&mut self, i: u16, bits: u64) {
        let imm = bits as i64;
        assert!(imm >= i32::MIN as i64 && imm <= i32::MAX as i64);
        self.asm.mov_m_imm(Size::S64, Self::reg(i), imm as i32);
    }

    /// regs[i] = any 64-bit value (through rax).
    pub fn store_bits(&mut self, i: u16, bits: u64) {
        if (bits as i64) >= i32::MIN as i64 && (bits as i64) <= i32::MAX as i64 {
            self.store_small(i, bits);
        } else {
            self.asm.mov_r_imm(Size::S64, Gpr::Rax, bits as i64);
            self.store(i, Gpr::Rax);
        }
    }

    /// Jumps to `slow` unless `r` holds an int32.
    pub fn branch_if_not_int(&mut self, r: Gpr, slow: Label) {
        self.asm.alu_rm_r(AluOp::Cmp, Size::S64, r, TAG);
        self.asm.jcc(Cond::B, slow);
    }

    /// Jumps to `slow` unless both `a` and `b` hold int32s. The top 15 bits
    /// of `a & b` are all set exactly when they are in both; clobbers rdx.
    pub fn branch_if_not_both_int(&mut self, a: Gpr, b: Gpr, slow: Label) {
        debug_assert!(a != Gpr::Rdx && b != Gpr::Rdx);
        self.asm.mov_rm_r(Size::S64, Gpr::Rdx, a);
        self.asm.alu_rm_r(AluOp::And, Size::S64, Gpr::Rdx, b);
        self.branch_if_not_int(Gpr::Rdx, slow);
    }

    /// Jumps to `slow` unless `r` holds a cell pointer: no number tag bits,
    /// and not one of the immediates (null, booleans, undefined and the
    /// hole are all below 16).
    pub fn branch_if_not_cell(&mut self, r: Gpr, slow: Label) {
        self.asm.test_rm_r(Size::S64, r, TAG);
        self.asm.jcc(Cond::Ne, slow);
        self.asm.alu_rm_imm(AluOp::Cmp, Size::S64, r, 16);
        self.asm.jcc(Cond::B, slow);
    }

    /// Jumps to `target` unless the cell `r` points at has kind `kind`
    /// (the header's low byte).
    pub fn branch_if_kind_ne(&mut self, r: Gpr, kind: crate::runtime::heap::Kind, target: Label) {
        self.asm
            .alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(r), kind as i32);
        self.asm.jcc(Cond::Ne, target);
    }

    /// Boxes the int32 in the low half of `r` (whose upper half is zero,
    /// as after any 32-bit operation).
    pub fn box_int32(&mut self, r: Gpr) {
        self.asm.alu_rm_r(AluOp::Or, Size::S64, r, TAG);
    }

    /// feedback[fb] |= bits (as the interpreter's `fb_or!`).
    /// Tests first and writes only when a bit is new: in a hot site the
    /// bits are set, and a read-modify-write at the same address on every
    /// execution would chain each one to the last through the store.
    /// Clobbers the flags.
    pub fn feedback_or(&mut self, fb: u16, bits: u64) {
        debug_assert!(bits < 0x80 && bits.is_power_of_two());
        let done = self.asm.new_label();
        self.asm.test_rm_imm(Size::S8, Self::fb(fb), bits as i32);
        self.asm.jcc_short(Cond::Ne, done);
        self.asm
            .alu_rm_imm(AluOp::Or, Size::S64, Self::fb(fb), bits as i32);
        self.asm.bind(done);
    }

    /// A System V call of `f(vm, regs, pc)` (rax gets the helper's result).
    pub fn call_helper(&mut self, f: usize, pc: u32) {
        self.asm.mov_rm_r(Size::S64, Gpr::Rdi, VM);
        self.asm.mov_rm_r(Size::S64, Gpr::Rsi, REGS);
        self.asm.mov_r_imm(Size::S32, Gpr::Rdx, pc as i64);
        self.call_abs(f);
    }

    /// `call f` through rax, with the alignment check when enabled.
    pub fn call_abs(&mut self, f: usize) {
        self.alignment_check();
        self.asm.call_abs(f as u64, Gpr::Rax);
    }

    /// `call r` (a direct call of baseline code), with the alignment check.
    pub fn call_reg(&mut self, r: Gpr) {
        self.alignment_check();
        self.asm.call_r(r);
    }

    fn alignment_check(&mut self) {
        match self.align {
            AlignCheck::Off => {}
            AlignCheck::Trap => {
                let ok = self.asm.new_label();
                self.asm.test_rm_imm(Size::S8, Gpr::Rsp, 15);
                self.asm.jcc_short(Cond::E, ok);
                self.asm.ud2();
                self.asm.bind(ok);
            }
            AlignCheck::Report => {
                let site = self.asm.new_label();
                let stub = self.asm.new_label();
                self.asm.bind(site);
                self.asm.test_rm_imm(Size::S8, Gpr::Rsp, 15);
                self.asm.jcc(Cond::Ne, stub);
                self.abi_stubs.push((stub, site));
            }
        }
    }

    /// Checked mode: the out-of-line half of each alignment check. Each
    /// site's stub puts the site's address in rcx and abandons the machine
    /// frames back to the trampoline (`mov rsp, [fault_rsp]`, which
    /// `abicheck` treats as the end of a path: so call sites at different
    /// stack depths never merge), then jumps to one shared tail, which
    /// records the address and returns `EXIT_ABI` to the trampoline. (Six
    /// instructions per site were 2% of `jolt fuzz`, all of it encoding.)
    pub fn emit_abi_stubs(&mut self) {
        use super::checked::{vm_guard, FAULT_ADDR, FAULT_RSP, RESUME};
        let stubs = std::mem::take(&mut self.abi_stubs);
        if stubs.is_empty() {
            return;
        }
        let tail = self.asm.new_label();
        for (stub, site) in stubs {
            self.asm.bind(stub);
            self.asm.lea(
                Size::S64,
                Gpr::Rcx,
                Mem::Rip {
                    label: site,
                    disp: 0,
                },
            );
            self.asm
                .mov_r_m(Size::S64, Gpr::Rsp, Mem::disp(VM, vm_guard(FAULT_RSP)));
            self.asm.jmp(tail);
        }
        self.asm.bind(tail);
        self.asm
            .mov_rm_r(Size::S64, Mem::disp(VM, vm_guard(FAULT_ADDR)), Gpr::Rcx);
        self.asm
            .mov_r_imm(Size::S32, Gpr::Rax, super::helpers::EXIT_ABI as i64);
        self.asm
            .mov_r_m(Size::S64, Gpr::Rcx, Mem::disp(VM, vm_guard(RESUME)));
        self.asm.jmp_r(Gpr::Rcx);
    }

    /// The registers the prologue saves: `FRAME_PUSHES`, except under
    /// `Fault::CalleeSavedNotSaved`, which leaves out TAG (r13).
    fn saved() -> Vec<Gpr> {
        let mut v = FRAME_PUSHES.to_vec();
        if Fault::CalleeSavedNotSaved.injected() {
            v.retain(|&r| r != TAG);
        }
        v
    }

    /// The pad below the saved registers that aligns rsp to 16 (one word;
    /// two when a fault left a register out).
    fn pad_bytes() -> i32 {
        if Fault::CalleeSavedNotSaved.injected() {
            16
        } else {
            8
        }
    }

    /// Saves the callee-saved registers, aligns rsp, and loads the pinned
    /// registers that do not depend on the frame (VM from rdi, REGS from rsi).
    pub fn save_and_pin(&mut self, feedback: u64, proto: u64) {
        self.save();
        self.asm.mov_rm_r(Size::S64, VM, Gpr::Rdi);
        self.asm.mov_rm_r(Size::S64, REGS, Gpr::Rsi);
        self.asm.mov_r_imm(Size::S64, TAG, NUMBER_TAG as i64);
        self.asm.mov_r_imm(Size::S64, FEEDBACK, feedback as i64);
        self.asm.mov_r_imm(Size::S64, PROTO, proto as i64);
    }

    /// The pushes of every entry (`epilogue` pops them).
    pub fn save(&mut self) {
        for r in Self::saved() {
            self.asm.push_r(r);
        }
        // 8 (return address) + 6 * 8 pushes = 56: one more word aligns rsp.
        self.asm
            .alu_rm_imm(AluOp::Sub, Size::S64, Gpr::Rsp, Self::pad_bytes());
    }

    /// The entry from `BaselineCode::enter` (at code offset 0):
    /// `(vm, regs, target, frame)`; jumps to `target`, the code for the
    /// requested bytecode pc.
    pub fn prologue(&mut self, feedback: u64, proto: u64) {
        self.save_and_pin(feedback, proto);
        self.asm.mov_rm_r(Size::S64, FRAME, Gpr::Rcx);
        self.asm.jmp_r(Gpr::Rdx);
    }

    /// The one exit: restore and return rax (the exit word) to `enter`.
    pub fn epilogue(&mut self) {
        self.asm
            .alu_rm_imm(AluOp::Add, Size::S64, Gpr::Rsp, Self::pad_bytes());
        for r in Self::saved().iter().rev() {
            self.asm.pop_r(*r);
        }
        self.asm.ret();
    }
}
