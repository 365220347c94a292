//! Memory and register-or-memory operands.
//!
//! Invariants:
//! - A `Mem` is always encodable: the index can't be rsp (`IndexReg`), and a
//!   RIP-relative operand has no base or index (it is its own variant).
//! - Displacements are `i32`; the encoder picks no displacement, disp8 or
//!   disp32 (see `encode.rs`), so the caller never chooses a width.

use super::label::Label;
use super::regs::{Gpr, IndexReg, Scale, Xmm, Ymm};

/// A memory operand.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Mem {
    /// `[base + index*scale + disp]`.
    Base {
        base: Gpr,
        index: Option<(IndexReg, Scale)>,
        disp: i32,
    },
    /// `[rip + (label - end_of_instruction) + disp]`: the label's address plus `disp`.
    Rip { label: Label, disp: i32 },
}

impl Mem {
    /// `[base]`.
    pub const fn base(base: Gpr) -> Mem {
        Mem::Base {
            base,
            index: None,
            disp: 0,
        }
    }

    /// `[base + disp]`.
    pub const fn disp(base: Gpr, disp: i32) -> Mem {
        Mem::Base {
            base,
            index: None,
            disp,
        }
    }

    /// `[base + index*scale + disp]`.
    pub const fn bisd(base: Gpr, index: IndexReg, scale: Scale, disp: i32) -> Mem {
        Mem::Base {
            base,
            index: Some((index, scale)),
            disp,
        }
    }

    /// `[rip + label]`.
    pub const fn rip(label: Label) -> Mem {
        Mem::Rip { label, disp: 0 }
    }

    /// `[rip + label + disp]`.
    pub const fn rip_disp(label: Label, disp: i32) -> Mem {
        Mem::Rip { label, disp }
    }
}

/// A general-purpose register or memory operand (`r/m` in Intel's tables).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Rm {
    Reg(Gpr),
    Mem(Mem),
}

impl From<Gpr> for Rm {
    fn from(r: Gpr) -> Rm {
        Rm::Reg(r)
    }
}

impl From<Mem> for Rm {
    fn from(m: Mem) -> Rm {
        Rm::Mem(m)
    }
}

/// An SSE register or memory operand (`xmm/m`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum XRm {
    Reg(Xmm),
    Mem(Mem),
}

impl From<Xmm> for XRm {
    fn from(r: Xmm) -> XRm {
        XRm::Reg(r)
    }
}

impl From<Mem> for XRm {
    fn from(m: Mem) -> XRm {
        XRm::Mem(m)
    }
}

/// An AVX register or memory operand (`ymm/m256`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum YRm {
    Reg(Ymm),
    Mem(Mem),
}

impl From<Ymm> for YRm {
    fn from(r: Ymm) -> YRm {
        YRm::Reg(r)
    }
}

impl From<Mem> for YRm {
    fn from(m: Mem) -> YRm {
        YRm::Mem(m)
    }
}
