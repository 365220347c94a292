//! node-oracle tests for `strutil`: case mapping over every BMP and plane-1
//! code point, JSON quoting, whitespace, and stdout bytes for lone
//! surrogates.
mod common;

use common::*;
use jolt::runtime::strutil as su;
use std::process::Command;

fn units_hex(v: &[u16]) -> String {
    v.iter()
        .map(|u| format!("{u:x}"))
        .collect::<Vec<_>>()
        .join(",")
}

fn code_point_units(cp: u32) -> Vec<u16> {
    if cp < 0x10000 {
        vec![cp as u16]
    } else {
        let c = cp - 0x10000;
        vec![0xD800 + (c >> 10) as u16, 0xDC00 + (c & 0x3FF) as u16]
    }
}

#[test]
fn case_mapping_matches_node_for_all_code_points() {
    if !node_available("case_mapping_matches_node_for_all_code_points") {
        return;
    }
    let script = r#"
const h = s => Array.from({length: s.length}, (_, i) => s.charCodeAt(i).toString(16)).join(',');
const out = [];
for (let cp = 0; cp < 0x20000; cp++) {
  const s = String.fromCodePoint(cp);
  out.push(h(s.toUpperCase()) + ' ' + h(s.toLowerCase()));
}
process.stdout.write(out.join('\n') + '\n');"#;
    let out = run_node(script, "");
    assert_eq!(out.lines().count(), 0x20000);
    let mut bad = Vec::new();
    for (cp, line) in out.lines().enumerate() {
        let s = code_point_units(cp as u32);
        let got = format!(
            "{} {}",
            units_hex(&su::to_upper(&s)),
            units_hex(&su::to_lower(&s))
        );
        if got != line {
            bad.push(format!("U+{cp:04X}: jolt {got} node {line}"));
        }
    }
    for b in bad.iter().take(40) {
        println!("{b}");
    }
    println!(
        "case mapping: 131072 code points compared, {} differ",
        bad.len()
    );
    assert!(bad.is_empty());
}

#[test]
fn case_mapping_of_strings_matches_node() {
    if !node_available("case_mapping_of_strings_matches_node") {
        return;
    }
    let samples: Vec<Vec<u16>> = [
        "ΑΣ",
        "ΑΣ Α",
        "Σ",
        "ΑΣΑ",
        "Α\u{301}Σ",
        "ΑΣ\u{301}",
        "ΑΣ.",
        "ὈΔΥΣΣΕΎΣ",
        "a\u{0}Σ",
        "Straße",
        "ǅungla",
        "İstanbul",
        "ﬀ ﬁ ŉ ǰ ΐ",
        "hello World 123",
        "",
    ]
    .iter()
    .map(|s| s.encode_utf16().collect())
    .chain([
        vec![0x391, 0x3a3, 0xD800],
        vec![0x391, 0xD800, 0x3a3],
        vec![0xDC00, 0x61, 0xD83D, 0xDE00, 0x62],
        vec![0x3a3, 0xDFFF],
    ])
    .collect();
    let input: String = samples.iter().map(|s| units_hex(s) + "\n").collect();
    let script = r#"
const h = s => Array.from({length: s.length}, (_, i) => s.charCodeAt(i).toString(16)).join(',');
const lines = require('fs').readFileSync(0, 'utf8').split('\n').slice(0, -1);
process.stdout.write(lines.map(l => {
  const s = l === '' ? '' : String.fromCharCode(...l.split(',').map(x => parseInt(x, 16)));
  return h(s.toUpperCase()) + ' ' + h(s.toLowerCase());
}).join('\n') + '\n');"#;
    let out = run_node(script, &input);
    for (s, line) in samples.iter().zip(out.lines()) {
        let got = format!(
            "{} {}",
            units_hex(&su::to_upper(s)),
            units_hex(&su::to_lower(s))
        );
        assert_eq!(
            got,
            line,
            "case mapping of {:?}",
            String::from_utf16_lossy(s)
        );
    }
}

#[test]
fn json_quote_matches_node() {
    if !node_available("json_quote_matches_node") {
        return;
    }
    // Every BMP code unit alone, then random mixed strings.
    let mut strs: Vec<Vec<u16>> = (0..=0xFFFFu32).map(|u| vec![u as u16]).collect();
    let mut rng = Rng(21);
    const POOL: &[u16] = &[
        0x61, 0x22, 0x5c, 0x0a, 0x01, 0x1f, 0x7f, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xe9, 0x2028,
    ];
    for _ in 0..scaled(3000) {
        let n = rng.next() % 8;
        strs.push(
            (0..n)
                .map(|_| POOL[(rng.next() % POOL.len() as u64) as usize])
                .collect(),
        );
    }
    let input: String = strs.iter().map(|s| units_hex(s) + "\n").collect();
    let script = r#"
const h = s => Array.from({length: s.length}, (_, i) => s.charCodeAt(i).toString(16)).join(',');
const lines = require('fs').readFileSync(0, 'utf8').split('\n').slice(0, -1);
process.stdout.write(lines.map(l => {
  const s = l === '' ? '' : String.fromCharCode(...l.split(',').map(x => parseInt(x, 16)));
  return h(JSON.stringify(s));
}).join('\n') + '\n');"#;
    let out = run_node(script, &input);
    let mut bad = 0;
    for (s, line) in strs.iter().zip(out.lines()) {
        let mut q = Vec::new();
        su::json_quote(s, &mut q);
        if units_hex(&q) != line {
            bad += 1;
            println!("json_quote({s:x?}): jolt {} node {line}", units_hex(&q));
        }
    }
    println!("json_quote: {} strings compared", strs.len());
    assert_eq!(bad, 0);
}

#[test]
fn whitespace_set_matches_node() {
    if !node_available("whitespace_set_matches_node") {
        return;
    }
    let script = r#"
const ws = [];
for (let u = 0; u < 0x10000; u++) if (String.fromCharCode(u).trim() === '') ws.push(u.toString(16));
process.stdout.write(ws.join(',') + '\n');"#;
    let out = run_node(script, "");
    let ours: Vec<String> = (0..=0xFFFFu32)
        .filter(|&u| su::is_js_whitespace(u as u16))
        .map(|u| format!("{u:x}"))
        .collect();
    assert_eq!(ours.join(","), out.trim_end());
}

#[test]
fn lossy_output_bytes_match_node_stdout() {
    if !node_available("lossy_output_bytes_match_node_stdout") {
        return;
    }
    let s: Vec<u16> = vec![
        0xD800, 0x61, 0xDC00, 0xD83D, 0xDE00, 0xDBFF, 0xDBFF, 0xDFFF, 0xE9, 0xDC00,
    ];
    let js = format!(
        "process.stdout.write(String.fromCharCode({}))",
        s.iter()
            .map(|u| u.to_string())
            .collect::<Vec<_>>()
            .join(",")
    );
    let out = Command::new("node")
        .arg("-e")
        .arg(&js)
        .output()
        .expect("node");
    assert_eq!(su::utf16_to_string_lossy(&s).into_bytes(), out.stdout);
}
