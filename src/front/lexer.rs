//! The lexer: UTF-8 source text to [`Token`]s, on demand.
//!
//! Invariants:
//! - Tokens are produced lazily, one at a time, so the parser decides what a
//!   `/` or a `}` means before anything after it is scanned: a `/` is always
//!   lexed as a punctuator (the parser rejects it where a regular expression
//!   would start), and after the expression of a template substitution the
//!   parser calls [`Lexer::template_continue`] at the `}`.
//! - Never panics: every index is bounds-checked; all positions are byte
//!   offsets on char boundaries.
//! - String and template values are UTF-16 code units; lone surrogates from
//!   escapes are preserved.

use super::error::SyntaxError;
use super::span::Span;
use super::token::{TokKind, Token, PUNCTUATORS};
use super::unicode_id::{ID_CONTINUE, ID_START};
use std::rc::Rc;

pub struct Lexer<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// Where the first token may start (after a hashbang line).
    body_start: usize,
}

type LexResult<T> = Result<T, SyntaxError>;

const INVALID: &str = "Invalid or unexpected token";

fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

fn is_whitespace(c: char) -> bool {
    matches!(
        c,
        '\t' | '\u{B}' | '\u{C}' | ' ' | '\u{A0}' | '\u{FEFF}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// IdentifierStart: `$`, `_`, or Unicode ID_Start (the tables of the
/// Unicode version node uses, see unicode_id.rs).
pub fn is_id_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '$' || c == '_' || (!c.is_ascii() && in_ranges(c, ID_START))
}

/// IdentifierPart: `$`, ZWNJ, ZWJ, or Unicode ID_Continue (which holds `_`).
pub fn is_id_continue(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || c == '$'
        || c == '_'
        || c == '\u{200C}'
        || c == '\u{200D}'
        || (!c.is_ascii() && in_ranges(c, ID_CONTINUE))
}

fn in_ranges(c: char, table: &[(u32, u32)]) -> bool {
    let c = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn push_code_point(out: &mut Vec<u16>, cp: u32) {
    if cp < 0x10000 {
        out.push(cp as u16);
    } else {
        let c = cp - 0x10000;
        out.push(0xD800 | (c >> 10) as u16);
        out.push(0xDC00 | (c & 0x3FF) as u16);
    }
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str) -> Lexer<'a> {
        let mut lx = Lexer {
            src,
            bytes: src.as_bytes(),
            pos: 0,
            body_start: 0,
        };
        // A hashbang line is allowed only at the very start.
        if src.starts_with("#!") {
            while let Some(c) = lx.peek_char() {
                if is_line_terminator(c) {
                    break;
                }
                lx.pos += c.len_utf8();
            }
        }
        lx.body_start = lx.pos;
        lx
    }

    pub fn pos(&self) -> usize {
        self.pos
    }

    fn err<T>(&self, msg: impl Into<String>, start: usize, end: usize) -> LexResult<T> {
        Err(SyntaxError::new(
            msg,
            Span::new(start as u32, end.max(start) as u32),
        ))
    }

    fn peek_char(&self) -> Option<char> {
        self.src.get(self.pos..)?.chars().next()
    }

    fn peek_char_at(&self, off: usize) -> Option<char> {
        self.src.get(self.pos + off..)?.chars().next()
    }

    fn byte(&self, off: usize) -> Option<u8> {
        self.bytes.get(self.pos + off).copied()
    }

    /// Skips whitespace and comments; returns whether a line terminator was
    /// crossed (a multi-line comment containing one counts).
    ///
    /// Script code also has Annex B's HTML-like comments, which node
    /// honours: `<!--` starts a single-line comment anywhere, and so does
    /// `-->` at the start of a line (only whitespace and comments before it).
    fn skip_trivia(&mut self) -> LexResult<bool> {
        let mut nl = false;
        let line_start = self.pos == self.body_start;
        loop {
            let Some(c) = self.peek_char() else {
                return Ok(nl);
            };
            let rest = &self.bytes[self.pos..];
            if is_line_terminator(c) {
                nl = true;
                self.pos += c.len_utf8();
            } else if is_whitespace(c) {
                self.pos += c.len_utf8();
            } else if (c == '/' && self.byte(1) == Some(b'/'))
                || rest.starts_with(b"<!--")
                || ((nl || line_start) && rest.starts_with(b"-->"))
            {
                while let Some(c) = self.peek_char() {
                    if is_line_terminator(c) {
                        break;
                    }
                    self.pos += c.len_utf8();
                }
            } else if c == '/' && self.byte(1) == Some(b'*') {
                let start = self.pos;
                self.pos += 2;
                loop {
                    match self.peek_char() {
                        None => return self.err(INVALID, start, start + 2),
                        Some('*') if self.byte(1) == Some(b'/') => {
                            self.pos += 2;
                            break;
                        }
                        Some(c) => {
                            if is_line_terminator(c) {
                                nl = true;
                            }
                            self.pos += c.len_utf8();
                        }
                    }
                }
            } else {
                return Ok(nl);
            }
        }
    }

    /// Scans the next token.
    pub fn next_token(&mut self) -> LexResult<Token> {
        let nl_before = self.skip_trivia()?;
        let start = self.pos;
        let mut escaped = false;
        let kind = match self.peek_char() {
            None => TokKind::Eof,
            Some(c) if is_id_start(c) || c == '\\' => {
                let (name, esc) = self.scan_name()?;
                escaped = esc;
                TokKind::Name(name)
            }
            Some(c) if c.is_ascii_digit() => self.scan_number()?,
            Some('.') if matches!(self.byte(1), Some(b'0'..=b'9')) => self.scan_number()?,
            Some(q @ ('\'' | '"')) => self.scan_string(q)?,
            Some('`') => {
                self.pos += 1;
                self.scan_template_piece(start)?
            }
            Some('#') => {
                if self
                    .peek_char_at(1)
                    .is_some_and(|c| is_id_start(c) || c == '\\')
                {
                    return self.err(
                        "private class members are not supported by jolt",
                        start,
                        start + 1,
                    );
                }
                return self.err(INVALID, start, start + 1);
            }
            Some(c) => {
                let rest = &self.bytes[self.pos..];
                let mut found = None;
                for p in PUNCTUATORS {
                    if rest.starts_with(p.as_bytes()) {
                        // `?.` followed by a digit is `?` then a number (`a?.5:b`).
                        if *p == "?." && matches!(rest.get(2), Some(b'0'..=b'9')) {
                            continue;
                        }
                        found = Some(*p);
                        break;
                    }
                }
                match found {
                    Some(p) => {
                        self.pos += p.len();
                        TokKind::Punct(p)
                    }
                    None => return self.err(INVALID, start, start + c.len_utf8()),
                }
            }
        };
        Ok(Token {
            kind,
            span: Span::new(start as u32, self.pos as u32),
            nl_before,
            escaped,
        })
    }

    /// Scans an IdentifierName; returns it and whether it had escapes.
    fn scan_name(&mut self) -> LexResult<(Rc<str>, bool)> {
        let start = self.pos;
        let mut name = String::new();
        let mut escaped = false;
        let mut first = true;
        while let Some(c) = self.peek_char() {
            let (ch, len) = if c == '\\' {
                if self.byte(1) != Some(b'u') {
                    return self.err(INVALID, self.pos, self.pos + 1);
                }
                let esc_start = self.pos;
                self.pos += 2;
                let cp = self.scan_unicode_escape_body(esc_start)?;
                escaped = true;
                match char::from_u32(cp) {
                    Some(ch) => (ch, 0),
                    None => return self.err(INVALID, esc_start, self.pos),
                }
            } else {
                (c, c.len_utf8())
            };
            let ok = if first {
                is_id_start(ch)
            } else {
                is_id_continue(ch)
            };
            if !ok {
                if len == 0 {
                    // An escape that does not make an identifier char.
                    return self.err(INVALID, start, self.pos);
                }
                break;
            }
            self.pos += len;
            name.push(ch);
            first = false;
        }
        Ok((name.into(), escaped))
    }

    /// After `\u`: `XXXX` or `{X...}`; returns the code point.
    fn scan_unicode_escape_body(&mut self, esc_start: usize) -> LexResult<u32> {
        const MSG: &str = "Invalid Unicode escape sequence";
        if self.byte(0) == Some(b'{') {
            self.pos += 1;
            let mut v: u32 = 0;
            let mut n = 0;
            loop {
                match self.byte(0) {
                    Some(b'}') if n > 0 => {
                        self.pos += 1;
                        return Ok(v);
                    }
                    Some(b) if b.is_ascii_hexdigit() => {
                        v = v
                            .saturating_mul(16)
                            .saturating_add((b as char).to_digit(16).unwrap_or(0));
                        if v > 0x10FFFF {
                            return self.err(
                                "Undefined Unicode code-point",
                                esc_start,
                                self.pos + 1,
                            );
                        }
                        n += 1;
                        self.pos += 1;
                    }
                    _ => return self.err(MSG, esc_start, self.pos),
                }
            }
        }
        let mut v = 0;
        for _ in 0..4 {
            match self.byte(0) {
                Some(b) if b.is_ascii_hexdigit() => {
                    v = v * 16 + (b as char).to_digit(16).unwrap_or(0);
                    self.pos += 1;
                }
                _ => return self.err(MSG, esc_start, self.pos),
            }
        }
        Ok(v)
    }

    fn scan_number(&mut self) -> LexResult<TokKind> {
        let start = self.pos;
        let b0 = self.byte(0);
        let b1 = self.byte(1).map(|b| b.to_ascii_lowercase());
        let value = if b0 == Some(b'0') && matches!(b1, Some(b'x' | b'o' | b'b')) {
            let bits = match b1 {
                Some(b'x') => 4,
                Some(b'o') => 3,
                _ => 1,
            };
            self.pos += 2;
            let digits = self.scan_digits(1 << bits, start)?;
            if digits.is_empty() {
                return self.err(INVALID, start, self.pos);
            }
            radix_pow2_to_f64(&digits, bits)
        } else if b0 == Some(b'0') && matches!(self.byte(1), Some(b'0'..=b'9')) {
            // Legacy octal (`010`) or leading-zero decimal (`08`): both banned.
            let mut p = self.pos + 1;
            let mut octal = true;
            while let Some(b) = self.bytes.get(p) {
                if !b.is_ascii_digit() {
                    break;
                }
                if *b >= b'8' {
                    octal = false;
                }
                p += 1;
            }
            let msg = if octal {
                "Octal literals are not allowed in strict mode."
            } else {
                "Decimals with leading zeros are not allowed in strict mode."
            };
            return self.err(msg, start, p);
        } else if b0 == Some(b'0') && self.byte(1) == Some(b'_') {
            return self.err(
                "Numeric separator can not be used after leading 0.",
                self.pos + 1,
                self.pos + 2,
            );
        } else {
            let mut text = String::new();
            text.push_str(&self.scan_digits(10, start)?);
            if self.byte(0) == Some(b'.') {
                self.pos += 1;
                text.push('.');
                if self.byte(0) == Some(b'_') {
                    return self.err(INVALID, self.pos, self.pos + 1);
                }
                text.push_str(&self.scan_digits(10, start)?);
            }
            if matches!(self.byte(0), Some(b'e' | b'E')) {
                self.pos += 1;
                text.push('e');
                if let Some(s @ (b'+' | b'-')) = self.byte(0) {
                    text.push(s as char);
                    self.pos += 1;
                }
                let exp = self.scan_digits(10, start)?;
                if exp.is_empty() {
                    return self.err(INVALID, start, self.pos);
                }
                text.push_str(&exp);
            }
            if text.starts_with('.') {
                text.insert(0, '0');
            }
            text.parse::<f64>().unwrap_or(f64::NAN)
        };
        match self.peek_char() {
            Some('n') => {
                return self.err(
                    "BigInt literals are not supported by jolt",
                    start,
                    self.pos + 1,
                )
            }
            Some(c) if is_id_start(c) || c.is_ascii_digit() || c == '\\' => {
                return self.err(INVALID, start, self.pos + c.len_utf8());
            }
            _ => {}
        }
        Ok(TokKind::Num(value))
    }

    /// Digits of `radix` with single `_` separators between digits.
    fn scan_digits(&mut self, radix: u32, _start: usize) -> LexResult<String> {
        let mut s = String::new();
        loop {
            match self.peek_char() {
                Some(c) if c.is_digit(radix) => {
                    s.push(c);
                    self.pos += 1;
                }
                Some('_') => {
                    let at = self.pos;
                    match self.peek_char_at(1) {
                        Some(c) if c.is_digit(radix) && !s.is_empty() => {
                            self.pos += 1;
                        }
                        Some('_') => {
                            return self.err(
                                "Only one underscore is allowed as numeric separator",
                                at + 1,
                                at + 2,
                            )
                        }
                        _ if s.is_empty() => return self.err(INVALID, at, at + 1),
                        _ => {
                            return self.err(
                                "Numeric separators are not allowed at the end of numeric literals",
                                at,
                                at + 1,
                            )
                        }
                    }
                }
                Some(c) if c.is_ascii_digit() && radix < 10 => {
                    // `0b12`, `0o8`
                    return self.err(INVALID, self.pos, self.pos + 1);
                }
                _ => return Ok(s),
            }
        }
    }

    fn scan_string(&mut self, quote: char) -> LexResult<TokKind> {
        let start = self.pos;
        self.pos += 1;
        let mut out: Vec<u16> = Vec::new();
        loop {
            let Some(c) = self.peek_char() else {
                return self.err(INVALID, start, self.pos);
            };
            if c == quote {
                self.pos += 1;
                return Ok(TokKind::Str(out.into()));
            }
            match c {
                '\\' => self.scan_escape(&mut out, false)?,
                '\n' | '\r' => return self.err(INVALID, start, self.pos),
                _ => {
                    let mut buf = [0u16; 2];
                    out.extend_from_slice(c.encode_utf16(&mut buf));
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    /// At a `\` in a string or template: appends the escape's value.
    fn scan_escape(&mut self, out: &mut Vec<u16>, template: bool) -> LexResult<()> {
        let esc_start = self.pos;
        self.pos += 1;
        let Some(c) = self.peek_char() else {
            return self.err(INVALID, esc_start, self.pos);
        };
        self.pos += c.len_utf8();
        let unit = match c {
            'n' => 0x0A,
            't' => 0x09,
            'r' => 0x0D,
            'b' => 0x08,
            'f' => 0x0C,
            'v' => 0x0B,
            '\r' => {
                if self.byte(0) == Some(b'\n') {
                    self.pos += 1;
                }
                return Ok(());
            }
            '\n' | '\u{2028}' | '\u{2029}' => return Ok(()),
            '0' if !matches!(self.byte(0), Some(b'0'..=b'9')) => 0,
            '0'..='7' => {
                let msg = if template {
                    "Octal escape sequences are not allowed in template strings."
                } else {
                    "Octal escape sequences are not allowed in strict mode."
                };
                return self.err(msg, esc_start + 1, self.pos);
            }
            '8' | '9' => {
                let msg = if template {
                    "\\8 and \\9 are not allowed in template strings."
                } else {
                    "\\8 and \\9 are not allowed in strict mode."
                };
                return self.err(msg, esc_start, self.pos);
            }
            'x' => {
                let mut v = 0u16;
                for _ in 0..2 {
                    match self.byte(0) {
                        Some(b) if b.is_ascii_hexdigit() => {
                            v = v * 16 + (b as char).to_digit(16).unwrap_or(0) as u16;
                            self.pos += 1;
                        }
                        _ => {
                            return self.err(
                                "Invalid hexadecimal escape sequence",
                                esc_start,
                                self.pos,
                            )
                        }
                    }
                }
                v
            }
            'u' => {
                let cp = self.scan_unicode_escape_body(esc_start)?;
                push_code_point(out, cp);
                return Ok(());
            }
            other => {
                let mut buf = [0u16; 2];
                out.extend_from_slice(other.encode_utf16(&mut buf));
                return Ok(());
            }
        };
        out.push(unit);
        Ok(())
    }

    /// Scans template characters after `` ` `` or `}` up to `${` or `` ` ``.
    fn scan_template_piece(&mut self, start: usize) -> LexResult<TokKind> {
        let mut out: Vec<u16> = Vec::new();
        loop {
            let Some(c) = self.peek_char() else {
                return self.err("Unterminated template literal", start, self.pos);
            };
            match c {
                '`' => {
                    self.pos += 1;
                    return Ok(TokKind::Template {
                        cooked: out.into(),
                        tail: true,
                    });
                }
                '$' if self.byte(1) == Some(b'{') => {
                    self.pos += 2;
                    return Ok(TokKind::Template {
                        cooked: out.into(),
                        tail: false,
                    });
                }
                '\\' => self.scan_escape(&mut out, true)?,
                '\r' => {
                    // CR and CRLF are normalized to LF in template values.
                    self.pos += 1;
                    if self.byte(0) == Some(b'\n') {
                        self.pos += 1;
                    }
                    out.push(0x0A);
                }
                _ => {
                    let mut buf = [0u16; 2];
                    out.extend_from_slice(c.encode_utf16(&mut buf));
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    /// Continues a template after a substitution: `brace_start` is the byte
    /// offset of the `}` that closes `${ ... }`. Returns the next template
    /// piece token (its span starts at the `}`).
    pub fn template_continue(&mut self, brace_start: u32) -> LexResult<Token> {
        self.pos = brace_start as usize + 1;
        let kind = self.scan_template_piece(brace_start as usize)?;
        Ok(Token {
            kind,
            span: Span::new(brace_start, self.pos as u32),
            nl_before: false,
            escaped: false,
        })
    }
}

/// Correctly rounded value of the digits (in radix `2^bits`), round half to
/// even, without overflow for any length.
fn radix_pow2_to_f64(digits: &str, bits: u32) -> f64 {
    let mut m: u64 = 0;
    let mut exp: i32 = 0;
    let mut sticky = false;
    for c in digits.chars() {
        let d = c.to_digit(1 << bits).unwrap_or(0) as u64;
        if m >> (64 - bits) == 0 {
            m = (m << bits) | d;
        } else {
            // Already >= 60 significant bits: later digits only matter for
            // their magnitude and for breaking ties.
            exp = exp.saturating_add(bits as i32);
            sticky |= d != 0;
        }
    }
    if m == 0 {
        return 0.0;
    }
    let n = 64 - m.leading_zeros();
    if n <= 53 {
        return m as f64 * pow2(exp);
    }
    let shift = n - 53;
    let rest = m & ((1u64 << shift) - 1);
    let half = 1u64 << (shift - 1);
    let mut top = m >> shift;
    if rest > half || (rest == half && (sticky || top & 1 == 1)) {
        top += 1;
    }
    top as f64 * pow2(exp.saturating_add(shift as i32))
}

fn pow2(e: i32) -> f64 {
    if e > 1100 {
        f64::INFINITY
    } else {
        2f64.powi(e)
    }
}
