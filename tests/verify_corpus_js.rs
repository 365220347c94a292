//! Runs every tests/js program and compares stdout and outcome with what
//! node printed (tests/js/NAME.expected and NAME.outcome, made by
//! ci/gen-expected). `JOLT_JS_FILTER=substr` runs a subset.

use jolt::runtime::Options;
use jolt::End;
use std::path::{Path, PathBuf};

fn programs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js");
    let filter = std::env::var("JOLT_JS_FILTER").unwrap_or_default();
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/js exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "js"))
        .filter(|p| p.to_string_lossy().contains(&filter))
        .collect();
    v.sort();
    v
}

/// The outcome line in the corpus format: `ok` or `error <node's line>`.
fn outcome_line(end: &End) -> String {
    match end {
        End::Normal => "ok".into(),
        End::Uncaught { line, .. } => format!("error {line}"),
        End::SyntaxError(s) => format!("syntax {}", s.lines().last().unwrap_or("")),
        End::OutOfFuel => "out of fuel".into(),
        End::OutOfMemory => "out of memory".into(),
        End::AbiViolation(r) => format!("ABI violation: {r}"),
    }
}

/// Runs one program; `Err` describes the first difference.
pub fn check_program(path: &Path, opts: Options) -> Result<(), String> {
    let source = std::fs::read_to_string(path).unwrap();
    let expected =
        std::fs::read(path.with_extension("expected")).map_err(|e| format!("no .expected: {e}"))?;
    let outcome = std::fs::read_to_string(path.with_extension("outcome"))
        .map_err(|e| format!("no .outcome: {e}"))?;
    let name = path.to_string_lossy().to_string();
    // Big stack: natives that call JS nest on the Rust stack.
    let out = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || jolt::run(&source, &name, opts, false))
        .unwrap()
        .join()
        .map_err(|_| "engine panicked".to_string())?;
    let got = outcome_line(&out.end);
    if got != outcome.trim_end() {
        return Err(format!(
            "outcome: expected `{}`, got `{got}`",
            outcome.trim_end()
        ));
    }
    if out.stdout != expected {
        let (e, g) = (
            String::from_utf8_lossy(&expected),
            String::from_utf8_lossy(&out.stdout),
        );
        let line = e
            .lines()
            .zip(g.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(e.lines().count().min(g.lines().count()));
        return Err(format!(
            "stdout differs at line {}:\n  expected: {:?}\n  got:      {:?}",
            line + 1,
            e.lines().nth(line).unwrap_or("<end>"),
            g.lines().nth(line).unwrap_or("<end>")
        ));
    }
    Ok(())
}

fn run_corpus(opts: Options, label: &str) {
    let progs = programs();
    assert!(
        !progs.is_empty() || std::env::var("JOLT_JS_FILTER").is_ok(),
        "no programs found"
    );
    let mut failures = Vec::new();
    for p in &progs {
        if let Err(e) = check_program(p, opts.clone()) {
            failures.push(format!("{}: {e}", p.file_name().unwrap().to_string_lossy()));
        }
    }
    for f in &failures {
        eprintln!("FAIL [{label}] {f}");
    }
    eprintln!(
        "[{label}] {} of {} programs pass",
        progs.len() - failures.len(),
        progs.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} programs failed under {label}",
        failures.len(),
        progs.len()
    );
}

#[test]
fn corpus_interpreter() {
    run_corpus(Options::default(), "interp");
}

#[test]
fn corpus_interpreter_gc_stress() {
    run_corpus(
        Options {
            gc_stress: true,
            verify_heap: true,
            ..Options::default()
        },
        "interp --gc-stress --verify-heap",
    );
}

/// The committed expectations are what node prints today.
#[test]
fn expectations_match_node() {
    if std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("SKIPPED expectations_match_node: node is not on PATH");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let st = std::process::Command::new(root.join("ci/gen-expected"))
        .arg("--check")
        .current_dir(root)
        .status()
        .expect("run ci/gen-expected");
    assert!(
        st.success(),
        "tests/js expectations differ from node: run ci/gen-expected"
    );
}

#[test]
fn corpus_baseline() {
    run_corpus(
        Options {
            tier: jolt::tier::Tier::Baseline,
            ..Options::default()
        },
        "baseline",
    );
}

/// The whole suite in the checked ABI mode: canaries in rbx, rbp, r12-r15
/// around every entry into baseline code, and every CALL's alignment check
/// reporting instead of trapping; a violation fails the program.
#[test]
fn corpus_baseline_abi_checked() {
    run_corpus(
        Options {
            tier: jolt::tier::Tier::Baseline,
            abi_check: true,
            ..Options::default()
        },
        "baseline --abi-check",
    );
}

#[test]
fn corpus_auto_threshold_1() {
    run_corpus(
        Options {
            tier: jolt::tier::Tier::Auto,
            jit_threshold: 1,
            ..Options::default()
        },
        "auto --jit-threshold=1",
    );
}

#[test]
fn corpus_baseline_gc_stress() {
    run_corpus(
        Options {
            tier: jolt::tier::Tier::Baseline,
            gc_stress: true,
            verify_heap: true,
            ..Options::default()
        },
        "baseline --gc-stress --verify-heap",
    );
}
