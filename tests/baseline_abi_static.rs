//! Every function of every tests/js program, compiled by the baseline
//! tier, passes the static ABI checker (alignment at every CALL,
//! callee-saved registers and RSP restored at every RET).

use jolt::bytecode::FuncProto;
use jolt::jit::baseline::compile;
use jolt::jit::x64::CodeSpace;

mod common;
use common::corpus;

fn each_proto(p: &FuncProto, f: &mut dyn FnMut(&FuncProto)) {
    f(p);
    for c in &p.children {
        each_proto(c, f);
    }
}

#[test]
fn baseline_code_of_the_corpus_obeys_the_abi() {
    let mut space = CodeSpace::new(256 << 20);
    let mut checked = 0;
    let (mut calls, mut returns) = (0, 0);
    for path in corpus::all_program_paths() {
        let src = std::fs::read_to_string(&path).unwrap();
        let Ok(proto) = jolt::compile_source(&src, "t.js") else {
            continue;
        };
        each_proto(&proto, &mut |p| {
            let code = compile(p, &mut space)
                .unwrap_or_else(|e| panic!("{}: {} did not compile: {e}", path.display(), p.name));
            match code.abi_check() {
                Ok(cov) => {
                    calls += cov.calls;
                    returns += cov.returns;
                }
                Err(e) => panic!(
                    "{}: function {:?}: {e}\n{}",
                    path.display(),
                    p.name,
                    code.disassemble(p)
                ),
            }
            checked += 1;
        });
    }
    assert!(checked > 1000, "only {checked} functions checked");
    assert!(
        calls > checked && returns >= checked,
        "vacuous check: {calls} calls, {returns} returns"
    );
    eprintln!("{checked} baseline functions pass the static ABI check ({calls} CALLs, {returns} RETs proved)");
}
