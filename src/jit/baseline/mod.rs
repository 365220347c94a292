//! Tier 1: the baseline JIT. Bytecode -> x86-64, one emitter per opcode,
//! running on the interpreter's frames.
//!
//! # Model
//! Baseline code for a prototype runs ONE interpreter frame: the registers
//! are the frame's words on `vm.stack` (which never moves) and the `Frame`
//! record is the interpreter's. It is entered at any bytecode pc (an
//! instruction boundary) through [`BaselineCode::enter`], which dispatches
//! through a dense pc -> code offset table; so OSR from the interpreter at a
//! loop header and resuming a caller after a call are both just "enter at
//! pc". Everything that needs a new frame, leaves the frame, or unwinds is
//! an *exit* back to the caller of `enter` (the run loop).
//!
//! # Pinned registers (see `masm`)
//! rbx = `*mut Vm`, r12 = `regs` (`&mut vm.stack[fp]`), r13 = `NUMBER_TAG`,
//! r14 = `&proto.feedback[0]`, r15 = `*const FuncProto`. The prologue saves
//! rbx, rbp, r12-r15, aligns rsp to 16 and jumps to the pc's code; the one
//! epilogue (label `exit`) restores them and returns the exit word in rax.
//!
//! # Exit protocol
//! `enter(vm, regs, pc)` runs until one of these, always with the top
//! frame's `pc` field set to `exit_pc + 1` (the interpreter's convention:
//! "the instruction being executed is `frame.pc - 1`"):
//! - [`CodeExit::Return`]`(v)`: a `return` ran; `v` already has the
//!   construct-call rules applied (non-object -> `this`, derived-constructor
//!   errors become `Throw`). The frame is NOT popped: the run loop pops it
//!   and stores `v` exactly as the interpreter's `Return` arm does.
//! - [`CodeExit::Call`]: a `call`/`new` of a JS function (`Kind::Function`)
//!   at `pc`. The call-site feedback is updated and nothing else is done:
//!   the run loop pushes the callee frame for the window `fp + base`
//!   (`argc` arguments, `new_target = Some(regs[base])` when `construct`,
//!   `ret_dst = dst`) exactly as the interpreter's `Call`/`New` arms; when
//!   the callee returns into this frame, the loop re-enters at `pc + 1`
//!   (`frame.pc`). If pushing the frame fails, the loop unwinds as for
//!   `Throw` at `pc`. Natives and bound functions are called inside the
//!   helper (nesting `Vm::run`, as the interpreter does) and do not exit.
//! - [`CodeExit::Throw`]: an exception (`Throw::Error`, pending in
//!   `vm.exception`), out of fuel or out of memory at `pc`. The run loop
//!   unwinds exactly as the interpreter (`Vm::unwind` looks up handlers at
//!   `frame.pc - 1 == pc`); if a handler in this frame catches, re-enter at
//!   the handler target (the new `frame.pc`).
//! - A helper that panics (a failed heap verification, a debug assertion)
//!   exits with `EXIT_PANIC`; `enter` re-raises the panic once the machine
//!   frames are gone, so the harness sees a `Crash`, not an abort.
//!
//! # Helpers and GC
//! Every opcode without an inline fast path calls `helpers::bl_<op>` (see
//! that module for the contract). Helpers may allocate and move cells, so
//! emitted code never keeps a value in a machine register across a call.
//! The value stack and the frames are the roots, as in the interpreter.
//!
//! # Failure
//! Code-space exhaustion or an ill-formed prototype is a `CompileError`;
//! the caller keeps running the function in the interpreter.

pub mod accessors;
pub mod alloc;
pub mod checked;
pub mod emit;
pub mod helpers;
pub mod ic;
pub mod ic_checks;
mod inline;
pub mod keyed;
pub mod masm;
pub mod natives;
pub mod run;

use crate::bytecode::text::format_insn;
use crate::bytecode::{FuncProto, Insn};
use crate::jit::x64::{Annotation, CodeSpace, ExecCode, FinalizeError, Label};
use crate::runtime::{Frame, Throw, Value, Vm};
use std::fmt::Write;

/// Why a prototype could not be compiled (it stays in the interpreter).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompileError {
    /// The code space is full (or mapping failed).
    Space(String),
    /// The assembler or the bytecode rejected something.
    Invalid(String),
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CompileError::Space(s) => write!(f, "baseline: {s}"),
            CompileError::Invalid(s) => write!(f, "baseline: {s}"),
        }
    }
}

impl std::error::Error for CompileError {}

/// How a baseline frame stopped running (see the module doc): the
/// runtime's neutral exit protocol.
pub use crate::runtime::code::CodeExit;

/// A compiled prototype.
pub struct BaselineCode {
    pub code: ExecCode,
    /// Compiled for the checked ABI mode (entered through the trampoline).
    pub checked: bool,
    /// Code offset of the direct-call entry (`emit::emit_direct_entry`).
    pub direct_offset: u32,
    /// Code offset of the construct entry (`new`).
    pub construct_offset: u32,
    /// Code offset of the lean entry (optimized code only; see
    /// `emit::Emitter::emit_lean_entry`).
    pub lean_offset: Option<u32>,
    /// Code offset of each bytecode pc (`pc_offsets[pc]`).
    pub pc_offsets: Vec<u32>,
    /// (code offset, pc) for every range of code, sorted by offset: the
    /// body's instructions and the out-of-line slow paths.
    pub pc_map: Vec<(u32, u32)>,
    /// (return address offset, pc) of every helper call.
    pub safepoints: Vec<(u32, u32)>,
    /// The prototype the code was compiled from (its address is embedded).
    proto: *const FuncProto,
}

/// rax:rdx as returned by baseline code (System V returns a two-word
/// `repr(C)` struct in rax and rdx).
#[repr(C)]
pub struct ExitPair {
    word: u64,
    _value: u64,
}

type EntryFn = unsafe extern "C" fn(*mut Vm, *mut Value, *const u8, *mut Frame) -> ExitPair;

/// Whether call sites check rsp alignment (debug-assertions builds).
pub const CHECK_ALIGNMENT: bool = cfg!(debug_assertions);

pub use masm::AlignCheck;

/// Compiles `proto` (which the verifier has accepted). The prototype must
/// outlive the returned code (prototypes live as long as their VM).
pub fn compile(proto: &FuncProto, space: &mut CodeSpace) -> Result<BaselineCode, CompileError> {
    let align = if CHECK_ALIGNMENT {
        AlignCheck::Trap
    } else {
        AlignCheck::Off
    };
    compile_with(proto, space, align)
}

/// `compile` with the alignment checks chosen explicitly (`Report` is the
/// checked ABI mode: such code must be entered through the trampoline).
pub fn compile_with(
    proto: &FuncProto,
    space: &mut CodeSpace,
    align: AlignCheck,
) -> Result<BaselineCode, CompileError> {
    if proto.code.is_empty() {
        return Err(CompileError::Invalid("empty function".into()));
    }
    compile_region(proto, space, align, None, 0)
}

/// An optimized region emitted into a function's code object (see
/// `jit::opt`): it returns the label where the function is entered.
/// Besides the entry, it may return OSR entries: (loop header pc, label).
pub type Region<'r> =
    &'r mut dyn FnMut(&mut emit::Emitter<'_>) -> Result<(Label, Vec<(u32, Label)>), String>;

/// `compile_with`, plus an optimized region: then the function's entries
/// (direct, construct, and `enter` at pc 0) go to the region's entry, and
/// the baseline code for every pc stays, for deopts and resumption; its
/// back edges go back into the region while the function has deoptimized
/// fewer times than the region's `u32` (`Emitter::loop_hooks`).
pub(crate) fn compile_region(
    proto: &FuncProto,
    space: &mut CodeSpace,
    align: AlignCheck,
    region: Option<(Region<'_>, u32)>,
    opt_threshold: u32,
) -> Result<BaselineCode, CompileError> {
    if proto.code.is_empty() {
        return Err(CompileError::Invalid("empty function".into()));
    }
    let mut e = emit::Emitter::new(proto, align);
    e.opt_threshold = opt_threshold;
    e.m.asm.comment(format!("baseline {:?}", proto.name));
    e.m.prologue(
        proto.feedback.as_ptr() as u64,
        proto as *const FuncProto as u64,
    );
    let direct = e.m.asm.new_named_label("direct_entry");
    let construct = e.m.asm.new_named_label("construct_entry");
    if let Some((_, limit)) = &region {
        e.loop_hooks = Some((*limit, Default::default()));
    }
    e.emit_insns().map_err(CompileError::Invalid)?;
    e.emit_out_of_line().map_err(CompileError::Invalid)?;
    let optimized = region.is_some();
    let (start, osr) = match region {
        Some((r, _)) => r(&mut e).map_err(CompileError::Invalid)?,
        None => (e.labels[0], vec![]),
    };
    e.bind_loop_hooks(&osr);
    e.emit_direct_entry_to(direct, construct, start);
    let lean = optimized.then(|| {
        let l = e.m.asm.new_named_label("lean_entry");
        e.emit_lean_entry(l, start);
        l
    });
    e.emit_out_of_line().map_err(CompileError::Invalid)?;
    e.emit_exit();
    let direct_offset = e.m.asm.label_offset(direct).expect("bound");
    let construct_offset = e.m.asm.label_offset(construct).expect("bound");
    let lean_offset = lean.map(|l| e.m.asm.label_offset(l).expect("bound"));
    let mut pc_offsets: Vec<u32> = e.labels[..proto.code.len()]
        .iter()
        .map(|l| e.m.asm.label_offset(*l).expect("every pc label is bound"))
        .collect();
    let mut pc_map: Vec<(u32, u32)> = pc_offsets
        .iter()
        .enumerate()
        .map(|(pc, off)| (*off, pc as u32))
        .collect();
    // Entering at pc 0 (a fresh frame, everything in it) enters the region.
    pc_offsets[0] = e.m.asm.label_offset(start).expect("bound");
    // Entering at a loop header with an OSR entry enters the region too.
    for (pc, l) in osr {
        pc_offsets[pc as usize] = e.m.asm.label_offset(l).expect("bound");
    }
    pc_map.extend(e.slow_starts.iter().copied());
    pc_map.sort_by_key(|x| x.0);
    let safepoints = std::mem::take(&mut e.safepoints);
    let code = e.m.asm.finalize(space).map_err(|err| match err {
        FinalizeError::Space(s) => CompileError::Space(s.to_string()),
        FinalizeError::Asm(a) => CompileError::Invalid(a.to_string()),
    })?;
    Ok(BaselineCode {
        code,
        checked: align == AlignCheck::Report,
        direct_offset,
        construct_offset,
        lean_offset,
        pc_offsets,
        pc_map,
        safepoints,
        proto,
    })
}

/// The exit of the *top* frame: the one `enter` ran, or a frame it called
/// directly (which exited with its own pc and is still on `vm.frames`).
fn decode_exit(vm: &mut Vm, w: u64) -> CodeExit {
    let kind = w & 0xff;
    let pc = (w >> 32) as u32;
    let fr = vm.frames.last_mut().expect("baseline code runs in a frame");
    fr.pc = pc as usize + 1;
    // Prototypes outlive the frames that run them.
    let p: &FuncProto = unsafe { &*fr.proto };
    let regs = unsafe { vm.stack_base.add(fr.fp) };
    let throw = |t| CodeExit::Throw { pc, throw: t };
    match kind {
        helpers::EXIT_RETURN => {
            let Insn::Return { src } = p.code[pc as usize] else {
                unreachable!("return exit at a non-return")
            };
            match helpers::return_value(vm, regs, src) {
                Ok(v) => CodeExit::Return(v),
                Err(t) => {
                    crate::runtime::exec::throw_past_handlers(vm);
                    throw(t)
                }
            }
        }
        helpers::EXIT_CALL => match p.code[pc as usize] {
            insn @ (Insn::Call {
                dst, base, argc, ..
            }
            | Insn::New {
                dst, base, argc, ..
            }) => CodeExit::Call {
                pc,
                dst,
                base,
                argc: Some(argc),
                construct: matches!(insn, Insn::New { .. }),
            },
            insn @ (Insn::CallSpread { dst, base, .. } | Insn::NewSpread { dst, base, .. }) => {
                CodeExit::Call {
                    pc,
                    dst,
                    base,
                    argc: None,
                    construct: matches!(insn, Insn::NewSpread { .. }),
                }
            }
            other => unreachable!("call exit at {other:?}"),
        },
        helpers::EXIT_OSR => {
            let Insn::Loop { off } = p.code[pc as usize] else {
                unreachable!("OSR exit at a non-loop")
            };
            fr.pc = crate::bytecode::jump_target(pc as usize, off) as usize;
            CodeExit::Resume
        }
        helpers::EXIT_RESUME => {
            fr.pc = pc as usize;
            CodeExit::Resume
        }
        helpers::EXIT_THROW_ERROR => throw(Throw::Error),
        helpers::EXIT_OUT_OF_FUEL => throw(Throw::OutOfFuel),
        helpers::EXIT_OUT_OF_MEMORY => throw(Throw::OutOfMemory),
        helpers::EXIT_ABI => throw(Throw::AbiViolation),
        helpers::EXIT_PANIC => std::panic::resume_unwind(
            helpers::take_panic().unwrap_or_else(|| Box::new("a baseline helper panicked")),
        ),
        k => unreachable!("bad exit word {w:#x} (kind {k})"),
    }
}

impl BaselineCode {
    /// The bytecode pc whose code contains `offset`, if any.
    pub fn pc_at(&self, offset: u32) -> Option<u32> {
        let i = self.pc_map.partition_point(|e| e.0 <= offset);
        if i == 0 {
            None
        } else {
            Some(self.pc_map[i - 1].1)
        }
    }

    /// Runs the top frame of `vm` from `pc` until it exits.
    ///
    /// # Safety
    /// The top frame of `vm` must be a frame of the prototype this code was
    /// compiled from, `regs` must be `&mut vm.stack[frame.fp]`, and `pc`
    /// must be an instruction index of that prototype (anywhere the
    /// interpreter could be about to execute).
    pub unsafe fn enter(&self, vm: *mut Vm, regs: *mut Value, pc: u32) -> CodeExit {
        let off = self.pc_offsets[pc as usize] as usize;
        let target = self.code.ptr().add(off);
        let f: EntryFn = self.code.entry();
        let frame: *mut Frame = (*vm).frames.last_mut().expect("a frame to run");
        debug_assert!(std::ptr::eq((*frame).proto, self.proto));
        if !self.checked {
            let w = f(vm, regs, target, frame).word;
            return decode_exit(&mut *vm, w);
        }
        let (tramp, resume) = {
            let j = crate::jit::state_ref(&*vm).expect("checked code runs with a JIT");
            let (t, r) = j
                .trampoline
                .as_ref()
                .expect("trampoline made before checked code");
            (
                t.entry::<checked::TrampolineFn>(),
                t.ptr() as u64 + *r as u64,
            )
        };
        let guard: *mut checked::AbiGuard = &mut (*vm).abi;
        (*guard).resume = resume;
        (*guard).fault_addr = 0;
        let w = tramp(vm, regs, target, frame, self.code.ptr(), guard).word;
        let vm = &mut *vm;
        if w & 0xff == helpers::EXIT_ABI && vm.abi.fault_addr != 0 {
            let at = vm.abi.fault_addr;
            let what = crate::jit::describe_code_address(vm, at);
            return self.abi_violation(vm, format!("CALL with RSP not 16-byte aligned at {what}"));
        }
        let bad = checked::clobbered(&vm.abi);
        if !bad.is_empty() {
            let p = &*self.proto;
            let regs: Vec<String> = bad.iter().map(|(r, v)| format!("{r} = {v:#x}")).collect();
            let msg = format!(
                "callee-saved register(s) not restored by baseline code entered at {:?} pc {pc}: {}",
                p.name,
                regs.join(", ")
            );
            return self.abi_violation(vm, msg);
        }
        decode_exit(vm, w)
    }

    /// The static ABI check (`jit::abicheck`) from both entries: `enter`'s
    /// (which may jump to any pc) and the direct-call entry.
    pub fn abi_check(
        &self,
    ) -> Result<crate::jit::abicheck::Coverage, crate::jit::abicheck::AbiViolation> {
        let entries: Vec<u64> = self.pc_offsets.iter().map(|&o| o as u64).collect();
        let code = crate::jit::abicheck::decode(self.code.bytes());
        let mut cov = crate::jit::abicheck::check_from(&code, 0, &entries)?;
        let lean = self.lean_offset.into_iter();
        for entry in [self.direct_offset, self.construct_offset]
            .into_iter()
            .chain(lean)
        {
            let d = crate::jit::abicheck::check_from(&code, entry as u64, &[])?;
            cov.instructions += d.instructions;
            cov.calls += d.calls;
            cov.returns += d.returns;
        }
        Ok(cov)
    }

    /// Records an ABI violation (the first one wins) and ends the run.
    fn abi_violation(&self, vm: &mut Vm, msg: String) -> CodeExit {
        vm.abi_report.get_or_insert(msg);
        let pc = vm.frames.last().map_or(0, |f| f.pc.saturating_sub(1)) as u32;
        CodeExit::Throw {
            pc,
            throw: Throw::AbiViolation,
        }
    }

    /// The name of the function this code was compiled from.
    pub fn proto_name(&self) -> &str {
        // The prototype outlives its code (see `compile`).
        unsafe { &(*self.proto).name }
    }

    /// The construct entry's address (see `emit::visit_new`).
    pub fn construct_entry(&self) -> usize {
        self.code.ptr() as usize + self.construct_offset as usize
    }

    /// The lean entry's address, in optimized code.
    pub fn lean_entry(&self) -> Option<usize> {
        (self.lean_offset).map(|o| self.code.ptr() as usize + o as usize)
    }

    /// The direct-call entry's address (see `emit::visit_call`).
    pub fn direct_entry(&self) -> usize {
        self.code.ptr() as usize + self.direct_offset as usize
    }

    /// `--print-code`: the machine code with each bytecode instruction
    /// (pc, text form) above its code, and slow paths marked.
    pub fn disassemble(&self, proto: &FuncProto) -> String {
        let listing = self.code.disassemble();
        let mut out = String::new();
        let _ = writeln!(
            out,
            "baseline code for {:?}: {} bytes, {} bytecodes, {} safepoints",
            proto.name,
            self.code.len(),
            proto.code.len(),
            self.safepoints.len()
        );
        for line in listing.lines() {
            // Annotation lines read "; bytecode N": add the instruction.
            if let Some(rest) = line.trim_start().strip_prefix("; bytecode ") {
                if let Ok(pc) = rest.trim().parse::<usize>() {
                    if let Some(insn) = proto.code.get(pc) {
                        let _ =
                            writeln!(out, "                ; {pc:04}: {}", format_insn(pc, insn));
                        continue;
                    }
                }
            }
            let _ = writeln!(out, "{line}");
        }
        out
    }

    /// The annotations recorded while assembling (bytecode pcs, safepoints).
    pub fn annotations(&self) -> &[(u32, Annotation)] {
        self.code.annotations()
    }
}
