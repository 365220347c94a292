//! Native code generation: the x86-64 assembler and executable memory
//! (`x64`); the baseline and optimizing tiers will live beside it.

pub mod abicheck;
pub mod baseline;
pub mod x64;
