//! The x86-64 encoder: `Assembler` emits bytes for well-typed operands and
//! always picks the shortest encoding for what it was asked.
//!
//! Invariants:
//! - Byte order of every instruction: legacy prefix (66/F2/F3), REX or VEX,
//!   opcode, ModRM, SIB, displacement, immediate. RIP-relative fixups measure
//!   from the end of the instruction, so immediates' lengths are passed down.
//! - REX is emitted iff some bit is set or an 8-bit operand is one of
//!   spl/bpl/sil/dil (without REX those encodings mean ah/ch/dh/bh, which
//!   this assembler never produces).
//! - Memory: rsp/r12 as base always take a SIB byte; rbp/r13 as base always
//!   take a displacement (mod=00 with rm/base 101 means RIP/disp32); disp8 is
//!   used iff the displacement fits in i8 (and is nonzero or required).
//! - Branches: to an already bound label (backward) use rel8 when it fits,
//!   else rel32; to an unbound label (forward) rel32, patched by `finish`,
//!   unless the caller asks for `jmp_short`/`jcc_short` (rel8, distance
//!   checked by `finish`). No relaxation: code offsets never move after
//!   emission, so annotations and label offsets taken during emission stay valid.
//! - Immediates: 8/16/32-bit ops accept signed or unsigned values of their
//!   width; 64-bit ALU immediates are sign-extended imm32. Out-of-range
//!   immediates are a caller bug and panic (they can't be encoded).

use super::label::{AbsReloc, Annotation, AsmError, Fixup, Label};
use super::operand::{Mem, Rm, XRm, YRm};
use super::regs::{Cond, Gpr, Size, Xmm, Ymm};

/// The eight classic ALU operations; the value is the `/digit` and opcode row.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, arbitrary::Arbitrary)]
#[repr(u8)]
pub enum AluOp {
    Add = 0,
    Or = 1,
    Adc = 2,
    Sbb = 3,
    And = 4,
    Sub = 5,
    Xor = 6,
    Cmp = 7,
}

impl AluOp {
    pub const ALL: [AluOp; 8] = [
        AluOp::Add,
        AluOp::Or,
        AluOp::Adc,
        AluOp::Sbb,
        AluOp::And,
        AluOp::Sub,
        AluOp::Xor,
        AluOp::Cmp,
    ];
}

/// One-operand group 3/4/5 instructions on r/m.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, arbitrary::Arbitrary)]
pub enum UnaryOp {
    Inc,
    Dec,
    Not,
    Neg,
    /// Unsigned rdx:rax = rax * r/m.
    Mul,
    /// Signed rdx:rax = rax * r/m (one-operand imul).
    Imul,
    Div,
    Idiv,
}

impl UnaryOp {
    pub const ALL: [UnaryOp; 8] = [
        UnaryOp::Inc,
        UnaryOp::Dec,
        UnaryOp::Not,
        UnaryOp::Neg,
        UnaryOp::Mul,
        UnaryOp::Imul,
        UnaryOp::Div,
        UnaryOp::Idiv,
    ];

    /// (opcode for 8-bit, opcode otherwise, /digit).
    fn enc(self) -> (u8, u8, u8) {
        match self {
            UnaryOp::Inc => (0xFE, 0xFF, 0),
            UnaryOp::Dec => (0xFE, 0xFF, 1),
            UnaryOp::Not => (0xF6, 0xF7, 2),
            UnaryOp::Neg => (0xF6, 0xF7, 3),
            UnaryOp::Mul => (0xF6, 0xF7, 4),
            UnaryOp::Imul => (0xF6, 0xF7, 5),
            UnaryOp::Div => (0xF6, 0xF7, 6),
            UnaryOp::Idiv => (0xF6, 0xF7, 7),
        }
    }
}

/// Shift and rotate operations; the value is the `/digit`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, arbitrary::Arbitrary)]
#[repr(u8)]
pub enum ShiftOp {
    Rol = 0,
    Ror = 1,
    Shl = 4,
    Shr = 5,
    Sar = 7,
}

impl ShiftOp {
    pub const ALL: [ShiftOp; 5] = [
        ShiftOp::Rol,
        ShiftOp::Ror,
        ShiftOp::Shl,
        ShiftOp::Shr,
        ShiftOp::Sar,
    ];
}

/// SSE2/SSE4.1 instructions of the shape `op xmm, xmm/m`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, arbitrary::Arbitrary)]
pub enum SseOp {
    /// Load or register move (`movsd xmm, xmm/m64`); store is `movsd_store`.
    Movsd,
    Addsd,
    Subsd,
    Mulsd,
    Divsd,
    Sqrtsd,
    Minsd,
    Maxsd,
    Ucomisd,
    Andpd,
    Orpd,
    Xorpd,
    /// Load or register move; store is `sse_store`.
    Movupd,
    /// Load or register move; store is `sse_store`.
    Movdqu,
    Addpd,
    Subpd,
    Mulpd,
    Divpd,
    /// `unpcklpd x, x`: the low double in both lanes (SSE2's broadcast).
    Unpcklpd,
    Paddd,
    Paddq,
    Psubd,
    Pxor,
    Pcmpeqd,
}

impl SseOp {
    pub const ALL: [SseOp; 24] = [
        SseOp::Movsd,
        SseOp::Addsd,
        SseOp::Subsd,
        SseOp::Mulsd,
        SseOp::Divsd,
        SseOp::Sqrtsd,
        SseOp::Minsd,
        SseOp::Maxsd,
        SseOp::Ucomisd,
        SseOp::Andpd,
        SseOp::Orpd,
        SseOp::Xorpd,
        SseOp::Movupd,
        SseOp::Movdqu,
        SseOp::Addpd,
        SseOp::Subpd,
        SseOp::Mulpd,
        SseOp::Divpd,
        SseOp::Unpcklpd,
        SseOp::Paddd,
        SseOp::Paddq,
        SseOp::Psubd,
        SseOp::Pxor,
        SseOp::Pcmpeqd,
    ];

    /// (mandatory prefix, opcode after 0F).
    fn enc(self) -> (u8, u8) {
        match self {
            SseOp::Movsd => (0xF2, 0x10),
            SseOp::Addsd => (0xF2, 0x58),
            SseOp::Mulsd => (0xF2, 0x59),
            SseOp::Subsd => (0xF2, 0x5C),
            SseOp::Minsd => (0xF2, 0x5D),
            SseOp::Divsd => (0xF2, 0x5E),
            SseOp::Maxsd => (0xF2, 0x5F),
            SseOp::Sqrtsd => (0xF2, 0x51),
            SseOp::Ucomisd => (0x66, 0x2E),
            SseOp::Andpd => (0x66, 0x54),
            SseOp::Orpd => (0x66, 0x56),
            SseOp::Xorpd => (0x66, 0x57),
            SseOp::Movupd => (0x66, 0x10),
            SseOp::Movdqu => (0xF3, 0x6F),
            SseOp::Addpd => (0x66, 0x58),
            SseOp::Mulpd => (0x66, 0x59),
            SseOp::Subpd => (0x66, 0x5C),
            SseOp::Divpd => (0x66, 0x5E),
            SseOp::Unpcklpd => (0x66, 0x14),
            SseOp::Paddd => (0x66, 0xFE),
            SseOp::Paddq => (0x66, 0xD4),
            SseOp::Psubd => (0x66, 0xFA),
            SseOp::Pxor => (0x66, 0xEF),
            SseOp::Pcmpeqd => (0x66, 0x76),
        }
    }
}

/// SSE moves that have a store form `op m, xmm`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, arbitrary::Arbitrary)]
pub enum SseStoreOp {
    Movsd,
    Movupd,
    Movdqu,
}

impl SseStoreOp {
    pub const ALL: [SseStoreOp; 3] = [SseStoreOp::Movsd, SseStoreOp::Movupd, SseStoreOp::Movdqu];

    fn enc(self) -> (u8, u8) {
        match self {
            SseStoreOp::Movsd => (0xF2, 0x11),
            SseStoreOp::Movupd => (0x66, 0x11),
            SseStoreOp::Movdqu => (0xF3, 0x7F),
        }
    }
}

/// AVX2 256-bit three-operand ops `op ymm, ymm, ymm/m256`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, arbitrary::Arbitrary)]
pub enum AvxOp {
    Vaddpd,
    Vsubpd,
    Vmulpd,
    Vdivpd,
    Vpaddd,
    Vpsubd,
    Vpaddq,
}

impl AvxOp {
    pub const ALL: [AvxOp; 7] = [
        AvxOp::Vaddpd,
        AvxOp::Vsubpd,
        AvxOp::Vmulpd,
        AvxOp::Vdivpd,
        AvxOp::Vpaddd,
        AvxOp::Vpsubd,
        AvxOp::Vpaddq,
    ];

    fn opcode(self) -> u8 {
        match self {
            AvxOp::Vaddpd => 0x58,
            AvxOp::Vsubpd => 0x5C,
            AvxOp::Vmulpd => 0x59,
            AvxOp::Vdivpd => 0x5E,
            AvxOp::Vpsubd => 0xFA,
            AvxOp::Vpaddd => 0xFE,
            AvxOp::Vpaddq => 0xD4,
        }
    }
}

/// AVX 256-bit unaligned moves.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, arbitrary::Arbitrary)]
pub enum AvxMov {
    Vmovupd,
    Vmovdqu,
}

impl AvxMov {
    pub const ALL: [AvxMov; 2] = [AvxMov::Vmovupd, AvxMov::Vmovdqu];

    /// (VEX pp, load opcode, store opcode).
    fn enc(self) -> (u8, u8, u8) {
        match self {
            AvxMov::Vmovupd => (1, 0x10, 0x11),
            AvxMov::Vmovdqu => (2, 0x6F, 0x7F),
        }
    }
}

/// The register-or-memory half of a ModRM byte, as raw numbers.
#[derive(Clone, Copy)]
enum RmEnc<'a> {
    Reg(u8),
    Mem(&'a Mem),
}

impl<'a> From<&'a Rm> for RmEnc<'a> {
    fn from(rm: &'a Rm) -> RmEnc<'a> {
        match rm {
            Rm::Reg(r) => RmEnc::Reg(r.enc()),
            Rm::Mem(m) => RmEnc::Mem(m),
        }
    }
}

impl<'a> From<&'a XRm> for RmEnc<'a> {
    fn from(rm: &'a XRm) -> RmEnc<'a> {
        match rm {
            XRm::Reg(r) => RmEnc::Reg(r.enc()),
            XRm::Mem(m) => RmEnc::Mem(m),
        }
    }
}

impl<'a> From<&'a YRm> for RmEnc<'a> {
    fn from(rm: &'a YRm) -> RmEnc<'a> {
        match rm {
            YRm::Reg(r) => RmEnc::Reg(r.enc()),
            YRm::Mem(m) => RmEnc::Mem(m),
        }
    }
}

/// ModRM byte. `md` is 0..=3, `reg` and `rm` the low three bits.
#[inline]
pub fn modrm(md: u8, reg: u8, rm: u8) -> u8 {
    debug_assert!(md < 4 && reg < 8 && rm < 8, "modrm field out of range");
    (md << 6) | (reg << 3) | rm
}

/// SIB byte. `ss` is 0..=3, `index` and `base` the low three bits.
#[inline]
pub fn sib(ss: u8, index: u8, base: u8) -> u8 {
    debug_assert!(ss < 4 && index < 8 && base < 8, "sib field out of range");
    (ss << 6) | (index << 3) | base
}

/// REX byte from W and the full (0..=15) register numbers for R, X and B.
#[inline]
pub fn rex(w: bool, r: u8, x: u8, b: u8) -> u8 {
    debug_assert!(r < 16 && x < 16 && b < 16);
    0x40 | ((w as u8) << 3) | ((r >> 3) << 2) | ((x >> 3) << 1) | (b >> 3)
}

/// The recommended multi-byte NOPs, by length 1..=9.
const NOPS: [&[u8]; 9] = [
    &[0x90],
    &[0x66, 0x90],
    &[0x0F, 0x1F, 0x00],
    &[0x0F, 0x1F, 0x40, 0x00],
    &[0x0F, 0x1F, 0x44, 0x00, 0x00],
    &[0x66, 0x0F, 0x1F, 0x44, 0x00, 0x00],
    &[0x0F, 0x1F, 0x80, 0x00, 0x00, 0x00, 0x00],
    &[0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
    &[0x66, 0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
];

#[derive(Clone, Debug)]
pub(crate) struct LabelSlot {
    pub offset: Option<u32>,
    pub name: Option<LabelName>,
}

/// A label's name in listings: its own, or `L<index>`. Text only when a
/// listing asks (`Display`): formatting a name for every label of every
/// compiled function was a tenth of `jolt fuzz`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabelName {
    Index(u32),
    Named(Box<str>),
    /// `<prefix><n>`, e.g. `bc12` for the code of bytecode pc 12.
    Numbered(&'static str, u32),
}

impl std::fmt::Display for LabelName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LabelName::Index(i) => write!(f, "L{i}"),
            LabelName::Named(n) => f.write_str(n),
            LabelName::Numbered(p, n) => write!(f, "{p}{n}"),
        }
    }
}

/// Assembled, position-independent code: bytes with all PC-relative fields
/// resolved, plus what is needed to place it (absolute relocations) and to
/// describe it (label offsets and names, annotations).
#[derive(Clone, Debug)]
pub struct Code {
    pub bytes: Vec<u8>,
    /// Absolute relocations still to apply once the base address is known.
    pub relocs: Vec<AbsReloc>,
    /// (name, offset) of every bound label, by label index; unbound, unreferenced labels are `None`.
    pub labels: Vec<Option<(LabelName, u32)>>,
    /// (code offset, annotation), in emission order (offsets nondecreasing).
    pub annotations: Vec<(u32, Annotation)>,
    /// Byte ranges emitted as data (constants, address tables): listed as `db`, not decoded.
    pub data: Vec<std::ops::Range<u32>>,
}

impl Code {
    /// Offset of a bound label.
    pub fn label_offset(&self, l: Label) -> Option<u32> {
        self.labels.get(l.index())?.as_ref().map(|(_, o)| *o)
    }

    /// Intel-syntax listing as if placed at `base` (absolute relocations not applied).
    pub fn disassemble(&self, base: u64) -> String {
        super::disasm::disassemble(
            &self.bytes,
            base,
            &self.labels,
            &self.annotations,
            &self.data,
        )
    }
}

/// The assembler. See the module doc for the encoding rules.
#[derive(Default, Debug)]
pub struct Assembler {
    buf: Vec<u8>,
    labels: Vec<LabelSlot>,
    fixups: Vec<Fixup>,
    relocs: Vec<AbsReloc>,
    notes: Vec<(u32, Annotation)>,
    data: Vec<std::ops::Range<u32>>,
}

fn fits_i8(v: i64) -> bool {
    (-128..=127).contains(&v)
}

/// Sign-extend the low `size` bits of `imm` (how the CPU will see an imm8 test).
fn sext(size: Size, imm: i64) -> i64 {
    match size {
        Size::S8 => imm as i8 as i64,
        Size::S16 => imm as i16 as i64,
        Size::S32 => imm as i32 as i64,
        Size::S64 => imm,
    }
}

impl Assembler {
    pub fn new() -> Assembler {
        Assembler::default()
    }

    /// An assembler with room for about `insns` instructions: compilers
    /// that know their input's size size it up front (growing the buffers
    /// one push at a time was a tenth of compiling).
    pub fn with_capacity(insns: usize) -> Assembler {
        Assembler {
            buf: Vec::with_capacity(insns * 6),
            labels: Vec::with_capacity(insns / 4),
            fixups: Vec::with_capacity(insns / 4),
            notes: Vec::with_capacity(insns / 8),
            ..Assembler::default()
        }
    }

    /// Current code offset.
    pub fn offset(&self) -> u32 {
        self.buf.len() as u32
    }

    /// The bytes emitted so far (PC-relative forward fields still zero).
    pub fn bytes(&self) -> &[u8] {
        &self.buf
    }

    // ---- labels, annotations, finish ----

    /// A new unbound label named `L<n>` in listings.
    pub fn new_label(&mut self) -> Label {
        self.labels.push(LabelSlot {
            offset: None,
            name: None,
        });
        Label(self.labels.len() as u32 - 1)
    }

    /// A new unbound label with a name for listings.
    pub fn new_named_label(&mut self, name: &str) -> Label {
        let l = self.new_label();
        self.labels[l.index()].name = Some(LabelName::Named(name.into()));
        l
    }

    /// A new unbound label named `<prefix><n>` in listings (formatted only
    /// when listed).
    pub fn new_numbered_label(&mut self, prefix: &'static str, n: u32) -> Label {
        let l = self.new_label();
        self.labels[l.index()].name = Some(LabelName::Numbered(prefix, n));
        l
    }

    /// Binds `l` to the current offset. Panics if already bound (a bug in the caller).
    pub fn bind(&mut self, l: Label) {
        let off = self.offset();
        let slot = &mut self.labels[l.index()];
        assert!(slot.offset.is_none(), "label {:?} bound twice", l);
        slot.offset = Some(off);
    }

    /// Offset of `l` if bound.
    pub fn label_offset(&self, l: Label) -> Option<u32> {
        self.labels[l.index()].offset
    }

    fn label_name(&self, l: Label) -> String {
        match &self.labels[l.index()].name {
            Some(n) => n.to_string(),
            None => format!("L{}", l.0),
        }
    }

    /// Records `a` at the current offset.
    pub fn annotate(&mut self, a: Annotation) {
        self.notes.push((self.offset(), a));
    }

    /// Records a free-text comment at the current offset.
    pub fn comment(&mut self, text: impl Into<String>) {
        self.annotate(Annotation::Comment(text.into()));
    }

    /// Resolves all PC-relative fixups. Fails if a referenced label is unbound.
    pub fn finish(mut self) -> Result<Code, AsmError> {
        for f in &self.fixups {
            let Some(target) = self.labels[f.label.index()].offset else {
                return Err(AsmError::UnboundLabel {
                    label: f.label,
                    name: self.label_name(f.label),
                });
            };
            let rel = target as i64 + f.addend as i64 - f.end as i64;
            let out_of_range = AsmError::OutOfRange {
                at: f.at,
                label: f.label,
            };
            let at = f.at as usize;
            if f.short {
                let rel = i8::try_from(rel).map_err(|_| out_of_range)?;
                self.buf[at] = rel as u8;
            } else {
                // Only a RIP operand's user displacement can push this out of range.
                let rel = i32::try_from(rel).map_err(|_| out_of_range)?;
                self.buf[at..at + 4].copy_from_slice(&rel.to_le_bytes());
            }
        }
        for r in &self.relocs {
            if self.labels[r.label.index()].offset.is_none() {
                return Err(AsmError::UnboundLabel {
                    label: r.label,
                    name: self.label_name(r.label),
                });
            }
        }
        let labels = std::mem::take(&mut self.labels)
            .into_iter()
            .enumerate()
            .map(|(i, slot)| {
                let name = slot.name.unwrap_or(LabelName::Index(i as u32));
                slot.offset.map(|o| (name, o))
            })
            .collect();
        Ok(Code {
            bytes: self.buf,
            relocs: self.relocs,
            labels,
            annotations: self.notes,
            data: self.data,
        })
    }

    /// `finish` and place the code in `space`.
    pub fn finalize(
        self,
        space: &mut super::codemem::CodeSpace,
    ) -> Result<super::codemem::ExecCode, super::codemem::FinalizeError> {
        let code = self.finish()?;
        Ok(space.install(code)?)
    }

    // ---- raw emission ----

    /// Appends data (constants, tables): listings show it as `db`, not as instructions.
    pub fn data_bytes(&mut self, b: &[u8]) {
        let start = self.offset();
        self.emit_bytes(b);
        self.mark_data(start);
    }

    fn mark_data(&mut self, start: u32) {
        let end = self.offset();
        match self.data.last_mut() {
            Some(r) if r.end == start => r.end = end,
            _ => self.data.push(start..end),
        }
    }

    /// Appends raw instruction bytes (hand-encoded instructions).
    pub fn emit_bytes(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
    }

    fn byte(&mut self, b: u8) {
        self.buf.push(b);
    }

    fn imm(&mut self, size: Size, v: i64) {
        match size {
            Size::S8 => self.byte(v as u8),
            Size::S16 => self.emit_bytes(&(v as u16).to_le_bytes()),
            Size::S32 | Size::S64 => self.emit_bytes(&(v as u32).to_le_bytes()),
        }
    }

    fn imm32(&mut self, v: i32) {
        self.emit_bytes(&v.to_le_bytes());
    }

    /// Appends the first `n` (at most 8) bytes of `bytes` with one 8-byte
    /// store into reserved room: the encoder's hot path (prefix + REX +
    /// opcode, ModRM + SIB + displacement) without a `memcpy` call or a
    /// capacity check per byte.
    #[inline]
    fn put(&mut self, bytes: [u8; 8], n: usize) {
        assert!(n <= 8);
        self.buf.reserve(8);
        let len = self.buf.len();
        // SAFETY: `reserve(8)` made room for 8 bytes after `len`; only the
        // first `n` become part of the buffer.
        unsafe {
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), self.buf.as_mut_ptr().add(len), 8);
            self.buf.set_len(len + n);
        }
    }

    /// Emits ModRM (+SIB, +disp) for `reg` (low 3 bits used) and `rm`.
    /// `imm_len` = bytes of immediate that will follow (for RIP-relative).
    fn modrm_sib_disp(&mut self, reg: u8, rm: RmEnc<'_>, imm_len: u32) {
        let reg = reg & 7;
        match rm {
            RmEnc::Reg(r) => self.byte(modrm(3, reg, r & 7)),
            RmEnc::Mem(Mem::Rip { label, disp }) => {
                let at = self.offset() + 1;
                self.put([modrm(0, reg, 5), 0, 0, 0, 0, 0, 0, 0], 5);
                self.fixups.push(Fixup {
                    at,
                    end: at + 4 + imm_len,
                    label: *label,
                    addend: *disp,
                    short: false,
                });
            }
            RmEnc::Mem(Mem::Base { base, index, disp }) => {
                let disp = *disp;
                let b = base.low3();
                // rbp/r13 (low3 == 101) with mod=00 would mean RIP/disp32: force disp8 0.
                let md = if disp == 0 && b != 5 {
                    0
                } else if fits_i8(disp as i64) {
                    1
                } else {
                    2
                };
                let mut out = [0u8; 8];
                let mut n = match index {
                    Some((idx, scale)) => {
                        out[0] = modrm(md, reg, 4);
                        out[1] = sib(scale.bits(), idx.reg().low3(), b);
                        2
                    }
                    // rsp/r12 (low3 == 100) in rm means "SIB follows": use SIB with no index.
                    None if b == 4 => {
                        out[0] = modrm(md, reg, 4);
                        out[1] = sib(0, 4, 4);
                        2
                    }
                    None => {
                        out[0] = modrm(md, reg, b);
                        1
                    }
                };
                match md {
                    1 => {
                        out[n] = disp as u8;
                        n += 1;
                    }
                    2 => {
                        out[n..n + 4].copy_from_slice(&disp.to_le_bytes());
                        n += 4;
                    }
                    _ => {}
                }
                self.put(out, n);
            }
        }
    }

    /// X and B extension register numbers implied by `rm`.
    fn rm_xb(rm: RmEnc<'_>) -> (u8, u8) {
        match rm {
            RmEnc::Reg(r) => (0, r),
            RmEnc::Mem(Mem::Rip { .. }) => (0, 0),
            RmEnc::Mem(Mem::Base { base, index, .. }) => {
                (index.map_or(0, |(i, _)| i.reg().enc()), base.enc())
            }
        }
    }

    /// The general legacy/REX encoder:
    /// `[prefix] [REX] opcode ModRM [SIB] [disp]`; immediates are the caller's.
    #[allow(clippy::too_many_arguments)]
    fn op(
        &mut self,
        prefix: Option<u8>,
        w: bool,
        force_rex: bool,
        opcode: &[u8],
        reg: u8,
        rm: RmEnc<'_>,
        imm_len: u32,
    ) {
        let (x, b) = Self::rm_xb(rm);
        let r = rex(w, reg, x, b);
        if opcode.len() > 6 {
            // (No such opcode; kept correct anyway.)
            if let Some(p) = prefix {
                self.byte(p);
            }
            if r != 0x40 || force_rex {
                self.byte(r);
            }
            self.emit_bytes(opcode);
        } else {
            let mut head = [0u8; 8];
            let mut n = 0;
            if let Some(p) = prefix {
                head[n] = p;
                n += 1;
            }
            if r != 0x40 || force_rex {
                head[n] = r;
                n += 1;
            }
            // (A byte loop: a variable-length copy is a `memcpy` call.)
            for &o in opcode {
                head[n] = o;
                n += 1;
            }
            self.put(head, n);
        }
        self.modrm_sib_disp(reg, rm, imm_len);
    }

    /// Integer op with operand size `size`: adds 66 for 16-bit, REX.W for
    /// 64-bit, forced REX for spl..dil at 8-bit; `opcode8`/`opcode` are the
    /// byte and full-size opcodes. `reg_is_gpr` says whether `reg` is a
    /// register (true) or a /digit (false) for the 8-bit REX rule.
    #[allow(clippy::too_many_arguments)]
    fn int_op(
        &mut self,
        size: Size,
        opcode8: &[u8],
        opcode: &[u8],
        reg: u8,
        reg_is_gpr: bool,
        rm: RmEnc<'_>,
        imm_len: u32,
    ) {
        let force = size == Size::S8
            && ((reg_is_gpr && Gpr::from_enc(reg).byte_needs_rex())
                || matches!(rm, RmEnc::Reg(r) if Gpr::from_enc(r).byte_needs_rex()));
        let prefix = (size == Size::S16).then_some(0x66);
        let opc = if size == Size::S8 { opcode8 } else { opcode };
        self.op(prefix, size == Size::S64, force, opc, reg, rm, imm_len);
    }

    // ---- integer ALU ----

    /// `op r/m, r` (e.g. `add rax, rbx`, `add [mem], rbx`).
    pub fn alu_rm_r(&mut self, op: AluOp, size: Size, dst: impl Into<Rm>, src: Gpr) {
        let dst = dst.into();
        let base = (op as u8) << 3;
        self.int_op(
            size,
            &[base],
            &[base + 1],
            src.enc(),
            true,
            (&dst).into(),
            0,
        );
    }

    /// `op r, m` (e.g. `add rax, [mem]`).
    pub fn alu_r_m(&mut self, op: AluOp, size: Size, dst: Gpr, src: Mem) {
        let base = (op as u8) << 3;
        let src = Rm::Mem(src);
        self.int_op(
            size,
            &[base + 2],
            &[base + 3],
            dst.enc(),
            true,
            (&src).into(),
            0,
        );
    }

    /// `op r/m, imm`: imm8 (83) when it fits sign-extended, else the short
    /// accumulator form for al/ax/eax/rax, else imm16/32 (81).
    pub fn alu_rm_imm(&mut self, op: AluOp, size: Size, dst: impl Into<Rm>, imm: i32) {
        let dst = dst.into();
        let imm = imm as i64;
        assert!(size.fits_imm(imm), "immediate {imm} does not fit {size:?}");
        let digit = op as u8;
        let v = sext(size, imm);
        if size == Size::S8 {
            if dst == Rm::Reg(Gpr::Rax) {
                self.emit_bytes(&[(digit << 3) + 4]);
            } else {
                self.int_op(size, &[0x80], &[], digit, false, (&dst).into(), 1);
            }
            self.imm(Size::S8, v);
        } else if fits_i8(v) {
            self.int_op(size, &[], &[0x83], digit, false, (&dst).into(), 1);
            self.imm(Size::S8, v);
        } else {
            let ilen = if size == Size::S16 { 2 } else { 4 };
            if dst == Rm::Reg(Gpr::Rax) {
                if size == Size::S16 {
                    self.byte(0x66);
                } else if size == Size::S64 {
                    self.byte(rex(true, 0, 0, 0));
                }
                self.byte((digit << 3) + 5);
            } else {
                self.int_op(size, &[], &[0x81], digit, false, (&dst).into(), ilen);
            }
            self.imm(size, v);
        }
    }

    /// `test r/m, r`.
    pub fn test_rm_r(&mut self, size: Size, dst: impl Into<Rm>, src: Gpr) {
        let dst = dst.into();
        self.int_op(size, &[0x84], &[0x85], src.enc(), true, (&dst).into(), 0);
    }

    /// `test r/m, imm` (A8/A9 short form for the accumulator; there is no imm8 form).
    pub fn test_rm_imm(&mut self, size: Size, dst: impl Into<Rm>, imm: i32) {
        let dst = dst.into();
        let imm = imm as i64;
        assert!(size.fits_imm(imm), "immediate {imm} does not fit {size:?}");
        let ilen = size.bytes().min(4);
        if dst == Rm::Reg(Gpr::Rax) {
            match size {
                Size::S8 => self.byte(0xA8),
                Size::S16 => self.emit_bytes(&[0x66, 0xA9]),
                Size::S32 => self.byte(0xA9),
                Size::S64 => self.emit_bytes(&[rex(true, 0, 0, 0), 0xA9]),
            }
        } else {
            self.int_op(size, &[0xF6], &[0xF7], 0, false, (&dst).into(), ilen);
        }
        self.imm(size, imm);
    }

    /// inc/dec/not/neg/mul/imul/div/idiv `r/m`.
    pub fn unary(&mut self, op: UnaryOp, size: Size, dst: impl Into<Rm>) {
        let dst = dst.into();
        let (o8, o, digit) = op.enc();
        self.int_op(size, &[o8], &[o], digit, false, (&dst).into(), 0);
    }

    /// Two-operand `imul r, r/m` (16/32/64-bit).
    pub fn imul_r_rm(&mut self, size: Size, dst: Gpr, src: impl Into<Rm>) {
        assert!(size != Size::S8, "imul r, r/m has no 8-bit form");
        let src = src.into();
        self.int_op(size, &[], &[0x0F, 0xAF], dst.enc(), true, (&src).into(), 0);
    }

    /// Three-operand `imul r, r/m, imm` (imm8 form when it fits).
    pub fn imul_r_rm_imm(&mut self, size: Size, dst: Gpr, src: impl Into<Rm>, imm: i32) {
        assert!(size != Size::S8, "imul r, r/m, imm has no 8-bit form");
        assert!(
            size.fits_imm(imm as i64),
            "immediate {imm} does not fit {size:?}"
        );
        let src = src.into();
        let v = sext(size, imm as i64);
        if fits_i8(v) {
            self.int_op(size, &[], &[0x6B], dst.enc(), true, (&src).into(), 1);
            self.imm(Size::S8, v);
        } else {
            let ilen = if size == Size::S16 { 2 } else { 4 };
            self.int_op(size, &[], &[0x69], dst.enc(), true, (&src).into(), ilen);
            self.imm(size, v);
        }
    }

    /// `cqo`: sign-extend rax into rdx:rax.
    pub fn cqo(&mut self) {
        self.emit_bytes(&[0x48, 0x99]);
    }

    /// `cdq`: sign-extend eax into edx:eax.
    pub fn cdq(&mut self) {
        self.byte(0x99);
    }

    /// Shift/rotate `r/m` by an immediate (D0/D1 form for 1).
    pub fn shift_imm(&mut self, op: ShiftOp, size: Size, dst: impl Into<Rm>, imm: u8) {
        let dst = dst.into();
        if imm == 1 {
            self.int_op(size, &[0xD0], &[0xD1], op as u8, false, (&dst).into(), 0);
        } else {
            self.int_op(size, &[0xC0], &[0xC1], op as u8, false, (&dst).into(), 1);
            self.byte(imm);
        }
    }

    /// Shift/rotate `r/m` by `cl`.
    pub fn shift_cl(&mut self, op: ShiftOp, size: Size, dst: impl Into<Rm>) {
        let dst = dst.into();
        self.int_op(size, &[0xD2], &[0xD3], op as u8, false, (&dst).into(), 0);
    }

    /// `bt r/m, r` (16/32/64-bit).
    pub fn bt_rm_r(&mut self, size: Size, dst: impl Into<Rm>, bit: Gpr) {
        assert!(size != Size::S8, "bt has no 8-bit form");
        let dst = dst.into();
        self.int_op(size, &[], &[0x0F, 0xA3], bit.enc(), true, (&dst).into(), 0);
    }

    /// `bt r/m, imm8`.
    pub fn bt_rm_imm(&mut self, size: Size, dst: impl Into<Rm>, bit: u8) {
        assert!(size != Size::S8, "bt has no 8-bit form");
        let dst = dst.into();
        self.int_op(size, &[], &[0x0F, 0xBA], 4, false, (&dst).into(), 1);
        self.byte(bit);
    }

    /// `setcc r/m8`.
    pub fn setcc(&mut self, cc: Cond, dst: impl Into<Rm>) {
        let dst = dst.into();
        self.int_op(
            Size::S8,
            &[0x0F, 0x90 + cc.enc()],
            &[],
            0,
            false,
            (&dst).into(),
            0,
        );
    }

    /// `cmovcc r, r/m` (16/32/64-bit).
    pub fn cmovcc(&mut self, cc: Cond, size: Size, dst: Gpr, src: impl Into<Rm>) {
        assert!(size != Size::S8, "cmov has no 8-bit form");
        let src = src.into();
        self.int_op(
            size,
            &[],
            &[0x0F, 0x40 + cc.enc()],
            dst.enc(),
            true,
            (&src).into(),
            0,
        );
    }

    // ---- moves ----

    /// `mov r/m, r`.
    pub fn mov_rm_r(&mut self, size: Size, dst: impl Into<Rm>, src: Gpr) {
        let dst = dst.into();
        self.int_op(size, &[0x88], &[0x89], src.enc(), true, (&dst).into(), 0);
    }

    /// `mov r, m` (load).
    pub fn mov_r_m(&mut self, size: Size, dst: Gpr, src: Mem) {
        let src = Rm::Mem(src);
        self.int_op(size, &[0x8A], &[0x8B], dst.enc(), true, (&src).into(), 0);
    }

    /// `mov r, imm`, shortest form. For 64-bit: `mov r32, imm32` (zero-extends)
    /// when `imm` is in 0..=u32::MAX, else `mov r/m64, simm32` when it fits
    /// i32, else `mov r64, imm64`.
    pub fn mov_r_imm(&mut self, size: Size, dst: Gpr, imm: i64) {
        match size {
            Size::S64 if (0..=u32::MAX as i64).contains(&imm) => {
                self.mov_r_imm(Size::S32, dst, imm)
            }
            Size::S64 if i32::try_from(imm).is_ok() => {
                self.int_op(size, &[], &[0xC7], 0, false, RmEnc::Reg(dst.enc()), 4);
                self.imm32(imm as i32);
            }
            Size::S64 => self.mov_r64_imm64(dst, imm as u64),
            _ => {
                assert!(size.fits_imm(imm), "immediate {imm} does not fit {size:?}");
                if size == Size::S16 {
                    self.byte(0x66);
                }
                let force = size == Size::S8 && dst.byte_needs_rex();
                let r = rex(false, 0, 0, dst.enc());
                if r != 0x40 || force {
                    self.byte(r);
                }
                let base = if size == Size::S8 { 0xB0 } else { 0xB8 };
                self.byte(base + dst.low3());
                self.imm(size, imm);
            }
        }
    }

    /// `mov r64, imm64` always in the 10-byte form (patchable constants).
    pub fn mov_r64_imm64(&mut self, dst: Gpr, imm: u64) {
        self.byte(rex(true, 0, 0, dst.enc()));
        self.byte(0xB8 + dst.low3());
        self.emit_bytes(&imm.to_le_bytes());
    }

    /// `mov r64, imm64` where imm64 is the final absolute address of `label`.
    pub fn mov_r64_label_addr(&mut self, dst: Gpr, label: Label) {
        self.mov_r64_imm64(dst, 0);
        let at = self.offset() - 8;
        self.relocs.push(AbsReloc {
            at,
            label,
            addend: 0,
        });
    }

    /// Emits 8 bytes of data holding the absolute address of `label` + `addend`.
    pub fn abs64_label(&mut self, label: Label, addend: i64) {
        let at = self.offset();
        self.emit_bytes(&[0; 8]);
        self.mark_data(at);
        self.relocs.push(AbsReloc { at, label, addend });
    }

    /// `mov m, imm` (64-bit stores a sign-extended imm32).
    pub fn mov_m_imm(&mut self, size: Size, dst: Mem, imm: i32) {
        assert!(
            size.fits_imm(imm as i64),
            "immediate {imm} does not fit {size:?}"
        );
        let dst = Rm::Mem(dst);
        let ilen = size.bytes().min(4);
        self.int_op(size, &[0xC6], &[0xC7], 0, false, (&dst).into(), ilen);
        self.imm(size, imm as i64);
    }

    /// `movzx r, r/m8|16` (`dst_size` 16/32/64, `src_size` 8/16 and smaller).
    pub fn movzx(&mut self, dst_size: Size, dst: Gpr, src_size: Size, src: impl Into<Rm>) {
        self.movx(0xB6, dst_size, dst, src_size, src.into());
    }

    /// `movsx r, r/m8|16`.
    pub fn movsx(&mut self, dst_size: Size, dst: Gpr, src_size: Size, src: impl Into<Rm>) {
        self.movx(0xBE, dst_size, dst, src_size, src.into());
    }

    fn movx(&mut self, opc8: u8, dst_size: Size, dst: Gpr, src_size: Size, src: Rm) {
        assert!(
            matches!(src_size, Size::S8 | Size::S16) && dst_size > src_size,
            "movzx/movsx needs an 8/16-bit source narrower than the destination"
        );
        let opc = if src_size == Size::S8 { opc8 } else { opc8 + 1 };
        // The REX rule for spl..dil applies to the 8-bit *source*.
        let force = src_size == Size::S8 && matches!(src, Rm::Reg(r) if r.byte_needs_rex());
        let prefix = (dst_size == Size::S16).then_some(0x66);
        self.op(
            prefix,
            dst_size == Size::S64,
            force,
            &[0x0F, opc],
            dst.enc(),
            (&src).into(),
            0,
        );
    }

    /// `movsxd r64, r/m32`.
    pub fn movsxd(&mut self, dst: Gpr, src: impl Into<Rm>) {
        let src = src.into();
        self.op(None, true, false, &[0x63], dst.enc(), (&src).into(), 0);
    }

    /// `lea r, m` (16/32/64-bit destination).
    pub fn lea(&mut self, size: Size, dst: Gpr, src: Mem) {
        assert!(size != Size::S8, "lea has no 8-bit form");
        let src = Rm::Mem(src);
        self.int_op(size, &[], &[0x8D], dst.enc(), true, (&src).into(), 0);
    }

    /// `xchg r/m, r` (always the 86/87 ModRM form, never 90+r).
    pub fn xchg(&mut self, size: Size, a: impl Into<Rm>, b: Gpr) {
        let a = a.into();
        self.int_op(size, &[0x86], &[0x87], b.enc(), true, (&a).into(), 0);
    }

    /// `push r64`.
    pub fn push_r(&mut self, r: Gpr) {
        if r.is_ext() {
            self.byte(rex(false, 0, 0, r.enc()));
        }
        self.byte(0x50 + r.low3());
    }

    /// `pop r64`.
    pub fn pop_r(&mut self, r: Gpr) {
        if r.is_ext() {
            self.byte(rex(false, 0, 0, r.enc()));
        }
        self.byte(0x58 + r.low3());
    }

    /// `push qword [m]`.
    pub fn push_m(&mut self, m: Mem) {
        self.op(None, false, false, &[0xFF], 6, RmEnc::Mem(&m), 0);
    }

    /// `pop qword [m]`.
    pub fn pop_m(&mut self, m: Mem) {
        self.op(None, false, false, &[0x8F], 0, RmEnc::Mem(&m), 0);
    }

    /// `push simm` (sign-extended to 64 bits; imm8 form when it fits).
    pub fn push_imm(&mut self, imm: i32) {
        if fits_i8(imm as i64) {
            self.emit_bytes(&[0x6A, imm as u8]);
        } else {
            self.byte(0x68);
            self.imm32(imm);
        }
    }

    // ---- control flow ----

    /// Emits a branch with short opcode `short` (rel8) or `long` (rel32).
    fn branch(&mut self, short: Option<&[u8]>, long: &[u8], target: Label) {
        if let Some(t) = self.labels[target.index()].offset {
            if let Some(short) = short {
                let end = self.offset() as i64 + short.len() as i64 + 1;
                let rel = t as i64 - end;
                if fits_i8(rel) {
                    self.emit_bytes(short);
                    self.byte(rel as u8);
                    return;
                }
            }
            let end = self.offset() as i64 + long.len() as i64 + 4;
            self.emit_bytes(long);
            self.imm32((t as i64 - end) as i32);
        } else {
            self.emit_bytes(long);
            let at = self.offset();
            self.imm32(0);
            self.fixups.push(Fixup {
                at,
                end: at + 4,
                label: target,
                addend: 0,
                short: false,
            });
        }
    }

    /// Emits a 2-byte rel8 branch; `finish` checks the distance.
    fn branch_short(&mut self, opcode: u8, target: Label) {
        self.byte(opcode);
        let at = self.offset();
        self.byte(0);
        self.fixups.push(Fixup {
            at,
            end: at + 1,
            label: target,
            addend: 0,
            short: true,
        });
    }

    /// `jcc label` always as rel8, for short forward branches the caller
    /// knows are within 127 bytes (`finish` fails with `OutOfRange` if not).
    pub fn jcc_short(&mut self, cc: Cond, target: Label) {
        self.branch_short(0x70 + cc.enc(), target);
    }

    /// `jmp label` always as rel8 (see `jcc_short`).
    pub fn jmp_short(&mut self, target: Label) {
        self.branch_short(0xEB, target);
    }

    /// `jcc label` (rel8 backward when it fits, else rel32).
    pub fn jcc(&mut self, cc: Cond, target: Label) {
        self.branch(Some(&[0x70 + cc.enc()]), &[0x0F, 0x80 + cc.enc()], target);
    }

    /// `jmp label` (rel8 backward when it fits, else rel32).
    pub fn jmp(&mut self, target: Label) {
        self.branch(Some(&[0xEB]), &[0xE9], target);
    }

    /// `jmp r64`.
    pub fn jmp_r(&mut self, r: Gpr) {
        self.op(None, false, false, &[0xFF], 4, RmEnc::Reg(r.enc()), 0);
    }

    /// `jmp qword [m]`.
    pub fn jmp_m(&mut self, m: Mem) {
        self.op(None, false, false, &[0xFF], 4, RmEnc::Mem(&m), 0);
    }

    /// `call label` (rel32).
    pub fn call(&mut self, target: Label) {
        self.branch(None, &[0xE8], target);
    }

    /// `call r64`.
    pub fn call_r(&mut self, r: Gpr) {
        self.op(None, false, false, &[0xFF], 2, RmEnc::Reg(r.enc()), 0);
    }

    /// `call qword [m]`.
    pub fn call_m(&mut self, m: Mem) {
        self.op(None, false, false, &[0xFF], 2, RmEnc::Mem(&m), 0);
    }

    /// Calls an absolute address through `scratch` (`mov scratch, imm64; call scratch`).
    pub fn call_abs(&mut self, addr: u64, scratch: Gpr) {
        self.mov_r64_imm64(scratch, addr);
        self.call_r(scratch);
    }

    /// `ret`.
    pub fn ret(&mut self) {
        self.byte(0xC3);
    }

    /// `int3`.
    pub fn int3(&mut self) {
        self.byte(0xCC);
    }

    /// `ud2`.
    pub fn ud2(&mut self) {
        self.emit_bytes(&[0x0F, 0x0B]);
    }

    /// Exactly `n` bytes of NOPs, using the longest recommended forms (at most 9 bytes each).
    pub fn nop(&mut self, mut n: usize) {
        while n > 0 {
            let k = n.min(9);
            self.emit_bytes(NOPS[k - 1]);
            n -= k;
        }
    }

    /// Pads with NOPs to a multiple of `align` (a power of two).
    pub fn align(&mut self, align: u32) {
        assert!(align.is_power_of_two(), "alignment must be a power of two");
        let pad = self.offset().wrapping_neg() & (align - 1);
        self.nop(pad as usize);
    }

    // ---- SSE ----

    /// SSE `op xmm, xmm/m` (see `SseOp`).
    pub fn sse(&mut self, op: SseOp, dst: Xmm, src: impl Into<XRm>) {
        let src = src.into();
        let (p, o) = op.enc();
        self.op(
            Some(p),
            false,
            false,
            &[0x0F, o],
            dst.enc(),
            (&src).into(),
            0,
        );
    }

    /// SSE store `op m, xmm` (movsd m64 / movupd m128 / movdqu m128).
    pub fn sse_store(&mut self, op: SseStoreOp, dst: Mem, src: Xmm) {
        let (p, o) = op.enc();
        self.op(
            Some(p),
            false,
            false,
            &[0x0F, o],
            src.enc(),
            RmEnc::Mem(&dst),
            0,
        );
    }

    /// `movq xmm, r64`.
    pub fn movq_x_r(&mut self, dst: Xmm, src: Gpr) {
        self.op(
            Some(0x66),
            true,
            false,
            &[0x0F, 0x6E],
            dst.enc(),
            RmEnc::Reg(src.enc()),
            0,
        );
    }

    /// `movq r64, xmm`.
    pub fn movq_r_x(&mut self, dst: Gpr, src: Xmm) {
        self.op(
            Some(0x66),
            true,
            false,
            &[0x0F, 0x7E],
            src.enc(),
            RmEnc::Reg(dst.enc()),
            0,
        );
    }

    /// `cvtsi2sd xmm, r/m32|64`.
    pub fn cvtsi2sd(&mut self, size: Size, dst: Xmm, src: impl Into<Rm>) {
        assert!(
            matches!(size, Size::S32 | Size::S64),
            "cvtsi2sd is 32 or 64-bit"
        );
        let src = src.into();
        self.op(
            Some(0xF2),
            size == Size::S64,
            false,
            &[0x0F, 0x2A],
            dst.enc(),
            (&src).into(),
            0,
        );
    }

    /// `cvttsd2si r32|64, xmm/m64`.
    pub fn cvttsd2si(&mut self, size: Size, dst: Gpr, src: impl Into<XRm>) {
        assert!(
            matches!(size, Size::S32 | Size::S64),
            "cvttsd2si is 32 or 64-bit"
        );
        let src = src.into();
        self.op(
            Some(0xF2),
            size == Size::S64,
            false,
            &[0x0F, 0x2C],
            dst.enc(),
            (&src).into(),
            0,
        );
    }

    /// `roundsd xmm, xmm/m64, mode` (SSE4.1; mode bits as in the manual, e.g. 3 = truncate).
    pub fn roundsd(&mut self, dst: Xmm, src: impl Into<XRm>, mode: u8) {
        let src = src.into();
        self.op(
            Some(0x66),
            false,
            false,
            &[0x0F, 0x3A, 0x0B],
            dst.enc(),
            (&src).into(),
            1,
        );
        self.byte(mode);
    }

    // ---- AVX (VEX) ----

    /// VEX-encoded op. `pp`: 0 none, 1 66, 2 F3, 3 F2. `map`: 1 0F, 2 0F38, 3 0F3A.
    /// `vvvv` is the full second-source register number (0 when unused, encoded as 1111).
    #[allow(clippy::too_many_arguments)]
    fn vex(
        &mut self,
        l256: bool,
        pp: u8,
        map: u8,
        w: bool,
        vvvv: u8,
        opcode: u8,
        reg: u8,
        rm: RmEnc<'_>,
        imm_len: u32,
    ) {
        debug_assert!(pp < 4 && (1..=3).contains(&map) && vvvv < 16 && reg < 16);
        let (x, b) = Self::rm_xb(rm);
        let nr = (!reg >> 3) & 1;
        let nx = (!x >> 3) & 1;
        let nb = (!b >> 3) & 1;
        let tail = ((!vvvv & 15) << 3) | ((l256 as u8) << 2) | pp;
        if map == 1 && !w && nx == 1 && nb == 1 {
            self.emit_bytes(&[0xC5, (nr << 7) | tail]);
        } else {
            self.emit_bytes(&[
                0xC4,
                (nr << 7) | (nx << 6) | (nb << 5) | map,
                ((w as u8) << 7) | tail,
            ]);
        }
        self.byte(opcode);
        self.modrm_sib_disp(reg, rm, imm_len);
    }

    /// AVX2 `op ymm, ymm, ymm/m256`.
    pub fn avx(&mut self, op: AvxOp, dst: Ymm, src1: Ymm, src2: impl Into<YRm>) {
        let src2 = src2.into();
        self.vex(
            true,
            1,
            1,
            false,
            src1.enc(),
            op.opcode(),
            dst.enc(),
            (&src2).into(),
            0,
        );
    }

    /// `vmovupd/vmovdqu ymm, ymm/m256`.
    pub fn vmov(&mut self, op: AvxMov, dst: Ymm, src: impl Into<YRm>) {
        let src = src.into();
        let (pp, load, _) = op.enc();
        self.vex(true, pp, 1, false, 0, load, dst.enc(), (&src).into(), 0);
    }

    /// `vmovupd/vmovdqu m256, ymm`.
    pub fn vmov_store(&mut self, op: AvxMov, dst: Mem, src: Ymm) {
        let (pp, _, store) = op.enc();
        self.vex(true, pp, 1, false, 0, store, src.enc(), RmEnc::Mem(&dst), 0);
    }

    /// `vbroadcastsd ymm, xmm/m64`.
    pub fn vbroadcastsd(&mut self, dst: Ymm, src: impl Into<XRm>) {
        let src = src.into();
        self.vex(true, 1, 2, false, 0, 0x19, dst.enc(), (&src).into(), 0);
    }

    /// `vextractf128 xmm/m128, ymm, imm8`.
    pub fn vextractf128(&mut self, dst: impl Into<XRm>, src: Ymm, imm: u8) {
        let dst = dst.into();
        self.vex(true, 1, 3, false, 0, 0x19, src.enc(), (&dst).into(), 1);
        self.byte(imm);
    }

    /// `vzeroupper` (before calling SSE code after using ymm registers).
    pub fn vzeroupper(&mut self) {
        self.emit_bytes(&[0xC5, 0xF8, 0x77]);
    }
}
