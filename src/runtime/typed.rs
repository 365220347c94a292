//! Float64Array and Int32Array: typed arrays over raw element storage.
//!
//! A typed array is an object cell of kind `Float64Array` or `Int32Array`:
//! raw[1] is its length in elements (as an Array's), fixed value
//! `TA_BUFFER` is a `Kind::Bytes` cell (raw words only: the elements as
//! little-endian f64 or i32, not NaN-boxed, so compiled code can load and
//! store them directly), and fixed value `TA_OFFSET` the index of element 0
//! in that buffer (an int32: `subarray` shares its parent's buffer).
//!
//! Invariants:
//! - `offset + length` elements fit in the buffer; buffers never shrink,
//!   so every view of one stays in bounds.
//! - Element reads give numbers (`Value::number`: int32 form when exact);
//!   writes convert with ToNumber (Float64) or ToInt32 (Int32); integer
//!   keys outside `0..length` read undefined and ignore writes, without
//!   looking at the prototype chain or adding properties.
//! - The collector copies the buffer's raw words as they are (it never
//!   looks inside raw words), so no element is ever mistaken for a pointer.

use super::heap::{Cell, Kind, MAX_CELL_FIELD};
use super::{ops, ErrorKind, JsResult, Value, Vm};

/// Fixed values of a typed array object.
pub const TA_BUFFER: usize = 3;
pub const TA_OFFSET: usize = 4;
pub const TA_FIXED: u8 = 5;

/// Elements per raw word of the buffer.
fn per_word(kind: Kind) -> usize {
    if kind == Kind::Int32Array {
        2
    } else {
        1
    }
}

/// CanonicalNumericIndexString: `s` is how a number prints (or "-0").
pub fn is_numeric_key(s: &str) -> bool {
    let u: Vec<u16> = s.encode_utf16().collect();
    let n = super::numconv::string_to_number(&u);
    s == "-0" || super::numconv::number_to_string(n) == s
}

/// Whether property key `key` is a canonical numeric string (an index,
/// "1.5", "-0", "NaN", "Infinity"): on a typed array an element key,
/// never a property, and never looked up on its prototypes. Cheap for
/// the usual names (their first unit rules them out).
pub fn is_numeric_prop_key(atoms: &super::atoms::Atoms, key: super::atoms::PropKey) -> bool {
    let super::atoms::PropKey::Atom(a) = key else {
        return true;
    };
    // Digits, '-', 'I' (Infinity), 'N' (NaN).
    match atoms.get(a).first() {
        Some(0x30..=0x39 | 0x2d | 0x49 | 0x4e) => is_numeric_key(&atoms.key_to_string(key)),
        _ => false,
    }
}

pub fn is_typed_kind(k: Kind) -> bool {
    matches!(k, Kind::Float64Array | Kind::Int32Array)
}

impl Vm {
    pub fn is_typed_array(&self, v: Value) -> bool {
        self.kind_of(v).is_some_and(is_typed_kind)
    }

    /// Length in elements.
    pub fn ta_len(&self, v: Value) -> u32 {
        Cell::from_value(v).raw(1) as u32
    }

    /// A new zero-filled buffer for `len` elements of `kind`.
    pub fn new_buffer(&mut self, kind: Kind, len: usize) -> JsResult<Value> {
        let words = len.div_ceil(per_word(kind)).max(1);
        if words > MAX_CELL_FIELD {
            return Err(self.throw_error(
                ErrorKind::RangeError,
                &format!("Invalid typed array length: {len}"),
            ));
        }
        Ok(self.alloc(Kind::Bytes, words, 0, 0)?.value())
    }

    /// A typed array of `kind` viewing `len` elements of `buffer` from
    /// `offset` (a fresh zero-filled buffer when `buffer` is undefined).
    pub fn new_typed_array(
        &mut self,
        kind: Kind,
        proto: Value,
        buffer: Value,
        offset: u32,
        len: u32,
    ) -> JsResult<Value> {
        let mark = self.handles.len();
        self.handles.extend([proto, buffer]);
        let r = (|| {
            if self.handles[mark + 1].is_undefined() {
                let b = self.new_buffer(kind, len as usize)?;
                self.handles[mark + 1] = b;
            }
            let o = self.new_object_kind(kind, self.handles[mark], TA_FIXED, 0)?;
            let c = Cell::from_value(o);
            c.set_raw(1, len as u64);
            c.set(TA_BUFFER, self.handles[mark + 1]);
            c.set(TA_OFFSET, Value::int(offset as i32));
            Ok(o)
        })();
        self.handles.truncate(mark);
        r
    }

    /// The kind, buffer cell and buffer element index of element `i` (in
    /// range) of typed array `v`.
    fn ta_slot(v: Value, i: u32) -> (Kind, Cell, usize) {
        let c = Cell::from_value(v);
        debug_assert!(i < c.raw(1) as u32);
        let at = c.get(TA_OFFSET).as_int() as usize + i as usize;
        (c.kind(), Cell::from_value(c.get(TA_BUFFER)), at)
    }

    /// Element `i` (in range) as a number.
    pub fn ta_get(&self, v: Value, i: u32) -> Value {
        let (kind, b, at) = Vm::ta_slot(v, i);
        unsafe {
            if kind == Kind::Int32Array {
                let p = b.raw_ptr() as *const i32;
                Value::int(*p.add(at))
            } else {
                let p = b.raw_ptr() as *const f64;
                Value::number(*p.add(at))
            }
        }
    }

    /// Stores the number `d` (already converted by ToNumber) at element `i`
    /// (in range), converting it to the element type.
    pub fn ta_store(&self, v: Value, i: u32, d: f64) {
        let (kind, b, at) = Vm::ta_slot(v, i);
        unsafe {
            if kind == Kind::Int32Array {
                let p = b.raw_ptr() as *mut i32;
                *p.add(at) = super::numconv::to_int32(d);
            } else {
                let p = b.raw_ptr() as *mut f64;
                *p.add(at) = d;
            }
        }
    }

    /// `ta[i] = x`: ToNumber first (it may run JavaScript), then the store
    /// if `i` is still in range; out-of-range writes are ignored.
    pub fn ta_set(&mut self, ta: Value, i: u32, x: Value) -> JsResult<()> {
        let d = if x.is_number() {
            x.as_number()
        } else {
            self.handles.push(ta);
            let d = ops::to_number(self, x);
            let t = self.handles.pop().unwrap();
            let d = d?;
            if i < self.ta_len(t) {
                self.ta_store(t, i, d);
            }
            return Ok(());
        };
        if i < self.ta_len(ta) {
            self.ta_store(ta, i, d);
        }
        Ok(())
    }
}
