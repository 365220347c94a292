//! The harness on real programs and on itself:
//! - every tests/js program agrees under the cheap plans (the library call
//!   `jolt diff` makes), and `jolt diff` the command agrees on a few;
//! - a plan that perturbs output IS reported, with the right line;
//! - the minimizer shrinks a failing program to the lines that matter.

use jolt::verify::{self, minimize, Divergence, DivergenceKind, Plan};

mod common;
use common::corpus;

#[test]
fn tests_js_programs_do_not_diverge_under_cheap_plans() {
    let mut failures = Vec::new();
    for p in corpus::all_program_paths() {
        let src = std::fs::read_to_string(&p).unwrap();
        if let Err(d) = verify::check(&src, Plan::CHEAP) {
            failures.push(format!("{}: {d}", p.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn jolt_diff_command_reports_no_divergence() {
    let progs = corpus::all_program_paths();
    for p in progs.iter().step_by(progs.len() / 5 + 1) {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_jolt"))
            .args(["diff", "--plans", "interp,interp-gc-every-101"])
            .arg(p)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{}: {text}", p.display());
        assert!(text.contains("no divergence"), "{text}");
    }
}

const PROGRAM: &str = "print('one');\nprint('two');\nprint('three');\nprint('four');\n";

#[test]
fn perturbed_plan_is_reported_at_the_right_line() {
    let d: Divergence = verify::check(PROGRAM, &[Plan::Interp, Plan::TestPerturbLine(3)])
        .expect_err("a perturbed plan must diverge");
    assert_eq!(d.kind, DivergenceKind::Differ);
    assert_eq!((d.left, d.right), (Plan::Interp, Plan::TestPerturbLine(3)));
    let line = d.stdout.as_ref().expect("stdout differs");
    assert_eq!(line.line, 3);
    assert_eq!(line.left.as_deref(), Some("three"));
    assert_eq!(line.right.as_deref(), Some("three [perturbed]"));
    assert_eq!(d.left_end, d.right_end);
    let shown = d.to_string();
    assert!(shown.contains("first differing stdout line: 3"), "{shown}");
    // Identical plans agree, and unavailable tiers are skipped, not failed.
    assert!(verify::check(
        PROGRAM,
        &[Plan::Interp, Plan::InterpGcEvery(3), Plan::Baseline]
    )
    .is_ok());
}

#[test]
fn jolt_diff_command_exits_1_on_divergence() {
    let path = std::env::temp_dir().join(format!("jolt-verify-diff-{}.js", std::process::id()));
    std::fs::write(&path, PROGRAM).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jolt"))
        .args(["diff", "--plans", "interp,test-perturb-line-2"])
        .arg(&path)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("first differing stdout line: 2"), "{text}");
}

#[test]
fn out_of_fuel_is_compared_not_discarded() {
    let src = "print(1);\nwhile (true) {}\n";
    let rep = verify::report(
        verify::Program::Source(src),
        &[Plan::Interp, Plan::InterpGcStress],
        &verify::Config::default(),
    );
    assert!(rep.divergence.is_none());
    for (_, o, _) in &rep.runs {
        assert_eq!(o.end, verify::OutcomeEnd::OutOfFuel);
        assert_eq!(o.stdout, b"1\n");
    }
}

#[test]
fn minimizer_keeps_only_the_failing_lines() {
    let src = "let a = 1;\nprint('x');\nlet b = a + 1;\nprint(b);\nprint('y');\nprint('z');\n";
    // Perturb line 2 of the output: the minimal program prints two lines.
    let plans = [Plan::Interp, Plan::TestPerturbLine(2)];
    let first = verify::check(src, &plans).unwrap_err();
    let min = minimize::minimize_source(
        src,
        &mut |s: &str| matches!(verify::check(s, &plans), Err(d) if minimize::same_failure(&d, &first)),
    );
    assert_eq!(min.lines().count(), 2, "{min}");
}

#[test]
fn bytecode_minimizer_shrinks_and_stays_valid() {
    let p = verify::gen_bytecode::from_seed(7, 700);
    let plans = [Plan::Interp, Plan::TestPerturbLine(1)];
    let cfg = verify::fuzz::fuzz_config(verify::Schedule::default());
    let fails = |q: &jolt::bytecode::FuncProto| {
        verify::check_with(verify::Program::Bytecode(q), &plans, &cfg).is_err()
    };
    if !fails(&p) {
        return; // that program prints nothing: nothing to perturb
    }
    let min = minimize::minimize_bytecode(&p, &mut |q| fails(q));
    assert!(jolt::bytecode::verify::verify(&min).is_ok());
    assert!(fails(&min));
    let count = |q: &jolt::bytecode::FuncProto| q.code.len();
    assert!(count(&min) < count(&p), "{} -> {}", count(&p), count(&min));
}

#[test]
fn check_bytecode_runs_compiled_programs_like_source() {
    for p in corpus::all_program_paths().iter().step_by(25) {
        let src = std::fs::read_to_string(p).unwrap();
        let Ok(proto) = jolt::compile_source(&src, "input.js") else {
            continue;
        };
        verify::check_bytecode(&proto, Plan::CHEAP)
            .unwrap_or_else(|d| panic!("{}: {d}", p.display()));
        // The bytecode path and the source path see the same outcome.
        let cfg = verify::Config::default();
        let (a, _) = verify::on_big_stack(|| {
            verify::run_plan(verify::Program::Bytecode(&proto), Plan::Interp, &cfg)
        })
        .unwrap();
        let (b, _) = verify::on_big_stack(|| {
            verify::run_plan(verify::Program::Source(&src), Plan::Interp, &cfg)
        })
        .unwrap();
        assert_eq!(a, b, "{}", p.display());
    }
}

#[test]
fn plan_names_round_trip() {
    let mut all = Plan::DEFAULT.to_vec();
    all.push(Plan::TestPerturbLine(4));
    for p in all {
        assert_eq!(Plan::from_name(&p.name()), Some(p));
    }
    assert_eq!(Plan::from_name("interp-gc-every-0"), None);
    assert!(Plan::Baseline.available() && Plan::AutoRandom.available());
}

/// `jolt diff` over many files: a line per file, a summary, exit 1 iff
/// something diverged, and JSON / JUnit reports that say the same (the
/// JUnit file is parsed as XML by python3 when it is installed).
#[test]
fn jolt_diff_many_files_writes_ci_reports() {
    let dir = std::env::temp_dir().join(format!("jolt-diff-many-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("a.js"), "print(1 + 1);\n").unwrap();
    std::fs::write(dir.join("sub/b.js"), "print('<&\"x\">');\n").unwrap();
    std::fs::write(dir.join("sub/empty.js"), "let x = 1;\n").unwrap();
    let json = dir.join("r.json");
    let junit = dir.join("r.xml");
    let run = |plans: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_jolt"))
            .args(["diff", "--jobs", "2", "--plans", plans, "--report-json"])
            .arg(&json)
            .arg("--report-junit")
            .arg(&junit)
            .arg(&dir)
            .output()
            .unwrap()
    };
    // Agreeing plans: exit 0, three files, every pair passes.
    let out = run("interp,interp-gc-every-7,baseline");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("ok ")).count(),
        3,
        "{stdout}"
    );
    assert!(
        stdout.contains("3 files, 6 comparisons, 3 passed, 0 failed"),
        "{stdout}"
    );
    let j = std::fs::read_to_string(&json).unwrap();
    assert!(j.starts_with("{\"files\": 3, \"failed\": 0,"), "{j}");
    // A plan that changes line 1 of the output diverges on the two files
    // that print, not on the silent one.
    let out = run("interp,test-perturb-line-1");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert_eq!(
        stdout
            .lines()
            .filter(|l| l.starts_with("DIVERGED "))
            .count(),
        2,
        "{stdout}"
    );
    assert!(
        stdout.contains("3 files, 3 comparisons, 1 passed, 2 failed"),
        "{stdout}"
    );
    let j = std::fs::read_to_string(&json).unwrap();
    assert!(j.starts_with("{\"files\": 3, \"failed\": 2,"), "{j}");
    let x = std::fs::read_to_string(&junit).unwrap();
    assert!(
        x.contains("<testsuites name=\"jolt diff\" tests=\"3\" failures=\"2\" errors=\"0\">"),
        "{x}"
    );
    assert_eq!(x.matches("<failure ").count(), 2, "{x}");
    assert!(x.contains("name=\"interp~test-perturb-line-1\""), "{x}");
    assert!(
        x.contains("expected &quot;&lt;&amp;\\&quot;x\\&quot;&gt;&quot;, got"),
        "special characters escaped: {x}"
    );
    let parsed = std::process::Command::new("python3")
        .args(["-c", "import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); assert r.tag == 'testsuites'; print(sum(1 for _ in r.iter('testcase')), sum(1 for _ in r.iter('failure')))"])
        .arg(&junit)
        .output();
    if let Ok(p) = parsed {
        assert!(p.status.success(), "{}", String::from_utf8_lossy(&p.stderr));
        assert_eq!(String::from_utf8_lossy(&p.stdout).trim(), "3 2");
    }
    // An unreadable input is a failure, never a pass.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jolt"))
        .args(["diff", "--plans", "interp", "--report-junit"])
        .arg(&junit)
        .arg(dir.join("missing.js"))
        .arg(dir.join("a.js"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(std::fs::read_to_string(&junit)
        .unwrap()
        .contains("errors=\"1\""));
    let _ = std::fs::remove_dir_all(&dir);
}
