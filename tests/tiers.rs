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
