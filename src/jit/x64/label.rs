//! Labels, fixups, relocations and annotations.
//!
//! Invariants:
//! - A `Label` is an index into the `Assembler` that created it; using it with
//!   another assembler is a logic error (caught by bounds checks or `finish`).
//! - A label is bound at most once; every label referenced by a fixup or
//!   relocation must be bound by `finish`, which otherwise returns
//!   `AsmError::UnboundLabel` instead of emitting a zero displacement.
//! - A `Fixup` is a PC-relative rel32 field: value = target + addend - end,
//!   where `end` is the offset of the end of the referencing instruction.
//!   rel8 branches are only emitted to already-bound labels, so they never
//!   need a fixup.

use std::fmt;

/// A position in the code, possibly not yet known.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct Label(pub(crate) u32);

impl Label {
    /// Index of this label in its assembler.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A pending 32-bit PC-relative field.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fixup {
    /// Offset of the 4-byte field.
    pub at: u32,
    /// Offset the CPU measures from (end of the instruction).
    pub end: u32,
    pub label: Label,
    pub addend: i32,
    /// A 1-byte rel8 field (`jmp_short`/`jcc_short`) instead of rel32.
    pub short: bool,
}

/// An absolute 64-bit address of a label, patched when the code is placed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct AbsReloc {
    /// Offset of the 8-byte field.
    pub at: u32,
    pub label: Label,
    pub addend: i64,
}

/// Something a user attached to a code offset: shown by the disassembler,
/// and the raw material for stack maps and deopt tables.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Annotation {
    /// The bytecode instruction that the following code implements.
    Bytecode(u32),
    /// A safepoint (call return address or poll) with its id.
    Safepoint(u32),
    /// The out-of-line slow path of a bytecode instruction.
    SlowPath(u32),
    /// An optimized-code deopt stub resuming at a bytecode pc.
    DeoptTo(u32),
    /// Free text.
    Comment(String),
}

impl fmt::Display for Annotation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Annotation::Bytecode(b) => write!(f, "bytecode {b}"),
            Annotation::Safepoint(s) => write!(f, "safepoint {s}"),
            Annotation::SlowPath(b) => write!(f, "slow path of bytecode {b}"),
            Annotation::DeoptTo(pc) => write!(f, "deopt to pc {pc}"),
            Annotation::Comment(c) => f.write_str(c),
        }
    }
}

/// Errors from `Assembler::finish`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum AsmError {
    /// A label was referenced but never bound.
    UnboundLabel { label: Label, name: String },
    /// A short branch's target is not within rel8 reach, or a RIP-relative
    /// reference (label + displacement) is more than ±2 GiB away.
    OutOfRange { at: u32, label: Label },
}

impl fmt::Display for AsmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AsmError::UnboundLabel { name, .. } => {
                write!(f, "label {name} referenced but never bound")
            }
            AsmError::OutOfRange { at, label } => write!(
                f,
                "reference at offset {at} to label {} is out of range",
                label.0
            ),
        }
    }
}

impl std::error::Error for AsmError {}
