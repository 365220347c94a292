//! Golden encodings: exact bytes (from the Intel SDM) and the text iced-x86
//! prints for them. Covers the special cases of ModRM/SIB/REX/VEX and the
//! shortest-form choices.

use iced_x86::{Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter};
use jolt::jit::x64::*;

use Gpr::*;
use Size::*;

fn ix(r: Gpr) -> IndexReg {
    IndexReg::new(r).unwrap()
}

fn text(bytes: &[u8]) -> String {
    let mut d = Decoder::with_ip(64, bytes, 0x1000, DecoderOptions::NONE);
    let mut f = IntelFormatter::new();
    let mut out = Vec::new();
    let mut i = Instruction::default();
    while d.can_decode() {
        d.decode_out(&mut i);
        let mut s = String::new();
        f.format(&i, &mut s);
        out.push(s);
    }
    out.join("; ")
}

fn hex(b: &[u8]) -> String {
    b.iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

type Emit = fn(&mut Assembler);

#[rustfmt::skip]
const GOLDEN: &[(Emit, &str, &str)] = &[
    // ModRM/SIB special cases
    (|a| a.mov_r_m(S64, Rax, Mem::base(Rsp)), "48 8b 04 24", "mov rax,[rsp]"),
    (|a| a.mov_r_m(S64, Rax, Mem::base(R12)), "49 8b 04 24", "mov rax,[r12]"),
    (|a| a.mov_r_m(S64, Rax, Mem::base(Rbp)), "48 8b 45 00", "mov rax,[rbp]"),
    (|a| a.mov_r_m(S64, Rax, Mem::base(R13)), "49 8b 45 00", "mov rax,[r13]"),
    (|a| a.mov_r_m(S64, R9, Mem::disp(Rsp, 8)), "4c 8b 4c 24 08", "mov r9,[rsp+8]"),
    (|a| a.mov_r_m(S64, Rax, Mem::disp(Rbx, 127)), "48 8b 43 7f", "mov rax,[rbx+7Fh]"),
    (|a| a.mov_r_m(S64, Rax, Mem::disp(Rbx, 128)), "48 8b 83 80 00 00 00", "mov rax,[rbx+80h]"),
    (|a| a.mov_r_m(S64, Rax, Mem::disp(Rbx, -128)), "48 8b 43 80", "mov rax,[rbx-80h]"),
    (|a| a.mov_r_m(S64, Rax, Mem::disp(Rbx, -129)), "48 8b 83 7f ff ff ff", "mov rax,[rbx-81h]"),
    (|a| a.mov_r_m(S64, R12, Mem::bisd(R13, ix(Rax), Scale::S4, 0x10)), "4d 8b 64 85 10", "mov r12,[r13+rax*4+10h]"),
    (|a| a.mov_r_m(S32, Rcx, Mem::bisd(Rax, ix(R15), Scale::S8, 0)), "42 8b 0c f8", "mov ecx,[rax+r15*8]"),
    (|a| a.mov_r_m(S64, Rax, Mem::bisd(Rsp, ix(Rbp), Scale::S1, 0)), "48 8b 04 2c", "mov rax,[rsp+rbp]"),
    (|a| a.lea(S64, Rax, Mem::bisd(Rbp, ix(R12), Scale::S2, 0)), "4a 8d 44 65 00", "lea rax,[rbp+r12*2]"),
    (|a| a.mov_rm_r(S64, Mem::base(Rdi), Rsi), "48 89 37", "mov [rdi],rsi"),
    // 8-bit registers and REX
    (|a| a.mov_rm_r(S8, Rcx, Rax), "88 c1", "mov cl,al"),
    (|a| a.mov_rm_r(S8, Rsi, Rax), "40 88 c6", "mov sil,al"),
    (|a| a.mov_rm_r(S8, Rax, Rdi), "40 88 f8", "mov al,dil"),
    (|a| a.mov_rm_r(S8, R8, Rbx), "41 88 d8", "mov r8b,bl"),
    (|a| a.setcc(Cond::E, Rsi), "40 0f 94 c6", "sete sil"),
    (|a| a.setcc(Cond::L, Rax), "0f 9c c0", "setl al"),
    (|a| a.setcc(Cond::A, R9), "41 0f 97 c1", "seta r9b"),
    (|a| a.mov_r_imm(S8, Rsp, 1), "40 b4 01", "mov spl,1"),
    (|a| a.test_rm_r(S8, Rsi, Rsi), "40 84 f6", "test sil,sil"),
    (|a| a.movzx(S32, Rax, S8, Rsi), "40 0f b6 c6", "movzx eax,sil"),
    (|a| a.movzx(S64, R10, S16, Mem::base(Rax)), "4c 0f b7 10", "movzx r10,word ptr [rax]"),
    (|a| a.movsx(S64, Rax, S8, Rcx), "48 0f be c1", "movsx rax,cl"),
    (|a| a.movsxd(Rax, Rcx), "48 63 c1", "movsxd rax,ecx"),
    (|a| a.mov_rm_r(S16, Rax, Rbx), "66 89 d8", "mov ax,bx"),
    // immediates: imm8 vs imm32 vs short accumulator forms
    (|a| a.alu_rm_imm(AluOp::Add, S64, Rax, 1), "48 83 c0 01", "add rax,1"),
    (|a| a.alu_rm_imm(AluOp::Add, S64, Rax, 127), "48 83 c0 7f", "add rax,7Fh"),
    (|a| a.alu_rm_imm(AluOp::Add, S64, Rax, 128), "48 05 80 00 00 00", "add rax,80h"),
    (|a| a.alu_rm_imm(AluOp::Add, S64, Rcx, 128), "48 81 c1 80 00 00 00", "add rcx,80h"),
    (|a| a.alu_rm_imm(AluOp::Sub, S64, Rsp, -128), "48 83 ec 80", "sub rsp,0FFFFFFFFFFFFFF80h"),
    (|a| a.alu_rm_imm(AluOp::Sub, S64, Rsp, -129), "48 81 ec 7f ff ff ff", "sub rsp,0FFFFFFFFFFFFFF7Fh"),
    (|a| a.alu_rm_imm(AluOp::Add, S8, Rax, -1), "04 ff", "add al,0FFh"),
    (|a| a.alu_rm_imm(AluOp::Cmp, S8, Rdi, 5), "40 80 ff 05", "cmp dil,5"),
    (|a| a.alu_rm_imm(AluOp::And, S16, R9, 0x1234), "66 41 81 e1 34 12", "and r9w,1234h"),
    (|a| a.alu_rm_imm(AluOp::Xor, S32, Rax, 0x1234), "35 34 12 00 00", "xor eax,1234h"),
    (|a| a.alu_rm_imm(AluOp::Cmp, S64, Mem::disp(Rbp, -8), 0), "48 83 7d f8 00", "cmp qword ptr [rbp-8],0"),
    (|a| a.alu_rm_r(AluOp::Add, S64, Rax, Rbx), "48 01 d8", "add rax,rbx"),
    (|a| a.alu_rm_r(AluOp::Sub, S32, R8, R15), "45 29 f8", "sub r8d,r15d"),
    (|a| a.alu_r_m(AluOp::Or, S64, R11, Mem::base(R12)), "4d 0b 1c 24", "or r11,[r12]"),
    (|a| a.test_rm_imm(S64, Rax, 1), "48 a9 01 00 00 00", "test rax,1"),
    (|a| a.test_rm_imm(S32, Rbx, 0xff), "f7 c3 ff 00 00 00", "test ebx,0FFh"),
    // mov immediate forms
    (|a| a.mov_r_imm(S64, Rax, 0xffff_ffff), "b8 ff ff ff ff", "mov eax,0FFFFFFFFh"),
    (|a| a.mov_r_imm(S64, R8, 5), "41 b8 05 00 00 00", "mov r8d,5"),
    (|a| a.mov_r_imm(S64, Rax, -1), "48 c7 c0 ff ff ff ff", "mov rax,0FFFFFFFFFFFFFFFFh"),
    (|a| a.mov_r_imm(S64, Rax, 0x1_0000_0000), "48 b8 00 00 00 00 01 00 00 00", "mov rax,100000000h"),
    (|a| a.mov_r64_imm64(R15, 1), "49 bf 01 00 00 00 00 00 00 00", "mov r15,1"),
    (|a| a.mov_r_imm(S16, Rcx, -1), "66 b9 ff ff", "mov cx,0FFFFh"),
    (|a| a.mov_m_imm(S8, Mem::base(Rax), 5), "c6 00 05", "mov byte ptr [rax],5"),
    (|a| a.mov_m_imm(S64, Mem::disp(Rsp, 16), -2), "48 c7 44 24 10 fe ff ff ff", "mov qword ptr [rsp+10h],0FFFFFFFFFFFFFFFEh"),
    // multiply/divide/shift/bit
    (|a| a.imul_r_rm(S64, Rax, Rcx), "48 0f af c1", "imul rax,rcx"),
    (|a| a.imul_r_rm_imm(S64, Rax, Rcx, 10), "48 6b c1 0a", "imul rax,rcx,0Ah"),
    (|a| a.imul_r_rm_imm(S32, R9, Rdx, 1000), "44 69 ca e8 03 00 00", "imul r9d,edx,3E8h"),
    (|a| a.unary(UnaryOp::Idiv, S64, R10), "49 f7 fa", "idiv r10"),
    (|a| a.unary(UnaryOp::Neg, S32, Rax), "f7 d8", "neg eax"),
    (|a| a.unary(UnaryOp::Inc, S64, Mem::base(Rax)), "48 ff 00", "inc qword ptr [rax]"),
    (|a| a.unary(UnaryOp::Not, S8, Rbp), "40 f6 d5", "not bpl"),
    (|a| a.cqo(), "48 99", "cqo"),
    (|a| a.cdq(), "99", "cdq"),
    (|a| a.shift_imm(ShiftOp::Shl, S64, Rax, 1), "48 d1 e0", "shl rax,1"),
    (|a| a.shift_imm(ShiftOp::Shr, S32, R11, 3), "41 c1 eb 03", "shr r11d,3"),
    (|a| a.shift_cl(ShiftOp::Sar, S32, R9), "41 d3 f9", "sar r9d,cl"),
    (|a| a.shift_imm(ShiftOp::Rol, S8, Rcx, 4), "c0 c1 04", "rol cl,4"),
    (|a| a.bt_rm_imm(S64, Rax, 63), "48 0f ba e0 3f", "bt rax,3Fh"),
    (|a| a.bt_rm_r(S32, Rbx, Rcx), "0f a3 cb", "bt ebx,ecx"),
    (|a| a.cmovcc(Cond::L, S64, R8, Mem::base(Rdi)), "4c 0f 4c 07", "cmovl r8,[rdi]"),
    (|a| a.xchg(S64, Rax, Rbx), "48 87 d8", "xchg rax,rbx"),
    // stack and control
    (|a| a.push_r(R12), "41 54", "push r12"),
    (|a| a.pop_r(R15), "41 5f", "pop r15"),
    (|a| a.push_r(Rbp), "55", "push rbp"),
    (|a| a.push_imm(-1), "6a ff", "push 0FFFFFFFFFFFFFFFFh"),
    (|a| a.push_m(Mem::disp(Rbp, 16)), "ff 75 10", "push qword ptr [rbp+10h]"),
    (|a| a.jmp_r(R11), "41 ff e3", "jmp r11"),
    (|a| a.call_r(Rax), "ff d0", "call rax"),
    (|a| a.call_m(Mem::base(Rax)), "ff 10", "call qword ptr [rax]"),
    (|a| a.jmp_m(Mem::bisd(R8, ix(R9), Scale::S8, 0)), "43 ff 24 c8", "jmp qword ptr [r8+r9*8]"),
    (|a| a.ret(), "c3", "ret"),
    (|a| a.int3(), "cc", "int3"),
    (|a| a.ud2(), "0f 0b", "ud2"),
    (|a| a.nop(3), "0f 1f 00", "nop [rax]"),
    (|a| a.nop(11), "66 0f 1f 84 00 00 00 00 00 66 90", "nop [rax+rax]; xchg ax,ax"),
    // branches (labels bound at known places)
    (|a| { let l = a.new_label(); a.bind(l); a.jmp(l); }, "eb fe", "jmp short 0000000000001000h"),
    (|a| { let l = a.new_label(); a.bind(l); a.jcc(Cond::Ne, l); }, "75 fe", "jne short 0000000000001000h"),
    (|a| { let l = a.new_label(); a.jcc(Cond::E, l); a.bind(l); }, "0f 84 00 00 00 00", "je 0000000000001006h"),
    (|a| { let l = a.new_label(); a.jmp(l); a.bind(l); }, "e9 00 00 00 00", "jmp 0000000000001005h"),
    (|a| { let l = a.new_label(); a.call(l); a.bind(l); }, "e8 00 00 00 00", "call 0000000000001005h"),
    (|a| { let l = a.new_label(); a.bind(l); a.nop(126); a.jmp(l); }, "", "jmp short 0000000000001000h"),
    (|a| { let l = a.new_label(); a.jmp_short(l); a.bind(l); }, "eb 00", "jmp short 0000000000001002h"),
    (|a| { let l = a.new_label(); a.jcc_short(Cond::Ae, l); a.int3(); a.bind(l); }, "73 01 cc", "jae short 0000000000001003h; int3"),
    // SSE
    (|a| a.sse(SseOp::Movsd, Xmm::Xmm8, Mem::disp(Rsp, 8)), "f2 44 0f 10 44 24 08", "movsd xmm8,[rsp+8]"),
    (|a| a.sse_store(SseStoreOp::Movsd, Mem::base(R13), Xmm::Xmm1), "f2 41 0f 11 4d 00", "movsd [r13],xmm1"),
    (|a| a.sse(SseOp::Addsd, Xmm::Xmm0, Xmm::Xmm15), "f2 41 0f 58 c7", "addsd xmm0,xmm15"),
    (|a| a.sse(SseOp::Ucomisd, Xmm::Xmm1, Xmm::Xmm2), "66 0f 2e ca", "ucomisd xmm1,xmm2"),
    (|a| a.sse(SseOp::Pxor, Xmm::Xmm9, Xmm::Xmm9), "66 45 0f ef c9", "pxor xmm9,xmm9"),
    (|a| a.sse(SseOp::Movdqu, Xmm::Xmm0, Mem::base(Rax)), "f3 0f 6f 00", "movdqu xmm0,[rax]"),
    (|a| a.movq_x_r(Xmm::Xmm0, Rax), "66 48 0f 6e c0", "movq xmm0,rax"),
    (|a| a.movq_r_x(R9, Xmm::Xmm10), "66 4d 0f 7e d1", "movq r9,xmm10"),
    (|a| a.cvtsi2sd(S64, Xmm::Xmm1, Rax), "f2 48 0f 2a c8", "cvtsi2sd xmm1,rax"),
    (|a| a.cvtsi2sd(S32, Xmm::Xmm1, Rax), "f2 0f 2a c8", "cvtsi2sd xmm1,eax"),
    (|a| a.cvttsd2si(S64, Rax, Xmm::Xmm1), "f2 48 0f 2c c1", "cvttsd2si rax,xmm1"),
    (|a| a.roundsd(Xmm::Xmm0, Xmm::Xmm1, 3), "66 0f 3a 0b c1 03", "roundsd xmm0,xmm1,3"),
    // AVX (2- and 3-byte VEX)
    (|a| a.avx(AvxOp::Vaddpd, Ymm::Ymm0, Ymm::Ymm1, Ymm::Ymm2), "c5 f5 58 c2", "vaddpd ymm0,ymm1,ymm2"),
    (|a| a.avx(AvxOp::Vaddpd, Ymm::Ymm8, Ymm::Ymm9, Ymm::Ymm10), "c4 41 35 58 c2", "vaddpd ymm8,ymm9,ymm10"),
    (|a| a.avx(AvxOp::Vpaddq, Ymm::Ymm8, Ymm::Ymm0, Ymm::Ymm1), "c5 7d d4 c1", "vpaddq ymm8,ymm0,ymm1"),
    (|a| a.vmov(AvxMov::Vmovdqu, Ymm::Ymm3, Mem::bisd(Rax, ix(R8), Scale::S1, 0)), "c4 a1 7e 6f 1c 00", "vmovdqu ymm3,[rax+r8]"),
    (|a| a.vbroadcastsd(Ymm::Ymm0, Xmm::Xmm1), "c4 e2 7d 19 c1", "vbroadcastsd ymm0,xmm1"),
    (|a| a.vextractf128(Xmm::Xmm1, Ymm::Ymm2, 1), "c4 e3 7d 19 d1 01", "vextractf128 xmm1,ymm2,1"),
    (|a| a.vzeroupper(), "c5 f8 77", "vzeroupper"),
];

#[test]
fn golden_encodings() {
    let mut bad = Vec::new();
    for (i, (emit, want_hex, want_text)) in GOLDEN.iter().enumerate() {
        let mut a = Assembler::new();
        emit(&mut a);
        let code = a.finish().unwrap();
        // The branch-over-NOPs entry checks only the final jmp.
        let (bytes, hx) = if want_hex.is_empty() {
            let b = &code.bytes[126..];
            assert_eq!(b, [0xeb, 0x80], "rel8 -128 boundary");
            (code.bytes.clone(), String::new())
        } else {
            (code.bytes.clone(), hex(&code.bytes))
        };
        let t = if want_hex.is_empty() {
            text(&bytes).rsplit("; ").next().unwrap().to_string()
        } else {
            text(&bytes)
        };
        if hx != *want_hex || t != *want_text {
            bad.push(format!(
                "#{i}: got {hx:?} `{t}`, want {want_hex:?} `{want_text}`"
            ));
        }
    }
    assert!(bad.is_empty(), "golden mismatches:\n{}", bad.join("\n"));
    assert!(GOLDEN.len() >= 100, "{}", GOLDEN.len());
}

#[test]
fn rsp_cannot_be_an_index() {
    assert!(IndexReg::new(Gpr::Rsp).is_none());
    for r in Gpr::ALL {
        assert_eq!(IndexReg::new(r).is_some(), r != Gpr::Rsp);
    }
}

#[test]
fn align_pads_with_multibyte_nops() {
    for start in 0..40 {
        let mut a = Assembler::new();
        a.nop(start);
        a.align(16);
        a.int3();
        let code = a.finish().unwrap();
        assert_eq!(code.bytes.len() % 16, 1, "start {start}");
        // All padding decodes as NOPs and the int3 is intact at the boundary.
        let t = text(&code.bytes);
        assert!(t.ends_with("int3"), "{t}");
        assert!(
            t.split("; ")
                .all(|i| i.starts_with("nop") || i == "xchg ax,ax" || i == "int3"),
            "{t}"
        );
        // Padding uses at most ceil(n / 9) NOP instructions past the fill.
        let nops = t.split("; ").count() - 1;
        assert!(
            nops <= start.div_ceil(9) + 2,
            "{nops} nops for start {start}"
        );
    }
}
