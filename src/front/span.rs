//! Source positions.
//!
//! Invariants: a [`Span`] is a half-open byte range `start..end` into the
//! UTF-8 source, with `start <= end`, both on char boundaries. Spans compare
//! as *always equal* under `PartialEq` so that AST nodes can derive
//! `PartialEq` and be compared "ignoring spans" (the printer round-trip test
//! relies on this); use [`Span::same`] for a real comparison.
//!
//! Columns are counted in UTF-16 code units (as V8 reports them), lines and
//! columns are 1-based. Line terminators: `\n`, `\r`, `\r\n` (one break),
//! U+2028, U+2029.

/// A byte range in the source.
#[derive(Clone, Copy, Debug, Default, Eq)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl PartialEq for Span {
    /// Always true: spans are ignored when comparing AST nodes.
    fn eq(&self, _other: &Span) -> bool {
        true
    }
}

impl Span {
    pub fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }
    /// Real equality of the byte ranges.
    pub fn same(&self, other: &Span) -> bool {
        self.start == other.start && self.end == other.end
    }
    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Precomputed line starts for repeated position lookups (runtime error
/// locations reuse this).
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset of the first char of every line; `line_starts[0] == 0`.
    line_starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        let mut line_starts = vec![0u32];
        let bytes = source.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line_starts.push(i as u32 + 1);
                }
                // U+2028 / U+2029 are E2 80 A8 / E2 80 A9.
                0xE2 if bytes.get(i + 1) == Some(&0x80)
                    && matches!(bytes.get(i + 2), Some(0xA8) | Some(0xA9)) =>
                {
                    i += 2;
                    line_starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { line_starts }
    }

    /// 0-based line number containing `byte_offset` (clamped to the source).
    pub fn line_of(&self, byte_offset: u32) -> usize {
        match self.line_starts.binary_search(&byte_offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// 1-based (line, column); the column counts UTF-16 code units.
    pub fn line_col(&self, source: &str, byte_offset: u32) -> (u32, u32) {
        let off = clamp_to_boundary(source, byte_offset as usize);
        let line = self.line_of(off as u32);
        let start = self.line_starts[line] as usize;
        let col: usize = source[start..off].chars().map(char::len_utf16).sum();
        (line as u32 + 1, col as u32 + 1)
    }

    /// The text of the 0-based line `line`, without its terminator.
    pub fn line_text<'a>(&self, source: &'a str, line: usize) -> &'a str {
        let start = self.line_starts[line] as usize;
        let rest = &source[start.min(source.len())..];
        let end = rest
            .find(['\n', '\r', '\u{2028}', '\u{2029}'])
            .unwrap_or(rest.len());
        &rest[..end]
    }
}

/// 1-based (line, column in UTF-16 units) of a byte offset; for one-off
/// lookups (builds a [`LineIndex`] each call).
pub fn line_col(source: &str, byte_offset: u32) -> (u32, u32) {
    LineIndex::new(source).line_col(source, byte_offset)
}

fn clamp_to_boundary(source: &str, mut off: usize) -> usize {
    off = off.min(source.len());
    while !source.is_char_boundary(off) {
        off -= 1;
    }
    off
}
