//! Differential tests of the baseline tier: every tests/js program runs in
//! the interpreter and with every JS frame in baseline code
//! (`tier::run_script_baseline`); stdout, the way the run
//! ended, and the type feedback the two leave behind must be identical.
//! Also under `--gc-stress` and with small fuel budgets (out-of-fuel must
//! happen at the same point in both tiers).
//! `JOLT_JS_FILTER=substr` runs a subset.

use jolt::bytecode::FuncProto;
use jolt::jit::baseline::run::BaselineCache;
use jolt::runtime::{Options, Throw, Vm};
use jolt::tier::run_script_baseline;
use jolt::End;
use std::path::Path;
use std::rc::Rc;

mod common;
use common::corpus;

#[derive(Debug, PartialEq)]
struct Outcome {
    stdout: String,
    end: End,
    /// Feedback of every function (call sites reduced to empty/mono/mega,
    /// since they hold prototype addresses).
    feedback: Vec<Vec<u64>>,
    /// Functions that left the interpreter (not compared: it proves that
    /// a run meant to cross tiers did).
    compiled: usize,
}

fn compiled(p: &FuncProto) -> usize {
    let own = (p.jit.kind.get() != jolt::bytecode::CodeKind::Interpreted) as usize;
    own + p.children.iter().map(|c| compiled(c)).sum::<usize>()
}

fn end_of(vm: &Vm, r: Result<jolt::runtime::Value, Throw>) -> End {
    jolt::end_of(vm, r.map(|_| ()))
}

fn feedback(p: &FuncProto, out: &mut Vec<Vec<u64>>) {
    out.extend(jolt::verify::feedback_snapshot(p));
}

/// How the second run of a comparison executes.
#[derive(Copy, Clone, PartialEq)]
enum Mode {
    /// Every frame in baseline code through `run_script_baseline`.
    Baseline,
    /// `Vm::run_script` with the options' tier (the run loop's integration).
    Integrated,
}

fn run_tier(source: &str, opts: Options, baseline: bool) -> Result<Outcome, String> {
    let proto: Rc<FuncProto> = jolt::compile_source(source, "t.js")?;
    // With the tiers attached, as `jolt` runs: `Vm::new` alone never
    // leaves the interpreter, which made the integrated mode vacuous.
    let mut vm = jolt::tier::new_vm(opts);
    let r = if baseline {
        let mut cache = BaselineCache::new(1 << 30);
        let r = run_script_baseline(&mut vm, proto.clone(), &mut cache);
        if !cache.failures.is_empty() {
            return Err(format!("compile failures: {:?}", cache.failures));
        }
        r
    } else {
        vm.run_script(proto.clone())
    };
    let end = end_of(&vm, r);
    vm.flush_out();
    let mut fbs = Vec::new();
    feedback(&proto, &mut fbs);
    Ok(Outcome {
        stdout: String::from_utf8_lossy(&vm.out).into_owned(),
        end,
        feedback: fbs,
        compiled: compiled(&proto),
    })
}

/// Runs `source` in both tiers on a big-stack thread; `Err` describes the difference.
fn compare(source: String, opts: Options) -> Result<usize, String> {
    compare_with(source, opts, Mode::Baseline)
}

/// `Ok` holds how many functions the second run compiled.
fn compare_with(source: String, opts: Options, mode: Mode) -> Result<usize, String> {
    std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || {
            let interp_opts = Options {
                tier: jolt::tier::Tier::Interp,
                ..opts.clone()
            };
            let interp = run_tier(&source, interp_opts, false)?;
            let tier2 = opts.tier == jolt::tier::Tier::Auto && opts.opt_threshold != 0;
            let base = run_tier(&source, opts, mode == Mode::Baseline)?;
            if interp.stdout != base.stdout {
                return Err(format!(
                    "stdout differs:\n--- interp\n{}\n--- baseline\n{}",
                    interp.stdout, base.stdout
                ));
            }
            if interp.end != base.end {
                return Err(format!(
                    "end differs: interp {:?}, baseline {:?}",
                    interp.end, base.end
                ));
            }
            // Optimized code records no feedback (it runs what its guards
            // accept, which may be more than a site recorded, e.g. an int32
            // where a double was speculated): compared without tier 2.
            if !tier2 && interp.feedback != base.feedback {
                return Err(format!(
                    "feedback differs:\ninterp   {:?}\nbaseline {:?}",
                    interp.feedback, base.feedback
                ));
            }
            Ok(base.compiled)
        })
        .unwrap()
        .join()
        .map_err(|_| "engine panicked".to_string())?
}

/// Default options with a fuel budget far above what any program needs, so
/// a miscompiled loop ends as a difference instead of hanging the test.
fn bounded() -> Options {
    Options {
        fuel: Some(100_000_000),
        ..Options::default()
    }
}

fn check_all(opts: impl Fn(&Path) -> Option<Options>) {
    check_all_with(opts, Mode::Baseline)
}

fn check_all_with(opts: impl Fn(&Path) -> Option<Options>, mode: Mode) {
    let mut failures = Vec::new();
    let (mut n, mut jitted) = (0, 0);
    for path in corpus::program_paths() {
        let Some(o) = opts(&path) else { continue };
        n += 1;
        let source = std::fs::read_to_string(&path).unwrap();
        match compare_with(source, o, mode) {
            Ok(c) => jitted += (c > 0) as usize,
            Err(e) => failures.push(format!("{}: {e}", path.display())),
        }
    }
    assert!(n > 0, "no programs ran");
    // The integrated runs must really enter JIT code (about 40% of the
    // programs compile a function at threshold 1; the rest run too little).
    assert!(
        mode == Mode::Baseline || jitted * 4 > n,
        "only {jitted} of {n} programs ran any JIT code"
    );
    assert!(
        failures.is_empty(),
        "{} of {n} programs differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_program_matches_the_interpreter() {
    check_all(|_| Some(bounded()));
}

#[test]
fn every_program_matches_under_gc_stress() {
    // Every allocation collects: catches a cell kept in a machine register
    // (or a helper local) across an allocation.
    check_all(|p| {
        let size = std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        (size < 6000).then(|| Options {
            gc_stress: true,
            fuel: Some(10_000_000),
            ..Options::default()
        })
    });
}

#[test]
fn out_of_fuel_happens_at_the_same_point() {
    for fuel in [1, 2, 3, 10, 100, 1000, 5000] {
        check_all(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            // A spread of programs keeps this quick.
            (name.len() % 3 == 0).then(|| Options {
                fuel: Some(fuel),
                ..Options::default()
            })
        });
    }
}

/// Edge cases of the inline int32 fast paths (overflow to double, -0,
/// shift counts, ushr above i32::MAX, boolean/non-boolean branches),
/// through arrays so nothing is constant-folded.
#[test]
fn int32_fast_path_edges_match() {
    let src = r#"
        const vals = [0, 1, -1, 2, -2, 7, 31, 32, 33, 65536, -65536, 46341,
                      2147483647, -2147483648, 1073741824, 0.5, -0, NaN, "3", null,
                      undefined, true, false, [], {}];
        let out = [];
        for (let i = 0; i < vals.length; i++) {
            for (let j = 0; j < vals.length; j++) {
                const a = vals[i], b = vals[j];
                out.push([a + b, a - b, a * b, a & b, a | b, a ^ b, a << b, a >> b, a >>> b,
                          a < b, a <= b, a > b, a >= b, a === b, a !== b]);
            }
            let x = vals[i];
            let y = x; x++; y--;
            out.push([x, y, x ? 1 : 2, !x, x ?? 5]);
            if (out.length > 200) { console.log(JSON.stringify(out)); out = []; }
        }
        console.log(JSON.stringify(out));
        let m = -1, z = 0;
        console.log(Object.is(m * z, -0), Object.is(z * m, -0), 1 / (0 * -5));
        let big = 2147483647; big++; console.log(big);
        let small = -2147483648; small--; console.log(small);
        let k = 0; while (k < 100000) k += 3; console.log(k);
    "#;
    compare(src.to_string(), bounded()).unwrap();
}

/// try/catch across baseline frames, exceptions from helpers, handlers in
/// callers, finally, rethrow, and stack overflow.
#[test]
fn exceptions_and_deep_recursion_match() {
    let src = r#"
        function thrower(n) { if (n === 0) throw new Error("boom"); return thrower(n - 1) + 1; }
        try { thrower(50); } catch (e) { console.log("caught", e.message); }
        function f() { try { return null.x; } finally { console.log("finally"); } }
        try { f(); } catch (e) { console.log(e instanceof TypeError, e.message); }
        function deep(n) { return deep(n + 1) + 1; }
        try { deep(0); } catch (e) { console.log(e.name, e.message); }
        class A { constructor(x) { this.x = x; } get y() { return this.x * 2; } }
        class B extends A { constructor() { super(21); } }
        console.log(new B().y, [1, 2, 3].map(v => v * 2).join());
        undefinedName;
    "#;
    compare(src.to_string(), bounded()).unwrap();
}

/// The lead's integration (`Options::tier`): frames switch between the
/// interpreter and baseline code at calls, returns, handlers and loop back
/// edges (OSR at any `loop`), with tiny thresholds so every program crosses
/// tiers many times. Output, end and feedback must match the interpreter.
#[test]
fn auto_tier_transitions_match() {
    for threshold in [1, 2, 5] {
        check_all_with(
            |p| {
                let name = p.file_name().unwrap().to_string_lossy().to_string();
                (name.len() % 2 == 0 || threshold == 2).then(|| Options {
                    tier: jolt::tier::Tier::Auto,
                    jit_threshold: threshold,
                    opt_threshold: 0,
                    ..bounded()
                })
            },
            Mode::Integrated,
        );
    }
}

/// The same with tier 2 at its default threshold (hot loops and functions
/// optimized, entered by OSR, deoptimized, reoptimized): output and end
/// must match the interpreter (feedback is not kept by optimized code).
#[test]
fn auto_with_tier2_transitions_match() {
    check_all_with(
        |_| {
            Some(Options {
                tier: jolt::tier::Tier::Auto,
                jit_threshold: 2,
                ..bounded()
            })
        },
        Mode::Integrated,
    );
}
