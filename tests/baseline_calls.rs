//! Direct baseline-to-baseline calls and calls across tiers.
//!
//! Each mixed-tier test pins chosen functions to the interpreter
//! (`jit.may_tier_up = false`, the tier policy's "stays interpreted" mark) and runs
//! everything else in baseline code, so every transition named in the test
//! really happens; the output must equal the interpreter's.

use jolt::bytecode::FuncProto;
use jolt::runtime::{Options, Throw};
use jolt::tier::Tier;
use std::rc::Rc;

fn find<'a>(p: &'a Rc<FuncProto>, name: &str, out: &mut Vec<&'a FuncProto>) {
    if p.name == name {
        out.push(p);
    }
    for c in &p.children {
        find(c, name, out);
    }
}

struct Run {
    out: String,
    end: Result<(), Throw>,
    call_exits: u64,
}

/// Runs `src` with `tier`, with the functions named in `interpreted` kept
/// in the interpreter.
fn run(src: &str, tier: Tier, interpreted: &[&str], opts: Options) -> Run {
    let proto = jolt::compile_source(src, "t.js").expect("compiles");
    for name in interpreted {
        let mut found = Vec::new();
        find(&proto, name, &mut found);
        assert!(!found.is_empty(), "no function {name}");
        for p in found {
            p.jit.may_tier_up.set(false);
        }
    }
    let mut vm = jolt::tier::new_vm(Options { tier, ..opts });
    let end = vm.run_script(proto).map(|_| ());
    vm.flush_out();
    Run {
        out: String::from_utf8(std::mem::take(&mut vm.out)).unwrap(),
        end,
        call_exits: jolt::jit::state_ref(&vm).map_or(0, |j| j.call_exits),
    }
}

/// Runs in a thread with a big stack (deep recursion in the interpreter
/// and in machine code) and compares every pinning with the interpreter.
fn same_as_interp(src: &'static str, pinnings: &'static [&'static [&'static str]]) {
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let want = run(src, Tier::Interp, &[], Options::default());
            assert!(
                want.out.lines().count() >= 2,
                "the program prints: {:?}",
                want.out
            );
            for pins in pinnings {
                for gc_stress in [false, true] {
                    let opts = Options {
                        gc_stress,
                        verify_heap: gc_stress,
                        ..Options::default()
                    };
                    let got = run(src, Tier::Baseline, pins, opts);
                    assert_eq!(
                        got.out, want.out,
                        "interpreted {pins:?}, gc_stress {gc_stress}"
                    );
                    assert_eq!(got.end, want.end, "interpreted {pins:?}");
                }
            }
        })
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn baseline_calls_baseline_directly() {
    let src = "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\n\
               console.log(fib(20));";
    let r = run(src, Tier::Baseline, &[], Options::default());
    assert_eq!(r.out, "6765\n");
    // fib(20) makes 21,890 calls; only the first call at each of the
    // three sites (recording the target) leaves machine code.
    assert!(
        r.call_exits <= 3,
        "{} calls went through the run loop",
        r.call_exits
    );
    // With fib interpreted, every call from the script's frame is a call
    // into the interpreter and fib's own calls are interpreted.
    let r = run(src, Tier::Baseline, &["fib"], Options::default());
    assert_eq!(r.out, "6765\n");
}

#[test]
fn recursion_across_tiers() {
    // even/odd alternate tiers at every level; the bottom throws and the
    // top catches; a RangeError from depth is caught too.
    same_as_interp(
        r#"
        function even(n) { if (n == 0) throw new Error("bottom " + n); return odd(n - 1) + 1; }
        function odd(n) { if (n == 0) return 0; return even(n - 1) + 1; }
        for (let k of [5, 10, 11, 400]) {
            try { console.log(odd(k)); } catch (e) { console.log(k, e.message); }
        }
        function down(n) { return n == 0 ? 0 : 1 + up(n - 1); }
        function up(n) { return down(n); }
        try { down(1e6); } catch (e) { console.log(e instanceof RangeError, e.message); }
        console.log(down(3000));
        "#,
        &[&[], &["even"], &["odd"], &["up"]],
    );
}

#[test]
fn exceptions_cross_tiers_both_ways() {
    same_as_interp(
        r#"
        function thrower(i) { if (i % 7 == 3) throw new Error("e" + i); return i; }
        function caller(m) {
            let s = 0;
            for (let i = 0; i < m; i++) {
                try { s += thrower(i); } catch (e) { s -= e.message.length; }
                finally { s += 1; }
            }
            return s;
        }
        let t = 0;
        for (let k = 0; k < 40; k++) t += caller(k);
        console.log(t);
        // A handler in the callee's own frame, after it was called directly.
        function guarded(i) { try { return thrower(i) * 2; } catch (e) { return -1; } }
        let u = 0;
        for (let i = 0; i < 100; i++) u += guarded(i);
        console.log(u);
        "#,
        &[
            &[],
            &["thrower"],
            &["caller"],
            &["guarded"],
            &["caller", "guarded"],
        ],
    );
}

#[test]
fn argument_counts_and_this_through_direct_calls() {
    same_as_interp(
        r#"
        function f(a, b, c) { let x; return [a, b, c, x, arguments_len(a, b, c)].join(","); }
        function arguments_len(...r) { return r.length; }
        function g(a) { let l1 = 1, l2 = 2; return a + l1 + l2; }
        for (let i = 0; i < 3; i++) console.log(f(), f(1), f(1, 2, 3), f(1, 2, 3, 4, 5), g(i, 9, 9));
        const o = { v: 7, m() { return this.v; } };
        function callM() { return o.m() + o.m(); }
        console.log(callM(), callM());
        function outer() { let c = 0; function inc() { c++; return c; } inc(); inc(); return inc(); }
        console.log(outer(), outer());
        class P { constructor(x) { this.x = x; } get() { return this.x; } }
        function mk(i) { return new P(i).get(); }
        let s = 0; for (let i = 0; i < 50; i++) s += mk(i); console.log(s);
        "#,
        &[&[], &["arguments_len"], &["f", "callM"]],
    );
}

#[test]
fn fuel_runs_out_at_the_same_call_in_every_tier() {
    let src = "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\n\
               console.log(fib(10)); console.log(fib(25));";
    for fuel in [5, 100, 177, 2_000, 50_000] {
        let opts = Options {
            fuel: Some(fuel),
            ..Options::default()
        };
        let want = run(src, Tier::Interp, &[], opts.clone());
        let got = run(src, Tier::Baseline, &[], opts);
        assert_eq!(got.out, want.out, "fuel {fuel}");
        assert_eq!(got.end, want.end, "fuel {fuel}");
        assert_eq!(want.end, Err(Throw::OutOfFuel));
    }
}

#[test]
fn new_constructs_directly() {
    let src = "class T { constructor(l, r) { this.l = l; this.r = r; } }\n\
               function mk(d) { return d == 0 ? new T(null, null) : new T(mk(d - 1), mk(d - 1)); }\n\
               function count(t) { return t.l === null ? 1 : 1 + count(t.l) + count(t.r); }\n\
               console.log(count(mk(12)));";
    let r = run(src, Tier::Baseline, &[], Options::default());
    assert_eq!(r.out, "8191\n");
    // 8,191 constructions and 16,382 calls of mk: only the first call at
    // each site (recording its target) and the first `new` of each site
    // (before T was compiled) leave machine code.
    assert!(
        r.call_exits <= 8,
        "{} calls went through the run loop",
        r.call_exits
    );
    // Unbounded construction ends in the interpreter's RangeError.
    let src = "function R() { return new R(); }\n\
               try { new R(); } catch (e) { console.log(e instanceof RangeError, e.message); }";
    let want = run(src, Tier::Interp, &[], Options::default());
    let got = run(src, Tier::Baseline, &[], Options::default());
    assert_eq!(got.out, want.out);
    assert_eq!(got.out, "true Maximum call stack size exceeded\n");
}

#[test]
fn construct_rules_and_exceptions_through_direct_new() {
    same_as_interp(
        r#"
        function F(a) { this.a = a; if (a === 3) return { other: 1 }; if (a === 4) return 7; }
        const xs = [];
        for (let i = 0; i < 6; i++) xs.push(JSON.stringify(new F(i)));
        console.log(xs.join(" "));
        class W { x = 5; constructor(y) { this.y = y; } }
        for (let i = 0; i < 3; i++) console.log(JSON.stringify(new W(i)));
        class E { constructor(v) { if (v > 2) throw new Error("bad " + v); this.v = v; } }
        for (let i = 0; i < 5; i++) { try { console.log(new E(i).v); } catch (e) { console.log(e.message); } }
        function G(a, b, c) { this.s = [a, b, c].join("/"); }
        console.log(new G(1).s, new G(1, 2, 3, 4).s);
        function P() {}
        P.prototype = 5; // not an object: instances get Object.prototype
        console.log(Object.getPrototypeOf(new P()) === Object.prototype);
        class B { constructor() { this.k = "b"; } }
        class D extends B { constructor() { super(); this.d = 1; } }
        for (let i = 0; i < 3; i++) console.log(JSON.stringify(new D()));
        "#,
        &[&[], &["F"], &["E"], &["W"]],
    );
}
