//! `jolt fuzz` as CI runs it: stderr not a terminal gives plain `status`
//! lines every few seconds and a `done` line (no escape codes),
//! `--json-stats` writes the counters, `--stop-on-first` reports the time
//! to the first divergence or that there was none; `--jobs 2` runs two
//! workers with one merged status.

#[test]
fn fuzz_in_ci_prints_plain_status_and_writes_json_stats() {
    let dir = std::env::temp_dir().join(format!("jolt-fuzz-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let stats = dir.join("stats.json");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jolt"))
        .args([
            "fuzz",
            "--seconds",
            "6",
            "--seed",
            "7",
            "--target",
            "source",
        ])
        .arg("--corpus")
        .arg(&dir)
        .arg("--json-stats")
        .arg(&stats)
        .arg("--stop-on-first")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{err}\n{stdout}");
    assert!(
        !err.contains('\x1b'),
        "escape codes off a terminal: {err:?}"
    );
    assert!(err.contains("jolt fuzz: 2 job(s)"), "{err}");
    assert!(err.lines().any(|l| l.starts_with("status ")), "{err}");
    assert!(err.lines().any(|l| l.starts_with("done ")), "{err}");
    assert!(stdout.starts_with("no divergence in "), "{stdout}");
    let j = std::fs::read_to_string(&stats).unwrap();
    assert!(
        j.starts_with("{\"target\": \"source\", \"seed\": 7, "),
        "{j}"
    );
    let execs: u64 = j
        .split("\"execs\": ")
        .nth(1)
        .and_then(|r| r.split(',').next())
        .and_then(|n| n.parse().ok())
        .expect("execs in the stats");
    assert!(execs > 0, "{j}");
    // The drive ends on time: every run stops at the deadline.
    let secs: f64 = j
        .split("\"seconds\": ")
        .nth(1)
        .and_then(|r| r.split(',').next())
        .and_then(|n| n.parse().ok())
        .expect("seconds in the stats");
    assert!(secs < 7.0, "a 6 s drive took {secs} s: {j}");
    assert!(j.contains("\"slow\": 0,"), "{j}");
    assert!(
        j.contains("\"divergences\": 0,") && j.contains("\"interp-poison-dead\": "),
        "{j}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
