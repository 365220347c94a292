//! The human-readable listing: offsets, hex, Intel text, label names and annotations.

use jolt::jit::x64::*;

use Gpr::*;
use Size::*;

#[test]
fn listing_has_labels_annotations_and_bytes() {
    let mut a = Assembler::new();
    let top = a.new_named_label("loop_top");
    let exit = a.new_named_label("exit");
    a.annotate(Annotation::Bytecode(0));
    a.alu_rm_r(AluOp::Xor, S32, Rax, Rax);
    a.bind(top);
    a.annotate(Annotation::Bytecode(3));
    a.alu_rm_r(AluOp::Add, S64, Rax, Rdi);
    a.unary(UnaryOp::Dec, S64, Rdi);
    a.jcc(Cond::Ne, top);
    a.comment("fall through to exit");
    a.jmp(exit);
    a.bind(exit);
    a.annotate(Annotation::Safepoint(7));
    a.ret();
    let code = a.finish().unwrap();
    let text = code.disassemble(0x1000);
    let lines: Vec<&str> = text.lines().collect();
    let expect = [
        "                ; bytecode 0",
        "  000000  31c0                      xor     eax,eax",
        "loop_top:",
        "                ; bytecode 3",
        "  000002  4801f8                    add     rax,rdi",
        "  000005  48ffcf                    dec     rdi",
        "  000008  75f8                      jne     short loop_top",
        "                ; fall through to exit",
        "  00000a  e900000000                jmp     exit",
        "exit:",
        "                ; safepoint 7",
        "  00000f  c3                        ret",
    ];
    assert_eq!(lines, expect, "\n{text}");

    // Installed code disassembles at its real address with the same names.
    let mut a = Assembler::new();
    let l = a.new_named_label("self");
    a.bind(l);
    a.jmp(l);
    let exec = a.finalize(&mut CodeSpace::new(1 << 16)).unwrap();
    let t = exec.disassemble();
    assert!(
        t.contains("self:") && t.contains("jmp     short self"),
        "{t}"
    );
}

#[test]
fn data_is_listed_as_bytes_and_rip_operands_by_name() {
    let mut a = Assembler::new();
    let k = a.new_named_label("half");
    let table = a.new_named_label("table");
    a.sse(SseOp::Addsd, Xmm::Xmm0, Mem::rip(k));
    a.ret();
    a.align(8);
    a.bind(k);
    a.data_bytes(&0.5f64.to_le_bytes());
    a.bind(table);
    a.abs64_label(k, 0);
    a.data_bytes(&[1, 2, 3]);
    let text = a.finish().unwrap().disassemble(0x1000);
    let lines: Vec<&str> = text.lines().collect();
    let expect = [
        "  000000  f20f580508000000          addsd   xmm0,[half]",
        "  000008  c3                        ret",
        "  000009  0f1f8000000000            nop     [rax]",
        "half:",
        "  000010  000000000000e03f          db      00h,00h,00h,00h,00h,00h,0E0h,3Fh",
        "table:",
        "  000018  0000000000000000          db      00h,00h,00h,00h,00h,00h,00h,00h",
        "  000020  010203                    db      01h,02h,03h",
    ];
    assert_eq!(lines, expect, "\n{text}");
}
