//! Closed-form loops (SCEV-lite): a loop whose body is pure int32
//! induction arithmetic is replaced, when it provably ends as the loop
//! would, by its result:
//!
//! ```text
//! for (let i = i0; i < n; i++) { s += i; t += x; }   // n, x invariant
//! ```
//!
//! runs k = n - i0 iterations (when 0 <= i0 < n) and leaves i = n,
//! s = s0 + k*i0 + k(k-1)/2, t = t0 + k*x.
//!
//! Shape: a natural loop of two blocks, the header (int32 constants and
//! `CmpI32(Lt) i, n` feeding its branch: into the latch, or out) and the
//! latch (int32 constants, one addition per loop-carried value, then the
//! back edge's `Fuel`). Every header parameter is invariant (passed
//! unchanged), the counter i (`i + 1`), or an int32 accumulator (`s + i`
//! or `s + x`, x invariant); n is invariant.
//!
//! Versioning: new blocks before the header test 0 <= i0 < n, that each
//! sum (computed in 64 bits, `AffineFitsI32`) fits an int32, and take the
//! fuel of the k back edges at once (`TakeFuel`, design.md decision 6,
//! last: nothing after it fails). Then they enter the header with the
//! final values (`AffineSumI32`): its compare fails and the loop exits as
//! it would have. When a test fails (i0 < 0, i0 >= n, a sum leaves the
//! int32 range, or not more than k units of fuel are left, so the loop
//! would run out inside) they enter the loop unchanged, which runs as
//! before (and deopts where it overflows, or runs out of fuel, as in
//! every tier). No test deopts. The partial sums lie between the start
//! and the final value (every term has one sign: i >= i0 >= 0, or x), so
//! when the final value fits, the loop would not have overflowed either.
//!
//! A loop whose header deopted too often (`Func::no_spec`) is left alone.

use super::ir::*;
use super::licm;
use crate::bytecode::liveness::Liveness;
use std::collections::HashMap;

pub fn run(f: &mut Func, live: &Liveness) {
    licm::for_each_loop(f, |f, h| transform(f, h, live));
}

/// A value the closed form reads, as the code before the loop sees it.
#[derive(Copy, Clone)]
enum Inv {
    /// Defined outside the loop.
    Outside(V),
    /// The j-th header parameter (passed unchanged by the back edge).
    Param(usize),
    /// A constant defined inside the loop (copied).
    Const(i32),
}

/// What a header parameter is.
#[derive(Copy, Clone)]
enum Role {
    Invariant,
    Counter,
    /// s + i (true) or s + x (false, x invariant).
    Sum(bool, Option<Inv>),
}

fn transform(f: &mut Func, h: usize, live: &Liveness) {
    let Some((l, body)) = two_block_loop(f, h) else {
        return;
    };
    let Some((roles, iv, n)) = shape(f, h, l) else {
        return;
    };
    let Some((pre, _)) = licm::entry_params(f, h, live) else {
        return;
    };
    let value = |f: &mut Func, insts: &mut Vec<Inst>, x: Inv| match x {
        Inv::Outside(v) => v,
        Inv::Param(j) => pre[j],
        Inv::Const(c) => {
            let v = f.new_value(Repr::Int32);
            insts.push(inst(Op::ConstI32(c), vec![], Some(v), None));
            v
        }
    };
    // The tests, each a block that goes on when its Bool is true and
    // enters the loop unchanged (block L) when not.
    let mut tests: Vec<(Vec<Inst>, V)> = Vec::new();
    let i0 = pre[iv];
    let mut c0 = Vec::new();
    let nv = value(f, &mut c0, n);
    let zero = f.new_value(Repr::Int32);
    c0.push(inst(Op::ConstI32(0), vec![], Some(zero), None));
    let ge = f.new_value(Repr::Bool);
    c0.push(inst(Op::CmpI32(Cc::Ge), vec![i0, zero], Some(ge), None));
    tests.push((c0, ge));
    let lt = f.new_value(Repr::Bool);
    tests.push((
        vec![inst(Op::CmpI32(Cc::Lt), vec![i0, nv], Some(lt), None)],
        lt,
    ));
    // k = n - i0 (no wrap: n > i0 >= 0); each sum fits an int32.
    let k = f.new_value(Repr::Int32);
    let mut insts = vec![inst(Op::SubI32Wrap, vec![nv, i0], Some(k), None)];
    let mut sums: Vec<(usize, Op, Vec<V>)> = Vec::new();
    for (j, role) in roles.iter().enumerate() {
        if let Role::Sum(tri, x) = *role {
            let a = match x {
                None => i0,
                Some(x) => value(f, &mut insts, x),
            };
            let args = vec![pre[j], k, a];
            let fits = f.new_value(Repr::Bool);
            insts.push(inst(Op::AffineFitsI32(tri), args.clone(), Some(fits), None));
            tests.push((std::mem::take(&mut insts), fits));
            sums.push((j, Op::AffineSumI32(tri), args));
        }
    }
    // Then the fuel of the k back edges, taken last (nothing after fails).
    let fueled = f.new_value(Repr::Bool);
    insts.push(inst(Op::TakeFuel, vec![k], Some(fueled), None));
    tests.push((insts, fueled));
    // The final values, into the header (whose compare then exits).
    let mut finals: Vec<V> = pre.clone();
    finals[iv] = nv;
    let mut done = Vec::new();
    for (j, op, args) in sums {
        let r = f.new_value(Repr::Int32);
        done.push(inst(op, args, Some(r), None));
        finals[j] = r;
    }

    // Blocks: the tests (the first is the preheader: every edge from
    // outside enters it), the final values, L, then the header.
    let nt = tests.len();
    licm::insert_preheader(f, h, &body, (pre.clone(), pre.clone()), vec![]);
    for at in h + 1..h + nt + 2 {
        let pc = f.blocks[h].pc;
        licm::insert_block(
            f,
            at,
            Block {
                params: vec![],
                insts: vec![],
                term: Term::Unreachable,
                pc,
            },
        );
    }
    let (fin, lb, header) = (h + nt, h + nt + 1, B((h + nt + 2) as u32));
    let edge = |to: usize| Edge {
        to: B(to as u32),
        args: vec![],
    };
    for (t, (insts, cond)) in tests.into_iter().enumerate() {
        f.blocks[h + t].insts = insts;
        f.blocks[h + t].term = Term::Branch {
            cond,
            then: edge(h + t + 1),
            els: edge(lb),
        };
    }
    f.blocks[fin].insts = done;
    f.blocks[fin].term = Term::Jump(Edge {
        to: header,
        args: finals,
    });
    f.blocks[lb].term = Term::Jump(Edge {
        to: header,
        args: pre,
    });
}

/// The latch and the blocks of the loop headed by `h` when it is a
/// natural loop of two blocks, the header and one latch, whose header may
/// be speculated at (not in `Func::no_spec`). Shared with `vectorize`.
pub fn two_block_loop(f: &Func, h: usize) -> Option<(usize, std::collections::HashSet<usize>)> {
    let latches = licm::latches(f, h);
    let [l] = latches[..] else { return None };
    if l == h || f.no_spec.contains(&f.blocks[h].pc) {
        return None;
    }
    let body = licm::natural_loop(f, h, &latches)?;
    (body.len() == 2).then_some((l, body))
}

/// A counted loop's header `h` (int32 constants and `CmpI32(Lt) i, n`
/// feeding its branch into the latch `l`, or out), latch ending in a
/// jump back: the header's int32 constants, the counter's parameter
/// index, n and the back edge. Shared with `vectorize`.
pub fn counted_header(f: &Func, h: usize, l: usize) -> Option<(HashMap<V, i32>, usize, V, &Edge)> {
    let hb = &f.blocks[h];
    let Term::Branch { cond, then, els } = &hb.term else {
        return None;
    };
    if then.to.0 as usize != l || !then.args.is_empty() || els.to.0 as usize == l {
        return None;
    }
    let mut consts: HashMap<V, i32> = HashMap::new();
    let mut cmp = None;
    for ins in &hb.insts {
        match (ins.op, ins.res) {
            (Op::ConstI32(c), Some(r)) => {
                consts.insert(r, c);
            }
            (Op::CmpI32(Cc::Lt), Some(r)) if r == *cond => cmp = Some((ins.args[0], ins.args[1])),
            _ => return None,
        }
    }
    let (i, n) = cmp?;
    let iv = hb.params.iter().position(|&p| p == i)?;
    let Term::Jump(back) = &f.blocks[l].term else {
        return None;
    };
    Some((consts, iv, n, back))
}

fn inst(op: Op, args: Vec<V>, res: Option<V>, fs: Option<FrameState>) -> Inst {
    Inst { op, args, res, fs }
}

/// The roles of the header's parameters, the counter's index and the
/// bound, if the loop (header `h`, latch `l`) has the shape.
fn shape(f: &Func, h: usize, l: usize) -> Option<(Vec<Role>, usize, Inv)> {
    let (mut consts, iv, n, back) = counted_header(f, h, l)?;
    let params = &f.blocks[h].params;
    let lbk = &f.blocks[l];
    // The latch: constants, additions, and its back edge's `Fuel` last.
    let mut adds: HashMap<V, (V, V)> = HashMap::new();
    let last = lbk.insts.len().checked_sub(1)?;
    for (k, ins) in lbk.insts.iter().enumerate() {
        match (ins.op, ins.res) {
            (Op::ConstI32(c), Some(r)) => {
                consts.insert(r, c);
            }
            (Op::AddI32 | Op::AddI32Wrap, Some(r)) => {
                adds.insert(r, (ins.args[0], ins.args[1]));
            }
            (Op::Fuel, None) if k == last => {}
            _ => return None,
        }
    }
    if lbk.insts.last()?.op != Op::Fuel {
        return None;
    }
    let invariant = |v: V| -> Option<Inv> {
        if let Some(&c) = consts.get(&v) {
            return Some(Inv::Const(c));
        }
        match params.iter().position(|&p| p == v) {
            Some(j) => (back.args[j] == v).then_some(Inv::Param(j)),
            None => (!adds.contains_key(&v)).then_some(Inv::Outside(v)),
        }
    };
    let n = invariant(n)?;
    let mut roles = Vec::with_capacity(params.len());
    let mut used = 0;
    for (j, &p) in params.iter().enumerate() {
        let next = back.args[j];
        let role = if next == p {
            Role::Invariant
        } else {
            let &(a, b) = adds.get(&next)?;
            used += 1;
            let other = if a == p {
                b
            } else if b == p {
                a
            } else {
                return None;
            };
            if j == iv {
                if consts.get(&other) != Some(&1) {
                    return None;
                }
                Role::Counter
            } else if other == params[iv] {
                Role::Sum(true, None)
            } else {
                let x = invariant(other)?;
                Role::Sum(false, Some(x))
            }
        };
        if !matches!(role, Role::Invariant) && f.repr(p) != Repr::Int32 {
            return None;
        }
        roles.push(role);
    }
    // Every addition feeds the back edge (nothing else can deopt), and
    // the counter counts.
    if used != adds.len() || !matches!(roles[iv], Role::Counter) {
        return None;
    }
    Some((roles, iv, n))
}
