//! The allocation checker (in the style of regalloc2's `checker.rs`).
//!
//! What it proves, for one function and its allocation: along every path
//! through the CFG, every read of a value `v` (an instruction operand, a
//! frame-state entry, a terminator operand, an edge argument) finds `v` in
//! the location the allocation gives `v` (but a constant the instruction
//! encodes as an immediate, `Op::imm_operand`).
//!
//! How: abstract interpretation over a map `location -> value` (what each
//! register and spill slot is known to hold). An instruction's result
//! overwrites its location (a guard's before its frame state is read,
//! since a guard may leave after computing); an instruction that calls clobbers every
//! location (registers are caller-saved, and a collection may move what
//! spill slots point to); an edge applies the *sequential* moves the
//! emitter will run (`regalloc::sequentialize`, scratch included), so a
//! wrong move order is caught too. At a join the states of all
//! predecessors are intersected (a location holds v only if it does on
//! every incoming edge), iterated to a fixpoint. The state only shrinks,
//! so the fixpoint exists and is reached.

use super::ir::*;
use super::regalloc::{sequentialize, Allocation, Loc, Move, SCRATCH_GPRS, SCRATCH_XMMS};
use std::collections::HashMap;

type State = HashMap<Loc, V>;

pub fn edge_moves(f: &Func, a: &Allocation, e: &Edge) -> Vec<Move> {
    let params = &f.blocks[e.to.0 as usize].params;
    let pm: Vec<(Loc, Loc)> = e
        .args
        .iter()
        .zip(params)
        .map(|(x, p)| (a.of(*x), a.of(*p)))
        .collect();
    sequentialize(&pm, Loc::Gpr(SCRATCH_GPRS[0]), Loc::Xmm(SCRATCH_XMMS[0]))
}

fn read(state: &State, a: &Allocation, v: V, what: &str) -> Result<(), String> {
    let Some(l) = a.loc[v.0 as usize] else {
        return Err(format!("{what} reads v{}, which has no location", v.0));
    };
    match state.get(&l) {
        Some(x) if *x == v => Ok(()),
        Some(x) => Err(format!(
            "{what} reads v{} from {l}, which holds v{}",
            v.0, x.0
        )),
        None => Err(format!(
            "{what} reads v{} from {l}, which holds nothing known",
            v.0
        )),
    }
}

/// Checks `a` for `f` (see the module doc); the error names the first
/// read that can see the wrong value.
pub fn check(f: &Func, a: &Allocation) -> Result<(), String> {
    let n = f.blocks.len();
    // Constants are immediates where `Op::imm_operand` allows: no read.
    let consts: std::collections::HashSet<V> = (f.blocks.iter())
        .flat_map(|b| &b.insts)
        .filter(|i| matches!(i.op, Op::ConstI32(_)))
        .filter_map(|i| i.res)
        .collect();
    let mut entry: Vec<Option<State>> = vec![None; n];
    entry[0] = Some(State::new());
    let mut work: Vec<usize> = vec![0];
    while let Some(bi) = work.pop() {
        let b = &f.blocks[bi];
        let mut st = entry[bi].clone().expect("queued blocks have a state");
        for (k, ins) in b.insts.iter().enumerate() {
            let what = format!("b{bi} inst {k} ({:?})", ins.op);
            for (k, x) in ins.args.iter().enumerate() {
                if !(ins.op.imm_operand(k) && consts.contains(x)) {
                    read(&st, a, *x, &what)?;
                }
            }
            // A guard may leave after writing its result (an overflow
            // check follows the operation): its frame state is read then.
            let late = ins.op.has(props::DEOPT);
            // (An immediate-only constant has no location.)
            let res = ins.res.and_then(|r| Some((a.loc[r.0 as usize]?, r)));
            if late {
                if let Some((l, r)) = res {
                    st.insert(l, r);
                }
            }
            if let Some(fs) = &ins.fs {
                for v in fs.values() {
                    read(&st, a, v, &format!("{what} frame state v{}", v.0))?;
                }
            }
            if ins.op.has(props::CALLS) {
                st.clear();
            }
            if let (Some((l, r)), false) = (res, late) {
                st.insert(l, r);
            }
        }
        let what = format!("b{bi} terminator");
        for v in b.term.uses() {
            read(&st, a, v, &what)?;
        }
        for e in b.term.edges() {
            for x in &e.args {
                read(&st, a, *x, &format!("{what} edge to b{}", e.to.0))?;
            }
            let mut out = st.clone();
            for m in edge_moves(f, a, e) {
                let Move::Copy { src, dst } = m;
                match out.get(&src).copied() {
                    Some(v) => {
                        out.insert(dst, v);
                    }
                    None => {
                        out.remove(&dst);
                    }
                }
            }
            // The parameters must now hold what the arguments held.
            for (x, p) in e.args.iter().zip(&f.blocks[e.to.0 as usize].params) {
                let l = a.of(*p);
                if out.get(&l) != Some(x) {
                    return Err(format!(
                        "{what}: after the edge moves to b{}, parameter v{} ({l}) does not hold argument v{}",
                        e.to.0, p.0, x.0
                    ));
                }
                out.insert(l, *p);
            }
            // Argument values are not the parameters: drop stale names of
            // the arguments where a parameter now lives (already replaced).
            let t = e.to.0 as usize;
            let merged = match &entry[t] {
                None => out,
                Some(old) => old
                    .iter()
                    .filter(|(l, v)| out.get(l) == Some(v))
                    .map(|(l, v)| (*l, *v))
                    .collect(),
            };
            if entry[t].as_ref() != Some(&merged) {
                entry[t] = Some(merged);
                if !work.contains(&t) {
                    work.push(t);
                }
            }
        }
    }
    Ok(())
}
