//! Value numbering with redundant guard elimination: a pure instruction
//! or a guard that only inspects its operand (`CheckInt32`,
//! `CheckNumber`, `CheckNotHole`, `CheckShape`, `CheckCallee`) whose op and operands
//! equal an earlier one's that dominates it is removed, and its uses read
//! the earlier result (a value already proven int32 is not checked again;
//! an object's shape is checked once for all its fields).
//!
//! Load forwarding: a `LoadField(loc)` of an object reads the value an
//! earlier `LoadField(loc)` of it read or a `StoreField(loc)` to it wrote,
//! unless a store that may write that slot came between: a
//! `StoreField(loc)` to any object (it may be the same one under another
//! name) or a `StoreProp`, which forgets every remembered field. The
//! same for a context variable (`LoadCtx`/`StoreCtx` of one depth and
//! slot), which only its own store and calls change.
//!
//! Scope: a block and the chain of single-predecessor blocks it heads
//! (each block inherits the table of its only predecessor when that is
//! also its immediate dominator), and never across an instruction that
//! calls: values are not live across calls (see `ir`), so the table is
//! emptied at one.

use super::ir::*;
use crate::runtime::fxhash::FxBuild;
use std::collections::HashMap;

/// The op (its immediates included: constants are bits, so equal ops are
/// identical) and the operands.
type Key = (Op, Vec<V>);
type Table = HashMap<Key, Option<V>, FxBuild>;

fn key(ins: &Inst) -> Option<Key> {
    let reusable = ins.op.has(props::PURE)
        || matches!(
            ins.op,
            Op::CheckInt32
                | Op::CheckNumber
                | Op::CheckNotHole
                | Op::CheckIdentityCmp
                | Op::CheckShape(_)
                | Op::CheckCallee(_)
                | Op::LoadField(_)
                | Op::LoadCtx(..)
                | Op::LoadCtxIn(..)
        );
    reusable.then(|| (ins.op, ins.args.clone()))
}

pub fn run(f: &mut Func) {
    let idom = super::verify::dominators(f);
    let preds = f.preds();
    let mut subst: HashMap<V, V, FxBuild> = HashMap::default();
    let mut tables: Vec<Table> = Vec::with_capacity(f.blocks.len());
    for bi in 0..f.blocks.len() {
        let mut table = match (&preds[bi], idom[bi]) {
            ([p], Some(d)) if p.0 as usize == d && d < bi => tables[d].clone(),
            _ => Table::default(),
        };
        let b = &mut f.blocks[bi];
        let mut kept = Vec::with_capacity(b.insts.len());
        for mut ins in std::mem::take(&mut b.insts) {
            for a in ins.args.iter_mut() {
                if let Some(n) = subst.get(a) {
                    *a = *n;
                }
            }
            if let Some(fs) = ins.fs.as_mut() {
                for v in fs.values_mut() {
                    if let Some(n) = subst.get(v) {
                        *v = *n;
                    }
                }
            }
            if ins.op.has(props::CALLS) {
                table.clear();
                kept.push(ins);
                continue;
            }
            match ins.op {
                Op::StoreField(loc) => {
                    let load = Op::LoadField(loc);
                    table.retain(|k, _| k.0 != load);
                    table.insert((load, vec![ins.args[0]]), Some(ins.args[1]));
                }
                Op::StoreProp(_) => table.retain(|k, _| !matches!(k.0, Op::LoadField(_))),
                // (depth, slot) names one variable of this function's
                // context chain: only its own store changes it.
                Op::StoreCtx(d, slot) => {
                    table.insert((Op::LoadCtx(d, slot), vec![]), Some(ins.args[0]));
                    // An inlined callee's context may be this one.
                    table.retain(|k, _| !matches!(k.0, Op::LoadCtxIn(..)));
                }
                _ => {}
            }
            if let Some(k) = key(&ins) {
                if let Some(prev) = table.get(&k) {
                    match (ins.res, prev) {
                        (Some(r), Some(p)) => {
                            subst.insert(r, *p);
                        }
                        (None, None) => {}
                        _ => unreachable!("one op, one result shape"),
                    }
                    continue;
                }
                table.insert(k, ins.res);
            }
            kept.push(ins);
        }
        b.insts = kept;
        tables.push(table);
    }
    // Terminators and edges may read removed values from any block.
    for b in &mut f.blocks {
        let fix = |v: &mut V| {
            if let Some(n) = subst.get(v) {
                *v = *n;
            }
        };
        match &mut b.term {
            Term::Branch { cond, .. } => fix(cond),
            Term::Return { fs } => fs.values_mut().into_iter().for_each(fix),
            _ => {}
        }
        for e in b.term.edges_mut() {
            e.args.iter_mut().for_each(fix);
        }
    }
    // Uses in later blocks (in RPO, defs come first: one more sweep).
    for b in &mut f.blocks {
        for ins in &mut b.insts {
            for a in ins.args.iter_mut() {
                if let Some(n) = subst.get(a) {
                    *a = *n;
                }
            }
            if let Some(fs) = ins.fs.as_mut() {
                for v in fs.values_mut() {
                    if let Some(n) = subst.get(v) {
                        *v = *n;
                    }
                }
            }
        }
    }
}
