//! The parser: tokens to [`Program`], with every early error of the subset.
//!
//! Invariants:
//! - Never panics, never overflows the stack: every recursive entry point
//!   (statements, assignment expressions, binary right operands, unary
//!   operators, `new`, function bodies, patterns) goes through `enter`,
//!   which bounds the combined nesting depth by [`MAX_DEPTH`] and the stack
//!   used by [`STACK_BUDGET`]. Left-associative binary chains and
//!   member/call chains are parsed by loops, not recursion. Functions on
//!   the recursive paths are kept small (bulky cases live in
//!   `#[inline(never)]` helpers) because debug builds give every temporary
//!   its own stack slot.
//! - The AST depth is therefore bounded by `MAX_DEPTH` except along
//!   left-associative chains (`a+b+c`, `a.b.c`, `f()()`), which can be as
//!   long as the source; `ast` drops such trees without recursion.
//! - One token of lookahead (`tok`), plus an occasional `peek`, never across
//!   the `}` that ends a template substitution (the lexer rescans there).
//! - Spans of parenthesized expressions include the parentheses, and the
//!   parser records those spans (`paren_spans`) to tell `(a ?? b) || c`
//!   from `a ?? b || c` and `([a]) = 1` from `[a] = 1` (nothing in the AST
//!   marks parentheses).
//! - Cover grammar: `(a, b)` / `[a] ` / `{a = 1}` are parsed as expressions
//!   and converted to parameters or patterns when `=>` or `=` follows. Errors
//!   that only apply if no conversion happens (`{a = 1}` as a value,
//!   duplicate `__proto__`) are parked in `cover_error` and reported at the
//!   end of the enclosing assignment expression.
//! - A scope stack checks redeclarations (let/const/class/block functions
//!   vs anything in the same scope, and `var` hoisting across a lexical
//!   binding); a per-function context checks return/break/continue/labels
//!   and `super`.

use super::ast::*;
use super::error::SyntaxError;
use super::lexer::Lexer;
use super::span::Span;
use super::token::{is_reserved_word, is_strict_reserved_word, TokKind, Token};
use std::collections::HashSet;
use std::rc::Rc;

/// Maximum combined nesting of statements, expressions, functions and
/// patterns (`too much nesting` beyond). A function costs two levels (its
/// statement or expression plus its body). Release builds reach it for
/// every kind of nesting; debug builds may stop earlier at
/// [`STACK_BUDGET`] (about 120 to 400 levels, see `tests/front_deep.rs`).
pub const MAX_DEPTH: u32 = 400;

/// Errors are boxed inside the parser: it keeps `?` temporaries small,
/// which matters for stack use per nesting level in debug builds.
type PResult<T> = Result<T, Box<SyntaxError>>;

/// Parses a whole script (strict mode).
pub fn parse(source: &str) -> Result<Program, SyntaxError> {
    let base = approx_stack_pointer();
    let mut p = Parser::new(source).map_err(|e| *e)?;
    p.stack_base = base;
    p.parse_program().map_err(|e| *e)
}

/// Bytes of stack the parser may use below its entry point before it
/// reports `too much nesting` (a backstop behind [`MAX_DEPTH`]; debug
/// builds use far more stack per level than release builds). Safe when
/// `parse` is called with at least 2 MiB of stack left, e.g. near the top
/// of a default test thread.
pub const STACK_BUDGET: usize = 1280 << 10;

/// An address in the current stack frame.
#[inline(never)]
fn approx_stack_pointer() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ScopeKind {
    /// A function body or the script top level: `var` stops here and
    /// top-level function declarations are var-like.
    Function,
    Block,
}

struct Scope {
    kind: ScopeKind,
    lexical: HashSet<Rc<str>>,
    vars: HashSet<Rc<str>>,
    /// Parameters (function scope) or catch parameters (catch body scope):
    /// lexical declarations may not shadow them in the same scope.
    params: HashSet<Rc<str>>,
}

struct Label {
    name: Rc<str>,
    is_loop: bool,
}

/// Per-function parsing context.
#[derive(Default)]
struct FnCtx {
    in_function: bool,
    allow_super_call: bool,
    allow_super_prop: bool,
    /// In a class field initializer (or an arrow in one): no `arguments`.
    in_field_init: bool,
    labels: Vec<Label>,
    /// Enclosing loops / loops+switches in this function.
    loops: u32,
    breakables: u32,
}

/// Where a statement appears: lexical and function declarations are only
/// allowed directly in statement lists.
#[derive(Clone, Copy, PartialEq, Eq)]
enum StmtCtx {
    List,
    Single,
}

struct Parser<'a> {
    src: &'a str,
    lx: Lexer<'a>,
    tok: Token,
    peeked: Option<Token>,
    /// End offset of the previously consumed token.
    prev_end: u32,
    depth: u32,
    ctx: FnCtx,
    scopes: Vec<Scope>,
    /// Labels directly in front of the statement being parsed.
    pending_labels: usize,
    /// First cover-grammar error not yet confirmed or discarded.
    cover_error: Option<(Span, &'static str)>,
    /// Set when a parenthesized arrow function was just parsed as a primary
    /// expression: no operator may be applied to it.
    arrow_pending: bool,
    /// Start offsets of array/object literals that have a trailing comma
    /// after a spread element (invalid once converted to a pattern).
    spread_comma: HashSet<u32>,
    /// Stack address at `parse` entry (see [`STACK_BUDGET`]).
    stack_base: usize,
    /// Start of the last property key parsed (for error positions).
    last_key_start: u32,
    /// Spans (start, end) of parenthesized expressions, parentheses
    /// included.
    paren_spans: HashSet<(u32, u32)>,
}

fn bin_prec(p: &str) -> Option<(u8, BinOrLogical)> {
    use BinOrLogical::*;
    use BinaryOp as B;
    Some(match p {
        "??" => (1, L(LogicalOp::Nullish)),
        "||" => (1, L(LogicalOp::Or)),
        "&&" => (2, L(LogicalOp::And)),
        "|" => (3, Bin(B::BitOr)),
        "^" => (4, Bin(B::BitXor)),
        "&" => (5, Bin(B::BitAnd)),
        "==" => (6, Bin(B::Eq)),
        "!=" => (6, Bin(B::Ne)),
        "===" => (6, Bin(B::StrictEq)),
        "!==" => (6, Bin(B::StrictNe)),
        "<" => (7, Bin(B::Lt)),
        ">" => (7, Bin(B::Gt)),
        "<=" => (7, Bin(B::Le)),
        ">=" => (7, Bin(B::Ge)),
        "instanceof" => (7, Bin(B::Instanceof)),
        "in" => (7, Bin(B::In)),
        "<<" => (8, Bin(B::Shl)),
        ">>" => (8, Bin(B::Shr)),
        ">>>" => (8, Bin(B::UShr)),
        "+" => (9, Bin(B::Add)),
        "-" => (9, Bin(B::Sub)),
        "*" => (10, Bin(B::Mul)),
        "/" => (10, Bin(B::Div)),
        "%" => (10, Bin(B::Mod)),
        "**" => (11, Bin(B::Exp)),
        _ => return None,
    })
}

#[derive(Clone, Copy)]
enum BinOrLogical {
    Bin(BinaryOp),
    L(LogicalOp),
}

fn assign_op(p: &str) -> Option<AssignOp> {
    use AssignOp::*;
    Some(match p {
        "=" => Assign,
        "+=" => Add,
        "-=" => Sub,
        "*=" => Mul,
        "/=" => Div,
        "%=" => Mod,
        "**=" => Exp,
        "<<=" => Shl,
        ">>=" => Shr,
        ">>>=" => UShr,
        "&=" => BitAnd,
        "|=" => BitOr,
        "^=" => BitXor,
        "&&=" => And,
        "||=" => Or,
        "??=" => Nullish,
        _ => return None,
    })
}

#[cold]
#[inline(never)]
fn unsupported(feature: &str, span: Span) -> Box<SyntaxError> {
    Box::new(SyntaxError::new(
        format!("{feature} are not supported by jolt"),
        span,
    ))
}

fn is_eval_or_arguments(n: &str) -> bool {
    n == "eval" || n == "arguments"
}

fn key_is(key: &PropKey, s: &str) -> bool {
    match key {
        PropKey::Name(n) => &**n == s,
        PropKey::Str(v) => v.iter().copied().eq(s.encode_utf16()),
        _ => false,
    }
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> PResult<Parser<'a>> {
        if src.len() >= u32::MAX as usize {
            return Err(Box::new(SyntaxError::new(
                "source too large",
                Span::new(0, 0),
            )));
        }
        let mut lx = Lexer::new(src);
        let tok = lx.next_token().map_err(Box::new)?;
        Ok(Parser {
            src,
            lx,
            tok,
            peeked: None,
            prev_end: 0,
            depth: 0,
            ctx: FnCtx::default(),
            scopes: Vec::new(),
            pending_labels: 0,
            cover_error: None,
            arrow_pending: false,
            spread_comma: HashSet::new(),
            stack_base: approx_stack_pointer(),
            last_key_start: 0,
            paren_spans: HashSet::new(),
        })
    }

    // ------------------------------------------------------------ tokens

    fn bump(&mut self) -> PResult<()> {
        let next = match self.peeked.take() {
            Some(t) => t,
            None => self.lx.next_token().map_err(Box::new)?,
        };
        self.prev_end = self.tok.span.end;
        self.tok = next;
        Ok(())
    }

    /// Consumes the current token and returns it.
    fn bump_tok(&mut self) -> PResult<Token> {
        let t = self.tok.clone();
        self.bump()?;
        Ok(t)
    }

    fn peek(&mut self) -> PResult<&Token> {
        if self.peeked.is_none() {
            self.peeked = Some(self.lx.next_token().map_err(Box::new)?);
        }
        Ok(self.peeked.as_ref().expect("just set"))
    }

    fn at(&self, p: &str) -> bool {
        self.tok.is_punct(p)
    }

    fn at_kw(&self, kw: &str) -> bool {
        self.tok.is_kw(kw)
    }

    fn eat(&mut self, p: &str) -> PResult<bool> {
        if self.at(p) {
            self.bump()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    fn expect(&mut self, p: &str) -> PResult<()> {
        if self.at(p) {
            self.bump()
        } else {
            Err(self.unexpected())
        }
    }

    fn expect_kw(&mut self, kw: &str) -> PResult<()> {
        if self.at_kw(kw) {
            self.bump()
        } else {
            Err(self.unexpected())
        }
    }

    fn start(&self) -> u32 {
        self.tok.span.start
    }

    fn span_from(&self, start: u32) -> Span {
        Span::new(start, self.prev_end.max(start))
    }

    #[cold]
    #[inline(never)]
    fn unexpected(&self) -> Box<SyntaxError> {
        unexpected_token(&self.tok)
    }

    #[cold]
    #[inline(never)]
    fn err<T>(&self, msg: impl Into<String>, span: Span) -> PResult<T> {
        Err(Box::new(SyntaxError::new(msg, span)))
    }

    /// Automatic semicolon insertion: `;`, or before `}`, end of input or a
    /// token on a new line.
    fn semicolon(&mut self) -> PResult<()> {
        if self.eat(";")? {
            return Ok(());
        }
        if self.at("}") || self.tok.kind == TokKind::Eof || self.tok.nl_before {
            return Ok(());
        }
        Err(self.unexpected())
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH
            || self.stack_base.saturating_sub(approx_stack_pointer()) > STACK_BUDGET
        {
            return self.err("too much nesting", self.tok.span);
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Whether `e` was written in parentheses (its span is exactly that of
    /// a parenthesized expression).
    fn is_paren(&self, e: &Expr) -> bool {
        self.paren_spans.contains(&(e.span.start, e.span.end))
    }

    // ------------------------------------------------------------ scopes

    fn push_scope(&mut self, kind: ScopeKind) {
        self.scopes.push(Scope {
            kind,
            lexical: HashSet::new(),
            vars: HashSet::new(),
            params: HashSet::new(),
        });
    }

    fn pop_scope(&mut self) {
        self.scopes.pop();
    }

    fn redeclared<T>(&self, name: &str, span: Span) -> PResult<T> {
        self.err(
            format!("Identifier '{name}' has already been declared"),
            span,
        )
    }

    fn declare_var(&mut self, name: &Rc<str>, span: Span) -> PResult<()> {
        for i in (0..self.scopes.len()).rev() {
            if self.scopes[i].lexical.contains(name) {
                return self.redeclared(name, span);
            }
            self.scopes[i].vars.insert(name.clone());
            if self.scopes[i].kind == ScopeKind::Function {
                break;
            }
        }
        Ok(())
    }

    fn declare_lexical(&mut self, name: &Rc<str>, span: Span) -> PResult<()> {
        let Some(s) = self.scopes.last_mut() else {
            return Ok(());
        };
        if s.lexical.contains(name) || s.vars.contains(name) || s.params.contains(name) {
            return self.redeclared(name, span);
        }
        s.lexical.insert(name.clone());
        Ok(())
    }

    /// Function declarations are var-like at function/script top level and
    /// lexical in blocks.
    fn declare_function(&mut self, name: &Rc<str>, span: Span) -> PResult<()> {
        let Some(s) = self.scopes.last_mut() else {
            return Ok(());
        };
        if s.kind == ScopeKind::Function {
            if s.lexical.contains(name) {
                return self.redeclared(name, span);
            }
            s.vars.insert(name.clone());
            Ok(())
        } else {
            self.declare_lexical(name, span)
        }
    }

    fn declare_pattern(&mut self, kind: VarKind, pat: &Pattern) -> PResult<()> {
        let mut names = Vec::new();
        collect_names_spans(pat, &mut names);
        for (n, sp) in names {
            if kind == VarKind::Var {
                self.declare_var(&n, sp)?;
            } else {
                self.declare_lexical(&n, sp)?;
            }
        }
        Ok(())
    }

    // ---------------------------------------------------------- program

    fn parse_program(&mut self) -> PResult<Program> {
        self.push_scope(ScopeKind::Function);
        let mut body = Vec::new();
        while self.tok.kind != TokKind::Eof {
            body.push(self.parse_statement(StmtCtx::List)?);
        }
        self.pop_scope();
        Ok(Program {
            body,
            span: Span::new(0, self.src.len() as u32),
        })
    }

    // ------------------------------------------------------- statements

    fn parse_statement(&mut self, sctx: StmtCtx) -> PResult<Stmt> {
        self.enter()?;
        let r = self.parse_statement_inner(sctx);
        self.leave();
        r
    }

    fn parse_statement_inner(&mut self, sctx: StmtCtx) -> PResult<Stmt> {
        let pending = std::mem::take(&mut self.pending_labels);
        let start = self.start();
        let TokKind::Name(name) = &self.tok.kind else {
            if self.at("{") {
                return self.parse_block_stmt();
            }
            if self.at(";") {
                self.bump()?;
                return Ok(Stmt::new(StmtKind::Empty, self.span_from(start)));
            }
            return self.parse_expression_statement();
        };
        if self.tok.escaped && (is_reserved_word(name) || is_strict_reserved_word(name)) {
            return self.err("Keyword must not contain escaped characters", self.tok.span);
        }
        let name = name.clone();
        match &*name {
            "var" => self.parse_var_statement(VarKind::Var),
            "let" | "const" => {
                if sctx == StmtCtx::Single {
                    return self.err(
                        "Lexical declaration cannot appear in a single-statement context",
                        self.tok.span,
                    );
                }
                let kind = if &*name == "let" {
                    VarKind::Let
                } else {
                    VarKind::Const
                };
                self.parse_var_statement(kind)
            }
            "function" | "class" => self.parse_declaration_statement(sctx),
            "if" => self.parse_if(),
            "while" | "do" | "for" => {
                let n = self.ctx.labels.len();
                for l in &mut self.ctx.labels[n.saturating_sub(pending)..] {
                    l.is_loop = true;
                }
                match &*name {
                    "while" => self.parse_while(),
                    "do" => self.parse_do_while(),
                    _ => self.parse_for(),
                }
            }
            "return" => self.parse_return(),
            "break" | "continue" => self.parse_break_continue(&*name == "break"),
            "throw" => self.parse_throw(),
            "try" => self.parse_try(),
            "switch" => self.parse_switch(),
            "with" => self.err(
                "Strict mode code may not include a with statement",
                self.tok.span,
            ),
            "debugger" => self.err(
                "debugger statements are not supported by jolt",
                self.tok.span,
            ),
            "import" | "export" => Err(unsupported("modules (import/export)", self.tok.span)),
            "async" => self.parse_async_statement(),
            _ if !is_reserved_word(&name) && !is_strict_reserved_word(&name) => {
                self.parse_maybe_labeled(name, pending, sctx)
            }
            _ => self.parse_expression_statement(),
        }
    }

    #[inline(never)]
    fn parse_declaration_statement(&mut self, sctx: StmtCtx) -> PResult<Stmt> {
        let start = self.start();
        if self.at_kw("function") {
            if sctx == StmtCtx::Single {
                return self.err(
                    "In strict mode code, functions can only be declared at top level or inside a block.",
                    self.tok.span,
                );
            }
            let f = self.parse_function_decl_or_expr(true)?;
            return Ok(Stmt::new(StmtKind::FunctionDecl(f), self.span_from(start)));
        }
        if sctx == StmtCtx::Single {
            return Err(self.unexpected());
        }
        let c = self.parse_class(true)?;
        Ok(Stmt::new(StmtKind::ClassDecl(c), self.span_from(start)))
    }

    #[inline(never)]
    fn parse_throw(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let throw_span = self.tok.span;
        self.bump()?;
        if self.tok.nl_before {
            return self.err("Illegal newline after throw", throw_span);
        }
        let e = self.parse_expression(false, false)?;
        self.semicolon()?;
        Ok(Stmt::new(StmtKind::Throw(e), self.span_from(start)))
    }

    #[inline(never)]
    fn parse_async_statement(&mut self) -> PResult<Stmt> {
        let sp = self.tok.span;
        let next = self.peek()?;
        if next.is_kw("function") && !next.nl_before {
            return Err(unsupported("async functions", sp));
        }
        self.parse_expression_statement()
    }

    #[inline(never)]
    fn parse_maybe_labeled(
        &mut self,
        name: Rc<str>,
        pending: usize,
        sctx: StmtCtx,
    ) -> PResult<Stmt> {
        if self.peek()?.is_punct(":") {
            self.parse_labeled(name, pending, sctx)
        } else {
            self.parse_expression_statement()
        }
    }

    #[inline(never)]
    fn parse_labeled(&mut self, name: Rc<str>, pending: usize, _sctx: StmtCtx) -> PResult<Stmt> {
        let start = self.start();
        let label_span = self.tok.span;
        if self.ctx.labels.iter().any(|l| l.name == name) {
            return self.err(
                format!("Label '{name}' has already been declared"),
                label_span,
            );
        }
        self.bump()?; // name
        self.bump()?; // ':'
        if self.at_kw("function") {
            return self.err(
                "In strict mode code, functions can only be declared at top level or inside a block.",
                self.tok.span,
            );
        }
        self.ctx.labels.push(Label {
            name: name.clone(),
            is_loop: false,
        });
        self.pending_labels = pending + 1;
        let body = self.parse_statement(StmtCtx::Single);
        self.pending_labels = 0;
        self.ctx.labels.pop();
        Ok(Stmt::new(
            StmtKind::Labeled {
                label: name,
                body: Box::new(body?),
            },
            self.span_from(start),
        ))
    }

    fn parse_expression_statement(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let e = self.parse_expression(false, false)?;
        self.semicolon()?;
        Ok(Stmt::new(StmtKind::Expr(e), self.span_from(start)))
    }

    fn parse_block_body(&mut self) -> PResult<Vec<Stmt>> {
        self.expect("{")?;
        let mut body = Vec::new();
        while !self.at("}") {
            if self.tok.kind == TokKind::Eof {
                return Err(self.unexpected());
            }
            body.push(self.parse_statement(StmtCtx::List)?);
        }
        self.bump()?;
        Ok(body)
    }

    fn parse_block_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.push_scope(ScopeKind::Block);
        let body = self.parse_block_body();
        self.pop_scope();
        Ok(Stmt::new(StmtKind::Block(body?), self.span_from(start)))
    }

    fn parse_var_statement(&mut self, kind: VarKind) -> PResult<Stmt> {
        let start = self.start();
        self.bump()?;
        let decl = self.parse_declarators(kind, false, false)?;
        self.semicolon()?;
        Ok(Stmt::new(StmtKind::VarDecl(decl), self.span_from(start)))
    }

    /// Declarators after `var`/`let`/`const`. In a for head (`in_for`), a
    /// single declarator without initializer may be followed by `in`/`of`.
    fn parse_declarators(&mut self, kind: VarKind, no_in: bool, in_for: bool) -> PResult<VarDecl> {
        let mut decls = Vec::new();
        loop {
            let start = self.start();
            let target = self.parse_binding_target()?;
            self.declare_pattern(kind, &target)?;
            let init = if self.eat("=")? {
                Some(self.parse_assign(no_in, false)?)
            } else {
                let for_head = in_for && (self.at_kw("of") || self.at_kw("in"));
                if !for_head {
                    if kind == VarKind::Const {
                        return self.err("Missing initializer in const declaration", target.span);
                    }
                    if !matches!(target.kind, PatternKind::Ident(_)) {
                        return self.err(
                            "Missing initializer in destructuring declaration",
                            target.span,
                        );
                    }
                }
                None
            };
            decls.push(Declarator {
                target,
                init,
                span: self.span_from(start),
            });
            if !self.eat(",")? {
                break;
            }
        }
        Ok(VarDecl { kind, decls })
    }

    fn parse_paren_expr(&mut self) -> PResult<Expr> {
        self.expect("(")?;
        let e = self.parse_expression(false, false)?;
        self.expect(")")?;
        Ok(e)
    }

    fn parse_if(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.bump()?;
        let test = self.parse_paren_expr()?;
        let cons = Box::new(self.parse_statement(StmtCtx::Single)?);
        let alt = if self.at_kw("else") {
            self.bump()?;
            Some(Box::new(self.parse_statement(StmtCtx::Single)?))
        } else {
            None
        };
        Ok(Stmt::new(
            StmtKind::If { test, cons, alt },
            self.span_from(start),
        ))
    }

    fn parse_loop_body(&mut self) -> PResult<Box<Stmt>> {
        self.ctx.loops += 1;
        self.ctx.breakables += 1;
        let body = self.parse_statement(StmtCtx::Single);
        self.ctx.loops -= 1;
        self.ctx.breakables -= 1;
        Ok(Box::new(body?))
    }

    fn parse_while(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.bump()?;
        let test = self.parse_paren_expr()?;
        let body = self.parse_loop_body()?;
        Ok(Stmt::new(
            StmtKind::While { test, body },
            self.span_from(start),
        ))
    }

    fn parse_do_while(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.bump()?;
        let body = self.parse_loop_body()?;
        self.expect_kw("while")?;
        let test = self.parse_paren_expr()?;
        // A semicolon is auto-inserted after `do ... while (x)` even on the
        // same line.
        self.eat(";")?;
        Ok(Stmt::new(
            StmtKind::DoWhile { body, test },
            self.span_from(start),
        ))
    }

    fn parse_for(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.bump()?;
        if self.at_kw("await") {
            return Err(unsupported("async functions", self.tok.span));
        }
        self.expect("(")?;
        self.push_scope(ScopeKind::Block);
        let r = self.parse_for_rest(start);
        self.pop_scope();
        r
    }

    fn parse_for_rest(&mut self, start: u32) -> PResult<Stmt> {
        let mut init = None;
        if self.at(";") {
            // no init
        } else if self.at_kw("var") || self.at_kw("let") || self.at_kw("const") {
            let kind = if self.at_kw("var") {
                VarKind::Var
            } else if self.at_kw("let") {
                VarKind::Let
            } else {
                VarKind::Const
            };
            self.bump()?;
            let decl_start = self.start();
            let mut decl = self.parse_declarators(kind, true, true)?;
            let is_of = self.at_kw("of");
            if is_of || self.at_kw("in") {
                let what = if is_of { "for-of" } else { "for-in" };
                if decl.decls.len() != 1 {
                    return self.err(
                        format!(
                            "Invalid left-hand side in {what} loop: Must have a single binding."
                        ),
                        self.span_from(decl_start),
                    );
                }
                let d = decl.decls.pop().expect("one declarator");
                if d.init.is_some() {
                    return self.err(
                        format!("{what} loop variable declaration may not have an initializer."),
                        d.span,
                    );
                }
                return self.parse_for_in_of(start, ForHead::VarDecl(kind, d.target), is_of);
            }
            init = Some(Box::new(ForInit::VarDecl(decl)));
        } else {
            let saved = self.cover_error.take();
            let e = self.parse_expression(true, true)?;
            let is_of = self.at_kw("of");
            if is_of
                && matches!(&e.kind, ExprKind::Ident(n) if &**n == "async")
                && self.src.get(e.span.start as usize..e.span.end as usize) == Some("async")
            {
                return self.err(
                    "The left-hand side of a for-of loop may not be 'async'.",
                    e.span,
                );
            }
            if is_of || self.at_kw("in") {
                let target = match &e.kind {
                    ExprKind::Array(_) | ExprKind::Object(_) if !self.is_paren(&e) => {
                        self.expr_to_pattern(e, false)?
                    }
                    _ => self.simple_target(e, "Invalid left-hand side in for-loop")?,
                };
                self.cover_error = saved;
                return self.parse_for_in_of(start, ForHead::Target(target), is_of);
            }
            self.check_cover(saved)?;
            init = Some(Box::new(ForInit::Expr(e)));
        }
        self.expect(";")?;
        let test = if self.at(";") {
            None
        } else {
            Some(Box::new(self.parse_expression(false, false)?))
        };
        self.expect(";")?;
        let update = if self.at(")") {
            None
        } else {
            Some(Box::new(self.parse_expression(false, false)?))
        };
        self.expect(")")?;
        let body = self.parse_loop_body()?;
        Ok(Stmt::new(
            StmtKind::For {
                init,
                test,
                update,
                body,
            },
            self.span_from(start),
        ))
    }

    #[inline(never)]
    fn parse_for_in_of(&mut self, start: u32, left: ForHead, is_of: bool) -> PResult<Stmt> {
        let left = Box::new(left);
        self.bump()?; // of / in
        let right = if is_of {
            self.parse_assign(false, false)?
        } else {
            self.parse_expression(false, false)?
        };
        self.expect(")")?;
        let body = self.parse_loop_body()?;
        let kind = if is_of {
            StmtKind::ForOf { left, right, body }
        } else {
            StmtKind::ForIn { left, right, body }
        };
        Ok(Stmt::new(kind, self.span_from(start)))
    }

    fn parse_return(&mut self) -> PResult<Stmt> {
        let start = self.start();
        if !self.ctx.in_function {
            return self.err("Illegal return statement", self.tok.span);
        }
        self.bump()?;
        let arg = if self.at(";")
            || self.at("}")
            || self.tok.kind == TokKind::Eof
            || self.tok.nl_before
        {
            None
        } else {
            Some(self.parse_expression(false, false)?)
        };
        self.semicolon()?;
        Ok(Stmt::new(StmtKind::Return(arg), self.span_from(start)))
    }

    fn parse_break_continue(&mut self, is_break: bool) -> PResult<Stmt> {
        let start = self.start();
        let kw_span = self.tok.span;
        self.bump()?;
        let mut label = None;
        if let TokKind::Name(n) = &self.tok.kind {
            if !self.tok.nl_before && !is_reserved_word(n) {
                let n = n.clone();
                let sp = self.tok.span;
                match self.ctx.labels.iter().find(|l| l.name == n) {
                    None => return self.err(format!("Undefined label '{n}'"), sp),
                    Some(l) if !is_break && !l.is_loop => {
                        return self.err(
                            format!("Illegal continue statement: '{n}' does not denote an iteration statement"),
                            sp,
                        )
                    }
                    Some(_) => {}
                }
                self.bump()?;
                label = Some(n);
            }
        }
        if label.is_none() {
            if is_break && self.ctx.breakables == 0 {
                return self.err("Illegal break statement", kw_span);
            }
            if !is_break && self.ctx.loops == 0 {
                return self.err(
                    "Illegal continue statement: no surrounding iteration statement",
                    kw_span,
                );
            }
        }
        self.semicolon()?;
        let kind = if is_break {
            StmtKind::Break(label)
        } else {
            StmtKind::Continue(label)
        };
        Ok(Stmt::new(kind, self.span_from(start)))
    }

    fn parse_try(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.bump()?;
        let block = self.parse_scoped_block()?;
        let mut handler = None;
        if self.at_kw("catch") {
            let cstart = self.start();
            self.bump()?;
            self.push_scope(ScopeKind::Block);
            let r = (|| -> PResult<CatchClause> {
                let param = if self.eat("(")? {
                    let p = self.parse_binding_target()?;
                    let mut names = Vec::new();
                    collect_names_spans(&p, &mut names);
                    for (n, sp) in names {
                        let s = self.scopes.last_mut().expect("catch scope");
                        if !s.params.insert(n.clone()) {
                            return self.redeclared(&n, sp);
                        }
                    }
                    self.expect(")")?;
                    Some(p)
                } else {
                    None
                };
                let body = self.parse_block_body()?;
                Ok(CatchClause {
                    param,
                    body,
                    span: self.span_from(cstart),
                })
            })();
            self.pop_scope();
            handler = Some(Box::new(r?));
        }
        let finalizer = if self.at_kw("finally") {
            self.bump()?;
            Some(self.parse_scoped_block()?)
        } else {
            None
        };
        if handler.is_none() && finalizer.is_none() {
            return self.err("Missing catch or finally after try", self.tok.span);
        }
        Ok(Stmt::new(
            StmtKind::Try {
                block,
                handler,
                finalizer,
            },
            self.span_from(start),
        ))
    }

    fn parse_scoped_block(&mut self) -> PResult<Vec<Stmt>> {
        self.push_scope(ScopeKind::Block);
        let b = self.parse_block_body();
        self.pop_scope();
        b
    }

    fn parse_switch(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.bump()?;
        let discriminant = self.parse_paren_expr()?;
        self.expect("{")?;
        self.push_scope(ScopeKind::Block);
        self.ctx.breakables += 1;
        let r = self.parse_switch_cases();
        self.ctx.breakables -= 1;
        self.pop_scope();
        let cases = r?;
        Ok(Stmt::new(
            StmtKind::Switch {
                discriminant,
                cases,
            },
            self.span_from(start),
        ))
    }

    fn parse_switch_cases(&mut self) -> PResult<Vec<SwitchCase>> {
        let mut cases = Vec::new();
        let mut seen_default = false;
        while !self.eat("}")? {
            let cstart = self.start();
            let test = if self.at_kw("case") {
                self.bump()?;
                Some(self.parse_expression(false, false)?)
            } else if self.at_kw("default") {
                if seen_default {
                    return self.err(
                        "More than one default clause in switch statement",
                        self.tok.span,
                    );
                }
                seen_default = true;
                self.bump()?;
                None
            } else {
                return Err(self.unexpected());
            };
            self.expect(":")?;
            let mut body = Vec::new();
            while !self.at("}") && !self.at_kw("case") && !self.at_kw("default") {
                if self.tok.kind == TokKind::Eof {
                    return Err(self.unexpected());
                }
                body.push(self.parse_statement(StmtCtx::List)?);
            }
            cases.push(SwitchCase {
                test,
                body,
                span: self.span_from(cstart),
            });
        }
        Ok(cases)
    }

    // -------------------------------------------------------- functions

    /// `function name? (...) {...}` at `function`.
    fn parse_function_decl_or_expr(&mut self, is_decl: bool) -> PResult<Rc<Function>> {
        let start = self.start();
        self.bump()?; // function
        if self.at("*") {
            return Err(unsupported("generators", self.tok.span));
        }
        let mut name = None;
        if let TokKind::Name(_) = self.tok.kind {
            let (n, sp) = self.binding_identifier()?;
            if is_decl {
                self.declare_function(&n, sp)?;
            }
            name = Some(n);
        } else if is_decl {
            if self.at("(") {
                return self.err("Function statements require a function name", self.tok.span);
            }
            return Err(self.unexpected());
        }
        let ctx = FnCtx {
            in_function: true,
            ..FnCtx::default()
        };
        self.parse_function_rest(start, name, FunctionKind::Normal, ctx)
    }

    /// Parameters and body, from `(`.
    fn parse_function_rest(
        &mut self,
        start: u32,
        name: Option<Ident>,
        kind: FunctionKind,
        ctx: FnCtx,
    ) -> PResult<Rc<Function>> {
        self.enter()?;
        let saved_ctx = std::mem::replace(&mut self.ctx, ctx);
        let saved_labels = std::mem::take(&mut self.pending_labels);
        self.push_scope(ScopeKind::Function);
        let r = self.parse_function_inner(start, name, kind);
        self.pop_scope();
        self.ctx = saved_ctx;
        self.pending_labels = saved_labels;
        self.leave();
        r.map(Rc::new)
    }

    fn parse_function_inner(
        &mut self,
        start: u32,
        name: Option<Ident>,
        kind: FunctionKind,
    ) -> PResult<Function> {
        let params_start = self.start();
        self.expect("(")?;
        let mut params = Vec::new();
        let mut rest = None;
        while !self.at(")") {
            if self.at("...") {
                self.bump()?;
                let p = self.parse_binding_target()?;
                if self.at("=") {
                    return self.err(
                        "Rest parameter may not have a default initializer",
                        self.tok.span,
                    );
                }
                if !self.at(")") {
                    return self.err(
                        "Rest parameter must be last formal parameter",
                        self.prev_span(),
                    );
                }
                rest = Some(p);
                break;
            }
            let pattern = self.parse_binding_target()?;
            let default = if self.eat("=")? {
                Some(self.parse_assign(false, false)?)
            } else {
                None
            };
            params.push(Param { pattern, default });
            if !self.at(")") {
                self.expect(",")?;
            }
        }
        self.bump()?; // )
        let params_span = self.span_from(params_start);
        match kind {
            FunctionKind::Getter if !params.is_empty() || rest.is_some() => {
                return self.err("Getter must not have any formal parameters.", params_span)
            }
            FunctionKind::Setter if rest.is_some() => {
                return self.err(
                    "Setter function argument must not be a rest parameter",
                    params_span,
                )
            }
            FunctionKind::Setter if params.len() != 1 => {
                return self.err(
                    "Setter must have exactly one formal parameter.",
                    params_span,
                )
            }
            _ => {}
        }
        self.declare_params(&params, rest.as_ref())?;
        let simple_params = is_simple(&params, rest.as_ref());
        let body = self.parse_function_body(simple_params)?;
        Ok(make_function(
            name,
            kind,
            params,
            rest,
            body,
            false,
            self.span_from(start),
        ))
    }

    fn prev_span(&self) -> Span {
        Span::new(self.prev_end, self.prev_end)
    }

    fn declare_params(&mut self, params: &[Param], rest: Option<&Pattern>) -> PResult<()> {
        let mut names = Vec::new();
        for p in params {
            collect_names_spans(&p.pattern, &mut names);
        }
        if let Some(r) = rest {
            collect_names_spans(r, &mut names);
        }
        let s = self.scopes.last_mut().expect("function scope");
        for (n, sp) in names {
            if !s.params.insert(n) {
                return self.err("Duplicate parameter name not allowed in this context", sp);
            }
        }
        Ok(())
    }

    /// `{ body }` of a function, checking the directive prologue.
    fn parse_function_body(&mut self, simple_params: bool) -> PResult<Vec<Stmt>> {
        self.expect("{")?;
        let mut body = Vec::new();
        let mut in_prologue = true;
        while !self.at("}") {
            if self.tok.kind == TokKind::Eof {
                return Err(self.unexpected());
            }
            let s = self.parse_statement(StmtCtx::List)?;
            if in_prologue {
                match &s.kind {
                    StmtKind::Expr(Expr {
                        kind: ExprKind::Str(_),
                        span,
                    }) => {
                        let raw = self
                            .src
                            .get(span.start as usize..span.end as usize)
                            .unwrap_or("");
                        if (raw == "'use strict'" || raw == "\"use strict\"") && !simple_params {
                            return self.err(
                                "Illegal 'use strict' directive in function with non-simple parameter list",
                                *span,
                            );
                        }
                    }
                    _ => in_prologue = false,
                }
            }
            body.push(s);
        }
        self.bump()?;
        Ok(body)
    }

    /// The body of an arrow function after `=>`; parameters already known.
    fn parse_arrow_body(
        &mut self,
        start: u32,
        params: Vec<Param>,
        rest: Option<Pattern>,
        no_in: bool,
    ) -> PResult<Expr> {
        self.enter()?;
        let ctx = FnCtx {
            in_function: true,
            allow_super_call: self.ctx.allow_super_call,
            allow_super_prop: self.ctx.allow_super_prop,
            in_field_init: self.ctx.in_field_init,
            ..FnCtx::default()
        };
        let saved_ctx = std::mem::replace(&mut self.ctx, ctx);
        let saved_labels = std::mem::take(&mut self.pending_labels);
        self.push_scope(ScopeKind::Function);
        let r = (|| -> PResult<(Vec<Stmt>, bool)> {
            self.declare_params(&params, rest.as_ref())?;
            let simple = is_simple(&params, rest.as_ref());
            if self.at("{") {
                Ok((self.parse_function_body(simple)?, false))
            } else {
                let saved = self.cover_error.take();
                let e = self.parse_assign(no_in, false)?;
                self.cover_error = saved;
                let sp = e.span;
                Ok((vec![Stmt::new(StmtKind::Return(Some(e)), sp)], true))
            }
        })();
        self.pop_scope();
        self.ctx = saved_ctx;
        self.pending_labels = saved_labels;
        self.leave();
        let (body, expr_body) = r?;
        let f = make_function(
            None,
            FunctionKind::Arrow,
            params,
            rest,
            body,
            expr_body,
            self.span_from(start),
        );
        Ok(Expr::new(
            ExprKind::Function(Rc::new(f)),
            self.span_from(start),
        ))
    }

    // ---------------------------------------------------------- classes

    fn parse_class(&mut self, is_decl: bool) -> PResult<Rc<Class>> {
        let start = self.start();
        self.bump()?; // class
        let mut name = None;
        if let TokKind::Name(n) = &self.tok.kind {
            if n.as_ref() != "extends" || self.tok.escaped {
                let (n, sp) = self.binding_identifier()?;
                if is_decl {
                    self.declare_lexical(&n, sp)?;
                }
                name = Some(n);
            }
        }
        if is_decl && name.is_none() {
            return Err(self.unexpected());
        }
        let extends = if self.at_kw("extends") {
            self.bump()?;
            let e = self.parse_lhs()?;
            if std::mem::take(&mut self.arrow_pending) {
                return self.err("Malformed arrow function parameter list", e.span);
            }
            Some(e)
        } else {
            None
        };
        self.expect("{")?;
        let derived = extends.is_some();
        let mut constructor: Option<Rc<Function>> = None;
        let mut members = Vec::new();
        while !self.eat("}")? {
            if self.eat(";")? {
                continue;
            }
            let mstart = self.start();
            let mut is_static = false;
            if self.at_kw("static") {
                let next = self.peek()?;
                // `static(){}`, `static = 1`, `static;` name a member "static".
                let is_name = next.is_punct("(")
                    || next.is_punct("=")
                    || next.is_punct(";")
                    || next.is_punct("}");
                if !is_name {
                    self.bump()?;
                    is_static = true;
                    if self.at("{") {
                        return Err(unsupported("class static blocks", self.tok.span));
                    }
                }
            }
            let (key, mkind) = self.parse_method_head()?;
            if self.at("(") {
                let is_ctor = !is_static
                    && matches!(key, PropKey::Name(_) | PropKey::Str(_))
                    && key_is(&key, "constructor");
                if is_ctor && mkind != FunctionKind::Method {
                    return self.err(
                        "Class constructor may not be an accessor",
                        self.span_from(self.last_key_start),
                    );
                }
                if is_static && key_is(&key, "prototype") {
                    return self.err(
                        "Classes may not have a static property named 'prototype'",
                        self.span_from(self.last_key_start),
                    );
                }
                let fkind = if is_ctor {
                    if derived {
                        FunctionKind::DerivedConstructor
                    } else {
                        FunctionKind::ClassConstructor
                    }
                } else {
                    mkind
                };
                let ctx = FnCtx {
                    in_function: true,
                    allow_super_prop: true,
                    allow_super_call: fkind == FunctionKind::DerivedConstructor,
                    ..FnCtx::default()
                };
                let func = self.parse_function_rest(mstart, None, fkind, ctx)?;
                if is_ctor {
                    if constructor.is_some() {
                        return self.err(
                            "A class may only have one constructor",
                            self.span_from(self.last_key_start),
                        );
                    }
                    constructor = Some(func);
                } else {
                    members.push(ClassMember {
                        kind: ClassMemberKind::Method { key, func },
                        is_static,
                        span: self.span_from(mstart),
                    });
                }
            } else {
                if mkind != FunctionKind::Method {
                    return Err(self.unexpected());
                }
                if key_is(&key, "constructor") {
                    return self.err(
                        "Classes may not have a field named 'constructor'",
                        self.span_from(self.last_key_start),
                    );
                }
                if is_static && key_is(&key, "prototype") {
                    return self.err(
                        "Classes may not have a static property named 'prototype'",
                        self.span_from(self.last_key_start),
                    );
                }
                let value = if self.eat("=")? {
                    // A field initializer behaves like a method body: `super.x`
                    // and `this` allowed, no `super()`, no return.
                    let ctx = FnCtx {
                        in_function: false,
                        allow_super_prop: true,
                        in_field_init: true,
                        ..FnCtx::default()
                    };
                    let saved = std::mem::replace(&mut self.ctx, ctx);
                    let v = self.parse_assign(false, false);
                    self.ctx = saved;
                    Some(v?)
                } else {
                    None
                };
                self.semicolon()?;
                members.push(ClassMember {
                    kind: ClassMemberKind::Field { key, value },
                    is_static,
                    span: self.span_from(mstart),
                });
            }
        }
        Ok(Rc::new(Class {
            name,
            extends,
            constructor,
            members,
            span: self.span_from(start),
        }))
    }

    /// A property/method key with an optional `get`/`set` prefix. Returns
    /// the key and `Method`, `Getter` or `Setter`.
    fn parse_method_head(&mut self) -> PResult<(PropKey, FunctionKind)> {
        if self.at("*") {
            return Err(unsupported("generators", self.tok.span));
        }
        for (word, kind) in [
            ("get", FunctionKind::Getter),
            ("set", FunctionKind::Setter),
            ("async", FunctionKind::Normal),
        ] {
            if self.at_kw(word) {
                let next = self.peek()?;
                let is_plain_key = next.is_punct("(")
                    || next.is_punct(":")
                    || next.is_punct(",")
                    || next.is_punct("}")
                    || next.is_punct("=")
                    || next.is_punct(";")
                    || (word == "async" && next.nl_before);
                if !is_plain_key {
                    if kind == FunctionKind::Normal {
                        return Err(unsupported("async functions", self.tok.span));
                    }
                    self.bump()?;
                    let key = self.parse_prop_key()?;
                    if !self.at("(") {
                        return Err(self.unexpected());
                    }
                    return Ok((key, kind));
                }
            }
        }
        Ok((self.parse_prop_key()?, FunctionKind::Method))
    }

    fn parse_prop_key(&mut self) -> PResult<PropKey> {
        self.last_key_start = self.start();
        let t = self.bump_tok()?;
        Ok(match t.kind {
            TokKind::Name(n) => PropKey::Name(n),
            TokKind::Str(s) => PropKey::Str(s),
            TokKind::Num(v) => PropKey::Num(v),
            TokKind::Punct("[") => {
                let e = self.parse_assign(false, false)?;
                self.expect("]")?;
                PropKey::Computed(Box::new(e))
            }
            _ => return Err(unexpected_token(&t)),
        })
    }

    // ------------------------------------------------------ expressions

    /// Expression, possibly a comma sequence. `cover_ok`: leave cover
    /// errors for the caller to report (for-in/of heads).
    fn parse_expression(&mut self, no_in: bool, cover_ok: bool) -> PResult<Expr> {
        let start = self.start();
        let first = self.parse_assign(no_in, cover_ok)?;
        if !self.at(",") {
            return Ok(first);
        }
        let mut list = vec![first];
        while self.eat(",")? {
            list.push(self.parse_assign(no_in, cover_ok)?);
        }
        Ok(Expr::new(ExprKind::Sequence(list), self.span_from(start)))
    }

    /// Reports a parked cover error (if any) and restores the outer one.
    fn check_cover(&mut self, saved: Option<(Span, &'static str)>) -> PResult<()> {
        if let Some((sp, msg)) = self.cover_error.take() {
            return self.err(msg, sp);
        }
        self.cover_error = saved;
        Ok(())
    }

    fn parse_assign(&mut self, no_in: bool, cover_ok: bool) -> PResult<Expr> {
        self.enter()?;
        let r = self.parse_assign_inner(no_in, cover_ok);
        self.leave();
        r
    }

    fn parse_assign_inner(&mut self, no_in: bool, cover_ok: bool) -> PResult<Expr> {
        let start = self.start();
        let saved = self.cover_error.take();
        let lhs = self.parse_conditional(no_in)?;
        self.finish_assign(start, saved, lhs, no_in, cover_ok)
    }

    /// After the conditional-expression part of an assignment expression:
    /// an ident arrow, an assignment, or just the expression.
    #[inline(never)]
    fn finish_assign(
        &mut self,
        start: u32,
        saved: Option<(Span, &'static str)>,
        lhs: Expr,
        no_in: bool,
        cover_ok: bool,
    ) -> PResult<Expr> {
        if std::mem::take(&mut self.arrow_pending) {
            self.cover_error = saved;
            return Ok(lhs);
        }
        if self.at("=>") && matches!(lhs.kind, ExprKind::Ident(_)) {
            self.cover_error = saved;
            return self.parse_ident_arrow(start, lhs, no_in);
        }
        if let TokKind::Punct(p) = self.tok.kind {
            if let Some(op) = assign_op(p) {
                return self.parse_assignment_rest(start, saved, lhs, op, no_in);
            }
        }
        if cover_ok {
            if saved.is_some() {
                self.cover_error = saved;
            }
        } else {
            self.check_cover(saved)?;
        }
        Ok(lhs)
    }

    #[inline(never)]
    fn parse_ident_arrow(&mut self, start: u32, lhs: Expr, no_in: bool) -> PResult<Expr> {
        let ExprKind::Ident(n) = lhs.kind else {
            return Err(self.unexpected());
        };
        if self.tok.nl_before {
            return Err(self.unexpected());
        }
        self.check_binding_name(&n, lhs.span)?;
        self.bump()?;
        let pattern = Pattern {
            kind: PatternKind::Ident(n),
            span: lhs.span,
        };
        let params = vec![Param {
            pattern,
            default: None,
        }];
        self.parse_arrow_body(start, params, None, no_in)
    }

    #[inline(never)]
    fn parse_assignment_rest(
        &mut self,
        start: u32,
        saved: Option<(Span, &'static str)>,
        lhs: Expr,
        op: AssignOp,
        no_in: bool,
    ) -> PResult<Expr> {
        let target = if op == AssignOp::Assign
            && matches!(lhs.kind, ExprKind::Array(_) | ExprKind::Object(_))
            && !self.is_paren(&lhs)
        {
            let t = self.expr_to_pattern(lhs, false)?;
            // The target's cover errors are resolved by the conversion.
            self.cover_error = None;
            t
        } else {
            let t = self.simple_target(lhs, "Invalid left-hand side in assignment")?;
            if let Some((sp, msg)) = self.cover_error.take() {
                return self.err(msg, sp);
            }
            t
        };
        self.bump()?;
        let value = self.parse_assign(no_in, false)?;
        self.cover_error = saved;
        Ok(Expr::new(
            ExprKind::Assign {
                op,
                target: Box::new(target),
                value: Box::new(value),
            },
            self.span_from(start),
        ))
    }

    fn parse_conditional(&mut self, no_in: bool) -> PResult<Expr> {
        let start = self.start();
        let test = self.parse_binary(0, no_in)?;
        if self.arrow_pending || !self.at("?") {
            return Ok(test);
        }
        self.parse_conditional_rest(start, test, no_in)
    }

    #[inline(never)]
    fn parse_conditional_rest(&mut self, start: u32, test: Expr, no_in: bool) -> PResult<Expr> {
        self.bump()?;
        let cons = self.parse_assign(false, false)?;
        self.expect(":")?;
        let alt = self.parse_assign(no_in, false)?;
        Ok(Expr::new(
            ExprKind::Conditional {
                test: Box::new(test),
                cons: Box::new(cons),
                alt: Box::new(alt),
            },
            self.span_from(start),
        ))
    }

    /// Precedence climbing: loops over left-associative operators, recurses
    /// only for higher-precedence right operands (bounded by 11 levels) and
    /// for right-associative `**`.
    fn parse_binary(&mut self, min_prec: u8, no_in: bool) -> PResult<Expr> {
        let start = self.start();
        let mut left = self.parse_unary()?;
        while !self.arrow_pending {
            let Some((prec, op)) = self.binary_op_here(no_in) else {
                break;
            };
            if prec < min_prec {
                break;
            }
            left = self.parse_binary_rest(start, left, prec, op, no_in)?;
        }
        Ok(left)
    }

    /// The binary operator at the current token, if any.
    fn binary_op_here(&self, no_in: bool) -> Option<(u8, BinOrLogical)> {
        match &self.tok.kind {
            TokKind::Punct(p) => bin_prec(p),
            TokKind::Name(n) if !self.tok.escaped => match &**n {
                "in" if !no_in => bin_prec("in"),
                "instanceof" => bin_prec("instanceof"),
                _ => None,
            },
            _ => None,
        }
    }

    /// At a binary operator after `left`: checks the operator may follow
    /// `left`, parses the right operand, and combines.
    #[inline(never)]
    fn parse_binary_rest(
        &mut self,
        start: u32,
        left: Expr,
        prec: u8,
        op: BinOrLogical,
        no_in: bool,
    ) -> PResult<Expr> {
        // `??` does not mix with unparenthesized `&&` / `||`.
        if let ExprKind::Logical { op: lop, .. } = &left.kind {
            let paren = self.is_paren(&left);
            let mixes = match op {
                BinOrLogical::L(LogicalOp::Nullish) => *lop != LogicalOp::Nullish,
                BinOrLogical::L(_) => *lop == LogicalOp::Nullish,
                _ => false,
            };
            if mixes && !paren {
                return Err(self.unexpected());
            }
        }
        if matches!(op, BinOrLogical::Bin(BinaryOp::Exp))
            && matches!(left.kind, ExprKind::Unary { .. })
            && !self.is_paren(&left)
        {
            return self.err(
                "Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence",
                left.span,
            );
        }
        self.bump()?;
        let right_prec = match op {
            // Right-associative.
            BinOrLogical::Bin(BinaryOp::Exp) => prec,
            // Operands of `??` are BitwiseOR expressions.
            BinOrLogical::L(LogicalOp::Nullish) => 3,
            _ => prec + 1,
        };
        self.enter()?;
        let right = self.parse_binary(right_prec, no_in);
        self.leave();
        let right = right?;
        if self.arrow_pending {
            return self.err("Malformed arrow function parameter list", right.span);
        }
        let span = self.span_from(start);
        let (left, right) = (Box::new(left), Box::new(right));
        Ok(match op {
            BinOrLogical::Bin(op) => Expr::new(ExprKind::Binary { op, left, right }, span),
            BinOrLogical::L(op) => Expr::new(ExprKind::Logical { op, left, right }, span),
        })
    }

    fn parse_unary(&mut self) -> PResult<Expr> {
        if let Some(op) = self.prefix_op_here() {
            return self.parse_prefix(op);
        }
        if self.at("++") || self.at("--") {
            return self.parse_prefix_update();
        }
        let start = self.start();
        let e = self.parse_lhs()?;
        if !self.arrow_pending && (self.at("++") || self.at("--")) && !self.tok.nl_before {
            return self.parse_postfix_update(start, e);
        }
        Ok(e)
    }

    fn prefix_op_here(&self) -> Option<UnaryOp> {
        match &self.tok.kind {
            TokKind::Punct("-") => Some(UnaryOp::Neg),
            TokKind::Punct("+") => Some(UnaryOp::Plus),
            TokKind::Punct("!") => Some(UnaryOp::Not),
            TokKind::Punct("~") => Some(UnaryOp::BitNot),
            TokKind::Name(n) if !self.tok.escaped => match &**n {
                "typeof" => Some(UnaryOp::Typeof),
                "void" => Some(UnaryOp::Void),
                "delete" => Some(UnaryOp::Delete),
                _ => None,
            },
            _ => None,
        }
    }

    #[inline(never)]
    fn parse_prefix(&mut self, op: UnaryOp) -> PResult<Expr> {
        let start = self.start();
        self.enter()?;
        self.bump()?;
        let arg = self.parse_unary();
        self.leave();
        let arg = arg?;
        if self.arrow_pending {
            return self.err("Malformed arrow function parameter list", arg.span);
        }
        if op == UnaryOp::Delete && matches!(arg.kind, ExprKind::Ident(_)) {
            return self.err(
                "Delete of an unqualified identifier in strict mode.",
                arg.span,
            );
        }
        Ok(Expr::new(
            ExprKind::Unary {
                op,
                arg: Box::new(arg),
            },
            self.span_from(start),
        ))
    }

    #[inline(never)]
    fn parse_prefix_update(&mut self) -> PResult<Expr> {
        let start = self.start();
        let op = if self.at("++") {
            UpdateOp::Inc
        } else {
            UpdateOp::Dec
        };
        self.enter()?;
        self.bump()?;
        let arg = self.parse_unary();
        self.leave();
        let arg = arg?;
        if self.arrow_pending {
            return self.err("Malformed arrow function parameter list", arg.span);
        }
        let target =
            self.update_target(arg, "Invalid left-hand side expression in prefix operation")?;
        Ok(Expr::new(
            ExprKind::Update {
                op,
                prefix: true,
                target: Box::new(target),
            },
            self.span_from(start),
        ))
    }

    #[inline(never)]
    fn parse_postfix_update(&mut self, start: u32, e: Expr) -> PResult<Expr> {
        let op = if self.at("++") {
            UpdateOp::Inc
        } else {
            UpdateOp::Dec
        };
        let target =
            self.update_target(e, "Invalid left-hand side expression in postfix operation")?;
        self.bump()?;
        Ok(Expr::new(
            ExprKind::Update {
                op,
                prefix: false,
                target: Box::new(target),
            },
            self.span_from(start),
        ))
    }

    fn update_target(&self, e: Expr, msg: &str) -> PResult<Expr> {
        match &e.kind {
            ExprKind::Ident(n) => {
                if is_eval_or_arguments(n) {
                    return self.err("Unexpected eval or arguments in strict mode", e.span);
                }
                Ok(e)
            }
            ExprKind::Member { .. }
            | ExprKind::Index { .. }
            | ExprKind::SuperMember(_)
            | ExprKind::SuperIndex(_) => Ok(e),
            _ => self.err(msg, e.span),
        }
    }

    /// Identifier, member or index target of a simple or compound
    /// assignment (or for-in/of head without destructuring).
    fn simple_target(&self, e: Expr, msg: &str) -> PResult<Pattern> {
        let span = e.span;
        match &e.kind {
            ExprKind::Ident(n) => {
                if is_eval_or_arguments(n) {
                    return self.err("Unexpected eval or arguments in strict mode", span);
                }
                Ok(Pattern {
                    kind: PatternKind::Ident(n.clone()),
                    span,
                })
            }
            ExprKind::Member { .. }
            | ExprKind::Index { .. }
            | ExprKind::SuperMember(_)
            | ExprKind::SuperIndex(_) => Ok(Pattern {
                kind: PatternKind::Member(Box::new(e)),
                span,
            }),
            _ => self.err(msg, span),
        }
    }

    /// Converts an array/object literal (or any element of one) to an
    /// assignment pattern (`binding == false`) or a binding pattern
    /// (parameters of an arrow function).
    fn expr_to_pattern(&mut self, e: Expr, binding: bool) -> PResult<Pattern> {
        self.enter()?;
        let r = self.expr_to_pattern_inner(e, binding);
        self.leave();
        r
    }

    fn expr_to_pattern_inner(&mut self, e: Expr, binding: bool) -> PResult<Pattern> {
        const BAD: &str = "Invalid destructuring assignment target";
        let span = e.span;
        let paren = self.is_paren(&e);
        if binding && paren {
            return self.err(BAD, span);
        }
        match e.kind {
            ExprKind::Ident(n) => {
                if binding {
                    self.check_binding_name(&n, span)?;
                } else if is_eval_or_arguments(&n) {
                    return self.err("Unexpected eval or arguments in strict mode", span);
                }
                Ok(Pattern {
                    kind: PatternKind::Ident(n),
                    span,
                })
            }
            ExprKind::Member { .. } | ExprKind::Index { .. } => {
                if binding {
                    return self.err("Illegal property in declaration context", span);
                }
                Ok(Pattern {
                    kind: PatternKind::Member(Box::new(e)),
                    span,
                })
            }
            ExprKind::Array(elems) if !paren => {
                let trailing = self.spread_comma.contains(&span.start);
                let n = elems.len();
                let mut out = Vec::new();
                let mut rest = None;
                for (i, el) in elems.into_iter().enumerate() {
                    match el {
                        None => out.push(None),
                        Some(Arg { spread: true, expr }) => {
                            if i + 1 != n || trailing {
                                return self.err("Rest element must be last element", expr.span);
                            }
                            if matches!(expr.kind, ExprKind::Assign { .. }) {
                                return self.err(BAD, expr.span);
                            }
                            rest = Some(Box::new(self.expr_to_pattern(expr, binding)?));
                        }
                        Some(Arg {
                            spread: false,
                            expr,
                        }) => {
                            out.push(Some(self.elem_to_pattern(expr, binding)?));
                        }
                    }
                }
                Ok(Pattern {
                    kind: PatternKind::Array { elems: out, rest },
                    span,
                })
            }
            ExprKind::Object(props) if !paren => {
                let trailing = self.spread_comma.contains(&span.start);
                let n = props.len();
                let mut out = Vec::new();
                let mut rest = None;
                for (i, p) in props.into_iter().enumerate() {
                    match p.kind {
                        PropKind::Spread(expr) => {
                            if i + 1 != n || trailing {
                                return self.err("Rest element must be last element", expr.span);
                            }
                            let ok = match &expr.kind {
                                ExprKind::Ident(_) => true,
                                ExprKind::Member { .. } | ExprKind::Index { .. } => !binding,
                                _ => false,
                            };
                            if !ok {
                                let msg = if binding {
                                    "`...` must be followed by an identifier in declaration contexts"
                                } else {
                                    "`...` must be followed by an assignable reference in assignment contexts"
                                };
                                return self.err(msg, expr.span);
                            }
                            rest = Some(Box::new(self.expr_to_pattern(expr, binding)?));
                        }
                        PropKind::Init {
                            key,
                            value,
                            shorthand,
                        } => {
                            let el = self.elem_to_pattern(value, binding)?;
                            out.push(ObjectPatProp {
                                key,
                                value: el.target,
                                default: el.default,
                                shorthand,
                                span: p.span,
                            });
                        }
                        PropKind::Method { .. } => return self.err(BAD, p.span),
                    }
                }
                Ok(Pattern {
                    kind: PatternKind::Object { props: out, rest },
                    span,
                })
            }
            _ => self.err(BAD, span),
        }
    }

    /// An element: `target` or `target = default` (parsed as assignment).
    fn elem_to_pattern(&mut self, e: Expr, binding: bool) -> PResult<PatElem> {
        if let ExprKind::Assign {
            op: AssignOp::Assign,
            ..
        } = &e.kind
        {
            if !self.is_paren(&e) {
                let ExprKind::Assign { target, value, .. } = e.kind else {
                    unreachable!("matched above")
                };
                if binding {
                    self.check_binding_pattern(&target)?;
                }
                return Ok(PatElem {
                    target: *target,
                    default: Some(*value),
                });
            }
        }
        Ok(PatElem {
            target: self.expr_to_pattern(e, binding)?,
            default: None,
        })
    }

    /// A pattern built as an assignment target, re-checked as a binding.
    fn check_binding_pattern(&self, p: &Pattern) -> PResult<()> {
        match &p.kind {
            PatternKind::Ident(n) => self.check_binding_name(n, p.span),
            PatternKind::Member(_) => self.err("Illegal property in declaration context", p.span),
            PatternKind::Object { props, rest } => {
                for pr in props {
                    self.check_binding_pattern(&pr.value)?;
                }
                match rest {
                    Some(r) => self.check_binding_pattern(r),
                    None => Ok(()),
                }
            }
            PatternKind::Array { elems, rest } => {
                for e in elems.iter().flatten() {
                    self.check_binding_pattern(&e.target)?;
                }
                match rest {
                    Some(r) => self.check_binding_pattern(r),
                    None => Ok(()),
                }
            }
        }
    }

    fn check_binding_name(&self, n: &str, span: Span) -> PResult<()> {
        if is_eval_or_arguments(n) {
            return self.err("Unexpected eval or arguments in strict mode", span);
        }
        if is_strict_reserved_word(n) {
            return self.err("Unexpected strict mode reserved word", span);
        }
        if is_reserved_word(n) {
            return self.err(format!("Unexpected token '{n}'"), span);
        }
        Ok(())
    }

    /// A BindingIdentifier token.
    fn binding_identifier(&mut self) -> PResult<(Ident, Span)> {
        let t = &self.tok;
        let TokKind::Name(n) = &t.kind else {
            return Err(self.unexpected());
        };
        if t.escaped && (is_reserved_word(n) || is_strict_reserved_word(n)) {
            return self.err("Keyword must not contain escaped characters", t.span);
        }
        if is_reserved_word(n) {
            return Err(self.unexpected());
        }
        self.check_binding_name(n, t.span)?;
        let n = n.clone();
        let sp = t.span;
        self.bump()?;
        Ok((n, sp))
    }

    /// A target nested in a binding pattern.
    fn parse_binding_element(&mut self) -> PResult<Pattern> {
        match &self.tok.kind {
            TokKind::Name(_) | TokKind::Punct("[") | TokKind::Punct("{") | TokKind::Eof => {
                self.parse_binding_target()
            }
            _ => self.err("Invalid destructuring assignment target", self.tok.span),
        }
    }

    /// BindingIdentifier or BindingPattern.
    fn parse_binding_target(&mut self) -> PResult<Pattern> {
        self.enter()?;
        let r = self.parse_binding_target_inner();
        self.leave();
        r
    }

    fn parse_binding_target_inner(&mut self) -> PResult<Pattern> {
        let start = self.start();
        if self.eat("[")? {
            let mut elems = Vec::new();
            let mut rest = None;
            loop {
                if self.eat("]")? {
                    break;
                }
                if self.at(",") {
                    self.bump()?;
                    elems.push(None);
                    continue;
                }
                let dots = self.start();
                if self.eat("...")? {
                    rest = Some(Box::new(self.parse_binding_target()?));
                    if !self.at("]") {
                        return self.err("Rest element must be last element", self.span_from(dots));
                    }
                    self.bump()?;
                    break;
                }
                let target = self.parse_binding_element()?;
                let default = if self.eat("=")? {
                    Some(self.parse_assign(false, false)?)
                } else {
                    None
                };
                elems.push(Some(PatElem { target, default }));
                if !self.at("]") {
                    self.expect(",")?;
                }
            }
            return Ok(Pattern {
                kind: PatternKind::Array { elems, rest },
                span: self.span_from(start),
            });
        }
        if self.eat("{")? {
            let mut props = Vec::new();
            let mut rest = None;
            loop {
                if self.eat("}")? {
                    break;
                }
                let pstart = self.start();
                if self.eat("...")? {
                    if !matches!(self.tok.kind, TokKind::Name(_)) {
                        return self.err(
                            "`...` must be followed by an identifier in declaration contexts",
                            self.tok.span,
                        );
                    }
                    let (n, sp) = self.binding_identifier()?;
                    rest = Some(Box::new(Pattern {
                        kind: PatternKind::Ident(n),
                        span: sp,
                    }));
                    if !self.at("}") {
                        return self.err("Rest element must be last element", self.tok.span);
                    }
                    self.bump()?;
                    break;
                }
                let key_tok = self.tok.clone();
                let key = self.parse_prop_key()?;
                let (value, shorthand) = if self.eat(":")? {
                    (self.parse_binding_element()?, false)
                } else {
                    let PropKey::Name(n) = &key else {
                        return Err(self.unexpected());
                    };
                    if key_tok.escaped && (is_reserved_word(n) || is_strict_reserved_word(n)) {
                        return self
                            .err("Keyword must not contain escaped characters", key_tok.span);
                    }
                    self.check_binding_name(n, key_tok.span)?;
                    (
                        Pattern {
                            kind: PatternKind::Ident(n.clone()),
                            span: key_tok.span,
                        },
                        true,
                    )
                };
                let default = if self.eat("=")? {
                    Some(self.parse_assign(false, false)?)
                } else {
                    None
                };
                props.push(ObjectPatProp {
                    key,
                    value,
                    default,
                    shorthand,
                    span: self.span_from(pstart),
                });
                if !self.at("}") {
                    self.expect(",")?;
                }
            }
            return Ok(Pattern {
                kind: PatternKind::Object { props, rest },
                span: self.span_from(start),
            });
        }
        let (n, sp) = self.binding_identifier()?;
        Ok(Pattern {
            kind: PatternKind::Ident(n),
            span: sp,
        })
    }

    /// LeftHandSideExpression: `new`, calls, members, optional chains.
    /// Member and call chains are a loop.
    fn parse_lhs(&mut self) -> PResult<Expr> {
        let start = self.start();
        let e = if self.at_kw("new") {
            self.parse_new()?
        } else {
            self.parse_primary()?
        };
        if self.arrow_pending || !self.at_postfix() {
            return Ok(e);
        }
        self.parse_lhs_tail(start, e)
    }

    /// At `.`, `?.`, `[`, `(` or a template.
    fn at_postfix(&self) -> bool {
        match &self.tok.kind {
            TokKind::Punct(p) => matches!(*p, "." | "?." | "[" | "("),
            TokKind::Template { .. } => true,
            _ => false,
        }
    }

    /// The member/call chain after a primary expression: a loop, so long
    /// chains use no stack.
    #[inline(never)]
    fn parse_lhs_tail(&mut self, start: u32, mut e: Expr) -> PResult<Expr> {
        let mut in_chain = false;
        loop {
            let optional = self.at("?.");
            if optional {
                self.bump()?;
                in_chain = true;
            }
            e = if self.at("(") {
                self.parse_call_rest(start, e, optional)?
            } else if self.at("[") {
                self.parse_index_rest(start, e, optional)?
            } else if optional || self.at(".") {
                if let TokKind::Template { .. } = self.tok.kind {
                    return self.err("Invalid tagged template on optional chain", self.tok.span);
                }
                if !optional {
                    self.bump()?;
                }
                let name = self.member_name()?;
                Expr::new(
                    ExprKind::Member {
                        object: Box::new(e),
                        name,
                        optional,
                    },
                    self.span_from(start),
                )
            } else if let TokKind::Template { .. } = self.tok.kind {
                if in_chain {
                    return self.err("Invalid tagged template on optional chain", self.tok.span);
                }
                return Err(unsupported("tagged templates", self.tok.span));
            } else {
                break;
            };
        }
        if in_chain {
            e = Expr::new(ExprKind::OptionalChain(Box::new(e)), self.span_from(start));
        }
        Ok(e)
    }

    #[inline(never)]
    fn parse_call_rest(&mut self, start: u32, callee: Expr, optional: bool) -> PResult<Expr> {
        let args = self.parse_args()?;
        Ok(Expr::new(
            ExprKind::Call {
                callee: Box::new(callee),
                args,
                optional,
            },
            self.span_from(start),
        ))
    }

    #[inline(never)]
    fn parse_index_rest(&mut self, start: u32, object: Expr, optional: bool) -> PResult<Expr> {
        self.bump()?; // [
        let index = self.parse_expression(false, false)?;
        self.expect("]")?;
        Ok(Expr::new(
            ExprKind::Index {
                object: Box::new(object),
                index: Box::new(index),
                optional,
            },
            self.span_from(start),
        ))
    }

    fn member_name(&mut self) -> PResult<Ident> {
        match &self.tok.kind {
            TokKind::Name(n) => {
                let n = n.clone();
                self.bump()?;
                Ok(n)
            }
            _ => Err(self.unexpected()),
        }
    }

    /// `new callee args?`; `new new X()()` nests.
    fn parse_new(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.enter()?;
        let r = self.parse_new_inner(start);
        self.leave();
        r
    }

    fn parse_new_inner(&mut self, start: u32) -> PResult<Expr> {
        let new_span = self.tok.span;
        self.bump()?; // new
        if self.at(".") {
            self.bump()?;
            if self.at_kw("target") {
                return self.err(
                    "new.target is not supported by jolt",
                    new_span.to(self.tok.span),
                );
            }
            return Err(self.unexpected());
        }
        let mut callee = if self.at_kw("new") {
            self.parse_new()?
        } else {
            if self.at_kw("super") {
                return self.err("'super' keyword unexpected here", self.tok.span);
            }
            let cs = self.start();
            let e = self.parse_primary()?;
            if self.arrow_pending {
                return self.err(
                    "Malformed arrow function parameter list",
                    self.span_from(cs),
                );
            }
            e
        };
        loop {
            if self.at(".") {
                self.bump()?;
                let name = self.member_name()?;
                callee = Expr::new(
                    ExprKind::Member {
                        object: Box::new(callee),
                        name,
                        optional: false,
                    },
                    self.span_from(start),
                );
            } else if self.at("[") {
                self.bump()?;
                let index = self.parse_expression(false, false)?;
                self.expect("]")?;
                callee = Expr::new(
                    ExprKind::Index {
                        object: Box::new(callee),
                        index: Box::new(index),
                        optional: false,
                    },
                    self.span_from(start),
                );
            } else if self.at("?.") {
                return self.err("Invalid optional chain from new expression", self.tok.span);
            } else if matches!(self.tok.kind, TokKind::Template { .. }) {
                return Err(unsupported("tagged templates", self.tok.span));
            } else {
                break;
            }
        }
        let args = if self.at("(") {
            self.parse_args()?
        } else {
            Vec::new()
        };
        Ok(Expr::new(
            ExprKind::New {
                callee: Box::new(callee),
                args,
            },
            self.span_from(start),
        ))
    }

    fn parse_args(&mut self) -> PResult<Vec<Arg>> {
        self.expect("(")?;
        let mut args = Vec::new();
        loop {
            if self.eat(")")? {
                return Ok(args);
            }
            let spread = self.eat("...")?;
            let expr = self.parse_assign(false, false)?;
            args.push(Arg { spread, expr });
            if self.eat(")")? {
                return Ok(args);
            }
            if !self.at(",") {
                return self.err("missing ) after argument list", self.tok.span);
            }
            self.bump()?;
        }
    }

    fn parse_primary(&mut self) -> PResult<Expr> {
        match &self.tok.kind {
            TokKind::Punct("(") => self.parse_paren(),
            TokKind::Punct("[") => self.parse_array_literal(),
            TokKind::Punct("{") => self.parse_object_literal(),
            TokKind::Template { .. } => self.parse_template(),
            TokKind::Name(n) if !self.tok.escaped && matches!(&**n, "function" | "class") => {
                self.parse_function_or_class_expr()
            }
            _ => self.parse_primary_simple(),
        }
    }

    #[inline(never)]
    fn parse_function_or_class_expr(&mut self) -> PResult<Expr> {
        let start = self.start();
        let kind = if self.at_kw("function") {
            ExprKind::Function(self.parse_function_decl_or_expr(false)?)
        } else {
            ExprKind::Class(self.parse_class(false)?)
        };
        Ok(Expr::new(kind, self.span_from(start)))
    }

    /// Primary expressions that do not nest (plus `super` and `async`).
    #[inline(never)]
    /// A regular expression literal starts at `span`: unsupported, but
    /// one that is not a RegularExpressionLiteral at all (a line
    /// terminator or the end of input before its closing `/`) is V8's
    /// early error, which comes first.
    fn regex_literal(&self, span: Span) -> PResult<Expr> {
        let body = self.src.get(span.start as usize + 1..).unwrap_or("");
        let (mut class, mut escaped) = (false, false);
        for c in body.chars() {
            if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
                break;
            }
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '[' => class = true,
                ']' => class = false,
                '/' if !class => {
                    return self.err("regular expressions are not supported by jolt", span);
                }
                _ => {}
            }
        }
        self.err("Invalid regular expression: missing /", span)
    }

    fn parse_primary_simple(&mut self) -> PResult<Expr> {
        let start = self.start();
        let span = self.tok.span;
        match &self.tok.kind {
            TokKind::Num(v) => {
                let v = *v;
                self.bump()?;
                Ok(Expr::new(ExprKind::Num(v), span))
            }
            TokKind::Str(s) => {
                let s = s.clone();
                self.bump()?;
                Ok(Expr::new(ExprKind::Str(s), span))
            }
            TokKind::Punct("/") | TokKind::Punct("/=") => self.regex_literal(span),
            TokKind::Punct(_) | TokKind::Eof | TokKind::Template { .. } => Err(self.unexpected()),
            TokKind::Name(n) => {
                let n = n.clone();
                if self.tok.escaped {
                    if is_reserved_word(&n) || is_strict_reserved_word(&n) {
                        return self.err("Keyword must not contain escaped characters", span);
                    }
                    self.bump()?;
                    return Ok(Expr::new(ExprKind::Ident(n), span));
                }
                let kind = match &*n {
                    "this" => ExprKind::This,
                    "null" => ExprKind::Null,
                    "true" => ExprKind::Bool(true),
                    "false" => ExprKind::Bool(false),
                    "super" => return self.parse_super(),
                    "import" => return Err(unsupported("modules (import/export)", span)),
                    "async" => return self.parse_async(start),
                    "arguments" if self.ctx.in_field_init => {
                        return self.err(
                            "'arguments' is not allowed in class field initializer or static initialization block",
                            span,
                        )
                    }
                    _ if is_strict_reserved_word(&n) => {
                        return self.err("Unexpected strict mode reserved word", span)
                    }
                    _ if is_reserved_word(&n) => return Err(self.unexpected()),
                    _ => ExprKind::Ident(n),
                };
                self.bump()?;
                Ok(Expr::new(kind, span))
            }
        }
    }

    /// `async` as an identifier; async functions and arrows are rejected.
    #[inline(never)]
    fn parse_async(&mut self, start: u32) -> PResult<Expr> {
        let span = self.tok.span;
        let next = self.peek()?;
        let word_follows =
            matches!(&next.kind, TokKind::Name(w) if !matches!(&**w, "in" | "instanceof" | "of"));
        if !next.nl_before && (next.is_kw("function") || word_follows) {
            return Err(unsupported("async functions", span));
        }
        self.bump()?;
        let callee = Expr::new(ExprKind::Ident("async".into()), span);
        if !self.at("(") {
            return Ok(callee);
        }
        // `async (...) => ...` is an async arrow; otherwise a call of a
        // function named `async`.
        let args = self.parse_args()?;
        if self.at("=>") && !self.tok.nl_before {
            return Err(unsupported("async functions", span));
        }
        Ok(Expr::new(
            ExprKind::Call {
                callee: Box::new(callee),
                args,
                optional: false,
            },
            self.span_from(start),
        ))
    }

    fn parse_super(&mut self) -> PResult<Expr> {
        let start = self.start();
        let span = self.tok.span;
        self.bump()?;
        if self.at("(") {
            if !self.ctx.allow_super_call {
                return self.err("'super' keyword unexpected here", span);
            }
            let args = self.parse_args()?;
            return Ok(Expr::new(ExprKind::SuperCall(args), self.span_from(start)));
        }
        if !self.ctx.allow_super_prop || !(self.at(".") || self.at("[")) {
            return self.err("'super' keyword unexpected here", span);
        }
        if self.eat(".")? {
            let name = self.member_name()?;
            return Ok(Expr::new(
                ExprKind::SuperMember(name),
                self.span_from(start),
            ));
        }
        self.bump()?;
        let index = self.parse_expression(false, false)?;
        self.expect("]")?;
        Ok(Expr::new(
            ExprKind::SuperIndex(Box::new(index)),
            self.span_from(start),
        ))
    }

    fn parse_template(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut quasis = Vec::new();
        let mut exprs = Vec::new();
        loop {
            let TokKind::Template { cooked, tail } = &self.tok.kind else {
                return Err(self.unexpected());
            };
            quasis.push(cooked.clone());
            if *tail {
                self.bump()?;
                break;
            }
            self.bump()?;
            exprs.push(self.parse_expression(false, false)?);
            if !self.at("}") {
                return Err(self.unexpected());
            }
            // Rescan from the `}` as template characters.
            let brace = self.tok.span.start;
            self.peeked = None;
            self.tok = self.lx.template_continue(brace).map_err(Box::new)?;
        }
        Ok(Expr::new(
            ExprKind::Template { quasis, exprs },
            self.span_from(start),
        ))
    }

    /// `( ... )`: a parenthesized expression or arrow parameters.
    fn parse_paren(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump()?; // (
        let saved = self.cover_error.take();
        let mut items: Vec<Expr> = Vec::new();
        let mut rest: Option<Pattern> = None;
        let mut trailing_comma = false;
        while !self.at(")") {
            if self.at("...") {
                rest = Some(self.parse_cover_rest()?);
                break;
            }
            items.push(self.parse_assign(false, true)?);
            if self.at(")") {
                break;
            }
            self.expect(",")?;
            trailing_comma = self.at(")");
        }
        let close = self.tok.clone();
        self.expect(")")?;
        if self.at("=>") && !self.tok.nl_before {
            return self.parse_paren_arrow(start, saved, items, rest);
        }
        if items.is_empty() || rest.is_some() || trailing_comma {
            return Err(unexpected_token(&close));
        }
        if saved.is_some() {
            self.cover_error = saved;
        }
        let span = Span::new(start, close.span.end);
        let mut e = if items.len() == 1 {
            items.pop().expect("one item")
        } else {
            Expr::new(ExprKind::Sequence(items), span)
        };
        e.span = span;
        self.paren_spans.insert((span.start, span.end));
        Ok(e)
    }

    /// `...rest` in a parenthesized arrow parameter list.
    #[inline(never)]
    fn parse_cover_rest(&mut self) -> PResult<Pattern> {
        self.bump()?; // ...
        let rest = self.parse_binding_target()?;
        if self.at("=") {
            return self.err(
                "Rest parameter may not have a default initializer",
                self.tok.span,
            );
        }
        if !self.at(")") {
            return self.err(
                "Rest parameter must be last formal parameter",
                self.prev_span(),
            );
        }
        Ok(rest)
    }

    /// At `=>` after `( items )`: converts the items to parameters.
    #[inline(never)]
    fn parse_paren_arrow(
        &mut self,
        start: u32,
        saved: Option<(Span, &'static str)>,
        items: Vec<Expr>,
        rest: Option<Pattern>,
    ) -> PResult<Expr> {
        self.bump()?; // =>
        self.cover_error = None;
        let mut params = Vec::new();
        for item in items {
            let el = self.elem_to_pattern(item, true)?;
            params.push(Param {
                pattern: el.target,
                default: el.default,
            });
        }
        self.cover_error = saved;
        let e = self.parse_arrow_body(start, params, rest, false)?;
        self.arrow_pending = true;
        Ok(e)
    }

    fn parse_array_literal(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump()?; // [
        let mut elems = Vec::new();
        loop {
            if self.eat("]")? {
                break;
            }
            if self.at(",") {
                self.bump()?;
                elems.push(None);
                continue;
            }
            let spread = self.eat("...")?;
            let expr = self.parse_assign(false, true)?;
            elems.push(Some(Arg { spread, expr }));
            if self.eat("]")? {
                break;
            }
            self.expect(",")?;
            if spread && self.at("]") {
                self.spread_comma.insert(start);
            }
        }
        Ok(Expr::new(ExprKind::Array(elems), self.span_from(start)))
    }

    fn parse_object_literal(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump()?; // {
        let mut props = Vec::new();
        let mut proto_seen = false;
        while !self.eat("}")? {
            let prop = self.parse_object_prop(start, &mut proto_seen)?;
            props.push(prop);
            if self.eat("}")? {
                break;
            }
            self.expect(",")?;
        }
        Ok(Expr::new(ExprKind::Object(props), self.span_from(start)))
    }

    #[inline(never)]
    fn parse_object_prop(&mut self, obj_start: u32, proto_seen: &mut bool) -> PResult<Prop> {
        let pstart = self.start();
        if self.eat("...")? {
            let e = self.parse_assign(false, true)?;
            if self.at(",") {
                // Look past the comma for `}`: a trailing comma after a
                // spread is fine in a literal but not in a pattern.
                if self.peek()?.is_punct("}") {
                    self.spread_comma.insert(obj_start);
                }
            }
            return Ok(Prop {
                kind: PropKind::Spread(e),
                span: self.span_from(pstart),
            });
        }
        let key_tok = self.tok.clone();
        let (key, mkind) = self.parse_method_head()?;
        let kind = if self.at("(") {
            let ctx = FnCtx {
                in_function: true,
                allow_super_prop: true,
                ..FnCtx::default()
            };
            let func = self.parse_function_rest(pstart, None, mkind, ctx)?;
            PropKind::Method { key, func }
        } else if mkind != FunctionKind::Method {
            return Err(self.unexpected());
        } else if self.eat(":")? {
            if matches!(key, PropKey::Name(_) | PropKey::Str(_)) && key_is(&key, "__proto__") {
                if *proto_seen && self.cover_error.is_none() {
                    self.cover_error = Some((
                        key_tok.span,
                        "Duplicate __proto__ fields are not allowed in object literals",
                    ));
                }
                *proto_seen = true;
            }
            let value = self.parse_assign(false, true)?;
            PropKind::Init {
                key,
                value,
                shorthand: false,
            }
        } else {
            self.parse_shorthand_prop(pstart, key, &key_tok)?
        };
        Ok(Prop {
            kind,
            span: self.span_from(pstart),
        })
    }

    /// Shorthand `x` or cover-initialized `x = 1` (only valid in patterns).
    #[inline(never)]
    fn parse_shorthand_prop(
        &mut self,
        pstart: u32,
        key: PropKey,
        key_tok: &Token,
    ) -> PResult<PropKind> {
        let PropKey::Name(n) = &key else {
            return Err(self.unexpected());
        };
        if !matches!(key_tok.kind, TokKind::Name(_)) {
            return Err(unexpected_token(key_tok));
        }
        if key_tok.escaped && (is_reserved_word(n) || is_strict_reserved_word(n)) {
            return self.err("Keyword must not contain escaped characters", key_tok.span);
        }
        if is_strict_reserved_word(n) {
            return self.err("Unexpected strict mode reserved word", key_tok.span);
        }
        if is_reserved_word(n) {
            return Err(unexpected_token(key_tok));
        }
        let ident = Expr::new(ExprKind::Ident(n.clone()), key_tok.span);
        let value = if self.at("=") {
            if self.cover_error.is_none() {
                self.cover_error = Some((key_tok.span, "Invalid shorthand property initializer"));
            }
            self.bump()?;
            let target = self.simple_target(ident, "Invalid destructuring assignment target")?;
            let default = self.parse_assign(false, false)?;
            Expr::new(
                ExprKind::Assign {
                    op: AssignOp::Assign,
                    target: Box::new(target),
                    value: Box::new(default),
                },
                self.span_from(pstart),
            )
        } else {
            ident
        };
        Ok(PropKind::Init {
            key,
            value,
            shorthand: true,
        })
    }
}

/// V8's message for an unexpected token.
#[cold]
#[inline(never)]
pub(crate) fn unexpected_token(t: &Token) -> Box<SyntaxError> {
    let msg = match &t.kind {
        TokKind::Eof => "Unexpected end of input".to_string(),
        TokKind::Name(n) => {
            if is_reserved_word(n) && !t.escaped {
                format!("Unexpected token '{n}'")
            } else if is_strict_reserved_word(n) {
                "Unexpected strict mode reserved word".to_string()
            } else {
                format!("Unexpected identifier '{n}'")
            }
        }
        TokKind::Num(_) => "Unexpected number".to_string(),
        TokKind::Str(_) => "Unexpected string".to_string(),
        TokKind::Template { .. } => "Unexpected template string".to_string(),
        TokKind::Punct(p) => format!("Unexpected token '{p}'"),
    };
    Box::new(SyntaxError::new(msg, t.span))
}

fn is_simple(params: &[Param], rest: Option<&Pattern>) -> bool {
    rest.is_none()
        && params
            .iter()
            .all(|p| p.default.is_none() && matches!(p.pattern.kind, PatternKind::Ident(_)))
}

fn make_function(
    name: Option<Ident>,
    kind: FunctionKind,
    params: Vec<Param>,
    rest: Option<Pattern>,
    body: Vec<Stmt>,
    is_expression_body: bool,
    span: Span,
) -> Function {
    let length = params.iter().take_while(|p| p.default.is_none()).count() as u32;
    let simple_params = is_simple(&params, rest.as_ref());
    Function {
        name,
        kind,
        params,
        rest,
        body,
        is_expression_body,
        length,
        simple_params,
        span,
    }
}

fn collect_names_spans(p: &Pattern, out: &mut Vec<(Rc<str>, Span)>) {
    match &p.kind {
        PatternKind::Ident(n) => out.push((n.clone(), p.span)),
        PatternKind::Object { props, rest } => {
            for pr in props {
                collect_names_spans(&pr.value, out);
            }
            if let Some(r) = rest {
                collect_names_spans(r, out);
            }
        }
        PatternKind::Array { elems, rest } => {
            for e in elems.iter().flatten() {
                collect_names_spans(&e.target, out);
            }
            if let Some(r) = rest {
                collect_names_spans(r, out);
            }
        }
        PatternKind::Member(_) => {}
    }
}
