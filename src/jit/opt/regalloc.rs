//! Linear-scan register allocation (Poletto & Sarkar) over live
//! intervals of SSA values, and the parallel moves at block edges.
//!
//! Positions: blocks in their (reverse post-) order; a block's parameters
//! are defined at its start position; instruction k of the function has an
//! *early* position (its operands are read) and a *late* one (its result is
//! written; a guard's frame state is read then, since a guard leaves after
//! computing); the terminator reads its operands and edge arguments at the
//! block's end position.
//!
//! Invariants (proved per function by `checker`):
//! - A value's interval is the convex hull of its definition and every
//!   position where it is live (computed by a dataflow fixpoint, so the
//!   hull covers loops); two values whose intervals overlap never share a
//!   register or a spill slot.
//! - Scratch registers (`SCRATCH_GPRS`, `SCRATCH_XMMS`) and the pinned ones
//!   are never allocated: the emitter uses scratch for spilled operands,
//!   boxing and move cycles.
//! - No interval spans an instruction with `CALLS` (the builder reloads
//!   registers from the frame after one), so nothing needs saving there.

use super::ir::*;
use crate::faults::Fault;
use crate::jit::x64::{Gpr, Xmm};
use std::collections::HashSet;

/// Registers values may live in (the pinned ones are rbx, rbp, r12-r15).
pub const ALLOC_GPRS: [Gpr; 7] = [
    Gpr::Rax,
    Gpr::Rcx,
    Gpr::Rdx,
    Gpr::Rsi,
    Gpr::Rdi,
    Gpr::R8,
    Gpr::R9,
];
pub const SCRATCH_GPRS: [Gpr; 2] = [Gpr::R10, Gpr::R11];
pub const SCRATCH_XMMS: [Xmm; 2] = [Xmm::Xmm14, Xmm::Xmm15];

pub fn alloc_xmms() -> Vec<Xmm> {
    (0..14).map(Xmm::from_enc).collect()
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Loc {
    Gpr(Gpr),
    Xmm(Xmm),
    /// A spill slot: `[rsp + 8 * n]` in the optimized frame.
    Stack(u32),
}

impl std::fmt::Display for Loc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Loc::Gpr(g) => write!(f, "{g:?}"),
            Loc::Xmm(x) => write!(f, "{x:?}"),
            Loc::Stack(n) => write!(f, "[sp+{}]", 8 * n),
        }
    }
}

/// Positions of the linear order.
pub struct Positions {
    pub block_start: Vec<u32>,
    pub block_end: Vec<u32>,
    /// Early position of each instruction, per block.
    pub inst: Vec<Vec<u32>>,
}

pub fn positions(f: &Func) -> Positions {
    let mut p = Positions {
        block_start: vec![],
        block_end: vec![],
        inst: vec![],
    };
    let mut at = 0;
    for b in &f.blocks {
        p.block_start.push(at);
        at += 2;
        let mut v = Vec::new();
        for _ in &b.insts {
            v.push(at);
            at += 2;
        }
        p.inst.push(v);
        p.block_end.push(at);
        at += 2;
    }
    p
}

/// Values live on entry to each block (parameters excluded).
pub fn live_in(f: &Func) -> Vec<HashSet<V>> {
    let n = f.blocks.len();
    let mut live_in: Vec<HashSet<V>> = vec![HashSet::new(); n];
    loop {
        let mut changed = false;
        for bi in (0..n).rev() {
            let b = &f.blocks[bi];
            let mut live: HashSet<V> = HashSet::new();
            for e in b.term.edges() {
                for v in &live_in[e.to.0 as usize] {
                    live.insert(*v);
                }
                live.extend(e.args.iter().copied());
            }
            live.extend(b.term.uses());
            for ins in b.insts.iter().rev() {
                if let Some(r) = ins.res {
                    live.remove(&r);
                }
                live.extend(ins.args.iter().copied());
                if let Some(fs) = &ins.fs {
                    live.extend(fs.values());
                }
            }
            for p in &b.params {
                live.remove(p);
            }
            if live != live_in[bi] {
                live_in[bi] = live;
                changed = true;
            }
        }
        if !changed {
            return live_in;
        }
    }
}

#[derive(Clone, Debug)]
pub struct Interval {
    pub v: V,
    pub start: u32,
    pub end: u32,
}

pub fn intervals(f: &Func) -> Vec<Interval> {
    let pos = positions(f);
    let live = live_in(f);
    let mut start = vec![u32::MAX; f.reprs.len()];
    let mut end = vec![0u32; f.reprs.len()];
    let touch = |v: V, at: u32, start: &mut Vec<u32>, end: &mut Vec<u32>| {
        let i = v.0 as usize;
        start[i] = start[i].min(at);
        end[i] = end[i].max(at);
    };
    for (bi, b) in f.blocks.iter().enumerate() {
        for p in &b.params {
            touch(*p, pos.block_start[bi], &mut start, &mut end);
        }
        for (k, ins) in b.insts.iter().enumerate() {
            let early = pos.inst[bi][k];
            for a in &ins.args {
                touch(*a, early, &mut start, &mut end);
            }
            if let Some(fs) = &ins.fs {
                let at = if ins.op.has(props::DEOPT) {
                    early + 1
                } else {
                    early
                };
                for v in fs.values() {
                    touch(v, at, &mut start, &mut end);
                }
            }
            if let Some(r) = ins.res {
                touch(r, early + 1, &mut start, &mut end);
            }
        }
        let t = pos.block_end[bi];
        for v in b.term.uses() {
            touch(v, t, &mut start, &mut end);
        }
        for e in b.term.edges() {
            for a in &e.args {
                touch(*a, t, &mut start, &mut end);
            }
            // Live into the successor: live to the end of this block.
            for v in &live[e.to.0 as usize] {
                touch(*v, t, &mut start, &mut end);
            }
        }
    }
    let mut out: Vec<Interval> = (0..f.reprs.len())
        .filter(|&i| start[i] != u32::MAX)
        .map(|i| Interval {
            v: V(i as u32),
            start: start[i],
            end: end[i],
        })
        .collect();
    out.sort_by_key(|iv| (iv.start, iv.v.0));
    out
}

pub struct Allocation {
    pub loc: Vec<Option<Loc>>,
    pub nslots: u32,
}

impl Allocation {
    pub fn of(&self, v: V) -> Loc {
        self.loc[v.0 as usize].expect("every used value has a location")
    }
}

pub fn allocate(f: &Func) -> Allocation {
    allocate_with(f, ALLOC_GPRS.len())
}

/// `allocate` with at most `regs` registers per class (at least 1): the
/// harness's register-pressure stress, so spill code runs everywhere.
pub fn allocate_with(f: &Func, regs: usize) -> Allocation {
    let regs = regs.max(1);
    let ivs = intervals(f);
    let mut loc: Vec<Option<Loc>> = vec![None; f.reprs.len()];
    let mut free_g: Vec<Gpr> = ALLOC_GPRS.iter().take(regs).rev().copied().collect();
    let mut free_x: Vec<Xmm> = alloc_xmms().into_iter().take(regs).rev().collect();
    // Per spill slot: the last position any value given it is live at. A
    // slot goes to an interval only if it is free over the *whole*
    // interval (a spilled victim is moved to a slot retroactively, from
    // its start).
    let mut slot_end: Vec<u32> = Vec::new();
    let end_of: Vec<u32> = {
        let mut e = vec![0; f.reprs.len()];
        for iv in &ivs {
            e[iv.v.0 as usize] = iv.end;
        }
        e
    };
    let start_of: Vec<u32> = {
        let mut e = vec![0; f.reprs.len()];
        for iv in &ivs {
            e[iv.v.0 as usize] = iv.start;
        }
        e
    };
    let slot_for = |v: V, slot_end: &mut Vec<u32>| -> Loc {
        let (start, end) = (start_of[v.0 as usize], end_of[v.0 as usize]);
        // Fault: slot 0 counts as free whatever it holds.
        let reuse = Fault::SpillSlotReused.injected();
        let s = (0..slot_end.len())
            .find(|&s| slot_end[s] < start || reuse && s == 0)
            .unwrap_or_else(|| {
                slot_end.push(0);
                slot_end.len() - 1
            });
        slot_end[s] = slot_end[s].max(end);
        Loc::Stack(s as u32)
    };
    // Move hints: an edge argument and the parameter it becomes. Given
    // one register (the one allocated first, if free when the other's
    // interval starts: the first one's has ended), the edge's move of that
    // value is no move at all, as in a loop whose back edge passes the
    // next iteration's values.
    let mut hints: std::collections::HashMap<V, Vec<V>> = std::collections::HashMap::new();
    for b in &f.blocks {
        for e in b.term.edges() {
            let params = &f.blocks[e.to.0 as usize].params;
            for (a, p) in e.args.iter().zip(params) {
                hints.entry(*a).or_default().push(*p);
                hints.entry(*p).or_default().push(*a);
            }
        }
    }
    // (end, value) of intervals holding a register now.
    let mut active: Vec<(u32, V)> = Vec::new();
    for iv in &ivs {
        // Expire intervals that ended before this one starts.
        active.retain(|&(end, v)| {
            if end < iv.start {
                match loc[v.0 as usize] {
                    Some(Loc::Gpr(g)) => free_g.push(g),
                    Some(Loc::Xmm(x)) => free_x.push(x),
                    _ => {}
                }
                false
            } else {
                true
            }
        });
        let float = f.repr(iv.v).is_float();
        let hinted = hints.get(&iv.v).and_then(|ws| {
            ws.iter().find_map(|w| match loc[w.0 as usize] {
                Some(Loc::Gpr(g)) if !float => {
                    let i = free_g.iter().position(|x| *x == g)?;
                    Some(Loc::Gpr(free_g.remove(i)))
                }
                Some(Loc::Xmm(x)) if float => {
                    let i = free_x.iter().position(|y| *y == x)?;
                    Some(Loc::Xmm(free_x.remove(i)))
                }
                _ => None,
            })
        });
        let reg = hinted.or_else(|| {
            if float {
                free_x.pop().map(Loc::Xmm)
            } else {
                free_g.pop().map(Loc::Gpr)
            }
        });
        let chosen = match reg {
            Some(r) => {
                active.push((iv.end, iv.v));
                r
            }
            None => {
                // Spill whichever of the same class ends last.
                let victim = active
                    .iter()
                    .filter(|(_, v)| f.repr(*v).is_float() == float)
                    .max_by_key(|(end, v)| (*end, v.0))
                    .copied();
                match victim {
                    Some((vend, vv)) if vend > iv.end => {
                        let r = loc[vv.0 as usize].unwrap();
                        loc[vv.0 as usize] = Some(slot_for(vv, &mut slot_end));
                        active.retain(|(_, v)| *v != vv);
                        active.push((iv.end, iv.v));
                        r
                    }
                    _ => slot_for(iv.v, &mut slot_end),
                }
            }
        };
        loc[iv.v.0 as usize] = Some(chosen);
    }
    // Fault: two overlapping intervals get one register (the second
    // interval of a float-free function takes the first's register).
    if Fault::IntervalsShareRegister.injected() {
        let ivs_g: Vec<&Interval> = ivs.iter().filter(|iv| !f.repr(iv.v).is_float()).collect();
        'outer: for (i, a) in ivs_g.iter().enumerate() {
            for b in &ivs_g[i + 1..] {
                if b.start < a.end && b.start > a.start {
                    if let Some(Loc::Gpr(g)) = loc[a.v.0 as usize] {
                        if matches!(loc[b.v.0 as usize], Some(Loc::Gpr(_))) {
                            loc[b.v.0 as usize] = Some(Loc::Gpr(g));
                            break 'outer;
                        }
                    }
                }
            }
        }
    }
    Allocation {
        loc,
        nslots: slot_end.len() as u32,
    }
}

/// One step of a sequentialized parallel move.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Move {
    /// dst <- src (same class, or a stack slot on either side).
    Copy { src: Loc, dst: Loc },
}

/// Orders the parallel move `{dst_i <- src_i}` (distinct destinations)
/// into sequential copies: a copy is emitted once no pending copy still
/// reads its destination; a cycle is broken by saving one source in a
/// scratch location (`tmp`, per class).
pub fn sequentialize(moves: &[(Loc, Loc)], tmp_g: Loc, tmp_x: Loc) -> Vec<Move> {
    let mut pending: Vec<(Loc, Loc)> = moves.iter().copied().filter(|(s, d)| s != d).collect();
    let mut out = Vec::new();
    if Fault::ParallelMoveWrongOrder.injected() {
        // Fault: copies in the given order, as if they were independent.
        return pending
            .into_iter()
            .map(|(src, dst)| Move::Copy { src, dst })
            .collect();
    }
    while !pending.is_empty() {
        let ready = (0..pending.len()).find(|&i| {
            let d = pending[i].1;
            !pending.iter().any(|(s, _)| *s == d)
        });
        match ready {
            Some(i) => {
                let (src, dst) = pending.remove(i);
                out.push(Move::Copy { src, dst });
            }
            None => {
                // Every destination is still read: a cycle. Save the first
                // move's source in scratch and read it from there.
                let (src, _) = pending[0];
                let tmp = if matches!(src, Loc::Xmm(_)) {
                    tmp_x
                } else {
                    tmp_g
                };
                out.push(Move::Copy { src, dst: tmp });
                for m in pending.iter_mut() {
                    if m.0 == src {
                        m.0 = tmp;
                    }
                }
            }
        }
    }
    out
}
