//! Lowering of `Op::VecLoop` (`vectorize`'s vector loops), in its own
//! module beside `lower` (a child of it, so it shares `Lower`).
//!
//! Invariants:
//! - The op writes nothing but its result: the GPRs and vector registers
//!   it works in are saved below rsp first and restored after (xmm0-7 by
//!   their low doubles: every value tier 2 keeps in one is a double), and
//!   its operands are copied there before any is overwritten, wherever
//!   the allocation put them. Nothing inside calls, so rsp's alignment
//!   does not matter in between.
//! - With AVX2, `vzeroupper` follows the loop: no upper half of a ymm
//!   register is dirty when scalar SSE code (or a call) runs next.

use super::*;
use crate::jit::x64::{AvxMov, AvxOp, Ymm};

/// The area below rsp: saved GPRs, saved xmm0-7, the operands.
const SAVED: [Gpr; 7] = [
    Gpr::Rax,
    Gpr::Rcx,
    Gpr::Rdx,
    Gpr::Rsi,
    Gpr::Rdi,
    Gpr::R8,
    Gpr::R9,
];
const XSAVED: i32 = 8 * SAVED.len() as i32;
const OPS: i32 = XSAVED + 8 * 8;
/// An int32 kernel's scalars, each in 8 lanes of 32 bits.
const LANES: i32 = OPS + 8 * 9;
const AREA: i32 = (LANES + 2 * 32 + 15) & !15;
/// The destination's and the sources' element 0.
const PTRS: [Gpr; 4] = [Gpr::Rax, Gpr::Rcx, Gpr::Rdx, Gpr::Rsi];
const I: Gpr = Gpr::Rdi;
const N: Gpr = Gpr::R8;
const M: Gpr = Gpr::R9;

fn op_at(k: usize) -> Mem {
    Mem::disp(Gpr::Rsp, OPS + 8 * k as i32)
}

impl Lower<'_, '_> {
    /// `VecLoop(k)`: see the op's doc.
    pub(super) fn vec_loop(&mut self, ins: &Inst, k: u32) {
        let kernel = self.f.kernels[k as usize].clone();
        let avx = kernel.width == 4;
        let int32 = kernel.int32;
        // Elements per vector, their size.
        let w = kernel.lanes();
        let (kind, scale) = if int32 {
            (Kind::Int32Array, Scale::S4)
        } else {
            (Kind::Float64Array, Scale::S8)
        };
        // Vector moves: a whole vector of either kind of element.
        let (xmov, ymov) = if int32 {
            (SseOp::Movdqu, AvxMov::Vmovdqu)
        } else {
            (SseOp::Movupd, AvxMov::Vmovupd)
        };
        let a = self.asm();
        a.alu_rm_imm(AluOp::Sub, Size::S64, Gpr::Rsp, AREA);
        for (j, &g) in SAVED.iter().enumerate() {
            a.mov_rm_r(Size::S64, Mem::disp(Gpr::Rsp, 8 * j as i32), g);
        }
        for j in 0..8 {
            let at = Mem::disp(Gpr::Rsp, XSAVED + 8 * j);
            a.sse_store(SseStoreOp::Movsd, at, Xmm::from_enc(j as u8));
        }
        // The operands, from wherever they are (spill slots moved by AREA).
        for (j, &v) in ins.args.iter().enumerate() {
            match self.loc(v) {
                Loc::Gpr(g) => self.asm().mov_rm_r(Size::S64, op_at(j), g),
                Loc::Xmm(x) => self.asm().sse_store(SseStoreOp::Movsd, op_at(j), x),
                Loc::Stack(n) => {
                    let a = self.asm();
                    a.mov_r_m(Size::S64, S0, Mem::disp(Gpr::Rsp, AREA + 8 * n as i32));
                    a.mov_rm_r(Size::S64, op_at(j), S0);
                }
            }
        }
        let a = self.asm();
        let (skip, restore) = (a.new_label(), a.new_label());
        // ok, 0 <= i0 < n, m = (n - i0) & -w > 0, more than m fuel.
        a.alu_rm_imm(AluOp::Cmp, Size::S32, op_at(8), 0);
        a.jcc(Cond::E, skip);
        a.mov_r_m(Size::S32, I, op_at(6));
        a.mov_r_m(Size::S32, N, op_at(7));
        a.test_rm_r(Size::S32, I, I);
        a.jcc(Cond::S, skip);
        a.alu_rm_r(AluOp::Cmp, Size::S32, I, N);
        a.jcc(Cond::Ge, skip);
        a.mov_rm_r(Size::S32, M, N);
        a.alu_rm_r(AluOp::Sub, Size::S32, M, I);
        a.alu_rm_imm(AluOp::And, Size::S32, M, -w);
        a.jcc(Cond::E, skip);
        a.alu_rm_r(AluOp::Cmp, Size::S64, FUEL, M);
        a.jcc(Cond::Be, skip);
        // Every array of the kernel's kind: its element 0.
        for (j, &p) in PTRS.iter().enumerate() {
            a.mov_r_m(Size::S64, S0, op_at(j));
            a.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(S0), kind as i32);
            a.jcc(Cond::Ne, skip);
            a.mov_r_m(Size::S32, S1, Mem::disp(S0, TA_OFFSET_OFF));
            a.mov_r_m(Size::S64, p, Mem::disp(S0, TA_BUFFER_OFF));
            a.lea(Size::S64, p, Mem::bisd(p, idx(S1), scale, 8));
        }
        // No source overlaps dst ahead of it: dst <= src or dst >= src + n.
        for &p in &PTRS[1..] {
            let fine = a.new_label();
            a.alu_rm_r(AluOp::Cmp, Size::S64, PTRS[0], p);
            a.jcc(Cond::Be, fine);
            a.lea(Size::S64, S1, Mem::bisd(p, idx(N), scale, 0));
            a.alu_rm_r(AluOp::Cmp, Size::S64, PTRS[0], S1);
            a.jcc(Cond::B, skip);
            a.bind(fine);
        }
        // Scalars in every lane (registers 6 and 7), then the loop over
        // i in [i0, i0 + m).
        for j in 0..2 {
            let x = Xmm::from_enc(6 + j as u8);
            if int32 {
                // (The double holds an int32: `vectorize` checked.)
                let lanes = LANES + 32 * j as i32;
                a.cvttsd2si(Size::S32, S1, op_at(4 + j));
                for l in 0..8 {
                    a.mov_rm_r(Size::S32, Mem::disp(Gpr::Rsp, lanes + 4 * l), S1);
                }
                if avx {
                    a.vmov(ymov, x.ymm(), Mem::disp(Gpr::Rsp, lanes));
                } else {
                    a.sse(xmov, x, Mem::disp(Gpr::Rsp, lanes));
                }
            } else if avx {
                a.vbroadcastsd(x.ymm(), op_at(4 + j));
            } else {
                a.sse(SseOp::Movsd, x, op_at(4 + j));
                a.sse(SseOp::Unpcklpd, x, x);
            }
        }
        a.lea(Size::S64, S1, Mem::bisd(I, idx(M), Scale::S1, 0));
        let top = a.new_label();
        a.bind(top);
        let mut h = 0u8;
        let at = |p: Gpr| Mem::bisd(p, idx(I), scale, 0);
        let prog = &kernel.prog;
        let mut k = 0;
        while k < prog.len() {
            // An operand the next step combines at once is read in place:
            // a scalar's register, or (VEX only: legacy SSE packed memory
            // operands must be 16-byte aligned) the elements in memory.
            let arith = |s: KStep| match (s, int32) {
                (KStep::Add, false) => Some((SseOp::Addpd, AvxOp::Vaddpd)),
                (KStep::Sub, false) => Some((SseOp::Subpd, AvxOp::Vsubpd)),
                (KStep::Mul, false) => Some((SseOp::Mulpd, AvxOp::Vmulpd)),
                (KStep::Div, false) => Some((SseOp::Divpd, AvxOp::Vdivpd)),
                (KStep::Add, true) => Some((SseOp::Paddd, AvxOp::Vpaddd)),
                (KStep::Sub, true) => Some((SseOp::Psubd, AvxOp::Vpsubd)),
                _ => None,
            };
            let next = prog.get(k + 1).and_then(|&s| arith(s));
            let x = |h: u8| Xmm::from_enc(h);
            match (prog[k], next) {
                (KStep::Scalar(j), Some((sse, vex))) if h >= 1 => {
                    let r = x(6 + j);
                    if avx {
                        a.avx(vex, x(h - 1).ymm(), x(h - 1).ymm(), r.ymm());
                    } else {
                        a.sse(sse, x(h - 1), r);
                    }
                    k += 2;
                    continue;
                }
                (KStep::Load(j), Some((_, vex))) if h >= 1 && avx => {
                    let m = at(PTRS[1 + j as usize]);
                    a.avx(vex, x(h - 1).ymm(), x(h - 1).ymm(), m);
                    k += 2;
                    continue;
                }
                _ => {}
            }
            match prog[k] {
                KStep::Load(j) => {
                    let m = at(PTRS[1 + j as usize]);
                    if avx {
                        a.vmov(ymov, x(h).ymm(), m);
                    } else {
                        a.sse(xmov, x(h), m);
                    }
                    h += 1;
                }
                KStep::Scalar(j) => {
                    let r = x(6 + j);
                    if avx {
                        a.vmov(ymov, x(h).ymm(), r.ymm());
                    } else {
                        a.sse(xmov, x(h), r);
                    }
                    h += 1;
                }
                s => {
                    let (sse, vex) = arith(s).unwrap();
                    let (d, y) = (x(h - 2), x(h - 1));
                    if avx {
                        a.avx(vex, d.ymm(), d.ymm(), y.ymm());
                    } else {
                        a.sse(sse, d, y);
                    }
                    h -= 1;
                }
            }
            k += 1;
        }
        debug_assert_eq!(h, 1, "a kernel leaves one vector");
        if avx {
            a.vmov_store(ymov, at(PTRS[0]), Ymm::Ymm0);
        } else if int32 {
            a.sse_store(SseStoreOp::Movdqu, at(PTRS[0]), Xmm::Xmm0);
        } else {
            a.sse_store(SseStoreOp::Movupd, at(PTRS[0]), Xmm::Xmm0);
        }
        a.alu_rm_imm(AluOp::Add, Size::S64, I, w);
        a.alu_rm_r(AluOp::Cmp, Size::S64, I, S1);
        a.jcc(Cond::B, top);
        if avx {
            a.vzeroupper();
        }
        // The m back edges' fuel.
        a.alu_rm_r(AluOp::Sub, Size::S64, FUEL, M);
        if crate::faults::Fault::VectorRemainderDropped.injected() {
            // Fault: the scalar loop is entered at n, not after the vector part.
            a.mov_rm_r(Size::S64, S0, N);
        } else {
            a.mov_rm_r(Size::S64, S0, I);
        }
        a.jmp(restore);
        a.bind(skip);
        a.mov_r_m(Size::S32, S0, op_at(6));
        a.bind(restore);
        for j in 0..8 {
            let at = Mem::disp(Gpr::Rsp, XSAVED + 8 * j);
            a.sse(SseOp::Movsd, Xmm::from_enc(j as u8), at);
        }
        for (j, &g) in SAVED.iter().enumerate() {
            a.mov_r_m(Size::S64, g, Mem::disp(Gpr::Rsp, 8 * j as i32));
        }
        a.alu_rm_imm(AluOp::Add, Size::S64, Gpr::Rsp, AREA);
        self.put(ins.res.unwrap(), S0);
    }
}
