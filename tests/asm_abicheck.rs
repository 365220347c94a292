//! The static ABI checker finds the bugs it is for: a clobbered
//! callee-saved register, a misaligned CALL, a stack left unbalanced; and
//! accepts correct code.

use jolt::jit::abicheck::check;
use jolt::jit::x64::{AluOp, Assembler, Cond, Gpr::*, Size::*};

fn bytes(build: impl FnOnce(&mut Assembler)) -> Vec<u8> {
    let mut a = Assembler::new();
    build(&mut a);
    a.finish().unwrap().bytes
}

#[test]
fn accepts_a_correct_function() {
    let code = bytes(|a| {
        let skip = a.new_label();
        a.push_r(Rbx);
        a.push_r(R12);
        a.alu_rm_imm(AluOp::Sub, S64, Rsp, 8); // entry 8 mod 16, +16 pushed, +8: aligned
        a.mov_r_imm(S64, Rbx, 1);
        a.alu_rm_imm(AluOp::Cmp, S64, Rdi, 0);
        a.jcc(Cond::E, skip);
        a.mov_r_imm(S64, Rax, 0x1000);
        a.call_r(Rax);
        a.bind(skip);
        a.alu_rm_imm(AluOp::Add, S64, Rsp, 8);
        a.pop_r(R12);
        a.pop_r(Rbx);
        a.ret();
    });
    let cov = check(&code, 0, &[]).unwrap();
    // The two paths merge at `skip` with equal states: one RET to prove.
    assert_eq!((cov.calls, cov.returns), (1, 1));
}

#[test]
fn reports_a_clobbered_callee_saved_register() {
    let code = bytes(|a| {
        a.mov_r_imm(S64, Rbx, 7); // rbx written without being saved
        a.ret();
    });
    let e = check(&code, 0, &[]).unwrap_err();
    assert!(e.reason.contains("RBX"), "{e}");
}

#[test]
fn reports_swapped_restores() {
    let code = bytes(|a| {
        a.push_r(Rbx);
        a.push_r(R12);
        a.pop_r(Rbx); // gets r12's value
        a.pop_r(R12);
        a.ret();
    });
    assert!(check(&code, 0, &[]).is_err());
}

#[test]
fn reports_a_misaligned_call() {
    let code = bytes(|a| {
        a.push_r(Rbx); // now 0 mod 16
        a.push_r(Rax); // now 8 mod 16: misaligned for a CALL
        a.mov_r_imm(S64, Rax, 0x1000);
        a.call_r(Rax);
        a.pop_r(Rax);
        a.pop_r(Rbx);
        a.ret();
    });
    let e = check(&code, 0, &[]).unwrap_err();
    assert!(e.reason.contains("CALL"), "{e}");
}

#[test]
fn reports_an_unbalanced_return() {
    let code = bytes(|a| {
        a.alu_rm_imm(AluOp::Sub, S64, Rsp, 24);
        a.ret();
    });
    let e = check(&code, 0, &[]).unwrap_err();
    assert!(e.reason.contains("RSP"), "{e}");
}

#[test]
fn follows_alignment_by_and_and_frame_pointer_restore() {
    let code = bytes(|a| {
        a.push_r(Rbp);
        a.mov_rm_r(S64, Rbp, Rsp);
        a.alu_rm_imm(AluOp::And, S64, Rsp, -16);
        a.mov_r_imm(S64, Rax, 0x1000);
        a.call_r(Rax);
        a.mov_rm_r(S64, Rsp, Rbp);
        a.pop_r(Rbp);
        a.ret();
    });
    check(&code, 0, &[]).unwrap();
}
