//! The `regalloc` fuzz target's check: tier 2's pipeline and register
//! allocator on arbitrary functions.
//!
//! What it checks: for a generated, verifier-valid bytecode function (and
//! every function nested in it) whose feedback cells are filled from the
//! input (so the builder speculates int32, float64 or nothing at any site,
//! whatever the code does), the IR verifier accepts the IR after every
//! pass, and the allocations made with 1 to 7 registers per class (drawn
//! from the input), with splitting and without, pass the symbolic
//! allocation checker
//! (`jit::opt::checker`). Nothing runs: this is the allocator's own
//! target, fast enough for millions of inputs.

use crate::bytecode::feedback as fbk;
use crate::bytecode::FuncProto;
use crate::jit::opt::{checker, optimize, regalloc, OptOptions};
use arbitrary::Unstructured;

/// Feedback a site may be given (arithmetic bits as the tiers record them).
const FEEDBACK: [u64; 5] = [
    0,
    fbk::SAW_INT,
    fbk::SAW_INT | fbk::SAW_DOUBLE,
    fbk::SAW_DOUBLE,
    fbk::SAW_STRING,
];

fn check_proto(p: &FuncProto, u: &mut Unstructured) -> Result<(), String> {
    for cell in p.feedback.iter() {
        let k = u.choose_index(FEEDBACK.len()).unwrap_or(0);
        cell.set(FEEDBACK[k]);
    }
    let regs = 1 + u.choose_index(7).unwrap_or(6);
    let o = OptOptions {
        verify: true,
        ..Default::default()
    };
    let (f, _) = optimize(p, &o)?;
    // Both scans, whichever `allocate_with` would pick.
    for (how, a) in regalloc::both_with(&f, regs) {
        checker::check(&f, &a).map_err(|e| format!("{how}: {e}\n{}\n{}", f.dump(), a.dump(&f)))?;
    }
    for c in &p.children {
        check_proto(c, u)?;
    }
    Ok(())
}

/// The check (see the module doc); `Err` names the function's failure.
pub fn check(data: &[u8]) -> Result<(), String> {
    let mut u = Unstructured::new(data);
    let p = super::gen_bytecode::generate(&mut u)
        .unwrap_or_else(|_| super::gen_bytecode::from_bytes(&[]));
    check_proto(&p, &mut u)
}
