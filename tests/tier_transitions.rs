//! Tier transitions as a user sees them: the same output in every tier,
//! and a full code space leaves functions interpreted, never broken.

use jolt::runtime::Options;
use jolt::tier::Tier;
use jolt::End;

fn run(src: &str, opts: Options) -> jolt::RunOutput {
    let src = src.to_string();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || jolt::run(&src, "t.js", opts, false))
        .unwrap()
        .join()
        .unwrap()
}

const PROGRAM: &str = r#"
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
class V { constructor(x) { this.x = x; } add(o) { return new V(this.x + o.x); } }
let v = new V(0);
for (let i = 0; i < 2000; i++) v = v.add(new V(i));
let s = '';
for (let i = 0; i < 100; i++) { try { if (i % 10 === 9) throw i; s += i % 10; } catch (e) { s += '!'; } }
print(fib(18), v.x, s.length, s.slice(0, 12));
"#;

#[test]
fn every_tier_prints_the_same() {
    let interp = run(PROGRAM, Options::default());
    assert_eq!(interp.end, End::Normal);
    for (tier, threshold) in [
        (Tier::Baseline, 500),
        (Tier::Auto, 1),
        (Tier::Auto, 50),
        (Tier::Auto, 500),
    ] {
        let out = run(
            PROGRAM,
            Options {
                tier,
                jit_threshold: threshold,
                ..Options::default()
            },
        );
        assert_eq!(out, interp, "{tier:?} threshold {threshold}");
    }
}

#[test]
fn a_tiny_code_space_falls_back_to_the_interpreter() {
    let interp = run(PROGRAM, Options::default());
    for space in [0, 4096, 16 << 10] {
        let out = run(
            PROGRAM,
            Options {
                tier: Tier::Baseline,
                code_space: space,
                ..Options::default()
            },
        );
        assert_eq!(out, interp, "code space {space}");
    }
}

/// Runs `src` with `opts` on a VM the test keeps, so it can look at which
/// prototypes were compiled.
fn run_keep(src: &str, opts: Options) -> (String, Vec<(String, bool, u32)>) {
    let proto = jolt::compile_source(src, "t.js").unwrap();
    let mut vm = jolt::tier::new_vm(opts);
    vm.run_script(proto.clone()).expect("runs");
    vm.flush_out();
    let mut tiers = Vec::new();
    fn walk(p: &jolt::bytecode::FuncProto, out: &mut Vec<(String, bool, u32)>) {
        out.push((
            p.name.clone(),
            p.jit.kind.get() != jolt::bytecode::CodeKind::Interpreted,
            p.jit.call_count.get(),
        ));
        for c in &p.children {
            walk(c, out);
        }
    }
    walk(&proto, &mut tiers);
    (
        String::from_utf8(std::mem::take(&mut vm.out)).unwrap(),
        tiers,
    )
}

#[test]
fn osr_enters_a_loop_nested_in_try_catch() {
    // `work` is called once, so only OSR at its back edge can compile it;
    // its hot loop sits inside try/catch/finally inside another loop, and
    // throws after OSR (caught by the handler in the same baseline frame).
    let src = r#"
        function work(n) {
            let s = 0, caught = 0, fin = 0;
            for (let k = 0; k < 3; k++) {
                try {
                    for (let i = 0; i < n; i++) {
                        s = (s + i * k) | 0;
                        if (i === n - 7 && k === 1) throw new Error("late " + i);
                    }
                } catch (e) {
                    caught++;
                    s += e.message.length;
                } finally {
                    fin++;
                }
            }
            return [s, caught, fin].join(" ");
        }
        console.log(work(5000));
    "#;
    let want = run_keep(src, Options::default()).0;
    // node prints the same (checked when the test was written).
    assert_eq!(want, "37462530 1 3\n");
    let (got, tiers) = run_keep(
        src,
        Options {
            tier: Tier::Auto,
            jit_threshold: 100,
            ..Options::default()
        },
    );
    assert_eq!(got, want);
    let work = tiers.iter().find(|t| t.0 == "work").unwrap();
    assert_eq!(work.2, 1, "called once");
    assert!(
        work.1,
        "work was compiled (by OSR: it was only called once)"
    );
}

#[test]
fn int32_overflow_in_a_hot_loop() {
    // The sum leaves int32 range mid-loop in baseline code (int path ->
    // overflow -> double path), then wraps back with `| 0`.
    let src = r#"
        function sum(n) { let s = 0; for (let i = 0; i < n; i++) s += i * 4096; return s; }
        function wrap(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + i * 65536) | 0; return s; }
        console.log(sum(100000), wrap(100000), 2147483647 + 1, -2147483648 - 1);
    "#;
    // 4096 * n(n-1)/2 and the same sum wrapped to int32, computed here.
    let n: i64 = 100000;
    let sum = 4096 * n * (n - 1) / 2;
    let wrapped = (0..n).fold(0i32, |s, i| s.wrapping_add((i as i32).wrapping_mul(65536)));
    let expect = format!("{sum} {wrapped} 2147483648 -2147483649\n");
    for opts in [
        Options::default(),
        Options {
            tier: Tier::Baseline,
            ..Options::default()
        },
        Options {
            tier: Tier::Auto,
            jit_threshold: 50,
            ..Options::default()
        },
    ] {
        let (out, tiers) = run_keep(src, opts.clone());
        assert_eq!(out, expect, "{:?}", opts.tier);
        if opts.tier != Tier::Interp {
            assert!(tiers
                .iter()
                .filter(|t| t.0 == "sum" || t.0 == "wrap")
                .all(|t| t.1));
        }
    }
}
