//! Shared helpers of the test files: the node oracle, doubles, a seeded
//! generator, and [`corpus`] (the tests/js corpus and its runners).
#![allow(dead_code)]

pub mod corpus;

use std::io::Write;
use std::process::{Command, Stdio};

/// True when `node` runs; otherwise prints that the oracle test is skipped.
pub fn node_available(test: &str) -> bool {
    let ok = Command::new("node")
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !ok {
        println!("SKIPPED {test}: node is not on PATH");
    }
    ok
}

/// Runs `node -e script` with `input` on stdin; returns stdout.
pub fn run_node(script: &str, input: &str) -> String {
    let mut child = Command::new("node")
        .arg("-e")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn node");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()).unwrap());
    let out = child.wait_with_output().expect("node output");
    writer.join().unwrap();
    assert!(out.status.success(), "node failed");
    String::from_utf8(out.stdout).expect("utf8")
}

/// JS prelude: `fx(hex)` -> double, `hx(double)` -> 16-digit hex bits,
/// `lines` = stdin split into lines.
pub const JS_PRELUDE: &str = r#"
const __b = new BigUint64Array(1), __f = new Float64Array(__b.buffer);
const fx = s => { __b[0] = BigInt('0x' + s); return __f[0]; };
const hx = x => { __f[0] = x; return __b[0].toString(16).padStart(16, '0'); };
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter(l => l.length > 0);
"#;

/// Deterministic splitmix64 generator.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// A double from a mix of distributions: raw bits, small ranges, big
    /// integers, powers of two, subnormals.
    pub fn interesting(&mut self) -> f64 {
        let sign = if self.next() & 1 == 0 { 1.0 } else { -1.0 };
        match self.next() % 8 {
            0 => f64::from_bits(self.next()),
            1 => sign * self.unit() * 10.0,
            2 => sign * (self.unit() * 1e6).floor() / 64.0,
            3 => sign * 2f64.powi((self.next() % 2000) as i32 - 1000),
            4 => sign * f64::from_bits(self.next() % (1u64 << 52)),
            5 => sign * (self.next() >> (self.next() % 64)) as f64,
            6 => sign * 10f64.powi((self.next() % 60) as i32 - 30) * self.unit(),
            _ => sign * self.unit() * 1e-3,
        }
    }
}

/// Special doubles worth testing everywhere.
pub fn specials() -> Vec<f64> {
    let mut v = vec![
        0.0,
        -0.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        f64::MIN_POSITIVE,
        f64::from_bits(1),
        f64::from_bits(0x000f_ffff_ffff_ffff),
        f64::MAX,
        f64::EPSILON,
        0.5,
        1.0,
        2.0,
        3.0,
        10.0,
        100.0,
        1e21,
        1e-7,
        9007199254740991.0,
        9007199254740993.0,
        4294967296.0,
        2147483648.0,
        std::f64::consts::PI,
        std::f64::consts::FRAC_PI_2,
        std::f64::consts::E,
    ];
    let neg: Vec<f64> = v.iter().map(|x| -x).collect();
    v.extend(neg);
    v
}

pub fn hex(x: f64) -> String {
    format!("{:016x}", x.to_bits())
}

pub fn from_hex(s: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(s.trim(), 16).expect("hex"))
}

/// Same double, treating all NaNs as equal.
pub fn same(a: f64, b: f64) -> bool {
    (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits()
}

/// Random-case count `n`, multiplied by `JOLT_ORACLE_SCALE` when set (for
/// occasional deep runs, e.g. `JOLT_ORACLE_SCALE=50 cargo test --release`).
pub fn scaled(n: usize) -> usize {
    let k = std::env::var("JOLT_ORACLE_SCALE")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(1);
    n * k.max(1)
}
