//! Fuzz target `gc_stress`: Generated programs with a collection at every allocation and heap verification.
//! The input is a schedule (8 bytes) plus generator bytes; see
//! `jolt::verify::fuzz`. Run: `cargo +nightly fuzz run gc_stress corpus/gc_stress`
//! (seeds are replayed on stable by tests/verify_corpus_replay.rs).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(d) = jolt::verify::fuzz::fuzz_gc_stress(data) {
        panic!("{d}");
    }
});
