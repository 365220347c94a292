//! Bytecode liveness: which registers of a function may still be read, at
//! each pc, before they are written. Derived from the opcode table only
//! (`Insn::reads`, `Insn::writes`, `Opcode::effects`) and the handler list.
//!
//! Definitions, for a verified prototype P with code `c[0..n]`:
//! - Successors of pc:
//!   - *fall-through* `pc + 1`, if `c[pc]` has `FALLS_THROUGH`;
//!   - *jump* `jump_target(pc, off)`, if `c[pc]` has `JUMP`;
//!   - *handler* `h.target` for every handler h with
//!     `h.start <= pc < h.end`, if `c[pc]` has `THROW` (the unwinder
//!     takes the first such handler; taking all is an over-approximation);
//!   - none else: `Return` and `Throw` (and out-of-fuel, which no handler
//!     catches) leave the function.
//! - Kills along an edge: the fall-through edge kills `writes(c[pc])`; a
//!   jump edge kills nothing (an instruction with a target writes only when
//!   it falls through: `ForOfNext`/`ForInNext` leave `dst` alone when they
//!   jump); a handler edge kills only `h.exc`, which the unwinder writes
//!   (an instruction that throws may have written none of its outputs).
//! - A register r is *live at pc* (live before `c[pc]` executes) iff some
//!   path pc = p0 -> p1 -> ... -> pk along successor edges has r in
//!   `reads(c[pk])` and no edge p(i) -> p(i+1), i < k, kills r.
//!
//! `live_in(pc)` is the least solution of
//!   `L(pc) = reads(pc) ∪ ⋃ over edges pc -> s of (L(s) − kill(edge))`,
//! computed by a worklist to a fixpoint; it terminates because every L
//! only grows and is bounded by `nregs`.
//!
//! Deliberately conservative (reported live although maybe not):
//! - reads are may-reads: `Return` always reads r1 (only constructor
//!   frames use it), `Closure` reads r0 (only arrows use it), a window's
//!   every register is read;
//! - kills are must-writes on one edge only (see above), partial writes of
//!   a throwing instruction are ignored;
//! - a throwing instruction reaches every handler covering it, not just the
//!   first;
//! - the callee frame overwriting the registers above a call window is not
//!   a kill (the compiler keeps nothing live there).
//!
//! Registers captured by closures live in contexts (see `compile`), not in
//! registers, so nested functions never read their parent's registers.

use super::{jump_target, Effects, FuncProto};

/// Live registers before each instruction of one function, as a bitset
/// of `nregs` bits per pc.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Liveness {
    nregs: u16,
    words: usize,
    /// `words` u64s per pc: bit r of pc's words = r is live at pc.
    bits: Vec<u64>,
}

/// The successor edges of `pc`: (target, kill set), see the module doc.
/// `pub` so that checkers and the harness use the same edges.
pub fn successors(p: &FuncProto, pc: usize) -> Vec<(usize, Vec<u16>)> {
    let mut out = Vec::new();
    edges(p, pc, |s, kill| {
        let kill = match kill {
            Kill::Writes => p.code[pc].writes().collect(),
            Kill::Nothing => Vec::new(),
            Kill::Reg(r) => vec![r],
        };
        out.push((s, kill));
    });
    out
}

/// What an edge kills (see the module doc).
#[derive(Clone, Copy)]
enum Kill {
    /// The fall-through edge: the instruction's writes.
    Writes,
    Nothing,
    /// A handler edge: the register the unwinder writes.
    Reg(u16),
}

/// Calls `f` on every successor edge of `pc`, in `successors`' order
/// (the one definition of the edges; `compute` uses it without
/// allocating a list per pc).
fn edges(p: &FuncProto, pc: usize, mut f: impl FnMut(usize, Kill)) {
    let insn = &p.code[pc];
    let e = insn.effects();
    if e.contains(Effects::FALLS_THROUGH) && pc + 1 < p.code.len() {
        f(pc + 1, Kill::Writes);
    }
    if e.contains(Effects::JUMP) {
        let mut i = *insn;
        if let Some(off) = i.jump_mut().map(|o| *o) {
            let t = jump_target(pc, off);
            if t >= 0 && (t as usize) < p.code.len() {
                f(t as usize, Kill::Nothing);
            }
        }
    }
    if e.contains(Effects::THROW) {
        for h in &p.handlers {
            if h.start as usize <= pc && pc < h.end as usize && (h.target as usize) < p.code.len() {
                f(h.target as usize, Kill::Reg(h.exc));
            }
        }
    }
}

impl Liveness {
    /// Liveness of `p`'s own code (not its children). `p` must be verified.
    /// Computed once per prototype (`FuncProto::liveness`).
    pub fn compute(p: &FuncProto) -> Liveness {
        let cached = p
            .liveness
            .get_or_init(|| std::rc::Rc::new(Liveness::compute_uncached(p)));
        debug_assert_eq!(cached.bits.len(), p.code.len() * cached.words);
        Liveness::clone(cached)
    }

    fn compute_uncached(p: &FuncProto) -> Liveness {
        let n = p.code.len();
        let words = (p.nregs as usize).div_ceil(64).max(1);
        let mut live = Liveness {
            nregs: p.nregs,
            words,
            bits: vec![0; n * words],
        };
        // Per pc: the registers read, and the successor edges with their
        // kills as bitsets; all in flat arrays (this runs for every
        // function the optimizing tier compiles).
        let add = |set: &mut [u64], r: u16| {
            if (r as usize) < words * 64 {
                set[r as usize / 64] |= 1 << (r % 64);
            }
        };
        let mut reads = vec![0u64; n * words];
        // Edges of pc are `edge_to[edge_at[pc]..edge_at[pc + 1]]`, the kill
        // set of edge e is `kills[e * words..]`.
        let mut edge_at = Vec::with_capacity(n + 1);
        let mut edge_to: Vec<usize> = Vec::with_capacity(2 * n);
        let mut kills: Vec<u64> = Vec::with_capacity(2 * n * words);
        let mut npreds = vec![0u32; n + 1];
        for (pc, insn) in p.code.iter().enumerate() {
            for r in insn.reads() {
                add(&mut reads[pc * words..(pc + 1) * words], r);
            }
            edge_at.push(edge_to.len());
            edges(p, pc, |s, kill| {
                edge_to.push(s);
                npreds[s] += 1;
                let k = kills.len();
                kills.resize(k + words, 0);
                match kill {
                    Kill::Writes => insn.writes().for_each(|r| add(&mut kills[k..], r)),
                    Kill::Nothing => {}
                    Kill::Reg(r) => add(&mut kills[k..], r),
                }
            });
        }
        edge_at.push(edge_to.len());
        // Predecessors, grouped by target (counting sort).
        let mut pred_at = vec![0usize; n + 1];
        for s in 0..n {
            pred_at[s + 1] = pred_at[s] + npreds[s] as usize;
        }
        let mut fill = pred_at.clone();
        let mut preds = vec![0usize; edge_to.len()];
        for pc in 0..n {
            for &s in &edge_to[edge_at[pc]..edge_at[pc + 1]] {
                preds[fill[s]] = pc;
                fill[s] += 1;
            }
        }
        // Backward problem: visit late pcs first.
        let mut work: Vec<usize> = (0..n).collect();
        let mut queued = vec![true; n];
        let mut next = vec![0u64; words];
        while let Some(pc) = work.pop() {
            queued[pc] = false;
            next.copy_from_slice(&reads[pc * words..(pc + 1) * words]);
            for e in edge_at[pc]..edge_at[pc + 1] {
                let s = edge_to[e];
                let ls = &live.bits[s * words..(s + 1) * words];
                let kill = &kills[e * words..(e + 1) * words];
                for w in 0..words {
                    next[w] |= ls[w] & !kill[w];
                }
            }
            let cur = &mut live.bits[pc * words..(pc + 1) * words];
            if cur != next.as_slice() {
                cur.copy_from_slice(&next);
                for &q in &preds[pred_at[pc]..pred_at[pc + 1]] {
                    if !queued[q] {
                        queued[q] = true;
                        work.push(q);
                    }
                }
            }
        }
        live
    }

    /// Number of pcs covered.
    pub fn len(&self) -> usize {
        self.bits.len() / self.words
    }

    pub fn is_empty(&self) -> bool {
        self.bits.is_empty()
    }

    pub fn nregs(&self) -> u16 {
        self.nregs
    }

    /// Whether `reg` is live before the instruction at `pc`.
    pub fn is_live(&self, pc: usize, reg: u16) -> bool {
        reg < self.nregs && self.bits[pc * self.words + reg as usize / 64] & (1 << (reg % 64)) != 0
    }

    /// The registers live before the instruction at `pc`, ascending.
    pub fn live_in(&self, pc: usize) -> impl Iterator<Item = u16> + '_ {
        self.regs_at(pc, false)
    }

    /// The registers dead before the instruction at `pc` (free to poison or
    /// to leave out of a frame state), ascending.
    pub fn dead_at(&self, pc: usize) -> impl Iterator<Item = u16> + '_ {
        self.regs_at(pc, true)
    }

    /// The registers below `nregs` whose bit at `pc` is set (`!dead`) or
    /// clear (`dead`), ascending: a word at a time (the interpreter's
    /// poisoning plan asks at every back edge and return).
    fn regs_at(&self, pc: usize, dead: bool) -> impl Iterator<Item = u16> + '_ {
        let nregs = self.nregs as usize;
        let row = &self.bits[pc * self.words..(pc + 1) * self.words];
        row.iter().enumerate().flat_map(move |(w, &bits)| {
            let base = w * 64;
            let mut set = if dead { !bits } else { bits };
            if nregs < base + 64 {
                set &= (1u64 << nregs.saturating_sub(base)) - 1;
            }
            std::iter::from_fn(move || {
                (set != 0).then(|| {
                    let b = set.trailing_zeros() as usize;
                    set &= set - 1;
                    (base + b) as u16
                })
            })
        })
    }

    /// Marks `reg` dead at `pc`, for fault injection (a liveness that drops
    /// a live register must be caught by the harness).
    pub fn drop_register(&mut self, pc: usize, reg: u16) {
        if reg < self.nregs {
            self.bits[pc * self.words + reg as usize / 64] &= !(1 << (reg % 64));
        }
    }
}
