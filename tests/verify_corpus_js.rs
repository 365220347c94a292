//! Every tests/js program, compared with what node printed for it
//! (tests/js/NAME.expected and NAME.outcome, made by ci/gen-expected):
//! - under every corpus plan (`Plan::DEFAULT` and the test-only extras of
//!   tests/common/corpus.rs), through the harness, which also compares the
//!   plans with one another; a plan added to `Plan::DEFAULT` runs here too;
//! - as the `jolt` command runs it, for what a plan cannot express: the
//!   builtins created under `--gc-stress`, and JIT code without the
//!   checked ABI mode (what users run; every plan turns the checks on).
//!
//! `JOLT_JS_FILTER=substr` runs a subset of the programs and
//! `JOLT_CORPUS_PLANS=interp,baseline` a subset of the plans.

mod common;

use common::corpus::{corpus_plans, run_corpus, run_corpus_options};
use jolt::runtime::Options;
use jolt::tier::Tier;

#[test]
fn every_program_under_every_corpus_plan() {
    run_corpus(&corpus_plans());
}

/// The builtins are created under `--gc-stress --verify-heap` too (the
/// harness's plans create them without forced collections).
#[test]
fn every_program_with_builtins_under_gc_stress() {
    run_corpus_options(
        "interp --gc-stress --verify-heap",
        Options {
            gc_stress: true,
            verify_heap: true,
            ..Options::default()
        },
    );
}

/// Baseline code as users run it: alignment checks trap, no canaries.
#[test]
fn every_program_in_baseline_code_without_abi_checks() {
    run_corpus_options(
        "baseline",
        Options {
            tier: Tier::Baseline,
            ..Options::default()
        },
    );
}

#[test]
fn every_program_auto_tiered_without_abi_checks() {
    run_corpus_options(
        "auto --jit-threshold=1",
        Options {
            tier: Tier::Auto,
            jit_threshold: 1,
            ..Options::default()
        },
    );
}

/// The committed expectations are what node prints today.
#[test]
fn expectations_match_node() {
    if !common::node_available("expectations_match_node") {
        return;
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
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

/// The runner fails, naming program, plan and line, when a plan's output
/// differs from node's: the corpus tests above cannot pass vacuously.
#[test]
fn a_perturbed_plan_fails_the_corpus_run() {
    use jolt::verify::Plan;
    let prog = common::corpus::programs()
        .into_iter()
        .find(|p| {
            p.expected
                .as_ref()
                .is_ok_and(|e| e.split(|&b| b == b'\n').count() > 3)
        })
        .expect("a program printing three lines");
    let cfg = common::corpus::corpus_config();
    assert!(prog.check_plans(&[Plan::Interp], &cfg).is_empty());
    let fails = prog.check_plans(&[Plan::Interp, Plan::TestPerturbLine(2)], &cfg);
    assert_eq!(fails.len(), 1, "{fails:?}");
    let want = format!(
        "{} [test-perturb-line-2]: stdout line 2: expected ",
        prog.name
    );
    assert!(fails[0].starts_with(&want), "{}", fails[0]);
    assert!(fails[0].ends_with(" [perturbed]\""), "{}", fails[0]);
}
