//! Allocation inline in baseline code: the `this` of a `new` of a plain
//! function or base-class constructor is bump-allocated in the heap's
//! current space (`Heap::TOP_OFFSET` ..), with `bl_new_this` (which
//! collects) only when the space is full or the site's cache misses.
//!
//! Invariants:
//! - The object made inline is exactly `Vm::ordinary_create_from_constructor`'s
//!   for the constructors it accepts: a plain object (`Kind::Object`,
//!   `PLAIN_ROOT` shape, raw words zero, overflow and elements undefined,
//!   inline slots undefined) whose prototype is the constructor's own
//!   `prototype`, read through the site's cache of constructor shapes
//!   (entries made by `note_prototype_slot`: a shared shape with
//!   `prototype` an own data property, so a shape hit proves where it is;
//!   its value is read at each use). A `prototype` that is no object
//!   (the helper uses %Object.prototype%), a field initialiser, too few
//!   arguments (the construct entry would refuse) or a miss go to
//!   `bl_new_this`, which does everything again from the registers.
//! - Nothing can collect between the bump and the store of the finished
//!   cell into the window's `this` register, and every word of the cell is
//!   written before that store, so the moving collector only ever sees
//!   whole cells (the space is always parsable: `Heap::verify` walks it).
//! - `a + b` of two strings whose result is long enough to be a rope
//!   (`Vm::concat_strings`: both non-empty, more than `FLAT_CONCAT_MAX`
//!   units, not past the string length limit) bump-allocates the rope
//!   cell inline (length, left, right), exactly the cell `concat_strings`
//!   makes; the helper does every other `+` (short results are copied
//!   flat there).
//! - Plans that force collections at chosen allocations turn inline
//!   allocation off (`Heap::set_inline_alloc`: the JIT limit is 0), so
//!   every allocation there still goes through `Vm::alloc_rooted`.

use super::emit::{layout, Emitter};
use super::ic::Site;
use crate::bytecode::feedback::PolyIc;
use crate::bytecode::FuncProto;
use crate::jit::x64::{AluOp, Cond, Gpr, Label, Mem, Scale, Size};
use crate::runtime::atoms::{wk, PropKey};
use crate::runtime::heap::{make_header, Cell, Heap, Kind};
use crate::runtime::object::OBJECT_RAW_WORDS;
use crate::runtime::shape::{ACCESSOR, PLAIN_INLINE, PLAIN_ROOT};
use crate::runtime::{fixed, Value, Vm};
use std::mem::offset_of;

const HEAP: usize = offset_of!(Vm, heap);
const HEAP_TOP: i32 = (HEAP + Heap::TOP_OFFSET) as i32;
const HEAP_BASE: i32 = (HEAP + Heap::BASE_OFFSET) as i32;
const HEAP_JIT_LIMIT: i32 = (HEAP + Heap::JIT_LIMIT_OFFSET) as i32;
const HEAP_ALLOCATED: i32 = (HEAP + Heap::ALLOCATED_OFFSET) as i32;
const P_NPARAMS: i32 = offset_of!(FuncProto, nparams) as i32;
/// Values of a plain object: the fixed ones, then its inline slots.
const PLAIN_VALUES: usize = fixed::PLAIN as usize + PLAIN_INLINE as usize;
/// Words of a rope cell: header, length, left, right.
const ROPE_WORDS: usize = 4;
/// `Vm::concat_strings` copies results of at most this many units flat.
const FLAT_CONCAT_MAX: usize = crate::runtime::FLAT_CONCAT_MAX;
/// Longer results are a RangeError (the helper's).
const MAX_STRING_LEN: usize = crate::runtime::MAX_STRING_LEN;
/// Words of a plain object cell.
const PLAIN_WORDS: usize = 1 + OBJECT_RAW_WORDS + PLAIN_VALUES;
// The first value is the prototype.
const _: () = assert!(fixed::PROTO == 0);

/// Enters constructor `f`'s shape into the cache of site `fb` (an
/// `instanceof` or a `new`) when it is a function or native with a shared
/// shape holding `prototype` as an own data property.
pub fn note_prototype_slot(vm: &Vm, p: &FuncProto, fb: u16, f: Value) {
    if !matches!(vm.kind_of(f), Some(Kind::Function | Kind::Native)) {
        return;
    }
    let c = Cell::from_value(f);
    let sid = Vm::shape_of(c);
    if vm.shapes.get(sid).dictionary {
        return;
    }
    if let Some((slot, attrs)) = vm.shapes.lookup(sid, PropKey::Atom(wk::prototype)) {
        if attrs & ACCESSOR == 0 {
            super::ic::note(vm, p, fb, c, slot);
        }
    }
}

impl Emitter<'_> {
    /// Bump-allocates `words` words in the heap's current space: `cell` =
    /// the new cell's address (its words still to be written), or a jump
    /// to `full` with nothing changed. Clobbers `tmp`.
    fn bump_alloc(&mut self, words: usize, cell: Gpr, tmp: Gpr, full: Label) {
        let x = &mut self.m.asm;
        x.mov_r_m(Size::S64, cell, Mem::disp(Gpr::Rbx, HEAP_TOP));
        x.lea(Size::S64, tmp, Mem::disp(cell, words as i32));
        x.alu_r_m(
            AluOp::Cmp,
            Size::S64,
            tmp,
            Mem::disp(Gpr::Rbx, HEAP_JIT_LIMIT),
        );
        x.jcc(Cond::A, full);
        x.mov_rm_r(Size::S64, Mem::disp(Gpr::Rbx, HEAP_TOP), tmp);
        x.alu_rm_imm(
            AluOp::Add,
            Size::S64,
            Mem::disp(Gpr::Rbx, HEAP_ALLOCATED),
            words as i32,
        );
        x.mov_r_m(Size::S64, tmp, Mem::disp(Gpr::Rbx, HEAP_BASE));
        x.lea(
            Size::S64,
            cell,
            Mem::bisd(tmp, super::ic::idx(cell), Scale::S8, 0),
        );
    }

    /// rax = a, rcx = b of an Add, not both numbers: when both are strings
    /// (flat or rope) whose concatenation `Vm::concat_strings` makes a
    /// rope, makes it inline into `dst` with the helper's feedback; else
    /// jumps to `slow` having written nothing. Clobbers rdx, r8, r9.
    pub(super) fn inline_rope(&mut self, fb: u16, dst: u16, slow: Label) {
        const _: () = assert!(Kind::String as u8 == 1 && Kind::Rope as u8 == 2);
        for r in [Gpr::Rax, Gpr::Rcx] {
            self.m.branch_if_not_cell(r, slow);
            let x = &mut self.m.asm;
            x.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(r), Kind::Rope as i32);
            x.jcc(Cond::A, slow);
        }
        let x = &mut self.m.asm;
        let len = |r| Mem::disp(r, crate::jit::baseline::ic::STRING_LEN_OFF);
        // Both non-empty (an empty side is the other string, the helper's).
        x.mov_r_m(Size::S64, Gpr::Rdx, len(Gpr::Rax));
        x.test_rm_r(Size::S64, Gpr::Rdx, Gpr::Rdx);
        x.jcc(Cond::E, slow);
        x.mov_r_m(Size::S64, Gpr::R8, len(Gpr::Rcx));
        x.test_rm_r(Size::S64, Gpr::R8, Gpr::R8);
        x.jcc(Cond::E, slow);
        x.alu_rm_r(AluOp::Add, Size::S64, Gpr::Rdx, Gpr::R8);
        x.alu_rm_imm(AluOp::Cmp, Size::S64, Gpr::Rdx, FLAT_CONCAT_MAX as i32);
        x.jcc(Cond::Be, slow);
        x.alu_rm_imm(AluOp::Cmp, Size::S64, Gpr::Rdx, MAX_STRING_LEN as i32);
        x.jcc(Cond::A, slow);
        self.bump_alloc(ROPE_WORDS, Gpr::R8, Gpr::R9, slow);
        let x = &mut self.m.asm;
        x.mov_r_imm(Size::S64, Gpr::R9, make_header(Kind::Rope, 1, 2, 0) as i64);
        x.mov_rm_r(Size::S64, Mem::base(Gpr::R8), Gpr::R9);
        x.mov_rm_r(Size::S64, Mem::disp(Gpr::R8, 8), Gpr::Rdx);
        x.mov_rm_r(Size::S64, Mem::disp(Gpr::R8, 16), Gpr::Rax);
        x.mov_rm_r(Size::S64, Mem::disp(Gpr::R8, 24), Gpr::Rcx);
        self.m
            .feedback_or(fb, crate::bytecode::feedback::SAW_STRING);
        self.m.store(dst, Gpr::R8);
    }

    /// rax = the callee of a `new` (a Function cell), rcx = its FuncProto:
    /// makes `this` inline into `regs[base + 1]` (see the module doc), or
    /// jumps to `helper` (the `bl_new_this` call) having written nothing.
    pub(super) fn inline_new_this(&mut self, ic: &PolyIc, base: u16, argc: u16, helper: Label) {
        let x = &mut self.m.asm;
        x.movzx(
            Size::S32,
            Gpr::R8,
            Size::S16,
            Mem::disp(Gpr::Rcx, P_NPARAMS),
        );
        x.alu_rm_imm(AluOp::Cmp, Size::S32, Gpr::R8, argc as i32);
        x.jcc(Cond::A, helper);
        x.alu_rm_imm(
            AluOp::Cmp,
            Size::S64,
            Mem::disp(Gpr::Rax, layout::FN_FIELDS),
            Value::UNDEFINED.0 as i32,
        );
        x.jcc(Cond::Ne, helper);
        self.ic_lookup(ic, helper, None, Site::Get);
        let slot = self.slot_operand();
        self.m.asm.mov_r_m(Size::S64, Gpr::Rdx, slot);
        self.m.branch_if_not_cell(Gpr::Rdx, helper);
        self.branch_if_not_object(Gpr::Rdx, helper);
        self.bump_alloc(PLAIN_WORDS, Gpr::Rax, Gpr::R8, helper);
        let x = &mut self.m.asm;
        let header = make_header(Kind::Object, OBJECT_RAW_WORDS, PLAIN_VALUES, 0);
        x.mov_r_imm(Size::S64, Gpr::R8, header as i64);
        x.mov_rm_r(Size::S64, Mem::base(Gpr::Rax), Gpr::R8);
        // Raw words: the shape id, the kind word, the identity hash.
        x.mov_m_imm(Size::S64, Mem::disp(Gpr::Rax, 8), PLAIN_ROOT.0 as i32);
        for i in 1..OBJECT_RAW_WORDS {
            x.mov_m_imm(Size::S64, Mem::disp(Gpr::Rax, 8 * (1 + i as i32)), 0);
        }
        let values = 8 * (1 + OBJECT_RAW_WORDS as i32);
        x.mov_rm_r(Size::S64, Mem::disp(Gpr::Rax, values), Gpr::Rdx);
        x.mov_r_imm(Size::S32, Gpr::R8, Value::UNDEFINED.0 as i64);
        for i in 1..PLAIN_VALUES {
            x.mov_rm_r(
                Size::S64,
                Mem::disp(Gpr::Rax, values + 8 * i as i32),
                Gpr::R8,
            );
        }
        self.m.store(base + 1, Gpr::Rax);
    }
}
