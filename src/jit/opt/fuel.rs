//! Fuel in a register: in an innermost, call-free natural loop, the
//! back edges' `Fuel` (a load, compare and store of `Vm::fuel` per
//! iteration, a dependency through memory from one iteration to the next)
//! becomes a decrement of an int32 budget carried as a header parameter.
//!
//! The preheader reserves the budget (`ReserveFuel`: b0 = min(fuel - 1,
//! i32::MAX), 0 when out, taken off `Vm::fuel`), every back edge spends one
//! unit (`FuelStep`: deopts when the budget is 0, else b - 1), and whatever
//! is left goes back (`ReturnFuel`) on every edge out of the loop and in
//! every deopt exit inside it (the frame state's `FUEL_REG` entry; but
//! `FuelStep`'s own, which deopts with nothing left), so `Vm::fuel` is
//! exact wherever anything reads it.
//!
//! Equivalence with `Fuel` (which deopts when fuel <= 1, else spends one):
//! entered with fuel F, the k-th back edge sees the budget F - k (uncapped)
//! and deopts at k = F with `Vm::fuel` = 1, as `Fuel` does; the baseline
//! code's `loop` then spends the last unit and stops. A capped budget
//! (F > 2^31) only deopts early, with more fuel left: the baseline code
//! goes on. Nothing in the loop reads `Vm::fuel` (no calls: see `licm`).
//! An inlined call's `Fuel` in a latch block is one more step on the same
//! budget (each step is one unit, so the argument holds per step; it
//! deopts to before the call, whose frame push then runs out as `Fuel`
//! would have); one anywhere else keeps the loop as it is.

use super::ir::*;

/// The frame-state "register" whose value is the loop's unspent budget:
/// the deopt exit adds it back to `Vm::fuel` instead of writing a slot.
pub const FUEL_REG: u16 = u16::MAX;

pub fn run(f: &mut Func) {
    super::licm::for_each_loop(f, transform);
}

fn transform(f: &mut Func, h: usize) {
    let preds = f.preds();
    let latches = super::licm::latches(f, h);
    let Some(body) = super::licm::natural_loop(f, h, &latches) else {
        return;
    };
    // Innermost (no other header inside), call-free, and each latch ends
    // in `Fuel` + a jump to the header; no other `Fuel` inside.
    let inner_header = body.iter().any(|&b| {
        b != h
            && preds[b]
                .iter()
                .any(|q| q.0 as usize >= b && body.contains(&(q.0 as usize)))
    });
    if inner_header {
        return;
    }
    for &b in &body {
        for i in &f.blocks[b].insts {
            if i.op.has(props::CALLS) {
                return;
            }
            // Other `Fuel`s (an inlined call's unit) only in latches, whose
            // only successor is the header: the budget entering a latch
            // is the header's, and steps follow each other in its block.
            if i.op == Op::Fuel && !latches.contains(&b) {
                return;
            }
        }
    }
    for &l in &latches {
        let blk = &f.blocks[l];
        let ok = matches!(blk.insts.last(), Some(i) if i.op == Op::Fuel)
            && matches!(&blk.term, Term::Jump(e) if e.to.0 as usize == h);
        if !ok {
            return;
        }
    }

    // The budget: a new last header parameter.
    let b = f.new_value(Repr::Int32);
    f.blocks[h].params.push(b);
    // Every frame state in the loop carries it.
    for &bi in &body {
        for ins in &mut f.blocks[bi].insts {
            if let Some(fs) = ins.fs.as_mut() {
                fs.regs.push((FUEL_REG, b));
            }
        }
    }
    // Back edges (and an inlined call's unit before them) spend one unit
    // each, in order; the states after a step carry what it left.
    for &l in &latches {
        let mut cur = b;
        for k in 0..f.blocks[l].insts.len() {
            if f.blocks[l].insts[k].op != Op::Fuel {
                if let Some(fs) = f.blocks[l].insts[k].fs.as_mut() {
                    for r in fs.regs.iter_mut().filter(|r| r.0 == FUEL_REG) {
                        r.1 = cur;
                    }
                }
                continue;
            }
            let next = f.new_value(Repr::Int32);
            let fuel = &mut f.blocks[l].insts[k];
            fuel.op = Op::FuelStep;
            fuel.args = vec![cur];
            fuel.res = Some(next);
            // It deopts only when the budget is 0: nothing to give back,
            // so its own state does not read the budget (whose register
            // the next budget then takes: `b - 1` in place).
            if let Some(fs) = fuel.fs.as_mut() {
                fs.regs.retain(|&(r, _)| r != FUEL_REG);
            }
            cur = next;
        }
        if let Term::Jump(e) = &mut f.blocks[l].term {
            e.args.push(cur);
        }
    }
    // Exits give back what is left: one new block per edge out, right
    // after its source (inserted from the last, so earlier indices hold).
    let mut exits: Vec<(usize, usize)> = Vec::new();
    for &l in &body {
        for (k, e) in f.blocks[l].term.edges().iter().enumerate() {
            if !body.contains(&(e.to.0 as usize)) {
                exits.push((l, k));
            }
        }
    }
    exits.sort_unstable_by(|a, b| b.cmp(a));
    for (l, k) in exits {
        {
            let e = f.blocks[l].term.edges()[k].clone();
            let at = l + 1;
            super::licm::insert_block(
                f,
                at,
                Block {
                    params: vec![],
                    // Fault: the budget is not given back.
                    insts: if crate::faults::Fault::FuelNotReturnedAtExit.injected() {
                        vec![]
                    } else {
                        vec![Inst {
                            op: Op::ReturnFuel,
                            args: vec![b],
                            res: None,
                            fs: None,
                        }]
                    },
                    term: Term::Jump(Edge {
                        to: B(shift(e.to.0, at)),
                        args: e.args.clone(),
                    }),
                    pc: f.blocks[l].pc,
                },
            );
            let edge = &mut f.blocks[l].term.edges_mut()[k];
            edge.to = B(at as u32);
            edge.args.clear();
        }
    }
    // The preheader reserves it (the header moved by the blocks inserted
    // before it: none, they all follow a loop block, which comes after it).
    let b0 = f.new_value(Repr::Int32);
    let hp = f.blocks[h].params.clone();
    let params: Vec<V> = hp[..hp.len() - 1]
        .iter()
        .map(|&p| {
            let r = f.repr(p);
            f.new_value(r)
        })
        .collect();
    let body_now =
        super::licm::natural_loop(f, h, &super::licm::latches(f, h)).expect("still a loop");
    let mut args = params.clone();
    args.push(b0);
    super::licm::insert_preheader(
        f,
        h,
        &body_now,
        (params, args),
        vec![Inst {
            op: Op::ReserveFuel,
            args: vec![],
            res: Some(b0),
            fs: None,
        }],
    );
}

/// Block index `to` after a block is inserted at `at`.
fn shift(to: u32, at: usize) -> u32 {
    if to as usize >= at {
        to + 1
    } else {
        to
    }
}
