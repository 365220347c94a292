//! Syntax errors.
//!
//! Invariant: `span` points at the offending token (or feature) in the
//! source the error was produced from; `message` is the text after
//! `SyntaxError: ` and uses V8's wording where one exists.

use super::span::{LineIndex, Span};
use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub message: String,
    pub span: Span,
}

impl SyntaxError {
    pub fn new(message: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError {
            message: message.into(),
            span,
        }
    }

    /// Renders as
    /// ```text
    /// FILE:LINE:COL
    /// <the source line>
    /// <spaces>^
    /// SyntaxError: MESSAGE
    /// ```
    /// LINE and COL are 1-based; COL counts UTF-16 code units. The caret is
    /// indented by one space per *char* before the error on its line (so it
    /// lines up visually even after astral characters). No trailing newline.
    pub fn render(&self, file_name: &str, source: &str) -> String {
        let index = LineIndex::new(source);
        let (line, col) = index.line_col(source, self.span.start);
        let text = index.line_text(source, line as usize - 1);
        let mut prefix_chars = 0;
        let mut units = 0;
        for c in text.chars() {
            if units + 1 >= col as usize {
                break;
            }
            units += c.len_utf16();
            prefix_chars += 1;
        }
        format!(
            "{file_name}:{line}:{col}\n{text}\n{}^\nSyntaxError: {}",
            " ".repeat(prefix_chars),
            self.message
        )
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SyntaxError: {}", self.message)
    }
}

impl std::error::Error for SyntaxError {}
