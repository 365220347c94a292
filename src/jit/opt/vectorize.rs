//! Vector loops: an element-wise loop over `Float64Array`s whose bounds
//! `bce` proved,
//!
//! ```text
//! for (let i = i0; i < n; i++) c[i] = a[i] * k + b[i];   // n, k, a, b, c invariant
//! ```
//!
//! gets, before its header, an `Op::VecLoop` that runs the first m
//! iterations (m = n - i0 rounded down to the vector width: 4 doubles
//! with AVX2, 2 with SSE2) with packed instructions and enters the loop
//! at i0 + m, so the unchanged scalar loop is the epilogue for the rest.
//!
//! Shape (as `scev`'s): a natural loop of two blocks, the header (int32
//! constants and `CmpI32(Lt) i, n` feeding its branch into the latch, or
//! out) and the latch: `LoadTypedInBounds` of invariant arrays at the
//! counter i (all with one `bce` Bool), `ConstF64`, `AddF64`/`SubF64`/
//! `MulF64`/`DivF64` of those and of invariant doubles, one
//! `StoreTypedF64InBounds` at i, the counter's `i + 1` and the back
//! edge's `Fuel` last. Every other header parameter is passed unchanged.
//!
//! Why the result is the scalar loop's, bit for bit: each iteration is
//! independent (lane j computes exactly the scalar iteration's IEEE
//! operations in its order: no reassociation, no FMA; NaN payloads
//! propagate as `mulsd` does), every load reads the element before any
//! store of the vector step writes, which is what the scalar loop reads
//! unless dst overlaps a source *ahead* of it (checked at run time: then
//! nothing is vectorized). Nothing in the skipped iterations can deopt
//! (bounds proved; kinds checked once: all `Float64Array`, else nothing
//! is vectorized; `i + 1 <= n` cannot overflow) and their only other
//! effect is fuel, which `VecLoop` spends for their m back edges
//! (design.md decision 6) only when more than m is left, so a loop that
//! runs out of fuel does so in the scalar loop at the same iteration.
//! Reductions are not vectorized (reassociating a double sum changes it).
//!
//! A loop whose header deopted too often (`Func::no_spec`) is left alone.

use super::ir::*;
use super::{licm, scev};
use crate::bytecode::liveness::Liveness;
use crate::runtime::code::Simd;
use std::collections::HashMap;

/// Sources, scalars and vector registers a kernel may use (`VecLoop`'s
/// fixed operands; `lower` evaluates the program on a register stack).
const MAX_SRCS: usize = 3;
const MAX_SCALARS: usize = 2;
const MAX_DEPTH: usize = 6;

/// Doubles per vector for the option: the CPU's (checked once, at the
/// first compile) unless `JOLT_SIMD` or the option says otherwise.
pub fn width(s: Simd) -> u8 {
    static DETECTED: std::sync::OnceLock<u8> = std::sync::OnceLock::new();
    let auto = || {
        *DETECTED.get_or_init(|| {
            let env = std::env::var("JOLT_SIMD").ok();
            match env.as_deref().and_then(Simd::parse) {
                Some(s) if s != Simd::Auto => width(s),
                _ if std::arch::is_x86_feature_detected!("avx2") => 4,
                _ => 2,
            }
        })
    };
    match s {
        Simd::Off => 0,
        Simd::Sse2 => 2,
        Simd::Avx2 if std::arch::is_x86_feature_detected!("avx2") => 4,
        Simd::Avx2 => 2,
        Simd::Auto => auto(),
    }
}

pub fn run(f: &mut Func, live: &Liveness, width: u8) {
    if width < 2 {
        return;
    }
    licm::for_each_loop(f, |f, h| transform(f, h, live, width));
}

/// A value the kernel reads, as the code before the loop sees it.
#[derive(Copy, Clone, PartialEq)]
enum Inv {
    Outside(V),
    /// The j-th header parameter (passed unchanged by the back edge).
    Param(usize),
    /// A double constant defined inside the loop (copied).
    Const(u64),
}

struct Shape {
    iv: usize,
    n: Inv,
    dst: Inv,
    srcs: Vec<Inv>,
    scalars: Vec<Inv>,
    oks: Vec<V>,
    prog: Vec<KStep>,
    int32: bool,
}

fn transform(f: &mut Func, h: usize, live: &Liveness, width: u8) {
    let Some((l, body)) = scev::two_block_loop(f, h) else {
        return;
    };
    let Some(s) = shape(f, h, l) else { return };
    let Some((pre, _)) = licm::entry_params(f, h, live) else {
        return;
    };
    let mut insts = Vec::new();
    let mut value = |f: &mut Func, x: Inv| match x {
        Inv::Outside(v) => v,
        Inv::Param(j) => pre[j],
        Inv::Const(bits) => {
            let v = f.new_value(Repr::Float64);
            insts.push(inst(Op::ConstF64(bits), vec![], Some(v)));
            v
        }
    };
    let dst = value(f, s.dst);
    let mut args = vec![dst];
    for k in 0..MAX_SRCS {
        let a = s.srcs.get(k).map_or(dst, |&x| value(f, x));
        args.push(a);
    }
    for k in 0..MAX_SCALARS {
        let x = s.scalars.get(k).copied().unwrap_or(Inv::Const(0));
        args.push(value(f, x));
    }
    let nv = value(f, s.n);
    args.push(pre[s.iv]);
    args.push(nv);
    let mut ok = s.oks[0];
    for &o in &s.oks[1..] {
        let both = f.new_value(Repr::Bool);
        insts.push(inst(Op::AndBool, vec![ok, o], Some(both)));
        ok = both;
    }
    args.push(ok);
    let start = f.new_value(Repr::Int32);
    f.kernels.push(Kernel {
        prog: s.prog,
        width,
        int32: s.int32,
    });
    let k = f.kernels.len() as u32 - 1;
    insts.push(inst(Op::VecLoop(k), args, Some(start)));
    let mut enter = pre.clone();
    enter[s.iv] = start;
    licm::insert_preheader(f, h, &body, (pre, enter), insts);
}

fn inst(op: Op, args: Vec<V>, res: Option<V>) -> Inst {
    Inst {
        op,
        args,
        res,
        fs: None,
    }
}

/// The kernel of the loop (header `h`, latch `l`), if it has the shape.
fn shape(f: &Func, h: usize, l: usize) -> Option<Shape> {
    let (mut i32s, iv, n, back) = scev::counted_header(f, h, l)?;
    let params = &f.blocks[h].params;
    let i = params[iv];
    let lbk = &f.blocks[l];
    // Every parameter but the counter is passed unchanged.
    for (j, &p) in params.iter().enumerate() {
        if j != iv && back.args[j] != p {
            return None;
        }
    }
    for ins in &lbk.insts {
        if let (Op::ConstI32(c), Some(r)) = (ins.op, ins.res) {
            i32s.insert(r, c);
        }
    }
    let defined_in_latch: HashMap<V, usize> = lbk
        .insts
        .iter()
        .enumerate()
        .filter_map(|(k, ins)| ins.res.map(|r| (r, k)))
        .collect();
    let invariant = |v: V| -> Option<Inv> {
        if defined_in_latch.contains_key(&v) || i32s.contains_key(&v) {
            return None;
        }
        match params.iter().position(|&p| p == v) {
            Some(j) if j == iv => None,
            Some(j) => Some(Inv::Param(j)),
            None => Some(Inv::Outside(v)),
        }
    };
    let n = invariant(n)?;
    if f.repr(i) != Repr::Int32 {
        return None;
    }
    let last = lbk.insts.len().checked_sub(1)?;
    let mut srcs: Vec<Inv> = Vec::new();
    let mut oks: Vec<V> = Vec::new();
    let mut store = None;
    let mut next = None;
    let mut truncs = 0;
    for (k, ins) in lbk.insts.iter().enumerate() {
        match ins.op {
            Op::ConstI32(_)
            | Op::ConstF64(_)
            | Op::AddF64
            | Op::SubF64
            | Op::MulF64
            | Op::DivF64 => {}
            // (Only as an int32 kernel's store chain: counted below.)
            Op::TruncF64 | Op::OrI32 => truncs += 1,
            Op::LoadTypedInBounds if ins.args[1] == i => {
                let a = invariant(ins.args[0])?;
                if !srcs.contains(&a) {
                    srcs.push(a);
                }
                if !oks.contains(&ins.args[2]) {
                    oks.push(ins.args[2]);
                }
            }
            Op::StoreTypedF64InBounds | Op::StoreTypedI32InBounds
                if ins.args[1] == i && store.is_none() =>
            {
                let int32 = ins.op == Op::StoreTypedI32InBounds;
                store = Some((invariant(ins.args[0])?, ins.args[2], int32));
                if !oks.contains(&ins.args[3]) {
                    oks.push(ins.args[3]);
                }
            }
            Op::AddI32 | Op::AddI32Wrap
                if ins.args[0] == i && i32s.get(&ins.args[1]) == Some(&1) =>
            {
                next = Some(ins.res?);
            }
            Op::Fuel if k == last => {}
            _ => return None,
        }
    }
    let (dst, mut val, int32) = store?;
    if next? != back.args[iv] || srcs.len() > MAX_SRCS {
        return None;
    }
    if int32 {
        // `(e) | 0` or `e` stored as ToInt32 (`TruncF64`, which deopts
        // where e leaves the int32 range: the baseline code then stores
        // ToInt32(e), the same wrapped value the vector loop stores).
        let def = |v: V| defined_in_latch.get(&v).map(|&k| &lbk.insts[k]);
        let mut chain = 0;
        if let Some(or) = def(val).filter(|d| d.op == Op::OrI32) {
            if i32s.get(&or.args[1]) != Some(&0) {
                return None;
            }
            val = or.args[0];
            chain += 1;
        }
        let t = def(val).filter(|d| d.op == Op::TruncF64)?;
        val = t.args[0];
        if chain + 1 != truncs {
            return None;
        }
    } else if truncs != 0 {
        return None;
    }
    // The stored value as a postfix program over the loads and scalars.
    let mut scalars = Vec::new();
    let mut prog = Vec::new();
    let mut depth = 0;
    let cx = Cx {
        f,
        lbk,
        defs: &defined_in_latch,
        invariant: &invariant,
        srcs: &srcs,
        int32,
    };
    cx.expr(val, &mut scalars, &mut prog, (0, &mut depth))?;
    if scalars.len() > MAX_SCALARS || depth > MAX_DEPTH {
        return None;
    }
    Some(Shape {
        iv,
        n,
        dst,
        srcs,
        scalars,
        oks,
        prog,
        int32,
    })
}

/// What `expr` reads.
struct Cx<'a> {
    f: &'a Func,
    lbk: &'a Block,
    defs: &'a HashMap<V, usize>,
    invariant: &'a dyn Fn(V) -> Option<Inv>,
    srcs: &'a [Inv],
    /// An int32 kernel: additions and subtractions of int32 elements and
    /// int32 constants only (each sum exact in a double, so its ToInt32
    /// is the wrapping sum).
    int32: bool,
}

impl Cx<'_> {
    /// Appends the program computing `v` (its register-stack height at
    /// `at`, the deepest reached in `max`).
    fn expr(
        &self,
        v: V,
        scalars: &mut Vec<Inv>,
        prog: &mut Vec<KStep>,
        (at, max): (usize, &mut usize),
    ) -> Option<()> {
        *max = (*max).max(at + 1);
        if self.f.repr(v) != Repr::Float64 || prog.len() > 32 {
            return None;
        }
        let Some(&k) = self.defs.get(&v) else {
            if self.int32 {
                return None;
            }
            let x = (self.invariant)(v)?;
            let j = scalar(scalars, x);
            prog.push(KStep::Scalar(j));
            return Some(());
        };
        let ins = &self.lbk.insts[k];
        let step = match ins.op {
            Op::ConstF64(bits) => {
                let d = f64::from_bits(bits);
                if self.int32 && (d != (d as i32) as f64 || (d == 0.0 && d.is_sign_negative())) {
                    return None;
                }
                let j = scalar(scalars, Inv::Const(bits));
                prog.push(KStep::Scalar(j));
                return Some(());
            }
            Op::LoadTypedInBounds => {
                let a = (self.invariant)(ins.args[0])?;
                let j = self.srcs.iter().position(|&s| s == a)?;
                prog.push(KStep::Load(j as u8));
                return Some(());
            }
            Op::AddF64 => KStep::Add,
            Op::SubF64 => KStep::Sub,
            Op::MulF64 if !self.int32 => KStep::Mul,
            Op::DivF64 if !self.int32 => KStep::Div,
            _ => return None,
        };
        let (x, y) = (ins.args[0], ins.args[1]);
        self.expr(x, scalars, prog, (at, max))?;
        self.expr(y, scalars, prog, (at + 1, max))?;
        prog.push(step);
        Some(())
    }
}

/// The index of scalar `x` (added when new).
fn scalar(scalars: &mut Vec<Inv>, x: Inv) -> u8 {
    match scalars.iter().position(|&s| s == x) {
        Some(j) => j as u8,
        None => {
            scalars.push(x);
            scalars.len() as u8 - 1
        }
    }
}
