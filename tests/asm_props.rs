//! Property tests: memory operands over every base/index/scale and
//! displacement class, immediates at every boundary, branch distances across
//! the rel8/rel32 boundary, and arbitrary `Inst`s from raw bytes.

use jolt::jit::x64::roundtrip::{check, Inst, JumpSpec, MemSpec, RmSpec, XRmSpec, YRmSpec};
use jolt::jit::x64::*;
use proptest::prelude::*;

fn gpr() -> impl Strategy<Value = Gpr> {
    (0u8..16).prop_map(Gpr::from_enc)
}

fn index() -> impl Strategy<Value = Option<(IndexReg, Scale)>> {
    prop_oneof![
        Just(None),
        (gpr(), 0usize..4).prop_filter_map("rsp is no index", |(r, s)| IndexReg::new(r)
            .map(|i| Some((i, Scale::ALL[s])))),
    ]
}

fn disp() -> impl Strategy<Value = i32> {
    prop_oneof![
        Just(0),
        Just(-128),
        Just(127),
        Just(128),
        Just(-129),
        Just(i32::MIN),
        Just(i32::MAX),
        -200i32..200,
        any::<i32>(),
    ]
}

fn mem() -> impl Strategy<Value = MemSpec> {
    prop_oneof![
        8 => (gpr(), index(), disp()).prop_map(|(base, index, disp)| MemSpec::Base { base, index, disp }),
        1 => disp().prop_map(|disp| MemSpec::RipBack { disp }),
        1 => disp().prop_map(|disp| MemSpec::RipFwd { disp }),
    ]
}

fn size() -> impl Strategy<Value = Size> {
    (0usize..4).prop_map(|i| Size::ALL[i])
}

fn imm_for(size: Size) -> BoxedStrategy<i32> {
    let b: Vec<i32> = match size {
        Size::S8 => vec![-128, -1, 0, 1, 127],
        Size::S16 => vec![-32768, -129, -128, 127, 128, 255, 256, 32767],
        _ => vec![i32::MIN, -129, -128, -1, 0, 127, 128, 255, 256, i32::MAX],
    };
    let range = match size {
        Size::S8 => -128..=127,
        Size::S16 => -32768..=32767,
        _ => i32::MIN..=i32::MAX,
    };
    prop_oneof![proptest::sample::select(b), range].boxed()
}

fn fits_i8(v: i64) -> bool {
    (-128..=127).contains(&v)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn memory_operands_roundtrip(m in mem(), r in gpr(), s in size(), x in 0u8..16, pick in 0u8..8) {
        let xr = Xmm::from_enc(x);
        let inst = match pick {
            0 => Inst::MovRM { size: s, dst: r, src: m },
            1 => Inst::MovRmR { size: s, dst: RmSpec::Mem(m), src: r },
            2 => Inst::Lea { size: s, dst: r, src: m },
            3 => Inst::AluRmI { op: AluOp::Cmp, size: s, dst: RmSpec::Mem(m), imm: 1000 },
            4 => Inst::Sse { op: SseOp::Addsd, dst: xr, src: XRmSpec::Mem(m) },
            5 => Inst::Avx { op: AvxOp::Vaddpd, dst: Ymm::from_enc(x), src1: Ymm::Ymm3, src2: YRmSpec::Mem(m) },
            6 => Inst::MovMI { size: s, dst: m, imm: -1 },
            _ => Inst::Movzx { dst_size: Size::S64, dst: r, src_size: Size::S8, src: RmSpec::Mem(m) },
        };
        prop_assert_eq!(check(&inst), Ok(()));
    }

    /// The length of `mov r64, [base+index*scale+disp]` proves the shortest
    /// ModRM/SIB/displacement choice.
    #[test]
    fn memory_operand_length(base in gpr(), idx in index(), d in disp(), r in gpr()) {
        let mut a = Assembler::new();
        a.mov_r_m(Size::S64, r, Mem::Base { base, index: idx, disp: d });
        let needs_sib = idx.is_some() || base.low3() == 4;
        let disp_len = if d == 0 && base.low3() != 5 { 0 } else if fits_i8(d as i64) { 1 } else { 4 };
        prop_assert_eq!(a.bytes().len(), 3 + needs_sib as usize + disp_len);
        prop_assert_eq!(check(&Inst::MovRM { size: Size::S64, dst: r, src: MemSpec::Base { base, index: idx, disp: d } }), Ok(()));
    }

    /// ALU immediates: decoded value matches and the encoding is the shortest.
    #[test]
    fn alu_immediates((s, imm) in size().prop_flat_map(|s| (Just(s), imm_for(s))), r in gpr(), op in 0usize..8) {
        let op = AluOp::ALL[op];
        prop_assert_eq!(check(&Inst::AluRmI { op, size: s, dst: RmSpec::Reg(r), imm }), Ok(()));
        let mut a = Assembler::new();
        a.alu_rm_imm(op, s, r, imm);
        let rex = s == Size::S64 || r.is_ext() || (s == Size::S8 && r.byte_needs_rex());
        let p66 = (s == Size::S16) as usize;
        let want = if s == Size::S8 {
            if r == Gpr::Rax { 2 } else { 3 + rex as usize }
        } else if fits_i8(imm as i64) {
            p66 + rex as usize + 3
        } else {
            let ilen = if s == Size::S16 { 2 } else { 4 };
            p66 + rex as usize + ilen + if r == Gpr::Rax { 1 } else { 2 }
        };
        prop_assert_eq!(a.bytes().len(), want, "{:?} {:?} {:?}, {}", op, s, r, imm);
    }

    #[test]
    fn other_immediates((s, imm) in size().prop_flat_map(|s| (Just(s), imm_for(s))), r in gpr(), m in mem(), wide in any::<i64>()) {
        prop_assert_eq!(check(&Inst::TestRmI { size: s, dst: RmSpec::Reg(r), imm }), Ok(()));
        prop_assert_eq!(check(&Inst::MovMI { size: s, dst: m, imm }), Ok(()));
        prop_assert_eq!(check(&Inst::Imul3 { size: s, dst: r, src: RmSpec::Mem(m), imm }), Ok(()));
        prop_assert_eq!(check(&Inst::MovRI { size: s, dst: r, imm: imm as i64 }), Ok(()));
        prop_assert_eq!(check(&Inst::MovRI { size: Size::S64, dst: r, imm: wide }), Ok(()));
        prop_assert_eq!(check(&Inst::PushI(imm)), Ok(()));
    }

    /// Branches across the rel8/rel32 boundary both ways; `check` verifies
    /// the decoded target and that rel8 is used exactly when it reaches.
    #[test]
    fn branch_distances(gap in prop_oneof![100u16..160, 0u16..1024], backward in any::<bool>(), cc in 0usize..16, kind in 0u8..5) {
        let to = JumpSpec { backward, gap };
        let inst = match kind {
            0 => Inst::Jmp { to },
            1 => Inst::Jcc { cc: Cond::ALL[cc], to },
            2 => Inst::JccShort { cc: Cond::ALL[cc], to },
            3 => Inst::JmpShort { to },
            _ => Inst::Call { to },
        };
        prop_assert_eq!(check(&inst), Ok(()));
    }

    /// Long distances (beyond the 1 KiB the fuzz normalization allows).
    #[test]
    fn long_branches(gap in 0usize..70_000, backward in any::<bool>()) {
        let mut a = Assembler::new();
        let l = a.new_label();
        let (start, target) = if backward {
            a.bind(l);
            a.nop(gap);
            let s = a.offset();
            a.jcc(Cond::Ne, l);
            (s, 0u32)
        } else {
            a.jmp(l);
            a.nop(gap);
            a.bind(l);
            (0, a.offset())
        };
        let code = a.finish().unwrap();
        let bytes = &code.bytes[start as usize..];
        let mut d = iced_x86::Decoder::with_ip(64, bytes, 0x40_0000 + start as u64, iced_x86::DecoderOptions::NONE);
        let i = d.decode();
        prop_assert_eq!(i.near_branch_target(), 0x40_0000 + target as u64);
        let short = backward && gap + 2 <= 128;
        prop_assert_eq!(i.len(), if short { 2 } else if backward { 6 } else { 5 });
    }

    /// Whatever instruction arbitrary bytes describe must round-trip.
    #[test]
    fn arbitrary_instructions(data in proptest::collection::vec(any::<u8>(), 0..64)) {
        let mut u = arbitrary::Unstructured::new(&data);
        if let Ok(inst) = <Inst as arbitrary::Arbitrary>::arbitrary(&mut u) {
            prop_assert_eq!(check(&inst), Ok(()));
        }
    }
}
