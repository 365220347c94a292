//! Tier 2's loop passes as a user sees them: `bce` and `scev` transform
//! the loops they are for (`--print-ir=PASS` shows it), leave alone the
//! ones they must not, and a closed-form loop spends exactly the fuel the
//! loop would, so runs that end out of fuel end at the same point in every
//! plan.

use jolt::verify::{report, Config, OutcomeEnd, Plan, Program};
use std::process::Command;

/// `jolt` with tier-up thresholds low enough for small programs, printing
/// the IR after `pass`: (stdout, stderr).
fn run_print_ir(pass: &str, src: &str) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_jolt"))
        .args([
            "--jit-threshold=2",
            "--opt-threshold=5",
            &format!("--print-ir={pass}"),
            "-e",
            src,
        ])
        .output()
        .expect("jolt runs");
    assert!(out.status.success(), "{out:?}");
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn bce_removes_the_bounds_checks_of_a_counted_loop_only() {
    let src = "function sum(a) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]; return s; }\n\
               function grow(a) { let s = 0; for (let i = 0; i < a.length && i < 9; i++) { s += a[i]; a.push(1); } return s; }\n\
               const a = [1.5, 2, 3];\n\
               for (let k = 0; k < 30; k++) { sum(a); grow([1, 2]); }\n\
               print(sum(a), sum([]), grow([4]));\n";
    let (out, ir) = run_print_ir("bce", src);
    assert_eq!(out, "6.5 0 12\n");
    let func = |name: &str| -> String {
        let at = ir
            .find(&format!("function {name:?}"))
            .unwrap_or_else(|| panic!("{name} optimized:\n{ir}"));
        ir[at..].split("--- IR").next().unwrap().to_string()
    };
    let sum = func("sum");
    assert!(sum.contains("LoadElemInBounds"), "{sum}");
    assert!(sum.contains("DenseLengthOk"), "{sum}");
    assert!(!sum.contains("= LoadElem "), "{sum}");
    // `push` (a call) may change the length: every access stays checked.
    let grow = func("grow");
    assert!(grow.contains("LoadElem "), "{grow}");
    assert!(!grow.contains("InBounds"), "{grow}");
}

const CLOSED: &str = "function f(n, x) { let s = 0; let t = 5; for (let i = 0; i < n; i++) { s += i; t += x; } return s + t; }\n\
                      for (let k = 0; k < 30; k++) print(k, f(100 + k * 37, k - 3));\n\
                      print(f(70000, 1), f(3000, 2147483647));\n";

#[test]
fn scev_replaces_an_induction_loop_by_its_closed_form() {
    let (out, ir) = run_print_ir("scev", CLOSED);
    assert!(out.ends_with("2450035005 6442455439505\n"), "{out}");
    assert!(ir.contains("AffineSumI32(true)"), "{ir}");
    assert!(ir.contains("AffineSumI32(false)"), "{ir}");
    assert!(ir.contains("TakeFuel"), "{ir}");
}

#[test]
fn closed_form_loops_run_out_of_fuel_where_the_interpreter_does() {
    let plans = &[
        Plan::Interp,
        Plan::AutoOpt(2),
        Plan::DeoptStress,
        Plan::Auto3Random,
    ];
    let mut out_of_fuel = 0;
    // Fuel values that run out inside one of the loops, between them, and
    // not at all.
    for fuel in (40..=48_000).step_by(1499).chain([u64::MAX]) {
        let cfg = Config {
            fuel,
            ..Config::default()
        };
        let rep = report(Program::Source(CLOSED), plans, &cfg);
        if let Some(d) = &rep.divergence {
            panic!("fuel {fuel}: {d}");
        }
        if rep
            .runs
            .iter()
            .all(|(_, o, _)| matches!(o.end, OutcomeEnd::OutOfFuel))
        {
            out_of_fuel += 1;
        }
    }
    assert!(out_of_fuel > 20, "{out_of_fuel} runs out of fuel");
}

/// A loop whose body is an inlined method call: the call's unit of fuel
/// and the back edge's become two steps on the loop's register budget.
const INLINED_CALL_LOOP: &str = "class A { constructor() { this.t = 0; this.c = 0; } add(x) { this.t += x; this.c++; return this.t; } }\n\
                                 function run(n) { const a = new A(); let last = 0; for (let i = 0; i < n; i++) last = a.add(i & 7); return last + a.c; }\n\
                                 for (let k = 0; k < 30; k++) print(k, run(300 + k * 41));\n";

#[test]
fn an_inlined_calls_fuel_is_a_step_on_the_loops_budget() {
    let (out, ir) = run_print_ir("fuel", INLINED_CALL_LOOP);
    assert!(out.ends_with("29 6697\n"), "{out}");
    // In `run`'s loop: the call's step, then the back edge's.
    let run = ir.rsplit("function \"run\"").next().unwrap();
    let run = run.split("function \"").next().unwrap();
    assert!(run.matches("FuelStep").count() >= 2, "{run}");
    assert!(!run.contains(" Fuel "), "{run}");
}

#[test]
fn loops_with_an_inlined_call_run_out_of_fuel_where_the_interpreter_does() {
    let plans = &[
        Plan::Interp,
        Plan::AutoOpt(2),
        Plan::DeoptStress,
        Plan::Auto3Random,
    ];
    let mut out_of_fuel = 0;
    for fuel in (40..=30_000).step_by(997).chain([u64::MAX]) {
        let cfg = Config {
            fuel,
            ..Config::default()
        };
        let rep = report(Program::Source(INLINED_CALL_LOOP), plans, &cfg);
        if let Some(d) = &rep.divergence {
            panic!("fuel {fuel}: {d}");
        }
        if rep
            .runs
            .iter()
            .all(|(_, o, _)| matches!(o.end, OutcomeEnd::OutOfFuel))
        {
            out_of_fuel += 1;
        }
    }
    assert!(out_of_fuel > 20, "{out_of_fuel} runs out of fuel");
}
