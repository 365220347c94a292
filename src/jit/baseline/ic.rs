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

use super::accessors::Accessor;
use super::emit::Emitter;
use super::helpers as h;
use super::keyed::Access;
use super::masm::TAG;
use crate::bytecode::feedback::{self as fbk, PolyEntry, PolyIc, POLY_MAX};
use crate::bytecode::{Const, FuncProto};
use crate::jit::x64::{AluOp, Cond, Gpr, IndexReg, Label, Mem, Scale, ShiftOp, Size, UnaryOp, Xmm};
use crate::runtime::atoms::{wk, PropKey};
use crate::runtime::heap::{Cell, Kind, ATOM_STRING, FIRST_OBJECT_KIND};
use crate::runtime::object::FROZEN_ELEMENTS;
use crate::runtime::shape::{self, ShapeId, ACCESSOR, WRITABLE};
use crate::runtime::{
    fixed, oflags, GlobalCell, Intrinsic, Value, Vm, CELL_READ, CELL_WRITE, UNIT_STRINGS,
};
use std::mem::{offset_of, size_of};

// Raw words of every object cell (shape id, kind-specific word, identity).
use crate::runtime::object::OBJECT_RAW_WORDS;
/// Raw words of a Slots cell.
const SLOTS_RAW_WORDS: usize = 0;
/// `raw(0)`: the shape id.
pub(crate) const SHAPE_OFF: i32 = 8;
/// `raw(1)` of an Array: its length.
pub(crate) const LENGTH_OFF: i32 = 16;
/// A string cell's length in code units (raw word 0, `Vm::string_len`).
pub(crate) const STRING_LEN_OFF: i32 = 8;
/// A flat string's first code unit (after its length word).
pub(crate) const STRING_UNITS_OFF: i32 = 16;
/// A rope's left and right halves (values 0 and 1, after its length
/// word); a flattened rope has its flat string on the left, EMPTY right.
const ROPE_LEFT_OFF: i32 = 16;
const ROPE_RIGHT_OFF: i32 = 24;
/// `Vm::atom_strings_ptr` / `_len`, from the pinned VM register (rbx).
pub(crate) const ATOM_STRINGS_PTR: i32 = offset_of!(Vm, atom_strings_ptr) as i32;
pub(crate) const ATOM_STRINGS_LEN: i32 = offset_of!(Vm, atom_strings_len) as i32;
pub(crate) const INTRINSICS_PTR: i32 = offset_of!(Vm, intrinsics_ptr) as i32;
/// `Vm::unit_atoms`: a Box, so the field is the table's address.
pub(crate) const UNIT_ATOMS: i32 = offset_of!(Vm, unit_atoms) as i32;
/// The header's flag byte.
pub(crate) const FLAGS_OFF: i32 = 1;

/// Byte offset of an object's value `i` from the cell address.
const fn object_value_off(i: usize) -> i32 {
    (8 * (1 + OBJECT_RAW_WORDS + i)) as i32
}

/// Byte offset of a Slots cell's value `i` from the cell address.
pub(crate) const fn slots_value_off(i: usize) -> i32 {
    (8 * (1 + SLOTS_RAW_WORDS + i)) as i32
}

pub(crate) const OVERFLOW_OFF: i32 = object_value_off(fixed::OVERFLOW);
pub const PROTO_OFF: i32 = object_value_off(fixed::PROTO);
pub(crate) const ELEMENTS_OFF: i32 = object_value_off(fixed::ELEMENTS);
pub(crate) const TA_BUFFER_OFF: i32 = object_value_off(crate::runtime::typed::TA_BUFFER);
pub(crate) const TA_OFFSET_OFF: i32 = object_value_off(crate::runtime::typed::TA_OFFSET);

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
    if let Some(d) = Dest::named(p, fb) {
        note_at(vm, d, c, slot);
    }
}

/// Where a site's observations go: its `PolyIc`, with entry keys `shape
/// id + 1` (named sites) or `atom << 32 | shape id + 1` (keyed sites,
/// `keyed`: the property key is part of the entry's key; past `POLY_MAX`
/// pairs a keyed site goes on in its hash table, see `PolyIc::table`).
#[derive(Clone, Copy)]
pub(crate) struct Dest<'a> {
    ic: &'a PolyIc,
    hi: u64,
    keyed: bool,
}

impl<'a> Dest<'a> {
    /// A named site's cache, unless it has none or is megamorphic.
    fn named(p: &'a FuncProto, fb: u16) -> Option<Dest<'a>> {
        let ic = p.poly_ic(fb)?;
        (!ic.is_mega()).then_some(Dest {
            ic,
            hi: 0,
            keyed: false,
        })
    }

    /// A keyed site's cache for atom `a` (a megamorphic keyed site still
    /// fills its table).
    pub(crate) fn keyed(
        p: &'a FuncProto,
        fb: u16,
        a: crate::runtime::atoms::Atom,
    ) -> Option<Dest<'a>> {
        Some(Dest {
            ic: p.poly_ic(fb)?,
            hi: (a.0 as u64) << 32,
            keyed: true,
        })
    }

    /// The entry key of receiver `c`.
    fn key(self, c: Cell) -> u64 {
        (Vm::shape_of(c).0 as u64 + 1) | self.hi
    }

    /// The entry cached for `key`, in the site's entries or its table.
    fn find(self, key: u64) -> Option<&'a PolyEntry> {
        let n = self.ic.len();
        if let Some(e) = self.ic.entries[..n].iter().find(|e| e.key.get() == key) {
            return Some(e);
        }
        let e = &self.ic.table_owner.get()?[fbk::keyed_slot(key)];
        (e.key.get() == key).then_some(e)
    }

    /// Enters `key` with a chain record equal to `words` (nothing to do
    /// when its entry has that record already: a keyed site's helper sees
    /// every key that is no atom string).
    fn enter_chain(self, key: u64, loc: i64, words: &[u64]) {
        if let Some(e) = self.find(key) {
            if e.loc.get() == loc && self.ic.chain_of(e, CHAIN_N, CHAIN_PROTOS) == Some(words) {
                return;
            }
        }
        match self.ic.chain(words) {
            Some(chain) => self.enter(key, loc, chain),
            None => self.give_up(),
        }
    }

    /// Adds or updates the entry for `key`. A named site goes
    /// megamorphic at its fifth key; a keyed site then moves to its table
    /// (made at that moment), where a colliding key replaces the old.
    fn enter(self, key: u64, loc: i64, holder: u64) {
        let ic = self.ic;
        if !self.keyed || !ic.is_mega() {
            if self.keyed && ic.len() == POLY_MAX && self.find(key).is_none() {
                go_mega(ic);
                let t = ic.table_owner.get_or_init(|| {
                    (0..fbk::KEYED_TABLE)
                        .map(|_| PolyEntry::default())
                        .collect()
                });
                ic.table.set(t.as_ptr() as u64);
            } else {
                return enter(ic, key, loc, holder);
            }
        }
        let Some(t) = ic.table_owner.get() else {
            return;
        };
        ic.table_inserts.set(ic.table_inserts.get() + 1);
        let e = &t[fbk::keyed_slot(key)];
        e.loc.set(loc);
        e.holder.set(holder);
        e.key.set(key);
    }

    /// The site goes megamorphic (too many chain records).
    fn give_up(self) {
        if !self.keyed {
            go_mega(self.ic);
        }
    }
}

fn note_at(vm: &Vm, d: Dest, c: Cell, slot: u32) {
    let key = d.key(c);
    if d.find(key).is_some_and(|e| e.holder.get() == 0) {
        return;
    }
    let sid = Vm::shape_of(c);
    let s = vm.shapes.get(sid);
    debug_assert!(!s.dictionary, "dictionary shapes are never cached");
    debug_assert!(c.kind().is_object() && c.raw_words() == OBJECT_RAW_WORDS);
    if slot >= s.n_inline as u32 {
        debug_assert_eq!(
            Cell::from_value(c.get(fixed::OVERFLOW)).raw_words(),
            SLOTS_RAW_WORDS
        );
    }
    d.enter(key, loc_of(s.n_fixed, s.n_inline, slot), 0);
}

/// Words of a prototype-chain record (`PolyEntry::holder` points at one):
/// `[n, kind, new shape id + 1, shape id + 1 of prototype 1, .., of
/// prototype n]`. Prototype 1 is the receiver's prototype, each next one
/// the previous one's prototype.
/// - `CHAIN_LOAD` (GetProp): prototype n holds the data property at the
///   entry's `loc`; the receiver and prototypes 1..n-1 lack the key.
/// - `CHAIN_ADD` (SetProp): the receiver and all n prototypes lack the key
///   and prototype n's prototype is null, so `obj.key = v` adds an own data
///   property: the receiver (extensible) moves to the new shape, slot `loc`.
///
/// Every shape in a record is shared (never a dictionary), so a shape check
/// proves what the lookup found when the entry was made; prototypes are
/// read from the objects at each use, so `setPrototypeOf` needs no
/// invalidation. Only named keys other than `length` are cached this way:
/// for them every object kind's own properties are exactly its shape's
/// (`Vm::get_own`), so no kind check is needed.
pub const CHAIN_N: usize = 0;
pub const CHAIN_KIND: usize = 1;
pub const CHAIN_NEW_SHAPE: usize = 2;
pub const CHAIN_PROTOS: usize = 3;
pub const CHAIN_LOAD: u64 = 0;
pub const CHAIN_ADD: u64 = 1;
/// Like `CHAIN_LOAD`, but the holder's property is an accessor with a
/// getter: the machine code checks the same shapes and calls the getter
/// directly when it has baseline code (`accessors`); otherwise the helper
/// checks them ([`cached_getter`]) and calls it without a lookup. The
/// record's `CHAIN_NEW_SHAPE` word is the getter's prototype address when
/// the record was made (`getter_proto`; 0 for a native), tier 2's hint.
pub const CHAIN_GETTER: u64 = 2;
/// SetProp: the receiver and prototypes 1..n-1 lack the key and prototype
/// n holds it as an accessor (the pair at `loc`): the machine code calls
/// its setter directly when it is a JS function with baseline code
/// (`accessors`), else the helper's generic [[Set]] calls it.
pub const CHAIN_SETTER: u64 = 3;
/// `in`: prototype n has the key (any property); the receiver and
/// prototypes 1..n-1 lack it. The answer is true.
pub const CHAIN_IN_FOUND: u64 = 4;
/// `in`: the receiver and all n prototypes lack the key and prototype n's
/// prototype is null (checked at each use, as for `CHAIN_ADD`). False.
pub const CHAIN_IN_ABSENT: u64 = 5;

/// The head of a chain record of `kind`, with room for a few prototypes
/// (`walk_chain` pushes their shapes).
fn chain_words(kind: u64) -> Vec<u64> {
    let mut w = Vec::with_capacity(CHAIN_PROTOS + 5);
    w.extend([0, kind, 0]);
    w
}

/// Whether `key` may be cached through a chain record (see above): no
/// canonical numeric string either, since a typed array on the chain ends
/// the lookup of those (`typed::is_numeric_prop_key`).
fn chain_key(vm: &Vm, key: PropKey) -> bool {
    matches!(key, PropKey::Atom(a) if a != wk::length)
        && !crate::runtime::typed::is_numeric_prop_key(&vm.atoms, key)
}

/// The shapes of `c`'s prototypes up to the first that has `key` (then
/// `Some(holder)`) or to the end of the chain (`None`), or `Err` when an
/// object on the way is a dictionary (its shape proves nothing).
fn walk_chain(vm: &Vm, c: Cell, key: PropKey, shapes: &mut Vec<u64>) -> Result<Option<Cell>, ()> {
    if vm.shapes.get(Vm::shape_of(c)).dictionary || vm.shapes.lookup(Vm::shape_of(c), key).is_some()
    {
        return Err(());
    }
    let mut o = c;
    loop {
        let p = o.get(fixed::PROTO);
        if !vm.is_object(p) {
            return Ok(None);
        }
        o = Cell::from_value(p);
        let sid = Vm::shape_of(o);
        if vm.shapes.get(sid).dictionary || o.raw_words() != OBJECT_RAW_WORDS {
            return Err(());
        }
        shapes.push(sid.0 as u64 + 1);
        if vm.shapes.lookup(sid, key).is_some() {
            return Ok(Some(o));
        }
    }
}

/// Enters receiver `c` (an object whose shared shape lacks `key`) for the
/// GetProp site `fb` when some prototype, reached through shared shapes
/// only, has `key` as a data property: the site then reads it from that
/// prototype after checking the shapes on the way (methods, constants).
pub fn note_proto(vm: &Vm, p: &FuncProto, fb: u16, c: Cell, key: PropKey) {
    if let Some(d) = Dest::named(p, fb) {
        note_proto_at(vm, d, c, key);
    }
}

fn note_proto_at(vm: &Vm, d: Dest, c: Cell, key: PropKey) {
    if !chain_key(vm, key) {
        return;
    }
    let mut words = chain_words(CHAIN_LOAD);
    let Ok(Some(holder)) = walk_chain(vm, c, key, &mut words) else {
        return;
    };
    let hs = vm.shapes.get(Vm::shape_of(holder));
    let (slot, attrs) = vm.shapes.lookup(Vm::shape_of(holder), key).unwrap();
    let loc = loc_of(hs.n_fixed, hs.n_inline, slot);
    if attrs & ACCESSOR != 0 {
        words[CHAIN_KIND] = CHAIN_GETTER;
        words[CHAIN_NEW_SHAPE] = getter_proto(vm, holder, loc);
    }
    words[CHAIN_N] = (words.len() - CHAIN_PROTOS) as u64;
    d.enter_chain(d.key(c), loc, &words);
}

/// The prototype address of the JS function that is the getter of the
/// accessor pair at `loc` in `holder`, or 0 (no getter, a native, a bound
/// function): a `CHAIN_GETTER` record's `CHAIN_NEW_SHAPE` word, which
/// tier 2 reads to inline the getter (behind a check of the function it
/// loads: the word is a hint, never trusted).
fn getter_proto(vm: &Vm, holder: Cell, loc: i64) -> u64 {
    let (cell, i) = slot_at(holder, loc);
    let g = Cell::from_value(cell.get(i)).get(0);
    if vm.kind_of(g) == Some(Kind::Function) {
        vm.func_proto(g) as u64
    } else {
        0
    }
}

/// Before `bl_in` computes `key in obj` at site `fb`: enters `obj`'s
/// shared shape with `key`'s key word (an atom's own string, whose last
/// raw word is its encoded key; named keys other than `length` only, see
/// `chain_key`) as the entry's `loc`, and as its holder 0 (an own property:
/// true) or a chain record (`CHAIN_IN_FOUND` or `CHAIN_IN_ABSENT`).
pub fn note_in(vm: &Vm, p: &FuncProto, fb: u16, key: Value, obj: Value) {
    let Some(ic) = p.poly_ic(fb) else { return };
    if ic.is_mega() || !vm.is_object(obj) || !vm.is_string(key) {
        return;
    }
    let kc = Cell::from_value(key);
    if kc.kind() != Kind::String || kc.flags() & ATOM_STRING == 0 {
        return;
    }
    let word = kc.raw(kc.raw_words() - 1);
    let k = crate::runtime::decode_key(word);
    let c = Cell::from_value(obj);
    if !chain_key(vm, k) || c.raw_words() != OBJECT_RAW_WORDS {
        return;
    }
    let sid = Vm::shape_of(c);
    if vm.shapes.get(sid).dictionary {
        return;
    }
    if vm.shapes.lookup(sid, k).is_some() {
        return enter(ic, sid.0 as u64 + 1, word as i64, 0);
    }
    let mut words = chain_words(CHAIN_IN_ABSENT);
    match walk_chain(vm, c, k, &mut words) {
        Ok(Some(_)) => words[CHAIN_KIND] = CHAIN_IN_FOUND,
        Ok(None) => {}
        Err(()) => return,
    }
    words[CHAIN_N] = (words.len() - CHAIN_PROTOS) as u64;
    match ic.chain(&words) {
        Some(chain) => enter(ic, sid.0 as u64 + 1, word as i64, chain),
        None => go_mega(ic),
    }
}

/// The getter a GetProp site `fb` cached for receiver `o` (a
/// `CHAIN_GETTER` entry whose shapes all still match) and the prototype
/// holding it, or None. The helper calls it with `o` as `this`, as [[Get]]
/// would after its lookup.
pub fn cached_getter(p: &FuncProto, fb: u16, o: Value) -> Option<(Value, Cell)> {
    cached_getter_at(Dest::named(p, fb)?, o)
}

fn cached_getter_at(d: Dest, o: Value) -> Option<(Value, Cell)> {
    let c = object_cell(o)?;
    let e = d.find(d.key(c))?;
    let words = d.ic.chain_of(e, CHAIN_N, CHAIN_PROTOS)?;
    if words[CHAIN_KIND] != CHAIN_GETTER {
        return None;
    }
    let h = chain_holder(c, words)?;
    // `loc` of an accessor is where its [getter, setter] pair lives.
    let (cell, i) = slot_at(h, e.loc.get());
    let g = Cell::from_value(cell.get(i)).get(0);
    (!g.is_undefined()).then_some((g, h))
}

fn object_cell(o: Value) -> Option<Cell> {
    (o.is_cell() && Cell::from_value(o).kind().is_object()).then(|| Cell::from_value(o))
}

/// The last prototype of a chain record's walk from `c` when every
/// prototype on the way has the record's shape (what `chain_walk` checks).
fn chain_holder(c: Cell, words: &[u64]) -> Option<Cell> {
    let mut h = c;
    for &want in &words[CHAIN_PROTOS..] {
        h = object_cell(h.get(fixed::PROTO))?;
        if Vm::shape_of(h).0 as u64 + 1 != want {
            return None;
        }
    }
    Some(h)
}

/// The cell and value index of `loc` in object `h` (see `PolyEntry::loc`).
fn slot_at(h: Cell, loc: i64) -> (Cell, usize) {
    if loc >= 0 {
        (h, loc as usize / 8 - 1 - OBJECT_RAW_WORDS)
    } else {
        let ov = Cell::from_value(h.get(fixed::OVERFLOW));
        (ov, (-loc) as usize / 8 - 1 - SLOTS_RAW_WORDS)
    }
}

/// A keyed site's load of `o` as its machine code would do it on a hit
/// (an own or `CHAIN_LOAD` entry), for a key the machine code could not
/// check (a string that is no atom string).
fn cached_load(d: Dest, o: Value) -> Option<Value> {
    let c = object_cell(o)?;
    let e = d.find(d.key(c))?;
    let h = match d.ic.chain_of(e, CHAIN_N, CHAIN_PROTOS) {
        None => c,
        Some(w) if w[CHAIN_KIND] == CHAIN_LOAD => chain_holder(c, w)?,
        Some(_) => return None,
    };
    let (cell, i) = slot_at(h, e.loc.get());
    Some(cell.get(i))
}

/// A keyed site's store of `v` to `o` as its machine code would do it on
/// a hit (an own writable property, or a cached transition whose new slot
/// needs no allocation): whether it was done.
fn cached_store(d: Dest, o: Value, v: Value) -> bool {
    let Some(c) = object_cell(o) else {
        return false;
    };
    let Some(e) = d.find(d.key(c)) else {
        return false;
    };
    let loc = e.loc.get();
    let Some(w) = d.ic.chain_of(e, CHAIN_N, CHAIN_PROTOS) else {
        let (cell, i) = slot_at(c, loc);
        cell.set(i, v);
        return true;
    };
    let ends = |h: Cell| h.get(fixed::PROTO).is_null();
    if w[CHAIN_KIND] != CHAIN_ADD
        || !chain_holder(c, w).is_some_and(ends)
        || c.flags() & oflags::NOT_EXTENSIBLE != 0
    {
        return false;
    }
    if loc < 0 {
        let ov = c.get(fixed::OVERFLOW);
        if !ov.is_cell() || (-loc) as usize > 8 * Cell::from_value(ov).nvals() {
            return false;
        }
    }
    let (cell, i) = slot_at(c, loc);
    cell.set(i, v);
    c.set_raw(0, w[CHAIN_NEW_SHAPE] - 1);
    true
}

/// Global variable sites (GetGlobal/SetGlobal `fb`, name constant `name`):
/// when the global object has the global as an own data property, fills
/// its property cell (`runtime::GlobalCell`, the one the machine code reads
/// through) and records the cell at the site. Also enters the global
/// object's shape when it is shared (writable, for `set`): tier 2 reads
/// the entries and guards on that shape.
pub fn note_global(vm: &mut Vm, p: &FuncProto, fb: u16, name: u16, set: bool) {
    let Some(ic) = p.poly_ic(fb) else { return };
    let key = vm.const_key(p, name);
    let g = vm.intrinsic(Intrinsic::Global);
    let PropKey::Atom(atom) = key else { return };
    if !vm.is_object(g) {
        return;
    }
    let c = Cell::from_value(g);
    let sid = Vm::shape_of(c);
    let Some((slot, attrs)) = vm.shapes.lookup(sid, key) else {
        return;
    };
    // Fault: a global redefined as an accessor (which made the global
    // object a dictionary) is entered as if it were still a data property.
    let stale = crate::faults::Fault::GlobalCacheStale.injected();
    let s = vm.shapes.get(sid);
    let loc = loc_of(s.n_fixed, s.n_inline, slot);
    if attrs & ACCESSOR == 0 || stale {
        let cell = vm.global_cells.entry(atom).or_default();
        cell.loc.set(loc);
        let w = if attrs & WRITABLE != 0 { CELL_WRITE } else { 0 };
        cell.state.set(CELL_READ | w);
        // A cell's address never changes (it is boxed and never removed).
        ic.cell.set(&**cell as *const GlobalCell as u64);
    }
    if stale {
        return enter(ic, sid.0 as u64 + 1, loc, 0);
    }
    let want = if set { WRITABLE } else { 0 };
    if !ic.is_mega() && !vm.shapes.get(sid).dictionary && attrs & (ACCESSOR | want) == want {
        note(vm, p, fb, c, slot);
    }
}

/// For a GetProp of `key` on string `s`: enters String.prototype as the
/// receiver (the machine code substitutes it for string receivers), when
/// `key` is named (not `length`) so a string has no own property `key`.
pub fn note_string(vm: &Vm, p: &FuncProto, fb: u16, s: Value, key: PropKey) {
    if !vm.is_string(s) || !chain_key(vm, key) {
        return;
    }
    let sp = vm.intrinsic(Intrinsic::StringPrototype);
    if !vm.is_object(sp) {
        return;
    }
    let c = Cell::from_value(sp);
    let sid = Vm::shape_of(c);
    if vm.shapes.get(sid).dictionary {
        return;
    }
    match vm.shapes.lookup(sid, key) {
        Some((slot, attrs)) if attrs & ACCESSOR == 0 => note(vm, p, fb, c, slot),
        Some(_) => {}
        None => note_proto(vm, p, fb, c, key),
    }
}

/// Enters receiver `o` (an object whose shared shape lacks `key`) for the
/// SetProp site `fb` when a prototype, reached through shared shapes only,
/// has `key` as an accessor with a setter (see `CHAIN_SETTER`). Keys that
/// are numeric strings are left out: a typed array ignores them.
fn note_setter(vm: &Vm, d: Dest, o: Value, key: PropKey) {
    if d.ic.is_mega() && !d.keyed || !chain_key(vm, key) || !vm.is_object(o) {
        return;
    }
    let c = Cell::from_value(o);
    let mut words = chain_words(CHAIN_SETTER);
    let Ok(Some(holder)) = walk_chain(vm, c, key, &mut words) else {
        return;
    };
    let hs = vm.shapes.get(Vm::shape_of(holder));
    let (slot, attrs) = vm.shapes.lookup(Vm::shape_of(holder), key).unwrap();
    if attrs & ACCESSOR == 0 {
        return;
    }
    let setter = Cell::from_value(vm.get_slot(holder, slot)).get(1);
    if vm.kind_of(setter) != Some(Kind::Function) {
        return;
    }
    words[CHAIN_N] = (words.len() - CHAIN_PROTOS) as u64;
    let loc = loc_of(hs.n_fixed, hs.n_inline, slot);
    d.enter_chain(d.key(c), loc, &words);
}

/// What a SetProp helper learns before the store: the receiver's shape and
/// its prototype chain's shapes when `obj.key = v` will add an own data
/// property (see `CHAIN_ADD`), for [`note_transition`] after the store.
pub fn transition_before(vm: &Vm, o: Value, key: PropKey) -> Option<(ShapeId, Vec<u64>)> {
    if !vm.is_object(o) || !chain_key(vm, key) {
        return None;
    }
    let c = Cell::from_value(o);
    if c.flags() & oflags::NOT_EXTENSIBLE != 0 || c.raw_words() != OBJECT_RAW_WORDS {
        return None;
    }
    let mut words = chain_words(CHAIN_ADD);
    match walk_chain(vm, c, key, &mut words) {
        Ok(None) => Some((Vm::shape_of(c), words)),
        _ => None,
    }
}

/// After a SetProp helper stored to `o` what [`transition_before`]
/// described: enters the transition from that shape to `o`'s new one.
fn note_transition(
    vm: &Vm,
    d: Dest,
    o: Value,
    key: PropKey,
    (old, mut words): (ShapeId, Vec<u64>),
) {
    if d.ic.is_mega() && !d.keyed {
        return;
    }
    let c = Cell::from_value(o);
    let sid = Vm::shape_of(c);
    let s = vm.shapes.get(sid);
    let Some((slot, attrs)) = vm.shapes.lookup(sid, key) else {
        return;
    };
    // Exactly one own data property more, in a shared shape.
    if s.dictionary
        || attrs != shape::DEFAULT_ATTRS
        || s.order.len() != vm.shapes.get(old).order.len() + 1
    {
        return;
    }
    words[CHAIN_N] = (words.len() - CHAIN_PROTOS) as u64;
    words[CHAIN_NEW_SHAPE] = sid.0 as u64 + 1;
    let loc = loc_of(s.n_fixed, s.n_inline, slot);
    d.enter_chain((old.0 as u64 + 1) | d.hi, loc, &words);
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
        return go_mega(ic);
    }
    let e = &ic.entries[n];
    e.loc.set(loc);
    e.holder.set(holder);
    e.key.set(key);
    ic.state.set(n as u64 + 1);
}

/// Enters a call site's entry (`natives::note_call` says what the words
/// mean there).
pub fn enter_entry(ic: &PolyIc, key: u64, loc: i64, holder: u64) {
    if !ic.is_mega() {
        enter(ic, key, loc, holder);
    }
}

/// Empties the site's entries for good (see the module comment).
fn go_mega(ic: &PolyIc) {
    for e in &ic.entries {
        e.key.set(0);
        e.loc.set(0);
        e.holder.set(0);
    }
    ic.state.set(fbk::MEGA);
}

/// Whether constant `k` of `p` is the string "length".
pub(crate) fn is_length(p: &FuncProto, k: u16) -> bool {
    matches!(p.consts.get(k as usize), Some(Const::Str(s)) if **s == *"length".encode_utf16().collect::<Vec<u16>>())
}

/// The kind of site an inline cache lookup serves.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Site {
    Get,
    Set,
}

pub(crate) fn idx(r: Gpr) -> IndexReg {
    IndexReg::new(r).expect("not rsp")
}

impl Emitter<'_> {
    /// rax = an object cell: finds its shape in the PolyIc at `ic` and
    /// leaves the entry's `loc` in rcx, or jumps to `slow`. Clobbers rdx.
    /// Jumps to `slow` unless the cell in `r` is an object (kinds from
    /// `FIRST_OBJECT_KIND` on).
    pub(super) fn branch_if_not_object(&mut self, r: Gpr, slow: Label) {
        let x = &mut self.m.asm;
        x.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(r), FIRST_OBJECT_KIND as i32);
        x.jcc(Cond::B, slow);
    }

    /// rax = the one-unit string of unit `index` (zero-extended, in
    /// range) of the flat string in rax, when the unit is below
    /// `UNIT_STRINGS` and its string exists already (`Vm::unit_string`:
    /// the shared atom string); otherwise a jump to `slow`. Clobbers
    /// `index` and r8.
    pub(super) fn unit_string_at(&mut self, index: Gpr, slow: Label) {
        let x = &mut self.m.asm;
        x.movzx(
            Size::S32,
            index,
            Size::S16,
            Mem::bisd(Gpr::Rax, idx(index), Scale::S2, STRING_UNITS_OFF),
        );
        x.alu_rm_imm(AluOp::Cmp, Size::S32, index, UNIT_STRINGS as i32);
        x.jcc(Cond::Ae, slow);
        x.mov_r_m(Size::S64, Gpr::R8, Mem::disp(Gpr::Rbx, UNIT_ATOMS));
        // atom + 1, or 0 before the unit's string was first made.
        x.mov_r_m(
            Size::S32,
            index,
            Mem::bisd(Gpr::R8, idx(index), Scale::S4, 0),
        );
        self.load_atom_string(index, Gpr::R8, slow);
    }

    /// `r`, a cell: stays if it is a flat string, becomes the flat string
    /// of a flattened rope (`Vm::flatten` left it there); anything else
    /// (another kind, a rope not yet flattened) jumps to `other`.
    pub(crate) fn flat_string(&mut self, r: Gpr, other: Label) {
        let x = &mut self.m.asm;
        let flat = x.new_label();
        x.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(r), Kind::String as i32);
        x.jcc_short(Cond::E, flat);
        x.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(r), Kind::Rope as i32);
        x.jcc(Cond::Ne, other);
        x.alu_rm_imm(
            AluOp::Cmp,
            Size::S64,
            Mem::disp(r, ROPE_RIGHT_OFF),
            Value::EMPTY.0 as i32,
        );
        x.jcc(Cond::Ne, other);
        x.mov_r_m(Size::S64, r, Mem::disp(r, ROPE_LEFT_OFF));
        x.bind(flat);
    }

    /// The string-receiver path of a GetProp (out of line): rax, a cell
    /// that is no object, becomes String.prototype if it is a string.
    pub(super) fn emit_string_receiver(&mut self, slow: Label) {
        let x = &mut self.m.asm;
        x.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(Gpr::Rax), Kind::Rope as i32);
        x.jcc(Cond::A, slow);
        x.mov_r_m(Size::S64, Gpr::Rax, Mem::disp(Gpr::Rbx, INTRINSICS_PTR));
        x.mov_r_m(
            Size::S64,
            Gpr::Rax,
            Mem::disp(Gpr::Rax, 8 * Intrinsic::StringPrototype as i32),
        );
    }

    /// With `holder` (GetProp sites), an entry for a prototype's property
    /// continues at `holder` with rdx = its holder shape id + 1. `site`
    /// says which kind of site asks (only injected faults care).
    pub(super) fn ic_lookup(
        &mut self,
        ic: &PolyIc,
        slow: Label,
        holder: Option<Label>,
        site: Site,
    ) {
        use crate::faults::Fault;
        let x = &mut self.m.asm;
        let found = x.new_label();
        if site == Site::Set && Fault::TransitionShapeUnchecked.injected() {
            // Fault: a first entry that is a transition is taken whatever
            // the receiver's shape.
            let e = offset_of!(PolyIc, entries) as i32;
            let normal = x.new_label();
            x.mov_r_imm(Size::S64, Gpr::Rcx, ic as *const PolyIc as i64);
            x.mov_r_m(
                Size::S64,
                Gpr::Rdx,
                Mem::disp(Gpr::Rcx, e + offset_of!(PolyEntry, holder) as i32),
            );
            x.test_rm_r(Size::S64, Gpr::Rdx, Gpr::Rdx);
            x.jcc(Cond::E, normal);
            x.mov_r_m(
                Size::S64,
                Gpr::Rcx,
                Mem::disp(Gpr::Rcx, e + offset_of!(PolyEntry, loc) as i32),
            );
            x.jmp(found);
            x.bind(normal);
        }
        x.mov_r_m(Size::S64, Gpr::Rdx, Mem::disp(Gpr::Rax, SHAPE_OFF));
        x.alu_rm_imm(AluOp::Add, Size::S64, Gpr::Rdx, 1);
        self.ic_probe_to(ic, slow, holder, found);
    }

    /// rdx = an entry key (shape id + 1, or a keyed site's `atom << 32 |
    /// shape id + 1`): finds it in the PolyIc at `ic` and leaves the
    /// entry's `loc` in rcx (with `holder`, a chain record continues there
    /// with rdx = the record), or jumps to `miss` with rdx unchanged.
    pub(super) fn ic_probe(&mut self, ic: &PolyIc, miss: Label, holder: Option<Label>) {
        let found = self.m.asm.new_label();
        self.ic_probe_to(ic, miss, holder, found);
    }

    fn ic_probe_to(&mut self, ic: &PolyIc, slow: Label, holder: Option<Label>, found: Label) {
        use crate::faults::Fault;
        let x = &mut self.m.asm;
        x.mov_r_imm(Size::S64, Gpr::Rcx, ic as *const PolyIc as i64);
        for i in 0..POLY_MAX {
            let e = (offset_of!(PolyIc, entries) + i * size_of::<PolyEntry>()) as i32;
            let key = e + offset_of!(PolyEntry, key) as i32;
            let loc = e + offset_of!(PolyEntry, loc) as i32;
            let hold = e + offset_of!(PolyEntry, holder) as i32;
            // Fault: the first entry is used whatever the shape (only
            // whether it is filled is checked).
            let skip = i == 0 && Fault::IcShapeCheckSkipped.injected();
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

    /// rdx = a chain record: jumps to `target` when `kind` compared with
    /// the record's kind meets `cc`.
    pub(super) fn branch_on_chain_kind(&mut self, kind: u64, cc: Cond, target: Label) {
        self.m.asm.alu_rm_imm(
            AluOp::Cmp,
            Size::S64,
            Mem::disp(Gpr::Rdx, 8 * CHAIN_KIND as i32),
            kind as i32,
        );
        self.m.asm.jcc(cc, target);
    }

    /// rax = receiver, rdx = a chain record: checks the record's kind and
    /// the shapes of the receiver's first n prototypes (see `CHAIN_N`);
    /// leaves rax = prototype n or jumps to `slow`. Clobbers rdx, r8, r9.
    pub(super) fn chain_walk(&mut self, kind: u64, slow: Label) {
        self.branch_on_chain_kind(kind, Cond::Ne, slow);
        let x = &mut self.m.asm;
        let (top, done) = (x.new_label(), x.new_label());
        x.mov_r_m(Size::S64, Gpr::R8, Mem::disp(Gpr::Rdx, 8 * CHAIN_N as i32));
        x.lea(
            Size::S64,
            Gpr::Rdx,
            Mem::disp(Gpr::Rdx, 8 * CHAIN_PROTOS as i32),
        );
        x.bind(top);
        x.test_rm_r(Size::S64, Gpr::R8, Gpr::R8);
        x.jcc(Cond::E, done);
        x.mov_r_m(Size::S64, Gpr::Rax, Mem::disp(Gpr::Rax, PROTO_OFF));
        // Null (not a cell) or not an object: slow.
        self.m.branch_if_not_cell(Gpr::Rax, slow);
        self.branch_if_not_object(Gpr::Rax, slow);
        let x = &mut self.m.asm;
        x.mov_r_m(Size::S64, Gpr::R9, Mem::disp(Gpr::Rax, SHAPE_OFF));
        x.alu_rm_imm(AluOp::Add, Size::S64, Gpr::R9, 1);
        x.alu_r_m(AluOp::Cmp, Size::S64, Gpr::R9, Mem::base(Gpr::Rdx));
        x.jcc(Cond::Ne, slow);
        x.alu_rm_imm(AluOp::Add, Size::S64, Gpr::Rdx, 8);
        x.alu_rm_imm(AluOp::Sub, Size::S64, Gpr::R8, 1);
        x.jmp(top);
        x.bind(done);
    }

    /// rax = prototype n of a chain record: jumps to `slow` unless the
    /// chain ends there (its prototype is null). Clobbers r9.
    pub(super) fn branch_unless_chain_ends(&mut self, slow: Label) {
        let x = &mut self.m.asm;
        x.mov_r_imm(Size::S64, Gpr::R9, Value::NULL.0 as i64);
        x.alu_r_m(
            AluOp::Cmp,
            Size::S64,
            Gpr::R9,
            Mem::disp(Gpr::Rax, PROTO_OFF),
        );
        x.jcc(Cond::Ne, slow);
    }

    /// The out-of-line half of an entry with a chain record (rax =
    /// receiver, rcx = loc, rdx = the record). A GetProp (`store` None)
    /// continues at `resume` with rax = the holder; a SetProp (`store` =
    /// the source register) adds the property (`CHAIN_ADD`) and continues
    /// at `resume` after the store.
    pub(super) fn emit_proto_holder(
        &mut self,
        entry: Label,
        resume: Label,
        slow: Label,
        store: Option<u16>,
        getter: Option<(u32, u16, u16, Label)>,
    ) {
        self.m.asm.bind(entry);
        let Some(src) = store else {
            let getter_path = self.m.asm.new_label();
            if getter.is_some() {
                self.branch_on_chain_kind(CHAIN_GETTER, Cond::E, getter_path);
            }
            self.chain_walk(CHAIN_LOAD, slow);
            self.m.asm.jmp(resume);
            if let Some((pc, dst, obj, next)) = getter {
                self.m.asm.bind(getter_path);
                self.chain_walk(CHAIN_GETTER, slow);
                self.emit_accessor_call(pc, Accessor::Get(dst), obj, next, slow);
            }
            return;
        };
        if let Some((pc, _, obj, next)) = getter {
            let add = self.m.asm.new_label();
            self.branch_on_chain_kind(CHAIN_SETTER, Cond::Ne, add);
            self.chain_walk(CHAIN_SETTER, slow);
            self.emit_accessor_call(pc, Accessor::Set(src), obj, next, slow);
            self.m.asm.bind(add);
        }
        let x = &mut self.m.asm;
        x.mov_rm_r(Size::S64, Gpr::R11, Gpr::Rax);
        x.mov_r_m(
            Size::S64,
            Gpr::R10,
            Mem::disp(Gpr::Rdx, 8 * CHAIN_NEW_SHAPE as i32),
        );
        self.chain_walk(CHAIN_ADD, slow);
        self.branch_unless_chain_ends(slow);
        let x = &mut self.m.asm;
        x.test_rm_imm(
            Size::S8,
            Mem::disp(Gpr::R11, FLAGS_OFF),
            oflags::NOT_EXTENSIBLE as i32,
        );
        x.jcc(Cond::Ne, slow);
        x.alu_rm_imm(AluOp::Sub, Size::S64, Gpr::R10, 1);
        let (overflow, set_shape) = (x.new_label(), x.new_label());
        self.m.load(Gpr::Rdx, src);
        let x = &mut self.m.asm;
        x.test_rm_r(Size::S64, Gpr::Rcx, Gpr::Rcx);
        x.jcc(Cond::S, overflow);
        x.mov_rm_r(
            Size::S64,
            Mem::bisd(Gpr::R11, idx(Gpr::Rcx), Scale::S1, 0),
            Gpr::Rdx,
        );
        x.jmp(set_shape);
        x.bind(overflow);
        // An overflow slot: only when the Slots cell has room for it
        // (value count, header bits 40..64, times 8 >= 8 * (index + 1)).
        x.mov_r_m(Size::S64, Gpr::Rax, Mem::disp(Gpr::R11, OVERFLOW_OFF));
        self.m.branch_if_not_cell(Gpr::Rax, slow);
        let x = &mut self.m.asm;
        x.mov_r_m(Size::S64, Gpr::R9, Mem::base(Gpr::Rax));
        x.shift_imm(ShiftOp::Shr, Size::S64, Gpr::R9, 40);
        x.shift_imm(ShiftOp::Shl, Size::S64, Gpr::R9, 3);
        x.unary(UnaryOp::Neg, Size::S64, Gpr::Rcx);
        x.alu_rm_r(AluOp::Cmp, Size::S64, Gpr::Rcx, Gpr::R9);
        x.jcc(Cond::A, slow);
        x.mov_rm_r(
            Size::S64,
            Mem::bisd(Gpr::Rax, idx(Gpr::Rcx), Scale::S1, 0),
            Gpr::Rdx,
        );
        x.bind(set_shape);
        // No allocation happened: the new shape's other slots are the old.
        x.mov_rm_r(Size::S64, Mem::disp(Gpr::R11, SHAPE_OFF), Gpr::R10);
        x.jmp(resume);
    }

    /// rax = object, rcx = loc: returns the slot as `[rax + rcx]` (for an
    /// overflow slot, rax becomes the overflow cell and rcx the offset).
    pub(super) fn slot_operand(&mut self) -> Mem {
        let x = &mut self.m.asm;
        let inline = x.new_label();
        x.test_rm_r(Size::S64, Gpr::Rcx, Gpr::Rcx);
        x.jcc_short(Cond::Ns, inline);
        x.mov_r_m(Size::S64, Gpr::Rax, Mem::disp(Gpr::Rax, OVERFLOW_OFF));
        x.unary(UnaryOp::Neg, Size::S64, Gpr::Rcx);
        x.bind(inline);
        Mem::bisd(Gpr::Rax, idx(Gpr::Rcx), Scale::S1, 0)
    }

    /// `dst` = the word at byte `off` of the PolyIc at `ic` (an address the
    /// helpers fill: a keyed site's table, a global site's cell), or a
    /// jump to `slow` while it is 0.
    pub(super) fn load_ic_word(&mut self, ic: &PolyIc, off: usize, dst: Gpr, slow: Label) {
        let x = &mut self.m.asm;
        x.mov_r_imm(Size::S64, dst, ic as *const PolyIc as i64);
        x.mov_r_m(Size::S64, dst, Mem::disp(dst, off as i32));
        x.test_rm_r(Size::S64, dst, dst);
        x.jcc(Cond::E, slow);
    }

    /// The PolyIc of a property site that should get inline checks: it owns
    /// its feedback slot and is not already megamorphic (a site compiled
    /// again after going megamorphic just calls its helper).
    pub(super) fn site_ic(&self, fb: u16) -> Option<&'static PolyIc> {
        let ic = self.proto.prop_ics().get(fb)?;
        if ic.is_mega() {
            return None;
        }
        // The prototype outlives its code, and its caches never move.
        Some(unsafe { &*(ic as *const PolyIc) })
    }

    /// `dst = k`: a number constant is an immediate; a string constant is
    /// its atom's shared string, loaded from `Vm::atom_strings` once the
    /// helper interned it (the prototype's `const_atoms` cell says which
    /// atom; until then, or before the atom's string exists, the helper).
    pub(super) fn visit_ldconst(&mut self, pc: u32, dst: u16, k: u16) {
        match self.proto.consts.get(k as usize) {
            Some(Const::Num(n)) => self.m.store_bits(dst, Value::number(*n).0),
            Some(Const::Str(_)) => {
                let slow = self.slow_path(pc, h::bl_ldconst, self.next(pc), None);
                // The prototype outlives its code, and the cell never moves.
                let cell = &self.proto.const_atoms[k as usize] as *const std::cell::Cell<u64>;
                let x = &mut self.m.asm;
                x.mov_r_imm(Size::S64, Gpr::Rcx, cell as i64);
                // Low half: atom + 1 (0 = not interned yet); zero-extended.
                x.mov_r_m(Size::S32, Gpr::Rcx, Mem::base(Gpr::Rcx));
                self.load_atom_string(Gpr::Rcx, Gpr::Rax, slow);
                self.m.store(dst, Gpr::Rax);
            }
            None => self.generic(pc, h::bl_ldconst),
        }
    }

    /// `atom1` = an atom + 1 as the `const_atoms`/`unit_atoms` tables
    /// hold it (0: not interned yet): leaves the atom's shared string in
    /// rax (`Vm::atom_strings`), or jumps to `slow` when there is none yet.
    /// Clobbers `scratch`.
    fn load_atom_string(&mut self, atom1: Gpr, scratch: Gpr, slow: Label) {
        let x = &mut self.m.asm;
        x.test_rm_r(Size::S32, atom1, atom1);
        x.jcc(Cond::E, slow);
        x.alu_r_m(
            AluOp::Cmp,
            Size::S64,
            atom1,
            Mem::disp(Gpr::Rbx, ATOM_STRINGS_LEN),
        );
        x.jcc(Cond::A, slow);
        x.mov_r_m(Size::S64, scratch, Mem::disp(Gpr::Rbx, ATOM_STRINGS_PTR));
        x.mov_r_m(
            Size::S64,
            Gpr::Rax,
            Mem::bisd(scratch, idx(atom1), Scale::S8, -8),
        );
        // EMPTY (0): the atom's string was not made yet.
        x.test_rm_r(Size::S64, Gpr::Rax, Gpr::Rax);
        x.jcc(Cond::E, slow);
    }

    /// rax, rcx = flat strings of at least one unit: compares their first
    /// units (the flags for `tail`), then jumps there. Clobbers rdx, r8.
    fn compare_first_units(&mut self, tail: Label) {
        let x = &mut self.m.asm;
        x.movzx(
            Size::S32,
            Gpr::Rdx,
            Size::S16,
            Mem::disp(Gpr::Rax, STRING_UNITS_OFF),
        );
        x.movzx(
            Size::S32,
            Gpr::R8,
            Size::S16,
            Mem::disp(Gpr::Rcx, STRING_UNITS_OFF),
        );
        x.alu_rm_r(AluOp::Cmp, Size::S32, Gpr::Rdx, Gpr::R8);
        x.jmp(tail);
    }

    /// A relational compare of rax and rcx when both are one-unit flat
    /// strings (a parser's `ch >= "0"`): records `SAW_STRING` (the
    /// helper's feedback for two strings) and compares the units, leaving
    /// the flags for `tail`'s signed condition (units are zero-extended, so
    /// signed and unsigned order agree). Anything else goes to `slow`.
    pub(super) fn compare_unit_strings(&mut self, fb: u16, slow: Label, tail: Label) {
        for r in [Gpr::Rax, Gpr::Rcx] {
            self.m.branch_if_not_cell(r, slow);
            let x = &mut self.m.asm;
            x.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(r), Kind::String as i32);
            x.jcc(Cond::Ne, slow);
            x.alu_rm_imm(AluOp::Cmp, Size::S64, Mem::disp(r, STRING_LEN_OFF), 1);
            x.jcc(Cond::Ne, slow);
        }
        self.m.feedback_or(fb, fbk::SAW_STRING);
        self.compare_first_units(tail);
    }

    /// `===`/`!==` when neither operand is a number (rax, rcx; numbers
    /// are for the helper): the same bits are equal; two flat strings of
    /// different lengths are not, nor are two different atom strings; two
    /// one-unit flat strings compare their units; a non-string against a
    /// non-string compares bits. Records
    /// the interpreter's feedback, then continues at `tail` with the flags
    /// of the compare (ZF = equal). Everything else goes to `slow`.
    pub(super) fn strict_non_numbers(&mut self, fb: u16, slow: Label, tail: Label) {
        const _: () = assert!(Kind::String as u8 == 1 && Kind::Rope as u8 == 2);
        let x = &mut self.m.asm;
        let (same, a_str, a_other) = (x.new_label(), x.new_label(), x.new_label());
        let (others, same_other) = (x.new_label(), x.new_label());
        x.alu_rm_r(AluOp::Cmp, Size::S64, Gpr::Rax, Gpr::Rcx);
        x.jcc(Cond::E, same);
        self.m.branch_if_not_cell(Gpr::Rax, a_other);
        let x = &mut self.m.asm;
        x.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(Gpr::Rax), Kind::Rope as i32);
        x.jcc(Cond::Be, a_str);
        x.bind(a_other);
        // rax is no string: a string rcx is for the helper (mixed feedback).
        self.m.branch_if_not_cell(Gpr::Rcx, others);
        let x = &mut self.m.asm;
        x.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(Gpr::Rcx), Kind::Rope as i32);
        x.jcc(Cond::Be, slow);
        x.bind(others);
        self.m.feedback_or(fb, fbk::SAW_OTHER);
        self.m
            .asm
            .alu_rm_r(AluOp::Cmp, Size::S64, Gpr::Rax, Gpr::Rcx);
        self.m.asm.jmp(tail);
        // rax a string: both must be flat strings.
        self.m.asm.bind(a_str);
        self.m.branch_if_not_cell(Gpr::Rcx, slow);
        let x = &mut self.m.asm;
        for r in [Gpr::Rax, Gpr::Rcx] {
            x.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(r), Kind::String as i32);
            x.jcc(Cond::Ne, slow);
        }
        self.m.feedback_or(fb, fbk::SAW_STRING);
        let x = &mut self.m.asm;
        x.mov_r_m(Size::S64, Gpr::Rdx, Mem::disp(Gpr::Rax, STRING_LEN_OFF));
        x.alu_r_m(
            AluOp::Cmp,
            Size::S64,
            Gpr::Rdx,
            Mem::disp(Gpr::Rcx, STRING_LEN_OFF),
        );
        x.jcc(Cond::Ne, tail);
        // Two atom strings are equal only if they are the same string
        // (interned: one per content); different bits, so ZF = 0 from the
        // second flag test when both are atoms.
        let not_atoms = x.new_label();
        x.test_rm_imm(Size::S8, Mem::disp(Gpr::Rax, FLAGS_OFF), ATOM_STRING as i32);
        x.jcc_short(Cond::E, not_atoms);
        x.test_rm_imm(Size::S8, Mem::disp(Gpr::Rcx, FLAGS_OFF), ATOM_STRING as i32);
        x.jcc(Cond::Ne, tail);
        x.bind(not_atoms);
        x.alu_rm_imm(AluOp::Cmp, Size::S64, Gpr::Rdx, 1);
        x.jcc(Cond::Ne, slow);
        self.compare_first_units(tail);
        // The same bits (not a number, so not NaN): equal.
        let x = &mut self.m.asm;
        x.bind(same);
        self.m.branch_if_not_cell(Gpr::Rax, same_other);
        let x = &mut self.m.asm;
        x.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(Gpr::Rax), Kind::Rope as i32);
        x.jcc(Cond::A, same_other);
        self.m.feedback_or(fb, fbk::SAW_STRING);
        self.m
            .asm
            .alu_rm_r(AluOp::Cmp, Size::S64, Gpr::Rax, Gpr::Rax);
        self.m.asm.jmp(tail);
        self.m.asm.bind(same_other);
        self.m.feedback_or(fb, fbk::SAW_OTHER);
        self.m
            .asm
            .alu_rm_r(AluOp::Cmp, Size::S64, Gpr::Rax, Gpr::Rax);
        self.m.asm.jmp(tail);
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
            // A string's length is its raw word 0, flat or rope alike.
            const _: () = assert!(Kind::String as u8 == 1 && Kind::Rope as u8 == 2);
            let not_string = self.m.asm.new_label();
            let x = &mut self.m.asm;
            x.alu_rm_imm(AluOp::Cmp, Size::S8, Mem::base(Gpr::Rax), Kind::Rope as i32);
            x.jcc(Cond::A, not_string);
            x.mov_r_m(Size::S64, Gpr::Rcx, Mem::disp(Gpr::Rax, STRING_LEN_OFF));
            x.alu_rm_imm(AluOp::Cmp, Size::S64, Gpr::Rcx, i32::MAX);
            x.jcc(Cond::A, slow);
            self.m.box_int32(Gpr::Rcx);
            self.m.store(dst, Gpr::Rcx);
            self.m.asm.jmp(next);
            self.m.asm.bind(not_string);
        }
        // A string receiver: String.prototype stands in for it (a string
        // has no own named properties but `length`), so its methods hit
        // the same entries as String.prototype itself (see `note_string`).
        // Out of line, so object receivers pay only their own kind check.
        let not_object = self.m.asm.new_label();
        let lookup = self.m.asm.new_label();
        self.branch_if_not_object(Gpr::Rax, not_object);
        self.m.asm.bind(lookup);
        self.defer_string_receiver(not_object, lookup, slow);
        let holder = self.m.asm.new_label();
        let resume = self.m.asm.new_label();
        self.ic_lookup(ic, slow, Some(holder), Site::Get);
        self.m.asm.bind(resume);
        self.defer_proto_holder(holder, resume, slow, None, Some((pc, dst, obj, next)));
        let slot = self.slot_operand();
        self.m.asm.mov_r_m(Size::S64, Gpr::Rax, slot);
        self.m.store(dst, Gpr::Rax);
    }

    /// `dst = name` (`set` false) or `name = dst` of a global variable:
    /// through the site's property cell (see `note_global`): its state
    /// (readable; writable, for a store), then the global object's slot at
    /// its `loc`. No shape check: adding globals never changes a cell.
    pub(super) fn visit_global(&mut self, pc: u32, reg: u16, fb: u16, set: bool) {
        let helper = if set {
            h::bl_setglobal
        } else {
            h::bl_getglobal
        };
        let Some(ic) = self.proto.prop_ics().get(fb) else {
            return self.generic(pc, helper);
        };
        let slow = self.slow_path(pc, helper, self.next(pc), None);
        self.load_ic_word(ic, offset_of!(PolyIc, cell), Gpr::Rdx, slow);
        let x = &mut self.m.asm;
        let state = Mem::disp(Gpr::Rdx, offset_of!(GlobalCell, state) as i32);
        let need = if set { CELL_WRITE } else { CELL_READ };
        x.test_rm_imm(Size::S8, state, need as i32);
        x.jcc(Cond::E, slow);
        x.mov_r_m(
            Size::S64,
            Gpr::Rcx,
            Mem::disp(Gpr::Rdx, offset_of!(GlobalCell, loc) as i32),
        );
        x.mov_r_m(Size::S64, Gpr::Rax, Mem::disp(Gpr::Rbx, INTRINSICS_PTR));
        x.mov_r_m(
            Size::S64,
            Gpr::Rax,
            Mem::disp(Gpr::Rax, 8 * Intrinsic::Global as i32),
        );
        let slot = self.slot_operand();
        if set {
            self.m.load(Gpr::Rdx, reg);
            self.m.asm.mov_rm_r(Size::S64, slot, Gpr::Rdx);
        } else {
            self.m.asm.mov_r_m(Size::S64, Gpr::Rax, slot);
            self.m.store(reg, Gpr::Rax);
        }
    }

    /// `obj.name = src` for a cached existing writable data property, or
    /// one a cached transition adds.
    pub(super) fn visit_setprop(&mut self, pc: u32, obj: u16, src: u16, fb: u16) {
        let Some(ic) = self.site_ic(fb) else {
            return self.generic(pc, h::bl_setprop);
        };
        let next = self.next(pc);
        let slow = self.slow_path(pc, h::bl_setprop, next, None);
        self.m.load(Gpr::Rax, obj);
        self.m.branch_if_not_cell(Gpr::Rax, slow);
        self.branch_if_not_object(Gpr::Rax, slow);
        let add = self.m.asm.new_label();
        self.ic_lookup(ic, slow, Some(add), Site::Set);
        self.defer_proto_holder(add, next, slow, Some(src), Some((pc, src, obj, next)));
        // No write barrier: the collector is a whole-heap semispace.
        self.m.load(Gpr::Rdx, src);
        let slot = self.slot_operand();
        self.m.asm.mov_rm_r(Size::S64, slot, Gpr::Rdx);
    }

    /// rax = obj, rcx = key: checks for a dense array and an int32 key in
    /// `[0, length)` inside its elements; leaves rax = the element's
    /// address (rcx, rdx clobbered) or jumps to `slow` (to `not_int` with
    /// rax and rcx unchanged when the key is no int32; to `not_array`,
    /// with rax a cell and rcx an int32, when the object is no Array).
    fn element_address(&mut self, slow: Label, not_int: Label, not_array: Label, for_store: bool) {
        self.m.branch_if_not_int(Gpr::Rcx, not_int);
        self.m.branch_if_not_cell(Gpr::Rax, slow);
        self.m.branch_if_kind_ne(Gpr::Rax, Kind::Array, not_array);
        let x = &mut self.m.asm;
        // Fault: the store skips the frozen test.
        if for_store && !crate::faults::Fault::FrozenElementStore.injected() {
            x.test_rm_imm(
                Size::S8,
                Mem::disp(Gpr::Rax, FLAGS_OFF),
                FROZEN_ELEMENTS as i32,
            );
            x.jcc(Cond::Ne, slow);
        }
        self.index_below(Gpr::Rcx, Gpr::Rcx, LENGTH_OFF, slow);
        let x = &mut self.m.asm;
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

    /// `key` = an int32 value: `out` = the key zero-extended, or a jump to
    /// `slow` when it is negative or not below the length word at
    /// `[rax + len_off]` (an array's or a flat string's).
    pub(super) fn index_below(&mut self, key: Gpr, out: Gpr, len_off: i32, slow: Label) {
        let x = &mut self.m.asm;
        x.mov_rm_r(Size::S32, out, key);
        x.test_rm_r(Size::S32, out, out);
        x.jcc(Cond::S, slow);
        x.alu_r_m(AluOp::Cmp, Size::S64, out, Mem::disp(Gpr::Rax, len_off));
        x.jcc(Cond::Ae, slow);
    }

    /// rax = a cell that is no Array, rcx = an int32 key: checks for a
    /// typed array of `kind` and the key in `[0, length)`; leaves rax = the
    /// element's address in the buffer (rcx, rdx clobbered), or jumps to
    /// `other` (another kind) or `slow` (out of range).
    fn typed_element_address(&mut self, kind: Kind, other: Label, slow: Label) {
        self.m.branch_if_kind_ne(Gpr::Rax, kind, other);
        self.index_below(Gpr::Rcx, Gpr::Rcx, LENGTH_OFF, slow);
        let x = &mut self.m.asm;
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

    /// `dst = obj[key]` for a present element of a dense array, an
    /// in-range element of an Int32Array or Float64Array, or a code unit
    /// below `UNIT_STRINGS` of a flat string whose one-unit string exists
    /// already (`Vm::unit_string`: the shared atom string).
    pub(super) fn visit_getelem(&mut self, pc: u32, dst: u16, obj: u16, key: u16, fb: u16) {
        let slow = self.slow_path(pc, h::bl_getelem, self.next(pc), None);
        let not_array = self.m.asm.new_label();
        let not_i32 = self.m.asm.new_label();
        let not_f64 = self.m.asm.new_label();
        let done = self.m.asm.new_label();
        let keyed = self.m.asm.new_label();
        self.m.load(Gpr::Rax, obj);
        self.m.load(Gpr::Rcx, key);
        self.element_address(slow, keyed, not_array, false);
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
        self.typed_element_address(Kind::Float64Array, not_f64, slow);
        self.m.asm.mov_r_m(Size::S64, Gpr::Rax, Mem::base(Gpr::Rax));
        self.m.asm.movq_x_r(Xmm::Xmm0, Gpr::Rax);
        self.box_number_xmm0();
        self.m.store(dst, Gpr::Rax);
        self.m.feedback_or(fb, fbk::SAW_TYPED);
        self.m.asm.jmp(done);
        // A flat string (rax, a cell; rcx, an int32).
        self.m.asm.bind(not_f64);
        self.flat_string(Gpr::Rax, slow);
        self.index_below(Gpr::Rcx, Gpr::Rdx, STRING_LEN_OFF, slow);
        self.unit_string_at(Gpr::Rdx, slow);
        self.m.store(dst, Gpr::Rax);
        // The helper's feedback for a unit of a string.
        self.m.feedback_or(fb, fbk::SAW_STRING);
        self.m.asm.jmp(done);
        // Any other key: the keyed cache (string keys).
        self.m.asm.bind(keyed);
        self.emit_keyed(fb, Access::Get(dst), slow, done);
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
        let keyed = self.m.asm.new_label();
        self.m.load(Gpr::Rax, obj);
        self.m.load(Gpr::Rcx, key);
        self.element_address(slow, keyed, not_array, true);
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
        self.m.asm.jmp(done);
        // Any other key: the keyed cache (string keys).
        self.m.asm.bind(keyed);
        self.emit_keyed(fb, Access::Set(src), slow, done);
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
/// helpers pass it to `exec::get_prop`/`set_prop` (and, for keyed sites,
/// `exec::get_elem_ic`/`set_elem_ic`), which report what they find and so
/// fill the cache exactly where the interpreter's feedback would be filled
/// (plus prototype methods for gets).
pub struct SiteIc<'a> {
    pub p: &'a FuncProto,
    pub fb: u16,
    /// Between `may_add` and `added`: what `transition_before` saw.
    pub adding: Option<(ShapeId, Vec<u64>)>,
    /// A keyed site: its cache for the key `keyed` accepted (None: the
    /// site reports nothing).
    keyed: Option<Option<Dest<'a>>>,
}

impl<'a> SiteIc<'a> {
    pub fn new(p: &'a FuncProto, fb: u16) -> SiteIc<'a> {
        SiteIc {
            p,
            fb,
            adding: None,
            keyed: None,
        }
    }

    /// The cache of a GetElem/SetElem site: entries are made only for the
    /// key `PropIc::keyed` accepts.
    pub fn keyed(p: &'a FuncProto, fb: u16) -> SiteIc<'a> {
        SiteIc {
            keyed: Some(None),
            ..SiteIc::new(p, fb)
        }
    }

    fn dest(&self) -> Option<Dest<'a>> {
        match self.keyed {
            None => Dest::named(self.p, self.fb),
            Some(d) => d,
        }
    }
}

impl crate::runtime::exec::PropIc for SiteIc<'_> {
    fn skip_shape_check(&self) -> bool {
        // Fault: the helper's monomorphic check skips the shape compare
        // (the machine-code inline caches skip theirs too).
        crate::faults::Fault::IcShapeCheckSkipped.injected()
    }
    fn keyed(&mut self, vm: &Vm, key: PropKey) -> bool {
        let Some(d) = &mut self.keyed else {
            return false;
        };
        // Named keys other than `length`, and no numeric strings (see
        // `chain_key`): what a chain record may prove.
        *d = match key {
            PropKey::Atom(a) if chain_key(vm, key) => {
                Dest::keyed(self.p, self.fb, a).filter(|d| !d.ic.table_closed())
            }
            _ => None,
        };
        d.is_some()
    }
    fn cached_load(&mut self, _vm: &Vm, o: Value) -> Option<Value> {
        cached_load(self.keyed??, o)
    }
    fn cached_store(&mut self, _vm: &Vm, o: Value, v: Value) -> bool {
        matches!(self.keyed, Some(Some(d)) if cached_store(d, o, v))
    }
    fn own(&mut self, vm: &mut Vm, c: Cell, slot: u32) {
        if let Some(d) = self.dest() {
            note_at(vm, d, c, slot);
        }
    }
    fn not_own(&mut self, vm: &mut Vm, c: Cell, key: PropKey) {
        if let Some(d) = self.dest() {
            note_proto_at(vm, d, c, key);
        }
    }
    fn cached_getter(&mut self, _vm: &Vm, o: Value) -> Option<(Value, Value)> {
        let (g, holder) = cached_getter_at(self.dest()?, o)?;
        // Fault: the getter gets the prototype that holds it as `this`.
        if crate::faults::Fault::GetterWrongReceiver.injected() {
            return Some((g, holder.value()));
        }
        Some((g, o))
    }
    fn primitive(&mut self, vm: &mut Vm, o: Value, key: PropKey) {
        if self.keyed.is_none() {
            note_string(vm, self.p, self.fb, o, key);
        }
    }
    fn may_add(&mut self, vm: &Vm, o: Value, key: PropKey) -> bool {
        let Some(d) = self.dest() else { return false };
        self.adding = transition_before(vm, o, key);
        if self.adding.is_none() {
            note_setter(vm, d, o, key);
        }
        self.adding.is_some()
    }
    fn added(&mut self, vm: &Vm, o: Value, key: PropKey) {
        if let (Some(before), Some(d)) = (self.adding.take(), self.dest()) {
            note_transition(vm, d, o, key, before);
        }
    }
}
