//! Static properties of baseline code: every opcode compiles, every
//! function of every tests/js program compiles, every helper call is
//! preceded by the alignment check (decoded with iced-x86), callee-saved
//! registers survive a run (canary trampoline), the pc map and listing are
//! consistent, and code-space exhaustion is an error, not a crash.

use iced_x86::{Code, Decoder, DecoderOptions, Instruction, Mnemonic, OpKind, Register};
use jolt::bytecode::{Const, FuncKind, FuncProto, Insn, Opcode, OperandKind};
use jolt::jit::baseline::run::{push_script_frame, BaselineCache};
use jolt::jit::baseline::{compile, compile_with, BaselineCode, CompileError};
use jolt::jit::x64::{AluOp, Assembler, CodeSpace, Gpr, Size};
use jolt::runtime::{Options, Value, Vm};
use std::rc::Rc;

mod common;
use common::corpus;

/// A function whose only interesting instruction is one `op`, with operands
/// that make sense for most opcodes (registers r2.., a string constant, a
/// jump to the next instruction, one nested prototype).
fn one_op_proto(op: Opcode) -> FuncProto {
    let mut vals = Vec::new();
    for (i, k) in op.operand_kinds().iter().enumerate() {
        vals.push(match k {
            OperandKind::Reg => 2 + i as i64,
            OperandKind::Konst => 0,
            OperandKind::Imm => 7,
            OperandKind::Jump => 0,
            OperandKind::Fb => 0,
            OperandKind::Func => 0,
            OperandKind::Count => 1,
            OperandKind::Depth => 0,
        });
    }
    let insn = Insn::from_operands(op, &vals).expect("operands fit");
    let child = FuncProto::new(
        "child".into(),
        FuncKind::Normal,
        0,
        false,
        3,
        0,
        vec![Insn::LdUndef { dst: 2 }, Insn::Return { src: 2 }],
        vec![],
        vec![],
        vec![],
        0,
        vec![],
    );
    let mut code = vec![insn];
    if insn.falls_through() {
        code.push(Insn::Return { src: 2 });
    } else {
        // Jmp/Loop to the next instruction: something must be there.
        code.push(Insn::Return { src: 2 });
    }
    FuncProto::new(
        format!("op_{}", op.name()),
        FuncKind::Normal,
        2,
        false,
        16,
        2,
        code,
        vec![Const::Str(Rc::from(&[0x78u16][..]))],
        vec![Rc::new(child)],
        vec![],
        1,
        vec![],
    )
}

#[test]
fn every_opcode_compiles() {
    let mut space = CodeSpace::new(64 << 20);
    for &op in Opcode::ALL {
        let p = one_op_proto(op);
        let c = compile(&p, &mut space).unwrap_or_else(|e| panic!("{}: {e}", op.name()));
        assert_eq!(c.pc_offsets.len(), p.code.len());
        assert_abi(&c, op.name());
    }
}

fn all_protos(p: &Rc<FuncProto>, out: &mut Vec<Rc<FuncProto>>) {
    out.push(p.clone());
    for c in &p.children {
        all_protos(c, out);
    }
}

#[test]
fn every_function_of_every_js_program_compiles() {
    let mut space = CodeSpace::new(1 << 30);
    let mut seen = std::collections::BTreeSet::new();
    let (mut programs, mut functions) = (0, 0);
    for path in corpus::all_program_paths() {
        let src = std::fs::read_to_string(&path).unwrap();
        let Ok(root) = jolt::compile_source(&src, "t.js") else {
            continue; // syntax-error programs
        };
        programs += 1;
        let mut protos = Vec::new();
        all_protos(&root, &mut protos);
        for p in protos {
            functions += 1;
            for i in &p.code {
                seen.insert(i.opcode());
            }
            let c = compile(&p, &mut space)
                .unwrap_or_else(|e| panic!("{}: {}: {e}", path.display(), p.name));
            assert_abi(&c, &p.name);
            // pcs start at increasing offsets, except a conditional jump
            // fused into the compare before it, whose own code (for entries
            // at its pc) is out of line, after the body.
            let in_line: Vec<u32> = c
                .pc_offsets
                .iter()
                .enumerate()
                .filter(|(pc, _)| {
                    !matches!(
                        p.code[*pc],
                        jolt::bytecode::Insn::JmpTrue { .. }
                            | jolt::bytecode::Insn::JmpFalse { .. }
                    )
                })
                .map(|(_, o)| *o)
                .collect();
            assert!(in_line.windows(2).all(|w| w[0] <= w[1]), "{}", p.name);
            for (pc, off) in c.pc_offsets.iter().enumerate() {
                // Several pcs may share an offset (nop): the map names one of them.
                let q = c.pc_at(*off).expect("mapped");
                assert_eq!(c.pc_offsets[q as usize], *off, "pc {pc}");
            }
        }
    }
    assert!(programs > 100, "only {programs} programs");
    println!(
        "{programs} programs, {functions} functions, {} opcodes used",
        seen.len()
    );
}

/// Decodes the code and checks: every `call` is a helper call
/// `mov rax, imm64; call rax` or a direct call of baseline code `call r8`,
/// right after `test spl, 15; je +2; ud2`; both entries (`enter`'s and the
/// direct-call entry) save every callee-saved register and the only `ret`
/// is after the restoring pops.
fn assert_abi(c: &BaselineCode, what: &str) {
    let bytes = c.code.bytes();
    let mut dec = Decoder::with_ip(64, bytes, 0, DecoderOptions::NONE);
    let insts: Vec<Instruction> = dec.iter().collect();
    assert!(
        !insts.iter().any(|i| i.code() == Code::INVALID),
        "{what}: undecodable"
    );
    let mut calls = 0;
    for (i, ins) in insts.iter().enumerate() {
        if ins.mnemonic() == Mnemonic::Call {
            calls += 1;
            assert!(i >= 4, "{what}: call too early");
            // The instruction the alignment check's je skips to.
            // Direct calls of baseline code: `call r8` (call), `call r10` (new).
            let after_check = if matches!(ins.op0_register(), Register::R8 | Register::R10) {
                ins
            } else {
                assert_eq!(
                    ins.op0_register(),
                    Register::RAX,
                    "{what}: call through rax or r8"
                );
                let mov = &insts[i - 1];
                assert_eq!(mov.mnemonic(), Mnemonic::Mov, "{what}: mov rax, helper");
                assert_eq!(mov.op0_register(), Register::RAX);
                assert_eq!(mov.op1_kind(), OpKind::Immediate64);
                mov
            };
            if jolt::jit::baseline::CHECK_ALIGNMENT {
                let k = insts
                    .iter()
                    .position(|x| x.ip() == after_check.ip())
                    .unwrap();
                let (t, j, u) = (&insts[k - 3], &insts[k - 2], &insts[k - 1]);
                assert_eq!(
                    t.mnemonic(),
                    Mnemonic::Test,
                    "{what}: alignment test at {i}"
                );
                assert_eq!(t.op0_register(), Register::SPL);
                assert_eq!(t.immediate8(), 15);
                assert_eq!(j.mnemonic(), Mnemonic::Je);
                assert_eq!(
                    j.near_branch_target(),
                    after_check.ip(),
                    "{what}: je skips the ud2"
                );
                assert_eq!(u.mnemonic(), Mnemonic::Ud2);
            }
        }
    }
    // Prologue: six pushes of the callee-saved registers, then sub rsp, 8.
    let pushes: Vec<Register> = insts[..6].iter().map(|i| i.op0_register()).collect();
    assert_eq!(
        pushes,
        [
            Register::RBP,
            Register::RBX,
            Register::R12,
            Register::R13,
            Register::R14,
            Register::R15
        ],
        "{what}: prologue"
    );
    assert!(insts[..6].iter().all(|i| i.mnemonic() == Mnemonic::Push));
    assert_eq!(insts[6].mnemonic(), Mnemonic::Sub);
    assert_eq!(insts[6].op0_register(), Register::RSP);
    assert_eq!(insts[6].immediate8to64(), 8);
    // Every ret is preceded by the pops in reverse order.
    let mut rets = 0;
    for (i, ins) in insts.iter().enumerate() {
        if ins.mnemonic() == Mnemonic::Ret {
            rets += 1;
            let pops: Vec<Register> = insts[i - 6..i].iter().map(|i| i.op0_register()).collect();
            assert_eq!(
                pops,
                [
                    Register::R15,
                    Register::R14,
                    Register::R13,
                    Register::R12,
                    Register::RBX,
                    Register::RBP
                ],
                "{what}: epilogue"
            );
            assert_eq!(insts[i - 7].mnemonic(), Mnemonic::Add);
            assert_eq!(insts[i - 7].op0_register(), Register::RSP);
        }
    }
    assert_eq!(rets, 1, "{what}: one exit");
    // The direct-call and construct entries save the same registers the
    // same way.
    for (entry, name) in [
        (c.direct_offset, "direct"),
        (c.construct_offset, "construct"),
    ] {
        let d = insts
            .iter()
            .position(|i| i.ip() == entry as u64)
            .expect("entry at an instruction");
        let dpushes: Vec<Register> = insts[d..d + 6].iter().map(|i| i.op0_register()).collect();
        assert_eq!(dpushes, pushes, "{what}: {name}-entry prologue");
        assert!(insts[d..d + 6]
            .iter()
            .all(|i| i.mnemonic() == Mnemonic::Push));
    }
    // No other push/pop: rsp stays aligned for every call.
    let stack_ops = insts
        .iter()
        .filter(|i| matches!(i.mnemonic(), Mnemonic::Push | Mnemonic::Pop))
        .count();
    assert_eq!(
        stack_ops, 24,
        "{what}: only the three prologues push and the epilogue pops"
    );
    assert_eq!(calls, c.safepoints.len(), "{what}: one safepoint per call");
    // The path-sensitive checker: from the prologue through the dispatch
    // `jmp rdx` to every pc, rsp is aligned at each call and the
    // callee-saved registers are intact at the ret.
    let targets: Vec<u64> = c.pc_offsets.iter().map(|&o| o as u64).collect();
    let cov = jolt::jit::abicheck::check(bytes, 0, &targets)
        .unwrap_or_else(|v| panic!("{what}: {v}\n{}", c.code.disassemble()));
    assert_eq!(cov.calls, calls, "{what}: every call reached");
    assert_eq!(cov.returns, 1, "{what}");
    for entry in [c.direct_offset, c.construct_offset] {
        let cov = jolt::jit::abicheck::check(bytes, entry as u64, &[])
            .unwrap_or_else(|v| panic!("{what} (entry {entry}): {v}\n{}", c.code.disassemble()));
        assert_eq!(
            cov.returns, 1,
            "{what}: the entry at {entry} reaches the one ret"
        );
    }
}

#[test]
fn callee_saved_registers_survive_baseline_code() {
    // A script that calls helpers of many kinds (natives via console.log,
    // allocation, property access, string concatenation) and loops.
    let src = r#"
        let s = 0;
        for (let i = 0; i < 200; i++) { s += i * 3; }
        const o = { a: s, b: [1, 2, 3] };
        let t = "";
        for (const x of o.b) t += x + ",";
        console.log(o.a, t, typeof o, o.b.length > 2 ? "yes" : "no");
        s
    "#;
    let proto = jolt::compile_source(src, "t.js").unwrap();
    let mut vm = Vm::new(Options::default());
    push_script_frame(&mut vm, proto.clone()).unwrap();
    let mut cache = BaselineCache::new(1 << 20);
    let code = cache.get(&proto).unwrap();

    // trampoline(vm, regs, target, entry) -> 0 when all six canaries survived.
    let canaries: [(Gpr, u64); 6] = [
        (Gpr::Rbx, 0x1111_2222_3333_4444),
        (Gpr::Rbp, 0x5555_6666_7777_8888),
        (Gpr::R12, 0x9999_aaaa_bbbb_cccc),
        (Gpr::R13, 0xdddd_eeee_ffff_0001),
        (Gpr::R14, 0x0123_4567_89ab_cdef),
        (Gpr::R15, 0xfedc_ba98_7654_3210),
    ];
    let mut a = Assembler::new();
    for (r, _) in canaries {
        a.push_r(r);
    }
    a.alu_rm_imm(AluOp::Sub, Size::S64, Gpr::Rsp, 8);
    for (r, v) in canaries {
        a.mov_r_imm(Size::S64, r, v as i64);
    }
    a.call_r(Gpr::Rcx);
    a.alu_rm_r(AluOp::Xor, Size::S32, Gpr::R9, Gpr::R9);
    for (r, v) in canaries {
        a.mov_r_imm(Size::S64, Gpr::R8, v as i64);
        a.alu_rm_r(AluOp::Xor, Size::S64, Gpr::R8, r);
        a.alu_rm_r(AluOp::Or, Size::S64, Gpr::R9, Gpr::R8);
    }
    a.mov_rm_r(Size::S64, Gpr::Rax, Gpr::R9);
    a.alu_rm_imm(AluOp::Add, Size::S64, Gpr::Rsp, 8);
    for (r, _) in canaries.iter().rev() {
        a.pop_r(*r);
    }
    a.ret();
    let mut space = CodeSpace::new(1 << 16);
    let tramp = a.finalize(&mut space).unwrap();
    type Tramp = unsafe extern "C" fn(*mut Vm, *mut Value, *const u8, *const u8) -> u64;
    let t: Tramp = unsafe { tramp.entry() };
    let fp = vm.frames.last().unwrap().fp;
    let regs = unsafe { vm.stack.as_mut_ptr().add(fp) };
    let target = unsafe { code.code.ptr().add(code.pc_offsets[0] as usize) };
    let vmp: *mut Vm = &mut *vm;
    let bad = unsafe { t(vmp, regs, target, code.code.ptr()) };
    assert_eq!(bad, 0, "a callee-saved register was clobbered");
    vm.flush_out();
    assert_eq!(
        String::from_utf8_lossy(&vm.out),
        "59700 1,2,3, object yes\n"
    );
}

#[test]
fn exhausted_code_space_is_an_error() {
    let src = "let s = 0; for (let i = 0; i < 10; i++) s += i; console.log(s);";
    let proto = jolt::compile_source(src, "t.js").unwrap();
    let mut space = CodeSpace::new(0);
    match compile(&proto, &mut space) {
        Err(CompileError::Space(_)) => {}
        other => panic!("expected a space error, got {:?}", other.map(|_| ())),
    }
}

#[test]
fn listing_shows_bytecode_and_code() {
    let src = "function f(a, b) { return a + b; } console.log(f(1, 2));";
    let proto = jolt::compile_source(src, "t.js").unwrap();
    let f = &proto.children[0];
    let mut space = CodeSpace::new(1 << 20);
    let c = compile_with(f, &mut space, jolt::jit::baseline::AlignCheck::Off).unwrap();
    let text = c.disassemble(f);
    assert!(text.contains("; 0000: add r"), "{text}");
    assert!(text.contains("return r"), "{text}");
    assert!(text.contains("slow path of bytecode 0"), "{text}");
    assert!(text.contains("exit:"), "{text}");
    assert!(text.contains("jo "), "{text}");
}
