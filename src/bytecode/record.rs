//! The per-function JIT record: what every tier counts, which kind of code
//! a function's frames run, and each tier's code for it.
//!
//! The record lives on the prototype (so the run loop reads it with no
//! lookup) but belongs to the layers above: the interpreter and the JIT
//! tiers maintain the counters, `tier.rs` alone sets `kind`, `code` and
//! `may_tier_up`, and compiled code reads the fields at fixed offsets.
//! Nothing here knows a compiler: a tier's code is an opaque address owned
//! by the tier layer's code cache, which keeps it alive as long as the VM.
//!
//! Invariants:
//! - `code[k] != 0` for every kind `k` that is `kind` or below it, except
//!   `Interpreted` (which needs no code); `kind` only rises.
//! - `direct_entry` / `construct_entry` are machine addresses inside the
//!   current `kind`'s code (0 while there is none, or when the function
//!   cannot be entered that way).
//! - Once `may_tier_up` is false (a compile failed, or the top tier was
//!   reached) the run loop never asks the tier policy about this function
//!   again.

use std::cell::Cell;

/// Kinds of code a function can run as (V8's `CodeKind`): the runtime and
/// the interpreter know these and how to enter them (through the hooks the
/// tier layer installs), never the compilers that make them.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[repr(u8)]
pub enum CodeKind {
    /// Bytecode run by the interpreter (every function has it).
    #[default]
    Interpreted = 0,
    /// Tier 1: the baseline JIT's machine code.
    Baseline = 1,
    /// Tier 2: the optimizing JIT's machine code.
    Optimized = 2,
}

impl CodeKind {
    pub const COUNT: usize = 3;
}

/// Slots in `JitRecord::deopt_reasons` (at least the optimizing tier's
/// number of reasons).
pub const DEOPT_REASONS: usize = 16;

/// See the module doc. `repr(C)`: baseline code reads the counters and
/// entries at fixed offsets.
#[derive(Debug)]
#[repr(C)]
pub struct JitRecord {
    /// Function entries (every tier's entry paths).
    pub call_count: Cell<u32>,
    /// Loop back edges taken (every tier's `loop`).
    pub loop_count: Cell<u32>,
    /// Calls from this function's JIT code into its helpers (slow paths
    /// and helper-only instructions): how often the inline paths were left.
    pub helper_calls: Cell<u64>,
    /// Deoptimizations of this function's optimized code (since it was
    /// last (re)optimized).
    pub deopt_count: Cell<u32>,
    /// All its deoptimizations by reason (`jit::opt::DeoptReason as usize`).
    pub deopt_reasons: [Cell<u32>; DEOPT_REASONS],
    /// The bytecode pc of the last deoptimization (where it resumed).
    pub last_deopt_pc: Cell<u32>,
    /// Its reason (`jit::opt::DeoptReason as u32`).
    pub last_deopt_reason: Cell<u32>,
    /// The kind of code the function's frames run now.
    pub kind: Cell<CodeKind>,
    /// Whether the tier policy may still move the function up.
    pub may_tier_up: Cell<bool>,
    /// Each kind's code (an address owned by the tier layer's cache), 0
    /// where there is none; indexed by `CodeKind as usize`.
    pub code: [Cell<usize>; CodeKind::COUNT],
    /// The direct-call entry of the current code (JIT call sites whose
    /// cached target is this function call it without leaving machine
    /// code), 0 while there is none.
    pub direct_entry: Cell<usize>,
    /// The same for `new`: the construct entry.
    pub construct_entry: Cell<usize>,
    /// The lean entry of the current code when it is optimized (0
    /// otherwise): optimized call sites whose feedback names this
    /// function push its frame themselves, with what they know at compile
    /// time, and enter here (`emit::Emitter::lean_call`).
    pub lean_entry: Cell<usize>,
}

impl Default for JitRecord {
    fn default() -> Self {
        JitRecord {
            call_count: Cell::new(0),
            loop_count: Cell::new(0),
            helper_calls: Cell::new(0),
            deopt_count: Cell::new(0),
            deopt_reasons: Default::default(),
            last_deopt_pc: Cell::new(0),
            last_deopt_reason: Cell::new(0),
            kind: Cell::new(CodeKind::Interpreted),
            may_tier_up: Cell::new(true),
            code: Default::default(),
            direct_entry: Cell::new(0),
            construct_entry: Cell::new(0),
            lean_entry: Cell::new(0),
        }
    }
}

impl JitRecord {
    /// The code of `kind` (0 if none).
    #[inline]
    pub fn code_of(&self, kind: CodeKind) -> usize {
        self.code[kind as usize].get()
    }

    /// Installs `code` as the function's code of `kind` and makes it the
    /// kind its frames run (the tier layer's one way in).
    pub fn install(&self, kind: CodeKind, code: usize) {
        debug_assert!(kind != CodeKind::Interpreted && code != 0);
        debug_assert!(kind >= self.kind.get(), "code kinds only rise");
        self.code[kind as usize].set(code);
        self.kind.set(kind);
        if kind == CodeKind::Optimized {
            self.may_tier_up.set(false);
        }
    }

    /// Counts one function entry.
    #[inline]
    pub fn count_call(&self) {
        self.call_count.set(self.call_count.get().wrapping_add(1));
    }
}
