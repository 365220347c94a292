//! The ClusterFuzzLite / OSS-Fuzz packaging (.clusterfuzzlite/): the
//! libFuzzer dictionary is well-formed and holds the language's tokens as
//! the lexer defines them, and every cargo-fuzz target has a seed corpus
//! for build.sh to zip. (build.sh itself needs nightly and cargo-fuzz; it
//! was run with OUT set to a temporary folder, see the commit.)

use jolt::front::token::{is_reserved_word, is_strict_reserved_word, PUNCTUATORS};
use std::path::Path;

/// Decodes a libFuzzer dictionary entry's quoted value (`\\`, `\"`, `\xAB`).
fn unquote(v: &str) -> Result<Vec<u8>, String> {
    let inner = v
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .ok_or_else(|| format!("not quoted: {v}"))?;
    let b = inner.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => match b.get(i + 1) {
                Some(b'\\') | Some(b'"') => {
                    out.push(b[i + 1]);
                    i += 2;
                }
                Some(b'x') => {
                    let h = inner.get(i + 2..i + 4).ok_or("short \\x")?;
                    out.push(u8::from_str_radix(h, 16).map_err(|e| e.to_string())?);
                    i += 4;
                }
                _ => return Err(format!("bad escape in {v}")),
            },
            b'"' => return Err(format!("unescaped quote in {v}")),
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    Ok(out)
}

fn dictionary() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".clusterfuzzlite/jolt.dict"),
    )
    .unwrap();
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let l = line.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let (name, v) = l
            .split_once('=')
            .unwrap_or_else(|| panic!("line {}: no '=': {l}", n + 1));
        assert!(
            name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
            "line {}: bad name {name}",
            n + 1
        );
        let bytes = unquote(v).unwrap_or_else(|e| panic!("line {}: {e}", n + 1));
        out.push((name.to_string(), String::from_utf8(bytes).unwrap()));
    }
    out
}

#[test]
fn dictionary_has_every_token_of_the_lexer() {
    let d = dictionary();
    let values: Vec<&str> = d.iter().map(|(_, v)| v.as_str()).collect();
    for p in PUNCTUATORS {
        assert!(values.contains(p), "punctuator {p} missing");
    }
    let mut kws = 0;
    for (name, v) in &d {
        if name.starts_with("kw_") {
            assert!(is_reserved_word(v), "{v} is not a reserved word");
            kws += 1;
        }
        if name.starts_with("skw_") {
            assert!(is_strict_reserved_word(v), "{v} is not strict-reserved");
        }
    }
    // Every reserved word of the lexer (36) is listed.
    assert_eq!(kws, 36);
    for w in [
        "function",
        "class",
        "let",
        "static",
        "of",
        "Map",
        "Float64Array",
    ] {
        assert!(values.contains(&w), "{w}");
    }
}

#[test]
fn every_fuzz_target_has_a_seed_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(root.join("fuzz/Cargo.toml")).unwrap();
    let targets: Vec<&str> = manifest
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .filter_map(|l| l.strip_suffix('"'))
        .filter(|n| *n != "jolt-fuzz")
        .collect();
    assert!(targets.len() >= 5, "{targets:?}");
    for t in targets {
        let dir = root.join("corpus").join(t);
        let n = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
        assert!(n > 0, "no seeds in {}", dir.display());
    }
    let build = std::fs::read_to_string(root.join(".clusterfuzzlite/build.sh")).unwrap();
    assert!(build.contains("cargo $toolchain fuzz build -O"));
}
