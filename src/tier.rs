//! Tier-up policy and the JIT code cache: the layer above the interpreter
//! and the JIT that chooses and switches between them.
//!
//! Invariants:
//! - [`attach`] installs this layer's hooks (`runtime::code::Tiering`) and
//!   the JIT's state on a VM. The interpreter's `run` loop is the only
//!   driver: at the top of every frame step it reads the frame's record
//!   (`FuncProto::jit`); an interpreted function that is hot (or eager)
//!   asks [`decide`], and a function with compiled code runs there
//!   through [`enter`] until an exit, which the loop handles with the
//!   interpreter's own frame push, return and unwind code. So frames, handlers and fuel are shared and a
//!   frame can switch tiers at any instruction boundary: a call return, a
//!   handler, or a loop back edge (OSR).
//! - A prototype that failed to compile (code space exhausted, anything
//!   else) is remembered (`may_tier_up` false) and stays interpreted; the
//!   program is unaffected.
//! - Counters: `call_count` (function entries) and `loop_count` (back
//!   edges) on the prototype, maintained by both tiers' entry paths and the
//!   interpreter's `Loop`.
//! - `Tier::Auto` policy: a function is compiled once it has been entered
//!   `jit_threshold` times or has taken that many back edges (then entered
//!   by OSR at the back edge). Baseline code calls baseline code directly
//!   (see `jit::baseline`), so call-heavy code gains most; with the
//!   interpreter's feedback it has no reason to wait longer (measured over
//!   benches/: see docs/architecture.md). `Tier::Baseline` compiles every
//!   function at its first entry (tests).

use crate::bytecode::FuncProto;
use crate::jit::baseline::{BaselineCode, CompileError};
use crate::jit::JitState;
use crate::runtime::code::{CodeExit, CodeKind, Tiering};
use crate::runtime::Vm;
use crate::runtime::{JsResult, Value};
use std::rc::Rc;

pub use crate::runtime::code::{Simd, Tier, DEFAULT_CODE_SPACE, DEFAULT_JIT_THRESHOLD};

/// Attaches the JIT to `vm` as its options ask (`Options::tier`): the
/// tier hooks and the JIT's state. A no-op for `Tier::Interp` and when
/// already attached.
pub fn attach(vm: &mut Vm) {
    if vm.opts.tier == Tier::Interp || vm.tiering.is_some() {
        return;
    }
    let o = &vm.opts;
    let state = JitState::new(o.code_space, o.trace_tier, o.print_code, o.perf_map);
    vm.jit = Some(Box::new(state));
    vm.tiering = Some(Tiering {
        threshold: match vm.opts.tier {
            Tier::Auto => vm.opts.jit_threshold,
            _ => 0,
        },
        opt_threshold: match vm.opts.tier {
            Tier::Auto => vm.opts.opt_threshold,
            _ => 0,
        },
        decide,
        enter,
    });
}

/// Deopts after which optimized code is dropped (its entries cleared by
/// the deopt path) and the function recompiled from the feedback that the
/// baseline code gathered meanwhile; after `MAX_REOPTS` recompiles it runs
/// its baseline code for good.
pub use crate::jit::opt::DEOPT_LIMIT;
pub const MAX_REOPTS: u32 = 3;
/// Times a function's optimization waits (another `opt_threshold` calls
/// or back edges each) for the callees it would inline to leave the
/// interpreter (`cold_callees`).
pub const MAX_POSTPONES: u32 = 4;

/// The policy (`Tiering::decide`): the run loop asks once an interpreted
/// function's calls or back edges reach `Tiering::threshold` (at once
/// under `Tier::Baseline` and `Tier::Opt`), or a baseline function's
/// reach `Tiering::opt_threshold`.
fn decide(vm: &mut Vm, p: &FuncProto) -> CodeKind {
    let kind = p.jit.kind.get();
    match (vm.opts.tier, kind) {
        (Tier::Auto, CodeKind::Baseline) if vm.postpone(p) => {}
        (Tier::Opt, CodeKind::Interpreted) | (Tier::Auto, CodeKind::Baseline) => {
            vm.compile_tier(p, CodeKind::Optimized)
        }
        (_, CodeKind::Interpreted) => vm.compile_tier(p, CodeKind::Baseline),
        _ => {}
    }
    p.jit.kind.get()
}

/// `Tiering::enter`: runs the top frame in its baseline or optimized code.
fn enter(vm: &mut Vm, p: &FuncProto, kind: CodeKind, fp: usize, pc: usize) -> CodeExit {
    debug_assert_ne!(kind, CodeKind::Interpreted);
    if kind == CodeKind::Optimized
        && p.jit.deopt_count.get() >= DEOPT_LIMIT
        && p.jit.direct_entry.get() == 0
    {
        vm.reoptimize(p);
    }
    // Code in the cache is never freed while the VM lives, and this call
    // does not outlive the VM.
    let code = unsafe { &*(p.jit.code_of(kind) as *const BaselineCode) };
    let regs = unsafe { vm.stack_base.add(fp) };
    let exit = unsafe { code.enter(vm, regs, pc as u32) };
    if let CodeExit::Call { .. } = exit {
        if let Some(j) = crate::jit::state(vm) {
            j.call_exits += 1;
        }
    }
    exit
}

/// Whether baseline call sites may enter `p` directly: exactly the calls
/// `Vm::push_frame_plain` handles (no rest array, no class constructor),
/// which allocate nothing.
pub fn direct_callable(p: &FuncProto) -> bool {
    !p.has_rest && !p.kind.is_class_constructor()
}

/// Whether baseline `new` sites may enter `p` directly: plain functions and
/// base-class constructors without a rest parameter (derived constructors
/// start without `this`). `bl_new_this` checks the rest per call (no field
/// initialiser).
pub fn direct_constructible(p: &FuncProto) -> bool {
    use crate::bytecode::FuncKind;
    !p.has_rest && matches!(p.kind, FuncKind::Normal | FuncKind::ClassConstructor)
}

/// Whether a call site of `p` saw a JS callee (one, or the 2-4 a
/// megamorphic site lists) that is still interpreted but on its way to
/// baseline code (called at least a quarter of `threshold` times, and may
/// tier up): its property sites have no inline-cache entries yet (only
/// baseline code makes them), so tier 2 would not inline it, or inline
/// its property accesses as generic code. A rarely called callee is not
/// waited for.
fn cold_callees(p: &FuncProto, threshold: u32) -> bool {
    use crate::bytecode::feedback as fbk;
    use crate::bytecode::Insn;
    let cold = |w: u64| {
        // A JS callee's word is its prototype's address; prototypes live
        // as long as the VM.
        w != 0 && w != fbk::MEGA && w & fbk::NATIVE_CALLEE == 0 && {
            let c = unsafe { &*(w as *const FuncProto) };
            c.jit.kind.get() == CodeKind::Interpreted
                && c.jit.may_tier_up.get()
                && c.jit.call_count.get().saturating_mul(4) >= threshold
        }
    };
    p.code.iter().any(|insn| match *insn {
        Insn::Call { fb, .. } => match p.feedback[fb as usize].get() {
            fbk::MEGA => p.call_targets.of(fb).into_iter().any(cold),
            w => cold(w),
        },
        _ => false,
    })
}

impl Vm {
    /// Under `Tier::Auto`, whether to leave hot baseline function `p` in
    /// baseline code a while longer (at most `MAX_POSTPONES` times): when
    /// callees it would inline are still interpreted (`cold_callees`).
    /// Its counters start again from 0, so the back edge that exits for
    /// tier 2 at exactly `opt_threshold`, and the call entries that refuse
    /// from it on, ask again after that many more.
    fn postpone(&mut self, p: &FuncProto) -> bool {
        let threshold = self.opts.jit_threshold;
        let Some(jit) = crate::jit::state(self) else {
            return false;
        };
        let n = jit
            .postponed
            .entry(p as *const FuncProto as usize)
            .or_insert(0);
        if *n >= MAX_POSTPONES || !cold_callees(p, threshold) {
            return false;
        }
        *n += 1;
        if jit.trace {
            eprintln!(
                "[tier] {}: optimization postponed (callees still interpreted)",
                display_name(p)
            );
        }
        p.jit.call_count.set(0);
        p.jit.loop_count.set(0);
        true
    }

    /// Compiles `p` to code of `kind` and installs it in its record. On
    /// failure the function stays where it was (a failed optimization
    /// leaves baseline code, or compiles it), never to try again.
    #[cold]
    fn compile_tier(&mut self, p: &FuncProto, kind: CodeKind) {
        let compiled = self.compile_code(p, kind);
        match compiled {
            Ok(code) => self.install_code(p, kind, code),
            Err(e) => {
                let name = display_name(p).to_string();
                let Some(jit) = crate::jit::state(self) else {
                    return;
                };
                if jit.trace {
                    eprintln!("[tier] {name}: not {kind:?} ({})", describe(&e));
                }
                jit.failures.push((name, e));
                p.jit.may_tier_up.set(false);
                if kind == CodeKind::Optimized && p.jit.kind.get() == CodeKind::Interpreted {
                    self.compile_tier(p, CodeKind::Baseline);
                    p.jit.may_tier_up.set(false);
                }
            }
        }
    }

    /// Recompiles an optimized function that deoptimized too often, from
    /// its current feedback; after `MAX_REOPTS`, its code of kind
    /// `Optimized` is plain baseline code.
    #[cold]
    fn reoptimize(&mut self, p: &FuncProto) {
        let Some(jit) = crate::jit::state(self) else {
            return;
        };
        let key = p as *const FuncProto as usize;
        // A site that had no feedback has some now: recompile speculating
        // there too. That is no failed speculation, and it ends (each
        // site gets its feedback once), so it does not count.
        let unfed =
            p.jit.last_deopt_reason.get() == crate::jit::opt::DeoptReason::NoFeedback as u32;
        let n = jit.reopts.entry(key).or_insert(0);
        if !unfed {
            *n += 1;
        }
        let last = *n > MAX_REOPTS;
        // Recompile without the speculation that failed: where the last
        // deopt resumed (the pc of the guard that keeps failing).
        let pc = p.jit.last_deopt_pc.get();
        let spots = jit.no_spec.entry(key).or_default();
        if !spots.contains(&pc) && !unfed {
            spots.push(pc);
        }
        if jit.trace {
            // (One deopt of a site without feedback counts as the limit.)
            let deopts = if unfed {
                "a deopt".to_string()
            } else {
                format!("{} deopts", p.jit.deopt_count.get())
            };
            eprintln!(
                "[tier] {}: {deopts} ({}; the last at pc {pc}); {}",
                display_name(p),
                crate::jit::opt::DeoptReason::summary(&p.jit.deopt_reasons),
                if last {
                    "stays in baseline code"
                } else if unfed {
                    "reoptimized with the feedback gathered since"
                } else {
                    "reoptimized without speculating there"
                }
            );
        }
        p.jit.deopt_count.set(0);
        let code = if last {
            self.compile_code(p, CodeKind::Baseline)
        } else {
            self.compile_code(p, CodeKind::Optimized)
        };
        match code {
            Ok(c) => self.install_code(p, CodeKind::Optimized, c),
            Err(_) => {
                // Keep the old code, entered through the run loop only.
            }
        }
    }

    fn compile_code(
        &mut self,
        p: &FuncProto,
        kind: CodeKind,
    ) -> Result<BaselineCode, CompileError> {
        let abi_check = self.opts.abi_check;
        let opt_threshold = match self.opts.tier {
            Tier::Auto => self.opts.opt_threshold,
            _ => 0,
        };
        let mut opt = crate::jit::opt::OptOptions {
            verify: cfg!(debug_assertions),
            print_ir: self.opts.print_ir.clone(),
            deopt_every: self.opts.deopt_every,
            regs: self.opts.opt_regs as usize,
            trace_deopt: self.opts.trace_deopt,
            no_spec: Vec::new(),
            string_proto_key: {
                let sp = self.intrinsic(crate::runtime::Intrinsic::StringPrototype);
                Vm::shape_of(crate::runtime::heap::Cell::from_value(sp)).0 as u64 + 1
            },
            inline: true,
            inline_depth: 0,
            soft_deopt: self.opts.tier == Tier::Auto,
            vector_width: crate::jit::opt::vectorize::width(self.opts.simd),
        };
        let Some(jit) = crate::jit::state(self) else {
            return Err(CompileError::Invalid("no JIT attached".into()));
        };
        opt.no_spec = jit
            .no_spec
            .get(&(p as *const FuncProto as usize))
            .cloned()
            .unwrap_or_default();
        let align = if abi_check {
            if jit.trampoline.is_none() {
                let t = crate::jit::baseline::checked::emit_trampoline(&mut jit.space)?;
                jit.trampoline = Some(t);
            }
            crate::jit::baseline::AlignCheck::Report
        } else if crate::jit::baseline::CHECK_ALIGNMENT {
            crate::jit::baseline::AlignCheck::Trap
        } else {
            crate::jit::baseline::AlignCheck::Off
        };
        if kind == CodeKind::Optimized {
            let t0 = std::time::Instant::now();
            let (code, info) = crate::jit::opt::compile(p, &mut jit.space, align, &opt)?;
            if jit.trace {
                // Compile time includes the verifier and checker in
                // debug-assertion builds.
                let ms = t0.elapsed().as_secs_f64() * 1e3;
                eprintln!(
                    "[tier] {}: optimized ({} bytes; {} bytecode instructions -> {} IR instructions, {} guards, {} generic, {} spill slots; {:.3} ms)",
                    display_name(p),
                    code.code.bytes().len(),
                    p.code.len(),
                    info.ir_insts,
                    info.guards,
                    info.generic,
                    info.spill_slots,
                    ms
                );
                if !info.inlined.is_empty() {
                    eprintln!(
                        "[tier] {}: inlined {} (budget {} of {} bytecode instructions, callees of at most {})",
                        display_name(p),
                        info.inlined.join(", "),
                        info.inlined_insts,
                        crate::jit::opt::build::INLINE_BUDGET,
                        crate::jit::opt::build::INLINE_MAX_INSTS
                    );
                }
                for n in &info.not_inlined {
                    eprintln!("[tier] {}: not inlined: {n}", display_name(p));
                }
            }
            Ok(code)
        } else {
            crate::jit::baseline::compile_region(p, &mut jit.space, align, None, opt_threshold)
        }
    }

    fn install_code(&mut self, p: &FuncProto, kind: CodeKind, code: BaselineCode) {
        let name = display_name(p);
        let Some(jit) = crate::jit::state(self) else {
            return;
        };
        // With debug assertions (tests, the ci profile, fuzzing), every
        // compiled function must pass the static ABI check.
        if cfg!(debug_assertions) {
            if let Err(e) = code.abi_check() {
                panic!(
                    "{kind:?} code for {name} breaks the ABI: {e}\n{}",
                    code.disassemble(p)
                );
            }
        }
        if jit.trace && kind == CodeKind::Baseline {
            eprintln!(
                "[tier] {name}: baseline ({} bytes; {} calls, {} back edges)",
                code.code.bytes().len(),
                p.jit.call_count.get(),
                p.jit.loop_count.get()
            );
        }
        if jit.print_code {
            eprintln!("{}", code.disassemble(p));
        }
        if let Some(m) = jit.perf_map.as_mut() {
            let tag = if kind == CodeKind::Optimized {
                "opt"
            } else {
                "jolt"
            };
            m.push((
                code.code.ptr() as usize,
                code.code.bytes().len(),
                format!("{tag}:{name}"),
            ));
        }
        let code = Rc::new(code);
        p.jit.direct_entry.set(if direct_callable(p) {
            code.direct_entry()
        } else {
            0
        });
        p.jit.construct_entry.set(if direct_constructible(p) {
            code.construct_entry()
        } else {
            0
        });
        p.jit.lean_entry.set(match code.lean_entry() {
            Some(e) if direct_callable(p) => e,
            _ => 0,
        });
        if kind == CodeKind::Optimized && p.jit.kind.get() == CodeKind::Optimized {
            // A recompile: replace the code (old code stays alive in the
            // cache for frames still running it).
            p.jit.code[kind as usize].set(Rc::as_ptr(&code) as usize);
        } else {
            p.jit.install(kind, Rc::as_ptr(&code) as usize);
        }
        jit.codes.push(code);
    }

    /// Writes /tmp/perf-PID.map for `perf report` (with `--perf-map`).
    pub fn write_perf_map(&self) {
        if let Some(m) = crate::jit::state_ref(self).and_then(|j| j.perf_map.as_ref()) {
            let mut s = String::new();
            for (addr, size, name) in m {
                s.push_str(&format!("{addr:x} {size:x} {name}\n"));
            }
            let _ = std::fs::write(format!("/tmp/perf-{}.map", std::process::id()), s);
        }
    }
}

fn display_name(p: &FuncProto) -> &str {
    if p.name.is_empty() {
        "<anonymous>"
    } else {
        &p.name
    }
}

fn describe(e: &CompileError) -> String {
    e.to_string()
}

/// A VM with its options' tiers attached (see [`attach`]).
pub fn new_vm(opts: crate::runtime::Options) -> Box<Vm> {
    let mut vm = Vm::new(opts);
    attach(&mut vm);
    vm
}

/// `Vm::run_script` with every frame (the script, its callees, and JS run
/// from natives) in baseline code, compiled into `cache`'s space budget.
/// Compile failures (which leave those functions interpreted) are
/// reported in `cache.failures`.
pub fn run_script_baseline(
    vm: &mut Vm,
    proto: Rc<FuncProto>,
    cache: &mut crate::jit::baseline::run::BaselineCache,
) -> JsResult<Value> {
    vm.opts.tier = Tier::Baseline;
    vm.opts.code_space = cache.capacity();
    attach(vm);
    let r = vm.run_script(proto);
    if let Some(j) = crate::jit::state_ref(vm) {
        cache.failures.extend(j.failures.iter().cloned());
    }
    r
}
