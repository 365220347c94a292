//! The official test suite as a test: runs `ci/test262` (plans m1 and m2,
//! the interpreter tier) against the checkout in `TEST262_DIR` and fails on
//! any failure missing from `ci/test262-expected.txt` (m1) or
//! `ci/test262-expected-m2.txt` (m2). Without `TEST262_DIR`
//! (or without python3) it prints a note and passes: `cargo test` needs
//! no network. docs/test262.md says how to get the pinned checkout.

use std::path::Path;
use std::process::Command;

#[test]
fn test262_m1_has_no_new_failures() {
    run_plan("m1");
}

#[test]
fn test262_m2_has_no_new_failures() {
    run_plan("m2");
}

fn run_plan(plan: &str) {
    let Some(dir) = std::env::var_os("TEST262_DIR") else {
        eprintln!(
            "test262: skipped (set TEST262_DIR to a tc39/test262 checkout; see docs/test262.md)"
        );
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let jobs = std::env::var("TEST262_JOBS").unwrap_or_else(|_| "2".into());
    let out = match Command::new("python3")
        .arg(root.join("ci/test262"))
        .arg("--test262")
        .arg(&dir)
        .args([
            "--jolt",
            env!("CARGO_BIN_EXE_jolt"),
            "-j",
            &jobs,
            "-q",
            "--plan",
            plan,
            "--tier=interp",
        ])
        .output()
    {
        Ok(o) => o,
        Err(e) => {
            eprintln!("test262: skipped (cannot run python3: {e})");
            return;
        }
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    eprintln!("{}", stdout.lines().last().unwrap_or(""));
    assert!(
        out.status.success(),
        "ci/test262 --plan {plan} found failures not in its expected list:\n{}{}",
        stdout
            .lines()
            .filter(|l| l.contains("(NEW)") || l.starts_with("test262:"))
            .collect::<Vec<_>>()
            .join("\n"),
        String::from_utf8_lossy(&out.stderr)
    );
}
