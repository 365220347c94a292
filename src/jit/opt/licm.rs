//! Loop-invariant code motion: instructions of a loop that compute the
//! same thing on every iteration move to a new preheader block, run once
//! per entry into the loop.
//!
//! A loop is a header `h` (a block with a back edge: a predecessor
//! numbered no earlier) and every block that reaches one of its latches
//! (the back edges' sources) without passing `h`; only natural loops (`h`
//! dominates every block of it) are transformed. An enclosing loop is not
//! one when its inner loop has an OSR entry (which enters the inner loop
//! from outside), so in practice the innermost loops are. Its preheader `P` is
//! inserted just before `h`: it takes over every edge from outside the loop
//! (the function entry and the OSR entry blocks alike) with `h`'s
//! parameters as its own, and jumps to `h` with them.
//!
//! What moves (in block order, so a moved instruction's operands moved
//! first or were defined outside the loop):
//! - pure instructions whose operands are invariant;
//! - in loops with no calling instruction, and only from blocks that
//!   dominate every latch (they run on every iteration, so a moved guard
//!   fails only where the loop would have failed anyway): operand-only
//!   guards (`CheckInt32`, `CheckNumber`, `CheckNotHole`, `CheckShape`,
//!   `CheckCallee`, `CheckNative`, whose native-depth limit only calls
//!   change; `LoadAtomStr`, which reads only what a call changes),
//!   int32 arithmetic that deopts on overflow (`AddI32`,
//!   `SubI32`, `MulI32`: `n - 1` in `i < n - 1`),
//!   `LoadLength` (only calls change a length: element stores overwrite
//!   present elements), `LoadCtx` when the loop has no `StoreCtx` of that
//!   variable, and `LoadField` when the loop stores into no field of that
//!   slot of an object that may be this one (`shape_keys`: objects of
//!   different shapes are different objects) and the object's shape check
//!   moved before it.
//!
//! An operand is invariant when defined outside the loop, by a moved
//! instruction, or when it is a header parameter every back edge passes
//! unchanged: its value is then the preheader's parameter, which the moved
//! instruction reads instead.
//!
//! A moved guard deopts to the loop's entry: the header's pc, with the
//! preheader's parameters as the header's live registers (one parameter per
//! register live at the header, in `Liveness` order: see `build`). The
//! baseline code then enters the loop as the optimized code would have.
//!
//! No value moves out of a loop that calls: values are never live across a
//! call (see `ir`), and a moved pure value would be.

use super::ir::*;
use crate::bytecode::liveness::Liveness;
use std::collections::HashSet;

pub fn run(f: &mut Func, live: &Liveness) {
    for_each_loop(f, |f, h| hoist_loop(f, h, live));
}

/// Calls `visit` on each loop header (not pc 0, the function's entry),
/// innermost loops (later headers) first: what a pass puts in an inner
/// loop's preheader is inside the enclosing loop, which may move it again.
/// Headers are found afresh after each visit (it may insert blocks).
/// Loops of inlined callees (`INLINED_PC`) are not visited: their pcs and
/// liveness are the callee's.
pub fn for_each_loop(f: &mut Func, mut visit: impl FnMut(&mut Func, usize)) {
    let mut done: HashSet<u32> = HashSet::new();
    let mut back_edge_to: Vec<bool> = Vec::new();
    loop {
        // Headers: targets of an edge from a block numbered no earlier.
        back_edge_to.clear();
        back_edge_to.resize(f.blocks.len(), false);
        for (q, b) in f.blocks.iter().enumerate() {
            for e in b.term.edges() {
                if e.to.0 as usize <= q {
                    back_edge_to[e.to.0 as usize] = true;
                }
            }
        }
        let header = (0..f.blocks.len()).rev().find(|&h| {
            back_edge_to[h]
                && !done.contains(&f.blocks[h].pc)
                && f.blocks[h].pc != 0
                && f.blocks[h].pc != INLINED_PC
        });
        let Some(h) = header else { return };
        done.insert(f.blocks[h].pc);
        visit(f, h);
    }
}

/// The shape of each shape-checked value, when every `CheckShape` of it
/// names the same one (else `None`). Every field access's object has a
/// check with no call between (the builder emits one before each, `gvn`
/// removes only those an identical one dominates without a call between),
/// and only calls change shapes, so such a value has that shape at each
/// of its field accesses: two with different shapes are different objects.
pub fn shape_keys(f: &Func) -> std::collections::HashMap<V, Option<u64>> {
    let mut out: std::collections::HashMap<V, Option<u64>> = std::collections::HashMap::new();
    for b in &f.blocks {
        for i in &b.insts {
            if let Op::CheckShape(k) = i.op {
                let e = out.entry(i.args[0]).or_insert(Some(k));
                if *e != Some(k) {
                    *e = None;
                }
            }
        }
    }
    out
}

/// The sources of the back edges into header `h`.
pub fn latches(f: &Func, h: usize) -> Vec<usize> {
    // (As `f.preds()[h]` filtered: one entry per edge, in block order.)
    let mut out = Vec::new();
    for (q, b) in f.blocks.iter().enumerate().skip(h) {
        for e in b.term.edges() {
            if e.to.0 as usize == h {
                out.push(q);
            }
        }
    }
    out
}

fn hoist_loop(f: &mut Func, h: usize, live: &Liveness) {
    let latches = latches(f, h);
    let Some(body) = natural_loop(f, h, &latches) else {
        return;
    };
    if f.no_spec.contains(&f.blocks[h].pc) {
        return; // Moved guards deopted here too often.
    }
    let idom = super::verify::dominators(f);
    let dominates = |a: usize, b: usize| dominates(&idom, a, b);
    let regs: Vec<u16> = live.live_in(f.blocks[h].pc as usize).collect();
    if regs.len() != f.blocks[h].params.len() {
        return; // Not a header the builder made (one parameter per register).
    }
    let calls = body
        .iter()
        .any(|&b| f.blocks[b].insts.iter().any(|i| i.op.has(props::CALLS)));
    if calls {
        return;
    }
    let every_iteration: HashSet<usize> = body
        .iter()
        .copied()
        .filter(|&b| latches.iter().all(|&l| dominates(b, l)))
        .collect();
    let shapes = shape_keys(f);
    let mut stored_fields = HashSet::new();
    let mut stored_ctx = HashSet::new();
    let mut store_prop = false;
    for &b in &body {
        for i in &f.blocks[b].insts {
            match i.op {
                Op::StoreField(loc) => {
                    stored_fields.insert((shapes.get(&i.args[0]).copied().flatten(), loc));
                }
                Op::StoreCtx(d, s) => {
                    stored_ctx.insert((d, s));
                }
                Op::StoreProp(_) => store_prop = true,
                _ => {}
            }
        }
    }
    // Header parameters every back edge passes unchanged.
    let params = f.blocks[h].params.clone();
    let invariant_param: Vec<bool> = (0..params.len())
        .map(|j| {
            latches.iter().all(|&l| {
                f.blocks[l]
                    .term
                    .edges()
                    .iter()
                    .filter(|e| e.to.0 as usize == h)
                    .all(|e| e.args[j] == params[j])
            })
        })
        .collect();
    let defined_in_loop = defined_in(f, &body);

    let Some((pre_params, entry_state)) = entry_params(f, h, live) else {
        return;
    };
    // Constants stay where they are (rematerialized, they cost nothing;
    // kept live across the loop, a register): a moved instruction reading
    // one reads a copy made in the preheader.
    let consts: std::collections::HashMap<V, Op> = body
        .iter()
        .flat_map(|&b| f.blocks[b].insts.iter())
        .filter(|i| i.args.is_empty() && i.op.has(props::PURE))
        .filter_map(|i| i.res.map(|r| (r, i.op)))
        .collect();
    let mut copies: std::collections::HashMap<V, V> = std::collections::HashMap::new();
    let mut moved_vals: HashSet<V> = HashSet::new();
    let mut checked_shape: HashSet<V> = HashSet::new();
    let mut hoisted: Vec<Inst> = Vec::new();
    let mut order: Vec<usize> = body.iter().copied().collect();
    order.sort_unstable();
    for b in order {
        let always = every_iteration.contains(&b);
        let insts = std::mem::take(&mut f.blocks[b].insts);
        let mut kept = Vec::with_capacity(insts.len());
        for ins in insts {
            // The operands as the preheader sees them, if all invariant.
            let args: Option<Vec<V>> = ins
                .args
                .iter()
                .map(|a| {
                    // (A constant is copied into the preheader below.)
                    if !defined_in_loop.contains(a)
                        || moved_vals.contains(a)
                        || consts.contains_key(a)
                    {
                        Some(*a)
                    } else {
                        params
                            .iter()
                            .position(|p| p == a)
                            .filter(|&j| invariant_param[j])
                            .map(|j| pre_params[j])
                    }
                })
                .collect();
            let movable = args.is_some()
                && !consts.contains_key(&ins.res.unwrap_or(V(u32::MAX)))
                && match ins.op {
                    op if op.has(props::PURE) => true,
                    Op::CheckInt32
                    | Op::CheckNumber
                    | Op::CheckNotHole
                    | Op::CheckIdentityCmp
                    | Op::CheckShape(_)
                    | Op::CheckCallee(_)
                    | Op::CheckNative(_)
                    | Op::CheckFrameRoom(..)
                    | Op::LoadAtomStr(_) => always,
                    // (Overflow of invariant operands: the loop's first
                    // iteration would deopt too.)
                    Op::LoadLength | Op::AddI32 | Op::SubI32 | Op::MulI32 => always,
                    Op::LoadCtx(d, s) => always && !stored_ctx.contains(&(d, s)),
                    Op::LoadCtxIn(..) => always && stored_ctx.is_empty(),
                    Op::LoadField(loc) => {
                        // No store in the loop may write this field of
                        // this object: none of that slot, or only into
                        // objects of another shape (other objects).
                        let mine = shapes.get(&ins.args[0]).copied().flatten();
                        let clash = |&(theirs, l): &(Option<u64>, i64)| {
                            l == loc && (mine.is_none() || theirs.is_none() || theirs == mine)
                        };
                        always
                            && !store_prop
                            && !stored_fields.iter().any(clash)
                            && checked_shape.contains(&args.as_ref().unwrap()[0])
                    }
                    _ => false,
                };
            if !movable {
                kept.push(ins);
                continue;
            }
            let mut args = args.unwrap();
            // (Loads find their object's check by the operand as the
            // preheader sees it, before constants become copies.)
            if matches!(ins.op, Op::CheckShape(_)) {
                checked_shape.insert(args[0]);
            }
            for a in args.iter_mut() {
                if let Some(&op) = consts.get(a) {
                    let c = match copies.get(a) {
                        Some(&c) => c,
                        None => {
                            let c = f.new_value(f.repr(*a));
                            hoisted.push(Inst {
                                op,
                                args: vec![],
                                res: Some(c),
                                fs: None,
                            });
                            copies.insert(*a, c);
                            c
                        }
                    };
                    *a = c;
                }
            }
            if let Some(r) = ins.res {
                moved_vals.insert(r);
            }
            // Fault: the guard keeps its in-loop frame state.
            let keep = crate::faults::Fault::HoistedGuardKeepsLoopState.injected();
            let fs = match ins.fs.as_ref() {
                Some(fs) if keep => Some(fs.clone()),
                Some(_) => Some(entry_state.clone()),
                None => None,
            };
            hoisted.push(Inst {
                op: ins.op,
                args,
                res: ins.res,
                fs,
            });
        }
        f.blocks[b].insts = kept;
    }
    if hoisted.is_empty() {
        return;
    }
    let args = pre_params.clone();
    insert_preheader(f, h, &body, (pre_params, args), hoisted);
}

/// The values the blocks of `body` define (parameters and results).
pub fn defined_in(f: &Func, body: &HashSet<usize>) -> HashSet<V> {
    body.iter()
        .flat_map(|&b| {
            let blk = &f.blocks[b];
            blk.params
                .iter()
                .copied()
                .chain(blk.insts.iter().filter_map(|i| i.res))
        })
        .collect()
}

/// Parameters for a preheader of the loop headed by `h` (fresh values,
/// the header's representations) and the loop's entry state in their
/// terms: the header's pc, each register live there as its parameter
/// (where a guard in the preheader deopts). None unless `h` has one
/// parameter per live register (a header the builder made).
pub fn entry_params(f: &mut Func, h: usize, live: &Liveness) -> Option<(Vec<V>, FrameState)> {
    let regs: Vec<u16> = live.live_in(f.blocks[h].pc as usize).collect();
    if regs.len() != f.blocks[h].params.len() {
        return None;
    }
    let pre_params: Vec<V> = (0..regs.len())
        .map(|j| {
            let r = f.repr(f.blocks[h].params[j]);
            f.new_value(r)
        })
        .collect();
    let state = FrameState {
        pc: f.blocks[h].pc,
        regs: regs.into_iter().zip(pre_params.iter().copied()).collect(),
        in_frame: vec![],
        inlined: None,
    };
    Some((pre_params, state))
}

pub fn dominates(idom: &[Option<usize>], a: usize, mut b: usize) -> bool {
    loop {
        if a == b {
            return true;
        }
        match idom[b] {
            Some(d) if d != b => b = d,
            _ => return false,
        }
    }
}

/// The blocks of the loop headed by `h` with these latches: backwards
/// from the latches, stopping at the header. None unless natural (`h`
/// dominates them all): an inner loop's OSR entry block jumps into the
/// middle of its enclosing loops, bypassing their preheaders.
pub fn natural_loop(f: &Func, h: usize, latches: &[usize]) -> Option<HashSet<usize>> {
    let preds = f.preds();
    let mut body: HashSet<usize> = HashSet::from([h]);
    let mut work = latches.to_vec();
    while let Some(b) = work.pop() {
        if body.insert(b) {
            work.extend(preds[b].iter().map(|q| q.0 as usize));
        }
    }
    let idom = super::verify::dominators(f);
    body.iter().all(|&b| dominates(&idom, h, b)).then_some(body)
}

/// Inserts `blk` at index `at`: every edge (and OSR entry) to a block at
/// `at` or later is renumbered; `blk`'s own edges are in the new numbering.
pub fn insert_block(f: &mut Func, at: usize, blk: Block) {
    let shift = |b: u32| if b as usize >= at { b + 1 } else { b };
    for b in &mut f.blocks {
        for e in b.term.edges_mut() {
            e.to = B(shift(e.to.0));
        }
    }
    for (_, b) in f.osr.iter_mut() {
        *b = B(shift(b.0));
    }
    f.blocks.insert(at, blk);
}

/// Inserts a preheader `P` at index `h` (the header moves to `h + 1`):
/// every edge into the header from outside `body` now enters `P`, which
/// has parameters `params` and jumps to the header with `args`.
pub fn insert_preheader(
    f: &mut Func,
    h: usize,
    body: &HashSet<usize>,
    (params, args): (Vec<V>, Vec<V>),
    insts: Vec<Inst>,
) {
    let outside: Vec<bool> = (0..f.blocks.len()).map(|i| !body.contains(&i)).collect();
    let pc = f.blocks[h].pc;
    insert_block(
        f,
        h,
        Block {
            params,
            insts,
            term: Term::Jump(Edge {
                to: B(h as u32 + 1),
                args,
            }),
            pc,
        },
    );
    // Edges from outside the loop into the header (now h + 1) enter P.
    for (i, blk) in f.blocks.iter_mut().enumerate() {
        if i == h {
            continue;
        }
        let was = if i > h { i - 1 } else { i };
        if !outside[was] {
            continue;
        }
        for e in blk.term.edges_mut() {
            if e.to.0 as usize == h + 1 {
                e.to = B(h as u32);
            }
        }
    }
}
