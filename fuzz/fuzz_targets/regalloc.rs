//! Fuzz target `regalloc`: tier 2's IR pipeline and linear scan on generated
//! bytecode with input-chosen feedback, proved by the allocation checker
//! (see `jolt::verify::regalloc_check`).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = jolt::verify::regalloc_check::check(data) {
        panic!("{e}");
    }
});
