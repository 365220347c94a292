//! Linear-scan register allocation over live intervals of SSA values with
//! lifetime holes (Wimmer & Mössenböck's, without splitting: a value has
//! one location throughout), and the parallel moves at block edges.
//!
//! Positions: blocks in their (reverse post-) order; a block's parameters
//! are defined at its start position; instruction k of the function has an
//! *early* position (its operands are read) and a *late* one (its result is
//! written; a guard's frame state is read then, since a guard leaves after
//! computing); the terminator reads its operands and edge arguments at the
//! block's end position.
//!
//! Invariants (proved per function by `checker`):
//! - A value's live ranges cover every position where it is live
//!   (from block live-in sets computed by a dataflow fixpoint); two values
//!   live at a common position never share a register, and two whose
//!   hulls (first to last live position) overlap never share a spill slot.
//!   A value in a hole of another's ranges may take its register: on
//!   every path through the hole the other is dead (its next use, if
//!   any, follows a new definition: a loop header's parameter takes its
//!   back edge's argument).
//! - Scratch registers (`SCRATCH_GPRS`, `SCRATCH_XMMS`) and the pinned ones
//!   are never allocated: the emitter uses scratch for spilled operands,
//!   boxing and move cycles.
//! - No interval spans an instruction with `CALLS` (the builder reloads
//!   registers from the frame after one), so nothing needs saving there.
//! - Constants read only as immediates (`Func::imm_only`) have no
//!   interval and no location.

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
    /// The hull: first and last position the value is live at.
    pub start: u32,
    pub end: u32,
    /// Where it is live: sorted, disjoint ranges (inclusive) covering
    /// `start..=end` but the *holes*, stretches of the linear order where
    /// the value is dead (blocks off its paths, the rest of a loop body
    /// after its last use there when it is also live after the loop).
    pub ranges: Vec<(u32, u32)>,
}

impl Interval {
    fn covers(&self, at: u32) -> bool {
        self.ranges.iter().any(|&(s, e)| s <= at && at <= e)
    }

    /// Whether the two are live at a common position.
    fn intersects(&self, o: &Interval) -> bool {
        let (mut i, mut j) = (0, 0);
        while i < self.ranges.len() && j < o.ranges.len() {
            let (a, b) = (self.ranges[i], o.ranges[j]);
            if a.0 <= b.1 && b.0 <= a.1 {
                return true;
            }
            if a.1 < b.1 {
                i += 1;
            } else {
                j += 1;
            }
        }
        false
    }
}

/// Each used value's live ranges, built backward per block from the
/// values live out of it (its successors' live-in values and its edge
/// arguments): a value live out of a block, or used in it, is live from
/// its definition there (or the block's start) to its last use (or the
/// block's end). Adjacent ranges merge, so a hole is a stretch of real
/// positions.
pub fn intervals(f: &Func) -> Vec<Interval> {
    let pos = positions(f);
    let live = live_in(f);
    let mut ranges: Vec<Vec<(u32, u32)>> = vec![Vec::new(); f.reprs.len()];
    for (bi, b) in f.blocks.iter().enumerate() {
        let (bs, be) = (pos.block_start[bi], pos.block_end[bi]);
        // Open ranges: value -> the last position it is live at here.
        let mut open: std::collections::HashMap<V, u32> = std::collections::HashMap::new();
        for e in b.term.edges() {
            for v in live[e.to.0 as usize].iter().chain(&e.args) {
                open.insert(*v, be);
            }
        }
        for v in b.term.uses() {
            open.insert(v, be);
        }
        for (k, ins) in b.insts.iter().enumerate().rev() {
            let early = pos.inst[bi][k];
            if let Some(r) = ins.res {
                let end = open.remove(&r).unwrap_or(early + 1);
                ranges[r.0 as usize].push((early + 1, end));
            }
            if let Some(fs) = &ins.fs {
                // A guard's frame state is read when it leaves, after
                // computing.
                let at = if ins.op.has(props::DEOPT) {
                    early + 1
                } else {
                    early
                };
                for v in fs.values() {
                    open.entry(v).or_insert(at);
                }
            }
            for a in &ins.args {
                open.entry(*a).or_insert(early);
            }
        }
        for p in &b.params {
            let end = open.remove(p).unwrap_or(bs);
            ranges[p.0 as usize].push((bs, end));
        }
        for (v, end) in open {
            ranges[v.0 as usize].push((bs, end));
        }
    }
    let mut out: Vec<Interval> = Vec::new();
    let imm = f.imm_only();
    for (i, mut rs) in ranges.into_iter().enumerate() {
        if rs.is_empty() || imm.contains(&V(i as u32)) {
            continue;
        }
        rs.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(rs.len());
        for (s, e) in rs {
            match merged.last_mut() {
                // (Positions step by 2 between blocks and instructions.)
                Some(last) if s <= last.1 + 2 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        out.push(Interval {
            v: V(i as u32),
            start: merged[0].0,
            end: merged.last().unwrap().1,
            ranges: merged,
        });
    }
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
    let gprs: Vec<Gpr> = ALLOC_GPRS.iter().take(regs).copied().collect();
    let xmms: Vec<Xmm> = alloc_xmms().into_iter().take(regs).collect();
    // Per spill slot: the last position any value given it is live at. A
    // slot goes to an interval only if it is free over its *whole* hull
    // (a spilled victim is moved to a slot retroactively, from its start).
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
    // one register (the one allocated first, if free over the other's
    // interval), the edge's move of that value is no move at all, as in a
    // loop whose back edge passes the next iteration's values.
    // And an instruction's first operand: two-address x86 computes the
    // result in place, with no copy, when it is the operand's register.
    let mut hints: std::collections::HashMap<V, Vec<V>> = std::collections::HashMap::new();
    for b in &f.blocks {
        for ins in &b.insts {
            if let (Some(r), Some(&x)) = (ins.res, ins.args.first()) {
                hints.entry(r).or_default().push(x);
            }
        }
        for e in b.term.edges() {
            let params = &f.blocks[e.to.0 as usize].params;
            for (a, p) in e.args.iter().zip(params) {
                hints.entry(*a).or_default().push(*p);
                hints.entry(*p).or_default().push(*a);
            }
        }
    }
    // Linear scan with lifetime holes (Wimmer's, without splitting): the
    // intervals holding a register and live at the current position
    // (`active`), and those holding one but in a hole (`inactive`: their
    // register serves any interval that fits in their holes).
    let mut active: Vec<usize> = Vec::new();
    let mut inactive: Vec<usize> = Vec::new();
    for (ci, iv) in ivs.iter().enumerate() {
        // Ended intervals drop out; the others are active where they
        // cover this position, inactive where it falls in a hole.
        let at = iv.start;
        let held: Vec<usize> = active.drain(..).chain(inactive.drain(..)).collect();
        for k in held.into_iter().filter(|&k| ivs[k].end >= at) {
            if ivs[k].covers(at) {
                active.push(k);
            } else {
                inactive.push(k);
            }
        }
        let float = f.repr(iv.v).is_float();
        let class: Vec<Loc> = if float {
            xmms.iter().map(|x| Loc::Xmm(*x)).collect()
        } else {
            gprs.iter().map(|g| Loc::Gpr(*g)).collect()
        };
        // The intervals in `r` that `iv` would collide with.
        let holders = |r: Loc, loc: &Vec<Option<Loc>>| -> Vec<usize> {
            (active.iter())
                .copied()
                .filter(|&k| loc[ivs[k].v.0 as usize] == Some(r))
                .chain(
                    (inactive.iter())
                        .copied()
                        .filter(|&k| loc[ivs[k].v.0 as usize] == Some(r) && ivs[k].intersects(iv)),
                )
                .collect()
        };
        let free = |r: Loc, loc: &Vec<Option<Loc>>| holders(r, loc).is_empty();
        let hinted = hints.get(&iv.v).and_then(|ws| {
            ws.iter()
                .filter_map(|w| loc[w.0 as usize])
                .find(|r| class.contains(r) && free(*r, &loc))
        });
        let reg = hinted.or_else(|| class.iter().copied().find(|r| free(*r, &loc)));
        let chosen = match reg {
            Some(r) => {
                active.push(ci);
                r
            }
            None => {
                // Spill the one interval in a register that ends last,
                // if it ends after this one and is all that holds it.
                let victim = class
                    .iter()
                    .filter_map(|&r| match holders(r, &loc)[..] {
                        [k] if active.contains(&k) => Some((k, r)),
                        _ => None,
                    })
                    .max_by_key(|&(k, _)| (ivs[k].end, ivs[k].v.0));
                match victim {
                    Some((k, r)) if ivs[k].end > iv.end => {
                        let vv = ivs[k].v;
                        loc[vv.0 as usize] = Some(slot_for(vv, &mut slot_end));
                        active.retain(|&j| j != k);
                        active.push(ci);
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
                if b.start > a.start && a.intersects(b) {
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
