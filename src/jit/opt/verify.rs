//! The IR verifier, run after the builder and after every pass when
//! verification is on (debug-assertions builds: tests and fuzzing).
//!
//! What it checks (see `ir`'s invariants):
//! - block 0 has no parameters and no predecessors; every edge goes to a
//!   block, with one argument per parameter, of the parameter's repr;
//! - every value is defined once, and every use is dominated by its
//!   definition (same block: earlier; edge arguments: by the end of the
//!   predecessor);
//! - operand and result representations are the ones `Op::sig` names;
//! - every `DEOPT`/`SYNC` instruction and every `Return` has a frame state
//!   that accounts for every register live at its pc (an SSA value, or in
//!   the frame), and no register twice; an inlined callee's state against
//!   the callee's liveness, its caller's against what lives across the
//!   call (the window and the result register excepted, and no caller
//!   register inside the callee's frame).

use super::ir::*;
use crate::bytecode::liveness::Liveness;

/// Immediate dominators of the blocks reachable from block 0 (blocks are
/// in reverse post-order: Cooper, Harvey & Kennedy's iteration).
pub fn dominators(f: &Func) -> Vec<Option<usize>> {
    let n = f.blocks.len();
    let preds = f.preds();
    let mut idom: Vec<Option<usize>> = vec![None; n];
    idom[0] = Some(0);
    let intersect = |idom: &Vec<Option<usize>>, mut a: usize, mut b: usize| {
        while a != b {
            while a > b {
                a = idom[a].unwrap();
            }
            while b > a {
                b = idom[b].unwrap();
            }
        }
        a
    };
    loop {
        let mut changed = false;
        for b in 1..n {
            let mut new: Option<usize> = None;
            for p in &preds[b] {
                let p = p.0 as usize;
                if idom[p].is_none() {
                    continue;
                }
                new = Some(match new {
                    None => p,
                    Some(x) => intersect(&idom, p, x),
                });
            }
            if new.is_some() && idom[b] != new {
                idom[b] = new;
                changed = true;
            }
        }
        if !changed {
            return idom;
        }
    }
}

pub fn verify(f: &Func, live: &Liveness) -> Result<(), String> {
    let n = f.blocks.len();
    if n == 0 || !f.blocks[0].params.is_empty() {
        return Err("block 0 must exist and have no parameters".into());
    }
    let preds = f.preds();
    if !preds[0].is_empty() {
        return Err("block 0 has predecessors".into());
    }
    // Where each value is defined: (block, index; params at -1).
    let mut def: Vec<Option<(usize, i64)>> = vec![None; f.reprs.len()];
    let mut define = |v: V, at: (usize, i64)| -> Result<(), String> {
        let d = def
            .get_mut(v.0 as usize)
            .ok_or(format!("v{} has no representation", v.0))?;
        if d.is_some() {
            return Err(format!("v{} is defined twice", v.0));
        }
        *d = Some(at);
        Ok(())
    };
    for (bi, b) in f.blocks.iter().enumerate() {
        for p in &b.params {
            define(*p, (bi, -1))?;
        }
        for (k, ins) in b.insts.iter().enumerate() {
            if let Some(r) = ins.res {
                define(r, (bi, k as i64))?;
            }
        }
    }
    let idom = dominators(f);
    let dominates = |a: usize, mut b: usize| loop {
        if a == b {
            return true;
        }
        match idom[b] {
            Some(x) if x != b => b = x,
            _ => return false,
        }
    };
    let check_use = |v: V, bi: usize, k: i64, what: &str| -> Result<(), String> {
        let Some(Some((db, dk))) = def.get(v.0 as usize) else {
            return Err(format!("{what}: v{} is never defined", v.0));
        };
        let ok = if *db == bi {
            *dk < k
        } else {
            dominates(*db, bi)
        };
        if ok {
            Ok(())
        } else {
            Err(format!(
                "{what}: v{} (defined in b{db}) does not dominate its use",
                v.0
            ))
        }
    };
    // An inlined callee's states are checked against its own liveness.
    let inl_live: Vec<Liveness> = (f.inlined.iter())
        // Prototypes outlive all code and every compilation.
        .map(|(p, _)| Liveness::compute(unsafe { &**p }))
        .collect();
    let check_fs = |fs: &FrameState, bi: usize, k: i64, what: &str| -> Result<(), String> {
        // (state, its function's liveness, the call it is the caller of).
        let mut level: Option<(&FrameState, Option<&Inlined>)> = Some((fs, None));
        while let Some((fs, call)) = level {
            let lv = match &fs.inlined {
                Some(i) => inl_live
                    .get(i.callee as usize)
                    .ok_or(format!("{what}: inlined callee #{} unknown", i.callee))?,
                None => live,
            };
            let mut seen = std::collections::HashSet::new();
            for (r, v) in &fs.regs {
                check_use(*v, bi, k, what)?;
                if !seen.insert(*r) {
                    return Err(format!("{what}: r{r} twice in the frame state"));
                }
            }
            for r in &fs.in_frame {
                if !seen.insert(*r) {
                    return Err(format!("{what}: r{r} twice in the frame state"));
                }
            }
            let mut want: Vec<u16> = lv.live_in(fs.pc as usize).collect();
            if let Some(c) = call {
                // A caller during an inlined call: what lives across the
                // call below the callee's frame (a call overwrites the
                // registers from its window up), but the result.
                want.extend(lv.live_in(fs.pc as usize + 1));
                want.retain(|r| *r < c.base && *r != c.dst);
                if let Some(r) = seen.iter().find(|r| **r >= c.base) {
                    return Err(format!(
                        "{what}: caller register r{r} overlaps the inlined frame at r{}",
                        c.base
                    ));
                }
            }
            for r in want {
                if !seen.contains(&r) {
                    return Err(format!(
                        "{what}: frame state at pc {} misses live register r{r}",
                        fs.pc
                    ));
                }
            }
            level = fs.inlined.as_ref().map(|i| (&i.caller, Some(&**i)));
        }
        Ok(())
    };
    for (bi, b) in f.blocks.iter().enumerate() {
        if bi != 0 && idom[bi].is_none() {
            return Err(format!("b{bi} is unreachable"));
        }
        for (k, ins) in b.insts.iter().enumerate() {
            let what = format!("b{bi} inst {k} ({:?})", ins.op);
            let (args, res) = ins.op.sig();
            if args.len() != ins.args.len() {
                return Err(format!(
                    "{what}: {} operands, wants {}",
                    ins.args.len(),
                    args.len()
                ));
            }
            for (x, want) in ins.args.iter().zip(args) {
                check_use(*x, bi, k as i64, &what)?;
                if f.repr(*x) != *want {
                    return Err(format!(
                        "{what}: v{} is {:?}, wants {want:?}",
                        x.0,
                        f.repr(*x)
                    ));
                }
            }
            match (res, ins.res) {
                (Some(r), Some(v)) if f.repr(v) == r => {}
                (None, None) => {}
                _ => return Err(format!("{what}: result does not match the op")),
            }
            let needs_fs = ins.op.has(props::DEOPT | props::SYNC);
            match (&ins.fs, needs_fs) {
                (Some(fs), true) => check_fs(fs, bi, k as i64, &what)?,
                (None, false) => {}
                (Some(_), false) => return Err(format!("{what}: a frame state on a pure op")),
                (None, true) => return Err(format!("{what}: no frame state")),
            }
        }
        let end = b.insts.len() as i64;
        let what = format!("b{bi} terminator");
        match &b.term {
            Term::Branch { cond, .. } => {
                check_use(*cond, bi, end, &what)?;
                if f.repr(*cond) != Repr::Bool {
                    return Err(format!("{what}: condition is not a Bool"));
                }
            }
            Term::Return { fs } => check_fs(fs, bi, end, &what)?,
            _ => {}
        }
        for e in b.term.edges() {
            let t = e.to.0 as usize;
            if t >= n || t == 0 {
                return Err(format!("{what}: edge to b{t}"));
            }
            let params = &f.blocks[t].params;
            if params.len() != e.args.len() {
                return Err(format!(
                    "{what}: {} arguments for b{t}'s {} parameters",
                    e.args.len(),
                    params.len()
                ));
            }
            for (x, p) in e.args.iter().zip(params) {
                check_use(*x, bi, end, &what)?;
                if f.repr(*x) != f.repr(*p) {
                    return Err(format!(
                        "{what}: argument v{} for parameter v{}: reprs differ",
                        x.0, p.0
                    ));
                }
            }
        }
    }
    Ok(())
}
