//! `arguments` compiles without an object exactly when it does not escape:
//! only `arguments.length` and `arguments[i]` reads, directly in the
//! function (tests/js/arguments_fast.js and arguments_escape.js check the
//! results against node under every plan; this checks the choice).

use jolt::bytecode::{FuncProto, Opcode};

/// The opcodes of the function named `name` (searched depth-first).
fn opcodes_of(p: &FuncProto, name: &str) -> Option<Vec<Opcode>> {
    if p.name == name {
        return Some(p.code.iter().map(|i| i.opcode()).collect());
    }
    p.children.iter().find_map(|c| opcodes_of(c, name))
}

fn ops(src: &str, name: &str) -> Vec<Opcode> {
    let p = jolt::compile_source(src, "t.js").unwrap();
    opcodes_of(&p, name).unwrap_or_else(|| panic!("no function {name}"))
}

#[test]
fn reads_only_make_no_object() {
    for src in [
        "function f() { return arguments.length; }",
        "function f(a, b) { a = 1; return arguments[0] + arguments[b]; }",
        "function f(a = arguments.length) { return arguments[arguments.length - 1]?.x; }",
        "function f() { return typeof arguments[0] + arguments.length.toFixed(1); }",
        "function f() { function g() { return arguments; } return arguments[0]; }",
        "function f() { const a = () => arguments; function f2() { return arguments[0]; } }",
    ] {
        let name = if src.contains("f2()") { "f2" } else { "f" };
        let o = ops(src, name);
        assert!(!o.contains(&Opcode::CreateArguments), "{src}: {o:?}");
        assert!(
            o.contains(&Opcode::ArgGet) || o.contains(&Opcode::ArgCount),
            "{src}: {o:?}"
        );
    }
}

#[test]
fn every_other_use_makes_the_object() {
    for src in [
        "function f() { return arguments; }",
        "function f() { return arguments.callee; }",
        "function f() { return arguments[0](); }",
        "function f() { arguments[0] = 1; return arguments[0]; }",
        "function f() { arguments[0]++; return arguments.length; }",
        "function f() { delete arguments[0]; return arguments.length; }",
        "function f() { [arguments[0]] = [1]; return arguments.length; }",
        "function f() { arguments.length = 0; return arguments[0]; }",
        "function f() { return arguments?.length; }",
        "function f() { return arguments?.[0]; }",
        "function f() { return (() => arguments[0])(); }",
        "function f() { for (const x of arguments) return x; }",
        "function f(...r) { return arguments.length + r.length; }",
        "function f() { return new arguments[0](); }",
    ] {
        let o = ops(src, "f");
        assert!(o.contains(&Opcode::CreateArguments), "{src}: {o:?}");
        assert!(
            !o.contains(&Opcode::ArgGet) && !o.contains(&Opcode::ArgCount),
            "{src}"
        );
    }
}

#[test]
fn fast_and_escaping_agree_on_results() {
    // The same reads, once alone (fast) and once beside an escaping use.
    let body = "let s = arguments.length + ':'; \
                for (let i = -1; i <= arguments.length; i++) s += arguments[i] + ','; \
                return s + arguments['length'] + arguments[1.5] + arguments['1'];";
    let src = format!(
        "function fast(a, b) {{ a = 9; {body} }}\n\
         function slow(a, b) {{ a = 9; void arguments; {body} }}\n\
         for (const args of [[], [1], [1, 2], [1, 2, 3, 4]]) \
           print(fast(...args) === slow(...args), fast(...args));"
    );
    let out = jolt::run(&src, "t.js", Default::default(), false);
    assert_eq!(
        out.end,
        jolt::End::Normal,
        "{:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text,
        "true 0:undefined,undefined,0undefinedundefined\n\
         true 1:undefined,1,undefined,1undefinedundefined\n\
         true 2:undefined,1,2,undefined,2undefined2\n\
         true 4:undefined,1,2,3,4,undefined,4undefined2\n"
    );
}
