//! The `proptest` feature's strategies (`jolt::verify::strategies`): the
//! README's downstream example runs as written, and failing inputs shrink
//! structurally (statements, functions, instructions removed; literals
//! simplified) to small programs that still fail.

use jolt::bytecode::{FuncProto, Insn};
use jolt::verify::strategies::{self, bytecode_function, plan, program, schedule};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};

// The README's example, verbatim (readme_example_is_this_file's checks it).
use jolt::verify::strategies::{check, program as readme_program};
proptest::proptest! {
    #[test]
    fn every_plan_agrees(p in readme_program()) { check(&p)?; }
}

#[test]
fn readme_example_is_this_files() {
    let readme = include_str!("../README.md");
    let this = include_str!("verify_strategies.rs");
    let start = readme
        .find("use jolt::verify::strategies::")
        .expect("README example");
    let block = &readme[start..readme[start..].find("```").unwrap() + start];
    let lines: Vec<&str> = block.lines().collect();
    assert_eq!(lines.len(), 5, "a five-line example:\n{block}");
    for l in &lines[1..] {
        let l = l.replace("program()", "readme_program()");
        assert!(this.contains(&l), "README line not in the test: {l}");
    }
}

/// Runs `test` until it fails and returns the shrunk failing value.
fn shrunk<S: Strategy>(s: S, test: impl Fn(&S::Value) -> bool) -> (S::Value, S::Value)
where
    S::Value: Clone + std::fmt::Debug,
{
    // A fixed seed: shrinking can stop in a local minimum for some
    // programs, so a random seed made the size assertions flaky (one
    // failure in a full `cargo test` run, none in six runs alone).
    let mut runner = TestRunner::new(Config {
        cases: 500,
        failure_persistence: None,
        max_shrink_iters: 100_000,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x5eed),
        ..Config::default()
    });
    // The first failing value, before shrinking.
    let original = std::cell::RefCell::new(None);
    let r = runner.run(&s, |v| {
        if test(&v) {
            original.borrow_mut().get_or_insert(v.clone());
            Err(TestCaseError::fail("has it"))
        } else {
            Ok(())
        }
    });
    match r {
        Err(TestError::Fail(_, v)) => (original.into_inner().unwrap(), v),
        other => panic!("no failing input found: {other:?}"),
    }
}

#[test]
fn source_shrinks_to_the_statement_that_fails() {
    // "Fails" when the program has a `for` loop and a string literal.
    let fails = |p: &strategies::JsProgram| {
        let s = p.source();
        s.contains("for (") && (s.contains('"') || s.contains('\''))
    };
    let (orig, min) = shrunk(program(), fails);
    eprintln!("{} lines shrunk to:\n{min}", orig.lines().len());
    assert!(fails(&min));
    let n = min.lines().iter().filter(|l| !l.trim().is_empty()).count();
    assert!(
        n <= 6 && n < orig.lines().len(),
        "{} lines -> {n}:\n{min}",
        orig.lines().len()
    );
    // Every number literal that can be 0 is.
    assert!(
        !min.source().contains(|c: char| ('1'..='9').contains(&c))
            || min.source().contains("for ("),
        "{min}"
    );
    // It still compiles (every shrink step does).
    jolt::compile_source(&min.source(), "min.js").unwrap();
}

#[test]
fn source_literals_shrink_to_zero_and_empty() {
    // Fails whenever a program prints anything: the minimum is one print
    // with its arguments simplified.
    let fails = |p: &strategies::JsProgram| p.source().contains("print(");
    let (_, min) = shrunk(program(), fails);
    eprintln!("shrunk to:\n{min}");
    let src = min.source();
    assert!(src.lines().count() <= 3, "{src}");
    for l in min.lines() {
        for w in l.split(|c: char| !c.is_ascii_alphanumeric() && c != '.') {
            if w.starts_with(|c: char| c.is_ascii_digit()) {
                assert_eq!(w, "0", "an unsimplified literal in {src}");
            }
        }
    }
}

fn count(p: &FuncProto, f: &impl Fn(&Insn) -> bool) -> usize {
    p.code.iter().filter(|i| f(i)).count() + p.children.iter().map(|c| count(c, f)).sum::<usize>()
}

#[test]
fn bytecode_shrinks_by_instructions() {
    let is_mul = |i: &Insn| matches!(i, Insn::Mul { .. });
    let fails = |f: &strategies::BytecodeFunction| count(&f.0, &is_mul) > 0;
    let (orig, min) = shrunk(bytecode_function(), fails);
    eprintln!("shrunk to: {min:?}");
    let all = |f: &strategies::BytecodeFunction| count(&f.0, &|_| true);
    assert!(fails(&min));
    assert!(
        all(&min) < all(&orig) / 2,
        "{} -> {}: {min:?}",
        all(&orig),
        all(&min)
    );
    jolt::bytecode::verify::verify(&min.0).unwrap();
    // Immediates that can be 0 are.
    let nonzero = |i: &Insn| matches!(i, Insn::LdInt { imm, .. } if *imm != 0);
    assert_eq!(count(&min.0, &nonzero), 0, "{min:?}");
}

#[test]
fn schedules_and_plans_shrink_to_the_defaults() {
    let (_, s) = shrunk(schedule(), |_| true);
    assert_eq!(s.seed, 0);
    let (_, p) = shrunk(plan(), |_| true);
    assert_eq!(p, strategies::plans()[0]);
    let mut runner = TestRunner::deterministic();
    let t = program().new_tree(&mut runner).unwrap();
    jolt::compile_source(&t.current().source(), "g.js").unwrap();
}
