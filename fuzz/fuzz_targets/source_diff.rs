//! Fuzz target `source_diff`: Generated Milestone 1 source programs under every plan.
//! The input is a schedule (8 bytes) plus generator bytes; see
//! `jolt::verify::fuzz`. Run: `cargo +nightly fuzz run source_diff corpus/source_diff`
//! (seeds are replayed on stable by tests/verify_corpus_replay.rs).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(d) = jolt::verify::fuzz::fuzz_source(data) {
        panic!("{d}");
    }
});
