//! The front end: source text to a checked AST.
//!
//! Pipeline: [`lexer`] (lazy tokens) -> [`parser`] (AST + early errors).
//! [`printer`] turns an AST back into source that parses to an equal AST.
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

pub use error::SyntaxError;
pub use parser::parse;
pub use span::{line_col, LineIndex, Span};

/// Fuzz entry: parses `data` (lossily decoded as UTF-8); when it parses,
/// prints it and checks that the printed text parses to an equal AST.
/// Panics only if that round trip fails (a bug).
pub fn check_parse_no_panic(data: &[u8]) {
    let src = String::from_utf8_lossy(data);
    if let Ok(prog) = parse(&src) {
        let printed = printer::print_program(&prog);
        match parse(&printed) {
            Ok(again) => assert!(
                again == prog,
                "round trip changed the AST\nsource: {src:?}\nprinted: {printed}"
            ),
            Err(e) => panic!(
                "printed program does not parse: {}\nsource: {src:?}\nprinted: {printed}",
                e.render("printed", &printed)
            ),
        }
    }
}
