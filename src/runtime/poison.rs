//! Dead-register poisoning (`Options::poison_dead`, the harness's
//! `interp-poison-dead` plan): the check that bytecode liveness is right.
//!
//! What it checks: at every loop back edge (at the loop header) and every
//! return into a caller's frame (at the caller's resume pc), each register
//! that `bytecode::liveness` reports dead is overwritten with the poison
//! value, a null-prototype object. Liveness is right iff no such register
//! is read before it is written again, so iff the program's outcome does
//! not change: a poisoned read prints as `[Object: null prototype] {}`,
//! throws on any conversion to a primitive ("Cannot convert object to
//! primitive value"), is truthy where `undefined` was not, and so on. The
//! harness compares the run with the interpreter's.
//!
//! The optimizing tier builds deoptimization frame states from the same
//! liveness (a register it calls dead is not materialized), so a wrong
//! answer here is a miscompile there.
//!
//! Invariants: the poison object is a root (`Intrinsic::Poison`) made at
//! the first poisoning; a frame that returns to Rust (an entry frame) does
//! not poison its caller, whose instruction is still running.

use crate::bytecode::liveness::Liveness;
use crate::bytecode::FuncProto;
use crate::runtime::{Intrinsic, Value, Vm};
use std::collections::HashMap;
use std::rc::Rc;

/// Liveness per prototype, computed once (prototypes outlive the VM's
/// frames, see `Vm::scripts`).
#[derive(Default)]
pub struct PoisonState {
    live: HashMap<*const FuncProto, Rc<Liveness>>,
    /// The last prototype asked for and its entry (a loop asks again and
    /// again).
    last: Option<(*const FuncProto, Rc<Liveness>)>,
}

impl Vm {
    /// Poisons the registers of the frame at `fp` (a frame of `p`) that are
    /// dead before `p.code[pc]`. A no-op unless `Options::poison_dead`.
    #[inline]
    pub fn poison_dead(&mut self, p: &FuncProto, fp: usize, pc: usize) {
        if self.opts.poison_dead && pc < p.code.len() {
            self.poison_dead_slow(p, fp, pc);
        }
    }

    #[cold]
    fn poison_dead_slow(&mut self, p: &FuncProto, fp: usize, pc: usize) {
        let mut poison = self.intrinsic(Intrinsic::Poison);
        if poison.is_undefined() {
            // Registers are roots, so allocating here is safe; without
            // memory, poisoning is skipped (the run ends out of memory
            // soon anyway, in every plan alike).
            match self.new_object(Value::NULL) {
                Ok(o) => {
                    self.intrinsics[Intrinsic::Poison as usize] = o;
                    poison = o;
                }
                Err(_) => return,
            }
        }
        let key = p as *const FuncProto;
        let live = match &self.poison_state.last {
            Some((k, l)) if *k == key => l.clone(),
            _ => {
                let l = self
                    .poison_state
                    .live
                    .entry(key)
                    .or_insert_with(|| Rc::new(liveness_for_poison(p)))
                    .clone();
                self.poison_state.last = Some((key, l.clone()));
                l
            }
        };
        for r in live.dead_at(pc) {
            self.stack[fp + r as usize] = poison;
        }
    }
}

/// `p`'s liveness, with the fault `liveness-drops-live-register` applied
/// when it is injected: at every pc, the lowest live local (a register
/// above the parameters) is reported dead.
fn liveness_for_poison(p: &FuncProto) -> Liveness {
    let mut l = Liveness::compute(p);
    if crate::faults::Fault::LivenessDropsLiveRegister.injected() {
        let first_local = 2 + p.nparams;
        for pc in 0..l.len() {
            let lowest = l.live_in(pc).find(|&r| r >= first_local);
            if let Some(r) = lowest {
                l.drop_register(pc, r);
            }
        }
    }
    l
}
