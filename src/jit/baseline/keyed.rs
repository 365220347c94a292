//! Keyed inline caches: `obj[key]` and `obj[key] = v` with a string key,
//! cached on (atom, shape) pairs as V8's KeyedLoadIC/KeyedStoreIC do for
//! names. The element paths of `ic.rs` take int32 keys; any other key
//! comes here.
//!
//! Invariants:
//! - An entry's key is `atom << 32 | shape id + 1` (`ic::Dest::keyed`), made
//!   by the element helpers (`exec::get_elem_ic`/`set_elem_ic` reporting
//!   to `ic::SiteIc::keyed`) exactly where a GetProp/SetProp site of that
//!   name would cache: own data properties (writable for stores) of shared
//!   shapes, prototype-chain records (`CHAIN_LOAD`, `CHAIN_ADD`, and the
//!   accessor kinds, which the machine code leaves to the helper). So a
//!   hit computes what the helper would, by the same argument as named
//!   sites (shared shapes never change; prototypes are read and their
//!   shapes checked at each use).
//! - Only named atoms other than `length` that are no canonical numeric
//!   string are entered (`ic::chain_key`): for them every object kind's
//!   own properties are its shape's. An index key's atom string has bit
//!   32 set in its key word and is refused inline; `length` is atom 0, so
//!   its key can never equal an entry's.
//! - The key must be an atom string (the identity of its atom is its key
//!   word); any other string goes to the helper, which converts it once.
//! - Up to `POLY_MAX` pairs sit in the site's entries; the next makes the
//!   site megamorphic and gives it a `KEYED_TABLE`-entry hash table
//!   (`PolyIc::table`), probed at `keyed_slot(key)`; a collision replaces
//!   the older pair. Code compiled for a megamorphic site probes only the
//!   table.
//! - A hit records `SAW_OTHER`, the helper's feedback for any key that is
//!   no int32.

use super::emit::Emitter;
use super::ic::{idx, FLAGS_OFF};
use crate::bytecode::feedback::{self as fbk, PolyEntry, PolyIc};
use crate::jit::x64::{AluOp, Cond, Gpr, Label, Mem, Scale, ShiftOp, Size};
use crate::runtime::heap::{Kind, ATOM_STRING, MAX_CELL_FIELD};
use std::mem::offset_of;

/// What a keyed site does on a hit.
#[derive(Clone, Copy)]
pub(super) enum Access {
    /// `dst = obj[key]`.
    Get(u16),
    /// `obj[key] = src`.
    Set(u16),
}

impl Emitter<'_> {
    /// `r` = a value: becomes the key word of an atom string (its last raw
    /// word: the encoded property key), or jumps to `slow` for any other
    /// value. Clobbers r9.
    pub(super) fn atom_key_word(&mut self, r: Gpr, slow: Label) {
        self.m.branch_if_not_cell(r, slow);
        self.m.branch_if_kind_ne(r, Kind::String, slow);
        let x = &mut self.m.asm;
        x.test_rm_imm(Size::S8, Mem::disp(r, FLAGS_OFF), ATOM_STRING as i32);
        x.jcc(Cond::E, slow);
        // Raw word count: header bits 16..40; the last raw word is at
        // 8 * count from the cell.
        x.mov_r_m(Size::S64, Gpr::R9, Mem::base(r));
        x.shift_imm(ShiftOp::Shr, Size::S64, Gpr::R9, 16);
        x.alu_rm_imm(AluOp::And, Size::S32, Gpr::R9, MAX_CELL_FIELD as i32);
        x.mov_r_m(Size::S64, r, Mem::bisd(r, idx(Gpr::R9), Scale::S8, 0));
    }

    /// The keyed path of a GetElem/SetElem site `fb` (rax = obj, rcx =
    /// key, any values): on a hit does `access` and continues at `done`;
    /// anything else goes to `slow`.
    pub(super) fn emit_keyed(&mut self, fb: u16, access: Access, slow: Label, done: Label) {
        let Some(ic) = self.proto.prop_ics().get(fb) else {
            return self.m.asm.jmp(slow);
        };
        // The prototype outlives its code, and its caches never move.
        let ic: &'static PolyIc = unsafe { &*(ic as *const PolyIc) };
        // r11 = atom << 32 (a named atom's key word has its high half 0).
        self.atom_key_word(Gpr::Rcx, slow);
        let x = &mut self.m.asm;
        x.mov_rm_r(Size::S64, Gpr::R11, Gpr::Rcx);
        x.shift_imm(ShiftOp::Shr, Size::S64, Gpr::Rcx, 32);
        x.jcc(Cond::Ne, slow);
        x.shift_imm(ShiftOp::Shl, Size::S64, Gpr::R11, 32);
        self.m.branch_if_not_cell(Gpr::Rax, slow);
        self.branch_if_not_object(Gpr::Rax, slow);
        self.m.feedback_or(fb, fbk::SAW_OTHER);
        let x = &mut self.m.asm;
        x.mov_r_m(
            Size::S64,
            Gpr::Rdx,
            Mem::disp(Gpr::Rax, super::ic::SHAPE_OFF),
        );
        x.alu_rm_imm(AluOp::Add, Size::S64, Gpr::Rdx, 1);
        x.alu_rm_r(AluOp::Or, Size::S64, Gpr::Rdx, Gpr::R11);
        let (own, table, holder) = (x.new_label(), x.new_label(), x.new_label());
        if ic.is_mega() {
            self.m.asm.jmp(table);
        } else {
            if crate::faults::Fault::KeyedShapeCheckSkipped.injected() {
                // Fault: the first pair's key stands for ours when the
                // atoms match, whatever the shape.
                let first = &ic.entries[0].key as *const std::cell::Cell<u64>;
                let x = &mut self.m.asm;
                let keep = x.new_label();
                x.mov_r_imm(Size::S64, Gpr::R8, first as i64);
                x.mov_r_m(Size::S64, Gpr::R8, Mem::base(Gpr::R8));
                x.test_rm_r(Size::S64, Gpr::R8, Gpr::R8);
                x.jcc(Cond::E, keep);
                x.mov_rm_r(Size::S64, Gpr::R9, Gpr::R8);
                x.shift_imm(ShiftOp::Shr, Size::S64, Gpr::R9, 32);
                x.shift_imm(ShiftOp::Shl, Size::S64, Gpr::R9, 32);
                x.alu_rm_r(AluOp::Cmp, Size::S64, Gpr::R9, Gpr::R11);
                x.jcc(Cond::Ne, keep);
                x.mov_rm_r(Size::S64, Gpr::Rdx, Gpr::R8);
                x.bind(keep);
            }
            self.ic_probe(ic, table, Some(holder));
        }
        // An own property: rax = the object (or a chain record's holder),
        // rcx = loc.
        self.m.asm.bind(own);
        let slot = self.slot_operand();
        match access {
            Access::Get(dst) => {
                self.m.asm.mov_r_m(Size::S64, Gpr::Rax, slot);
                self.m.store(dst, Gpr::Rax);
            }
            // No write barrier: the collector is a whole-heap semispace.
            Access::Set(src) => {
                self.m.load(Gpr::Rdx, src);
                self.m.asm.mov_rm_r(Size::S64, slot, Gpr::Rdx);
            }
        }
        self.m.asm.jmp(done);
        // The table of a megamorphic site (rdx = the entry key).
        self.m.asm.bind(table);
        let e = |f: usize| Mem::bisd(Gpr::Rcx, idx(Gpr::R8), Scale::S8, f as i32);
        self.load_ic_word(ic, offset_of!(PolyIc, table), Gpr::Rcx, slow);
        let x = &mut self.m.asm;
        // r8 = 3 * keyed_slot(rdx): the entry's index in words.
        x.imul_r_rm_imm(Size::S64, Gpr::R8, Gpr::Rdx, fbk::KEYED_HASH);
        x.shift_imm(
            ShiftOp::Shr,
            Size::S64,
            Gpr::R8,
            (64 - fbk::KEYED_TABLE.trailing_zeros()) as u8,
        );
        x.lea(
            Size::S64,
            Gpr::R8,
            Mem::bisd(Gpr::R8, idx(Gpr::R8), Scale::S2, 0),
        );
        x.alu_r_m(
            AluOp::Cmp,
            Size::S64,
            Gpr::Rdx,
            e(offset_of!(PolyEntry, key)),
        );
        x.jcc(Cond::Ne, slow);
        x.mov_r_m(Size::S64, Gpr::Rdx, e(offset_of!(PolyEntry, holder)));
        x.mov_r_m(Size::S64, Gpr::Rcx, e(offset_of!(PolyEntry, loc)));
        x.test_rm_r(Size::S64, Gpr::Rdx, Gpr::Rdx);
        x.jcc(Cond::E, own);
        // A chain record in rdx: loads read the holder, stores add the
        // property (accessor records go to the helper).
        match access {
            Access::Get(_) => self.defer_proto_holder(holder, own, slow, None, None),
            Access::Set(src) => self.defer_proto_holder(holder, done, slow, Some(src), None),
        }
        self.m.asm.jmp(holder);
    }
}

const _: () = assert!(std::mem::size_of::<PolyEntry>() == 24);
