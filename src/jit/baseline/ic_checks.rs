//! Inline caches of `instanceof` and `in`. `instanceof`: the right-hand constructor's shape is
//! cached with the location of its own `prototype` data property, so the
//! check is a shape compare, a load, and a walk up the left-hand object's
//! prototype chain comparing identities.
//!
//! Invariants:
//! - Entries are made (`alloc::note_prototype_slot`, from `bl_instanceof`) only for
//!   callable objects that are no bound function (`Function` and `Native`
//!   cells: `ops::instance_of` reads their own `prototype`) whose shared
//!   shape has `prototype` as an own data property. A shared shape never
//!   changes, so a shape hit proves where `prototype` is; its value is read
//!   at each use (assigning `F.prototype` needs no invalidation).
//! - The inline path computes exactly `ops::instance_of` for those
//!   constructors: a non-object left side is false without reading
//!   anything; a `prototype` that is no object goes to the helper (the
//!   TypeError); prototype chains are acyclic (`setPrototypeOf` refuses
//!   cycles), so the walk ends. It records `SAW_OTHER` as `exec::instance_of`.
//! - `in` (`visit_in`, entries from `ic::note_in`): a receiver shape and
//!   the key word of an atom's own string; own entries are true, chain
//!   records (`CHAIN_IN_FOUND`/`CHAIN_IN_ABSENT`) prove the answer with the
//!   prototypes' shared shapes, read from the objects at each use (so
//!   `setPrototypeOf` and adding a property anywhere on the chain, which
//!   changes a shape, are seen without invalidation).
//! - Nothing allocates.

use super::emit::Emitter;
use super::helpers as h;
use super::ic::{Site, CHAIN_IN_ABSENT, CHAIN_IN_FOUND, PROTO_OFF};
use crate::bytecode::feedback as fbk;
use crate::jit::x64::{AluOp, Cond, Gpr, Size};
use crate::runtime::heap::Kind;
use crate::runtime::Value;

const _: () = assert!(Kind::Native as u8 == Kind::Function as u8 + 1);

impl Emitter<'_> {
    /// `dst = a instanceof b` through the site's cache of `b`'s shape.
    pub(super) fn visit_instanceof(&mut self, pc: u32, dst: u16, a: u16, b: u16, fb: u16) {
        let Some(ic) = self.site_ic(fb) else {
            return self.generic(pc, h::bl_instanceof);
        };
        let next = self.next(pc);
        let slow = self.slow_path(pc, h::bl_instanceof, next, None);
        self.m.load(Gpr::Rax, b);
        self.m.branch_if_not_cell(Gpr::Rax, slow);
        let x = &mut self.m.asm;
        // A Function or a Native.
        x.movzx(
            Size::S32,
            Gpr::Rdx,
            Size::S8,
            crate::jit::x64::Mem::base(Gpr::Rax),
        );
        x.alu_rm_imm(AluOp::Sub, Size::S32, Gpr::Rdx, Kind::Function as i32);
        x.alu_rm_imm(AluOp::Cmp, Size::S32, Gpr::Rdx, 1);
        x.jcc(Cond::A, slow);
        self.ic_lookup(ic, slow, None, super::ic::Site::Get);
        let slot = self.slot_operand();
        self.m.asm.mov_r_m(Size::S64, Gpr::R8, slot);
        // `prototype` must be an object (else the helper's TypeError).
        self.m.branch_if_not_cell(Gpr::R8, slow);
        self.branch_if_not_object(Gpr::R8, slow);
        self.m.feedback_or(fb, fbk::SAW_OTHER);
        let x = &mut self.m.asm;
        let (no, yes, walk) = (x.new_label(), x.new_label(), x.new_label());
        self.m.load(Gpr::Rax, a);
        self.m.branch_if_not_cell(Gpr::Rax, no);
        self.branch_if_not_object(Gpr::Rax, no);
        self.m.asm.bind(walk);
        self.m.asm.mov_r_m(
            Size::S64,
            Gpr::Rax,
            crate::jit::x64::Mem::disp(Gpr::Rax, PROTO_OFF),
        );
        // null ends the chain.
        self.m.branch_if_not_cell(Gpr::Rax, no);
        let x = &mut self.m.asm;
        x.alu_rm_r(AluOp::Cmp, Size::S64, Gpr::Rax, Gpr::R8);
        x.jcc(Cond::Ne, walk);
        x.bind(yes);
        self.m.store_small(dst, Value::TRUE.0);
        self.m.asm.jmp(next);
        self.m.asm.bind(no);
        self.m.store_small(dst, Value::FALSE.0);
    }
}

impl Emitter<'_> {
    /// `dst = a in b` through the site's cache (`ic::note_in`): `b` an
    /// object whose shape is cached with the key word of `a` (an atom's
    /// own string); own entries answer true, chain records answer after
    /// checking the prototypes' shapes (and, for an absent key, that the
    /// chain ends). Anything else: the helper.
    pub(super) fn visit_in(&mut self, pc: u32, dst: u16, a: u16, b: u16, fb: u16) {
        let Some(ic) = self.site_ic(fb) else {
            return self.generic(pc, h::bl_in);
        };
        let next = self.next(pc);
        let slow = self.slow_path(pc, h::bl_in, next, None);
        // r11 = the key word of an atom string (its last raw word).
        self.m.load(Gpr::R11, a);
        self.atom_key_word(Gpr::R11, slow);
        self.m.load(Gpr::Rax, b);
        self.m.branch_if_not_cell(Gpr::Rax, slow);
        self.branch_if_not_object(Gpr::Rax, slow);
        let chain = self.m.asm.new_label();
        self.ic_lookup(ic, slow, Some(chain), Site::Get);
        let x = &mut self.m.asm;
        let (yes, no, found) = (x.new_label(), x.new_label(), x.new_label());
        x.alu_rm_r(AluOp::Cmp, Size::S64, Gpr::Rcx, Gpr::R11);
        x.jcc(Cond::Ne, slow);
        x.bind(yes);
        self.m.store_small(dst, Value::TRUE.0);
        self.m.asm.jmp(next);
        // A chain record in rdx (the receiver's shape and key matched).
        self.m.asm.bind(chain);
        let x = &mut self.m.asm;
        x.alu_rm_r(AluOp::Cmp, Size::S64, Gpr::Rcx, Gpr::R11);
        x.jcc(Cond::Ne, slow);
        self.branch_on_chain_kind(CHAIN_IN_FOUND, Cond::E, found);
        self.chain_walk(CHAIN_IN_ABSENT, slow);
        // A later setPrototypeOf could have extended the chain.
        self.branch_unless_chain_ends(slow);
        let x = &mut self.m.asm;
        x.jmp(no);
        x.bind(found);
        self.chain_walk(CHAIN_IN_FOUND, slow);
        self.m.asm.jmp(yes);
        self.m.asm.bind(no);
        self.m.store_small(dst, Value::FALSE.0);
    }
}
