//! The front end: source text to a checked AST.
//!
//! Pipeline: [`lexer`] (lazy tokens) -> [`parser`] (AST + early errors).
//! [`printer`] turns an AST back into source that parses to an equal AST.
//!
//! API: [`parse`] (a whole file, strict-mode script) -> [`ast::Program`] or
//! a [`SyntaxError`] (`message`, `span`, [`SyntaxError::render`]);
//! [`LineIndex`] / [`line_col`] map byte offsets to 1-based line and
//! UTF-16 column (for runtime error locations too).
//!
//! Invariant: nothing here panics or overflows the stack on any input;
//! [`check_parse_no_panic`] is the fuzzing entry point that checks it
//! (and the print/parse round trip).

pub mod ast;
pub mod error;
pub mod lexer;
pub mod parser;
pub mod printer;
pub mod span;
pub mod token;
mod unicode_id;

pub use error::SyntaxError;
pub use parser::parse;
pub use span::{line_col, LineIndex, Span};

/// Fuzz entry: parses `data` (lossily decoded as UTF-8); when it parses
/// (and is at most 4 KiB: the printer and `==` recurse along long operator
/// chains), prints it and checks that the printed text parses to an equal
/// AST (a printed form that only fails by nesting too deeply is accepted).
/// Panics only if that round trip fails (a bug).
pub fn check_parse_no_panic(data: &[u8]) {
    let src = String::from_utf8_lossy(data);
    let parsed = parse(&src);
    if src.len() > 4096 {
        return;
    }
    if let Ok(prog) = parsed {
        let printed = printer::print_program(&prog);
        match parse(&printed) {
            Ok(again) => assert!(
                again == prog,
                "round trip changed the AST\nsource: {src:?}\nprinted: {printed}"
            ),
            // Conservative parentheses may nest deeper than the original.
            Err(e) if e.message == "too much nesting" => {}
            Err(e) => panic!(
                "printed program does not parse: {}\nsource: {src:?}\nprinted: {printed}",
                e.render("printed", &printed)
            ),
        }
    }
}
