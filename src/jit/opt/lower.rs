//! Lowering: allocated IR -> x86-64, into the same code object as the
//! function's baseline code (see `opt`'s module doc).
//!
//! Invariants:
//! - The optimized region runs with the baseline tier's pinned registers
//!   and `SPILL` bytes more on the machine stack (spill slots at
//!   `[rsp + 8n]`, a multiple of 16 so calls stay aligned). Every way out
//!   of the region gives them back first: the exit (`opt_exit`), a deopt
//!   (to the baseline code for the guard's pc).
//! - Scratch registers r10/r11 and xmm14/xmm15 are the emitter's: an
//!   operand in a spill slot is read into scratch (or used as a memory
//!   operand), a result for a spill slot is computed in scratch. Nothing
//!   else is written that the allocation does not name.
//! - A frame state is written to the frame boxed exactly as the
//!   interpreter boxes: int32 with the tag, booleans as `FALSE + b`,
//!   doubles normalised as `Value::number` does (int32 when exact and not
//!   -0, NaN canonical).
//! - A guard tests before it writes its result where it can; where it
//!   cannot (overflow), the result goes to a register no frame-state value
//!   lives in (the allocator reads frame states at the guard's late
//!   position), so the deopt path finds every value intact.

#[path = "lower_vec.rs"]
mod vec;

use super::ir::*;
use super::regalloc::{Allocation, Loc, Move};
use crate::bytecode::FuncProto;
use crate::jit::baseline::emit::{layout, Emitter};
use crate::jit::baseline::ic::{
    idx, slots_value_off, ATOM_STRINGS_LEN, ATOM_STRINGS_PTR, ELEMENTS_OFF, FLAGS_OFF,
    INTRINSICS_PTR, LENGTH_OFF, OVERFLOW_OFF, SHAPE_OFF, STRING_LEN_OFF, STRING_UNITS_OFF,
    TA_BUFFER_OFF, TA_OFFSET_OFF, UNIT_ATOMS,
};
use crate::jit::baseline::masm::{Masm, FEEDBACK, FRAME, PROTO, REGS, TAG, VM};
use crate::jit::baseline::natives::NATIVE_ENTRY_OFF;
use crate::jit::x64::Scale;
use crate::jit::x64::{
    AluOp, Cond, Gpr, Label, Mem, Rm, ShiftOp, Size, SseOp, SseStoreOp, UnaryOp, Xmm,
};
use crate::runtime::builtins::InlineNative;
use crate::runtime::heap::Kind;
use crate::runtime::heap::ATOM_STRING;
use crate::runtime::value::{Value, DOUBLE_OFFSET, NUMBER_TAG};
use crate::runtime::Intrinsic;
use crate::runtime::Vm;
use std::collections::HashMap;

/// `Vm::fuel`.
const FUEL: Mem = Mem::disp(VM, std::mem::offset_of!(Vm, fuel) as i32);
const S0: Gpr = Gpr::R11;
const S1: Gpr = Gpr::R10;
const X0: Xmm = Xmm::Xmm15;
const X1: Xmm = Xmm::Xmm14;

/// What the optimized region needs from the compile options.
pub struct LowerOpts {
    /// Deopt stress: every guard also deopts each `k`-th time one runs.
    pub deopt_every: u32,
    /// `--trace-deopt`: each stub calls `opt_trace_deopt` (after writing
    /// the frame, so it is a plain helper call).
    pub trace_deopt: bool,
}

struct Deopt {
    entry: Label,
    fs: FrameState,
    reason: super::DeoptReason,
    /// The guard's position (where its state's values are).
    pos: u32,
}

pub struct Lower<'e, 'p> {
    e: &'e mut Emitter<'p>,
    f: &'e Func,
    a: &'e Allocation,
    blocks: Vec<Label>,
    exit: Label,
    real_exit: Label,
    spill: i32,
    deopts: Vec<Deopt>,
    /// Out-of-line checked forms of `...InBounds` ops whose `bce` Bool is
    /// false: (entry, the checked instruction, where to continue, its
    /// position).
    slow: Vec<(Label, Inst, Label, u32)>,
    /// The position of the instruction (or terminator) being lowered:
    /// where values are (`Allocation::at`).
    pos: u32,
    /// Out-of-line edge stubs: (entry, moves, target).
    stubs: Vec<(Label, Vec<Move>, Label)>,
    /// The rare cases of unboxing and boxing, out of line so the common
    /// case falls through without a taken branch.
    cold: Vec<(Label, Cold)>,
    consts: HashMap<V, i32>,
    /// Constants read only as immediates: no location, nothing emitted.
    imm_only: crate::runtime::fxhash::FxHashSet<V>,
    /// How many times each value is read (operands, states, terminators,
    /// edges).
    uses: super::jumps::UseCounts,
    opts: &'e LowerOpts,
    /// Code offsets of each guard's deopt stub (for `--print-code`).
    pub ndeopts: usize,
    /// The instruction being lowered is an inlined callee's (see `stress`).
    stress_inlined: bool,
    /// A compare whose only use is its block's branch: it sets the flags
    /// (`flags`, the condition) and the branch jumps on them.
    fuse: Option<V>,
    flags: Option<Cond>,
    /// The allocation puts values in r14/r15 (`FEEDBACK`/`PROTO`): pin them
    /// again before baseline code runs (`repin`).
    repin: bool,
}

/// An out-of-line case, emitted after the body.
enum Cold {
    /// `CheckNumber` of an int32 (in `g`): x = its double, on to `done`.
    IntToF64 { g: Gpr, x: Xmm, done: Label },
    /// `box_f64` of an integral double or NaN (x, truncated in r11): the
    /// int32 or the canonical NaN in `dst`, on to `done`; -0 goes back to
    /// `double`.
    BoxIntegral {
        x: Xmm,
        dst: Gpr,
        double: Label,
        done: Label,
    },
}

fn stack(n: u32) -> Mem {
    Mem::disp(Gpr::Rsp, 8 * n as i32)
}

fn cc_of(cc: Cc) -> Cond {
    match cc {
        Cc::Eq => Cond::E,
        Cc::Ne => Cond::Ne,
        Cc::Lt => Cond::L,
        Cc::Le => Cond::Le,
        Cc::Gt => Cond::G,
        Cc::Ge => Cond::Ge,
    }
}

/// Emits the optimized region of `f` into `e`; returns its entry label.
pub fn lower(
    e: &mut Emitter<'_>,
    f: &Func,
    a: &Allocation,
    opts: &LowerOpts,
) -> Result<(Label, Vec<(u32, Label)>), String> {
    let entry = e.m.asm.new_named_label("opt_entry");
    let exit = e.m.asm.new_named_label("opt_exit");
    let blocks = (0..f.blocks.len())
        .map(|i| e.m.asm.new_numbered_label("ob", i as u32))
        .collect();
    let real_exit = e.exit;
    let spill = (a.nslots as i32 * 8 + 15) & !15;
    let mut l = Lower {
        e,
        f,
        a,
        blocks,
        exit,
        real_exit,
        spill,
        deopts: vec![],
        slow: vec![],
        pos: 0,
        stubs: vec![],
        cold: vec![],
        consts: HashMap::new(),
        imm_only: f.imm_only(),
        uses: super::jumps::use_counts(f),
        opts,
        ndeopts: 0,
        stress_inlined: false,
        fuse: None,
        flags: None,
        repin: a.uses_any(&[Gpr::R14, Gpr::R15]),
    };
    for b in &f.blocks {
        for ins in &b.insts {
            if let (Op::ConstI32(k), Some(r)) = (ins.op, ins.res) {
                l.consts.insert(r, k);
            }
        }
    }
    l.e.m.asm.bind(entry);
    l.e.m.asm.comment(format!("optimized {:?}", f.name));
    if spill > 0 {
        l.e.m.asm.alu_rm_imm(AluOp::Sub, Size::S64, Gpr::Rsp, spill);
    }
    // Generic instructions' exits (and their slow paths) leave through
    // `opt_exit`, which gives the spill area back.
    l.e.exit = exit;
    let result = l.body();
    l.e.exit = real_exit;
    result?;
    // OSR entries: the spill area, then the entry block of that header.
    let mut osr = Vec::new();
    for &(pc, b) in &f.osr {
        let lbl = l.e.m.asm.new_numbered_label("osr_pc", pc);
        l.e.m.asm.bind(lbl);
        if spill > 0 {
            l.e.m.asm.alu_rm_imm(AluOp::Sub, Size::S64, Gpr::Rsp, spill);
        }
        let to = l.blocks[b.0 as usize];
        l.e.m.asm.jmp(to);
        osr.push((pc, lbl));
    }
    Ok((entry, osr))
}

impl Lower<'_, '_> {
    fn asm(&mut self) -> &mut crate::jit::x64::Assembler {
        &mut self.e.m.asm
    }

    fn body(&mut self) -> Result<(), String> {
        for bi in 0..self.f.blocks.len() {
            let lbl = self.blocks[bi];
            self.asm().bind(lbl);
            let b = &self.f.blocks[bi];
            self.fuse = self.fusable(b);
            for (k, ins) in b.insts.iter().enumerate() {
                self.stress_inlined = ins.fs.as_ref().is_some_and(|fs| fs.inlined.is_some());
                self.at(self.a.pos.inst[bi][k]);
                self.inst(ins)?;
            }
            self.at(self.a.pos.block_end[bi]);
            self.term(bi, &b.term)?;
        }
        for (entry, moves, to) in std::mem::take(&mut self.stubs) {
            self.asm().bind(entry);
            self.moves(&moves);
            self.asm().jmp(to);
        }
        for (entry, ins, done, pos) in std::mem::take(&mut self.slow) {
            self.asm().bind(entry);
            self.pos = pos;
            self.stress_inlined = ins.fs.as_ref().is_some_and(|fs| fs.inlined.is_some());
            self.inst(&ins)?;
            self.asm().jmp(done);
        }
        for d in std::mem::take(&mut self.deopts) {
            self.asm().bind(d.entry);
            self.pos = d.pos;
            self.asm()
                .annotate(crate::jit::x64::Annotation::DeoptTo(d.fs.pc));
            // Where the function's own frame resumes: an inlined call's
            // caller after the call, counted at the call.
            let own_pc =
                d.fs.inlined
                    .as_ref()
                    .map_or(d.fs.pc, |i| inlined_chain(&d.fs, i)[0].1.caller.pc);
            match &d.fs.inlined {
                None => self.sync(&d.fs),
                Some(i) => self.materialize(&d.fs, i),
            }
            self.repin();
            let count = Mem::disp(
                PROTO,
                std::mem::offset_of!(FuncProto, jit.deopt_count) as i32,
            );
            if d.reason == super::DeoptReason::NoFeedback {
                // The baseline code records the site's feedback as it
                // resumes: reoptimize at the next entry or back edge
                // rather than after `DEOPT_LIMIT` of these (the count
                // is reset at the reoptimization).
                self.asm()
                    .mov_m_imm(Size::S32, count, super::DEOPT_LIMIT as i32);
            } else {
                self.asm().alu_rm_imm(AluOp::Add, Size::S32, count, 1);
            }
            let last = std::mem::offset_of!(FuncProto, jit.last_deopt_pc) as i32;
            self.asm()
                .mov_m_imm(Size::S32, Mem::disp(PROTO, last), own_pc as i32);
            let why = std::mem::offset_of!(FuncProto, jit.last_deopt_reason) as i32;
            self.asm()
                .mov_m_imm(Size::S32, Mem::disp(PROTO, why), d.reason as i32);
            let by_reason =
                std::mem::offset_of!(FuncProto, jit.deopt_reasons) + 4 * d.reason as usize;
            self.asm()
                .alu_rm_imm(AluOp::Add, Size::S32, Mem::disp(PROTO, by_reason as i32), 1);
            if self.opts.trace_deopt {
                let a = self.asm();
                a.mov_rm_r(Size::S64, Gpr::Rdi, VM);
                a.mov_rm_r(Size::S64, Gpr::Rsi, PROTO);
                a.mov_r_imm(Size::S32, Gpr::Rdx, own_pc as i64);
                a.mov_r_imm(Size::S32, Gpr::Rcx, d.reason as i64);
                self.e.m.call_abs(opt_trace_deopt as *const () as usize);
            }
            // Too many: calls stop entering this code directly.
            let keep = self.asm().new_label();
            self.asm()
                .alu_rm_imm(AluOp::Cmp, Size::S32, count, super::DEOPT_LIMIT as i32);
            self.asm().jcc(Cond::B, keep);
            for off in [
                layout::P_DIRECT_ENTRY,
                layout::P_CONSTRUCT_ENTRY,
                layout::P_LEAN_ENTRY,
            ] {
                self.asm().mov_m_imm(Size::S64, Mem::disp(PROTO, off), 0);
            }
            self.asm().bind(keep);
            self.leave_region();
            match &d.fs.inlined {
                None => {
                    let t = self.e.labels[d.fs.pc as usize];
                    self.asm().jmp(t);
                }
                Some(i) => {
                    // The callees' frames go on top, outermost first, each
                    // resuming after its own inlined call (the innermost at
                    // the guard); the run loop resumes the innermost (and
                    // each caller after its callee returns).
                    let chain = inlined_chain(&d.fs, i);
                    for (k, &(_, i)) in chain.iter().enumerate() {
                        let pc = match chain.get(k + 1) {
                            Some((_, inner)) => inner.caller.pc + 1,
                            None => d.fs.pc,
                        };
                        let p = self.f.inlined[i.callee as usize].0;
                        let a = self.asm();
                        a.mov_rm_r(Size::S64, Gpr::Rdi, VM);
                        a.mov_r64_imm64(Gpr::Rsi, p as u64);
                        a.mov_r_imm(Size::S32, Gpr::Rdx, i.base as i64);
                        a.mov_r_imm(Size::S32, Gpr::Rcx, i.argc as i64);
                        a.mov_r_imm(Size::S32, Gpr::R8, i.dst as i64);
                        a.mov_r_imm(Size::S32, Gpr::R9, pc as i64);
                        self.e.m.call_abs(opt_push_inlined as *const () as usize);
                    }
                    let w = crate::jit::baseline::helpers::exit_word(
                        crate::jit::baseline::helpers::EXIT_RESUME,
                        d.fs.pc,
                    );
                    self.asm().mov_r64_imm64(Gpr::Rax, w);
                    let real = self.real_exit;
                    self.asm().jmp(real);
                }
            }
            self.ndeopts += 1;
        }
        // (After the deopt stubs, which box values too.)
        for (entry, c) in std::mem::take(&mut self.cold) {
            self.asm().bind(entry);
            self.cold_case(c);
        }
        let exit = self.exit;
        self.asm().bind(exit);
        self.leave_region();
        let real = self.real_exit;
        self.asm().jmp(real);
        // The generic instructions' slow paths and out-of-line parts.
        self.e.emit_out_of_line()?;
        Ok(())
    }

    /// `FEEDBACK` and `PROTO` hold their constants again (baseline code
    /// reads them; optimized code may have used them for values).
    fn repin(&mut self) {
        if !self.repin {
            return;
        }
        let p = self.e.proto;
        let (fbp, pp) = (p.feedback.as_ptr() as u64, p as *const FuncProto as u64);
        let a = self.asm();
        // Fault: r14 keeps whatever value the allocation left in it.
        if !crate::faults::Fault::FeedbackNotRepinned.injected() {
            a.mov_r64_imm64(FEEDBACK, fbp);
        }
        a.mov_r64_imm64(PROTO, pp);
    }

    fn leave_region(&mut self) {
        let s = self.spill;
        if s > 0 {
            self.asm().alu_rm_imm(AluOp::Add, Size::S64, Gpr::Rsp, s);
        }
    }

    fn loc(&self, v: V) -> Loc {
        self.a.at(v, self.pos)
    }

    /// Lowering moves on to position `p`: the values split there move
    /// first.
    fn at(&mut self, p: u32) {
        self.pos = p;
        let ms = super::checker::seq(self.a.moves_at(p));
        self.moves(&ms);
    }

    /// The GPR holding `v` (read into `scratch` from a spill slot).
    fn gpr(&mut self, v: V, scratch: Gpr) -> Gpr {
        match self.loc(v) {
            Loc::Gpr(g) => g,
            Loc::Stack(n) => {
                self.asm().mov_r_m(Size::S64, scratch, stack(n));
                scratch
            }
            Loc::Xmm(_) => unreachable!("a GPR value in an XMM"),
        }
    }

    fn xmm(&mut self, v: V, scratch: Xmm) -> Xmm {
        match self.loc(v) {
            Loc::Xmm(x) => x,
            Loc::Stack(n) => {
                self.asm().sse(SseOp::Movsd, scratch, stack(n));
                scratch
            }
            Loc::Gpr(_) => unreachable!("an XMM value in a GPR"),
        }
    }

    /// Where to compute a GPR result: its register, or scratch.
    fn work(&self, res: V, avoid: &[V]) -> Gpr {
        match self.loc(res) {
            Loc::Gpr(g) if !avoid.iter().any(|x| self.loc(*x) == Loc::Gpr(g)) => g,
            _ => S0,
        }
    }

    fn put(&mut self, res: V, from: Gpr) {
        match self.loc(res) {
            Loc::Gpr(g) if g == from => {}
            Loc::Gpr(g) => self.asm().mov_rm_r(Size::S64, g, from),
            Loc::Stack(n) => self.asm().mov_rm_r(Size::S64, stack(n), from),
            Loc::Xmm(_) => unreachable!(),
        }
    }

    fn xwork(&self, res: V, avoid: &[V]) -> Xmm {
        match self.loc(res) {
            Loc::Xmm(x) if !avoid.iter().any(|y| self.loc(*y) == Loc::Xmm(x)) => x,
            _ => X0,
        }
    }

    fn xput(&mut self, res: V, from: Xmm) {
        match self.loc(res) {
            Loc::Xmm(x) if x == from => {}
            // movupd: a whole-register copy (eliminated by the renamer; movsd
            // would merge into the old value and wait for it).
            Loc::Xmm(x) => self.asm().sse(SseOp::Movupd, x, from),
            Loc::Stack(n) => self.asm().sse_store(SseStoreOp::Movsd, stack(n), from),
            Loc::Gpr(_) => unreachable!(),
        }
    }

    /// Deopts unless `o` is a heap cell (no tag bits, not EMPTY).
    /// `w` = the VM's intrinsic `i` (a cell pointer: read where used, as
    /// the collector may move it at any call).
    fn load_intrinsic(&mut self, w: Gpr, i: Intrinsic) {
        let a = self.asm();
        a.mov_r_m(Size::S64, w, Mem::disp(VM, INTRINSICS_PTR));
        a.mov_r_m(Size::S64, w, Mem::disp(w, 8 * i as i32));
    }

    /// Adds the int32 budget `v` back to `Vm::fuel` (see `fuel`: a loop's
    /// exits and the deopts inside it).
    fn give_back_fuel(&mut self, v: V) {
        let g = self.gpr(v, S0);
        self.asm().mov_rm_r(Size::S32, S0, g);
        self.asm().alu_rm_r(AluOp::Add, Size::S64, FUEL, S0);
    }

    /// Deopts unless `o` is an object cell.
    fn check_object(&mut self, o: Gpr, d: Label) {
        self.check_cell(o, d);
        let a = self.asm();
        a.alu_rm_imm(
            AluOp::Cmp,
            Size::S8,
            Mem::base(o),
            crate::runtime::heap::FIRST_OBJECT_KIND as i32,
        );
        a.jcc(Cond::B, d);
    }

    /// `IsCallee`: the tests of `CheckCallee`, as a Bool.
    /// Jumps to `d` unless a frame could be pushed `nest` inlined frames
    /// deeper (below the depth limit) and `room` bytes above the
    /// function's registers are below the stack limit (`CheckFrameRoom`,
    /// `CheckAccessorRoom`).
    fn frame_room(&mut self, room: u32, nest: u8, d: Label) {
        let a = self.asm();
        a.mov_r_m(Size::S64, S0, Mem::disp(VM, layout::FRAMES_LEN));
        if nest > 0 {
            a.alu_rm_imm(AluOp::Add, Size::S64, S0, nest as i32);
        }
        a.alu_r_m(AluOp::Cmp, Size::S64, S0, Mem::disp(VM, layout::MAX_DEPTH));
        a.jcc(Cond::Ae, d);
        a.lea(Size::S64, S0, Mem::disp(REGS, room as i32));
        a.alu_r_m(
            AluOp::Cmp,
            Size::S64,
            S0,
            Mem::disp(VM, layout::STACK_LIMIT),
        );
        a.jcc(Cond::Ae, d);
    }

    fn is_callee(&mut self, ins: &Inst, proto: u64) {
        let res = ins.res.unwrap();
        let v = self.gpr(ins.args[0], S0);
        let w = self.work(res, &[]);
        let no = self.asm().new_label();
        self.branch_if_not_cell(v, S1, no);
        let a = self.asm();
        a.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(v), Kind::Function as i32);
        a.jcc(Cond::Ne, no);
        // Fault: the dispatch takes the first inlined callee for any
        // function.
        if !crate::faults::Fault::PolyCalleeUnchecked.injected() {
            a.mov_r64_imm64(S1, proto);
            a.alu_r_m(AluOp::Cmp, Size::S64, S1, Mem::disp(v, layout::FN_PROTO));
            a.jcc(Cond::Ne, no);
        }
        self.bool_here_else(res, w, no);
    }

    /// The holder of a `LoadProp` case: `o` itself (no prototypes), else
    /// its prototypes walked into S0, each checked to be an object of the
    /// case's next shape (deopt to `d` otherwise). S0 and S1 are
    /// clobbered; `o` is only read (when it lives in S0, a spill slot
    /// still holds it for the deopt).
    fn walk_protos(&mut self, o: Gpr, protos: &[u64], d: Label) -> Result<Gpr, String> {
        let mut h = o;
        for &k in protos {
            let key = i32::try_from(k).map_err(|_| "shape id out of range")?;
            let proto = crate::jit::baseline::ic::PROTO_OFF;
            self.asm().mov_r_m(Size::S64, S0, Mem::disp(h, proto));
            h = S0;
            // Fault: a prototype's shape is taken on trust.
            if crate::faults::Fault::ProtoShapeUnchecked.injected() {
                continue;
            }
            self.check_object(S0, d);
            // The key is the shape id + 1.
            let a = self.asm();
            a.alu_rm_imm(AluOp::Cmp, Size::S64, Mem::disp(S0, SHAPE_OFF), key - 1);
            a.jcc(Cond::Ne, d);
        }
        Ok(h)
    }

    /// The address of an IC location `loc` of object `o` (S1 clobbered
    /// for an overflow slot).
    fn field(&mut self, o: Gpr, loc: i64) -> Mem {
        if loc >= 0 {
            Mem::disp(o, loc as i32)
        } else {
            self.asm()
                .mov_r_m(Size::S64, S1, Mem::disp(o, OVERFLOW_OFF));
            Mem::disp(S1, (-loc) as i32)
        }
    }

    fn check_cell(&mut self, o: Gpr, d: Label) {
        self.branch_if_not_cell(o, S1, d);
    }

    /// Jumps to `to` unless `o` is a cell; `mask` (not `o`) is clobbered.
    fn branch_if_not_cell(&mut self, o: Gpr, mask: Gpr, to: Label) {
        let a = self.asm();
        a.mov_r64_imm64(mask, crate::runtime::value::NOT_CELL_MASK);
        a.test_rm_r(Size::S64, o, mask);
        a.jcc(Cond::Ne, to);
        a.test_rm_r(Size::S64, o, o);
        a.jcc(Cond::E, to);
    }

    /// A tagged value to store: its GPR, or (in a spill slot) xmm14
    /// holding its bits, so both scratch GPRs stay free for addresses.
    fn value_operand(&mut self, v: V) -> Result<Gpr, Xmm> {
        match self.loc(v) {
            Loc::Gpr(g) => Ok(g),
            Loc::Stack(n) => {
                self.asm().sse(SseOp::Movsd, X1, stack(n));
                Err(X1)
            }
            Loc::Xmm(_) => unreachable!("a tagged value in an XMM"),
        }
    }

    fn store_value(&mut self, at: Mem, v: Result<Gpr, Xmm>) {
        match v {
            Ok(g) => self.asm().mov_rm_r(Size::S64, at, g),
            Err(x) => self.asm().sse_store(SseStoreOp::Movsd, at, x),
        }
    }

    /// A guard's deopt label (its stub is emitted after the body).
    fn deopt(&mut self, ins: &Inst) -> Label {
        let fs = ins.fs.as_ref().expect("a guard has a frame state");
        let reason = super::DeoptReason::of(ins.op).expect("a guard has a reason");
        let entry = self.asm().new_numbered_label("deopt_pc", fs.pc);
        self.deopts.push(Deopt {
            entry,
            fs: fs.clone(),
            reason,
            pos: self.pos,
        });
        entry
    }

    /// Deopt stress: the countdown in the VM reaches zero every
    /// `deopt_every` guards, and that guard deopts. Guards inside inlined
    /// calls count on a countdown of their own
    /// (`Vm::deopt_countdown_inlined`).
    fn stress(&mut self, to: Label) {
        let k = self.opts.deopt_every;
        if k == 0 {
            return;
        }
        let field = if self.stress_inlined {
            std::mem::offset_of!(Vm, deopt_countdown_inlined)
        } else {
            std::mem::offset_of!(Vm, deopt_countdown)
        };
        let cd = Mem::disp(VM, field as i32);
        let go = self.asm().new_label();
        let on = self.asm().new_label();
        self.asm().alu_rm_imm(AluOp::Sub, Size::S32, cd, 1);
        self.asm().jcc(Cond::E, on);
        self.asm().jmp(go);
        self.asm().bind(on);
        self.asm().mov_m_imm(Size::S32, cd, k as i32);
        self.asm().jmp(to);
        self.asm().bind(go);
    }

    /// Writes a frame state's values to their frame slots, boxed.
    fn sync(&mut self, fs: &FrameState) {
        for &(r, v) in &fs.regs {
            if r == super::fuel::FUEL_REG {
                self.give_back_fuel(v);
                continue;
            }
            self.write_boxed(Masm::reg(r), v);
        }
    }

    /// A deopt inside an inlined call (`i`): the caller's state into its
    /// frame, resuming after the call (its pc set as a direct call sets it
    /// before calling), and every register of the callee's frame (the
    /// call window on) written: the state's values, the rest undefined
    /// (dead, but scanned by the collector once the frame is pushed).
    ///
    /// Calls inlined into inlined callees nest: each level's frame is
    /// written at its window (the bases add up), the innermost last.
    fn materialize(&mut self, fs: &FrameState, i: &Inlined) {
        let chain = inlined_chain(fs, i);
        let outer = &chain[0].1.caller;
        self.sync(outer);
        let mut base = 0i32;
        for &(st, i) in &chain {
            // Fault: a nested frame's window taken as the function's own.
            if crate::faults::Fault::NestedInlineFrameMisplaced.injected() {
                base = 0;
            }
            base += i.base as i32;
            self.write_inlined_frame(st, i, base);
        }
        let pc = Mem::disp(FRAME, layout::F_PC);
        self.asm().mov_m_imm(Size::S64, pc, outer.pc as i32 + 1);
    }

    /// The registers of an inlined callee's frame (`i`, at `base`) from
    /// its state `fs`: its values, the rest undefined.
    fn write_inlined_frame(&mut self, fs: &FrameState, i: &Inlined, base: i32) {
        // Prototypes outlive all code.
        let p = unsafe { &*self.f.inlined[i.callee as usize].0 };
        for &(r, v) in &fs.regs {
            if r == super::fuel::FUEL_REG {
                self.give_back_fuel(v);
            }
        }
        for r in 0..p.nregs {
            let slot = Mem::disp(REGS, 8 * (base + r as i32));
            // Fault: `this` written from the callee register before it.
            let from = if r == 1 && crate::faults::Fault::InlinedWrongReceiver.injected() {
                0
            } else {
                r
            };
            match fs.regs.iter().find(|x| x.0 == from) {
                Some(&(_, v)) => self.write_boxed(slot, v),
                None => {
                    let u = Value::UNDEFINED.0 as i32;
                    self.asm().mov_m_imm(Size::S64, slot, u);
                }
            }
        }
    }

    /// Writes `v` boxed (as the interpreter boxes) to `slot`.
    fn write_boxed(&mut self, slot: Mem, v: V) {
        {
            match self.f.repr(v) {
                Repr::Tagged => {
                    let g = self.gpr(v, S0);
                    self.asm().mov_rm_r(Size::S64, slot, g);
                }
                Repr::Int32 => {
                    let g = self.gpr(v, S0);
                    self.asm().mov_rm_r(Size::S32, S0, g);
                    self.asm().alu_rm_r(AluOp::Or, Size::S64, S0, TAG);
                    self.asm().mov_rm_r(Size::S64, slot, S0);
                }
                Repr::Bool => {
                    let g = self.gpr(v, S0);
                    self.asm().mov_rm_r(Size::S32, S0, g);
                    self.asm()
                        .alu_rm_imm(AluOp::Add, Size::S64, S0, Value::FALSE.0 as i32);
                    self.asm().mov_rm_r(Size::S64, slot, S0);
                }
                Repr::Float64 => {
                    let x = self.xmm(v, X0);
                    self.box_f64(x, S0);
                    self.asm().mov_rm_r(Size::S64, slot, S0);
                }
            }
        }
    }

    /// dst = `Value::number(x)` (x is not xmm14; uses r10, r11, xmm14;
    /// dst is not r10). A double that is not integral (the common case)
    /// falls through.
    fn box_f64(&mut self, x: Xmm, dst: Gpr) {
        debug_assert_ne!(dst, S1);
        let a = self.asm();
        let double = a.new_label();
        let integral = a.new_label();
        let done = a.new_label();
        a.cvttsd2si(Size::S32, S0, x);
        a.cvtsi2sd(Size::S32, X1, S0);
        a.sse(SseOp::Ucomisd, X1, x);
        // Equal, or unordered (NaN).
        a.jcc(Cond::E, integral);
        a.bind(double);
        // x + DOUBLE_OFFSET is x - TAG (mod 2^64).
        const _: () = assert!(DOUBLE_OFFSET.wrapping_add(NUMBER_TAG) == 0);
        a.movq_r_x(dst, x);
        a.alu_rm_r(AluOp::Sub, Size::S64, dst, TAG);
        a.bind(done);
        self.cold.push((
            integral,
            Cold::BoxIntegral {
                x,
                dst,
                double,
                done,
            },
        ));
    }

    fn cold_case(&mut self, c: Cold) {
        let a = self.asm();
        match c {
            Cold::IntToF64 { g, x, done } => {
                a.cvtsi2sd(Size::S32, x, g);
                a.jmp(done);
            }
            Cold::BoxIntegral {
                x,
                dst,
                double,
                done,
            } => {
                let nan = a.new_label();
                a.jcc(Cond::P, nan);
                // Exact int32; zero might be -0.
                a.movq_r_x(S1, x);
                a.test_rm_r(Size::S64, S1, S1);
                a.jcc(Cond::S, double);
                a.mov_rm_r(Size::S32, dst, S0);
                a.alu_rm_r(AluOp::Or, Size::S64, dst, TAG);
                a.jmp(done);
                a.bind(nan);
                a.mov_r64_imm64(dst, Value::double(f64::NAN).0);
                a.jmp(done);
            }
        }
    }

    fn inst(&mut self, ins: &Inst) -> Result<(), String> {
        let res = ins.res;
        let arg = |i: usize| ins.args[i];
        match ins.op {
            Op::ConstI32(_) if self.imm_only.contains(&res.unwrap()) => {}
            Op::ConstI32(k) => {
                let w = self.work(res.unwrap(), &[]);
                self.asm().mov_r_imm(Size::S32, w, k as i64);
                self.put(res.unwrap(), w);
            }
            Op::ConstBool(b) => {
                let w = self.work(res.unwrap(), &[]);
                self.asm().mov_r_imm(Size::S32, w, b as i64);
                self.put(res.unwrap(), w);
            }
            Op::ConstTagged(bits) => {
                let w = self.work(res.unwrap(), &[]);
                self.asm().mov_r64_imm64(w, bits);
                self.put(res.unwrap(), w);
            }
            Op::ConstF64(bits) => {
                let x = self.xwork(res.unwrap(), &[]);
                self.asm().mov_r64_imm64(S0, bits);
                self.asm().movq_x_r(x, S0);
                self.xput(res.unwrap(), x);
            }
            Op::LoadReg(r) => {
                let w = self.work(res.unwrap(), &[]);
                self.asm().mov_r_m(Size::S64, w, Masm::reg(r));
                self.put(res.unwrap(), w);
            }
            Op::CheckInt32 => {
                let d = self.deopt(ins);
                self.stress(d);
                let v = self.gpr(arg(0), S0);
                self.asm().alu_rm_r(AluOp::Cmp, Size::S64, v, TAG);
                self.asm().jcc(Cond::B, d);
                let w = self.work(res.unwrap(), &[]);
                self.asm().mov_rm_r(Size::S32, w, v);
                self.put(res.unwrap(), w);
            }
            Op::CheckNumber => {
                let d = self.deopt(ins);
                self.stress(d);
                let v = self.gpr(arg(0), S0);
                let x = self.xwork(res.unwrap(), &[]);
                let a = self.asm();
                let is_int = a.new_label();
                let done = a.new_label();
                a.alu_rm_r(AluOp::Cmp, Size::S64, v, TAG);
                a.jcc(Cond::Ae, is_int);
                // v - DOUBLE_OFFSET is v + TAG (mod 2^64), which carries
                // exactly when v >= DOUBLE_OFFSET: a double. (v is read
                // before S0 is written: the int32 case, out of line,
                // reads it too.)
                a.mov_rm_r(Size::S64, S0, v);
                a.alu_rm_r(AluOp::Add, Size::S64, S0, TAG);
                a.jcc(Cond::Ae, d);
                a.movq_x_r(x, S0);
                a.bind(done);
                self.cold.push((is_int, Cold::IntToF64 { g: v, x, done }));
                self.xput(res.unwrap(), x);
            }
            Op::I32ToF64 => {
                let g = self.gpr(arg(0), S0);
                let x = self.xwork(res.unwrap(), &[]);
                self.asm().cvtsi2sd(Size::S32, x, g);
                self.xput(res.unwrap(), x);
            }
            Op::BoxI32 => {
                let g = self.gpr(arg(0), S0);
                let w = self.work(res.unwrap(), &[]);
                self.asm().mov_rm_r(Size::S32, w, g);
                self.asm().alu_rm_r(AluOp::Or, Size::S64, w, TAG);
                self.put(res.unwrap(), w);
            }
            Op::BoxBool => {
                let g = self.gpr(arg(0), S0);
                let w = self.work(res.unwrap(), &[]);
                self.asm().mov_rm_r(Size::S32, w, g);
                self.asm()
                    .alu_rm_imm(AluOp::Add, Size::S64, w, Value::FALSE.0 as i32);
                self.put(res.unwrap(), w);
            }
            Op::BoxF64 => {
                let x = self.xmm(arg(0), X0);
                let w = self.work(res.unwrap(), &[]);
                self.box_f64(x, w);
                self.put(res.unwrap(), w);
            }
            Op::AddI32
            | Op::SubI32
            | Op::AddI32Wrap
            | Op::SubI32Wrap
            | Op::AndI32
            | Op::OrI32
            | Op::XorI32
            | Op::MulI32 => self.int_binop(ins)?,
            Op::ShlI32 | Op::SarI32 | Op::ShrI32 => self.shift(ins),
            Op::NegI32 => {
                let d = self.deopt(ins);
                self.stress(d);
                let g = self.gpr(arg(0), S0);
                let w = self.work(res.unwrap(), &[]);
                let fs_vals: Vec<V> = ins.fs.as_ref().unwrap().values();
                let w = if fs_vals.iter().any(|v| self.loc(*v) == Loc::Gpr(w)) {
                    S0
                } else {
                    w
                };
                self.asm().mov_rm_r(Size::S32, w, g);
                self.asm().unary(UnaryOp::Neg, Size::S32, w);
                self.asm().jcc(Cond::O, d);
                self.asm().test_rm_r(Size::S32, w, w);
                self.asm().jcc(Cond::E, d);
                self.put(res.unwrap(), w);
            }
            Op::AddF64 | Op::SubF64 | Op::MulF64 | Op::DivF64 => {
                let op = match ins.op {
                    Op::AddF64 => SseOp::Addsd,
                    Op::SubF64 => SseOp::Subsd,
                    Op::MulF64 => SseOp::Mulsd,
                    _ => SseOp::Divsd,
                };
                let (mut x, mut y) = (arg(0), arg(1));
                // y + x in y's register when the result shares it: IEEE
                // addition and multiplication commute (a NaN's payload
                // may differ; nothing observes it: boxing canonicalizes).
                let commutes = matches!(ins.op, Op::AddF64 | Op::MulF64);
                if commutes && self.loc(res.unwrap()) == self.loc(y) && self.loc(x) != self.loc(y) {
                    std::mem::swap(&mut x, &mut y);
                }
                let w = self.xwork(res.unwrap(), &[y]);
                let xa = self.xmm(x, w);
                if xa != w {
                    self.asm().sse(SseOp::Movupd, w, xa);
                }
                match self.loc(y) {
                    Loc::Xmm(r) => self.asm().sse(op, w, r),
                    Loc::Stack(n) => self.asm().sse(op, w, stack(n)),
                    Loc::Gpr(_) => unreachable!(),
                }
                self.xput(res.unwrap(), w);
            }
            Op::NegF64 => {
                let x = self.xmm(arg(0), X0);
                self.asm().movq_r_x(S0, x);
                self.asm().mov_r64_imm64(S1, 1 << 63);
                self.asm().alu_rm_r(AluOp::Xor, Size::S64, S0, S1);
                let w = self.xwork(res.unwrap(), &[]);
                self.asm().movq_x_r(w, S0);
                self.xput(res.unwrap(), w);
            }
            Op::ModI32 => self.mod_i32(ins),
            Op::CmpI32(cc) | Op::CmpTagged(cc) => {
                let size = if matches!(ins.op, Op::CmpI32(_)) {
                    Size::S32
                } else {
                    Size::S64
                };
                let a = self.gpr(arg(0), S0);
                let imm = match ins.op {
                    Op::CmpI32(_) => self.consts.get(&arg(1)).copied(),
                    _ => None,
                };
                match imm {
                    Some(k) => self.asm().alu_rm_imm(AluOp::Cmp, size, a, k),
                    None => match self.loc(arg(1)) {
                        Loc::Gpr(b) => self.asm().alu_rm_r(AluOp::Cmp, size, a, b),
                        Loc::Stack(n) => self.asm().alu_r_m(AluOp::Cmp, size, a, stack(n)),
                        Loc::Xmm(_) => unreachable!(),
                    },
                }
                if self.fuse == res {
                    self.flags = Some(cc_of(cc));
                } else {
                    self.set_flag(res.unwrap(), cc_of(cc), None);
                }
            }
            Op::CmpF64(cc) => {
                // ucomisd x, y: CF = x < y, ZF = x == y, all set when unordered.
                let (p, q, cond) = match cc {
                    Cc::Lt => (arg(1), arg(0), Cond::A),
                    Cc::Le => (arg(1), arg(0), Cond::Ae),
                    Cc::Gt => (arg(0), arg(1), Cond::A),
                    Cc::Ge => (arg(0), arg(1), Cond::Ae),
                    Cc::Eq => (arg(0), arg(1), Cond::E),
                    Cc::Ne => (arg(0), arg(1), Cond::Ne),
                };
                let xp = self.xmm(p, X0);
                match self.loc(q) {
                    Loc::Xmm(r) => self.asm().sse(SseOp::Ucomisd, xp, r),
                    Loc::Stack(n) => self.asm().sse(SseOp::Ucomisd, xp, stack(n)),
                    Loc::Gpr(_) => unreachable!(),
                }
                let parity = match cc {
                    Cc::Eq => Some((Cond::Np, AluOp::And)),
                    Cc::Ne => Some((Cond::P, AluOp::Or)),
                    _ => None,
                };
                if self.fuse == res && parity.is_none() {
                    self.flags = Some(cond);
                } else {
                    self.set_flag(res.unwrap(), cond, parity);
                }
            }
            Op::NotBool => {
                let g = self.gpr(arg(0), S0);
                let w = self.work(res.unwrap(), &[]);
                self.asm().mov_rm_r(Size::S32, w, g);
                self.asm().alu_rm_imm(AluOp::Xor, Size::S32, w, 1);
                self.put(res.unwrap(), w);
            }
            Op::IsNullish | Op::IsUndef => {
                let g = self.gpr(arg(0), S0);
                self.asm().mov_rm_r(Size::S64, S1, g);
                if ins.op == Op::IsNullish {
                    // null = 0b0010, undefined = 0b1010.
                    self.asm().alu_rm_imm(AluOp::Or, Size::S64, S1, 8);
                }
                self.asm()
                    .alu_rm_imm(AluOp::Cmp, Size::S64, S1, Value::UNDEFINED.0 as i32);
                self.set_flag(res.unwrap(), Cond::E, None);
            }
            Op::TruthyInline => {
                let d = self.deopt(ins);
                self.stress(d);
                let v = self.gpr(arg(0), S0);
                let w = self.work(res.unwrap(), &[]);
                let a = self.asm();
                let (one, zero, not_int, not_nullish) =
                    (a.new_label(), a.new_label(), a.new_label(), a.new_label());
                a.alu_rm_imm(AluOp::Cmp, Size::S64, v, Value::TRUE.0 as i32);
                a.jcc(Cond::E, one);
                a.alu_rm_imm(AluOp::Cmp, Size::S64, v, Value::FALSE.0 as i32);
                a.jcc(Cond::E, zero);
                a.alu_rm_r(AluOp::Cmp, Size::S64, v, TAG);
                a.jcc(Cond::B, not_int);
                a.test_rm_r(Size::S32, v, v);
                a.jcc(Cond::Ne, one);
                a.jmp(zero);
                a.bind(not_int);
                // undefined (0b1010) or null (0b0010).
                a.mov_rm_r(Size::S64, S1, v);
                a.alu_rm_imm(AluOp::Or, Size::S64, S1, 8);
                a.alu_rm_imm(AluOp::Cmp, Size::S64, S1, Value::UNDEFINED.0 as i32);
                a.jcc(Cond::Ne, not_nullish);
                a.jmp(zero);
                a.bind(not_nullish);
                self.check_cell(v, d);
                let a = self.asm();
                a.alu_rm_imm(
                    AluOp::Cmp,
                    Size::S8,
                    Mem::base(v),
                    crate::runtime::heap::FIRST_OBJECT_KIND as i32,
                );
                a.jcc(Cond::B, d);
                a.bind(one);
                self.bool_here_else(res.unwrap(), w, zero);
            }
            Op::Truthy => {
                let fs = ins.fs.as_ref().unwrap();
                self.sync(fs);
                let g = self.gpr(arg(0), S0);
                self.asm().mov_rm_r(Size::S64, Gpr::Rsi, g);
                self.asm().mov_rm_r(Size::S64, Gpr::Rdi, VM);
                self.e.m.call_abs(opt_truthy as *const () as usize);
                let w = self.work(res.unwrap(), &[]);
                self.asm().mov_rm_r(Size::S32, w, Gpr::Rax);
                self.put(res.unwrap(), w);
            }
            Op::TruncF64 => {
                let d = self.deopt(ins);
                self.stress(d);
                let x = self.xmm(arg(0), X0);
                let w = self.work(res.unwrap(), &[]);
                let a = self.asm();
                a.cvttsd2si(Size::S64, S0, x);
                a.mov_r64_imm64(S1, 1 << 63);
                a.alu_rm_r(AluOp::Cmp, Size::S64, S0, S1);
                a.jcc(Cond::E, d);
                a.mov_rm_r(Size::S32, w, S0);
                self.put(res.unwrap(), w);
            }
            Op::CheckShape(key) => {
                let d = self.deopt(ins);
                self.stress(d);
                let o = self.gpr(arg(0), S0);
                self.check_object(o, d);
                // Shape ids are small (an index into the shape table).
                let key = i32::try_from(key).map_err(|_| "shape id out of range")?;
                // The key is the shape id + 1.
                self.asm()
                    .alu_rm_imm(AluOp::Cmp, Size::S64, Mem::disp(o, SHAPE_OFF), key - 1);
                self.asm().jcc(Cond::Ne, d);
            }
            Op::LoadField(loc) => {
                let o = self.gpr(arg(0), S0);
                let w = self.work(res.unwrap(), &[]);
                let at = self.field(o, loc);
                self.asm().mov_r_m(Size::S64, w, at);
                self.put(res.unwrap(), w);
            }
            Op::StoreField(loc) => {
                let v = self.value_operand(arg(1));
                let o = self.gpr(arg(0), S0);
                let at = self.field(o, loc);
                self.store_value(at, v);
            }
            Op::LoadProp(i) | Op::StoreProp(i) => {
                let d = self.deopt(ins);
                self.stress(d);
                let o = self.gpr(arg(0), S0);
                let store = matches!(ins.op, Op::StoreProp(_));
                // The value to store, as a GPR or (spilled) through xmm14.
                let val = if store {
                    Some(self.value_operand(arg(1)))
                } else {
                    None
                };
                let w = match res {
                    Some(r) => self.work(r, &[]),
                    None => S0,
                };
                let site = self.f.prop_sites[i as usize].clone();
                self.check_object(o, d);
                let a = self.asm();
                a.mov_r_m(Size::S64, S1, Mem::disp(o, SHAPE_OFF));
                a.alu_rm_imm(AluOp::Add, Size::S64, S1, 1);
                let done = a.new_label();
                for (k, case) in site.iter().enumerate() {
                    let a = &mut self.e.m.asm;
                    let next = a.new_label();
                    // Shape ids are small (an index into the shape table).
                    let key = i32::try_from(case.key).map_err(|_| "shape id out of range")?;
                    a.alu_rm_imm(AluOp::Cmp, Size::S64, S1, key);
                    a.jcc(Cond::Ne, if k + 1 == site.len() { d } else { next });
                    if store && !case.protos.is_empty() {
                        return Err("a StoreProp case on a prototype".into());
                    }
                    let h = self.walk_protos(o, &case.protos, d)?;
                    let at = self.field(h, case.loc);
                    match val {
                        Some(v) => self.store_value(at, v),
                        None => self.asm().mov_r_m(Size::S64, w, at),
                    }
                    let a = self.asm();
                    a.jmp(done);
                    a.bind(next);
                }
                self.asm().bind(done);
                if let Some(r) = res {
                    self.put(r, w);
                }
            }
            Op::LoadTypedElem | Op::StoreTypedF64 | Op::StoreTypedI32 => self.typed_elem(ins),
            Op::LoadElem | Op::StoreElem => {
                let d = self.deopt(ins);
                self.stress(d);
                let store = ins.op == Op::StoreElem;
                let val = if store {
                    Some(self.value_operand(arg(2)))
                } else {
                    None
                };
                let o = self.gpr(arg(0), S0);
                self.check_cell(o, d);
                let a = self.asm();
                a.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(o), Kind::Array as i32);
                a.jcc(Cond::Ne, d);
                if store {
                    a.test_rm_imm(
                        Size::S8,
                        Mem::disp(o, FLAGS_OFF),
                        crate::runtime::object::FROZEN_ELEMENTS as i32,
                    );
                    a.jcc(Cond::Ne, d);
                }
                match self.loc(arg(1)) {
                    Loc::Gpr(g) => self.asm().mov_rm_r(Size::S32, S1, g),
                    Loc::Stack(n) => self.asm().mov_r_m(Size::S32, S1, stack(n)),
                    Loc::Xmm(_) => unreachable!(),
                }
                let a = self.asm();
                a.test_rm_r(Size::S32, S1, S1);
                a.jcc(Cond::S, d);
                a.alu_r_m(AluOp::Cmp, Size::S64, S1, Mem::disp(o, LENGTH_OFF));
                a.jcc(Cond::Ae, d);
                a.mov_r_m(Size::S64, S0, Mem::disp(o, ELEMENTS_OFF));
                // No storage (an immediate in the slot): the helper's case.
                a.alu_rm_imm(AluOp::Cmp, Size::S64, S0, 16);
                a.jcc(Cond::B, d);
                // index < capacity (header bits 40..) as (index + 1) << 40
                // <= header, with two scratch registers.
                a.lea(Size::S64, S1, Mem::disp(S1, 1));
                a.shift_imm(ShiftOp::Shl, Size::S64, S1, 40);
                a.alu_r_m(AluOp::Cmp, Size::S64, S1, Mem::base(S0));
                a.jcc(Cond::A, d);
                a.shift_imm(ShiftOp::Shr, Size::S64, S1, 40);
                let at = Mem::bisd(S0, idx(S1), Scale::S8, slots_value_off(0) - 8);
                // The hole is the helper's.
                a.alu_rm_imm(AluOp::Cmp, Size::S64, at, 0);
                a.jcc(Cond::E, d);
                match val {
                    Some(v) => self.store_value(at, v),
                    None => {
                        let w = self.work(res.unwrap(), &[]);
                        self.asm().mov_r_m(Size::S64, w, at);
                        self.put(res.unwrap(), w);
                    }
                }
            }
            Op::LoadLength => {
                let d = self.deopt(ins);
                self.stress(d);
                let o = self.gpr(arg(0), S0);
                self.check_cell(o, d);
                let w = self.work(res.unwrap(), &[]);
                let a = self.asm();
                let (string, have) = (a.new_label(), a.new_label());
                a.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(o), Kind::Array as i32);
                a.jcc(Cond::Ne, string);
                a.mov_r_m(Size::S64, S1, Mem::disp(o, LENGTH_OFF));
                a.jmp(have);
                a.bind(string);
                // Flat strings and ropes keep their length in raw(0).
                let flat = a.new_label();
                a.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(o), Kind::String as i32);
                a.jcc(Cond::E, flat);
                a.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(o), Kind::Rope as i32);
                a.jcc(Cond::Ne, d);
                a.bind(flat);
                a.mov_r_m(Size::S64, S1, Mem::disp(o, STRING_LEN_OFF));
                a.bind(have);
                a.alu_rm_imm(AluOp::Cmp, Size::S64, S1, i32::MAX);
                a.jcc(Cond::A, d);
                a.mov_rm_r(Size::S32, w, S1);
                self.put(res.unwrap(), w);
            }
            Op::LoadAtomStr(atom1) => {
                let d = self.deopt(ins);
                self.stress(d);
                let w = self.work(res.unwrap(), &[]);
                let a = self.asm();
                a.alu_rm_imm(
                    AluOp::Cmp,
                    Size::S64,
                    Mem::disp(VM, ATOM_STRINGS_LEN),
                    atom1 as i32,
                );
                a.jcc(Cond::B, d);
                a.mov_r_m(Size::S64, w, Mem::disp(VM, ATOM_STRINGS_PTR));
                a.mov_r_m(Size::S64, w, Mem::disp(w, 8 * (atom1 as i32 - 1)));
                // EMPTY (0): not made yet.
                a.test_rm_r(Size::S64, w, w);
                a.jcc(Cond::E, d);
                self.put(res.unwrap(), w);
            }
            Op::StrCharAt => self.str_char_at(ins),
            Op::StrictEqStr | Op::StrictEqAtom => self.strict_eq_str(ins),
            Op::LoadCtxIn(depth, slot) => {
                let env = self.gpr(arg(0), S1);
                let a = self.asm();
                a.mov_rm_r(Size::S64, S1, env);
                for _ in 0..depth {
                    a.mov_r_m(Size::S64, S1, Mem::disp(S1, layout::ENV_PARENT));
                }
                let w = self.work(res.unwrap(), &[]);
                self.asm().mov_r_m(Size::S64, w, layout::env_slot(S1, slot));
                self.put(res.unwrap(), w);
            }
            Op::LoadCtx(depth, slot) | Op::StoreCtx(depth, slot) => {
                let a = self.asm();
                a.mov_r_m(Size::S64, S1, Mem::disp(FRAME, layout::F_CTX));
                for _ in 0..depth {
                    a.mov_r_m(Size::S64, S1, Mem::disp(S1, layout::ENV_PARENT));
                }
                let at = layout::env_slot(S1, slot);
                match res {
                    Some(r) => {
                        let w = self.work(r, &[]);
                        self.asm().mov_r_m(Size::S64, w, at);
                        self.put(r, w);
                    }
                    None => {
                        let g = self.gpr(arg(0), S0);
                        self.asm().mov_rm_r(Size::S64, at, g);
                    }
                }
            }
            Op::LoadGlobalObj => {
                let w = self.work(res.unwrap(), &[]);
                self.load_intrinsic(w, Intrinsic::Global);
                self.put(res.unwrap(), w);
            }
            Op::StrReceiver => {
                let v = self.gpr(arg(0), S0);
                let w = self.work(res.unwrap(), &[]);
                let a = self.asm();
                let (done, string) = (a.new_label(), a.new_label());
                if w != v {
                    a.mov_rm_r(Size::S64, w, v);
                }
                self.e.m.branch_if_not_cell(w, done);
                let a = self.asm();
                a.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(w), Kind::String as i32);
                a.jcc(Cond::E, string);
                a.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(w), Kind::Rope as i32);
                a.jcc(Cond::Ne, done);
                a.bind(string);
                self.load_intrinsic(w, Intrinsic::StringPrototype);
                self.asm().bind(done);
                self.put(res.unwrap(), w);
            }
            Op::CheckNative(i) => {
                let d = self.deopt(ins);
                self.stress(d);
                let v = self.gpr(arg(0), S0);
                self.check_cell(v, d);
                let entry = InlineNative::ALL[i as usize].entry();
                let a = self.asm();
                a.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(v), Kind::Native as i32);
                a.jcc(Cond::Ne, d);
                a.mov_r64_imm64(S1, entry as u64);
                a.alu_r_m(AluOp::Cmp, Size::S64, S1, Mem::disp(v, NATIVE_ENTRY_OFF));
                a.jcc(Cond::Ne, d);
                a.alu_rm_imm(
                    AluOp::Cmp,
                    Size::S64,
                    Mem::disp(VM, std::mem::offset_of!(Vm, native_depth) as i32),
                    crate::runtime::call::MAX_NATIVE_DEPTH as i32,
                );
                a.jcc(Cond::Ae, d);
            }
            Op::CheckCallee(proto) => {
                let d = self.deopt(ins);
                self.stress(d);
                let v = self.gpr(arg(0), S0);
                self.check_cell(v, d);
                let a = self.asm();
                a.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(v), Kind::Function as i32);
                a.jcc(Cond::Ne, d);
                a.mov_r64_imm64(S1, proto);
                a.alu_r_m(AluOp::Cmp, Size::S64, S1, Mem::disp(v, layout::FN_PROTO));
                a.jcc(Cond::Ne, d);
            }
            Op::IsCallee(proto) => self.is_callee(ins, proto),
            Op::CheckIdentityCmp => {
                // A number (any NUMBER_TAG bit) deopts; an immediate
                // passes; a cell deopts when it is a string.
                let d = self.deopt(ins);
                self.stress(d);
                let v = self.gpr(arg(0), S0);
                let ok = self.asm().new_label();
                let a = self.asm();
                a.mov_r64_imm64(S1, NUMBER_TAG);
                a.test_rm_r(Size::S64, v, S1);
                a.jcc(Cond::Ne, d);
                if !crate::faults::Fault::IdentityCmpOfStrings.injected() {
                    self.branch_if_not_cell(v, S1, ok);
                    let a = self.asm();
                    a.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(v), Kind::String as i32);
                    a.jcc(Cond::E, d);
                    a.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(v), Kind::Rope as i32);
                    a.jcc(Cond::E, d);
                }
                self.asm().bind(ok);
            }
            Op::Deopt => {
                let d = self.deopt(ins);
                self.asm().jmp(d);
            }
            Op::Splice(_) => unreachable!("the builder splices every inlined callee in"),
            Op::CheckFrameRoom(room, nest) => {
                // The frame checks of a direct entry
                // (`emit_direct_entry_to`), in its order: a failing one
                // deopts before the call, and the baseline code makes it
                // (and reports what failed). `nest` inlined frames would
                // be pushed before this one.
                let d = self.deopt(ins);
                self.stress(d);
                self.frame_room(room, nest, d);
            }
            Op::CheckAccessorRoom(room, margin, nest) => {
                // `vm.call`'s checks (native depth, the window's room at
                // the stack top) and the frame push's (depth, the getter's
                // registers), as the baseline's direct accessor call
                // (`accessors::emit_accessor_call`) makes them: a failing
                // one deopts before the GetProp, whose call reports it.
                let d = self.deopt(ins);
                self.stress(d);
                let a = self.asm();
                a.alu_rm_imm(
                    AluOp::Cmp,
                    Size::S64,
                    Mem::disp(VM, std::mem::offset_of!(Vm, native_depth) as i32),
                    crate::runtime::call::MAX_NATIVE_DEPTH as i32,
                );
                a.jcc(Cond::Ae, d);
                a.mov_r_m(Size::S64, S0, Mem::disp(VM, layout::SP));
                a.mov_r_m(Size::S64, S1, Mem::disp(VM, layout::STACK_BASE));
                a.lea(
                    Size::S64,
                    S1,
                    Mem::bisd(S1, idx(S0), Scale::S8, margin as i32 * 8),
                );
                a.alu_r_m(
                    AluOp::Cmp,
                    Size::S64,
                    S1,
                    Mem::disp(VM, layout::STACK_LIMIT),
                );
                a.jcc(Cond::Ae, d);
                // (At nest 0 the room check is implied: vm.sp is at or
                // above the function's registers.)
                self.frame_room(room, nest, d);
            }
            Op::MathF64(m) => {
                let x = self.xmm(arg(0), X0);
                let w = self.xwork(res.unwrap(), &[]);
                match m {
                    MathOp::Sqrt => self.asm().sse(SseOp::Sqrtsd, w, x),
                    MathOp::Floor => self.asm().roundsd(w, x, 1 | 8),
                    MathOp::Ceil => self.asm().roundsd(w, x, 2 | 8),
                    MathOp::Abs => {
                        let a = self.asm();
                        a.movq_r_x(S0, x);
                        a.shift_imm(ShiftOp::Shl, Size::S64, S0, 1);
                        a.shift_imm(ShiftOp::Shr, Size::S64, S0, 1);
                        a.movq_x_r(w, S0);
                    }
                }
                self.xput(res.unwrap(), w);
            }
            Op::MinF64 | Op::MaxF64 => {
                // As `runtime::math::min2/max2` (and the baseline's inline
                // path): NaN if either is; of two equal values (only ±0
                // differ) the bitwise OR for min (-0 wins), AND for max.
                let min = ins.op == Op::MinF64;
                let (mut x, mut y) = (arg(0), arg(1));
                // y + x in y's register when the result shares it: IEEE
                // addition and multiplication commute (a NaN's payload
                // may differ; nothing observes it: boxing canonicalizes).
                let commutes = matches!(ins.op, Op::AddF64 | Op::MulF64);
                if commutes && self.loc(res.unwrap()) == self.loc(y) && self.loc(x) != self.loc(y) {
                    std::mem::swap(&mut x, &mut y);
                }
                let w = self.xwork(res.unwrap(), &[y]);
                let xa = self.xmm(x, w);
                if xa != w {
                    self.asm().sse(SseOp::Movupd, w, xa);
                }
                let yr = self.xmm(y, X1);
                let a = self.asm();
                let (nan, equal, take_b, done) =
                    (a.new_label(), a.new_label(), a.new_label(), a.new_label());
                a.sse(SseOp::Ucomisd, w, yr);
                a.jcc(Cond::P, nan);
                a.jcc(Cond::E, equal);
                a.jcc(if min { Cond::A } else { Cond::B }, take_b);
                a.jmp(done);
                a.bind(take_b);
                a.sse(SseOp::Movupd, w, yr);
                a.jmp(done);
                a.bind(equal);
                a.sse(if min { SseOp::Orpd } else { SseOp::Andpd }, w, yr);
                a.jmp(done);
                a.bind(nan);
                a.sse(SseOp::Addsd, w, yr);
                a.bind(done);
                self.xput(res.unwrap(), w);
            }
            Op::CheckNotHole => {
                let d = self.deopt(ins);
                self.stress(d);
                let g = self.gpr(arg(0), S0);
                self.asm().test_rm_r(Size::S64, g, g);
                self.asm().jcc(Cond::E, d);
            }
            Op::Fuel => {
                let d = self.deopt(ins);
                self.stress(d);
                let a = self.asm();
                a.mov_r_m(Size::S64, S0, FUEL);
                a.alu_rm_imm(AluOp::Cmp, Size::S64, S0, 1);
                a.jcc(Cond::Be, d);
                a.alu_rm_imm(AluOp::Sub, Size::S64, S0, 1);
                a.mov_rm_r(Size::S64, FUEL, S0);
            }
            Op::ReserveFuel => {
                let w = self.work(res.unwrap(), &[]);
                let a = self.asm();
                let ok = a.new_label();
                a.mov_r_m(Size::S64, S0, FUEL);
                a.alu_rm_imm(AluOp::Sub, Size::S64, S0, 1);
                a.jcc(Cond::Ae, ok);
                a.mov_r_imm(Size::S32, S0, 0);
                a.bind(ok);
                a.mov_r_imm(Size::S32, S1, i32::MAX as i64);
                a.alu_rm_r(AluOp::Cmp, Size::S64, S0, S1);
                a.cmovcc(Cond::A, Size::S64, S0, S1);
                a.alu_rm_r(AluOp::Sub, Size::S64, FUEL, S0);
                a.mov_rm_r(Size::S32, w, S0);
                self.put(res.unwrap(), w);
            }
            Op::FuelStep => {
                // Never stress-deopted: its state does not hold the
                // budget (see `fuel`), so it may leave only when that is 0.
                let d = self.deopt(ins);
                let g = self.gpr(arg(0), S0);
                let w = self.work(res.unwrap(), &[]);
                let a = self.asm();
                if w == g {
                    // Borrows exactly when the budget was 0.
                    a.alu_rm_imm(AluOp::Sub, Size::S32, g, 1);
                    a.jcc(Cond::B, d);
                } else {
                    a.test_rm_r(Size::S32, g, g);
                    a.jcc(Cond::E, d);
                    a.lea(Size::S32, w, Mem::disp(g, -1));
                }
                self.put(res.unwrap(), w);
            }
            Op::ReturnFuel => self.give_back_fuel(arg(0)),
            Op::Generic(pc) => {
                self.sync(ins.fs.as_ref().unwrap());
                let insn = self.e.proto.code[pc as usize];
                self.generic(pc, insn)?;
            }
            Op::LoadTypedInBounds | Op::StoreTypedF64InBounds | Op::StoreTypedI32InBounds => {
                self.typed_elem(ins)
            }
            Op::LoadElemInBounds | Op::StoreElemInBounds => self.elem_in_bounds(ins),
            Op::DenseLengthOk | Op::TypedLengthOk => self.length_ok(ins),
            Op::AtLeastOk(k) => {
                match self.loc(arg(0)) {
                    Loc::Gpr(g) => self.asm().alu_rm_imm(AluOp::Cmp, Size::S32, g, k),
                    Loc::Stack(n) => self.asm().alu_rm_imm(AluOp::Cmp, Size::S32, stack(n), k),
                    Loc::Xmm(_) => unreachable!(),
                }
                self.set_flag(res.unwrap(), Cond::Ge, None);
            }
            Op::AndBool => {
                let w = self.work(res.unwrap(), &[arg(1)]);
                match self.loc(arg(0)) {
                    Loc::Gpr(g) if g == w => {}
                    Loc::Gpr(g) => self.asm().mov_rm_r(Size::S32, w, g),
                    Loc::Stack(n) => self.asm().mov_r_m(Size::S32, w, stack(n)),
                    Loc::Xmm(_) => unreachable!(),
                }
                match self.loc(arg(1)) {
                    Loc::Gpr(g) => self.asm().alu_rm_r(AluOp::And, Size::S32, w, g),
                    Loc::Stack(n) => self.asm().alu_r_m(AluOp::And, Size::S32, w, stack(n)),
                    Loc::Xmm(_) => unreachable!(),
                }
                self.put(res.unwrap(), w);
            }
            Op::AffineSumI32(tri) | Op::AffineFitsI32(tri) => self.affine_sum(ins, tri),
            Op::VecLoop(k) => self.vec_loop(ins, k),
            Op::TakeFuel => {
                self.int32_to(S1, arg(0));
                let w = self.work(res.unwrap(), &[]);
                let a = self.asm();
                let no = a.new_label();
                a.mov_r_m(Size::S64, S0, FUEL);
                a.alu_rm_r(AluOp::Cmp, Size::S64, S0, S1);
                a.jcc(Cond::Be, no);
                // Fault: the skipped iterations' fuel is not spent.
                if !crate::faults::Fault::ClosedFormSkipsFuel.injected() {
                    a.alu_rm_r(AluOp::Sub, Size::S64, FUEL, S1);
                }
                self.bool_here_else(res.unwrap(), w, no);
            }
        }
        Ok(())
    }

    /// `LoadElemInBounds`, `StoreElemInBounds`: a `DenseLengthOk` with
    /// no call since proved the array dense and the index in its storage;
    /// the hole (and, for stores, frozen) checks stay.
    /// dst = the int32 `v` (upper half zero).
    fn int32_to(&mut self, dst: Gpr, v: V) {
        match self.loc(v) {
            Loc::Gpr(g) => self.asm().mov_rm_r(Size::S32, dst, g),
            Loc::Stack(n) => self.asm().mov_r_m(Size::S32, dst, stack(n)),
            Loc::Xmm(_) => unreachable!(),
        }
    }

    /// The `bce` Bool of an `...InBounds` op: when false, the checked op
    /// runs out of line. Returns where both continue.
    fn in_bounds_or_checked(&mut self, ins: &Inst) -> Label {
        let (slow, done) = (self.asm().new_label(), self.asm().new_label());
        match self.loc(*ins.args.last().unwrap()) {
            Loc::Gpr(g) => self.asm().test_rm_r(Size::S32, g, g),
            Loc::Stack(n) => self.asm().alu_rm_imm(AluOp::Cmp, Size::S32, stack(n), 0),
            Loc::Xmm(_) => unreachable!(),
        }
        self.asm().jcc(Cond::E, slow);
        let mut checked = ins.clone();
        checked.op = ins.op.checked().unwrap();
        checked.args.pop();
        self.slow.push((slow, checked, done, self.pos));
        done
    }

    fn elem_in_bounds(&mut self, ins: &Inst) {
        let done = self.in_bounds_or_checked(ins);
        let d = self.deopt(ins);
        self.stress(d);
        let val = match ins.op {
            Op::StoreElemInBounds => Some(self.value_operand(ins.args[2])),
            _ => None,
        };
        let o = self.gpr(ins.args[0], S0);
        if val.is_some() {
            let a = self.asm();
            a.test_rm_imm(
                Size::S8,
                Mem::disp(o, FLAGS_OFF),
                crate::runtime::object::FROZEN_ELEMENTS as i32,
            );
            a.jcc(Cond::Ne, d);
        }
        let i = match self.loc(ins.args[1]) {
            Loc::Gpr(g) => g,
            Loc::Stack(n) => {
                self.asm().mov_r_m(Size::S32, S1, stack(n));
                S1
            }
            Loc::Xmm(_) => unreachable!(),
        };
        let a = self.asm();
        a.mov_r_m(Size::S64, S0, Mem::disp(o, ELEMENTS_OFF));
        // (An int32's upper half is zero: it indexes as is.)
        let at = Mem::bisd(S0, idx(i), Scale::S8, slots_value_off(0));
        match val {
            Some(v) => {
                // The hole is the helper's.
                self.asm().alu_rm_imm(AluOp::Cmp, Size::S64, at, 0);
                self.asm().jcc(Cond::E, d);
                self.store_value(at, v);
            }
            None => {
                let r = ins.res.unwrap();
                let w = self.work(r, &[]);
                let a = self.asm();
                a.mov_r_m(Size::S64, w, at);
                a.test_rm_r(Size::S64, w, w);
                a.jcc(Cond::E, d);
                self.put(r, w);
            }
        }
        self.asm().bind(done);
    }

    /// `AffineSumI32`, `AffineFitsI32`: in 64 bits (every product is below 2^62), with
    /// xmm0 holding the triangle while both scratch GPRs compute k*a.
    fn affine_sum(&mut self, ins: &Inst, tri: bool) {
        let (s0, k, x) = (ins.args[0], ins.args[1], ins.args[2]);
        // dst = the int32 v, sign- or zero-extended to 64 bits.
        let load = |me: &mut Self, dst: Gpr, v: V, signed: bool| match (me.loc(v), signed) {
            (Loc::Gpr(g), true) => me.asm().movsxd(dst, g),
            (Loc::Stack(n), true) => me.asm().movsxd(dst, stack(n)),
            (Loc::Gpr(g), false) => me.asm().mov_rm_r(Size::S32, dst, g),
            (Loc::Stack(n), false) => me.asm().mov_r_m(Size::S32, dst, stack(n)),
            (Loc::Xmm(_), _) => unreachable!(),
        };
        load(self, S1, k, false);
        if tri {
            let a = self.asm();
            a.lea(Size::S64, S0, Mem::disp(S1, -1));
            a.imul_r_rm(Size::S64, S0, S1);
            a.shift_imm(ShiftOp::Shr, Size::S64, S0, 1);
            a.movq_x_r(X0, S0);
            load(self, S0, x, true);
            let a = self.asm();
            a.imul_r_rm(Size::S64, S0, S1);
            a.movq_r_x(S1, X0);
            a.alu_rm_r(AluOp::Add, Size::S64, S0, S1);
        } else {
            load(self, S0, x, true);
            self.asm().imul_r_rm(Size::S64, S0, S1);
        }
        load(self, S1, s0, true);
        self.asm().alu_rm_r(AluOp::Add, Size::S64, S0, S1);
        let r = ins.res.unwrap();
        if matches!(ins.op, Op::AffineFitsI32(_)) {
            let a = self.asm();
            a.movsxd(S1, S0);
            a.alu_rm_r(AluOp::Cmp, Size::S64, S1, S0);
            self.set_flag(r, Cond::E, None);
        } else {
            let w = self.work(r, &[]);
            self.asm().mov_rm_r(Size::S32, w, S0);
            self.put(r, w);
        }
    }

    /// `DenseLengthOk`, `TypedLengthOk` (array, n): 1 or 0.
    fn length_ok(&mut self, ins: &Inst) {
        let a = self.asm();
        let (ok, fail) = (a.new_label(), a.new_label());
        let o = self.gpr(ins.args[0], S0);
        self.check_cell(o, fail);
        let dense = ins.op == Op::DenseLengthOk;
        let a = self.asm();
        if dense {
            a.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(o), Kind::Array as i32);
            a.jcc(Cond::Ne, fail);
        } else {
            let typed = a.new_label();
            a.alu_rm_imm(
                AluOp::Cmp,
                Size::S8,
                Mem::base(o),
                Kind::Float64Array as i32,
            );
            a.jcc(Cond::E, typed);
            a.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(o), Kind::Int32Array as i32);
            a.jcc(Cond::Ne, fail);
            a.bind(typed);
        }
        self.int32_to(S1, ins.args[1]);
        let a = self.asm();
        // n <= 0: no index is in [0, n).
        a.test_rm_r(Size::S32, S1, S1);
        a.jcc(Cond::Le, ok);
        a.alu_r_m(AluOp::Cmp, Size::S64, S1, Mem::disp(o, LENGTH_OFF));
        a.jcc(Cond::A, fail);
        if dense {
            a.mov_r_m(Size::S64, S0, Mem::disp(o, ELEMENTS_OFF));
            // No storage (an immediate in the slot).
            a.alu_rm_imm(AluOp::Cmp, Size::S64, S0, 16);
            a.jcc(Cond::B, fail);
            // n <= capacity (header bits 40..) as n << 40 <= header.
            a.shift_imm(ShiftOp::Shl, Size::S64, S1, 40);
            a.alu_r_m(AluOp::Cmp, Size::S64, S1, Mem::base(S0));
            a.jcc(Cond::A, fail);
        }
        let r = ins.res.unwrap();
        let w = self.work(r, &[]);
        self.asm().bind(ok);
        self.bool_here_else(r, w, fail);
    }

    /// The baseline tier's code for one instruction, continuing here.
    fn generic(&mut self, pc: u32, insn: crate::bytecode::Insn) -> Result<(), String> {
        self.repin();
        let cont = self.asm().new_label();
        self.asm()
            .annotate(crate::jit::x64::Annotation::Bytecode(pc));
        self.e.next_override = Some(cont);
        // A jump of the instruction continues in baseline code (everything
        // is in the frame): give the spill area back on the way.
        let jump = insn.operands().iter().find_map(|(k, v)| {
            (*k == crate::bytecode::OperandKind::Jump)
                .then(|| crate::bytecode::jump_target(pc as usize, *v as i32))
        });
        let tramp = jump.map(|_| self.asm().new_label());
        self.e.target_override = tramp;
        self.e.lean_calls = true;
        let r = self.e.visit(pc, insn);
        self.e.lean_calls = false;
        self.e.next_override = None;
        self.e.target_override = None;
        r?;
        if let (Some(t), Some(l)) = (jump, tramp) {
            let skip = self.asm().new_label();
            self.asm().jmp(skip);
            self.asm().bind(l);
            self.leave_region();
            let to = self.e.labels[t as usize];
            self.asm().jmp(to);
            self.asm().bind(skip);
        }
        self.asm().bind(cont);
        Ok(())
    }

    /// The compare to fuse with block `b`'s branch (see `fuse`): its last
    /// instruction, read by nothing but the branch (an ordered float
    /// compare: one condition code; edge moves are `mov`s, which keep the
    /// flags).
    fn fusable(&self, b: &Block) -> Option<V> {
        let Term::Branch { cond, .. } = &b.term else {
            return None;
        };
        let last = b.insts.last()?;
        let one_flag = match last.op {
            Op::CmpI32(_) | Op::CmpTagged(_) => true,
            Op::CmpF64(cc) => !matches!(cc, Cc::Eq | Cc::Ne),
            _ => false,
        };
        (one_flag && last.res == Some(*cond) && self.uses.get(cond) == Some(&1)).then_some(*cond)
    }

    /// Bool `res` (computed in `w`): 1 where control is now, 0 from
    /// `f` (bound here).
    fn bool_here_else(&mut self, res: V, w: Gpr, f: Label) {
        let a = self.asm();
        let done = a.new_label();
        a.mov_r_imm(Size::S32, w, 1);
        a.jmp(done);
        a.bind(f);
        a.mov_r_imm(Size::S32, w, 0);
        a.bind(done);
        self.put(res, w);
    }

    /// Result = the condition (plus a parity fix for float (in)equality).
    /// `StrCharAt`, in the scratch registers only: the string into S0
    /// (a flattened rope's flat string), the unit, its atom + 1
    /// (`Vm::unit_atoms`), its shared string (`Vm::atom_strings`), as the
    /// baseline's `unit_string_at` reads them.
    fn str_char_at(&mut self, ins: &Inst) {
        let d = self.deopt(ins);
        self.stress(d);
        let s = self.gpr(ins.args[0], S0);
        if s != S0 {
            self.asm().mov_rm_r(Size::S64, S0, s);
        }
        self.check_cell(S0, d);
        self.e.flat_string(S0, d);
        // The index zero-extended: a negative one is out of range too.
        match self.loc(ins.args[1]) {
            Loc::Gpr(g) => self.asm().mov_rm_r(Size::S32, S1, g),
            Loc::Stack(n) => self.asm().mov_r_m(Size::S32, S1, stack(n)),
            Loc::Xmm(_) => unreachable!(),
        }
        let a = self.asm();
        a.alu_r_m(AluOp::Cmp, Size::S64, S1, Mem::disp(S0, STRING_LEN_OFF));
        a.jcc(Cond::Ae, d);
        a.movzx(
            Size::S32,
            S1,
            Size::S16,
            Mem::bisd(S0, idx(S1), Scale::S2, STRING_UNITS_OFF),
        );
        a.alu_rm_imm(
            AluOp::Cmp,
            Size::S32,
            S1,
            crate::runtime::UNIT_STRINGS as i32,
        );
        a.jcc(Cond::Ae, d);
        a.mov_r_m(Size::S64, S0, Mem::disp(VM, UNIT_ATOMS));
        a.mov_r_m(Size::S32, S1, Mem::bisd(S0, idx(S1), Scale::S4, 0));
        a.test_rm_r(Size::S32, S1, S1);
        a.jcc(Cond::E, d);
        a.alu_r_m(AluOp::Cmp, Size::S64, S1, Mem::disp(VM, ATOM_STRINGS_LEN));
        a.jcc(Cond::A, d);
        a.mov_r_m(Size::S64, S0, Mem::disp(VM, ATOM_STRINGS_PTR));
        a.mov_r_m(Size::S64, S0, Mem::bisd(S0, idx(S1), Scale::S8, -8));
        a.test_rm_r(Size::S64, S0, S0);
        a.jcc(Cond::E, d);
        self.put(ins.res.unwrap(), S0);
    }

    /// `StrictEqStr` and `StrictEqAtom` (see the ops), in the scratch
    /// registers only: x in S0 and y in S1 once both are known to be flat
    /// strings; x is read again from its location where S0 served as a
    /// temporary.
    fn strict_eq_str(&mut self, ins: &Inst) {
        let d = self.deopt(ins);
        self.stress(d);
        let (x, y) = (ins.args[0], ins.args[1]);
        let load = |l: &mut Self, v: V, to: Gpr| match l.loc(v) {
            Loc::Gpr(g) => l.asm().mov_rm_r(Size::S64, to, g),
            Loc::Stack(n) => l.asm().mov_r_m(Size::S64, to, stack(n)),
            Loc::Xmm(_) => unreachable!(),
        };
        let (same, eq, ne, flat) = {
            let a = self.asm();
            (a.new_label(), a.new_label(), a.new_label(), a.new_label())
        };
        load(self, x, S0);
        match self.loc(y) {
            Loc::Gpr(g) => self.asm().alu_rm_r(AluOp::Cmp, Size::S64, S0, g),
            Loc::Stack(n) => self.asm().alu_r_m(AluOp::Cmp, Size::S64, S0, stack(n)),
            Loc::Xmm(_) => unreachable!(),
        }
        self.asm().jcc(Cond::E, same);
        if ins.op == Op::StrictEqAtom {
            // y is an atom string: a non-string x, or an atom string with
            // other bits, is unequal; a rope may be equal (the baseline's).
            self.branch_if_not_cell(S0, S1, ne);
            let a = self.asm();
            let string = a.new_label();
            a.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(S0), Kind::String as i32);
            a.jcc_short(Cond::E, string);
            a.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(S0), Kind::Rope as i32);
            a.jcc(Cond::E, d);
            a.jmp(ne);
            a.bind(string);
            a.test_rm_imm(Size::S8, Mem::disp(S0, FLAGS_OFF), ATOM_STRING as i32);
            a.jcc(Cond::Ne, ne);
            load(self, y, S1);
            self.asm().jmp(flat);
        } else {
            self.check_cell(S0, d);
            self.asm()
                .alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(S0), Kind::String as i32);
            self.asm().jcc(Cond::Ne, d);
            // y's cell check with S0 as the mask register, then x again.
            load(self, y, S1);
            self.branch_if_not_cell(S1, S0, d);
            let a = self.asm();
            a.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(S1), Kind::String as i32);
            a.jcc(Cond::Ne, d);
            load(self, x, S0);
            let a = self.asm();
            // Two atom strings are one string per content: different
            // bits, different strings.
            a.test_rm_imm(Size::S8, Mem::disp(S0, FLAGS_OFF), ATOM_STRING as i32);
            a.jcc(Cond::E, flat);
            a.test_rm_imm(Size::S8, Mem::disp(S1, FLAGS_OFF), ATOM_STRING as i32);
            a.jcc(Cond::Ne, ne);
        }
        // Two flat strings with different bits (S0 = x, S1 = y).
        let a = self.asm();
        a.bind(flat);
        a.mov_r_m(Size::S64, S0, Mem::disp(S0, STRING_LEN_OFF));
        a.alu_r_m(AluOp::Cmp, Size::S64, S0, Mem::disp(S1, STRING_LEN_OFF));
        a.jcc(Cond::Ne, ne);
        a.test_rm_r(Size::S64, S0, S0);
        a.jcc(Cond::E, eq);
        // Longer strings of one length: the baseline compares them.
        a.alu_rm_imm(AluOp::Cmp, Size::S64, S0, 1);
        a.jcc(Cond::Ne, d);
        load(self, x, S0);
        let a = self.asm();
        a.movzx(Size::S32, S0, Size::S16, Mem::disp(S0, STRING_UNITS_OFF));
        a.movzx(Size::S32, S1, Size::S16, Mem::disp(S1, STRING_UNITS_OFF));
        a.alu_rm_r(AluOp::Cmp, Size::S32, S0, S1);
        a.jcc(Cond::E, eq);
        a.jmp(ne);
        // The same bits: equal, unless a number (NaN: the baseline's).
        a.bind(same);
        self.check_cell(S0, d);
        let w = self.work(ins.res.unwrap(), &[]);
        self.asm().bind(eq);
        self.bool_here_else(ins.res.unwrap(), w, ne);
    }

    fn set_flag(&mut self, res: V, cc: Cond, parity: Option<(Cond, AluOp)>) {
        let w = self.work(res, &[]);
        let a = self.asm();
        a.setcc(cc, w);
        if let Some((pc, op)) = parity {
            a.setcc(pc, S1);
            a.alu_rm_r(op, Size::S8, w, S1);
        }
        a.movzx(Size::S32, w, Size::S8, w);
        self.put(res, w);
    }

    fn int_binop(&mut self, ins: &Inst) -> Result<(), String> {
        let (x, y) = (ins.args[0], ins.args[1]);
        let res = ins.res.unwrap();
        let guard = ins.op.has(props::DEOPT);
        let d = if guard {
            let d = self.deopt(ins);
            self.stress(d);
            Some(d)
        } else {
            None
        };
        // x + c, x - c without a guard: one `lea`.
        let imm = self.consts.get(&y).copied();
        if let (Some(c), Op::AddI32Wrap | Op::SubI32Wrap, Loc::Gpr(g)) = (imm, ins.op, self.loc(x))
        {
            let c = if ins.op == Op::AddI32Wrap {
                c
            } else {
                c.wrapping_neg()
            };
            let w = self.work(res, &[]);
            self.asm().lea(Size::S32, w, Mem::disp(g, c));
            self.put(res, w);
            return Ok(());
        }
        // The working register must not hold y, nor (for a guard) any
        // value the deopt path reads.
        let imm = imm.filter(|_| ins.op != Op::MulI32);
        let mut avoid = if imm.is_some() { vec![] } else { vec![y] };
        if let Some(fs) = &ins.fs {
            avoid.extend(fs.values());
        }
        if ins.op == Op::MulI32 {
            avoid.push(x);
        }
        let w = self.work(res, &avoid);
        if ins.op == Op::MulI32 {
            // Sign of either operand, for the -0 check.
            let xa = self.gpr(x, S1);
            if xa != S1 {
                self.asm().mov_rm_r(Size::S32, S1, xa);
            }
            match self.loc(y) {
                Loc::Gpr(b) => self.asm().alu_rm_r(AluOp::Or, Size::S32, S1, b),
                Loc::Stack(n) => self.asm().alu_r_m(AluOp::Or, Size::S32, S1, stack(n)),
                Loc::Xmm(_) => unreachable!(),
            }
        }
        match self.loc(x) {
            Loc::Gpr(g) if g == w => {}
            Loc::Gpr(g) => self.asm().mov_rm_r(Size::S32, w, g),
            Loc::Stack(n) => self.asm().mov_r_m(Size::S32, w, stack(n)),
            Loc::Xmm(_) => unreachable!(),
        }
        let alu = match ins.op {
            Op::AddI32 | Op::AddI32Wrap => Some(AluOp::Add),
            Op::SubI32 | Op::SubI32Wrap => Some(AluOp::Sub),
            Op::AndI32 => Some(AluOp::And),
            Op::OrI32 => Some(AluOp::Or),
            Op::XorI32 => Some(AluOp::Xor),
            _ => None,
        };
        // Fault: the overflow guard tests the flags before the add.
        let early = ins.op == Op::AddI32 && crate::faults::Fault::GuardBeforeOperation.injected();
        if let (Some(d), true) = (d, early) {
            self.asm().jcc(Cond::O, d);
        }
        let y_at = match imm {
            Some(_) => None,
            None => Some(self.loc(y)),
        };
        match (alu, y_at) {
            (Some(op), None) => self.asm().alu_rm_imm(op, Size::S32, w, imm.unwrap()),
            (None, None) => unreachable!("no immediate for a multiplication"),
            (Some(op), Some(Loc::Gpr(b))) => self.asm().alu_rm_r(op, Size::S32, w, b),
            (Some(op), Some(Loc::Stack(n))) => self.asm().alu_r_m(op, Size::S32, w, stack(n)),
            (None, Some(Loc::Gpr(b))) => self.asm().imul_r_rm(Size::S32, w, b),
            (None, Some(Loc::Stack(n))) => self.asm().imul_r_rm(Size::S32, w, stack(n)),
            (_, Some(Loc::Xmm(_))) => unreachable!(),
        }
        if let (Some(d), false) = (d, early) {
            self.asm().jcc(Cond::O, d);
            if ins.op == Op::MulI32 {
                let ok = self.asm().new_label();
                self.asm().test_rm_r(Size::S32, w, w);
                self.asm().jcc(Cond::Ne, ok);
                self.asm().test_rm_r(Size::S32, S1, S1);
                self.asm().jcc(Cond::S, d);
                self.asm().bind(ok);
            }
        }
        self.put(res, w);
        Ok(())
    }

    /// `ModI32` by `idiv`, which works in edx:eax: both may hold values,
    /// so they are saved in the scratch registers around it and restored
    /// before anything that can deopt reads them (the deopt state may
    /// name them). Guards: a divisor of 0 (NaN) or -1 (-0 or an idiv
    /// overflow) before, a zero remainder of a negative dividend (-0)
    /// after.
    fn mod_i32(&mut self, ins: &Inst) {
        let (x, y, res) = (ins.args[0], ins.args[1], ins.res.unwrap());
        let d = self.deopt(ins);
        self.stress(d);
        let (lx, ly) = (self.loc(x), self.loc(y));
        let rm = |l: Loc| -> Rm {
            match l {
                Loc::Gpr(g) => g.into(),
                Loc::Stack(n) => stack(n).into(),
                Loc::Xmm(_) => unreachable!(),
            }
        };
        let a = self.asm();
        for c in [0, -1] {
            a.alu_rm_imm(AluOp::Cmp, Size::S32, rm(ly), c);
            a.jcc(Cond::E, d);
        }
        a.mov_rm_r(Size::S64, S0, Gpr::Rax);
        a.mov_rm_r(Size::S64, S1, Gpr::Rdx);
        match lx {
            Loc::Gpr(Gpr::Rax) => {}
            Loc::Gpr(g) => a.mov_rm_r(Size::S32, Gpr::Rax, g),
            Loc::Stack(n) => a.mov_r_m(Size::S32, Gpr::Rax, stack(n)),
            Loc::Xmm(_) => unreachable!(),
        }
        a.cdq();
        // The divisor from where it is now: eax and edx are overwritten.
        let div: Rm = match ly {
            Loc::Gpr(Gpr::Rax) => S0.into(),
            Loc::Gpr(Gpr::Rdx) => S1.into(),
            l => rm(l),
        };
        a.unary(UnaryOp::Idiv, Size::S32, div);
        // Remainder to S1 while rdx, then rax, get their values back.
        a.mov_rm_r(Size::S32, Gpr::Rax, Gpr::Rdx);
        a.mov_rm_r(Size::S64, Gpr::Rdx, S1);
        a.mov_rm_r(Size::S32, S1, Gpr::Rax);
        a.mov_rm_r(Size::S64, Gpr::Rax, S0);
        let ok = a.new_label();
        a.test_rm_r(Size::S32, S1, S1);
        a.jcc(Cond::Ne, ok);
        a.alu_rm_imm(AluOp::Cmp, Size::S32, rm(lx), 0);
        a.jcc(Cond::L, d);
        a.bind(ok);
        self.put(res, S1);
    }

    /// `LoadTypedElem`, `StoreTypedF64`, `StoreTypedI32`: the kind is
    /// tested at run time (feedback says "typed", not which), the index
    /// against the view's length; S1 becomes the element index in the
    /// buffer, S0 the buffer (the object is not needed after).
    fn typed_elem(&mut self, ins: &Inst) {
        let in_bounds = ins.op.checked().map(|_| self.in_bounds_or_checked(ins));
        let d = self.deopt(ins);
        self.stress(d);
        let val = match ins.op.checked().unwrap_or(ins.op) {
            Op::StoreTypedF64 => Some(Err(self.xmm(ins.args[2], X0))),
            Op::StoreTypedI32 => Some(Ok(ins.args[2])),
            _ => None,
        };
        let o = self.gpr(ins.args[0], S0);
        // `...InBounds` (`bce`): a `TypedLengthOk` proved the object a
        // typed array and the index in range.
        let checked = ins.op.checked().is_none();
        if checked {
            self.check_cell(o, d);
        }
        self.int32_to(S1, ins.args[1]);
        let a = self.asm();
        let (int32, done) = (a.new_label(), a.new_label());
        if checked {
            a.test_rm_r(Size::S32, S1, S1);
            a.jcc(Cond::S, d);
            a.alu_r_m(AluOp::Cmp, Size::S64, S1, Mem::disp(o, LENGTH_OFF));
            a.jcc(Cond::Ae, d);
        }
        a.alu_rm_imm(
            AluOp::Cmp,
            Size::S8,
            Mem::base(o),
            Kind::Float64Array as i32,
        );
        a.jcc(Cond::Ne, int32);
        // The view's offset (an int32 value: its low half) plus the index;
        // a bytes cell's raw words follow its 8-byte header.
        a.alu_r_m(AluOp::Add, Size::S32, S1, Mem::disp(o, TA_OFFSET_OFF));
        a.mov_r_m(Size::S64, S0, Mem::disp(o, TA_BUFFER_OFF));
        let f64_at = Mem::bisd(S0, idx(S1), Scale::S8, 8);
        match val {
            None => {
                let w = self.xwork(ins.res.unwrap(), &[]);
                self.asm().sse(SseOp::Movsd, w, f64_at);
                self.xput(ins.res.unwrap(), w);
            }
            Some(Err(x)) => self.asm().sse_store(SseStoreOp::Movsd, f64_at, x),
            Some(Ok(v)) => {
                match self.loc(v) {
                    Loc::Gpr(g) => self.asm().cvtsi2sd(Size::S32, X0, g),
                    Loc::Stack(n) => self.asm().cvtsi2sd(Size::S32, X0, stack(n)),
                    Loc::Xmm(_) => unreachable!(),
                }
                self.asm().sse_store(SseStoreOp::Movsd, f64_at, X0);
            }
        }
        self.asm().jmp(done);
        self.asm().bind(int32);
        self.asm()
            .alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(o), Kind::Int32Array as i32);
        self.asm().jcc(Cond::Ne, d);
        if matches!(val, Some(Err(_))) {
            // ToInt32 of a double: the baseline's.
            self.asm().jmp(d);
        } else {
            let a = self.asm();
            a.alu_r_m(AluOp::Add, Size::S32, S1, Mem::disp(o, TA_OFFSET_OFF));
            a.mov_r_m(Size::S64, S0, Mem::disp(o, TA_BUFFER_OFF));
            a.lea(Size::S64, S0, Mem::bisd(S0, idx(S1), Scale::S4, 8));
            match val {
                None => {
                    let w = self.xwork(ins.res.unwrap(), &[]);
                    self.asm().cvtsi2sd(Size::S32, w, Mem::base(S0));
                    self.xput(ins.res.unwrap(), w);
                }
                Some(Ok(v)) => {
                    let g = match self.loc(v) {
                        Loc::Gpr(g) => g,
                        Loc::Stack(n) => {
                            self.asm().mov_r_m(Size::S32, S1, stack(n));
                            S1
                        }
                        Loc::Xmm(_) => unreachable!(),
                    };
                    self.asm().mov_rm_r(Size::S32, Mem::base(S0), g);
                }
                Some(Err(_)) => unreachable!(),
            }
        }
        self.asm().bind(done);
        if let Some(l) = in_bounds {
            self.asm().bind(l);
        }
    }

    fn shift(&mut self, ins: &Inst) {
        let (x, y) = (ins.args[0], ins.args[1]);
        let res = ins.res.unwrap();
        let op = match ins.op {
            Op::ShlI32 => ShiftOp::Shl,
            Op::SarI32 => ShiftOp::Sar,
            _ => ShiftOp::Shr,
        };
        let d = ins.fs.is_some().then(|| self.deopt(ins));
        if let Some(d) = d {
            self.stress(d);
        }
        let g = self.gpr(x, S0);
        if g != S0 {
            self.asm().mov_rm_r(Size::S32, S0, g);
        }
        match self.consts.get(&y) {
            Some(&k) => self.asm().shift_imm(op, Size::S32, S0, (k & 31) as u8),
            None => {
                let c = self.gpr(y, S1);
                if c != S1 {
                    self.asm().mov_rm_r(Size::S32, S1, c);
                }
                let a = self.asm();
                a.xchg(Size::S64, Gpr::Rcx, S1);
                a.shift_cl(op, Size::S32, S0);
                a.mov_rm_r(Size::S64, Gpr::Rcx, S1);
            }
        }
        if let Some(d) = d {
            // `>>>` of a negative int32 is above int32's range.
            self.asm().test_rm_r(Size::S32, S0, S0);
            self.asm().jcc(Cond::S, d);
        }
        self.put(res, S0);
    }

    fn moves(&mut self, ms: &[Move]) {
        for m in ms {
            let Move::Copy { src, dst } = *m;
            let a = &mut self.e.m.asm;
            match (src, dst) {
                (Loc::Gpr(s), Loc::Gpr(d)) => a.mov_rm_r(Size::S64, d, s),
                (Loc::Gpr(s), Loc::Xmm(d)) => a.movq_x_r(d, s),
                (Loc::Xmm(s), Loc::Gpr(d)) => a.movq_r_x(d, s),
                (Loc::Xmm(s), Loc::Xmm(d)) => a.sse(SseOp::Movupd, d, s),
                (Loc::Gpr(s), Loc::Stack(n)) => a.mov_rm_r(Size::S64, stack(n), s),
                (Loc::Xmm(s), Loc::Stack(n)) => a.sse_store(SseStoreOp::Movsd, stack(n), s),
                (Loc::Stack(n), Loc::Gpr(d)) => a.mov_r_m(Size::S64, d, stack(n)),
                (Loc::Stack(n), Loc::Xmm(d)) => a.sse(SseOp::Movsd, d, stack(n)),
                (Loc::Stack(n), Loc::Stack(k)) => {
                    a.mov_r_m(Size::S64, S0, stack(n));
                    a.mov_rm_r(Size::S64, stack(k), S0);
                }
            }
        }
    }

    fn term(&mut self, bi: usize, t: &Term) -> Result<(), String> {
        let next = self.blocks.get(bi + 1).copied();
        match t {
            Term::Jump(e) => {
                let ms = super::checker::edge_moves(self.f, self.a, bi, e);
                self.moves(&ms);
                let to = self.blocks[e.to.0 as usize];
                if Some(to) != next {
                    self.asm().jmp(to);
                }
            }
            Term::Branch { cond, then, els } => {
                let cc = match self.flags.take() {
                    Some(cc) => cc,
                    None => {
                        let c = self.gpr(*cond, S0);
                        self.asm().test_rm_r(Size::S32, c, c);
                        Cond::Ne
                    }
                };
                let tm = super::checker::edge_moves(self.f, self.a, bi, then);
                let em = super::checker::edge_moves(self.f, self.a, bi, els);
                let tl = self.blocks[then.to.0 as usize];
                let el = self.blocks[els.to.0 as usize];
                if tm.is_empty() && em.is_empty() && Some(tl) == next {
                    // Fall into the taken side.
                    self.asm().jcc(cc.invert(), el);
                    return Ok(());
                }
                if tm.is_empty() {
                    self.asm().jcc(cc, tl);
                } else {
                    let stub = self.asm().new_label();
                    self.asm().jcc(cc, stub);
                    self.stubs.push((stub, tm, tl));
                }
                self.moves(&em);
                if Some(el) != next {
                    self.asm().jmp(el);
                }
            }
            Term::Return { fs } => {
                self.sync(fs);
                let insn = self.e.proto.code[fs.pc as usize];
                self.generic(fs.pc, insn)?;
                self.asm().ud2();
            }
            Term::Unreachable => self.asm().ud2(),
            Term::Entries(es) => {
                let to = self.blocks[es[0].to.0 as usize];
                self.asm().jmp(to);
            }
        }
        Ok(())
    }
}

/// A deopt inside an inlined call: the callee's frame, its registers
/// written at `base` (relative to the top frame's), resuming at `pc`.
/// The inlined calls a state inside inlined code stands for, outermost
/// first, each with the state of its callee (the last one's is `fs`).
fn inlined_chain<'a>(fs: &'a FrameState, i: &'a Inlined) -> Vec<(&'a FrameState, &'a Inlined)> {
    let mut chain = vec![(fs, i)];
    while let Some(outer) = &chain.last().unwrap().1.caller.inlined {
        let st = &chain.last().unwrap().1.caller;
        chain.push((st, outer));
    }
    chain.reverse();
    chain
}

extern "C" fn opt_push_inlined(
    vm: *mut Vm,
    p: *const FuncProto,
    base: u32,
    argc: u32,
    dst: u32,
    pc: u32,
) {
    // The VM outlives the optimized code running on it, prototypes all
    // code.
    let (vm, p) = unsafe { (&mut *vm, &*p) };
    let fp = vm.frames.last().expect("optimized code runs in a frame").fp;
    vm.push_inlined_frame(fp + base as usize, argc as usize, p, dst, pc as usize);
}

/// `--trace-deopt`: one line per deoptimization (no allocation on the
/// heap, no call out).
extern "C" fn opt_trace_deopt(_vm: *mut Vm, p: *const FuncProto, pc: u32, reason: u32) {
    // The function outlives its code.
    let p = unsafe { &*p };
    let r = super::DeoptReason::ALL[reason as usize];
    let at = match p.position(pc as usize) {
        Some((l, c)) => format!(" ({l}:{c})"),
        None => String::new(),
    };
    let name = if p.name.is_empty() {
        "<anonymous>"
    } else {
        &p.name
    };
    eprintln!(
        "[deopt] {name} at pc {pc}{at}: {}; {} deopts ({})",
        r.name(),
        p.jit.deopt_count.get(),
        super::DeoptReason::summary(&p.jit.deopt_reasons)
    );
}

/// `Op::Truthy`: ToBoolean (no allocation, no call out).
extern "C" fn opt_truthy(vm: *mut Vm, v: Value) -> u64 {
    // The VM outlives the optimized code running on it.
    let vm = unsafe { &*vm };
    crate::runtime::ops::to_boolean(vm, v) as u64
}
