//! Deep nesting of every kind parses (below the limit) or fails cleanly
//! (above it) on a 2 MiB thread stack, in debug builds too.

use jolt::front::{parse, printer::print_program};

fn kinds(n: usize) -> Vec<(&'static str, String)> {
    let r = |s: &str, k: usize| s.repeat(k);
    vec![
        ("parens", format!("{}1{}", r("(", n), r(")", n))),
        ("arrays", format!("{}1{}", r("[", n), r("]", n))),
        ("objects", format!("x = {}1{}", r("{a:", n), r("}", n))),
        ("blocks", format!("{}{}", r("{", n), r("}", n))),
        ("assign chain", format!("{}1", r("a=", n))),
        ("neg", format!("{}x", r("- ", n))),
        ("not", format!("{}x", r("!", n))),
        ("typeof", format!("{}x", r("typeof ", n))),
        ("preinc", format!("{}x", r("++", 1))),
        ("if", format!("{};", r("if(1)", n))),
        ("while", format!("{};", r("while(1)", n))),
        ("for", format!("{};", r("for(;;)", n))),
        (
            "labels",
            (0..n).map(|i| format!("l{i}:")).collect::<String>() + ";",
        ),
        (
            "functions",
            format!("{}{}", r("function f(){", n), r("}", n)),
        ),
        (
            "function exprs",
            format!("x = {}1{}", r("function(){ return ", n), r("}", n)),
        ),
        ("arrows", format!("{}1", r("x=>", n))),
        ("paren arrows", format!("{}1", r("(x)=>", n))),
        ("block arrows", format!("{}{}", r("()=>{", n), r("}", n))),
        ("conditional", format!("{}c", r("a?b:", n))),
        ("conditional cons", format!("{}c{}", r("a?", n), r(":b", n))),
        ("calls", format!("{}1{}", r("f(", n), r(")", n))),
        ("new", format!("{}X", r("new ", n))),
        ("index", format!("{}1{}", r("a[", n), r("]", n))),
        ("template", format!("{}1{}", r("`${", n), r("}`", n))),
        (
            "classes",
            format!("{}{}", r("class A { m(){ ", n), r("} }", n)),
        ),
        (
            "array patterns",
            format!("var {}a{} = 1", r("[", n), r("]", n)),
        ),
        (
            "object patterns",
            format!("var {}a{} = 1", r("{a:", n), r("}", n)),
        ),
        (
            "assign patterns",
            format!("{}a{} = 1", r("[", n), r("]", n)),
        ),
        ("exp", format!("{}1", r("2**", n))),
        (
            "mixed",
            format!("{}1{}", r("([{a:-(", n / 4), r(")}])", n / 4)),
        ),
        ("try", format!("{}{}", r("try{", n), r("}finally{}", n))),
        (
            "switch",
            format!("{}{}", r("switch(1){case 1:", n), r("}", n)),
        ),
    ]
}

fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn deep_nesting_below_limit_parses() {
    on_small_stack(|| {
        for (name, src) in kinds(100) {
            if let Err(e) = parse(&src) {
                panic!("{name}: {}", e.render("deep", &src));
            }
        }
    });
}

#[test]
fn deep_nesting_round_trips() {
    on_small_stack(|| {
        for (_name, src) in kinds(100) {
            jolt::front::check_parse_no_panic(src.as_bytes());
        }
    });
}

#[test]
fn deep_nesting_near_limit_does_not_crash() {
    on_small_stack(|| {
        for n in [150, 190, 260, 390, 399, 400, 401, 1000, 20000] {
            for (_name, src) in kinds(n) {
                let _ = parse(&src);
            }
        }
    });
}

#[test]
fn deep_nesting_over_limit_is_an_error() {
    on_small_stack(|| {
        for (name, src) in kinds(1000) {
            if name == "preinc" || name == "labels" || name == "mixed" {
                continue;
            }
            let e = parse(&src).expect_err(name);
            assert_eq!(e.message, "too much nesting", "{name}");
        }
    });
}

fn flat_chains(n: usize) -> Vec<String> {
    vec![
        format!("x = 1{}", "+1".repeat(n)),
        format!("x = a{}", ".b".repeat(n)),
        format!("x = a{}", "[0]".repeat(n)),
        format!("x = f{}", "()".repeat(n)),
        format!("x = a{}", "?.b".repeat(n)),
        format!("x = 1{}", "*2-3".repeat(n)),
        format!("x = a{}", " || b".repeat(n)),
        format!("x = a{}", " ?? b".repeat(n)),
        format!("x = 1{}", ",1".repeat(n)),
        "x = 1;\n".repeat(n),
        format!("x = [{}]", "1,".repeat(n)),
        format!("x = `{}`", "${1}a".repeat(n)),
        format!("x = {{{}}}", "a: 1,".repeat(n)),
        format!("f({})", "1,".repeat(n)),
    ]
}

/// Long left-associative chains are parsed by loops and dropped without
/// recursion (the AST is as deep as the chain is long).
#[test]
fn long_flat_chains_are_iterative() {
    on_small_stack(|| {
        for src in flat_chains(50_000) {
            let p = parse(&src).unwrap_or_else(|e| panic!("{}", e.render("flat", &src)));
            drop(p);
        }
    });
}

/// The printer and `==` recurse, so round-trip shorter chains.
#[test]
fn flat_chains_round_trip() {
    on_small_stack(|| {
        for src in flat_chains(1000) {
            let p = parse(&src).unwrap();
            let printed = print_program(&p);
            assert!(parse(&printed).unwrap() == p, "{printed}");
        }
    });
}
