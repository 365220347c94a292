//! Inline fast paths of the baseline tier's property and element accesses:
//! shape-keyed inline caches for GetProp/SetProp and dense-array element
//! access for GetElem/SetElem. Everything else goes to the instruction's
//! helper (`bl_getprop` ...), which is the interpreter's arm and fills the
//! caches.
//!
//! # Property caches
//! Each GetProp/SetProp site that owns its feedback slot has a
//! [`PolyIc`] in its prototype (`FuncProto::prop_ics`, created at compile
//! time, never moved): up to [`POLY_MAX`] entries `(shape id + 1, loc)` and a
//! state word (number of entries, or `MEGA`). The emitted code embeds the
//! PolyIc's address and, for an object receiver, compares `raw(0) + 1` with
//! each entry's key; on a hit it loads/stores the value at `loc`
//! (precomputed from the shape when the entry was made, see [`loc_of`]):
//! `loc >= 0` is the byte offset of an inline slot from the object's
//! address, `loc < 0` is minus the byte offset from the overflow Slots
//! cell's address. A miss calls the helper, which re-executes the whole
//! instruction and, where the interpreter would cache (own data property,
//! writable for SetProp, non-dictionary shape), adds the shape with
//! [`note`]. The fifth shape makes the site megamorphic: the entries are
//! cleared (so every inline check misses at once and the site calls its
//! helper, which does the interpreter's generic lookup) and the state
//! becomes `MEGA` for good; code compiled for an already megamorphic site
//! calls the helper without any checks.
//!
//! The interpreter's own feedback word keeps its meaning (the helpers update
//! it exactly as the interpreter's arm does); an entry is only ever made for
//! a (shape, slot) pair the interpreter would cache, and shared shapes never
//! change, so an inline hit is what the interpreter's arm computes.
//!
//! # Elements
//! An Array receiver with an int32 key in `[0, length)` inside its dense
//! elements: get loads the element unless it is the hole (holes read the
//! prototype chain, in the helper); set overwrites a non-hole element when
//! the array's elements are not frozen (appends, holes and frozen arrays
//! go to the helper). Both record `SAW_INT` as the interpreter's fast path.
//!
//! # Layout assumptions (checked in debug builds where the caches fill)
//! Every object cell has `OBJECT_RAW_WORDS` raw words (`raw(0)` = shape
//! id, `raw(1)` = array length, then the identity hash) before its values; Slots cells (overflow slots, elements)
//! have none. The header's low byte is the kind, the next byte the flags.

use super::emit::Emitter;
use super::helpers as h;
use super::masm::TAG;
use crate::bytecode::feedback::{self as fbk, PolyEntry, PolyIc, POLY_MAX};
use crate::bytecode::{Const, FuncProto};
use crate::jit::x64::{AluOp, Cond, Gpr, IndexReg, Label, Mem, Scale, ShiftOp, Size, UnaryOp, Xmm};
use crate::runtime::atoms::PropKey;
use crate::runtime::heap::{Cell, Kind, FIRST_OBJECT_KIND};
use crate::runtime::object::FROZEN_ELEMENTS;
use crate::runtime::shape::ACCESSOR;
use crate::runtime::{fixed, Vm};
use std::mem::{offset_of, size_of};

// Raw words of every object cell (shape id, kind-specific word, identity).
use crate::runtime::object::OBJECT_RAW_WORDS;
/// Raw words of a Slots cell.
const SLOTS_RAW_WORDS: usize = 0;
/// `raw(0)`: the shape id.
const SHAPE_OFF: i32 = 8;
/// `raw(1)` of an Array: its length.
const LENGTH_OFF: i32 = 16;
/// A string cell's length in code units (raw word 0, `Vm::string_len`).
const STRING_LEN_OFF: i32 = 8;
/// The header's flag byte.
const FLAGS_OFF: i32 = 1;

/// Byte offset of an object's value `i` from the cell address.
const fn object_value_off(i: usize) -> i32 {
    (8 * (1 + OBJECT_RAW_WORDS + i)) as i32
}

/// Byte offset of a Slots cell's value `i` from the cell address.
const fn slots_value_off(i: usize) -> i32 {
    (8 * (1 + SLOTS_RAW_WORDS + i)) as i32
}

const OVERFLOW_OFF: i32 = object_value_off(fixed::OVERFLOW);
const PROTO_OFF: i32 = object_value_off(fixed::PROTO);
const ELEMENTS_OFF: i32 = object_value_off(fixed::ELEMENTS);
const TA_BUFFER_OFF: i32 = object_value_off(crate::runtime::typed::TA_BUFFER);
const TA_OFFSET_OFF: i32 = object_value_off(crate::runtime::typed::TA_OFFSET);

/// Where slot `slot` of an object with shape `(n_fixed, n_inline)` lives, in
/// the `PolyEntry::loc` encoding (`Vm::get_slot`'s address computation).
pub fn loc_of(n_fixed: u8, n_inline: u16, slot: u32) -> i64 {
    if slot < n_inline as u32 {
        object_value_off(n_fixed as usize + slot as usize) as i64
    } else {
        -(slots_value_off((slot - n_inline as u32) as usize) as i64)
    }
}

/// Enters the shape of object `c`, whose own data property (in a shared
/// shape) is at `slot`, into the cache of the property site with feedback
/// slot `fb`. Helpers call it exactly where the interpreter's arm caches.
pub fn note(vm: &Vm, p: &FuncProto, fb: u16, c: Cell, slot: u32) {
    let Some(ic) = p.poly_ic(fb) else { return };
    if ic.is_mega() {
        return;
    }
    let sid = Vm::shape_of(c);
    let key = sid.0 as u64 + 1;
    let n = ic.state.get() as usize;
    if ic.entries[..n]
        .iter()
        .any(|e| e.key.get() == key && e.holder.get() == 0)
    {
        return;
    }
    let s = vm.shapes.get(sid);
    debug_assert!(!s.dictionary, "dictionary shapes are never cached");
    debug_assert!(c.kind().is_object() && c.raw_words() == OBJECT_RAW_WORDS);
    if slot >= s.n_inline as u32 {
        debug_assert_eq!(
            Cell::from_value(c.get(fixed::OVERFLOW)).raw_words(),
            SLOTS_RAW_WORDS
        );
    }
    enter(ic, key, loc_of(s.n_fixed, s.n_inline, slot), 0);
}

/// Enters receiver `c` (a plain object whose shared shape lacks `key`)
/// whose prototype, in a shared shape, has `key` as a data property: the
/// GetProp site `fb` then reads it from the prototype after checking both
/// shapes. Plain objects only (Kind::Object): other kinds may have own
/// properties outside their shape (array length, elements), and only named
/// keys (index keys live in elements).
pub fn note_proto(vm: &Vm, p: &FuncProto, fb: u16, c: Cell, key: PropKey) {
    let Some(ic) = p.poly_ic(fb) else { return };
    if ic.is_mega() || c.kind() != Kind::Object || !matches!(key, PropKey::Atom(_)) {
        return;
    }
    if vm.shapes.get(Vm::shape_of(c)).dictionary {
        return;
    }
    let proto = c.get(fixed::PROTO);
    if !vm.is_object(proto) {
        return;
    }
    let pc = Cell::from_value(proto);
    let hid = Vm::shape_of(pc);
    let hs = vm.shapes.get(hid);
    if hs.dictionary || pc.raw_words() != OBJECT_RAW_WORDS {
        return;
    }
    let Some((slot, attrs)) = vm.shapes.lookup(hid, key) else {
        return;
    };
    if attrs & ACCESSOR != 0 {
        return;
    }
    let loc = loc_of(hs.n_fixed, hs.n_inline, slot);
    enter(ic, Vm::shape_of(c).0 as u64 + 1, loc, hid.0 as u64 + 1);
}

/// Adds (or, for a receiver shape already present, updates: a prototype
/// whose shape changed) one entry; the fifth shape makes the site
/// megamorphic.
fn enter(ic: &PolyIc, key: u64, loc: i64, holder: u64) {
    let n = ic.state.get() as usize;
    if let Some(e) = ic.entries[..n].iter().find(|e| e.key.get() == key) {
        e.loc.set(loc);
        e.holder.set(holder);
        return;
    }
    if n == POLY_MAX {
        for e in &ic.entries {
            e.key.set(0);
            e.loc.set(0);
            e.holder.set(0);
        }
        ic.state.set(fbk::MEGA);
        return;
    }
    let e = &ic.entries[n];
    e.loc.set(loc);
    e.holder.set(holder);
    e.key.set(key);
    ic.state.set(n as u64 + 1);
}

/// Whether constant `k` of `p` is the string "length".
fn is_length(p: &FuncProto, k: u16) -> bool {
    matches!(p.consts.get(k as usize), Some(Const::Str(s)) if **s == *"length".encode_utf16().collect::<Vec<u16>>())
}

fn idx(r: Gpr) -> IndexReg {
    IndexReg::new(r).expect("not rsp")
}

impl Emitter<'_> {
    /// rax = an object cell: finds its shape in the PolyIc at `ic` and
    /// leaves the entry's `loc` in rcx, or jumps to `slow`. Clobbers rdx.
    /// Jumps to `slow` unless the cell in `r` is an object (kinds from
    /// `FIRST_OBJECT_KIND` on).
    fn branch_if_not_object(&mut self, r: Gpr, slow: Label) {
        let x = &mut self.m.asm;
        x.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(r), FIRST_OBJECT_KIND as i32);
        x.jcc(Cond::B, slow);
    }

    /// With `holder` (GetProp sites), an entry for a prototype's property
    /// continues at `holder` with rdx = its holder shape id + 1.
    fn ic_lookup(&mut self, ic: &PolyIc, slow: Label, holder: Option<Label>) {
        let x = &mut self.m.asm;
        let found = x.new_label();
        x.mov_r_m(Size::S64, Gpr::Rdx, Mem::disp(Gpr::Rax, SHAPE_OFF));
        x.alu_rm_imm(AluOp::Add, Size::S64, Gpr::Rdx, 1);
        x.mov_r_imm(Size::S64, Gpr::Rcx, ic as *const PolyIc as i64);
        for i in 0..POLY_MAX {
            let e = (offset_of!(PolyIc, entries) + i * size_of::<PolyEntry>()) as i32;
            let key = e + offset_of!(PolyEntry, key) as i32;
            let loc = e + offset_of!(PolyEntry, loc) as i32;
            let hold = e + offset_of!(PolyEntry, holder) as i32;
            // Fault: the first entry is used whatever the shape (only
            // whether it is filled is checked).
            let skip = i == 0 && crate::faults::Fault::IcShapeCheckSkipped.injected();
            if skip {
                x.alu_rm_imm(AluOp::Cmp, Size::S64, Mem::disp(Gpr::Rcx, key), 0);
            } else {
                x.alu_r_m(AluOp::Cmp, Size::S64, Gpr::Rdx, Mem::disp(Gpr::Rcx, key));
            }
            if i + 1 < POLY_MAX {
                let miss = x.new_label();
                x.jcc_short(if skip { Cond::E } else { Cond::Ne }, miss);
                if holder.is_some() {
                    x.mov_r_m(Size::S64, Gpr::Rdx, Mem::disp(Gpr::Rcx, hold));
                }
                x.mov_r_m(Size::S64, Gpr::Rcx, Mem::disp(Gpr::Rcx, loc));
                x.jmp_short(found);
                x.bind(miss);
            } else {
                x.jcc(Cond::Ne, slow);
                if holder.is_some() {
                    x.mov_r_m(Size::S64, Gpr::Rdx, Mem::disp(Gpr::Rcx, hold));
                }
                x.mov_r_m(Size::S64, Gpr::Rcx, Mem::disp(Gpr::Rcx, loc));
            }
        }
        x.bind(found);
        if let Some(h) = holder {
            x.test_rm_r(Size::S64, Gpr::Rdx, Gpr::Rdx);
            x.jcc(Cond::Ne, h);
        }
    }

    /// The out-of-line half of a prototype entry (rax = receiver, rcx =
    /// loc, rdx = holder shape + 1): a plain object whose prototype is an
    /// object of that shape continues at `resume` with rax = the prototype.
    pub(super) fn emit_proto_holder(&mut self, entry: Label, resume: Label, slow: Label) {
        self.m.asm.bind(entry);
        self.m.branch_if_kind_ne(Gpr::Rax, Kind::Object, slow);
        let x = &mut self.m.asm;
        x.mov_r_m(Size::S64, Gpr::Rax, Mem::disp(Gpr::Rax, PROTO_OFF));
        // Not a cell (null) or not an object: slow (`branch_if_not_cell`
        // then the kind).
        self.m.branch_if_not_cell(Gpr::Rax, slow);
        self.branch_if_not_object(Gpr::Rax, slow);
        let x = &mut self.m.asm;
        x.mov_r_m(Size::S64, Gpr::R8, Mem::disp(Gpr::Rax, SHAPE_OFF));
        x.alu_rm_imm(AluOp::Add, Size::S64, Gpr::R8, 1);
        x.alu_rm_r(AluOp::Cmp, Size::S64, Gpr::R8, Gpr::Rdx);
        x.jcc(Cond::Ne, slow);
        x.jmp(resume);
    }

    /// rax = object, rcx = loc: returns the slot as `[rax + rcx]` (for an
    /// overflow slot, rax becomes the overflow cell and rcx the offset).
    fn slot_operand(&mut self) -> Mem {
        let x = &mut self.m.asm;
        let inline = x.new_label();
        x.test_rm_r(Size::S64, Gpr::Rcx, Gpr::Rcx);
        x.jcc_short(Cond::Ns, inline);
        x.mov_r_m(Size::S64, Gpr::Rax, Mem::disp(Gpr::Rax, OVERFLOW_OFF));
        x.unary(UnaryOp::Neg, Size::S64, Gpr::Rcx);
        x.bind(inline);
        Mem::bisd(Gpr::Rax, idx(Gpr::Rcx), Scale::S1, 0)
    }

    /// The PolyIc of a property site that should get inline checks: it owns
    /// its feedback slot and is not already megamorphic (a site compiled
    /// again after going megamorphic just calls its helper).
    fn site_ic(&self, fb: u16) -> Option<&'static PolyIc> {
        let ic = self.proto.prop_ics().get(fb)?;
        if ic.is_mega() {
            return None;
        }
        // The prototype outlives its code, and its caches never move.
        Some(unsafe { &*(ic as *const PolyIc) })
    }

    /// `dst = obj.name`: `length` of an array or a flat string inline, then
    /// the shape cache.
    pub(super) fn visit_getprop(&mut self, pc: u32, dst: u16, obj: u16, name: u16, fb: u16) {
        let Some(ic) = self.site_ic(fb) else {
            return self.generic(pc, h::bl_getprop);
        };
        let next = self.next(pc);
        let slow = self.slow_path(pc, h::bl_getprop, next, None);
        self.m.load(Gpr::Rax, obj);
        self.m.branch_if_not_cell(Gpr::Rax, slow);
        if is_length(self.proto, name) {
            // An array's length is not in its shape (`Vm::get_own`).
            let not_array = self.m.asm.new_label();
            self.m.branch_if_kind_ne(Gpr::Rax, Kind::Array, not_array);
            let x = &mut self.m.asm;
            x.mov_r_m(Size::S64, Gpr::Rcx, Mem::disp(Gpr::Rax, LENGTH_OFF));
            x.alu_rm_imm(AluOp::Cmp, Size::S64, Gpr::Rcx, i32::MAX);
            x.jcc(Cond::A, slow);
            self.m.box_int32(Gpr::Rcx);
            self.m.store(dst, Gpr::Rcx);
            self.m.asm.jmp(next);
            self.m.asm.bind(not_array);
            // A flat string's length is its raw word 0 (ropes: the helper).
            let not_string = self.m.asm.new_label();
            self.m.branch_if_kind_ne(Gpr::Rax, Kind::String, not_string);
            let x = &mut self.m.asm;
            x.mov_r_m(Size::S64, Gpr::Rcx, Mem::disp(Gpr::Rax, STRING_LEN_OFF));
            x.alu_rm_imm(AluOp::Cmp, Size::S64, Gpr::Rcx, i32::MAX);
            x.jcc(Cond::A, slow);
            self.m.box_int32(Gpr::Rcx);
            self.m.store(dst, Gpr::Rcx);
            self.m.asm.jmp(next);
            self.m.asm.bind(not_string);
        }
        self.branch_if_not_object(Gpr::Rax, slow);
        let holder = self.m.asm.new_label();
        let resume = self.m.asm.new_label();
        self.ic_lookup(ic, slow, Some(holder));
        self.m.asm.bind(resume);
        self.defer_proto_holder(holder, resume, slow);
        let slot = self.slot_operand();
        self.m.asm.mov_r_m(Size::S64, Gpr::Rax, slot);
        self.m.store(dst, Gpr::Rax);
    }

    /// `obj.name = src` for a cached existing writable data property.
    pub(super) fn visit_setprop(&mut self, pc: u32, obj: u16, src: u16, fb: u16) {
        let Some(ic) = self.site_ic(fb) else {
            return self.generic(pc, h::bl_setprop);
        };
        let slow = self.slow_path(pc, h::bl_setprop, self.next(pc), None);
        self.m.load(Gpr::Rax, obj);
        self.m.branch_if_not_cell(Gpr::Rax, slow);
        self.branch_if_not_object(Gpr::Rax, slow);
        self.ic_lookup(ic, slow, None);
        // No write barrier: the collector is a whole-heap semispace.
        self.m.load(Gpr::Rdx, src);
        let slot = self.slot_operand();
        self.m.asm.mov_rm_r(Size::S64, slot, Gpr::Rdx);
    }

    /// rax = obj, rcx = key: checks for a dense array and an int32 key in
    /// `[0, length)` inside its elements; leaves rax = the element's
    /// address (rcx, rdx clobbered) or jumps to `slow` (to `not_array`,
    /// with rax a cell and rcx an int32, when the object is no Array).
    fn element_address(&mut self, slow: Label, not_array: Label, for_store: bool) {
        self.m.branch_if_not_int(Gpr::Rcx, slow);
        self.m.branch_if_not_cell(Gpr::Rax, slow);
        self.m.branch_if_kind_ne(Gpr::Rax, Kind::Array, not_array);
        let x = &mut self.m.asm;
        if for_store {
            x.test_rm_imm(
                Size::S8,
                Mem::disp(Gpr::Rax, FLAGS_OFF),
                FROZEN_ELEMENTS as i32,
            );
            x.jcc(Cond::Ne, slow);
        }
        // Zero-extend the index; negative ones go to the helper.
        x.mov_rm_r(Size::S32, Gpr::Rcx, Gpr::Rcx);
        x.test_rm_r(Size::S32, Gpr::Rcx, Gpr::Rcx);
        x.jcc(Cond::S, slow);
        x.alu_r_m(
            AluOp::Cmp,
            Size::S64,
            Gpr::Rcx,
            Mem::disp(Gpr::Rax, LENGTH_OFF),
        );
        x.jcc(Cond::Ae, slow);
        x.mov_r_m(Size::S64, Gpr::Rax, Mem::disp(Gpr::Rax, ELEMENTS_OFF));
        self.m.branch_if_not_cell(Gpr::Rax, slow);
        let x = &mut self.m.asm;
        // Value count: header bits 40..64.
        x.mov_r_m(Size::S64, Gpr::Rdx, Mem::base(Gpr::Rax));
        x.shift_imm(ShiftOp::Shr, Size::S64, Gpr::Rdx, 40);
        x.alu_rm_r(AluOp::Cmp, Size::S64, Gpr::Rcx, Gpr::Rdx);
        x.jcc(Cond::Ae, slow);
        x.lea(
            Size::S64,
            Gpr::Rax,
            Mem::bisd(Gpr::Rax, idx(Gpr::Rcx), Scale::S8, slots_value_off(0)),
        );
        // The hole (EMPTY = 0) is for the helper in both directions.
        x.alu_rm_imm(AluOp::Cmp, Size::S64, Mem::base(Gpr::Rax), 0);
        x.jcc(Cond::E, slow);
    }

    /// rax = a cell that is no Array, rcx = an int32 key: checks for a
    /// typed array of `kind` and the key in `[0, length)`; leaves rax = the
    /// element's address in the buffer (rcx, rdx clobbered), or jumps to
    /// `other` (another kind) or `slow` (out of range).
    fn typed_element_address(&mut self, kind: Kind, other: Label, slow: Label) {
        self.m.branch_if_kind_ne(Gpr::Rax, kind, other);
        let x = &mut self.m.asm;
        x.mov_rm_r(Size::S32, Gpr::Rcx, Gpr::Rcx);
        x.test_rm_r(Size::S32, Gpr::Rcx, Gpr::Rcx);
        x.jcc(Cond::S, slow);
        x.alu_r_m(
            AluOp::Cmp,
            Size::S64,
            Gpr::Rcx,
            Mem::disp(Gpr::Rax, LENGTH_OFF),
        );
        x.jcc(Cond::Ae, slow);
        // The view's offset (an int32 value: its low half) plus the index.
        x.mov_r_m(Size::S32, Gpr::Rdx, Mem::disp(Gpr::Rax, TA_OFFSET_OFF));
        x.alu_rm_r(AluOp::Add, Size::S64, Gpr::Rcx, Gpr::Rdx);
        x.mov_r_m(Size::S64, Gpr::Rax, Mem::disp(Gpr::Rax, TA_BUFFER_OFF));
        let scale = if kind == Kind::Int32Array {
            Scale::S4
        } else {
            Scale::S8
        };
        // Bytes cells: the header, then the raw element words.
        x.lea(
            Size::S64,
            Gpr::Rax,
            Mem::bisd(Gpr::Rax, idx(Gpr::Rcx), scale, 8),
        );
    }

    /// `dst = obj[key]` for a present element of a dense array, or an
    /// in-range element of an Int32Array or Float64Array.
    pub(super) fn visit_getelem(&mut self, pc: u32, dst: u16, obj: u16, key: u16, fb: u16) {
        let slow = self.slow_path(pc, h::bl_getelem, self.next(pc), None);
        let not_array = self.m.asm.new_label();
        let not_i32 = self.m.asm.new_label();
        let done = self.m.asm.new_label();
        self.m.load(Gpr::Rax, obj);
        self.m.load(Gpr::Rcx, key);
        self.element_address(slow, not_array, false);
        self.m.asm.mov_r_m(Size::S64, Gpr::Rax, Mem::base(Gpr::Rax));
        self.m.store(dst, Gpr::Rax);
        self.m.feedback_or(fb, fbk::SAW_INT);
        self.m.asm.jmp(done);
        self.m.asm.bind(not_array);
        self.typed_element_address(Kind::Int32Array, not_i32, slow);
        // A 32-bit load zero-extends: box the int32.
        self.m.asm.mov_r_m(Size::S32, Gpr::Rax, Mem::base(Gpr::Rax));
        self.m.box_int32(Gpr::Rax);
        self.m.store(dst, Gpr::Rax);
        self.m.feedback_or(fb, fbk::SAW_TYPED);
        self.m.asm.jmp(done);
        self.m.asm.bind(not_i32);
        self.typed_element_address(Kind::Float64Array, slow, slow);
        self.m.asm.mov_r_m(Size::S64, Gpr::Rax, Mem::base(Gpr::Rax));
        self.m.asm.movq_x_r(Xmm::Xmm0, Gpr::Rax);
        self.box_number_xmm0();
        self.m.store(dst, Gpr::Rax);
        self.m.feedback_or(fb, fbk::SAW_TYPED);
        self.m.asm.bind(done);
    }

    /// `obj[key] = src` overwriting a present element of a dense array, or
    /// storing a number into an in-range element of an Int32Array (an
    /// int32 source) or a Float64Array (any number).
    pub(super) fn visit_setelem(&mut self, pc: u32, obj: u16, key: u16, src: u16, fb: u16) {
        let slow = self.slow_path(pc, h::bl_setelem, self.next(pc), None);
        let not_array = self.m.asm.new_label();
        let not_i32 = self.m.asm.new_label();
        let done = self.m.asm.new_label();
        self.m.load(Gpr::Rax, obj);
        self.m.load(Gpr::Rcx, key);
        self.element_address(slow, not_array, true);
        self.m.load(Gpr::Rdx, src);
        self.m
            .asm
            .mov_rm_r(Size::S64, Mem::base(Gpr::Rax), Gpr::Rdx);
        self.m.feedback_or(fb, fbk::SAW_INT);
        self.m.asm.jmp(done);
        self.m.asm.bind(not_array);
        self.typed_element_address(Kind::Int32Array, not_i32, slow);
        // Only an int32 source is stored inline (doubles need ToInt32).
        self.m.load(Gpr::Rdx, src);
        self.m.branch_if_not_int(Gpr::Rdx, slow);
        self.m
            .asm
            .mov_rm_r(Size::S32, Mem::base(Gpr::Rax), Gpr::Rdx);
        self.m.feedback_or(fb, fbk::SAW_TYPED);
        self.m.asm.jmp(done);
        self.m.asm.bind(not_i32);
        self.typed_element_address(Kind::Float64Array, slow, slow);
        // Any number: an int32 converted, a double unboxed.
        let is_double = self.m.asm.new_label();
        let store = self.m.asm.new_label();
        self.m.load(Gpr::Rdx, src);
        let x = &mut self.m.asm;
        x.test_rm_r(Size::S64, Gpr::Rdx, TAG);
        x.jcc(Cond::E, slow);
        x.alu_rm_r(AluOp::Cmp, Size::S64, Gpr::Rdx, TAG);
        x.jcc(Cond::B, is_double);
        x.cvtsi2sd(Size::S32, Xmm::Xmm0, Gpr::Rdx);
        x.movq_r_x(Gpr::Rdx, Xmm::Xmm0);
        x.jmp(store);
        x.bind(is_double);
        x.mov_r_imm(
            Size::S64,
            Gpr::Rcx,
            crate::runtime::value::DOUBLE_OFFSET as i64,
        );
        x.alu_rm_r(AluOp::Sub, Size::S64, Gpr::Rdx, Gpr::Rcx);
        x.bind(store);
        x.mov_rm_r(Size::S64, Mem::base(Gpr::Rax), Gpr::Rdx);
        self.m.feedback_or(fb, fbk::SAW_TYPED);
        self.m.asm.bind(done);
    }
}

// Compile-time checks of the layout the emitted code relies on.
const _: () = {
    assert!(Kind::Array as u8 >= FIRST_OBJECT_KIND);
    assert!(FROZEN_ELEMENTS < 256);
    assert!(size_of::<PolyEntry>() == 24);
};

/// A property site's machine-code cache as `runtime::exec` sees it: the
/// helpers pass it to `exec::get_prop`/`set_prop`, which report what they
/// find and so fill the cache exactly where the interpreter's feedback
/// would be filled (plus prototype methods for gets).
pub struct SiteIc<'a> {
    pub p: &'a FuncProto,
    pub fb: u16,
}

impl crate::runtime::exec::PropIc for SiteIc<'_> {
    fn skip_shape_check(&self) -> bool {
        // Fault: the helper's monomorphic check skips the shape compare
        // (the machine-code inline caches skip theirs too).
        crate::faults::Fault::IcShapeCheckSkipped.injected()
    }
    fn own(&mut self, vm: &mut Vm, c: Cell, slot: u32) {
        note(vm, self.p, self.fb, c, slot);
    }
    fn not_own(&mut self, vm: &mut Vm, c: Cell, key: PropKey) {
        note_proto(vm, self.p, self.fb, c, key);
    }
}
