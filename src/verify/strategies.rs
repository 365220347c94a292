//! Proptest strategies over the harness's generators (cargo feature
//! `proptest`), for this crate's property tests and other crates' (a JIT
//! engineer's own passes tested against the interpreter):
//!
//! ```ignore
//! use jolt::verify::strategies::{check, program};
//! proptest::proptest! {
//!     #[test]
//!     fn every_plan_agrees(p in program()) { check(&p)?; }
//! }
//! ```
//!
//! - [`program`]: a generated source program (`gen_source`: Milestone 1 and
//!   2, terminating, node-comparable); [`bytecode_function`]: a generated,
//!   verified bytecode function tree (`gen_bytecode`); [`schedule`]: a GC
//!   and tier schedule; [`plans`] / [`plan`]: the harness plans.
//! - Shrinking works on the program, not on the generator's bytes: a
//!   failing source program loses whole statements (a function, loop or
//!   `if` with its block, or a single line), then its number literals
//!   become `0` and its string literals `""`; a failing bytecode function
//!   loses nested functions nothing creates, then instructions (only those
//!   the minimizer may remove without breaking what the interpreter
//!   trusts: `minimize::removable`), then its integer immediates and
//!   number constants become 0.
//!
//! Invariants: every value a strategy yields, and every shrink of it,
//! compiles (source) or passes the verifier (bytecode): a candidate that
//! does not is skipped. Shrinking terminates: each accepted step removes a
//! line or an instruction, or turns a non-zero literal into zero.

use super::minimize::{
    compact_nops, get, paths, prune_consts, removable, typed_registers, with_code,
};
use super::{fresh_copy, fuzz, gen_bytecode, gen_source, Plan, Program, Schedule};
use crate::bytecode::{text, verify::verify, Const, FuncProto, Insn};
use ::proptest::collection::vec;
use ::proptest::prelude::*;
use ::proptest::strategy::{NewTree, ValueTree};
use ::proptest::test_runner::{TestCaseError, TestRunner};
use std::fmt;
use std::rc::Rc;

/// Generator input sizes: enough bytes for programs of a few dozen
/// statements (the generator stops when its bytes run out).
const MIN_BYTES: usize = 16;
const MAX_BYTES: usize = 1200;

// ----------------------------------------------------------------- plans

/// The harness plans every program is checked under ([`Plan::DEFAULT`]).
pub fn plans() -> &'static [Plan] {
    Plan::DEFAULT
}

/// One of [`plans`] (shrinks towards the first, the plain interpreter).
pub fn plan() -> impl Strategy<Value = Plan> {
    ::proptest::sample::select(Plan::DEFAULT)
}

/// A run schedule (the GC interval of the scheduled plan, the random
/// tier thresholds); shrinks towards the default schedule (seed 0).
pub fn schedule() -> impl Strategy<Value = Schedule> {
    any::<u64>().prop_map(Schedule::from_seed)
}

// ---------------------------------------------------------------- source

/// A generated source program, one statement per line.
#[derive(Clone, PartialEq, Eq)]
pub struct JsProgram {
    lines: Vec<String>,
}

impl JsProgram {
    pub fn source(&self) -> String {
        let mut s = self.lines.join("\n");
        s.push('\n');
        s
    }
    pub fn lines(&self) -> &[String] {
        &self.lines
    }
}

impl fmt::Display for JsProgram {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.source())
    }
}

/// The source text itself, so a shrunk failure reads as a program.
impl fmt::Debug for JsProgram {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "JsProgram:\n{}", self.source())
    }
}

/// Generated source programs, shrinking by statements and constants.
pub fn program() -> ProgramStrategy {
    ProgramStrategy
}

#[derive(Clone, Copy, Debug)]
pub struct ProgramStrategy;

impl Strategy for ProgramStrategy {
    type Tree = Shrinker<SourceEdits>;
    type Value = JsProgram;
    fn new_tree(&self, runner: &mut TestRunner) -> NewTree<Self> {
        let bytes = vec(any::<u8>(), MIN_BYTES..MAX_BYTES)
            .new_tree(runner)?
            .current();
        let src = gen_source::from_bytes(&bytes);
        let lines = src.lines().map(str::to_string).collect();
        Ok(Shrinker::new(JsProgram { lines }))
    }
}

/// One way to make a source program smaller.
#[derive(Clone, Debug)]
pub enum SourceEdit {
    /// Lines `start..end` (a statement with its block).
    Remove(usize, usize),
    /// Byte range of a literal on a line, and its simpler text.
    Literal(usize, usize, usize, &'static str),
}

pub struct SourceEdits;

/// The lines a statement starting at `i` spans: a line that opens a block
/// (ends in `{`, `(` or `[`) runs to the line at its own indentation that
/// closes it, across `} else {` / `} catch (e) {` continuations.
fn statement_end(lines: &[String], i: usize) -> usize {
    let indent = |l: &str| l.len() - l.trim_start().len();
    let d = indent(&lines[i]);
    let mut j = i + 1;
    let opens = |l: &str| matches!(l.trim_end().chars().last(), Some('{' | '(' | '['));
    if !opens(&lines[i]) {
        return j;
    }
    while j < lines.len() {
        let l = &lines[j];
        if indent(l) > d || l.trim().is_empty() {
            j += 1;
        } else if indent(l) == d && l.trim_start().starts_with(['}', ')', ']']) {
            j += 1;
            if !opens(l) {
                break;
            }
        } else {
            break;
        }
    }
    j
}

/// Number and string literals of a line: (start, end, replacement), for
/// those not already the simplest.
fn literals(line: &str) -> Vec<(usize, usize, &'static str)> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'$';
    while i < b.len() {
        let c = b[i];
        if c == b'"' || c == b'\'' {
            let mut j = i + 1;
            while j < b.len() && b[j] != c {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(b.len());
            if end - i > 2 {
                out.push((i, end, if c == b'"' { "\"\"" } else { "''" }));
            }
            i = end;
        } else if c == b'`' {
            // A template: its text stays, the code of each `${...}` is
            // scanned like any code (to the brace that closes it).
            let mut j = i + 1;
            while j < b.len() && b[j] != b'`' {
                if b[j] == b'\\' {
                    j += 2;
                } else if b[j] == b'$' && b.get(j + 1) == Some(&b'{') {
                    let (start, mut depth) = (j + 2, 1);
                    j = start;
                    while j < b.len() && depth > 0 {
                        match b[j] {
                            b'{' => depth += 1,
                            b'}' => depth -= 1,
                            _ => {}
                        }
                        j += 1;
                    }
                    if depth > 0 {
                        return out; // Not closed on this line: leave the rest.
                    }
                    let inner = literals(&line[start..j - 1]);
                    out.extend(inner.into_iter().map(|(s, e, w)| (s + start, e + start, w)));
                } else {
                    j += 1;
                }
            }
            i = j + 1;
        } else if c == b'/' && b.get(i + 1) == Some(&b'/') {
            // Comments are left as they are.
            break;
        } else if c.is_ascii_digit() && (i == 0 || !(word(b[i - 1]) || b[i - 1] == b'.')) {
            let mut j = i;
            while j < b.len() && (word(b[j]) || b[j] == b'.') {
                j += 1;
            }
            if &line[i..j] != "0" {
                out.push((i, j, "0"));
            }
            i = j;
        } else if word(c) {
            while i < b.len() && word(b[i]) {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    out
}

/// What a shrinker edits: the value, its edits (smaller values first), and
/// whether a candidate is still a valid input.
pub trait Edits {
    type Value: Clone + fmt::Debug;
    type Edit: Clone;
    fn edits(v: &Self::Value) -> Vec<Self::Edit>;
    fn apply(v: &Self::Value, e: &Self::Edit) -> Option<Self::Value>;
}

impl Edits for SourceEdits {
    type Value = JsProgram;
    type Edit = SourceEdit;
    fn edits(p: &JsProgram) -> Vec<SourceEdit> {
        let lines = &p.lines;
        let mut out = Vec::new();
        for i in 0..lines.len() {
            let t = lines[i].trim_start();
            if t.is_empty() || t.starts_with(['}', ')', ']']) {
                continue;
            }
            out.push(SourceEdit::Remove(i, statement_end(lines, i)));
        }
        // Bigger statements first: a whole function before its lines.
        out.sort_by_key(|e| match e {
            SourceEdit::Remove(s, e) => (usize::MAX - (e - s), *s),
            _ => (0, 0),
        });
        for (i, l) in lines.iter().enumerate() {
            for (s, e, with) in literals(l) {
                out.push(SourceEdit::Literal(i, s, e, with));
            }
        }
        out
    }
    fn apply(p: &JsProgram, e: &SourceEdit) -> Option<JsProgram> {
        let mut lines = p.lines.clone();
        match *e {
            SourceEdit::Remove(s, e) => {
                lines.drain(s..e);
            }
            SourceEdit::Literal(i, s, e, with) => {
                lines[i].replace_range(s..e, with);
            }
        }
        let q = JsProgram { lines };
        crate::compile_source(&q.source(), "shrink.js").ok()?;
        Some(q)
    }
}

/// A value tree that shrinks by trying edits one at a time: a candidate
/// that still fails is kept (and editing restarts on it), one that passes
/// is dropped for the next edit.
pub struct Shrinker<E: Edits> {
    current: E::Value,
    candidate: Option<E::Value>,
    /// The edits of `current` and the next one to try.
    edits: Vec<E::Edit>,
    next: usize,
}

impl<E: Edits> Shrinker<E> {
    fn new(v: E::Value) -> Self {
        let edits = E::edits(&v);
        Shrinker {
            current: v,
            candidate: None,
            edits,
            next: 0,
        }
    }

    /// The next edit of `current` that gives a valid candidate.
    fn advance(&mut self) -> bool {
        while self.next < self.edits.len() {
            let e = self.edits[self.next].clone();
            self.next += 1;
            if let Some(c) = E::apply(&self.current, &e) {
                self.candidate = Some(c);
                return true;
            }
        }
        false
    }
}

impl<E: Edits> ValueTree for Shrinker<E> {
    type Value = E::Value;
    fn current(&self) -> E::Value {
        self.candidate
            .clone()
            .unwrap_or_else(|| self.current.clone())
    }
    fn simplify(&mut self) -> bool {
        // The last candidate failed too: it is the new value to shrink.
        if let Some(c) = self.candidate.take() {
            self.edits = E::edits(&c);
            self.current = c;
            self.next = 0;
        }
        self.advance()
    }
    fn complicate(&mut self) -> bool {
        // The last candidate passed: back to `current`, try the next edit.
        self.candidate = None;
        self.advance()
    }
}

// -------------------------------------------------------------- bytecode

/// A generated bytecode function tree (it passes the verifier).
#[derive(Clone)]
pub struct BytecodeFunction(pub Rc<FuncProto>);

impl fmt::Debug for BytecodeFunction {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "BytecodeFunction:\n{}", text::print(&self.0))
    }
}

/// Generated bytecode, shrinking by instructions and immediates.
pub fn bytecode_function() -> BytecodeStrategy {
    BytecodeStrategy
}

#[derive(Clone, Copy, Debug)]
pub struct BytecodeStrategy;

impl Strategy for BytecodeStrategy {
    type Tree = Shrinker<BytecodeEdits>;
    type Value = BytecodeFunction;
    fn new_tree(&self, runner: &mut TestRunner) -> NewTree<Self> {
        let bytes = vec(any::<u8>(), MIN_BYTES..MAX_BYTES)
            .new_tree(runner)?
            .current();
        let p = gen_bytecode::from_bytes(&bytes);
        Ok(Shrinker::new(BytecodeFunction(Rc::new(p))))
    }
}

pub struct BytecodeEdits;

/// One way to make a bytecode function tree smaller (each at a function,
/// named by its path of child indices).
#[derive(Clone, Debug)]
pub enum BytecodeEdit {
    /// The instruction at pc becomes `Nop` (then compacted away) or a
    /// simpler one.
    Put(Vec<usize>, usize, Insn),
    /// A nested function no `Closure` creates is dropped.
    DropChild(Vec<usize>, usize),
    /// A number constant becomes 0.
    ZeroConst(Vec<usize>, usize),
}

/// A copy of `p` with `f` applied to the function at `path`.
fn edit_at(p: &FuncProto, path: &[usize], f: &mut dyn FnMut(&mut FuncProto)) -> FuncProto {
    let mut q = fresh_copy(p);
    match path.split_first() {
        None => f(&mut q),
        Some((&i, rest)) => q.children[i] = Rc::new(edit_at(&p.children[i], rest, f)),
    }
    q
}

impl Edits for BytecodeEdits {
    type Value = BytecodeFunction;
    type Edit = BytecodeEdit;
    fn edits(f: &BytecodeFunction) -> Vec<BytecodeEdit> {
        let mut all = Vec::new();
        paths(&f.0, Vec::new(), &mut all);
        let (mut drops, mut removals, mut consts) = (Vec::new(), Vec::new(), Vec::new());
        for path in all {
            let p = get(&f.0, &path);
            let typed = typed_registers(p);
            for c in 0..p.children.len() {
                if !p
                    .code
                    .iter()
                    .any(|i| matches!(i, Insn::Closure { func, .. } if *func as usize == c))
                {
                    drops.push(BytecodeEdit::DropChild(path.clone(), c));
                }
            }
            // The last instruction stays (code must end in a terminator).
            for pc in 0..p.code.len().saturating_sub(1) {
                let i = p.code[pc];
                if removable(&i, &typed) {
                    removals.push(BytecodeEdit::Put(path.clone(), pc, Insn::Nop {}));
                }
                if let Insn::LdInt { dst, imm } = i {
                    if imm != 0 {
                        consts.push(BytecodeEdit::Put(
                            path.clone(),
                            pc,
                            Insn::LdInt { dst, imm: 0 },
                        ));
                    }
                }
            }
            for (k, c) in p.consts.iter().enumerate() {
                if matches!(c, Const::Num(n) if *n != 0.0 || n.is_sign_negative()) {
                    consts.push(BytecodeEdit::ZeroConst(path.clone(), k));
                }
            }
        }
        // Whole functions first, then instructions, then constants.
        drops.extend(removals);
        drops.extend(consts);
        drops
    }
    fn apply(f: &BytecodeFunction, e: &BytecodeEdit) -> Option<BytecodeFunction> {
        let q = match e {
            BytecodeEdit::Put(path, pc, insn) => {
                let mut code = get(&f.0, path).code.clone();
                code[*pc] = *insn;
                let q = with_code(&f.0, path, &code);
                if matches!(insn, Insn::Nop {}) {
                    prune_consts(&compact_nops(&q))
                } else {
                    q
                }
            }
            BytecodeEdit::DropChild(path, c) => edit_at(&f.0, path, &mut |p| {
                p.children.remove(*c);
                for i in p.code.iter_mut() {
                    if let Insn::Closure { func, .. } = i {
                        if *func as usize > *c {
                            *func -= 1;
                        }
                    }
                }
            }),
            BytecodeEdit::ZeroConst(path, k) => edit_at(&f.0, path, &mut |p| {
                p.consts[*k] = Const::Num(0.0);
            }),
        };
        verify(&q).ok()?;
        Some(BytecodeFunction(Rc::new(q)))
    }
}

// ---------------------------------------------------------------- checks

/// Runs `program` under every plan with the fuzzers' limits and the given
/// schedule; a divergence fails the test case with its report.
pub fn check_scheduled(program: &JsProgram, schedule: Schedule) -> Result<(), TestCaseError> {
    let src = program.source();
    let rep = super::report(Program::Source(&src), plans(), &fuzz::fuzz_config(schedule));
    match rep.divergence {
        Some(d) => Err(TestCaseError::fail(format!("{d}\n{src}"))),
        None => Ok(()),
    }
}

/// [`check_scheduled`] with the default schedule.
pub fn check(program: &JsProgram) -> Result<(), TestCaseError> {
    check_scheduled(program, Schedule::default())
}

/// Runs a bytecode function under every plan (as [`check_scheduled`]).
pub fn check_bytecode(f: &BytecodeFunction, schedule: Schedule) -> Result<(), TestCaseError> {
    let rep = super::report(
        Program::Bytecode(&f.0),
        plans(),
        &fuzz::fuzz_config(schedule),
    );
    match rep.divergence {
        Some(d) => Err(TestCaseError::fail(format!("{d}\n{f:?}"))),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prog(src: &str) -> JsProgram {
        JsProgram {
            lines: src.lines().map(str::to_string).collect(),
        }
    }

    #[test]
    fn statements_span_their_blocks_and_continuations() {
        let p = prog(
            "let a = 1;\nif (a) {\n  print(a);\n} else {\n  print(2);\n}\nfunction f() {\n  return 1;\n}\nprint(f());",
        );
        assert_eq!(statement_end(&p.lines, 0), 1);
        assert_eq!(statement_end(&p.lines, 1), 6);
        assert_eq!(statement_end(&p.lines, 2), 3);
        assert_eq!(statement_end(&p.lines, 6), 9);
    }

    #[test]
    fn literals_skip_names_and_zeros() {
        let l = r#"let x1 = 25 + y.a2 - 0 + "ab\"c" + '' + 1.5e3;"#;
        let got: Vec<&str> = literals(l).iter().map(|&(s, e, _)| &l[s..e]).collect();
        assert_eq!(got, ["25", r#""ab\"c""#, "1.5e3"]);
    }

    #[test]
    fn literals_inside_template_substitutions_but_not_its_text() {
        let l = r#"print(`a7 ${100 + f({ k: "s" })} b${2}`, 3); // 9"#;
        let got: Vec<&str> = literals(l).iter().map(|&(s, e, _)| &l[s..e]).collect();
        assert_eq!(got, ["100", r#""s""#, "2", "3"]);
    }
}
