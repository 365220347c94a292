//! Int32 range facts from dominating compares, removing overflow checks
//! that cannot fire: on the path where `x < y` (int32s) holds, `x + 1`
//! cannot overflow (it is at most `y`, an int32), and where `x > y` holds,
//! `x - 1` cannot. That is the loop counter `for (i = 0; i < n; i++)`.
//!
//! A fact holds in a block dominated by the branch's edge: the edge's
//! target has the branch block as its only predecessor (so every path to
//! it took that edge) and dominates the block.

use super::ir::*;
use std::collections::HashMap;

pub fn run(f: &mut Func) {
    let below = below(f);
    // Constants 1 anywhere (values are defined once).
    let mut is_one: HashMap<V, bool> = HashMap::new();
    for b in &f.blocks {
        for ins in &b.insts {
            if let (Op::ConstI32(1), Some(r)) = (ins.op, ins.res) {
                is_one.insert(r, true);
            }
        }
    }
    for (bi, b) in f.blocks.iter_mut().enumerate() {
        for ins in &mut b.insts {
            let safe = match ins.op {
                // x + 1 with x < y.
                Op::AddI32 if is_one.contains_key(&ins.args[1]) => {
                    below[bi].iter().any(|&(a, _)| a == ins.args[0])
                }
                // x - 1 with y < x.
                Op::SubI32 if is_one.contains_key(&ins.args[1]) => {
                    below[bi].iter().any(|&(_, c)| c == ins.args[0])
                }
                _ => false,
            };
            if safe {
                ins.op = match ins.op {
                    Op::AddI32 => Op::AddI32Wrap,
                    _ => Op::SubI32Wrap,
                };
                ins.fs = None;
            }
        }
    }
}

/// The facts each block starts with: (x, y) meaning int32 x < int32 y.
pub fn below(f: &Func) -> Vec<Vec<(V, V)>> {
    let idom = super::verify::dominators(f);
    let preds = f.preds();
    // Compares by result value: (cc, x, y).
    let mut cmps: HashMap<V, (Cc, V, V)> = HashMap::new();
    for b in &f.blocks {
        for ins in &b.insts {
            if let (Op::CmpI32(cc), Some(r)) = (ins.op, ins.res) {
                cmps.insert(r, (cc, ins.args[0], ins.args[1]));
            }
        }
    }
    // Facts each block starts with: (x, y) meaning x < y.
    let mut below: Vec<Vec<(V, V)>> = vec![Vec::new(); f.blocks.len()];
    for bi in 1..f.blocks.len() {
        let mut facts = match idom[bi] {
            Some(d) if d != bi => below[d].clone(),
            _ => Vec::new(),
        };
        if let [p] = &preds[bi] {
            if let Term::Branch { cond, then, els } = &f.blocks[p.0 as usize].term {
                if then.to != els.to {
                    if let Some(&(cc, x, y)) = cmps.get(cond) {
                        let taken = then.to.0 as usize == bi;
                        // The fact on this edge, as "a < b".
                        let fact = match (cc, taken) {
                            (Cc::Lt, true) | (Cc::Ge, false) => Some((x, y)),
                            (Cc::Gt, true) | (Cc::Le, false) => Some((y, x)),
                            _ => None,
                        };
                        facts.extend(fact);
                    }
                }
            }
        }
        below[bi] = facts;
    }
    below
}
