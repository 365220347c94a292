//! Accessors called straight from baseline code: a GetProp entry whose
//! chain record is `CHAIN_GETTER` (a SetProp entry: `CHAIN_SETTER`), an
//! accessor on a prototype found through shared shapes, calls the getter
//! (setter, with the stored value) through its direct-call entry with
//! `this` = the receiver, instead of the helper's generic `vm.call`.
//!
//! Invariants (the call is exactly `vm.call(accessor, receiver, [v..])` as
//! the interpreter's [[Get]] and [[Set]] make it):
//! - Only a JS function with baseline code is called directly; anything
//!   else (a native getter, an interpreted one, a refused entry) takes the
//!   site's helper, which calls it as the interpreter does.
//! - `vm.call`'s own checks come first and send failures to the helper
//!   (which throws the same RangeError): `native_depth` below
//!   `MAX_NATIVE_DEPTH`, and room for the window at `vm.sp`. The window is
//!   `[accessor, receiver, value?]` at `vm.sp` (above every live register), and
//!   `native_depth` counts the call while it runs, as `call_at` does.
//! - An accessor that returns (`EXIT_RETURN`) is popped here (a getter's
//!   value stored, a setter's dropped). Any other exit (a call it could
//!   not make directly, a throw, fuel) is finished by
//!   `bl_finish_accessor`: the accessor's frame becomes an entry frame
//!   and the run loop runs it to completion, exactly the nested run
//!   `call_at` would have made; a throw that leaves the accessor becomes
//!   the site's throw.
//! - Nothing is held in a machine register across the call.

use super::emit::{layout, Emitter};
use super::helpers::{self as h, exit_word};
use super::masm::{Masm, FRAME, VM};
use crate::jit::x64::{AluOp, Annotation, Cond, Gpr, Label, Mem, Scale, Size, UnaryOp};
use crate::runtime::heap::Kind;
use crate::runtime::{Value, Vm};
use std::mem::offset_of;

const NATIVE_DEPTH: i32 = offset_of!(Vm, native_depth) as i32;
/// `vm.call` refuses a window at `base` unless `base + 2 + argc + 16 < STACK_VALUES`.
pub(crate) const CALL_MARGIN: i32 = 18;

/// Which accessor a site calls: a GetProp's getter (its `dst`) or a
/// SetProp's setter (its `src`).
#[derive(Copy, Clone)]
pub enum Accessor {
    Get(u16),
    Set(u16),
}

impl Emitter<'_> {
    /// rax = the holder of an accessor pair, rcx = its loc (after
    /// `chain_walk`): calls the getter or setter for the site at `pc`
    /// (receiver `regs[obj]`), then jumps to `next` (the label the site
    /// continues at, taken when the site was visited: out-of-line code is
    /// emitted after any `next_override` is gone); `slow` when it cannot
    /// call it directly.
    pub(super) fn emit_accessor_call(
        &mut self,
        pc: u32,
        what: Accessor,
        obj: u16,
        next: Label,
        slow: Label,
    ) {
        let (index, argc) = match what {
            Accessor::Get(_) => (0, 0),
            Accessor::Set(_) => (1, 1),
        };
        // Fault: the accessor gets its holder (the prototype) as `this`.
        let wrong_this = crate::faults::Fault::GetterWrongReceiver.injected();
        if wrong_this {
            self.m.asm.mov_rm_r(Size::S64, Gpr::R11, Gpr::Rax);
        }
        let slot = self.slot_operand();
        let x = &mut self.m.asm;
        // The [getter, setter] pair (a Slots cell), then the accessor.
        x.mov_r_m(Size::S64, Gpr::Rax, slot);
        x.mov_r_m(
            Size::S64,
            Gpr::Rax,
            Mem::disp(Gpr::Rax, super::ic::slots_value_off(index)),
        );
        self.m.branch_if_not_cell(Gpr::Rax, slow);
        self.m.branch_if_kind_ne(Gpr::Rax, Kind::Function, slow);
        let x = &mut self.m.asm;
        x.mov_r_m(Size::S64, Gpr::R8, Mem::disp(Gpr::Rax, layout::FN_PROTO));
        x.mov_r_m(
            Size::S64,
            Gpr::R8,
            Mem::disp(Gpr::R8, layout::P_DIRECT_ENTRY),
        );
        x.test_rm_r(Size::S64, Gpr::R8, Gpr::R8);
        x.jcc(Cond::E, slow);
        // vm.call's checks: native depth, then room for the window.
        x.alu_rm_imm(
            AluOp::Cmp,
            Size::S64,
            Mem::disp(VM, NATIVE_DEPTH),
            crate::runtime::call::MAX_NATIVE_DEPTH as i32,
        );
        x.jcc(Cond::Ae, slow);
        x.mov_r_m(Size::S64, Gpr::R9, Mem::disp(VM, layout::SP));
        x.mov_r_m(Size::S64, Gpr::Rsi, Mem::disp(VM, layout::STACK_BASE));
        x.lea(
            Size::S64,
            Gpr::Rsi,
            Mem::bisd(Gpr::Rsi, super::ic::idx(Gpr::R9), Scale::S8, 0),
        );
        x.lea(
            Size::S64,
            Gpr::R10,
            Mem::disp(Gpr::Rsi, (CALL_MARGIN + argc) * 8),
        );
        x.alu_r_m(
            AluOp::Cmp,
            Size::S64,
            Gpr::R10,
            Mem::disp(VM, layout::STACK_LIMIT),
        );
        x.jcc(Cond::Ae, slow);
        // The window [accessor, receiver, value?] at vm.sp.
        x.mov_rm_r(Size::S64, Mem::base(Gpr::Rsi), Gpr::Rax);
        if wrong_this {
            x.mov_rm_r(Size::S64, Gpr::Rcx, Gpr::R11);
        } else {
            x.mov_r_m(Size::S64, Gpr::Rcx, Masm::reg(obj));
        }
        x.mov_rm_r(Size::S64, Mem::disp(Gpr::Rsi, 8), Gpr::Rcx);
        if let Accessor::Set(src) = what {
            x.mov_r_m(Size::S64, Gpr::Rcx, Masm::reg(src));
            x.mov_rm_r(Size::S64, Mem::disp(Gpr::Rsi, 16), Gpr::Rcx);
        }
        x.unary(UnaryOp::Inc, Size::S64, Mem::disp(VM, NATIVE_DEPTH));
        x.mov_m_imm(Size::S64, Mem::disp(FRAME, layout::F_PC), pc as i32 + 1);
        x.mov_rm_r(Size::S64, Gpr::Rdi, VM);
        x.mov_r_imm(Size::S32, Gpr::Rdx, argc as i64);
        // ret_dst: a getter's dst; a setter's result goes nowhere (its
        // frame is popped here or by `bl_finish_accessor`, never by the
        // run loop's return into this frame), so any register will do.
        let ret_dst = match what {
            Accessor::Get(dst) => dst,
            Accessor::Set(_) => 0,
        };
        x.mov_r_imm(Size::S32, Gpr::Rcx, ret_dst as i64);
        self.m.call_reg(Gpr::R8);
        self.note_safepoint(pc);
        let x = &mut self.m.asm;
        let not_ret = x.new_label();
        x.alu_rm_imm(AluOp::Cmp, Size::S32, Gpr::Rax, h::EXIT_RETURN as i32);
        x.jcc(Cond::Ne, not_ret);
        x.unary(UnaryOp::Dec, Size::S64, Mem::disp(VM, NATIVE_DEPTH));
        match what {
            Accessor::Get(dst) => self.pop_callee_and_store(dst),
            Accessor::Set(_) => {
                let x = &mut self.m.asm;
                x.unary(UnaryOp::Dec, Size::S64, Mem::disp(VM, layout::FRAMES_LEN));
                x.mov_r_m(Size::S64, Gpr::Rax, Mem::disp(FRAME, layout::F_SP));
                x.mov_rm_r(Size::S64, Mem::disp(VM, layout::SP), Gpr::Rax);
            }
        }
        self.m.asm.jmp(next);
        // Refused: nothing happened; the helper calls it.
        let x = &mut self.m.asm;
        let finish = x.new_label();
        x.bind(not_ret);
        x.alu_rm_imm(AluOp::Cmp, Size::S32, Gpr::Rax, h::EXIT_REFUSED as i32);
        x.jcc(Cond::Ne, finish);
        x.unary(UnaryOp::Dec, Size::S64, Mem::disp(VM, NATIVE_DEPTH));
        x.jmp(slow);
        x.bind(finish);
        // bl_finish_accessor(vm, regs, pc, exit word).
        x.mov_rm_r(Size::S64, Gpr::Rcx, Gpr::Rax);
        self.m
            .call_helper(bl_finish_accessor as *const () as usize, pc);
        self.note_safepoint(pc);
        let x = &mut self.m.asm;
        x.test_rm_r(Size::S64, Gpr::Rax, Gpr::Rax);
        x.jcc(Cond::Ne, self.exit);
        x.jmp(next);
    }

    /// Records the return address just emitted as a safepoint of `pc`.
    fn note_safepoint(&mut self, pc: u32) {
        let ret = self.m.asm.offset();
        self.m
            .asm
            .annotate(Annotation::Safepoint(self.safepoints.len() as u32));
        self.safepoints.push((ret, pc));
    }
}

/// Finishes an accessor that the GetProp or SetProp at `pc` of the frame
/// whose registers are `regs` called directly and that exited with `word`
/// (see the module doc): `CONTINUE` (a getter's value in the GetProp's
/// `dst`), or the throw's exit word for that pc.
pub(super) extern "C" fn bl_finish_accessor(
    vm: *mut Vm,
    regs: *mut Value,
    pc: u32,
    word: u64,
) -> u64 {
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        // This helper runs while the accessor's frames are on top, so it
        // cannot use `helpers::run` (which works on the top frame).
        let vm = unsafe { &mut *vm };
        let fp = (regs as usize - vm.stack_base as usize) / std::mem::size_of::<Value>();
        let me = vm
            .frames
            .iter()
            .rposition(|f| f.fp == fp)
            .expect("the frame that called the accessor");
        let p = unsafe { &*vm.frames[me].proto };
        p.jit
            .helper_calls
            .set(p.jit.helper_calls.get().wrapping_add(1));
        let dst = match p.code[pc as usize] {
            crate::bytecode::Insn::GetProp { dst, .. } => Some(dst),
            crate::bytecode::Insn::SetProp { .. } => None,
            other => unreachable!("bl_finish_accessor called at {other:?}"),
        };
        vm.frames[me + 1].entry = true;
        let exit = super::decode_exit(vm, word);
        let r = match (vm.code_exit)(vm, exit) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => (vm.run_loop)(vm),
            Err(t) => Err(t),
        };
        vm.native_depth -= 1;
        match r {
            Ok(v) => {
                if let Some(dst) = dst {
                    unsafe { *regs.add(dst as usize) = v };
                }
                h::CONTINUE
            }
            Err(t) => h::throw_word(t, pc),
        }
    }));
    r.unwrap_or_else(|p| {
        h::set_panic(p);
        exit_word(h::EXIT_PANIC, pc)
    })
}
