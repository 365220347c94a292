//! Entry points of the fuzz targets (`fuzz/fuzz_targets/*.rs`), of the
//! in-process driver behind `jolt fuzz`, and their counters.
//!
//! Every entry point maps fuzzer bytes to a [`Schedule`] (the first 8
//! bytes) and a program (the rest, through `gen_bytecode`/`gen_source`),
//! then calls [`super::report`]: the same check as everything else. The
//! counters (executions, share of runnable inputs, share that ran out of
//! fuel, divergences) are process-wide and printed to stderr every
//! [`PRINT_EVERY`] executions of a target.

use super::patterns::{Pattern, PatternCounts};
use super::{
    gen_bytecode, gen_source, minimize, report, Config, Divergence, OutcomeEnd, Plan, Program,
    Report, Schedule,
};
use crate::bytecode::{text, FuncProto, Opcode};
use arbitrary::Unstructured;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::Instant;

/// Fuel for fuzz runs: generated programs are small, and a fuel-bound run
/// under a GC-every-allocation plan must stay fast.
pub const FUZZ_FUEL: u64 = 10_000;
/// Heap limit for fuzz runs.
pub const FUZZ_MAX_HEAP: usize = 16 << 20;
/// Bytes forced collections may copy per run in fuzzing (about a second of
/// copying): a generated program with a large live heap and a collection
/// every few allocations once stalled `jolt fuzz` for minutes.
pub const FUZZ_GC_BUDGET: u64 = 2 << 30;
/// Work units (`runtime::work`) one run of one plan may spend before the
/// input is a slow-input finding. One unit is about one element step of a
/// native, so the budget is about 0.1 s of runtime work; of 1,500 generated
/// programs (half source, half bytecode) none spent 400,000 units and 3
/// spent more than 80,000.
pub const FUZZ_WORK_BUDGET: u64 = 4_000_000;
/// Call depth for fuzz runs (recursion is common in generated programs).
pub const FUZZ_MAX_DEPTH: usize = 300;
pub const PRINT_EVERY: u64 = 250;
/// Bytes of generator input per program in the in-process driver.
pub const DRIVE_INPUT_LEN: usize = 600;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Bytecode,
    Source,
    GcStress,
}

impl Target {
    /// The `--target` names of `jolt fuzz` and `jolt bench-harness`.
    pub fn parse(s: &str) -> Option<Target> {
        match s {
            "bytecode" => Some(Target::Bytecode),
            "source" => Some(Target::Source),
            "gc" | "gc_stress" => Some(Target::GcStress),
            _ => None,
        }
    }
    /// The short name `parse` takes (and metric names use).
    pub fn short_name(self) -> &'static str {
        match self {
            Target::Bytecode => "bytecode",
            Target::Source => "source",
            Target::GcStress => "gc",
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Target::Bytecode => "bytecode_diff",
            Target::Source => "source_diff",
            Target::GcStress => "gc_stress",
        }
    }
    /// The plans the target compares.
    pub fn plans(self) -> &'static [Plan] {
        match self {
            Target::Bytecode | Target::Source => &[
                Plan::Interp,
                Plan::InterpGcScheduled,
                Plan::Baseline,
                Plan::AutoThreshold1,
                Plan::AutoRandom,
                Plan::InterpPoisonDead,
                Plan::Opt,
                Plan::DeoptStress,
                Plan::Auto3Random,
            ],
            Target::GcStress => &[
                Plan::Interp,
                Plan::InterpGcStress,
                Plan::BaselineGcStress,
                Plan::OptGcStress,
            ],
        }
    }
    fn index(self) -> usize {
        self as usize
    }
}

/// Process-wide counters of one target.
pub struct Counters {
    pub execs: AtomicU64,
    pub runnable: AtomicU64,
    pub out_of_fuel: AtomicU64,
    pub divergences: AtomicU64,
    pub slow: AtomicU64,
    pub start_nanos: AtomicU64,
    /// JIT-shaped patterns generated, per `Pattern` (its discriminant).
    pub patterns: [AtomicU64; super::patterns::Pattern::ALL.len()],
}

#[allow(clippy::declare_interior_mutable_const)]
const ZERO_COUNT: AtomicU64 = AtomicU64::new(0);

#[allow(clippy::declare_interior_mutable_const)]
const ZERO: Counters = Counters {
    execs: AtomicU64::new(0),
    runnable: AtomicU64::new(0),
    out_of_fuel: AtomicU64::new(0),
    divergences: AtomicU64::new(0),
    slow: AtomicU64::new(0),
    start_nanos: AtomicU64::new(0),
    patterns: [ZERO_COUNT; super::patterns::Pattern::ALL.len()],
};
pub static COUNTERS: [Counters; 3] = [ZERO, ZERO, ZERO];

fn epoch() -> Instant {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    *START.get_or_init(Instant::now)
}

/// A snapshot of a target's counters.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stats {
    pub execs: u64,
    pub runnable: u64,
    pub out_of_fuel: u64,
    pub divergences: u64,
    /// Slow-input findings (runs that spent `FUZZ_WORK_BUDGET`).
    pub slow: u64,
    pub seconds: f64,
    /// JIT-shaped patterns in the generated programs.
    pub patterns: PatternCounts,
}

impl Stats {
    pub fn execs_per_sec(&self) -> f64 {
        self.execs as f64 / self.seconds.max(1e-9)
    }
    pub fn runnable_share(&self) -> f64 {
        self.runnable as f64 / self.execs.max(1) as f64
    }
    pub fn fuel_share(&self) -> f64 {
        self.out_of_fuel as f64 / self.execs.max(1) as f64
    }
    /// The stats as `metric NAME VALUE UNIT` lines (the benchmark runner's
    /// hook format, `jolt bench-harness`), names prefixed `harness_<tag>_`.
    pub fn metric_lines(&self, tag: &str) -> Vec<String> {
        vec![
            format!(
                "metric harness_{tag}_execs_per_s {:.1} execs/s",
                self.execs_per_sec()
            ),
            format!("metric harness_{tag}_execs {} execs", self.execs),
            format!(
                "metric harness_{tag}_runnable {:.1} %",
                100.0 * self.runnable_share()
            ),
            format!(
                "metric harness_{tag}_out_of_fuel {:.1} %",
                100.0 * self.fuel_share()
            ),
            format!(
                "metric harness_{tag}_divergences {} divergences",
                self.divergences
            ),
            format!("metric harness_{tag}_slow {} inputs", self.slow),
            format!(
                "metric harness_{tag}_patterns_per_exec {:.2} patterns",
                self.patterns.total() as f64 / self.execs.max(1) as f64
            ),
        ]
    }
}

impl std::fmt::Display for Stats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} execs, {:.0} execs/s, runnable {:.1}%, out of fuel {:.1}%, divergences {}, slow {}, jit patterns {} ({}/{} kinds)",
            self.execs,
            self.execs_per_sec(),
            100.0 * self.runnable_share(),
            100.0 * self.fuel_share(),
            self.divergences,
            self.slow,
            self.patterns.total(),
            self.patterns.kinds(),
            Pattern::ALL.len()
        )
    }
}

pub fn stats(t: Target) -> Stats {
    let c = &COUNTERS[t.index()];
    let now = epoch().elapsed().as_nanos() as u64;
    Stats {
        execs: c.execs.load(Relaxed),
        runnable: c.runnable.load(Relaxed),
        out_of_fuel: c.out_of_fuel.load(Relaxed),
        divergences: c.divergences.load(Relaxed),
        slow: c.slow.load(Relaxed),
        patterns: PatternCounts(std::array::from_fn(|i| c.patterns[i].load(Relaxed))),
        seconds: now.saturating_sub(c.start_nanos.load(Relaxed)) as f64 / 1e9,
    }
}

/// Counts one execution of `t` (whose program has `patterns`); prints the
/// stats every `PRINT_EVERY`.
pub fn record(t: Target, rep: &Report, patterns: &[Pattern]) {
    let c = &COUNTERS[t.index()];
    for &p in patterns {
        c.patterns[p as usize].fetch_add(1, Relaxed);
    }
    let n = c.execs.fetch_add(1, Relaxed);
    if n == 0 {
        c.start_nanos
            .store(epoch().elapsed().as_nanos() as u64, Relaxed);
    }
    if let Some((_, o, _)) = rep.runs.first() {
        if !matches!(o.end, OutcomeEnd::SyntaxError(_)) {
            c.runnable.fetch_add(1, Relaxed);
        }
        if o.end == OutcomeEnd::OutOfFuel {
            c.out_of_fuel.fetch_add(1, Relaxed);
        }
    }
    if rep.divergence.is_some() {
        c.divergences.fetch_add(1, Relaxed);
    }
    if rep.slow.is_some() {
        c.slow.fetch_add(1, Relaxed);
    }
    if (n + 1).is_multiple_of(PRINT_EVERY) {
        eprintln!("[{}] {}", t.name(), stats(t));
    }
}

/// The config fuzz runs use, with the schedule from the input.
pub fn fuzz_config(schedule: Schedule) -> Config {
    Config {
        fuel: FUZZ_FUEL,
        max_heap: FUZZ_MAX_HEAP,
        max_depth: FUZZ_MAX_DEPTH,
        schedule,
        gc_stress_budget: Some(FUZZ_GC_BUDGET),
        work_budget: Some(FUZZ_WORK_BUDGET),
        deadline: None,
    }
}

/// A fuzz input decoded: schedule plus generated bytecode.
pub fn bytecode_input(data: &[u8]) -> (Schedule, FuncProto) {
    let (s, p, _) = bytecode_input_counted(data);
    (s, p)
}

/// `bytecode_input`, with the JIT-shaped patterns the program contains.
pub fn bytecode_input_counted(data: &[u8]) -> (Schedule, FuncProto, Vec<Pattern>) {
    let mut u = Unstructured::new(data);
    let s = Schedule::from_unstructured(&mut u);
    let (p, pats) = gen_bytecode::generate_counted(&mut u)
        .unwrap_or_else(|_| (gen_bytecode::from_bytes(&[]), Vec::new()));
    (s, p, pats)
}

/// A fuzz input decoded: schedule plus generated source.
pub fn source_input(data: &[u8]) -> (Schedule, String) {
    let (s, p, _) = source_input_counted(data);
    (s, p)
}

/// `source_input`, with the JIT-shaped patterns the program contains.
pub fn source_input_counted(data: &[u8]) -> (Schedule, String, Vec<Pattern>) {
    let mut u = Unstructured::new(data);
    let s = Schedule::from_unstructured(&mut u);
    let (p, pats) =
        gen_source::generate_counted(&mut u).unwrap_or_else(|_| ("\n".into(), Vec::new()));
    (s, p, pats)
}

/// `bytecode_diff`: generated bytecode, interpreter vs scheduled GC (and
/// every tier once it exists).
pub fn fuzz_bytecode(data: &[u8]) -> Result<(), Divergence> {
    super::faults::Fault::init_from_env();
    let (s, p, pats) = bytecode_input_counted(data);
    let rep = report(
        Program::Bytecode(&p),
        Target::Bytecode.plans(),
        &fuzz_config(s),
    );
    record(Target::Bytecode, &rep, &pats);
    match rep.finding() {
        Some(d) => Err(d),
        None => Ok(()),
    }
}

/// `source_diff`: generated source programs.
pub fn fuzz_source(data: &[u8]) -> Result<(), Divergence> {
    super::faults::Fault::init_from_env();
    let (s, src, pats) = source_input_counted(data);
    let rep = report(
        Program::Source(&src),
        Target::Source.plans(),
        &fuzz_config(s),
    );
    record(Target::Source, &rep, &pats);
    match rep.finding() {
        Some(d) => Err(d),
        None => Ok(()),
    }
}

/// `gc_stress`: a generated program (source or bytecode, by the first
/// byte) under GC-at-every-allocation with heap verification, in the
/// interpreter and in baseline code.
pub fn fuzz_gc_stress(data: &[u8]) -> Result<(), Divergence> {
    super::faults::Fault::init_from_env();
    let (first, rest) = data.split_first().unwrap_or((&0, &[]));
    let (rep, pats) = if first & 1 == 0 {
        let (s, p, pats) = bytecode_input_counted(rest);
        let r = report(
            Program::Bytecode(&p),
            Target::GcStress.plans(),
            &fuzz_config(s),
        );
        (r, pats)
    } else {
        let (s, src, pats) = source_input_counted(rest);
        let r = report(
            Program::Source(&src),
            Target::GcStress.plans(),
            &fuzz_config(s),
        );
        (r, pats)
    };
    record(Target::GcStress, &rep, &pats);
    match rep.finding() {
        Some(d) => Err(d),
        None => Ok(()),
    }
}

/// Options of the in-process fuzz driver (`jolt fuzz`).
#[derive(Clone, Debug)]
pub struct DriveOptions {
    pub seconds: f64,
    pub seed: u64,
    pub target: Target,
    /// Where minimized divergences are written (`corpus/<target>/`).
    pub corpus_dir: Option<PathBuf>,
    /// Bytes of generator input per program.
    pub input_len: usize,
    /// Source targets: also compare the first plan with node (skipped for
    /// programs that run out of fuel); slow, node starts per program.
    pub node: bool,
    /// Stop at the first divergence (`jolt fuzz --fault`: the seconds to
    /// detection are `DriveSummary::first_at`).
    pub stop_at_first: bool,
    /// Where the coverage-guided corpus lives (`Guide`): inputs found there
    /// are replayed first and mutated, new ones are written there. `None`:
    /// the corpus lives in memory for this drive only.
    pub cov_dir: Option<PathBuf>,
    /// Stop after this many executions (`jolt bench-harness --execs`: a
    /// fixed amount of work, for instruction counts under callgrind).
    pub max_execs: Option<u64>,
}

/// Coverage-guided fuzzing's shared state: the inputs (generator bytes)
/// that reached new JIT-relevant coverage (`super::coverage_features`),
/// the features seen so far, and the stored inputs still to replay.
///
/// Every worker draws each input either fresh from its RNG or, half of
/// the time once the corpus is not empty, as a mutation or splice of a
/// corpus input (the generators read bytes, so a mutated input is another
/// valid program sharing structure with its parent); an input whose
/// report has a feature never seen joins the corpus (and `cov_dir`).
#[derive(Default)]
pub struct Guide {
    pub inputs: Vec<Vec<u8>>,
    /// Features are hashes already: the cheap hasher is enough.
    pub seen: std::collections::HashSet<u64, crate::runtime::fxhash::FxBuild>,
    replay: Vec<Vec<u8>>,
}

impl Guide {
    /// A guide whose corpus starts with the files in `dir` (if any).
    pub fn load(dir: Option<&Path>) -> Guide {
        let mut g = Guide::default();
        if let Some(Ok(rd)) = dir.map(std::fs::read_dir) {
            let mut files: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
            files.sort();
            for f in files {
                if let Ok(b) = std::fs::read(&f) {
                    if !b.is_empty() {
                        g.replay.push(b);
                    }
                }
            }
            g.replay.reverse();
        }
        g
    }

    /// The next input and where it came from.
    fn next_input(&mut self, rng: &mut super::SplitMix, len: usize) -> (Vec<u8>, Origin) {
        if let Some(b) = self.replay.pop() {
            return (b, Origin::Stored);
        }
        if self.inputs.is_empty() || rng.below(2) == 0 {
            let fresh = (0..len).map(|_| rng.next_u64() as u8).collect();
            return (fresh, Origin::Fresh);
        }
        let a = &self.inputs[rng.below(self.inputs.len() as u64) as usize];
        let b = &self.inputs[rng.below(self.inputs.len() as u64) as usize];
        (mutate(rng, a, b, len), Origin::Mutated)
    }

    /// Records `feats`; whether any was new.
    fn learn(&mut self, feats: &[u64]) -> bool {
        let mut new = false;
        for &f in feats {
            new |= self.seen.insert(f);
        }
        new
    }
}

/// Where a guided input came from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Origin {
    Fresh,
    Mutated,
    /// Read from `cov_dir`: replayed to learn its coverage, kept as is.
    Stored,
}

/// One mutation of `a` (splicing with `b` sometimes): byte flips, a range
/// overwritten, a chunk inserted or deleted, or `a`'s head on `b`'s tail.
/// The first 8 bytes are the schedule; they change only sometimes.
pub fn mutate(rng: &mut super::SplitMix, a: &[u8], b: &[u8], len: usize) -> Vec<u8> {
    let mut v = a.to_vec();
    if v.len() < 16 {
        v.resize(16, 0);
    }
    let n = v.len();
    let from = if rng.below(8) == 0 { 0 } else { 8 };
    let at = |rng: &mut super::SplitMix| from + rng.below((n - from) as u64) as usize;
    match rng.below(5) {
        0 => {
            for _ in 0..1 + rng.below(8) {
                let i = at(rng);
                v[i] ^= 1 << rng.below(8);
            }
        }
        1 => {
            let i = at(rng);
            let k = (1 + rng.below(16) as usize).min(n - i);
            for x in &mut v[i..i + k] {
                *x = rng.next_u64() as u8;
            }
        }
        2 => {
            let i = at(rng);
            let chunk: Vec<u8> = (0..1 + rng.below(32))
                .map(|_| rng.next_u64() as u8)
                .collect();
            v.splice(i..i, chunk);
        }
        3 => {
            let i = at(rng);
            let k = (1 + rng.below(32) as usize).min(n - i);
            v.drain(i..i + k);
        }
        _ => {
            let i = at(rng);
            let j = if b.len() > 8 {
                8 + rng.below(b.len() as u64 - 8) as usize
            } else {
                0
            };
            v.truncate(i);
            v.extend_from_slice(&b[j.min(b.len())..]);
        }
    }
    v.truncate(2 * len);
    v
}

/// What a drive found.
#[derive(Clone, Debug, Default)]
pub struct DriveSummary {
    pub stats: Stats,
    /// Opcodes present in the functions that ran, per plan name.
    pub coverage: BTreeMap<String, BTreeSet<Opcode>>,
    /// Files written (minimized divergences).
    pub written: Vec<PathBuf>,
    pub divergences: Vec<Divergence>,
    /// The first slow-input findings (kind `Slow`).
    pub slow_inputs: Vec<Divergence>,
    /// Seconds from the start to the first divergence (before minimizing).
    pub first_at: Option<f64>,
    /// With a fault active: the minimized divergences, printed instead of
    /// being written to the corpus (they are the fault's, not the engine's).
    pub minimized: Vec<String>,
    /// Findings bucketed by signature (the plans that differ, the kind of
    /// difference, how each side ended): hits per bucket. A thousand hits
    /// of one bug are one bucket, minimized and saved once.
    pub findings: BTreeMap<String, u64>,
    /// Coverage guidance (shared by all workers): corpus inputs, distinct
    /// coverage features, and executions of mutated corpus inputs.
    pub corpus_inputs: usize,
    pub features: usize,
    pub mutated: u64,
    /// Workers of `drive_jobs` that panicked (a harness bug): one line each.
    pub worker_panics: Vec<String>,
}

impl DriveSummary {
    /// Adds another worker's summary to this one (`drive_jobs`).
    fn absorb(&mut self, o: &DriveSummary) {
        self.stats.execs += o.stats.execs;
        self.stats.runnable += o.stats.runnable;
        self.stats.out_of_fuel += o.stats.out_of_fuel;
        self.stats.divergences += o.stats.divergences;
        self.stats.slow += o.stats.slow;
        self.stats.patterns.absorb(&o.stats.patterns);
        self.stats.seconds = self.stats.seconds.max(o.stats.seconds);
        for (p, c) in &o.coverage {
            self.coverage.entry(p.clone()).or_default().extend(c);
        }
        self.written.extend(o.written.iter().cloned());
        self.divergences.extend(o.divergences.iter().cloned());
        self.slow_inputs.extend(o.slow_inputs.iter().cloned());
        self.first_at = match (self.first_at, o.first_at) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.minimized.extend(o.minimized.iter().cloned());
        for (k, n) in &o.findings {
            *self.findings.entry(k.clone()).or_default() += n;
        }
        // The guide is shared: its sizes are the same for every worker.
        self.corpus_inputs = self.corpus_inputs.max(o.corpus_inputs);
        self.features = self.features.max(o.features);
        self.mutated += o.mutated;
        self.worker_panics.extend(o.worker_panics.iter().cloned());
    }
}

/// `drive` on `jobs` threads (seeds `opts.seed`, `opts.seed + 1`, ...),
/// sharing the findings' buckets (each bucket is minimized and saved once,
/// by the first worker to hit it) and the stop flag (`stop_at_first` stops
/// every worker). `status` sees the merged summary about four times a
/// second; the result is the merged summary. A worker that panics (a bug
/// of the harness itself: engine panics are already `Panicked` outcomes)
/// ends with its last status and a `worker_panics` entry; the others go on.
pub fn drive_jobs(
    opts: &DriveOptions,
    jobs: usize,
    status: &mut dyn FnMut(&DriveSummary),
) -> DriveSummary {
    let stop = std::sync::atomic::AtomicBool::new(false);
    let buckets = std::sync::Mutex::new(BTreeSet::new());
    let guide = std::sync::Mutex::new(Guide::load(opts.cov_dir.as_deref()));
    run_workers(
        jobs,
        &|i, report| {
            let mut o = opts.clone();
            o.seed = opts.seed.wrapping_add(i as u64);
            drive_shared(&o, &stop, &buckets, &guide, report)
        },
        status,
    )
}

/// Runs `worker(i, report)` for `i` in `0..jobs` on threads, merging the
/// summaries each one reports (and returns) for `status` about four times a
/// second and for the result. A worker's panic is caught: its summary is the
/// last it reported plus the panic in `worker_panics`, and the wait ends
/// when every worker has returned or panicked (it used to count only
/// returns, so one panic hung `jolt fuzz --jobs N` forever).
/// One fuzz worker: `(index, report)`, returning its final summary.
type Worker<'a> = dyn Fn(usize, &mut dyn FnMut(&DriveSummary)) -> DriveSummary + Sync + 'a;

fn run_workers(
    jobs: usize,
    worker: &Worker<'_>,
    status: &mut dyn FnMut(&DriveSummary),
) -> DriveSummary {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;
    let jobs = jobs.max(1);
    let snaps: Mutex<Vec<DriveSummary>> = Mutex::new(vec![DriveSummary::default(); jobs]);
    let running = AtomicUsize::new(jobs);
    let merged = |snaps: &Mutex<Vec<DriveSummary>>| {
        let mut m = DriveSummary::default();
        for s in lock(snaps).iter() {
            m.absorb(s);
        }
        m
    };
    std::thread::scope(|sc| {
        for i in 0..jobs {
            let (snaps, running) = (&snaps, &running);
            sc.spawn(move || {
                // Decrements `running` however the worker ends.
                struct Done<'a>(&'a AtomicUsize);
                impl Drop for Done<'_> {
                    fn drop(&mut self) {
                        self.0.fetch_sub(1, Ordering::SeqCst);
                    }
                }
                let _done = Done(running);
                let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    worker(i, &mut |s| lock(snaps)[i] = s.clone())
                }));
                let mut snaps = lock(snaps);
                match r {
                    Ok(sum) => snaps[i] = sum,
                    Err(e) => snaps[i]
                        .worker_panics
                        .push(format!("worker {i} panicked: {}", panic_text(&*e))),
                }
            });
        }
        while running.load(Ordering::SeqCst) > 0 {
            std::thread::sleep(std::time::Duration::from_millis(250));
            status(&merged(&snaps));
        }
    });
    let m = merged(&snaps);
    status(&m);
    m
}

/// The mutex's data even when another worker panicked holding it: the
/// shared state (buckets, guide, snapshots) stays usable, so one worker's
/// panic does not take the others down with a poisoned lock.
fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A panic payload's message.
pub fn panic_text(e: &(dyn std::any::Any + Send)) -> String {
    e.downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "panic".into())
}

/// Runs generated programs for `opts.seconds`, calling `status` about
/// four times a second with the running summary. Divergences are
/// minimized and written to `opts.corpus_dir`, except while a fault is
/// injected (`super::faults`): then they are kept in `minimized` instead.
pub fn drive(opts: &DriveOptions, status: &mut dyn FnMut(&DriveSummary)) -> DriveSummary {
    let stop = std::sync::atomic::AtomicBool::new(false);
    let buckets = std::sync::Mutex::new(BTreeSet::new());
    let guide = std::sync::Mutex::new(Guide::load(opts.cov_dir.as_deref()));
    drive_shared(opts, &stop, &buckets, &guide, status)
}

/// One worker of `drive`/`drive_jobs`: `stop` ends it (and it sets `stop`
/// at a divergence with `stop_at_first`), `buckets` holds the finding
/// signatures any worker has seen (each is minimized once, by the first).
fn drive_shared(
    opts: &DriveOptions,
    stop: &std::sync::atomic::AtomicBool,
    buckets: &std::sync::Mutex<BTreeSet<String>>,
    guide: &std::sync::Mutex<Guide>,
    status: &mut dyn FnMut(&DriveSummary),
) -> DriveSummary {
    // The whole worker on one engine thread: `report` then runs inline
    // instead of starting a thread per input, and the thread's initial
    // image and heap spaces (`runtime::image`, `heap`) serve every input.
    super::on_big_stack(|| drive_worker(opts, stop, buckets, guide, status))
}

fn drive_worker(
    opts: &DriveOptions,
    stop: &std::sync::atomic::AtomicBool,
    buckets: &std::sync::Mutex<BTreeSet<String>>,
    guide: &std::sync::Mutex<Guide>,
    status: &mut dyn FnMut(&DriveSummary),
) -> DriveSummary {
    use std::sync::atomic::Ordering;
    let mut sum = DriveSummary::default();
    let start = Instant::now();
    let mut last = Instant::now();
    let mut rng = super::SplitMix(opts.seed);
    let plans = opts.target.plans();
    // Every run (and every minimization) stops here: the drive ends on time
    // however slow an input is (runtime::work checks it).
    let deadline = start + std::time::Duration::from_secs_f64(opts.seconds.max(0.0));
    let config = |s: Schedule| Config {
        deadline: Some(deadline),
        ..fuzz_config(s)
    };
    // A process crash (a signal in JIT code) takes every worker down: with
    // JOLT_FUZZ_LAST=PATH each worker writes its input's program to
    // PATH.<seed> before running it, so the crash leaves its reproducer.
    let last_input = std::env::var_os("JOLT_FUZZ_LAST").map(|p| {
        let mut p = PathBuf::from(p).into_os_string();
        p.push(format!(".{}", opts.seed));
        PathBuf::from(p)
    });
    while start.elapsed().as_secs_f64() < opts.seconds
        && !stop.load(Ordering::Relaxed)
        && opts.max_execs.is_none_or(|n| sum.stats.execs < n)
    {
        let (data, origin) = lock(guide).next_input(&mut rng, opts.input_len);
        if let Some(path) = &last_input {
            // With the schedule, as corpus files carry it.
            let text = match opts.target {
                Target::Bytecode => {
                    let (s, p) = bytecode_input(&data);
                    let t = text::print(&p);
                    let (head, rest) = t.split_once('\n').unwrap_or((&t, ""));
                    format!("{head}\n  ; schedule seed {}\n{rest}", s.seed)
                }
                _ => {
                    let (s, src) = source_input(&data);
                    format!("// schedule seed {}\n{src}", s.seed)
                }
            };
            let _ = std::fs::write(path, text);
        }
        let (rep, input, pats) = match opts.target {
            Target::Bytecode => {
                let (s, p, pats) = bytecode_input_counted(&data);
                let r = report(Program::Bytecode(&p), plans, &config(s));
                (r, Input::Bytecode(s, Box::new(p)), pats)
            }
            Target::Source | Target::GcStress => {
                let (s, src, pats) = source_input_counted(&data);
                let r = report(Program::Source(&src), plans, &config(s));
                (r, Input::Source(s, src), pats)
            }
        };
        if rep.deadline {
            // Cut short by the end of the drive: not an execution.
            break;
        }
        sum.stats.execs += 1;
        for p in pats {
            sum.stats.patterns.add(p);
        }
        {
            let mut g = lock(guide);
            if origin == Origin::Mutated {
                sum.mutated += 1;
            }
            let new = g.learn(&rep.features);
            if new && origin != Origin::Stored {
                if let Some(dir) = &opts.cov_dir {
                    let _ = std::fs::create_dir_all(dir);
                    let _ = std::fs::write(dir.join(format!("{:016x}", hash_bytes(&data))), &data);
                }
            }
            if new || origin == Origin::Stored {
                g.inputs.push(data);
            }
            sum.corpus_inputs = g.inputs.len();
            sum.features = g.seen.len();
        }
        if let Some((_, o, _)) = rep.runs.first() {
            if !matches!(o.end, OutcomeEnd::SyntaxError(_)) {
                sum.stats.runnable += 1;
            }
            if o.end == OutcomeEnd::OutOfFuel {
                sum.stats.out_of_fuel += 1;
            }
        }
        for (p, _, cov) in &rep.runs {
            sum.coverage.entry(p.name()).or_default().extend(cov);
        }
        for p in &rep.skipped {
            sum.coverage.entry(p.name()).or_default();
        }
        let mut divergence = rep.finding();
        if let (true, None, Input::Source(_, src)) = (opts.node, &divergence, &input) {
            divergence = node_divergence(src, &rep);
        }
        if let Some(d) = divergence {
            let slow = d.kind == super::DivergenceKind::Slow;
            if slow {
                sum.stats.slow += 1;
            } else {
                sum.stats.divergences += 1;
                if sum.first_at.is_none() {
                    sum.first_at = Some(start.elapsed().as_secs_f64());
                }
            }
            let faulty = !super::faults::Fault::active().is_empty();
            let msg: String = match &d.left_end {
                OutcomeEnd::Panicked(m) => m.chars().filter(|c| !c.is_ascii_digit()).collect(),
                OutcomeEnd::SlowInput(site) => format!("in {site}"),
                e => e.kind().to_string(),
            };
            let sig = format!(
                "{:?} {} {} {msg} {}",
                d.kind,
                d.left,
                d.right,
                d.right_end.kind()
            );
            *sum.findings.entry(sig.clone()).or_default() += 1;
            let new_bucket = lock(buckets).insert(sig);
            if new_bucket {
                if faulty {
                    if !slow {
                        sum.minimized.push(minimized(&input, &d, plans, deadline).1);
                    }
                } else if let Some(dir) = &opts.corpus_dir {
                    if let Some(path) = save_minimized(dir, &input, &d, plans, deadline) {
                        sum.written.push(path);
                    }
                }
            }
            // Keep the first few of each run; the buckets count the rest.
            if slow {
                if sum.slow_inputs.len() < 16 {
                    sum.slow_inputs.push(d);
                }
                continue;
            }
            if sum.divergences.len() < 16 {
                sum.divergences.push(d);
            }
            if opts.stop_at_first {
                stop.store(true, Ordering::Relaxed);
                break;
            }
        }
        sum.stats.seconds = start.elapsed().as_secs_f64();
        if last.elapsed().as_millis() >= 250 {
            last = Instant::now();
            status(&sum);
        }
    }
    sum.stats.seconds = start.elapsed().as_secs_f64();
    status(&sum);
    sum
}

/// The first plan's outcome against node's (`None` when they agree, node
/// is unavailable, or the program ran out of fuel).
pub fn node_divergence(src: &str, rep: &Report) -> Option<Divergence> {
    let (p, o, _) = rep.runs.first()?;
    if o.end == OutcomeEnd::OutOfFuel {
        return None;
    }
    let n = super::run_node(src).ok()?;
    if &n == o {
        return None;
    }
    // Both reject the program: node reports an early error as an uncaught
    // SyntaxError (with its own wording).
    if let (OutcomeEnd::SyntaxError(_), OutcomeEnd::Uncaught { line }) = (&o.end, &n.end) {
        if line.starts_with("SyntaxError") {
            return None;
        }
    }
    Some(Divergence {
        kind: super::DivergenceKind::Node,
        left: *p,
        right: *p,
        stdout: super::first_line_diff(&o.stdout, &n.stdout).map(Box::new),
        left_end: o.end.clone(),
        right_end: n.end,
    })
}

/// Whether `d.left` comes before `d.right` in `plans` (the report compares
/// every plan with the first one, which is `left`).
fn plans_order_left_first(plans: &[Plan], d: &Divergence) -> bool {
    let pos = |p: Plan| plans.iter().position(|&q| q == p);
    pos(d.left) <= pos(d.right)
}

enum Input {
    Bytecode(Schedule, Box<FuncProto>),
    Source(Schedule, String),
}

fn save_minimized(
    dir: &Path,
    input: &Input,
    d: &Divergence,
    plans: &[Plan],
    deadline: Instant,
) -> Option<PathBuf> {
    std::fs::create_dir_all(dir).ok()?;
    let (name, body) = minimized(input, d, plans, deadline);
    let path = dir.join(name);
    std::fs::write(&path, body).ok()?;
    Some(path)
}

/// The minimized failing input as a corpus file: (file name, text). Slow
/// inputs are named `slow-*`, divergences `div-*`. Minimizing stops at
/// `deadline` (the best input found so far is kept).
fn minimized(
    input: &Input,
    d: &Divergence,
    _plans: &[Plan],
    deadline: Instant,
) -> (String, String) {
    let prefix = if d.kind == super::DivergenceKind::Slow {
        "slow"
    } else {
        "div"
    };
    // Only the plans the failure involves are rerun while shrinking (a
    // crash needs just the crashing plan): much cheaper than all of them.
    let mut only = vec![d.left];
    if d.kind == super::DivergenceKind::Differ && d.right != d.left {
        only = vec![d.right, d.left];
        if plans_order_left_first(_plans, d) {
            only.reverse();
        }
    }
    let plans = &only[..];
    match input {
        Input::Bytecode(s, p) => {
            let cfg = Config {
                deadline: Some(deadline),
                ..fuzz_config(*s)
            };
            let min = minimize::minimize_bytecode(p, &mut |q: &FuncProto| {
                matches!(report(Program::Bytecode(q), plans, &cfg).finding(),
                    Some(e) if minimize::same_failure(&e, d))
            });
            // Rerun without the deadline (minimizing may have used it up);
            // fuel and the work budget still bound it.
            let rerun = report(Program::Bytecode(&min), plans, &fuzz_config(*s)).finding();
            let printed = text::print(&min);
            let (head, rest) = printed.split_once('\n').unwrap_or((&printed, ""));
            let mut body = format!("{head}\n");
            for l in shown(d, rerun).to_string().lines() {
                body.push_str(&format!("  ; {l}\n"));
            }
            body.push_str(&format!("  ; schedule seed {}\n", s.seed));
            body.push_str(rest);
            (format!("{prefix}-{:016x}.bc", hash(&body)), body)
        }
        Input::Source(s, src) => {
            let cfg = Config {
                deadline: Some(deadline),
                ..fuzz_config(*s)
            };
            let min = minimize::minimize_source(src, &mut |c: &str| {
                let r = report(Program::Source(c), plans, &cfg);
                let e = match (&d.kind, r.finding()) {
                    (super::DivergenceKind::Node, None) => node_divergence(c, &r),
                    (_, e) => e,
                };
                matches!(e, Some(e) if minimize::same_failure(&e, d))
            });
            let r = report(Program::Source(&min), plans, &fuzz_config(*s));
            let rerun = match (&d.kind, r.finding()) {
                (super::DivergenceKind::Node, None) => node_divergence(&min, &r),
                (_, e) => e,
            };
            let mut body = String::new();
            for l in shown(d, rerun).to_string().lines() {
                body.push_str(&format!("// {l}\n"));
            }
            body.push_str(&format!("// schedule seed {}\n", s.seed));
            body.push_str(&min);
            (format!("{prefix}-{:016x}.js", hash(&body)), body)
        }
    }
}

/// The divergence a saved input's comment shows: the minimized input's
/// own when it still fails the same way. The minimizer only keeps "the
/// same failure" (`minimize::same_failure`: kind, plans, kinds of ends), so
/// the original input's output lines and messages may not occur in the
/// minimized one at all (a corpus file once showed an `instanceof`
/// TypeError that its program could no longer produce).
fn shown(original: &Divergence, rerun: Option<Divergence>) -> Divergence {
    match rerun {
        Some(e) if minimize::same_failure(&e, original) => e,
        _ => original.clone(),
    }
}

fn hash_bytes(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h = (h ^ x as u64).wrapping_mul(0x100_0000_01b3);
    }
    h
}

fn hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::{compare, Outcome, OutcomeEnd};

    fn differ(a: &str, b: &str, b_end: OutcomeEnd) -> Divergence {
        let interp = Outcome {
            stdout: a.as_bytes().to_vec(),
            end: OutcomeEnd::Normal,
        };
        let opt = Outcome {
            stdout: b.as_bytes().to_vec(),
            end: b_end,
        };
        compare(Plan::Interp, &interp, Plan::Opt, &opt).expect("outcomes differ")
    }

    #[test]
    fn a_saved_input_shows_its_own_divergence() {
        let original = differ("f f\n", "TypeError: no\n", OutcomeEnd::Normal);
        let min = differ("undefined undefined\n", "", OutcomeEnd::Normal);
        assert_eq!(shown(&original, Some(min.clone())), min);
        // Not the same failure (another kind of end), or none at all: the
        // original's, which the minimizer's result was checked against.
        let uncaught = OutcomeEnd::Uncaught {
            line: "TypeError: no".into(),
        };
        let other = differ("x\n", "x\n", uncaught);
        assert_eq!(shown(&original, Some(other)), original);
        assert_eq!(shown(&original, None), original);
    }

    /// A panicking worker (a harness bug) ends `drive_jobs`' wait with a
    /// reported panic and the executions it had reported; the other
    /// workers' results are kept. It used to hang forever.
    #[test]
    fn a_worker_panic_is_reported_not_a_hang() {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let worker = |i: usize, report: &mut dyn FnMut(&DriveSummary)| {
                let mut s = DriveSummary::default();
                s.stats.execs = 3 + i as u64;
                report(&s);
                if i == 0 {
                    panic!("guide broke at input 3");
                }
                s
            };
            let mut statuses = 0;
            let sum = run_workers(2, &worker, &mut |_| statuses += 1);
            let _ = tx.send((sum, statuses));
        });
        let (sum, statuses) = rx
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("run_workers hung after a worker panic");
        assert_eq!(sum.worker_panics.len(), 1, "{:?}", sum.worker_panics);
        assert!(
            sum.worker_panics[0].contains("worker 0 panicked: guide broke at input 3"),
            "{:?}",
            sum.worker_panics
        );
        assert_eq!(sum.stats.execs, 3 + 4);
        assert!(statuses >= 1);
    }
}
