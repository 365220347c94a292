//! The fault-injection catalogue (cargo feature `fault-injection`).
//!
//! Each variant is one deliberate bug of the kind a real JIT has: a
//! miscompiled instruction, an ABI violation, a missing GC root, a wrong
//! resume point. Each is injected at exactly one place (named in its doc),
//! switched on by name at run time (`jolt fuzz --fault NAME`, `jolt FILE
//! --fault NAME`, or `JOLT_FAULT=NAME` for the cargo-fuzz targets), and
//! must then be reported by the differential harness: `ci/fault-check`
//! runs `jolt fuzz` against each one and reports the seconds to detection.
//! That is the test of the harness itself.
//!
//! Emitters and the run loop ask [`Fault::injected`], the one check. Without
//! the feature it is a `const fn` returning `false`, so every injection
//! site is dead code the optimizer removes and the engine is exactly the
//! engine without faults. With the feature, the active set is one
//! process-global atomic word (a fault is a bit), read with a relaxed load.
//!
//! Baseline code reads the active set when a function is *compiled*, so a
//! fault must be switched on before the program runs (every harness plan
//! compiles on a fresh VM, so switching between programs is fine).

use std::fmt;

/// One injectable fault. Names (`Fault::name`) are the kebab-case forms.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fault {
    /// The baseline prologue (`masm::save_and_pin`, used by both entries)
    /// and the epilogue (`masm::epilogue`) leave r13 out of the saved
    /// registers (the pad grows by 8 to keep rsp aligned), yet the prologue
    /// loads `TAG` into r13: the caller's r13 is destroyed.
    /// Caught by: `jit::abicheck` at compile time in debug-assertion builds
    /// (the `ci` profile; a `Crash` divergence, "r13 not restored at RET"),
    /// otherwise by the caller misbehaving (the entry trampoline's canary
    /// check once it lands).
    CalleeSavedNotSaved,
    /// The helper call of `add`'s slow path (`emit::Emitter::call` at an
    /// `Add`) is wrapped in `push rax` / `pop rcx`, so RSP is 8 mod 16 at
    /// the CALL. Caught by: `jit::abicheck` at compile time in
    /// debug-assertion builds (a `Crash` divergence); otherwise by the
    /// call-site alignment check (`ud2`) or a misaligned SSE store in Rust.
    MisalignedHelperCall,
    /// The inline int32 path of `lt` (`emit::Emitter::visit` at `Lt`) sets
    /// its result with `setle` instead of `setl`: `i < i` is true.
    /// Caught by: stdout divergence (loops `i < n` run once more).
    WrongConditionCode,
    /// The inline int32 `add` (`emit::Emitter::visit_int_binop`, `IntOp::Add`)
    /// has no `jo` to the slow path: results past 2^31 wrap.
    /// Caught by: stdout divergence (`2147483647 + 1`).
    OverflowCheckDropped,
    /// `jmpfalse` (`emit::Emitter::visit_jmp_bool`, `when == false`) jumps to
    /// its target + 1, inline and from its slow path (unless target + 1 is
    /// past the end). Caught by: stdout divergence (the first instruction of
    /// every else-branch / loop exit is skipped).
    OffByOneJumpTarget,
    /// The property inline caches use a cached slot without comparing the
    /// object's shape: the first entry of the machine-code cache
    /// (`ic::ic_lookup`, get and set) is taken whenever it is filled, and
    /// the helper's monomorphic check (`helpers::bl_getprop`) is skipped.
    /// Caught by: stdout divergence (a site that sees two shapes reads the
    /// wrong slot) or a `Crash` (slot out of range).
    IcShapeCheckSkipped,
    /// The direct-call entry (`emit::Emitter::emit_direct_entry`) sets the
    /// callee frame's `sp` and `vm.sp` to the caller's `sp` instead of
    /// `max(caller sp, fp + nregs)`: the callee's locals above it are no GC
    /// roots (and the value stack above `sp` is scratch for natives).
    /// Caught by: the `baseline-gc-stress` plan (target `gc`): a moved cell
    /// left stale in a local, found by heap/root verification (a `Crash`)
    /// or as garbage output.
    GcRootMissing,
    /// Baseline code keeps `add`'s left operand (`emit::Emitter::call` at
    /// an `Add` whose `a != dst`: the slow path, e.g. string concatenation)
    /// in a machine stack slot (the frame's pad word, which no GC scans)
    /// across the helper call, which allocates, and writes it back to its
    /// register afterwards: after a collection the register holds the
    /// cell's old address. Caught by: the `baseline-gc-stress`
    /// plan (target `gc`): root verification at the next collection (a
    /// `Crash`) or poisoned values in the output.
    StalePointerAcrossSafepoint,
    /// The inline int32 `sub` (`emit::Emitter::visit_int_binop`,
    /// `IntOp::Sub`) computes `b - a`. Caught by: stdout divergence.
    SubOperandOrder,
    /// The inline fast path of `loop` (`emit::Emitter::visit_loop`) skips
    /// the fuel decrement on 15 of every 16 back edges (a fault that never
    /// decremented would hang the fuzzer on `while (true) {}`: the harness
    /// has fuel, not timeouts). Caught by: an `out-of-fuel` divergence
    /// (the interpreter runs out, baseline code goes on).
    FuelNotDecremented,
    /// When an exception is caught by a frame that runs baseline code
    /// (`Vm::run_baseline_step`, the `Throw` exit after `unwind`), the frame
    /// resumes at the handler's target + 1. Caught by: stdout divergence
    /// (the catch block's first instruction is skipped: the exception is
    /// not bound, a context not entered).
    HandlerOffsetWrong,
    /// On OSR entry (the interpreter's `Loop` reached the tier-up threshold
    /// and `Vm::run` enters baseline code at the loop header) the frame's
    /// lowest local register (`2 + nparams`) is "not loaded": it reads
    /// `undefined`. Caught by: stdout divergence under `auto-random` (the
    /// plan whose threshold makes OSR happen mid-loop).
    OsrRegisterNotLoaded,
    /// The helpers of `not`, `newobject` and `newarray` are called a second
    /// time with the pinned registers pointer (r12, passed in rsi) one word
    /// off (`emit::Emitter::call`; `not` alone stopped being reached once
    /// its common cases went inline). Caught by: the helpers' own check of
    /// the pinned register in the checked ABI mode (`helpers::run_body`):
    /// an `AbiViolation` outcome.
    PinnedRegisterCorrupted,
    /// Bytecode liveness as the poison plan uses it
    /// (`runtime::poison::liveness_for_poison`) reports, at every pc, the
    /// lowest live local register dead, so the plan poisons a register
    /// that is still read (as a deopt frame state built from such liveness
    /// would drop a live value). Caught by: the `interp-poison-dead` plan
    /// (a loop counter or accumulator read as the poison object: a
    /// TypeError or different output).
    LivenessDropsLiveRegister,
    /// Tier 2's linear scan (`opt::regalloc::allocate`) gives the second of
    /// two overlapping int/tagged intervals the first one's register.
    /// Caught by: the allocation checker (`opt::checker`, on in tests and
    /// fuzzing: a `Crash`), else by wrong values under the `opt` plans.
    IntervalsShareRegister,
    /// Tier 2's linear scan (`opt::regalloc::allocate_with`) hands spill
    /// slot 0 to every spilled value without checking it is free, so two
    /// live values share it. Caught by: the allocation checker under the
    /// `deopt-stress` plan (two registers per class: spills everywhere).
    SpillSlotReused,
    /// Tier 2's edge moves (`opt::regalloc::sequentialize`) run in the
    /// order given, as if independent: a swap of two block parameters
    /// (`[a, b] = [b, a]` in a loop) reads an overwritten register. Caught
    /// by: the allocation checker (which runs the emitted sequence).
    ParallelMoveWrongOrder,
    /// Tier 2's builder (`opt::build::Builder::generic`) keeps the lowest
    /// dirty register's value in its machine register across a generic
    /// instruction (a call, a safepoint) instead of writing it to the frame
    /// (which is optimized code's stack map: the only place a collection
    /// finds and updates values). Caught by: the allocation checker, which
    /// clears every location at a call (a `Crash`).
    StackMapEntryMissing,
    /// Tier 2's frame states (`opt::build::Builder::frame_state`) record
    /// the values of the two lowest dirty registers swapped: a deopt writes
    /// each into the other's frame slot. Caught by: the `deopt-stress` plan
    /// (every few guards deopt) as different output.
    FrameStateOffByOne,
    /// Tier 2's guarded int32 add (`opt::lower`, `AddI32`) tests the
    /// overflow flag *before* the add (the flags of whatever ran last), so
    /// the guard does not protect the operation it belongs to: results
    /// past 2^31 wrap. Caught by: stdout divergence under the `opt` plans.
    GuardBeforeOperation,
    /// A SetProp inline cache applies a cached transition (add a property:
    /// old shape -> new shape, slot) to any receiver: when the first entry
    /// of the site's cache (`ic::ic_lookup`, set sites) is a transition, it
    /// is taken without comparing the receiver's shape with the old shape.
    /// Shows only after warm-up (the helper fills the entry at the first
    /// add) and a receiver of another shape. Caught by: stdout divergence
    /// (the `store-transition` pattern: `{ a: 1 }` becomes `{ n: v }`).
    TransitionShapeUnchecked,
    /// A GetProp whose cache holds a getter found on a prototype
    /// (`CHAIN_GETTER`) calls it with the prototype that holds it as `this`
    /// instead of the receiver: from machine code
    /// (`accessors::emit_accessor_call`) and from the helper
    /// (`ic::SiteIc::cached_getter`). Caught
    /// by: stdout divergence (the `getter-replaces-data` pattern's
    /// `get v() { return this.id; }` read through two receivers).
    GetterWrongReceiver,
    /// The global variable caches miss a redefinition: a global redefined
    /// after warm-up as an accessor (`Object.defineProperty(globalThis,
    /// ...)`) keeps its property cell (`Vm::own_property_changed` does not
    /// empty it) and `ic::note_global` fills cells and enters shapes as
    /// if it were still a data property, so baseline code reads its
    /// getter/setter pair instead of calling the getter. Caught by: the
    /// `global-redefined` pattern (stdout divergence, or a crash where the
    /// pair is used as a value).
    GlobalCacheStale,
    /// The inline element store (`ic::element_address` for a SetElem) does
    /// not test the array's `FROZEN_ELEMENTS` flag: after warm-up a store
    /// into a frozen array's existing element succeeds instead of throwing.
    /// Caught by: the `frozen-store` pattern (the interpreter prints
    /// `TypeError`, baseline code does not).
    FrozenElementStore,
    /// Tier 2's loop-invariant code motion (`opt::licm`) moves a guard to
    /// the preheader with the frame state it had inside the loop (its pc
    /// there, values defined in the loop) instead of the loop's entry
    /// state. Caught by: the IR verifier (the state's values do not
    /// dominate the preheader; a `Crash` in debug-assertion builds).
    HoistedGuardKeepsLoopState,
    /// Tier 2's fuel pass (`opt::fuel`) gives the loop's unspent budget
    /// back only on deopts, not on the edges out of the loop: after one
    /// loop, `Vm::fuel` has lost its reserve and the program runs out of
    /// fuel early. Caught by: the plans' outcomes differing (out of fuel
    /// under the optimized plans only).
    FuelNotReturnedAtExit,
    /// The inline `Math.floor` (`natives::Emitter::math_round`, at a call
    /// site whose feedback recorded the native) rounds doubles toward
    /// zero (`roundsd` mode 3) instead of down: `Math.floor(-2.5)` is -2.
    /// Caught by: stdout divergence (a negative non-integer floored in a
    /// function or loop that tiered up with the native in its feedback).
    InlineFloorTruncates,
    /// Tier 2's deopt inside an inlined call (`opt::lower`'s
    /// `materialize`) writes the callee's `this` register from the one
    /// before it (the callee itself): the rebuilt frame has the wrong
    /// receiver. Caught by: the `deopt-stress` plan (stdout divergence or
    /// an error where a method deopts and then reads `this`).
    InlinedWrongReceiver,
    /// Tier 2's closed-form loops (`opt::scev`, lowered `TakeFuel`) check
    /// that the skipped iterations' fuel is there but do not spend it: a
    /// program runs out of fuel later (or not at all) under the optimized
    /// plans. Caught by: the plans' outcomes differing (out of fuel, or
    /// how much was printed before it ran out).
    ClosedFormSkipsFuel,
    /// Tier 2's deopt two inlined calls deep (`opt::lower`'s
    /// `materialize`) writes the innermost callee's frame at its window in
    /// the middle callee's frame as if that frame started where the
    /// function's does (the outer call's base not added): the rebuilt
    /// frames hold the wrong registers. Caught by: the `deopt-stress` plan
    /// (stdout divergence where a doubly inlined call deopts).
    NestedInlineFrameMisplaced,
    /// A keyed site (`keyed::emit_keyed`, get and set) takes its first
    /// cached pair for any receiver when the key's atom matches: the
    /// pair's shape is not compared, so an object holding the key in
    /// another slot reads or writes the wrong one. Caught by: the
    /// `keyed-access` pattern (stdout divergence: `{ a, b, c }` and
    /// `{ c, b, a }` at one site).
    KeyedShapeCheckSkipped,
    /// Tier 2's polymorphic property load (`opt::lower`'s `walk_protos`,
    /// a `LoadProp` case whose property is inherited) follows the
    /// prototypes without checking their shapes: once a prototype on the
    /// way gains, loses or redefines the property, the load reads the old
    /// slot. Caught by: the `proto-change` pattern read through two
    /// receivers (stdout divergence: a deleted property still read, a
    /// getter's pair read as a value).
    ProtoShapeUnchecked,
    /// Tier 2's dispatch of a polymorphic inlined call (`opt::lower`'s
    /// `is_callee`) tests only that the callee is a function, not which:
    /// every call runs the first inlined callee's body. Caught by: the
    /// `same-shape-other-proto` pattern's method call warmed on two
    /// classes (stdout divergence: the other class's method's result).
    PolyCalleeUnchecked,
    /// Tier 2 leaves `FEEDBACK` (r14) as the allocation left it before a
    /// generic instruction's baseline code (`opt::lower`'s `repin`; r15 is
    /// still restored): the baseline code's feedback writes and inline
    /// caches go through a value's bits. Caught by: the register-starved
    /// plans (`deopt-stress` allocates r14 first) as a crash or a wrong
    /// inline-cache result.
    FeedbackNotRepinned,
}

// The active set is one 64-bit word (`Fault::bit`).
const _: () = assert!(Fault::ALL.len() <= 64);

impl Fault {
    pub const ALL: [Fault; 34] = [
        Fault::CalleeSavedNotSaved,
        Fault::MisalignedHelperCall,
        Fault::WrongConditionCode,
        Fault::OverflowCheckDropped,
        Fault::OffByOneJumpTarget,
        Fault::IcShapeCheckSkipped,
        Fault::GcRootMissing,
        Fault::StalePointerAcrossSafepoint,
        Fault::SubOperandOrder,
        Fault::FuelNotDecremented,
        Fault::HandlerOffsetWrong,
        Fault::OsrRegisterNotLoaded,
        Fault::PinnedRegisterCorrupted,
        Fault::LivenessDropsLiveRegister,
        Fault::IntervalsShareRegister,
        Fault::SpillSlotReused,
        Fault::ParallelMoveWrongOrder,
        Fault::StackMapEntryMissing,
        Fault::FrameStateOffByOne,
        Fault::GuardBeforeOperation,
        Fault::TransitionShapeUnchecked,
        Fault::GetterWrongReceiver,
        Fault::GlobalCacheStale,
        Fault::FrozenElementStore,
        Fault::HoistedGuardKeepsLoopState,
        Fault::FuelNotReturnedAtExit,
        Fault::InlineFloorTruncates,
        Fault::InlinedWrongReceiver,
        Fault::ClosedFormSkipsFuel,
        Fault::NestedInlineFrameMisplaced,
        Fault::KeyedShapeCheckSkipped,
        Fault::ProtoShapeUnchecked,
        Fault::PolyCalleeUnchecked,
        Fault::FeedbackNotRepinned,
    ];

    /// The kebab-case name (`sub-operand-order`).
    pub fn name(self) -> &'static str {
        match self {
            Fault::CalleeSavedNotSaved => "callee-saved-not-saved",
            Fault::MisalignedHelperCall => "misaligned-helper-call",
            Fault::WrongConditionCode => "wrong-condition-code",
            Fault::OverflowCheckDropped => "overflow-check-dropped",
            Fault::OffByOneJumpTarget => "off-by-one-jump-target",
            Fault::IcShapeCheckSkipped => "ic-shape-check-skipped",
            Fault::GcRootMissing => "gc-root-missing",
            Fault::StalePointerAcrossSafepoint => "stale-pointer-across-safepoint",
            Fault::SubOperandOrder => "sub-operand-order",
            Fault::FuelNotDecremented => "fuel-not-decremented",
            Fault::HandlerOffsetWrong => "handler-offset-wrong",
            Fault::OsrRegisterNotLoaded => "osr-register-not-loaded",
            Fault::PinnedRegisterCorrupted => "pinned-register-corrupted",
            Fault::LivenessDropsLiveRegister => "liveness-drops-live-register",
            Fault::IntervalsShareRegister => "intervals-share-register",
            Fault::SpillSlotReused => "spill-slot-reused",
            Fault::ParallelMoveWrongOrder => "parallel-move-wrong-order",
            Fault::StackMapEntryMissing => "stack-map-entry-missing",
            Fault::FrameStateOffByOne => "frame-state-off-by-one",
            Fault::GuardBeforeOperation => "guard-before-operation",
            Fault::TransitionShapeUnchecked => "transition-shape-unchecked",
            Fault::GetterWrongReceiver => "getter-wrong-receiver",
            Fault::GlobalCacheStale => "global-cache-stale",
            Fault::FrozenElementStore => "frozen-element-store",
            Fault::HoistedGuardKeepsLoopState => "hoisted-guard-keeps-loop-state",
            Fault::FuelNotReturnedAtExit => "fuel-not-returned-at-exit",
            Fault::InlineFloorTruncates => "inline-floor-truncates",
            Fault::InlinedWrongReceiver => "inlined-wrong-receiver",
            Fault::ClosedFormSkipsFuel => "closed-form-skips-fuel",
            Fault::NestedInlineFrameMisplaced => "nested-inline-frame-misplaced",
            Fault::KeyedShapeCheckSkipped => "keyed-shape-check-skipped",
            Fault::ProtoShapeUnchecked => "proto-shape-unchecked",
            Fault::PolyCalleeUnchecked => "poly-callee-unchecked",
            Fault::FeedbackNotRepinned => "feedback-not-repinned",
        }
    }

    pub fn from_name(s: &str) -> Option<Fault> {
        Fault::ALL.into_iter().find(|f| f.name() == s)
    }

    /// The `jolt fuzz --target` that reaches the fault (the GC faults need
    /// the target whose plans collect at every allocation in baseline code).
    pub fn fuzz_target(self) -> &'static str {
        match self {
            Fault::GcRootMissing | Fault::StalePointerAcrossSafepoint => "gc",
            _ => "source",
        }
    }

    /// The fault's bit in the active set.
    pub fn bit(self) -> u64 {
        1 << (self as u32)
    }

    /// Whether the JIT (or the run loop) should inject `self` now. Without
    /// the `fault-injection` feature this is a constant `false`.
    #[cfg(not(feature = "fault-injection"))]
    #[inline(always)]
    pub const fn injected(self) -> bool {
        false
    }

    /// Whether the JIT (or the run loop) should inject `self` now.
    #[cfg(feature = "fault-injection")]
    #[inline]
    pub fn injected(self) -> bool {
        imp::ACTIVE.load(std::sync::atomic::Ordering::Relaxed) & self.bit() != 0
    }

    /// Whether this build can inject faults at all.
    pub const fn supported() -> bool {
        cfg!(feature = "fault-injection")
    }

    /// Makes `f` the one active fault (`None`: no fault). Fails when the
    /// feature is off.
    pub fn set_active(f: Option<Fault>) -> Result<(), FaultError> {
        if !Fault::supported() {
            return Err(FaultError::NotBuilt);
        }
        #[cfg(feature = "fault-injection")]
        imp::ACTIVE.store(
            f.map_or(0, |f| f.bit()),
            std::sync::atomic::Ordering::Relaxed,
        );
        let _ = f;
        Ok(())
    }

    /// The active faults.
    pub fn active() -> Vec<Fault> {
        Fault::ALL.into_iter().filter(|f| f.injected()).collect()
    }

    /// `set_active(from_name(name))`, with the errors the command line prints.
    pub fn activate_by_name(name: &str) -> Result<Fault, FaultError> {
        if !Fault::supported() {
            return Err(FaultError::NotBuilt);
        }
        let f = Fault::from_name(name).ok_or_else(|| FaultError::Unknown(name.to_string()))?;
        Fault::set_active(Some(f))?;
        Ok(f)
    }

    /// Reads `JOLT_FAULT` once per process (the cargo-fuzz targets call
    /// this); an unknown name or a build without the feature panics, so a
    /// misspelt fault never silently fuzzes the correct engine.
    pub fn init_from_env() {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            if let Ok(name) = std::env::var("JOLT_FAULT") {
                if !name.is_empty() {
                    if let Err(e) = Fault::activate_by_name(&name) {
                        panic!("JOLT_FAULT: {e}");
                    }
                }
            }
        });
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a fault could not be switched on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FaultError {
    /// The binary was built without the `fault-injection` feature.
    NotBuilt,
    Unknown(String),
}

impl fmt::Display for FaultError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FaultError::NotBuilt => write!(f, "jolt was built without fault-injection"),
            FaultError::Unknown(n) => {
                let names: Vec<&str> = Fault::ALL.iter().map(|f| f.name()).collect();
                write!(f, "unknown fault {n:?} (one of: {})", names.join(", "))
            }
        }
    }
}

impl std::error::Error for FaultError {}

#[cfg(feature = "fault-injection")]
mod imp {
    /// The active faults, one bit per `Fault` discriminant.
    pub static ACTIVE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
}
