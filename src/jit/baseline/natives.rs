//! Natives the baseline tier computes inline at a `Call` site whose
//! feedback recorded that native (`feedback::NATIVE_CALLEE`, written by
//! the interpreter's and `bl_call`'s `exec::record_native`):
//! `Math.sqrt/abs/floor/ceil` of a number, `Math.min/max` of two numbers,
//! `push` of one value onto a simple array with room for it,
//! `charCodeAt` and `charAt` of an int32 index inside a flat string (or
//! a flattened rope; `charAt` when the unit's one-unit string exists), and
//! `hasOwnProperty` of a cached (shape, atom) pair.
//!
//! Invariants:
//! - The guard is the callee's identity as a native: a `Native` cell whose
//!   entry (`raw(1)`, the Rust function, which never moves and which user
//!   code cannot change) is the inlined one. Anything else (a user
//!   function put in `Math.floor`, another native, a bound function) takes
//!   the site's generic call code, as if nothing were inlined.
//! - An inline result is bit-identical to the native's (`Value::number` of
//!   the same double: int32 when exact and not -0, NaN canonical); the
//!   native's own checks that could fail (`MAX_NATIVE_DEPTH`, argument
//!   kinds, ranges, capacity) send the call to `bl_call` before anything is
//!   written, which redoes it from the registers.
//! - Only sites that own their feedback slot are inlined: their feedback
//!   can then only be that native or MEGA at run time, which the native
//!   call would leave as it is, so the inline path writes no feedback.
//! - Nothing allocates: no GC can happen on these paths.

use super::emit::Emitter;
use super::ic::{
    idx, slots_value_off, ATOM_STRINGS_PTR, ELEMENTS_OFF, FLAGS_OFF, LENGTH_OFF, SHAPE_OFF,
    STRING_LEN_OFF, STRING_UNITS_OFF,
};
use super::masm::TAG;
use crate::bytecode::feedback as fbk;
use crate::bytecode::FuncProto;
use crate::jit::x64::{AluOp, Cond, Gpr, Label, Mem, Scale, ShiftOp, Size, SseOp, UnaryOp, Xmm};
use crate::runtime::atoms::{wk, PropKey};
use crate::runtime::builtins::InlineNative;
use crate::runtime::heap::{Cell, Kind};
use crate::runtime::object::{FROZEN_ELEMENTS, LENGTH_READONLY};
use crate::runtime::{oflags, Value, Vm};
use std::mem::{offset_of, size_of};

/// A native cell's entry: `raw(1)`.
pub(crate) const NATIVE_ENTRY_OFF: i32 = 16;
const NATIVE_DEPTH: i32 = offset_of!(Vm, native_depth) as i32;
/// Flags that make an array not simple for `push` (`is_simple_array`).
const NOT_SIMPLE: u16 = oflags::NOT_EXTENSIBLE | FROZEN_ELEMENTS | LENGTH_READONLY;
const _: () = assert!(NOT_SIMPLE < 256);

/// Whether `n` is inlined for a call with `argc` arguments.
fn fits(n: InlineNative, argc: u16) -> bool {
    match n {
        InlineNative::MathMin | InlineNative::MathMax => argc == 2,
        InlineNative::ArrayPush => argc == 1,
        _ => argc >= 1,
    }
}

/// After `bl_call` recorded native `f` at site `fb` with receiver `this`
/// and first argument `arg`, while the site is monomorphic on `f` (so its
/// cache only ever holds entries of the one native the code was compiled
/// for), enters what the inline path needs:
/// - `push` onto a simple array (`is_simple_array`: extensible, elements
///   not frozen, length writable, no indexed property in its shape) whose
///   shape is shared: that shape (entry `(shape + 1, 0, 0)`), so the inline
///   `push` needs only a shape compare for the last condition (a shared
///   shape never changes).
/// - `hasOwnProperty` of an atom's own string (not `length`, not an array
///   index) on an object with a shared shape: entry `(shape + 1, atom,
///   result)`, the result being whether the shape has the key (for such
///   keys an object's own properties are exactly its shape's, see
///   `ic::chain_key`).
pub fn note_call(vm: &mut Vm, p: &FuncProto, fb: u16, f: Value, this: Value, arg: Option<Value>) {
    // Cheap tests first: every native call through `bl_call` comes here.
    let entry = Cell::from_value(f).raw(1) as usize;
    if p.feedback[fb as usize].get() != fbk::NATIVE_CALLEE | entry as u64 {
        return;
    }
    let n = if entry == InlineNative::ArrayPush.entry() {
        InlineNative::ArrayPush
    } else if entry == InlineNative::ObjectHasOwnProperty.entry() {
        InlineNative::ObjectHasOwnProperty
    } else {
        return;
    };
    let Some(ic) = p.poly_ic(fb) else { return };
    if !vm.is_object(this) {
        return;
    }
    let c = Cell::from_value(this);
    let sid = Vm::shape_of(c);
    if vm.shapes.get(sid).dictionary {
        return;
    }
    match (n, arg) {
        (InlineNative::ArrayPush, _) => {
            let s = vm.shapes.get(sid);
            if vm.is_array(this) && !s.order.iter().any(|k| matches!(k, Some(PropKey::Index(_)))) {
                super::ic::enter_entry(ic, sid.0 as u64 + 1, 0, 0);
            }
        }
        (InlineNative::ObjectHasOwnProperty, Some(k)) if vm.is_string(k) => {
            let PropKey::Atom(a) = vm.string_key(k) else {
                return;
            };
            if a == wk::length || vm.atom_strings.get(a.0 as usize) != Some(&k) {
                return;
            }
            let has = vm.shapes.lookup(sid, PropKey::Atom(a)).is_some();
            super::ic::enter_entry(ic, sid.0 as u64 + 1, a.0 as i64, has as u64);
        }
        _ => {}
    }
}

impl Emitter<'_> {
    /// The native to inline at call site `fb` with `argc` arguments, if any.
    pub(super) fn site_native(&self, fb: u16, argc: u16) -> Option<InlineNative> {
        let ic = self.proto.prop_ics().get(fb)?;
        let w = self.proto.feedback.get(fb as usize)?.get();
        let n = InlineNative::of_entry(fbk::native_callee(w)?)?;
        let cached = matches!(
            n,
            InlineNative::ArrayPush | InlineNative::ObjectHasOwnProperty
        );
        if !fits(n, argc) || (cached && ic.is_mega()) {
            return None;
        }
        Some(n)
    }

    /// The inline call of native `n` at a `Call` site: when the callee in
    /// `regs[base]` is `n`, computes the result into `dst` and jumps to the
    /// next pc (or to `slow`, the site's `bl_call`, when the arguments are
    /// not ones it handles); any other callee continues at `generic`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn inline_native(
        &mut self,
        n: InlineNative,
        pc: u32,
        dst: u16,
        base: u16,
        fb: u16,
        generic: Label,
        slow: Label,
    ) {
        let next = self.next(pc);
        self.m.load(Gpr::Rax, base);
        self.m.branch_if_not_cell(Gpr::Rax, generic);
        self.m.branch_if_kind_ne(Gpr::Rax, Kind::Native, generic);
        let x = &mut self.m.asm;
        x.mov_r_imm(Size::S64, Gpr::Rcx, n.entry() as i64);
        x.alu_r_m(
            AluOp::Cmp,
            Size::S64,
            Gpr::Rcx,
            Mem::disp(Gpr::Rax, NATIVE_ENTRY_OFF),
        );
        x.jcc(Cond::Ne, generic);
        // The native call's own depth check (a RangeError): the helper.
        x.alu_rm_imm(
            AluOp::Cmp,
            Size::S64,
            Mem::disp(Gpr::Rbx, NATIVE_DEPTH),
            crate::runtime::call::MAX_NATIVE_DEPTH as i32,
        );
        x.jcc(Cond::Ae, slow);
        let (a0, a1) = (base + 2, base + 3);
        match n {
            InlineNative::MathSqrt => {
                self.load_number_xmm(a0, Xmm::Xmm0, slow);
                self.m.asm.sse(SseOp::Sqrtsd, Xmm::Xmm0, Xmm::Xmm0);
                self.box_number_xmm0();
            }
            InlineNative::MathAbs => self.math_abs(a0, slow),
            InlineNative::MathFloor => self.math_round(a0, 1, slow),
            InlineNative::MathCeil => self.math_round(a0, 2, slow),
            InlineNative::MathMin => self.math_min_max(a0, a1, true, slow),
            InlineNative::MathMax => self.math_min_max(a0, a1, false, slow),
            InlineNative::ArrayPush => self.array_push(fb, base + 1, a0, slow),
            InlineNative::StringCharCodeAt => self.char_code_at(base + 1, a0, slow),
            InlineNative::StringCharAt => {
                self.flat_string_and_index(base + 1, a0, slow);
                self.unit_string_at(Gpr::Rdx, slow);
            }
            InlineNative::ObjectHasOwnProperty => self.has_own(fb, base + 1, a0, slow),
        }
        self.m.store(dst, Gpr::Rax);
        self.m.asm.jmp(next);
    }

    /// xmm = the number in `regs[i]` as a double (int32s converted), or a
    /// jump to `slow` for any other value. Clobbers rax, rdx.
    fn load_number_xmm(&mut self, i: u16, xmm: Xmm, slow: Label) {
        self.m.load(Gpr::Rax, i);
        let x = &mut self.m.asm;
        let (int, done) = (x.new_label(), x.new_label());
        x.alu_rm_r(AluOp::Cmp, Size::S64, Gpr::Rax, TAG);
        x.jcc(Cond::Ae, int);
        x.test_rm_r(Size::S64, Gpr::Rax, TAG);
        x.jcc(Cond::E, slow);
        x.mov_r_imm(
            Size::S64,
            Gpr::Rdx,
            crate::runtime::value::DOUBLE_OFFSET as i64,
        );
        x.alu_rm_r(AluOp::Sub, Size::S64, Gpr::Rax, Gpr::Rdx);
        x.movq_x_r(xmm, Gpr::Rax);
        x.jmp_short(done);
        x.bind(int);
        x.cvtsi2sd(Size::S32, xmm, Gpr::Rax);
        x.bind(done);
    }

    /// rax = `Math.abs(regs[a])`: an int32 other than i32::MIN negated
    /// when negative, a double with its sign bit cleared.
    fn math_abs(&mut self, a: u16, slow: Label) {
        self.m.load(Gpr::Rax, a);
        let x = &mut self.m.asm;
        let (double, done) = (x.new_label(), x.new_label());
        x.alu_rm_r(AluOp::Cmp, Size::S64, Gpr::Rax, TAG);
        x.jcc(Cond::B, double);
        x.test_rm_r(Size::S32, Gpr::Rax, Gpr::Rax);
        x.jcc(Cond::Ns, done);
        // |i32::MIN| is a double: the helper.
        x.unary(UnaryOp::Neg, Size::S32, Gpr::Rax);
        x.jcc(Cond::O, slow);
        self.m.box_int32(Gpr::Rax);
        self.m.asm.jmp(done);
        let x = &mut self.m.asm;
        x.bind(double);
        x.test_rm_r(Size::S64, Gpr::Rax, TAG);
        x.jcc(Cond::E, slow);
        x.mov_r_imm(
            Size::S64,
            Gpr::Rdx,
            crate::runtime::value::DOUBLE_OFFSET as i64,
        );
        x.alu_rm_r(AluOp::Sub, Size::S64, Gpr::Rax, Gpr::Rdx);
        x.shift_imm(ShiftOp::Shl, Size::S64, Gpr::Rax, 1);
        x.shift_imm(ShiftOp::Shr, Size::S64, Gpr::Rax, 1);
        x.movq_x_r(Xmm::Xmm0, Gpr::Rax);
        self.box_number_xmm0();
        self.m.asm.bind(done);
    }

    /// rax = `Math.floor` (`mode` 1) or `Math.ceil` (2) of `regs[a]`: an
    /// int32 is its own result; a double is rounded with `roundsd` (SSE4.1,
    /// else the helper).
    fn math_round(&mut self, a: u16, mode: u8, slow: Label) {
        self.m.load(Gpr::Rax, a);
        let x = &mut self.m.asm;
        let done = x.new_label();
        x.alu_rm_r(AluOp::Cmp, Size::S64, Gpr::Rax, TAG);
        x.jcc(Cond::Ae, done);
        if !std::arch::is_x86_feature_detected!("sse4.1") {
            x.jmp(slow);
            x.bind(done);
            return;
        }
        self.load_number_xmm(a, Xmm::Xmm0, slow);
        // Fault: floor rounds toward zero.
        let mode = if mode == 1 && crate::faults::Fault::InlineFloorTruncates.injected() {
            3
        } else {
            mode
        };
        self.m.asm.roundsd(Xmm::Xmm0, Xmm::Xmm0, mode | 8);
        self.box_number_xmm0();
        self.m.asm.bind(done);
    }

    /// rax = `Math.min` (`min`) or `Math.max` of `regs[a]`, `regs[b]`
    /// (`runtime::math::min2`/`max2`): NaN if either is NaN; of two equal
    /// values (only ±0 differ) the bitwise OR for min (-0 wins), AND for
    /// max (+0 wins).
    fn math_min_max(&mut self, a: u16, b: u16, min: bool, slow: Label) {
        let x = &mut self.m.asm;
        let (doubles, done) = (x.new_label(), x.new_label());
        self.m.load(Gpr::Rax, a);
        self.m.load(Gpr::Rcx, b);
        self.m.branch_if_not_both_int(Gpr::Rax, Gpr::Rcx, doubles);
        let x = &mut self.m.asm;
        x.alu_rm_r(AluOp::Cmp, Size::S32, Gpr::Rax, Gpr::Rcx);
        x.cmovcc(
            if min { Cond::G } else { Cond::L },
            Size::S64,
            Gpr::Rax,
            Gpr::Rcx,
        );
        x.jmp(done);
        x.bind(doubles);
        self.load_number_xmm(a, Xmm::Xmm0, slow);
        self.load_number_xmm(b, Xmm::Xmm1, slow);
        let x = &mut self.m.asm;
        let (nan, equal, take_b, result) =
            (x.new_label(), x.new_label(), x.new_label(), x.new_label());
        x.sse(SseOp::Ucomisd, Xmm::Xmm0, Xmm::Xmm1);
        x.jcc(Cond::P, nan);
        x.jcc(Cond::E, equal);
        // CF: a < b.
        x.jcc(if min { Cond::A } else { Cond::B }, take_b);
        x.jmp(result);
        x.bind(take_b);
        x.sse(SseOp::Movsd, Xmm::Xmm0, Xmm::Xmm1);
        x.jmp(result);
        x.bind(equal);
        x.sse(
            if min { SseOp::Orpd } else { SseOp::Andpd },
            Xmm::Xmm0,
            Xmm::Xmm1,
        );
        x.jmp(result);
        // One is NaN: so is their sum (canonicalized when boxed).
        x.bind(nan);
        x.sse(SseOp::Addsd, Xmm::Xmm0, Xmm::Xmm1);
        x.bind(result);
        self.box_number_xmm0();
        self.m.asm.bind(done);
    }

    /// rax = `this.push(regs[v])` for a simple array `regs[this]` whose
    /// shape the site cached (see `note_call`) and whose elements have room
    /// for one more: the element is stored, the length grows by one, and
    /// the result is the new length.
    fn array_push(&mut self, fb: u16, this: u16, v: u16, slow: Label) {
        let ic = self.cached_site(fb);
        self.m.load(Gpr::Rax, this);
        self.m.branch_if_not_cell(Gpr::Rax, slow);
        self.m.branch_if_kind_ne(Gpr::Rax, Kind::Array, slow);
        self.m
            .asm
            .test_rm_imm(Size::S8, Mem::disp(Gpr::Rax, FLAGS_OFF), NOT_SIMPLE as i32);
        self.m.asm.jcc(Cond::Ne, slow);
        self.ic_lookup(ic, slow, None, super::ic::Site::Get);
        let x = &mut self.m.asm;
        x.mov_r_m(Size::S64, Gpr::Rcx, Mem::disp(Gpr::Rax, LENGTH_OFF));
        // The new length must be an int32 (the result).
        x.alu_rm_imm(AluOp::Cmp, Size::S64, Gpr::Rcx, i32::MAX - 1);
        x.jcc(Cond::A, slow);
        x.mov_r_m(Size::S64, Gpr::Rdx, Mem::disp(Gpr::Rax, ELEMENTS_OFF));
        self.m.branch_if_not_cell(Gpr::Rdx, slow);
        let x = &mut self.m.asm;
        // Capacity: the elements' value count (header bits 40..64).
        x.mov_r_m(Size::S64, Gpr::R8, Mem::base(Gpr::Rdx));
        x.shift_imm(ShiftOp::Shr, Size::S64, Gpr::R8, 40);
        x.alu_rm_r(AluOp::Cmp, Size::S64, Gpr::Rcx, Gpr::R8);
        x.jcc(Cond::Ae, slow);
        self.m.load(Gpr::R9, v);
        let x = &mut self.m.asm;
        x.mov_rm_r(
            Size::S64,
            Mem::bisd(Gpr::Rdx, idx(Gpr::Rcx), Scale::S8, slots_value_off(0)),
            Gpr::R9,
        );
        x.unary(UnaryOp::Inc, Size::S64, Gpr::Rcx);
        x.mov_rm_r(Size::S64, Mem::disp(Gpr::Rax, LENGTH_OFF), Gpr::Rcx);
        x.mov_rm_r(Size::S64, Gpr::Rax, Gpr::Rcx);
        self.m.box_int32(Gpr::Rax);
    }

    /// rax = `regs[this].hasOwnProperty(regs[k])` for an object whose
    /// shape, with `k` the very string of the entry's atom, the site cached
    /// (see `note_call`): the entry holds the answer.
    fn has_own(&mut self, fb: u16, this: u16, k: u16, slow: Label) {
        let ic = self.cached_site(fb);
        self.m.load(Gpr::Rax, this);
        self.m.branch_if_not_cell(Gpr::Rax, slow);
        self.branch_if_not_object(Gpr::Rax, slow);
        self.m.load(Gpr::Rdx, k);
        let x = &mut self.m.asm;
        let found = x.new_label();
        x.mov_r_m(Size::S64, Gpr::Rax, Mem::disp(Gpr::Rax, SHAPE_OFF));
        x.alu_rm_imm(AluOp::Add, Size::S64, Gpr::Rax, 1);
        x.mov_r_imm(Size::S64, Gpr::Rcx, ic as *const fbk::PolyIc as i64);
        x.mov_r_m(Size::S64, Gpr::R9, Mem::disp(Gpr::Rbx, ATOM_STRINGS_PTR));
        for i in 0..fbk::POLY_MAX {
            let e = (offset_of!(fbk::PolyIc, entries) + i * size_of::<fbk::PolyEntry>()) as i32;
            let key = e + offset_of!(fbk::PolyEntry, key) as i32;
            let loc = e + offset_of!(fbk::PolyEntry, loc) as i32;
            let holder = e + offset_of!(fbk::PolyEntry, holder) as i32;
            let miss = x.new_label();
            x.alu_r_m(AluOp::Cmp, Size::S64, Gpr::Rax, Mem::disp(Gpr::Rcx, key));
            x.jcc_short(Cond::Ne, miss);
            // The entry's atom string (atoms only grow: the index is valid).
            x.mov_r_m(Size::S64, Gpr::R8, Mem::disp(Gpr::Rcx, loc));
            x.alu_r_m(
                AluOp::Cmp,
                Size::S64,
                Gpr::Rdx,
                Mem::bisd(Gpr::R9, idx(Gpr::R8), Scale::S8, 0),
            );
            x.jcc_short(Cond::Ne, miss);
            x.mov_r_m(Size::S64, Gpr::R8, Mem::disp(Gpr::Rcx, holder));
            x.jmp(found);
            x.bind(miss);
        }
        x.jmp(slow);
        x.bind(found);
        const _: () = assert!(Value::TRUE.0 == Value::FALSE.0 + 1);
        x.lea(
            Size::S64,
            Gpr::Rax,
            Mem::disp(Gpr::R8, Value::FALSE.0 as i32),
        );
    }

    /// The cache of a call site `site_native` accepted.
    fn cached_site(&self, fb: u16) -> &'static fbk::PolyIc {
        let ic = self
            .proto
            .prop_ics()
            .get(fb)
            .expect("site_native checked the site's cache");
        // The prototype outlives its code, and its caches never move.
        unsafe { &*(ic as *const fbk::PolyIc) }
    }

    /// rax = the flat string `regs[this]` (a flattened rope's flat
    /// string), rdx = the int32 index `regs[i]` inside it, zero-extended;
    /// anything else jumps to `slow`.
    fn flat_string_and_index(&mut self, this: u16, i: u16, slow: Label) {
        self.m.load(Gpr::Rax, this);
        self.m.branch_if_not_cell(Gpr::Rax, slow);
        self.flat_string(Gpr::Rax, slow);
        self.m.load(Gpr::Rcx, i);
        self.m.branch_if_not_int(Gpr::Rcx, slow);
        self.index_below(Gpr::Rcx, Gpr::Rdx, STRING_LEN_OFF, slow);
    }

    /// rax = `regs[this].charCodeAt(regs[i])` for a flat string and an
    /// int32 index inside it (out of range is NaN: the helper).
    fn char_code_at(&mut self, this: u16, i: u16, slow: Label) {
        self.flat_string_and_index(this, i, slow);
        let x = &mut self.m.asm;
        x.movzx(
            Size::S32,
            Gpr::Rax,
            Size::S16,
            Mem::bisd(Gpr::Rax, idx(Gpr::Rdx), Scale::S2, STRING_UNITS_OFF),
        );
        self.m.box_int32(Gpr::Rax);
    }
}
