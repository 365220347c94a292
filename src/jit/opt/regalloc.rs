//! Linear-scan register allocation over live intervals of SSA values with
//! lifetime holes, two ways (see `allocate_with`: the cheaper is kept):
//! with splitting (a value's pieces in different locations, moved inside
//! blocks and on edges) and without (a value has one location
//! throughout); and the parallel moves at block edges.
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
// Keys are small value and position numbers: FxHash, not SipHash (which
// was most of `live_in`'s and `intervals`' time).
use crate::runtime::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Registers values may live in (the pinned ones are rbx, rbp, r12 and
/// r13). r14 and r15 hold the baseline code's feedback and prototype
/// pointers, both constants of the function: optimized code uses them for
/// values and `lower` pins them again before any baseline code runs (a
/// generic instruction, a deopt stub). They come last, so a function
/// that needs few registers never pays for re-pinning.
pub const ALLOC_GPRS: [Gpr; 9] = [
    Gpr::Rax,
    Gpr::Rcx,
    Gpr::Rdx,
    Gpr::Rsi,
    Gpr::Rdi,
    Gpr::R8,
    Gpr::R9,
    Gpr::R14,
    Gpr::R15,
];
/// The GPRs of an allocation limited to `regs` per class: all of them,
/// or (a stress plan's few) r14 and r15 first, so the harness's
/// register-starved plans run every re-pinning path (`lower::repin`).
fn gprs_for(regs: usize) -> Vec<Gpr> {
    if regs >= ALLOC_GPRS.len() {
        return ALLOC_GPRS.to_vec();
    }
    let pinned = [Gpr::R14, Gpr::R15];
    (pinned.iter())
        .chain(ALLOC_GPRS.iter().filter(|g| !pinned.contains(g)))
        .take(regs)
        .copied()
        .collect()
}

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
#[derive(Clone)]
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
///
/// The fixpoint runs on bitsets (one bit per value; hash sets rebuilt per
/// block per round were most of the allocator's time); the sets are made
/// once at the end.
pub fn live_in(f: &Func) -> Vec<HashSet<V>> {
    let n = f.blocks.len();
    let words = f.reprs.len().div_ceil(64);
    let mut bits: Vec<Vec<u64>> = vec![vec![0; words]; n];
    let mut live: Vec<u64> = vec![0; words];
    let set = |b: &mut [u64], v: V| b[v.0 as usize / 64] |= 1 << (v.0 % 64);
    let clear = |b: &mut [u64], v: V| b[v.0 as usize / 64] &= !(1 << (v.0 % 64));
    loop {
        let mut changed = false;
        for bi in (0..n).rev() {
            let b = &f.blocks[bi];
            live.fill(0);
            for e in b.term.edges() {
                for (w, x) in live.iter_mut().zip(&bits[e.to.0 as usize]) {
                    *w |= x;
                }
                for &a in &e.args {
                    set(&mut live, a);
                }
            }
            for v in b.term.uses() {
                set(&mut live, v);
            }
            for ins in b.insts.iter().rev() {
                if let Some(r) = ins.res {
                    clear(&mut live, r);
                }
                for &a in &ins.args {
                    set(&mut live, a);
                }
                if let Some(fs) = &ins.fs {
                    fs.for_each_value(&mut |v| set(&mut live, v));
                }
            }
            for &p in &b.params {
                clear(&mut live, p);
            }
            if live != bits[bi] {
                bits[bi].copy_from_slice(&live);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    bits.iter()
        .map(|b| {
            let mut s = HashSet::default();
            for (i, &w) in b.iter().enumerate() {
                let mut w = w;
                while w != 0 {
                    s.insert(V(i as u32 * 64 + w.trailing_zeros()));
                    w &= w - 1;
                }
            }
            s
        })
        .collect()
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
fn intervals(f: &Func, pos: &Positions, live: &[HashSet<V>]) -> Vec<Interval> {
    let mut ranges: Vec<Vec<(u32, u32)>> = vec![Vec::new(); f.reprs.len()];
    const NOT_OPEN: u32 = u32::MAX;
    let mut open: Vec<u32> = vec![NOT_OPEN; f.reprs.len()];
    let mut opened: Vec<V> = Vec::new();
    for (bi, b) in f.blocks.iter().enumerate() {
        let (bs, be) = (pos.block_start[bi], pos.block_end[bi]);
        // Open ranges: value -> the last position it is live at here
        // (`open`, by value: `NOT_OPEN` when not; `opened` lists them).
        let mut insert = |v: V, at: u32, open: &mut Vec<u32>| {
            if open[v.0 as usize] == NOT_OPEN {
                opened.push(v);
            }
            open[v.0 as usize] = at;
        };
        for e in b.term.edges() {
            for v in live[e.to.0 as usize].iter().chain(&e.args) {
                insert(*v, be, &mut open);
            }
        }
        for v in b.term.uses() {
            insert(v, be, &mut open);
        }
        let mut entry = |v: V, at: u32, open: &mut Vec<u32>| {
            if open[v.0 as usize] == NOT_OPEN {
                insert(v, at, open);
            }
        };
        for (k, ins) in b.insts.iter().enumerate().rev() {
            let early = pos.inst[bi][k];
            if let Some(r) = ins.res {
                let end = std::mem::replace(&mut open[r.0 as usize], NOT_OPEN);
                let end = if end == NOT_OPEN { early + 1 } else { end };
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
                fs.for_each_value(&mut |v| entry(v, at, &mut open));
            }
            for a in &ins.args {
                entry(*a, early, &mut open);
            }
        }
        for p in &b.params {
            let end = std::mem::replace(&mut open[p.0 as usize], NOT_OPEN);
            let end = if end == NOT_OPEN { bs } else { end };
            ranges[p.0 as usize].push((bs, end));
        }
        for v in opened.drain(..) {
            let end = std::mem::replace(&mut open[v.0 as usize], NOT_OPEN);
            if end != NOT_OPEN {
                ranges[v.0 as usize].push((bs, end));
            }
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
    /// Each value's location where it is defined (its first child).
    pub loc: Vec<Option<Loc>>,
    /// Where each value moves later (splitting): from position `p` on, at
    /// `l`, in position order.
    pub splits: Vec<Vec<(u32, Loc)>>,
    pub nslots: u32,
    pub pos: Positions,
    pub live_in: Vec<HashSet<V>>,
    /// Each value's spill slot, if it has one: written once, after its
    /// definition.
    pub slot: Vec<Option<Loc>>,
    /// The parallel moves run before the instruction (or terminator) at a
    /// position: a value changing location inside a block.
    pub moves: HashMap<u32, Vec<(Loc, Loc)>>,
    /// Whether the scan with splitting made it (see `allocate_with`).
    pub split: bool,
}

impl Allocation {
    /// Where `v` is defined.
    pub fn of(&self, v: V) -> Loc {
        self.loc[v.0 as usize].expect("every used value has a location")
    }

    /// Where `v` is at position `p` (its definition's location before
    /// its first split).
    pub fn at(&self, v: V, p: u32) -> Loc {
        let s = &self.splits[v.0 as usize];
        match s.iter().rposition(|&(q, _)| q <= p) {
            Some(k) => s[k].1,
            None => self.of(v),
        }
    }

    /// The moves before the instruction or terminator at `p`.
    pub fn moves_at(&self, p: u32) -> &[(Loc, Loc)] {
        self.moves.get(&p).map_or(&[], |m| &m[..])
    }

    /// The parallel move on the edge from block `from` along `e`: each
    /// argument into its parameter's location, and each value live into
    /// the target from where it is at `from`'s end to where it is at the
    /// target's start.
    pub fn edge_moves(&self, f: &Func, from: usize, e: &Edge) -> Vec<(Loc, Loc)> {
        let t = e.to.0 as usize;
        let (be, bs) = (self.pos.block_end[from], self.pos.block_start[t]);
        let mut out: Vec<(Loc, Loc)> = e
            .args
            .iter()
            .zip(&f.blocks[t].params)
            .map(|(x, p)| (self.at(*x, be), self.at(*p, bs)))
            .collect();
        let mut live: Vec<V> = self.live_in[t]
            .iter()
            .copied()
            .filter(|v| self.loc[v.0 as usize].is_some())
            .collect();
        live.sort_unstable();
        for v in live {
            let (a, b) = (self.at(v, be), self.at(v, bs));
            // (Its slot already holds it.)
            if a != b && Some(b) != self.slot[v.0 as usize] {
                out.push((a, b));
            }
        }
        out
    }
}

/// The two allocations `allocate_with` chooses from (the `regalloc`
/// target checks both): ("split", with splitting), ("whole", without).
pub fn both_with(f: &Func, regs: usize) -> [(&'static str, Allocation); 2] {
    let regs = regs.max(1);
    let pos = positions(f);
    let live = live_in(f);
    let ivs = intervals(f, &pos, &live);
    let (wloc, wslots) = allocate_whole(f, regs, &ivs);
    let n = f.reprs.len();
    let whole = Allocation {
        slot: wloc
            .iter()
            .map(|l| l.filter(|l| matches!(l, Loc::Stack(_))))
            .collect(),
        loc: wloc,
        splits: vec![Vec::new(); n],
        nslots: wslots,
        pos: pos.clone(),
        live_in: live.clone(),
        moves: HashMap::default(),
        split: false,
    };
    let split = allocate_split(f, regs, pos, live, &ivs);
    [("split", split), ("whole", whole)]
}

/// `allocate` with at most `regs` registers per class (at least 1): the
/// harness's register-pressure stress, so spill and split code runs
/// everywhere.
///
/// Two linear scans, and the cheaper result by `cost`: with splitting
/// (`allocate_split`) and without (`allocate_whole`). Splitting wins where
/// a value is read in a hot loop but idle around it, or idle in one; it
/// loses where its moves cost more than reading spilled values in place
/// (x86 reads an operand from memory at about the cost of a load), which
/// the simpler scan does.
pub fn allocate_with(f: &Func, regs: usize) -> Allocation {
    let [(_, split), (_, whole)] = both_with(f, regs);
    let mut a = if cost(f, &split) < cost(f, &whole) {
        split
    } else {
        whole
    };
    // Fault: two overlapping intervals get one register (the second
    // interval of a float-free function takes the first's register).
    if Fault::IntervalsShareRegister.injected() {
        let ivs = intervals(f, &a.pos, &a.live_in);
        let loc = &mut a.loc;
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
    a
}

/// The static cost of an allocation: each read or write of a spill slot
/// by an instruction, and each move (inside blocks and on edges), weighted
/// by 8 per loop around it.
pub fn cost(f: &Func, a: &Allocation) -> u64 {
    let spans = loop_spans(f, &a.pos);
    let weight = |p: u32| -> u64 {
        let d = spans.iter().filter(|&&(s, e)| s <= p && p <= e).count();
        8u64.saturating_pow(d as u32)
    };
    let stack =
        |v: V, p: u32| matches!(a.loc[v.0 as usize].map(|_| a.at(v, p)), Some(Loc::Stack(_)));
    let mut c = 0u64;
    for (bi, b) in f.blocks.iter().enumerate() {
        for (k, ins) in b.insts.iter().enumerate() {
            let p = a.pos.inst[bi][k];
            let w = weight(p);
            c += w * a.moves_at(p).len() as u64;
            let n = ins.args.iter().filter(|&&x| stack(x, p)).count()
                + ins.res.iter().filter(|&&r| stack(r, p)).count();
            c += w * n as u64;
        }
        let be = a.pos.block_end[bi];
        let w = weight(be);
        c += w * a.moves_at(be).len() as u64;
        c += w * b.term.uses().iter().filter(|&&x| stack(x, be)).count() as u64;
        for e in b.term.edges() {
            c += w * a.edge_moves(f, bi, e).len() as u64;
        }
    }
    c
}

/// The first `regs` allocatable registers of each class (general, float),
/// made once per scan rather than per interval.
fn classes(regs: usize) -> (Vec<Loc>, Vec<Loc>) {
    let g = gprs_for(regs).into_iter().map(Loc::Gpr).collect();
    let x = alloc_xmms().into_iter().take(regs).map(Loc::Xmm).collect();
    (g, x)
}

/// A spill slot free from `start` to `end` (`slot_end`: per slot, the
/// last position a value given it is live at), taken for that span.
fn take_slot(slot_end: &mut Vec<u32>, start: u32, end: u32) -> Loc {
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
}

/// Move hints: an edge argument and the parameter it becomes. Given one
/// register (the one allocated first, if free over the other's interval),
/// the edge's move of that value is no move at all, as in a loop whose
/// back edge passes the next iteration's values. And an instruction's
/// first operand: two-address x86 computes the result in place, with no
/// copy, when it is the operand's register.
fn move_hints(f: &Func) -> HashMap<V, Vec<V>> {
    let mut hints: HashMap<V, Vec<V>> = HashMap::default();
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
    hints
}

/// Linear scan without splitting (a value has one location throughout):
/// an interval gets a free register (a hinted one first), else the one
/// that ends last among those holding a register and this one is spilled
/// whole, from its start; spilled values are read from their slots.
fn allocate_whole(f: &Func, regs: usize, ivs: &[Interval]) -> (Vec<Option<Loc>>, u32) {
    let mut loc: Vec<Option<Loc>> = vec![None; f.reprs.len()];
    let (gpr_class, xmm_class) = classes(regs);
    // Per spill slot: the last position any value given it is live at. A
    // slot goes to an interval only if it is free over its *whole* hull
    // (a spilled victim is moved to a slot retroactively, from its start).
    let mut slot_end: Vec<u32> = Vec::new();
    let end_of: Vec<u32> = {
        let mut e = vec![0; f.reprs.len()];
        for iv in ivs {
            e[iv.v.0 as usize] = iv.end;
        }
        e
    };
    let start_of: Vec<u32> = {
        let mut e = vec![0; f.reprs.len()];
        for iv in ivs {
            e[iv.v.0 as usize] = iv.start;
        }
        e
    };
    let slot_for = |v: V, slot_end: &mut Vec<u32>| -> Loc {
        let (start, end) = (start_of[v.0 as usize], end_of[v.0 as usize]);
        take_slot(slot_end, start, end)
    };
    let hints = move_hints(f);
    // Linear scan with lifetime holes (Wimmer's, without splitting): the
    // intervals holding a register and live at the current position
    // (`active`), and those holding one but in a hole (`inactive`: their
    // register serves any interval that fits in their holes).
    let mut active: Vec<usize> = Vec::new();
    let mut inactive: Vec<usize> = Vec::new();
    // (Reused: the intervals holding a register, re-sorted per interval.)
    let mut held: Vec<usize> = Vec::new();
    for (ci, iv) in ivs.iter().enumerate() {
        // Ended intervals drop out; the others are active where they
        // cover this position, inactive where it falls in a hole.
        let at = iv.start;
        held.clear();
        held.extend(active.drain(..).chain(inactive.drain(..)));
        for &k in held.iter().filter(|&&k| ivs[k].end >= at) {
            if ivs[k].covers(at) {
                active.push(k);
            } else {
                inactive.push(k);
            }
        }
        let class: &[Loc] = if f.repr(iv.v).is_float() {
            &xmm_class
        } else {
            &gpr_class
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
        // (`holders(r, loc).is_empty()`, without collecting: it runs for
        // every register of the class per interval.)
        let free = |r: Loc, loc: &Vec<Option<Loc>>| {
            !active.iter().any(|&k| loc[ivs[k].v.0 as usize] == Some(r))
                && !inactive
                    .iter()
                    .any(|&k| loc[ivs[k].v.0 as usize] == Some(r) && ivs[k].intersects(iv))
        };
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
    let n = slot_end.len() as u32;
    (loc, n)
}

impl Allocation {
    /// Does any value (or piece of one) live in one of `regs`?
    pub fn uses_any(&self, regs: &[Gpr]) -> bool {
        let hit = |l: &Loc| matches!(l, Loc::Gpr(g) if regs.contains(g));
        self.loc.iter().flatten().any(hit) || self.splits.iter().flatten().any(|(_, l)| hit(l))
    }

    /// `--print-ir=regalloc`: each value's locations, then the moves
    /// inside blocks.
    pub fn dump(&self, f: &Func) -> String {
        use std::fmt::Write;
        let mut s = format!(
            "allocation of {:?} ({} spill slots, {}; cost {})\n",
            f.name,
            self.nslots,
            if self.split { "split" } else { "whole" },
            cost(f, self)
        );
        for (i, l) in self.loc.iter().enumerate() {
            let Some(l) = l else { continue };
            let _ = write!(s, "  v{i}: {l}");
            for (p, m) in &self.splits[i] {
                let _ = write!(s, ", from {p}: {m}");
            }
            s.push('\n');
        }
        let mut ps: Vec<_> = self.moves.iter().collect();
        ps.sort_by_key(|(p, _)| **p);
        for (p, ms) in ps {
            let ms: Vec<String> = ms.iter().map(|(a, b)| format!("{b} <- {a}")).collect();
            let _ = writeln!(s, "  moves at {p}: {}", ms.join(", "));
        }
        for (b, (st, en)) in self
            .pos
            .block_start
            .iter()
            .zip(&self.pos.block_end)
            .enumerate()
        {
            let _ = write!(s, "  b{b}: {st}..{en}");
        }
        s.push('\n');
        s
    }
}

/// Every allocatable register of both classes (`regs` limits each class;
/// it used to be `ALLOC_GPRS.len()`, which left xmm7-xmm13 unused).
pub fn allocate(f: &Func) -> Allocation {
    allocate_with(f, usize::MAX)
}

/// A piece of a value's interval (the whole, or a part split off), with
/// the positions in it where the value is read from a register if it has
/// one (operands, terminator operands, edge arguments; frame states read
/// any location).
#[derive(Clone, Debug)]
struct Child {
    v: V,
    ranges: Vec<(u32, u32)>,
    uses: Vec<u32>,
}

impl Child {
    fn start(&self) -> u32 {
        self.ranges[0].0
    }
    fn end(&self) -> u32 {
        self.ranges.last().unwrap().1
    }
    fn covers(&self, at: u32) -> bool {
        self.ranges.iter().any(|&(s, e)| s <= at && at <= e)
    }
    /// The first position both are live at.
    fn first_intersection(&self, o: &Child) -> Option<u32> {
        let (mut i, mut j) = (0, 0);
        while i < self.ranges.len() && j < o.ranges.len() {
            let (a, b) = (self.ranges[i], o.ranges[j]);
            if a.0 <= b.1 && b.0 <= a.1 {
                return Some(a.0.max(b.0));
            }
            if a.1 < b.1 {
                i += 1;
            } else {
                j += 1;
            }
        }
        None
    }
    fn next_use(&self, from: u32) -> Option<u32> {
        self.uses.iter().copied().find(|&u| u >= from)
    }
    /// Splits at `p` (start < p <= end): the part before, and the part
    /// from `p` on (`None` when the value is not live from there).
    fn split(self, p: u32) -> (Child, Option<Child>) {
        let mut before = Vec::new();
        let mut after = Vec::new();
        for (s, e) in self.ranges {
            if e < p {
                before.push((s, e));
            } else if s >= p {
                after.push((s, e));
            } else {
                before.push((s, p - 1));
                after.push((p, e));
            }
        }
        let (ub, ua): (Vec<u32>, Vec<u32>) = self.uses.iter().partition(|&&u| u < p);
        let first = Child {
            v: self.v,
            ranges: before,
            uses: ub,
        };
        let rest = (!after.is_empty()).then_some(Child {
            v: self.v,
            ranges: after,
            uses: ua,
        });
        (first, rest)
    }
}

/// Each value's register-preferring uses: operands at their
/// instruction's early position, terminator operands and edge arguments
/// at the block's end; and, for a value live around a loop, the end of
/// each latch (it is read again in the next iteration), so a value used
/// only early in a loop body is not taken for unused at its end.
fn use_positions(f: &Func, pos: &Positions, live: &[HashSet<V>]) -> Vec<Vec<u32>> {
    let mut uses: Vec<Vec<u32>> = vec![Vec::new(); f.reprs.len()];
    for (bi, b) in f.blocks.iter().enumerate() {
        for (k, ins) in b.insts.iter().enumerate() {
            for a in &ins.args {
                uses[a.0 as usize].push(pos.inst[bi][k]);
            }
        }
        let be = pos.block_end[bi];
        for v in b.term.uses() {
            uses[v.0 as usize].push(be);
        }
        for e in b.term.edges() {
            // (A parameter passed on unchanged, around a loop, is read by
            // no move.)
            let params = &f.blocks[e.to.0 as usize].params;
            for (v, p) in e.args.iter().zip(params) {
                if v != p {
                    uses[v.0 as usize].push(be);
                }
            }
        }
    }
    for u in uses.iter_mut() {
        u.sort_unstable();
    }
    // Latches: a value live around the loop and read in it.
    for (bi, b) in f.blocks.iter().enumerate() {
        for e in b.term.edges() {
            let h = e.to.0 as usize;
            if h > bi {
                continue;
            }
            let (lo, hi) = (pos.block_start[h], pos.block_end[bi]);
            for v in &live[h] {
                let u = &mut uses[v.0 as usize];
                if u.iter().any(|&p| lo <= p && p <= hi) {
                    u.push(hi);
                }
            }
        }
    }
    for u in uses.iter_mut() {
        u.sort_unstable();
        u.dedup();
    }
    uses
}

/// The loops, as position spans: from a header's start to the end of a
/// latch (its back edge's source), a header numbered no later.
fn loop_spans(f: &Func, pos: &Positions) -> Vec<(u32, u32)> {
    let mut spans = Vec::new();
    for (bi, b) in f.blocks.iter().enumerate() {
        for e in b.term.edges() {
            let h = e.to.0 as usize;
            if h <= bi {
                spans.push((pos.block_start[h], pos.block_end[bi]));
            }
        }
    }
    spans
}

/// Where to move a piece split at `p` (a piece alive from `after` on):
/// the start of the outermost loop around `p` that begins after `after`,
/// so that the move runs once on entering the loop, not per iteration
/// (Wimmer's split-position optimization); else `p`.
fn out_of_loops(spans: &[(u32, u32)], p: u32, after: u32) -> u32 {
    spans
        .iter()
        .filter(|&&(s, e)| s <= p && p <= e && s > after)
        .map(|&(s, _)| s)
        .min()
        .unwrap_or(p)
}

/// Linear scan with lifetime holes and splitting (Wimmer & Franz, "Linear
/// scan register allocation on SSA form", simplified): intervals are
/// taken by start; one gets the register free for longest (a hinted one
/// when it is free throughout), split where that register is needed
/// again; when none is free at its start, the register whose holders are
/// next read furthest away is taken from them (they are split there,
/// wait in their spill slot and are split again before their next read,
/// which competes for a register anew), unless the current interval's
/// own next read is further still: then it waits in its slot instead.
/// Splits fall on even positions (a block's start, an instruction's
/// early position or a block's end), where a move can run: inside a
/// block before that instruction (`Allocation::moves`), at a block's
/// start on each edge into it (`Allocation::edge_moves`).
fn allocate_split(
    f: &Func,
    regs: usize,
    pos: Positions,
    live: Vec<HashSet<V>>,
    ivs: &[Interval],
) -> Allocation {
    let uses = use_positions(f, &pos, &live);
    let spans = loop_spans(f, &pos);
    let nvals = f.reprs.len();
    let mut loc: Vec<Option<Loc>> = vec![None; nvals];
    let mut splits: Vec<Vec<(u32, Loc)>> = vec![Vec::new(); nvals];
    let (gpr_class, xmm_class) = classes(regs);
    // Per spill slot: the last position any value given it is live at. A
    // value's stack pieces share one slot, free over its whole hull.
    let mut slot_end: Vec<u32> = Vec::new();
    let mut slot_of: Vec<Option<Loc>> = vec![None; nvals];
    let mut hull: Vec<(u32, u32)> = vec![(0, 0); nvals];
    for iv in ivs {
        hull[iv.v.0 as usize] = (iv.start, iv.end);
    }
    let slot_for = |v: V, slot_end: &mut Vec<u32>, slot_of: &mut Vec<Option<Loc>>| -> Loc {
        if let Some(l) = slot_of[v.0 as usize] {
            return l;
        }
        let (start, end) = hull[v.0 as usize];
        let l = take_slot(slot_end, start, end);
        slot_of[v.0 as usize] = Some(l);
        l
    };
    let hints = move_hints(f);
    // The pieces: all in `kids`, the location of each in `kloc`; the
    // ones still to allocate in `unhandled` (by start, then value).
    let mut kids: Vec<Child> = Vec::new();
    let mut kloc: Vec<Option<Loc>> = Vec::new();
    let mut unhandled: std::collections::BinaryHeap<std::cmp::Reverse<(u32, u32, usize)>> =
        std::collections::BinaryHeap::new();
    for iv in ivs {
        let u = &uses[iv.v.0 as usize];
        let c = Child {
            v: iv.v,
            ranges: iv.ranges.clone(),
            uses: u
                .iter()
                .copied()
                .filter(|&p| p >= iv.start && p <= iv.end)
                .collect(),
        };
        unhandled.push(std::cmp::Reverse((c.start(), c.v.0, kids.len())));
        kids.push(c);
        kloc.push(None);
    }
    // Adds a piece; returns its index.
    fn add(kids: &mut Vec<Child>, kloc: &mut Vec<Option<Loc>>, c: Child, l: Option<Loc>) -> usize {
        kids.push(c);
        kloc.push(l);
        kids.len() - 1
    }
    // The register each value's latest piece got (for the hints).
    let mut reg_of: Vec<Option<Loc>> = vec![None; nvals];
    let mut active: Vec<usize> = Vec::new();
    let mut inactive: Vec<usize> = Vec::new();
    let mut held: Vec<usize> = Vec::new();
    while let Some(std::cmp::Reverse((at, _, ci))) = unhandled.pop() {
        // Ended pieces drop out; the others are active where they cover
        // this position, inactive where it falls in a hole.
        held.clear();
        held.extend(active.drain(..).chain(inactive.drain(..)));
        for &k in held.iter().filter(|&&k| kids[k].end() >= at) {
            if kids[k].covers(at) {
                active.push(k);
            } else {
                inactive.push(k);
            }
        }
        let v = kids[ci].v;
        let class: &[Loc] = if f.repr(v).is_float() {
            &xmm_class
        } else {
            &gpr_class
        };
        // How long each register stays free for this piece.
        let free_until = |r: Loc| -> u32 {
            let mut until = u32::MAX;
            for &k in &active {
                if kloc[k] == Some(r) {
                    return at;
                }
            }
            for &k in &inactive {
                if kloc[k] == Some(r) {
                    if let Some(p) = kids[k].first_intersection(&kids[ci]) {
                        until = until.min(p);
                    }
                }
            }
            until
        };
        let end = kids[ci].end();
        let hinted = hints.get(&v).and_then(|ws| {
            ws.iter()
                .filter_map(|w| reg_of[w.0 as usize])
                .find(|r| class.contains(r) && free_until(*r) > end)
        });
        let best = hinted.map(|r| (r, u32::MAX)).or_else(|| {
            class
                .iter()
                .map(|&r| (r, free_until(r)))
                .fold(None, |b: Option<(Loc, u32)>, x| match b {
                    Some(b) if b.1 >= x.1 => Some(b),
                    _ => Some(x),
                })
        });
        let (r, until) = best.expect("a class has registers");
        // The latest even position at or before `until`.
        let split_at = until & !1;
        if until > end {
            kloc[ci] = Some(r);
            reg_of[v.0 as usize] = Some(r);
            active.push(ci);
        } else if split_at > at {
            // Free for a while: take it until then.
            let c = kids[ci].clone();
            let (first, rest) = c.split(split_at);
            kids[ci] = first;
            kloc[ci] = Some(r);
            reg_of[v.0 as usize] = Some(r);
            active.push(ci);
            if let Some(rest) = rest {
                let k = add(&mut kids, &mut kloc, rest, None);
                unhandled.push(std::cmp::Reverse((kids[k].start(), v.0, k)));
            }
        } else {
            // Blocked: whose next read is furthest away?
            let next_use = |r: Loc| -> u32 {
                let mut n = u32::MAX;
                for &k in active.iter().chain(&inactive) {
                    if kloc[k] == Some(r)
                        && (active.contains(&k) || kids[k].first_intersection(&kids[ci]).is_some())
                    {
                        n = n.min(kids[k].next_use(at).unwrap_or(u32::MAX));
                    }
                }
                n
            };
            let (r, their) = class
                .iter()
                .map(|&r| (r, next_use(r)))
                .fold(None, |b: Option<(Loc, u32)>, x| match b {
                    Some(b) if b.1 >= x.1 => Some(b),
                    _ => Some(x),
                })
                .expect("a class has registers");
            let mine = kids[ci].next_use(at).unwrap_or(u32::MAX);
            // A piece reloaded for a read takes no register from another:
            // it is read from its slot (as an operand in memory costs
            // about what a load into a register does), which saves the
            // other's store and reload.
            let reload = slot_of[v.0 as usize].is_some();
            if mine > their || mine == u32::MAX || reload {
                // This piece waits in its slot until just before its read.
                let slot = slot_for(v, &mut slot_end, &mut slot_of);
                wait_then_requeue(
                    &mut kids,
                    &mut kloc,
                    &mut unhandled,
                    ci,
                    at,
                    at,
                    slot,
                    &spans,
                );
            } else {
                // Take r: its holders wait in their slots from here (or
                // from the start of the loop this is in, see below).
                let q0 = at & !1;
                let holders: Vec<usize> = active
                    .iter()
                    .chain(&inactive)
                    .copied()
                    .filter(|&k| {
                        kloc[k] == Some(r)
                            && (active.contains(&k)
                                || kids[k].first_intersection(&kids[ci]).is_some())
                    })
                    .collect();
                for k in holders {
                    active.retain(|&j| j != k);
                    inactive.retain(|&j| j != k);
                    let hv = kids[k].v;
                    let slot = slot_for(hv, &mut slot_end, &mut slot_of);
                    // From the start of the loop this is in when the piece
                    // is not read in it before here (nothing else holds r
                    // in it since the piece's start; pieces still to
                    // allocate start at `at` or later).
                    let st = kids[k].start();
                    let mut q = q0;
                    if st < q0 {
                        let h = out_of_loops(&spans, q0, st.saturating_sub(1));
                        if kids[k].next_use(h).is_none_or(|u| u > at) {
                            q = h;
                        }
                    }
                    if st >= q {
                        // Nothing before: the whole piece waits.
                        wait_then_requeue(
                            &mut kids,
                            &mut kloc,
                            &mut unhandled,
                            k,
                            q0,
                            at,
                            slot,
                            &spans,
                        );
                        continue;
                    }
                    // The part before keeps r (it ends before `at`).
                    let c = kids[k].clone();
                    let (first, rest) = c.split(q);
                    kids[k] = first;
                    if let Some(rest) = rest {
                        let j = add(&mut kids, &mut kloc, rest, None);
                        wait_then_requeue(
                            &mut kids,
                            &mut kloc,
                            &mut unhandled,
                            j,
                            q,
                            at,
                            slot,
                            &spans,
                        );
                    }
                }
                kloc[ci] = Some(r);
                reg_of[v.0 as usize] = Some(r);
                reg_of[v.0 as usize] = Some(r);
                active.push(ci);
            }
        }
    }
    // Each value's pieces in position order: the first is its definition's
    // location, the others its splits.
    let mut pieces: Vec<Vec<(u32, Loc)>> = vec![Vec::new(); nvals];
    for (k, c) in kids.iter().enumerate() {
        let l = kloc[k].expect("every piece is allocated");
        pieces[c.v.0 as usize].push((c.start(), l));
    }
    let mut moves: HashMap<u32, Vec<(Loc, Loc)>> = HashMap::default();
    let block_starts: HashSet<u32> = pos.block_start.iter().copied().collect();
    let ivs_by_v: HashMap<V, &Interval> = ivs.iter().map(|iv| (iv.v, iv)).collect();
    for (vi, ps) in pieces.iter_mut().enumerate() {
        if ps.is_empty() {
            continue;
        }
        ps.sort_unstable_by_key(|p| p.0);
        // Merge neighbours in one location.
        ps.dedup_by(|b, a| a.1 == b.1);
        loc[vi] = Some(ps[0].1);
        splits[vi] = ps[1..].to_vec();
        let iv = ivs_by_v[&V(vi as u32)];
        // A value's slot is written once, right after its definition (a
        // value never changes): moves into it from its other pieces are
        // dropped, here and on edges (`edge_moves`).
        let slot = slot_of[vi];
        for w in ps.windows(2) {
            let (p, from, to) = (w[1].0, w[0].1, w[1].1);
            // Inside a block, where it is live on both sides: a move there.
            // (At a block's start the edges into it move it.)
            if !block_starts.contains(&p) && iv.covers(p - 1) && iv.covers(p) && Some(to) != slot {
                moves.entry(p).or_default().push((from, to));
            }
        }
        if let Some(sl) = slot.filter(|&sl| ps[0].1 != sl) {
            // After the defining instruction (late, odd) or, for a block
            // parameter, before the block's first instruction.
            let p = if iv.start % 2 == 1 {
                iv.start + 1
            } else {
                iv.start + 2
            };
            debug_assert!(iv.covers(p), "v{vi} has a slot but dies at once");
            moves.entry(p).or_default().push((ps[0].1, sl));
        }
    }
    Allocation {
        loc,
        splits,
        nslots: slot_end.len() as u32,
        pos,
        live_in: live,
        slot: slot_of,
        moves,
        split: true,
    }
}

/// Piece `k` (from position `from` on) waits in `slot` until just before
/// its next read (or the loop that read is in); the rest of it is queued
/// to be allocated anew. A read at `from` itself is served from the slot
/// too (the piece moves out right before it), so the queued rest starts
/// strictly later, and at or after `now`, the allocator's position.
// (The allocator's piece tables, passed apart so its closures can keep
// borrowing the other ones.)
#[allow(clippy::too_many_arguments)]
fn wait_then_requeue(
    kids: &mut Vec<Child>,
    kloc: &mut Vec<Option<Loc>>,
    unhandled: &mut std::collections::BinaryHeap<std::cmp::Reverse<(u32, u32, usize)>>,
    k: usize,
    from: u32,
    now: u32,
    slot: Loc,
    spans: &[(u32, u32)],
) {
    let start = kids[k].start();
    let next = kids[k].next_use(from.max(start) + 1);
    debug_assert!(next.is_none_or(|u| u >= now));
    kloc[k] = Some(slot);
    let after = start.max(now.saturating_sub(1));
    if let Some(u) = next
        .map(|u| out_of_loops(spans, u, after))
        .filter(|&u| u > start)
    {
        let c = kids[k].clone();
        let (first, rest) = c.split(u);
        kids[k] = first;
        if let Some(rest) = rest {
            let v = rest.v.0;
            kids.push(rest);
            kloc.push(None);
            let j = kids.len() - 1;
            unhandled.push(std::cmp::Reverse((kids[j].start(), v, j)));
        }
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
