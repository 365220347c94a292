//! The dynamic ABI checks (checked mode, `jit::baseline::checked`) catch
//! hand-made bad code, and so does the static checker (`jit::abicheck`) on
//! the same bytes: each fault is reported, never a crash.

use jolt::jit::abicheck::check;
use jolt::jit::baseline::checked::run_checked;
use jolt::jit::baseline::masm::{AlignCheck, Masm};
use jolt::jit::x64::{AluOp, CodeSpace, Gpr::*, Size::*};
use jolt::runtime::{Options, Vm};

extern "C" fn noop() {}

/// Assembles with the checked-mode alignment checks, maps it executable,
/// runs it under the trampoline, and checks the same bytes statically.
fn both_checkers(build: impl FnOnce(&mut Masm)) -> (Result<u64, String>, Result<(), String>) {
    let mut m = Masm::new(AlignCheck::Report);
    build(&mut m);
    m.emit_abi_stubs();
    let mut space = CodeSpace::new(1 << 16);
    let code = m.asm.finalize(&mut space).unwrap();
    let stat = check(code.bytes(), 0, &[])
        .map(|_| ())
        .map_err(|e| e.to_string());
    let mut vm = Vm::new(Options::default());
    let dynamic = unsafe { run_checked(&mut vm, &mut space, code.ptr()) };
    (dynamic, stat)
}

#[test]
fn correct_code_passes_both() {
    let (d, s) = both_checkers(|m| {
        m.asm.push_r(Rbx);
        m.asm.mov_rm_r(S64, Rbx, Rdi);
        m.call_abs(noop as *const () as usize);
        m.asm.mov_r_imm(S64, Rax, 42);
        m.asm.pop_r(Rbx);
        m.asm.ret();
    });
    assert_eq!(d, Ok(42));
    assert_eq!(s, Ok(()));
}

#[test]
fn a_clobbered_rbx_is_reported_by_both() {
    let (d, s) = both_checkers(|m| {
        m.asm.mov_r_imm(S64, Rbx, 7);
        m.asm.mov_r_imm(S64, Rax, 1);
        m.asm.ret();
    });
    let d = d.unwrap_err();
    assert!(d.contains("rbx = 0x7"), "{d}");
    assert!(s.unwrap_err().contains("RBX"));
}

#[test]
fn each_callee_saved_register_is_checked() {
    for r in [Rbp, R12, R13, R14, R15] {
        let (d, s) = both_checkers(|m| {
            m.asm.alu_rm_imm(AluOp::Add, S64, r, 1);
            m.asm.ret();
        });
        let d = d.unwrap_err();
        assert!(d.contains(&format!("{r:?}").to_lowercase()), "{r:?}: {d}");
        assert!(s.is_err(), "{r:?}");
    }
}

#[test]
fn a_misaligned_call_is_reported_by_both_not_made() {
    let (d, s) = both_checkers(|m| {
        m.asm.push_r(Rbx);
        m.asm.mov_rm_r(S64, Rbx, Rdi); // VM, as baseline code pins it
        m.asm.push_r(Rbp); // 8 more bytes: rsp is now 8 mod 16
        m.call_abs(noop as *const () as usize);
        m.asm.pop_r(Rbp);
        m.asm.pop_r(Rbx);
        m.asm.ret();
    });
    let d = d.unwrap_err();
    assert!(d.contains("not 16-byte aligned at +0x"), "{d}");
    let s = s.unwrap_err();
    assert!(s.contains("CALL with RSP = 8 mod 16"), "{s}");
}
