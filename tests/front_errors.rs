//! Syntax errors: messages (node v20's wording), positions and rendering;
//! unsupported features; a list of valid programs that must parse.

use jolt::front::{line_col, parse, LineIndex};

/// (source, message, line, column): messages are node v20's (except
/// where jolt reports an unsupported feature); positions checked by hand.
const ERRORS: &[(&str, &str, u32, u32)] = &[
    ("for (async of x);", "The left-hand side of a for-of loop may not be 'async'.", 1, 6),
    ("class A { x = arguments; }", "'arguments' is not allowed in class field initializer or static initialization block", 1, 15),
    ("class A { x = () => arguments; }", "'arguments' is not allowed in class field initializer or static initialization block", 1, 21),
    ("a ?? b || c", "Unexpected token '||'", 1, 8),
    ("a || b ?? c", "Unexpected token '??'", 1, 8),
    ("a && b ?? c", "Unexpected token '??'", 1, 8),
    ("-a ** 2", "Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence", 1, 1),
    ("a?.b = 1", "Invalid left-hand side in assignment", 1, 1),
    ("a?.b++", "Invalid left-hand side expression in postfix operation", 1, 1),
    ("new a?.b()", "Invalid optional chain from new expression", 1, 6),
    ("++a?.b", "Invalid left-hand side expression in prefix operation", 1, 3),
    ("for (let x = 1 of y);", "for-of loop variable declaration may not have an initializer.", 1, 10),
    ("for (let x = 1 in y);", "for-in loop variable declaration may not have an initializer.", 1, 10),
    ("for (let x, y of z);", "Invalid left-hand side in for-of loop: Must have a single binding.", 1, 10),
    ("({a=1})", "Invalid shorthand property initializer", 1, 3),
    ("[...a, b] = x", "Rest element must be last element", 1, 5),
    ("function f(...a, b){}", "Rest parameter must be last formal parameter", 1, 16),
    ("function f(...a = 1){}", "Rest parameter may not have a default initializer", 1, 17),
    ("(...a, b) => 1", "Rest parameter must be last formal parameter", 1, 6),
    ("({get a(x){}})", "Getter must not have any formal parameters.", 1, 8),
    ("({set a(){}})", "Setter must have exactly one formal parameter.", 1, 8),
    ("({set a(...x){}})", "Setter function argument must not be a rest parameter", 1, 8),
    ("class A { get constructor(){} }", "Class constructor may not be an accessor", 1, 15),
    ("class A { constructor(){} constructor(){} }", "A class may only have one constructor", 1, 27),
    ("class A { static prototype(){} }", "Classes may not have a static property named 'prototype'", 1, 18),
    ("class A { static prototype = 1 }", "Classes may not have a static property named 'prototype'", 1, 18),
    ("class A { constructor = 1 }", "Classes may not have a field named 'constructor'", 1, 11),
    ("a\n=>1", "Unexpected token '=>'", 2, 1),
    ("with (a) {}", "Strict mode code may not include a with statement", 1, 1),
    ("010", "Octal literals are not allowed in strict mode.", 1, 1),
    ("08", "Decimals with leading zeros are not allowed in strict mode.", 1, 1),
    ("'\\01'", "Octal escape sequences are not allowed in strict mode.", 1, 3),
    ("'\\8'", "\\8 and \\9 are not allowed in strict mode.", 1, 2),
    ("`\\01`", "Octal escape sequences are not allowed in template strings.", 1, 3),
    ("x = 1__0", "Only one underscore is allowed as numeric separator", 1, 7),
    ("x = 1_", "Numeric separators are not allowed at the end of numeric literals", 1, 6),
    ("x = 0_1", "Numeric separator can not be used after leading 0.", 1, 6),
    ("x = 0x", "Invalid or unexpected token", 1, 5),
    ("x = 1e", "Invalid or unexpected token", 1, 5),
    ("x = 3in x", "Invalid or unexpected token", 1, 5),
    ("'\\x4'", "Invalid hexadecimal escape sequence", 1, 2),
    ("'\\u00g'", "Invalid Unicode escape sequence", 1, 2),
    ("'\\u{110000}'", "Undefined Unicode code-point", 1, 2),
    ("delete x", "Delete of an unqualified identifier in strict mode.", 1, 8),
    ("delete (x)", "Delete of an unqualified identifier in strict mode.", 1, 8),
    ("eval = 1", "Unexpected eval or arguments in strict mode", 1, 1),
    ("arguments++", "Unexpected eval or arguments in strict mode", 1, 1),
    ("var eval", "Unexpected eval or arguments in strict mode", 1, 5),
    ("function f(eval) {}", "Unexpected eval or arguments in strict mode", 1, 12),
    ("let let = 1", "Unexpected strict mode reserved word", 1, 5),
    ("var yield", "Unexpected strict mode reserved word", 1, 5),
    ("var static", "Unexpected strict mode reserved word", 1, 5),
    ("implements", "Unexpected strict mode reserved word", 1, 1),
    ("let x; let x;", "Identifier 'x' has already been declared", 1, 12),
    ("var x; let x;", "Identifier 'x' has already been declared", 1, 12),
    ("let x; var x;", "Identifier 'x' has already been declared", 1, 12),
    ("let x; { var x; }", "Identifier 'x' has already been declared", 1, 14),
    ("const x = 1; function x() {}", "Identifier 'x' has already been declared", 1, 23),
    ("class C {} var C;", "Identifier 'C' has already been declared", 1, 16),
    ("function f(a){ let a }", "Identifier 'a' has already been declared", 1, 20),
    ("function f(a, a){}", "Duplicate parameter name not allowed in this context", 1, 15),
    ("(a, a) => 1", "Duplicate parameter name not allowed in this context", 1, 5),
    ("try {} catch (e) { let e }", "Identifier 'e' has already been declared", 1, 24),
    ("{ function f(){} function f(){} }", "Identifier 'f' has already been declared", 1, 27),
    ("function f(){} let f;", "Identifier 'f' has already been declared", 1, 20),
    ("if (1) function f(){}", "In strict mode code, functions can only be declared at top level or inside a block.", 1, 8),
    ("if (1) let x = 1;", "Lexical declaration cannot appear in a single-statement context", 1, 8),
    ("while (1) class A {}", "Unexpected token 'class'", 1, 11),
    ("return", "Illegal return statement", 1, 1),
    ("break", "Illegal break statement", 1, 1),
    ("continue", "Illegal continue statement: no surrounding iteration statement", 1, 1),
    ("x: x: ;", "Label 'x' has already been declared", 1, 4),
    ("break foo", "Undefined label 'foo'", 1, 7),
    ("x: { continue x; }", "Illegal continue statement: 'x' does not denote an iteration statement", 1, 15),
    ("x: while(1) { continue y; }", "Undefined label 'y'", 1, 24),
    ("super()", "'super' keyword unexpected here", 1, 1),
    ("({m(){ super() }})", "'super' keyword unexpected here", 1, 8),
    ("class A { m(){ super() } }", "'super' keyword unexpected here", 1, 16),
    ("function f(){ super.x }", "'super' keyword unexpected here", 1, 15),
    ("const x;", "Missing initializer in const declaration", 1, 7),
    ("for (const x;;);", "Missing initializer in const declaration", 1, 12),
    ("a b", "Unexpected identifier 'b'", 1, 3),
    ("f(a b)", "missing ) after argument list", 1, 5),
    ("[a", "Unexpected end of input", 1, 3),
    ("{", "Unexpected end of input", 1, 2),
    ("'abc", "Invalid or unexpected token", 1, 1),
    ("1 2", "Unexpected number", 1, 3),
    ("'a' 'b'", "Unexpected string", 1, 5),
    ("@", "Invalid or unexpected token", 1, 1),
    ("#", "Invalid or unexpected token", 1, 1),
    ("var \\u0069f", "Keyword must not contain escaped characters", 1, 5),
    ("x = {__proto__: 1, __proto__: 2}", "Duplicate __proto__ fields are not allowed in object literals", 1, 20),
    ("function f(a = 1){ \"use strict\" }", "Illegal 'use strict' directive in function with non-simple parameter list", 1, 20),
    ("throw\n1", "Illegal newline after throw", 1, 1),
    ("var a = 1 var b", "Unexpected token 'var'", 1, 11),
    ("()", "Unexpected token ')'", 1, 2),
    ("() => {} ()", "Unexpected token '('", 1, 10),
    ("new.foo", "Unexpected identifier 'foo'", 1, 5),
    ("super", "'super' keyword unexpected here", 1, 1),
    ("this = 1", "Invalid left-hand side in assignment", 1, 1),
    ("1 = 2", "Invalid left-hand side in assignment", 1, 1),
    ("([a]) = 1", "Invalid left-hand side in assignment", 1, 1),
    ("({a}) = 1", "Invalid left-hand side in assignment", 1, 1),
    ("a => { } + 1", "Unexpected token '+'", 1, 10),
    ("let [a, a] = x", "Identifier 'a' has already been declared", 1, 9),
    ("var {a:1} = x", "Invalid destructuring assignment target", 1, 8),
    ("({a:1} = x)", "Invalid destructuring assignment target", 1, 5),
    ("[a, ...b,] = x", "Rest element must be last element", 1, 8),
    ("let [...a,] = x", "Rest element must be last element", 1, 6),
    ("({...a,} = x)", "Rest element must be last element", 1, 6),
    ("({...{a}} = x)", "`...` must be followed by an assignable reference in assignment contexts", 1, 6),
    ("let {...{a}} = x", "`...` must be followed by an identifier in declaration contexts", 1, 9),
    ("label: function f(){}", "In strict mode code, functions can only be declared at top level or inside a block.", 1, 8),
    ("for(;;) let x", "Lexical declaration cannot appear in a single-statement context", 1, 9),
    ("0b12", "Invalid or unexpected token", 1, 4),
    ("0o8", "Invalid or unexpected token", 1, 3),
    ("0x1g", "Invalid or unexpected token", 1, 1),
    ("5.toString()", "Invalid or unexpected token", 1, 1),
    ("1_e5", "Numeric separators are not allowed at the end of numeric literals", 1, 2),
    ("1._5", "Invalid or unexpected token", 1, 3),
    (".e", "Unexpected token '.'", 1, 1),
    ("x = 'a\nb'", "Invalid or unexpected token", 1, 5),
    ("var a, b, a; let b;", "Identifier 'b' has already been declared", 1, 18),
    ("switch (1) { case 1: let z; case 2: let z; }", "Identifier 'z' has already been declared", 1, 41),
    ("switch (1) { default: default: }", "More than one default clause in switch statement", 1, 23),
    ("try {}", "Missing catch or finally after try", 1, 7),
    ("x = {a b}", "Unexpected identifier 'b'", 1, 8),
    ("x = [a b]", "Unexpected identifier 'b'", 1, 8),
    ("if (a", "Unexpected end of input", 1, 6),
    ("x = a ? b", "Unexpected end of input", 1, 10),
    ("x = a ? b :", "Unexpected end of input", 1, 12),
    ("function () {}", "Function statements require a function name", 1, 10),
    ("function f( {}", "Unexpected end of input", 1, 15),
    ("class { }", "Unexpected token '{'", 1, 7),
    ("class A extends {}", "Unexpected end of input", 1, 19),
    ("x = a.1", "Unexpected number", 1, 6),
    ("x = a.", "Unexpected end of input", 1, 7),
    ("x = a?.", "Unexpected end of input", 1, 8),
    ("x = a[", "Unexpected end of input", 1, 7),
    ("var 1", "Unexpected number", 1, 5),
    ("let", "Unexpected end of input", 1, 4),
    ("let x = 1, ;", "Unexpected token ';'", 1, 12),
    ("x = y + ;", "Unexpected token ';'", 1, 9),
    ("x = ++;", "Unexpected token ';'", 1, 7),
    ("for (;;", "Unexpected end of input", 1, 8),
    ("for (x of y, z);", "Unexpected token ','", 1, 12),
    ("for (let x of);", "Unexpected token ')'", 1, 14),
    ("x = (a, b) => { return }; return", "Illegal return statement", 1, 27),
    ("({a}) => { let a }", "Identifier 'a' has already been declared", 1, 16),
    ("(a) => { let a }", "Identifier 'a' has already been declared", 1, 14),
    ("x => { let x }", "Identifier 'x' has already been declared", 1, 12),
    ("function f() { for (;;) { break; } continue; }", "Illegal continue statement: no surrounding iteration statement", 1, 36),
    ("l: l2: { l: ; }", "Label 'l' has already been declared", 1, 10),
    ("x = `${a}", "Unterminated template literal", 1, 9),
    ("x = `", "Unterminated template literal", 1, 5),
    ("x = \"\\u{}\"", "Invalid Unicode escape sequence", 1, 6),
    ("x = \"\\u{FFFFFFFFF}\"", "Undefined Unicode code-point", 1, 6),
    ("x = \"\\u12\"", "Invalid Unicode escape sequence", 1, 6),
    ("x = \"\\xZZ\"", "Invalid hexadecimal escape sequence", 1, 6),
    ("\"\\9\"", "\\8 and \\9 are not allowed in strict mode.", 1, 2),
    ("`\\9`", "\\8 and \\9 are not allowed in template strings.", 1, 2),
    ("x = 08.5", "Decimals with leading zeros are not allowed in strict mode.", 1, 5),
    ("x = 1e+", "Invalid or unexpected token", 1, 5),
    ("x = 0x_1", "Invalid or unexpected token", 1, 7),
    ("x = 0b", "Invalid or unexpected token", 1, 5),
    ("({a = 1}.b = 2)", "Invalid shorthand property initializer", 1, 3),
    ("f({a = 1})", "Invalid shorthand property initializer", 1, 4),
    ("x = [{a = 1}]", "Invalid shorthand property initializer", 1, 7),
    ("for ({a = 1};;);", "Invalid shorthand property initializer", 1, 7),
    ("({a: 1} = 1)", "Invalid destructuring assignment target", 1, 6),
    ("x = ({a = 1}, 2) => 3", "Invalid destructuring assignment target", 1, 15),
    ("x = (a, {b = 1})", "Invalid shorthand property initializer", 1, 10),
    ("`${{a = 1}}`", "Invalid shorthand property initializer", 1, 5),
    ("x = {a = 1}.b", "Invalid shorthand property initializer", 1, 6),
    ("x = ([...a.b]) => 1", "Illegal property in declaration context", 1, 10),
    ("x = ({a: b.c}) => 1", "Illegal property in declaration context", 1, 10),
    ("x = ((a)) => 1", "Invalid destructuring assignment target", 1, 6),
    ("x = (a, a) => 1", "Duplicate parameter name not allowed in this context", 1, 9),
    ("x = ({a, b: a}) => 1", "Duplicate parameter name not allowed in this context", 1, 13),
    ("x = (eval) => 1", "Unexpected eval or arguments in strict mode", 1, 6),
    ("x = (a, ...b,) => 1", "Rest parameter must be last formal parameter", 1, 13),
    ("x = (...a = 1) => 1", "Rest parameter may not have a default initializer", 1, 11),
    ("try {} catch ({a}) { let a }", "Identifier 'a' has already been declared", 1, 26),
    // U+2E2F VERTICAL TILDE is Lm but Pattern_Syntax: not ID_Start/ID_Continue
    ("var \u{2E2F} = 1;", "Invalid or unexpected token", 1, 5),
    ("var a\u{2E2F} = 1;", "Invalid or unexpected token", 1, 6),
    ("var \\u2E2F = 1;", "Invalid or unexpected token", 1, 5),
    ("var a\\u2E2F = 1;", "Invalid or unexpected token", 1, 5),
    // a `/` that cannot start a regular expression literal (no closing `/`
    // on its line): V8's early error before "not supported"
    ("var x = /a\n/;", "Invalid regular expression: missing /", 1, 9),
    ("function f(){/ ABC}", "Invalid regular expression: missing /", 1, 14),
    ("x = /[/\n]/", "Invalid regular expression: missing /", 1, 5),
];

#[test]
fn error_messages_and_positions() {
    let mut failures = Vec::new();
    for &(src, msg, line, col) in ERRORS {
        match parse(src) {
            Ok(_) => failures.push(format!("{src:?}: parsed, expected {msg:?}")),
            Err(e) => {
                let (l, c) = line_col(src, e.span.start);
                if e.message != msg || (l, c) != (line, col) {
                    failures.push(format!(
                        "{src:?}: got {:?} @{l}:{c}, expected {msg:?} @{line}:{col}",
                        e.message
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// (source, feature message, column of the caret)
const UNSUPPORTED: &[(&str, &str, u32)] = &[
    (
        "x = /re/g;",
        "regular expressions are not supported by jolt",
        5,
    ),
    (
        "f(1, /=/);",
        "regular expressions are not supported by jolt",
        6,
    ),
    (
        "function* g() {}",
        "generators are not supported by jolt",
        9,
    ),
    (
        "x = function* () {};",
        "generators are not supported by jolt",
        13,
    ),
    (
        "x = { *g() {} };",
        "generators are not supported by jolt",
        7,
    ),
    (
        "class A { *g() {} }",
        "generators are not supported by jolt",
        11,
    ),
    (
        "async function f() {}",
        "async functions are not supported by jolt",
        1,
    ),
    (
        "x = async function () {};",
        "async functions are not supported by jolt",
        5,
    ),
    (
        "x = async () => 1;",
        "async functions are not supported by jolt",
        5,
    ),
    (
        "x = async x => 1;",
        "async functions are not supported by jolt",
        5,
    ),
    (
        "x = { async m() {} };",
        "async functions are not supported by jolt",
        7,
    ),
    (
        "class A { async m() {} }",
        "async functions are not supported by jolt",
        11,
    ),
    (
        "for await (x of y);",
        "async functions are not supported by jolt",
        5,
    ),
    ("f`x`;", "tagged templates are not supported by jolt", 2),
    (
        "a.b`x${1}`;",
        "tagged templates are not supported by jolt",
        4,
    ),
    ("x = 10n;", "BigInt literals are not supported by jolt", 5),
    (
        "class A { #x = 1; }",
        "private class members are not supported by jolt",
        11,
    ),
    (
        "x = a.#b;",
        "private class members are not supported by jolt",
        7,
    ),
    (
        "class A { static { } }",
        "class static blocks are not supported by jolt",
        18,
    ),
    (
        "import x from 'y';",
        "modules (import/export) are not supported by jolt",
        1,
    ),
    (
        "export const x = 1;",
        "modules (import/export) are not supported by jolt",
        1,
    ),
    (
        "x = import('m');",
        "modules (import/export) are not supported by jolt",
        5,
    ),
    (
        "function f() { return new.target; }",
        "new.target is not supported by jolt",
        23,
    ),
    (
        "debugger;",
        "debugger statements are not supported by jolt",
        1,
    ),
    (
        "with (o) {}",
        "Strict mode code may not include a with statement",
        1,
    ),
];

#[test]
fn unsupported_features() {
    for &(src, msg, col) in UNSUPPORTED {
        let e = parse(src).expect_err(src);
        assert_eq!(e.message, msg, "{src}");
        assert_eq!(line_col(src, e.span.start), (1, col), "{src}");
    }
}

#[test]
fn render_format() {
    let src = "let a = 1;\nlet b = a +* 2;\n";
    let e = parse(src).unwrap_err();
    assert_eq!(
        e.render("t.js", src),
        "t.js:2:12\nlet b = a +* 2;\n           ^\nSyntaxError: Unexpected token '*'"
    );
    // Columns count UTF-16 units; the caret is indented by chars.
    let src = "x = '\u{1F600}' @";
    let e = parse(src).unwrap_err();
    assert_eq!(
        e.render("u.js", src),
        "u.js:1:10\nx = '\u{1F600}' @\n        ^\nSyntaxError: Invalid or unexpected token"
    );
    // CRLF and U+2028 are line breaks.
    let src = "a;\r\nb;\u{2028}c d";
    let e = parse(src).unwrap_err();
    assert_eq!(
        e.render("v.js", src),
        "v.js:3:3\nc d\n  ^\nSyntaxError: Unexpected identifier 'd'"
    );
    // End of input.
    let src = "f(";
    let e = parse(src).unwrap_err();
    assert_eq!(
        e.render("w.js", src),
        "w.js:1:3\nf(\n  ^\nSyntaxError: Unexpected end of input"
    );
}

#[test]
fn line_index() {
    let src = "ab\ncd\r\nef\rg\u{2028}h\u{2029}\u{e9}\u{1F600}x";
    let idx = LineIndex::new(src);
    assert_eq!(idx.line_col(src, 0), (1, 1));
    assert_eq!(idx.line_col(src, 3), (2, 1));
    assert_eq!(idx.line_col(src, 4), (2, 2));
    assert_eq!(idx.line_col(src, 7), (3, 1));
    assert_eq!(idx.line_col(src, 10), (4, 1));
    assert_eq!(idx.line_col(src, 11), (4, 2));
    let h = src.find('h').unwrap() as u32;
    assert_eq!(idx.line_col(src, h), (5, 1));
    let x = src.find('x').unwrap() as u32;
    // é is 1 UTF-16 unit, 😀 is 2.
    assert_eq!(idx.line_col(src, x), (6, 4));
    assert_eq!(idx.line_col(src, src.len() as u32 + 10), (6, 5));
    assert_eq!(line_col(src, x), (6, 4));
}

/// Programs that must parse (each checked with node v20 too).
const VALID: &[&str] = &[
    "a\n++b",
    "x => { }\n(1)",
    "var async = 1; async\n(1)",
    "let x = 1; { let x = 2; }",
    "var x; var x;",
    "function f(){} var f;",
    "function f(){} function f(){}",
    "for (let i = 0;;) { let i = 1; }",
    "try {} catch (e) { var e; }",
    "switch (1) { case 1: let a; break; default: }",
    "x = {get: 1, set: 2, async: 3, static: 4, new: 5, get a() { return 1 }, set a(v) {}}",
    "x = {get() {}, set() {}, async() {}}",
    "class A { get; set; static; async; get = 1; static static() {} static get x() { return 1 } }",
    "class A { 'constructor'() {} }",
    "class A { static constructor() {} }",
    "class A { m() {} n }",
    "class A extends B { constructor() { super(); super.x; (() => super())(); } }",
    "x = { m() { return () => super.m(); } }",
    "a: b: for (;;) { continue a; }",
    "a: { b: { break a; } }",
    "x = a ? b => c : d => e",
    "x = async => async",
    "x = ({a, b: [c, d] = [], ...e}) => a",
    "x = ([a, , b = 1, ...c]) => a",
    "x = (a = 1, {b} = {}, [c] = []) => 0",
    "[a.b, c[0], ...d.e] = x",
    "({a: b.c, d: e[0] = 1, ...f.g} = x)",
    "for ([a, b] of x);",
    "for ({a} of x);",
    "for (a.b in x);",
    "for (let [a, b] of x);",
    "for (const {a} of x);",
    "for (var i = 0, j = 1; i < j; i++, j--);",
    "for (x = (a in b);;);",
    "x = `a${b}c${d}e`",
    "x = `\\``; x = `$`; x = `$ {`; x = `\\${a}`",
    "x = a?.b.c?.(d)?.[e]",
    "x = a?.5:1",
    "x = new new A()()",
    "x = new (a.b().c)",
    "x = ((a)) = 1",
    "x = (-1) ** 2; x = 2 ** -1; x = a ** b ** c",
    "x = a++ + ++b; x = a-- - --b; x = a + + b; x = a - - b",
    "x = 1..toString(); x = 1.5.toFixed()",
    "do ; while (0) x = 1",
    "label: for (;;) break label",
    "x = a\n/b/g",
    "x = y => ({ a: 1 })",
    "var \\u0061bc = 1; abc",
    "x = [,]; x = [,,]; x = [1,,2,]",
    "x = f(a, ...b, c,)",
    "function f(a, b,) {}",
    "x = (a, b,) => 1",
    "x = a ?? (b || c); x = (a ?? b) || c; x = a ?? b ?? c",
    "x = { __proto__: null, __proto__() {} }",
    "({__proto__: a, __proto__: b} = x)",
    "x = eval; x = arguments; f(eval, arguments)",
    "try {} finally {}",
    "try {} catch {} finally {}",
    "x = a / b / c; x /= 2; x = (a) / 2; x = [] / 2; x = {} / 2; x++ / 2",
    "#!/usr/bin/env node\nx = 1",
    "\u{FEFF}x\u{A0}=\u{3000}1",
    "/* a\n */ x = 1 // c",
    "x = 1 /* */ + /* \n */ 2",
    "for (async.x of y);",
    "var \u{212E} = 1, \u{2118}x, a\u{300}",
    "class A { x = function () { return arguments; }; }",
];

#[test]
fn valid_programs_parse() {
    for src in VALID {
        if let Err(e) = parse(src) {
            panic!("{}", e.render("valid", src));
        }
    }
}

/// `arguments` at top level (node's module wrapper's) is outside the subset:
/// a compile-time error, also when an arrow at top level reads it.
#[test]
fn arguments_at_top_level_is_rejected() {
    for src in ["print(arguments.length);", "const f = () => arguments[0];"] {
        let out = jolt::run(src, "t.js", Default::default(), false);
        match out.end {
            jolt::End::SyntaxError(m) => assert!(
                m.contains("`arguments` at top level is not supported by jolt"),
                "{src}: {m}"
            ),
            other => panic!("{src}: {other:?}"),
        }
    }
    let ok = jolt::run(
        "function f() { return arguments.length; } print(f(1, 2));",
        "t.js",
        Default::default(),
        false,
    );
    assert_eq!(ok.end, jolt::End::Normal);
    assert_eq!(ok.stdout, b"2\n");
}
