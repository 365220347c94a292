//! Fuzz target: the parser never panics or overflows the stack, and every
//! program it accepts survives print -> parse unchanged.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    jolt::front::check_parse_no_panic(data);
});
