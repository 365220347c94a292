//! Bounds-check elimination: in a call-free natural loop, an element
//! access `a[x]` (`LoadElem`, `StoreElem`, `LoadTypedElem`,
//! `StoreTypedF64`, `StoreTypedI32`) whose index is proved in [0, n), with
//! `a` and `n` loop-invariant, becomes its `...InBounds` form, and one
//! guard in a new preheader checks n against the array once per entry into
//! the loop (`CheckDenseLength`: a dense array of length >= n whose element
//! storage holds n elements; `CheckTypedLength`: a typed array of length
//! >= n). That is `for (let i = 0; i < a.length; i++) ... a[i]` (n is the
//! hoisted `LoadLength` of `a`) and `for (i = 0; i < n; i++) a[i]`.
//!
//! Why it holds:
//! - x < n: x is `b + c` (c <= 0 a constant, `b` itself when c = 0) and a
//!   compare dominating the access says b < n (`range::below`);
//! - x >= 0: a lower bound of every int32 value, from constants, lengths,
//!   and additions that cannot wrap (`AddI32` deopts on overflow, the
//!   `...Wrap` forms `range` proved), through block parameters (the
//!   minimum of their incoming values, a fixpoint widened to "unknown"
//!   where a loop lowers it);
//! - nothing in the loop changes a length or an element storage: only
//!   calls do (`StoreElem` overwrites present elements, a typed array's
//!   length never changes), and the loop has none, so the guard's verdict
//!   holds on every iteration. A loop with a call keeps its checks: the
//!   length is re-checked by every access.
//!
//! Only accesses that run on every iteration (their block dominates every
//! latch) are transformed, so the guard fails only where an access would
//! have; it deopts to the loop's entry state (as `licm`'s moved guards),
//! and a loop whose header deopted too often (`Func::no_spec`) is left
//! alone. The hole, frozen and typed-kind checks stay in the accesses.

use super::ir::*;
use super::licm;
use crate::bytecode::liveness::Liveness;
use std::collections::{HashMap, HashSet};

pub fn run(f: &mut Func, live: &Liveness) {
    licm::for_each_loop(f, |f, h| transform(f, h, live));
}

fn transform(f: &mut Func, h: usize, live: &Liveness) {
    let latches = licm::latches(f, h);
    let Some(body) = licm::natural_loop(f, h, &latches) else {
        return;
    };
    if f.no_spec.contains(&f.blocks[h].pc) {
        return;
    }
    let calls = body
        .iter()
        .any(|&b| f.blocks[b].insts.iter().any(|i| i.op.has(props::CALLS)));
    if calls {
        return;
    }
    let idom = super::verify::dominators(f);
    let below = super::range::below(f);
    let defs = definitions(f);
    let params = f.blocks[h].params.clone();
    let back_args = |j: usize| -> Vec<V> {
        latches
            .iter()
            .flat_map(|&l| {
                f.blocks[l]
                    .term
                    .edges()
                    .into_iter()
                    .cloned()
                    .collect::<Vec<_>>()
            })
            .filter(|e| e.to.0 as usize == h)
            .map(|e| e.args[j])
            .collect()
    };
    let invariant_param = |j: usize| back_args(j).iter().all(|&a| a == params[j]);
    // Induction: every back edge passes p + c (c >= 0, no wrap), so p never
    // drops below its entry value.
    let induction = |j: usize| {
        f.repr(params[j]) == Repr::Int32
            && back_args(j).iter().all(|&a| {
                a == params[j]
                    || matches!(defs.get(&a), Some((Op::AddI32 | Op::AddI32Wrap, x))
                        if x[0] == params[j] && const_i32(&defs, x[1]).is_some_and(|c| c >= 0))
            })
    };
    let defined_in_loop: HashSet<V> = body
        .iter()
        .flat_map(|&b| {
            let blk = &f.blocks[b];
            blk.params
                .iter()
                .copied()
                .chain(blk.insts.iter().filter_map(|i| i.res))
        })
        .collect();
    // Invariant: outside the loop (Ok), or the j-th header parameter,
    // passed unchanged by every back edge (Err(j): the preheader's j-th).
    let invariant = |v: V| -> Option<Result<V, usize>> {
        if !defined_in_loop.contains(&v) {
            return Some(Ok(v));
        }
        let j = params.iter().position(|&p| p == v)?;
        invariant_param(j).then_some(Err(j))
    };
    let mut found: Vec<(usize, usize)> = Vec::new();
    let mut guards: Vec<Guard> = Vec::new();
    let mut blocks: Vec<usize> = body.iter().copied().collect();
    blocks.sort_unstable();
    for b in blocks {
        if !latches.iter().all(|&l| licm::dominates(&idom, b, l)) {
            continue;
        }
        for (k, ins) in f.blocks[b].insts.iter().enumerate() {
            if ins.op.in_bounds().is_none() {
                continue;
            }
            let dense = matches!(ins.op, Op::LoadElem | Op::StoreElem);
            // The index: p - off for an induction parameter p.
            let (base, off) = offset_base(&defs, ins.args[1]);
            let Some(j) = params.iter().position(|&p| p == base) else {
                continue;
            };
            if !induction(j) {
                continue;
            }
            let Some(a) = invariant(ins.args[0]) else {
                continue;
            };
            let n = below[b]
                .iter()
                .filter(|&&(y, _)| y == base)
                .find_map(|&(_, n)| invariant(n));
            let Some(n) = n else { continue };
            found.push((b, k));
            for g in [Guard::Length(dense, a, n), Guard::AtLeast(j, off)] {
                if !guards.contains(&g) {
                    guards.push(g);
                }
            }
        }
    }
    if found.is_empty() {
        return;
    }
    let Some((pre_params, entry_state)) = licm::entry_params(f, h, live) else {
        return;
    };
    for &(b, k) in &found {
        let ins = &mut f.blocks[b].insts[k];
        ins.op = ins.op.in_bounds().unwrap();
    }
    let at = |v: Result<V, usize>| match v {
        Ok(v) => v,
        Err(j) => pre_params[j],
    };
    let insts = guards
        .into_iter()
        .map(|g| {
            let (op, args) = match g {
                Guard::Length(true, a, n) => (Op::CheckDenseLength, vec![at(a), at(n)]),
                Guard::Length(false, a, n) => (Op::CheckTypedLength, vec![at(a), at(n)]),
                Guard::AtLeast(j, off) => (Op::CheckAtLeast(off), vec![pre_params[j]]),
            };
            Inst {
                op,
                args,
                res: None,
                fs: Some(entry_state.clone()),
            }
        })
        .collect();
    let args = pre_params.clone();
    licm::insert_preheader(f, h, &body, (pre_params, args), insts);
}

/// A guard of the preheader.
#[derive(Copy, Clone, PartialEq)]
enum Guard {
    /// (dense, array, n): `CheckDenseLength` or `CheckTypedLength`.
    Length(bool, Result<V, usize>, Result<V, usize>),
    /// The j-th header parameter enters the loop >= the constant.
    AtLeast(usize, i32),
}

/// Each instruction result's defining op and operands.
fn definitions(f: &Func) -> HashMap<V, (Op, Vec<V>)> {
    f.blocks
        .iter()
        .flat_map(|b| b.insts.iter())
        .filter_map(|i| i.res.map(|r| (r, (i.op, i.args.clone()))))
        .collect()
}

fn const_i32(defs: &HashMap<V, (Op, Vec<V>)>, v: V) -> Option<i64> {
    match defs.get(&v) {
        Some((Op::ConstI32(c), _)) => Some(*c as i64),
        _ => None,
    }
}

/// (b, k) when `x` is `b - k` with a constant k >= 0 (without wrapping),
/// else (x, 0).
fn offset_base(defs: &HashMap<V, (Op, Vec<V>)>, x: V) -> (V, i32) {
    let k = |v: V| const_i32(defs, v);
    match defs.get(&x) {
        Some((Op::AddI32 | Op::AddI32Wrap, a)) => match k(a[1]) {
            Some(c) if c <= 0 && c > i32::MIN as i64 => (a[0], -c as i32),
            _ => (x, 0),
        },
        Some((Op::SubI32 | Op::SubI32Wrap, a)) => match k(a[1]) {
            Some(c) if c >= 0 => (a[0], c as i32),
            _ => (x, 0),
        },
        _ => (x, 0),
    }
}
