//! AST -> bytecode.
//!
//! Invariants:
//! - Registers are allocated as a stack: r0 callee, r1 this, params, then
//!   locals when their scope opens, then temporaries above every live local.
//!   A call window is always allocated at the top, so nothing live sits above
//!   it (the interpreter lets the callee's frame overlap what is above).
//! - Bindings captured by an inner function live in a context (one per scope
//!   that has captured bindings); the runtime's current context always equals
//!   the innermost open scope that has one. Leaving such a scope by `break`/
//!   `continue` pops it explicitly; exception handlers restore the context
//!   saved when their `try` began.
//! - Every backward jump is a `Loop` (fuel), including `continue`, which
//!   jumps forward to the loop's back edge.
//! - `let`/`const`/`class` bindings start as the hole; a read that may run
//!   before initialisation is followed by `CheckTdz`.
//! - Control leaving a `try` that has a `finally` goes through the finally
//!   block: the exit is recorded as a completion code and dispatched after it.

pub mod scope;

use crate::bytecode::iter_hint;
use crate::bytecode::{verify, Const, FuncKind, FuncProto, Handler, Insn};
use crate::front::ast::{self, *};
use crate::front::{LineIndex, Span, SyntaxError};
use scope::{Analysis, Decl, DeclKind, ScopeKey};
use std::collections::HashMap;
use std::rc::Rc;

type Reg = u16;

/// Compiles a parsed script into a verified prototype.
pub fn compile(program: &Program, source: &str) -> Result<Rc<FuncProto>, SyntaxError> {
    let analysis = scope::Resolver::analyse(program);
    let mut c = Compiler {
        analysis,
        scopes: Vec::new(),
        fns: Vec::new(),
        lines: LineIndex::new(source),
        source,
    };
    let proto = c.script(program)?;
    verify::verify(&proto).map_err(|e| SyntaxError {
        message: format!("internal compiler error: {e}"),
        span: program.span,
    })?;
    Ok(Rc::new(proto))
}

fn unsupported(what: &str, span: Span) -> SyntaxError {
    SyntaxError {
        message: format!("{what} is not supported by jolt"),
        span,
    }
}

type CResult<T> = Result<T, SyntaxError>;

#[derive(Copy, Clone, Debug, PartialEq)]
enum Loc {
    Reg(Reg),
    Ctx(u16),
}

#[derive(Clone, Debug)]
struct Binding {
    loc: Loc,
    kind: DeclKind,
    init_end: u32,
}

struct ScopeInfo {
    bindings: HashMap<Ident, Binding>,
    has_ctx: bool,
    /// Index into `fns` of the function this scope belongs to.
    fn_index: usize,
    /// Switch scopes: textual order does not imply initialisation.
    always_check_tdz: bool,
}

/// One enclosing breakable statement.
struct Control {
    labels: Vec<Ident>,
    is_loop: bool,
    /// A bare block/statement with labels only accepts labelled breaks.
    breaks: Vec<usize>,
    continues: Vec<usize>,
    /// Scope-stack height at the statement (contexts above it are popped on exit).
    scope_height: usize,
    fin_height: usize,
}

/// An enclosing `try ... finally` being compiled.
struct Finally {
    kind_reg: Reg,
    val_reg: Reg,
    /// Jumps to the finally block (patched when it is placed).
    entries: Vec<usize>,
    /// Pending exits: (completion code, what to do after the finally block).
    exits: Vec<(i32, Exit)>,
}

#[derive(Clone, Debug)]
enum Exit {
    Break(usize),
    Continue(usize),
    Return,
}

const COMPLETION_NORMAL: i32 = 0;
const COMPLETION_THROW: i32 = 1;
const COMPLETION_RETURN: i32 = 2;

struct FnState {
    kind: FuncKind,
    code: Vec<Insn>,
    consts: Vec<Const>,
    str_consts: HashMap<Rc<[u16]>, u16>,
    num_consts: HashMap<u64, u16>,
    children: Vec<Rc<FuncProto>>,
    handlers: Vec<Handler>,
    nfeedback: u16,
    next_reg: u16,
    max_reg: u16,
    positions: Vec<(u32, u32, u32)>,
    callee_names: Vec<(u32, String)>,
    controls: Vec<Control>,
    finallys: Vec<Finally>,
    /// Where `this` lives when an arrow captures it.
    this_slot: Option<(usize, u16)>,
    /// Scope-stack height at function entry.
    scope_base: usize,
    is_arrow: bool,
    /// `arguments` without an object (it does not escape): the snapshot
    /// registers of the parameters and the rest array, their count, and
    /// whether the last is the rest array (`ArgGet`'s operands).
    fast_args: Option<(Reg, u16, u16)>,
}

struct Compiler<'a> {
    analysis: Analysis,
    scopes: Vec<ScopeInfo>,
    fns: Vec<FnState>,
    lines: LineIndex,
    source: &'a str,
}

/// What a function body is, for real and synthesised functions.
enum Body<'b> {
    Stmts(&'b [Stmt]),
    /// `constructor(...args) { super(...args); }`
    DefaultDerived,
    /// Instance or static field initialisers of a class, with each
    /// member's index in the class body.
    Fields(Vec<(&'b ClassMember, usize)>),
}

impl<'a> Compiler<'a> {
    // ----- emission -----

    fn f(&mut self) -> &mut FnState {
        self.fns.last_mut().unwrap()
    }

    fn emit(&mut self, i: Insn) -> usize {
        let f = self.f();
        f.code.push(i);
        f.code.len() - 1
    }

    fn here(&mut self) -> usize {
        self.f().code.len()
    }

    fn patch(&mut self, at: usize, target: usize) {
        let off = target as i64 - (at as i64 + 1);
        if let Some(j) = self.f().code[at].jump_mut() {
            *j = off as i32;
        }
    }

    fn patch_here(&mut self, at: usize) {
        let h = self.here();
        self.patch(at, h);
    }

    fn emit_loop(&mut self, target: usize) {
        let h = self.here();
        self.emit(Insn::Loop {
            off: (target as i64 - (h as i64 + 1)) as i32,
        });
    }

    fn fb(&mut self) -> u16 {
        let f = self.f();
        f.nfeedback += 1;
        f.nfeedback - 1
    }

    fn alloc(&mut self) -> Reg {
        let f = self.f();
        let r = f.next_reg;
        f.next_reg += 1;
        f.max_reg = f.max_reg.max(f.next_reg);
        r
    }

    fn mark(&mut self) -> Reg {
        self.f().next_reg
    }

    fn free_to(&mut self, m: Reg) {
        self.f().next_reg = m;
    }

    fn str_const(&mut self, s: &[u16]) -> u16 {
        let f = self.f();
        if let Some(&k) = f.str_consts.get(s) {
            return k;
        }
        let rc: Rc<[u16]> = s.into();
        f.consts.push(Const::Str(rc.clone()));
        let k = (f.consts.len() - 1) as u16;
        f.str_consts.insert(rc, k);
        k
    }

    fn name_const(&mut self, s: &str) -> u16 {
        let u: Vec<u16> = s.encode_utf16().collect();
        self.str_const(&u)
    }

    fn num_const(&mut self, n: f64) -> u16 {
        let f = self.f();
        if let Some(&k) = f.num_consts.get(&n.to_bits()) {
            return k;
        }
        f.consts.push(Const::Num(n));
        let k = (f.consts.len() - 1) as u16;
        f.num_consts.insert(n.to_bits(), k);
        k
    }

    fn load_num(&mut self, dst: Reg, n: f64) {
        let i = n as i32;
        if i as f64 == n && !(n == 0.0 && n.is_sign_negative()) {
            self.emit(Insn::LdInt { dst, imm: i });
        } else {
            let k = self.num_const(n);
            self.emit(Insn::LdConst { dst, k });
        }
    }

    fn position(&mut self, span: Span) {
        let (line, col) = self.lines.line_col(self.source, span.start);
        let pc = self.here() as u32;
        let f = self.f();
        if f.positions.last().map(|p| p.0) == Some(pc) {
            f.positions.pop();
        }
        if f.positions.last().map(|p| (p.1, p.2)) != Some((line, col)) {
            f.positions.push((pc, line, col));
        }
    }

    fn too_many(&self, span: Span) -> CResult<()> {
        let f = self.fns.last().unwrap();
        if f.next_reg as u32 + 8 >= verify::MAX_REGS as u32 || f.consts.len() >= 60_000 {
            return Err(SyntaxError {
                message: "function too large".into(),
                span,
            });
        }
        Ok(())
    }

    // ----- scopes -----

    /// Opens a scope with `decls`; bindings that are captured go into a new
    /// context. Returns whether a context was pushed.
    fn open_scope(&mut self, key: ScopeKey, decls: &[Decl], switch: bool) -> bool {
        let fn_index = self.fns.len() - 1;
        let mut bindings = HashMap::new();
        let mut nslots = 0u16;
        for d in decls {
            let captured = self.analysis.captured.contains(&(key, d.name.clone()));
            let loc = if captured {
                nslots += 1;
                Loc::Ctx(nslots - 1)
            } else if let DeclKind::Param(i) | DeclKind::TdzParam(i) = d.kind {
                Loc::Reg(2 + i as Reg)
            } else if d.kind == DeclKind::SelfName {
                Loc::Reg(0)
            } else {
                Loc::Reg(self.alloc())
            };
            bindings.insert(
                d.name.clone(),
                Binding {
                    loc,
                    kind: d.kind.clone(),
                    init_end: d.init_end,
                },
            );
        }
        let has_ctx = nslots > 0;
        if has_ctx {
            self.emit(Insn::PushCtx { n: nslots });
        }
        self.scopes.push(ScopeInfo {
            bindings,
            has_ctx,
            fn_index,
            always_check_tdz: switch,
        });
        // Holes for lexical bindings kept in registers (contexts start as holes).
        for d in decls {
            let b = self.scopes.last().unwrap().bindings[&d.name].clone();
            match (&b.kind, b.loc) {
                (k, Loc::Reg(r)) if k.has_tdz() => {
                    self.emit(Insn::LdEmpty { dst: r });
                }
                (DeclKind::Var, Loc::Reg(r)) => {
                    // A register reused from an earlier block in a loop
                    // could hold a stale value.
                    self.emit(Insn::LdUndef { dst: r });
                }
                (DeclKind::Var, Loc::Ctx(s)) => {
                    let t = self.alloc();
                    self.emit(Insn::LdUndef { dst: t });
                    self.emit(Insn::StCtx {
                        depth: 0,
                        slot: s,
                        src: t,
                    });
                    self.free_to(t);
                }
                (DeclKind::Param(i), Loc::Ctx(s)) => {
                    self.emit(Insn::StCtx {
                        depth: 0,
                        slot: s,
                        src: 2 + *i as Reg,
                    });
                }
                (DeclKind::SelfName, Loc::Ctx(s)) => {
                    self.emit(Insn::StCtx {
                        depth: 0,
                        slot: s,
                        src: 0,
                    });
                }
                _ => {}
            }
        }
        has_ctx
    }

    /// Emits closures for the function declarations of the newest scope.
    fn hoist_functions(&mut self, decls: &[Decl]) -> CResult<()> {
        for d in decls {
            if let DeclKind::Function(f) = &d.kind {
                let r = self.alloc();
                self.function_value_decl(f, r, f.name.as_deref().unwrap_or(""), true)?;
                self.store_binding(&d.name, r, f.span, true)?;
                self.free_to(r);
            }
        }
        Ok(())
    }

    fn close_scope(&mut self) {
        let s = self.scopes.pop().unwrap();
        if s.has_ctx {
            self.emit(Insn::PopCtx {});
        }
    }

    /// Context pops needed to go from the current scope height to `height`.
    fn pop_contexts_to(&mut self, height: usize) {
        let n = self.scopes[height..].iter().filter(|s| s.has_ctx).count();
        for _ in 0..n {
            self.emit(Insn::PopCtx {});
        }
    }

    /// Resolves a name: (scope index, binding), or None for a global.
    fn lookup(&self, name: &str) -> Option<(usize, Binding)> {
        for (i, s) in self.scopes.iter().enumerate().rev() {
            if let Some(b) = s.bindings.get(name) {
                return Some((i, b.clone()));
            }
        }
        None
    }

    /// Context depth from the current position to scope `i`'s context.
    fn ctx_depth(&self, i: usize) -> u16 {
        self.scopes[i + 1..].iter().filter(|s| s.has_ctx).count() as u16
    }

    fn needs_tdz_check(&self, i: usize, b: &Binding, at: u32) -> bool {
        if !b.kind.has_tdz() {
            return false;
        }
        let same_fn = self.scopes[i].fn_index == self.fns.len() - 1;
        !(same_fn && !self.scopes[i].always_check_tdz && at >= b.init_end)
    }

    /// Loads identifier `name` into `dst`.
    fn load_ident(&mut self, name: &Ident, dst: Reg, span: Span, for_typeof: bool) -> CResult<()> {
        if &**name == "arguments" && self.f().fast_args.is_some() {
            // The resolver let only `arguments.length` / `arguments[i]`
            // reads through (strict code cannot declare `arguments`, and an
            // outer function's must not be seen); anything else is its bug.
            return Err(SyntaxError {
                message: "internal error: `arguments` escapes a function compiled without it"
                    .into(),
                span,
            });
        }
        match self.lookup(name) {
            Some((i, b)) => {
                match b.loc {
                    Loc::Reg(r) => {
                        debug_assert_eq!(self.scopes[i].fn_index, self.fns.len() - 1);
                        if r != dst {
                            self.emit(Insn::Mov { dst, src: r });
                        }
                    }
                    Loc::Ctx(slot) => {
                        let depth = self.ctx_depth(i);
                        self.emit(Insn::LdCtx { dst, depth, slot });
                    }
                }
                if self.needs_tdz_check(i, &b, span.start) {
                    let k = self.name_const(name);
                    self.emit(Insn::CheckTdz { src: dst, name: k });
                }
            }
            None => {
                let k = self.name_const(name);
                if for_typeof {
                    self.emit(Insn::GetGlobalOrUndef { dst, name: k });
                } else {
                    let fb = self.fb();
                    self.emit(Insn::GetGlobal { dst, name: k, fb });
                }
            }
        }
        Ok(())
    }

    /// The register holding a local directly (no copy), if it is one and
    /// reading it needs no check.
    fn local_reg(&self, name: &Ident, at: u32) -> Option<Reg> {
        let (i, b) = self.lookup(name)?;
        match b.loc {
            Loc::Reg(r) if !self.needs_tdz_check(i, &b, at) => Some(r),
            _ => None,
        }
    }

    /// Stores `src` into binding `name`. `init` is a declaration's
    /// initialisation (allowed for const, no TDZ check).
    fn store_binding(&mut self, name: &Ident, src: Reg, span: Span, init: bool) -> CResult<()> {
        match self.lookup(name) {
            Some((i, b)) => {
                if !init {
                    if self.needs_tdz_check(i, &b, span.start) {
                        // Reading the binding checks it; the value is discarded.
                        let t = self.alloc();
                        self.load_ident(name, t, span, false)?;
                        self.free_to(t);
                    }
                    if b.kind.is_const() {
                        let k = self.name_const(name);
                        self.emit(Insn::ThrowConstAssign { name: k });
                        return Ok(());
                    }
                }
                match b.loc {
                    Loc::Reg(r) => {
                        if r != src {
                            self.emit(Insn::Mov { dst: r, src });
                        }
                    }
                    Loc::Ctx(slot) => {
                        let depth = self.ctx_depth(i);
                        self.emit(Insn::StCtx { depth, slot, src });
                    }
                }
            }
            None => {
                let k = self.name_const(name);
                let fb = self.fb();
                self.emit(Insn::SetGlobal { name: k, src, fb });
            }
        }
        Ok(())
    }

    // ----- functions -----

    fn new_fn(&mut self, kind: FuncKind, nparams: u16, is_arrow: bool) {
        let base = self.scopes.len();
        self.fns.push(FnState {
            kind,
            code: Vec::new(),
            consts: Vec::new(),
            str_consts: HashMap::new(),
            num_consts: HashMap::new(),
            children: Vec::new(),
            handlers: Vec::new(),
            nfeedback: 0,
            next_reg: 2 + nparams,
            max_reg: 2 + nparams,
            positions: Vec::new(),
            callee_names: Vec::new(),
            controls: Vec::new(),
            finallys: Vec::new(),
            this_slot: None,
            scope_base: base,
            is_arrow,
            fast_args: None,
        });
    }

    fn finish_fn(&mut self, name: String, nparams: u16, has_rest: bool, length: u16) -> FuncProto {
        // Falling off the end returns undefined.
        let r = self.alloc();
        self.emit(Insn::LdUndef { dst: r });
        self.emit(Insn::Return { src: r });
        let f = self.fns.pop().unwrap();
        let mut p = FuncProto::new(
            name,
            f.kind,
            nparams,
            has_rest,
            f.max_reg,
            length,
            f.code,
            f.consts,
            f.children,
            f.handlers,
            f.nfeedback,
            f.positions,
        );
        p.callee_names = f.callee_names;
        p
    }

    fn script(&mut self, p: &Program) -> CResult<FuncProto> {
        self.new_fn(FuncKind::Script, 0, false);
        let decls = scope::function_decls(&[], None, None, &p.body);
        let key = scope::key_of(p);
        if self.analysis.arguments_used.contains(&key) {
            return Err(unsupported("`arguments` at top level", p.span));
        }
        let all = self.with_captured_this(key, &decls);
        self.open_scope(key, &all, false);
        self.store_captured_this(key);
        self.hoist_functions(&decls)?;
        self.stmts(&p.body)?;
        self.close_scope();
        Ok(self.finish_fn("".into(), 0, false, 0))
    }

    /// `decls` plus, when an arrow in scope `key` reads `this`, a captured
    /// `var this` (so `this` gets a context slot in that scope).
    fn with_captured_this(&mut self, key: scope::ScopeKey, decls: &[Decl]) -> Vec<Decl> {
        let mut all = decls.to_vec();
        if self.analysis.this_captured.contains(&key) {
            let this_name: Ident = Rc::from("this");
            all.push(Decl {
                name: this_name.clone(),
                kind: DeclKind::Var,
                init_end: 0,
            });
            self.analysis.captured.insert((key, this_name));
        }
        all
    }

    /// After `open_scope` of such a scope: copy `this` (r1) into its slot.
    fn store_captured_this(&mut self, key: scope::ScopeKey) {
        if !self.analysis.this_captured.contains(&key) {
            return;
        }
        let this_name: Ident = Rc::from("this");
        let (i, b) = self.lookup(&this_name).unwrap();
        if let Loc::Ctx(slot) = b.loc {
            self.f().this_slot = Some((i, slot));
            self.emit(Insn::StCtx {
                depth: 0,
                slot,
                src: 1,
            });
        }
    }

    /// Compiles `f` as a child of the current function and emits the
    /// closure into `dst`.
    fn function_value(&mut self, f: &Rc<Function>, dst: Reg, name: &str) -> CResult<()> {
        self.function_value_decl(f, dst, name, false)
    }

    /// `function_value` for a declaration (`is_decl`) or an expression.
    fn function_value_decl(
        &mut self,
        f: &Rc<Function>,
        dst: Reg,
        name: &str,
        is_decl: bool,
    ) -> CResult<()> {
        let kind = match f.kind {
            FunctionKind::Normal => FuncKind::Normal,
            FunctionKind::Arrow => FuncKind::Arrow,
            FunctionKind::Method => FuncKind::Method,
            FunctionKind::Getter => FuncKind::Getter,
            FunctionKind::Setter => FuncKind::Setter,
            FunctionKind::ClassConstructor => FuncKind::ClassConstructor,
            FunctionKind::DerivedConstructor => FuncKind::DerivedConstructor,
        };
        let fname = match (&f.name, f.kind) {
            (Some(n), _) => n.to_string(),
            _ => name.to_string(),
        };
        let name = match f.kind {
            FunctionKind::Getter => format!("get {fname}"),
            FunctionKind::Setter => format!("set {fname}"),
            _ => fname,
        };
        let self_name = scope::self_name_of(f, is_decl);
        let proto = self.compile_function(
            scope::key_of(&**f),
            kind,
            &name,
            &f.params,
            f.rest.as_ref(),
            self_name,
            Body::Stmts(&f.body),
            f.length as u16,
            f.span,
        )?;
        self.emit_closure(proto, dst);
        Ok(())
    }

    fn emit_closure(&mut self, proto: FuncProto, dst: Reg) {
        let fs = self.f();
        fs.children.push(Rc::new(proto));
        let func = (fs.children.len() - 1) as u16;
        self.emit(Insn::Closure { dst, func });
    }

    #[allow(clippy::too_many_arguments)]
    fn compile_function(
        &mut self,
        key: ScopeKey,
        kind: FuncKind,
        name: &str,
        params: &[Param],
        rest: Option<&Pattern>,
        self_name: Option<&Ident>,
        body: Body,
        length: u16,
        span: Span,
    ) -> CResult<FuncProto> {
        if self.fns.len() > 200 {
            return Err(SyntaxError {
                message: "functions nested too deeply".into(),
                span,
            });
        }
        let is_default_derived = matches!(body, Body::DefaultDerived);
        // A function reading `arguments` keeps its extra arguments in a
        // hidden rest parameter (without one they are dropped at the call).
        let uses_arguments = kind != FuncKind::Arrow && self.analysis.arguments_used.contains(&key);
        let hidden_rest = uses_arguments && rest.is_none() && !is_default_derived;
        let nparams = params.len() as u16
            + rest.is_some() as u16
            + is_default_derived as u16
            + hidden_rest as u16;
        let has_rest = rest.is_some() || is_default_derived || hidden_rest;
        self.new_fn(kind, nparams, kind == FuncKind::Arrow);
        // `arguments.length` and `arguments[i]` reads only: no object, the
        // reads go to a snapshot of the argument registers (`ArgGet`).
        // A user rest parameter is excluded: the body may mutate its array.
        let fast = uses_arguments
            && !self.analysis.arguments_escape.contains(&key)
            && rest.is_none()
            && matches!(body, Body::Stmts(_));
        let uses_arguments = uses_arguments && !fast;
        if fast {
            let base = self.mark();
            for i in 0..nparams {
                let t = self.alloc();
                self.emit(Insn::Mov { dst: t, src: 2 + i });
            }
            self.f().fast_args = Some((base, nparams, has_rest as u16));
        }
        // Unmapped (strict) arguments: a snapshot of the argument registers
        // before anything (TDZ holes, defaults) writes them.
        let arguments_obj = uses_arguments.then(|| {
            let t = self.alloc();
            self.emit(Insn::CreateArguments {
                dst: t,
                params: 2,
                n: nparams,
                rest: has_rest as u16,
            });
            t
        });
        let stmts: &[Stmt] = match &body {
            Body::Stmts(s) => s,
            _ => &[],
        };
        let split = scope::has_defaults(params, rest);
        let decls = if split {
            scope::param_decls(params, rest, self_name)
        } else {
            scope::function_decls(params, rest, self_name, stmts)
        };
        // With defaults, arguments wait in temporaries while the parameters
        // are in their TDZ, and are moved in one by one.
        let arg_temps: Vec<Reg> = if split {
            (0..params.len() + rest.is_some() as usize)
                .map(|i| {
                    let t = self.alloc();
                    self.emit(Insn::Mov {
                        dst: t,
                        src: 2 + i as Reg,
                    });
                    t
                })
                .collect()
        } else {
            Vec::new()
        };
        let mut all = self.with_captured_this(key, &decls);
        let arguments_name: Ident = Rc::from("arguments");
        if uses_arguments {
            all.push(Decl {
                name: arguments_name.clone(),
                kind: DeclKind::Var,
                init_end: 0,
            });
        }
        self.position(span);
        self.open_scope(key, &all, false);
        self.store_captured_this(key);
        if let Some(t) = arguments_obj {
            self.store_binding(&arguments_name, t, span, true)?;
        }
        if split {
            // Parameters in order: argument or default, then initialised
            // (or destructured).
            let all_params: Vec<(&Pattern, Option<&Expr>)> = params
                .iter()
                .map(|p| (&p.pattern, p.default.as_ref()))
                .chain(rest.map(|r| (r, None)))
                .collect();
            for (i, (pat, default)) in all_params.into_iter().enumerate() {
                let r = 2 + i as Reg;
                // The default is evaluated while the parameter is still in
                // its TDZ (`function f(a = a)` throws), so the argument is
                // moved in only when it is used.
                let skip = default.map(|_| {
                    self.emit(Insn::JmpUndef {
                        src: arg_temps[i],
                        off: 0,
                    })
                });
                self.emit(Insn::Mov {
                    dst: r,
                    src: arg_temps[i],
                });
                let pname = match &pat.kind {
                    PatternKind::Ident(n) => Some(n.clone()),
                    _ => None,
                };
                if let (Some(d), Some(skip)) = (default, skip) {
                    let over = self.emit(Insn::Jmp { off: 0 });
                    self.patch_here(skip);
                    self.expr_to(d, r, pname.as_deref())?;
                    self.patch_here(over);
                }
                self.destructure(pat, r, true, &Src::Typed)?;
            }
            // The body's own scope; a var named like a parameter starts
            // with the parameter's value.
            let bdecls = scope::body_decls(stmts);
            let pscope = self.scopes.len() - 1;
            self.open_scope(scope::body_key(key), &bdecls, false);
            for d in &bdecls {
                if d.kind != DeclKind::Var {
                    continue;
                }
                if let Some(b) = self.scopes[pscope].bindings.get(&d.name).cloned() {
                    let t = self.alloc();
                    match b.loc {
                        Loc::Reg(pr) => {
                            self.emit(Insn::Mov { dst: t, src: pr });
                        }
                        Loc::Ctx(slot) => {
                            let depth = self.ctx_depth(pscope);
                            self.emit(Insn::LdCtx {
                                dst: t,
                                depth,
                                slot,
                            });
                        }
                    }
                    self.store_binding(&d.name, t, span, true)?;
                    self.free_to(t);
                }
            }
            self.hoist_functions(&bdecls)?;
        } else {
            self.hoist_functions(&decls)?;
        }
        match body {
            Body::Stmts(s) => self.stmts(s)?,
            Body::DefaultDerived => {
                let r = self.alloc();
                self.emit(Insn::SuperCallForward { dst: r });
                self.emit(Insn::InitFields {});
                self.free_to(r);
            }
            Body::Fields(members) => {
                for (m, index) in members {
                    if let ClassMemberKind::Field { key, value } = &m.kind {
                        let mk = self.mark();
                        let kr = self.alloc();
                        let vr = self.alloc();
                        let kname = if let ast::PropKey::Computed(_) = key {
                            let n: Ident = Rc::from(format!("#field{index}"));
                            self.load_ident(&n, kr, m.span, false)?;
                            None
                        } else {
                            self.prop_key_to(key, kr)?
                        };
                        match value {
                            Some(v) => self.expr_to(v, vr, kname.as_deref())?,
                            None => {
                                self.emit(Insn::LdUndef { dst: vr });
                            }
                        }
                        self.emit(Insn::DefineField {
                            obj: 1,
                            key: kr,
                            src: vr,
                        });
                        self.free_to(mk);
                    }
                }
            }
        }
        if split {
            self.close_scope();
        }
        self.close_scope();
        Ok(self.finish_fn(name.to_string(), nparams, has_rest, length))
    }

    // ----- statements -----

    fn stmts(&mut self, ss: &[Stmt]) -> CResult<()> {
        for s in ss {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn block(&mut self, key: ScopeKey, ss: &[Stmt]) -> CResult<()> {
        let decls = scope::block_decls(ss);
        let m = self.mark();
        self.open_scope(key, &decls, false);
        self.hoist_functions(&decls)?;
        self.stmts(ss)?;
        self.close_scope();
        self.free_to(m);
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> CResult<()> {
        self.too_many(s.span)?;
        self.position(s.span);
        let m = self.mark();
        match &s.kind {
            StmtKind::Expr(e) => {
                let r = self.alloc();
                self.expr_to(e, r, None)?;
            }
            StmtKind::VarDecl(d) => self.var_decl(d)?,
            StmtKind::FunctionDecl(_) => {} // hoisted
            StmtKind::ClassDecl(c) => {
                let r = self.alloc();
                self.class(c, r, None)?;
                let name = c.name.clone().unwrap();
                self.store_binding(&name, r, c.span, true)?;
            }
            StmtKind::If { test, cons, alt } => {
                let t = self.alloc();
                self.expr_to(test, t, None)?;
                let jf = self.emit(Insn::JmpFalse { src: t, off: 0 });
                self.free_to(m);
                self.stmt(cons)?;
                if let Some(a) = alt {
                    let je = self.emit(Insn::Jmp { off: 0 });
                    self.patch_here(jf);
                    self.stmt(a)?;
                    self.patch_here(je);
                } else {
                    self.patch_here(jf);
                }
            }
            StmtKind::While { test, body } => self.while_stmt(Vec::new(), test, body)?,
            StmtKind::DoWhile { body, test } => self.do_while_stmt(Vec::new(), body, test)?,
            StmtKind::For { .. } => self.for_stmt(s, Vec::new())?,
            StmtKind::ForIn { .. } | StmtKind::ForOf { .. } => self.for_in_of(s, Vec::new())?,
            StmtKind::Block(b) => self.block(scope::key_of(b), b)?,
            StmtKind::Break(label) => self.jump_out(label.as_ref(), false, s.span)?,
            StmtKind::Continue(label) => self.jump_out(label.as_ref(), true, s.span)?,
            StmtKind::Return(e) => {
                let r = self.alloc();
                match e {
                    Some(e) => self.expr_to(e, r, None)?,
                    None => {
                        self.emit(Insn::LdUndef { dst: r });
                    }
                }
                self.emit_return(r);
            }
            StmtKind::Throw(e) => {
                let r = self.alloc();
                self.expr_to(e, r, None)?;
                self.emit(Insn::Throw { src: r });
            }
            StmtKind::Try {
                block,
                handler,
                finalizer,
            } => self.try_stmt(block, handler.as_deref(), finalizer.as_ref())?,
            StmtKind::Switch {
                discriminant,
                cases,
            } => self.switch_stmt(s, discriminant, cases, Vec::new())?,
            StmtKind::Labeled { .. } => self.labeled(s)?,
            StmtKind::Empty => {}
        }
        self.free_to(m);
        Ok(())
    }

    fn labeled(&mut self, s: &Stmt) -> CResult<()> {
        let mut labels = Vec::new();
        let mut cur = s;
        while let StmtKind::Labeled { label, body } = &cur.kind {
            labels.push(label.clone());
            cur = body;
        }
        match &cur.kind {
            StmtKind::For { .. } => self.for_stmt(cur, labels),
            StmtKind::ForIn { .. } | StmtKind::ForOf { .. } => self.for_in_of(cur, labels),
            StmtKind::While { test, body } => self.while_stmt(labels, test, body),
            StmtKind::DoWhile { body, test } => self.do_while_stmt(labels, body, test),
            StmtKind::Switch {
                discriminant,
                cases,
            } => self.switch_stmt(cur, discriminant, cases, labels),
            _ => {
                // A labelled non-loop statement: only `break label` targets it.
                let ctl = self.new_control(labels, false);
                self.f().controls.push(ctl);
                self.stmt(cur)?;
                self.end_control(None);
                Ok(())
            }
        }
    }

    fn new_control(&mut self, labels: Vec<Ident>, is_loop: bool) -> Control {
        Control {
            labels,
            is_loop,
            breaks: Vec::new(),
            continues: Vec::new(),
            scope_height: self.scopes.len(),
            fin_height: self.f().finallys.len(),
        }
    }

    /// Pops the innermost control; patches its breaks to here and its
    /// continues to `cont`.
    fn end_control(&mut self, cont: Option<usize>) {
        let c = self.f().controls.pop().unwrap();
        for b in c.breaks {
            self.patch_here(b);
        }
        if let Some(t) = cont {
            for j in c.continues {
                self.patch(j, t);
            }
        }
    }

    fn while_stmt(&mut self, labels: Vec<Ident>, test: &Expr, body: &Stmt) -> CResult<()> {
        let ctl = self.new_control(labels, true);
        self.f().controls.push(ctl);
        let top = self.here();
        let t = self.alloc();
        self.expr_to(test, t, None)?;
        let exit = self.emit(Insn::JmpFalse { src: t, off: 0 });
        self.free_to(t);
        self.stmt(body)?;
        let cont = self.here();
        self.emit_loop(top);
        self.patch_here(exit);
        self.end_control(Some(cont));
        Ok(())
    }

    fn do_while_stmt(&mut self, labels: Vec<Ident>, body: &Stmt, test: &Expr) -> CResult<()> {
        let ctl = self.new_control(labels, true);
        self.f().controls.push(ctl);
        let top = self.here();
        self.stmt(body)?;
        let cont = self.here();
        let t = self.alloc();
        self.expr_to(test, t, None)?;
        let exit = self.emit(Insn::JmpFalse { src: t, off: 0 });
        self.free_to(t);
        self.emit_loop(top);
        self.patch_here(exit);
        self.end_control(Some(cont));
        Ok(())
    }

    fn for_stmt(&mut self, s: &Stmt, labels: Vec<Ident>) -> CResult<()> {
        let StmtKind::For {
            init,
            test,
            update,
            body,
        } = &s.kind
        else {
            unreachable!()
        };
        let m = self.mark();
        let decls = match init.as_deref() {
            Some(ForInit::VarDecl(d)) => d
                .decls
                .iter()
                .flat_map(|x| scope::head_decls(d.kind, &[&x.target], x.span.end))
                .collect(),
            _ => Vec::new(),
        };
        let has_ctx = self.open_scope(scope::key_of(s), &decls, false);
        match init.as_deref() {
            Some(ForInit::VarDecl(d)) => self.var_decl(d)?,
            Some(ForInit::Expr(e)) => {
                let r = self.alloc();
                self.expr_to(e, r, None)?;
                self.free_to(r);
            }
            None => {}
        }
        if has_ctx {
            // Each iteration gets its own copy of the loop's bindings.
            self.emit(Insn::CopyCtx {});
        }
        let ctl = self.new_control(labels, true);
        self.f().controls.push(ctl);
        let top = self.here();
        let mut exit = None;
        if let Some(t) = test {
            let r = self.alloc();
            self.expr_to(t, r, None)?;
            exit = Some(self.emit(Insn::JmpFalse { src: r, off: 0 }));
            self.free_to(r);
        }
        self.stmt(body)?;
        let cont = self.here();
        if has_ctx {
            self.emit(Insn::CopyCtx {});
        }
        if let Some(u) = update {
            let r = self.alloc();
            self.expr_to(u, r, None)?;
            self.free_to(r);
        }
        self.emit_loop(top);
        if let Some(e) = exit {
            self.patch_here(e);
        }
        self.end_control(Some(cont));
        self.close_scope();
        self.free_to(m);
        Ok(())
    }

    fn for_in_of(&mut self, s: &Stmt, labels: Vec<Ident>) -> CResult<()> {
        let (left, right, body, is_of) = match &s.kind {
            StmtKind::ForIn { left, right, body } => (left, right, body, false),
            StmtKind::ForOf { left, right, body } => (left, right, body, true),
            _ => unreachable!(),
        };
        let m = self.mark();
        let iter = self.alloc();
        let _idx = self.alloc();
        let _obj = self.alloc();
        let src = self.alloc();
        // The head's let/const names are in their TDZ while `right` runs.
        let head_decls = match &**left {
            ForHead::VarDecl(k, p) => scope::head_decls(*k, &[p], u32::MAX),
            ForHead::Target(_) => Vec::new(),
        };
        let tdz_m = self.mark();
        self.open_scope(scope::key_of(s), &head_decls, true);
        self.expr_to(right, src, None)?;
        self.close_scope();
        self.free_to(tdz_m);
        if is_of {
            if let Some(h) = self.iterable_hint(right, true) {
                self.record_text(h);
            }
            self.emit(Insn::ForOfStart { iter, src });
        } else {
            self.emit(Insn::ForInStart { iter, src });
        }
        self.free_to(src);
        let ctl = self.new_control(labels, true);
        self.f().controls.push(ctl);
        let top = self.here();
        let val = self.alloc();
        let next = if is_of {
            self.emit(Insn::ForOfNext {
                dst: val,
                iter,
                off: 0,
            })
        } else {
            self.emit(Insn::ForInNext {
                dst: val,
                iter,
                off: 0,
            })
        };
        // A fresh scope per iteration for let/const heads.
        let (decls, target) = match &**left {
            ForHead::VarDecl(k, p) => (scope::head_decls(*k, &[p], 0), p),
            ForHead::Target(p) => (Vec::new(), p),
        };
        let inner = self.mark();
        self.open_scope(scope::key_of(s), &decls, false);
        let is_decl = matches!(&**left, ForHead::VarDecl(..));
        self.destructure(target, val, is_decl, &Src::Text(".for".into()))?;
        self.stmt(body)?;
        self.close_scope();
        self.free_to(inner);
        let cont = self.here();
        self.emit_loop(top);
        self.patch_here(next);
        self.end_control(Some(cont));
        self.free_to(m);
        Ok(())
    }

    /// Binds (`init`: a declaration's initialisation) or assigns `src` to
    /// pattern `p`; `how` names the source in V8's error messages.
    fn destructure(&mut self, p: &Pattern, src: Reg, init: bool, how: &Src) -> CResult<()> {
        match &p.kind {
            PatternKind::Ident(n) => self.store_binding(n, src, p.span, init),
            PatternKind::Member(e) => self.store_to_member(e, src),
            PatternKind::Object { props, rest } => {
                self.object_pattern(props, rest.as_deref(), src, init, how)
            }
            PatternKind::Array { elems, rest } => {
                self.array_pattern(elems, rest.as_deref(), src, init, how)
            }
        }
    }

    /// Evaluates a member target of an assignment pattern before its value
    /// is read (the spec's order); other targets need nothing yet.
    fn pattern_target(&mut self, p: &Pattern) -> CResult<Option<MemberTarget>> {
        match &p.kind {
            PatternKind::Member(e) => self.member_target(e).map(Some),
            _ => Ok(None),
        }
    }

    /// One element or property whose value is in `t`: the default when it
    /// is undefined, then the target.
    fn pattern_element(
        &mut self,
        target: &Pattern,
        default: Option<&Expr>,
        t: Reg,
        init: bool,
        member: Option<MemberTarget>,
    ) -> CResult<()> {
        if let Some(d) = default {
            let skip = self.emit(Insn::JmpUndef { src: t, off: 0 });
            let over = self.emit(Insn::Jmp { off: 0 });
            self.patch_here(skip);
            let name = match &target.kind {
                PatternKind::Ident(n) => Some(n.to_string()),
                _ => None,
            };
            self.expr_to(d, t, name.as_deref())?;
            self.patch_here(over);
        }
        match member {
            Some(mt) => {
                self.emit_set(mt, t);
                Ok(())
            }
            None => self.destructure(target, t, init, &Src::Nested),
        }
    }

    fn object_pattern(
        &mut self,
        props: &[ObjectPatProp],
        rest: Option<&Pattern>,
        src: Reg,
        init: bool,
        how: &Src,
    ) -> CResult<()> {
        let m = self.mark();
        // RequireObjectCoercible, worded as V8 words it. A nested pattern
        // with a first named property lets that property's read report.
        let first = props.first().and_then(|p| static_key(&p.key));
        // V8 also lets the read report when the first property has a default.
        let first_reports = props.first().is_some_and(|p| p.default.is_some()) && first.is_some();
        let shown = match how {
            _ if first_reports => None,
            Src::Text(t) | Src::Member(t) => Some(t.clone()),
            Src::Call(c) => Some(format!("{c}(...)")),
            Src::Typed => Some("%t".to_string()),
            Src::Nested => first.is_none().then(|| "%t".to_string()),
        };
        if let Some(shown) = shown {
            let msg = match &first {
                Some(k) => format!("Cannot destructure property '{k}' of '{shown}' as it is %v."),
                None => format!("Cannot destructure '{shown}' as it is %v."),
            };
            let k = self.name_const(&msg);
            self.emit(Insn::RequireObject { src, msg: k });
        }
        let excl = match rest {
            Some(_) => {
                let x = self.alloc();
                self.emit(Insn::NewArray {
                    dst: x,
                    n: props.len().min(1024) as u16,
                });
                Some(x)
            }
            None => None,
        };
        for prop in props {
            let pm = self.mark();
            let member = self.pattern_target(&prop.value)?;
            let t = self.alloc();
            match static_key(&prop.key) {
                None => {
                    let ast::PropKey::Computed(e) = &prop.key else {
                        unreachable!("only computed keys are not static")
                    };
                    let kr = self.alloc();
                    self.expr_to(e, kr, None)?;
                    let fb = self.fb();
                    self.position(prop.span);
                    self.emit(Insn::GetElem {
                        dst: t,
                        obj: src,
                        key: kr,
                        fb,
                    });
                    if let Some(x) = excl {
                        self.emit(Insn::ArrayPush { arr: x, src: kr });
                    }
                }
                Some(name) => {
                    let k = self.name_const(&name);
                    let fb = self.fb();
                    self.position(prop.span);
                    self.emit(Insn::GetProp {
                        dst: t,
                        obj: src,
                        name: k,
                        fb,
                    });
                    if let Some(x) = excl {
                        let kr = self.alloc();
                        self.emit(Insn::LdConst { dst: kr, k });
                        self.emit(Insn::ArrayPush { arr: x, src: kr });
                    }
                }
            }
            self.pattern_element(&prop.value, prop.default.as_ref(), t, init, member)?;
            self.free_to(pm);
        }
        if let (Some(r), Some(x)) = (rest, excl) {
            let member = self.pattern_target(r)?;
            let o = self.alloc();
            self.emit(Insn::NewObject { dst: o });
            self.emit(Insn::CopyProps {
                obj: o,
                src,
                excl: x,
            });
            self.pattern_element(r, None, o, init, member)?;
        }
        self.free_to(m);
        Ok(())
    }

    fn array_pattern(
        &mut self,
        elems: &[Option<PatElem>],
        rest: Option<&Pattern>,
        src: Reg,
        init: bool,
        how: &Src,
    ) -> CResult<()> {
        let m = self.mark();
        let iter = self.alloc();
        let _index = self.alloc();
        let hint = match how {
            Src::Text(t) => format!("{}{t}", iter_hint::NAMED),
            Src::Call(c) => format!(
                "{}{c} is not a function or its return value is not iterable",
                iter_hint::MESSAGE
            ),
            Src::Member(_) | Src::Typed | Src::Nested => iter_hint::TYPED.to_string(),
        };
        self.record_text(hint);
        self.emit(Insn::ForOfStart { iter, src });
        // A done iteration stays done, so every element reads next once and
        // keeps undefined when there is none.
        for e in elems {
            let em = self.mark();
            match e {
                None => {
                    let t = self.alloc();
                    self.emit(Insn::ForOfNext {
                        dst: t,
                        iter,
                        off: 0,
                    });
                }
                Some(pe) => {
                    let member = self.pattern_target(&pe.target)?;
                    let t = self.alloc();
                    self.emit(Insn::LdUndef { dst: t });
                    self.emit(Insn::ForOfNext {
                        dst: t,
                        iter,
                        off: 0,
                    });
                    self.pattern_element(&pe.target, pe.default.as_ref(), t, init, member)?;
                }
            }
            self.free_to(em);
        }
        if let Some(r) = rest {
            let member = self.pattern_target(r)?;
            let arr = self.alloc();
            self.emit(Insn::NewArray { dst: arr, n: 0 });
            let t = self.alloc();
            let top = self.here();
            let next = self.emit(Insn::ForOfNext {
                dst: t,
                iter,
                off: 0,
            });
            self.emit(Insn::ArrayPush { arr, src: t });
            self.emit_loop(top);
            self.patch_here(next);
            self.pattern_element(r, None, arr, init, member)?;
        }
        self.free_to(m);
        Ok(())
    }

    /// Records `text` for the instruction about to be emitted (error
    /// wording: callee names, iteration hints).
    fn record_text(&mut self, text: String) {
        let pc = self.here() as u32;
        self.f().callee_names.push((pc, text));
    }

    /// How V8 names the value of `e` when destructuring it fails.
    fn src_of(&self, e: &Expr) -> Src {
        match &e.kind {
            ExprKind::Ident(_) | ExprKind::Conditional { .. } => Src::Text(self.v8_text(e)),
            ExprKind::Call { callee, .. } => Src::Call(self.callee_text(callee)),
            ExprKind::Num(_)
            | ExprKind::Str(_)
            | ExprKind::Bool(_)
            | ExprKind::Null
            | ExprKind::Object(_)
            | ExprKind::Array(_) => Src::Text(self.span_text(e.span.start, e.span.end)),
            ExprKind::Member { .. }
            | ExprKind::Index { .. }
            | ExprKind::Logical { .. }
            | ExprKind::Binary { .. }
            | ExprKind::Sequence(_)
            | ExprKind::Unary {
                op: UnaryOp::Void, ..
            }
            | ExprKind::Assign { .. }
            | ExprKind::OptionalChain(_) => Src::Member(self.v8_text(e)),
            _ => Src::Typed,
        }
    }

    /// `obj.x = src` / `obj[k] = src` for a Member/Index expression.
    fn store_to_member(&mut self, e: &Expr, src: Reg) -> CResult<()> {
        let m = self.mark();
        match &e.kind {
            ExprKind::Member { object, name, .. } => {
                let o = self.expr_any(object)?;
                let k = self.name_const(name);
                let fb = self.fb();
                self.emit(Insn::SetProp {
                    obj: o,
                    name: k,
                    src,
                    fb,
                });
            }
            ExprKind::Index { object, index, .. } => {
                let o = self.expr_any_kept(object, index)?;
                let k = self.expr_any(index)?;
                let fb = self.fb();
                self.emit(Insn::SetElem {
                    obj: o,
                    key: k,
                    src,
                    fb,
                });
            }
            ExprKind::SuperMember(_) | ExprKind::SuperIndex(_) => {
                let k = self.super_key(e)?;
                self.emit(Insn::SetSuper { key: k, src });
            }
            _ => return Err(unsupported("this assignment target", e.span)),
        }
        self.free_to(m);
        Ok(())
    }

    /// The key of `super.name` / `super[expr]` in a new register, after
    /// the this-binding check (`super[f()]` before `super()` throws the
    /// ReferenceError before calling f).
    fn super_key(&mut self, e: &Expr) -> CResult<Reg> {
        self.check_super_this();
        let k = self.alloc();
        match &e.kind {
            ExprKind::SuperMember(n) => {
                let c = self.name_const(n);
                self.emit(Insn::LdConst { dst: k, k: c });
            }
            ExprKind::SuperIndex(x) => self.expr_to(x, k, None)?,
            _ => unreachable!("super_key on a non-super expression"),
        }
        Ok(k)
    }

    fn var_decl(&mut self, d: &VarDecl) -> CResult<()> {
        for decl in &d.decls {
            let name = match &decl.target.kind {
                PatternKind::Ident(n) => n.clone(),
                _ => {
                    let init = decl
                        .init
                        .as_ref()
                        .expect("parser: patterns have initialisers");
                    let m = self.mark();
                    let r = self.alloc();
                    self.expr_to(init, r, None)?;
                    let how = self.src_of(init);
                    self.destructure(&decl.target, r, true, &how)?;
                    self.free_to(m);
                    continue;
                }
            };
            let m = self.mark();
            match &decl.init {
                Some(init) => {
                    let r = self.alloc();
                    self.expr_to(init, r, Some(&name))?;
                    self.store_binding(&name, r, decl.span, true)?;
                }
                None if d.kind == VarKind::Let => {
                    let r = self.alloc();
                    self.emit(Insn::LdUndef { dst: r });
                    self.store_binding(&name, r, decl.span, true)?;
                }
                None => {}
            }
            self.free_to(m);
        }
        Ok(())
    }

    /// `break`/`continue` (with an optional label), routed through any
    /// enclosing finally blocks.
    fn jump_out(&mut self, label: Option<&Ident>, is_continue: bool, span: Span) -> CResult<()> {
        let f = self.fns.last().unwrap();
        let idx = f.controls.iter().rposition(|c| match label {
            Some(l) => c.labels.contains(l) && (!is_continue || c.is_loop),
            None => c.is_loop || (!is_continue && c.labels.is_empty()),
        });
        let Some(idx) = idx else {
            return Err(SyntaxError {
                message: "Illegal break statement".into(),
                span,
            });
        };
        let exit = if is_continue {
            Exit::Continue(idx)
        } else {
            Exit::Break(idx)
        };
        self.route_exit(exit);
        Ok(())
    }

    /// Emits the jump for `exit`, through the innermost finally inside its target.
    fn route_exit(&mut self, exit: Exit) {
        let (fin_height, scope_height) = match &exit {
            Exit::Break(i) | Exit::Continue(i) => {
                let c = &self.fns.last().unwrap().controls[*i];
                (c.fin_height, c.scope_height)
            }
            Exit::Return => (0, self.fns.last().unwrap().scope_base),
        };
        let nfin = self.f().finallys.len();
        if nfin > fin_height {
            // Record the exit with the innermost finally and jump there.
            let fin = self.f().finallys.last_mut().unwrap();
            let code = COMPLETION_RETURN + 1 + fin.exits.len() as i32;
            let code = if matches!(exit, Exit::Return) {
                COMPLETION_RETURN
            } else {
                code
            };
            if code != COMPLETION_RETURN {
                fin.exits.push((code, exit));
            }
            let kind_reg = fin.kind_reg;
            self.emit(Insn::LdInt {
                dst: kind_reg,
                imm: code,
            });
            let j = self.emit(Insn::Jmp { off: 0 });
            self.f().finallys.last_mut().unwrap().entries.push(j);
            return;
        }
        match exit {
            Exit::Break(i) => {
                self.pop_contexts_to(scope_height);
                let j = self.emit(Insn::Jmp { off: 0 });
                self.f().controls[i].breaks.push(j);
            }
            Exit::Continue(i) => {
                self.pop_contexts_to(scope_height);
                let j = self.emit(Insn::Jmp { off: 0 });
                self.f().controls[i].continues.push(j);
            }
            Exit::Return => unreachable!("returns are handled by emit_return"),
        }
    }

    fn emit_return(&mut self, r: Reg) {
        if let Some(fin) = self.f().finallys.last() {
            let val = fin.val_reg;
            self.emit(Insn::Mov { dst: val, src: r });
            self.route_exit(Exit::Return);
        } else {
            self.emit(Insn::Return { src: r });
        }
    }

    fn try_stmt(
        &mut self,
        block: &Vec<Stmt>,
        handler: Option<&CatchClause>,
        finalizer: Option<&Vec<Stmt>>,
    ) -> CResult<()> {
        let m = self.mark();
        let saved_ctx = self.alloc();
        self.emit(Insn::GetCtx { dst: saved_ctx });
        let (kind_reg, val_reg) = if finalizer.is_some() {
            (self.alloc(), self.alloc())
        } else {
            (0, 0)
        };
        if finalizer.is_some() {
            self.f().finallys.push(Finally {
                kind_reg,
                val_reg,
                entries: Vec::new(),
                exits: Vec::new(),
            });
        }
        let exc = self.alloc();
        // The protected block.
        let start = self.here();
        self.block(scope::key_of(block), block)?;
        let end = self.here();
        let mut to_normal = vec![self.emit(Insn::Jmp { off: 0 })];
        let mut throw_regions: Vec<(usize, usize)> = Vec::new();
        if let Some(h) = handler {
            let target = self.here();
            self.f().handlers.push(Handler {
                start: start as u32,
                end: end as u32,
                target: target as u32,
                exc,
            });
            self.emit(Insn::SetCtx { src: saved_ctx });
            let cstart = self.here();
            let cm = self.mark();
            let decls = scope::catch_decls(h);
            self.open_scope(scope::key_of(h), &decls, false);
            if let Some(p) = &h.param {
                self.destructure(p, exc, true, &Src::Member(".catch".into()))?;
            }
            // (Only function declarations are hoisted: the parameter's
            // names, however many its pattern binds, are not among them.)
            self.hoist_functions(&decls)?;
            self.stmts(&h.body)?;
            self.close_scope();
            self.free_to(cm);
            let cend = self.here();
            to_normal.push(self.emit(Insn::Jmp { off: 0 }));
            throw_regions.push((cstart, cend));
        } else {
            throw_regions.push((start, end));
        }
        let Some(fin) = finalizer else {
            for j in to_normal {
                self.patch_here(j);
            }
            self.free_to(m);
            return Ok(());
        };
        // Exceptions in the try (without catch) or in the catch block run
        // the finally block, then rethrow.
        let fin_handler = self.here();
        for (s, e) in throw_regions {
            self.f().handlers.push(Handler {
                start: s as u32,
                end: e as u32,
                target: fin_handler as u32,
                exc: val_reg,
            });
        }
        self.emit(Insn::SetCtx { src: saved_ctx });
        self.emit(Insn::LdInt {
            dst: kind_reg,
            imm: COMPLETION_THROW,
        });
        let to_fin = self.emit(Insn::Jmp { off: 0 });
        for j in to_normal {
            self.patch_here(j);
        }
        self.emit(Insn::LdInt {
            dst: kind_reg,
            imm: COMPLETION_NORMAL,
        });
        self.patch_here(to_fin);
        let info = self.f().finallys.pop().unwrap();
        let fin_start = self.here();
        for j in &info.entries {
            self.patch(*j, fin_start);
        }
        // Exits that jumped here came from inner scopes: restore the context.
        self.emit(Insn::SetCtx { src: saved_ctx });
        self.block(scope::key_of(fin), fin)?;
        // Dispatch on how the try block ended.
        let t = self.alloc();
        let c = self.alloc();
        let mut skip_normal = Vec::new();
        self.completion_is(t, c, kind_reg, COMPLETION_NORMAL);
        skip_normal.push(self.emit(Insn::JmpTrue { src: t, off: 0 }));
        self.completion_is(t, c, kind_reg, COMPLETION_THROW);
        let not_throw = self.emit(Insn::JmpFalse { src: t, off: 0 });
        self.emit(Insn::Throw { src: val_reg });
        self.patch_here(not_throw);
        for (code, exit) in info.exits.clone() {
            self.completion_is(t, c, kind_reg, code);
            let next = self.emit(Insn::JmpFalse { src: t, off: 0 });
            self.route_exit(exit);
            self.patch_here(next);
        }
        // What is left is a return.
        self.emit_return(val_reg);
        for j in skip_normal {
            self.patch_here(j);
        }
        self.free_to(m);
        Ok(())
    }

    /// t = (kind_reg === code), using scratch register `c`.
    fn completion_is(&mut self, t: Reg, c: Reg, kind_reg: Reg, code: i32) {
        self.emit(Insn::LdInt { dst: c, imm: code });
        let fb = self.fb();
        self.emit(Insn::StrictEq {
            dst: t,
            a: kind_reg,
            b: c,
            fb,
        });
    }

    fn switch_stmt(
        &mut self,
        s: &Stmt,
        disc: &Expr,
        cases: &[SwitchCase],
        labels: Vec<Ident>,
    ) -> CResult<()> {
        let m = self.mark();
        let d = self.alloc();
        self.expr_to(disc, d, None)?;
        let decls = scope::switch_decls(cases);
        self.open_scope(scope::key_of(s), &decls, true);
        self.hoist_functions(&decls)?;
        let ctl = self.new_control(labels, false);
        self.f().controls.push(ctl);
        let mut case_jumps = Vec::new();
        let t = self.alloc();
        for c in cases {
            if let Some(test) = &c.test {
                self.expr_to(test, t, None)?;
                let fb = self.fb();
                self.emit(Insn::StrictEq {
                    dst: t,
                    a: d,
                    b: t,
                    fb,
                });
                case_jumps.push(Some(self.emit(Insn::JmpTrue { src: t, off: 0 })));
            } else {
                case_jumps.push(None);
            }
        }
        self.free_to(t);
        let to_default = self.emit(Insn::Jmp { off: 0 });
        let mut default_at = None;
        for (c, j) in cases.iter().zip(case_jumps) {
            match j {
                Some(j) => self.patch_here(j),
                None => default_at = Some(self.here()),
            }
            self.stmts(&c.body)?;
        }
        let end = self.here();
        self.patch(to_default, default_at.unwrap_or(end));
        // Breaks leave the switch scope: pop its context at the end only
        // (breaks jump to just before the pop via the control's height).
        let c = self.f().controls.pop().unwrap();
        for b in c.breaks {
            self.patch_here(b);
        }
        self.close_scope();
        self.free_to(m);
        Ok(())
    }

    // ----- classes -----

    /// Compiles a class; `name_hint` names an anonymous class expression.
    fn class(&mut self, c: &Rc<Class>, dst: Reg, name_hint: Option<&str>) -> CResult<()> {
        let m = self.mark();
        let parent = self.alloc();
        // The class's own name is in scope (in its TDZ) for the heritage
        // expression: `class x extends x {}` is a ReferenceError.
        let decls: Vec<Decl> = c
            .name
            .iter()
            .map(|n| Decl {
                name: n.clone(),
                kind: DeclKind::Const,
                init_end: c.span.end,
            })
            .collect();
        let inner_m = self.mark();
        self.open_scope(scope::key_of(&**c), &decls, false);
        match &c.extends {
            Some(e) => self.expr_to(e, parent, None)?,
            None => {
                self.emit(Insn::LdEmpty { dst: parent });
            }
        }
        let name = c.name.as_deref().or(name_hint).unwrap_or("").to_string();
        let ctor = self.alloc();
        let derived = c.extends.is_some();
        let instance_fields = class_fields(c, false);
        // Computed field names are evaluated once, here; the initialiser
        // reads them from synthetic bindings captured in a context.
        let mut key_decls = Vec::new();
        for (i, f) in c.members.iter().enumerate() {
            if let ClassMemberKind::Field {
                key: ast::PropKey::Computed(_),
                ..
            } = &f.kind
            {
                let n: Ident = Rc::from(format!("#field{i}"));
                self.analysis
                    .captured
                    .insert((scope::key_of(&**c) + 4, n.clone()));
                key_decls.push(Decl {
                    name: n,
                    kind: DeclKind::Var,
                    init_end: 0,
                });
            }
        }
        let keys_m = self.mark();
        let keys_scope = !key_decls.is_empty();
        if keys_scope {
            self.open_scope(scope::key_of(&**c) + 4, &key_decls, false);
        }
        match &c.constructor {
            Some(f) => self.function_value(f, ctor, &name)?,
            None => {
                let kind = if derived {
                    FuncKind::DerivedConstructor
                } else {
                    FuncKind::ClassConstructor
                };
                let body = if derived {
                    Body::DefaultDerived
                } else {
                    Body::Stmts(&[])
                };
                let key = scope::key_of(&**c) + 3;
                let proto =
                    self.compile_function(key, kind, &name, &[], None, None, body, 0, c.span)?;
                self.emit_closure(proto, ctor);
            }
        }
        self.emit(Insn::Class {
            dst: ctor,
            ctor,
            parent,
        });
        let proto = self.alloc();
        let k = self.name_const("prototype");
        let fb = self.fb();
        self.emit(Insn::GetProp {
            dst: proto,
            obj: ctor,
            name: k,
            fb,
        });
        for (i, mem) in c.members.iter().enumerate() {
            if let ClassMemberKind::Field {
                key: ast::PropKey::Computed(e),
                ..
            } = &mem.kind
            {
                let t = self.alloc();
                self.computed_key_to(e, t)?;
                let n: Ident = Rc::from(format!("#field{i}"));
                self.store_binding(&n, t, e.span, true)?;
                self.free_to(t);
                continue;
            }
            if let ClassMemberKind::Method { key, func } = &mem.kind {
                let mm = self.mark();
                let target = if mem.is_static { ctor } else { proto };
                let kr = self.alloc();
                let fr = self.alloc();
                let kname = self.prop_key_to(key, kr)?;
                self.function_value(func, fr, kname.as_deref().unwrap_or(""))?;
                if kname.is_none() {
                    self.emit(Insn::SetFunctionName { func: fr, key: kr });
                }
                self.define_method(func.kind, target, kr, fr, 0);
                self.free_to(mm);
            }
        }
        if !instance_fields.is_empty() {
            let init = self.alloc();
            let proto_fn = self.fields_initializer(c, false, instance_fields)?;
            self.emit_closure(proto_fn, init);
            self.emit(Insn::SetFieldInit { ctor, init });
            self.free_to(init);
        }
        // The inner class binding is initialised before static fields run.
        if let Some(n) = &c.name {
            self.store_binding(n, ctor, c.span, true)?;
        }
        let static_fields = class_fields(c, true);
        if !static_fields.is_empty() {
            let base = self.alloc();
            let this = self.alloc();
            let proto_fn = self.fields_initializer(c, true, static_fields)?;
            self.emit_closure(proto_fn, base);
            // `super` in a static initialiser is the class's parent.
            self.emit(Insn::SetHome {
                func: base,
                home: ctor,
            });
            self.emit(Insn::Mov {
                dst: this,
                src: ctor,
            });
            let fb = self.fb();
            self.emit(Insn::Call {
                dst: base,
                base,
                argc: 0,
                fb,
            });
        }
        self.emit(Insn::Mov { dst, src: ctor });
        if keys_scope {
            self.close_scope();
        }
        self.free_to(keys_m);
        self.close_scope();
        self.free_to(inner_m);
        self.free_to(m);
        Ok(())
    }

    /// The synthetic method that runs a class's instance (or static) field
    /// initialisers with `this` bound to the instance (or the class).
    fn fields_initializer(
        &mut self,
        c: &Class,
        is_static: bool,
        fields: Vec<(&ClassMember, usize)>,
    ) -> CResult<FuncProto> {
        let (key, name) = if is_static {
            (scope::static_fields_key(c), "<static_initializer>")
        } else {
            (scope::fields_key(c), "<instance_members_initializer>")
        };
        self.compile_function(
            key,
            FuncKind::FieldInit,
            name,
            &[],
            None,
            None,
            Body::Fields(fields),
            0,
            c.span,
        )
    }

    fn define_method(&mut self, kind: FunctionKind, obj: Reg, key: Reg, f: Reg, enumerable: u16) {
        match kind {
            FunctionKind::Getter | FunctionKind::Setter => {
                let u = self.alloc();
                self.emit(Insn::LdUndef { dst: u });
                let (getter, setter) = if kind == FunctionKind::Getter {
                    (f, u)
                } else {
                    (u, f)
                };
                self.emit(Insn::DefineAccessor {
                    obj,
                    key,
                    getter,
                    setter,
                    enumerable,
                });
                self.free_to(u);
            }
            _ => {
                self.emit(Insn::DefineMethod {
                    obj,
                    key,
                    src: f,
                    enumerable,
                });
            }
        }
    }

    /// Loads a property key into `dst`; returns its static name if known.
    fn prop_key_to(&mut self, key: &ast::PropKey, dst: Reg) -> CResult<Option<String>> {
        Ok(match key {
            ast::PropKey::Name(n) => {
                let k = self.name_const(n);
                self.emit(Insn::LdConst { dst, k });
                Some(n.to_string())
            }
            ast::PropKey::Str(s) => {
                let k = self.str_const(s);
                self.emit(Insn::LdConst { dst, k });
                Some(String::from_utf16_lossy(s))
            }
            ast::PropKey::Num(n) => {
                let s = crate::runtime::numconv::number_to_string(*n);
                let k = self.name_const(&s);
                self.emit(Insn::LdConst { dst, k });
                Some(s)
            }
            ast::PropKey::Computed(e) => {
                self.computed_key_to(e, dst)?;
                None
            }
        })
    }

    /// A computed property name, converted with ToPropertyKey where it is
    /// evaluated (before the value, or at class definition for a field).
    fn computed_key_to(&mut self, e: &Expr, dst: Reg) -> CResult<()> {
        self.expr_to(e, dst, None)?;
        if !matches!(e.kind, ExprKind::Num(_) | ExprKind::Str(_)) {
            self.emit(Insn::ToPropKey { dst, src: dst });
        }
        Ok(())
    }

    // ----- expressions -----

    /// Evaluates `e` into some register: a local's own register when that
    /// is safe, else a new temporary.
    fn expr_any(&mut self, e: &Expr) -> CResult<Reg> {
        if let ExprKind::Ident(n) = &e.kind {
            if let Some(r) = self.local_reg(n, e.span.start) {
                return Ok(r);
            }
        }
        if let ExprKind::This = &e.kind {
            if !self.fns.last().unwrap().is_arrow && self.f().kind != FuncKind::DerivedConstructor {
                return Ok(1);
            }
        }
        let r = self.alloc();
        self.expr_to(e, r, None)?;
        Ok(r)
    }

    /// Like `expr_any` for a left operand, but copies a local when `later`
    /// might assign it before the operand is used.
    fn expr_any_kept(&mut self, e: &Expr, later: &Expr) -> CResult<Reg> {
        if is_simple(later) {
            self.expr_any(e)
        } else {
            let r = self.alloc();
            self.expr_to(e, r, None)?;
            Ok(r)
        }
    }

    fn load_this(&mut self, dst: Reg) {
        let f = self.fns.last().unwrap();
        if f.is_arrow || f.kind == FuncKind::FieldInit && f.this_slot.is_some() {
            // Lexical this: the nearest non-arrow function's this slot.
            let this_name: Ident = Rc::from("this");
            if let Some((i, b)) = self.lookup(&this_name) {
                if let Loc::Ctx(slot) = b.loc {
                    let depth = self.ctx_depth(i);
                    self.emit(Insn::LdCtx { dst, depth, slot });
                    self.check_this(dst);
                    return;
                }
            }
            self.emit(Insn::LdUndef { dst });
            return;
        }
        if dst != 1 {
            self.emit(Insn::Mov { dst, src: 1 });
        }
        self.check_this(dst);
    }

    /// In a derived constructor, `this` is a hole until super() returns.
    /// A super property reference reads the this binding first.
    fn check_super_this(&mut self) {
        if !self.fns.last().unwrap().is_arrow {
            self.check_this(1);
        }
    }

    fn check_this(&mut self, r: Reg) {
        let in_derived = self.fns.iter().rev().find(|f| !f.is_arrow).map(|f| f.kind)
            == Some(FuncKind::DerivedConstructor);
        if in_derived {
            let k = self.name_const("this");
            self.emit(Insn::CheckTdz { src: r, name: k });
        }
    }

    fn callee_text(&self, e: &Expr) -> String {
        match &e.kind {
            ExprKind::Ident(_) | ExprKind::This => self.span_text(e.span.start, e.span.end),
            ExprKind::Member { object, .. } | ExprKind::Index { object, .. } => {
                let start = self.chain_start(object);
                self.span_text(start, e.span.end)
            }
            ExprKind::Call { callee, .. } => format!("{}(...)", self.callee_text(callee)),
            ExprKind::SuperMember(n) => format!("(intermediate value).{n}"),
            _ => "(intermediate value)".into(),
        }
    }

    /// An expression as V8's CallPrinter shows it in destructuring and
    /// spread errors: names and member chains as written, operators
    /// parenthesised, what it cannot print as "(intermediate value)".
    fn v8_text(&self, e: &Expr) -> String {
        const IV: &str = "(intermediate value)";
        match &e.kind {
            ExprKind::Index { object, index, .. } => match &index.kind {
                ExprKind::Str(s) => {
                    let k = String::from_utf16_lossy(s);
                    let ident = k
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$')
                        && k.chars()
                            .all(|c| c.is_alphanumeric() || c == '_' || c == '$');
                    if ident {
                        format!("{}.{k}", self.v8_text(object))
                    } else {
                        self.callee_text(e)
                    }
                }
                _ => self.callee_text(e),
            },
            ExprKind::Ident(_)
            | ExprKind::This
            | ExprKind::Member { .. }
            | ExprKind::Call { .. } => self.callee_text(e),
            ExprKind::Num(_) | ExprKind::Str(_) | ExprKind::Bool(_) | ExprKind::Null => {
                self.span_text(e.span.start, e.span.end)
            }
            ExprKind::Logical { op, left, right } => format!(
                "({} {} {})",
                self.v8_text(left),
                op.as_str(),
                self.v8_text(right)
            ),
            ExprKind::Binary { op, left, right } => format!(
                "({} {} {})",
                self.v8_text(left),
                op.as_str(),
                self.v8_text(right)
            ),
            ExprKind::Sequence(es) => format!(
                "({})",
                es.iter()
                    .map(|x| self.v8_text(x))
                    .collect::<Vec<_>>()
                    .join(" , ")
            ),
            ExprKind::Unary {
                op: UnaryOp::Void,
                arg,
            } => format!("(void {})", self.v8_text(arg)),
            ExprKind::Assign { target, .. } => match &target.kind {
                PatternKind::Ident(n) => n.to_string(),
                PatternKind::Member(m) => self.v8_text(m),
                _ => IV.into(),
            },
            ExprKind::Conditional { .. } => IV.repeat(3),
            _ => IV.into(),
        }
    }

    fn span_text(&self, start: u32, end: u32) -> String {
        self.source
            .get(start as usize..end as usize)
            .unwrap_or("expression")
            .to_string()
    }

    /// Where a member chain's innermost object starts.
    fn chain_start(&self, e: &Expr) -> u32 {
        match &e.kind {
            ExprKind::Member { object, .. } | ExprKind::Index { object, .. } => {
                self.chain_start(object)
            }
            _ => e.span.start,
        }
    }

    fn record_callee(&mut self, e: &Expr) {
        let t = self.callee_text(e);
        let pc = self.here() as u32;
        self.f().callee_names.push((pc, t));
    }

    /// Evaluates `e` into `dst`. `name` names an anonymous function or
    /// class value (from the binding or key it is assigned to).
    fn expr_to(&mut self, e: &Expr, dst: Reg, name: Option<&str>) -> CResult<()> {
        self.too_many(e.span)?;
        let m = self.mark();
        match &e.kind {
            ExprKind::Num(n) => self.load_num(dst, *n),
            ExprKind::Str(s) => {
                let k = self.str_const(s);
                self.emit(Insn::LdConst { dst, k });
            }
            ExprKind::Bool(b) => {
                self.emit(if *b {
                    Insn::LdTrue { dst }
                } else {
                    Insn::LdFalse { dst }
                });
            }
            ExprKind::Null => {
                self.emit(Insn::LdNull { dst });
            }
            ExprKind::Template { quasis, exprs } => {
                let k = self.str_const(&quasis[0]);
                let acc = self.alloc();
                self.emit(Insn::LdConst { dst: acc, k });
                let t = self.alloc();
                for (i, x) in exprs.iter().enumerate() {
                    self.expr_to(x, t, None)?;
                    self.emit(Insn::ToString { dst: t, src: t });
                    let fb = self.fb();
                    self.emit(Insn::Add {
                        dst: acc,
                        a: acc,
                        b: t,
                        fb,
                    });
                    if !quasis[i + 1].is_empty() {
                        let k = self.str_const(&quasis[i + 1]);
                        self.emit(Insn::LdConst { dst: t, k });
                        let fb = self.fb();
                        self.emit(Insn::Add {
                            dst: acc,
                            a: acc,
                            b: t,
                            fb,
                        });
                    }
                }
                self.emit(Insn::Mov { dst, src: acc });
            }
            ExprKind::Ident(n) => {
                self.position(e.span);
                self.load_ident(n, dst, e.span, false)?
            }
            ExprKind::This => self.load_this(dst),
            ExprKind::Array(items) => {
                let arr = self.alloc();
                self.emit(Insn::NewArray {
                    dst: arr,
                    n: items.len().min(1024) as u16,
                });
                let t = self.alloc();
                for it in items {
                    match it {
                        None => {
                            self.emit(Insn::ArrayHole { arr });
                        }
                        Some(a) if a.spread => {
                            self.expr_to(&a.expr, t, None)?;
                            if let Some(h) = self.iterable_hint(&a.expr, false) {
                                self.record_text(h);
                            }
                            self.emit(Insn::ArrayExtend { arr, src: t });
                        }
                        Some(a) => {
                            self.expr_to(&a.expr, t, None)?;
                            self.emit(Insn::ArrayPush { arr, src: t });
                        }
                    }
                }
                self.emit(Insn::Mov { dst, src: arr });
            }
            ExprKind::Object(props) => self.object_literal(props, dst)?,
            ExprKind::Function(f) => self.function_value(f, dst, name.unwrap_or(""))?,
            ExprKind::Class(c) => self.class(c, dst, name)?,
            ExprKind::Unary { op, arg } => self.unary(*op, arg, dst)?,
            ExprKind::Update { op, prefix, target } => self.update(*op, *prefix, target, dst)?,
            ExprKind::Binary { op, left, right } => {
                let a = self.expr_any_kept(left, right)?;
                let b = self.expr_any(right)?;
                self.position(e.span);
                self.binary(*op, dst, a, b);
            }
            ExprKind::Logical { op, left, right } => {
                self.expr_to(left, dst, None)?;
                let j = match op {
                    LogicalOp::And => self.emit(Insn::JmpFalse { src: dst, off: 0 }),
                    LogicalOp::Or => self.emit(Insn::JmpTrue { src: dst, off: 0 }),
                    LogicalOp::Nullish => self.emit(Insn::JmpNotNullish { src: dst, off: 0 }),
                };
                self.expr_to(right, dst, None)?;
                self.patch_here(j);
            }
            ExprKind::Conditional { test, cons, alt } => {
                let t = self.alloc();
                self.expr_to(test, t, None)?;
                let jf = self.emit(Insn::JmpFalse { src: t, off: 0 });
                self.free_to(t);
                self.expr_to(cons, dst, None)?;
                let je = self.emit(Insn::Jmp { off: 0 });
                self.patch_here(jf);
                self.expr_to(alt, dst, None)?;
                self.patch_here(je);
            }
            ExprKind::Assign { op, target, value } => self.assign(*op, target, value, dst)?,
            ExprKind::Sequence(xs) => {
                for (i, x) in xs.iter().enumerate() {
                    if i + 1 == xs.len() {
                        self.expr_to(x, dst, None)?;
                    } else {
                        let t = self.alloc();
                        self.expr_to(x, t, None)?;
                        self.free_to(t);
                    }
                }
            }
            ExprKind::Call { .. } => self.call(e, dst, None)?,
            ExprKind::New { callee, args } => {
                let base = self.alloc();
                let _this = self.alloc();
                self.expr_to(callee, base, None)?;
                let argc = self.args(args)?;
                self.position(e.span);
                self.record_callee(callee);
                let fb = self.fb();
                self.emit(match argc {
                    Some(argc) => Insn::New {
                        dst: base,
                        base,
                        argc,
                        fb,
                    },
                    None => Insn::NewSpread {
                        dst: base,
                        base,
                        fb,
                    },
                });
                self.emit(Insn::Mov { dst, src: base });
            }
            ExprKind::Member { .. } | ExprKind::Index { .. } if self.fast_arguments(e, dst)? => {}
            ExprKind::Member {
                object,
                name: pname,
                ..
            } => {
                let o = self.expr_any(object)?;
                self.position(e.span);
                let k = self.name_const(pname);
                let fb = self.fb();
                self.emit(Insn::GetProp {
                    dst,
                    obj: o,
                    name: k,
                    fb,
                });
            }
            ExprKind::Index { object, index, .. } => {
                let o = self.expr_any_kept(object, index)?;
                let k = self.expr_any(index)?;
                self.position(e.span);
                let fb = self.fb();
                self.emit(Insn::GetElem {
                    dst,
                    obj: o,
                    key: k,
                    fb,
                });
            }
            ExprKind::OptionalChain(inner) => {
                let mut exits = Vec::new();
                self.chain(inner, dst, &mut exits)?;
                if !exits.is_empty() {
                    let done = self.emit(Insn::Jmp { off: 0 });
                    for j in exits {
                        self.patch_here(j);
                    }
                    self.emit(Insn::LdUndef { dst });
                    self.patch_here(done);
                }
            }
            ExprKind::SuperCall(args) => {
                let base = self.alloc();
                let _this = self.alloc();
                let argc = self.args(args)?;
                self.position(e.span);
                self.emit(match argc {
                    Some(argc) => Insn::SuperCall {
                        dst: base,
                        base,
                        argc,
                    },
                    None => Insn::SuperCallSpread { dst: base, base },
                });
                if self.fns.last().unwrap().is_arrow {
                    return Err(unsupported("super() inside an arrow function", e.span));
                }
                // Arrows in this constructor read `this` from the context.
                if let Some((i, slot)) = self.f().this_slot {
                    let depth = self.ctx_depth(i);
                    self.emit(Insn::StCtx {
                        depth,
                        slot,
                        src: 1,
                    });
                }
                self.emit(Insn::InitFields {});
                self.emit(Insn::Mov { dst, src: base });
            }
            ExprKind::SuperMember(_) | ExprKind::SuperIndex(_) => {
                let k = self.super_key(e)?;
                self.emit(Insn::GetSuper { dst, key: k });
            }
        }
        self.free_to(m);
        Ok(())
    }

    /// Compiles the links of an optional chain; `exits` collects the jumps
    /// taken when an optional link finds null/undefined.
    fn chain(&mut self, e: &Expr, dst: Reg, exits: &mut Vec<usize>) -> CResult<()> {
        let m = self.mark();
        match &e.kind {
            ExprKind::Member { .. } | ExprKind::Index { .. } if self.fast_arguments(e, dst)? => {}
            ExprKind::Member {
                object,
                name,
                optional,
            } => {
                let o = self.alloc();
                self.chain(object, o, exits)?;
                if *optional {
                    exits.push(self.emit(Insn::JmpNullish { src: o, off: 0 }));
                }
                let k = self.name_const(name);
                let fb = self.fb();
                self.emit(Insn::GetProp {
                    dst,
                    obj: o,
                    name: k,
                    fb,
                });
            }
            ExprKind::Index {
                object,
                index,
                optional,
            } => {
                let o = self.alloc();
                self.chain(object, o, exits)?;
                if *optional {
                    exits.push(self.emit(Insn::JmpNullish { src: o, off: 0 }));
                }
                let k = self.expr_any(index)?;
                let fb = self.fb();
                self.emit(Insn::GetElem {
                    dst,
                    obj: o,
                    key: k,
                    fb,
                });
            }
            ExprKind::Call { .. } => self.call(e, dst, Some(exits))?,
            _ => self.expr_to(e, dst, None)?,
        }
        self.free_to(m);
        Ok(())
    }

    /// `arguments.length` / `arguments[i]` (not optional) in a function
    /// whose `arguments` does not escape: `ArgCount` / `ArgGet` into `dst`
    /// and true; false (nothing emitted) for anything else.
    fn fast_arguments(&mut self, e: &Expr, dst: Reg) -> CResult<bool> {
        let Some((params, n, rest)) = self.f().fast_args else {
            return Ok(false);
        };
        let is_args = |o: &Expr| matches!(&o.kind, ExprKind::Ident(x) if &**x == "arguments");
        match &e.kind {
            ExprKind::Member {
                object,
                name,
                optional: false,
            } if &**name == "length" && is_args(object) => {
                self.emit(Insn::ArgCount { dst });
            }
            ExprKind::Index {
                object,
                index,
                optional: false,
            } if is_args(object) => {
                let m = self.mark();
                let key = self.expr_any(index)?;
                self.position(e.span);
                self.emit(Insn::ArgGet {
                    dst,
                    key,
                    params,
                    n,
                    rest,
                });
                self.free_to(m);
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Evaluates call arguments into consecutive new registers: their
    /// count, or `None` when there is a spread and they are collected in
    /// one array (for `CallSpread` and its kin).
    fn args(&mut self, args: &[Arg]) -> CResult<Option<u16>> {
        if !args.iter().any(|a| a.spread) {
            for a in args {
                let r = self.alloc();
                self.expr_to(&a.expr, r, None)?;
            }
            return Ok(Some(args.len() as u16));
        }
        let arr = self.alloc();
        self.emit(Insn::NewArray {
            dst: arr,
            n: args.len().min(1024) as u16,
        });
        let t = self.alloc();
        for a in args {
            self.expr_to(&a.expr, t, None)?;
            if a.spread {
                let text = self.v8_text(&a.expr);
                self.record_text(format!("{}{text}", iter_hint::CALL_SPREAD));
                self.emit(Insn::ArrayExtend { arr, src: t });
            } else {
                self.emit(Insn::ArrayPush { arr, src: t });
            }
        }
        self.free_to(t);
        Ok(None)
    }

    /// The not-iterable wording of a for-of or array-spread operand: its
    /// source text when V8 has one, the call form for calls.
    fn iterable_hint(&self, e: &Expr, for_of: bool) -> Option<String> {
        match &e.kind {
            ExprKind::Logical { .. }
            | ExprKind::Sequence(_)
            | ExprKind::Assign { .. }
            | ExprKind::Conditional { .. }
            | ExprKind::OptionalChain(_)
                if for_of =>
            {
                Some(iter_hint::TYPED.to_string())
            }
            ExprKind::Logical { .. }
            | ExprKind::Sequence(_)
            | ExprKind::Assign { .. }
            | ExprKind::Conditional { .. }
            | ExprKind::OptionalChain(_) => {
                Some(format!("{}{}", iter_hint::NAMED, self.v8_text(e)))
            }
            ExprKind::Ident(_)
            | ExprKind::Member { .. }
            | ExprKind::Index { .. }
            | ExprKind::This
            | ExprKind::Num(_)
            | ExprKind::Str(_)
            | ExprKind::Bool(_)
            | ExprKind::Null
            | ExprKind::Object(_)
            | ExprKind::Array(_) => Some(format!(
                "{}{}",
                iter_hint::NAMED,
                self.span_text(e.span.start, e.span.end)
            )),
            ExprKind::Call { callee, .. } => Some(format!(
                "{}{} is not a function or its return value is not iterable",
                iter_hint::MESSAGE,
                self.callee_text(callee)
            )),
            _ => None,
        }
    }

    fn call(&mut self, e: &Expr, dst: Reg, mut exits: Option<&mut Vec<usize>>) -> CResult<()> {
        let ExprKind::Call {
            callee,
            args,
            optional,
        } = &e.kind
        else {
            unreachable!()
        };
        let base = self.alloc();
        let this = self.alloc();
        // Method calls: the object is `this`.
        match &callee.kind {
            ExprKind::Member { .. } | ExprKind::Index { .. } => {
                self.method_callee(callee, base, this, exits.as_deref_mut())?;
            }
            // `(a?.b)()`: a parenthesised chain ending in a member keeps
            // its object as `this`; a short-circuit gives undefined callee.
            ExprKind::OptionalChain(inner)
                if matches!(inner.kind, ExprKind::Member { .. } | ExprKind::Index { .. }) =>
            {
                let mut local = Vec::new();
                self.method_callee(inner, base, this, Some(&mut local))?;
                if !local.is_empty() {
                    let done = self.emit(Insn::Jmp { off: 0 });
                    for j in local {
                        self.patch_here(j);
                    }
                    self.emit(Insn::LdUndef { dst: base });
                    self.patch_here(done);
                }
            }
            ExprKind::SuperMember(_) | ExprKind::SuperIndex(_) => {
                self.load_this(this);
                let k = self.super_key(callee)?;
                self.emit(Insn::GetSuper { dst: base, key: k });
                self.free_to(k);
            }
            _ => {
                match exits.as_deref_mut() {
                    Some(ex) => self.chain(callee, base, ex)?,
                    None => self.expr_to(callee, base, None)?,
                }
                self.emit(Insn::LdUndef { dst: this });
            }
        }
        if *optional {
            let j = self.emit(Insn::JmpNullish { src: base, off: 0 });
            exits.expect("optional call inside a chain").push(j);
        }
        let argc = self.args(args)?;
        self.position(e.span);
        self.record_callee(callee);
        let fb = self.fb();
        // The result goes straight to `dst`: it is below the window (or is
        // the window's base), so the callee's frame cannot overlap it.
        debug_assert!(dst <= base);
        self.emit(match argc {
            Some(argc) => Insn::Call {
                dst,
                base,
                argc,
                fb,
            },
            None => Insn::CallSpread { dst, base, fb },
        });
        Ok(())
    }

    /// The callee of a method call `o.m(...)` / `o[k](...)` into `base`,
    /// its object into `this`.
    fn method_callee(
        &mut self,
        callee: &Expr,
        base: Reg,
        this: Reg,
        exits: Option<&mut Vec<usize>>,
    ) -> CResult<()> {
        match &callee.kind {
            ExprKind::Member {
                object,
                name,
                optional: opt_link,
            } => {
                self.call_receiver(object, *opt_link, this, exits)?;
                let k = self.name_const(name);
                let fb = self.fb();
                self.position(callee.span);
                self.emit(Insn::GetProp {
                    dst: base,
                    obj: this,
                    name: k,
                    fb,
                });
            }
            ExprKind::Index {
                object,
                index,
                optional: opt_link,
            } => {
                self.call_receiver(object, *opt_link, this, exits)?;
                let k = self.alloc();
                self.expr_to(index, k, None)?;
                let fb = self.fb();
                self.emit(Insn::GetElem {
                    dst: base,
                    obj: this,
                    key: k,
                    fb,
                });
                self.free_to(k);
            }
            _ => unreachable!("method_callee on a non-member callee"),
        }
        Ok(())
    }

    /// Evaluates a method call's object into `this` (inside an optional
    /// chain when `exits` is given); an optional link (`o?.m()`) exits the
    /// chain when it is null or undefined.
    fn call_receiver(
        &mut self,
        object: &Expr,
        optional: bool,
        this: Reg,
        mut exits: Option<&mut Vec<usize>>,
    ) -> CResult<()> {
        match exits.as_deref_mut() {
            Some(ex) => self.chain(object, this, ex)?,
            None => self.expr_to(object, this, None)?,
        }
        if optional {
            let j = self.emit(Insn::JmpNullish { src: this, off: 0 });
            exits.expect("optional link inside a chain").push(j);
        }
        Ok(())
    }

    fn binary(&mut self, op: BinaryOp, dst: Reg, a: Reg, b: Reg) {
        let fb = self.fb();
        let i = match op {
            BinaryOp::Add => Insn::Add { dst, a, b, fb },
            BinaryOp::Sub => Insn::Sub { dst, a, b, fb },
            BinaryOp::Mul => Insn::Mul { dst, a, b, fb },
            BinaryOp::Div => Insn::Div { dst, a, b, fb },
            BinaryOp::Mod => Insn::Mod { dst, a, b, fb },
            BinaryOp::Exp => Insn::Exp { dst, a, b, fb },
            BinaryOp::Shl => Insn::Shl { dst, a, b, fb },
            BinaryOp::Shr => Insn::Shr { dst, a, b, fb },
            BinaryOp::UShr => Insn::UShr { dst, a, b, fb },
            BinaryOp::BitAnd => Insn::BitAnd { dst, a, b, fb },
            BinaryOp::BitOr => Insn::BitOr { dst, a, b, fb },
            BinaryOp::BitXor => Insn::BitXor { dst, a, b, fb },
            BinaryOp::Lt => Insn::Lt { dst, a, b, fb },
            BinaryOp::Gt => Insn::Gt { dst, a, b, fb },
            BinaryOp::Le => Insn::Le { dst, a, b, fb },
            BinaryOp::Ge => Insn::Ge { dst, a, b, fb },
            BinaryOp::Eq => Insn::Eq { dst, a, b, fb },
            BinaryOp::Ne => Insn::Ne { dst, a, b, fb },
            BinaryOp::StrictEq => Insn::StrictEq { dst, a, b, fb },
            BinaryOp::StrictNe => Insn::StrictNe { dst, a, b, fb },
            BinaryOp::In => Insn::In { dst, a, b, fb },
            BinaryOp::Instanceof => Insn::InstanceOf { dst, a, b, fb },
        };
        self.emit(i);
    }

    fn unary(&mut self, op: UnaryOp, arg: &Expr, dst: Reg) -> CResult<()> {
        match op {
            UnaryOp::Typeof => {
                if let ExprKind::Ident(n) = &arg.kind {
                    self.load_ident(n, dst, arg.span, true)?;
                } else {
                    self.expr_to(arg, dst, None)?;
                }
                self.emit(Insn::TypeOf { dst, src: dst });
            }
            UnaryOp::Delete => match &arg.kind {
                ExprKind::Member { object, name, .. } => {
                    let o = self.expr_any(object)?;
                    let k = self.name_const(name);
                    self.emit(Insn::DelProp {
                        dst,
                        obj: o,
                        name: k,
                    });
                }
                ExprKind::Index { object, index, .. } => {
                    let o = self.expr_any_kept(object, index)?;
                    let k = self.expr_any(index)?;
                    self.emit(Insn::DelElem {
                        dst,
                        obj: o,
                        key: k,
                    });
                }
                ExprKind::OptionalChain(_) => {
                    return Err(unsupported("delete of an optional chain", arg.span))
                }
                _ => {
                    self.expr_to(arg, dst, None)?;
                    self.emit(Insn::LdTrue { dst });
                }
            },
            _ => {
                let a = self.expr_any(arg)?;
                match op {
                    UnaryOp::Neg => {
                        if let ExprKind::Num(n) = arg.kind {
                            self.load_num(dst, -n);
                        } else {
                            let fb = self.fb();
                            self.emit(Insn::Neg { dst, src: a, fb });
                        }
                    }
                    UnaryOp::Plus => {
                        self.emit(Insn::ToNumber { dst, src: a });
                    }
                    UnaryOp::Not => {
                        self.emit(Insn::Not { dst, src: a });
                    }
                    UnaryOp::BitNot => {
                        let fb = self.fb();
                        self.emit(Insn::BitNot { dst, src: a, fb });
                    }
                    UnaryOp::Void => {
                        self.emit(Insn::LdUndef { dst });
                    }
                    _ => unreachable!(),
                }
            }
        }
        Ok(())
    }

    /// `++x`, `x--`, `o.p++`, `o[k]--`.
    fn update(&mut self, op: UpdateOp, prefix: bool, target: &Expr, dst: Reg) -> CResult<()> {
        let old = self.alloc();
        let new = self.alloc();
        let step = |c: &mut Self| {
            let fb = c.fb();
            c.emit(Insn::ToNumber { dst: old, src: old });
            c.emit(match op {
                UpdateOp::Inc => Insn::Inc {
                    dst: new,
                    src: old,
                    fb,
                },
                UpdateOp::Dec => Insn::Dec {
                    dst: new,
                    src: old,
                    fb,
                },
            });
        };
        match &target.kind {
            ExprKind::Ident(n) => {
                self.load_ident(n, old, target.span, false)?;
                step(self);
                self.store_binding(n, new, target.span, false)?;
            }
            ExprKind::Member { object, name, .. } => {
                let o = self.alloc();
                self.expr_to(object, o, None)?;
                let k = self.name_const(name);
                let fb = self.fb();
                self.emit(Insn::GetProp {
                    dst: old,
                    obj: o,
                    name: k,
                    fb,
                });
                step(self);
                let fb = self.fb();
                self.emit(Insn::SetProp {
                    obj: o,
                    name: k,
                    src: new,
                    fb,
                });
            }
            ExprKind::Index { .. } | ExprKind::SuperMember(_) | ExprKind::SuperIndex(_) => {
                // The key converts at the read and again at the write, as
                // in node v20 (the spec converts it once).
                let t = self.member_target(target)?;
                self.emit_get(t, old);
                step(self);
                self.emit_set(t, new);
            }
            _ => return Err(unsupported("this update target", target.span)),
        }
        self.emit(Insn::Mov {
            dst,
            src: if prefix { new } else { old },
        });
        Ok(())
    }

    fn assign(&mut self, op: AssignOp, target: &Pattern, value: &Expr, dst: Reg) -> CResult<()> {
        let logical = matches!(op, AssignOp::And | AssignOp::Or | AssignOp::Nullish);
        let short = |c: &mut Self, cur: Reg| -> usize {
            match op {
                AssignOp::And => c.emit(Insn::JmpFalse { src: cur, off: 0 }),
                AssignOp::Or => c.emit(Insn::JmpTrue { src: cur, off: 0 }),
                _ => c.emit(Insn::JmpNotNullish { src: cur, off: 0 }),
            }
        };
        match &target.kind {
            PatternKind::Ident(n) => {
                if op == AssignOp::Assign {
                    self.expr_to(value, dst, Some(n))?;
                    self.store_binding(n, dst, target.span, false)?;
                } else if logical {
                    self.load_ident(n, dst, target.span, false)?;
                    let j = short(self, dst);
                    self.expr_to(value, dst, Some(n))?;
                    self.store_binding(n, dst, target.span, false)?;
                    self.patch_here(j);
                } else {
                    let cur = self.alloc();
                    self.load_ident(n, cur, target.span, false)?;
                    let v = self.expr_any(value)?;
                    self.binary(op.binary().unwrap(), dst, cur, v);
                    self.store_binding(n, dst, target.span, false)?;
                }
            }
            PatternKind::Member(e) => {
                let t = self.member_target(e)?;
                // Assigning to a property does not name an anonymous
                // function (only `identifier = function` does).
                let pname: Option<String> = None;
                if op == AssignOp::Assign {
                    let v = self.alloc();
                    self.expr_to(value, v, pname.as_deref())?;
                    self.position(e.span);
                    self.emit_set(t, v);
                    self.emit(Insn::Mov { dst, src: v });
                } else if logical {
                    let v = self.alloc();
                    self.emit_get(t, v);
                    let j = short(self, v);
                    self.expr_to(value, v, pname.as_deref())?;
                    self.emit_set(t, v);
                    self.patch_here(j);
                    self.emit(Insn::Mov { dst, src: v });
                } else {
                    let cur = self.alloc();
                    self.emit_get(t, cur);
                    let v = self.expr_any(value)?;
                    let r = self.alloc();
                    self.binary(op.binary().unwrap(), r, cur, v);
                    self.emit_set(t, r);
                    self.emit(Insn::Mov { dst, src: r });
                }
            }
            PatternKind::Object { .. } | PatternKind::Array { .. } => {
                // Only `=` takes a pattern (the parser checks).
                self.expr_to(value, dst, None)?;
                // Array patterns in assignments show values by type.
                let how = match self.src_of(value) {
                    Src::Text(t) => Src::Member(t),
                    other => other,
                };
                // The value must survive the pattern's own stores.
                let v = self.alloc();
                self.emit(Insn::Mov { dst: v, src: dst });
                self.destructure(target, v, false, &how)?;
            }
        }
        Ok(())
    }

    /// Evaluates the object and key of an assignment target once.
    fn member_target(&mut self, e: &Expr) -> CResult<MemberTarget> {
        Ok(match &e.kind {
            ExprKind::Member { object, name, .. } => {
                let o = self.alloc();
                self.expr_to(object, o, None)?;
                MemberTarget::Prop(o, self.name_const(name))
            }
            ExprKind::Index { object, index, .. } => {
                let o = self.alloc();
                self.expr_to(object, o, None)?;
                let k = self.alloc();
                self.expr_to(index, k, None)?;
                MemberTarget::Elem(o, k)
            }
            ExprKind::SuperMember(_) | ExprKind::SuperIndex(_) => {
                MemberTarget::Super(self.super_key(e)?)
            }
            _ => return Err(unsupported("this assignment target", e.span)),
        })
    }

    fn emit_get(&mut self, t: MemberTarget, dst: Reg) {
        let fb = self.fb();
        self.emit(match t {
            MemberTarget::Prop(obj, name) => Insn::GetProp { dst, obj, name, fb },
            MemberTarget::Elem(obj, key) => Insn::GetElem { dst, obj, key, fb },
            MemberTarget::Super(key) => Insn::GetSuper { dst, key },
        });
    }

    fn emit_set(&mut self, t: MemberTarget, src: Reg) {
        let fb = self.fb();
        self.emit(match t {
            MemberTarget::Prop(obj, name) => Insn::SetProp { obj, name, src, fb },
            MemberTarget::Elem(obj, key) => Insn::SetElem { obj, key, src, fb },
            MemberTarget::Super(key) => Insn::SetSuper { key, src },
        });
    }

    fn object_literal(&mut self, props: &[Prop], dst: Reg) -> CResult<()> {
        let obj = self.alloc();
        self.emit(Insn::NewObject { dst: obj });
        for p in props {
            let m = self.mark();
            match &p.kind {
                PropKind::Init {
                    key,
                    value,
                    shorthand,
                } => {
                    let is_proto = !shorthand
                        && match key {
                            ast::PropKey::Name(n) => &**n == "__proto__",
                            ast::PropKey::Str(s) => String::from_utf16_lossy(s) == "__proto__",
                            _ => false,
                        };
                    if is_proto {
                        let v = self.alloc();
                        self.expr_to(value, v, None)?;
                        self.emit(Insn::SetProto { obj, src: v });
                    } else {
                        let k = self.alloc();
                        let v = self.alloc();
                        let kname = self.prop_key_to(key, k)?;
                        self.expr_to(value, v, kname.as_deref())?;
                        if kname.is_none() && is_anonymous_fn(value) {
                            self.emit(Insn::SetFunctionName { func: v, key: k });
                        }
                        self.emit(Insn::DefineField {
                            obj,
                            key: k,
                            src: v,
                        });
                    }
                }
                PropKind::Method { key, func } => {
                    let k = self.alloc();
                    let f = self.alloc();
                    let kname = self.prop_key_to(key, k)?;
                    self.function_value(func, f, kname.as_deref().unwrap_or(""))?;
                    if kname.is_none() {
                        self.emit(Insn::SetFunctionName { func: f, key: k });
                    }
                    self.define_method(func.kind, obj, k, f, 1);
                }
                PropKind::Spread(x) => {
                    let v = self.alloc();
                    self.expr_to(x, v, None)?;
                    let none = self.alloc();
                    self.emit(Insn::LdUndef { dst: none });
                    self.emit(Insn::CopyProps {
                        obj,
                        src: v,
                        excl: none,
                    });
                }
            }
            self.free_to(m);
        }
        self.emit(Insn::Mov { dst, src: obj });
        Ok(())
    }
}

/// How V8's destructuring and iteration errors name the source value.
#[derive(Clone, Debug)]
enum Src {
    /// An identifier, a literal, or a for-of head / catch parameter
    /// (`.for`, `.catch`): named by this text everywhere.
    Text(String),
    /// A member expression (or an identifier in an assignment): named in
    /// object-pattern errors, shown by type in array-pattern errors.
    Member(String),
    /// The result of calling this callee.
    Call(String),
    /// Shown by its type and value ("object null", "number 1").
    Typed,
    /// A value read by an enclosing pattern.
    Nested,
}

/// A property key's name when it is not computed.
fn static_key(k: &ast::PropKey) -> Option<String> {
    match k {
        ast::PropKey::Name(n) => Some(n.to_string()),
        ast::PropKey::Str(s) => Some(String::from_utf16_lossy(s)),
        ast::PropKey::Num(n) => Some(crate::runtime::numconv::number_to_string(*n)),
        ast::PropKey::Computed(_) => None,
    }
}

/// A class's fields of one kind (static or instance), with their index in
/// the class body (computed keys are stored per index).
fn class_fields(c: &Class, is_static: bool) -> Vec<(&ClassMember, usize)> {
    c.members
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            m.is_static == is_static && matches!(m.kind, ClassMemberKind::Field { .. })
        })
        .map(|(i, m)| (m, i))
        .collect()
}

/// An assignment target whose object and key are already in registers.
#[derive(Copy, Clone)]
enum MemberTarget {
    /// `obj.name` (name is a string constant).
    Prop(Reg, u16),
    /// `obj[key]`.
    Elem(Reg, Reg),
    /// `super[key]`.
    Super(Reg),
}

/// Anonymous function, arrow or class expressions (named by their key).
fn is_anonymous_fn(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Function(f) => f.name.is_none(),
        ExprKind::Class(c) => c.name.is_none(),
        _ => false,
    }
}

/// Expressions whose evaluation cannot assign a local.
fn is_simple(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Num(_)
            | ExprKind::Str(_)
            | ExprKind::Bool(_)
            | ExprKind::Null
            | ExprKind::Ident(_)
            | ExprKind::This
    )
}
