//! The per-run work budget (`runtime::work`): work inside natives and the
//! runtime is bounded, an input that spends the budget is a slow-input
//! finding (never compared), and a deadline stops a run and marks its
//! report as cut short.

use jolt::verify::{fuzz, report, Config, DivergenceKind, OutcomeEnd, Plan, Program, Schedule};
use std::time::{Duration, Instant};

/// Few instructions, much runtime work: every spread doubles the array,
/// then every `indexOf` walks all of its 2^18 elements.
const SELF_SPREAD: &str = "const a = [1, 2];\nfor (let i = 0; i < 17; i++) a.push(...a);\nlet r = 0;\nfor (let j = 0; j < 5000; j++) r += a.indexOf(-1);\nprint(a.length, r);\n";

#[test]
fn self_spread_is_a_slow_input_under_the_fuzz_budget() {
    let plans = fuzz::Target::Source.plans();
    let t = Instant::now();
    let rep = report(
        Program::Source(SELF_SPREAD),
        plans,
        &fuzz::fuzz_config(Schedule::from_seed(3)),
    );
    // The first plan stops at the budget; the others are not run.
    let (plan, site) = rep.slow.clone().expect("a slow input");
    assert_eq!(plan, plans[0]);
    assert_eq!(site, "element");
    assert_eq!(rep.runs.len(), 1);
    assert!(rep.divergence.is_none(), "slow inputs are never compared");
    let f = rep.finding().expect("the slow input as a finding");
    assert_eq!(f.kind, DivergenceKind::Slow);
    assert!(matches!(f.left_end, OutcomeEnd::SlowInput(_)));
    assert!(
        f.summary().starts_with("slow input under interp"),
        "{}",
        f.summary()
    );
    // A few tenths of a second of work, even in an unoptimized build.
    assert!(t.elapsed() < Duration::from_secs(20), "{:?}", t.elapsed());
}

#[test]
fn the_same_program_within_the_budget_runs_every_plan() {
    // The budget is the harness's: fewer iterations end normally, with the
    // same outcome in every plan.
    let src = SELF_SPREAD
        .replace("i < 17", "i < 10")
        .replace("j < 5000", "j < 3");
    let rep = report(
        Program::Source(&src),
        fuzz::Target::Source.plans(),
        &fuzz::fuzz_config(Schedule::from_seed(3)),
    );
    assert!(rep.slow.is_none() && rep.divergence.is_none(), "{rep:?}");
    assert_eq!(rep.runs[0].1.stdout, b"2048 -3\n");
    assert_eq!(rep.runs.len(), fuzz::Target::Source.plans().len());
}

#[test]
fn a_sort_with_a_comparator_is_charged_per_comparison() {
    // Sorting a 100k-element array about 40 times: few instructions in the
    // program, millions of comparisons in the runtime.
    let src = "const a = [];\nfor (let i = 0; i < 100000; i++) a.push(i % 7);\nfor (let j = 0; j < 40; j++) a.sort((x, y) => 0);\nprint(a.length);\n";
    let cfg = Config {
        fuel: 10_000_000,
        ..fuzz::fuzz_config(Schedule::default())
    };
    let rep = report(Program::Source(src), &[Plan::Interp], &cfg);
    let (_, site) = rep.slow.expect("a slow input");
    assert!(
        ["sort", "element", "alloc"].contains(&site.as_str()),
        "{site}"
    );
}

#[test]
fn for_in_over_a_growing_prototype_chain_is_charged_per_object() {
    // Found by `jolt fuzz --target bytecode --seed 1` (an input that took
    // 10 s): each iteration puts one more empty object on the chain and
    // enumerates all of it, so 10,000 iterations (the fuzz fuel) are 5e7
    // objects visited by for-in, which the budget did not count.
    let src = "let o = {};\nfor (let i = 0; i < 9000; i++) {\n  o = Object.setPrototypeOf({}, o);\n  for (const k in o) print(k);\n}\nprint('done');\n";
    let t = Instant::now();
    let rep = report(
        Program::Source(src),
        &[Plan::Interp],
        &fuzz::fuzz_config(Schedule::default()),
    );
    let (_, site) = rep.slow.expect("a slow input");
    assert_eq!(site, "for-in");
    assert!(t.elapsed() < Duration::from_secs(20), "{:?}", t.elapsed());
    // A short chain is within the budget and ends normally.
    let short = src.replace("i < 9000", "i < 100");
    let rep = report(
        Program::Source(&short),
        &[Plan::Interp, Plan::Baseline],
        &fuzz::fuzz_config(Schedule::default()),
    );
    assert!(rep.slow.is_none() && rep.divergence.is_none(), "{rep:?}");
    assert_eq!(rep.runs[0].1.stdout, b"done\n");
}

#[test]
fn a_passed_deadline_cuts_the_report_short() {
    let cfg = Config {
        deadline: Some(Instant::now()),
        ..fuzz::fuzz_config(Schedule::default())
    };
    let rep = report(
        Program::Source(SELF_SPREAD),
        &[Plan::Interp, Plan::Baseline],
        &cfg,
    );
    assert!(rep.deadline);
    assert!(rep.divergence.is_none() && rep.finding().is_none());
}

#[test]
fn a_deadline_stops_a_run_inside_the_runtime() {
    // No budget, but a deadline 300 ms away: the run stops in the spread.
    let cfg = Config {
        work_budget: None,
        deadline: Some(Instant::now() + Duration::from_millis(300)),
        ..fuzz::fuzz_config(Schedule::default())
    };
    let src = SELF_SPREAD;
    let t = Instant::now();
    let rep = report(Program::Source(src), &[Plan::Interp], &cfg);
    assert!(rep.deadline, "{rep:?}");
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
}
