//! Test-case minimization: delta debugging (ddmin) over source lines, and
//! over instructions for bytecode.
//!
//! Contract: given an input on which `fails` holds, the result is an input
//! on which `fails` holds and from which no single removable unit (a line;
//! an instruction the safety rule below allows) can be removed with
//! `fails` still holding (1-minimality), or the best input found within
//! [`MAX_TESTS`] predicate calls and [`MAX_TIME`], whichever ends first.
//!
//! Bytecode: an instruction is removed by replacing it with `Nop` (indices
//! stay valid) and the `Nop`s are compacted at the end with every jump,
//! handler and position remapped. The interpreter trusts invariants the
//! verifier does not check (see `gen_bytecode`), so only instructions
//! whose removal cannot break them are candidates: instructions that write
//! nothing but data (stores, jumps, returns ...) and instructions whose
//! only written register is an *untyped* one: never an operand that the
//! interpreter reads as a cell of a particular kind, never written with the
//! hole or a context, and below every call window. `CheckTdz`, context
//! operations, iterator starts, `Class` and `Closure`s feeding typed
//! registers stay.

use super::{fresh_copy, Divergence, DivergenceKind, OutcomeEnd};
use crate::bytecode::{jump_target, FuncProto, Handler, Insn, Opcode, OperandKind};
use std::collections::HashSet;
use std::rc::Rc;

/// Upper bound on predicate calls per minimization.
pub const MAX_TESTS: usize = 2_000;
/// Upper bound on the time of one minimization (the best input found so
/// far is returned; every returned input was checked to fail).
pub const MAX_TIME: std::time::Duration = std::time::Duration::from_secs(20);

/// Generic ddmin over `units`: returns a 1-minimal subsequence (within the
/// test budget) on which `fails` holds. `fails(units)` must hold.
pub fn ddmin<T: Clone>(units: Vec<T>, fails: &mut dyn FnMut(&[T]) -> bool) -> Vec<T> {
    let mut cur = units;
    let mut n = 2usize;
    let mut tests = 0usize;
    while cur.len() >= 2 && tests < MAX_TESTS {
        let chunk = cur.len().div_ceil(n);
        let mut reduced = false;
        let mut start = 0;
        while start < cur.len() && tests < MAX_TESTS {
            let end = (start + chunk).min(cur.len());
            let cand: Vec<T> = cur[..start].iter().chain(&cur[end..]).cloned().collect();
            tests += 1;
            if !cand.is_empty() && fails(&cand) {
                cur = cand;
                n = (n - 1).max(2);
                reduced = true;
                break;
            }
            start = end;
        }
        if !reduced {
            if n >= cur.len() {
                break;
            }
            n = (n * 2).min(cur.len());
        }
    }
    cur
}

/// Whether two divergences are "the same failure" for minimization: same
/// kind, the same plan pair, the same kinds of ends, and for crashes the
/// same panic message up to numbers (so a shrink step cannot wander off to
/// a different bug).
pub fn same_failure(a: &Divergence, b: &Divergence) -> bool {
    fn shape(e: &OutcomeEnd) -> String {
        match e {
            OutcomeEnd::Panicked(m) => m.chars().filter(|c| !c.is_ascii_digit()).collect(),
            e => e.kind().to_string(),
        }
    }
    // A crash is about one plan: the plan it is compared with may differ.
    a.kind == b.kind
        && a.left == b.left
        && (a.kind == DivergenceKind::Crash || a.right == b.right)
        && shape(&a.left_end) == shape(&b.left_end)
        && shape(&a.right_end) == shape(&b.right_end)
}

/// Minimizes a source program by lines.
pub fn minimize_source(src: &str, fails: &mut dyn FnMut(&str) -> bool) -> String {
    let lines: Vec<String> = src.lines().map(String::from).collect();
    let start = std::time::Instant::now();
    let out = ddmin(lines, &mut |ls: &[String]| {
        if start.elapsed() >= MAX_TIME {
            return false;
        }
        let mut s = ls.join("\n");
        s.push('\n');
        fails(&s)
    });
    let mut s = out.join("\n");
    s.push('\n');
    s
}

/// Registers the interpreter reads as cells of a specific kind, or that
/// hold the hole or a context (see the module doc).
pub(crate) fn typed_registers(p: &FuncProto) -> HashSet<u16> {
    let mut t: HashSet<u16> = [0, 1].into_iter().collect();
    let mut min_window = u16::MAX;
    for i in &p.code {
        match *i {
            Insn::SetProto { obj, .. } => {
                t.insert(obj);
            }
            Insn::ArrayPush { arr, .. } | Insn::ArrayHole { arr } => {
                t.insert(arr);
            }
            Insn::DefineField { obj, .. } | Insn::DefineMethod { obj, .. } => {
                t.insert(obj);
            }
            Insn::DefineAccessor {
                obj,
                getter,
                setter,
                ..
            } => {
                t.extend([obj, getter, setter]);
            }
            Insn::SetFieldInit { ctor, .. } => {
                t.insert(ctor);
            }
            Insn::Class { ctor, parent, .. } => {
                t.extend([ctor, parent]);
            }
            Insn::SetFunctionName { func, .. } => {
                t.insert(func);
            }
            Insn::SetCtx { src } | Insn::CheckTdz { src, .. } => {
                t.insert(src);
            }
            Insn::GetCtx { dst } | Insn::LdEmpty { dst } | Insn::LdCtx { dst, .. } => {
                t.insert(dst);
            }
            Insn::ForOfStart { iter, .. } | Insn::ForOfNext { iter, .. } => {
                t.extend([iter, iter + 1]);
            }
            Insn::ForInStart { iter, .. } | Insn::ForInNext { iter, .. } => {
                t.extend([iter, iter + 1, iter + 2]);
            }
            _ => {}
        }
        if let Some((base, _)) = i.window() {
            min_window = min_window.min(base);
        }
    }
    if p.has_rest && p.nparams > 0 {
        t.insert(2 + p.nparams - 1);
    }
    t.extend(min_window.min(p.nregs)..p.nregs);
    t
}

/// Whether replacing `i` with `Nop` keeps the interpreter's invariants.
pub(crate) fn removable(i: &Insn, typed: &HashSet<u16>) -> bool {
    match i.opcode() {
        Opcode::Nop
        | Opcode::CheckTdz
        | Opcode::PushCtx
        | Opcode::PopCtx
        | Opcode::CopyCtx
        | Opcode::GetCtx
        | Opcode::SetCtx
        | Opcode::ForOfStart
        | Opcode::ForInStart
        | Opcode::ForOfNext
        | Opcode::ForInNext
        | Opcode::SuperCall
        | Opcode::SuperCallForward
        // `Class` gives its constructor the `prototype` object that a
        // following `GetProp` into a typed register relies on.
        | Opcode::Class => false,
        // What it writes comes from the opcode table.
        _ => i.writes().all(|r| !typed.contains(&r)),
    }
}

/// Paths to every function of a prototype tree (child indices).
pub(crate) fn paths(p: &FuncProto, prefix: Vec<usize>, out: &mut Vec<Vec<usize>>) {
    out.push(prefix.clone());
    for (i, c) in p.children.iter().enumerate() {
        let mut q = prefix.clone();
        q.push(i);
        paths(c, q, out);
    }
}

/// A copy of `p` where the function at `path` gets `code`.
pub(crate) fn with_code(p: &FuncProto, path: &[usize], code: &[Insn]) -> FuncProto {
    let mut q = fresh_copy(p);
    match path.split_first() {
        None => q.code = code.to_vec(),
        Some((&i, rest)) => {
            q.children[i] = Rc::new(with_code(&p.children[i], rest, code));
        }
    }
    q
}

pub(crate) fn get<'a>(p: &'a FuncProto, path: &[usize]) -> &'a FuncProto {
    match path.split_first() {
        None => p,
        Some((&i, rest)) => get(&p.children[i], rest),
    }
}

/// Minimizes bytecode: per function, ddmin over the removable instructions
/// (replaced by `Nop`), then `Nop`s compacted away.
pub fn minimize_bytecode(p: &FuncProto, fails: &mut dyn FnMut(&FuncProto) -> bool) -> FuncProto {
    // One test budget for the whole tree (each function runs its own ddmin).
    let mut calls = 0usize;
    let start = std::time::Instant::now();
    let mut fails = |q: &FuncProto| {
        calls += 1;
        calls <= MAX_TESTS && start.elapsed() < MAX_TIME && fails(q)
    };
    let mut cur = fresh_copy(p);
    let mut all = Vec::new();
    paths(&cur, Vec::new(), &mut all);
    for path in all {
        let f = get(&cur, &path);
        let typed = typed_registers(f);
        let code = f.code.clone();
        let cands: Vec<usize> = (0..code.len() - 1)
            .filter(|&pc| removable(&code[pc], &typed))
            .collect();
        if cands.is_empty() {
            continue;
        }
        let base = cur;
        // ddmin over the set of candidates that stay; the rest become Nop.
        let keep = ddmin(cands.clone(), &mut |kept: &[usize]| {
            let kept: HashSet<usize> = kept.iter().copied().collect();
            let mut c = code.clone();
            for &pc in &cands {
                if !kept.contains(&pc) {
                    c[pc] = Insn::Nop {};
                }
            }
            fails(&with_code(&base, &path, &c))
        });
        let kept: HashSet<usize> = keep.into_iter().collect();
        let mut c = code.clone();
        for &pc in &cands {
            if !kept.contains(&pc) {
                c[pc] = Insn::Nop {};
            }
        }
        let cand = with_code(&base, &path, &c);
        cur = if fails(&cand) { cand } else { base };
    }
    let compact = prune_consts(&compact_nops(&cur));
    if fails(&compact) {
        compact
    } else {
        cur
    }
}

/// Removes `Nop`s (except a final one), remapping jumps, handlers and
/// positions. The result verifies whenever the input does.
pub fn compact_nops(p: &FuncProto) -> FuncProto {
    let n = p.code.len();
    let keep: Vec<bool> = p
        .code
        .iter()
        .enumerate()
        .map(|(pc, i)| !matches!(i, Insn::Nop {}) || pc + 1 == n)
        .collect();
    // new index of each old pc (a removed pc maps to the next kept one).
    let mut map = vec![0u32; n + 1];
    let mut next = 0u32;
    for pc in 0..n {
        map[pc] = next;
        if keep[pc] {
            next += 1;
        }
    }
    map[n] = next;
    let mut code = Vec::new();
    for (pc, i) in p.code.iter().enumerate() {
        if !keep[pc] {
            continue;
        }
        let mut i = *i;
        let new_pc = map[pc] as i64;
        if let Some(off) = i.jump_mut() {
            let t = jump_target(pc, *off) as usize;
            *off = (map[t] as i64 - (new_pc + 1)) as i32;
        }
        code.push(i);
    }
    let handlers = p
        .handlers
        .iter()
        .map(|h| Handler {
            start: map[h.start as usize],
            end: map[h.end as usize],
            target: map[h.target as usize],
            exc: h.exc,
        })
        .collect();
    let positions = p
        .positions
        .iter()
        .map(|&(pc, l, c)| (map[(pc as usize).min(n)], l, c))
        .collect();
    let mut q = FuncProto::new(
        p.name.clone(),
        p.kind,
        p.nparams,
        p.has_rest,
        p.nregs,
        p.length,
        code,
        p.consts.clone(),
        p.children
            .iter()
            .map(|c| Rc::new(compact_nops(c)))
            .collect(),
        handlers,
        p.nfeedback,
        positions,
    );
    q.callee_names = p
        .callee_names
        .iter()
        .filter(|(pc, _)| (*pc as usize) < n && keep[*pc as usize])
        .map(|(pc, s)| (map[*pc as usize], s.clone()))
        .collect();
    q
}

/// Drops the constants no instruction uses (in every function of the
/// tree), renumbering the constant operands: the same program, shorter
/// text.
pub fn prune_consts(p: &FuncProto) -> FuncProto {
    let mut used = vec![false; p.consts.len()];
    for i in &p.code {
        for (k, v) in i.operands() {
            if k == OperandKind::Konst {
                used[v as usize] = true;
            }
        }
    }
    let mut map = vec![0i64; p.consts.len()];
    let mut consts = Vec::new();
    for (i, c) in p.consts.iter().enumerate() {
        if used[i] {
            map[i] = consts.len() as i64;
            consts.push(c.clone());
        }
    }
    let code: Vec<Insn> = p
        .code
        .iter()
        .map(|i| {
            let ops: Vec<i64> = i
                .operands()
                .into_iter()
                .map(|(k, v)| {
                    if k == OperandKind::Konst {
                        map[v as usize]
                    } else {
                        v
                    }
                })
                .collect();
            Insn::from_operands(i.opcode(), &ops).expect("same operands, smaller indices")
        })
        .collect();
    let mut q = FuncProto::new(
        p.name.clone(),
        p.kind,
        p.nparams,
        p.has_rest,
        p.nregs,
        p.length,
        code,
        consts,
        p.children
            .iter()
            .map(|c| Rc::new(prune_consts(c)))
            .collect(),
        p.handlers.clone(),
        p.nfeedback,
        p.positions.clone(),
    );
    q.callee_names = p.callee_names.clone();
    q
}
