//! Every instruction form with every register combination (and a set of
//! tricky memory operands), encoded by `Assembler` and decoded by iced-x86.
//! The expectation comes from `roundtrip::Inst::expected`, which is built
//! from the operands with its own register/mnemonic tables.

use jolt::jit::x64::roundtrip::{check, Inst, JumpSpec, MemSpec, RmSpec, XRmSpec, YRmSpec};
use jolt::jit::x64::*;

fn idx(r: Gpr) -> IndexReg {
    IndexReg::new(r).unwrap()
}

/// Memory operands that exercise every special case: rsp/r12 base (SIB),
/// rbp/r13 base (forced disp8), extended index, disp8/disp32 boundaries, RIP.
fn mems() -> Vec<MemSpec> {
    use Gpr::*;
    let b = |base, disp| MemSpec::Base {
        base,
        index: None,
        disp,
    };
    let bi = |base, i, s, disp| MemSpec::Base {
        base,
        index: Some((idx(i), s)),
        disp,
    };
    vec![
        b(Rax, 0),
        b(Rsp, 0),
        b(Rbp, 0),
        b(R12, 0),
        b(R13, 0),
        b(R15, 127),
        b(Rsp, -128),
        b(Rbp, 128),
        b(R13, -129),
        b(Rdi, i32::MIN),
        bi(Rax, R15, Scale::S8, 0),
        bi(R13, R12, Scale::S2, 0x80),
        bi(Rsp, Rbp, Scale::S4, -1),
        bi(R12, R13, Scale::S1, 0x1234_5678),
        MemSpec::RipBack { disp: 0 },
        MemSpec::RipFwd { disp: -8 },
    ]
}

fn run(name: &str, insts: impl IntoIterator<Item = Inst>) -> usize {
    let mut n = 0;
    let mut failures = Vec::new();
    for i in insts {
        n += 1;
        if let Err(e) = check(&i) {
            failures.push(e);
        }
    }
    assert!(
        failures.is_empty(),
        "{name}: {} of {n} failed; first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(10)].join("\n")
    );
    assert!(n > 0);
    n
}

fn rms() -> Vec<RmSpec> {
    Gpr::ALL
        .iter()
        .map(|&r| RmSpec::Reg(r))
        .chain(mems().into_iter().map(RmSpec::Mem))
        .collect()
}

const IMMS: [i32; 12] = [
    0,
    1,
    -1,
    127,
    128,
    -128,
    -129,
    255,
    0x7fff,
    -0x8000,
    i32::MAX,
    i32::MIN,
];

#[test]
fn alu_forms() {
    let mut v = Vec::new();
    for op in AluOp::ALL {
        for size in Size::ALL {
            for dst in rms() {
                for src in Gpr::ALL {
                    v.push(Inst::AluRmR { op, size, dst, src });
                }
                for imm in IMMS {
                    v.push(Inst::AluRmI { op, size, dst, imm });
                }
            }
            for dst in Gpr::ALL {
                for src in mems() {
                    v.push(Inst::AluRM { op, size, dst, src });
                }
            }
        }
    }
    run("alu", v);
}

#[test]
fn test_unary_imul_shift_bt() {
    let mut v = Vec::new();
    for size in Size::ALL {
        for dst in rms() {
            for src in Gpr::ALL {
                v.push(Inst::TestRmR { size, dst, src });
                v.push(Inst::BtR {
                    size,
                    dst,
                    bit: src,
                });
                v.push(Inst::Xchg {
                    size,
                    a: dst,
                    b: src,
                });
                v.push(Inst::MovRmR { size, dst, src });
                v.push(Inst::Imul2 {
                    size,
                    dst: src,
                    src: dst,
                });
                v.push(Inst::Cmovcc {
                    cc: Cond::ALL[src as usize],
                    size,
                    dst: src,
                    src: dst,
                });
            }
            for imm in IMMS {
                v.push(Inst::TestRmI { size, dst, imm });
                v.push(Inst::Imul3 {
                    size,
                    dst: Gpr::R11,
                    src: dst,
                    imm,
                });
            }
            for op in UnaryOp::ALL {
                v.push(Inst::Unary { op, size, dst });
            }
            for op in ShiftOp::ALL {
                for imm in [1u8, 2, 31, 63] {
                    v.push(Inst::ShiftImm { op, size, dst, imm });
                }
                v.push(Inst::ShiftCl { op, size, dst });
            }
            v.push(Inst::BtI { size, dst, bit: 13 });
        }
        for dst in Gpr::ALL {
            for src in Gpr::ALL {
                v.push(Inst::Imul3 {
                    size,
                    dst,
                    src: RmSpec::Reg(src),
                    imm: 1000,
                });
            }
        }
    }
    for cc in Cond::ALL {
        for dst in rms() {
            v.push(Inst::Setcc { cc, dst });
        }
        for dst in Gpr::ALL {
            for src in Gpr::ALL {
                v.push(Inst::Cmovcc {
                    cc,
                    size: Size::S64,
                    dst,
                    src: RmSpec::Reg(src),
                });
            }
        }
    }
    v.push(Inst::Cqo);
    v.push(Inst::Cdq);
    run("test/unary/imul/shift/bt", v);
}

#[test]
fn mov_forms() {
    let mut v = Vec::new();
    let imm64s = [
        0i64,
        1,
        -1,
        127,
        128,
        255,
        256,
        0x7fff_ffff,
        0x8000_0000,
        0xffff_ffff,
        0x1_0000_0000,
        -0x8000_0000,
        -0x8000_0001,
        i64::MIN,
        i64::MAX,
    ];
    for size in Size::ALL {
        for dst in Gpr::ALL {
            for imm in imm64s {
                v.push(Inst::MovRI { size, dst, imm });
            }
            for src in mems() {
                v.push(Inst::MovRM { size, dst, src });
                v.push(Inst::Lea { size, dst, src });
            }
        }
        for dst in mems() {
            for imm in IMMS {
                v.push(Inst::MovMI { size, dst, imm });
            }
        }
    }
    for dst in Gpr::ALL {
        v.push(Inst::MovRI64 {
            dst,
            imm: 0x1122_3344_5566_7788,
        });
        for src in rms() {
            v.push(Inst::Movsxd { dst, src });
            for (d, s) in [
                (Size::S16, Size::S8),
                (Size::S32, Size::S8),
                (Size::S64, Size::S8),
                (Size::S32, Size::S16),
                (Size::S64, Size::S16),
            ] {
                v.push(Inst::Movzx {
                    dst_size: d,
                    dst,
                    src_size: s,
                    src,
                });
                v.push(Inst::Movsx {
                    dst_size: d,
                    dst,
                    src_size: s,
                    src,
                });
            }
        }
    }
    run("mov", v);
}

#[test]
fn stack_and_control_forms() {
    let mut v = Vec::new();
    for r in Gpr::ALL {
        v.extend([Inst::Push(r), Inst::Pop(r), Inst::JmpR(r), Inst::CallR(r)]);
    }
    for m in mems() {
        v.extend([Inst::PushM(m), Inst::PopM(m), Inst::JmpM(m), Inst::CallM(m)]);
    }
    for i in IMMS {
        v.push(Inst::PushI(i));
    }
    for gap in [0u16, 1, 100, 125, 126, 127, 128, 129, 130, 1000] {
        for backward in [false, true] {
            let to = JumpSpec { backward, gap };
            v.push(Inst::Jmp { to });
            v.push(Inst::Call { to });
            for cc in Cond::ALL {
                v.push(Inst::Jcc { cc, to });
                v.push(Inst::JccShort { cc, to });
            }
            v.push(Inst::JmpShort { to });
        }
    }
    v.extend([Inst::Ret, Inst::Int3, Inst::Ud2]);
    for n in 1..=9 {
        v.push(Inst::Nop(n - 1)); // normalized to n
    }
    run("stack/control", v);
}

#[test]
fn sse_forms() {
    let mut v = Vec::new();
    let xrms: Vec<XRmSpec> = Xmm::ALL
        .iter()
        .map(|&x| XRmSpec::Reg(x))
        .chain(mems().into_iter().map(XRmSpec::Mem))
        .collect();
    for dst in Xmm::ALL {
        for op in SseOp::ALL {
            for &src in &xrms {
                v.push(Inst::Sse { op, dst, src });
            }
        }
        for &src in &xrms {
            v.push(Inst::Roundsd { dst, src, mode: 3 });
            for size in [Size::S32, Size::S64] {
                v.push(Inst::Cvttsd2si {
                    size,
                    dst: Gpr::from_enc(dst.enc()),
                    src,
                });
            }
        }
        for g in Gpr::ALL {
            v.push(Inst::MovqXR { dst, src: g });
            v.push(Inst::MovqRX { dst: g, src: dst });
        }
        for src in rms() {
            for size in [Size::S32, Size::S64] {
                v.push(Inst::Cvtsi2sd { size, dst, src });
            }
        }
        for m in mems() {
            for op in SseStoreOp::ALL {
                v.push(Inst::SseStore {
                    op,
                    dst: m,
                    src: dst,
                });
            }
        }
    }
    run("sse", v);
}

#[test]
fn avx_forms() {
    let mut v = Vec::new();
    let yrms: Vec<YRmSpec> = Ymm::ALL
        .iter()
        .map(|&y| YRmSpec::Reg(y))
        .chain(mems().into_iter().map(YRmSpec::Mem))
        .collect();
    for dst in Ymm::ALL {
        for src1 in Ymm::ALL {
            for op in AvxOp::ALL {
                for &src2 in &yrms {
                    v.push(Inst::Avx {
                        op,
                        dst,
                        src1,
                        src2,
                    });
                }
            }
        }
        for op in AvxMov::ALL {
            for &src in &yrms {
                v.push(Inst::Vmov { op, dst, src });
            }
            for m in mems() {
                v.push(Inst::VmovStore {
                    op,
                    dst: m,
                    src: dst,
                });
            }
        }
        for x in Xmm::ALL {
            v.push(Inst::Vbroadcastsd {
                dst,
                src: XRmSpec::Reg(x),
            });
            v.push(Inst::Vextractf128 {
                dst: XRmSpec::Reg(x),
                src: dst,
                imm: 1,
            });
        }
        for m in mems() {
            v.push(Inst::Vbroadcastsd {
                dst,
                src: XRmSpec::Mem(m),
            });
            v.push(Inst::Vextractf128 {
                dst: XRmSpec::Mem(m),
                src: dst,
                imm: 0,
            });
        }
    }
    v.push(Inst::Vzeroupper);
    run("avx", v);
}

/// Every base x every index x every scale x disp classes, through `mov r64, m`
/// (the exact length is predicted independently: REX + opcode + ModRM + SIB? + disp).
#[test]
fn all_memory_operands() {
    let mut v = Vec::new();
    for base in Gpr::ALL {
        for index in std::iter::once(None).chain(
            Gpr::ALL
                .iter()
                .filter_map(|&r| IndexReg::new(r))
                .flat_map(|i| Scale::ALL.map(|s| Some((i, s)))),
        ) {
            for disp in [0, 1, -1, 127, -128, 128, -129, 0x7fff_ffff, i32::MIN] {
                v.push(Inst::MovRM {
                    size: Size::S64,
                    dst: Gpr::ALL[(base as usize + 5) % 16],
                    src: MemSpec::Base { base, index, disp },
                });
                let mut a = Assembler::new();
                a.mov_r_m(Size::S64, Gpr::Rax, Mem::Base { base, index, disp });
                let sib = index.is_some() || matches!(base, Gpr::Rsp | Gpr::R12);
                let disp_len = if disp == 0 && !matches!(base, Gpr::Rbp | Gpr::R13) {
                    0
                } else if (-128..=127).contains(&disp) {
                    1
                } else {
                    4
                };
                assert_eq!(
                    a.bytes().len(),
                    3 + sib as usize + disp_len,
                    "length of mov rax, [{base:?} + {index:?} + {disp}]"
                );
            }
        }
    }
    assert_eq!(run("memory", v), 16 * (1 + 15 * 4) * 9);
}
