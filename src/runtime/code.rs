//! Kinds of code, and how the run loop enters compiled code, without
//! knowing any compiler.
//!
//! The runtime knows *kinds* of code ([`CodeKind`], recorded per function
//! in its [`JitRecord`]) and the neutral protocol compiled code speaks when
//! it stops running ([`CodeExit`]). The layer above (`tier.rs`) attaches
//! the JIT to a VM: it installs [`Tiering`] hooks (the policy's decision
//! and the entry into a kind of code) and its own state in `Vm::jit`,
//! which the runtime stores but never looks into.
//!
//! Invariants:
//! - `Vm::tiering` is `None` exactly when only the interpreter may run:
//!   then no function's record ever leaves `CodeKind::Interpreted`.
//! - A [`CodeExit`] leaves the top frame's `pc` at `exit_pc + 1` (the
//!   interpreter's convention), so the run loop handles every exit with
//!   its own frame code (push, return, unwind): one implementation for
//!   every tier.

use crate::bytecode::FuncProto;
pub use crate::bytecode::{CodeKind, JitRecord};
use crate::runtime::{Throw, Value, Vm};

/// Which kinds of code may run, and when functions move up (`--tier`).
/// The runtime stores the option; only the tier layer acts on it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Tier {
    /// Interpreter only.
    Interp,
    /// Every function in baseline code from its first entry.
    Baseline,
    /// Interpreter first; baseline after `jit_threshold` calls or back
    /// edges; optimized after `opt_threshold` more.
    Auto,
    /// Every function optimized from its first entry (tests).
    Opt,
}

impl Tier {
    pub fn parse(s: &str) -> Option<Tier> {
        match s {
            "interp" => Some(Tier::Interp),
            "baseline" => Some(Tier::Baseline),
            "auto" => Some(Tier::Auto),
            "opt" => Some(Tier::Opt),
            _ => None,
        }
    }
}

/// Which vector instructions tier 2 may use for loops (`--simd`). The
/// runtime stores the option; only the JIT acts on it.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum Simd {
    /// What the CPU has (AVX2, else SSE2), unless the environment
    /// variable `JOLT_SIMD` names one of the others.
    #[default]
    Auto,
    /// No vector loops.
    Off,
    /// 128-bit SSE2 only.
    Sse2,
    /// 256-bit AVX2 (when the CPU lacks it: SSE2).
    Avx2,
}

impl Simd {
    pub fn parse(s: &str) -> Option<Simd> {
        match s {
            "auto" => Some(Simd::Auto),
            "off" => Some(Simd::Off),
            "sse2" => Some(Simd::Sse2),
            "avx2" => Some(Simd::Avx2),
            _ => None,
        }
    }
}

/// Default number of calls or loop back edges before a function tiers up.
pub const DEFAULT_JIT_THRESHOLD: u32 = 500;
/// Default number of calls or back edges of a baseline function before
/// `Tier::Auto` optimizes it.
pub const DEFAULT_OPT_THRESHOLD: u32 = 2000;
/// Default code space for JIT code.
pub const DEFAULT_CODE_SPACE: usize = 64 << 20;

/// How compiled code stopped running one frame (see `jit::baseline`'s
/// exit protocol; the run loop handles each like the interpreter's arm).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CodeExit {
    /// A `return` ran; the construct rules are applied. The frame is not
    /// popped yet.
    Return(Value),
    /// A call/new of a JS function at `pc` that the code did not make
    /// itself: the run loop pushes the callee frame for window `fp + base`.
    Call {
        pc: u32,
        dst: u16,
        base: u16,
        /// `None` for a spread call: the arguments are the array at
        /// `base + 2`, spread into the window by the run loop.
        argc: Option<u16>,
        construct: bool,
    },
    /// An exception (pending in `vm.exception`), out of fuel or memory, or
    /// an ABI violation, at `pc`.
    Throw { pc: u32, throw: Throw },
    /// The frame's `pc` is where it continues (a loop header whose back
    /// edge asked the tier policy to move the frame up: OSR).
    Resume,
}

/// The hooks the tier layer installs (`Vm::tiering`). Plain function
/// pointers: the run loop calls them without knowing what is behind them.
#[derive(Copy, Clone)]
pub struct Tiering {
    /// Calls or back edges before an interpreted function asks `decide`
    /// (0: at its first entry). A back edge that reaches it leaves the
    /// loop for a frame step, so the function can be entered by OSR.
    pub threshold: u32,
    /// The same for baseline functions moving to optimized code (0: never).
    pub opt_threshold: u32,
    /// The tier policy: compiles `p` if it is time and returns the kind of
    /// code its frames run from now on (the record is updated).
    pub decide: fn(&mut Vm, &FuncProto) -> CodeKind,
    /// Runs the top frame (a frame of `p`, registers at `fp`) in its
    /// compiled code of `kind` from `pc` until the code exits.
    pub enter: fn(&mut Vm, &FuncProto, CodeKind, usize, usize) -> CodeExit,
}

/// Machine-visible state of the checked ABI mode (`Options::abi_check`),
/// in `Vm::abi`: written by the JIT's entry trampoline and alignment
/// checks (see `jit::baseline::checked`), read by the run's end report.
#[repr(C)]
#[derive(Default, Debug, Clone)]
pub struct AbiGuard {
    /// rsp just before the innermost trampoline's call (0 when none runs).
    pub fault_rsp: u64,
    /// The trampoline's resume address (after its call).
    pub resume: u64,
    /// Address of the failed alignment check.
    pub fault_addr: u64,
    /// rbx, rbp, r12, r13, r14, r15 as the code returned them.
    pub after: [u64; 6],
}
