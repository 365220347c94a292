//! The fault-injection catalogue (cargo feature `fault-injection`).
//!
//! Each variant names one deliberate miscompilation or ABI violation that a
//! JIT tier must be able to inject on request, and that the harness must
//! then report as a divergence (or an ABI-check failure): the test of the
//! harness itself. None of them can be injected yet: every fault lives in
//! machine code the baseline tier will emit, so every variant is marked
//! "needs the baseline tier" and [`Fault::available`] is false. Nothing here
//! pretends to detect anything; the JIT consults [`Fault::injected`] at the
//! emitter named in each variant's doc once it exists.
//!
//! The names were written down from the list; the issue text is not
//! in the repository, so each variant documents the fault it stands for.

/// A fault the JIT can inject. All need the baseline tier.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Fault {
    /// Int32 `add` without its overflow check (wrong result past 2^31).
    /// Needs the baseline tier. Caught by: stdout divergence.
    SkipOverflowCheck,
    /// Int32 multiply that returns `0` instead of `-0`. Needs the baseline
    /// tier. Caught by: stdout divergence (`Object.is`, `1/x`).
    LoseNegativeZero,
    /// A helper CALL with RSP misaligned by 8. Needs the baseline tier.
    /// Caught by: the alignment assertion before every JIT call site.
    MisalignStackAtCall,
    /// A callee-saved register clobbered and not restored. Needs the
    /// baseline tier. Caught by: the entry trampoline's canary check.
    ClobberCalleeSaved,
    /// A pinned register (VM context / frame base) not reloaded after a
    /// helper that may move it. Needs the baseline tier. Caught by: heap
    /// verification under `interp-gc-stress`-style plans, or divergence.
    StalePinnedRegister,
    /// A tagged slot left out of a safepoint's stack map. Needs the baseline
    /// tier (stack maps: the optimizing tier). Caught by: heap verification.
    OmitStackMapSlot,
    /// A loop back edge that does not spend fuel. Needs the baseline tier.
    /// Caught by: out-of-fuel divergence against the interpreter.
    SkipFuelAtBackEdge,
    /// An inline cache that uses the cached slot without the shape check.
    /// Needs the baseline tier. Caught by: stdout divergence.
    SkipShapeCheck,
    /// A branch to the wrong target (off by one instruction). Needs the
    /// baseline tier. Caught by: divergence.
    WrongBranchTarget,
    /// A pending exception from a helper not checked. Needs the baseline
    /// tier. Caught by: outcome divergence (normal vs uncaught).
    IgnorePendingException,
    /// A deopt that writes a wrong value into the interpreter frame. Needs
    /// the baseline tier (deopt: the optimizing tier). Caught by: divergence.
    CorruptDeoptValue,
    /// Code pages left writable and executable at once. Needs the baseline
    /// tier. Caught by: the W^X check of the code space.
    LeaveCodeWritable,
}

impl Fault {
    pub const ALL: [Fault; 12] = [
        Fault::SkipOverflowCheck,
        Fault::LoseNegativeZero,
        Fault::MisalignStackAtCall,
        Fault::ClobberCalleeSaved,
        Fault::StalePinnedRegister,
        Fault::OmitStackMapSlot,
        Fault::SkipFuelAtBackEdge,
        Fault::SkipShapeCheck,
        Fault::WrongBranchTarget,
        Fault::IgnorePendingException,
        Fault::CorruptDeoptValue,
        Fault::LeaveCodeWritable,
    ];

    /// Whether the fault can be injected in this build (no tier exists yet).
    pub fn available(self) -> bool {
        false
    }

    /// What the fault needs before it can be injected.
    pub fn needs(self) -> &'static str {
        "needs the baseline tier"
    }

    /// Whether the JIT should inject `self` now (only with the
    /// `fault-injection` feature, and only once the tier exists).
    pub fn injected(self) -> bool {
        cfg!(feature = "fault-injection") && self.available()
    }
}
