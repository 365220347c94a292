//! Encode-then-decode checking, shared by the exhaustive tests, proptests,
//! the fuzz target and its corpus replay.
//!
//! `Inst` describes one instruction form with its operands (derives
//! `Arbitrary`). `check` normalizes it into something encodable, emits it
//! with `Assembler`, decodes with iced-x86 and compares the mnemonic, every
//! operand (registers, immediates by value, memory base/index/scale/disp/size,
//! branch targets) and the length against an expectation computed from the
//! `Inst` alone (independent tables below, not from the encoder).
//!
//! Invariant: expectations never look at the emitted bytes except to find
//! where the instruction starts and ends.

use arbitrary::Arbitrary;
use iced_x86::{Decoder, DecoderOptions, Formatter, IntelFormatter, Mnemonic, OpKind, Register};

use super::encode::{AluOp, Assembler, AvxMov, AvxOp, ShiftOp, SseOp, SseStoreOp, UnaryOp};
use super::label::Label;
use super::operand::{Mem, Rm, XRm, YRm};
use super::regs::{Cond, Gpr, IndexReg, Scale, Size, Xmm, Ymm};

/// Address the check decodes at (arbitrary, non-zero, high bits set so
/// sign/zero-extension mistakes in displacements show).
pub const BASE_IP: u64 = 0x7fff_1234_0000;

/// A memory operand as fuzz input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Arbitrary)]
pub enum MemSpec {
    Base {
        base: Gpr,
        index: Option<(IndexReg, Scale)>,
        disp: i32,
    },
    /// RIP-relative to a label bound before the instruction (at offset 0).
    RipBack { disp: i32 },
    /// RIP-relative to a label bound right after the instruction.
    RipFwd { disp: i32 },
}

/// Register-or-memory as fuzz input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Arbitrary)]
pub enum RmSpec {
    Reg(Gpr),
    Mem(MemSpec),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Arbitrary)]
pub enum XRmSpec {
    Reg(Xmm),
    Mem(MemSpec),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Arbitrary)]
pub enum YRmSpec {
    Reg(Ymm),
    Mem(MemSpec),
}

/// Where a branch target label sits relative to the branch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Arbitrary)]
pub struct JumpSpec {
    /// Backward: label, `gap` NOP bytes, branch. Forward: branch, `gap` NOP bytes, label.
    pub backward: bool,
    pub gap: u16,
}

/// One instruction form with operands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Arbitrary)]
pub enum Inst {
    AluRmR {
        op: AluOp,
        size: Size,
        dst: RmSpec,
        src: Gpr,
    },
    AluRM {
        op: AluOp,
        size: Size,
        dst: Gpr,
        src: MemSpec,
    },
    AluRmI {
        op: AluOp,
        size: Size,
        dst: RmSpec,
        imm: i32,
    },
    TestRmR {
        size: Size,
        dst: RmSpec,
        src: Gpr,
    },
    TestRmI {
        size: Size,
        dst: RmSpec,
        imm: i32,
    },
    Unary {
        op: UnaryOp,
        size: Size,
        dst: RmSpec,
    },
    Imul2 {
        size: Size,
        dst: Gpr,
        src: RmSpec,
    },
    Imul3 {
        size: Size,
        dst: Gpr,
        src: RmSpec,
        imm: i32,
    },
    Cqo,
    Cdq,
    ShiftImm {
        op: ShiftOp,
        size: Size,
        dst: RmSpec,
        imm: u8,
    },
    ShiftCl {
        op: ShiftOp,
        size: Size,
        dst: RmSpec,
    },
    BtR {
        size: Size,
        dst: RmSpec,
        bit: Gpr,
    },
    BtI {
        size: Size,
        dst: RmSpec,
        bit: u8,
    },
    Setcc {
        cc: Cond,
        dst: RmSpec,
    },
    Cmovcc {
        cc: Cond,
        size: Size,
        dst: Gpr,
        src: RmSpec,
    },
    MovRmR {
        size: Size,
        dst: RmSpec,
        src: Gpr,
    },
    MovRM {
        size: Size,
        dst: Gpr,
        src: MemSpec,
    },
    MovRI {
        size: Size,
        dst: Gpr,
        imm: i64,
    },
    MovRI64 {
        dst: Gpr,
        imm: u64,
    },
    MovMI {
        size: Size,
        dst: MemSpec,
        imm: i32,
    },
    Movzx {
        dst_size: Size,
        dst: Gpr,
        src_size: Size,
        src: RmSpec,
    },
    Movsx {
        dst_size: Size,
        dst: Gpr,
        src_size: Size,
        src: RmSpec,
    },
    Movsxd {
        dst: Gpr,
        src: RmSpec,
    },
    Lea {
        size: Size,
        dst: Gpr,
        src: MemSpec,
    },
    Xchg {
        size: Size,
        a: RmSpec,
        b: Gpr,
    },
    Push(Gpr),
    Pop(Gpr),
    PushM(MemSpec),
    PopM(MemSpec),
    PushI(i32),
    Jcc {
        cc: Cond,
        to: JumpSpec,
    },
    Jmp {
        to: JumpSpec,
    },
    Call {
        to: JumpSpec,
    },
    JccShort {
        cc: Cond,
        to: JumpSpec,
    },
    JmpShort {
        to: JumpSpec,
    },
    JmpR(Gpr),
    JmpM(MemSpec),
    CallR(Gpr),
    CallM(MemSpec),
    Ret,
    Int3,
    Ud2,
    Nop(u8),
    Sse {
        op: SseOp,
        dst: Xmm,
        src: XRmSpec,
    },
    SseStore {
        op: SseStoreOp,
        dst: MemSpec,
        src: Xmm,
    },
    MovqXR {
        dst: Xmm,
        src: Gpr,
    },
    MovqRX {
        dst: Gpr,
        src: Xmm,
    },
    Cvtsi2sd {
        size: Size,
        dst: Xmm,
        src: RmSpec,
    },
    Cvttsd2si {
        size: Size,
        dst: Gpr,
        src: XRmSpec,
    },
    Roundsd {
        dst: Xmm,
        src: XRmSpec,
        mode: u8,
    },
    Avx {
        op: AvxOp,
        dst: Ymm,
        src1: Ymm,
        src2: YRmSpec,
    },
    Vmov {
        op: AvxMov,
        dst: Ymm,
        src: YRmSpec,
    },
    VmovStore {
        op: AvxMov,
        dst: MemSpec,
        src: Ymm,
    },
    Vbroadcastsd {
        dst: Ymm,
        src: XRmSpec,
    },
    Vextractf128 {
        dst: XRmSpec,
        src: Ymm,
        imm: u8,
    },
    Vzeroupper,
}

// ---- independent expectation tables ----

const R8: [Register; 16] = [
    Register::AL,
    Register::CL,
    Register::DL,
    Register::BL,
    Register::SPL,
    Register::BPL,
    Register::SIL,
    Register::DIL,
    Register::R8L,
    Register::R9L,
    Register::R10L,
    Register::R11L,
    Register::R12L,
    Register::R13L,
    Register::R14L,
    Register::R15L,
];
const R16: [Register; 16] = [
    Register::AX,
    Register::CX,
    Register::DX,
    Register::BX,
    Register::SP,
    Register::BP,
    Register::SI,
    Register::DI,
    Register::R8W,
    Register::R9W,
    Register::R10W,
    Register::R11W,
    Register::R12W,
    Register::R13W,
    Register::R14W,
    Register::R15W,
];
const R32: [Register; 16] = [
    Register::EAX,
    Register::ECX,
    Register::EDX,
    Register::EBX,
    Register::ESP,
    Register::EBP,
    Register::ESI,
    Register::EDI,
    Register::R8D,
    Register::R9D,
    Register::R10D,
    Register::R11D,
    Register::R12D,
    Register::R13D,
    Register::R14D,
    Register::R15D,
];
const R64: [Register; 16] = [
    Register::RAX,
    Register::RCX,
    Register::RDX,
    Register::RBX,
    Register::RSP,
    Register::RBP,
    Register::RSI,
    Register::RDI,
    Register::R8,
    Register::R9,
    Register::R10,
    Register::R11,
    Register::R12,
    Register::R13,
    Register::R14,
    Register::R15,
];
const XMMS: [Register; 16] = [
    Register::XMM0,
    Register::XMM1,
    Register::XMM2,
    Register::XMM3,
    Register::XMM4,
    Register::XMM5,
    Register::XMM6,
    Register::XMM7,
    Register::XMM8,
    Register::XMM9,
    Register::XMM10,
    Register::XMM11,
    Register::XMM12,
    Register::XMM13,
    Register::XMM14,
    Register::XMM15,
];
const YMMS: [Register; 16] = [
    Register::YMM0,
    Register::YMM1,
    Register::YMM2,
    Register::YMM3,
    Register::YMM4,
    Register::YMM5,
    Register::YMM6,
    Register::YMM7,
    Register::YMM8,
    Register::YMM9,
    Register::YMM10,
    Register::YMM11,
    Register::YMM12,
    Register::YMM13,
    Register::YMM14,
    Register::YMM15,
];

/// iced register for `r` at `size`.
pub fn gpr(r: Gpr, size: Size) -> Register {
    let t = match size {
        Size::S8 => &R8,
        Size::S16 => &R16,
        Size::S32 => &R32,
        Size::S64 => &R64,
    };
    t[r as usize]
}

pub fn xmm(r: Xmm) -> Register {
    XMMS[r as usize]
}

pub fn ymm(r: Ymm) -> Register {
    YMMS[r as usize]
}

fn alu_mn(op: AluOp) -> Mnemonic {
    match op {
        AluOp::Add => Mnemonic::Add,
        AluOp::Or => Mnemonic::Or,
        AluOp::Adc => Mnemonic::Adc,
        AluOp::Sbb => Mnemonic::Sbb,
        AluOp::And => Mnemonic::And,
        AluOp::Sub => Mnemonic::Sub,
        AluOp::Xor => Mnemonic::Xor,
        AluOp::Cmp => Mnemonic::Cmp,
    }
}

fn unary_mn(op: UnaryOp) -> Mnemonic {
    match op {
        UnaryOp::Inc => Mnemonic::Inc,
        UnaryOp::Dec => Mnemonic::Dec,
        UnaryOp::Not => Mnemonic::Not,
        UnaryOp::Neg => Mnemonic::Neg,
        UnaryOp::Mul => Mnemonic::Mul,
        UnaryOp::Imul => Mnemonic::Imul,
        UnaryOp::Div => Mnemonic::Div,
        UnaryOp::Idiv => Mnemonic::Idiv,
    }
}

fn shift_mn(op: ShiftOp) -> Mnemonic {
    match op {
        ShiftOp::Rol => Mnemonic::Rol,
        ShiftOp::Ror => Mnemonic::Ror,
        ShiftOp::Shl => Mnemonic::Shl,
        ShiftOp::Shr => Mnemonic::Shr,
        ShiftOp::Sar => Mnemonic::Sar,
    }
}

const JCC: [Mnemonic; 16] = [
    Mnemonic::Jo,
    Mnemonic::Jno,
    Mnemonic::Jb,
    Mnemonic::Jae,
    Mnemonic::Je,
    Mnemonic::Jne,
    Mnemonic::Jbe,
    Mnemonic::Ja,
    Mnemonic::Js,
    Mnemonic::Jns,
    Mnemonic::Jp,
    Mnemonic::Jnp,
    Mnemonic::Jl,
    Mnemonic::Jge,
    Mnemonic::Jle,
    Mnemonic::Jg,
];
const SETCC: [Mnemonic; 16] = [
    Mnemonic::Seto,
    Mnemonic::Setno,
    Mnemonic::Setb,
    Mnemonic::Setae,
    Mnemonic::Sete,
    Mnemonic::Setne,
    Mnemonic::Setbe,
    Mnemonic::Seta,
    Mnemonic::Sets,
    Mnemonic::Setns,
    Mnemonic::Setp,
    Mnemonic::Setnp,
    Mnemonic::Setl,
    Mnemonic::Setge,
    Mnemonic::Setle,
    Mnemonic::Setg,
];
const CMOVCC: [Mnemonic; 16] = [
    Mnemonic::Cmovo,
    Mnemonic::Cmovno,
    Mnemonic::Cmovb,
    Mnemonic::Cmovae,
    Mnemonic::Cmove,
    Mnemonic::Cmovne,
    Mnemonic::Cmovbe,
    Mnemonic::Cmova,
    Mnemonic::Cmovs,
    Mnemonic::Cmovns,
    Mnemonic::Cmovp,
    Mnemonic::Cmovnp,
    Mnemonic::Cmovl,
    Mnemonic::Cmovge,
    Mnemonic::Cmovle,
    Mnemonic::Cmovg,
];

/// (mnemonic, memory operand size in bytes) of an SSE op.
fn sse_mn(op: SseOp) -> (Mnemonic, usize) {
    match op {
        SseOp::Movsd => (Mnemonic::Movsd, 8),
        SseOp::Addsd => (Mnemonic::Addsd, 8),
        SseOp::Subsd => (Mnemonic::Subsd, 8),
        SseOp::Mulsd => (Mnemonic::Mulsd, 8),
        SseOp::Divsd => (Mnemonic::Divsd, 8),
        SseOp::Sqrtsd => (Mnemonic::Sqrtsd, 8),
        SseOp::Minsd => (Mnemonic::Minsd, 8),
        SseOp::Maxsd => (Mnemonic::Maxsd, 8),
        SseOp::Ucomisd => (Mnemonic::Ucomisd, 8),
        SseOp::Andpd => (Mnemonic::Andpd, 16),
        SseOp::Orpd => (Mnemonic::Orpd, 16),
        SseOp::Xorpd => (Mnemonic::Xorpd, 16),
        SseOp::Movupd => (Mnemonic::Movupd, 16),
        SseOp::Movdqu => (Mnemonic::Movdqu, 16),
        SseOp::Addpd => (Mnemonic::Addpd, 16),
        SseOp::Subpd => (Mnemonic::Subpd, 16),
        SseOp::Mulpd => (Mnemonic::Mulpd, 16),
        SseOp::Divpd => (Mnemonic::Divpd, 16),
        SseOp::Unpcklpd => (Mnemonic::Unpcklpd, 16),
        SseOp::Paddd => (Mnemonic::Paddd, 16),
        SseOp::Paddq => (Mnemonic::Paddq, 16),
        SseOp::Psubd => (Mnemonic::Psubd, 16),
        SseOp::Pxor => (Mnemonic::Pxor, 16),
        SseOp::Pcmpeqd => (Mnemonic::Pcmpeqd, 16),
    }
}

fn sse_store_mn(op: SseStoreOp) -> (Mnemonic, usize) {
    match op {
        SseStoreOp::Movsd => (Mnemonic::Movsd, 8),
        SseStoreOp::Movupd => (Mnemonic::Movupd, 16),
        SseStoreOp::Movdqu => (Mnemonic::Movdqu, 16),
    }
}

fn avx_mn(op: AvxOp) -> Mnemonic {
    match op {
        AvxOp::Vaddpd => Mnemonic::Vaddpd,
        AvxOp::Vsubpd => Mnemonic::Vsubpd,
        AvxOp::Vmulpd => Mnemonic::Vmulpd,
        AvxOp::Vdivpd => Mnemonic::Vdivpd,
        AvxOp::Vpsubd => Mnemonic::Vpsubd,
        AvxOp::Vpaddd => Mnemonic::Vpaddd,
        AvxOp::Vpaddq => Mnemonic::Vpaddq,
    }
}

fn vmov_mn(op: AvxMov) -> Mnemonic {
    match op {
        AvxMov::Vmovupd => Mnemonic::Vmovupd,
        AvxMov::Vmovdqu => Mnemonic::Vmovdqu,
    }
}

/// An expected operand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExpOp {
    Reg(Register),
    /// Immediate compared on its low `bits` bits.
    Imm {
        value: i64,
        bits: u32,
    },
    Mem {
        base: Register,
        index: Register,
        scale: u32,
        /// Absolute target for RIP-relative operands.
        disp: u64,
        /// Bytes accessed; `None` to skip (lea, nop).
        size: Option<usize>,
    },
    Branch(u64),
}

/// What the decoder must report.
#[derive(Clone, Debug)]
pub struct Expected {
    pub mnemonic: Mnemonic,
    /// `None` skips the operand comparison (multi-byte NOPs).
    pub ops: Option<Vec<ExpOp>>,
    /// Exact instruction length when the form determines it.
    pub len: Option<usize>,
}

// ---- normalization: every arbitrary Inst becomes an encodable one ----

fn not8(s: Size) -> Size {
    if s == Size::S8 {
        Size::S32
    } else {
        s
    }
}

fn wide(s: Size) -> Size {
    if matches!(s, Size::S32 | Size::S64) {
        s
    } else {
        Size::S64
    }
}

/// Clamps an immediate into what `size` accepts for sign-extended imm forms.
fn clamp_imm(size: Size, imm: i32) -> i32 {
    match size {
        Size::S8 => imm as i8 as i32,
        Size::S16 => imm as i16 as i32,
        _ => imm,
    }
}

impl Inst {
    /// An encodable version of `self` (sizes the form lacks are replaced,
    /// immediates truncated, jump gaps bounded).
    pub fn normalized(self) -> Inst {
        use Inst::*;
        match self {
            AluRmI { op, size, dst, imm } => AluRmI {
                op,
                size,
                dst,
                imm: clamp_imm(size, imm),
            },
            TestRmI { size, dst, imm } => TestRmI {
                size,
                dst,
                imm: clamp_imm(size, imm),
            },
            Imul2 { size, dst, src } => Imul2 {
                size: not8(size),
                dst,
                src,
            },
            Imul3 {
                size,
                dst,
                src,
                imm,
            } => Imul3 {
                size: not8(size),
                dst,
                src,
                imm: clamp_imm(not8(size), imm),
            },
            BtR { size, dst, bit } => BtR {
                size: not8(size),
                dst,
                bit,
            },
            BtI { size, dst, bit } => BtI {
                size: not8(size),
                dst,
                bit,
            },
            Cmovcc { cc, size, dst, src } => Cmovcc {
                cc,
                size: not8(size),
                dst,
                src,
            },
            MovRI { size, dst, imm } => MovRI {
                size,
                dst,
                imm: match size {
                    Size::S8 => imm as i8 as i64,
                    Size::S16 => imm as i16 as i64,
                    Size::S32 => imm as i32 as i64,
                    Size::S64 => imm,
                },
            },
            MovMI { size, dst, imm } => MovMI {
                size,
                dst,
                imm: clamp_imm(size, imm),
            },
            Movzx {
                dst_size,
                dst,
                src_size,
                src,
            } => {
                let (d, s) = movx_sizes(dst_size, src_size);
                Movzx {
                    dst_size: d,
                    dst,
                    src_size: s,
                    src,
                }
            }
            Movsx {
                dst_size,
                dst,
                src_size,
                src,
            } => {
                let (d, s) = movx_sizes(dst_size, src_size);
                Movsx {
                    dst_size: d,
                    dst,
                    src_size: s,
                    src,
                }
            }
            Lea { size, dst, src } => Lea {
                size: not8(size),
                dst,
                src,
            },
            Jcc { cc, to } => Jcc {
                cc,
                to: norm_jump(to),
            },
            Jmp { to } => Jmp { to: norm_jump(to) },
            Call { to } => Call { to: norm_jump(to) },
            // rel8 reach: forward gap <= 127, backward gap + 2 <= 128.
            JccShort { cc, to } => JccShort {
                cc,
                to: JumpSpec {
                    backward: to.backward,
                    gap: to.gap % 127,
                },
            },
            JmpShort { to } => JmpShort {
                to: JumpSpec {
                    backward: to.backward,
                    gap: to.gap % 127,
                },
            },
            Nop(n) => Nop(n % 9 + 1),
            Cvtsi2sd { size, dst, src } => Cvtsi2sd {
                size: wide(size),
                dst,
                src,
            },
            Cvttsd2si { size, dst, src } => Cvttsd2si {
                size: wide(size),
                dst,
                src,
            },
            Vextractf128 { dst, src, imm } => Vextractf128 {
                dst,
                src,
                imm: imm & 1,
            },
            Roundsd { dst, src, mode } => Roundsd {
                dst,
                src,
                mode: mode & 15,
            },
            other => other,
        }
        .with_rip_disp_in_range()
    }

    /// Keeps `label + disp` within rel32 reach (out-of-range is an
    /// `AsmError::OutOfRange`, tested separately).
    fn with_rip_disp_in_range(mut self) -> Inst {
        use Inst::*;
        let fix = |m: &mut MemSpec| {
            if let MemSpec::RipBack { disp } | MemSpec::RipFwd { disp } = m {
                *disp >>= 1;
            }
        };
        let fix_rm = |r: &mut RmSpec| {
            if let RmSpec::Mem(m) = r {
                fix(m)
            }
        };
        let fix_x = |r: &mut XRmSpec| {
            if let XRmSpec::Mem(m) = r {
                fix(m)
            }
        };
        match &mut self {
            AluRmR { dst, .. }
            | AluRmI { dst, .. }
            | TestRmR { dst, .. }
            | TestRmI { dst, .. }
            | Unary { dst, .. }
            | ShiftImm { dst, .. }
            | ShiftCl { dst, .. }
            | BtR { dst, .. }
            | BtI { dst, .. }
            | Setcc { dst, .. }
            | MovRmR { dst, .. } => fix_rm(dst),
            Imul2 { src, .. }
            | Imul3 { src, .. }
            | Cmovcc { src, .. }
            | Movzx { src, .. }
            | Movsx { src, .. }
            | Movsxd { src, .. }
            | Cvtsi2sd { src, .. } => fix_rm(src),
            Xchg { a, .. } => fix_rm(a),
            AluRM { src, .. } | MovRM { src, .. } | Lea { src, .. } => fix(src),
            MovMI { dst, .. } | SseStore { dst, .. } | VmovStore { dst, .. } => fix(dst),
            PushM(m) | PopM(m) | JmpM(m) | CallM(m) => fix(m),
            Sse { src, .. } | Cvttsd2si { src, .. } | Roundsd { src, .. } => fix_x(src),
            Vbroadcastsd { src, .. } => fix_x(src),
            Vextractf128 { dst, .. } => fix_x(dst),
            Avx { src2: r, .. } | Vmov { src: r, .. } => {
                if let YRmSpec::Mem(m) = r {
                    fix(m)
                }
            }
            _ => {}
        }
        self
    }
}

fn movx_sizes(d: Size, s: Size) -> (Size, Size) {
    let s = if s == Size::S16 { Size::S16 } else { Size::S8 };
    let d = if d > s { d } else { Size::S32 };
    (d, s)
}

fn norm_jump(j: JumpSpec) -> JumpSpec {
    // Large enough to cross the rel8 boundary both ways, small enough to stay fast.
    JumpSpec {
        backward: j.backward,
        gap: j.gap % 1024,
    }
}

// ---- emission ----

fn mem(m: MemSpec, l: Label) -> Mem {
    match m {
        MemSpec::Base { base, index, disp } => Mem::Base { base, index, disp },
        MemSpec::RipBack { disp } | MemSpec::RipFwd { disp } => Mem::rip_disp(l, disp),
    }
}

fn rm(r: RmSpec, l: Label) -> Rm {
    match r {
        RmSpec::Reg(g) => Rm::Reg(g),
        RmSpec::Mem(m) => Rm::Mem(mem(m, l)),
    }
}

fn xrm(r: XRmSpec, l: Label) -> XRm {
    match r {
        XRmSpec::Reg(x) => XRm::Reg(x),
        XRmSpec::Mem(m) => XRm::Mem(mem(m, l)),
    }
}

fn yrm(r: YRmSpec, l: Label) -> YRm {
    match r {
        YRmSpec::Reg(y) => YRm::Reg(y),
        YRmSpec::Mem(m) => YRm::Mem(mem(m, l)),
    }
}

/// Where the check's single label goes.
enum Place {
    Start,
    Before(u16),
    After(u16),
}

impl Inst {
    fn mem_spec(&self) -> Option<MemSpec> {
        use Inst::*;
        let from_rm = |r: &RmSpec| match r {
            RmSpec::Mem(m) => Some(*m),
            RmSpec::Reg(_) => None,
        };
        let from_x = |r: &XRmSpec| match r {
            XRmSpec::Mem(m) => Some(*m),
            XRmSpec::Reg(_) => None,
        };
        match self {
            AluRmR { dst, .. }
            | AluRmI { dst, .. }
            | TestRmR { dst, .. }
            | TestRmI { dst, .. }
            | Unary { dst, .. }
            | ShiftImm { dst, .. }
            | ShiftCl { dst, .. }
            | BtR { dst, .. }
            | BtI { dst, .. }
            | Setcc { dst, .. }
            | MovRmR { dst, .. } => from_rm(dst),
            Imul2 { src, .. }
            | Imul3 { src, .. }
            | Cmovcc { src, .. }
            | Movzx { src, .. }
            | Movsx { src, .. }
            | Movsxd { src, .. }
            | Cvtsi2sd { src, .. } => from_rm(src),
            Xchg { a, .. } => from_rm(a),
            AluRM { src, .. } | MovRM { src, .. } | Lea { src, .. } => Some(*src),
            MovMI { dst, .. } | SseStore { dst, .. } | VmovStore { dst, .. } => Some(*dst),
            PushM(m) | PopM(m) | JmpM(m) | CallM(m) => Some(*m),
            Sse { src, .. } | Cvttsd2si { src, .. } | Roundsd { src, .. } => from_x(src),
            Vbroadcastsd { src, .. } => from_x(src),
            Vextractf128 { dst, .. } => from_x(dst),
            Avx { src2: r, .. } | Vmov { src: r, .. } => match r {
                YRmSpec::Mem(m) => Some(*m),
                YRmSpec::Reg(_) => None,
            },
            _ => None,
        }
    }

    fn place(&self) -> Place {
        match self {
            Inst::Jcc { to, .. }
            | Inst::Jmp { to }
            | Inst::Call { to }
            | Inst::JccShort { to, .. }
            | Inst::JmpShort { to } => {
                if to.backward {
                    Place::Before(to.gap)
                } else {
                    Place::After(to.gap)
                }
            }
            _ => match self.mem_spec() {
                Some(MemSpec::RipFwd { .. }) => Place::After(0),
                _ => Place::Start,
            },
        }
    }

    /// Emits this (already normalized) instruction, using `l` for any label.
    pub fn emit(&self, a: &mut Assembler, l: Label) {
        use Inst::*;
        match *self {
            AluRmR { op, size, dst, src } => a.alu_rm_r(op, size, rm(dst, l), src),
            AluRM { op, size, dst, src } => a.alu_r_m(op, size, dst, mem(src, l)),
            AluRmI { op, size, dst, imm } => a.alu_rm_imm(op, size, rm(dst, l), imm),
            TestRmR { size, dst, src } => a.test_rm_r(size, rm(dst, l), src),
            TestRmI { size, dst, imm } => a.test_rm_imm(size, rm(dst, l), imm),
            Unary { op, size, dst } => a.unary(op, size, rm(dst, l)),
            Imul2 { size, dst, src } => a.imul_r_rm(size, dst, rm(src, l)),
            Imul3 {
                size,
                dst,
                src,
                imm,
            } => a.imul_r_rm_imm(size, dst, rm(src, l), imm),
            Cqo => a.cqo(),
            Cdq => a.cdq(),
            ShiftImm { op, size, dst, imm } => a.shift_imm(op, size, rm(dst, l), imm),
            ShiftCl { op, size, dst } => a.shift_cl(op, size, rm(dst, l)),
            BtR { size, dst, bit } => a.bt_rm_r(size, rm(dst, l), bit),
            BtI { size, dst, bit } => a.bt_rm_imm(size, rm(dst, l), bit),
            Setcc { cc, dst } => a.setcc(cc, rm(dst, l)),
            Cmovcc { cc, size, dst, src } => a.cmovcc(cc, size, dst, rm(src, l)),
            MovRmR { size, dst, src } => a.mov_rm_r(size, rm(dst, l), src),
            MovRM { size, dst, src } => a.mov_r_m(size, dst, mem(src, l)),
            MovRI { size, dst, imm } => a.mov_r_imm(size, dst, imm),
            MovRI64 { dst, imm } => a.mov_r64_imm64(dst, imm),
            MovMI { size, dst, imm } => a.mov_m_imm(size, mem(dst, l), imm),
            Movzx {
                dst_size,
                dst,
                src_size,
                src,
            } => a.movzx(dst_size, dst, src_size, rm(src, l)),
            Movsx {
                dst_size,
                dst,
                src_size,
                src,
            } => a.movsx(dst_size, dst, src_size, rm(src, l)),
            Movsxd { dst, src } => a.movsxd(dst, rm(src, l)),
            Lea { size, dst, src } => a.lea(size, dst, mem(src, l)),
            Xchg { size, a: x, b } => a.xchg(size, rm(x, l), b),
            Push(r) => a.push_r(r),
            Pop(r) => a.pop_r(r),
            PushM(m) => a.push_m(mem(m, l)),
            PopM(m) => a.pop_m(mem(m, l)),
            PushI(i) => a.push_imm(i),
            Jcc { cc, .. } => a.jcc(cc, l),
            Jmp { .. } => a.jmp(l),
            Call { .. } => a.call(l),
            JccShort { cc, .. } => a.jcc_short(cc, l),
            JmpShort { .. } => a.jmp_short(l),
            JmpR(r) => a.jmp_r(r),
            JmpM(m) => a.jmp_m(mem(m, l)),
            CallR(r) => a.call_r(r),
            CallM(m) => a.call_m(mem(m, l)),
            Ret => a.ret(),
            Int3 => a.int3(),
            Ud2 => a.ud2(),
            Nop(n) => a.nop(n as usize),
            Sse { op, dst, src } => a.sse(op, dst, xrm(src, l)),
            SseStore { op, dst, src } => a.sse_store(op, mem(dst, l), src),
            MovqXR { dst, src } => a.movq_x_r(dst, src),
            MovqRX { dst, src } => a.movq_r_x(dst, src),
            Cvtsi2sd { size, dst, src } => a.cvtsi2sd(size, dst, rm(src, l)),
            Cvttsd2si { size, dst, src } => a.cvttsd2si(size, dst, xrm(src, l)),
            Roundsd { dst, src, mode } => a.roundsd(dst, xrm(src, l), mode),
            Avx {
                op,
                dst,
                src1,
                src2,
            } => a.avx(op, dst, src1, yrm(src2, l)),
            Vmov { op, dst, src } => a.vmov(op, dst, yrm(src, l)),
            VmovStore { op, dst, src } => a.vmov_store(op, mem(dst, l), src),
            Vbroadcastsd { dst, src } => a.vbroadcastsd(dst, xrm(src, l)),
            Vextractf128 { dst, src, imm } => a.vextractf128(xrm(dst, l), src, imm),
            Vzeroupper => a.vzeroupper(),
        }
    }

    /// The decoder's expected view, given the label's absolute address.
    pub fn expected(&self, label_addr: u64) -> Expected {
        use Inst::*;
        let m = |s: MemSpec, size: Option<usize>| -> ExpOp {
            match s {
                MemSpec::Base { base, index, disp } => ExpOp::Mem {
                    base: gpr(base, Size::S64),
                    index: index.map_or(Register::None, |(i, _)| gpr(i.reg(), Size::S64)),
                    scale: index.map_or(1, |(_, s)| s.factor()),
                    disp: disp as i64 as u64,
                    size,
                },
                MemSpec::RipBack { disp } | MemSpec::RipFwd { disp } => ExpOp::Mem {
                    base: Register::RIP,
                    index: Register::None,
                    scale: 1,
                    disp: label_addr.wrapping_add(disp as i64 as u64),
                    size,
                },
            }
        };
        let r = |g: Gpr, s: Size| ExpOp::Reg(gpr(g, s));
        let rmo = |x: RmSpec, s: Size| match x {
            RmSpec::Reg(g) => r(g, s),
            RmSpec::Mem(ms) => m(ms, Some(s.bytes() as usize)),
        };
        let xrmo = |x: XRmSpec, bytes: usize| match x {
            XRmSpec::Reg(v) => ExpOp::Reg(xmm(v)),
            XRmSpec::Mem(ms) => m(ms, Some(bytes)),
        };
        let yrmo = |x: YRmSpec| match x {
            YRmSpec::Reg(v) => ExpOp::Reg(ymm(v)),
            YRmSpec::Mem(ms) => m(ms, Some(32)),
        };
        let imm = |value: i64, bits: u32| ExpOp::Imm { value, bits };
        let e = |mn: Mnemonic, ops: Vec<ExpOp>| Expected {
            mnemonic: mn,
            ops: Some(ops),
            len: None,
        };
        match *self {
            AluRmR { op, size, dst, src } => e(alu_mn(op), vec![rmo(dst, size), r(src, size)]),
            AluRM { op, size, dst, src } => e(
                alu_mn(op),
                vec![r(dst, size), m(src, Some(size.bytes() as usize))],
            ),
            AluRmI {
                op,
                size,
                dst,
                imm: i,
            } => e(alu_mn(op), vec![rmo(dst, size), imm(i as i64, size.bits())]),
            TestRmR { size, dst, src } => e(Mnemonic::Test, vec![rmo(dst, size), r(src, size)]),
            TestRmI { size, dst, imm: i } => e(
                Mnemonic::Test,
                vec![rmo(dst, size), imm(i as i64, size.bits())],
            ),
            Unary { op, size, dst } => e(unary_mn(op), vec![rmo(dst, size)]),
            Imul2 { size, dst, src } => e(Mnemonic::Imul, vec![r(dst, size), rmo(src, size)]),
            Imul3 {
                size,
                dst,
                src,
                imm: i,
            } => e(
                Mnemonic::Imul,
                vec![r(dst, size), rmo(src, size), imm(i as i64, size.bits())],
            ),
            Cqo => Expected {
                len: Some(2),
                ..e(Mnemonic::Cqo, vec![])
            },
            Cdq => Expected {
                len: Some(1),
                ..e(Mnemonic::Cdq, vec![])
            },
            ShiftImm {
                op,
                size,
                dst,
                imm: i,
            } => e(shift_mn(op), vec![rmo(dst, size), imm(i as i64, 8)]),
            ShiftCl { op, size, dst } => {
                e(shift_mn(op), vec![rmo(dst, size), ExpOp::Reg(Register::CL)])
            }
            BtR { size, dst, bit } => e(Mnemonic::Bt, vec![rmo(dst, size), r(bit, size)]),
            BtI { size, dst, bit } => e(Mnemonic::Bt, vec![rmo(dst, size), imm(bit as i64, 8)]),
            Setcc { cc, dst } => e(SETCC[cc as usize], vec![rmo(dst, Size::S8)]),
            Cmovcc { cc, size, dst, src } => {
                e(CMOVCC[cc as usize], vec![r(dst, size), rmo(src, size)])
            }
            MovRmR { size, dst, src } => e(Mnemonic::Mov, vec![rmo(dst, size), r(src, size)]),
            MovRM { size, dst, src } => e(
                Mnemonic::Mov,
                vec![r(dst, size), m(src, Some(size.bytes() as usize))],
            ),
            MovRI { size, dst, imm: i } => {
                // 64-bit values that fit u32 use the zero-extending 32-bit form (5/6 bytes);
                // other i32 values the sign-extended C7 form (7); the rest imm64 (10).
                let (sz, len) = match size {
                    Size::S64 if (0..=u32::MAX as i64).contains(&i) => {
                        (Size::S32, 5 + dst.is_ext() as usize)
                    }
                    Size::S64 if i32::try_from(i).is_ok() => (Size::S64, 7),
                    Size::S64 => (Size::S64, 10),
                    Size::S8 => (
                        Size::S8,
                        2 + (dst.is_ext() || dst.byte_needs_rex()) as usize,
                    ),
                    Size::S16 => (Size::S16, 4 + dst.is_ext() as usize),
                    Size::S32 => (Size::S32, 5 + dst.is_ext() as usize),
                };
                Expected {
                    len: Some(len),
                    ..e(Mnemonic::Mov, vec![r(dst, sz), imm(i, sz.bits())])
                }
            }
            MovRI64 { dst, imm: i } => Expected {
                len: Some(10),
                ..e(Mnemonic::Mov, vec![r(dst, Size::S64), imm(i as i64, 64)])
            },
            MovMI { size, dst, imm: i } => e(
                Mnemonic::Mov,
                vec![
                    m(dst, Some(size.bytes() as usize)),
                    imm(i as i64, size.bits()),
                ],
            ),
            Movzx {
                dst_size,
                dst,
                src_size,
                src,
            } => e(Mnemonic::Movzx, vec![r(dst, dst_size), rmo(src, src_size)]),
            Movsx {
                dst_size,
                dst,
                src_size,
                src,
            } => e(Mnemonic::Movsx, vec![r(dst, dst_size), rmo(src, src_size)]),
            Movsxd { dst, src } => e(
                Mnemonic::Movsxd,
                vec![r(dst, Size::S64), rmo(src, Size::S32)],
            ),
            Lea { size, dst, src } => e(Mnemonic::Lea, vec![r(dst, size), m(src, None)]),
            Xchg { size, a, b } => e(Mnemonic::Xchg, vec![rmo(a, size), r(b, size)]),
            Push(g) => Expected {
                len: Some(1 + g.is_ext() as usize),
                ..e(Mnemonic::Push, vec![r(g, Size::S64)])
            },
            Pop(g) => Expected {
                len: Some(1 + g.is_ext() as usize),
                ..e(Mnemonic::Pop, vec![r(g, Size::S64)])
            },
            PushM(s) => e(Mnemonic::Push, vec![m(s, Some(8))]),
            PopM(s) => e(Mnemonic::Pop, vec![m(s, Some(8))]),
            PushI(i) => Expected {
                len: Some(if (-128..=127).contains(&i) { 2 } else { 5 }),
                ..e(Mnemonic::Push, vec![imm(i as i64, 64)])
            },
            Jcc { cc, to } => {
                let mut x = e(JCC[cc as usize], vec![ExpOp::Branch(label_addr)]);
                x.len = Some(branch_len(to, 2, 6));
                x
            }
            Jmp { to } => {
                let mut x = e(Mnemonic::Jmp, vec![ExpOp::Branch(label_addr)]);
                x.len = Some(branch_len(to, 2, 5));
                x
            }
            Call { .. } => Expected {
                len: Some(5),
                ..e(Mnemonic::Call, vec![ExpOp::Branch(label_addr)])
            },
            JccShort { cc, .. } => Expected {
                len: Some(2),
                ..e(JCC[cc as usize], vec![ExpOp::Branch(label_addr)])
            },
            JmpShort { .. } => Expected {
                len: Some(2),
                ..e(Mnemonic::Jmp, vec![ExpOp::Branch(label_addr)])
            },
            JmpR(g) => e(Mnemonic::Jmp, vec![r(g, Size::S64)]),
            JmpM(s) => e(Mnemonic::Jmp, vec![m(s, Some(8))]),
            CallR(g) => e(Mnemonic::Call, vec![r(g, Size::S64)]),
            CallM(s) => e(Mnemonic::Call, vec![m(s, Some(8))]),
            Ret => Expected {
                len: Some(1),
                ..e(Mnemonic::Ret, vec![])
            },
            Int3 => Expected {
                len: Some(1),
                ..e(Mnemonic::Int3, vec![])
            },
            Ud2 => Expected {
                len: Some(2),
                ..e(Mnemonic::Ud2, vec![])
            },
            Nop(n) => Expected {
                mnemonic: Mnemonic::Nop,
                ops: None,
                len: Some(n as usize),
            },
            Sse { op, dst, src } => {
                let (mn, bytes) = sse_mn(op);
                e(mn, vec![ExpOp::Reg(xmm(dst)), xrmo(src, bytes)])
            }
            SseStore { op, dst, src } => {
                let (mn, bytes) = sse_store_mn(op);
                e(mn, vec![m(dst, Some(bytes)), ExpOp::Reg(xmm(src))])
            }
            MovqXR { dst, src } => e(
                Mnemonic::Movq,
                vec![ExpOp::Reg(xmm(dst)), r(src, Size::S64)],
            ),
            MovqRX { dst, src } => e(
                Mnemonic::Movq,
                vec![r(dst, Size::S64), ExpOp::Reg(xmm(src))],
            ),
            Cvtsi2sd { size, dst, src } => e(
                Mnemonic::Cvtsi2sd,
                vec![ExpOp::Reg(xmm(dst)), rmo(src, size)],
            ),
            Cvttsd2si { size, dst, src } => {
                e(Mnemonic::Cvttsd2si, vec![r(dst, size), xrmo(src, 8)])
            }
            Roundsd { dst, src, mode } => e(
                Mnemonic::Roundsd,
                vec![ExpOp::Reg(xmm(dst)), xrmo(src, 8), imm(mode as i64, 8)],
            ),
            Avx {
                op,
                dst,
                src1,
                src2,
            } => e(
                avx_mn(op),
                vec![ExpOp::Reg(ymm(dst)), ExpOp::Reg(ymm(src1)), yrmo(src2)],
            ),
            Vmov { op, dst, src } => e(vmov_mn(op), vec![ExpOp::Reg(ymm(dst)), yrmo(src)]),
            VmovStore { op, dst, src } => {
                e(vmov_mn(op), vec![m(dst, Some(32)), ExpOp::Reg(ymm(src))])
            }
            Vbroadcastsd { dst, src } => e(
                Mnemonic::Vbroadcastsd,
                vec![ExpOp::Reg(ymm(dst)), xrmo(src, 8)],
            ),
            Vextractf128 { dst, src, imm: i } => e(
                Mnemonic::Vextractf128,
                vec![xrmo(dst, 16), ExpOp::Reg(ymm(src)), imm(i as i64, 8)],
            ),
            Vzeroupper => Expected {
                len: Some(3),
                ..e(Mnemonic::Vzeroupper, vec![])
            },
        }
    }
}

/// Length of a branch: short only backward when the rel8 (measured from the
/// end of the 2-byte form) reaches.
fn branch_len(to: JumpSpec, short: usize, long: usize) -> usize {
    if to.backward && (to.gap as i64 + short as i64) <= 128 {
        short
    } else {
        long
    }
}

fn mask(bits: u32) -> u64 {
    if bits >= 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    }
}

/// Assembles `inst` (normalized) and returns (bytes, start, end, label address).
pub fn assemble(inst: &Inst) -> Result<(Vec<u8>, usize, usize, u64), String> {
    let mut a = Assembler::new();
    let l = a.new_named_label("target");
    let (start, end) = match inst.place() {
        Place::Start => {
            a.bind(l);
            inst.emit(&mut a, l);
            (0, a.offset() as usize)
        }
        Place::Before(gap) => {
            a.bind(l);
            a.nop(gap as usize);
            let s = a.offset() as usize;
            inst.emit(&mut a, l);
            (s, a.offset() as usize)
        }
        Place::After(gap) => {
            inst.emit(&mut a, l);
            let e = a.offset() as usize;
            a.nop(gap as usize);
            a.bind(l);
            (0, e)
        }
    };
    let label_addr = BASE_IP + a.label_offset(l).expect("bound") as u64;
    let code = a.finish().map_err(|e| e.to_string())?;
    Ok((code.bytes, start, end, label_addr))
}

/// Encodes `inst`, decodes it with iced-x86 and compares with the expectation.
pub fn check(inst: &Inst) -> Result<(), String> {
    let inst = inst.normalized();
    let (bytes, start, end, label_addr) = assemble(&inst)?;
    let exp = inst.expected(label_addr);
    let hex: String = bytes[start..end]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let ip = BASE_IP + start as u64;
    let mut dec = Decoder::with_ip(64, &bytes[start..end], ip, DecoderOptions::NONE);
    let mut text = String::new();
    let mut fmt = IntelFormatter::new();
    let mut n = 0;
    // Multi-byte NOP sequences may be several instructions; everything else is one.
    while dec.can_decode() {
        let d = dec.decode();
        text.clear();
        fmt.format(&d, &mut text);
        let ctx = || format!("{inst:?}: bytes {hex} decode as `{text}`");
        if d.is_invalid() {
            return Err(format!("{}: invalid encoding", ctx()));
        }
        if d.mnemonic() != exp.mnemonic {
            return Err(format!(
                "{}: mnemonic {:?}, want {:?}",
                ctx(),
                d.mnemonic(),
                exp.mnemonic
            ));
        }
        n += 1;
        if let Some(ops) = &exp.ops {
            if d.len() != end - start {
                return Err(format!(
                    "{}: decoded length {}, emitted {}",
                    ctx(),
                    d.len(),
                    end - start
                ));
            }
            if d.op_count() as usize != ops.len() {
                return Err(format!(
                    "{}: {} operands, want {:?}",
                    ctx(),
                    d.op_count(),
                    ops
                ));
            }
            for (i, want) in ops.iter().enumerate() {
                compare_op(&d, i as u32, want)
                    .map_err(|e| format!("{}: operand {i}: {e}", ctx()))?;
            }
        }
    }
    if n == 0 {
        return Err(format!("{inst:?}: nothing emitted"));
    }
    if exp.ops.is_some() && n != 1 {
        return Err(format!("{inst:?}: bytes {hex} decode as {n} instructions"));
    }
    if let Some(len) = exp.len {
        if end - start != len {
            return Err(format!(
                "{inst:?}: bytes {hex} are {} long, want {len}",
                end - start
            ));
        }
    }
    Ok(())
}

fn compare_op(d: &iced_x86::Instruction, i: u32, want: &ExpOp) -> Result<(), String> {
    let kind = d.op_kind(i);
    match want {
        ExpOp::Reg(r) => {
            if kind != OpKind::Register || d.op_register(i) != *r {
                return Err(format!("got {kind:?} {:?}, want {r:?}", d.op_register(i)));
            }
        }
        ExpOp::Imm { value, bits } => {
            let is_imm = matches!(
                kind,
                OpKind::Immediate8
                    | OpKind::Immediate16
                    | OpKind::Immediate32
                    | OpKind::Immediate64
                    | OpKind::Immediate8to16
                    | OpKind::Immediate8to32
                    | OpKind::Immediate8to64
                    | OpKind::Immediate32to64
            );
            if !is_imm {
                return Err(format!("got {kind:?}, want immediate {value}"));
            }
            let got = d.immediate(i);
            if got & mask(*bits) != (*value as u64) & mask(*bits) {
                return Err(format!("immediate {got:#x}, want {value:#x} ({bits} bits)"));
            }
        }
        ExpOp::Mem {
            base,
            index,
            scale,
            disp,
            size,
        } => {
            if kind != OpKind::Memory {
                return Err(format!("got {kind:?}, want memory"));
            }
            let got = (
                d.memory_base(),
                d.memory_index(),
                d.memory_index_scale(),
                d.memory_displacement64(),
            );
            if got != (*base, *index, *scale, *disp) {
                return Err(format!(
                    "memory {got:?}, want {:?}",
                    (base, index, scale, disp)
                ));
            }
            if let Some(s) = size {
                let got = mem_bytes(d.memory_size());
                if got != Some(*s) {
                    return Err(format!(
                        "memory size {:?} ({got:?} bytes), want {s}",
                        d.memory_size()
                    ));
                }
            }
        }
        ExpOp::Branch(t) => {
            if !matches!(kind, OpKind::NearBranch64) || d.near_branch_target() != *t {
                return Err(format!(
                    "got {kind:?} target {:#x}, want {t:#x}",
                    d.near_branch_target()
                ));
            }
        }
    }
    Ok(())
}

/// Bytes accessed by an iced `MemorySize` (the `instr_info` feature that
/// provides this is not enabled, and only these kinds occur here).
fn mem_bytes(m: iced_x86::MemorySize) -> Option<usize> {
    let name = format!("{m:?}");
    Some(match name.as_str() {
        "UInt8" | "Int8" => 1,
        "UInt16" | "Int16" => 2,
        "UInt32" | "Int32" | "Float32" => 4,
        "UInt64" | "Int64" | "Float64" | "QwordOffset" => 8,
        "UInt128" | "Int128" | "Float128" => 16,
        "UInt256" | "Int256" => 32,
        n if n.starts_with("Packed128") => 16,
        n if n.starts_with("Packed256") => 32,
        _ => return None,
    })
}
