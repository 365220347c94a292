//! Scope analysis: which bindings are captured by inner functions (and so
//! live in context slots instead of registers), and which functions' `this`
//! is read by an arrow inside them.
//!
//! Invariant: the declarations of every scope come from the functions in
//! this file, which the code generator uses too, and scopes are keyed by the
//! address of the AST node that opens them; so both passes see the same
//! scopes and the same bindings in them.

use crate::front::ast::*;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

pub type ScopeKey = usize;

pub fn key_of<T>(node: &T) -> ScopeKey {
    node as *const T as usize
}

/// Key of the synthetic function that initialises a class's instance
/// fields (offset from the class node so it cannot collide).
pub fn fields_key(c: &Class) -> ScopeKey {
    key_of(c) + 1
}
pub fn static_fields_key(c: &Class) -> ScopeKey {
    key_of(c) + 2
}

#[derive(Clone, Debug, PartialEq)]
pub enum DeclKind {
    Var,
    Let,
    Const,
    Class,
    Function(Rc<Function>),
    /// Parameter `i` (register 2 + i).
    Param(usize),
    /// Parameter `i` of a list with default values: in its TDZ until its
    /// own default has run.
    TdzParam(usize),
    /// A named function expression's own name (read-only, r0).
    SelfName,
    CatchParam,
}

impl DeclKind {
    /// Bindings that start uninitialised (temporal dead zone).
    pub fn has_tdz(&self) -> bool {
        matches!(
            self,
            DeclKind::Let | DeclKind::Const | DeclKind::Class | DeclKind::TdzParam(_)
        )
    }
    pub fn is_const(&self) -> bool {
        matches!(self, DeclKind::Const | DeclKind::SelfName)
    }
}

#[derive(Clone, Debug)]
pub struct Decl {
    pub name: Ident,
    pub kind: DeclKind,
    /// Where the declaration ends: references after this point in the same
    /// function need no TDZ check.
    pub init_end: u32,
}

fn pattern_names(p: &Pattern) -> Vec<Ident> {
    let mut v = Vec::new();
    p.bound_names(&mut v);
    v.into_iter().cloned().collect()
}

/// `var` names declared anywhere in `stmts` (not inside nested functions).
pub fn var_names(stmts: &[Stmt], out: &mut Vec<(Ident, u32)>) {
    for s in stmts {
        var_names_stmt(s, out);
    }
}

fn var_decl_names(d: &VarDecl, out: &mut Vec<(Ident, u32)>) {
    if d.kind == VarKind::Var {
        for decl in &d.decls {
            for n in pattern_names(&decl.target) {
                out.push((n, 0));
            }
        }
    }
}

fn var_names_stmt(s: &Stmt, out: &mut Vec<(Ident, u32)>) {
    match &s.kind {
        StmtKind::VarDecl(d) => var_decl_names(d, out),
        StmtKind::If { cons, alt, .. } => {
            var_names_stmt(cons, out);
            if let Some(a) = alt {
                var_names_stmt(a, out);
            }
        }
        StmtKind::While { body, .. }
        | StmtKind::DoWhile { body, .. }
        | StmtKind::Labeled { body, .. } => var_names_stmt(body, out),
        StmtKind::For { init, body, .. } => {
            if let Some(ForInit::VarDecl(d)) = init.as_deref() {
                var_decl_names(d, out);
            }
            var_names_stmt(body, out);
        }
        StmtKind::ForIn { left, body, .. } | StmtKind::ForOf { left, body, .. } => {
            if let ForHead::VarDecl(VarKind::Var, p) = &**left {
                for n in pattern_names(p) {
                    out.push((n, 0));
                }
            }
            var_names_stmt(body, out);
        }
        StmtKind::Block(b) => var_names(b, out),
        StmtKind::Try {
            block,
            handler,
            finalizer,
        } => {
            var_names(block, out);
            if let Some(h) = handler {
                var_names(&h.body, out);
            }
            if let Some(f) = finalizer {
                var_names(f, out);
            }
        }
        StmtKind::Switch { cases, .. } => {
            for c in cases {
                var_names(&c.body, out);
            }
        }
        _ => {}
    }
}

/// Lexical declarations (let/const/class/function) directly in `stmts`.
pub fn lexical_decls(stmts: &[Stmt], out: &mut Vec<Decl>) {
    for s in stmts {
        match &s.kind {
            StmtKind::VarDecl(d) if d.kind != VarKind::Var => {
                let kind = if d.kind == VarKind::Let {
                    DeclKind::Let
                } else {
                    DeclKind::Const
                };
                for decl in &d.decls {
                    for n in pattern_names(&decl.target) {
                        out.push(Decl {
                            name: n,
                            kind: kind.clone(),
                            init_end: decl.span.end,
                        });
                    }
                }
            }
            StmtKind::ClassDecl(c) => out.push(Decl {
                name: c.name.clone().expect("class declarations are named"),
                kind: DeclKind::Class,
                init_end: c.span.end,
            }),
            StmtKind::FunctionDecl(f) => out.push(Decl {
                name: f.name.clone().expect("function declarations are named"),
                kind: DeclKind::Function(f.clone()),
                init_end: 0,
            }),
            _ => {}
        }
    }
}

/// Merges a declaration into a scope's list (a function declaration wins
/// over a `var` of the same name; otherwise the first one stays).
fn add_decl(out: &mut Vec<Decl>, d: Decl) {
    if let Some(existing) = out.iter_mut().find(|e| e.name == d.name) {
        // A function declaration wins over a var, and the last of several
        // function declarations of one name wins.
        if matches!(d.kind, DeclKind::Function(_))
            && matches!(existing.kind, DeclKind::Var | DeclKind::Function(_))
        {
            *existing = d;
        }
        return;
    }
    out.push(d);
}

/// Whether a parameter list has defaults: then parameters are initialised
/// left to right (each in its TDZ before) and the body's vars live in a
/// scope of their own (so defaults cannot see them).
/// Destructured parameters count as having defaults: their names are
/// bound one by one from the arguments, in order.
pub fn has_defaults(params: &[Param], rest: Option<&Pattern>) -> bool {
    params
        .iter()
        .any(|p| p.default.is_some() || !matches!(p.pattern.kind, PatternKind::Ident(_)))
        || rest.is_some_and(|r| !matches!(r.kind, PatternKind::Ident(_)))
}

/// The kind of a name bound by parameter `i` of a split parameter list: a
/// plain parameter lives in its argument register; names bound by a
/// destructuring pattern are TDZ bindings of their own.
fn split_param_kind(p: &Pattern, i: usize) -> DeclKind {
    if matches!(p.kind, PatternKind::Ident(_)) {
        DeclKind::TdzParam(i)
    } else {
        DeclKind::Let
    }
}

/// The scope key of the body of a function whose parameters have defaults.
pub fn body_key(f_key: ScopeKey) -> ScopeKey {
    f_key + 1
}

/// Parameter scope of a function with defaults: params, own name.
pub fn param_decls(
    params: &[Param],
    rest: Option<&Pattern>,
    self_name: Option<&Ident>,
) -> Vec<Decl> {
    let mut out = Vec::new();
    for (i, p) in params.iter().enumerate() {
        let end = p
            .default
            .as_ref()
            .map_or(p.pattern.span.end, |d| d.span.end);
        for n in pattern_names(&p.pattern) {
            add_decl(
                &mut out,
                Decl {
                    name: n,
                    kind: split_param_kind(&p.pattern, i),
                    init_end: end,
                },
            );
        }
    }
    if let Some(r) = rest {
        for n in pattern_names(r) {
            add_decl(
                &mut out,
                Decl {
                    name: n,
                    kind: split_param_kind(r, params.len()),
                    init_end: r.span.end,
                },
            );
        }
    }
    if let Some(n) = self_name {
        add_decl(
            &mut out,
            Decl {
                name: n.clone(),
                kind: DeclKind::SelfName,
                init_end: 0,
            },
        );
    }
    out
}

/// Body scope of a function with defaults: vars and lexical declarations.
pub fn body_decls(body: &[Stmt]) -> Vec<Decl> {
    function_decls(&[], None, None, body)
}

/// The declarations of a function's top scope: parameters, its own name
/// (named function expressions), vars, and the body's lexical declarations.
pub fn function_decls(
    params: &[Param],
    rest: Option<&Pattern>,
    self_name: Option<&Ident>,
    body: &[Stmt],
) -> Vec<Decl> {
    let mut out = Vec::new();
    for (i, p) in params.iter().enumerate() {
        for n in pattern_names(&p.pattern) {
            add_decl(
                &mut out,
                Decl {
                    name: n,
                    kind: DeclKind::Param(i),
                    init_end: 0,
                },
            );
        }
    }
    if let Some(r) = rest {
        for n in pattern_names(r) {
            add_decl(
                &mut out,
                Decl {
                    name: n,
                    kind: DeclKind::Param(params.len()),
                    init_end: 0,
                },
            );
        }
    }
    let mut vars = Vec::new();
    var_names(body, &mut vars);
    for (n, _) in vars {
        add_decl(
            &mut out,
            Decl {
                name: n,
                kind: DeclKind::Var,
                init_end: 0,
            },
        );
    }
    let mut lex = Vec::new();
    lexical_decls(body, &mut lex);
    for d in lex {
        add_decl(&mut out, d);
    }
    if let Some(n) = self_name {
        add_decl(
            &mut out,
            Decl {
                name: n.clone(),
                kind: DeclKind::SelfName,
                init_end: 0,
            },
        );
    }
    out
}

pub fn block_decls(stmts: &[Stmt]) -> Vec<Decl> {
    let mut out = Vec::new();
    let mut lex = Vec::new();
    lexical_decls(stmts, &mut lex);
    for d in lex {
        add_decl(&mut out, d);
    }
    out
}

/// Declarations of a for/for-in/for-of head (`let`/`const` only).
pub fn head_decls(kind: VarKind, patterns: &[&Pattern], end: u32) -> Vec<Decl> {
    let dk = match kind {
        VarKind::Let => DeclKind::Let,
        VarKind::Const => DeclKind::Const,
        VarKind::Var => return Vec::new(),
    };
    let mut out = Vec::new();
    for p in patterns {
        for n in pattern_names(p) {
            out.push(Decl {
                name: n,
                kind: dk.clone(),
                init_end: end,
            });
        }
    }
    out
}

pub fn catch_decls(c: &CatchClause) -> Vec<Decl> {
    let mut out = Vec::new();
    if let Some(p) = &c.param {
        for n in pattern_names(p) {
            out.push(Decl {
                name: n,
                kind: DeclKind::CatchParam,
                init_end: 0,
            });
        }
    }
    let mut lex = Vec::new();
    lexical_decls(&c.body, &mut lex);
    for d in lex {
        add_decl(&mut out, d);
    }
    out
}

pub fn switch_decls(cases: &[SwitchCase]) -> Vec<Decl> {
    let mut out = Vec::new();
    for c in cases {
        let mut lex = Vec::new();
        lexical_decls(&c.body, &mut lex);
        for d in lex {
            add_decl(&mut out, d);
        }
    }
    out
}

/// The name a function binds inside itself: only named function
/// expressions have one (a declaration's name lives in the outer scope).
pub fn self_name_of(f: &Function, is_decl: bool) -> Option<&Ident> {
    if f.kind == FunctionKind::Normal && !is_decl {
        f.name.as_ref()
    } else {
        None
    }
}

#[derive(Default, Debug)]
pub struct Analysis {
    pub captured: HashSet<(ScopeKey, Ident)>,
    /// Non-arrow functions (by key) whose `this` an inner arrow reads.
    pub this_captured: HashSet<ScopeKey>,
    /// Non-arrow functions (and the script) whose `arguments` is read, by
    /// themselves or by an inner arrow (then it is also in `captured`).
    pub arguments_used: HashSet<ScopeKey>,
    /// Those of `arguments_used` where `arguments` escapes: used other
    /// than as `arguments.length` or `arguments[i]` read directly in the
    /// function (not in an inner arrow, not called, assigned, deleted or
    /// updated). The others need no arguments object (`ArgCount`/`ArgGet`).
    pub arguments_escape: HashSet<ScopeKey>,
}

struct RScope {
    key: ScopeKey,
    names: HashSet<Ident>,
    fn_depth: usize,
}

/// Walks the program with the code generator's scoping rules.
pub struct Resolver {
    scopes: Vec<RScope>,
    /// (function key, is_arrow) for each enclosing function.
    fns: Vec<(ScopeKey, bool)>,
    pub out: Analysis,
    _names: HashMap<(), ()>,
}

impl Resolver {
    pub fn analyse(p: &Program) -> Analysis {
        let mut r = Resolver {
            scopes: Vec::new(),
            fns: Vec::new(),
            out: Analysis::default(),
            _names: HashMap::new(),
        };
        r.fns.push((key_of(p), false));
        let decls = function_decls(&[], None, None, &p.body);
        r.push(key_of(p), &decls);
        r.stmts(&p.body);
        r.scopes.pop();
        r.out
    }

    fn push(&mut self, key: ScopeKey, decls: &[Decl]) {
        let fn_depth = self.fns.len();
        self.scopes.push(RScope {
            key,
            names: decls.iter().map(|d| d.name.clone()).collect(),
            fn_depth,
        });
    }

    fn reference(&mut self, name: &Ident) {
        let depth = self.fns.len();
        for s in self.scopes.iter().rev() {
            if s.names.contains(name) {
                if s.fn_depth < depth {
                    self.out.captured.insert((s.key, name.clone()));
                }
                return;
            }
        }
        // `arguments` (never declared: strict mode forbids the binding)
        // belongs to the innermost non-arrow function.
        if &**name == "arguments" {
            self.arguments_use(true);
        }
    }

    /// A use of `arguments`; `escapes` unless it is a plain read of
    /// `arguments.length` or `arguments[i]` (an inner arrow's use always
    /// escapes: the arrow needs the object).
    fn arguments_use(&mut self, escapes: bool) {
        if let Some(i) = self.fns.iter().rposition(|f| !f.1) {
            let k = self.fns[i].0;
            self.out.arguments_used.insert(k);
            let inner = i + 1 < self.fns.len();
            if inner {
                self.out.captured.insert((k, Rc::from("arguments")));
            }
            if escapes || inner {
                self.out.arguments_escape.insert(k);
            }
        }
    }

    /// Whether `arguments` names the function's arguments here (no scope
    /// declares it: strict mode forbids the binding, but be exact).
    fn is_arguments(&self, e: &Expr) -> bool {
        matches!(&e.kind, ExprKind::Ident(n) if &**n == "arguments")
            && !self.scopes.iter().any(|s| s.names.contains("arguments"))
    }

    /// `e` in a position that is not a plain read (a call's callee, an
    /// assignment, update or `delete` target): `arguments.x` or
    /// `arguments[i]` there needs the object.
    fn non_read(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Member { object, .. } if self.is_arguments(object) => {
                self.arguments_use(true)
            }
            ExprKind::Index { object, index, .. } if self.is_arguments(object) => {
                self.arguments_use(true);
                self.expr(index);
            }
            _ => self.expr(e),
        }
    }

    fn this_ref(&mut self) {
        let n = self.fns.len();
        if n == 0 || !self.fns[n - 1].1 {
            return;
        }
        if let Some(&(k, _)) = self.fns.iter().rev().find(|f| !f.1) {
            self.out.this_captured.insert(k);
        }
    }

    fn stmts(&mut self, ss: &[Stmt]) {
        for s in ss {
            self.stmt(s);
        }
    }

    fn block(&mut self, key: ScopeKey, decls: Vec<Decl>, ss: &[Stmt]) {
        self.push(key, &decls);
        self.stmts(ss);
        self.scopes.pop();
    }

    fn pattern(&mut self, p: &Pattern) {
        match &p.kind {
            PatternKind::Ident(n) => self.reference(n),
            PatternKind::Member(e) => self.non_read(e),
            PatternKind::Object { props, rest } => {
                for pp in props {
                    if let PropKey::Computed(e) = &pp.key {
                        self.expr(e);
                    }
                    self.pattern(&pp.value);
                    if let Some(d) = &pp.default {
                        self.expr(d);
                    }
                }
                if let Some(r) = rest {
                    self.pattern(r);
                }
            }
            PatternKind::Array { elems, rest } => {
                for e in elems.iter().flatten() {
                    self.pattern(&e.target);
                    if let Some(d) = &e.default {
                        self.expr(d);
                    }
                }
                if let Some(r) = rest {
                    self.pattern(r);
                }
            }
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::VarDecl(d) => {
                for decl in &d.decls {
                    self.pattern(&decl.target);
                    if let Some(i) = &decl.init {
                        self.expr(i);
                    }
                }
            }
            StmtKind::FunctionDecl(f) => self.function(f, true),
            StmtKind::ClassDecl(c) => self.class(c),
            StmtKind::Expr(e) | StmtKind::Throw(e) => self.expr(e),
            StmtKind::If { test, cons, alt } => {
                self.expr(test);
                self.stmt(cons);
                if let Some(a) = alt {
                    self.stmt(a);
                }
            }
            StmtKind::While { test, body } | StmtKind::DoWhile { body, test } => {
                self.expr(test);
                self.stmt(body);
            }
            StmtKind::For {
                init,
                test,
                update,
                body,
            } => {
                let decls = match init.as_deref() {
                    Some(ForInit::VarDecl(d)) => {
                        let pats: Vec<&Pattern> = d.decls.iter().map(|x| &x.target).collect();
                        head_decls(d.kind, &pats, s.span.start)
                    }
                    _ => Vec::new(),
                };
                self.push(key_of(s), &decls);
                match init.as_deref() {
                    Some(ForInit::VarDecl(d)) => {
                        for decl in &d.decls {
                            self.pattern(&decl.target);
                            if let Some(i) = &decl.init {
                                self.expr(i);
                            }
                        }
                    }
                    Some(ForInit::Expr(e)) => self.expr(e),
                    None => {}
                }
                if let Some(t) = test {
                    self.expr(t);
                }
                if let Some(u) = update {
                    self.expr(u);
                }
                self.stmt(body);
                self.scopes.pop();
            }
            StmtKind::ForIn { left, right, body } | StmtKind::ForOf { left, right, body } => {
                let decls = match &**left {
                    ForHead::VarDecl(k, p) => head_decls(*k, &[p], s.span.start),
                    ForHead::Target(_) => Vec::new(),
                };
                // `right` sees the head's names in their TDZ.
                self.push(key_of(s), &decls);
                self.expr(right);
                self.scopes.pop();
                self.push(key_of(s), &decls);
                match &**left {
                    ForHead::VarDecl(_, p) | ForHead::Target(p) => self.pattern(p),
                }
                self.stmt(body);
                self.scopes.pop();
            }
            StmtKind::Block(b) => self.block(key_of(b), block_decls(b), b),
            StmtKind::Return(e) => {
                if let Some(e) = e {
                    self.expr(e);
                }
            }
            StmtKind::Try {
                block,
                handler,
                finalizer,
            } => {
                self.block(key_of(block), block_decls(block), block);
                if let Some(h) = handler.as_deref() {
                    self.push(key_of(h), &catch_decls(h));
                    if let Some(p) = &h.param {
                        self.pattern(p);
                    }
                    self.stmts(&h.body);
                    self.scopes.pop();
                }
                if let Some(f) = finalizer {
                    self.block(key_of(f), block_decls(f), f);
                }
            }
            StmtKind::Switch {
                discriminant,
                cases,
            } => {
                self.expr(discriminant);
                self.push(key_of(s), &switch_decls(cases));
                for c in cases {
                    if let Some(t) = &c.test {
                        self.expr(t);
                    }
                    self.stmts(&c.body);
                }
                self.scopes.pop();
            }
            StmtKind::Labeled { body, .. } => self.stmt(body),
            StmtKind::Break(_) | StmtKind::Continue(_) | StmtKind::Empty => {}
        }
    }

    /// `is_decl`: a declaration's name belongs to the enclosing scope; only
    /// a named function *expression* binds its own name inside itself.
    fn function(&mut self, f: &Rc<Function>, is_decl: bool) {
        let arrow = f.kind == FunctionKind::Arrow;
        self.fns.push((key_of(&**f), arrow));
        let self_name = self_name_of(f, is_decl);
        let split = has_defaults(&f.params, f.rest.as_ref());
        let decls = if split {
            param_decls(&f.params, f.rest.as_ref(), self_name)
        } else {
            function_decls(&f.params, f.rest.as_ref(), self_name, &f.body)
        };
        self.push(key_of(&**f), &decls);
        for p in &f.params {
            self.pattern(&p.pattern);
            if let Some(d) = &p.default {
                self.expr(d);
            }
        }
        if let Some(r) = &f.rest {
            self.pattern(r);
        }
        if split {
            self.push(body_key(key_of(&**f)), &body_decls(&f.body));
        }
        self.stmts(&f.body);
        if split {
            self.scopes.pop();
        }
        self.scopes.pop();
        self.fns.pop();
    }

    fn prop_key(&mut self, k: &PropKey) {
        if let PropKey::Computed(e) = k {
            self.expr(e);
        }
    }

    fn class(&mut self, c: &Rc<Class>) {
        // As the code generator: the heritage sees the class's own name.
        let decls: Vec<Decl> = c
            .name
            .iter()
            .map(|n| Decl {
                name: n.clone(),
                kind: DeclKind::Const,
                init_end: c.span.end,
            })
            .collect();
        self.push(key_of(&**c), &decls);
        if let Some(e) = &c.extends {
            self.expr(e);
        }
        if let Some(k) = &c.constructor {
            self.function(k, false);
        }
        for m in &c.members {
            match &m.kind {
                ClassMemberKind::Method { key, func } => {
                    self.prop_key(key);
                    self.function(func, false);
                }
                ClassMemberKind::Field { key, value } => {
                    self.prop_key(key);
                    // Field initialisers run in a synthetic method.
                    let k = if m.is_static {
                        static_fields_key(c)
                    } else {
                        fields_key(c)
                    };
                    self.fns.push((k, false));
                    self.push(k, &[]);
                    if let Some(v) = value {
                        self.expr(v);
                    }
                    self.scopes.pop();
                    self.fns.pop();
                }
            }
        }
        self.scopes.pop();
    }

    fn args(&mut self, args: &[Arg]) {
        for a in args {
            self.expr(&a.expr);
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Num(_) | ExprKind::Str(_) | ExprKind::Bool(_) | ExprKind::Null => {}
            ExprKind::Template { exprs, .. } => {
                for x in exprs {
                    self.expr(x);
                }
            }
            ExprKind::Ident(n) => self.reference(n),
            ExprKind::This => self.this_ref(),
            ExprKind::Array(items) => {
                for a in items.iter().flatten() {
                    self.expr(&a.expr);
                }
            }
            ExprKind::Object(props) => {
                for p in props {
                    match &p.kind {
                        PropKind::Init { key, value, .. } => {
                            self.prop_key(key);
                            self.expr(value);
                        }
                        PropKind::Method { key, func } => {
                            self.prop_key(key);
                            self.function(func, false);
                        }
                        PropKind::Spread(x) => self.expr(x),
                    }
                }
            }
            ExprKind::Function(f) => self.function(f, false),
            ExprKind::Class(c) => self.class(c),
            ExprKind::Unary {
                op: UnaryOp::Delete,
                arg,
            } => self.non_read(arg),
            ExprKind::Unary { arg, .. } => self.expr(arg),
            ExprKind::Update { target, .. } => self.non_read(target),
            ExprKind::Binary { left, right, .. } | ExprKind::Logical { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::Conditional { test, cons, alt } => {
                self.expr(test);
                self.expr(cons);
                self.expr(alt);
            }
            ExprKind::Assign { target, value, .. } => {
                self.pattern(target);
                self.expr(value);
            }
            ExprKind::Sequence(xs) => {
                for x in xs {
                    self.expr(x);
                }
            }
            ExprKind::Call { callee, args, .. } | ExprKind::New { callee, args } => {
                self.non_read(callee);
                self.args(args);
            }
            ExprKind::Member {
                object,
                name,
                optional: false,
            } if &**name == "length" && self.is_arguments(object) => self.arguments_use(false),
            ExprKind::Index {
                object,
                index,
                optional: false,
            } if self.is_arguments(object) => {
                self.arguments_use(false);
                self.expr(index);
            }
            ExprKind::Member { object, .. } => self.expr(object),
            ExprKind::Index { object, index, .. } => {
                self.expr(object);
                self.expr(index);
            }
            ExprKind::OptionalChain(x) => self.expr(x),
            ExprKind::SuperCall(args) => {
                self.this_ref();
                self.args(args);
            }
            ExprKind::SuperMember(_) => self.this_ref(),
            ExprKind::SuperIndex(x) => {
                self.this_ref();
                self.expr(x);
            }
        }
    }
}
