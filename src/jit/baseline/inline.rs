//! Operators the baseline tier does inline for the common operand kinds
//! (the rest goes to the instruction's helper, the interpreter's arm):
//! `!` of booleans, null/undefined, int32s and objects; `-x` of an int32
//! other than 0 and i32::MIN (whose negations are doubles).
//!
//! Invariant: an inline result is exactly what `ops` computes for those
//! operands; the helper sees every other operand.

use super::emit::Emitter;
use super::helpers as h;
use crate::bytecode::feedback as fbk;
use crate::jit::x64::{AluOp, Cond, Gpr, Mem, Size, UnaryOp};
use crate::runtime::heap::FIRST_OBJECT_KIND;
use crate::runtime::value::{Value, NUMBER_TAG};

impl Emitter<'_> {
    /// `dst = !src`.
    pub(super) fn visit_not(&mut self, pc: u32, dst: u16, src: u16) {
        let next = self.next(pc);
        let slow = self.slow_path(pc, h::bl_not, next, None);
        const _: () = assert!(Value::TRUE.0 == Value::FALSE.0 | 1 && Value::FALSE.0 & 1 == 0);
        let x = &mut self.m.asm;
        let (not_bool, yes, no, not_int) =
            (x.new_label(), x.new_label(), x.new_label(), x.new_label());
        self.m.load(Gpr::Rax, src);
        let x = &mut self.m.asm;
        // Booleans: flip the low bit.
        x.mov_rm_r(Size::S64, Gpr::Rcx, Gpr::Rax);
        x.alu_rm_imm(AluOp::And, Size::S64, Gpr::Rcx, !1);
        x.alu_rm_imm(AluOp::Cmp, Size::S64, Gpr::Rcx, Value::FALSE.0 as i32);
        x.jcc(Cond::Ne, not_bool);
        x.alu_rm_imm(AluOp::Xor, Size::S32, Gpr::Rax, 1);
        self.m.store(dst, Gpr::Rax);
        self.m.asm.jmp(next);
        let x = &mut self.m.asm;
        x.bind(not_bool);
        x.alu_rm_imm(AluOp::Cmp, Size::S64, Gpr::Rax, Value::NULL.0 as i32);
        x.jcc(Cond::E, yes);
        x.alu_rm_imm(AluOp::Cmp, Size::S64, Gpr::Rax, Value::UNDEFINED.0 as i32);
        x.jcc(Cond::E, yes);
        // int32: all NUMBER_TAG bits set; !0 is true.
        x.mov_r_imm(Size::S64, Gpr::Rcx, NUMBER_TAG as i64);
        x.alu_rm_r(AluOp::Cmp, Size::S64, Gpr::Rax, Gpr::Rcx);
        x.jcc(Cond::B, not_int);
        x.test_rm_r(Size::S32, Gpr::Rax, Gpr::Rax);
        x.jcc(Cond::E, yes);
        x.jmp(no);
        x.bind(not_int);
        // Objects are truthy; doubles, strings and the rest: the helper.
        self.m.branch_if_not_cell(Gpr::Rax, slow);
        let x = &mut self.m.asm;
        x.alu_rm_imm(
            AluOp::Cmp,
            Size::S8,
            Mem::base(Gpr::Rax),
            FIRST_OBJECT_KIND as i32,
        );
        x.jcc(Cond::B, slow);
        x.bind(no);
        self.m.store_small(dst, Value::FALSE.0);
        self.m.asm.jmp(next);
        self.m.asm.bind(yes);
        self.m.store_small(dst, Value::TRUE.0);
    }

    /// `dst = -src`.
    pub(super) fn visit_neg(&mut self, pc: u32, dst: u16, src: u16, fb: u16) {
        let slow = self.slow_path(pc, h::bl_neg, self.next(pc), None);
        self.m.load(Gpr::Rax, src);
        self.m.branch_if_not_int(Gpr::Rax, slow);
        let x = &mut self.m.asm;
        // 0 (-0 is a double) and i32::MIN (overflow): both have no other
        // bits than bit 31 in the low half.
        x.test_rm_imm(Size::S32, Gpr::Rax, 0x7fff_ffff);
        x.jcc(Cond::E, slow);
        x.unary(UnaryOp::Neg, Size::S32, Gpr::Rax);
        self.m.box_int32(Gpr::Rax);
        self.m.store(dst, Gpr::Rax);
        self.m.feedback_or(fb, fbk::SAW_INT);
    }
}
