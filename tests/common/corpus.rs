//! The tests/js corpus, shared by every test file that runs it: the loader
//! (each `NAME.js` with node's `NAME.expected` stdout and `NAME.outcome`
//! line, made by ci/gen-expected) and the runners that check programs
//! against node's expectation under the harness's plans (`verify::report`,
//! which also compares the plans with one another) or under plain engine
//! options (`jolt::run`, as the `jolt` command runs them).
//!
//! Invariants: programs come sorted by name; `JOLT_JS_FILTER=substr` keeps
//! the programs whose path contains `substr` and `JOLT_CORPUS_PLANS=a,b`
//! the corpus plans named (`Plan::name`); a runner reports every failing
//! (program, plan) pair with the first differing stdout line, never just
//! the first one.
//!
//! Adding a plan to the corpus runs is one line: add it to `Plan::DEFAULT`
//! (then `jolt diff`, `jolt fuzz` and the corpus/ replays run it too) or,
//! for the tests only, to [`EXTRA_PLANS`].

use jolt::runtime::Options;
use jolt::verify::{self, Config, Outcome, OutcomeEnd, Plan, Program};
use std::path::{Path, PathBuf};

/// Corpus plans beyond `Plan::DEFAULT` (too slow for every fuzz input):
/// GC stress in baseline code, and small tier-up thresholds, so every hot
/// loop of every program switches to baseline code by OSR mid-loop (at
/// the 2nd, 5th or 17th back edge; functions at their 2nd, 5th or 17th
/// call).
pub const EXTRA_PLANS: &[Plan] = &[
    Plan::BaselineGcStress,
    Plan::AutoThreshold(2),
    Plan::AutoThreshold(5),
    Plan::AutoThreshold(17),
    Plan::OptGcStress,
    Plan::AutoOpt(2),
    Plan::AutoOpt(5),
];

/// Every plan the corpus runs under: `Plan::DEFAULT` then [`EXTRA_PLANS`],
/// the available ones, narrowed by `JOLT_CORPUS_PLANS`.
pub fn corpus_plans() -> Vec<Plan> {
    let only = std::env::var("JOLT_CORPUS_PLANS").ok();
    let mut v: Vec<Plan> = Vec::new();
    for &p in Plan::DEFAULT.iter().chain(EXTRA_PLANS) {
        let wanted = only
            .as_deref()
            .is_none_or(|o| o.split(',').any(|n| n.trim() == p.name()));
        if p.available() && wanted && !v.contains(&p) {
            v.push(p);
        }
    }
    v
}

/// The harness configuration of corpus runs: the engine's own limits (no
/// fuel bound, the default heap limit), so a run ends as it does for a
/// user and can be compared with node.
pub fn corpus_config() -> Config {
    let d = Options::default();
    Config {
        fuel: u64::MAX,
        max_heap: d.max_heap,
        max_depth: d.max_depth,
        ..Config::default()
    }
}

/// One tests/js program and what node printed for it.
pub struct JsProgram {
    pub path: PathBuf,
    /// File name (`topic_detail.js`), for reports.
    pub name: String,
    pub source: String,
    /// Node's stdout (`NAME.expected`), `Err` when the file is missing.
    pub expected: Result<Vec<u8>, String>,
    /// Node's outcome line (`NAME.outcome`: `ok` or `error TEXT`).
    pub outcome: Result<String, String>,
}

/// The tests/js directory.
pub fn js_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js")
}

/// Paths of every tests/js program, sorted.
pub fn all_program_paths() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(js_dir())
        .expect("tests/js exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "js"))
        .collect();
    v.sort();
    assert!(!v.is_empty(), "no programs in tests/js");
    v
}

/// [`all_program_paths`] narrowed by `JOLT_JS_FILTER`.
pub fn program_paths() -> Vec<PathBuf> {
    let filter = std::env::var("JOLT_JS_FILTER").unwrap_or_default();
    let mut v = all_program_paths();
    v.retain(|p| p.to_string_lossy().contains(&filter));
    v
}

/// Loads one program with its expectation.
pub fn load(path: &Path) -> JsProgram {
    let read =
        |ext: &str| std::fs::read(path.with_extension(ext)).map_err(|e| format!("no .{ext}: {e}"));
    JsProgram {
        path: path.to_path_buf(),
        name: path.file_name().unwrap().to_string_lossy().into_owned(),
        source: std::fs::read_to_string(path).unwrap(),
        expected: read("expected"),
        outcome: read("outcome").map(|b| String::from_utf8_lossy(&b).trim_end().to_string()),
    }
}

/// Every tests/js program (see [`program_paths`]).
pub fn programs() -> Vec<JsProgram> {
    program_paths().iter().map(|p| load(p)).collect()
}

/// An end in the `.outcome` format: `ok` or `error <node's line>` (the
/// other ends never match node and are spelled out for the report).
pub fn outcome_line(end: &OutcomeEnd) -> String {
    match end {
        OutcomeEnd::Normal => "ok".into(),
        OutcomeEnd::Uncaught { line } => format!("error {line}"),
        OutcomeEnd::SyntaxError(s) => format!("syntax {}", s.lines().last().unwrap_or("")),
        other => other.to_string(),
    }
}

impl JsProgram {
    /// `Err` says how `got` differs from node: the end, then the first
    /// differing stdout line.
    pub fn matches(&self, got: &Outcome) -> Result<(), String> {
        let outcome = self.outcome.as_ref()?;
        let expected = self.expected.as_ref()?;
        let end = outcome_line(&got.end);
        if &end != outcome {
            return Err(format!("end: expected `{outcome}`, got `{end}`"));
        }
        match verify::first_line_diff(expected, &got.stdout) {
            None => Ok(()),
            Some(d) => {
                let show =
                    |s: &Option<String>| s.as_deref().map_or("<end>".into(), |s| format!("{s:?}"));
                Err(format!(
                    "stdout line {}: expected {}, got {}",
                    d.line,
                    show(&d.left),
                    show(&d.right)
                ))
            }
        }
    }

    /// Runs this program under `plans` through the harness: every plan's
    /// outcome is compared with node's, and (when they all match) the
    /// plans with each other. Returns one line per failing plan.
    pub fn check_plans(&self, plans: &[Plan], cfg: &Config) -> Vec<String> {
        let rep = verify::report(Program::Source(&self.source), plans, cfg);
        let mut fails: Vec<String> = rep
            .runs
            .iter()
            .filter_map(|(plan, o, _)| {
                self.matches(o)
                    .err()
                    .map(|e| format!("{} [{plan}]: {e}", self.name))
            })
            .collect();
        if fails.is_empty() {
            if let Some(d) = rep.divergence {
                fails.push(format!("{}: {}", self.name, d.summary()));
            }
        }
        fails
    }

    /// Runs this program with `opts` as the `jolt` command does
    /// (`jolt::run`: builtins are created under the same options, e.g.
    /// `--gc-stress`); `Err` says how it differs from node.
    pub fn check_options(&self, opts: Options) -> Result<(), String> {
        let (src, name) = (
            self.source.clone(),
            self.path.to_string_lossy().into_owned(),
        );
        let out = std::thread::Builder::new()
            .stack_size(verify::ENGINE_STACK)
            .spawn(move || jolt::run(&src, &name, opts, false))
            .unwrap()
            .join()
            .map_err(|_| "engine panicked".to_string())?;
        self.matches(&Outcome::from_run(out))
    }
}

/// Runs `check` on every program, spread over the cores; collects each one's failure lines.
fn each_program(
    progs: &[JsProgram],
    check: &(dyn Fn(&JsProgram) -> Vec<String> + Sync),
) -> Vec<String> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut fails: Vec<(usize, Vec<String>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(p) = progs.get(i) else { break };
                        let f = check(p);
                        if !f.is_empty() {
                            out.push((i, f));
                        }
                    }
                    out
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    fails.sort_by_key(|f| f.0);
    fails.into_iter().flat_map(|f| f.1).collect()
}

/// Panics listing every failure (or prints the pass count).
fn report(label: &str, total: usize, fails: &[String]) {
    for f in fails {
        eprintln!("FAIL {f}");
    }
    eprintln!("[{label}] {total} programs, {} failures", fails.len());
    assert!(
        fails.is_empty(),
        "{} failures under {label}:\n{}",
        fails.len(),
        fails.join("\n")
    );
}

/// Runs every tests/js program under each of `plans` (see
/// [`JsProgram::check_plans`]) and fails listing every failing
/// (program, plan) with its first difference from node.
pub fn run_corpus(plans: &[Plan]) {
    run_corpus_with(plans, &corpus_config());
}

/// [`run_corpus`] with a harness configuration of the caller's.
pub fn run_corpus_with(plans: &[Plan], cfg: &Config) {
    assert!(!plans.is_empty(), "no plans (JOLT_CORPUS_PLANS?)");
    let progs = programs();
    let fails = each_program(&progs, &|p| p.check_plans(plans, cfg));
    let names: Vec<String> = plans.iter().map(|p| p.name()).collect();
    report(&names.join(","), progs.len(), &fails);
}

/// Runs every tests/js program with `opts` through `jolt::run` (see
/// [`JsProgram::check_options`]); `label` names the options in reports.
pub fn run_corpus_options(label: &str, opts: Options) {
    let progs = programs();
    let fails = each_program(&progs, &|p| match p.check_options(opts.clone()) {
        Ok(()) => vec![],
        Err(e) => vec![format!("{} [{label}]: {e}", p.name)],
    });
    report(label, progs.len(), &fails);
}
