//! node-oracle tests for `numconv`: thousands of values per function.
mod common;

use common::*;
use jolt::runtime::numconv as nc;

fn doubles(rng: &mut Rng, n: usize) -> Vec<f64> {
    let mut v = specials();
    for e in -30..=30 {
        let p = 10f64.powi(e);
        v.extend([
            p,
            -p,
            p * 1.5,
            f64::from_bits(p.to_bits() + 1),
            f64::from_bits(p.to_bits() - 1),
        ]);
    }
    for e in [52, 53, 54, 60, 63, 64, 70, 100, 1023] {
        let p = 2f64.powi(e);
        v.extend([p, p - 1.0, p + 1.0, p + 2.0, -p]);
    }
    for _ in 0..n {
        v.push(rng.interesting());
    }
    v
}

/// JSON-quotes an ASCII/UTF-16 string for feeding node one value per line.
fn js_lit(s: &[u16]) -> String {
    let mut out = String::from("\"");
    for &u in s {
        match u {
            0x22 => out += "\\\"",
            0x5c => out += "\\\\",
            0x20..=0x7e => out.push(u as u8 as char),
            _ => out += &format!("\\u{u:04x}"),
        }
    }
    out.push('"');
    out
}

#[test]
fn number_to_string_matches_node() {
    if !node_available("number_to_string_matches_node") {
        return;
    }
    let mut rng = Rng(11);
    let xs = doubles(&mut rng, scaled(20000));
    let input: String = xs.iter().map(|&x| hex(x) + "\n").collect();
    let out = run_node(
        &format!(
            "{JS_PRELUDE} process.stdout.write(lines.map(l => String(fx(l))).join('\\n') + '\\n');"
        ),
        &input,
    );
    let mut bad = 0;
    for (x, want) in xs.iter().zip(out.lines()) {
        let got = nc::number_to_string(*x);
        if got != want {
            bad += 1;
            println!("number_to_string({x:e}): jolt {got} node {want}");
        }
    }
    println!("number_to_string: {} values compared", xs.len());
    assert_eq!(bad, 0);
}

#[test]
fn radix_to_string_matches_node() {
    if !node_available("radix_to_string_matches_node") {
        return;
    }
    let mut rng = Rng(12);
    let xs = doubles(&mut rng, scaled(6000));
    let mut cases = Vec::new();
    for &x in &xs {
        let r = 2 + (rng.next() % 35) as u32;
        cases.push((x, r));
        cases.push((x, [2, 3, 7, 16, 36][(rng.next() % 5) as usize]));
    }
    let input: String = cases
        .iter()
        .map(|&(x, r)| format!("{} {r}\n", hex(x)))
        .collect();
    let out = run_node(
        &format!(
            "{JS_PRELUDE} process.stdout.write(lines.map(l => {{ const [h, r] = l.split(' '); \
             return fx(h).toString(+r); }}).join('\\n') + '\\n');"
        ),
        &input,
    );
    let mut bad = 0;
    for ((x, r), want) in cases.iter().zip(out.lines()) {
        let got = nc::number_to_string_radix(*x, *r);
        if got != want {
            bad += 1;
            if bad < 20 {
                println!("({x:e}).toString({r}): jolt {got} node {want}");
            }
        }
    }
    println!("number_to_string_radix: {} cases compared", cases.len());
    assert_eq!(bad, 0);
}

#[test]
fn to_fixed_matches_node() {
    if !node_available("to_fixed_matches_node") {
        return;
    }
    let mut rng = Rng(13);
    let xs = doubles(&mut rng, scaled(6000));
    let mut cases = Vec::new();
    for &x in &xs {
        cases.push((x, (rng.next() % 101) as u32));
        cases.push((x, (rng.next() % 6) as u32));
    }
    for i in 0..scaled(2000) {
        // exact ties and near-ties: k/2^m
        let x = (rng.next() % 100_000) as f64 / 2f64.powi((i % 12) as i32);
        cases.push((x, (rng.next() % 5) as u32));
        cases.push((-x, (rng.next() % 5) as u32));
    }
    let input: String = cases
        .iter()
        .map(|&(x, d)| format!("{} {d}\n", hex(x)))
        .collect();
    let out = run_node(
        &format!(
            "{JS_PRELUDE} process.stdout.write(lines.map(l => {{ const [h, d] = l.split(' '); \
             return fx(h).toFixed(+d); }}).join('\\n') + '\\n');"
        ),
        &input,
    );
    let mut bad = 0;
    for ((x, d), want) in cases.iter().zip(out.lines()) {
        let got = nc::to_fixed(*x, *d);
        if got != want {
            bad += 1;
            if bad < 20 {
                println!("({x:e}).toFixed({d}): jolt {got} node {want}");
            }
        }
    }
    println!("to_fixed: {} cases compared", cases.len());
    assert_eq!(bad, 0);
}

/// Random strings built from number-ish pieces, whitespace and junk.
fn numberish_strings(rng: &mut Rng, n: usize) -> Vec<Vec<u16>> {
    const PIECES: &[&str] = &[
        "0",
        "1",
        "7",
        "9",
        "12",
        "000",
        "123456789",
        "98765432109876543210",
        ".",
        "e",
        "E",
        "+",
        "-",
        "x",
        "X",
        "0x",
        "0X",
        "0o",
        "0b",
        "0B",
        "a",
        "f",
        "F",
        "z",
        "Infinity",
        "Inf",
        "_",
        "e-5",
        "e+308",
        "e400",
        "e-330",
        " ",
        "1e",
        "NaN",
        "5.",
        ".5",
        "ff",
        "7fffffffffffffff",
        "1fffffffffffff",
        "20000000000001",
        "4",
        "3",
        "2",
        "8",
    ];
    const WS: &[u16] = &[
        0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0xfeff, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029,
        0x202f, 0x205f, 0x3000, 0x180e, 0x200b, 0x85,
    ];
    let mut out = Vec::new();
    for _ in 0..n {
        let mut s: Vec<u16> = Vec::new();
        if rng.next().is_multiple_of(4) {
            s.push(WS[(rng.next() % WS.len() as u64) as usize]);
        }
        let k = 1 + rng.next() % 4;
        for _ in 0..k {
            let p = PIECES[(rng.next() % PIECES.len() as u64) as usize];
            s.extend(p.encode_utf16());
        }
        if rng.next().is_multiple_of(4) {
            s.push(WS[(rng.next() % WS.len() as u64) as usize]);
        }
        out.push(s);
    }
    // Well-formed decimal literals with many digits (rounding checks).
    for _ in 0..n / 2 {
        let x = rng.interesting();
        let mut s = format!("{x:e}");
        if rng.next().is_multiple_of(2) {
            s = format!("{x}");
        }
        if rng.next().is_multiple_of(3) {
            s.push_str("123456789012345678901234567890");
        }
        out.push(s.encode_utf16().collect());
    }
    // Big hex/octal/binary literals for rounding of power-of-two radixes.
    for _ in 0..n / 4 {
        let (pre, digs): (&str, &[u8]) = match rng.next() % 3 {
            0 => ("0x", b"0123456789abcdef"),
            1 => ("0o", b"01234567"),
            _ => ("0b", b"01"),
        };
        let len = 1 + rng.next() % 90;
        let mut s = pre.to_string();
        for _ in 0..len {
            s.push(digs[(rng.next() % digs.len() as u64) as usize] as char);
        }
        out.push(s.encode_utf16().collect());
    }
    out
}

#[test]
fn string_parsing_matches_node() {
    if !node_available("string_parsing_matches_node") {
        return;
    }
    let mut rng = Rng(14);
    let strs = numberish_strings(&mut rng, scaled(8000));
    let radixes: Vec<Option<i32>> = strs
        .iter()
        .map(|_| match rng.next() % 6 {
            0 => None,
            1 => Some(0),
            2 => Some(16),
            3 => Some(2 + (rng.next() % 35) as i32),
            4 => Some([1, 37, -1, 10][(rng.next() % 4) as usize]),
            _ => Some(10),
        })
        .collect();
    let mut input = String::new();
    for (s, r) in strs.iter().zip(&radixes) {
        let r = r.map_or("undefined".to_string(), |r| r.to_string());
        input += &format!("[{}, {r}]\n", js_lit(s));
    }
    let script = format!(
        "{JS_PRELUDE}
const out = [];
for (const l of lines) {{
  const [s, r] = eval(l);
  out.push([hx(Number(s)), hx(parseFloat(s)), hx(parseInt(s, r))].join(' '));
}}
process.stdout.write(out.join('\\n') + '\\n');"
    );
    let out = run_node(&script, &input);
    let mut bad = 0;
    for ((s, r), line) in strs.iter().zip(&radixes).zip(out.lines()) {
        let w: Vec<f64> = line.split(' ').map(from_hex).collect();
        let got = [
            nc::string_to_number(s),
            nc::parse_float(s),
            nc::parse_int(s, *r),
        ];
        for (i, name) in ["Number", "parseFloat", "parseInt"].iter().enumerate() {
            if !same(got[i], w[i]) {
                bad += 1;
                if bad < 30 {
                    println!(
                        "{name}({}, {r:?}): jolt {:e} node {:e}",
                        String::from_utf16_lossy(s),
                        got[i],
                        w[i]
                    );
                }
            }
        }
    }
    println!(
        "string parsing: {} strings x 3 functions compared",
        strs.len()
    );
    assert_eq!(bad, 0);
}

#[test]
fn int_conversions_match_node() {
    if !node_available("int_conversions_match_node") {
        return;
    }
    let mut rng = Rng(15);
    let mut xs = doubles(&mut rng, scaled(20000));
    for k in 0..200 {
        let b = 2f64.powi(31 + (k % 60));
        xs.extend([b + k as f64, -b - 0.5, b * 3.0 + 7.0]);
    }
    let input: String = xs.iter().map(|&x| hex(x) + "\n").collect();
    let out = run_node(
        &format!(
            "{JS_PRELUDE} process.stdout.write(lines.map(l => {{ const x = fx(l); \
             return [x | 0, x >>> 0, hx(Math.trunc(x) + 0)].join(' '); }}).join('\\n') + '\\n');"
        ),
        &input,
    );
    let mut bad = 0;
    for (x, line) in xs.iter().zip(out.lines()) {
        let p: Vec<&str> = line.split(' ').collect();
        let i32v: i32 = p[0].parse().unwrap();
        let u32v: u32 = p[1].parse().unwrap();
        let ti = from_hex(p[2]);
        let toi = nc::to_integer_or_infinity(*x);
        let ti_expected = if ti.is_nan() { 0.0 } else { ti };
        if nc::to_int32(*x) != i32v || nc::to_uint32(*x) != u32v || !same(toi, ti_expected) {
            bad += 1;
            println!(
                "int conv {x:e}: jolt {} {} {toi} node {line}",
                nc::to_int32(*x),
                nc::to_uint32(*x)
            );
        }
    }
    println!("int conversions: {} values compared", xs.len());
    assert_eq!(bad, 0);
}

#[test]
fn parse_int_long_digit_strings_match_node() {
    if !node_available("parse_int_long_digit_strings_match_node") {
        return;
    }
    // Valid digit runs in their own radix: exercises V8's 32-bit chunk
    // accumulation (non-power-of-two radixes) and exact rounding (others).
    let mut rng = Rng(16);
    let mut cases: Vec<(String, i32)> = Vec::new();
    for i in 0..scaled(6000) {
        let r = 2 + (rng.next() % 35) as u32;
        let len = 1 + (rng.next() % if i % 10 == 0 { 400 } else { 40 }) as usize;
        let mut s = String::new();
        if rng.next().is_multiple_of(8) {
            s.push_str("000");
        }
        for _ in 0..len {
            let d = (rng.next() % r as u64) as u32;
            let c = char::from_digit(d, r).unwrap();
            s.push(if rng.next().is_multiple_of(2) {
                c.to_ascii_uppercase()
            } else {
                c
            });
        }
        cases.push((s, r as i32));
    }
    let input: String = cases.iter().map(|(s, r)| format!("{s} {r}\n")).collect();
    let out = run_node(
        &format!(
            "{JS_PRELUDE} process.stdout.write(lines.map(l => {{ const [s, r] = l.split(' '); \
             return hx(parseInt(s, +r)) + ' ' + hx(Number((+r === 16 ? '0x' : +r === 8 ? '0o' : \
             +r === 2 ? '0b' : '') + s)); }}).join('\\n') + '\\n');"
        ),
        &input,
    );
    let mut bad = 0;
    for ((s, r), line) in cases.iter().zip(out.lines()) {
        let w: Vec<f64> = line.split(' ').map(from_hex).collect();
        let u: Vec<u16> = s.encode_utf16().collect();
        let got = nc::parse_int(&u, Some(*r));
        if !same(got, w[0]) {
            bad += 1;
            println!("parseInt({s}, {r}): jolt {got:e} node {:e}", w[0]);
        }
        // Number() of the same digits with a 0x/0o/0b prefix (or decimal
        // when the radix is 10 or the digits happen to be decimal).
        let prefixed = match r {
            16 => format!("0x{s}"),
            8 => format!("0o{s}"),
            2 => format!("0b{s}"),
            _ => s.clone(),
        };
        let u: Vec<u16> = prefixed.encode_utf16().collect();
        let got = nc::string_to_number(&u);
        if !same(got, w[1]) {
            bad += 1;
            println!("Number({prefixed}): jolt {got:e} node {:e}", w[1]);
        }
    }
    println!("parseInt long digits: {} cases compared", cases.len());
    assert_eq!(bad, 0);
}
