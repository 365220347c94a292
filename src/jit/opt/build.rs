//! The graph builder: bytecode plus the lower tiers' feedback -> SSA IR.
//!
//! # Model
//! The builder runs the bytecode abstractly over an *environment*: for each
//! interpreter register, either `Frame` (its frame slot holds its current
//! value) or an SSA value plus whether the slot still holds it (`dirty`).
//! So values stay in machine registers until something needs the frame:
//! - a guard (a speculation that failed) writes the dirty live registers
//!   back and resumes in the function's baseline code at the instruction's
//!   pc, which re-executes it (nothing observable happened yet);
//! - an instruction without speculation is `Generic`: the dirty live
//!   registers are written back, the baseline tier's code for that one
//!   instruction runs (its inline paths and its helper, the one runtime
//!   definition), and every register is `Frame` again afterwards. So
//!   **every opcode compiles**, and no value lives across a call;
//! - `return` writes back and exits as baseline code does.
//!
//! Speculation: arithmetic and compares use int32 when the site's
//! feedback saw only int32s (with overflow guards), float64 when it saw
//! only numbers, and `Generic` otherwise (also when the site never ran:
//! no feedback, no guess).
//!
//! Control flow: bytecode blocks in reverse post-order. A block with one
//! kind of incoming state takes it as is; where predecessors disagree a
//! register becomes a block parameter whose representation is the join
//! of theirs (widening conversions on the edges). Loop headers get a
//! parameter for every live register, typed by a fixpoint: when a back
//! edge brings a wider representation than the header assumed, the
//! header is widened and the function rebuilt. A header parameter the
//! loop keeps unboxed while a value enters tagged is narrowed by a guard
//! on each entry edge, which runs on that edge only (a conditional
//! branch's edge gets a block of its own): its deopt resumes at the
//! header, so it must not run on the way anywhere else.
//!
//! Exceptions and handlers are not in the graph: a throw leaves optimized
//! code through the run loop, which resumes the frame in baseline code.

use super::ir::*;
use crate::bytecode::feedback as fbk;
use crate::bytecode::liveness::Liveness;
use crate::bytecode::{jump_target, Const, Effects, FuncProto, Insn};
use crate::runtime::builtins::InlineNative;
use std::collections::HashMap;

#[derive(Copy, Clone, Debug, PartialEq)]
enum Slot {
    Frame,
    Val { v: V, dirty: bool },
}

/// How a bytecode block ends, as the graph sees it.
#[derive(Copy, Clone, Debug)]
enum Exit {
    /// Falls into / jumps to the block at this pc.
    Goto(usize),
    /// Conditional: (taken pc, fall-through pc).
    Cond(usize, usize),
    /// Return or an instruction that never falls through.
    None,
}

struct BcBlock {
    start: usize,
    end: usize, // exclusive
    exit: Exit,
}

fn block_exit(p: &FuncProto, pc: usize) -> Exit {
    use Insn::*;
    let insn = p.code[pc];
    let t = |off: i32| jump_target(pc, off) as usize;
    match insn {
        Jmp { off } | Loop { off } => Exit::Goto(t(off)),
        JmpTrue { off, .. }
        | JmpFalse { off, .. }
        | JmpNullish { off, .. }
        | JmpNotNullish { off, .. }
        | JmpUndef { off, .. } => Exit::Cond(t(off), pc + 1),
        Return { .. } => Exit::None,
        _ if insn.falls_through() && pc + 1 < p.code.len() => Exit::Goto(pc + 1),
        _ => Exit::None,
    }
}

fn bytecode_blocks(p: &FuncProto) -> Vec<BcBlock> {
    let n = p.code.len();
    let mut leader = vec![false; n + 1];
    leader[0] = true;
    for pc in 0..n {
        let insn = p.code[pc];
        let e = insn.effects();
        if e.contains(Effects::JUMP) || !insn.falls_through() {
            leader[pc + 1] = true;
        }
        let is_jump = matches!(
            insn,
            Insn::Jmp { .. }
                | Insn::Loop { .. }
                | Insn::JmpTrue { .. }
                | Insn::JmpFalse { .. }
                | Insn::JmpNullish { .. }
                | Insn::JmpNotNullish { .. }
                | Insn::JmpUndef { .. }
        );
        match block_exit(p, pc) {
            Exit::Goto(t) if is_jump => leader[t] = true,
            Exit::Cond(t, f) => {
                leader[t] = true;
                leader[f] = true;
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (pc, &lead) in leader.iter().enumerate().skip(1) {
        if lead {
            out.push(BcBlock {
                start,
                end: pc,
                exit: block_exit(p, pc - 1),
            });
            start = pc;
        }
    }
    out
}

pub struct Builder<'a> {
    p: &'a FuncProto,
    live: &'a Liveness,
    f: Func,
    /// The IR block being filled.
    cur: usize,
    /// See `OptOptions::string_proto_key`.
    string_proto_key: u64,
    env: Vec<Slot>,
    /// Representation of each loop header's parameter per register.
    header_reprs: HashMap<(usize, u16), Repr>,
    /// Loop-header parameters speculated narrower than their entry value
    /// (a Tagged entry, an int32 or float64 back edge): the entry edges
    /// guard. Tried once per parameter (a failure widens for good).
    narrowed: std::collections::HashSet<(usize, u16)>,
    /// Entry edges whose narrowing guards need a block of their own:
    /// (source block, edge index, the edge's code), see `fill_edges`.
    splits: Vec<(usize, usize, Vec<Inst>)>,
    /// A back edge brought a wider representation: build again.
    widened: bool,
    /// `OptOptions::inline`.
    inline: bool,
    /// `OptOptions::inline_depth`.
    inline_depth: u8,
    /// `OptOptions::soft_deopt`.
    soft_deopt: bool,
    /// Bytecode instructions inlined so far (against `INLINE_BUDGET`).
    inlined_insts: usize,
    /// Inlined callees with branches, spliced in after the build: their
    /// blocks (numbered from 0, the continuation after them) and the
    /// result (the continuation's parameter). `Op::Splice(i)` marks where.
    splices: Vec<(Vec<Block>, V)>,
    /// The values `constant` made, and their bits.
    consts: HashMap<V, u64>,
}

/// Callees of at most this many bytecode instructions are inlined.
pub const INLINE_MAX_INSTS: usize = 40;
/// Calls are inlined into inlined callees up to this many levels (1: only
/// the compiled function's own calls).
pub const MAX_INLINE_DEPTH: u8 = 2;
/// Bytecode instructions inlined into one function at most.
pub const INLINE_BUDGET: usize = 400;

/// Builds the IR of `p` (whose bytecode the verifier accepted).
pub fn build(p: &FuncProto, live: &Liveness, o: &super::OptOptions) -> Func {
    let mut header_reprs = HashMap::new();
    let mut narrowed = std::collections::HashSet::new();
    for _ in 0..32 {
        let mut b = Builder {
            p,
            live,
            f: Func {
                blocks: Vec::new(),
                reprs: Vec::new(),
                name: p.name.clone(),
                prop_sites: Vec::new(),
                osr: Vec::new(),
                no_spec: o.no_spec.clone(),
                inlined: Vec::new(),
                inlined_in: Vec::new(),
                not_inlined: Vec::new(),
                kernels: Vec::new(),
            },
            cur: 0,
            env: Vec::new(),
            string_proto_key: o.string_proto_key,
            header_reprs,
            narrowed,
            splits: Vec::new(),
            widened: false,
            inline: o.inline,
            inline_depth: o.inline_depth,
            soft_deopt: o.soft_deopt,
            inlined_insts: 0,
            splices: Vec::new(),
            consts: HashMap::new(),
        };
        b.run();
        if !b.widened {
            return b.f;
        }
        header_reprs = b.header_reprs;
        narrowed = b.narrowed;
    }
    // The fixpoint is bounded (each round widens a parameter; three steps
    // at most per parameter); reaching here means a bug in the join.
    panic!("opt builder: loop header representations did not converge")
}

impl Builder<'_> {
    fn run(&mut self) {
        let bbs = bytecode_blocks(self.p);
        let index: HashMap<usize, usize> =
            bbs.iter().enumerate().map(|(i, b)| (b.start, i)).collect();
        let succs = |b: &BcBlock| -> Vec<usize> {
            match b.exit {
                Exit::Goto(t) => vec![index[&t]],
                Exit::Cond(t, f) => vec![index[&t], index[&f]],
                Exit::None => vec![],
            }
        };
        // Reverse post-order of the bytecode blocks from pc 0.
        let mut order = Vec::new();
        let mut seen = vec![false; bbs.len()];
        let mut stack = vec![(0usize, 0usize)];
        seen[0] = true;
        while let Some((b, i)) = stack.pop() {
            let s = succs(&bbs[b]);
            if i < s.len() {
                stack.push((b, i + 1));
                if !seen[s[i]] {
                    seen[s[i]] = true;
                    stack.push((s[i], 0));
                }
            } else {
                order.push(b);
            }
        }
        order.reverse();
        // IR block 0 is the entry (every register in the frame); bytecode
        // block order[i] is IR block i + 1.
        let ir_of: HashMap<usize, usize> =
            order.iter().enumerate().map(|(i, b)| (*b, i + 1)).collect();
        let n = order.len() + 1;
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
        preds[1].push(0);
        self.f.blocks.push(Block {
            params: vec![],
            insts: vec![],
            term: Term::Jump(Edge {
                to: B(1),
                args: vec![],
            }),
            pc: 0,
        });
        for (i, &b) in order.iter().enumerate() {
            for s in succs(&bbs[b]) {
                preds[ir_of[&s]].push(i + 1);
            }
            self.f.blocks.push(Block {
                params: vec![],
                insts: vec![],
                term: Term::Unreachable,
                pc: bbs[b].start as u32,
            });
        }
        let nregs = self.p.nregs as usize;
        let mut headers = Vec::new();
        let mut exits: Vec<Option<Vec<Slot>>> = vec![None; n];
        exits[0] = Some(vec![Slot::Frame; nregs]);
        for (k, &b) in order.iter().enumerate() {
            let i = k + 1;
            self.cur = i;
            let bb = &bbs[b];
            let is_header = preds[i].iter().any(|&q| q >= i);
            self.env = if is_header {
                self.enter_header(i, bb.start, &preds[i], &exits)
            } else {
                self.enter_join(i, bb.start, &preds[i], &exits)
            };
            let mut ended = false;
            for pc in bb.start..bb.end {
                if !self.visit(pc, &ir_of, &index) {
                    ended = true;
                    break;
                }
            }
            if !ended {
                // Fell off the block into the next leader.
                let next = match bb.exit {
                    Exit::Goto(t) => t,
                    _ => unreachable!("a block without a jump falls through"),
                };
                self.set_term(Term::Jump(Edge {
                    to: B(ir_of[&index[&next]] as u32),
                    args: vec![],
                }));
            }
            // Back edges into headers built already.
            let tos: Vec<usize> = self.f.blocks[i]
                .term
                .edges()
                .iter()
                .map(|e| e.to.0 as usize)
                .collect();
            for (k, &t) in tos.iter().enumerate() {
                if t <= i {
                    self.fill_back_edge(i, k, t);
                }
            }
            exits[i] = Some(self.env.clone());
            if is_header && bb.start != 0 {
                headers.push(i);
            }
        }
        if !self.widened {
            self.split_guarded_edges(&mut headers);
            self.add_osr_entries(&headers);
            self.splice();
        }
    }

    /// Gives each entry edge recorded in `splits` a block of its own,
    /// inserted right before its header (so the numbering stays a
    /// reverse post-order and the edge stays a forward one), holding the
    /// edge's code (with its narrowing guards) and passing its arguments
    /// on. `headers` (block indices) follow the renumbering.
    fn split_guarded_edges(&mut self, headers: &mut [usize]) {
        let mut splits = std::mem::take(&mut self.splits);
        // Highest header first: an insertion only renumbers blocks at or
        // after it, and every remaining split's source is before its
        // header (a forward edge), so their indices stay valid.
        splits.sort_by_key(|&(q, k, _)| std::cmp::Reverse(self.f.blocks[q].term.edges()[k].to.0));
        for (q, k, code) in splits {
            let edge = self.f.blocks[q].term.edges()[k].clone();
            let at = edge.to.0 as usize;
            let pc = self.f.blocks[at].pc;
            super::licm::insert_block(
                &mut self.f,
                at,
                Block {
                    params: vec![],
                    insts: code,
                    term: Term::Jump(Edge {
                        to: B(at as u32 + 1),
                        args: edge.args,
                    }),
                    pc,
                },
            );
            *self.f.blocks[q].term.edges_mut()[k] = Edge {
                to: B(at as u32),
                args: vec![],
            };
            for h in headers.iter_mut().filter(|h| **h >= at) {
                *h += 1;
            }
        }
    }

    /// An OSR entry block per loop header (not at pc 0, the function's own
    /// entry): every live register loaded from the frame, unboxed (with a
    /// guard, resuming at the header) where the header's parameter is.
    /// The blocks go right after block 0, which lists them as entries, so
    /// the numbering stays a reverse post-order.
    fn add_osr_entries(&mut self, headers: &[usize]) {
        let mut made: Vec<(u32, Block)> = Vec::new();
        'h: for &h in headers {
            let pc = self.f.blocks[h].pc;
            let live = self.pc_live(pc as usize);
            let fs = FrameState {
                pc,
                regs: vec![],
                in_frame: live.clone(),
                inlined: None,
            };
            let mut insts = Vec::new();
            let mut args = Vec::new();
            for (j, &r) in live.iter().enumerate() {
                let want = self.f.repr(self.f.blocks[h].params[j]);
                let v = self.f.new_value(Repr::Tagged);
                insts.push(inst(Op::LoadReg(r), vec![], Some(v)));
                let op = match want {
                    Repr::Tagged => {
                        args.push(v);
                        continue;
                    }
                    Repr::Int32 => Op::CheckInt32,
                    Repr::Float64 => Op::CheckNumber,
                    Repr::Bool => continue 'h,
                };
                let c = self.f.new_value(want);
                insts.push(Inst {
                    op,
                    args: vec![v],
                    res: Some(c),
                    fs: Some(fs.clone()),
                });
                args.push(c);
            }
            made.push((
                pc,
                Block {
                    params: vec![],
                    insts,
                    term: Term::Jump(Edge {
                        to: B(h as u32),
                        args,
                    }),
                    pc,
                },
            ));
        }
        let k = made.len() as u32;
        if k == 0 {
            return;
        }
        for b in &mut self.f.blocks {
            for e in b.term.edges_mut() {
                e.to = B(e.to.0 + k);
            }
        }
        let Term::Jump(first) = self.f.blocks[0].term.clone() else {
            unreachable!("block 0 jumps to the first bytecode block")
        };
        let mut entries = vec![first];
        for (n, (pc, mut b)) in made.into_iter().enumerate() {
            let at = 1 + n as u32;
            for e in b.term.edges_mut() {
                e.to = B(e.to.0 + k);
            }
            entries.push(Edge {
                to: B(at),
                args: vec![],
            });
            self.f.osr.push((pc, B(at)));
            self.f.blocks.insert(at as usize, b);
        }
        self.f.blocks[0].term = Term::Entries(entries);
    }

    fn set_term(&mut self, t: Term) {
        self.f.blocks[self.cur].term = t;
    }

    fn pc_live(&self, pc: usize) -> Vec<u16> {
        self.live.live_in(pc).collect()
    }

    /// A loop header: a parameter per live register; the forward
    /// predecessors' edges are filled now, the back edges when built.
    fn enter_header(
        &mut self,
        i: usize,
        pc: usize,
        preds: &[usize],
        exits: &[Option<Vec<Slot>>],
    ) -> Vec<Slot> {
        let live = self.pc_live(pc);
        let mut env = vec![Slot::Frame; self.p.nregs as usize];
        let fwd: Vec<usize> = preds.iter().copied().filter(|&q| q < i).collect();
        for &r in &live {
            let repr = fwd
                .iter()
                .map(|&q| self.slot_repr(exits[q].as_ref().expect("built")[r as usize]))
                .reduce(Repr::join)
                .unwrap_or(Repr::Tagged);
            let want = *self.header_reprs.entry((i, r)).or_insert(repr);
            let v = self.f.new_value(want);
            self.f.blocks[i].params.push(v);
            env[r as usize] = Slot::Val { v, dirty: true };
        }
        for &q in &fwd {
            self.fill_edges(q, i, &live, exits[q].as_ref().unwrap());
        }
        env
    }

    fn enter_join(
        &mut self,
        i: usize,
        pc: usize,
        preds: &[usize],
        exits: &[Option<Vec<Slot>>],
    ) -> Vec<Slot> {
        let live = self.pc_live(pc);
        let mut env = vec![Slot::Frame; self.p.nregs as usize];
        let mut params = Vec::new();
        for &r in &live {
            let slots: Vec<Slot> = preds
                .iter()
                .map(|&q| exits[q].as_ref().expect("built")[r as usize])
                .collect();
            let clean = |s: &Slot| matches!(s, Slot::Frame | Slot::Val { dirty: false, .. });
            let same = match slots[0] {
                Slot::Val { v, .. } => slots
                    .iter()
                    .all(|s| matches!(s, Slot::Val { v: w, .. } if *w == v))
                    .then_some(v),
                Slot::Frame => None,
            };
            if slots.iter().all(clean) {
                env[r as usize] = Slot::Frame;
            } else if let Some(v) = same {
                // One value on every path: its definition dominates here.
                let dirty = !slots.iter().all(clean);
                env[r as usize] = Slot::Val { v, dirty };
            } else {
                let repr = slots
                    .iter()
                    .map(|s| self.slot_repr(*s))
                    .reduce(Repr::join)
                    .unwrap();
                let v = self.f.new_value(repr);
                params.push(r);
                self.f.blocks[i].params.push(v);
                env[r as usize] = Slot::Val { v, dirty: true };
            }
        }
        for &q in preds {
            self.fill_edges(q, i, &params, exits[q].as_ref().unwrap());
        }
        env
    }

    fn slot_repr(&self, s: Slot) -> Repr {
        match s {
            Slot::Frame => Repr::Tagged,
            Slot::Val { v, .. } => self.f.repr(v),
        }
    }

    /// Sets the arguments of every edge q -> to (registers `regs`, in
    /// parameter order) from q's exit environment, converting as needed
    /// (the conversions are appended to q).
    ///
    /// An edge's narrowing guards (`edge_args`) deopt to the header's pc,
    /// so they may only run when control really takes that edge: when q
    /// also branches elsewhere the edge's code goes into a block of its
    /// own (`split_guarded_edges`, once the build is final). Placed in q,
    /// a failing guard would resume at the header even when the branch
    /// was about to go elsewhere, skipping the other path's code.
    fn fill_edges(&mut self, q: usize, to: usize, regs: &[u16], exit: &[Slot]) {
        let edges: Vec<usize> = (self.f.blocks[q].term.edges().iter())
            .map(|e| e.to.0 as usize)
            .collect();
        let only_to = edges.iter().all(|&t| t == to);
        for (k, &t) in edges.iter().enumerate() {
            if t != to {
                continue;
            }
            let (args, code, guarded) = self.edge_args(q, to, regs, |r| exit[r as usize]);
            if guarded && !only_to {
                self.splits.push((q, k, code));
            } else {
                self.f.blocks[q].insts.extend(code);
            }
            self.f.blocks[q].term.edges_mut()[k].args = args;
        }
    }

    /// The arguments of an edge q -> to, the code computing them (loads,
    /// conversions, narrowing guards; the caller places it, see
    /// `fill_edges`) and whether that code has a guard.
    fn edge_args(
        &mut self,
        q: usize,
        to: usize,
        regs: &[u16],
        slot: impl Fn(u16) -> Slot,
    ) -> (Vec<V>, Vec<Inst>, bool) {
        let mut insts = Vec::new();
        let mut guarded = false;
        let mut args = Vec::new();
        for (j, &r) in regs.iter().enumerate() {
            let want = self.f.repr(self.f.blocks[to].params[j]);
            let v = match slot(r) {
                Slot::Frame => {
                    let v = self.f.new_value(Repr::Tagged);
                    insts.push(inst(Op::LoadReg(r), vec![], Some(v)));
                    v
                }
                Slot::Val { v, .. } => v,
            };
            let have = self.f.repr(v);
            let joined = Repr::join(have, want);
            let back = q >= to;
            if back
                && want == Repr::Tagged
                && matches!(have, Repr::Int32 | Repr::Float64)
                && self.narrowed.insert((to, r))
            {
                // The loop keeps it unboxed: speculate that the entry is
                // too (guarded on the entry edges) and rebuild.
                self.header_reprs.insert((to, r), have);
                self.widened = true;
            } else if joined != want {
                // An edge wider than its header: widen and rebuild.
                self.header_reprs.insert((to, r), joined);
            }
            let narrow = have == Repr::Tagged
                && matches!(want, Repr::Int32 | Repr::Float64)
                && !back
                && self.narrowed.contains(&(to, r));
            let v = if narrow {
                let fs = self.edge_frame_state(to, regs, &slot);
                let op = if want == Repr::Int32 {
                    Op::CheckInt32
                } else {
                    Op::CheckNumber
                };
                let c = self.f.new_value(want);
                guarded = true;
                insts.push(Inst {
                    op,
                    args: vec![v],
                    res: Some(c),
                    fs: Some(fs),
                });
                c
            } else {
                v
            };
            args.push(self.convert_into(&mut insts, v, want));
        }
        (args, insts, guarded)
    }

    /// The frame state on an edge into header `to`: resume at its pc with
    /// the registers as the edge carries them.
    fn edge_frame_state(&self, to: usize, regs: &[u16], slot: &impl Fn(u16) -> Slot) -> FrameState {
        let mut fs = FrameState {
            pc: self.f.blocks[to].pc,
            regs: vec![],
            in_frame: vec![],
            inlined: None,
        };
        for &r in regs {
            match slot(r) {
                Slot::Val { v, dirty: true } => fs.regs.push((r, v)),
                _ => fs.in_frame.push(r),
            }
        }
        fs
    }

    /// Block `from`'s edge `k` goes back to header `to`.
    fn fill_back_edge(&mut self, from: usize, k: usize, to: usize) {
        let live = self.pc_live(self.f.blocks[to].pc as usize);
        let env = self.env.clone();
        let (args, code, guarded) = self.edge_args(from, to, &live, |r| env[r as usize]);
        // Back edges never narrow (`edge_args`).
        debug_assert!(!guarded);
        self.f.blocks[from].insts.extend(code);
        self.f.blocks[from].term.edges_mut()[k].args = args;
    }

    /// Widens `v` to `want`. A narrowing only happens on a back edge whose
    /// header is being widened (`widened`): a placeholder keeps the graph
    /// well-formed until the rebuild.
    fn convert_into(&mut self, insts: &mut Vec<Inst>, v: V, want: Repr) -> V {
        let op = match (self.f.repr(v), want) {
            (a, b) if a == b => return v,
            (Repr::Int32, Repr::Float64) => Op::I32ToF64,
            (Repr::Int32, Repr::Tagged) => Op::BoxI32,
            (Repr::Float64, Repr::Tagged) => Op::BoxF64,
            (Repr::Bool, Repr::Tagged) => Op::BoxBool,
            _ => {
                self.widened = true;
                let r = self.f.new_value(want);
                insts.push(inst(constant_of(want), vec![], Some(r)));
                return r;
            }
        };
        let r = self.f.new_value(want);
        insts.push(inst(op, vec![v], Some(r)));
        r
    }

    // ----- instructions -----

    fn emit(&mut self, op: Op, args: Vec<V>, fs: Option<FrameState>) -> Option<V> {
        let res = op.sig().1.map(|r| self.f.new_value(r));
        self.f.blocks[self.cur]
            .insts
            .push(Inst { op, args, res, fs });
        res
    }

    fn emit_v(&mut self, op: Op, args: Vec<V>, fs: Option<FrameState>) -> V {
        self.emit(op, args, fs).expect("op has a result")
    }

    /// The frame state at `pc` from the current environment.
    fn frame_state(&self, pc: usize) -> FrameState {
        let mut fs = FrameState {
            pc: pc as u32,
            regs: vec![],
            in_frame: vec![],
            inlined: None,
        };
        for r in self.live.live_in(pc) {
            match self.env[r as usize] {
                Slot::Val { v, dirty: true } => fs.regs.push((r, v)),
                _ => fs.in_frame.push(r),
            }
        }
        // Fault: the two lowest dirty registers' values swapped (when they
        // have one representation, so the IR still verifies).
        if crate::faults::Fault::FrameStateOffByOne.injected() && fs.regs.len() >= 2 {
            let (a, b) = (fs.regs[0].1, fs.regs[1].1);
            if self.f.repr(a) == self.f.repr(b) {
                fs.regs[0].1 = b;
                fs.regs[1].1 = a;
            }
        }
        fs
    }

    /// Register r's current value in representation `want` (guarded).
    fn get(&mut self, pc: usize, r: u16, want: Repr) -> V {
        let (v, dirty) = match self.env[r as usize] {
            Slot::Frame => {
                let v = self.emit_v(Op::LoadReg(r), vec![], None);
                self.env[r as usize] = Slot::Val { v, dirty: false };
                (v, false)
            }
            Slot::Val { v, dirty } => (v, dirty),
        };
        let have = self.f.repr(v);
        if have == want || want == Repr::Tagged && have != Repr::Tagged {
            if have == want {
                return v;
            }
            let op = match have {
                Repr::Int32 => Op::BoxI32,
                Repr::Float64 => Op::BoxF64,
                _ => Op::BoxBool,
            };
            return self.emit_v(op, vec![v], None);
        }
        let out = match (have, want) {
            (Repr::Tagged, Repr::Int32) => {
                let fs = self.frame_state(pc);
                self.emit_v(Op::CheckInt32, vec![v], Some(fs))
            }
            (Repr::Tagged, Repr::Float64) => {
                let fs = self.frame_state(pc);
                self.emit_v(Op::CheckNumber, vec![v], Some(fs))
            }
            (Repr::Int32, Repr::Float64) => self.emit_v(Op::I32ToF64, vec![v], None),
            _ => unreachable!("get {have:?} as {want:?}: the caller checks reprs"),
        };
        // An unboxed form stands for the register from now on (not a
        // widened one: the register stays an int32).
        if have == Repr::Tagged {
            self.env[r as usize] = Slot::Val { v: out, dirty };
        }
        out
    }

    /// Register `r` holds an undefined, null or boolean constant, which is
    /// strictly equal to a value exactly when their bits are.
    fn is_identity_const(&self, r: u16) -> bool {
        use crate::runtime::Value;
        match self.env[r as usize] {
            Slot::Val { v, .. } => {
                self.consts.get(&v).is_some_and(|&bits| {
                    [Value::UNDEFINED, Value::NULL, Value::TRUE, Value::FALSE]
                        .iter()
                        .any(|c| c.0 == bits)
                }) || self.f.repr(v) == Repr::Bool
            }
            Slot::Frame => false,
        }
    }

    fn repr_of(&self, r: u16) -> Repr {
        self.slot_repr(self.env[r as usize])
    }

    fn set(&mut self, r: u16, v: V) {
        self.env[r as usize] = Slot::Val { v, dirty: true };
    }

    /// The speculation a numeric site's feedback allows.
    fn numeric(&self, fb: u16, regs: &[u16], ints_only: bool) -> Spec {
        let bits = self.p.feedback[fb as usize].get();
        let numbers = fbk::SAW_INT | fbk::SAW_DOUBLE | fbk::SAW_OVERFLOW;
        if bits == 0 && self.soft_deopt {
            return Spec::Unfed;
        }
        if bits == 0 || bits & !numbers != 0 {
            return Spec::Generic;
        }
        let any_bool = regs.iter().any(|&r| self.repr_of(r) == Repr::Bool);
        if any_bool {
            return Spec::Generic;
        }
        let any_f64 = regs.iter().any(|&r| self.repr_of(r) == Repr::Float64);
        if bits == fbk::SAW_INT && !any_f64 {
            Spec::Int
        } else if ints_only {
            Spec::Generic
        } else {
            Spec::Float
        }
    }

    /// Whether `v` is a `LoadAtomStr` of the block being filled (a string
    /// constant loaded just before its use).
    fn is_atom_str(&self, v: V) -> bool {
        self.f.blocks[self.cur]
            .insts
            .iter()
            .any(|i| i.res == Some(v) && matches!(i.op, Op::LoadAtomStr(_)))
    }

    /// Runs everything not speculated on: the baseline code for `pc`.
    fn generic(&mut self, pc: usize) {
        let mut fs = self.frame_state(pc);
        // Fault: the lowest dirty register stays in its machine register.
        let kept = if crate::faults::Fault::StackMapEntryMissing.injected() && !fs.regs.is_empty() {
            let (r, v) = fs.regs.remove(0);
            fs.in_frame.push(r);
            Some((r, v))
        } else {
            None
        };
        self.emit(Op::Generic(pc as u32), vec![], Some(fs));
        self.env.iter_mut().for_each(|s| *s = Slot::Frame);
        if let Some((r, v)) = kept {
            if !self.p.code[pc].writes().any(|w| w == r) {
                self.env[r as usize] = Slot::Val { v, dirty: true };
            }
        }
    }

    /// Whether the instruction after `pc` is a `++`/`--` of `r` whose
    /// site saw only int32s.
    fn feeds_int_incdec(&self, pc: usize, r: u16) -> bool {
        match self.p.code.get(pc + 1) {
            Some(Insn::Inc { src, fb, .. } | Insn::Dec { src, fb, .. }) => {
                *src == r && self.p.feedback[*fb as usize].get() == fbk::SAW_INT
            }
            _ => false,
        }
    }

    /// A site that never ran when the function was compiled (typically
    /// after the loop an OSR compile started in): leave to the baseline
    /// code, which runs it and records what it sees, instead of compiling
    /// generic code for it forever. Reaching it repeatedly reoptimizes the
    /// function with that feedback (`DeoptReason::NoFeedback`: no pc is
    /// excluded from speculation for it). Code after it in the block is
    /// unreachable; it reads every register from the frame.
    fn unfed(&mut self, pc: usize) {
        let fs = self.frame_state(pc);
        self.emit(Op::Deopt, vec![], Some(fs));
        self.env.iter_mut().for_each(|s| *s = Slot::Frame);
    }

    /// Register r as an int32 by ToInt32 (bitwise operators on doubles).
    fn get_truncated(&mut self, pc: usize, r: u16) -> V {
        match self.repr_of(r) {
            Repr::Int32 => self.get(pc, r, Repr::Int32),
            _ => {
                let x = self.get(pc, r, Repr::Float64);
                let fs = self.frame_state(pc);
                self.emit_v(Op::TruncF64, vec![x], Some(fs))
            }
        }
    }

    /// `dst = a op b` (the operands as `(dst, a, b, fb)`).
    fn binop(&mut self, pc: usize, ops: (u16, u16, u16, u16), int: Op, float: Option<Op>) {
        let (dst, a, b, fb) = ops;
        if float.is_none() && self.numeric(fb, &[a, b], false) == Spec::Float {
            let x = self.get_truncated(pc, a);
            let y = self.get_truncated(pc, b);
            let fs = int.has(props::DEOPT).then(|| self.frame_state(pc));
            let v = self.emit_v(int, vec![x, y], fs);
            self.set(dst, v);
            return;
        }
        match self.numeric(fb, &[a, b], float.is_none()) {
            Spec::Int => {
                let x = self.get(pc, a, Repr::Int32);
                let y = self.get(pc, b, Repr::Int32);
                let fs = int.has(props::DEOPT).then(|| self.frame_state(pc));
                let v = self.emit_v(int, vec![x, y], fs);
                self.set(dst, v);
            }
            Spec::Float => {
                let x = self.get(pc, a, Repr::Float64);
                let y = self.get(pc, b, Repr::Float64);
                let v = self.emit_v(float.unwrap(), vec![x, y], None);
                self.set(dst, v);
            }
            Spec::Generic => self.generic(pc),
            Spec::Unfed => self.unfed(pc),
        }
    }

    fn compare(&mut self, pc: usize, dst: u16, a: u16, b: u16, fb: u16, cc: Cc) {
        // `===`/`!==` with undefined, null or a boolean constant: equal
        // exactly when the bits are (no number or string is involved),
        // whatever the other side is; no feedback needed.
        if matches!(cc, Cc::Eq | Cc::Ne) && (self.is_identity_const(a) || self.is_identity_const(b))
        {
            let x = self.get(pc, a, Repr::Tagged);
            let y = self.get(pc, b, Repr::Tagged);
            let v = self.emit_v(Op::CmpTagged(cc), vec![x, y], None);
            self.set(dst, v);
            return;
        }
        match self.numeric(fb, &[a, b], false) {
            Spec::Int => {
                let x = self.get(pc, a, Repr::Int32);
                let y = self.get(pc, b, Repr::Int32);
                let v = self.emit_v(Op::CmpI32(cc), vec![x, y], None);
                self.set(dst, v);
            }
            Spec::Float => {
                let x = self.get(pc, a, Repr::Float64);
                let y = self.get(pc, b, Repr::Float64);
                let v = self.emit_v(Op::CmpF64(cc), vec![x, y], None);
                self.set(dst, v);
            }
            Spec::Generic => self.generic(pc),
            Spec::Unfed => self.unfed(pc),
        }
    }

    fn incdec(&mut self, pc: usize, dst: u16, src: u16, fb: u16, sign: i32) {
        match self.numeric(fb, &[src], false) {
            Spec::Int => {
                let x = self.get(pc, src, Repr::Int32);
                let one = self.emit_v(Op::ConstI32(1), vec![], None);
                let fs = self.frame_state(pc);
                let op = if sign > 0 { Op::AddI32 } else { Op::SubI32 };
                let v = self.emit_v(op, vec![x, one], Some(fs));
                self.set(dst, v);
            }
            Spec::Float => {
                let x = self.get(pc, src, Repr::Float64);
                let one = self.emit_v(Op::ConstF64(1f64.to_bits()), vec![], None);
                let op = if sign > 0 { Op::AddF64 } else { Op::SubF64 };
                let v = self.emit_v(op, vec![x, one], None);
                self.set(dst, v);
            }
            Spec::Generic => self.generic(pc),
            Spec::Unfed => self.unfed(pc),
        }
    }

    fn edge_to(
        &self,
        pc: usize,
        ir_of: &HashMap<usize, usize>,
        index: &HashMap<usize, usize>,
    ) -> Edge {
        Edge {
            to: B(ir_of[&index[&pc]] as u32),
            args: vec![],
        }
    }

    /// Translates the instruction at `pc`; false when it ended the block.
    fn visit(
        &mut self,
        pc: usize,
        ir_of: &HashMap<usize, usize>,
        index: &HashMap<usize, usize>,
    ) -> bool {
        use Insn::*;
        let insn = self.p.code[pc];
        let target = |off: i32| jump_target(pc, off) as usize;
        // A pc whose speculation failed too often: generic code (branches
        // test truthiness by the helper).
        let no_spec = self.f.no_spec.contains(&(pc as u32));
        let control = matches!(
            insn,
            Jmp { .. }
                | Loop { .. }
                | JmpTrue { .. }
                | JmpFalse { .. }
                | JmpNullish { .. }
                | JmpNotNullish { .. }
                | JmpUndef { .. }
                | Return { .. }
        );
        if no_spec && !control {
            self.generic(pc);
            if !insn.falls_through() {
                self.set_term(Term::Unreachable);
                return false;
            }
            return true;
        }
        match insn {
            LdInt { dst, imm } => {
                let v = self.emit_v(Op::ConstI32(imm), vec![], None);
                self.set(dst, v);
            }
            LdConst { dst, k } => match self.p.consts[k as usize] {
                Const::Num(d) => {
                    let boxed = crate::runtime::Value::number(d);
                    let op = if boxed.is_int() {
                        Op::ConstI32(boxed.as_int())
                    } else {
                        Op::ConstF64(d.to_bits())
                    };
                    let v = self.emit_v(op, vec![], None);
                    self.set(dst, v);
                }
                // Once interned (the lower tiers ran it), the atom's shared
                // string, read from the VM's table (cells move).
                Const::Str(_) => match self.p.const_atoms[k as usize].get() as u32 {
                    0 => self.generic(pc),
                    atom1 => {
                        let fs = self.frame_state(pc);
                        let v = self.emit_v(Op::LoadAtomStr(atom1), vec![], Some(fs));
                        self.set(dst, v);
                    }
                },
            },
            LdUndef { dst } => self.constant(dst, crate::runtime::Value::UNDEFINED.0),
            LdEmpty { dst } => self.constant(dst, crate::runtime::Value::EMPTY.0),
            LdCtx { dst, depth, slot } => {
                let v = self.emit_v(Op::LoadCtx(depth, slot), vec![], None);
                self.set(dst, v);
            }
            StCtx { depth, slot, src } => {
                let x = self.get(pc, src, Repr::Tagged);
                self.emit(Op::StoreCtx(depth, slot), vec![x], None);
            }
            CheckTdz { src, .. } => {
                // Only a tagged value can be the hole.
                if self.repr_of(src) == Repr::Tagged {
                    let x = self.get(pc, src, Repr::Tagged);
                    let fs = self.frame_state(pc);
                    self.emit(Op::CheckNotHole, vec![x], Some(fs));
                }
            }
            ToNumber { dst, src } if matches!(self.repr_of(src), Repr::Int32 | Repr::Float64) => {
                let r = self.repr_of(src);
                let v = self.get(pc, src, r);
                self.set(dst, v);
            }
            ToNumber { dst, src }
                if self.repr_of(src) == Repr::Tagged && self.feeds_int_incdec(pc, dst) =>
            {
                // `x++` is `tonumber` + `inc`: where the `inc` saw only
                // int32s, an int32 stays itself and anything else deopts
                // (the baseline converts).
                let v = self.get(pc, src, Repr::Int32);
                self.set(dst, v);
            }
            GetProp { dst, obj, name, .. } if crate::jit::baseline::ic::is_length(self.p, name) => {
                let o = self.get(pc, obj, Repr::Tagged);
                let fs = self.frame_state(pc);
                let v = self.emit_v(Op::LoadLength, vec![o], Some(fs));
                self.set(dst, v);
            }
            SetProp { obj, src, fb, .. } if self.prop_site(fb).is_some() => {
                let site = self.prop_site(fb).unwrap();
                let o = self.get(pc, obj, Repr::Tagged);
                let x = self.get(pc, src, Repr::Tagged);
                let fs = self.frame_state(pc);
                if let [PropCase { key, loc, .. }] = site[..] {
                    self.emit(Op::CheckShape(key), vec![o], Some(fs));
                    self.emit(Op::StoreField(loc), vec![o, x], None);
                } else {
                    let idx = self.f.prop_sites.len() as u32;
                    self.f.prop_sites.push(site);
                    self.emit(Op::StoreProp(idx), vec![o, x], Some(fs));
                }
            }
            GetElem { dst, obj, key, fb }
                if self.p.feedback[fb as usize].get() == fbk::SAW_INT
                    && matches!(self.repr_of(key), Repr::Int32 | Repr::Tagged) =>
            {
                let o = self.get(pc, obj, Repr::Tagged);
                let k = self.get(pc, key, Repr::Int32);
                let fs = self.frame_state(pc);
                let v = self.emit_v(Op::LoadElem, vec![o, k], Some(fs));
                self.set(dst, v);
            }
            GetElem { dst, obj, key, fb }
                if self.p.feedback[fb as usize].get() == fbk::SAW_STRING
                    && matches!(self.repr_of(key), Repr::Int32 | Repr::Tagged) =>
            {
                let o = self.get(pc, obj, Repr::Tagged);
                let k = self.get(pc, key, Repr::Int32);
                let fs = self.frame_state(pc);
                let v = self.emit_v(Op::StrCharAt, vec![o, k], Some(fs));
                self.set(dst, v);
            }
            GetElem { dst, obj, key, fb }
                if self.p.feedback[fb as usize].get() == fbk::SAW_TYPED
                    && matches!(self.repr_of(key), Repr::Int32 | Repr::Tagged) =>
            {
                let o = self.get(pc, obj, Repr::Tagged);
                let k = self.get(pc, key, Repr::Int32);
                let fs = self.frame_state(pc);
                let v = self.emit_v(Op::LoadTypedElem, vec![o, k], Some(fs));
                self.set(dst, v);
            }
            SetElem { obj, key, src, fb }
                if self.p.feedback[fb as usize].get() == fbk::SAW_TYPED
                    && matches!(self.repr_of(key), Repr::Int32 | Repr::Tagged)
                    && self.repr_of(src) != Repr::Bool =>
            {
                let o = self.get(pc, obj, Repr::Tagged);
                let k = self.get(pc, key, Repr::Int32);
                let (op, x) = if self.repr_of(src) == Repr::Int32 {
                    (Op::StoreTypedI32, self.get(pc, src, Repr::Int32))
                } else {
                    (Op::StoreTypedF64, self.get(pc, src, Repr::Float64))
                };
                let fs = self.frame_state(pc);
                self.emit(op, vec![o, k, x], Some(fs));
            }
            SetElem { obj, key, src, fb }
                if self.p.feedback[fb as usize].get() == fbk::SAW_INT
                    && matches!(self.repr_of(key), Repr::Int32 | Repr::Tagged) =>
            {
                let o = self.get(pc, obj, Repr::Tagged);
                let k = self.get(pc, key, Repr::Int32);
                let x = self.get(pc, src, Repr::Tagged);
                let fs = self.frame_state(pc);
                self.emit(Op::StoreElem, vec![o, k, x], Some(fs));
            }
            GetProp { dst, obj, fb, .. } if self.load_site(fb).is_some() => {
                let site = self.load_site(fb).unwrap();
                let mut o = self.get(pc, obj, Repr::Tagged);
                if site.iter().any(|c| c.key == self.string_proto_key) {
                    o = self.emit_v(Op::StrReceiver, vec![o], None);
                }
                let v = self.load_prop(pc, o, site);
                self.set(dst, v);
            }
            GetProp { dst, obj, fb, .. } if self.proto_site(fb).is_some() => {
                let (key, protos, loc) = self.proto_site(fb).unwrap();
                let mut o = self.get(pc, obj, Repr::Tagged);
                if key == self.string_proto_key {
                    o = self.emit_v(Op::StrReceiver, vec![o], None);
                }
                let v = self.load_inherited(pc, o, key, &protos, loc);
                self.set(dst, v);
            }
            GetProp { dst, obj, fb, .. } if self.inline && self.getter_site(fb).is_some() => {
                let (cases, getters) = self.getter_site(fb).unwrap();
                if let Err(why) = self.inline_getters(pc, (dst, obj), cases, &getters) {
                    let name = getters[0].name.as_str();
                    self.f
                        .not_inlined
                        .push(format!("getter {name} at pc {pc}: {why}"));
                    self.generic(pc);
                }
            }
            GetGlobal { dst, fb, .. } if self.prop_site(fb).is_some() => {
                // The global object's own data property, shape-guarded
                // as any `LoadProp` (the site's entries are own data).
                let site = self.prop_site(fb).unwrap();
                let g = self.emit_v(Op::LoadGlobalObj, vec![], None);
                let v = self.load_prop(pc, g, site);
                self.set(dst, v);
            }
            Call {
                dst,
                base,
                argc,
                fb,
            } if self.math_native(fb, argc).is_some()
                && (base + 2..base + 2 + argc.min(2)).all(|r| self.repr_of(r) != Repr::Bool) =>
            {
                let (i, n) = self.math_native(fb, argc).unwrap();
                let callee = self.get(pc, base, Repr::Tagged);
                let fs = self.frame_state(pc);
                self.emit(Op::CheckNative(i), vec![callee], Some(fs));
                let x = self.get(pc, base + 2, Repr::Float64);
                let v = match n {
                    InlineNative::MathMin | InlineNative::MathMax => {
                        let y = self.get(pc, base + 3, Repr::Float64);
                        let op = if n == InlineNative::MathMin {
                            Op::MinF64
                        } else {
                            Op::MaxF64
                        };
                        self.emit_v(op, vec![x, y], None)
                    }
                    _ => {
                        let m = match n {
                            InlineNative::MathSqrt => MathOp::Sqrt,
                            InlineNative::MathAbs => MathOp::Abs,
                            InlineNative::MathFloor => MathOp::Floor,
                            _ => MathOp::Ceil,
                        };
                        self.emit_v(Op::MathF64(m), vec![x], None)
                    }
                };
                self.set(dst, v);
            }
            Call {
                dst,
                base,
                argc,
                fb,
            } if self.inline && !self.poly_targets(fb).is_empty() => {
                let targets = self.poly_targets(fb);
                if let Err(why) = self.inline_poly_call(pc, (dst, base, argc), &targets) {
                    let name = targets[0].name.as_str();
                    self.f
                        .not_inlined
                        .push(format!("{name} (of {}) at pc {pc}: {why}", targets.len()));
                    self.generic(pc);
                }
            }
            Call {
                dst,
                base,
                argc,
                fb,
            } if self.inline => match self.inline_target(fb) {
                Ok(cp) => {
                    if let Err(why) = self.inline_call(pc, (dst, base, argc), cp) {
                        self.not_inlined(pc, fb, &why);
                        self.generic(pc);
                    }
                }
                Err(why) => {
                    self.not_inlined(pc, fb, why);
                    self.generic(pc);
                }
            },
            LdNull { dst } => self.constant(dst, crate::runtime::Value::NULL.0),
            LdTrue { dst } | LdFalse { dst } => {
                let v = self.emit_v(Op::ConstBool(matches!(insn, LdTrue { .. })), vec![], None);
                self.set(dst, v);
            }
            Mov { dst, src } => {
                let r = self.repr_of(src);
                let v = self.get(pc, src, r);
                self.set(dst, v);
            }
            Add { dst, a, b, fb } => self.binop(pc, (dst, a, b, fb), Op::AddI32, Some(Op::AddF64)),
            Sub { dst, a, b, fb } => self.binop(pc, (dst, a, b, fb), Op::SubI32, Some(Op::SubF64)),
            Mul { dst, a, b, fb } => self.binop(pc, (dst, a, b, fb), Op::MulI32, Some(Op::MulF64)),
            Div { dst, a, b, fb } => match self.numeric(fb, &[a, b], false) {
                Spec::Generic => self.generic(pc),
                Spec::Unfed => self.unfed(pc),
                _ => {
                    let x = self.get(pc, a, Repr::Float64);
                    let y = self.get(pc, b, Repr::Float64);
                    let v = self.emit_v(Op::DivF64, vec![x, y], None);
                    self.set(dst, v);
                }
            },
            BitAnd { dst, a, b, fb } => self.binop(pc, (dst, a, b, fb), Op::AndI32, None),
            BitOr { dst, a, b, fb } => self.binop(pc, (dst, a, b, fb), Op::OrI32, None),
            BitXor { dst, a, b, fb } => self.binop(pc, (dst, a, b, fb), Op::XorI32, None),
            Shl { dst, a, b, fb } => self.binop(pc, (dst, a, b, fb), Op::ShlI32, None),
            Shr { dst, a, b, fb } => self.binop(pc, (dst, a, b, fb), Op::SarI32, None),
            UShr { dst, a, b, fb } => self.binop(pc, (dst, a, b, fb), Op::ShrI32, None),
            Lt { dst, a, b, fb } => self.compare(pc, dst, a, b, fb, Cc::Lt),
            Le { dst, a, b, fb } => self.compare(pc, dst, a, b, fb, Cc::Le),
            Gt { dst, a, b, fb } => self.compare(pc, dst, a, b, fb, Cc::Gt),
            Ge { dst, a, b, fb } => self.compare(pc, dst, a, b, fb, Cc::Ge),
            StrictEq { dst, a, b, fb } | StrictNe { dst, a, b, fb }
                if self.p.feedback[fb as usize].get() == fbk::SAW_STRING
                    && self.repr_of(a) == Repr::Tagged
                    && self.repr_of(b) == Repr::Tagged =>
            {
                let mut x = self.get(pc, a, Repr::Tagged);
                let mut y = self.get(pc, b, Repr::Tagged);
                if self.is_atom_str(x) {
                    std::mem::swap(&mut x, &mut y);
                }
                let op = if self.is_atom_str(y) {
                    Op::StrictEqAtom
                } else {
                    Op::StrictEqStr
                };
                let fs = self.frame_state(pc);
                let mut v = self.emit_v(op, vec![x, y], Some(fs));
                if matches!(insn, StrictNe { .. }) {
                    v = self.emit_v(Op::NotBool, vec![v], None);
                }
                self.set(dst, v);
            }
            StrictEq { dst, a, b, fb } | StrictNe { dst, a, b, fb }
                if self.p.feedback[fb as usize].get() == fbk::SAW_OTHER
                    && self.repr_of(a) == Repr::Tagged
                    && self.repr_of(b) == Repr::Tagged
                    && !self.is_identity_const(a)
                    && !self.is_identity_const(b) =>
            {
                // (Against a constant null, undefined or boolean: `compare`,
                // no check.) Only objects, null, undefined or booleans seen: one side
                // checked to be neither a number nor a string makes the
                // bits' equality exact.
                let x = self.get(pc, a, Repr::Tagged);
                let y = self.get(pc, b, Repr::Tagged);
                let fs = self.frame_state(pc);
                self.emit(Op::CheckIdentityCmp, vec![x], Some(fs));
                let cc = if matches!(insn, StrictNe { .. }) {
                    Cc::Ne
                } else {
                    Cc::Eq
                };
                let v = self.emit_v(Op::CmpTagged(cc), vec![x, y], None);
                self.set(dst, v);
            }
            Mod { dst, a, b, fb } => match self.numeric(fb, &[a, b], true) {
                Spec::Int => {
                    let x = self.get(pc, a, Repr::Int32);
                    let y = self.get(pc, b, Repr::Int32);
                    let fs = self.frame_state(pc);
                    let v = self.emit_v(Op::ModI32, vec![x, y], Some(fs));
                    self.set(dst, v);
                }
                Spec::Unfed => self.unfed(pc),
                _ => self.generic(pc),
            },
            StrictEq { dst, a, b, fb } => self.compare(pc, dst, a, b, fb, Cc::Eq),
            StrictNe { dst, a, b, fb } => self.compare(pc, dst, a, b, fb, Cc::Ne),
            Inc { dst, src, fb } => self.incdec(pc, dst, src, fb, 1),
            Dec { dst, src, fb } => self.incdec(pc, dst, src, fb, -1),
            Neg { dst, src, fb } => match self.numeric(fb, &[src], false) {
                Spec::Int => {
                    let x = self.get(pc, src, Repr::Int32);
                    let fs = self.frame_state(pc);
                    let v = self.emit_v(Op::NegI32, vec![x], Some(fs));
                    self.set(dst, v);
                }
                Spec::Float => {
                    let x = self.get(pc, src, Repr::Float64);
                    let v = self.emit_v(Op::NegF64, vec![x], None);
                    self.set(dst, v);
                }
                Spec::Generic => self.generic(pc),
                Spec::Unfed => self.unfed(pc),
            },
            Not { dst, src } if self.repr_of(src) == Repr::Tagged => {
                let x = self.get(pc, src, Repr::Tagged);
                let fs = self.frame_state(pc);
                let t = self.emit_v(Op::TruthyInline, vec![x], Some(fs));
                let v = self.emit_v(Op::NotBool, vec![t], None);
                self.set(dst, v);
            }
            Not { dst, src } if self.repr_of(src) == Repr::Bool => {
                let x = self.get(pc, src, Repr::Bool);
                let v = self.emit_v(Op::NotBool, vec![x], None);
                self.set(dst, v);
            }
            Jmp { off } => {
                let e = self.edge_to(target(off), ir_of, index);
                self.set_term(Term::Jump(e));
                return false;
            }
            Loop { off } => {
                let fs = self.frame_state(pc);
                self.emit(Op::Fuel, vec![], Some(fs));
                let e = self.edge_to(target(off), ir_of, index);
                self.set_term(Term::Jump(e));
                return false;
            }
            JmpTrue { src, off } | JmpFalse { src, off } => {
                let when = matches!(insn, JmpTrue { .. });
                let (t, f) = (
                    self.edge_to(target(off), ir_of, index),
                    self.edge_to(pc + 1, ir_of, index),
                );
                let (then, els) = if when { (t, f) } else { (f, t) };
                let cond = if self.repr_of(src) == Repr::Bool {
                    self.get(pc, src, Repr::Bool)
                } else if no_spec {
                    // A call: every register is in the frame after it (as
                    // after a generic instruction).
                    let x = self.get(pc, src, Repr::Tagged);
                    let fs = self.frame_state(pc);
                    let c = self.emit_v(Op::Truthy, vec![x], Some(fs));
                    self.env.iter_mut().for_each(|s| *s = Slot::Frame);
                    c
                } else {
                    // Truthiness inline for the common kinds (a deopt lets
                    // the baseline code decide the rest).
                    let x = self.get(pc, src, Repr::Tagged);
                    let fs = self.frame_state(pc);
                    self.emit_v(Op::TruthyInline, vec![x], Some(fs))
                };
                self.set_term(Term::Branch { cond, then, els });
                return false;
            }
            JmpNullish { src, off } | JmpNotNullish { src, off } | JmpUndef { src, off } => {
                let t = self.edge_to(target(off), ir_of, index);
                let f = self.edge_to(pc + 1, ir_of, index);
                let x = self.get(pc, src, Repr::Tagged);
                let (op, when) = match insn {
                    JmpNullish { .. } => (Op::IsNullish, true),
                    JmpNotNullish { .. } => (Op::IsNullish, false),
                    _ => (Op::IsUndef, true),
                };
                let cond = self.emit_v(op, vec![x], None);
                let (then, els) = if when { (t, f) } else { (f, t) };
                self.set_term(Term::Branch { cond, then, els });
                return false;
            }
            Return { .. } => {
                let fs = self.frame_state(pc);
                self.set_term(Term::Return { fs });
                return false;
            }
            _ => {
                self.generic(pc);
                if !insn.falls_through() {
                    self.set_term(Term::Unreachable);
                    return false;
                }
            }
        }
        true
    }

    /// A GetProp site whose inline cache holds only own data properties
    /// (1 to `POLY_MAX` shapes): (shape id + 1, location) pairs.
    fn prop_site(&self, fb: u16) -> Option<Vec<PropCase>> {
        let ic = self.p.prop_ics().get(fb)?;
        if ic.is_mega() {
            return None;
        }
        let mut out = Vec::new();
        for e in &ic.entries {
            let key = e.key.get();
            if key == 0 {
                continue;
            }
            if e.holder.get() != 0 {
                return None;
            }
            out.push(PropCase::own(key, e.loc.get()));
        }
        (!out.is_empty()).then_some(out)
    }

    /// A GetProp site one `LoadProp` reads (`prop_site`, `chain_site`;
    /// one inherited shape is `proto_site`'s).
    fn load_site(&self, fb: u16) -> Option<Vec<PropCase>> {
        self.prop_site(fb).or_else(|| self.chain_site(fb))
    }

    /// A GetProp site whose cache holds several shapes (at most
    /// `POLY_MAX`), for each of which the property is an own or an
    /// inherited data property (`CHAIN_LOAD`), at least one inherited
    /// (all own: `prop_site`; one inherited: `proto_site`): methods of a
    /// class hierarchy read through a polymorphic receiver. One
    /// `LoadProp` switches on the receiver's shape and checks the
    /// prototypes' shapes on the way, as the baseline's cache does.
    fn chain_site(&self, fb: u16) -> Option<Vec<PropCase>> {
        use crate::jit::baseline::ic::{CHAIN_KIND, CHAIN_LOAD, CHAIN_N, CHAIN_PROTOS};
        let ic = self.p.prop_ics().get(fb)?;
        if ic.is_mega() || ic.len() < 2 {
            return None;
        }
        let mut out = Vec::new();
        for e in &ic.entries[..ic.len()] {
            let protos = match ic.chain_of(e, CHAIN_N, CHAIN_PROTOS) {
                None => Vec::new(),
                Some(w) if w[CHAIN_KIND] == CHAIN_LOAD && w.len() > CHAIN_PROTOS => {
                    w[CHAIN_PROTOS..].to_vec()
                }
                Some(_) => return None,
            };
            out.push(PropCase {
                key: e.key.get(),
                protos,
                loc: e.loc.get(),
            });
        }
        out.iter().any(|c| !c.protos.is_empty()).then_some(out)
    }

    /// A GetProp site whose cache holds one shape, for which the property
    /// is an inherited data property (a `CHAIN_LOAD` record: methods,
    /// prototype constants): (the receiver's key, each prototype's key up
    /// to the holder, the location in the holder).
    fn proto_site(&self, fb: u16) -> Option<(u64, Vec<u64>, i64)> {
        use crate::jit::baseline::ic::{CHAIN_KIND, CHAIN_LOAD, CHAIN_N, CHAIN_PROTOS};
        let ic = self.p.prop_ics().get(fb)?;
        if ic.is_mega() || ic.len() != 1 {
            return None;
        }
        let e = &ic.entries[0];
        let words = ic.chain_of(e, CHAIN_N, CHAIN_PROTOS)?;
        (words[CHAIN_KIND] == CHAIN_LOAD && words.len() > CHAIN_PROTOS)
            .then(|| (e.key.get(), words[CHAIN_PROTOS..].to_vec(), e.loc.get()))
    }

    /// The inherited data property of `o` (see `proto_site`): the shape
    /// of the receiver and of each prototype on the way checked (as the
    /// baseline's cache does: prototypes are read from the objects, so
    /// `setPrototypeOf` needs no invalidation), then the holder's field.
    fn load_inherited(&mut self, pc: usize, o: V, key: u64, protos: &[u64], loc: i64) -> V {
        let fs = self.frame_state(pc);
        self.emit(Op::CheckShape(key), vec![o], Some(fs.clone()));
        let mut h = o;
        for &k in protos {
            let proto = crate::jit::baseline::ic::PROTO_OFF as i64;
            h = self.emit_v(Op::LoadField(proto), vec![h], None);
            self.emit(Op::CheckShape(k), vec![h], Some(fs.clone()));
        }
        self.emit_v(Op::LoadField(loc), vec![h], None)
    }

    /// A GetProp site whose cache holds 1 to `POLY_MAX` receiver shapes,
    /// for each of which the property is an accessor on a prototype whose
    /// getter was a JS function (`CHAIN_GETTER` records with the getter's
    /// prototype): the cases a `LoadProp` reads the accessor pair by, and
    /// the getters' prototypes (each once).
    fn getter_site(&self, fb: u16) -> Option<(Vec<PropCase>, Vec<&'static FuncProto>)> {
        use crate::jit::baseline::ic::{
            CHAIN_GETTER, CHAIN_KIND, CHAIN_N, CHAIN_NEW_SHAPE, CHAIN_PROTOS,
        };
        let ic = self.p.prop_ics().get(fb)?;
        if ic.is_mega() || ic.is_empty() {
            return None;
        }
        let mut cases = Vec::new();
        let mut getters: Vec<&'static FuncProto> = Vec::new();
        for e in &ic.entries[..ic.len()] {
            let w = ic.chain_of(e, CHAIN_N, CHAIN_PROTOS)?;
            if w[CHAIN_KIND] != CHAIN_GETTER || w.len() <= CHAIN_PROTOS || w[CHAIN_NEW_SHAPE] == 0 {
                return None;
            }
            // The record's getter word is a prototype's address, and
            // prototypes outlive all code.
            let g: &'static FuncProto = unsafe { &*(w[CHAIN_NEW_SHAPE] as *const FuncProto) };
            if !getters.iter().any(|x| std::ptr::eq(*x, g)) {
                getters.push(g);
            }
            cases.push(PropCase {
                key: e.key.get(),
                protos: w[CHAIN_PROTOS..].to_vec(),
                loc: e.loc.get(),
            });
        }
        Some((cases, getters))
    }

    /// Inlines the getters a GetProp `(dst, obj)` at `pc` calls (see
    /// `getter_site`), each a side-effect-free function of one block
    /// (`pure_getter`): the accessor pair read as a `LoadProp` (the
    /// receiver's and the prototypes' shapes checked), the getter from it,
    /// then per getter a callee test (the last one a `CheckCallee` guard)
    /// and its body with r0 the getter and r1 the receiver. Since the
    /// body writes nothing, every guard in it deopts to the state before
    /// the GetProp (the baseline then calls the getter: no frame of its
    /// own is rebuilt), and the call's fuel is spent last, after
    /// `CheckAccessorRoom` made the call's own checks first.
    fn inline_getters(
        &mut self,
        pc: usize,
        (dst, obj): (u16, u16),
        cases: Vec<PropCase>,
        getters: &[&'static FuncProto],
    ) -> Result<(), String> {
        let mut built = Vec::with_capacity(getters.len());
        let mut size = 0;
        for &cp in getters {
            let cf = self.pure_getter(cp)?;
            size += cp.code.len();
            built.push(cf);
        }
        if self.inlined_insts + size > INLINE_BUDGET {
            return Err("budget spent".into());
        }
        self.inlined_insts += size;
        let o = self.get(pc, obj, Repr::Tagged);
        let fs = self.frame_state(pc);
        let pair = if let [PropCase {
            key,
            ref protos,
            loc,
        }] = cases[..]
        {
            let protos = protos.clone();
            self.load_inherited(pc, o, key, &protos, loc)
        } else {
            let idx = self.f.prop_sites.len() as u32;
            self.f.prop_sites.push(cases);
            self.emit_v(Op::LoadProp(idx), vec![o], Some(fs.clone()))
        };
        let off = crate::jit::baseline::ic::slots_value_off(0) as i64;
        let g = self.emit_v(Op::LoadField(off), vec![pair], None);
        let unchecked = crate::faults::Fault::GetterCalleeUnchecked.injected();
        let check = |cp: &FuncProto| Inst {
            op: Op::CheckCallee(cp as *const FuncProto as u64),
            args: vec![g],
            res: None,
            fs: Some(fs.clone()),
        };
        if let ([cp], [cf]) = (getters, &built[..]) {
            let mut out = std::mem::take(&mut self.f.blocks[self.cur].insts);
            if !unchecked {
                out.push(check(cp));
            }
            let v = self.getter_body(&fs, cp, cf, (g, o), None, &mut out);
            self.f.blocks[self.cur].insts = out;
            self.set(dst, v);
            return Ok(());
        }
        let want = (getters.iter().zip(&built))
            .map(|(cp, cf)| ret_repr(cp, cf))
            .reduce(Repr::join)
            .unwrap();
        // Local blocks: getter k's test at 2k, its body at 2k + 1; the
        // continuation at 2n.
        let n = getters.len() as u32;
        let rv = self.f.new_value(want);
        let mut blocks = Vec::with_capacity(2 * getters.len());
        for (k, (&cp, cf)) in getters.iter().zip(&built).enumerate() {
            let k = k as u32;
            let body = Edge {
                to: B(2 * k + 1),
                args: vec![],
            };
            let (insts, term) = if k + 1 < n {
                let c = self.f.new_value(Repr::Bool);
                let els = Edge {
                    to: B(2 * k + 2),
                    args: vec![],
                };
                let is = inst(
                    Op::IsCallee(cp as *const FuncProto as u64),
                    vec![g],
                    Some(c),
                );
                (
                    vec![is],
                    Term::Branch {
                        cond: c,
                        then: body,
                        els,
                    },
                )
            } else if unchecked {
                (vec![], Term::Jump(body))
            } else {
                (vec![check(cp)], Term::Jump(body))
            };
            blocks.push(Block {
                params: vec![],
                insts,
                term,
                pc: INLINED_PC,
            });
            let mut out = Vec::new();
            let v = self.getter_body(&fs, cp, cf, (g, o), Some(want), &mut out);
            blocks.push(Block {
                params: vec![],
                insts: out,
                term: Term::Jump(Edge {
                    to: B(2 * n),
                    args: vec![v],
                }),
                pc: INLINED_PC,
            });
        }
        self.splice_at(blocks, rv, dst);
        Ok(())
    }

    /// The IR of getter `cp` if it can be inlined by `inline_getters`: a
    /// plain function (not an arrow: its `this` is not the receiver) of
    /// one block, no calls, no inlined calls, and nothing a second run
    /// could tell from the first: no store, no fuel spent.
    fn pure_getter(&self, cp: &'static FuncProto) -> Result<Func, String> {
        use crate::bytecode::FuncKind;
        let plain = matches!(
            cp.kind,
            FuncKind::Getter | FuncKind::Method | FuncKind::Normal
        );
        if !plain || cp.has_rest || !cp.handlers.is_empty() {
            return Err("not a plain function".into());
        }
        if cp.code.len() > INLINE_MAX_INSTS {
            return Err("too large".into());
        }
        if std::ptr::eq(cp, self.p) {
            return Err("recursive".into());
        }
        let cf = self.build_inlinee(cp)?;
        if !is_straight(&cf) || !cf.osr.is_empty() || !cf.inlined.is_empty() {
            return Err("branches or inlined calls".into());
        }
        let effect = |i: &Inst| {
            matches!(
                i.op,
                Op::StoreProp(_)
                    | Op::StoreField(_)
                    | Op::StoreElem
                    | Op::StoreElemInBounds
                    | Op::StoreTypedF64
                    | Op::StoreTypedI32
                    | Op::StoreTypedF64InBounds
                    | Op::StoreTypedI32InBounds
                    | Op::StoreCtx(..)
                    | Op::Fuel
                    | Op::TakeFuel
                    | Op::CheckFrameRoom(..)
                    | Op::CheckAccessorRoom(..)
                    | Op::Splice(_)
            )
        };
        if cf.blocks[1].insts.iter().any(effect) {
            return Err("side effects".into());
        }
        Ok(cf)
    }

    /// Appends getter `cp`'s body (its IR `cf`, see `pure_getter`) to
    /// `out`, called as `(g, o)` (the getter, the receiver), every frame
    /// state `fs` (the GetProp's): `vm.call`'s checks, the body, the
    /// call's fuel. Its result, converted to `want` if given.
    fn getter_body(
        &mut self,
        fs: &FrameState,
        cp: &'static FuncProto,
        cf: &Func,
        (g, o): (V, V),
        want: Option<Repr>,
        out: &mut Vec<Inst>,
    ) -> V {
        let margin = (cp.nregs + 2).max(crate::jit::baseline::accessors::CALL_MARGIN as u16);
        let room = 8 * (self.p.nregs as u32 + margin as u32);
        out.push(Inst {
            op: Op::CheckAccessorRoom(room, margin, 0),
            args: vec![],
            res: None,
            fs: Some(fs.clone()),
        });
        let undef = self.f.new_value(Repr::Tagged);
        out.push(inst(
            Op::ConstTagged(crate::runtime::Value::UNDEFINED.0),
            vec![],
            Some(undef),
        ));
        let entry = (0..cp.nregs.max(2))
            .map(|r| match r {
                0 => g,
                1 => o,
                _ => undef,
            })
            .collect();
        let mut t = Translate {
            nested_at: 0,
            info: Inlined {
                callee: u32::MAX,
                base: 0,
                argc: 0,
                dst: 0,
                caller: fs.clone(),
            },
            restart: Some(fs.clone()),
            sites: self.f.prop_sites.len() as u32,
            entry,
            unboxed: HashMap::new(),
            map: HashMap::new(),
            env: None,
        };
        self.f.prop_sites.extend(cf.prop_sites.iter().cloned());
        if (cf.blocks[1].insts.iter()).any(|i| matches!(i.op, Op::LoadCtx(..))) {
            let e = self.f.new_value(Repr::Tagged);
            let env = crate::jit::baseline::emit::layout::FN_ENV as i64;
            out.push(inst(Op::LoadField(env), vec![g], Some(e)));
            t.env = Some(e);
        }
        for ins in &cf.blocks[1].insts {
            self.translate(&mut t, cf, ins, out);
        }
        out.push(Inst {
            op: Op::Fuel,
            args: vec![],
            res: None,
            fs: Some(fs.clone()),
        });
        let Term::Return { fs: rfs } = &cf.blocks[1].term else {
            unreachable!("straight")
        };
        let v = t.returned(cp, rfs);
        match want {
            Some(w) => self.convert_into(out, v, w),
            None => v,
        }
    }

    /// The callee to inline at a `Call` site, if any: the site saw one JS
    /// function, a small one whose plain call is a frame push
    /// (`Vm::push_frame_plain`: no rest parameter, not a constructor),
    /// without handlers, not this function. Otherwise why not ("" when
    /// the site saw no JS function or several).
    fn inline_target(&self, fb: u16) -> Result<&'static FuncProto, &'static str> {
        use crate::bytecode::FuncKind;
        let w = self.p.feedback[fb as usize].get();
        if w == 0 || w == fbk::MEGA || w & fbk::NATIVE_CALLEE != 0 {
            // Not a monomorphic JS callee: nothing to report.
            return Err("");
        }
        if self.inlined_insts >= INLINE_BUDGET {
            return Err("budget spent");
        }
        // A JS callee's feedback word is its prototype's address, and
        // prototypes outlive all code.
        let cp: &'static FuncProto = unsafe { &*(w as *const FuncProto) };
        let plain = matches!(
            cp.kind,
            FuncKind::Normal | FuncKind::Arrow | FuncKind::Method
        );
        let why = if !plain {
            "not a plain function"
        } else if cp.has_rest {
            "rest parameter"
        } else if !cp.handlers.is_empty() {
            "exception handlers"
        } else if cp.code.len() > INLINE_MAX_INSTS {
            "too large"
        } else if std::ptr::eq(cp, self.p) {
            "recursive"
        } else {
            return Ok(cp);
        };
        Err(why)
    }

    /// The callees of a megamorphic `Call` site when it saw 2 to
    /// `POLY_CALL_MAX` of them, all plain JS functions small enough to
    /// inline (`inline_target`'s rules), else none.
    fn poly_targets(&self, fb: u16) -> Vec<&'static FuncProto> {
        use crate::bytecode::FuncKind;
        if self.p.feedback[fb as usize].get() != fbk::MEGA {
            return Vec::new();
        }
        let words = self.p.call_targets.of(fb);
        let ok = |&w: &u64| w != fbk::MEGA && w & fbk::NATIVE_CALLEE == 0;
        if words.len() < 2 || !words.iter().all(ok) {
            return Vec::new();
        }
        // A JS callee's word is its prototype's address, and prototypes
        // outlive all code.
        let cps: Vec<&'static FuncProto> = (words.iter())
            .map(|&w| unsafe { &*(w as *const FuncProto) })
            .collect();
        let fits = |cp: &&FuncProto| {
            matches!(
                cp.kind,
                FuncKind::Normal | FuncKind::Arrow | FuncKind::Method
            ) && !cp.has_rest
                && cp.handlers.is_empty()
                && cp.code.len() <= INLINE_MAX_INSTS
                && !std::ptr::eq(*cp, self.p)
        };
        if cps.iter().all(fits) {
            cps
        } else {
            Vec::new()
        }
    }

    /// Inlines a megamorphic call at `pc` whose callees were `targets`
    /// (each straight: one block that returns): the current block ends in
    /// a dispatch on the callee's prototype (`IsCallee` for all but the
    /// last, which is a `CheckCallee` guard: a callee not seen deopts
    /// before the call), each callee's instructions in a block of its
    /// own, all jumping to the continuation with their result.
    fn inline_poly_call(
        &mut self,
        pc: usize,
        call: (u16, u16, u16),
        targets: &[&'static FuncProto],
    ) -> Result<(), String> {
        let mut built = Vec::with_capacity(targets.len());
        let mut size = 0;
        for &cp in targets {
            let cf = self.build_inlinee(cp)?;
            if !is_straight(&cf) || !cf.osr.is_empty() {
                return Err(format!("{} has branches", cp.name));
            }
            // Prototypes outlive all code.
            size += cp.code.len();
            size += (cf.inlined.iter())
                .map(|(p, _)| unsafe { &**p }.code.len())
                .sum::<usize>();
            built.push(cf);
        }
        if self.inlined_insts + size > INLINE_BUDGET {
            return Err("budget spent".into());
        }
        self.inlined_insts += size;
        let want = (targets.iter().zip(&built))
            .map(|(cp, cf)| ret_repr(cp, cf))
            .reduce(Repr::join)
            .unwrap();
        let fs = self.frame_state(pc);
        let nregs = targets.iter().map(|cp| cp.nregs).max().unwrap();
        let args = self.call_entry(pc, call, nregs);
        let fv = args.regs[0];
        // Local blocks: the dispatch of callee k at 2k, its body at
        // 2k + 1; the continuation (the splice's) at 2n.
        let n = targets.len() as u32;
        let cont = B(2 * n);
        let rv = self.f.new_value(want);
        let mut blocks = Vec::with_capacity(2 * targets.len());
        for (k, (&cp, cf)) in targets.iter().zip(&built).enumerate() {
            let k = k as u32;
            let key = cp as *const FuncProto as u64;
            let (insts, term) = if k + 1 < n {
                let c = self.f.new_value(Repr::Bool);
                let then = Edge {
                    to: B(2 * k + 1),
                    args: vec![],
                };
                let els = Edge {
                    to: B(2 * k + 2),
                    args: vec![],
                };
                let is = inst(Op::IsCallee(key), vec![fv], Some(c));
                (vec![is], Term::Branch { cond: c, then, els })
            } else {
                let check = Inst {
                    op: Op::CheckCallee(key),
                    args: vec![fv],
                    res: None,
                    fs: Some(fs.clone()),
                };
                let to = Edge {
                    to: B(2 * k + 1),
                    args: vec![],
                };
                (vec![check], Term::Jump(to))
            };
            blocks.push(Block {
                params: vec![],
                insts,
                term,
                pc: INLINED_PC,
            });
            let mut t = self.start_inlinee(pc, call, cp, cf, &args);
            // The room and fuel of a real call (after the dispatch: a
            // callee not seen deopts before the call spent anything).
            let mut out = vec![
                Inst {
                    op: Op::CheckFrameRoom(room_for(call, cp), 0),
                    args: vec![],
                    res: None,
                    fs: Some(fs.clone()),
                },
                Inst {
                    op: Op::Fuel,
                    args: vec![],
                    res: None,
                    fs: Some(fs.clone()),
                },
            ];
            if (cf.blocks[1].insts.iter()).any(|i| matches!(i.op, Op::LoadCtx(..))) {
                let e = self.f.new_value(Repr::Tagged);
                let env = crate::jit::baseline::emit::layout::FN_ENV as i64;
                out.push(inst(Op::LoadField(env), vec![fv], Some(e)));
                t.env = Some(e);
            }
            for ins in &cf.blocks[1].insts {
                self.translate(&mut t, cf, ins, &mut out);
            }
            let Term::Return { fs: rfs } = &cf.blocks[1].term else {
                unreachable!("straight")
            };
            let v = t.returned(cp, rfs);
            let v = self.convert_into(&mut out, v, want);
            blocks.push(Block {
                params: vec![],
                insts: out,
                term: Term::Jump(Edge {
                    to: cont,
                    args: vec![v],
                }),
                pc: INLINED_PC,
            });
        }
        self.splice_at(blocks, rv, call.0);
        Ok(())
    }

    /// Records for `--trace-opt` why the call at `pc` (whose site `fb`
    /// saw one JS function unless `why` is empty) was not inlined.
    fn not_inlined(&mut self, pc: usize, fb: u16, why: &str) {
        if why.is_empty() {
            return;
        }
        // The feedback word is the callee's prototype (`inline_target`);
        // prototypes outlive all code.
        let c = unsafe { &*(self.p.feedback[fb as usize].get() as *const FuncProto) };
        let name = if c.name.is_empty() {
            "<anonymous>"
        } else {
            c.name.as_str()
        };
        self.f.not_inlined.push(format!("{name} at pc {pc}: {why}"));
    }

    /// The caller's registers that live across the call at `pc`: live
    /// before or after it, below the window (any call's frame starts at
    /// `base`: a register at or above it that the liveness calls live
    /// across the call, such as the `this` slot a later `new` writes but
    /// is counted as reading, cannot hold anything a call preserves), and
    /// not the result register.
    fn caller_regs(&self, pc: usize, dst: u16, base: u16) -> Vec<u16> {
        let mut regs: Vec<u16> = self.live.live_in(pc).collect();
        regs.extend(self.live.live_in(pc + 1));
        regs.sort_unstable();
        regs.dedup();
        regs.retain(|r| *r < base && *r != dst);
        regs
    }

    /// Inlines the call at `pc` of `cp` (see `inline_target`) when its IR
    /// is speculated code without calls, context stores or loops: the
    /// callee guarded by its prototype, the frame push's checks
    /// (`CheckFrameRoom`, then `Fuel`), then the callee's instructions
    /// with its registers as values: r0 the callee, r1 `this`, then the
    /// arguments, the rest undefined. Its frame states name the call
    /// (`Inlined`), so a deopt inside rebuilds both frames. A callee of
    /// one block goes into the current block; a callee with branches goes
    /// in as its own blocks, spliced in after the build (`splice`). Err
    /// (nothing emitted) says why the callee's IR does not qualify.
    fn inline_call(
        &mut self,
        pc: usize,
        call: (u16, u16, u16),
        cp: &'static FuncProto,
    ) -> Result<(), String> {
        let (dst, base, _) = call;
        let cf = self.build_inlinee(cp)?;
        let straight = is_straight(&cf);
        let insts = || cf.blocks.iter().flat_map(|b| b.insts.iter());
        // The callee's OSR entry blocks (blocks 1.. before its first
        // bytecode block) stay out: the inlined code is entered at its
        // start only. Its loops stay loops, left to their `Fuel` (the loop
        // passes skip inlined blocks: `INLINED_PC`).
        let osr: Vec<usize> = cf.osr.iter().map(|(_, b)| b.0 as usize).collect();
        let first = cf.blocks[0].term.edges()[0].to.0 as usize;
        if !cf.blocks[first].params.is_empty() {
            return Err("loop at the callee's entry".into());
        }
        let nested: usize = (cf.inlined.iter())
            // Prototypes outlive all code.
            .map(|(p, _)| unsafe { &**p }.code.len())
            .sum();
        if self.inlined_insts + cp.code.len() + nested > INLINE_BUDGET {
            return Err("budget spent".into());
        }
        self.inlined_insts += cp.code.len() + nested;
        // Guards before the call resume at it (nothing happened yet).
        let fs = self.frame_state(pc);
        let fv = self.get(pc, base, Repr::Tagged);
        self.emit(
            Op::CheckCallee(cp as *const FuncProto as u64),
            vec![fv],
            Some(fs.clone()),
        );
        let room = Op::CheckFrameRoom(room_for(call, cp), 0);
        self.emit(room, vec![], Some(fs.clone()));
        self.emit(Op::Fuel, vec![], Some(fs));
        let args = self.call_entry(pc, call, cp.nregs);
        let mut t = self.start_inlinee(pc, call, cp, &cf, &args);
        // The callee's context (its function's): read once, if used.
        if insts().any(|i| matches!(i.op, Op::LoadCtx(..))) {
            t.env = Some(self.emit_v(
                Op::LoadField(crate::jit::baseline::emit::layout::FN_ENV as i64),
                vec![fv],
                None,
            ));
        }
        // Each return's value: a value of the callee's IR, or (None) an
        // entry register's, which is tagged.
        let ret_of = |fs: &FrameState| {
            let src = src_of(cp, fs);
            fs.regs.iter().find(|x| x.0 == src).map(|x| x.1)
        };
        // The representation they all fit.
        let mut want: Option<Repr> = None;
        for b in &cf.blocks {
            if let Term::Return { fs } = &b.term {
                let r = ret_of(fs).map_or(Repr::Tagged, |v| cf.repr(v));
                want = Some(want.map_or(r, |w| Repr::join(w, r)));
            }
        }
        let Some(want) = want else {
            return Err("never returns".into());
        };
        if straight && osr.is_empty() {
            let mut out = std::mem::take(&mut self.f.blocks[self.cur].insts);
            for ins in &cf.blocks[1].insts {
                self.translate(&mut t, &cf, ins, &mut out);
            }
            self.f.blocks[self.cur].insts = out;
            let Term::Return { fs } = &cf.blocks[1].term else {
                unreachable!("checked above")
            };
            self.set(dst, t.returned(cp, fs));
            return Ok(());
        }
        // The callee's blocks but its entry and OSR entries, in order (the
        // first is where the callee starts); the continuation, whose
        // parameter is the result, comes after them.
        let keep: Vec<usize> = (1..cf.blocks.len()).filter(|b| !osr.contains(b)).collect();
        debug_assert_eq!(
            keep[0], first,
            "the first bytecode block follows the OSR entries"
        );
        let local: HashMap<usize, u32> = keep
            .iter()
            .enumerate()
            .map(|(i, &b)| (b, i as u32))
            .collect();
        let cont = B(keep.len() as u32);
        let rv = self.f.new_value(want);
        let mut blocks = Vec::with_capacity(keep.len());
        for cb in keep.iter().map(|&b| &cf.blocks[b]) {
            let params = (cb.params.iter())
                .map(|p| {
                    let n = self.f.new_value(cf.repr(*p));
                    t.map.insert(*p, n);
                    n
                })
                .collect();
            let mut out = Vec::with_capacity(cb.insts.len());
            for ins in &cb.insts {
                self.translate(&mut t, &cf, ins, &mut out);
            }
            let edge = |e: &Edge, t: &Translate| Edge {
                to: B(local[&(e.to.0 as usize)]),
                args: e.args.iter().map(|a| t.map[a]).collect(),
            };
            let term = match &cb.term {
                Term::Jump(e) => Term::Jump(edge(e, &t)),
                Term::Branch { cond, then, els } => Term::Branch {
                    cond: t.map[cond],
                    then: edge(then, &t),
                    els: edge(els, &t),
                },
                Term::Return { fs } => {
                    let v = t.returned(cp, fs);
                    let v = self.convert_into(&mut out, v, want);
                    Term::Jump(Edge {
                        to: cont,
                        args: vec![v],
                    })
                }
                Term::Unreachable => Term::Unreachable,
                Term::Entries(_) => unreachable!("only block 0 has entries"),
            };
            blocks.push(Block {
                params,
                insts: out,
                term,
                pc: INLINED_PC,
            });
        }
        self.splice_at(blocks, rv, dst);
        Ok(())
    }

    /// The values of an inlined call's registers at its entry (callees
    /// of up to `nregs` registers), made in the current block, as
    /// `push_frame_plain` leaves them: the callee, `this`, the `argc`
    /// arguments (`start_inlinee` drops the extra ones and fills the
    /// missing ones with undefined per callee); and the caller's state.
    fn call_entry(&mut self, pc: usize, call: (u16, u16, u16), nregs: u16) -> CallArgs {
        let (dst, base, argc) = call;
        let undef = self.emit_v(
            Op::ConstTagged(crate::runtime::Value::UNDEFINED.0),
            vec![],
            None,
        );
        // An unboxed argument is remembered so the callee's check of it
        // unboxes nothing.
        let mut unboxed: HashMap<V, V> = HashMap::new();
        let mut regs = vec![self.get(pc, base, Repr::Tagged)];
        for r in 1..nregs.min(argc + 2) {
            let cr = base + r;
            let have = self.repr_of(cr);
            let raw = matches!(have, Repr::Int32 | Repr::Float64).then(|| self.get(pc, cr, have));
            let t = self.get(pc, cr, Repr::Tagged);
            if let Some(x) = raw {
                unboxed.insert(t, x);
            }
            regs.push(t);
        }
        let mut caller = FrameState::new(pc as u32);
        for r in self.caller_regs(pc, dst, base) {
            match self.env[r as usize] {
                Slot::Val { v, dirty: true } => caller.regs.push((r, v)),
                _ => caller.in_frame.push(r),
            }
        }
        CallArgs {
            regs,
            undef,
            unboxed,
            caller,
        }
    }

    /// Registers callee `cp` (its IR `cf`) as inlined at `pc` and returns
    /// the translation of its values into the caller's.
    fn start_inlinee(
        &mut self,
        pc: usize,
        call: (u16, u16, u16),
        cp: &'static FuncProto,
        cf: &Func,
        args: &CallArgs,
    ) -> Translate {
        let (dst, base, argc) = call;
        let nargs = argc.min(cp.nparams);
        let entry = (0..cp.nregs)
            .map(|r| match args.regs.get(r as usize) {
                Some(&v) if r < 2 || r - 2 < nargs => v,
                _ => args.undef,
            })
            .collect();
        let callee = self.f.inlined.len() as u32;
        self.f.inlined.push((cp, pc as u32));
        self.f.inlined_in.push(None);
        // The callee's own inlined calls follow it.
        let nested_at = self.f.inlined.len() as u32;
        self.f.inlined.extend(cf.inlined.iter().copied());
        (self.f.inlined_in).extend(
            cf.inlined_in
                .iter()
                .map(|c| Some(c.map_or(callee, |c| c + nested_at))),
        );
        let t = Translate {
            restart: None,
            nested_at,
            info: Inlined {
                callee,
                base,
                argc,
                dst,
                caller: args.caller.clone(),
            },
            sites: self.f.prop_sites.len() as u32,
            entry,
            unboxed: args.unboxed.clone(),
            map: HashMap::new(),
            env: None,
        };
        self.f.prop_sites.extend(cf.prop_sites.iter().cloned());
        t
    }

    /// The IR of `cp` to inline here, unless it calls out, runs an
    /// instruction generically or stores into a context (then why not).
    fn build_inlinee(&self, cp: &'static FuncProto) -> Result<Func, String> {
        let live = Liveness::compute(cp);
        // The callee inlines its own calls while the depth allows.
        let o = super::OptOptions {
            string_proto_key: self.string_proto_key,
            inline: self.inline_depth + 1 < MAX_INLINE_DEPTH,
            inline_depth: self.inline_depth + 1,
            ..Default::default()
        };
        let cf = build(cp, &live, &o);
        let insts = || cf.blocks.iter().flat_map(|b| b.insts.iter());
        if let Some(pc) = insts().find_map(|i| match i.op {
            Op::Generic(pc) => Some(pc),
            _ => None,
        }) {
            return Err(format!(
                "`{}` compiled generically",
                cp.code[pc as usize].name()
            ));
        }
        if insts().any(|i| i.op.has(props::CALLS)) {
            return Err("calls out".into());
        }
        // (`Fuel` and `CheckFrameRoom` of the callee's own inlined calls
        // are fine; a loop's `Fuel` is refused by the caller.)
        let simple = |i: &Inst| {
            !matches!(
                i.op,
                Op::StoreCtx(..) | Op::ReserveFuel | Op::FuelStep | Op::ReturnFuel
            )
        };
        if !insts().all(simple) {
            return Err("context store".into());
        }
        Ok(cf)
    }

    /// Appends the inlined callee's instruction `ins` (of `cf`) to `out`,
    /// in the caller's values (`Translate`).
    fn translate(&mut self, t: &mut Translate, cf: &Func, ins: &Inst, out: &mut Vec<Inst>) {
        let arg0 = ins.args.first().map(|a| t.map[a]);
        match (ins.op, arg0.and_then(|a| t.unboxed.get(&a).copied())) {
            (Op::LoadReg(r), _) => {
                t.map.insert(ins.res.unwrap(), t.entry[r as usize]);
                return;
            }
            (Op::CheckInt32, Some(x)) if self.f.repr(x) == Repr::Int32 => {
                t.map.insert(ins.res.unwrap(), x);
                return;
            }
            (Op::CheckNumber, Some(x)) => {
                let y = match self.f.repr(x) {
                    Repr::Float64 => x,
                    _ => {
                        let y = self.f.new_value(Repr::Float64);
                        out.push(inst(Op::I32ToF64, vec![x], Some(y)));
                        y
                    }
                };
                t.map.insert(ins.res.unwrap(), y);
                return;
            }
            _ => {}
        }
        let op = match ins.op {
            Op::LoadProp(i) => Op::LoadProp(i + t.sites),
            Op::StoreProp(i) => Op::StoreProp(i + t.sites),
            Op::LoadCtx(d, s) => Op::LoadCtxIn(d, s),
            // The callee's frame is `base` registers up, one frame deeper.
            Op::CheckFrameRoom(room, nest) => {
                Op::CheckFrameRoom(room + 8 * t.info.base as u32, nest + 1)
            }
            Op::CheckAccessorRoom(room, margin, nest) => {
                Op::CheckAccessorRoom(room + 8 * t.info.base as u32, margin, nest + 1)
            }
            op => op,
        };
        let mut args: Vec<V> = ins.args.iter().map(|a| t.map[a]).collect();
        // The callee's own context reads get its context; its inlined
        // callees' reads (already `LoadCtxIn`) keep theirs.
        if let (Op::LoadCtx(..), Some(e)) = (ins.op, t.env) {
            args.push(e);
        }
        let fs = ins.fs.as_ref().map(|fs| t.state(fs));
        let res = ins.res.map(|r| {
            let n = self.f.new_value(cf.repr(r));
            t.map.insert(r, n);
            n
        });
        out.push(Inst { op, args, res, fs });
    }

    /// Marks where inlined `blocks` (numbered from 0, the continuation
    /// after them) go (`splice`); their result `rv` goes to `dst`.
    fn splice_at(&mut self, blocks: Vec<Block>, rv: V, dst: u16) {
        let k = self.splices.len() as u32;
        self.splices.push((blocks, rv));
        self.emit(Op::Splice(k), vec![], None);
        self.set(dst, rv);
    }

    /// Splices in the blocks of the callees inlined with branches
    /// (`inline_call`): each `Splice` instruction's block is split there,
    /// the callee's blocks go right after it (entered by a jump), then a
    /// continuation block with the rest of the split block, whose
    /// parameter is the call's result. Blocks stay in reverse post-order:
    /// the callee's blocks only reach each other and the continuation.
    fn splice(&mut self) {
        let mut splices: Vec<Option<(Vec<Block>, V)>> = std::mem::take(&mut self.splices)
            .into_iter()
            .map(Some)
            .collect();
        // Last block first, last splice in a block first: a splice only
        // renumbers the blocks after its own.
        for q in (0..self.f.blocks.len()).rev() {
            while let Some(k) =
                (self.f.blocks[q].insts.iter()).rposition(|i| matches!(i.op, Op::Splice(_)))
            {
                let Op::Splice(id) = self.f.blocks[q].insts[k].op else {
                    unreachable!()
                };
                let (mut blocks, rv) = splices[id as usize].take().expect("spliced once");
                let tail = self.f.blocks[q].insts.split_off(k + 1);
                self.f.blocks[q].insts.pop();
                let at = q + 1;
                let n = blocks.len() as u32 + 1;
                let term = std::mem::replace(&mut self.f.blocks[q].term, Term::Unreachable);
                // Renumber the blocks after `q` (the split block's old
                // successors included: its terminator moves to the
                // continuation).
                let shift = |b: &mut B| {
                    if b.0 as usize >= at {
                        b.0 += n
                    }
                };
                for b in &mut self.f.blocks {
                    for e in b.term.edges_mut() {
                        shift(&mut e.to);
                    }
                }
                for (_, b) in self.f.osr.iter_mut() {
                    shift(b);
                }
                let mut cont = Block {
                    params: vec![rv],
                    insts: tail,
                    term,
                    pc: self.f.blocks[q].pc,
                };
                for e in cont.term.edges_mut() {
                    shift(&mut e.to);
                }
                for b in &mut blocks {
                    for e in b.term.edges_mut() {
                        e.to.0 += at as u32;
                    }
                }
                blocks.push(cont);
                self.f.blocks.splice(at..at, blocks);
                self.f.blocks[q].term = Term::Jump(Edge {
                    to: B(at as u32),
                    args: vec![],
                });
            }
        }
    }

    /// An own data property of `o` at a site with these (key, loc)
    /// entries: a shape check and a field load when monomorphic (the check
    /// then is shared with the object's other accesses), else `LoadProp`.
    fn load_prop(&mut self, pc: usize, o: V, site: Vec<PropCase>) -> V {
        let fs = self.frame_state(pc);
        if let [PropCase {
            key,
            loc,
            ref protos,
        }] = site[..]
        {
            debug_assert!(protos.is_empty(), "one inherited shape: load_inherited");
            self.emit(Op::CheckShape(key), vec![o], Some(fs));
            return self.emit_v(Op::LoadField(loc), vec![o], None);
        }
        let idx = self.f.prop_sites.len() as u32;
        self.f.prop_sites.push(site);
        self.emit_v(Op::LoadProp(idx), vec![o], Some(fs))
    }

    /// The `Math` native a `Call` site with `argc` arguments saw (its
    /// feedback word), as (index in `InlineNative::ALL`, native), when
    /// the tier computes it inline: one number argument (two for
    /// `min`/`max`); floor/ceil only with SSE4.1 (`roundsd`).
    fn math_native(&self, fb: u16, argc: u16) -> Option<(u8, InlineNative)> {
        let w = self.p.feedback.get(fb as usize)?.get();
        let n = InlineNative::of_entry(fbk::native_callee(w)?)?;
        let ok = match n {
            InlineNative::MathSqrt | InlineNative::MathAbs => argc >= 1,
            InlineNative::MathFloor | InlineNative::MathCeil => {
                argc >= 1 && std::arch::is_x86_feature_detected!("sse4.1")
            }
            InlineNative::MathMin | InlineNative::MathMax => argc == 2,
            _ => false,
        };
        let i = InlineNative::ALL.iter().position(|&m| m == n)?;
        ok.then_some((i as u8, n))
    }

    fn constant(&mut self, dst: u16, bits: u64) {
        let v = self.emit_v(Op::ConstTagged(bits), vec![], None);
        self.consts.insert(v, bits);
        self.set(dst, v);
    }
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum Spec {
    Int,
    Float,
    Generic,
    /// The site never ran (`OptOptions::soft_deopt`): leave (`unfed`).
    Unfed,
}

fn inst(op: Op, args: Vec<V>, res: Option<V>) -> Inst {
    Inst {
        op,
        args,
        res,
        fs: None,
    }
}

/// The representation of what a straight inlinee `cf` (of `cp`) returns.
fn ret_repr(cp: &FuncProto, cf: &Func) -> Repr {
    let Term::Return { fs } = &cf.blocks[1].term else {
        unreachable!("straight")
    };
    let src = src_of(cp, fs);
    let v = fs.regs.iter().find(|x| x.0 == src).map(|x| x.1);
    v.map_or(Repr::Tagged, |v| cf.repr(v))
}

/// The register a return state's `return` returns.
fn src_of(cp: &FuncProto, fs: &FrameState) -> u16 {
    match cp.code[fs.pc as usize] {
        Insn::Return { src } => src,
        _ => unreachable!("a return state is at a return"),
    }
}

impl Translate {
    /// The value a callee `return` (its state `fs`) returns, in the
    /// caller's values.
    fn returned(&self, cp: &FuncProto, fs: &FrameState) -> V {
        let src = src_of(cp, fs);
        match fs.regs.iter().find(|x| x.0 == src) {
            Some(&(_, v)) => self.map[&v],
            None => self.entry[src as usize],
        }
    }

    /// A callee state in the caller's values: every register explicit (its
    /// frame is written whole on deopt), r0 always (the frame's context
    /// comes from it), standing for this call. A state of the callee's own
    /// inlined callee keeps its registers and chains to the callee's state
    /// at that call, made the same way.
    fn state(&self, fs: &FrameState) -> FrameState {
        if let Some(at) = &self.restart {
            return at.clone();
        }
        let mut st = FrameState::new(fs.pc);
        st.regs = fs.regs.iter().map(|&(r, v)| (r, self.map[&v])).collect();
        match &fs.inlined {
            None => {
                st.regs
                    .extend(fs.in_frame.iter().map(|&r| (r, self.entry[r as usize])));
                if !st.regs.iter().any(|x| x.0 == 0) {
                    st.regs.push((0, self.entry[0]));
                }
                st.inlined = Some(Box::new(self.info.clone()));
            }
            Some(inner) => {
                debug_assert!(fs.in_frame.is_empty(), "inlined states are explicit");
                st.inlined = Some(Box::new(Inlined {
                    callee: inner.callee + self.nested_at,
                    caller: self.state(&inner.caller),
                    ..(**inner).clone()
                }));
            }
        }
        st
    }
}

/// An inlined callee's instructions in the caller's values
/// (`Builder::translate`).
/// An inlined call's entry values (`Builder::call_entry`).
struct CallArgs {
    /// The callee, `this` and the arguments, as far as any callee has
    /// registers for them.
    regs: Vec<V>,
    undef: V,
    /// Entry values that are boxed copies of an unboxed caller value.
    unboxed: HashMap<V, V>,
    /// The caller's state at the call.
    caller: FrameState,
}

struct Translate {
    /// The call, for the callee's frame states.
    info: Inlined,
    /// An inlined getter's: the caller's state before the GetProp, every
    /// state of the getter's (it wrote nothing: the GetProp runs again).
    restart: Option<FrameState>,
    /// The first of the callee's property sites in the caller's list.
    sites: u32,
    /// Where the callee's own inlined calls start in `Func::inlined`.
    nested_at: u32,
    /// The callee's registers at its entry.
    entry: Vec<V>,
    /// Entry values that are boxed copies of an unboxed caller value.
    unboxed: HashMap<V, V>,
    /// Callee value -> caller value.
    map: HashMap<V, V>,
    /// The callee's context, when it reads one.
    env: Option<V>,
}

/// The bytes above the caller's frame a call's callee `cp` needs
/// (`CheckFrameRoom`).
fn room_for(call: (u16, u16, u16), cp: &FuncProto) -> u32 {
    (call.1 as u32 + cp.nregs as u32 + 2) * 8
}

/// An inlinee of one block that returns (no branches, no loops, no OSR
/// entries): its instructions go where the call was.
fn is_straight(cf: &Func) -> bool {
    cf.blocks.len() == 2
        && cf.blocks[1].params.is_empty()
        && matches!(&cf.blocks[0].term, Term::Jump(e) if e.to == B(1))
        && matches!(&cf.blocks[1].term, Term::Return { .. })
}

fn constant_of(r: Repr) -> Op {
    match r {
        Repr::Int32 => Op::ConstI32(0),
        Repr::Float64 => Op::ConstF64(0),
        Repr::Bool => Op::ConstBool(false),
        Repr::Tagged => Op::ConstTagged(crate::runtime::Value::UNDEFINED.0),
    }
}
