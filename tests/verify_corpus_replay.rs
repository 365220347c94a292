//! Replays every seed and regression input under corpus/ on stable Rust:
//! - corpus/bytecode_diff/*.bc, corpus/gc_stress/*.bc: bytecode text form,
//!   checked with `verify::check_with` under every corpus plan (the
//!   tests/js plans of tests/common/corpus.rs);
//! - corpus/source_diff/*.js, corpus/gc_stress/*.js: source programs, same;
//! - corpus/parse/*: through `front::check_parse_no_panic`.
//!
//! (corpus/asm_roundtrip has its own replay in tests/asm_corpus.rs.)
//! `JOLT_CORPUS_PLANS=a,b` runs a subset of the plans.
//! A file whose first lines mark it `BUG (open)` records a known, not yet
//! fixed bug: it is listed, not run, so the suite stays green; remove the
//! marker once the bug is fixed and the file becomes a regression test.
//! A `schedule seed N` comment sets the schedule the input was found with.
//! When node is on PATH, source files are also compared with node (the
//! oracle) unless they run out of fuel: node-found bugs stay tests too.

use jolt::bytecode::text;
use jolt::verify::{self, fuzz, Config, Program, Schedule};
use std::path::{Path, PathBuf};

mod common;
use common::corpus::corpus_plans as plans;

fn files(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(target);
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    v.sort();
    v
}

fn node_available() -> bool {
    static NODE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *NODE.get_or_init(|| {
        std::process::Command::new("node")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

fn is_open_bug(text: &str) -> bool {
    text.lines().take(4).any(|l| l.contains("BUG (open)"))
}

fn schedule_of(text: &str) -> Schedule {
    text.lines()
        .find_map(|l| l.split("schedule seed ").nth(1))
        .and_then(|n| n.trim().parse().ok())
        .map(Schedule::from_seed)
        .unwrap_or_default()
}

/// Replays one differential corpus directory; returns (files run, open bugs).
fn replay(target: &str) -> (usize, usize) {
    let mut failures = Vec::new();
    let (mut run, mut open) = (0, 0);
    for f in files(target) {
        let ext = f.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext != "js" && ext != "bc" {
            continue;
        }
        let src = std::fs::read_to_string(&f).unwrap();
        if is_open_bug(&src) {
            eprintln!("open bug (not run): {}", f.display());
            open += 1;
            continue;
        }
        let cfg = Config {
            schedule: schedule_of(&src),
            ..fuzz::fuzz_config(Schedule::default())
        };
        let r = if ext == "bc" {
            let p = text::parse(&src).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            verify::check_with(Program::Bytecode(&p), &plans(), &cfg)
        } else {
            let rep = verify::report(Program::Source(&src), &plans(), &cfg);
            match rep.divergence.clone() {
                Some(d) => Err(d),
                None if node_available() => match fuzz::node_divergence(&src, &rep) {
                    Some(d) => Err(d),
                    None => Ok(()),
                },
                None => Ok(()),
            }
        };
        run += 1;
        if let Err(d) = r {
            failures.push(format!("{}:\n{d}", f.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    (run, open)
}

#[test]
fn replay_bytecode_diff_corpus() {
    let (run, _) = replay("bytecode_diff");
    assert!(run >= 10, "only {run} bytecode seeds");
}

#[test]
fn replay_source_diff_corpus() {
    let (run, _) = replay("source_diff");
    assert!(run >= 10, "only {run} source seeds");
}

#[test]
fn replay_gc_stress_corpus() {
    let (run, _) = replay("gc_stress");
    assert!(run >= 4, "only {run} gc_stress seeds");
}

#[test]
fn replay_parse_corpus() {
    let fs = files("parse");
    for f in &fs {
        jolt::front::check_parse_no_panic(&std::fs::read(f).unwrap());
    }
    assert!(fs.len() >= 5, "only {} parse seeds", fs.len());
}
