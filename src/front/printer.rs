//! AST printer: the AST back to source text.
//!
//! Invariant: for every AST the parser produces, `parse(print_program(p))`
//! succeeds and equals `p` (spans ignored). Parentheses are added
//! conservatively from operator precedence; strings and templates are
//! printed with escapes, so the output is ASCII apart from identifiers.
//!
//! Two shapes have no source form and are not printable faithfully (the
//! parser never produces them): an `if` with an `else` whose consequent
//! ends in an `if` without `else` (the `else` would re-bind), and negative
//! or NaN number literals.
//!
//! The printer recurses along the tree (it is for tests and debugging), so
//! very long left-associative chains need a big stack.

use super::ast::*;
use std::fmt::Write;

/// Prints a whole program, one statement per line.
pub fn print_program(p: &Program) -> String {
    let mut pr = Printer {
        out: String::new(),
        indent: 0,
    };
    for s in &p.body {
        pr.stmt(s);
    }
    pr.out
}

/// Prints one expression (at the lowest precedence: no outer parentheses).
pub fn print_expr(e: &Expr) -> String {
    let mut pr = Printer {
        out: String::new(),
        indent: 0,
    };
    pr.expr(e, 0);
    pr.out
}

struct Printer {
    out: String,
    indent: usize,
}

// Precedence levels used for parenthesization.
const P_SEQ: u8 = 0;
const P_ASSIGN: u8 = 1;
const P_COND: u8 = 2;
const P_OR: u8 = 4; // also `??`
const P_AND: u8 = 5;
const P_BITOR: u8 = 6;
const P_EXP: u8 = 14;
const P_UNARY: u8 = 15;
const P_POSTFIX: u8 = 16;
const P_LHS: u8 = 17;
const P_PRIMARY: u8 = 18;

fn binary_prec(op: BinaryOp) -> u8 {
    use BinaryOp::*;
    match op {
        BitOr => 6,
        BitXor => 7,
        BitAnd => 8,
        Eq | Ne | StrictEq | StrictNe => 9,
        Lt | Gt | Le | Ge | In | Instanceof => 10,
        Shl | Shr | UShr => 11,
        Add | Sub => 12,
        Mul | Div | Mod => 13,
        Exp => P_EXP,
    }
}

fn prec(e: &Expr) -> u8 {
    match &e.kind {
        ExprKind::Sequence(_) => P_SEQ,
        ExprKind::Assign { .. } => P_ASSIGN,
        ExprKind::Function(f) if f.kind == FunctionKind::Arrow => P_ASSIGN,
        ExprKind::Conditional { .. } => P_COND,
        ExprKind::Logical { op, .. } => match op {
            LogicalOp::And => P_AND,
            _ => P_OR,
        },
        ExprKind::Binary { op, .. } => binary_prec(*op),
        ExprKind::Unary { .. } => P_UNARY,
        ExprKind::Update { prefix: true, .. } => P_UNARY,
        ExprKind::Update { prefix: false, .. } => P_POSTFIX,
        ExprKind::Call { .. }
        | ExprKind::New { .. }
        | ExprKind::Member { .. }
        | ExprKind::Index { .. }
        | ExprKind::OptionalChain(_)
        | ExprKind::SuperCall(_)
        | ExprKind::SuperMember(_)
        | ExprKind::SuperIndex(_) => P_LHS,
        _ => P_PRIMARY,
    }
}

/// Writes `units` as the body of a double-quoted string literal.
fn write_string_body(out: &mut String, units: &[u16], template: bool) {
    for r in char::decode_utf16(units.iter().copied()) {
        match r {
            Ok(c) => match c {
                '"' if !template => out.push_str("\\\""),
                '`' if template => out.push_str("\\`"),
                '$' if template => out.push_str("\\$"),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                ' '..='~' => out.push(c),
                c if (c as u32) < 0x10000 => {
                    let _ = write!(out, "\\u{:04x}", c as u32);
                }
                c => {
                    let _ = write!(out, "\\u{{{:x}}}", c as u32);
                }
            },
            Err(e) => {
                let _ = write!(out, "\\u{:04x}", e.unpaired_surrogate());
            }
        }
    }
}

/// A number literal that parses back to exactly `v` (`v >= 0`).
pub fn number_literal(v: f64) -> String {
    if v.is_infinite() {
        return "1e999".to_string();
    }
    if v.is_nan() || v < 0.0 || (v == 0.0 && v.is_sign_negative()) {
        // Not producible by the parser; best effort.
        return "(0 / 0)".to_string();
    }
    if v.fract() == 0.0 && v < 1e21 {
        format!("{v}")
    } else {
        format!("{v:e}")
    }
}

fn key_string(key: &PropKey, pr: &mut Printer) {
    match key {
        PropKey::Name(n) => pr.out.push_str(n),
        PropKey::Str(s) => pr.string(s),
        PropKey::Num(v) => pr.out.push_str(&number_literal(*v)),
        PropKey::Computed(e) => {
            pr.out.push('[');
            pr.expr(e, P_ASSIGN);
            pr.out.push(']');
        }
    }
}

/// `callee` of `new` needs no parentheses: no calls, no optional chains
/// (a nested `new` always prints its own argument list).
fn new_callee_safe(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Ident(_) | ExprKind::This | ExprKind::New { .. } => true,
        ExprKind::Member { object, .. } | ExprKind::Index { object, .. } => new_callee_safe(object),
        _ => false,
    }
}

impl Printer {
    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.indent {
            self.out.push_str("  ");
        }
    }

    fn string(&mut self, s: &[u16]) {
        self.out.push('"');
        write_string_body(&mut self.out, s, false);
        self.out.push('"');
    }

    // ---------------------------------------------------------- statements

    fn stmt(&mut self, s: &Stmt) {
        self.newline();
        self.stmt_inline(s);
    }

    /// The body of `if`/loops/labels: a block stays on the same line.
    fn body_stmt(&mut self, s: &Stmt) {
        if let StmtKind::Block(b) = &s.kind {
            self.out.push(' ');
            self.block(b);
            return;
        }
        self.indent += 1;
        self.stmt(s);
        self.indent -= 1;
    }

    fn block(&mut self, body: &[Stmt]) {
        self.out.push('{');
        self.indent += 1;
        for s in body {
            self.stmt(s);
        }
        self.indent -= 1;
        self.newline();
        self.out.push('}');
    }

    fn var_decl(&mut self, d: &VarDecl, in_for_init: bool) {
        self.out.push_str(match d.kind {
            VarKind::Var => "var ",
            VarKind::Let => "let ",
            VarKind::Const => "const ",
        });
        for (i, decl) in d.decls.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.pattern(&decl.target);
            if let Some(init) = &decl.init {
                self.out.push_str(" = ");
                if in_for_init {
                    self.no_in_expr(init, P_ASSIGN);
                } else {
                    self.expr(init, P_ASSIGN);
                }
            }
        }
    }

    /// An expression in a `for (init; ...)` head, where `in` must be hidden.
    fn no_in_expr(&mut self, e: &Expr, min: u8) {
        let mut sub = Printer {
            out: String::new(),
            indent: self.indent,
        };
        sub.expr(e, min);
        if sub.out.contains(" in ") {
            self.out.push('(');
            self.out.push_str(&sub.out);
            self.out.push(')');
        } else {
            self.out.push_str(&sub.out);
        }
    }

    fn stmt_inline(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::VarDecl(d) => {
                self.var_decl(d, false);
                self.out.push(';');
            }
            StmtKind::FunctionDecl(f) => self.function(f, "function "),
            StmtKind::ClassDecl(c) => self.class(c),
            StmtKind::Expr(e) => {
                let mut sub = Printer {
                    out: String::new(),
                    indent: self.indent,
                };
                sub.expr(e, P_SEQ);
                let t = &sub.out;
                // An expression statement may not start like a declaration
                // or block.
                if t.starts_with('{')
                    || t.starts_with("function")
                    || t.starts_with("class")
                    || t.starts_with("let")
                    || t.starts_with("async")
                {
                    self.out.push('(');
                    self.out.push_str(t);
                    self.out.push(')');
                } else {
                    self.out.push_str(t);
                }
                self.out.push(';');
            }
            StmtKind::If { test, cons, alt } => {
                self.out.push_str("if (");
                self.expr(test, P_SEQ);
                self.out.push(')');
                self.body_stmt(cons);
                if let Some(alt) = alt {
                    self.newline();
                    self.out.push_str("else");
                    self.body_stmt(alt);
                }
            }
            StmtKind::While { test, body } => {
                self.out.push_str("while (");
                self.expr(test, P_SEQ);
                self.out.push(')');
                self.body_stmt(body);
            }
            StmtKind::DoWhile { body, test } => {
                self.out.push_str("do");
                self.body_stmt(body);
                self.newline();
                self.out.push_str("while (");
                self.expr(test, P_SEQ);
                self.out.push_str(");");
            }
            StmtKind::For {
                init,
                test,
                update,
                body,
            } => {
                self.out.push_str("for (");
                match init.as_deref() {
                    Some(ForInit::VarDecl(d)) => self.var_decl(d, true),
                    Some(ForInit::Expr(e)) => {
                        let mut sub = Printer {
                            out: String::new(),
                            indent: self.indent,
                        };
                        sub.expr(e, P_SEQ);
                        if sub.out.contains(" in ") || sub.out.starts_with("let") {
                            self.out.push('(');
                            self.out.push_str(&sub.out);
                            self.out.push(')');
                        } else {
                            self.out.push_str(&sub.out);
                        }
                    }
                    None => {}
                }
                self.out.push(';');
                if let Some(t) = test {
                    self.out.push(' ');
                    self.expr(t, P_SEQ);
                }
                self.out.push(';');
                if let Some(u) = update {
                    self.out.push(' ');
                    self.expr(u, P_SEQ);
                }
                self.out.push(')');
                self.body_stmt(body);
            }
            StmtKind::ForIn { left, right, body } | StmtKind::ForOf { left, right, body } => {
                let is_of = matches!(s.kind, StmtKind::ForOf { .. });
                self.out.push_str("for (");
                match &**left {
                    ForHead::VarDecl(k, p) => {
                        self.out.push_str(match k {
                            VarKind::Var => "var ",
                            VarKind::Let => "let ",
                            VarKind::Const => "const ",
                        });
                        self.pattern(p);
                    }
                    ForHead::Target(p) => {
                        let mut sub = Printer {
                            out: String::new(),
                            indent: self.indent,
                        };
                        sub.pattern(p);
                        // `for (let ...` / `for (async of` would change meaning.
                        if sub.out.starts_with("let") || sub.out.starts_with("async") {
                            self.out.push('(');
                            self.out.push_str(&sub.out);
                            self.out.push(')');
                        } else {
                            self.out.push_str(&sub.out);
                        }
                    }
                }
                if is_of {
                    self.out.push_str(" of ");
                    self.expr(right, P_ASSIGN);
                } else {
                    self.out.push_str(" in ");
                    self.expr(right, P_SEQ);
                }
                self.out.push(')');
                self.body_stmt(body);
            }
            StmtKind::Block(b) => self.block(b),
            StmtKind::Break(l) | StmtKind::Continue(l) => {
                self.out.push_str(if matches!(s.kind, StmtKind::Break(_)) {
                    "break"
                } else {
                    "continue"
                });
                if let Some(l) = l {
                    self.out.push(' ');
                    self.out.push_str(l);
                }
                self.out.push(';');
            }
            StmtKind::Return(e) => {
                self.out.push_str("return");
                if let Some(e) = e {
                    self.out.push(' ');
                    self.expr(e, P_SEQ);
                }
                self.out.push(';');
            }
            StmtKind::Throw(e) => {
                self.out.push_str("throw ");
                self.expr(e, P_SEQ);
                self.out.push(';');
            }
            StmtKind::Try {
                block,
                handler,
                finalizer,
            } => {
                self.out.push_str("try ");
                self.block(block);
                if let Some(h) = handler {
                    self.out.push_str(" catch ");
                    if let Some(p) = &h.param {
                        self.out.push('(');
                        self.pattern(p);
                        self.out.push_str(") ");
                    }
                    self.block(&h.body);
                }
                if let Some(f) = finalizer {
                    self.out.push_str(" finally ");
                    self.block(f);
                }
            }
            StmtKind::Switch {
                discriminant,
                cases,
            } => {
                self.out.push_str("switch (");
                self.expr(discriminant, P_SEQ);
                self.out.push_str(") {");
                self.indent += 1;
                for c in cases {
                    self.newline();
                    match &c.test {
                        Some(t) => {
                            self.out.push_str("case ");
                            self.expr(t, P_SEQ);
                            self.out.push(':');
                        }
                        None => self.out.push_str("default:"),
                    }
                    self.indent += 1;
                    for s in &c.body {
                        self.stmt(s);
                    }
                    self.indent -= 1;
                }
                self.indent -= 1;
                self.newline();
                self.out.push('}');
            }
            StmtKind::Labeled { label, body } => {
                self.out.push_str(label);
                self.out.push(':');
                self.body_stmt(body);
            }
            StmtKind::Empty => self.out.push(';'),
        }
    }

    // ----------------------------------------------------------- functions

    fn params(&mut self, f: &Function) {
        self.out.push('(');
        for (i, p) in f.params.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.pattern(&p.pattern);
            if let Some(d) = &p.default {
                self.out.push_str(" = ");
                self.expr(d, P_ASSIGN);
            }
        }
        if let Some(r) = &f.rest {
            if !f.params.is_empty() {
                self.out.push_str(", ");
            }
            self.out.push_str("...");
            self.pattern(r);
        }
        self.out.push(')');
    }

    /// `prefix name(params) { body }` for declarations and expressions.
    fn function(&mut self, f: &Function, prefix: &str) {
        self.out.push_str(prefix);
        if let Some(n) = &f.name {
            self.out.push_str(n);
        }
        self.params(f);
        self.out.push(' ');
        self.block(&f.body);
    }

    fn arrow(&mut self, f: &Function) {
        self.params(f);
        self.out.push_str(" => ");
        if f.is_expression_body {
            if let Some(Stmt {
                kind: StmtKind::Return(Some(e)),
                ..
            }) = f.body.first()
            {
                let mut sub = Printer {
                    out: String::new(),
                    indent: self.indent,
                };
                sub.expr(e, P_ASSIGN);
                if sub.out.starts_with('{') {
                    self.out.push('(');
                    self.out.push_str(&sub.out);
                    self.out.push(')');
                } else {
                    self.out.push_str(&sub.out);
                }
                return;
            }
        }
        self.block(&f.body);
    }

    /// A method (object literal or class): `get`/`set` prefix, key, rest.
    fn method(&mut self, key: &PropKey, f: &Function) {
        match f.kind {
            FunctionKind::Getter => self.out.push_str("get "),
            FunctionKind::Setter => self.out.push_str("set "),
            _ => {}
        }
        key_string(key, self);
        self.params(f);
        self.out.push(' ');
        self.block(&f.body);
    }

    fn class(&mut self, c: &Class) {
        self.out.push_str("class");
        if let Some(n) = &c.name {
            self.out.push(' ');
            self.out.push_str(n);
        }
        if let Some(e) = &c.extends {
            self.out.push_str(" extends ");
            self.expr(e, P_LHS);
        }
        self.out.push_str(" {");
        self.indent += 1;
        if let Some(ctor) = &c.constructor {
            self.newline();
            self.out.push_str("constructor");
            self.params(ctor);
            self.out.push(' ');
            self.block(&ctor.body);
        }
        for m in &c.members {
            self.newline();
            if m.is_static {
                self.out.push_str("static ");
            }
            match &m.kind {
                ClassMemberKind::Method { key, func } => self.method(key, func),
                ClassMemberKind::Field { key, value } => {
                    key_string(key, self);
                    if let Some(v) = value {
                        self.out.push_str(" = ");
                        self.expr(v, P_ASSIGN);
                    }
                    self.out.push(';');
                }
            }
        }
        self.indent -= 1;
        self.newline();
        self.out.push('}');
    }

    // ------------------------------------------------------------ patterns

    fn pattern(&mut self, p: &Pattern) {
        match &p.kind {
            PatternKind::Ident(n) => self.out.push_str(n),
            PatternKind::Member(e) => self.expr(e, P_LHS),
            PatternKind::Object { props, rest } => {
                self.out.push('{');
                for (i, pr) in props.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    if pr.shorthand {
                        self.pattern(&pr.value);
                    } else {
                        key_string(&pr.key, self);
                        self.out.push_str(": ");
                        self.pattern(&pr.value);
                    }
                    if let Some(d) = &pr.default {
                        self.out.push_str(" = ");
                        self.expr(d, P_ASSIGN);
                    }
                }
                if let Some(r) = rest {
                    if !props.is_empty() {
                        self.out.push_str(", ");
                    }
                    self.out.push_str("...");
                    self.pattern(r);
                }
                self.out.push('}');
            }
            PatternKind::Array { elems, rest } => {
                self.out.push('[');
                for (i, el) in elems.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    if let Some(el) = el {
                        self.pattern(&el.target);
                        if let Some(d) = &el.default {
                            self.out.push_str(" = ");
                            self.expr(d, P_ASSIGN);
                        }
                    }
                }
                if let Some(r) = rest {
                    if !elems.is_empty() {
                        self.out.push_str(", ");
                    }
                    self.out.push_str("...");
                    self.pattern(r);
                } else if matches!(elems.last(), Some(None)) {
                    self.out.push(',');
                }
                self.out.push(']');
            }
        }
    }

    // --------------------------------------------------------- expressions

    fn args(&mut self, args: &[Arg]) {
        self.out.push('(');
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            if a.spread {
                self.out.push_str("...");
            }
            self.expr(&a.expr, P_ASSIGN);
        }
        self.out.push(')');
    }

    /// The object of a member access or the callee of a call.
    fn object(&mut self, e: &Expr) {
        let needs_paren =
            matches!(e.kind, ExprKind::Num(_) | ExprKind::OptionalChain(_)) || prec(e) < P_LHS;
        if needs_paren {
            self.out.push('(');
            self.expr(e, P_SEQ);
            self.out.push(')');
        } else {
            self.expr(e, P_LHS);
        }
    }

    /// Inside an optional chain: the object of a link, which may itself be
    /// a link of the same chain (printed without parentheses).
    fn chain_object(&mut self, e: &Expr, in_chain: bool) {
        if in_chain
            && matches!(
                e.kind,
                ExprKind::Member { .. } | ExprKind::Index { .. } | ExprKind::Call { .. }
            )
        {
            self.chain_link(e, true);
        } else {
            self.object(e);
        }
    }

    fn chain_link(&mut self, e: &Expr, in_chain: bool) {
        match &e.kind {
            ExprKind::Member {
                object,
                name,
                optional,
            } => {
                self.chain_object(object, in_chain);
                self.out.push_str(if *optional { "?." } else { "." });
                self.out.push_str(name);
            }
            ExprKind::Index {
                object,
                index,
                optional,
            } => {
                self.chain_object(object, in_chain);
                self.out.push_str(if *optional { "?.[" } else { "[" });
                self.expr(index, P_SEQ);
                self.out.push(']');
            }
            ExprKind::Call {
                callee,
                args,
                optional,
            } => {
                self.chain_object(callee, in_chain);
                if *optional {
                    self.out.push_str("?.");
                }
                self.args(args);
            }
            _ => self.expr(e, P_LHS),
        }
    }

    fn expr(&mut self, e: &Expr, min: u8) {
        if prec(e) < min {
            self.out.push('(');
            self.expr_inner(e);
            self.out.push(')');
        } else {
            self.expr_inner(e);
        }
    }

    fn expr_inner(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Num(v) => self.out.push_str(&number_literal(*v)),
            ExprKind::Str(s) => self.string(s),
            ExprKind::Template { quasis, exprs } => {
                self.out.push('`');
                for (i, q) in quasis.iter().enumerate() {
                    write_string_body(&mut self.out, q, true);
                    if let Some(e) = exprs.get(i) {
                        self.out.push_str("${");
                        self.expr(e, P_SEQ);
                        self.out.push('}');
                    }
                }
                self.out.push('`');
            }
            ExprKind::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            ExprKind::Null => self.out.push_str("null"),
            ExprKind::Ident(n) => self.out.push_str(n),
            ExprKind::This => self.out.push_str("this"),
            ExprKind::Array(elems) => {
                self.out.push('[');
                for (i, el) in elems.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    if let Some(a) = el {
                        if a.spread {
                            self.out.push_str("...");
                        }
                        self.expr(&a.expr, P_ASSIGN);
                    }
                }
                if matches!(elems.last(), Some(None)) {
                    self.out.push(',');
                }
                self.out.push(']');
            }
            ExprKind::Object(props) => {
                self.out.push('{');
                for (i, p) in props.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    match &p.kind {
                        PropKind::Init {
                            key,
                            value,
                            shorthand,
                        } => {
                            if *shorthand {
                                // `x` or (in a cover grammar) `x = default`.
                                match &value.kind {
                                    ExprKind::Assign { target, value, .. } => {
                                        self.pattern(target);
                                        self.out.push_str(" = ");
                                        self.expr(value, P_ASSIGN);
                                    }
                                    _ => self.expr(value, P_ASSIGN),
                                }
                            } else {
                                key_string(key, self);
                                self.out.push_str(": ");
                                self.expr(value, P_ASSIGN);
                            }
                        }
                        PropKind::Method { key, func } => self.method(key, func),
                        PropKind::Spread(e) => {
                            self.out.push_str("...");
                            self.expr(e, P_ASSIGN);
                        }
                    }
                }
                self.out.push('}');
            }
            ExprKind::Function(f) => {
                if f.kind == FunctionKind::Arrow {
                    self.arrow(f);
                } else {
                    self.function(f, "function ");
                }
            }
            ExprKind::Class(c) => self.class(c),
            ExprKind::Unary { op, arg } => {
                let s = match op {
                    UnaryOp::Neg => "-",
                    UnaryOp::Plus => "+",
                    UnaryOp::Not => "!",
                    UnaryOp::BitNot => "~",
                    UnaryOp::Typeof => "typeof ",
                    UnaryOp::Void => "void ",
                    UnaryOp::Delete => "delete ",
                };
                self.out.push_str(s);
                // `- -x`, not `--x`.
                if matches!(op, UnaryOp::Neg | UnaryOp::Plus) {
                    self.out.push(' ');
                }
                self.expr(arg, P_UNARY);
            }
            ExprKind::Update { op, prefix, target } => {
                let s = if *op == UpdateOp::Inc { "++" } else { "--" };
                if *prefix {
                    self.out.push_str(s);
                    self.expr(target, P_LHS);
                } else {
                    self.expr(target, P_LHS);
                    self.out.push_str(s);
                }
            }
            ExprKind::Binary { op, left, right } => {
                let p = binary_prec(*op);
                if *op == BinaryOp::Exp {
                    // Right-associative; the left operand may not be unary.
                    self.expr(left, P_POSTFIX);
                    self.out.push_str(" ** ");
                    self.expr(right, p);
                } else {
                    self.expr(left, p);
                    self.out.push(' ');
                    self.out.push_str(op.as_str());
                    self.out.push(' ');
                    self.expr(right, p + 1);
                }
            }
            ExprKind::Logical { op, left, right } => {
                let (lmin, rmin) = match op {
                    LogicalOp::And => (P_AND, P_BITOR),
                    LogicalOp::Or => (P_OR, P_AND),
                    LogicalOp::Nullish => (P_BITOR, P_BITOR),
                };
                // `??` never mixes with unparenthesized `&&`/`||`.
                let left_is =
                    |o: LogicalOp| matches!(&left.kind, ExprKind::Logical { op, .. } if *op == o);
                if *op == LogicalOp::Nullish && left_is(LogicalOp::Nullish) {
                    self.expr(left, P_OR);
                } else if *op == LogicalOp::Or && left_is(LogicalOp::Nullish) {
                    self.out.push('(');
                    self.expr(left, P_SEQ);
                    self.out.push(')');
                } else {
                    self.expr(left, lmin);
                }
                self.out.push(' ');
                self.out.push_str(op.as_str());
                self.out.push(' ');
                self.expr(right, rmin);
            }
            ExprKind::Conditional { test, cons, alt } => {
                self.expr(test, P_OR);
                self.out.push_str(" ? ");
                self.expr(cons, P_ASSIGN);
                self.out.push_str(" : ");
                self.expr(alt, P_ASSIGN);
            }
            ExprKind::Assign { op, target, value } => {
                let mut sub = Printer {
                    out: String::new(),
                    indent: self.indent,
                };
                sub.pattern(target);
                self.out.push_str(&sub.out);
                self.out.push(' ');
                self.out.push_str(op.as_str());
                self.out.push(' ');
                self.expr(value, P_ASSIGN);
            }
            ExprKind::Sequence(list) => {
                for (i, e) in list.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    self.expr(e, P_ASSIGN);
                }
            }
            ExprKind::Call { .. } | ExprKind::Member { .. } | ExprKind::Index { .. } => {
                self.chain_link(e, false)
            }
            ExprKind::OptionalChain(inner) => self.chain_link(inner, true),
            ExprKind::New { callee, args } => {
                self.out.push_str("new ");
                if new_callee_safe(callee) {
                    self.expr(callee, P_LHS);
                } else {
                    self.out.push('(');
                    self.expr(callee, P_SEQ);
                    self.out.push(')');
                }
                self.args(args);
            }
            ExprKind::SuperCall(args) => {
                self.out.push_str("super");
                self.args(args);
            }
            ExprKind::SuperMember(n) => {
                self.out.push_str("super.");
                self.out.push_str(n);
            }
            ExprKind::SuperIndex(e) => {
                self.out.push_str("super[");
                self.expr(e, P_SEQ);
                self.out.push(']');
            }
        }
    }
}
