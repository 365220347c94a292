//! Bit-for-bit comparison of every `math` function with node's `Math`.
mod common;

use common::*;
use jolt::runtime::math as m;
use std::collections::BTreeMap;

type Unary = fn(f64) -> f64;

fn unary_fns() -> Vec<(&'static str, Unary)> {
    vec![
        ("abs", m::abs),
        ("floor", m::floor),
        ("ceil", m::ceil),
        ("round", m::round),
        ("trunc", m::trunc),
        ("sign", m::sign),
        ("sqrt", m::sqrt),
        ("cbrt", m::cbrt),
        ("sin", m::sin),
        ("cos", m::cos),
        ("tan", m::tan),
        ("asin", m::asin),
        ("acos", m::acos),
        ("atan", m::atan),
        ("sinh", m::sinh),
        ("cosh", m::cosh),
        ("tanh", m::tanh),
        ("asinh", m::asinh),
        ("acosh", m::acosh),
        ("atanh", m::atanh),
        ("exp", m::exp),
        ("expm1", m::expm1),
        ("log", m::log),
        ("log1p", m::log1p),
        ("log2", m::log2),
        ("log10", m::log10),
        ("fround", m::fround),
        ("clz32", m::clz32),
    ]
}

/// Inputs for one unary function: specials, generic mix, and a domain
/// focus (multiples of pi/2 for trig, near 1 for logs, ...).
fn unary_inputs(name: &str, rng: &mut Rng, n: usize) -> Vec<f64> {
    let mut v = specials();
    for k in -80..80 {
        // Multiples of pi/4: quadrant boundaries and reduction-rounding ties.
        let x = k as f64 * std::f64::consts::FRAC_PI_4;
        for d in 1..=3u64 {
            v.push(f64::from_bits(x.to_bits().wrapping_add(d)));
            v.push(f64::from_bits(x.to_bits().wrapping_sub(d)));
        }
    }
    for k in -40..40 {
        let x = k as f64 * std::f64::consts::FRAC_PI_2;
        v.push(x);
        v.push(f64::from_bits(x.to_bits().wrapping_add(1)));
        v.push(f64::from_bits(x.to_bits().wrapping_sub(1)));
        v.push(k as f64 * 0.5);
    }
    for _ in 0..n {
        let x = match rng.next() % 4 {
            0 | 1 => rng.interesting(),
            _ => match name {
                "sin" | "cos" | "tan" => {
                    let k = (rng.next() % 2_000_000) as f64 - 1e6;
                    k * std::f64::consts::FRAC_PI_2 + (rng.unit() - 0.5) * 1e-6
                }
                "log" | "log2" | "log10" | "log1p" | "acosh" | "cbrt" => {
                    1.0 + (rng.unit() - 0.5) * 10f64.powi(-((rng.next() % 16) as i32))
                }
                "asin" | "acos" | "atanh" => rng.unit() * 2.0 - 1.0,
                "exp" | "expm1" | "sinh" | "cosh" | "tanh" => (rng.unit() - 0.5) * 1500.0,
                "round" | "floor" | "ceil" => (rng.next() % 20) as f64 * 0.25 - 2.5,
                _ => (rng.unit() - 0.5) * 1e4,
            },
        };
        v.push(x);
    }
    v
}

#[test]
fn math_matches_node_bit_for_bit() {
    if !node_available("math_matches_node_bit_for_bit") {
        return;
    }
    let mut rng = Rng(0x5eed_1234);
    // Each line: "name a b ... expected_from_rust"
    let mut input = String::new();
    let mut ours: Vec<(String, f64)> = Vec::new();
    for (name, f) in unary_fns() {
        for x in unary_inputs(name, &mut rng, scaled(3000)) {
            input += &format!("{name} 1 {}\n", hex(x));
            ours.push((format!("{name}({x:e})"), f(x)));
        }
    }
    let mut pairs: Vec<(f64, f64)> = Vec::new();
    let sp = specials();
    for &a in &sp {
        for &b in &sp {
            pairs.push((a, b));
        }
    }
    for _ in 0..scaled(4000) {
        pairs.push((rng.interesting(), rng.interesting()));
        pairs.push((rng.unit() * 10.0, (rng.unit() - 0.5) * 100.0));
        pairs.push((-((rng.next() % 20) as f64), (rng.next() % 21) as f64 - 10.0));
        pairs.push((1.0 + (rng.unit() - 0.5) * 1e-9, (rng.unit() - 0.5) * 1e12));
    }
    for &(a, b) in &pairs {
        input += &format!("pow 2 {} {}\n", hex(a), hex(b));
        ours.push((format!("pow({a:e}, {b:e})"), m::pow(a, b)));
        input += &format!("atan2 2 {} {}\n", hex(a), hex(b));
        ours.push((format!("atan2({a:e}, {b:e})"), m::atan2(a, b)));
        input += &format!("imul 2 {} {}\n", hex(a), hex(b));
        ours.push((format!("imul({a:e}, {b:e})"), m::imul(a, b)));
    }
    for i in 0..scaled(6000) {
        let k = i % 5;
        let args: Vec<f64> = (0..k)
            .map(|_| {
                if rng.next().is_multiple_of(10) {
                    sp[(rng.next() % sp.len() as u64) as usize]
                } else {
                    rng.interesting()
                }
            })
            .collect();
        let hexes: Vec<String> = args.iter().map(|&x| hex(x)).collect();
        for (name, f) in [
            ("hypot", m::hypot as fn(&[f64]) -> f64),
            ("min", m::min),
            ("max", m::max),
        ] {
            input += &format!("{name} {k} {}\n", hexes.join(" "));
            ours.push((format!("{name}({args:?})"), f(&args)));
        }
    }
    let script = format!(
        "{JS_PRELUDE}
const out = [];
for (const l of lines) {{
  const p = l.split(' ');
  const args = p.slice(2).filter(s => s.length > 0).map(fx);
  out.push(hx(Math[p[0]](...args)));
}}
process.stdout.write(out.join('\\n') + '\\n');"
    );
    let node_out = run_node(&script, &input);
    let node_vals: Vec<f64> = node_out.lines().map(from_hex).collect();
    assert_eq!(node_vals.len(), ours.len());
    let mut bad: BTreeMap<String, (usize, String)> = BTreeMap::new();
    let mut per_fn: BTreeMap<String, usize> = BTreeMap::new();
    for ((desc, got), want) in ours.iter().zip(node_vals) {
        let name = desc.split('(').next().unwrap().to_string();
        *per_fn.entry(name.clone()).or_default() += 1;
        if !same(*got, want) {
            let e = bad.entry(name).or_insert((0, String::new()));
            e.0 += 1;
            if e.0 <= 6 {
                e.1 += &format!(
                    "\n    {desc}: jolt {got:e} ({}) node {want:e} ({})",
                    hex(*got),
                    hex(want)
                );
            }
        }
    }
    for (name, n) in &per_fn {
        println!("{name}: {n} inputs compared");
    }
    for (name, (n, ex)) in &bad {
        println!("MISMATCH {name}: {n} inputs differ, e.g.{ex}");
    }
    assert!(bad.is_empty(), "{} functions differ from node", bad.len());
}
