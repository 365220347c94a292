//! Jump threading of boolean joins: `a && b` and `c ? x : y` used as a
//! condition make a block whose only work is `branch p` on its own
//! parameter `p`, reached by edges that pass a compare's result or a
//! constant. Each such edge goes straight to where the branch would send
//! it: a `jump` with a computed condition becomes that `branch` itself, an
//! edge with a constant goes to the taken side. The emptied block is
//! removed once nothing reaches it.
//!
//! Conditions (so the graph stays SSA with blocks in reverse post-order):
//! the block has exactly one parameter, no instructions, and `p` is used
//! nowhere else (the branch's edges do not pass it on, no later block
//! reads it); it is no loop header, and its successors come after it, so
//! after every predecessor too (edges stay forward). A predecessor's
//! `jump` is rewritten, and a predecessor's `branch` edge only when it
//! passes a constant or the branch's own condition (true on its taken
//! edge, false on the other).

use super::ir::*;
use std::collections::{HashMap, HashSet};

pub fn run(f: &mut Func) {
    let consts: HashMap<V, bool> = f
        .blocks
        .iter()
        .flat_map(|b| b.insts.iter())
        .filter_map(|i| match (i.op, i.res) {
            (Op::ConstBool(k), Some(r)) => Some((r, k)),
            _ => None,
        })
        .collect();
    let uses = use_counts(f);
    let osr: HashSet<usize> = f.osr.iter().map(|(_, b)| b.0 as usize).collect();
    let preds = f.preds();
    for (t, pt) in preds.iter().enumerate().skip(1) {
        let blk = &f.blocks[t];
        let Term::Branch { cond, then, els } = &blk.term else {
            continue;
        };
        let threadable = blk.params.len() == 1
            && blk.insts.is_empty()
            && *cond == blk.params[0]
            && uses.get(cond) == Some(&1)
            && then.to.0 as usize > t
            && els.to.0 as usize > t
            && !osr.contains(&t)
            && pt.iter().all(|q| (q.0 as usize) < t);
        if !threadable {
            continue;
        }
        let (then, els) = (then.clone(), els.clone());
        for q in 0..t {
            let term = &mut f.blocks[q].term;
            match term {
                Term::Jump(e) if e.to.0 as usize == t => {
                    let a = e.args[0];
                    *term = match consts.get(&a) {
                        Some(true) => Term::Jump(then.clone()),
                        Some(false) => Term::Jump(els.clone()),
                        None => Term::Branch {
                            cond: a,
                            then: then.clone(),
                            els: els.clone(),
                        },
                    };
                }
                Term::Branch {
                    cond: c,
                    then: qt,
                    els: qe,
                } => {
                    // On a branch's own edges its condition is known.
                    for (e, known) in [(qt, true), (qe, false)] {
                        if e.to.0 as usize != t {
                            continue;
                        }
                        let k = if e.args[0] == *c {
                            Some(known)
                        } else {
                            consts.get(&e.args[0]).copied()
                        };
                        match k {
                            Some(true) => *e = then.clone(),
                            Some(false) => *e = els.clone(),
                            None => {}
                        }
                    }
                }
                _ => {}
            }
        }
    }
    remove_unreachable(f);
}

/// How many times each value is read: as an operand, in a frame state, by
/// a terminator or on an edge.
pub fn use_counts(f: &Func) -> UseCounts {
    // Values are numbered densely (`Func::new_value`): a count per value.
    let mut uses = vec![0usize; f.reprs.len()];
    let mut count = |v: V| {
        let i = v.0 as usize;
        if i >= uses.len() {
            uses.resize(i + 1, 0);
        }
        uses[i] += 1;
    };
    for b in &f.blocks {
        for i in &b.insts {
            i.args.iter().copied().for_each(&mut count);
            if let Some(fs) = &i.fs {
                fs.for_each_value(&mut count);
            }
        }
        b.term.uses().into_iter().for_each(&mut count);
        for e in b.term.edges() {
            e.args.iter().copied().for_each(&mut count);
        }
    }
    UseCounts(uses)
}

/// [`use_counts`]' result.
pub struct UseCounts(Vec<usize>);

impl UseCounts {
    /// How many times `v` is read; `None` when never (as a map of the
    /// values read would answer).
    pub fn get(&self, v: &V) -> Option<&usize> {
        self.0.get(v.0 as usize).filter(|&&n| n > 0)
    }
}

/// Drops blocks nothing reaches any more (renumbering edges and OSR
/// entries; block 0 and OSR entry blocks always stay).
fn remove_unreachable(f: &mut Func) {
    let n = f.blocks.len();
    let mut reached = vec![false; n];
    reached[0] = true;
    for (_, b) in &f.osr {
        reached[b.0 as usize] = true;
    }
    // Reverse post-order: a block's predecessors (but back edges) come
    // first, and a loop header is reached by a forward edge first.
    for i in 0..n {
        if reached[i] {
            for e in f.blocks[i].term.edges() {
                reached[e.to.0 as usize] = true;
            }
        }
    }
    if reached.iter().all(|r| *r) {
        return;
    }
    let mut new_index = vec![u32::MAX; n];
    let mut k = 0;
    for i in 0..n {
        if reached[i] {
            new_index[i] = k;
            k += 1;
        }
    }
    let blocks = std::mem::take(&mut f.blocks);
    f.blocks = blocks
        .into_iter()
        .enumerate()
        .filter(|(i, _)| reached[*i])
        .map(|(_, b)| b)
        .collect();
    for b in &mut f.blocks {
        for e in b.term.edges_mut() {
            e.to = B(new_index[e.to.0 as usize]);
        }
    }
    for (_, b) in f.osr.iter_mut() {
        *b = B(new_index[b.0 as usize]);
    }
}
