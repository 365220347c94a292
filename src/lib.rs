//! Jolt: a JavaScript-subset engine with a reference interpreter, our own
//! x86-64 assembler and JIT tiers, and a differential verification harness.
//! See docs/architecture.md.

pub mod bytecode;
pub mod interp;
pub mod runtime;
