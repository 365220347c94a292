//! Bytecode programs that the verifier accepts and the interpreter can run
//! safely, by construction, from fuzzer bytes.
//!
//! The interpreter trusts typed invariants the verifier does not check (a
//! context exists for `LdCtx`, `ArrayPush` gets an array, the hole never
//! reaches an ordinary operator, an iterator register was started ...).
//! The generator keeps them with a register discipline, per function:
//!
//! ```text
//! r0 callee, r1 this          never written by generated code; r1 is read
//!                             only through `CheckTdz r1` (it is the hole in
//!                             a derived constructor before super())
//! params, value regs V        any JavaScript value, never the hole
//! tdz regs T                  the hole or a value: written by LdEmpty/LdCtx/
//!                             Mov, read only by CheckTdz, by the Mov right
//!                             after a CheckTdz, and as a Class parent
//! object scratch O            written by NewObject or `GetProp O, K,
//!                             "prototype"` right before the ops using it
//! array scratch A, class K    A only by NewArray, K only by Closure
//! ctx-save S[d], counters     GetCtx/SetCtx only; loop counters LdInt/Inc
//!   C[d], iterators I[d]      iterators only by ForOf/ForIn Start/Next
//! call window W..             the top registers (callee frames overlap them)
//! ```
//! Contexts: the static context stack (slot counts, inherited from the
//! closure site) is tracked; `LdCtx`/`StCtx` name only existing slots;
//! `PushCtx`/`PopCtx` are well nested and never crossed by a jump; a
//! `try` saves the context with `GetCtx` and its handler restores it with
//! `SetCtx`. Handlers never cover their own code (a throw there would loop
//! without spending fuel). Every backward jump is a `Loop`.
//! Names are string constants from fixed lists that leave out anything
//! nondeterministic (`random`, `now`, `Date`, `performance`).

use super::patterns::{self, Pattern};
use super::SplitMix;
use crate::bytecode::{Const, FuncKind, FuncProto, Handler, Insn};
use arbitrary::{Result, Unstructured};
use std::rc::Rc;

const NUMS: &[f64] = &[
    0.0,
    -0.0,
    1.0,
    -1.0,
    2147483647.0,
    2147483648.0,
    -2147483648.0,
    -2147483649.0,
    4294967296.0,
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    1.5,
    -0.5,
    1e21,
    5e-324,
];
const STRS: &[&str] = &[
    "",
    "a",
    "x",
    "y",
    "0",
    "1",
    "-0",
    "NaN",
    "abc",
    "10",
    "length",
    "toString",
    "valueOf",
    "constructor",
    "prototype",
    "name",
    "message",
    "__proto__",
    "\u{e9}\u{1F600}",
    "Cannot destructure '%t' as it is %v.",
];
/// Globals that exist and are deterministic.
const GLOBALS: &[&str] = &[
    "print",
    "Math",
    "Object",
    "Array",
    "String",
    "Number",
    "Boolean",
    "JSON",
    "Map",
    "Set",
    "undefined",
    "NaN",
    "Infinity",
    "globalThis",
    "parseInt",
    "parseFloat",
    "isNaN",
    "isFinite",
    "Error",
    "TypeError",
    "RangeError",
    "console",
    "nope",
];
/// Property names (methods of the builtins above, plus plain data names).
const PROPS: &[&str] = &[
    "x",
    "y",
    "a",
    "length",
    "push",
    "pop",
    "shift",
    "abs",
    "floor",
    "max",
    "min",
    "sqrt",
    "sin",
    "pow",
    "keys",
    "values",
    "toString",
    "valueOf",
    "constructor",
    "prototype",
    "name",
    "message",
    "join",
    "slice",
    "log",
    "stringify",
    "0",
    "1",
    "call",
    "apply",
    "bind",
    "fromCharCode",
    "charCodeAt",
    "defineProperty",
    "freeze",
    "getPrototypeOf",
    "create",
    "isInteger",
    "toFixed",
    "map",
    "reduce",
    "indexOf",
    "concat",
    "repeat",
    "sort",
    "assign",
    "split",
    "reverse",
    "includes",
    "charAt",
    "trim",
    "padStart",
    "fill",
    "filter",
    "is",
    "isArray",
    "ceil",
];
/// (global, method) pairs that exist: calls that mostly succeed.
const METHODS: &[(&str, &str)] = &[
    ("Math", "max"),
    ("Math", "min"),
    ("Math", "abs"),
    ("Math", "floor"),
    ("Math", "ceil"),
    ("Math", "sqrt"),
    ("Math", "pow"),
    ("Math", "sin"),
    ("Object", "keys"),
    ("Object", "values"),
    ("Object", "freeze"),
    ("Object", "getPrototypeOf"),
    ("Object", "create"),
    ("Object", "assign"),
    ("Object", "is"),
    ("Object", "defineProperty"),
    ("Array", "isArray"),
    ("String", "fromCharCode"),
    ("JSON", "stringify"),
    ("Number", "isInteger"),
];

const MAX_ARGS: u16 = 3;
const MAX_FUNCS: usize = 8;
const MAX_LOOP_DEPTH: usize = 3;
const MAX_TRY_DEPTH: usize = 3;
const NTDZ: u16 = 2;

/// Register layout of one generated function (see the module doc).
#[derive(Clone, Debug)]
struct Layout {
    nparams: u16,
    /// Value registers: params (maybe without the rest array) and locals.
    values: Vec<u16>,
    tdz: u16,
    obj: u16,
    arr: u16,
    class: u16,
    save: u16,
    counter: u16,
    iter: u16,
    window: u16,
    nregs: u16,
}

impl Layout {
    fn new(nparams: u16, rest_readonly: bool, nlocals: u16) -> Layout {
        let mut values: Vec<u16> = (2..2 + nparams).collect();
        if rest_readonly {
            values.pop();
        }
        let first_local = 2 + nparams;
        values.extend(first_local..first_local + nlocals);
        let tdz = first_local + nlocals;
        let obj = tdz + NTDZ;
        let arr = obj + 1;
        let class = arr + 1;
        let save = class + 1;
        let counter = save + MAX_TRY_DEPTH as u16;
        let iter = counter + MAX_LOOP_DEPTH as u16;
        let window = iter + 3 * MAX_LOOP_DEPTH as u16;
        Layout {
            nparams,
            values,
            tdz,
            obj,
            arr,
            class,
            save,
            counter,
            iter,
            window,
            nregs: window + 2 + MAX_ARGS,
        }
    }
}

/// Shared by all functions of one program.
struct Program<'a, 'b> {
    u: &'a mut Unstructured<'b>,
    consts: Vec<Const>,
    funcs: usize,
    /// Instruction budget left for the whole program.
    budget: usize,
    /// The JIT-shaped patterns emitted (`gen_pattern`).
    patterns: Vec<Pattern>,
}

impl Program<'_, '_> {
    /// Picks a name from `list` and returns its constant index.
    fn name(&mut self, list: &[&str]) -> Result<u16> {
        let n = pick(self.u, list)?;
        Ok(self.str_const(n))
    }
    fn str_const(&self, s: &str) -> u16 {
        let units: Vec<u16> = s.encode_utf16().collect();
        self.consts
            .iter()
            .position(|c| matches!(c, Const::Str(x) if **x == *units))
            .expect("every name is in the pool") as u16
    }
}

struct Func {
    kind: FuncKind,
    lay: Layout,
    has_rest: bool,
    code: Vec<Insn>,
    children: Vec<Rc<FuncProto>>,
    handlers: Vec<Handler>,
    nfeedback: u16,
    /// Static context stack, outermost first (slot counts).
    ctx: Vec<u16>,
    /// Contexts inherited from the closure site (cannot be popped).
    inherited: usize,
    loop_depth: usize,
    try_depth: usize,
    /// A value register that last received a class (a likely `extends`).
    last_class: Option<u16>,
    /// Contexts pushed at the entry of each enclosing loop (for `break`).
    loop_ctx: Vec<(usize, Vec<usize>)>,
    /// Whether `r1` may be read (this is not a derived constructor, or
    /// the reads go through CheckTdz anyway).
    depth: usize,
}

impl Func {
    fn fb(&mut self) -> u16 {
        self.nfeedback += 1;
        self.nfeedback - 1
    }
    fn emit(&mut self, i: Insn) -> usize {
        self.code.push(i);
        self.code.len() - 1
    }
    /// Points the jump at `at` to `target`.
    fn patch(&mut self, at: usize, target: usize) {
        let off = target as i64 - (at as i64 + 1);
        *self.code[at].jump_mut().expect("a jump") = off as i32;
    }
    fn here(&self) -> usize {
        self.code.len()
    }
    /// Ends a loop: the back edge (a fuel-spending `Loop`) to `head`, then
    /// points its exit jump and its `break`s past it.
    fn close_loop(&mut self, head: usize, exit_jump: usize, breaks: Vec<usize>) {
        let back = self.emit(Insn::Loop { off: 0 });
        self.patch(back, head);
        let exit = self.here();
        self.patch(exit_jump, exit);
        for b in breaks {
            self.patch(b, exit);
        }
    }
}

fn pick<T: Copy>(u: &mut Unstructured, xs: &[T]) -> Result<T> {
    Ok(*u.choose(xs)?)
}

/// Generates one program (a script prototype with nested functions).
/// Never fails: exhausted input reads as zeros, which still makes a valid
/// (small) program.
pub fn generate(u: &mut Unstructured) -> Result<FuncProto> {
    generate_counted(u).map(|(p, _)| p)
}

/// `generate`, with the JIT-shaped patterns the program contains.
pub fn generate_counted(u: &mut Unstructured) -> Result<(FuncProto, Vec<Pattern>)> {
    let mut consts: Vec<Const> = NUMS.iter().map(|&n| Const::Num(n)).collect();
    let mut names: Vec<&str> = STRS.to_vec();
    names.extend(GLOBALS);
    names.extend(PROPS);
    names.push("this");
    for n in names {
        let units: Vec<u16> = n.encode_utf16().collect();
        if !consts
            .iter()
            .any(|c| matches!(c, Const::Str(x) if **x == *units))
        {
            consts.push(Const::Str(units.into()));
        }
    }
    let budget = 60 + u.int_in_range(0..=240usize)?;
    let mut prog = Program {
        u,
        consts,
        funcs: 1,
        budget,
        patterns: Vec::new(),
    };
    let p = gen_function(&mut prog, FuncKind::Script, Vec::new(), 0)?;
    // Each function keeps only the constants it uses (readable text form).
    Ok((super::minimize::prune_consts(&p), prog.patterns))
}

/// `generate` from raw bytes (what the fuzz targets and proptests call).
pub fn from_bytes(data: &[u8]) -> FuncProto {
    let mut u = Unstructured::new(data);
    match generate(&mut u) {
        Ok(p) => p,
        // Only reachable if arbitrary's reads fail, which they do not on
        // exhausted input; keep a valid program anyway.
        Err(_) => generate(&mut Unstructured::new(&[])).expect("empty input generates"),
    }
}

/// A program from a seed (for `jolt fuzz` and tests).
pub fn from_seed(seed: u64, len: usize) -> FuncProto {
    let mut r = SplitMix(seed);
    let bytes: Vec<u8> = (0..len).map(|_| r.next_u64() as u8).collect();
    from_bytes(&bytes)
}

fn gen_function(
    prog: &mut Program,
    kind: FuncKind,
    env: Vec<u16>,
    depth: usize,
) -> Result<FuncProto> {
    let u = &mut *prog.u;
    let forward = kind == FuncKind::DerivedConstructor && u.ratio(1, 3)?;
    let (nparams, has_rest) = if kind == FuncKind::Script {
        (0, false)
    } else if forward {
        (1, true)
    } else {
        let n = u.int_in_range(0..=3u16)?;
        (n, n > 0 && u.ratio(1, 5)?)
    };
    let nlocals = u.int_in_range(3..=7u16)?;
    let lay = Layout::new(nparams, forward, nlocals);
    let inherited = env.len();
    let mut f = Func {
        kind,
        lay,
        has_rest,
        code: Vec::new(),
        children: Vec::new(),
        handlers: Vec::new(),
        nfeedback: 0,
        ctx: env,
        inherited,
        loop_depth: 0,
        try_depth: 0,
        last_class: None,
        loop_ctx: Vec::new(),
        depth,
    };
    // Locals start undefined (the frame does that); give some a value.
    if forward && prog.u.ratio(1, 2)? {
        let d = f.lay.values[0];
        f.emit(Insn::SuperCallForward { dst: d });
    }
    if kind == FuncKind::DerivedConstructor && prog.u.ratio(2, 3)? {
        gen_super_call(prog, &mut f)?;
    }
    // Locals start undefined; most get a constant so that fewer
    // operations throw at once.
    let locals: Vec<u16> = f
        .lay
        .values
        .iter()
        .copied()
        .filter(|&r| r >= 2 + nparams)
        .collect();
    for dst in locals {
        if prog.u.ratio(3, 4)? {
            let k = prog.u.int_in_range(0..=(prog.consts.len() as u16 - 1))?;
            f.emit(Insn::LdConst { dst, k });
        }
    }
    if kind == FuncKind::Script {
        // Top level: a few guarded chunks, so one exception does not end
        // the whole program.
        let chunks = prog.u.int_in_range(1..=4usize)?;
        for _ in 0..chunks {
            let n = prog.u.int_in_range(1..=8usize)?;
            gen_guarded(prog, &mut f, n)?;
        }
    } else {
        let n = prog.u.int_in_range(1..=12usize)?;
        gen_block(prog, &mut f, n)?;
    }
    let v = pick_value(prog.u, &f)?;
    f.emit(Insn::Return { src: v });
    let name = match kind {
        FuncKind::Script => String::new(),
        _ => format!("f{}", prog.funcs),
    };
    let len = f.lay.nparams;
    Ok(FuncProto::new(
        name,
        kind,
        f.lay.nparams,
        f.has_rest,
        f.lay.nregs,
        len,
        f.code,
        prog.consts.clone(),
        f.children,
        f.handlers,
        f.nfeedback,
        Vec::new(),
    ))
}

fn pick_value(u: &mut Unstructured, f: &Func) -> Result<u16> {
    pick(u, &f.lay.values)
}

fn gen_block(prog: &mut Program, f: &mut Func, n: usize) -> Result<()> {
    for _ in 0..n {
        if prog.budget == 0 || prog.u.is_empty() {
            break;
        }
        prog.budget -= 1;
        gen_stmt(prog, f)?;
    }
    Ok(())
}

/// Loads a value into `dst` from anywhere a value may come from.
fn gen_load(prog: &mut Program, f: &mut Func, dst: u16) -> Result<()> {
    match prog.u.int_in_range(0..=9u8)? {
        0 => {
            let k = prog.u.int_in_range(0..=(NUMS.len() as u16 - 1))?;
            f.emit(Insn::LdConst { dst, k });
        }
        1 => {
            let k = prog
                .u
                .int_in_range(NUMS.len() as u16..=(prog.consts.len() as u16 - 1))?;
            f.emit(Insn::LdConst { dst, k });
        }
        2 => {
            let imm = pick(prog.u, &[0, 1, -1, 2, 7, 100, i32::MAX, i32::MIN, 65536])?;
            f.emit(Insn::LdInt { dst, imm });
        }
        3 => {
            let i = match prog.u.int_in_range(0..=3u8)? {
                0 => Insn::LdUndef { dst },
                1 => Insn::LdNull { dst },
                2 => Insn::LdTrue { dst },
                _ => Insn::LdFalse { dst },
            };
            f.emit(i);
        }
        4 => {
            let name = prog.name(GLOBALS)?;
            if prog.u.ratio(1, 4)? {
                f.emit(Insn::GetGlobalOrUndef { dst, name });
            } else {
                let fb = f.fb();
                f.emit(Insn::GetGlobal { dst, name, fb });
            }
        }
        5 => {
            let src = pick_value(prog.u, f)?;
            f.emit(Insn::Mov { dst, src });
        }
        6 => {
            // `this`, through the TDZ check (derived constructors).
            let name = prog.str_const("this");
            f.emit(Insn::CheckTdz { src: 1, name });
            f.emit(Insn::Mov { dst, src: 1 });
        }
        7 if !f.ctx.is_empty() => gen_ctx_load(prog, f, dst)?,
        _ => {
            let obj = pick_value(prog.u, f)?;
            let name = prog.name(PROPS)?;
            let fb = f.fb();
            f.emit(Insn::GetProp { dst, obj, name, fb });
        }
    }
    Ok(())
}

/// LdCtx into a tdz register, CheckTdz, Mov to `dst`.
fn gen_ctx_load(prog: &mut Program, f: &mut Func, dst: u16) -> Result<()> {
    let depth = prog.u.int_in_range(0..=(f.ctx.len() as u16 - 1))?;
    let slots = f.ctx[f.ctx.len() - 1 - depth as usize];
    if slots == 0 {
        return Ok(());
    }
    let slot = prog.u.int_in_range(0..=slots - 1)?;
    let t = f.lay.tdz;
    f.emit(Insn::LdCtx {
        dst: t,
        depth,
        slot,
    });
    let name = prog.name(&["x", "y", "a"])?;
    f.emit(Insn::CheckTdz { src: t, name });
    f.emit(Insn::Mov { dst, src: t });
    Ok(())
}

fn gen_stmt(prog: &mut Program, f: &mut Func) -> Result<()> {
    let choice = prog.u.int_in_range(0..=33u8)?;
    let v = |prog: &mut Program, f: &Func| pick_value(prog.u, f);
    match choice {
        0..=3 => {
            let d = v(prog, f)?;
            gen_load(prog, f, d)?;
        }
        4..=6 => {
            // Binary operator.
            let (dst, a, b) = (v(prog, f)?, v(prog, f)?, v(prog, f)?);
            let fb = f.fb();
            let i = match prog.u.int_in_range(0..=21u8)? {
                0 => Insn::Add { dst, a, b, fb },
                1 => Insn::Sub { dst, a, b, fb },
                2 => Insn::Mul { dst, a, b, fb },
                3 => Insn::Div { dst, a, b, fb },
                4 => Insn::Mod { dst, a, b, fb },
                5 => Insn::Exp { dst, a, b, fb },
                6 => Insn::BitAnd { dst, a, b, fb },
                7 => Insn::BitOr { dst, a, b, fb },
                8 => Insn::BitXor { dst, a, b, fb },
                9 => Insn::Shl { dst, a, b, fb },
                10 => Insn::Shr { dst, a, b, fb },
                11 => Insn::UShr { dst, a, b, fb },
                12 => Insn::Eq { dst, a, b, fb },
                13 => Insn::Ne { dst, a, b, fb },
                14 => Insn::StrictEq { dst, a, b, fb },
                15 => Insn::StrictNe { dst, a, b, fb },
                16 => Insn::Lt { dst, a, b, fb },
                17 => Insn::Le { dst, a, b, fb },
                18 => Insn::Gt { dst, a, b, fb },
                19 => Insn::Ge { dst, a, b, fb },
                20 => Insn::InstanceOf { dst, a, b, fb },
                _ => Insn::In { dst, a, b, fb },
            };
            f.emit(i);
        }
        7 => {
            let (dst, src) = (v(prog, f)?, v(prog, f)?);
            let fb = f.fb();
            let i = match prog.u.int_in_range(0..=8u8)? {
                0 => Insn::Neg { dst, src, fb },
                1 => Insn::ToNumber { dst, src },
                2 => Insn::BitNot { dst, src, fb },
                3 => Insn::Not { dst, src },
                4 => Insn::Inc { dst, src, fb },
                5 => Insn::Dec { dst, src, fb },
                6 => Insn::TypeOf { dst, src },
                7 => Insn::ToPropKey { dst, src },
                _ => Insn::ToString { dst, src },
            };
            f.emit(i);
        }
        8..=9 => gen_print(prog, f)?,
        10 => {
            // Property and element writes, deletes.
            let (obj, src, key) = (v(prog, f)?, v(prog, f)?, v(prog, f)?);
            let name = prog.name(PROPS)?;
            let fb = f.fb();
            let i = match prog.u.int_in_range(0..=5u8)? {
                0 | 1 => Insn::SetProp { obj, name, src, fb },
                2 => Insn::SetElem { obj, key, src, fb },
                3 => Insn::GetElem {
                    dst: src,
                    obj,
                    key,
                    fb,
                },
                4 => Insn::DelProp {
                    dst: src,
                    obj,
                    name,
                },
                _ => Insn::DelElem { dst: src, obj, key },
            };
            f.emit(i);
        }
        11 => gen_object(prog, f)?,
        12 => gen_array(prog, f)?,
        13..=14 => gen_call(prog, f)?,
        15 => gen_closure(prog, f)?,
        16 => gen_class(prog, f)?,
        17 => gen_if(prog, f)?,
        18..=19 => gen_loop(prog, f)?,
        20 => gen_for_of_in(prog, f)?,
        21 => gen_try(prog, f)?,
        22 => gen_ctx_block(prog, f)?,
        23 => {
            // Context stores, copies.
            if !f.ctx.is_empty() {
                let depth = prog.u.int_in_range(0..=(f.ctx.len() as u16 - 1))?;
                let slots = f.ctx[f.ctx.len() - 1 - depth as usize];
                if slots > 0 {
                    let slot = prog.u.int_in_range(0..=slots - 1)?;
                    let src = v(prog, f)?;
                    f.emit(Insn::StCtx { depth, slot, src });
                }
                if prog.u.ratio(1, 4)? {
                    f.emit(Insn::CopyCtx {});
                }
            }
        }
        24 => {
            // Throw, early return, const assignment, TDZ.
            let src = v(prog, f)?;
            match prog.u.int_in_range(0..=6u8)? {
                6 => {
                    // `arguments`: the object, or its object-free reads
                    // (over the parameter registers, as the compiler's
                    // snapshot).
                    let dst = v(prog, f)?;
                    let (n, rest) = (f.lay.nparams, f.has_rest as u16);
                    f.emit(match prog.u.int_in_range(0..=2u8)? {
                        0 => Insn::CreateArguments {
                            dst,
                            params: 2,
                            n,
                            rest,
                        },
                        1 => Insn::ArgCount { dst },
                        _ => Insn::ArgGet {
                            dst,
                            key: src,
                            params: 2,
                            n,
                            rest,
                        },
                    });
                }
                5 => {
                    // Object destructuring's null/undefined check.
                    let msg = prog.str_const("Cannot destructure '%t' as it is %v.");
                    f.emit(Insn::RequireObject { src, msg });
                }
                0 => {
                    let t = f.lay.tdz + 1;
                    f.emit(Insn::LdEmpty { dst: t });
                    let name = prog.str_const("x");
                    f.emit(Insn::CheckTdz { src: t, name });
                }
                1 => {
                    let name = prog.str_const("y");
                    f.emit(Insn::ThrowConstAssign { name });
                }
                2 => {
                    // Only when something follows, so the function still ends in Return.
                    f.emit(Insn::Throw { src });
                }
                3 => {
                    f.emit(Insn::Return { src });
                }
                _ => {
                    f.emit(Insn::Nop {});
                }
            }
        }
        25 => {
            let name = prog.name(&["nope", "NaN", "undefined", "JSON"])?;
            let src = v(prog, f)?;
            let fb = f.fb();
            f.emit(Insn::SetGlobal { name, src, fb });
        }
        26 => {
            // super property access (this checked first).
            let (dst, key) = (v(prog, f)?, v(prog, f)?);
            let name = prog.str_const("this");
            f.emit(Insn::CheckTdz { src: 1, name });
            if prog.u.ratio(1, 2)? {
                f.emit(Insn::GetSuper { dst, key });
            } else {
                f.emit(Insn::SetSuper { key, src: dst });
            }
        }
        27 => {
            // Derived-constructor specials.
            if f.kind == FuncKind::DerivedConstructor {
                gen_super_call(prog, f)?;
            } else {
                f.emit(Insn::InitFields {});
            }
        }
        28 => {
            if f.loop_depth > 0 {
                gen_break(prog, f)?;
            }
        }
        32..=33 => gen_pattern(prog, f)?,
        _ => {
            let d = v(prog, f)?;
            gen_load(prog, f, d)?;
        }
    }
    Ok(())
}

thread_local! {
    /// Pattern functions compiled from their source text (at most
    /// `PATTERN_CACHE` texts, then forgotten): snippets repeat, and parsing
    /// and compiling them again was 4% of `jolt fuzz --target bytecode`.
    static PATTERNS: std::cell::RefCell<std::collections::HashMap<String, Option<Rc<FuncProto>>>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}
const PATTERN_CACHE: usize = 4096;

/// The function `name` of `src` compiled, as a fresh copy (never run).
fn compiled_pattern(src: &str, name: &str) -> Option<FuncProto> {
    PATTERNS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(p) = cache.get(src) {
            return p.as_deref().map(super::fresh_copy);
        }
        // Snippets compile by construction (tests/verify_patterns.rs).
        let child = match crate::compile_source(src, "pattern.js") {
            Ok(script) => script.children.iter().find(|c| c.name == name).cloned(),
            Err(_) => {
                debug_assert!(false, "pattern does not compile:\n{src}");
                None
            }
        };
        if cache.len() >= PATTERN_CACHE {
            cache.clear();
        }
        let copy = child.as_deref().map(super::fresh_copy);
        cache.insert(src.to_string(), child);
        copy
    })
}

/// Fills the call window: callee, this, args. Returns argc.
/// A JIT-shaped pattern (`patterns`): its source compiled as a function
/// of its own (it reads nothing around it, so any context stack will do),
/// added as a child and called with no arguments. Outside loops, so its
/// warm-up fuel is spent once.
fn gen_pattern(prog: &mut Program, f: &mut Func) -> Result<()> {
    if f.children.len() >= 4 || f.loop_depth > 0 || prog.patterns.len() >= 4 {
        return Ok(());
    }
    let name = format!("j{}", prog.patterns.len());
    let (pat, lines) = patterns::snippet(prog.u, &name)?;
    let src = format!("function {name}() {{\n{}\n}}\n", lines.join("\n"));
    let Some(child) = compiled_pattern(&src, &name) else {
        return Ok(());
    };
    f.children.push(Rc::new(child));
    prog.patterns.push(pat);
    let func = f.children.len() as u16 - 1;
    let w = f.lay.window;
    f.emit(Insn::Closure { dst: w, func });
    let this = pick_value(prog.u, f)?;
    f.emit(Insn::Mov {
        dst: w + 1,
        src: this,
    });
    let dst = pick_value(prog.u, f)?;
    let fb = f.fb();
    f.emit(Insn::Call {
        dst,
        base: w,
        argc: 0,
        fb,
    });
    Ok(())
}

fn gen_window_args(prog: &mut Program, f: &mut Func, min: u16) -> Result<u16> {
    let w = f.lay.window;
    let this = pick_value(prog.u, f)?;
    f.emit(Insn::Mov {
        dst: w + 1,
        src: this,
    });
    let argc = prog.u.int_in_range(min..=MAX_ARGS)?;
    for i in 0..argc {
        let a = pick_value(prog.u, f)?;
        f.emit(Insn::Mov {
            dst: w + 2 + i,
            src: a,
        });
    }
    Ok(argc)
}

fn gen_print(prog: &mut Program, f: &mut Func) -> Result<()> {
    let w = f.lay.window;
    let name = prog.str_const("print");
    let fb = f.fb();
    f.emit(Insn::GetGlobal { dst: w, name, fb });
    let argc = gen_window_args(prog, f, 1)?;
    let dst = pick_value(prog.u, f)?;
    let fb = f.fb();
    f.emit(Insn::Call {
        dst,
        base: w,
        argc,
        fb,
    });
    Ok(())
}

fn gen_call(prog: &mut Program, f: &mut Func) -> Result<()> {
    let w = f.lay.window;
    match prog.u.int_in_range(0..=6u8)? {
        5 | 6 => {
            // A builtin that exists: Math.max, Object.keys, ...
            let (g, m) = pick(prog.u, METHODS)?;
            let (g, m) = (prog.str_const(g), prog.str_const(m));
            let fb = f.fb();
            f.emit(Insn::GetGlobal {
                dst: w,
                name: g,
                fb,
            });
            let fb = f.fb();
            f.emit(Insn::GetProp {
                dst: w,
                obj: w,
                name: m,
                fb,
            });
        }
        0 => {
            // A method of a value: arr.push, s.charAt, ...
            let obj = pick_value(prog.u, f)?;
            let name = prog.name(PROPS)?;
            let fb = f.fb();
            f.emit(Insn::GetProp {
                dst: w,
                obj,
                name,
                fb,
            });
        }
        1 => {
            // Recursion through the callee register.
            f.emit(Insn::Mov { dst: w, src: 0 });
        }
        2 if f.children.len() < 4 && prog.funcs < MAX_FUNCS => {
            let func = new_child(prog, f, None)?;
            f.emit(Insn::Closure { dst: w, func });
        }
        _ => {
            let c = pick_value(prog.u, f)?;
            f.emit(Insn::Mov { dst: w, src: c });
        }
    }
    if prog.u.ratio(1, 5)? {
        // Spread arguments: an array built in the window's first argument.
        let this = pick_value(prog.u, f)?;
        f.emit(Insn::Mov {
            dst: w + 1,
            src: this,
        });
        gen_spread_args(prog, f, w + 2)?;
        let dst = pick_value(prog.u, f)?;
        let fb = f.fb();
        f.emit(if prog.u.ratio(1, 4)? {
            Insn::NewSpread { dst, base: w, fb }
        } else {
            Insn::CallSpread { dst, base: w, fb }
        });
        return Ok(());
    }
    let argc = gen_window_args(prog, f, 0)?;
    let dst = pick_value(prog.u, f)?;
    let fb = f.fb();
    if prog.u.ratio(1, 4)? {
        f.emit(Insn::New {
            dst,
            base: w,
            argc,
            fb,
        });
    } else {
        f.emit(Insn::Call {
            dst,
            base: w,
            argc,
            fb,
        });
    }
    Ok(())
}

fn gen_super_call(prog: &mut Program, f: &mut Func) -> Result<()> {
    let w = f.lay.window;
    let dst = pick_value(prog.u, f)?;
    if f.has_rest && f.lay.nparams == 1 && !f.lay.values.contains(&2) && prog.u.ratio(1, 2)? {
        f.emit(Insn::SuperCallForward { dst });
        return Ok(());
    }
    if prog.u.ratio(1, 2)? {
        gen_spread_args(prog, f, w + 2)?;
        f.emit(Insn::SuperCallSpread { dst, base: w });
        return Ok(());
    }
    let argc = prog.u.int_in_range(0..=MAX_ARGS)?;
    for i in 0..argc {
        let a = pick_value(prog.u, f)?;
        f.emit(Insn::Mov {
            dst: w + 2 + i,
            src: a,
        });
    }
    f.emit(Insn::SuperCall { dst, base: w, argc });
    Ok(())
}

/// A spread call's argument array in `arr`: values pushed and values
/// spread (any value: not iterable is a TypeError).
fn gen_spread_args(prog: &mut Program, f: &mut Func, arr: u16) -> Result<()> {
    f.emit(Insn::NewArray { dst: arr, n: 0 });
    for _ in 0..prog.u.int_in_range(0..=3u8)? {
        let src = pick_value(prog.u, f)?;
        if prog.u.ratio(1, 2)? {
            // Mostly a string (iterable), so the call is usually reached.
            if prog.u.ratio(2, 3)? {
                let k = prog.name(STRS)?;
                f.emit(Insn::LdConst { dst: src, k });
            }
            f.emit(Insn::ArrayExtend { arr, src });
        } else {
            f.emit(Insn::ArrayPush { arr, src });
        }
    }
    Ok(())
}

/// Generates a nested function closed over the current context stack.
fn new_child(prog: &mut Program, f: &mut Func, kind: Option<FuncKind>) -> Result<u16> {
    let kind = match kind {
        Some(k) => k,
        None => pick(
            prog.u,
            &[
                FuncKind::Normal,
                FuncKind::Normal,
                FuncKind::Arrow,
                FuncKind::Method,
                FuncKind::Getter,
                FuncKind::ClassConstructor,
            ],
        )?,
    };
    prog.funcs += 1;
    let depth = if f.depth >= 2 {
        usize::MAX
    } else {
        f.depth + 1
    };
    let child = if depth == usize::MAX {
        // Too deep: a leaf that returns a parameter or undefined.
        leaf(prog, kind)
    } else {
        gen_function(prog, kind, f.ctx.clone(), depth)?
    };
    f.children.push(Rc::new(child));
    Ok(f.children.len() as u16 - 1)
}

fn leaf(prog: &mut Program, kind: FuncKind) -> FuncProto {
    let name = format!("f{}", prog.funcs);
    FuncProto::new(
        name,
        kind,
        1,
        false,
        4,
        1,
        vec![Insn::Return { src: 2 }],
        prog.consts.clone(),
        Vec::new(),
        Vec::new(),
        0,
        Vec::new(),
    )
}

fn gen_closure(prog: &mut Program, f: &mut Func) -> Result<()> {
    if f.children.len() >= 4 || prog.funcs >= MAX_FUNCS {
        return Ok(());
    }
    let func = new_child(prog, f, None)?;
    let k = f.lay.class;
    f.emit(Insn::Closure { dst: k, func });
    if prog.u.ratio(1, 3)? {
        let key = pick_value(prog.u, f)?;
        f.emit(Insn::SetFunctionName { func: k, key });
    }
    let dst = pick_value(prog.u, f)?;
    f.emit(Insn::Mov { dst, src: k });
    // Keep some closures in the context so other functions can call them.
    if let Some(&slots) = f.ctx.last() {
        if slots > 0 && prog.u.ratio(1, 2)? {
            let slot = prog.u.int_in_range(0..=slots - 1)?;
            f.emit(Insn::StCtx {
                depth: 0,
                slot,
                src: dst,
            });
        }
    }
    Ok(())
}

fn gen_object(prog: &mut Program, f: &mut Func) -> Result<()> {
    let o = f.lay.obj;
    f.emit(Insn::NewObject { dst: o });
    let n = prog.u.int_in_range(0..=4usize)?;
    for _ in 0..n {
        let key = pick_value(prog.u, f)?;
        let src = pick_value(prog.u, f)?;
        match prog.u.int_in_range(0..=6u8)? {
            0..=2 => {
                f.emit(Insn::DefineField { obj: o, key, src });
            }
            6 => {
                // Object spread / rest: `key` is the excluded-keys value
                // (used only when it is an array).
                f.emit(Insn::CopyProps {
                    obj: o,
                    src,
                    excl: key,
                });
            }
            3 => {
                f.emit(Insn::SetProto { obj: o, src });
            }
            4 => {
                let enumerable = prog.u.int_in_range(0..=1u16)?;
                f.emit(Insn::DefineMethod {
                    obj: o,
                    key,
                    src,
                    enumerable,
                });
            }
            _ => {
                // Accessors: a getter closure and undefined or a setter.
                if f.children.len() < 4 && prog.funcs < MAX_FUNCS {
                    let g = new_child(prog, f, Some(FuncKind::Getter))?;
                    let k = f.lay.class;
                    f.emit(Insn::Closure { dst: k, func: g });
                    let t = f.lay.tdz + 1;
                    f.emit(Insn::LdUndef { dst: t });
                    let enumerable = prog.u.int_in_range(0..=1u16)?;
                    f.emit(Insn::DefineAccessor {
                        obj: o,
                        key,
                        getter: k,
                        setter: t,
                        enumerable,
                    });
                }
            }
        }
    }
    let dst = pick_value(prog.u, f)?;
    f.emit(Insn::Mov { dst, src: o });
    Ok(())
}

fn gen_array(prog: &mut Program, f: &mut Func) -> Result<()> {
    let a = f.lay.arr;
    let n = prog.u.int_in_range(0..=5u16)?;
    f.emit(Insn::NewArray { dst: a, n });
    for _ in 0..n {
        if prog.u.ratio(1, 6)? {
            f.emit(Insn::ArrayHole { arr: a });
        } else if prog.u.ratio(1, 5)? {
            // Spread of any value (not iterable: a TypeError).
            let src = pick_value(prog.u, f)?;
            f.emit(Insn::ArrayExtend { arr: a, src });
        } else {
            let src = pick_value(prog.u, f)?;
            f.emit(Insn::ArrayPush { arr: a, src });
        }
    }
    let dst = pick_value(prog.u, f)?;
    f.emit(Insn::Mov { dst, src: a });
    Ok(())
}

fn gen_class(prog: &mut Program, f: &mut Func) -> Result<()> {
    if f.children.len() >= 3 || prog.funcs + 2 > MAX_FUNCS {
        return Ok(());
    }
    let derived = prog.u.ratio(1, 2)?;
    let kind = if derived {
        FuncKind::DerivedConstructor
    } else {
        FuncKind::ClassConstructor
    };
    let ctor = new_child(prog, f, Some(kind))?;
    let k = f.lay.class;
    let t = f.lay.tdz + 1;
    f.emit(Insn::Closure { dst: k, func: ctor });
    if derived {
        match (prog.u.int_in_range(0..=2u8)?, f.last_class) {
            (0, Some(c)) => {
                f.emit(Insn::Mov { dst: t, src: c });
            }
            (1, _) => {
                let name = prog.name(&["Error", "Object", "Array", "RangeError"])?;
                let fb = f.fb();
                f.emit(Insn::GetGlobal { dst: t, name, fb });
            }
            _ => {
                let p = pick_value(prog.u, f)?;
                f.emit(Insn::Mov { dst: t, src: p });
            }
        }
    } else {
        f.emit(Insn::LdEmpty { dst: t });
    }
    let dst = pick_value(prog.u, f)?;
    f.emit(Insn::Class {
        dst,
        ctor: k,
        parent: t,
    });
    if prog.u.ratio(1, 2)? {
        let init = new_child(prog, f, Some(FuncKind::FieldInit))?;
        let r = pick_value(prog.u, f)?;
        f.emit(Insn::Closure { dst: r, func: init });
        if prog.u.ratio(1, 3)? {
            // A static initialiser's home object is the class (any value
            // other than a function's is ignored).
            let home = pick_value(prog.u, f)?;
            f.emit(Insn::SetHome { func: r, home });
        }
        f.emit(Insn::SetFieldInit { ctor: k, init: r });
    }
    // Prototype methods, then a static one.
    let o = f.lay.obj;
    let name = prog.str_const("prototype");
    let fb = f.fb();
    f.emit(Insn::GetProp {
        dst: o,
        obj: k,
        name,
        fb,
    });
    if f.children.len() < 4 && prog.funcs < MAX_FUNCS {
        let m = new_child(prog, f, Some(FuncKind::Method))?;
        let r = pick_value(prog.u, f)?;
        f.emit(Insn::Closure { dst: r, func: m });
        let key = pick_value(prog.u, f)?;
        f.emit(Insn::DefineMethod {
            obj: o,
            key,
            src: r,
            enumerable: 0,
        });
    }
    let key = pick_value(prog.u, f)?;
    let src = pick_value(prog.u, f)?;
    f.emit(Insn::DefineMethod {
        obj: k,
        key,
        src,
        enumerable: 0,
    });
    f.emit(Insn::Mov { dst, src: k });
    f.last_class = Some(dst);
    if prog.u.ratio(2, 3)? {
        // Instantiate it right away.
        let w = f.lay.window;
        f.emit(Insn::Mov { dst: w, src: k });
        let argc = gen_window_args(prog, f, 0)?;
        let r = pick_value(prog.u, f)?;
        let fb = f.fb();
        f.emit(Insn::New {
            dst: r,
            base: w,
            argc,
            fb,
        });
    }
    Ok(())
}

fn gen_if(prog: &mut Program, f: &mut Func) -> Result<()> {
    let src = pick_value(prog.u, f)?;
    let j = match prog.u.int_in_range(0..=4u8)? {
        0 => Insn::JmpTrue { src, off: 0 },
        1 => Insn::JmpFalse { src, off: 0 },
        2 => Insn::JmpNullish { src, off: 0 },
        3 => Insn::JmpNotNullish { src, off: 0 },
        _ => Insn::JmpUndef { src, off: 0 },
    };
    let at = f.emit(j);
    let n = prog.u.int_in_range(0..=4usize)?;
    gen_block(prog, f, n)?;
    if prog.u.ratio(1, 2)? {
        let skip = f.emit(Insn::Jmp { off: 0 });
        let else_at = f.here();
        f.patch(at, else_at);
        let n = prog.u.int_in_range(0..=3usize)?;
        gen_block(prog, f, n)?;
        let end = f.here();
        f.patch(skip, end);
    } else {
        let end = f.here();
        f.patch(at, end);
    }
    Ok(())
}

/// `break`: a forward jump to the innermost loop's exit, only when no
/// context was pushed since the loop was entered.
fn gen_break(_prog: &mut Program, f: &mut Func) -> Result<()> {
    let ctx_len = f.ctx.len();
    let Some((entry_ctx, _)) = f.loop_ctx.last() else {
        return Ok(());
    };
    if *entry_ctx != ctx_len {
        return Ok(());
    }
    let at = f.emit(Insn::Jmp { off: 0 });
    f.loop_ctx.last_mut().unwrap().1.push(at);
    Ok(())
}

fn gen_loop(prog: &mut Program, f: &mut Func) -> Result<()> {
    if f.loop_depth >= MAX_LOOP_DEPTH {
        return Ok(());
    }
    let counted = !prog.u.ratio(1, 6)?;
    let c = f.lay.counter + f.loop_depth as u16;
    let limit = prog.u.int_in_range(0..=12i32)?;
    if counted {
        f.emit(Insn::LdInt { dst: c, imm: 0 });
    }
    let head = f.here();
    let exit_jump = if counted {
        let t = pick_value(prog.u, f)?;
        f.emit(Insn::LdInt { dst: t, imm: limit });
        let fb = f.fb();
        f.emit(Insn::Lt {
            dst: t,
            a: c,
            b: t,
            fb,
        });
        f.emit(Insn::JmpFalse { src: t, off: 0 })
    } else {
        let t = pick_value(prog.u, f)?;
        f.emit(Insn::JmpFalse { src: t, off: 0 })
    };
    f.loop_depth += 1;
    f.loop_ctx.push((f.ctx.len(), Vec::new()));
    let n = prog.u.int_in_range(0..=5usize)?;
    gen_block(prog, f, n)?;
    let (_, breaks) = f.loop_ctx.pop().unwrap();
    f.loop_depth -= 1;
    if counted {
        let fb = f.fb();
        f.emit(Insn::Inc { dst: c, src: c, fb });
    }
    f.close_loop(head, exit_jump, breaks);
    Ok(())
}

fn gen_for_of_in(prog: &mut Program, f: &mut Func) -> Result<()> {
    if f.loop_depth >= MAX_LOOP_DEPTH {
        return Ok(());
    }
    let iter = f.lay.iter + 3 * f.loop_depth as u16;
    let src = pick_value(prog.u, f)?;
    let of = prog.u.ratio(1, 2)?;
    if of {
        f.emit(Insn::ForOfStart { iter, src });
    } else {
        f.emit(Insn::ForInStart { iter, src });
    }
    let head = f.here();
    let dst = pick_value(prog.u, f)?;
    let next = if of {
        f.emit(Insn::ForOfNext { dst, iter, off: 0 })
    } else {
        f.emit(Insn::ForInNext { dst, iter, off: 0 })
    };
    f.loop_depth += 1;
    f.loop_ctx.push((f.ctx.len(), Vec::new()));
    let n = prog.u.int_in_range(0..=4usize)?;
    gen_block(prog, f, n)?;
    let (_, breaks) = f.loop_ctx.pop().unwrap();
    f.loop_depth -= 1;
    f.close_loop(head, next, breaks);
    Ok(())
}

fn gen_try(prog: &mut Program, f: &mut Func) -> Result<()> {
    if f.try_depth >= MAX_TRY_DEPTH {
        return Ok(());
    }
    let save = f.lay.save + f.try_depth as u16;
    f.emit(Insn::GetCtx { dst: save });
    let start = f.here();
    f.try_depth += 1;
    let n = prog.u.int_in_range(1..=5usize)?;
    gen_block(prog, f, n)?;
    f.try_depth -= 1;
    let skip = f.emit(Insn::Jmp { off: 0 });
    let end = f.here();
    let exc = pick_value(prog.u, f)?;
    f.handlers.push(Handler {
        start: start as u32,
        end: end as u32,
        target: end as u32,
        exc,
    });
    f.emit(Insn::SetCtx { src: save });
    let finally = prog.u.ratio(1, 3)?;
    let n = prog.u.int_in_range(0..=3usize)?;
    gen_block(prog, f, n)?;
    if finally {
        // try/finally: the handler runs the block and rethrows.
        f.emit(Insn::Throw { src: exc });
    }
    let after = f.here();
    f.patch(skip, after);
    if finally {
        let n = prog.u.int_in_range(0..=2usize)?;
        gen_block(prog, f, n)?;
    }
    Ok(())
}

/// `try { n statements } catch (e) { print(e) }`.
fn gen_guarded(prog: &mut Program, f: &mut Func, n: usize) -> Result<()> {
    let save = f.lay.save + f.try_depth as u16;
    f.emit(Insn::GetCtx { dst: save });
    let start = f.here();
    f.try_depth += 1;
    gen_block(prog, f, n)?;
    f.try_depth -= 1;
    let skip = f.emit(Insn::Jmp { off: 0 });
    let end = f.here();
    let exc = pick_value(prog.u, f)?;
    f.handlers.push(Handler {
        start: start as u32,
        end: end as u32,
        target: end as u32,
        exc,
    });
    f.emit(Insn::SetCtx { src: save });
    let w = f.lay.window;
    let name = prog.str_const("print");
    let fb = f.fb();
    f.emit(Insn::GetGlobal { dst: w, name, fb });
    f.emit(Insn::Mov {
        dst: w + 1,
        src: exc,
    });
    f.emit(Insn::Mov {
        dst: w + 2,
        src: exc,
    });
    let fb = f.fb();
    f.emit(Insn::Call {
        dst: exc,
        base: w,
        argc: 1,
        fb,
    });
    let after = f.here();
    f.patch(skip, after);
    Ok(())
}

fn gen_ctx_block(prog: &mut Program, f: &mut Func) -> Result<()> {
    if f.ctx.len() >= f.inherited + 3 {
        return Ok(());
    }
    let n = prog.u.int_in_range(0..=3u16)?;
    f.emit(Insn::PushCtx { n });
    f.ctx.push(n);
    let k = prog.u.int_in_range(1..=5usize)?;
    gen_block(prog, f, k)?;
    f.ctx.pop();
    f.emit(Insn::PopCtx {});
    Ok(())
}
