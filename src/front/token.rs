//! Tokens produced by the lexer.
//!
//! Invariants: keywords are not distinguished from identifiers here
//! ([`TokKind::Name`] holds both; the parser decides by context, which keeps
//! "keywords are allowed as property names" trivial). `escaped` is set when a
//! name contained a `\u` escape, so such a name can never act as a keyword.
//! Punctuators are interned `&'static str`s taken from [`PUNCTUATORS`].

use super::span::Span;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq)]
pub enum TokKind {
    Eof,
    /// Identifier name or keyword (escapes already decoded).
    Name(Rc<str>),
    Punct(&'static str),
    Num(f64),
    /// String literal value in UTF-16 code units.
    Str(Rc<[u16]>),
    /// One piece of a template literal: the cooked text from after `` ` `` or
    /// `}` up to `${` (`tail == false`) or the closing backtick (`tail == true`).
    Template {
        cooked: Rc<[u16]>,
        tail: bool,
    },
}

#[derive(Clone, Debug)]
pub struct Token {
    pub kind: TokKind,
    pub span: Span,
    /// A line terminator occurs between the previous token and this one.
    pub nl_before: bool,
    /// The name was written with a unicode escape.
    pub escaped: bool,
}

impl Token {
    pub fn is_punct(&self, p: &str) -> bool {
        matches!(self.kind, TokKind::Punct(q) if q == p)
    }
    /// True for the unescaped name `kw` (a keyword or contextual keyword).
    pub fn is_kw(&self, kw: &str) -> bool {
        matches!(&self.kind, TokKind::Name(n) if !self.escaped && &**n == kw)
    }
}

/// All punctuators, longest first so a greedy scan finds the longest match.
pub const PUNCTUATORS: &[&str] = &[
    ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=", "=>", "==", "!=",
    "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
    "<<", ">>", "**", "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "+", "-", "*", "/", "%",
    "&", "|", "^", "!", "~", "?", ":", "=", ".",
];

/// Reserved words: never usable as identifiers (strict mode, script goal).
pub fn is_reserved_word(s: &str) -> bool {
    matches!(
        s,
        "break"
            | "case"
            | "catch"
            | "class"
            | "const"
            | "continue"
            | "debugger"
            | "default"
            | "delete"
            | "do"
            | "else"
            | "enum"
            | "export"
            | "extends"
            | "false"
            | "finally"
            | "for"
            | "function"
            | "if"
            | "import"
            | "in"
            | "instanceof"
            | "new"
            | "null"
            | "return"
            | "super"
            | "switch"
            | "this"
            | "throw"
            | "true"
            | "try"
            | "typeof"
            | "var"
            | "void"
            | "while"
            | "with"
    )
}

/// Words reserved only in strict mode (all jolt code is strict).
pub fn is_strict_reserved_word(s: &str) -> bool {
    matches!(
        s,
        "implements"
            | "interface"
            | "let"
            | "package"
            | "private"
            | "protected"
            | "public"
            | "static"
            | "yield"
    )
}
