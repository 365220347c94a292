//! Tier-up policy and the baseline code cache.
//!
//! Invariants:
//! - The interpreter's `run` loop is the only driver: at the top of every
//!   frame step it asks `Vm::baseline_for` whether the frame's prototype has
//!   (or should now get) baseline code; if so it runs the frame there until
//!   an exit, and handles the exit with the interpreter's own frame push,
//!   return and unwind code. So frames, handlers and fuel are shared and a
//!   frame can switch tiers at any instruction boundary: a call return, a
//!   handler, or a loop back edge (OSR).
//! - A prototype that failed to compile (code space exhausted, anything
//!   else) is remembered and stays interpreted; the program is unaffected.
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
use crate::jit::baseline::{compile, BaselineCode, CompileError};
use crate::jit::x64::CodeSpace;
use crate::runtime::Vm;
use std::rc::Rc;

/// Which tiers may run.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Tier {
    /// Interpreter only.
    Interp,
    /// Every function in baseline code from its first entry.
    Baseline,
    /// Interpreter first; baseline after `jit_threshold` calls or back edges.
    Auto,
}

impl Tier {
    pub fn parse(s: &str) -> Option<Tier> {
        match s {
            "interp" => Some(Tier::Interp),
            "baseline" => Some(Tier::Baseline),
            "auto" => Some(Tier::Auto),
            _ => None,
        }
    }
}

/// Default number of calls or loop back edges before a function tiers up.
pub const DEFAULT_JIT_THRESHOLD: u32 = 500;
/// Default code space for baseline code.
pub const DEFAULT_CODE_SPACE: usize = 64 << 20;

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

/// The baseline code of every prototype that has been compiled.
pub struct JitState {
    pub space: CodeSpace,
    /// Owns every compiled function (prototypes point at their code).
    codes: Vec<Rc<BaselineCode>>,
    pub trace: bool,
    pub print_code: bool,
    /// Lines for /tmp/perf-PID.map: (address, size, name).
    pub perf_map: Option<Vec<(usize, usize, String)>>,
    /// Functions that stayed in the interpreter because compiling failed.
    pub failures: Vec<(String, CompileError)>,
    /// Calls that baseline code made by exiting to the run loop (the first
    /// call at each site, natives' callers, refused direct entries...);
    /// the rest were direct machine calls.
    pub call_exits: u64,
    /// Checked ABI mode: the trampoline and its resume offset (made at the
    /// first compile), and the first violation seen.
    pub trampoline: Option<(crate::jit::x64::ExecCode, u32)>,
    pub abi_report: Option<String>,
}

impl JitState {
    pub fn new(capacity: usize, trace: bool, print_code: bool, perf_map: bool) -> JitState {
        JitState {
            space: CodeSpace::new(capacity),
            codes: Vec::new(),
            trace,
            print_code,
            perf_map: perf_map.then(Vec::new),
            failures: Vec::new(),
            call_exits: 0,
            trampoline: None,
            abi_report: None,
        }
    }
}

impl Vm {
    /// The baseline code to run `p`'s frame in, compiling it if the policy
    /// says it is time; `None` keeps the frame in the interpreter. Called at
    /// every frame step, so the decision is cached on the prototype.
    #[inline]
    pub fn baseline_for(&mut self, p: &FuncProto) -> Option<&'static BaselineCode> {
        match p.tier_entry.get() {
            // Still cold under auto: decided inline, without a call.
            0 if self.opts.tier == Tier::Auto
                && p.loop_count.get() < self.opts.jit_threshold
                && p.call_count.get() < self.opts.jit_threshold =>
            {
                None
            }
            0 => self.baseline_decide(p),
            1 => None,
            // Code in the cache is never freed while the VM lives, and the
            // run loop that uses the reference does not outlive the VM.
            a => Some(unsafe { &*(a as *const BaselineCode) }),
        }
    }

    #[cold]
    fn baseline_decide(&mut self, p: &FuncProto) -> Option<&'static BaselineCode> {
        let tier = self.opts.tier;
        let threshold = self.opts.jit_threshold;
        // Cold frames stay undecided (counted again next time).
        let hot = tier == Tier::Baseline
            || p.loop_count.get() >= threshold
            || p.call_count.get() >= threshold;
        if !hot {
            return None;
        }
        let jit = self.jit.as_mut()?;
        let name = display_name(p);
        let compiled = if self.opts.abi_check {
            let made = match jit.trampoline {
                Some(_) => Ok(()),
                None => crate::jit::baseline::checked::emit_trampoline(&mut jit.space)
                    .map(|t| jit.trampoline = Some(t)),
            };
            made.and_then(|()| {
                crate::jit::baseline::compile_with(
                    p,
                    &mut jit.space,
                    crate::jit::baseline::AlignCheck::Report,
                )
            })
        } else {
            compile(p, &mut jit.space)
        };
        match compiled {
            Ok(code) => {
                // With debug assertions (tests, the ci profile, fuzzing),
                // every compiled function must pass the static ABI check.
                if cfg!(debug_assertions) {
                    if let Err(e) = code.abi_check() {
                        panic!(
                            "baseline code for {name} breaks the ABI: {e}\n{}",
                            code.disassemble(p)
                        );
                    }
                }
                if jit.trace {
                    eprintln!(
                        "[tier] {name}: baseline ({} bytes; {} calls, {} back edges)",
                        code.code.bytes().len(),
                        p.call_count.get(),
                        p.loop_count.get()
                    );
                }
                if jit.print_code {
                    eprintln!("{}", code.disassemble(p));
                }
                if let Some(m) = jit.perf_map.as_mut() {
                    m.push((
                        code.code.ptr() as usize,
                        code.code.bytes().len(),
                        format!("jolt:{name}"),
                    ));
                }
                let code = Rc::new(code);
                let a = Rc::as_ptr(&code) as usize;
                if direct_callable(p) {
                    p.direct_entry.set(code.direct_entry());
                }
                if direct_constructible(p) {
                    p.construct_entry.set(code.construct_entry());
                }
                jit.codes.push(code);
                p.tier_entry.set(a);
                Some(unsafe { &*(a as *const BaselineCode) })
            }
            Err(e) => {
                if jit.trace {
                    eprintln!("[tier] {name}: stays in the interpreter ({})", describe(&e));
                }
                jit.failures.push((name.to_string(), e));
                p.tier_entry.set(1);
                None
            }
        }
    }

    /// "function NAME +0xOFF (bytecode pc N)" for an address in baseline code.
    pub fn describe_code_address(&self, addr: u64) -> String {
        let Some(j) = self.jit.as_ref() else {
            return format!("{addr:#x}");
        };
        for c in &j.codes {
            let start = c.code.ptr() as u64;
            if addr >= start && addr < start + c.code.len() as u64 {
                let off = (addr - start) as u32;
                let pc = c.pc_at(off).map_or("?".to_string(), |p| p.to_string());
                return format!("function {:?} +{off:#x} (bytecode pc {pc})", c.proto_name());
            }
        }
        format!("{addr:#x} (not in baseline code)")
    }

    /// Writes /tmp/perf-PID.map for `perf report` (with `--perf-map`).
    pub fn write_perf_map(&self) {
        if let Some(m) = self.jit.as_ref().and_then(|j| j.perf_map.as_ref()) {
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
