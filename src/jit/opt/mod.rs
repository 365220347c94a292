//! Tier 2: the optimizing JIT. Bytecode + feedback -> SSA IR (`build`) ->
//! passes (`fold`, `gvn`, `jumps`, `licm`, `range`, `bce`, `scev`, `vectorize`,
//! `fuel`, `dce`), the IR
//! verifier after each
//! (`verify`) ->
//! linear-scan allocation (`regalloc`) proved by the checker (`checker`) ->
//! x86-64 (`lower`).
//!
//! # Model (a first slice of the design's tier 2; see docs/architecture.md)
//! An optimized function is ONE code object holding the function's
//! complete baseline code *and* an optimized region. The function's
//! entries (direct call, construct, `enter` at pc 0) go to the region;
//! everything else about the object is baseline code: its pc table, its
//! exits, its frames. So:
//! - a **deopt** writes the guard's frame state into the interpreter frame
//!   (the frame the code runs on, as baseline code does) and jumps to the
//!   baseline code for the guard's pc, which re-executes the instruction:
//!   execution resumes with identical observable state, and the
//!   interpreter's semantics (through baseline code and its helpers)
//!   remain the only definition;
//! - an **exit** (a call the code could not make directly, a throw, out of
//!   fuel) leaves with every register in the frame, and the run loop
//!   resumes the frame in the baseline code, as for any baseline frame;
//! - an instruction without speculation is **generic**: the baseline code
//!   for that instruction, emitted inside the region (see `build`).
//!
//! # GC
//! Values live in machine registers and spill slots only between calls:
//! no value is live across an instruction that calls (the builder reloads
//! from the frame after one, the checker proves it), so at every safepoint
//! the frame holds every value and the stack map of optimized code is
//! empty by construction. Unboxed values are never seen by the collector.

pub mod bce;
pub mod build;
pub mod checker;
pub mod dce;
pub mod fold;
pub mod fuel;
pub mod gvn;
pub mod ir;
pub mod jumps;
pub mod licm;
pub mod lower;
pub mod range;
pub mod regalloc;
pub mod scev;
pub mod vectorize;
pub mod verify;

use crate::bytecode::liveness::Liveness;
use crate::bytecode::FuncProto;
use crate::jit::baseline::{AlignCheck, BaselineCode, CompileError};
use crate::jit::x64::CodeSpace;

/// Deopts of one function after which its deopt path clears its direct
/// entries, so the next call goes through the run loop, where the tier
/// policy recompiles it (`tier::reoptimize`).
pub const DEOPT_LIMIT: u32 = 64;

/// How to compile (from the VM's options).
#[derive(Clone, Debug, Default)]
pub struct OptOptions {
    /// Run the IR verifier after every pass and the allocation checker.
    pub verify: bool,
    /// `--print-ir`: dump after every pass (`Some("")`) or after one.
    pub print_ir: Option<String>,
    /// Deopt stress (see `lower::LowerOpts`).
    pub deopt_every: u32,
    /// Registers per class the allocator may use (0: all).
    pub regs: usize,
    /// `--trace-deopt`: each deopt exit reports itself.
    pub trace_deopt: bool,
    /// Bytecode pcs not to speculate at (they deoptimized an earlier
    /// version too often): generic code there, and no loop-invariant code
    /// motion into a loop whose header is one (a moved guard deopts there).
    pub no_spec: Vec<u32>,
    /// `String.prototype`'s shape id + 1 (an inline-cache key) when the
    /// function is compiled: a GetProp site whose cache holds it has seen
    /// string receivers.
    pub string_proto_key: u64,
    /// Inline small monomorphic callees (`build`'s inlining), up to
    /// `build::MAX_INLINE_DEPTH` calls deep.
    pub inline: bool,
    /// How many inlined calls deep the function being built is (0: the
    /// function being compiled; a callee's build is one deeper).
    pub inline_depth: u8,
    /// Arithmetic sites that never ran deopt (`build`'s `unfed`) instead
    /// of compiling generic code (`auto`, where the feedback comes later).
    pub soft_deopt: bool,
    /// Doubles per vector for `vectorize` (4: AVX2, 2: SSE2, 0: no
    /// vector loops).
    pub vector_width: u8,
}

/// Why a guard left optimized code: counted per function
/// (`JitRecord::deopt_reasons`), printed by `--trace-deopt` and
/// `--trace-opt`. One per guarding op (`of`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum DeoptReason {
    NotInt32,
    NotNumber,
    /// An int32 result that is not one: overflow, -0, or (`ModI32`) a
    /// remainder by 0 or -1.
    Overflow,
    WrongShape,
    NotDenseElement,
    OutOfFuel,
    Hole,
    OtherTruthiness,
    NotTheNative,
    NotInt32Range,
    NotArrayOrString,
    NotTypedElement,
    NotTheCallee,
    NoFrameForInlinedCall,
    NoFeedback,
    NotAString,
    NumberOrString,
}

impl DeoptReason {
    pub const ALL: [DeoptReason; 17] = [
        DeoptReason::NotInt32,
        DeoptReason::NotNumber,
        DeoptReason::Overflow,
        DeoptReason::WrongShape,
        DeoptReason::NotDenseElement,
        DeoptReason::OutOfFuel,
        DeoptReason::Hole,
        DeoptReason::OtherTruthiness,
        DeoptReason::NotTheNative,
        DeoptReason::NotInt32Range,
        DeoptReason::NotArrayOrString,
        DeoptReason::NotTypedElement,
        DeoptReason::NotTheCallee,
        DeoptReason::NoFrameForInlinedCall,
        DeoptReason::NoFeedback,
        DeoptReason::NotAString,
        DeoptReason::NumberOrString,
    ];

    /// The reason a guard of `op` gives (None for ops that never deopt).
    pub fn of(op: ir::Op) -> Option<DeoptReason> {
        use ir::Op::*;
        Some(match op {
            CheckInt32 => DeoptReason::NotInt32,
            CheckNumber => DeoptReason::NotNumber,
            AddI32 | SubI32 | MulI32 | NegI32 | ModI32 => DeoptReason::Overflow,
            CheckShape(_) | LoadProp(_) | StoreProp(_) => DeoptReason::WrongShape,
            LoadElem | StoreElem => DeoptReason::NotDenseElement,
            LoadTypedElem | StoreTypedF64 | StoreTypedI32 => DeoptReason::NotTypedElement,
            Fuel | FuelStep => DeoptReason::OutOfFuel,
            CheckNotHole => DeoptReason::Hole,
            TruthyInline => DeoptReason::OtherTruthiness,
            CheckNative(_) => DeoptReason::NotTheNative,
            TruncF64 | ShrI32 => DeoptReason::NotInt32Range,
            LoadLength => DeoptReason::NotArrayOrString,
            CheckCallee(_) => DeoptReason::NotTheCallee,
            CheckFrameRoom(..) | CheckAccessorRoom(..) => DeoptReason::NoFrameForInlinedCall,
            Deopt => DeoptReason::NoFeedback,
            CheckIdentityCmp => DeoptReason::NumberOrString,
            LoadAtomStr(_) | StrCharAt | StrictEqStr | StrictEqAtom => DeoptReason::NotAString,
            LoadElemInBounds | StoreElemInBounds => DeoptReason::NotDenseElement,
            LoadTypedInBounds | StoreTypedF64InBounds | StoreTypedI32InBounds => {
                DeoptReason::NotTypedElement
            }
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            DeoptReason::NotInt32 => "not an int32",
            DeoptReason::NotNumber => "not a number",
            DeoptReason::Overflow => "int32 overflow or -0",
            DeoptReason::WrongShape => "shape not cached",
            DeoptReason::NotDenseElement => "not a present element of a dense array",
            DeoptReason::OutOfFuel => "out of fuel",
            DeoptReason::Hole => "uninitialized binding",
            DeoptReason::OtherTruthiness => "truthiness of a string or double",
            DeoptReason::NotTheNative => "callee is not the inlined native",
            DeoptReason::NotInt32Range => "result outside the int32 range",
            DeoptReason::NotArrayOrString => "length of something else than an array or string",
            DeoptReason::NotTypedElement => {
                "not an in-range element of an Int32Array or Float64Array"
            }
            DeoptReason::NotTheCallee => "callee is not the inlined function",
            DeoptReason::NoFeedback => "no type feedback when compiled",
            DeoptReason::NotAString => "not a flat string (or its shared string not made yet)",
            DeoptReason::NumberOrString => "a number or a string compared by identity",
            DeoptReason::NoFrameForInlinedCall => {
                "no room for the inlined call's frame (depth or stack)"
            }
        }
    }

    /// "name count, ..." of the nonzero counts.
    pub fn summary(counts: &[std::cell::Cell<u32>]) -> String {
        let v: Vec<String> = DeoptReason::ALL
            .iter()
            .filter(|r| counts[**r as usize].get() > 0)
            .map(|r| format!("{} {}", r.name(), counts[*r as usize].get()))
            .collect();
        v.join(", ")
    }
}

const _: () = assert!(DeoptReason::ALL.len() <= crate::bytecode::record::DEOPT_REASONS);

/// What compiling produced besides the code (for `--trace-opt`).
#[derive(Clone, Debug, Default)]
pub struct OptInfo {
    pub ir_insts: usize,
    pub spill_slots: u32,
    pub guards: usize,
    pub generic: usize,
    /// Each inlined call: "callee (N instructions) at pc P".
    pub inlined: Vec<String>,
    /// Bytecode instructions inlined (against `build::INLINE_BUDGET`).
    pub inlined_insts: usize,
    /// Monomorphic JS calls not inlined: "callee at pc P: reason".
    pub not_inlined: Vec<String>,
}

fn dump(o: &OptOptions, phase: &str, f: &ir::Func) {
    if let Some(p) = &o.print_ir {
        if p.is_empty() || p == phase {
            eprintln!("--- IR after {phase} ---\n{}", f.dump());
        }
    }
}

/// The IR of `p` after every pass (verified when `o.verify`).
pub fn optimize(p: &FuncProto, o: &OptOptions) -> Result<(ir::Func, Liveness), String> {
    let live = Liveness::compute(p);
    let mut f = build::build(p, &live, o);
    let check = |f: &ir::Func, phase: &str| -> Result<(), String> {
        dump(o, phase, f);
        if o.verify {
            verify::verify(f, &live)
                .map_err(|e| format!("IR verifier after {phase}: {e}\n{}", f.dump()))?;
        }
        Ok(())
    };
    check(&f, "build")?;
    type Pass<'a> = Box<dyn Fn(&mut ir::Func) + 'a>;
    let passes: [(&str, Pass); 10] = [
        ("fold", Box::new(fold::run)),
        ("gvn", Box::new(gvn::run)),
        ("jumps", Box::new(jumps::run)),
        ("licm", Box::new(|f: &mut ir::Func| licm::run(f, &live))),
        ("range", Box::new(range::run)),
        ("bce", Box::new(|f: &mut ir::Func| bce::run(f, &live))),
        ("scev", Box::new(|f: &mut ir::Func| scev::run(f, &live))),
        (
            "vectorize",
            Box::new(|f: &mut ir::Func| vectorize::run(f, &live, o.vector_width)),
        ),
        ("fuel", Box::new(fuel::run)),
        ("dce", Box::new(dce::run)),
    ];
    for (name, pass) in passes {
        pass(&mut f);
        check(&f, name)?;
    }
    Ok((f, live))
}

/// Compiles `p` to optimized code (a code object with its baseline code,
/// see the module doc).
pub fn compile(
    p: &FuncProto,
    space: &mut CodeSpace,
    align: AlignCheck,
    o: &OptOptions,
) -> Result<(BaselineCode, OptInfo), CompileError> {
    // A verifier or checker failure is an engine bug: with verification
    // on (tests, fuzzing) it panics, so the harness reports a crash
    // instead of the function quietly staying in baseline code.
    let (f, _live) = optimize(p, o).unwrap_or_else(|e| panic!("{e}"));
    let a = match o.regs {
        0 => regalloc::allocate(&f),
        n => regalloc::allocate_with(&f, n),
    };
    if let Some(p) = &o.print_ir {
        if p.is_empty() || p == "regalloc" {
            eprintln!("--- allocation ---\n{}", a.dump(&f));
        }
    }
    if o.verify {
        if let Err(e) = checker::check(&f, &a) {
            panic!("allocation checker: {e}\n{}", f.dump());
        }
    }
    let mut info = OptInfo {
        ir_insts: f.inst_count(),
        spill_slots: a.nslots,
        not_inlined: f.not_inlined.clone(),
        ..Default::default()
    };
    let name = |p: *const FuncProto| {
        // Prototypes outlive all code.
        let c = unsafe { &*p };
        if c.name.is_empty() {
            "<anonymous>"
        } else {
            c.name.as_str()
        }
    };
    for (&(p, pc), within) in f.inlined.iter().zip(&f.inlined_in) {
        // Prototypes outlive all code.
        let n = unsafe { &*p }.code.len();
        let of = match within {
            Some(k) => format!(" of {}", name(f.inlined[*k as usize].0)),
            None => String::new(),
        };
        info.inlined
            .push(format!("{} ({n} instructions) at pc {pc}{of}", name(p)));
        info.inlined_insts += n;
    }
    for b in &f.blocks {
        for i in &b.insts {
            match i.op {
                ir::Op::Generic(_) => info.generic += 1,
                op if op.has(ir::props::DEOPT) => info.guards += 1,
                _ => {}
            }
        }
    }
    let lo = lower::LowerOpts {
        deopt_every: o.deopt_every,
        trace_deopt: o.trace_deopt,
    };
    let mut region = |e: &mut crate::jit::baseline::emit::Emitter<'_>| lower::lower(e, &f, &a, &lo);
    let code =
        crate::jit::baseline::compile_region(p, space, align, Some((&mut region, DEOPT_LIMIT)), 0)?;
    Ok((code, info))
}
