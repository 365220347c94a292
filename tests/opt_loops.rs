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

/// Runs `src` under plans with tier 2 (against the interpreter) at each
/// fuel, panicking on a divergence: how many runs ran out of fuel.
fn out_of_fuel_runs(src: &str, fuels: impl Iterator<Item = u64>) -> usize {
    let plans = &[
        Plan::Interp,
        Plan::AutoOpt(2),
        Plan::DeoptStress,
        Plan::Auto3Random,
    ];
    let mut out_of_fuel = 0;
    for fuel in fuels.chain([u64::MAX]) {
        let cfg = Config {
            fuel,
            ..Config::default()
        };
        let rep = report(Program::Source(src), plans, &cfg);
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
    out_of_fuel
}

#[test]
fn closed_form_loops_run_out_of_fuel_where_the_interpreter_does() {
    // Fuel values that run out inside one of the loops, between them, and
    // not at all.
    let n = out_of_fuel_runs(CLOSED, (40..=48_000).step_by(1499));
    assert!(n > 20, "{n} runs out of fuel");
}

/// `jolt` with low thresholds and `--simd=MODE` (plus `extra`): stdout, stderr.
fn run_simd(mode: &str, extra: &[&str], src: &str) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_jolt"))
        .args(["--jit-threshold=2", "--opt-threshold=5"])
        .arg(format!("--simd={mode}"))
        .args(extra)
        .args(["-e", src])
        .output()
        .expect("jolt runs");
    assert!(out.status.success(), "{out:?}");
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

// (The rest parameter keeps `axpy` from being inlined: bce, and so
// vectorize, leave inlined callees' loops alone.)
const VECTOR: &str = "function axpy(c, a, b, k, n, ...unused) { for (let i = 0; i < n; i++) c[i] = a[i] * k + b[i]; }\n\
                      function addw(c, a, b, n, ...unused) { for (let i = 0; i < n; i++) c[i] = (a[i] - b[i] + 5) | 0; }\n\
                      function mulw(c, a, b, n, ...unused) { for (let i = 0; i < n; i++) c[i] = (a[i] * b[i]) | 0; }\n\
                      function dot(a, b, n, ...unused) { let s = 0; for (let i = 0; i < n; i++) s += a[i] * b[i]; return s; }\n\
                      for (let n = 0; n < 40; n++) {\n\
                        const a = new Float64Array(n), b = new Float64Array(n), c = new Float64Array(n);\n\
                        for (let i = 0; i < n; i++) { a[i] = i % 3 === 0 ? -0 : i / 7; b[i] = i % 5 === 2 ? NaN : n - i; }\n\
                        axpy(c, a, b, n - 19.5, n);\n\
                        let h = '';\n\
                        for (let i = 0; i < n; i++) h += (Object.is(c[i], -0) ? '-0' : c[i]) + ',';\n\
                        const p = new Int32Array(n), q = new Int32Array(n), r = new Int32Array(n), t = new Int32Array(n);\n\
                        for (let i = 0; i < n; i++) { p[i] = 2147483000 + i * 99; q[i] = -2147483000 - i * 12345; }\n\
                        addw(r, p, q, n); mulw(t, p, q, n);\n\
                        for (let i = 0; i < n; i++) h += r[i] + ':' + t[i] + ',';\n\
                        print(n, h, dot(a, a, n));\n\
                      }\n";

#[test]
fn vectorize_makes_vector_loops_of_element_wise_kernels_only() {
    let (scalar, _) = run_simd("off", &["--print-ir=vectorize"], VECTOR);
    let (sse2, ir2) = run_simd("sse2", &["--print-ir=vectorize"], VECTOR);
    let (avx2, ir4) = run_simd("avx2", &["--print-code"], VECTOR);
    // Bit-identical results (NaN, -0, every remainder length 0..3).
    assert_eq!(scalar.lines().count(), 40, "{scalar}");
    assert_eq!(sse2, scalar);
    assert_eq!(avx2, scalar);
    let func = |ir: &str, name: &str| -> String {
        let at = ir
            .find(&format!("function {name:?}"))
            .unwrap_or_else(|| panic!("{name} optimized:\n{ir}"));
        ir[at..].split("--- IR").next().unwrap().to_string()
    };
    assert!(func(&ir2, "axpy").contains("VecLoop"), "{ir2}");
    // Int32Array: a wrapping difference is a vector loop, a product (not
    // exact in a double, so not the wrapping product) is not.
    assert!(func(&ir2, "addw").contains("VecLoop"), "{ir2}");
    assert!(!func(&ir2, "mulw").contains("VecLoop"), "{ir2}");
    // A double reduction is not vectorized (reassociation changes it).
    assert!(!func(&ir2, "dot").contains("VecLoop"), "{ir2}");
    // The code of the vector loop: AVX2 when the CPU has it, else SSE2.
    if std::arch::is_x86_feature_detected!("avx2") {
        for insn in [
            "vbroadcastsd",
            "vmulpd",
            "vaddpd",
            "vmovupd",
            "vzeroupper",
            "vpsubd",
            "vmovdqu",
        ] {
            assert!(ir4.contains(insn), "{insn} missing:\n{ir4}");
        }
    }
    let (_, code2) = run_simd("sse2", &["--print-code"], VECTOR);
    for insn in [
        "unpcklpd", "mulpd", "addpd", "movupd", "psubd", "paddd", "movdqu",
    ] {
        assert!(code2.contains(insn), "{insn} missing");
    }
    assert!(!code2.contains("ymm"));
    let (_, off) = run_simd("off", &["--print-ir=vectorize"], VECTOR);
    assert!(!off.contains("VecLoop"));
}

#[test]
fn vector_loops_run_out_of_fuel_where_the_interpreter_does() {
    let n = out_of_fuel_runs(VECTOR, (40..=4_000).step_by(97));
    assert!(n > 20, "{n} runs out of fuel");
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
    let n = out_of_fuel_runs(INLINED_CALL_LOOP, (40..=30_000).step_by(997));
    assert!(n > 20, "{n} runs out of fuel");
}
