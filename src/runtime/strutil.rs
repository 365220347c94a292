//! UTF-16 string helpers matching V8/node v20.
//!
//! Invariants:
//! - Strings are slices of UTF-16 code units; lone surrogates are legal
//!   values and are preserved (never replaced) except by
//!   [`utf16_to_string_lossy`], which is for output only.
//! - Whitespace is ECMAScript's WhiteSpace + LineTerminator set (TAB VT FF
//!   SP NBSP ZWNBSP, Unicode Zs, LF CR LS PS); U+180E is not whitespace.
//! - Case mapping is Unicode's full default mapping as V8 (ICU) does it,
//!   including `ß -> SS` and the final-sigma rule. It uses Rust's tables;
//!   `tests/conv_strutil_node.rs` compares every code point of planes 0 and 1
//!   with node, so a Unicode-version drift between the two shows up there.

use std::cmp::Ordering;

/// ECMAScript WhiteSpace or LineTerminator code unit.
pub fn is_js_whitespace(u: u16) -> bool {
    matches!(
        u,
        0x09 | 0x0B | 0x0C | 0x20 | 0xA0 | 0xFEFF // TAB VT FF SP NBSP ZWNBSP
            | 0x0A | 0x0D | 0x2028 | 0x2029 // LF CR LS PS
            | 0x1680 | 0x2000..=0x200A | 0x202F | 0x205F | 0x3000 // Zs
    )
}

/// `String.prototype.trim`: both ends.
pub fn trim(s: &[u16]) -> &[u16] {
    trim_end(trim_start(s))
}

/// `String.prototype.trimStart`.
pub fn trim_start(s: &[u16]) -> &[u16] {
    let start = s
        .iter()
        .position(|&u| !is_js_whitespace(u))
        .unwrap_or(s.len());
    &s[start..]
}

/// `String.prototype.trimEnd`.
pub fn trim_end(s: &[u16]) -> &[u16] {
    let end = s
        .iter()
        .rposition(|&u| !is_js_whitespace(u))
        .map_or(0, |i| i + 1);
    &s[..end]
}

/// Applies `map` to each maximal run of well-formed UTF-16 and copies lone
/// surrogates through unchanged. Mapping whole runs (not single chars)
/// lets `str::to_lowercase` apply the context-sensitive final-sigma rule;
/// a lone surrogate is neither cased nor case-ignorable, so it ends the
/// context exactly like a string boundary does in ICU.
fn map_runs(s: &[u16], map: fn(&str) -> String) -> Vec<u16> {
    let mut out = Vec::with_capacity(s.len());
    // ASCII fast path keeps the common case allocation-light.
    if s.iter().all(|&u| u < 0x80) {
        let st: String = s.iter().map(|&u| u as u8 as char).collect();
        out.extend(map(&st).encode_utf16());
        return out;
    }
    let mut run = String::new();
    let mut i = 0;
    while i < s.len() {
        let u = s[i];
        let (c, len) = if (0xD800..0xDC00).contains(&u)
            && i + 1 < s.len()
            && (0xDC00..0xE000).contains(&s[i + 1])
        {
            let cp = 0x10000 + (((u as u32) - 0xD800) << 10) + (s[i + 1] as u32 - 0xDC00);
            (char::from_u32(cp), 2)
        } else {
            (char::from_u32(u as u32), 1) // None for a lone surrogate
        };
        match c {
            Some(c) => run.push(c),
            None => {
                out.extend(map(&run).encode_utf16());
                run.clear();
                out.push(u);
            }
        }
        i += len;
    }
    out.extend(map(&run).encode_utf16());
    out
}

/// `String.prototype.toUpperCase`: full Unicode default mapping (may grow
/// the string, e.g. `ß` -> `SS`); lone surrogates are kept.
pub fn to_upper(s: &[u16]) -> Vec<u16> {
    map_runs(s, str::to_uppercase)
}

/// `String.prototype.toLowerCase`: full Unicode default mapping with the
/// final-sigma rule (`ΑΣ` -> `ας`); lone surrogates are kept.
pub fn to_lower(s: &[u16]) -> Vec<u16> {
    map_runs(s, str::to_lowercase)
}

/// Appends `JSON.stringify(s)` for a string (QuoteJSONString, quotes
/// included) to `out`: `\b \f \n \r \t \" \\`, other C0 controls as
/// `\u00xx`, lone surrogates as `\udxxx` (lowercase hex), pairs verbatim.
pub fn json_quote(s: &[u16], out: &mut Vec<u16>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let push_u = |out: &mut Vec<u16>, u: u16| {
        out.extend_from_slice(&[b'\\' as u16, b'u' as u16]);
        for shift in [12, 8, 4, 0] {
            out.push(HEX[((u >> shift) & 0xF) as usize] as u16);
        }
    };
    out.push(b'"' as u16);
    let mut i = 0;
    while i < s.len() {
        let u = s[i];
        match u {
            0x08 => out.extend_from_slice(&[b'\\' as u16, b'b' as u16]),
            0x0C => out.extend_from_slice(&[b'\\' as u16, b'f' as u16]),
            0x0A => out.extend_from_slice(&[b'\\' as u16, b'n' as u16]),
            0x0D => out.extend_from_slice(&[b'\\' as u16, b'r' as u16]),
            0x09 => out.extend_from_slice(&[b'\\' as u16, b't' as u16]),
            0x22 => out.extend_from_slice(&[b'\\' as u16, b'"' as u16]),
            0x5C => out.extend_from_slice(&[b'\\' as u16, b'\\' as u16]),
            0x00..=0x1F => push_u(out, u),
            0xD800..=0xDBFF => {
                if i + 1 < s.len() && (0xDC00..=0xDFFF).contains(&s[i + 1]) {
                    out.extend_from_slice(&s[i..i + 2]);
                    i += 1;
                } else {
                    push_u(out, u);
                }
            }
            0xDC00..=0xDFFF => push_u(out, u), // a trail without a lead
            _ => out.push(u),
        }
        i += 1;
    }
    out.push(b'"' as u16);
}

/// UTF-8 for output: each lone surrogate becomes U+FFFD, exactly the bytes
/// node writes to stdout (`EF BF BD`).
pub fn utf16_to_string_lossy(s: &[u16]) -> String {
    // ASCII (what `print` mostly writes) without decoding char by char.
    if s.iter().all(|&u| u < 0x80) {
        let bytes: Vec<u8> = s.iter().map(|&u| u as u8).collect();
        return String::from_utf8(bytes).expect("ASCII is UTF-8");
    }
    String::from_utf16_lossy(s)
}

/// Code-unit order, as `<` on JS strings (a proper prefix sorts first).
pub fn compare_utf16(a: &[u16], b: &[u16]) -> Ordering {
    a.cmp(b)
}

/// `hay.indexOf(needle, from)` with `from` already converted to an index:
/// first match at or after `min(from, len)`; an empty needle matches at
/// `min(from, len)`.
pub fn index_of(hay: &[u16], needle: &[u16], from: usize) -> Option<usize> {
    let start = from.min(hay.len());
    if needle.is_empty() {
        return Some(start);
    }
    if needle.len() > hay.len() {
        return None;
    }
    (start..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()] == *needle)
}

/// `hay.lastIndexOf(needle, from)` with `from` already converted (use
/// `usize::MAX` for an absent/NaN position): last match starting at or
/// before `from`; an empty needle matches at `min(from, len)`.
pub fn last_index_of(hay: &[u16], needle: &[u16], from: usize) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    let start = from.min(hay.len() - needle.len());
    (0..=start)
        .rev()
        .find(|&i| hay[i..i + needle.len()] == *needle)
}
