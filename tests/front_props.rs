//! Property tests for the front end:
//! 1. the parser never panics (arbitrary text, JS-like token soup, deep
//!    nesting), and whatever parses survives print -> parse unchanged;
//! 2. generated ASTs (every expression, statement, function and class
//!    form) print to source that parses back to the same AST;
//! 3. numeric literal values agree with Rust's `f64` parsing (decimal) and
//!    with exact integer arithmetic (hex/octal/binary).

use jolt::front::ast::*;
use jolt::front::printer::print_program;
use jolt::front::{check_parse_no_panic, parse, Span};
use proptest::prelude::*;
use proptest::sample::select;
use std::collections::HashSet;
use std::rc::Rc;

// ------------------------------------------------------------ 1. no panic

const TOKENS: &[&str] = &[
    "a",
    "b",
    "x",
    "f",
    "let",
    "var",
    "const",
    "function",
    "class",
    "extends",
    "super",
    "new",
    "this",
    "return",
    "if",
    "else",
    "for",
    "of",
    "in",
    "while",
    "do",
    "break",
    "continue",
    "switch",
    "case",
    "default",
    "try",
    "catch",
    "finally",
    "throw",
    "typeof",
    "delete",
    "void",
    "get",
    "set",
    "static",
    "async",
    "await",
    "yield",
    "null",
    "true",
    "eval",
    "arguments",
    "constructor",
    "l:",
    "1",
    "0x1F",
    "1e3",
    ".5",
    "08",
    "1_0",
    "'s'",
    "\"d\"",
    "'\\u{41}'",
    "`t`",
    "`a${",
    "}`",
    "${",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ";",
    ",",
    ".",
    "?.",
    "?",
    ":",
    "=>",
    "...",
    "=",
    "+=",
    "**=",
    "??=",
    "&&=",
    "+",
    "-",
    "*",
    "/",
    "%",
    "**",
    "++",
    "--",
    "!",
    "~",
    "&&",
    "||",
    "??",
    "==",
    "===",
    "!=",
    "<",
    ">=",
    "<<",
    ">>>",
    "&",
    "|",
    "^",
    "\n",
    " ",
    "/*c*/",
    "//c\n",
    "\\u0061",
    "#x",
    "@",
    "\u{2028}",
    "é",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(select(TOKENS), 0..120).prop_map(|v| v.join(" "))
}

fn dense_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(select(TOKENS), 0..120).prop_map(|v| v.concat())
}

fn deep_soup() -> impl Strategy<Value = String> {
    (
        select(
            &[
                "(", "[", "{", "-", "!", "a=", "x=>", "if(1)", "{a:", "`${", "f(", "new ", "a?b:",
            ][..],
        ),
        0usize..700,
        token_soup(),
    )
        .prop_map(|(open, n, mid)| format!("{}{}", open.repeat(n), mid))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_panic_on_arbitrary_text(s in "\\PC{0,80}") {
        check_parse_no_panic(s.as_bytes());
    }

    #[test]
    fn no_panic_on_arbitrary_bytes(b in prop::collection::vec(any::<u8>(), 0..80)) {
        check_parse_no_panic(&b);
    }

    #[test]
    fn no_panic_on_token_soup(s in token_soup()) {
        check_parse_no_panic(s.as_bytes());
    }

    #[test]
    fn no_panic_on_dense_token_soup(s in dense_soup()) {
        check_parse_no_panic(s.as_bytes());
    }

    #[test]
    fn no_panic_on_deep_soup(s in deep_soup()) {
        check_parse_no_panic(s.as_bytes());
    }
}

// ------------------------------------------------------ 2. AST round trip

fn sp() -> Span {
    Span::default()
}

fn ex(kind: ExprKind) -> Expr {
    Expr::new(kind, sp())
}

fn st(kind: StmtKind) -> Stmt {
    Stmt::new(kind, sp())
}

fn pat(kind: PatternKind) -> Pattern {
    Pattern { kind, span: sp() }
}

fn ident(n: &str) -> Ident {
    n.into()
}

const NAMES: &[&str] = &[
    "a",
    "b",
    "c",
    "x",
    "y",
    "foo",
    "_",
    "$",
    "a1",
    "undefined",
    "NaN",
    "of",
    "get",
    "set",
];
const PROP_NAMES: &[&str] = &[
    "a", "b", "x", "if", "new", "class", "get", "set", "static", "async", "of", "default", "in",
    "length", "true", "null", "await", "let",
];

fn arb_name() -> impl Strategy<Value = Ident> {
    select(NAMES).prop_map(ident)
}

fn arb_num() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0u32..1000).prop_map(f64::from),
        any::<f64>().prop_filter_map("finite, non-negative", |v| {
            let v = v.abs();
            (v.is_finite() && v != 0.0).then_some(v)
        }),
        Just(0.0),
        Just(f64::INFINITY),
    ]
}

fn arb_str16() -> impl Strategy<Value = Str16> {
    prop_oneof![
        "[a-z '\"\\\\`$\\{\\}\n\r\t]{0,6}"
            .prop_map(|s| s.encode_utf16().collect::<Vec<u16>>().into()),
        prop::collection::vec(any::<u16>(), 0..5).prop_map(|v| v.into()),
    ]
}

fn arb_key(e: BoxedStrategy<Expr>) -> impl Strategy<Value = PropKey> {
    prop_oneof![
        select(PROP_NAMES).prop_map(|n| PropKey::Name(ident(n))),
        arb_str16().prop_map(PropKey::Str),
        arb_num().prop_map(PropKey::Num),
        e.prop_map(|e| PropKey::Computed(Box::new(e))),
    ]
}

fn arb_arg(e: BoxedStrategy<Expr>) -> impl Strategy<Value = Arg> {
    (any::<bool>(), e).prop_map(|(spread, expr)| Arg { spread, expr })
}

fn func(
    kind: FunctionKind,
    params: Vec<Param>,
    rest: Option<Pattern>,
    body: Vec<Stmt>,
    expr_body: bool,
) -> Rc<Function> {
    let length = params.iter().take_while(|p| p.default.is_none()).count() as u32;
    let simple_params = rest.is_none()
        && params
            .iter()
            .all(|p| p.default.is_none() && matches!(p.pattern.kind, PatternKind::Ident(_)));
    Rc::new(Function {
        name: None,
        kind,
        params,
        rest,
        body,
        is_expression_body: expr_body,
        length,
        simple_params,
        span: sp(),
    })
}

/// Binding patterns (declarations and parameters): no member targets.
fn arb_binding(e: BoxedStrategy<Expr>) -> impl Strategy<Value = Pattern> {
    let leaf = arb_name().prop_map(|n| pat(PatternKind::Ident(n)));
    leaf.prop_recursive(2, 8, 3, move |inner| {
        let e = e.clone();
        prop_oneof![
            (
                prop::collection::vec(
                    prop::option::of((inner.clone(), prop::option::of(e.clone()))),
                    0..3
                ),
                prop::option::of(inner.clone()),
            )
                .prop_map(|(elems, rest)| pat(PatternKind::Array {
                    elems: elems
                        .into_iter()
                        .map(|o| o.map(|(target, default)| PatElem { target, default }))
                        .collect(),
                    rest: rest.map(Box::new),
                })),
            (
                prop::collection::vec(
                    (
                        arb_key(e.clone()),
                        inner.clone(),
                        prop::option::of(e.clone()),
                        any::<bool>()
                    ),
                    0..3
                ),
                prop::option::of(arb_name()),
            )
                .prop_map(|(props, rest)| pat(PatternKind::Object {
                    props: props
                        .into_iter()
                        .map(|(key, value, default, short)| shorthand_fix(
                            key, value, default, short
                        ))
                        .collect(),
                    rest: rest.map(|n| Box::new(pat(PatternKind::Ident(n)))),
                })),
        ]
    })
}

/// `{x}` needs key `x` and value `x`; other properties keep their key.
fn shorthand_fix(
    key: PropKey,
    value: Pattern,
    default: Option<Expr>,
    short: bool,
) -> ObjectPatProp {
    if short {
        if let PatternKind::Ident(n) = &value.kind {
            return ObjectPatProp {
                key: PropKey::Name(n.clone()),
                value,
                default,
                shorthand: true,
                span: sp(),
            };
        }
    }
    ObjectPatProp {
        key,
        value,
        default,
        shorthand: false,
        span: sp(),
    }
}

fn member_target(e: BoxedStrategy<Expr>) -> impl Strategy<Value = Expr> {
    (
        e.clone(),
        prop_oneof![
            select(PROP_NAMES).prop_map(|n| Err(ident(n))),
            e.prop_map(Ok)
        ],
    )
        .prop_map(|(object, p)| match p {
            Err(name) => ex(ExprKind::Member {
                object: Box::new(object),
                name,
                optional: false,
            }),
            Ok(index) => ex(ExprKind::Index {
                object: Box::new(object),
                index: Box::new(index),
                optional: false,
            }),
        })
}

/// Simple assignment targets: identifiers and members.
fn simple_target(e: BoxedStrategy<Expr>) -> impl Strategy<Value = Pattern> {
    prop_oneof![
        arb_name().prop_map(|n| pat(PatternKind::Ident(n))),
        member_target(e).prop_map(|m| pat(PatternKind::Member(Box::new(m)))),
    ]
}

/// Assignment patterns: like bindings, plus member targets.
fn assign_pattern(e: BoxedStrategy<Expr>) -> impl Strategy<Value = Pattern> {
    let leaf = simple_target(e.clone()).boxed();
    leaf.prop_recursive(2, 8, 3, move |inner| {
        let e = e.clone();
        prop_oneof![
            (
                prop::collection::vec(
                    prop::option::of((inner.clone(), prop::option::of(e.clone()))),
                    0..3
                ),
                prop::option::of(inner.clone()),
            )
                .prop_map(|(elems, rest)| pat(PatternKind::Array {
                    elems: elems
                        .into_iter()
                        .map(|o| o.map(|(target, default)| PatElem { target, default }))
                        .collect(),
                    rest: rest.map(Box::new),
                })),
            (
                prop::collection::vec(
                    (
                        arb_key(e.clone()),
                        inner.clone(),
                        prop::option::of(e.clone()),
                        any::<bool>()
                    ),
                    0..3
                ),
                prop::option::of(simple_target(e.clone())),
            )
                .prop_map(|(props, rest)| pat(PatternKind::Object {
                    props: props
                        .into_iter()
                        .map(|(key, value, default, short)| shorthand_fix(
                            key, value, default, short
                        ))
                        .collect(),
                    rest: rest.map(Box::new),
                })),
        ]
    })
}

fn arb_params(e: BoxedStrategy<Expr>) -> impl Strategy<Value = (Vec<Param>, Option<Pattern>)> {
    (
        prop::collection::vec((arb_binding(e.clone()), prop::option::of(e.clone())), 0..3),
        prop::option::of(arb_binding(e)),
    )
        .prop_map(|(ps, rest)| {
            (
                ps.into_iter()
                    .map(|(pattern, default)| Param { pattern, default })
                    .collect(),
                rest,
            )
        })
}

/// Simple statements for function bodies built from expressions.
fn body_stmts(e: BoxedStrategy<Expr>) -> impl Strategy<Value = Vec<Stmt>> {
    prop::collection::vec(
        prop_oneof![
            e.clone().prop_map(|e| st(StmtKind::Expr(e))),
            prop::option::of(e.clone()).prop_map(|e| st(StmtKind::Return(e))),
            (arb_name(), e.clone()).prop_map(|(n, init)| st(StmtKind::VarDecl(VarDecl {
                kind: VarKind::Let,
                decls: vec![Declarator {
                    target: pat(PatternKind::Ident(n)),
                    init: Some(init),
                    span: sp(),
                }],
            }))),
            (e.clone(), e).prop_map(|(t, c)| st(StmtKind::If {
                test: t,
                cons: Box::new(st(StmtKind::Expr(c))),
                alt: None,
            })),
        ],
        0..3,
    )
}

fn arb_function(e: BoxedStrategy<Expr>) -> impl Strategy<Value = Rc<Function>> {
    (
        prop::option::of(arb_name()),
        arb_params(e.clone()),
        body_stmts(e),
    )
        .prop_map(|(name, (params, rest), body)| {
            let mut f = func(FunctionKind::Normal, params, rest, body, false);
            Rc::make_mut(&mut f).name = name;
            f
        })
}

fn arb_arrow(e: BoxedStrategy<Expr>) -> impl Strategy<Value = Rc<Function>> {
    (
        arb_params(e.clone()),
        prop_oneof![e.clone().prop_map(Ok), body_stmts(e).prop_map(Err)],
    )
        .prop_map(|((params, rest), body)| match body {
            Ok(expr) => func(
                FunctionKind::Arrow,
                params,
                rest,
                vec![st(StmtKind::Return(Some(expr)))],
                true,
            ),
            Err(stmts) => func(FunctionKind::Arrow, params, rest, stmts, false),
        })
}

/// A method, getter or setter with a valid parameter list.
fn arb_method(e: BoxedStrategy<Expr>) -> impl Strategy<Value = Rc<Function>> {
    (
        0..3u8,
        arb_params(e.clone()),
        arb_binding(e.clone()),
        body_stmts(e),
    )
        .prop_map(|(k, (params, rest), one, body)| match k {
            0 => func(FunctionKind::Method, params, rest, body, false),
            1 => func(FunctionKind::Getter, vec![], None, body, false),
            _ => func(
                FunctionKind::Setter,
                vec![Param {
                    pattern: one,
                    default: None,
                }],
                None,
                body,
                false,
            ),
        })
}

fn arb_class(e: BoxedStrategy<Expr>) -> impl Strategy<Value = Rc<Class>> {
    let member = (
        any::<bool>(),
        arb_key(e.clone()),
        prop_oneof![
            arb_method(e.clone()).prop_map(Ok),
            prop::option::of(e.clone()).prop_map(Err)
        ],
    )
        .prop_map(|(is_static, key, m)| ClassMember {
            kind: match m {
                Ok(func) => ClassMemberKind::Method { key, func },
                Err(value) => ClassMemberKind::Field { key, value },
            },
            is_static,
            span: sp(),
        });
    (
        prop::option::of(arb_name()),
        prop::option::of(e.clone()),
        prop::option::of((arb_params(e.clone()), body_stmts(e))),
        prop::collection::vec(member, 0..4),
    )
        .prop_map(|(name, extends, ctor, members)| {
            let kind = if extends.is_some() {
                FunctionKind::DerivedConstructor
            } else {
                FunctionKind::ClassConstructor
            };
            Rc::new(Class {
                name,
                extends,
                constructor: ctor
                    .map(|((params, rest), body)| func(kind, params, rest, body, false)),
                members,
                span: sp(),
            })
        })
}

/// An optional chain: a spine of links with at least one `?.`.
fn arb_chain(e: BoxedStrategy<Expr>) -> impl Strategy<Value = Expr> {
    let link = (
        0..3u8,
        any::<bool>(),
        select(PROP_NAMES),
        e.clone(),
        prop::collection::vec(arb_arg(e.clone()), 0..2),
    );
    (
        e,
        prop::collection::vec(link, 1..4),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(base, links, force)| {
            let n = links.len();
            let forced = force.index(n);
            let mut cur = base;
            for (i, (k, opt, name, index, args)) in links.into_iter().enumerate() {
                let optional = opt || i == forced;
                let object = Box::new(cur);
                cur = ex(match k {
                    0 => ExprKind::Member {
                        object,
                        name: ident(name),
                        optional,
                    },
                    1 => ExprKind::Index {
                        object,
                        index: Box::new(index),
                        optional,
                    },
                    _ => ExprKind::Call {
                        callee: object,
                        args,
                        optional,
                    },
                });
            }
            ex(ExprKind::OptionalChain(Box::new(cur)))
        })
}

fn arb_expr() -> BoxedStrategy<Expr> {
    let leaf = prop_oneof![
        arb_num().prop_map(|v| ex(ExprKind::Num(v))),
        arb_str16().prop_map(|s| ex(ExprKind::Str(s))),
        any::<bool>().prop_map(|b| ex(ExprKind::Bool(b))),
        Just(ex(ExprKind::Null)),
        Just(ex(ExprKind::This)),
        arb_name().prop_map(|n| ex(ExprKind::Ident(n))),
        arb_str16().prop_map(|q| ex(ExprKind::Template {
            quasis: vec![q],
            exprs: vec![]
        })),
    ];
    leaf.prop_recursive(4, 48, 4, |inner| {
        let e = inner.clone();
        let unary_op = select(
            &[
                UnaryOp::Neg,
                UnaryOp::Plus,
                UnaryOp::Not,
                UnaryOp::BitNot,
                UnaryOp::Typeof,
                UnaryOp::Void,
            ][..],
        );
        let bin_op = select(
            &[
                BinaryOp::Add,
                BinaryOp::Sub,
                BinaryOp::Mul,
                BinaryOp::Div,
                BinaryOp::Mod,
                BinaryOp::Exp,
                BinaryOp::Shl,
                BinaryOp::Shr,
                BinaryOp::UShr,
                BinaryOp::BitAnd,
                BinaryOp::BitOr,
                BinaryOp::BitXor,
                BinaryOp::Lt,
                BinaryOp::Gt,
                BinaryOp::Le,
                BinaryOp::Ge,
                BinaryOp::Eq,
                BinaryOp::Ne,
                BinaryOp::StrictEq,
                BinaryOp::StrictNe,
                BinaryOp::In,
                BinaryOp::Instanceof,
            ][..],
        );
        let compound = select(
            &[
                AssignOp::Assign,
                AssignOp::Add,
                AssignOp::Sub,
                AssignOp::Mul,
                AssignOp::Div,
                AssignOp::Mod,
                AssignOp::Exp,
                AssignOp::Shl,
                AssignOp::Shr,
                AssignOp::UShr,
                AssignOp::BitAnd,
                AssignOp::BitOr,
                AssignOp::BitXor,
                AssignOp::And,
                AssignOp::Or,
                AssignOp::Nullish,
            ][..],
        );
        prop_oneof![
            (
                prop::collection::vec(arb_str16(), 2..4),
                prop::collection::vec(e.clone(), 3)
            )
                .prop_map(|(quasis, mut exprs)| {
                    exprs.truncate(quasis.len() - 1);
                    ex(ExprKind::Template { quasis, exprs })
                }),
            prop::collection::vec(prop::option::of(arb_arg(e.clone())), 0..4)
                .prop_map(|v| ex(ExprKind::Array(v))),
            prop::collection::vec(
                prop_oneof![
                    (arb_key(e.clone()), e.clone()).prop_map(|(key, value)| PropKind::Init {
                        key,
                        value,
                        shorthand: false
                    }),
                    arb_name().prop_map(|n| PropKind::Init {
                        key: PropKey::Name(n.clone()),
                        value: ex(ExprKind::Ident(n)),
                        shorthand: true
                    }),
                    (arb_key(e.clone()), arb_method(e.clone()))
                        .prop_map(|(key, func)| PropKind::Method { key, func }),
                    e.clone().prop_map(PropKind::Spread),
                ]
                .prop_map(|kind| Prop { kind, span: sp() }),
                0..4
            )
            .prop_map(|v| ex(ExprKind::Object(v))),
            arb_function(e.clone()).prop_map(|f| ex(ExprKind::Function(f))),
            arb_arrow(e.clone()).prop_map(|f| ex(ExprKind::Function(f))),
            arb_class(e.clone()).prop_map(|c| ex(ExprKind::Class(c))),
            (unary_op, e.clone()).prop_map(|(op, arg)| ex(ExprKind::Unary {
                op,
                arg: Box::new(arg)
            })),
            member_target(e.clone()).prop_map(|m| ex(ExprKind::Unary {
                op: UnaryOp::Delete,
                arg: Box::new(m)
            })),
            (
                any::<bool>(),
                any::<bool>(),
                prop_oneof![
                    arb_name().prop_map(|n| ex(ExprKind::Ident(n))),
                    member_target(e.clone())
                ]
            )
                .prop_map(|(inc, prefix, t)| ex(ExprKind::Update {
                    op: if inc { UpdateOp::Inc } else { UpdateOp::Dec },
                    prefix,
                    target: Box::new(t)
                })),
            (bin_op, e.clone(), e.clone()).prop_map(|(op, l, r)| ex(ExprKind::Binary {
                op,
                left: Box::new(l),
                right: Box::new(r)
            })),
            (
                select(&[LogicalOp::And, LogicalOp::Or, LogicalOp::Nullish][..]),
                e.clone(),
                e.clone()
            )
                .prop_map(|(op, l, r)| ex(ExprKind::Logical {
                    op,
                    left: Box::new(l),
                    right: Box::new(r)
                })),
            (e.clone(), e.clone(), e.clone()).prop_map(|(t, c, a)| ex(ExprKind::Conditional {
                test: Box::new(t),
                cons: Box::new(c),
                alt: Box::new(a)
            })),
            (compound, simple_target(e.clone()), e.clone()).prop_map(|(op, t, v)| ex(
                ExprKind::Assign {
                    op,
                    target: Box::new(t),
                    value: Box::new(v)
                }
            )),
            (assign_pattern(e.clone()), e.clone()).prop_map(|(t, v)| ex(ExprKind::Assign {
                op: AssignOp::Assign,
                target: Box::new(t),
                value: Box::new(v)
            })),
            prop::collection::vec(e.clone(), 2..4).prop_map(|v| ex(ExprKind::Sequence(v))),
            (e.clone(), prop::collection::vec(arb_arg(e.clone()), 0..3)).prop_map(|(c, args)| ex(
                ExprKind::Call {
                    callee: Box::new(c),
                    args,
                    optional: false
                }
            )),
            (e.clone(), prop::collection::vec(arb_arg(e.clone()), 0..3)).prop_map(|(c, args)| ex(
                ExprKind::New {
                    callee: Box::new(c),
                    args
                }
            )),
            member_target(e.clone()),
            arb_chain(e.clone()),
            // `super` forms: the fixer turns misplaced ones into `this`.
            select(PROP_NAMES).prop_map(|n| ex(ExprKind::SuperMember(ident(n)))),
            e.clone()
                .prop_map(|i| ex(ExprKind::SuperIndex(Box::new(i)))),
            prop::collection::vec(arb_arg(e.clone()), 0..2)
                .prop_map(|a| ex(ExprKind::SuperCall(a))),
        ]
    })
    .boxed()
}

fn arb_var_decl(e: BoxedStrategy<Expr>) -> impl Strategy<Value = VarDecl> {
    (
        select(&[VarKind::Var, VarKind::Let, VarKind::Const][..]),
        prop::collection::vec(
            (arb_binding(e.clone()), prop::option::of(e.clone()), e),
            1..3,
        ),
    )
        .prop_map(|(kind, ds)| VarDecl {
            kind,
            decls: ds
                .into_iter()
                .map(|(target, init, fallback)| {
                    // const and destructuring declarations need an initializer.
                    let needs =
                        kind == VarKind::Const || !matches!(target.kind, PatternKind::Ident(_));
                    let init = if needs {
                        Some(init.unwrap_or(fallback))
                    } else {
                        init
                    };
                    Declarator {
                        target,
                        init,
                        span: sp(),
                    }
                })
                .collect(),
        })
}

fn arb_stmt() -> impl Strategy<Value = Stmt> {
    let e = arb_expr();
    let leaf = prop_oneof![
        e.clone().prop_map(|e| st(StmtKind::Expr(e))),
        arb_var_decl(e.clone()).prop_map(|d| st(StmtKind::VarDecl(d))),
        arb_function(e.clone()).prop_map(|f| st(StmtKind::FunctionDecl(f))),
        arb_class(e.clone()).prop_map(|c| st(StmtKind::ClassDecl(c))),
        prop::option::of(e.clone()).prop_map(|e| st(StmtKind::Return(e))),
        e.clone().prop_map(|e| st(StmtKind::Throw(e))),
        prop::option::of(select(NAMES)).prop_map(|l| st(StmtKind::Break(l.map(ident)))),
        prop::option::of(select(NAMES)).prop_map(|l| st(StmtKind::Continue(l.map(ident)))),
        Just(st(StmtKind::Empty)),
    ];
    leaf.prop_recursive(3, 24, 4, move |inner| {
        let e = e.clone();
        let head = prop_oneof![
            (
                select(&[VarKind::Var, VarKind::Let, VarKind::Const][..]),
                arb_binding(e.clone())
            )
                .prop_map(|(k, p)| ForHead::VarDecl(k, p)),
            assign_pattern(e.clone()).prop_map(ForHead::Target),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(|b| st(StmtKind::Block(b))),
            (e.clone(), inner.clone(), prop::option::of(inner.clone())).prop_map(
                |(test, c, a)| st(StmtKind::If {
                    test,
                    cons: Box::new(c),
                    alt: a.map(Box::new)
                })
            ),
            (e.clone(), inner.clone()).prop_map(|(test, b)| st(StmtKind::While {
                test,
                body: Box::new(b)
            })),
            (e.clone(), inner.clone()).prop_map(|(test, b)| st(StmtKind::DoWhile {
                body: Box::new(b),
                test
            })),
            (
                prop::option::of(prop_oneof![
                    arb_var_decl(e.clone()).prop_map(ForInit::VarDecl),
                    e.clone().prop_map(ForInit::Expr)
                ]),
                prop::option::of(e.clone()),
                prop::option::of(e.clone()),
                inner.clone()
            )
                .prop_map(|(init, test, update, b)| st(StmtKind::For {
                    init: init.map(Box::new),
                    test: test.map(Box::new),
                    update: update.map(Box::new),
                    body: Box::new(b)
                })),
            (any::<bool>(), head, e.clone(), inner.clone()).prop_map(|(of, left, right, b)| {
                let (left, body) = (Box::new(left), Box::new(b));
                st(if of {
                    StmtKind::ForOf { left, right, body }
                } else {
                    StmtKind::ForIn { left, right, body }
                })
            }),
            (
                prop::collection::vec(inner.clone(), 0..3),
                prop::option::of((
                    prop::option::of(arb_binding(e.clone())),
                    prop::collection::vec(inner.clone(), 0..3)
                )),
                prop::option::of(prop::collection::vec(inner.clone(), 0..3))
            )
                .prop_map(|(block, handler, fin)| {
                    let handler = handler.map(|(param, body)| {
                        Box::new(CatchClause {
                            param,
                            body,
                            span: sp(),
                        })
                    });
                    let finalizer = if handler.is_none() && fin.is_none() {
                        Some(vec![])
                    } else {
                        fin
                    };
                    st(StmtKind::Try {
                        block,
                        handler,
                        finalizer,
                    })
                }),
            (
                e.clone(),
                prop::collection::vec(
                    (
                        prop::option::of(e.clone()),
                        prop::collection::vec(inner.clone(), 0..3)
                    ),
                    0..4
                )
            )
                .prop_map(|(d, cases)| {
                    let mut seen_default = false;
                    let cases = cases
                        .into_iter()
                        .filter(|(t, _)| t.is_some() || !std::mem::replace(&mut seen_default, true))
                        .map(|(test, body)| SwitchCase {
                            test,
                            body,
                            span: sp(),
                        })
                        .collect();
                    st(StmtKind::Switch {
                        discriminant: d,
                        cases,
                    })
                }),
            (select(NAMES), inner.clone()).prop_map(|(l, b)| st(StmtKind::Labeled {
                label: ident(l),
                body: Box::new(b)
            })),
        ]
    })
}

/// Makes a generated program valid: unique binding names, break/continue
/// /return only where allowed, no declarations in single-statement
/// positions, no dangling else, unique labels.
struct Fixer {
    super_prop: bool,
    super_call: bool,
    next: u32,
    labels: Vec<(Ident, bool)>,
    loops: u32,
    breakables: u32,
    in_function: bool,
}

impl Fixer {
    fn fresh(&mut self) -> Ident {
        self.next += 1;
        format!("v{}", self.next).into()
    }

    fn pattern(&mut self, p: &mut Pattern, binding: bool) {
        match &mut p.kind {
            PatternKind::Ident(n) => {
                if binding {
                    *n = self.fresh();
                }
            }
            PatternKind::Member(e) => self.expr(e),
            PatternKind::Object { props, rest } => {
                for pr in props {
                    if let PropKey::Computed(e) = &mut pr.key {
                        self.expr(e);
                    }
                    self.pattern(&mut pr.value, binding);
                    if pr.shorthand {
                        if let PatternKind::Ident(n) = &pr.value.kind {
                            pr.key = PropKey::Name(n.clone());
                        }
                    }
                    if let Some(d) = &mut pr.default {
                        self.expr(d);
                    }
                }
                if let Some(r) = rest {
                    self.pattern(r, binding);
                }
            }
            PatternKind::Array { elems, rest } => {
                for el in elems.iter_mut().flatten() {
                    self.pattern(&mut el.target, binding);
                    if let Some(d) = &mut el.default {
                        self.expr(d);
                    }
                }
                if let Some(r) = rest {
                    self.pattern(r, binding);
                }
            }
        }
    }

    fn function(&mut self, f: &mut Rc<Function>) {
        let f = Rc::make_mut(f);
        if f.name.is_some() {
            f.name = Some(self.fresh());
        }
        let saved = (
            std::mem::take(&mut self.labels),
            self.loops,
            self.breakables,
            self.in_function,
        );
        let saved_super = (self.super_prop, self.super_call);
        match f.kind {
            FunctionKind::Arrow => {}
            FunctionKind::Normal => (self.super_prop, self.super_call) = (false, false),
            FunctionKind::DerivedConstructor => (self.super_prop, self.super_call) = (true, true),
            _ => (self.super_prop, self.super_call) = (true, false),
        }
        self.loops = 0;
        self.breakables = 0;
        self.in_function = true;
        for p in &mut f.params {
            self.pattern(&mut p.pattern, true);
            if let Some(d) = &mut p.default {
                self.expr(d);
            }
        }
        if let Some(r) = &mut f.rest {
            self.pattern(r, true);
        }
        if f.is_expression_body {
            if let Some(Stmt {
                kind: StmtKind::Return(Some(e)),
                ..
            }) = f.body.first_mut()
            {
                self.expr(e);
            }
        } else {
            self.stmts(&mut f.body);
        }
        (self.labels, self.loops, self.breakables, self.in_function) = saved;
        (self.super_prop, self.super_call) = saved_super;
    }

    fn class(&mut self, c: &mut Rc<Class>) {
        let c = Rc::make_mut(c);
        if c.name.is_some() {
            c.name = Some(self.fresh());
        }
        if let Some(e) = &mut c.extends {
            self.expr(e);
        }
        if let Some(f) = &mut c.constructor {
            self.function(f);
        }
        for m in &mut c.members {
            let (ClassMemberKind::Method { key, .. } | ClassMemberKind::Field { key, .. }) =
                &mut m.kind;
            if let PropKey::Computed(e) = key {
                self.expr(e);
            }
            // Keys that are special in classes.
            if matches!(key, PropKey::Name(n) if matches!(&**n, "constructor" | "prototype")) {
                *key = PropKey::Name("k".into());
            }
            match &mut m.kind {
                ClassMemberKind::Method { func, .. } => self.function(func),
                ClassMemberKind::Field { value: Some(v), .. } => {
                    let saved = (self.in_function, self.super_prop, self.super_call);
                    (self.in_function, self.super_prop, self.super_call) = (false, true, false);
                    self.expr(v);
                    (self.in_function, self.super_prop, self.super_call) = saved;
                }
                ClassMemberKind::Field { value: None, .. } => {}
            }
        }
    }

    fn args(&mut self, args: &mut [Arg]) {
        for a in args {
            self.expr(&mut a.expr);
        }
    }

    fn expr(&mut self, e: &mut Expr) {
        match &mut e.kind {
            ExprKind::Num(_)
            | ExprKind::Str(_)
            | ExprKind::Bool(_)
            | ExprKind::Null
            | ExprKind::Ident(_)
            | ExprKind::This => {}
            ExprKind::SuperMember(_) => {
                if !self.super_prop {
                    e.kind = ExprKind::This;
                }
            }
            ExprKind::SuperIndex(_) if !self.super_prop => e.kind = ExprKind::This,
            ExprKind::SuperCall(_) if !self.super_call => e.kind = ExprKind::This,
            ExprKind::Template { exprs, .. } | ExprKind::Sequence(exprs) => {
                exprs.iter_mut().for_each(|e| self.expr(e))
            }
            ExprKind::Array(elems) => {
                for a in elems.iter_mut().flatten() {
                    self.expr(&mut a.expr);
                }
            }
            ExprKind::Object(props) => {
                for p in props {
                    match &mut p.kind {
                        PropKind::Init { key, value, .. } => {
                            if let PropKey::Computed(k) = key {
                                self.expr(k);
                            }
                            self.expr(value);
                        }
                        PropKind::Method { key, func } => {
                            if let PropKey::Computed(k) = key {
                                self.expr(k);
                            }
                            self.function(func);
                        }
                        PropKind::Spread(e) => self.expr(e),
                    }
                }
            }
            ExprKind::Function(f) => self.function(f),
            ExprKind::Class(c) => self.class(c),
            ExprKind::Unary { arg: x, .. }
            | ExprKind::Update { target: x, .. }
            | ExprKind::OptionalChain(x)
            | ExprKind::SuperIndex(x) => self.expr(x),
            ExprKind::Member { object, .. } => self.expr(object),
            ExprKind::Binary { left, right, .. }
            | ExprKind::Logical { left, right, .. }
            | ExprKind::Index {
                object: left,
                index: right,
                ..
            } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::Conditional { test, cons, alt } => {
                self.expr(test);
                self.expr(cons);
                self.expr(alt);
            }
            ExprKind::Assign { target, value, .. } => {
                self.pattern(target, false);
                self.expr(value);
            }
            ExprKind::Call { callee, args, .. } | ExprKind::New { callee, args } => {
                self.expr(callee);
                self.args(args);
            }
            ExprKind::SuperCall(args) => self.args(args),
        }
    }

    fn var_decl(&mut self, d: &mut VarDecl) {
        for decl in &mut d.decls {
            self.pattern(&mut decl.target, true);
            if let Some(i) = &mut decl.init {
                self.expr(i);
            }
        }
    }

    fn stmts(&mut self, body: &mut [Stmt]) {
        for s in body {
            self.stmt(s, false, false);
        }
    }

    /// A statement in a single-statement position (if/loop/label body).
    fn single(&mut self, s: &mut Stmt, is_loop_body: bool) {
        let decl = match &s.kind {
            StmtKind::VarDecl(d) => d.kind != VarKind::Var,
            StmtKind::FunctionDecl(_) | StmtKind::ClassDecl(_) => true,
            _ => false,
        };
        if decl {
            let inner = std::mem::replace(s, st(StmtKind::Empty));
            *s = st(StmtKind::Block(vec![inner]));
        }
        self.stmt(s, true, is_loop_body);
    }

    fn stmt(&mut self, s: &mut Stmt, _single: bool, _loop_body: bool) {
        match &mut s.kind {
            StmtKind::VarDecl(d) => self.var_decl(d),
            StmtKind::FunctionDecl(f) => {
                if Rc::get_mut(f).map(|f| f.name.is_none()).unwrap_or(true) {
                    Rc::make_mut(f).name = Some("f".into());
                }
                self.function(f)
            }
            StmtKind::ClassDecl(c) => {
                if c.name.is_none() {
                    Rc::make_mut(c).name = Some("C".into());
                }
                self.class(c)
            }
            StmtKind::Expr(e) | StmtKind::Throw(e) => self.expr(e),
            StmtKind::Return(e) => {
                if !self.in_function {
                    *s = st(StmtKind::Empty);
                    return;
                }
                if let Some(e) = e {
                    self.expr(e);
                }
            }
            StmtKind::Break(l) => {
                let ok = match l {
                    Some(l) => self.labels.iter().any(|(n, _)| n == l),
                    None => self.breakables > 0,
                };
                if !ok {
                    *s = st(StmtKind::Empty);
                }
            }
            StmtKind::Continue(l) => {
                let ok = match l {
                    Some(l) => self.labels.iter().any(|(n, is_loop)| n == l && *is_loop),
                    None => self.loops > 0,
                };
                if !ok {
                    *s = st(StmtKind::Empty);
                }
            }
            StmtKind::If { test, cons, alt } => {
                self.expr(test);
                self.single(cons, false);
                if let Some(a) = alt {
                    self.single(a, false);
                    if ends_with_open_if(cons) {
                        let inner = std::mem::replace(&mut **cons, st(StmtKind::Empty));
                        **cons = st(StmtKind::Block(vec![inner]));
                    }
                }
            }
            StmtKind::While { test, body } | StmtKind::DoWhile { body, test } => {
                self.expr(test);
                self.loop_body(body);
            }
            StmtKind::For {
                init,
                test,
                update,
                body,
            } => {
                match init.as_deref_mut() {
                    Some(ForInit::VarDecl(d)) => self.var_decl(d),
                    Some(ForInit::Expr(e)) => self.expr(e),
                    None => {}
                }
                if let Some(t) = test {
                    self.expr(t);
                }
                if let Some(u) = update {
                    self.expr(u);
                }
                self.loop_body(body);
            }
            StmtKind::ForIn { left, right, body } | StmtKind::ForOf { left, right, body } => {
                match &mut **left {
                    ForHead::VarDecl(_, p) => self.pattern(p, true),
                    ForHead::Target(p) => self.pattern(p, false),
                }
                self.expr(right);
                self.loop_body(body);
            }
            StmtKind::Block(b) => self.stmts(b),
            StmtKind::Try {
                block,
                handler,
                finalizer,
            } => {
                self.stmts(block);
                if let Some(h) = handler {
                    if let Some(p) = &mut h.param {
                        self.pattern(p, true);
                    }
                    self.stmts(&mut h.body);
                }
                if let Some(f) = finalizer {
                    self.stmts(f);
                }
            }
            StmtKind::Switch {
                discriminant,
                cases,
            } => {
                self.expr(discriminant);
                self.breakables += 1;
                for c in cases {
                    if let Some(t) = &mut c.test {
                        self.expr(t);
                    }
                    self.stmts(&mut c.body);
                }
                self.breakables -= 1;
            }
            StmtKind::Labeled { label, body } => {
                if self.labels.iter().any(|(n, _)| n == label) {
                    *s = st(StmtKind::Empty);
                    return;
                }
                let is_loop = is_loop_through_labels(body);
                self.labels.push((label.clone(), is_loop));
                if matches!(body.kind, StmtKind::FunctionDecl(_)) {
                    let inner = std::mem::replace(&mut **body, st(StmtKind::Empty));
                    **body = st(StmtKind::Block(vec![inner]));
                }
                self.single(body, false);
                self.labels.pop();
            }
            StmtKind::Empty => {}
        }
    }

    fn loop_body(&mut self, body: &mut Stmt) {
        self.loops += 1;
        self.breakables += 1;
        self.single(body, true);
        self.loops -= 1;
        self.breakables -= 1;
    }
}

fn is_loop_through_labels(s: &Stmt) -> bool {
    match &s.kind {
        StmtKind::Labeled { body, .. } => is_loop_through_labels(body),
        StmtKind::While { .. }
        | StmtKind::DoWhile { .. }
        | StmtKind::For { .. }
        | StmtKind::ForIn { .. }
        | StmtKind::ForOf { .. } => true,
        _ => false,
    }
}

/// Whether `else` after this statement would bind to an inner `if`.
fn ends_with_open_if(s: &Stmt) -> bool {
    match &s.kind {
        StmtKind::If { alt: None, .. } => true,
        StmtKind::If { alt: Some(a), .. } => ends_with_open_if(a),
        StmtKind::While { body, .. }
        | StmtKind::For { body, .. }
        | StmtKind::ForIn { body, .. }
        | StmtKind::ForOf { body, .. } => ends_with_open_if(body),
        StmtKind::Labeled { body, .. } => ends_with_open_if(body),
        _ => false,
    }
}

fn fix_program(mut body: Vec<Stmt>) -> Program {
    let mut f = Fixer {
        super_prop: false,
        super_call: false,
        next: 0,
        labels: Vec::new(),
        loops: 0,
        breakables: 0,
        in_function: false,
    };
    for s in &mut body {
        f.stmt(s, false, false);
    }
    Program { body, span: sp() }
}

fn round_trip(p: &Program) -> Result<(), TestCaseError> {
    let src = print_program(p);
    if std::env::var_os("JOLT_SHOW_GENERATED").is_some() {
        eprintln!("-----{src}");
    }
    match parse(&src) {
        Ok(q) => {
            prop_assert_eq!(&q, p, "printed:\n{}", src);
            Ok(())
        }
        Err(e) => Err(TestCaseError::fail(format!(
            "{}\n(printed from a generated AST)",
            e.render("printed.js", &src)
        ))),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn expressions_round_trip(e in arb_expr()) {
        let p = fix_program(vec![st(StmtKind::Expr(e))]);
        round_trip(&p)?;
    }

    #[test]
    fn statements_round_trip(body in prop::collection::vec(arb_stmt(), 1..4)) {
        let p = fix_program(body);
        round_trip(&p)?;
    }

    #[test]
    fn functions_in_functions_round_trip(body in prop::collection::vec(arb_stmt(), 1..3)) {
        let f = func(FunctionKind::Normal, vec![], None, body, false);
        let mut f = f;
        Rc::make_mut(&mut f).name = Some("outer".into());
        let p = fix_program(vec![st(StmtKind::FunctionDecl(f))]);
        round_trip(&p)?;
    }
}

// -------------------------------------------------- 3. numeric literals

fn num_of(src: &str) -> f64 {
    match parse(src).map(|p| p.body[0].kind.clone()) {
        Ok(StmtKind::Expr(Expr {
            kind: ExprKind::Num(v),
            ..
        })) => v,
        other => panic!("{src}: {other:?}"),
    }
}

/// Correctly rounded (half to even) value of a big unsigned integer given
/// as bits, most significant first.
fn bits_to_f64(bits: &[bool]) -> f64 {
    let bits: Vec<bool> = bits.iter().copied().skip_while(|b| !b).collect();
    if bits.is_empty() {
        return 0.0;
    }
    if bits.len() <= 53 {
        return bits
            .iter()
            .fold(0.0, |acc, &b| acc * 2.0 + if b { 1.0 } else { 0.0 });
    }
    let mut top = bits[..53].iter().fold(0u64, |acc, &b| acc * 2 + b as u64);
    let half = bits[53];
    let sticky = bits[54..].iter().any(|&b| b);
    if half && (sticky || top & 1 == 1) {
        top += 1;
    }
    let exp = (bits.len() - 53) as i32;
    if exp > 1023 {
        return f64::INFINITY;
    }
    top as f64 * 2f64.powi(exp)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn decimal_literals_match_rust(int in "[0-9]{1,25}", frac in prop::option::of("[0-9]{0,25}"), exp in prop::option::of(-400i32..400)) {
        let int = int.trim_start_matches('0');
        let int = if int.is_empty() { "0" } else { int };
        let mut src = int.to_string();
        if let Some(f) = &frac {
            src.push('.');
            src.push_str(f);
        }
        if let Some(e) = exp {
            src.push_str(&format!("e{e}"));
        }
        let want: f64 = src.parse().unwrap();
        prop_assert_eq!(num_of(&src).to_bits(), want.to_bits(), "{}", src);
        // With separators between digits.
        let sep: String = int.chars().flat_map(|c| [c, '_']).collect::<String>().trim_end_matches('_').to_string();
        let src2 = src.replacen(int, &sep, 1);
        prop_assert_eq!(num_of(&src2).to_bits(), want.to_bits(), "{}", src2);
    }

    #[test]
    fn radix_literals_are_correctly_rounded(digits in prop::collection::vec(0u32..16, 1..80), radix in select(&[2u32, 8, 16][..])) {
        let digits: Vec<u32> = digits.into_iter().map(|d| d % radix).collect();
        let bits_per = radix.trailing_zeros();
        let prefix = match radix { 2 => "0b", 8 => "0o", _ => "0x" };
        let src = format!("{prefix}{}", digits.iter().map(|d| char::from_digit(*d, radix).unwrap()).collect::<String>());
        let bits: Vec<bool> = digits.iter().flat_map(|d| (0..bits_per).rev().map(move |i| d >> i & 1 == 1)).collect();
        prop_assert_eq!(num_of(&src).to_bits(), bits_to_f64(&bits).to_bits(), "{}", src);
    }

    #[test]
    fn printed_numbers_round_trip(v in any::<f64>()) {
        let v = v.abs();
        prop_assume!(v.is_finite());
        let src = jolt::front::printer::number_literal(v);
        prop_assert_eq!(num_of(&src).to_bits(), v.to_bits(), "{}", src);
    }
}

#[test]
fn fixer_keeps_unique_names() {
    // Sanity check of the test generator itself: declared names are unique.
    let p = fix_program(vec![
        st(StmtKind::VarDecl(VarDecl {
            kind: VarKind::Let,
            decls: vec![Declarator {
                target: pat(PatternKind::Ident(ident("a"))),
                init: None,
                span: sp(),
            }],
        })),
        st(StmtKind::VarDecl(VarDecl {
            kind: VarKind::Let,
            decls: vec![Declarator {
                target: pat(PatternKind::Ident(ident("a"))),
                init: None,
                span: sp(),
            }],
        })),
    ]);
    let mut seen = HashSet::new();
    for s in &p.body {
        if let StmtKind::VarDecl(d) = &s.kind {
            let mut names = Vec::new();
            d.decls[0].target.bound_names(&mut names);
            assert!(seen.insert(names[0].to_string()));
        }
    }
    assert!(parse(&print_program(&p)).is_ok());
}
