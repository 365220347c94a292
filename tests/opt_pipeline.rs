//! The optimizing tier's checkers do their job: the IR verifier rejects an
//! incomplete frame state, the allocation checker rejects an allocation
//! that gives two live values one register or moves block parameters in
//! the wrong order, and the parallel-move sequencer breaks cycles.

use jolt::jit::opt::ir::{Op, Repr};
use jolt::jit::opt::regalloc::{self, Loc, Move};
use jolt::jit::opt::{checker, optimize, verify, OptOptions};
use jolt::jit::x64::Gpr;

fn func(src: &str) -> std::rc::Rc<jolt::bytecode::FuncProto> {
    let script = jolt::compile_source(src, "t.js").expect("compiles");
    script.children[0].clone()
}

const LOOP: &str = "function f(n) { let a = 1, b = 2; for (let i = 0; i < n; i++) { const t = a; a = b; b = t + i; } return a + b; }";

#[test]
fn pipeline_output_verifies_and_allocates() {
    let p = func(LOOP);
    let o = OptOptions {
        verify: true,
        ..Default::default()
    };
    let (f, live) = optimize(&p, &o).expect("verifies");
    verify::verify(&f, &live).unwrap();
    let a = regalloc::allocate(&f);
    checker::check(&f, &a).expect("the allocation is proved");
}

#[test]
fn verifier_rejects_a_frame_state_missing_a_live_register() {
    let p = func("function f(a, b) { const c = a + b; return c + a; }");
    let (mut f, live) = optimize(&p, &OptOptions::default()).unwrap();
    let mut found = false;
    'o: for b in &mut f.blocks {
        for i in &mut b.insts {
            if let Some(fs) = &mut i.fs {
                if let Some(r) = fs.in_frame.pop() {
                    let _ = r;
                    found = true;
                    break 'o;
                }
            }
        }
    }
    assert!(found, "some frame state lists a register");
    let e = verify::verify(&f, &live).unwrap_err();
    assert!(e.contains("misses live register"), "{e}");
}

#[test]
fn checker_rejects_two_live_values_in_one_register() {
    // The loop header's parameters (a, b, i, n) are live together.
    let p = func(LOOP);
    let (f, _) = optimize(&p, &OptOptions::default()).unwrap();
    let mut a = regalloc::allocate(&f);
    checker::check(&f, &a).unwrap();
    // Give every GPR value rax: some read must then see another value.
    for (i, l) in a.loc.iter_mut().enumerate() {
        if l.is_some() && f.reprs[i] != Repr::Float64 {
            *l = Some(Loc::Gpr(Gpr::Rax));
        }
    }
    let e = checker::check(&f, &a).unwrap_err();
    assert!(e.contains("holds") || e.contains("does not hold"), "{e}");
}

#[test]
fn parallel_moves_break_cycles_and_the_checker_runs_them() {
    let (r0, r1, r2) = (Loc::Gpr(Gpr::Rax), Loc::Gpr(Gpr::Rcx), Loc::Gpr(Gpr::Rdx));
    let tmp = Loc::Gpr(Gpr::R10);
    let seq = regalloc::sequentialize(
        &[(r0, r1), (r1, r2), (r2, r0)],
        tmp,
        Loc::Xmm(jolt::jit::x64::Xmm::Xmm14),
    );
    // Simulate: each location starts holding its own name.
    let mut st = std::collections::HashMap::from([(r0, 0), (r1, 1), (r2, 2)]);
    for Move::Copy { src, dst } in &seq {
        let v = st[src];
        st.insert(*dst, v);
    }
    assert_eq!((st[&r1], st[&r2], st[&r0]), (0, 1, 2), "{seq:?}");
    // The swap loop compiles to edge moves the checker proves.
    let p = func(LOOP);
    let (f, _) = optimize(&p, &OptOptions::default()).unwrap();
    let a = regalloc::allocate(&f);
    checker::check(&f, &a).unwrap();
    assert!(f
        .blocks
        .iter()
        .any(|b| b.insts.iter().any(|i| i.op == Op::AddI32) || !b.params.is_empty()));
}

#[test]
fn register_pressure_spills_and_the_checker_proves_it() {
    let p = func(
        "function f(n) { let a = 1, b = 2, c = 3, d = 4; for (let i = 0; i < n; i++) { a = b + c; b = c + d; c = d + a; d = a + b; } return [a, b, c, d]; }",
    );
    let (f, _) = optimize(&p, &OptOptions::default()).unwrap();
    for regs in 1..=3 {
        let a = regalloc::allocate_with(&f, regs);
        assert!(a.nslots > 0, "{regs} registers: something spills");
        checker::check(&f, &a).unwrap_or_else(|e| panic!("{regs} registers: {e}"));
        // Both scans, whichever is cheaper: the splitting one moves
        // values between registers and slots, inside blocks or on edges.
        for (how, a) in regalloc::both_with(&f, regs) {
            checker::check(&f, &a).unwrap_or_else(|e| panic!("{how}, {regs} registers: {e}"));
            if how == "split" {
                let moved = (a.splits.iter()).any(|s| !s.is_empty());
                assert!(moved, "{regs} registers: no value is split\n{}", a.dump(&f));
            }
        }
    }
}

#[test]
fn a_split_value_moved_in_the_wrong_place_is_caught() {
    let p = func(
        "function f(n) { let a = 1, b = 2, c = 3, d = 4; for (let i = 0; i < n; i++) { a = b + c; b = c + d; c = d + a; d = a + b; } return [a, b, c, d]; }",
    );
    let (f, _) = optimize(&p, &OptOptions::default()).unwrap();
    let [(_, mut a), _] = regalloc::both_with(&f, 2);
    checker::check(&f, &a).unwrap();
    // Drop the moves inside blocks: some value is then read where it
    // has not been put.
    assert!(!a.moves.is_empty(), "{}", a.dump(&f));
    a.moves.clear();
    let e = checker::check(&f, &a).unwrap_err();
    assert!(e.contains("reads v"), "{e}");
}

/// The `regalloc` fuzz target's check over deterministic pseudo-random
/// inputs (the cargo-fuzz target runs the same function on libFuzzer's).
#[test]
fn regalloc_check_holds_on_generated_functions() {
    let mut x: u64 = 0x9e3779b97f4a7c15;
    for n in 0..300 {
        let data: Vec<u8> = (0..64 + n % 512)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect();
        if let Err(e) = jolt::verify::regalloc_check::check(&data) {
            panic!("input {n}: {e}");
        }
    }
}

/// The `regalloc` target's seed corpus replays on stable.
#[test]
fn regalloc_seed_corpus_replays() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/regalloc");
    let mut n = 0;
    for f in std::fs::read_dir(dir).unwrap() {
        let f = f.unwrap().path();
        let data = std::fs::read(&f).unwrap();
        if let Err(e) = jolt::verify::regalloc_check::check(&data) {
            panic!("{}: {e}", f.display());
        }
        n += 1;
    }
    assert!(n >= 5, "only {n} seeds");
}

/// `--trace-deopt` names the function, pc, source position and reason of
/// each deoptimization; `--trace-opt` reports the per-reason counts when a
/// function that deopted too often is recompiled, which it is without the
/// speculation that failed.
#[test]
fn trace_deopt_reports_function_position_and_reason() {
    let dir = std::env::temp_dir().join(format!("jolt-trace-deopt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("t.js");
    // add() is optimized on int32 feedback, then sees doubles (CheckInt32
    // fails on each call until it is reoptimized) and then overflows. (It
    // is recursive, so the loops' code calls it rather than inlining it.)
    std::fs::write(
        &file,
        "function add(a, b) { if (b < 0) return add(a, -b); return a + b; }\n\
         let s = 0;\n\
         for (let i = 0; i < 3000; i++) s = add(s & 1023, i);\n\
         for (let i = 0; i < 200; i++) s = add(0.5, i);\n\
         print(s, add(2147483647, 1));\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jolt"))
        .args(["--trace-deopt", "--trace-opt", "--opt-threshold=100"])
        .arg(&file)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "199.5 2147483648\n");
    let first = err
        .lines()
        .find(|l| l.starts_with("[deopt] add at pc"))
        .unwrap_or_else(|| panic!("no deopt line in:\n{err}"));
    assert!(first.contains("(1:"), "{first}");
    assert!(
        first.contains(": not an int32; 1 deopts (not an int32 1)"),
        "{first}"
    );
    assert!(
        err.lines().any(|l| l
            .starts_with("[tier] add: 64 deopts (not an int32 64; the last at pc ")
            && l.ends_with("); reoptimized without speculating there")),
        "{err}"
    );
    // The recompiled code does not speculate at that pc: no more deopts.
    let deopts = err
        .lines()
        .filter(|l| l.starts_with("[deopt] add "))
        .count();
    assert_eq!(deopts, 64, "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

/// Runs `src` with `args` (plus the tracing flags); (stdout, stderr).
fn run_traced(name: &str, src: &str, args: &[&str]) -> (String, String) {
    let dir = std::env::temp_dir().join(format!("jolt-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("t.js");
    std::fs::write(&file, src).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jolt"))
        .args(["--trace-deopt", "--trace-opt"])
        .args(args)
        .arg(&file)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A hot method call is inlined (`--trace-opt` says where), and a guard
/// that fails inside the inlined method (its field turns into a double)
/// deopts at the caller's call: the rebuilt frames give the interpreter's
/// result (node's: 11998018.5 6.5).
#[test]
fn inlined_method_deopts_at_the_call_with_the_right_result() {
    let (out, err) = run_traced(
        "inline",
        "class C { constructor() { this.n = 0; } step(d) { this.n += d; return this.n; } }\n\
         const c = new C();\n\
         function run(k) { let s = 0; for (let i = 0; i < k; i++) s += c.step(i & 3); return s; }\n\
         let t = 0;\n\
         for (let r = 0; r < 20; r++) t += run(200);\n\
         c.n = 0.5;\n\
         t += run(5);\n\
         print(t, c.n);\n",
        &["--opt-threshold=100"],
    );
    assert_eq!(out, "11998018.5 6.5\n", "{err}");
    assert_deopt_at_inlined_call(
        &err,
        "run: inlined step (9 instructions)",
        3,
        "not an int32",
    );
}

/// `--trace-opt` (`err`) says `what` ("F: inlined G (N instructions)")
/// at some pc P, and `--trace-deopt` reports a deopt for `reason` in F at
/// P (line `line` of the source): a guard inside the inlined callee.
fn assert_deopt_at_inlined_call(err: &str, what: &str, line: u32, reason: &str) {
    let inlined = err
        .lines()
        .find(|l| l.starts_with(&format!("[tier] {what} at pc ")))
        .unwrap_or_else(|| panic!("not inlined ({what}):\n{err}"));
    let pc = inlined
        .split(" at pc ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap();
    let caller = what.split(':').next().unwrap();
    let at_call = format!("[deopt] {caller} at pc {pc} ({line}:");
    assert!(
        err.lines()
            .any(|l| l.starts_with(&at_call) && l.contains(&format!(": {reason};"))),
        "no deopt at the inlined call (pc {pc}):\n{err}"
    );
}

/// A callee with branches is inlined as blocks of its own (`build`'s
/// splice), and an overflow in its second return path deopts at the
/// caller's call with node's result.
#[test]
fn inlined_callee_with_branches_deopts_in_a_branch() {
    let (out, err) = run_traced(
        "inline-branches",
        "function dist(x, t) { if (x > t) { return x - t; } return t - x; }\n\
         function run(a, k) { let s = 0; for (let i = 0; i < k; i++) s += dist(a[i & 3], 5); return s; }\n\
         const a = [1, 9, 3, 20];\n\
         let t = 0;\n\
         for (let r = 0; r < 20; r++) t += run(a, 200);\n\
         a[3] = -2147483647;\n\
         t += run(a, 5);\n\
         print(t);\n",
        &["--opt-threshold=100"],
    );
    assert_eq!(out, "2147508666\n", "{err}");
    // The caller's own additions are at other pcs: an overflow reported
    // at the call is the callee's `t - x`.
    assert_deopt_at_inlined_call(
        &err,
        "run: inlined dist (8 instructions)",
        2,
        "int32 overflow or -0",
    );
}

/// A call inside an inlined callee is inlined too (two levels), and an
/// overflow in the innermost callee deopts at the outer call, rebuilding
/// both callee frames, with node's result.
#[test]
fn nested_inlined_call_deopts_with_the_right_result() {
    let (out, err) = run_traced(
        "inline-nested",
        "function inner(a) { return a + 1; }\n\
         function middle(a, b) { const t = inner(a); return t * b + inner(b); }\n\
         function big(n, base) { let s = 0; for (let i = 0; i < n; i++) s += middle(base + i, 1) % 100000; return s; }\n\
         let t = 0;\n\
         for (let k = 0; k < 40; k++) t += big(100, 0);\n\
         print(t, big(100, 2147483600));\n",
        &["--opt-threshold=100"],
    );
    assert_eq!(out, "210000 8365250\n", "{err}");
    let line = "[tier] big: inlined middle (15 instructions) at pc 13, \
                inner (5 instructions) at pc 4 of middle, inner (5 instructions) at pc 10 of middle";
    assert!(err.lines().any(|l| l.starts_with(line)), "{err}");
    // The first overflow at the call is inner's `a + 1` (middle calls it
    // first; big's own `base + i` is at pc 11).
    assert!(
        err.lines()
            .any(|l| l.starts_with("[deopt] big at pc 13 (3:")
                && l.contains(": int32 overflow or -0; 1 deopts")),
        "{err}"
    );
}

/// `%` of int32s and `!==` against null are speculated (`ModI32`,
/// `CmpTagged`): the hot function's IR has no generic instruction, and
/// the result is node's.
#[test]
fn int_remainder_and_null_compares_are_speculated() {
    let (out, err) = run_traced(
        "mod-null",
        "function f(xs) { let s = 0, k = 0; for (let i = 0; i < xs.length; i++) { const x = xs[i]; if (x !== null) s += x % 7; else k++; } return s * 100 + k; }\n\
         const xs = []; for (let i = 0; i < 50; i++) xs.push(i % 5 === 0 ? null : i + 1);\n\
         let t = 0; for (let r = 0; r < 40; r++) t += f(xs);\n\
         print(t);\n",
        &["--opt-threshold=100", "--print-ir=dce"],
    );
    assert_eq!(out, "464400\n", "{err}");
    let f_ir = err
        .split("--- IR after dce ---")
        .find(|s| s.trim_start().starts_with("function \"f\""))
        .unwrap_or_else(|| panic!("f was not optimized:\n{err}"));
    assert!(f_ir.contains("= ModI32 "), "{f_ir}");
    assert!(f_ir.contains("= CmpTagged(Ne) "), "{f_ir}");
    assert!(!f_ir.contains("Generic("), "{f_ir}");
}

/// A loop that never ran when its function was compiled (by OSR in the
/// loop before it) deopts for want of feedback, and the function is then
/// reoptimized with that feedback, speculating there too.
#[test]
fn sites_without_feedback_deopt_and_reoptimize_with_it() {
    let (out, err) = run_traced(
        "unfed",
        "function f(n) {\n\
           let a = 0;\n\
           for (let i = 0; i < n; i++) a = (a + i) | 0;\n\
           let b = 0;\n\
           for (let i = 0; i < n; i++) b = (b + i * 3) | 0;\n\
           return a + b;\n\
         }\n\
         print(f(3000), f(3000));\n",
        &["--jit-threshold=1", "--opt-threshold=100"],
    );
    assert_eq!(out, "17994000 17994000\n", "{err}");
    assert!(
        err.lines().any(|l| l.starts_with("[deopt] f at pc ")
            && l.contains(": no type feedback when compiled;")),
        "{err}"
    );
    assert!(
        err.lines().any(
            |l| l.starts_with("[tier] f: a deopt (no type feedback when compiled 1;")
                && l.ends_with("reoptimized with the feedback gathered since")
        ),
        "{err}"
    );
    // These reoptimizations do not count against the limit: f is never
    // left in baseline code.
    assert!(!err.contains("stays in baseline code"), "{err}");
}

/// A loop that turns hot for tier 2 while the method it calls is still
/// interpreted (called often, but fewer than `--jit-threshold` times): the
/// auto tier postpones optimizing it until the method has baseline code
/// (whose caches the inlining needs), then inlines the method, and the
/// getter on the prototype that the method reads (`get k`) into it.
#[test]
fn optimization_waits_for_callees_then_inlines_them_and_their_getters() {
    let (out, err) = run_traced(
        "postpone",
        "class B { constructor(v) { this.v = v; } get k() { return this.v & 7; } }\n\
         class C extends B { f(x) { return this.k + x; } }\n\
         const c = new C(13);\n\
         function run(n) { let s = 0; for (let i = 0; i < n; i++) { s += i; if ((i & 7) === 0) s += c.f(i); } return s; }\n\
         print(run(20000));\n",
        &["--jit-threshold=500", "--opt-threshold=1000"],
    );
    assert_eq!(out, "224992500\n", "{err}");
    assert!(
        err.contains("[tier] run: optimization postponed (callees still interpreted)"),
        "{err}"
    );
    let opt = err.find("[tier] run: optimized").expect(&err);
    let base = err.find("[tier] f: baseline").expect(&err);
    assert!(
        base < opt,
        "run was optimized before f reached baseline code:\n{err}"
    );
    assert!(err.contains("run: inlined f ("), "{err}");
    assert!(!err.contains("not inlined: getter"), "{err}");
}

/// Twelve doubles live at once fit tier 2's fourteen allocatable XMMs: no
/// spill slot (the allocator once limited XMMs to the GPR count, 7).
#[test]
fn twelve_live_doubles_need_no_spill_slot() {
    let src = "function f(x) { const a = x * 1.5, b = x * 2.5, c = x * 3.5, d = x * 4.5, e = x * 5.5, g = x * 6.5, h = x * 7.5, k = x * 8.5, m = x * 9.5, n = x * 10.5, p = x * 11.5, q = x * 12.5;\n\
               return a * b + c * d + e * g + h * k + m * n + p * q + a + q; }\n\
               let s = 0;\nfor (let i = 0; i < 50; i++) s += f(i + 0.25);\nprint(s);\n";
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jolt"))
        .args([
            "--jit-threshold=2",
            "--opt-threshold=5",
            "--trace-opt",
            "-e",
            src,
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let line = err
        .lines()
        .find(|l| l.starts_with("[tier] f: optimized"))
        .unwrap_or_else(|| panic!("f was not optimized:\n{err}"));
    assert!(line.contains(" 0 spill slots"), "{line}");
}
