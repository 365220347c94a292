//! The checked ABI mode (`Options::abi_check`, on in every harness plan):
//! the dynamic half of the ABI checks (`jit::abicheck` is the static half).
//!
//! What it checks:
//! 1. Callee-saved registers: every entry into baseline code from Rust
//!    goes through a trampoline that loads distinct canaries into rbx, rbp
//!    and r12-r15, calls the code, and records what the six registers hold
//!    when it returns. Any register not equal to its canary is a violation:
//!    the code (or a function it called directly) did not restore it.
//! 2. Stack alignment: before every CALL the emitted code tests
//!    `rsp % 16 == 0`; in checked mode a failure records the address of
//!    the check and abandons the machine frames back to the innermost
//!    trampoline (the saved `fault_rsp`: a longjmp, so no CALL is ever made
//!    misaligned), which returns `EXIT_ABI`.
//!
//! Either becomes `Throw::AbiViolation` (uncatchable, like running out of
//! fuel), the run ends with `End::AbiViolation(report)` naming the function
//! and code offset, and the harness reports it as a divergence: a crash
//! never happens and nothing is assumed.
//!
//! The trampoline keeps the real callee-saved registers on its own frame,
//! so Rust never sees the damage. Trampolines nest (natives calling JS call
//! `enter` again): each saves the previous `fault_rsp` and restores it.

use super::CompileError;
use crate::jit::x64::{AluOp, Assembler, CodeSpace, ExecCode, FinalizeError, Gpr, Mem, Size};
use crate::runtime::Vm;

pub use crate::runtime::code::AbiGuard;

pub const FAULT_RSP: i32 = std::mem::offset_of!(AbiGuard, fault_rsp) as i32;
pub const RESUME: i32 = std::mem::offset_of!(AbiGuard, resume) as i32;
pub const FAULT_ADDR: i32 = std::mem::offset_of!(AbiGuard, fault_addr) as i32;
pub const AFTER: i32 = std::mem::offset_of!(AbiGuard, after) as i32;

/// Offset of `AbiGuard` field `f` from the `Vm` (for code addressing via rbx).
pub fn vm_guard(f: i32) -> i32 {
    std::mem::offset_of!(Vm, abi) as i32 + f
}

/// The registers the trampoline plants canaries in, in `after` order.
pub const CHECKED: [Gpr; 6] = [Gpr::Rbx, Gpr::Rbp, Gpr::R12, Gpr::R13, Gpr::R14, Gpr::R15];

/// Canary for `CHECKED[i]`: not a pointer, not a boxed value anyone makes.
pub const fn canary(i: usize) -> u64 {
    0x0c0d_ea11_0000_0000 | ((i as u64 + 1) * 0x1111)
}

/// `(vm, regs, target, frame, code, guard) -> (rax, rdx)`.
pub type TrampolineFn = unsafe extern "C" fn(
    *mut Vm,
    *mut crate::runtime::Value,
    *const u8,
    *mut crate::runtime::Frame,
    *const u8,
    *mut AbiGuard,
) -> super::ExitPair;

/// Emits the trampoline into `space`; `resume_offset` is where the fault
/// path continues.
pub fn emit_trampoline(space: &mut CodeSpace) -> Result<(ExecCode, u32), CompileError> {
    let mut a = Assembler::new();
    let resume = a.new_named_label("resume");
    a.comment("checked-mode trampoline".to_string());
    for r in [Gpr::Rbp, Gpr::Rbx, Gpr::R12, Gpr::R13, Gpr::R14, Gpr::R15] {
        a.push_r(r);
    }
    // Nesting: keep the outer trampoline's fault_rsp; then the guard.
    a.push_m(Mem::disp(Gpr::R9, FAULT_RSP));
    a.push_r(Gpr::R9);
    a.alu_rm_imm(AluOp::Sub, Size::S64, Gpr::Rsp, 8);
    a.mov_rm_r(Size::S64, Mem::disp(Gpr::R9, FAULT_RSP), Gpr::Rsp);
    for (i, r) in CHECKED.iter().enumerate() {
        a.mov_r_imm(Size::S64, *r, canary(i) as i64);
    }
    a.call_r(Gpr::R8);
    a.bind(resume);
    a.mov_r_m(Size::S64, Gpr::R9, Mem::disp(Gpr::Rsp, 8));
    for (i, r) in CHECKED.iter().enumerate() {
        a.mov_rm_r(Size::S64, Mem::disp(Gpr::R9, AFTER + 8 * i as i32), *r);
    }
    a.alu_rm_imm(AluOp::Add, Size::S64, Gpr::Rsp, 8);
    a.pop_r(Gpr::R9);
    a.pop_m(Mem::disp(Gpr::R9, FAULT_RSP));
    for r in [Gpr::R15, Gpr::R14, Gpr::R13, Gpr::R12, Gpr::Rbx, Gpr::Rbp] {
        a.pop_r(r);
    }
    a.ret();
    let resume_offset = a.label_offset(resume).expect("bound");
    let code = a.finalize(space).map_err(|err| match err {
        FinalizeError::Space(s) => CompileError::Space(s.to_string()),
        FinalizeError::Asm(a) => CompileError::Invalid(a.to_string()),
    })?;
    Ok((code, resume_offset))
}

/// The callee-saved registers the code failed to restore, by name.
pub fn clobbered(g: &AbiGuard) -> Vec<(&'static str, u64)> {
    const NAMES: [&str; 6] = ["rbx", "rbp", "r12", "r13", "r14", "r15"];
    (0..6)
        .filter(|&i| g.after[i] != canary(i))
        .map(|i| (NAMES[i], g.after[i]))
        .collect()
}

/// Runs machine code `code` (a System V function of no arguments that the
/// caller assembled) under the checked-mode trampoline, with `vm` in rdi
/// (code reporting an alignment failure expects it in rbx, as baseline code
/// keeps it). `Ok(rax)`, or what the checks caught. For tests of the
/// checker itself and of hand-made bad code.
///
/// # Safety
/// `code` must be executable and, apart from the ABI faults under test,
/// return normally.
pub unsafe fn run_checked(
    vm: &mut Vm,
    space: &mut CodeSpace,
    code: *const u8,
) -> Result<u64, String> {
    let (tramp, resume) = emit_trampoline(space).map_err(|e| e.to_string())?;
    let f = tramp.entry::<TrampolineFn>();
    vm.abi.resume = tramp.ptr() as u64 + resume as u64;
    vm.abi.fault_addr = 0;
    let guard: *mut AbiGuard = &mut vm.abi;
    let w = f(
        vm,
        std::ptr::null_mut(),
        std::ptr::null(),
        std::ptr::null_mut(),
        code,
        guard,
    )
    .word;
    if vm.abi.fault_addr != 0 {
        return Err(format!(
            "CALL with RSP not 16-byte aligned at +{:#x}",
            vm.abi.fault_addr - code as u64
        ));
    }
    let bad = clobbered(&vm.abi);
    if !bad.is_empty() {
        let regs: Vec<String> = bad.iter().map(|(r, v)| format!("{r} = {v:#x}")).collect();
        return Err(format!("callee-saved not restored: {}", regs.join(", ")));
    }
    Ok(w)
}
