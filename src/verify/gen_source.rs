//! Readable Milestone 1 and 2 source programs from fuzzer bytes.
//!
//! Invariants of every generated program:
//! - it parses and compiles (it only uses Milestones 1 and 2 of
//!   language.md);
//! - it terminates or runs out of fuel: loops are counted (at most 12
//!   iterations each, at most 3 deep) and recursion is bounded by a depth
//!   argument, so most programs end normally well inside the fuel;
//! - it has no unspecified behaviour: no `Math.random`, `Date`,
//!   `performance`, no printing of functions (whose text node prints), no
//!   property-order subtleties beyond language.md's rules; so node is a
//!   valid oracle for it (`jolt diff --node`);
//! - one statement per line, blocks indented, so a failure reads well and
//!   the line-based minimizer can delete statements.
//!
//! Some shapes exist to reach JIT bugs quickly (see `faults.rs`): a
//! property-get site called with objects of several shapes, and a try
//! block with a context of its own inside a function whose catch reads a
//! captured binding. About one statement in ten (outside loops) is a
//! JIT-shaped pattern from `patterns`: a site warmed past the tier
//! thresholds, then shown a new type, shape, prototype or callee.
//!
//! Variables are typed while generating (number, string, array, object,
//! function, class instance) so that most operations are meaningful, but
//! some operations deliberately mix types at one site (`add(1, 2)`,
//! `add("a", 1.5)`), overflow int32, or throw (caught or not).

use super::patterns::{self, Pattern};
use super::SplitMix;
use arbitrary::{Result, Unstructured};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ty {
    Num,
    Str,
    Arr,
    Obj,
    Inst,
}

struct Gen<'a, 'b> {
    u: &'a mut Unstructured<'b>,
    out: Vec<String>,
    indent: usize,
    /// Variables in scope: (name, type, mutable).
    vars: Vec<(String, Ty, bool)>,
    /// Callable functions in scope: (name, arity).
    funcs: Vec<(String, usize)>,
    /// Classes in scope (the instance type has fields a, b, method m).
    classes: Vec<String>,
    next: usize,
    budget: usize,
    depth: usize,
    loop_depth: usize,
    /// The JIT-shaped patterns emitted (`patterns`).
    patterns: Vec<Pattern>,
}

const STRS: &[&str] = &["", "a", "bc", "x y", "10", "-0", "NaN", "\\u00e9", "\\n"];
const NUMS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "2147483647",
    "-2147483648",
    "2147483648",
    "4294967295",
    "0.5",
    "-1.5",
    "1e21",
    "NaN",
    "Infinity",
    "0x7fffffff",
    "3",
    "7",
    "100",
];

impl Gen<'_, '_> {
    fn line(&mut self, s: impl Into<String>) {
        let s = s.into();
        self.out.push(format!("{}{}", "  ".repeat(self.indent), s));
    }
    fn fresh(&mut self, p: &str) -> String {
        self.next += 1;
        format!("{p}{}", self.next)
    }
    fn int(&mut self, lo: usize, hi: usize) -> Result<usize> {
        self.u.int_in_range(lo..=hi)
    }
    fn coin(&mut self, n: u32) -> Result<bool> {
        self.u.ratio(1, n)
    }
    fn var_of(&mut self, ty: Ty) -> Result<Option<String>> {
        let vs: Vec<String> = self
            .vars
            .iter()
            .filter(|v| v.1 == ty)
            .map(|v| v.0.clone())
            .collect();
        if vs.is_empty() {
            return Ok(None);
        }
        Ok(Some(self.u.choose(&vs)?.clone()))
    }
    fn mut_var(&mut self, ty: Ty) -> Result<Option<String>> {
        let vs: Vec<String> = self
            .vars
            .iter()
            .filter(|v| v.1 == ty && v.2)
            .map(|v| v.0.clone())
            .collect();
        if vs.is_empty() {
            return Ok(None);
        }
        Ok(Some(self.u.choose(&vs)?.clone()))
    }

    /// A number-valued expression.
    fn num(&mut self, d: usize) -> Result<String> {
        let leaf = d == 0 || self.coin(3)?;
        if leaf {
            if self.coin(2)? {
                if let Some(v) = self.var_of(Ty::Num)? {
                    return Ok(v);
                }
            }
            return Ok(self.u.choose(NUMS)?.to_string());
        }
        let a = self.num(d - 1)?;
        let b = self.num(d - 1)?;
        Ok(match self.int(0, 17)? {
            0 => format!("({a} + {b})"),
            1 => format!("({a} - {b})"),
            2 => format!("({a} * {b})"),
            3 => format!("({a} / {b})"),
            4 => format!("({a} % {b})"),
            5 => format!("({a} | 0)"),
            6 => format!("({a} & {b})"),
            7 => format!("({a} ^ {b})"),
            8 => format!("({a} << ({b} & 31))"),
            9 => format!("({a} >> {b})"),
            10 => format!("({a} >>> {b})"),
            11 => format!("(- {a})"),
            12 => format!("(~ {a})"),
            13 => format!("({a} < {b} ? {a} : {b})"),
            14 => {
                let f = *self
                    .u
                    .choose(&["abs", "floor", "ceil", "round", "trunc", "sign", "sqrt"])?;
                format!("Math.{f}({a})")
            }
            15 => format!("Math.max({a}, {b})"),
            16 => match self.var_of(Ty::Str)? {
                Some(s) => format!("{s}.length"),
                None => format!("(({a}) ** 2)"),
            },
            _ => match self.var_of(Ty::Arr)? {
                Some(v) => format!("{v}.length"),
                None => format!("({a} * 65536 * 65536)"),
            },
        })
    }

    fn str(&mut self, d: usize) -> Result<String> {
        if d == 0 || self.coin(3)? {
            if self.coin(2)? {
                if let Some(v) = self.var_of(Ty::Str)? {
                    return Ok(v);
                }
            }
            return Ok(format!("\"{}\"", self.u.choose(STRS)?));
        }
        Ok(match self.int(0, 6)? {
            0 => format!("({} + {})", self.str(d - 1)?, self.str(d - 1)?),
            1 => format!("`<${{{}}}>`", self.num(d - 1)?),
            2 => format!("String({})", self.num(d - 1)?),
            3 => format!("({}).slice(1)", self.str(d - 1)?),
            4 => format!("({}).toUpperCase()", self.str(d - 1)?),
            5 => format!("({} + {})", self.str(d - 1)?, self.num(d - 1)?),
            _ => match self.var_of(Ty::Arr)? {
                Some(a) => format!("{a}.join(\",\")"),
                None => format!("(typeof {})", self.num(d - 1)?),
            },
        })
    }

    /// Any printable primitive expression, sometimes of mixed type.
    fn any(&mut self, d: usize) -> Result<String> {
        Ok(match self.int(0, 9)? {
            0..=4 => self.num(d)?,
            5..=6 => self.str(d)?,
            7 => format!("({} === {})", self.num(d)?, self.num(d)?),
            8 => match self.var_of(Ty::Obj)? {
                Some(o) => format!("{o}.a"),
                None => "null".into(),
            },
            _ => match self.var_of(Ty::Inst)? {
                Some(o) => format!("{o}.m(1)"),
                None => "undefined".into(),
            },
        })
    }

    fn block(&mut self, n: usize) -> Result<()> {
        let saved = (self.vars.len(), self.funcs.len(), self.classes.len());
        self.indent += 1;
        self.depth += 1;
        for _ in 0..n {
            self.stmt()?;
        }
        self.depth -= 1;
        self.indent -= 1;
        self.vars.truncate(saved.0);
        self.funcs.truncate(saved.1);
        self.classes.truncate(saved.2);
        Ok(())
    }

    fn stmt(&mut self) -> Result<()> {
        if self.budget == 0 || self.u.is_empty() {
            return Ok(());
        }
        self.budget -= 1;
        let nested = self.depth < 3;
        match self.int(0, 27)? {
            // Often: a JIT-shaped pattern (warm a site, then change what it
            // sees), outside loops so that its warm-up fuel is spent once.
            25..=27 if self.loop_depth == 0 && self.depth < 2 => {
                let prefix = self.fresh("j");
                let (pat, lines) = patterns::snippet(self.u, &prefix)?;
                for l in lines {
                    self.line(l);
                }
                self.patterns.push(pat);
            }
            0..=2 => {
                let name = self.fresh("n");
                let e = self.num(2)?;
                self.line(format!("let {name} = {e};"));
                self.vars.push((name, Ty::Num, true));
            }
            3 => {
                let name = self.fresh("s");
                let e = self.str(2)?;
                self.line(format!("let {name} = {e};"));
                self.vars.push((name, Ty::Str, true));
            }
            4..=6 => {
                let e = self.any(2)?;
                if self.coin(3)? {
                    let e2 = self.any(1)?;
                    self.line(format!("print({e}, {e2});"));
                } else {
                    self.line(format!("print({e});"));
                }
            }
            7 => {
                if let Some(v) = self.mut_var(Ty::Num)? {
                    let e = self.num(2)?;
                    let op = *self
                        .u
                        .choose(&["=", "+=", "-=", "*=", "|=", "<<=", "**=", "??="])?;
                    let e = if op == "**=" { "2".to_string() } else { e };
                    self.line(format!("{v} {op} {e};"));
                }
            }
            8 => {
                let name = self.fresh("arr");
                let n = self.int(0, 4)?;
                let mut items = Vec::new();
                for _ in 0..n {
                    items.push(self.any(1)?);
                }
                self.line(format!("const {name} = [{}];", items.join(", ")));
                self.vars.push((name, Ty::Arr, false));
            }
            9 => {
                if let Some(a) = self.var_of(Ty::Arr)? {
                    match self.int(0, 5)? {
                        0 => {
                            let e = self.any(1)?;
                            self.line(format!("{a}.push({e});"));
                        }
                        1 => self.line(format!("print({a}.map((x, i) => typeof x + i).join(\"|\"));")),
                        2 => self.line(format!(
                            "print({a}.filter((x) => typeof x === \"number\").reduce((s, x) => s + x, 0));"
                        )),
                        3 => self.line(format!("console.log({a});")),
                        4 => {
                            let i = self.num(1)?;
                            self.line(format!("print({a}[{i} & 3], {a}.indexOf({i}));"));
                        }
                        _ => self.line(format!("print(JSON.stringify({a}.slice().reverse()));")),
                    }
                }
            }
            10 => {
                // Objects with varying shapes.
                let name = self.fresh("o");
                let x = self.any(1)?;
                let shape = match self.int(0, 3)? {
                    0 => format!("{{ a: {x} }}"),
                    1 => format!("{{ b: 1, a: {x} }}"),
                    2 => format!("{{ a: {x}, [\"k\" + 1]: 2, m() {{ return this.a; }} }}"),
                    _ => format!("{{ get a() {{ return {x}; }}, c: 3 }}"),
                };
                self.line(format!("const {name} = {shape};"));
                if self.coin(2)? {
                    let e = self.any(1)?;
                    self.line(format!("{name}.z = {e};"));
                }
                self.vars.push((name, Ty::Obj, false));
            }
            11 => {
                if self.coin(3)? {
                    // One property-get site that sees several shapes
                    // (`a` at different slots): polymorphic inline caches.
                    let f = self.fresh("ga");
                    let x = self.any(1)?;
                    let mut args = vec![
                        format!("{{ a: {x} }}"),
                        "{ b: 1, a: 2 }".to_string(),
                        "{ c: 3, b: 4, a: 5 }".to_string(),
                    ];
                    if let Some(o) = self.var_of(Ty::Obj)? {
                        args.push(o);
                    }
                    let calls: Vec<String> = args.iter().map(|a| format!("{f}({a})")).collect();
                    self.line(format!("function {f}(o) {{ return o.a; }}"));
                    self.line(format!("print({});", calls.join(", ")));
                } else if let Some(o) = self.var_of(Ty::Obj)? {
                    match self.int(0, 3)? {
                        0 => self.line(format!("print(JSON.stringify({o}));")),
                        1 => self.line(format!("print(Object.keys({o}).join(\",\"));")),
                        2 => self.line(format!("for (const k in {o}) print(k);")),
                        _ => self.line(format!("print(\"a\" in {o}, {o}.hasOwnProperty(\"z\"));")),
                    }
                }
            }
            12 if nested => {
                let c = self.num(2)?;
                self.line(format!("if ({c} > 0) {{"));
                let n = self.int(1, 3)?;
                self.block(n)?;
                if self.coin(2)? {
                    self.line("} else {");
                    let n = self.int(1, 2)?;
                    self.block(n)?;
                }
                self.line("}");
            }
            13 | 14 if nested && self.loop_depth < 3 => {
                let i = self.fresh("i");
                let k = self.int(0, 12)?;
                self.line(format!("for (let {i} = 0; {i} < {k}; {i}++) {{"));
                self.vars.push((i.clone(), Ty::Num, false));
                self.loop_depth += 1;
                let n = self.int(1, 3)?;
                self.block(n)?;
                if self.coin(4)? {
                    self.indent += 1;
                    self.line(format!("if ({i} === 5) break;"));
                    self.indent -= 1;
                }
                self.loop_depth -= 1;
                self.vars.pop();
                self.line("}");
            }
            15 if nested && self.loop_depth < 3 => {
                let x = self.fresh("x");
                // A snapshot, so the body growing the array cannot make
                // the loop (and joins inside it) quadratic.
                let src = match self.var_of(Ty::Arr)? {
                    Some(a) => format!("{a}.slice()"),
                    None => self.str(1)?,
                };
                self.line(format!("for (const {x} of {src}) {{"));
                self.vars.push((x.clone(), Ty::Num, false));
                self.loop_depth += 1;
                let e = self.any(1)?;
                self.indent += 1;
                self.line(format!("print({x}, {e});"));
                self.indent -= 1;
                let n = self.int(0, 2)?;
                // The element may not be a number: keep it out of `vars` for the body.
                self.vars.pop();
                self.block(n)?;
                self.loop_depth -= 1;
                self.line("}");
            }
            16 if nested => {
                // Sometimes, inside a function (so a context left wrong
                // ends with its frame), the try block has a context of its
                // own (a captured `const`) and the catch reads the
                // function's captured binding: resuming the catch with the
                // wrong context shows.
                let ctx = if self.coin(2)? {
                    let (cv, ci) = (self.fresh("cv"), self.fresh("ci"));
                    let saved = (self.vars.clone(), self.loop_depth);
                    // As in `function`: only immutable outer bindings.
                    self.vars.retain(|v| !v.2);
                    self.loop_depth = 0;
                    let a = self.num(1)?;
                    self.line(format!("function tc{cv}() {{"));
                    self.indent += 1;
                    self.line(format!("const {cv} = {a};"));
                    self.line(format!("const get{cv} = () => {cv};"));
                    Some((cv, ci, saved.0, saved.1))
                } else {
                    None
                };
                self.line("try {");
                if let Some((cv, ci, _, _)) = &ctx {
                    let b = self.num(1)?;
                    self.indent += 1;
                    self.line(format!("const {ci} = {b};"));
                    self.line(format!("print(get{cv}(), (() => {ci})());"));
                    self.indent -= 1;
                }
                let n = self.int(1, 3)?;
                self.block(n)?;
                if ctx.is_some() || self.coin(2)? {
                    self.indent += 1;
                    let msg = self.str(1)?;
                    self.line(format!("throw new RangeError({msg});"));
                    self.indent -= 1;
                }
                self.line("} catch (e) {");
                self.indent += 1;
                self.line(
                    "print(\"caught\", e instanceof Error ? e.name + \": \" + e.message : e);",
                );
                if let Some((cv, _, _, _)) = &ctx {
                    self.line(format!("print({cv});"));
                }
                self.indent -= 1;
                if self.coin(2)? {
                    self.line("} finally {");
                    self.indent += 1;
                    self.line("print(\"finally\");");
                    self.indent -= 1;
                }
                self.line("}");
                if let Some((cv, _, vars, loop_depth)) = ctx {
                    self.indent -= 1;
                    self.line("}");
                    self.line(format!("tc{cv}();"));
                    self.vars = vars;
                    self.loop_depth = loop_depth;
                }
            }
            17 if nested => self.function()?,
            18 => {
                if !self.funcs.is_empty() {
                    let (f, arity) = self.u.choose(&self.funcs)?.clone();
                    let mut args = Vec::new();
                    let n = if self.coin(4)? {
                        self.int(0, 3)?
                    } else {
                        arity
                    };
                    for _ in 0..n {
                        args.push(self.any(1)?);
                    }
                    self.line(format!("print({f}({}));", args.join(", ")));
                }
            }
            19 if nested => self.class()?,
            23 => self.misc()?,
            24 => {
                if self.coin(2)? {
                    self.misc()?
                } else {
                    self.milestone2()?
                }
            }
            20 => {
                if let Some(c) = self.classes.last().cloned() {
                    let name = self.fresh("c");
                    let a = self.num(1)?;
                    self.line(format!("const {name} = new {c}({a});"));
                    self.vars.push((name.clone(), Ty::Inst, false));
                    self.line(format!(
                        "print({name}.m(2), {name}.g, {name} instanceof {c}, JSON.stringify({name}));"
                    ));
                }
            }
            21 if nested => {
                // A closure counter and a recursive function with a depth bound.
                let mk = self.fresh("mk");
                let k = self.num(1)?;
                self.line(format!(
                    "const {mk} = (n) => {{ let c = n; return (d) => {{ c += d; return c; }}; }};"
                ));
                let inc = self.fresh("inc");
                self.line(format!("const {inc} = {mk}({k});"));
                self.line(format!("print({inc}(1), {inc}(2.5), {inc}(\"s\"));"));
                let r = self.fresh("rec");
                self.line(format!(
                    "function {r}(d, acc) {{ if (d <= 0) return acc; return {r}(d - 1, acc + d); }}"
                ));
                let d = self.int(0, 50)?;
                self.line(format!("print({r}({d}, 0), {r}(3, \"\"));"));
            }
            _ => {
                // Mixed types at one site, int32 overflow.
                let f = self.fresh("add");
                self.line(format!("function {f}(a, b) {{ return a + b; }}"));
                self.line(format!(
                    "print({f}(1, 2), {f}(2147483647, 1), {f}(\"a\", 1.5), {f}(-0, 0), {f}(0.1, 0.2));"
                ));
                self.funcs.push((f, 2));
            }
        }
        Ok(())
    }

    /// One-liners that reach the rarer operations: booleans, nullish
    /// operators, element stores, deletes, holes, `__proto__`, const
    /// assignment, computed keys, default parameters.
    fn misc(&mut self) -> Result<()> {
        let a = self.num(1)?;
        let b = self.num(1)?;
        let line = match self.int(0, 11)? {
            0 => format!("print({a} >= {b}, {a} == \"1\", {a} !== {b}, !({a} < {b}), true, false);"),
            1 => {
                let o = self.var_of(Ty::Obj)?.unwrap_or_else(|| "null".into());
                format!("print({o}?.a, {o}?.q ?? \"dflt\", ({o} && {o}.z) || 0);")
            }
            2 => match self.var_of(Ty::Arr)? {
                Some(v) => format!("{v}[{a} & 7] = {b};"),
                None => format!("print([1, , 3].length, [1, , 3][1], {a} != {b});"),
            },
            3 => match self.var_of(Ty::Obj)? {
                Some(o) => format!("print(delete {o}.z, delete {o}[\"k\" + 1], Object.keys({o}).length);"),
                None => "print(delete ({}).x);".to_string(),
            },
            4 => {
                let n = self.fresh("pr");
                format!("const {n} = {{ __proto__: {{ inh: {a} }}, own: {b} }}; print({n}.inh, {n}.own, \"inh\" in {n});")
            }
            5 => {
                let n = self.fresh("k");
                format!("const {n} = 1; try {{ {n} = 2; }} catch (e) {{ print(e.message); }} try {{ undeclared{n} = 2; }} catch (e) {{ print(e.message); }}")
            }
            6 => {
                let n = self.fresh("m");
                format!("const {n} = {{ [\"f\" + {a}]: () => 1, [\"g\"]() {{ return 2; }} }}; print(Object.keys({n}).join(\",\"), {n}.g.name);")
            }
            7 => {
                let n = self.fresh("d");
                format!("function {n}(x, y = {a}, ...r) {{ return x + y + r.length; }} print({n}(1), {n}(1, 2, 3, 4), {n}.length);")
            }
            8 => {
                let mut d = self.fresh("v");
                if let Some(v) = self.mut_var(Ty::Num)? {
                    d = v;
                    format!("{d}--; {d} &&= {a}; {d} ||= {b}; print({d}, --{d}, {d}--);")
                } else {
                    format!("let {d} = {a}; {d}--; print({d}, --{d});")
                }
            }
            9 => match self.classes.last().cloned() {
                Some(c) => {
                    let n = self.fresh("E");
                    format!("class {n} extends {c} {{ m(x) {{ super.x = x; return super.m(x) + this.x; }} }} print(new {n}({a}).m({b}));")
                }
                None => format!("print(typeof undefinedName, void {a});"),
            },
            10 => format!("switch ({a} & 3) {{ case 0: print(\"zero\"); break; case 1: print(\"one\"); default: print(\"dflt\"); }}"),
            _ => {
                let n = self.fresh("w");
                format!("let {n} = 0; do {{ {n}++; if ({n} === 2) continue; print({n}); }} while ({n} < 4);")
            }
        };
        self.line(line);
        Ok(())
    }

    /// One-liners of Milestone 2: destructuring (declarations, assignment,
    /// parameters, for-of, catch), spread, Map and Set, `arguments`,
    /// Float64Array and Int32Array.
    fn milestone2(&mut self) -> Result<()> {
        let a = self.any(1)?;
        let b = self.any(1)?;
        let n = self.fresh("m2");
        let arr = match self.var_of(Ty::Arr)? {
            Some(v) => v,
            None => format!("[{a}, {b}]"),
        };
        let obj = match self.var_of(Ty::Obj)? {
            Some(v) => v,
            None => format!("{{ a: {a}, b: {{ c: {b} }} }}"),
        };
        let line = match self.int(0, 14)? {
            12 => format!(
                "const {n} = new Float64Array([{a}, {b}, 1.5]); {n}[1] = {b}; {n}[7] = 1; const {n}i = new Int32Array({n}); {n}i.subarray(1).fill({a}); print({n}.length, {n}[7], {n}.join(\"|\"), {n}i.join(\",\"), {n}i.indexOf({n}i[2]), {n}.includes(NaN)); console.log({n}, {n}i.slice(1));"
            ),
            13 => format!(
                "const {n} = new Int32Array(16); for (let k = 0; k < 40; k++) {n}[k & 15] += k * {a}; const {n}f = new Float64Array({n}.length); {n}f.set({n}); for (const x of {n}f.subarray(12)) print(x);"
            ),
            11 => format!(
                "function {n}() {{ const r = () => arguments.length; return r() + \":\" + [...arguments].join(\",\"); }} print({n}({a}, {b}), {n}());"
            ),
            // `arguments` that does not escape: no object (ArgCount/ArgGet).
            14 => format!(
                "function {n}(p) {{ let s = \"\"; for (let i = 0; i < arguments.length; i++) s += arguments[i] + \",\"; return s + arguments[5] + arguments.length; }} print({n}({a}, {b}), {n}(), {n}({b}));"
            ),
            0 => format!(
                "const [{n}x, , {n}y = {a}, ...{n}r] = [{b}, 1, undefined, \"s\"]; print({n}x, {n}y, {n}r.length);"
            ),
            1 => format!(
                "const {{ a: {n}p, b: {{ c: {n}c = {a} }} = {{}}, ...{n}rest }} = {obj}; print({n}p, {n}c, JSON.stringify({n}rest));"
            ),
            2 => format!("let [{n}p, {n}q] = [{a}, {b}]; [{n}p, {n}q] = [{n}q, {n}p]; print({n}p, {n}q);"),
            3 => format!(
                "print(Math.max(...{arr}, {a}), [...\"h\u{e9}\" + {b}].length, JSON.stringify({{ ...{obj}, z: {b} }}), [0, ...{arr}].length);"
            ),
            4 => format!(
                "const {n} = new Map([[{a}, \"x\"], [{b}, \"y\"]]); {n}.set(-0, 1).set(NaN, 2); {n}.delete({a}); print({n}.size, {n}.get({b}), {n}.has(0), [...{n}.keys()].join(\",\")); console.log({n});"
            ),
            5 => format!(
                "const {n} = new Set({arr}); {n}.add({a}); for (const v of {n}) {{ if (typeof v === \"number\") {n}.delete(v); else {n}.add(String(v) + \"!\"); if ({n}.size > 20) break; }} print({n}.size, [...{n}].join(\"|\")); console.log({n});"
            ),
            6 => format!(
                "function {n}({{ a, b = {a} }} = {{}}, [c, ...d] = []) {{ return [a, b, c, d.length].join(\",\"); }} print({n}(), {n}({{ a: {b} }}, \"xyz\"), {n}.length);"
            ),
            7 => format!(
                "for (const [{n}k, {n}v] of new Map([[1, {a}], [2, {b}]])) print({n}k, {n}v);"
            ),
            8 => format!("try {{ throw {{ code: {a}, list: [{b}] }}; }} catch ({{ code, list: [first] }}) {{ print(code, first); }}"),
            9 => format!(
                "try {{ const {{ q }} = {a} === {b} ? null : undefined; print(q); }} catch (e) {{ print(e.message); }}"
            ),
            _ => format!(
                "const {n} = new Map(); [{a}, {b}, {a}].forEach((x, i) => {n}.set(x, ({n}.get(x) ?? 0) + i)); {n}.forEach((v, k) => print(k, v)); print(...{n}.values());"
            ),
        };
        self.line(line);
        Ok(())
    }

    fn function(&mut self) -> Result<()> {
        let name = self.fresh("f");
        let arity = self.int(0, 3)?;
        let params: Vec<String> = (0..arity).map(|i| format!("p{i}")).collect();
        self.line(format!("function {name}({}) {{", params.join(", ")));
        let saved_vars = self.vars.clone();
        let saved_loop = self.loop_depth;
        self.loop_depth = 0;
        // Parameters may be anything; treat them as numbers only when
        // called with numbers, so keep them out of typed vars.
        self.vars.retain(|v| !v.2);
        // Not callable from its own body: unbounded recursion would reach
        // the engine's stack limit, whose depth node does not specify.
        let n = self.int(1, 4)?;
        self.block(n)?;
        self.indent += 1;
        let ret = match params.first() {
            Some(p) => format!("return {p} + {};", self.num(1)?),
            None => format!("return {};", self.any(1)?),
        };
        self.line(ret);
        self.indent -= 1;
        self.line("}");
        self.vars = saved_vars;
        self.loop_depth = saved_loop;
        self.funcs.push((name, arity));
        Ok(())
    }

    fn class(&mut self) -> Result<()> {
        let name = self.fresh("C");
        let parent = if self.coin(2)? {
            self.classes.last().cloned()
        } else {
            None
        };
        let a = self.num(1)?;
        match &parent {
            None => {
                self.line(format!("class {name} {{"));
                self.line(format!("  constructor(a) {{ this.a = a; this.b = {a}; }}"));
                self.line("  m(x) { return this.a + x; }");
                self.line("  get g() { return this.b; }");
                self.line("  static s() { return \"static\"; }");
            }
            Some(p) => {
                self.line(format!("class {name} extends {p} {{"));
                self.line("  f = 1;");
                self.line(format!(
                    "  constructor(a) {{ super(a * 2); this.c = {a}; }}"
                ));
                self.line("  m(x) { return super.m(x) + this.f; }");
            }
        }
        self.line("}");
        self.classes.push(name);
        Ok(())
    }
}

/// Generates one program (the lines joined with newlines, ending in one).
pub fn generate(u: &mut Unstructured) -> Result<String> {
    generate_counted(u).map(|(s, _)| s)
}

/// `generate`, with the JIT-shaped patterns the program contains.
pub fn generate_counted(u: &mut Unstructured) -> Result<(String, Vec<Pattern>)> {
    let budget = 10 + u.int_in_range(0..=50usize)?;
    let mut g = Gen {
        u,
        out: Vec::new(),
        indent: 0,
        vars: Vec::new(),
        funcs: Vec::new(),
        classes: Vec::new(),
        next: 0,
        budget,
        depth: 0,
        loop_depth: 0,
        patterns: Vec::new(),
    };
    while g.budget > 0 && !g.u.is_empty() {
        g.stmt()?;
    }
    if g.coin(8)? {
        g.line("throw new TypeError(\"the end\");");
    }
    let mut s = g.out.join("\n");
    s.push('\n');
    Ok((s, g.patterns))
}

pub fn from_bytes(data: &[u8]) -> String {
    generate(&mut Unstructured::new(data)).unwrap_or_else(|_| String::from("\n"))
}

pub fn from_seed(seed: u64, len: usize) -> String {
    let mut r = SplitMix(seed);
    let bytes: Vec<u8> = (0..len).map(|_| r.next_u64() as u8).collect();
    from_bytes(&bytes)
}
