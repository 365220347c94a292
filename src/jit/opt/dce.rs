//! Dead code elimination: pure instructions (and frame loads) whose result
//! nobody reads are removed, to a fixpoint.

use super::ir::*;

pub fn run(f: &mut Func) {
    // Values are numbered densely (`Func::new_value`): a flag per value.
    let mut used: Vec<bool> = Vec::new();
    loop {
        used.clear();
        used.resize(f.reprs.len(), false);
        let mut mark = |v: V| {
            let i = v.0 as usize;
            if i >= used.len() {
                used.resize(i + 1, false);
            }
            used[i] = true;
        };
        for b in &f.blocks {
            for ins in &b.insts {
                ins.args.iter().copied().for_each(&mut mark);
                if let Some(fs) = &ins.fs {
                    fs.for_each_value(&mut mark);
                }
            }
            b.term.uses().into_iter().for_each(&mut mark);
            for e in b.term.edges() {
                e.args.iter().copied().for_each(&mut mark);
            }
        }
        let mut removed = false;
        for b in &mut f.blocks {
            b.insts.retain(|ins| {
                let removable = ins.op.has(props::PURE) || matches!(ins.op, Op::LoadReg(_));
                let dead = removable
                    && ins
                        .res
                        .is_some_and(|r| !used.get(r.0 as usize).copied().unwrap_or(false));
                removed |= dead;
                !dead
            });
        }
        if !removed {
            return;
        }
    }
}
