//! Operators the baseline tier does inline for the common operand kinds
//! (the rest goes to the instruction's helper, the interpreter's arm):
//! `!` of booleans, null/undefined, int32s and objects.
//!
//! Invariant: an inline result is exactly what `ops` computes for those
//! operands; the helper sees every other operand.

use super::emit::Emitter;
use super::helpers as h;
use crate::jit::x64::{AluOp, Cond, Gpr, Mem, Size};
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
}
