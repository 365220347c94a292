//! The collector as a user sees it: bounded memory for garbage-heavy
//! programs, a clean out-of-memory end under a heap limit, and live data
//! surviving every collection (with the heap verifier on).

use jolt::runtime::Options;
use jolt::End;

fn run(src: &str, opts: Options) -> jolt::RunOutput {
    let src = src.to_string();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || jolt::run(&src, "gc.js", opts, false))
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn ten_million_short_lived_objects_fit_in_a_small_heap() {
    // Each iteration allocates an object and a closure-free array; nothing
    // survives, so a 16 MiB limit must be enough for 10 million of them.
    let out = run(
        "let live = 0; for (let i = 0; i < 10000000; i++) { const o = { a: i, b: [i] }; live = o.a; } print(live);",
        Options { max_heap: 16 << 20, ..Options::default() },
    );
    assert_eq!(out.end, End::Normal);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "9999999\n");
}

#[test]
fn exceeding_the_heap_limit_is_out_of_memory_not_an_abort() {
    let out = run(
        "const keep = []; for (let i = 0; ; i++) { keep.push({ a: i, b: 'x' + i }); }",
        Options {
            max_heap: 8 << 20,
            ..Options::default()
        },
    );
    assert_eq!(out.end, End::OutOfMemory);
}

#[test]
fn live_structures_survive_collection_at_every_allocation() {
    let src = r#"
        function tree(d) { return d === 0 ? null : { l: tree(d - 1), r: tree(d - 1), s: 'n' + d }; }
        function count(t) { return t === null ? 0 : 1 + count(t.l) + count(t.r); }
        const t = tree(8);
        let s = '';
        for (let i = 0; i < 200; i++) { s += String.fromCharCode ? 'ab' : 'ab'; }
        const fns = [];
        for (let i = 0; i < 50; i++) { fns.push(() => i * 2); }
        let total = 0;
        for (const f of fns) total += f();
        print(count(t), s.length, total, t.l.r.s);
    "#;
    let expected = "255 400 2450 n6\n"; // checked with node
    let plain = run(src, Options::default());
    assert_eq!(
        String::from_utf8_lossy(&plain.stdout),
        expected,
        "{:?}",
        plain.end
    );
    let stressed = run(
        src,
        Options {
            gc_stress: true,
            verify_heap: true,
            ..Options::default()
        },
    );
    assert_eq!(
        String::from_utf8_lossy(&stressed.stdout),
        expected,
        "{:?}",
        stressed.end
    );
    assert_eq!(stressed.end, End::Normal);
}

#[test]
fn long_string_building_is_linear_and_correct() {
    // 200k appends: quadratic copying would take minutes in a debug build.
    let out = run(
        "let s = ''; for (let i = 0; i < 200000; i++) { s += 'xy'; } print(s.length, s[399999], s[12]);",
        Options::default(),
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "400000 y x\n");
}

#[test]
fn fuel_ends_an_infinite_loop_with_a_distinct_outcome() {
    let out = run(
        "let i = 0; while (true) { i++; }",
        Options {
            fuel: Some(10_000),
            ..Options::default()
        },
    );
    assert_eq!(out.end, End::OutOfFuel);
    let out = run(
        "function f() { return f(); } f();",
        Options {
            fuel: Some(5_000),
            ..Options::default()
        },
    );
    assert!(matches!(out.end, End::OutOfFuel | End::Uncaught { .. }));
}

#[test]
fn deep_recursion_is_a_catchable_range_error() {
    let out = run(
        "function d(n) { return n === 0 ? 0 : 1 + d(n - 1); } print(d(10000)); function inf() { return inf() + 1; } try { inf(); } catch (e) { print(e instanceof RangeError, e.message); }",
        Options::default(),
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "10000\ntrue Maximum call stack size exceeded\n"
    );
}

/// `Options::gc_stress_budget` bounds the work of forced collections (the
/// harness's guard against one input stalling a fuzz run): once the bytes
/// live after forced collections pass it, allocation stops forcing them,
/// and the program's result does not change.
#[test]
fn forced_collections_stop_at_their_budget() {
    let src = "let keep = []; for (let i = 0; i < 3000; i++) keep.push({ i: i, s: 'x' + i });\n\
               let t = 0; for (const o of keep) t += o.i; console.log(t, keep[2999].s);";
    let run = |budget: Option<u64>| {
        let proto = jolt::compile_source(src, "t.js").unwrap();
        let mut vm = jolt::runtime::Vm::new(jolt::runtime::Options {
            gc_stress: true,
            gc_stress_budget: budget,
            ..jolt::runtime::Options::default()
        });
        vm.run_script(proto).unwrap();
        vm.flush_out();
        (
            String::from_utf8(std::mem::take(&mut vm.out)).unwrap(),
            vm.forced_gc_bytes,
        )
    };
    let budget = 1 << 20;
    let (out, spent) = run(Some(budget));
    assert_eq!(out, "4498500 x2999\n");
    // The last forced collection may overshoot by at most one heap's worth.
    assert!(spent >= budget && spent < budget + (64 << 20), "{spent}");
    let (out_unbounded, spent_unbounded) = run(None);
    assert_eq!(out_unbounded, out);
    assert!(spent_unbounded > 10 * spent, "{spent_unbounded} vs {spent}");
}
