//! Map and Set storage: insertion-ordered hash tables in GC cells.
//!
//! A table is one `Kind::Table` cell:
//!   raw    = [capacity, used, live, nbuckets, heads[nbuckets], chain[capacity]]
//!   values = [next table, key 0, value 0, key 1, value 1, ...]
//! Entries are appended in insertion order (`used` of them); a deleted
//! entry keeps its place with the key `EMPTY` (the hole), so iteration by
//! index sees later insertions and skips deletions, as the spec's live
//! iteration requires. `heads[h]` and `chain[i]` are entry index + 1 (0 =
//! none); lookups walk one bucket's chain, so they do not degrade to scans.
//!
//! Invariants:
//! - Hashes never depend on addresses: numbers hash by value (-0 as +0,
//!   every NaN alike), strings by content (keys are stored flat), other
//!   primitives by their bits, objects by their identity hash (a raw word
//!   of the object, assigned on first use and moved with it by the GC).
//! - Keys are compared with SameValueZero; a stored key is never -0.
//! - When a table fills it is rebuilt (live entries only, in order) into a
//!   new cell; `clear` also starts a new cell. The old cell is then
//!   *obsolete* (flag), its value 0 points to its successor, and its
//!   entries stay as they were, so an iterator still holding it can move
//!   its index across: after a rebuild, minus the holes before it; after a
//!   clear (flag `CLEARED`), to 0. Nothing but iterators reads obsolete
//!   tables, and the GC frees them once no iterator does.

use super::heap::{Cell, Kind, MAX_CELL_FIELD};
use super::object::RAW_IDENTITY;
use super::{ErrorKind, JsResult, Value, Vm};

const CAP: usize = 0;
const USED: usize = 1;
const LIVE: usize = 2;
const NBUCKETS: usize = 3;
const HEADS: usize = 4;

/// Table flags (the cell header's flag byte).
pub const OBSOLETE: u16 = 1;
pub const CLEARED: u16 = 2;

/// The object's fixed value holding its table (Map and Set objects).
pub const TABLE_SLOT: usize = 3;
/// Fixed values of Map and Set objects.
pub const COLLECTION_FIXED: u8 = 4;

/// Iterator objects (`Kind::CollectionIterator`): the table (undefined
/// once done), the next index, and the mode.
pub const ITER_TABLE: usize = 3;
pub const ITER_INDEX: usize = 4;
pub const ITER_MODE: usize = 5;
pub const ITER_FIXED: u8 = 6;

/// What an iteration yields.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Mode {
    Keys = 0,
    Values = 1,
    Entries = 2,
}

impl Mode {
    pub fn from_int(i: i32) -> Mode {
        match i & 3 {
            0 => Mode::Keys,
            1 => Mode::Values,
            _ => Mode::Entries,
        }
    }
}

/// Iterator mode bit: iterates a Set (for printing and `next` results).
pub const MODE_SET: i32 = 4;

fn mix(h: u64) -> u32 {
    let h = h.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> 32) as u32 ^ h as u32
}

impl Vm {
    /// A new empty table with room for `cap` entries (a power of two).
    pub fn new_table(&mut self, cap: usize) -> JsResult<Value> {
        let cap = cap.next_power_of_two().max(4);
        if 1 + 2 * cap > MAX_CELL_FIELD {
            return Err(self.throw_error(ErrorKind::RangeError, "Map maximum size exceeded"));
        }
        let c = self.alloc(Kind::Table, HEADS + 2 * cap, 1 + 2 * cap, 0)?;
        c.set_raw(CAP, cap as u64);
        c.set_raw(NBUCKETS, cap as u64);
        Ok(c.value())
    }

    /// The identity hash of an object cell (assigned on first use).
    pub fn identity_hash(&mut self, c: Cell) -> u32 {
        let h = c.raw(RAW_IDENTITY);
        if h != 0 {
            return h as u32;
        }
        self.identity_counter = self.identity_counter.wrapping_add(1);
        let h = mix(self.identity_counter).max(1);
        c.set_raw(RAW_IDENTITY, h as u64);
        h
    }

    /// The key as stored: -0 becomes +0, ropes are flattened.
    pub fn normalize_key(&mut self, k: Value) -> JsResult<Value> {
        if k.is_double() && k.as_double() == 0.0 {
            return Ok(Value::int(0));
        }
        if self.is_string(k) {
            return self.flatten(k);
        }
        Ok(k)
    }

    /// The hash of a normalized key.
    fn key_hash(&mut self, k: Value) -> u32 {
        if k.is_number() {
            let d = k.as_number();
            let bits = if d.is_nan() {
                f64::NAN.to_bits()
            } else {
                d.to_bits()
            };
            return mix(bits);
        }
        if self.is_string(k) {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for &u in self.flat_units(k) {
                h = (h.rotate_left(5) ^ u as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
            }
            return mix(h ^ self.string_len(k) as u64);
        }
        if self.is_object(k) {
            return self.identity_hash(Cell::from_value(k));
        }
        mix(k.0)
    }

    /// SameValueZero of two normalized keys.
    fn same_key(&self, a: Value, b: Value) -> bool {
        if a.0 == b.0 {
            return true;
        }
        if a.is_number() && b.is_number() {
            let (x, y) = (a.as_number(), b.as_number());
            return x == y || (x.is_nan() && y.is_nan());
        }
        self.is_string(a) && self.is_string(b) && self.flat_units(a) == self.flat_units(b)
    }

    /// The entry index of normalized key `k` in table `t`.
    fn table_find(&mut self, t: Value, k: Value, h: u32) -> Option<usize> {
        let c = Cell::from_value(t);
        let nb = c.raw(NBUCKETS) as usize;
        let cap = c.raw(CAP) as usize;
        let mut e = c.raw(HEADS + (h as usize & (nb - 1))) as usize;
        while e != 0 {
            let i = e - 1;
            let key = c.get(1 + 2 * i);
            if !key.is_empty() && self.same_key(key, k) {
                return Some(i);
            }
            e = c.raw(HEADS + nb + i) as usize;
            debug_assert!(i < cap);
        }
        None
    }

    /// The table of a Map or Set object.
    pub fn table_of(&self, obj: Value) -> Value {
        Cell::from_value(obj).get(TABLE_SLOT)
    }

    pub fn collection_size(&self, obj: Value) -> u32 {
        Cell::from_value(self.table_of(obj)).raw(LIVE) as u32
    }

    /// `map.get(k)` / `set.has(k)`: the value stored for `k`, if present.
    pub fn collection_get(&mut self, obj: Value, k: Value) -> JsResult<Option<Value>> {
        let (t, i) = self.collection_find(obj, k)?;
        Ok(i.map(|i| Cell::from_value(t).get(2 + 2 * i)))
    }

    /// The table of `obj` and the entry of key `k` in it, if present
    /// (normalizing `k` may flatten a rope: `obj` stays rooted).
    fn collection_find(&mut self, obj: Value, k: Value) -> JsResult<(Value, Option<usize>)> {
        let mark = self.handles.len();
        self.handles.push(obj);
        let k = self.normalize_key(k);
        let obj = self.handles[mark];
        self.handles.truncate(mark);
        let k = k?;
        let h = self.key_hash(k);
        let t = self.table_of(obj);
        Ok((t, self.table_find(t, k, h)))
    }

    /// `map.set(k, v)` / `set.add(k)` (v = k).
    pub fn collection_set(&mut self, obj: Value, k: Value, v: Value) -> JsResult<()> {
        let mark = self.handles.len();
        self.handles.extend([obj, v]);
        let r = (|| {
            let k = self.normalize_key(k)?;
            self.handles.push(k);
            let h = self.key_hash(k);
            let t = self.table_of(self.handles[mark]);
            if let Some(i) = self.table_find(t, k, h) {
                Cell::from_value(t).set(2 + 2 * i, self.handles[mark + 1]);
                return Ok(());
            }
            let c = Cell::from_value(t);
            if c.raw(USED) == c.raw(CAP) {
                self.rebuild(self.handles[mark], false)?;
            }
            let t = self.table_of(self.handles[mark]);
            let c = Cell::from_value(t);
            let i = c.raw(USED) as usize;
            let nb = c.raw(NBUCKETS) as usize;
            let b = HEADS + (h as usize & (nb - 1));
            c.set_raw(HEADS + nb + i, c.raw(b));
            c.set_raw(b, i as u64 + 1);
            c.set(1 + 2 * i, self.handles[mark + 2]);
            c.set(2 + 2 * i, self.handles[mark + 1]);
            c.set_raw(USED, i as u64 + 1);
            c.set_raw(LIVE, c.raw(LIVE) + 1);
            Ok(())
        })();
        self.handles.truncate(mark);
        r
    }

    /// `delete(k)`: whether `k` was present.
    pub fn collection_delete(&mut self, obj: Value, k: Value) -> JsResult<bool> {
        let (t, Some(i)) = self.collection_find(obj, k)? else {
            return Ok(false);
        };
        let c = Cell::from_value(t);
        c.set(1 + 2 * i, Value::EMPTY);
        c.set(2 + 2 * i, Value::UNDEFINED);
        c.set_raw(LIVE, c.raw(LIVE) - 1);
        Ok(true)
    }

    /// `clear()`: a fresh table; iterators of the old one restart at 0.
    pub fn collection_clear(&mut self, obj: Value) -> JsResult<()> {
        self.rebuild(obj, true)
    }

    /// Replaces `obj`'s table by a new one holding its live entries (none
    /// when `clear`), and marks the old one obsolete.
    fn rebuild(&mut self, obj: Value, clear: bool) -> JsResult<()> {
        let old = self.table_of(obj);
        let live = Cell::from_value(old).raw(LIVE) as usize;
        let cap = if clear { 4 } else { (live * 2).max(8) };
        let mark = self.handles.len();
        self.handles.extend([obj, old]);
        let t = self.new_table(cap);
        let (obj, old) = (self.handles[mark], self.handles[mark + 1]);
        self.handles.truncate(mark);
        let t = t?;
        let oc = Cell::from_value(old);
        if !clear {
            let used = oc.raw(USED) as usize;
            for i in 0..used {
                let k = oc.get(1 + 2 * i);
                if k.is_empty() {
                    continue;
                }
                // Hashing an object key may assign its identity: no allocation.
                let h = self.key_hash(k);
                let c = Cell::from_value(t);
                let n = c.raw(USED) as usize;
                let nb = c.raw(NBUCKETS) as usize;
                let b = HEADS + (h as usize & (nb - 1));
                c.set_raw(HEADS + nb + n, c.raw(b));
                c.set_raw(b, n as u64 + 1);
                c.set(1 + 2 * n, k);
                c.set(2 + 2 * n, oc.get(2 + 2 * i));
                c.set_raw(USED, n as u64 + 1);
            }
            Cell::from_value(t).set_raw(LIVE, live as u64);
        }
        let of_set = oc.flags() & TABLE_OF_SET;
        Cell::from_value(t).set_flags(of_set);
        oc.set_flags(of_set | OBSOLETE | if clear { CLEARED } else { 0 });
        oc.set(0, t);
        Cell::from_value(obj).set(TABLE_SLOT, t);
        Ok(())
    }

    /// Advances an iteration over table `t` from index `i`: the current
    /// table (following rebuilds), and the entry index found with the index
    /// after it, or `None` when done.
    pub fn table_next(&self, mut t: Value, mut i: usize) -> (Value, Option<(usize, usize)>) {
        loop {
            let c = Cell::from_value(t);
            if c.flags() & OBSOLETE == 0 {
                break;
            }
            i = if c.flags() & CLEARED != 0 {
                0
            } else {
                let used = (c.raw(USED) as usize).min(i);
                i - (0..used).filter(|&j| c.get(1 + 2 * j).is_empty()).count()
            };
            t = c.get(0);
        }
        let c = Cell::from_value(t);
        let used = c.raw(USED) as usize;
        while i < used {
            if !c.get(1 + 2 * i).is_empty() {
                return (t, Some((i, i + 1)));
            }
            i += 1;
        }
        (t, None)
    }

    /// One step of a Map or Set iterator object: the next key, value or
    /// entry, or `None` once done (and from then on).
    pub fn iterator_step(&mut self, it: Value) -> JsResult<Option<Value>> {
        let c = Cell::from_value(it);
        let t = c.get(ITER_TABLE);
        if t.is_undefined() {
            return Ok(None);
        }
        let (t, found) = self.table_next(t, c.get(ITER_INDEX).as_int() as usize);
        let Some((e, next)) = found else {
            c.set(ITER_TABLE, Value::UNDEFINED);
            return Ok(None);
        };
        c.set(ITER_TABLE, t);
        c.set(ITER_INDEX, Value::int(next as i32));
        let (k, v) = self.table_entry(t, e);
        match Mode::from_int(c.get(ITER_MODE).as_int()) {
            Mode::Keys => Ok(Some(k)),
            Mode::Values => Ok(Some(v)),
            Mode::Entries => self.new_array_from(&[k, v]).map(Some),
        }
    }

    /// Key and value of entry `i` of table `t`.
    pub fn table_entry(&self, t: Value, i: usize) -> (Value, Value) {
        let c = Cell::from_value(t);
        (c.get(1 + 2 * i), c.get(2 + 2 * i))
    }

    /// Whether `v` is a Map (`Kind::Map`) or Set object.
    pub fn is_collection(&self, v: Value) -> bool {
        matches!(self.kind_of(v), Some(Kind::Map | Kind::Set))
    }
}

/// Table flag: the table belongs to a Set (for-of yields keys).
pub const TABLE_OF_SET: u16 = 4;
