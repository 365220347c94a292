//! AST shapes: ASI, string escapes, numeric literals, optional chains,
//! functions, classes, patterns, spans.

use jolt::front::ast::*;
use jolt::front::parse;

fn prog(src: &str) -> Program {
    parse(src).unwrap_or_else(|e| panic!("{}", e.render("test", src)))
}

fn expr(src: &str) -> Expr {
    let p = prog(src);
    match &p.body[..] {
        [Stmt {
            kind: StmtKind::Expr(e),
            ..
        }] => e.clone(),
        _ => panic!("not one expression statement: {src}"),
    }
}

fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

fn string_value(src: &str) -> Vec<u16> {
    match expr(src).kind {
        ExprKind::Str(s) => s.to_vec(),
        k => panic!("{src}: {k:?}"),
    }
}

fn num_value(src: &str) -> f64 {
    match expr(src).kind {
        ExprKind::Num(v) => v,
        k => panic!("{src}: {k:?}"),
    }
}

#[test]
fn asi() {
    // Each pair parses to the same AST.
    let pairs = [
        ("a\nb", "a; b;"),
        ("a = 1\n(b)", "a = 1(b);"),
        ("a\n++b", "a; ++b;"),
        ("return_: { x\n}", "return_: { x; }"),
        ("function f() { return\n1 }", "function f() { return; 1; }"),
        ("for (;;) { break\nl }", "for (;;) { break; l; }"),
        (
            "l: for (;;) { continue\nl }",
            "l: for (;;) { continue; l; }",
        ),
        ("do x; while (y) z", "do x; while (y); z;"),
        ("x = y\n[1]", "x = y[1];"),
        ("let a = 1\nlet b = 2", "let a = 1; let b = 2;"),
        ("x\n?.5:1", "x ? .5 : 1;"),
        ("a\n?.b", "a?.b;"),
        ("throw a\nb", "throw a; b;"),
        ("var x\n= 1", "var x = 1;"),
        ("x = function(){}\n(1)", "x = function(){}(1);"),
        (
            "class A { a = 1\n b = 2\n m() {} }",
            "class A { a = 1; b = 2; m() {} }",
        ),
        ("x = 1;;", "x = 1; ;"),
        // Annex B HTML-like comments (node honours them in scripts).
        ("x = a <!--b\n", "x = a;"),
        ("x = 5\n--> 1\ny", "x = 5; y;"),
        ("--> first line\nx", "x;"),
        ("x /* c */\n/* d */ --> c\ny", "x; y;"),
        ("x = a-->b", "x = a-- > b;"),
    ];
    for (a, b) in pairs {
        assert_eq!(prog(a), prog(b), "{a:?} vs {b:?}");
    }
    // No ASI where the next token can continue the statement on one line.
    assert!(parse("a b").is_err());
    assert!(parse("if (a) b else c").is_err());
    // `a \n ++ \n b` is `a; ++b`, never `a++`.
    let p = prog("a\n++\nb");
    assert_eq!(p.body.len(), 2);
}

#[test]
fn string_escapes() {
    let cases: &[(&str, Vec<u16>)] = &[
        (r#""\n\t\r\b\f\v\0""#, vec![10, 9, 13, 8, 12, 11, 0]),
        (r#"'\x41\x7e'"#, utf16("A~")),
        (r#"'\u0041\u00e9'"#, utf16("Aé")),
        (r#"'\u{41}\u{1F600}'"#, {
            let mut v = utf16("A");
            v.extend(utf16("\u{1F600}"));
            v
        }),
        (r#"'\u{10FFFF}'"#, vec![0xDBFF, 0xDFFF]),
        (r#"'\uD800'"#, vec![0xD800]),
        (r#"'\uDC00\uD800'"#, vec![0xDC00, 0xD800]),
        (r#"'\u{D83D}\u{DE00}'"#, vec![0xD83D, 0xDE00]),
        ("'a\\\nb'", utf16("ab")),
        ("'a\\\r\nb'", utf16("ab")),
        ("'a\\\rb'", utf16("ab")),
        ("'a\\\u{2028}b'", utf16("ab")),
        ("'a\u{2028}b'", utf16("a\u{2028}b")),
        (r#"'\q\'\"\\'"#, utf16("q'\"\\")),
        ("'é😀'", utf16("é😀")),
    ];
    for (src, want) in cases {
        assert_eq!(&string_value(src), want, "{src}");
    }
}

#[test]
fn template_values() {
    let e = expr("`a${1}\\n${`x${2}`}\r\nb\\u{41}\\`\\${`");
    let ExprKind::Template { quasis, exprs } = e.kind else {
        panic!()
    };
    let q: Vec<Vec<u16>> = quasis.iter().map(|q| q.to_vec()).collect();
    assert_eq!(q, vec![utf16("a"), utf16("\n"), utf16("\nbA`${")]);
    assert_eq!(exprs.len(), 2);
    assert!(matches!(exprs[1].kind, ExprKind::Template { .. }));
    let e = expr("``");
    assert_eq!(
        e.kind,
        ExprKind::Template {
            quasis: vec![utf16("").into()],
            exprs: vec![]
        }
    );
}

#[test]
fn numeric_literals() {
    let cases: &[(&str, f64)] = &[
        ("0", 0.0),
        ("7", 7.0),
        ("1.5", 1.5),
        (".5", 0.5),
        ("5.", 5.0),
        ("1e3", 1000.0),
        ("1E-3", 0.001),
        ("1.5e+2", 150.0),
        ("1_000_000", 1e6),
        ("1_0.2_5e1_0", 10.25e10),
        ("0x1F", 31.0),
        ("0XfF", 255.0),
        ("0o17", 15.0),
        ("0O7_7", 63.0),
        ("0b101", 5.0),
        ("0B1_1", 3.0),
        ("0x1fffffffffffff", 9007199254740991.0),
        // 2^53 + 1 rounds to even (2^53); 2^53 + 3 rounds up.
        ("0x20000000000001", 9007199254740992.0),
        ("0x20000000000003", 9007199254740996.0),
        // Checked against Python int-to-float and node.
        ("0x200000000000010000001", 2.417851639229259e24),
        ("0x1fffffffffffff1", 1.4411518807585586e17),
        (
            "0b11111111111111111111111111111111111111111111111111111",
            9007199254740991.0,
        ),
        ("9007199254740993", 9007199254740992.0),
        ("1e400", f64::INFINITY),
        ("1e-400", 0.0),
        ("5e-324", 5e-324),
        ("0.1", 0.1),
        ("123456789012345678901234567890", 1.2345678901234568e29),
    ];
    for &(src, want) in cases {
        let got = num_value(src);
        assert!(
            got == want && got.is_sign_positive(),
            "{src}: {got} != {want}"
        );
    }
    // Huge hex literals: correctly rounded, infinite past f64::MAX.
    let big = format!("0x{}", "f".repeat(256));
    assert_eq!(num_value(&big), f64::INFINITY);
    let max = format!("0x{}8{}", "f".repeat(13), "0".repeat(242));
    assert_eq!(num_value(&max), f64::MAX);
}

#[test]
fn optional_chain_shape() {
    // a?.b.c(d) : one OptionalChain around the whole chain.
    let e = expr("a?.b.c(d)");
    let ExprKind::OptionalChain(inner) = e.kind else {
        panic!()
    };
    let ExprKind::Call {
        callee, optional, ..
    } = inner.kind
    else {
        panic!()
    };
    assert!(!optional);
    let ExprKind::Member {
        object,
        name,
        optional,
    } = callee.kind
    else {
        panic!()
    };
    assert_eq!(&*name, "c");
    assert!(!optional);
    let ExprKind::Member { optional, .. } = object.kind else {
        panic!()
    };
    assert!(optional);
    // (a?.b).c : the chain ends at the parenthesis.
    let e = expr("(a?.b).c");
    let ExprKind::Member { object, .. } = e.kind else {
        panic!()
    };
    assert!(matches!(object.kind, ExprKind::OptionalChain(_)));
    // a?.[0]?.(1)
    let e = expr("a?.[0]?.(1)");
    let ExprKind::OptionalChain(inner) = e.kind else {
        panic!()
    };
    assert!(matches!(inner.kind, ExprKind::Call { optional: true, .. }));
}

#[test]
fn functions() {
    let p = prog("function f(a, b = 1, c, ...d) { return a; }");
    let StmtKind::FunctionDecl(f) = &p.body[0].kind else {
        panic!()
    };
    assert_eq!(f.name.as_deref(), Some("f"));
    assert_eq!(f.kind, FunctionKind::Normal);
    assert_eq!(f.params.len(), 3);
    assert_eq!(f.length, 1);
    assert!(f.rest.is_some());
    assert!(!f.simple_params);
    assert!(!f.is_expression_body);
    let e = expr("(x, y) => x + y");
    let ExprKind::Function(f) = e.kind else {
        panic!()
    };
    assert_eq!(f.kind, FunctionKind::Arrow);
    assert!(f.is_expression_body);
    assert_eq!(f.length, 2);
    assert!(matches!(f.body[0].kind, StmtKind::Return(Some(_))));
    let e = expr("({ m() {}, get g() { return 1 }, set s(v) {} })");
    let ExprKind::Object(props) = e.kind else {
        panic!()
    };
    let kinds: Vec<FunctionKind> = props
        .iter()
        .map(|p| match &p.kind {
            PropKind::Method { func, .. } => func.kind,
            _ => panic!(),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            FunctionKind::Method,
            FunctionKind::Getter,
            FunctionKind::Setter
        ]
    );
}

#[test]
fn classes() {
    let p = prog(
        "class A extends B { constructor(x) { super(x); } static s = 1; f; m() { return super.m(); } static get g() { return 1; } [k]() {} }",
    );
    let StmtKind::ClassDecl(c) = &p.body[0].kind else {
        panic!()
    };
    assert_eq!(c.name.as_deref(), Some("A"));
    assert!(c.extends.is_some());
    let ctor = c.constructor.as_ref().unwrap();
    assert_eq!(ctor.kind, FunctionKind::DerivedConstructor);
    assert_eq!(c.members.len(), 5);
    assert!(c.members[0].is_static);
    assert!(matches!(
        &c.members[0].kind,
        ClassMemberKind::Field { value: Some(_), .. }
    ));
    assert!(matches!(
        &c.members[1].kind,
        ClassMemberKind::Field { value: None, .. }
    ));
    assert!(
        matches!(&c.members[3].kind, ClassMemberKind::Method { func, .. } if func.kind == FunctionKind::Getter)
    );
    assert!(matches!(
        &c.members[4].kind,
        ClassMemberKind::Method {
            key: PropKey::Computed(_),
            ..
        }
    ));
    let p = prog("class A { constructor() {} }");
    let StmtKind::ClassDecl(c) = &p.body[0].kind else {
        panic!()
    };
    assert_eq!(
        c.constructor.as_ref().unwrap().kind,
        FunctionKind::ClassConstructor
    );
}

#[test]
fn patterns() {
    let e = expr("[a, , b = 1, ...c] = x");
    let ExprKind::Assign { target, .. } = e.kind else {
        panic!()
    };
    let PatternKind::Array { elems, rest } = &target.kind else {
        panic!()
    };
    assert_eq!(elems.len(), 3);
    assert!(elems[1].is_none());
    assert!(elems[2].as_ref().unwrap().default.is_some());
    assert!(rest.is_some());
    let e = expr("({a, b: c.d, [e]: f = 2, ...g} = x)");
    let ExprKind::Assign { target, .. } = e.kind else {
        panic!()
    };
    let PatternKind::Object { props, rest } = &target.kind else {
        panic!()
    };
    assert!(props[0].shorthand);
    assert!(matches!(props[1].value.kind, PatternKind::Member(_)));
    assert!(matches!(props[2].key, PropKey::Computed(_)));
    assert!(props[2].default.is_some());
    assert!(rest.is_some());
    let mut names = Vec::new();
    let p = prog("let {a, b: [c, d = 1], ...e} = x;");
    let StmtKind::VarDecl(d) = &p.body[0].kind else {
        panic!()
    };
    d.decls[0].target.bound_names(&mut names);
    let names: Vec<&str> = names.iter().map(|n| &***n).collect();
    assert_eq!(names, ["a", "c", "d", "e"]);
}

#[test]
fn operators() {
    // ** is right-associative; - binds tighter than +.
    assert_eq!(expr("a ** b ** c"), expr("a ** (b ** c)"));
    assert_eq!(expr("a - b - c"), expr("(a - b) - c"));
    assert_eq!(expr("a + b * c"), expr("a + (b * c)"));
    assert_eq!(expr("a || b && c"), expr("a || (b && c)"));
    assert_eq!(expr("a ?? b ?? c"), expr("(a ?? b) ?? c"));
    assert_eq!(expr("a = b = c"), expr("a = (b = c)"));
    assert_eq!(expr("a ? b : c ? d : e"), expr("a ? b : (c ? d : e)"));
    assert_eq!(expr("new a.b()"), expr("new (a.b)()"));
    assert_eq!(expr("new a()()"), expr("(new a())()"));
}

#[test]
fn spans() {
    let src = "let x = (a + b) * c;";
    let p = prog(src);
    let StmtKind::VarDecl(d) = &p.body[0].kind else {
        panic!()
    };
    assert!(p.body[0].span.same(&jolt::front::Span::new(0, 20)));
    let init = d.decls[0].init.as_ref().unwrap();
    assert_eq!(
        &src[init.span.start as usize..init.span.end as usize],
        "(a + b) * c"
    );
    let ExprKind::Binary { left, right, .. } = &init.kind else {
        panic!()
    };
    // Parenthesized expressions' spans include the parentheses.
    assert_eq!(
        &src[left.span.start as usize..left.span.end as usize],
        "(a + b)"
    );
    assert_eq!(
        &src[right.span.start as usize..right.span.end as usize],
        "c"
    );
}

/// A program using most of the syntax; the printer output parses back to
/// the same AST (the output was also checked with `node --check`).
const SAMPLE: &str = r#"#!/usr/bin/env node
'use strict';
var a = 1, b = 2.5e3, c = .5, d = 5., e = 0x1F, f = 0o17, g = 0b101, h = 1_000_000;
let s = 'it\'s \n \t \u0041 \u{1F600} \x41 \0 \
continued', t = "dq";
const tpl = `a${a + 1}b${`nested ${c}`}c\n`;
function add(x, y = 2, ...rest) { return x + y + rest.length; }
const arrow = (p, q) => p * q, single = v => v ** 2, obj = () => ({ a: 1 });
class Animal extends Object {
  static count = 0;
  name = 'x';
  constructor(name) { super(); this.name = name; Animal.count++; }
  get upper() { return this.name.toUpperCase(); }
  set upper(v) { this.name = v; }
  static create() { return new Animal('z'); }
  speak() { return super.toString(); }
  ['comp' + 1]() {}
}
const o = { a, b: 2, [c]: 3, 'str': 4, 5: 6, m() { return super.x; }, get g() { return 1; }, set g(v) {}, ...rest };
outer: for (let i = 0; i < 10; i++) {
  for (const k in o) { if (k) continue outer; else break; }
  for (const v of [1, , 3]) { switch (v) { case 1: break; default: continue; } }
}
do x++; while (x < 10)
while (false) {}
try { throw new Error('e'); } catch (err) { print(err?.message); } finally { }
try {} catch { }
x = a ? b : c ? d : e;
x = a ?? b;
x = (a || b) ?? c;
x = a?.b?.[c]?.(d).e;
x = (a?.b).c;
x = typeof a === 'string' && !b || void 0;
x = -(-a); x = +-a; x = - --a;
x += 1; x -= 1; x **= 2; x &&= 1; x ||= 2; x ??= 3; x >>>= 1;
[a, b] = [b, a];
({ a, b: { c: d = 1 }, ...e } = o);
let [p1, [p2 = 3], ...p3] = arr, { q1, q2: { q3 } = {} } = obj2;
delete o.a; delete o[b];
x = new Foo; x = new Foo.Bar(1)(2); x = new (foo())();
f(...args, 1);
x = a in b; x = a instanceof B;
label: { break label; }
if (a) b(); else if (c) d(); else { e(); }
x = function named() { return arguments; };
x = class Named {};
x = (1).toString() + 1..toString();
x = a
++b
var u = 2 ** -1, w = (-2) ** 2;
"#;

#[test]
fn sample_program_round_trips() {
    let p = prog(SAMPLE);
    assert!(p.body.len() > 40);
    let printed = jolt::front::printer::print_program(&p);
    assert_eq!(prog(&printed), p, "{printed}");
    jolt::front::check_parse_no_panic(SAMPLE.as_bytes());
}
