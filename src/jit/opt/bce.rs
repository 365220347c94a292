//! Bounds-check elimination: in a call-free natural loop, an element
//! access `a[x]` (`LoadElem`, `StoreElem`, `LoadTypedElem`,
//! `StoreTypedF64`, `StoreTypedI32`) whose index is `x = p + S` (p an
//! induction variable, S a sum of loop-invariant int32s and a constant)
//! with p < n on the way to it (n and `a` invariant) becomes its
//! `...InBounds` form, and checks in a new preheader compute, once per
//! entry into the loop, one Bool saying every such x is in range:
//! `AtLeastOk` (p's entry value + S >= 0) and `DenseLengthOk` (a dense
//! array whose length is at least n + S, as is its element storage) or
//! `TypedLengthOk` (a typed array whose length is at least n + S). Each
//! access reads the Bool: true, no bounds check; false, the checked op
//! (out of line), so nothing deopts that the loop would not have deopted
//! where it would have (a hoisted guard deopting at the loop's entry made
//! the baseline code re-enter and deopt at every back edge).
//! That is `for (let i = 0; i < a.length; i++) ... a[i]` (n the hoisted
//! `LoadLength` of `a`), `a[i - 1]` and grid stencils (`a[row + x - 1]`,
//! `a[row + x + w]`).
//!
//! Why it holds:
//! - p enters with the value the guard saw, and every back edge passes
//!   `p + c` (c >= 0), so p only grows; a compare dominating the access
//!   says p < n (`range::below`), so p + S is in [entry + S, n + S);
//! - each addition and subtraction that forms x, and that forms S in the
//!   preheader, is exact: `AddI32`/`SubI32` deopt on overflow, `range`
//!   proved the `...Wrap` forms;
//! - nothing in the loop changes a length or an element storage: only
//!   calls do (`StoreElem` overwrites present elements, a typed array's
//!   length never changes), and the loop has none, so the guards' verdict
//!   holds on every iteration. A loop with a call keeps its checks: the
//!   length is re-checked by every access.
//!
//! Only accesses that run on every iteration (their block dominates every
//! latch) are transformed; the sums S in the preheader are int32 additions
//! that deopt on overflow to the loop's entry state (as `licm`'s moved
//! guards), and a loop whose header deopted too often (`Func::no_spec`) is
//! left alone. The hole, frozen and typed-kind checks stay in the accesses.

use super::ir::*;
use super::licm;
use crate::bytecode::liveness::Liveness;
use std::collections::HashMap;

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
    let defined_in_loop = licm::defined_in(f, &body);
    // Invariant: outside the loop (Ok), or the j-th header parameter,
    // passed unchanged by every back edge (Err(j): the preheader's j-th).
    let invariant = |v: V| -> Option<Result<V, usize>> {
        if !defined_in_loop.contains(&v) {
            return Some(Ok(v));
        }
        let j = params.iter().position(|&p| p == v)?;
        invariant_param(j).then_some(Err(j))
    };
    // The index as p + (sum of invariant terms) + c, p an induction
    // parameter (each addition and subtraction is exact: the checked ones
    // deopt on overflow, `range` proved the others).
    let affine = |x: V| -> Option<Affine> {
        let mut a = Affine {
            j: usize::MAX,
            terms: Vec::new(),
            c: 0,
        };
        let mut work = vec![(x, false, 0)];
        while let Some((v, neg, depth)) = work.pop() {
            if depth > 6 {
                return None;
            }
            if let Some(k) = const_i32(&defs, v) {
                a.c += if neg { -k } else { k };
                continue;
            }
            if let Some(j) = params.iter().position(|&p| p == v) {
                if !invariant_param(j) {
                    if neg || a.j != usize::MAX || !induction(j) {
                        return None;
                    }
                    a.j = j;
                    continue;
                }
            }
            if let Some(t) = invariant(v) {
                a.terms.push((neg, t));
                continue;
            }
            match defs.get(&v) {
                Some((Op::AddI32 | Op::AddI32Wrap, xs)) => {
                    work.push((xs[0], neg, depth + 1));
                    work.push((xs[1], neg, depth + 1));
                }
                Some((Op::SubI32 | Op::SubI32Wrap, xs)) => {
                    work.push((xs[0], neg, depth + 1));
                    work.push((xs[1], !neg, depth + 1));
                }
                _ => return None,
            }
        }
        let small = a.c.abs() <= i32::MAX as i64 && a.terms.len() <= 4;
        (a.j != usize::MAX && small).then_some(a)
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
            let Some(x) = affine(ins.args[1]) else {
                continue;
            };
            let Some(a) = invariant(ins.args[0]) else {
                continue;
            };
            let p = params[x.j];
            let n = below[b]
                .iter()
                .filter(|&&(y, _)| y == p)
                .find_map(|&(_, n)| invariant(n));
            let Some(n) = n else { continue };
            found.push((b, k));
            // p + S >= 0 for p = its entry value (p only grows), and
            // n + S <= the length (p < n), S = the terms + c.
            let lo = Guard::AtLeast(x.j, x.terms.clone(), x.c);
            let hi = Guard::Length(dense, a, n, x.terms, x.c);
            for g in [hi, lo] {
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
    // One Bool, all the checks' verdicts, read by every access.
    let ok = f.new_value(Repr::Bool);
    for &(b, k) in &found {
        let ins = &mut f.blocks[b].insts[k];
        ins.op = ins.op.in_bounds().unwrap();
        ins.args.push(ok);
    }
    let at = |v: Term32| match v {
        Ok(v) => v,
        Err(j) => pre_params[j],
    };
    let mut insts: Vec<Inst> = Vec::new();
    // base + the terms + c, by additions that deopt on overflow.
    let sum = |f: &mut Func, insts: &mut Vec<Inst>, base: V, terms: &[(bool, Term32)], c: i64| {
        let mut v = base;
        let mut add = |f: &mut Func, insts: &mut Vec<Inst>, op: Op, y: V| {
            let r = f.new_value(Repr::Int32);
            insts.push(Inst {
                op,
                args: vec![v, y],
                res: Some(r),
                fs: Some(entry_state.clone()),
            });
            v = r;
        };
        for &(neg, t) in terms {
            add(f, insts, if neg { Op::SubI32 } else { Op::AddI32 }, at(t));
        }
        if c != 0 {
            let k = f.new_value(Repr::Int32);
            insts.push(Inst {
                op: Op::ConstI32(c as i32),
                args: vec![],
                res: Some(k),
                fs: None,
            });
            add(f, insts, Op::AddI32, k);
        }
        v
    };
    let mut all: Option<V> = None;
    let last = guards.len() - 1;
    for (i, g) in guards.into_iter().enumerate() {
        let (op, args) = match g {
            Guard::Length(dense, a, n, terms, c) => {
                let hi = sum(f, &mut insts, at(n), &terms, c);
                let op = if dense {
                    Op::DenseLengthOk
                } else {
                    Op::TypedLengthOk
                };
                (op, vec![at(a), hi])
            }
            Guard::AtLeast(j, terms, c) => {
                let lo = sum(f, &mut insts, pre_params[j], &terms, 0);
                (Op::AtLeastOk(-c as i32), vec![lo])
            }
        };
        let r = if i == last && all.is_none() {
            ok
        } else {
            f.new_value(Repr::Bool)
        };
        insts.push(Inst {
            op,
            args,
            res: Some(r),
            fs: None,
        });
        all = Some(match all {
            None => r,
            Some(x) => {
                let y = if i == last {
                    ok
                } else {
                    f.new_value(Repr::Bool)
                };
                insts.push(Inst {
                    op: Op::AndBool,
                    args: vec![x, r],
                    res: Some(y),
                    fs: None,
                });
                y
            }
        });
    }
    let args = pre_params.clone();
    licm::insert_preheader(f, h, &body, (pre_params, args), insts);
}

/// An invariant int32 for the preheader: defined outside the loop (Ok),
/// or the j-th header parameter, passed unchanged (Err(j)).
type Term32 = Result<V, usize>;

/// An index p + terms + c: the induction parameter's index, the invariant
/// terms (subtracted when true), the constant.
struct Affine {
    j: usize,
    terms: Vec<(bool, Term32)>,
    c: i64,
}

/// A guard of the preheader.
#[derive(Clone, PartialEq)]
enum Guard {
    /// (dense, array, n, terms, c): n + terms + c is at most the length
    /// (`CheckDenseLength` or `CheckTypedLength`).
    Length(bool, Term32, Term32, Vec<(bool, Term32)>, i64),
    /// The j-th header parameter enters the loop with p + terms + c >= 0.
    AtLeast(usize, Vec<(bool, Term32)>, i64),
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
