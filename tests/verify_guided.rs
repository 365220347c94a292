//! Coverage-guided in-process fuzzing (`verify::fuzz::Guide`): reports
//! carry JIT-relevant coverage features, new coverage grows a corpus that
//! is written to a directory and replayed by the next drive, and mutation
//! keeps inputs bounded.

use jolt::verify::fuzz::{drive, mutate, DriveOptions, Target, DRIVE_INPUT_LEN};
use jolt::verify::{fuzz, report, Plan, Program, Schedule, SplitMix};

#[test]
fn reports_carry_tier_and_cache_features() {
    // A property site warmed in baseline code: more features than in the
    // interpreter alone (opcode x tier, cache states, opcode pairs).
    let src = "function g(o) { return o.x; }\nlet s = 0;\nfor (let i = 0; i < 50; i++) s += g({ x: i });\nprint(s, g({ y: 1, x: 2 }));\n";
    let cfg = fuzz::fuzz_config(Schedule::default());
    let interp = report(Program::Source(src), &[Plan::Interp], &cfg);
    let both = report(Program::Source(src), &[Plan::Interp, Plan::Baseline], &cfg);
    assert!(!interp.features.is_empty());
    let a: std::collections::HashSet<u64> = interp.features.iter().copied().collect();
    let b: std::collections::HashSet<u64> = both.features.iter().copied().collect();
    assert!(
        b.is_superset(&a) && b.len() > a.len() + 10,
        "{} vs {}",
        a.len(),
        b.len()
    );
    // Deterministic: the same run gives the same features.
    let again = report(Program::Source(src), &[Plan::Interp], &cfg);
    assert_eq!(interp.features, again.features);
}

#[test]
fn mutations_differ_and_stay_bounded() {
    let mut r = SplitMix(9);
    let a: Vec<u8> = (0..DRIVE_INPUT_LEN).map(|_| r.next_u64() as u8).collect();
    let b: Vec<u8> = (0..DRIVE_INPUT_LEN).map(|_| r.next_u64() as u8).collect();
    let mut changed = 0;
    for _ in 0..200 {
        let m = mutate(&mut r, &a, &b, DRIVE_INPUT_LEN);
        assert!(m.len() <= 2 * DRIVE_INPUT_LEN);
        changed += (m != a) as usize;
    }
    assert!(changed > 190, "{changed}");
}

#[test]
fn the_corpus_is_written_and_replayed() {
    let dir = std::env::temp_dir().join(format!("jolt-guided-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let opts = DriveOptions {
        seconds: 2.0,
        seed: 21,
        target: Target::Bytecode,
        corpus_dir: None,
        input_len: DRIVE_INPUT_LEN,
        node: false,
        stop_at_first: false,
        cov_dir: Some(dir.clone()),
        max_execs: None,
    };
    let first = drive(&opts, &mut |_| {});
    let files = std::fs::read_dir(&dir).unwrap().count();
    assert!(first.stats.execs > 0);
    assert!(
        files > 0 && files == first.corpus_inputs,
        "{files} files, {} inputs",
        first.corpus_inputs
    );
    assert!(first.features > 100, "{}", first.features);
    // The next drive starts from the stored inputs.
    let second = drive(
        &DriveOptions {
            seed: 22,
            ..opts.clone()
        },
        &mut |_| {},
    );
    assert!(
        second.corpus_inputs >= files,
        "{} < {files}",
        second.corpus_inputs
    );
    assert!(
        second.features >= first.features * 9 / 10,
        "{} vs {}",
        second.features,
        first.features
    );
    let _ = std::fs::remove_dir_all(&dir);
}
