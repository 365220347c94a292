//! Dead code elimination: pure instructions (and frame loads) whose result
//! nobody reads are removed, to a fixpoint.

use super::ir::*;
use std::collections::HashSet;

pub fn run(f: &mut Func) {
    loop {
        let mut used: HashSet<V> = HashSet::new();
        for b in &f.blocks {
            for ins in &b.insts {
                used.extend(ins.args.iter().copied());
                if let Some(fs) = &ins.fs {
                    used.extend(fs.values());
                }
            }
            used.extend(b.term.uses());
            for e in b.term.edges() {
                used.extend(e.args.iter().copied());
            }
        }
        let mut removed = false;
        for b in &mut f.blocks {
            b.insts.retain(|ins| {
                let removable = ins.op.has(props::PURE) || matches!(ins.op, Op::LoadReg(_));
                let dead = removable && ins.res.is_some_and(|r| !used.contains(&r));
                removed |= dead;
                !dead
            });
        }
        if !removed {
            return;
        }
    }
}
