//! The abstract syntax tree.
//!
//! Invariants (the compiler relies on these; the parser guarantees them):
//! - Every [`Expr`], [`Stmt`], [`Pattern`], [`Function`] and [`Class`] has a
//!   `span` of byte offsets into the source. Spans compare as always-equal
//!   (see [`Span`]), so `==` on AST nodes ignores positions.
//! - Identifiers are `Rc<str>`; string and template values are UTF-16 code
//!   units (`Rc<[u16]>`), escapes decoded, lone surrogates preserved.
//! - Parentheses are not kept: precedence is in the tree shape.
//! - All early errors of the subset have been checked: assignment targets
//!   are valid, no duplicate lexical declarations in a scope, `break`/
//!   `continue` labels resolve, `super` only where allowed, no `eval`/
//!   `arguments` bindings, getters have 0 and setters 1 parameter, etc.
//! - An optional chain `a?.b.c(d)` is wrapped in exactly one
//!   [`ExprKind::OptionalChain`] around the whole chain; inside it, each link
//!   ([`ExprKind::Member`], [`ExprKind::Index`], [`ExprKind::Call`]) has
//!   `optional: true` where a `?.` was written. When an optional link finds
//!   `null`/`undefined` the whole `OptionalChain` evaluates to `undefined`.
//!   Outside an `OptionalChain`, every `optional` flag is false.
//! - Functions and classes are behind `Rc` so the compiler can keep them.
//! - Depth: nesting is bounded by `parser::MAX_DEPTH` except along
//!   left-associative chains (`a+b+c`: `left`; `a.b.c`, `a[0][1]`: `object`;
//!   `f()()`: `callee`), which can be as long as the source. Recursive
//!   consumers should loop along those edges (or accept a limit).
//!   `Program`, `Function` and `Class` implement `Drop` to tear trees down
//!   without recursion, so their fields can be borrowed or `mem::take`n but
//!   not moved out by destructuring.

use super::span::Span;
use std::rc::Rc;

/// An identifier name.
pub type Ident = Rc<str>;
/// A string value in UTF-16 code units.
pub type Str16 = Rc<[u16]>;

/// A whole script. All code is strict-mode code.
#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    pub body: Vec<Stmt>,
    pub span: Span,
}

// ---------------------------------------------------------------- statements

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `var`/`let`/`const` with one or more declarators.
    VarDecl(VarDecl),
    /// `function f() {}` (kind `Normal`, name always `Some`).
    FunctionDecl(Rc<Function>),
    /// `class C {}` (name always `Some`).
    ClassDecl(Rc<Class>),
    Expr(Expr),
    If {
        test: Expr,
        cons: Box<Stmt>,
        alt: Option<Box<Stmt>>,
    },
    While {
        test: Expr,
        body: Box<Stmt>,
    },
    DoWhile {
        body: Box<Stmt>,
        test: Expr,
    },
    /// `for (init; test; update) body`.
    /// (Parts are boxed to keep `Stmt` small.)
    For {
        init: Option<Box<ForInit>>,
        test: Option<Box<Expr>>,
        update: Option<Box<Expr>>,
        body: Box<Stmt>,
    },
    /// `for (left in right) body`.
    ForIn {
        left: Box<ForHead>,
        right: Expr,
        body: Box<Stmt>,
    },
    /// `for (left of right) body`; `right` is an AssignmentExpression.
    ForOf {
        left: Box<ForHead>,
        right: Expr,
        body: Box<Stmt>,
    },
    Block(Vec<Stmt>),
    /// `break;` / `break label;`
    Break(Option<Ident>),
    /// `continue;` / `continue label;`
    Continue(Option<Ident>),
    Return(Option<Expr>),
    Throw(Expr),
    /// At least one of `handler` and `finalizer` is present.
    Try {
        block: Vec<Stmt>,
        handler: Option<Box<CatchClause>>,
        finalizer: Option<Vec<Stmt>>,
    },
    /// All cases share one block scope (as in JS).
    Switch {
        discriminant: Expr,
        cases: Vec<SwitchCase>,
    },
    /// `label: body`. `body` is never a function declaration.
    Labeled {
        label: Ident,
        body: Box<Stmt>,
    },
    /// `;`
    Empty,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarKind {
    Var,
    Let,
    Const,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VarDecl {
    pub kind: VarKind,
    /// Never empty. `const` declarators always have an `init` (except in a
    /// for-in/of head, where there is exactly one declarator and no init).
    pub decls: Vec<Declarator>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Declarator {
    /// Destructuring patterns always have an `init` outside for-in/of heads.
    pub target: Pattern,
    pub init: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ForInit {
    VarDecl(VarDecl),
    Expr(Expr),
}

/// The left side of `for-in` / `for-of`.
#[derive(Clone, Debug, PartialEq)]
pub enum ForHead {
    /// `for (let x of ...)`: a fresh binding (exactly one, no initializer).
    VarDecl(VarKind, Pattern),
    /// `for (x of ...)`, `for (a.b of ...)`, `for ([a, b] of ...)`: an
    /// assignment target (see [`Pattern`]; may contain `Member`).
    Target(Pattern),
}

#[derive(Clone, Debug, PartialEq)]
pub struct CatchClause {
    /// `None` for `catch { ... }`.
    pub param: Option<Pattern>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SwitchCase {
    /// `None` for `default:` (at most one per switch).
    pub test: Option<Expr>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

// --------------------------------------------------------------- expressions

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Num(f64),
    Str(Str16),
    /// Untagged template: `quasis.len() == exprs.len() + 1`, cooked values;
    /// value is `quasis[0] + String(exprs[0]) + quasis[1] + ...`.
    Template {
        quasis: Vec<Str16>,
        exprs: Vec<Expr>,
    },
    Bool(bool),
    Null,
    /// Identifier reference (`undefined` is an ordinary identifier).
    Ident(Ident),
    This,
    /// Array literal; `None` elements are holes (`[1,,2]`).
    Array(Vec<Option<Arg>>),
    Object(Vec<Prop>),
    /// Function expression or arrow function (see [`Function::kind`]).
    Function(Rc<Function>),
    Class(Rc<Class>),
    Unary {
        op: UnaryOp,
        arg: Box<Expr>,
    },
    /// `++x`, `x--`; `target` is an `Ident`, `Member` or `Index` expression
    /// (never optional).
    Update {
        op: UpdateOp,
        prefix: bool,
        target: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    /// Short-circuiting `&&`, `||`, `??`.
    Logical {
        op: LogicalOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    Conditional {
        test: Box<Expr>,
        cons: Box<Expr>,
        alt: Box<Expr>,
    },
    /// `target op= value`. For `op != Assign` the target is a
    /// `Pattern::Ident` or `Pattern::Member`; for `=` it may also be an
    /// object/array destructuring pattern.
    Assign {
        op: AssignOp,
        target: Box<Pattern>,
        value: Box<Expr>,
    },
    /// `a, b, c`: at least two expressions.
    Sequence(Vec<Expr>),
    /// `callee(args)`; `optional` for `callee?.(args)`. A callee that is a
    /// `Member`/`Index` (or `SuperMember`/`SuperIndex`, or an
    /// `OptionalChain` whose inner expression is a `Member`/`Index`, as in
    /// `(a?.b)()`) gives the call its `this`.
    Call {
        callee: Box<Expr>,
        args: Vec<Arg>,
        optional: bool,
    },
    /// `new callee(args)`; `new X` without parentheses has empty `args`.
    New {
        callee: Box<Expr>,
        args: Vec<Arg>,
    },
    /// `object.name` / `object?.name` (any IdentifierName, keywords too).
    Member {
        object: Box<Expr>,
        name: Ident,
        optional: bool,
    },
    /// `object[index]` / `object?.[index]`.
    Index {
        object: Box<Expr>,
        index: Box<Expr>,
        optional: bool,
    },
    /// Delimits an optional chain (see the module doc).
    OptionalChain(Box<Expr>),
    /// `super(args)`: only inside a derived-class constructor (or arrows in it).
    SuperCall(Vec<Arg>),
    /// `super.name`: only in methods/constructors/field initializers (or
    /// arrows in them).
    SuperMember(Ident),
    /// `super[index]`.
    SuperIndex(Box<Expr>),
}

/// A call argument or array element, possibly spread (`...expr`).
#[derive(Clone, Debug, PartialEq)]
pub struct Arg {
    pub spread: bool,
    pub expr: Expr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,    // -
    Plus,   // +
    Not,    // !
    BitNot, // ~
    Typeof,
    Void,
    /// Argument is never a bare identifier (strict mode).
    Delete,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpdateOp {
    Inc,
    Dec,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Exp,
    Shl,
    Shr,
    UShr,
    BitAnd,
    BitOr,
    BitXor,
    Lt,
    Gt,
    Le,
    Ge,
    Eq,
    Ne,
    StrictEq,
    StrictNe,
    In,
    Instanceof,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogicalOp {
    And,
    Or,
    Nullish,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignOp {
    Assign,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Exp,
    Shl,
    Shr,
    UShr,
    BitAnd,
    BitOr,
    BitXor,
    /// `&&=`, `||=`, `??=` short-circuit: the target is only written when
    /// the logical test picks the right side.
    And,
    Or,
    Nullish,
}

impl BinaryOp {
    pub fn as_str(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            Mod => "%",
            Exp => "**",
            Shl => "<<",
            Shr => ">>",
            UShr => ">>>",
            BitAnd => "&",
            BitOr => "|",
            BitXor => "^",
            Lt => "<",
            Gt => ">",
            Le => "<=",
            Ge => ">=",
            Eq => "==",
            Ne => "!=",
            StrictEq => "===",
            StrictNe => "!==",
            In => "in",
            Instanceof => "instanceof",
        }
    }
}

impl LogicalOp {
    pub fn as_str(self) -> &'static str {
        match self {
            LogicalOp::And => "&&",
            LogicalOp::Or => "||",
            LogicalOp::Nullish => "??",
        }
    }
}

impl AssignOp {
    pub fn as_str(self) -> &'static str {
        use AssignOp::*;
        match self {
            Assign => "=",
            Add => "+=",
            Sub => "-=",
            Mul => "*=",
            Div => "/=",
            Mod => "%=",
            Exp => "**=",
            Shl => "<<=",
            Shr => ">>=",
            UShr => ">>>=",
            BitAnd => "&=",
            BitOr => "|=",
            BitXor => "^=",
            And => "&&=",
            Or => "||=",
            Nullish => "??=",
        }
    }
    /// The binary operator of a compound assignment (`+=` -> `Add`); `None`
    /// for `=` and the logical assignments.
    pub fn binary(self) -> Option<BinaryOp> {
        use AssignOp::*;
        Some(match self {
            Add => BinaryOp::Add,
            Sub => BinaryOp::Sub,
            Mul => BinaryOp::Mul,
            Div => BinaryOp::Div,
            Mod => BinaryOp::Mod,
            Exp => BinaryOp::Exp,
            Shl => BinaryOp::Shl,
            Shr => BinaryOp::Shr,
            UShr => BinaryOp::UShr,
            BitAnd => BinaryOp::BitAnd,
            BitOr => BinaryOp::BitOr,
            BitXor => BinaryOp::BitXor,
            Assign | And | Or | Nullish => return None,
        })
    }
}

// -------------------------------------------------------- objects and classes

/// A property key.
#[derive(Clone, Debug, PartialEq)]
pub enum PropKey {
    /// `name` (any IdentifierName, keywords included).
    Name(Ident),
    /// `"str"`.
    Str(Str16),
    /// `1.5`: the property name is `ToString(value)`.
    Num(f64),
    /// `[expr]`.
    Computed(Box<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Prop {
    pub kind: PropKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PropKind {
    /// `key: value`, or shorthand `x` (then `key == Name(x)` and `value` is
    /// `Ident(x)`). A non-shorthand, non-computed `__proto__: v` (Name or Str
    /// key) sets the prototype instead of defining a property (at most one
    /// per literal).
    Init {
        key: PropKey,
        value: Expr,
        shorthand: bool,
    },
    /// `key() {}`, `get key() {}`, `set key(v) {}`: `func.kind` is
    /// `Method`, `Getter` or `Setter`.
    Method { key: PropKey, func: Rc<Function> },
    /// `...expr` (Milestone 2).
    Spread(Expr),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Class {
    pub name: Option<Ident>,
    pub extends: Option<Expr>,
    /// The explicit constructor (`kind` `ClassConstructor` or
    /// `DerivedConstructor`); `None` means the default one.
    pub constructor: Option<Rc<Function>>,
    /// Members other than the constructor, in source order.
    pub members: Vec<ClassMember>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassMember {
    pub kind: ClassMemberKind,
    pub is_static: bool,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ClassMemberKind {
    /// Method, getter or setter (`func.kind` says which). A non-static
    /// member never has the key `constructor` here; a static one is never
    /// named `prototype`.
    Method { key: PropKey, func: Rc<Function> },
    /// Public field `key = value;` (`value` evaluated per instance, or once
    /// for static fields, with `this` bound to the instance/class).
    Field { key: PropKey, value: Option<Expr> },
}

// ----------------------------------------------------------------- functions

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FunctionKind {
    /// `function` declaration or expression (constructible).
    Normal,
    /// `=>` function (lexical `this`, `arguments`, `super`).
    Arrow,
    /// Object-literal or class method.
    Method,
    Getter,
    Setter,
    /// `constructor` of a class without `extends`.
    ClassConstructor,
    /// `constructor` of a class with `extends` (may call `super(...)`).
    DerivedConstructor,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Function {
    /// Declared name: `Some` for declarations and named function
    /// expressions (the latter binds the name inside itself only). `None` for
    /// arrows, anonymous expressions, methods and constructors (their `name`
    /// property comes from the key/class, which the compiler derives).
    pub name: Option<Ident>,
    pub kind: FunctionKind,
    pub params: Vec<Param>,
    /// `...rest` parameter.
    pub rest: Option<Pattern>,
    /// For `is_expression_body` arrows: a single `Return(Some(expr))`.
    pub body: Vec<Stmt>,
    pub is_expression_body: bool,
    /// The function's `length`: parameters before the first default or rest.
    pub length: u32,
    /// All parameters are plain identifiers without defaults and no rest.
    pub simple_params: bool,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub pattern: Pattern,
    pub default: Option<Expr>,
}

// ------------------------------------------------------------------ patterns

/// A binding or assignment target.
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    pub kind: PatternKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PatternKind {
    /// A name (never `eval`/`arguments` or a reserved word).
    Ident(Ident),
    /// `{a, b: c, [k]: d = 1, ...rest}` (Milestone 2).
    Object {
        props: Vec<ObjectPatProp>,
        rest: Option<Box<Pattern>>,
    },
    /// `[a, , b = 1, ...rest]` (Milestone 2); `None` elements are holes.
    Array {
        elems: Vec<Option<PatElem>>,
        rest: Option<Box<Pattern>>,
    },
    /// `a.b` / `a[b]` (an `Expr` of kind `Member` or `Index`; also
    /// `SuperMember`/`SuperIndex` as a simple assignment target): only in
    /// assignment targets (assignment, for-in/of heads, nested in
    /// assignment patterns), never in declarations or parameters.
    Member(Box<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct PatElem {
    pub target: Pattern,
    pub default: Option<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ObjectPatProp {
    pub key: PropKey,
    /// For shorthand `{a}` / `{a = 1}` this is `Ident(a)`.
    pub value: Pattern,
    pub default: Option<Expr>,
    pub shorthand: bool,
    pub span: Span,
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }
}

impl Stmt {
    pub fn new(kind: StmtKind, span: Span) -> Stmt {
        Stmt { kind, span }
    }
}

impl Pattern {
    /// Adds every bound identifier (in source order) to `out`; `Member`
    /// targets bind nothing.
    pub fn bound_names<'a>(&'a self, out: &mut Vec<&'a Ident>) {
        match &self.kind {
            PatternKind::Ident(n) => out.push(n),
            PatternKind::Object { props, rest } => {
                for p in props {
                    p.value.bound_names(out);
                }
                if let Some(r) = rest {
                    r.bound_names(out);
                }
            }
            PatternKind::Array { elems, rest } => {
                for e in elems.iter().flatten() {
                    e.target.bound_names(out);
                }
                if let Some(r) = rest {
                    r.bound_names(out);
                }
            }
            PatternKind::Member(_) => {}
        }
    }
}

// ------------------------------------------------------------- dropping

// Left-associative chains (`1+1+...`, `a.b.c...`, `f()()...`) make the tree
// arbitrarily deep, and the compiler-generated drop glue recurses once per
// level. `Program`, `Function` and `Class` therefore drop their contents
// with an explicit work list, so dropping never overflows the stack.
// (`Stmt`, `Expr` and `Pattern` have no `Drop` impl, so they can still be
// destructured by value.)

impl Drop for Program {
    fn drop(&mut self) {
        dismantle(std::mem::take(&mut self.body), Vec::new());
    }
}

impl Drop for Function {
    fn drop(&mut self) {
        let mut exprs = Vec::new();
        let mut pats = Vec::new();
        for p in std::mem::take(&mut self.params) {
            pats.push(p.pattern);
            exprs.extend(p.default);
        }
        pats.extend(self.rest.take());
        let mut work: Vec<Node> = exprs.into_iter().map(Node::Expr).collect();
        work.extend(pats.into_iter().map(Node::Pat));
        dismantle(std::mem::take(&mut self.body), work);
    }
}

impl Drop for Class {
    fn drop(&mut self) {
        let mut work = Vec::new();
        work.extend(self.extends.take().map(Node::Expr));
        for m in std::mem::take(&mut self.members) {
            match m.kind {
                ClassMemberKind::Method { key, func } => {
                    push_key(&mut work, key);
                    drop(func);
                }
                ClassMemberKind::Field { key, value } => {
                    push_key(&mut work, key);
                    work.extend(value.map(Node::Expr));
                }
            }
        }
        dismantle(Vec::new(), work);
    }
}

enum Node {
    Stmt(Stmt),
    Expr(Expr),
    Pat(Pattern),
}

fn push_key(work: &mut Vec<Node>, key: PropKey) {
    if let PropKey::Computed(e) = key {
        work.push(Node::Expr(*e));
    }
}

fn push_stmts(work: &mut Vec<Node>, stmts: Vec<Stmt>) {
    work.extend(stmts.into_iter().map(Node::Stmt));
}

fn push_args(work: &mut Vec<Node>, args: Vec<Arg>) {
    work.extend(args.into_iter().map(|a| Node::Expr(a.expr)));
}

/// Drops statements and nodes without recursion: each node is taken apart
/// and its children pushed on the work list.
fn dismantle(stmts: Vec<Stmt>, mut work: Vec<Node>) {
    push_stmts(&mut work, stmts);
    while let Some(node) = work.pop() {
        match node {
            Node::Stmt(s) => dismantle_stmt(&mut work, s.kind),
            Node::Expr(e) => dismantle_expr(&mut work, e.kind),
            Node::Pat(p) => match p.kind {
                PatternKind::Ident(_) => {}
                PatternKind::Member(e) => work.push(Node::Expr(*e)),
                PatternKind::Object { props, rest } => {
                    for pr in props {
                        push_key(&mut work, pr.key);
                        work.push(Node::Pat(pr.value));
                        work.extend(pr.default.map(Node::Expr));
                    }
                    work.extend(rest.map(|r| Node::Pat(*r)));
                }
                PatternKind::Array { elems, rest } => {
                    for el in elems.into_iter().flatten() {
                        work.push(Node::Pat(el.target));
                        work.extend(el.default.map(Node::Expr));
                    }
                    work.extend(rest.map(|r| Node::Pat(*r)));
                }
            },
        }
    }
}

fn push_var_decl(work: &mut Vec<Node>, d: VarDecl) {
    for d in d.decls {
        work.push(Node::Pat(d.target));
        work.extend(d.init.map(Node::Expr));
    }
}

fn dismantle_stmt(work: &mut Vec<Node>, kind: StmtKind) {
    use StmtKind as S;
    match kind {
        S::VarDecl(d) => push_var_decl(work, d),
        S::FunctionDecl(_) | S::ClassDecl(_) => {}
        S::Expr(e) | S::Throw(e) => work.push(Node::Expr(e)),
        S::Return(e) => work.extend(e.map(Node::Expr)),
        S::If { test, cons, alt } => {
            work.push(Node::Expr(test));
            work.push(Node::Stmt(*cons));
            work.extend(alt.map(|a| Node::Stmt(*a)));
        }
        S::While { test, body } | S::DoWhile { body, test } => {
            work.push(Node::Expr(test));
            work.push(Node::Stmt(*body));
        }
        S::For {
            init,
            test,
            update,
            body,
        } => {
            match init.map(|b| *b) {
                Some(ForInit::VarDecl(d)) => push_var_decl(work, d),
                Some(ForInit::Expr(e)) => work.push(Node::Expr(e)),
                None => {}
            }
            work.extend(test.map(|e| Node::Expr(*e)));
            work.extend(update.map(|e| Node::Expr(*e)));
            work.push(Node::Stmt(*body));
        }
        S::ForIn { left, right, body } | S::ForOf { left, right, body } => {
            match *left {
                ForHead::VarDecl(_, p) | ForHead::Target(p) => work.push(Node::Pat(p)),
            }
            work.push(Node::Expr(right));
            work.push(Node::Stmt(*body));
        }
        S::Block(b) => push_stmts(work, b),
        S::Break(_) | S::Continue(_) | S::Empty => {}
        S::Try {
            block,
            handler,
            finalizer,
        } => {
            push_stmts(work, block);
            if let Some(h) = handler {
                let h = *h;
                work.extend(h.param.map(Node::Pat));
                push_stmts(work, h.body);
            }
            push_stmts(work, finalizer.unwrap_or_default());
        }
        S::Switch {
            discriminant,
            cases,
        } => {
            work.push(Node::Expr(discriminant));
            for c in cases {
                work.extend(c.test.map(Node::Expr));
                push_stmts(work, c.body);
            }
        }
        S::Labeled { body, .. } => work.push(Node::Stmt(*body)),
    }
}

fn dismantle_expr(work: &mut Vec<Node>, kind: ExprKind) {
    use ExprKind as E;
    match kind {
        E::Num(_) | E::Str(_) | E::Bool(_) | E::Null | E::Ident(_) | E::This => {}
        E::SuperMember(_) | E::Function(_) | E::Class(_) => {}
        E::Template { exprs, .. } | E::Sequence(exprs) => {
            work.extend(exprs.into_iter().map(Node::Expr))
        }
        E::Array(elems) => push_args(work, elems.into_iter().flatten().collect()),
        E::Object(props) => {
            for p in props {
                match p.kind {
                    PropKind::Init { key, value, .. } => {
                        push_key(work, key);
                        work.push(Node::Expr(value));
                    }
                    PropKind::Method { key, .. } => push_key(work, key),
                    PropKind::Spread(e) => work.push(Node::Expr(e)),
                }
            }
        }
        E::Unary { arg: e, .. }
        | E::Update { target: e, .. }
        | E::OptionalChain(e)
        | E::SuperIndex(e)
        | E::Member { object: e, .. } => work.push(Node::Expr(*e)),
        E::Binary { left, right, .. }
        | E::Logical { left, right, .. }
        | E::Index {
            object: left,
            index: right,
            ..
        } => {
            work.push(Node::Expr(*left));
            work.push(Node::Expr(*right));
        }
        E::Conditional { test, cons, alt } => {
            work.push(Node::Expr(*test));
            work.push(Node::Expr(*cons));
            work.push(Node::Expr(*alt));
        }
        E::Assign { target, value, .. } => {
            work.push(Node::Pat(*target));
            work.push(Node::Expr(*value));
        }
        E::Call { callee, args, .. } | E::New { callee, args } => {
            work.push(Node::Expr(*callee));
            push_args(work, args);
        }
        E::SuperCall(args) => push_args(work, args),
    }
}
