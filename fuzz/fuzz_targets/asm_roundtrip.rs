//! Arbitrary instruction -> our encoder -> iced-x86 decoder -> same
//! mnemonic, operands and length. Run: `cargo +nightly fuzz run asm_roundtrip corpus/asm_roundtrip`
//! (from the crate root; seeds are replayed on stable by tests/asm_corpus.rs).
#![no_main]

use jolt::jit::x64::roundtrip::{check, Inst};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|inst: Inst| {
    if let Err(e) = check(&inst) {
        panic!("{e}");
    }
});
