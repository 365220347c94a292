//! Register and operand-size types.
//!
//! Invariants:
//! - `Gpr`, `Xmm` and `Ymm` discriminants are the hardware register numbers
//!   0..=15; bit 3 goes into REX/VEX (R, X or B) and bits 0..=2 into ModRM/SIB.
//! - `IndexReg` can never hold `rsp`: SIB index 0b100 means "no index", so an
//!   rsp index is unencodable and therefore unconstructible.

use arbitrary::Arbitrary;

macro_rules! reg_enum {
    ($(#[$m:meta])* $name:ident, $prefix:literal, [$($v:ident),* $(,)?]) => {
        $(#[$m])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord, Arbitrary)]
        #[repr(u8)]
        pub enum $name { $($v),* }

        impl $name {
            /// Every register, in hardware-number order.
            pub const ALL: [$name; 16] = [$($name::$v),*];

            /// Hardware register number 0..=15.
            #[inline]
            pub const fn enc(self) -> u8 {
                self as u8
            }

            /// The low three bits that go into ModRM/SIB/opcode.
            #[inline]
            pub const fn low3(self) -> u8 {
                self as u8 & 7
            }

            /// Whether the register needs a REX/VEX extension bit (8..=15).
            #[inline]
            pub const fn is_ext(self) -> bool {
                self as u8 >= 8
            }

            /// Register by hardware number; panics if `n > 15`.
            pub fn from_enc(n: u8) -> Self {
                Self::ALL[n as usize]
            }
        }
    };
}

reg_enum!(
    /// A general-purpose register. Its width is given by the instruction's
    /// [`Size`], so `Gpr::Rax` with `Size::S32` is `eax`.
    Gpr,
    "r",
    [Rax, Rcx, Rdx, Rbx, Rsp, Rbp, Rsi, Rdi, R8, R9, R10, R11, R12, R13, R14, R15]
);

reg_enum!(
    /// A 128-bit SSE register.
    Xmm,
    "xmm",
    [
        Xmm0, Xmm1, Xmm2, Xmm3, Xmm4, Xmm5, Xmm6, Xmm7, Xmm8, Xmm9, Xmm10, Xmm11, Xmm12, Xmm13,
        Xmm14, Xmm15
    ]
);

reg_enum!(
    /// A 256-bit AVX register (the upper view of the same register file as `Xmm`).
    Ymm,
    "ymm",
    [
        Ymm0, Ymm1, Ymm2, Ymm3, Ymm4, Ymm5, Ymm6, Ymm7, Ymm8, Ymm9, Ymm10, Ymm11, Ymm12, Ymm13,
        Ymm14, Ymm15
    ]
);

impl Ymm {
    /// The low 128 bits of this register.
    pub fn xmm(self) -> Xmm {
        Xmm::from_enc(self.enc())
    }
}

impl Xmm {
    /// The 256-bit register containing this one.
    pub fn ymm(self) -> Ymm {
        Ymm::from_enc(self.enc())
    }
}

const GPR_NAMES: [[&str; 16]; 4] = [
    [
        "al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil", "r8b", "r9b", "r10b", "r11b", "r12b",
        "r13b", "r14b", "r15b",
    ],
    [
        "ax", "cx", "dx", "bx", "sp", "bp", "si", "di", "r8w", "r9w", "r10w", "r11w", "r12w",
        "r13w", "r14w", "r15w",
    ],
    [
        "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "r8d", "r9d", "r10d", "r11d",
        "r12d", "r13d", "r14d", "r15d",
    ],
    [
        "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12",
        "r13", "r14", "r15",
    ],
];

impl Gpr {
    /// Intel-syntax name of this register at `size`.
    pub fn name(self, size: Size) -> &'static str {
        GPR_NAMES[size as usize][self as usize]
    }

    /// Whether an 8-bit use needs a (possibly empty) REX prefix: without REX,
    /// encodings 4..=7 mean ah/ch/dh/bh instead of spl/bpl/sil/dil.
    #[inline]
    pub const fn byte_needs_rex(self) -> bool {
        matches!(self, Gpr::Rsp | Gpr::Rbp | Gpr::Rsi | Gpr::Rdi)
    }
}

/// Integer operand size.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord, Arbitrary)]
#[repr(u8)]
pub enum Size {
    S8,
    S16,
    S32,
    S64,
}

impl Size {
    pub const ALL: [Size; 4] = [Size::S8, Size::S16, Size::S32, Size::S64];

    /// Width in bytes.
    pub const fn bytes(self) -> u32 {
        1 << (self as u32)
    }

    /// Width in bits.
    pub const fn bits(self) -> u32 {
        8 << (self as u32)
    }

    /// Whether `imm` is representable as an immediate of this size, either
    /// signed or (for sizes below 64) unsigned. For 64-bit operations the
    /// immediate is sign-extended from 32 bits, so it must fit `i32`.
    pub fn fits_imm(self, imm: i64) -> bool {
        match self {
            Size::S8 => (-128..=255).contains(&imm),
            Size::S16 => (-32768..=65535).contains(&imm),
            Size::S32 => (i32::MIN as i64..=u32::MAX as i64).contains(&imm),
            Size::S64 => (i32::MIN as i64..=i32::MAX as i64).contains(&imm),
        }
    }
}

/// A register usable as a SIB index: any `Gpr` except `rsp`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct IndexReg(Gpr);

impl IndexReg {
    /// `None` for `rsp`, which cannot be an index (SIB index 100 = none).
    pub const fn new(r: Gpr) -> Option<IndexReg> {
        match r {
            Gpr::Rsp => None,
            _ => Some(IndexReg(r)),
        }
    }

    pub const fn reg(self) -> Gpr {
        self.0
    }
}

impl<'a> Arbitrary<'a> for IndexReg {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        let r = Gpr::arbitrary(u)?;
        // Map rsp onto r12 rather than failing, so every input yields a value.
        Ok(IndexReg::new(r).unwrap_or(IndexReg(Gpr::R12)))
    }
}

/// SIB scale factor.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Arbitrary)]
#[repr(u8)]
pub enum Scale {
    S1,
    S2,
    S4,
    S8,
}

impl Scale {
    pub const ALL: [Scale; 4] = [Scale::S1, Scale::S2, Scale::S4, Scale::S8];

    /// The SIB `ss` field.
    pub const fn bits(self) -> u8 {
        self as u8
    }

    /// The multiplier (1, 2, 4 or 8).
    pub const fn factor(self) -> u32 {
        1 << (self as u32)
    }
}

/// Condition codes, numbered as in the `Jcc`/`SETcc`/`CMOVcc` opcodes.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Arbitrary)]
#[repr(u8)]
pub enum Cond {
    O,
    No,
    B,
    Ae,
    E,
    Ne,
    Be,
    A,
    S,
    Ns,
    P,
    Np,
    L,
    Ge,
    Le,
    G,
}

impl Cond {
    pub const ALL: [Cond; 16] = [
        Cond::O,
        Cond::No,
        Cond::B,
        Cond::Ae,
        Cond::E,
        Cond::Ne,
        Cond::Be,
        Cond::A,
        Cond::S,
        Cond::Ns,
        Cond::P,
        Cond::Np,
        Cond::L,
        Cond::Ge,
        Cond::Le,
        Cond::G,
    ];

    /// The condition with the opposite truth value.
    pub const fn invert(self) -> Cond {
        Cond::ALL[(self as usize) ^ 1]
    }

    /// Low nibble of the opcode.
    pub const fn enc(self) -> u8 {
        self as u8
    }
}
