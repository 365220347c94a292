//! Objects: property storage over shapes, array elements, prototype chains.
//!
//! Invariants:
//! - An object cell's raw[0] is its shape id; the shape's `n_fixed` equals
//!   the kind's fixed value count, and slot `s` lives at value
//!   `n_fixed + s` when `s < n_inline`, else in the overflow Slots cell at
//!   `s - n_inline` (the overflow cell always has room for every slot the
//!   shape hands out).
//! - Arrays keep integer-indexed properties in the elements Slots cell
//!   (holes are `EMPTY`), their length in raw[1]; `length` is not in the
//!   shape. Index keys that would make the elements absurdly sparse fall back
//!   to ordinary shape properties.
//! - An accessor property's slot holds a Slots cell `[getter, setter]`.

use super::atoms::{wk, PropKey};
use super::heap::{Cell, Kind};
use super::shape::{self, ShapeId, ACCESSOR, CONFIGURABLE, DEFAULT_ATTRS, ENUMERABLE, WRITABLE};
use super::{fixed, oflags, Intrinsic, JsResult, Value, Vm};

/// Raw words of every object cell: the shape id, a kind-specific word
/// (array length, function prototype, native entry), and the identity hash
/// (0 until first asked for; see `Vm::identity_hash`).
pub const OBJECT_RAW_WORDS: usize = 3;
pub const RAW_IDENTITY: usize = 2;

/// Arrays grow their elements up to this index densely; beyond it (and
/// beyond 8x the current length) an index becomes a named property.
const DENSE_LIMIT: u32 = 1 << 26;
pub const FROZEN_ELEMENTS: u16 = 8;
/// Array flag: `length` is not writable (Object.defineProperty with
/// writable: false): no element may be added at or past it.
pub const LENGTH_READONLY: u16 = 16;

/// Whether an array's `length` is writable.
#[inline]
pub fn length_writable(c: Cell) -> bool {
    c.flags() & (FROZEN_ELEMENTS | LENGTH_READONLY) == 0
}

const READ_ONLY_LENGTH: &str =
    "Cannot assign to read only property 'length' of object '[object Array]'";

/// What an own property lookup finds.
#[derive(Copy, Clone, Debug)]
pub enum Own {
    Data(Value, u8),
    /// getter, setter (undefined when absent), attributes.
    Accessor(Value, Value, u8),
}

impl Own {
    pub fn attrs(self) -> u8 {
        match self {
            Own::Data(_, a) | Own::Accessor(_, _, a) => a,
        }
    }
}

impl Vm {
    // ----- creation -----

    pub fn new_object_kind(
        &mut self,
        kind: Kind,
        proto: Value,
        n_fixed: u8,
        n_inline: u16,
    ) -> JsResult<Value> {
        let shape = if (n_fixed, n_inline) == (fixed::PLAIN, shape::PLAIN_INLINE) {
            shape::PLAIN_ROOT
        } else {
            self.shapes.root(n_fixed, n_inline)
        };
        let mut keep = [proto];
        let c = self.alloc_rooted(
            kind,
            OBJECT_RAW_WORDS,
            n_fixed as usize + n_inline as usize,
            0,
            &mut keep,
        )?;
        c.set_raw(0, shape.0 as u64);
        c.set(fixed::PROTO, keep[0]);
        Ok(c.value())
    }

    pub fn new_object(&mut self, proto: Value) -> JsResult<Value> {
        self.new_object_kind(Kind::Object, proto, fixed::PLAIN, shape::PLAIN_INLINE)
    }

    /// An unmapped `arguments` object for `argc` arguments passed in the
    /// `n` parameter registers at `stack[at..]`: the last of them is the
    /// rest array of the extra arguments when `has_rest`.
    pub fn create_arguments(
        &mut self,
        at: usize,
        n: usize,
        has_rest: bool,
        argc: usize,
    ) -> JsResult<Value> {
        let has_rest = has_rest && n > 0;
        let fixed_params = if has_rest { n - 1 } else { n };
        let mut vals: Vec<Value> = (0..argc.min(fixed_params))
            .map(|i| self.stack[at + i])
            .collect();
        if has_rest && argc > fixed_params {
            let rest = self.stack[at + fixed_params];
            if self.is_array(rest) {
                for i in 0..self.array_len(rest) {
                    vals.push(self.array_get_fast(rest, i).unwrap_or(Value::UNDEFINED));
                }
            }
        }
        // The values stay rooted in the handles while the object is built.
        let mark = self.handles.len();
        self.handles.extend(vals.iter().copied());
        let r = (|| {
            let proto = self.intrinsic(Intrinsic::ObjectPrototype);
            let o = self.new_object_kind(Kind::Arguments, proto, fixed::PLAIN, 4)?;
            self.handles.push(o);
            let n = self.handles.len() - 1 - mark;
            for i in 0..n {
                let o = self.handles[mark + n];
                self.define_own(
                    o,
                    PropKey::Index(i as u32),
                    self.handles[mark + i],
                    DEFAULT_ATTRS,
                )?;
            }
            let o = self.handles[mark + n];
            self.define_own(
                o,
                PropKey::Atom(wk::length),
                Value::int(n as i32),
                WRITABLE | CONFIGURABLE,
            )?;
            // Strict arguments: `callee` is %ThrowTypeError% both ways.
            let (o, t) = (
                self.handles[mark + n],
                self.intrinsic(Intrinsic::ThrowTypeError),
            );
            self.define_accessor(o, PropKey::Atom(wk::callee), t, t, 0)?;
            Ok(self.handles[mark + n])
        })();
        self.handles.truncate(mark);
        r
    }

    pub fn new_plain_object(&mut self) -> JsResult<Value> {
        let p = self.intrinsic(Intrinsic::ObjectPrototype);
        self.new_object(p)
    }

    pub fn new_array(&mut self, capacity: usize) -> JsResult<Value> {
        let p = self.intrinsic(Intrinsic::ArrayPrototype);
        let a = self.new_object_kind(Kind::Array, p, fixed::PLAIN, 0)?;
        if capacity > 0 {
            let mut keep = [a];
            let el = self.alloc_rooted(Kind::Slots, 0, capacity, 0, &mut keep)?;
            for i in 0..capacity {
                el.set(i, Value::EMPTY);
            }
            Cell::from_value(keep[0]).set(fixed::ELEMENTS, el.value());
            return Ok(keep[0]);
        }
        Ok(a)
    }

    pub fn new_array_from(&mut self, items: &[Value]) -> JsResult<Value> {
        let mark = self.handles.len();
        self.handles.extend_from_slice(items);
        let r = self.new_array(items.len());
        let a = match r {
            Ok(a) => a,
            Err(t) => {
                self.handles.truncate(mark);
                return Err(t);
            }
        };
        let c = Cell::from_value(a);
        if !items.is_empty() {
            let el = Cell::from_value(c.get(fixed::ELEMENTS));
            for i in 0..items.len() {
                el.set(i, self.handles[mark + i]);
            }
        }
        c.set_raw(1, items.len() as u64);
        self.handles.truncate(mark);
        Ok(a)
    }

    // ----- classification -----

    #[inline]
    pub fn is_object(&self, v: Value) -> bool {
        v.is_cell() && Cell::from_value(v).kind().is_object()
    }

    #[inline]
    pub fn kind_of(&self, v: Value) -> Option<Kind> {
        if v.is_cell() {
            Some(Cell::from_value(v).kind())
        } else {
            None
        }
    }

    pub fn is_array(&self, v: Value) -> bool {
        self.kind_of(v) == Some(Kind::Array)
    }

    pub fn is_callable(&self, v: Value) -> bool {
        matches!(
            self.kind_of(v),
            Some(Kind::Function | Kind::Native | Kind::Bound)
        )
    }

    #[inline]
    pub fn shape_of(c: Cell) -> ShapeId {
        ShapeId(c.raw(0) as u32)
    }

    #[inline]
    pub fn proto_of(&self, v: Value) -> Value {
        Cell::from_value(v).get(fixed::PROTO)
    }

    pub fn array_len(&self, v: Value) -> u32 {
        Cell::from_value(v).raw(1) as u32
    }

    // ----- slots -----

    #[inline]
    pub fn get_slot(&self, c: Cell, slot: u32) -> Value {
        let s = self.shapes.get(Vm::shape_of(c));
        if slot < s.n_inline as u32 {
            c.get(s.n_fixed as usize + slot as usize)
        } else {
            Cell::from_value(c.get(fixed::OVERFLOW)).get((slot - s.n_inline as u32) as usize)
        }
    }

    #[inline]
    pub fn set_slot(&self, c: Cell, slot: u32, v: Value) {
        let s = self.shapes.get(Vm::shape_of(c));
        if slot < s.n_inline as u32 {
            c.set(s.n_fixed as usize + slot as usize, v)
        } else {
            Cell::from_value(c.get(fixed::OVERFLOW)).set((slot - s.n_inline as u32) as usize, v)
        }
    }

    fn element_ref(&self, c: Cell, i: u32) -> Option<Value> {
        if c.kind() != Kind::Array || i >= c.raw(1) as u32 {
            return None;
        }
        let el = c.get(fixed::ELEMENTS);
        if !el.is_cell() {
            return None;
        }
        let el = Cell::from_value(el);
        if (i as usize) < el.nvals() {
            let v = el.get(i as usize);
            if !v.is_empty() {
                return Some(v);
            }
        }
        None
    }

    /// The own property `key` of object `obj`, without side effects.
    pub fn get_own(&self, obj: Value, key: PropKey) -> Option<Own> {
        let c = Cell::from_value(obj);
        if super::typed::is_typed_kind(c.kind()) {
            if let PropKey::Index(i) = key {
                return (i < c.raw(1) as u32)
                    .then(|| Own::Data(self.ta_get(obj, i), shape::DEFAULT_ATTRS));
            }
        }
        if c.kind() == Kind::Array {
            match key {
                PropKey::Atom(wk::length) => {
                    let w = if length_writable(c) { WRITABLE } else { 0 };
                    return Some(Own::Data(Value::number(c.raw(1) as f64), w));
                }
                PropKey::Index(i) => {
                    if let Some(v) = self.element_ref(c, i) {
                        let a = if c.flags() & FROZEN_ELEMENTS != 0 {
                            ENUMERABLE
                        } else {
                            shape::DEFAULT_ATTRS
                        };
                        return Some(Own::Data(v, a));
                    }
                }
                _ => {}
            }
        }
        if c.kind() == Kind::Primitive && key == PropKey::Atom(wk::length) {
            // A String wrapper's length (read-only, like its characters).
            let p = c.get(fixed::PRIMITIVE);
            if self.is_string(p) {
                return Some(Own::Data(Value::int(self.string_len(p) as i32), 0));
            }
        }
        let (slot, attrs) = self.shapes.lookup(Vm::shape_of(c), key)?;
        let v = self.get_slot(c, slot);
        if attrs & ACCESSOR != 0 {
            let pair = Cell::from_value(v);
            Some(Own::Accessor(pair.get(0), pair.get(1), attrs))
        } else {
            Some(Own::Data(v, attrs))
        }
    }

    /// Finds `key` on `obj` or its prototype chain.
    pub fn find_property(&self, mut obj: Value, key: PropKey) -> Option<Own> {
        loop {
            if let Some(p) = self.get_own(obj, key) {
                return Some(p);
            }
            // A typed array's numeric keys are its elements only
            // (IntegerIndexedElementGet): the lookup ends at it.
            if super::typed::is_typed_kind(Cell::from_value(obj).kind())
                && super::typed::is_numeric_prop_key(&self.atoms, key)
            {
                return None;
            }
            obj = self.proto_of(obj);
            if !obj.is_cell() {
                return None;
            }
        }
    }

    /// The string of a String wrapper `obj` when `key` is one of its
    /// character indices (own, read-only, enumerable properties that live
    /// in the string, not in the shape).
    fn wrapper_char(&self, obj: Value, key: PropKey) -> Option<(Value, u32)> {
        let c = Cell::from_value(obj);
        if let (Kind::Primitive, PropKey::Index(i)) = (c.kind(), key) {
            let p = c.get(fixed::PRIMITIVE);
            if self.is_string(p) && (i as usize) < self.string_len(p) {
                return Some((p, i));
            }
        }
        None
    }

    /// [[Get]] on an object with an explicit receiver (getters see it).
    pub fn get_with_receiver(
        &mut self,
        obj: Value,
        key: PropKey,
        receiver: Value,
    ) -> JsResult<Value> {
        if let Some((s, i)) = self.wrapper_char(obj, key) {
            let flat = self.flatten(s)?;
            let u = self.flat_units(flat)[i as usize];
            return self.new_string(&[u]);
        }
        match self.find_property(obj, key) {
            None => Ok(Value::UNDEFINED),
            Some(Own::Data(v, _)) => Ok(v),
            Some(Own::Accessor(g, _, _)) => {
                if g.is_undefined() {
                    Ok(Value::UNDEFINED)
                } else {
                    self.call(g, receiver, &[])
                }
            }
        }
    }

    pub fn get(&mut self, obj: Value, key: PropKey) -> JsResult<Value> {
        self.get_with_receiver(obj, key, obj)
    }

    /// The object whose prototype chain a primitive's property lookup uses.
    pub fn proto_for_primitive(&self, v: Value) -> Value {
        if v.is_number() {
            self.intrinsic(Intrinsic::NumberPrototype)
        } else if v.is_bool() {
            self.intrinsic(Intrinsic::BooleanPrototype)
        } else {
            self.intrinsic(Intrinsic::StringPrototype)
        }
    }

    /// GetValue for any base (`base.key`, `base[key]`): primitives look up
    /// their prototype; null/undefined throw V8's TypeError.
    pub fn get_value(&mut self, base: Value, key: PropKey) -> JsResult<Value> {
        if self.is_object(base) {
            return self.get(base, key);
        }
        if base.is_nullish() {
            let k = self.atoms.key_to_string(key);
            let what = if base.is_null() { "null" } else { "undefined" };
            return Err(
                self.type_error(&format!("Cannot read properties of {what} (reading '{k}')"))
            );
        }
        if self.is_string(base) {
            match key {
                PropKey::Atom(wk::length) => return Ok(Value::int(self.string_len(base) as i32)),
                PropKey::Index(i) if (i as usize) < self.string_len(base) => {
                    let flat = self.flatten(base)?;
                    let u = self.flat_units(flat)[i as usize];
                    return self.unit_string(u);
                }
                _ => {}
            }
        }
        let proto = self.proto_for_primitive(base);
        self.get_with_receiver(proto, key, base)
    }

    // ----- [[Set]] -----

    /// Strict-mode [[Set]]: `base.key = v`. Throws V8's TypeErrors.
    pub fn set_value(&mut self, base: Value, key: PropKey, v: Value) -> JsResult<()> {
        if self.is_typed_array(base) {
            match key {
                PropKey::Index(i) => return self.ta_set(base, i, v),
                // Other numeric keys ("-1", "1.5") are never properties.
                PropKey::Atom(_) if super::typed::is_numeric_prop_key(&self.atoms, key) => {
                    return Ok(())
                }
                _ => {}
            }
        }
        if !self.is_object(base) {
            let k = self.atoms.key_to_string(key);
            if base.is_nullish() {
                let what = if base.is_null() { "null" } else { "undefined" };
                return Err(
                    self.type_error(&format!("Cannot set properties of {what} (setting '{k}')"))
                );
            }
            // Primitives: a setter on the prototype chain still runs.
            let proto = self.proto_for_primitive(base);
            if let Some(Own::Accessor(_, s, _)) = self.find_property(proto, key) {
                if !s.is_undefined() {
                    self.call(s, base, &[v])?;
                    return Ok(());
                }
            }
            let shown = super::format::display_primitive(self, base);
            let tn = super::ops::type_name(self, base);
            let read_only = self.is_string(base)
                && match key {
                    PropKey::Index(i) => (i as usize) < self.string_len(base),
                    k => k == PropKey::Atom(wk::length),
                };
            if read_only {
                return Err(self.type_error(&format!(
                    "Cannot assign to read only property '{k}' of {tn} '{shown}'"
                )));
            }
            return Err(self.type_error(&format!("Cannot create property '{k}' on {tn} '{shown}'")));
        }
        self.set_on_object(base, key, v, base)
    }

    pub fn set_on_object(
        &mut self,
        obj: Value,
        key: PropKey,
        v: Value,
        receiver: Value,
    ) -> JsResult<()> {
        let c = Cell::from_value(obj);
        // Fast path: own writable data property, when the object is the
        // receiver (for `super.x = v` the property goes to `this`).
        let own = obj == receiver;
        if self.wrapper_char(obj, key).is_some() {
            // A String wrapper's characters are read-only (V8 shows the
            // wrapper as '[object String]' here).
            let k = self.atoms.key_to_string(key);
            return Err(self.type_error(&format!(
                "Cannot assign to read only property '{k}' of object '[object String]'"
            )));
        }
        if own && c.kind() == Kind::Array {
            if let PropKey::Index(i) = key {
                if c.flags() & FROZEN_ELEMENTS == 0 && self.element_ref(c, i).is_some() {
                    let el = Cell::from_value(c.get(fixed::ELEMENTS));
                    el.set(i as usize, v);
                    return Ok(());
                }
            } else if key == PropKey::Atom(wk::length) {
                return self.set_array_length(obj, v);
            }
        } else if let Some((slot, attrs)) = self.shapes.lookup(Vm::shape_of(c), key) {
            if own && attrs & (WRITABLE | ACCESSOR) == WRITABLE {
                self.set_slot(c, slot, v);
                return Ok(());
            }
        }
        match self.find_property(obj, key) {
            Some(Own::Accessor(_, s, _)) => {
                if key == PropKey::Atom(wk::callee)
                    && s == self.intrinsic(Intrinsic::ThrowTypeError)
                    && Cell::from_value(obj).kind() == Kind::Arguments
                {
                    // V8 reports the poisoned `callee` of strict arguments
                    // as read-only rather than calling the thrower.
                    let shown = super::format::object_tag(self, receiver);
                    return Err(self.type_error(&format!(
                        "Cannot assign to read only property 'callee' of object '{shown}'"
                    )));
                }
                if s.is_undefined() {
                    let k = self.atoms.key_to_string(key);
                    let shown = super::format::object_tag(self, receiver);
                    return Err(self.type_error(&format!(
                        "Cannot set property {k} of {shown} which has only a getter"
                    )));
                }
                self.call(s, receiver, &[v])?;
                Ok(())
            }
            Some(Own::Data(_, attrs)) if attrs & WRITABLE == 0 => {
                let k = self.atoms.key_to_string(key);
                let shown = super::format::object_tag(self, receiver);
                Err(self.type_error(&format!(
                    "Cannot assign to read only property '{k}' of object '{shown}'"
                )))
            }
            _ => {
                if let Some(own) = self.get_own(receiver, key) {
                    // Own writable data property (reached when the fast path
                    // did not apply, e.g. array elements): keep its attributes.
                    return self.define_own(receiver, key, v, own.attrs());
                }
                if Cell::from_value(receiver).flags() & oflags::NOT_EXTENSIBLE != 0 {
                    let k = self.atoms.key_to_string(key);
                    return Err(self.type_error(&format!(
                        "Cannot add property {k}, object is not extensible"
                    )));
                }
                self.define_own(receiver, key, v, shape::DEFAULT_ATTRS)
            }
        }
    }

    /// Sets `length` of an array (truncating or extending with holes).
    pub fn set_array_length(&mut self, arr: Value, v: Value) -> JsResult<()> {
        let n = super::ops::to_number(self, v)?;
        let len = n as u32;
        if len as f64 != n {
            return Err(self.throw_error(super::ErrorKind::RangeError, "Invalid array length"));
        }
        let c = Cell::from_value(arr);
        let old = c.raw(1) as u32;
        if !length_writable(c) {
            return Err(self.type_error(READ_ONLY_LENGTH));
        }
        // Index properties kept in the shape (with attributes): those past
        // the new length go, unless one is non-configurable, which stops
        // the shrink just above it (V8's error names it).
        let mut len = len;
        let mut blocked = None;
        if len < old {
            let shape = Vm::shape_of(c);
            let mut idx: Vec<(u32, u8)> = self
                .shapes
                .keys(shape)
                .filter_map(|(k, _, a)| match k {
                    PropKey::Index(i) if i >= len => Some((i, a)),
                    _ => None,
                })
                .collect();
            idx.sort_by_key(|e| std::cmp::Reverse(e.0));
            for (i, a) in idx {
                if a & CONFIGURABLE == 0 {
                    blocked = Some(i);
                    len = i + 1;
                    break;
                }
                self.delete_property(arr, PropKey::Index(i))?;
            }
            let el = c.get(fixed::ELEMENTS);
            if el.is_cell() {
                let el = Cell::from_value(el);
                for i in len as usize..(old as usize).min(el.nvals()) {
                    el.set(i, Value::EMPTY);
                }
            }
        }
        c.set_raw(1, len as u64);
        match blocked {
            Some(b) => {
                Err(self.type_error(&format!("Cannot delete property '{b}' of [object Array]")))
            }
            None => Ok(()),
        }
    }

    /// Ensures the elements store of `arr` has room for index `i`.
    fn grow_elements(&mut self, arr: Value, need: usize) -> JsResult<Value> {
        let c = Cell::from_value(arr);
        let el = c.get(fixed::ELEMENTS);
        let cap = if el.is_cell() {
            Cell::from_value(el).nvals()
        } else {
            0
        };
        if need <= cap {
            return Ok(arr);
        }
        let new_cap = need.max(cap * 2).max(4);
        let mut keep = [arr];
        let nel = self.alloc_rooted(Kind::Slots, 0, new_cap, 0, &mut keep)?;
        let c = Cell::from_value(keep[0]);
        let old = c.get(fixed::ELEMENTS);
        for i in 0..new_cap {
            nel.set(
                i,
                if i < cap {
                    Cell::from_value(old).get(i)
                } else {
                    Value::EMPTY
                },
            );
        }
        c.set(fixed::ELEMENTS, nel.value());
        Ok(keep[0])
    }

    /// Appends to an array (the fast path of `push` and array literals).
    pub fn array_push(&mut self, arr: Value, v: Value) -> JsResult<()> {
        let len = self.array_len(arr) as usize;
        // Both stay rooted while the elements grow.
        self.handles.push(v);
        let r = self.grow_elements(arr, len + 1);
        let v = self.handles.pop().unwrap();
        let arr = r?;
        let c = Cell::from_value(arr);
        Cell::from_value(c.get(fixed::ELEMENTS)).set(len, v);
        c.set_raw(1, len as u64 + 1);
        Ok(())
    }

    /// Reads element `i` of a dense array quickly (holes and out-of-range
    /// reads return None; callers then take the general path).
    #[inline]
    pub fn array_get_fast(&self, arr: Value, i: u32) -> Option<Value> {
        self.element_ref(Cell::from_value(arr), i)
    }

    // ----- [[DefineOwnProperty]] -----

    /// Creates or overwrites own data property `key` with `attrs`.
    pub fn define_own(&mut self, obj: Value, key: PropKey, v: Value, attrs: u8) -> JsResult<()> {
        let c = Cell::from_value(obj);
        if c.kind() == Kind::Array {
            if let PropKey::Index(i) = key {
                let len = c.raw(1) as u32;
                if i >= len && !length_writable(c) {
                    return Err(self.type_error(READ_ONLY_LENGTH));
                }
                let dense_ok = i < DENSE_LIMIT || i <= len.saturating_mul(8);
                if attrs == shape::DEFAULT_ATTRS
                    && dense_ok
                    && self.shapes.lookup(Vm::shape_of(c), key).is_none()
                {
                    self.handles.push(v);
                    let r = self.grow_elements(obj, i as usize + 1);
                    let v = self.handles.pop().unwrap();
                    let obj = r?;
                    let c = Cell::from_value(obj);
                    Cell::from_value(c.get(fixed::ELEMENTS)).set(i as usize, v);
                    if i >= len {
                        c.set_raw(1, i as u64 + 1);
                    }
                    return Ok(());
                }
            }
            if key == PropKey::Atom(wk::length) {
                return self.set_array_length(obj, v);
            }
            if let PropKey::Index(i) = key {
                // The property leaves the dense store for the shape, which
                // records its attributes; the element becomes a hole there.
                if self.element_ref(c, i).is_some() {
                    Cell::from_value(c.get(fixed::ELEMENTS)).set(i as usize, Value::EMPTY);
                }
                if i >= c.raw(1) as u32 {
                    c.set_raw(1, i as u64 + 1);
                }
            }
        }
        let shape = Vm::shape_of(c);
        if let Some((slot, old)) = self.shapes.lookup(shape, key) {
            if old != attrs {
                self.set_own_attrs(c, key, attrs);
            }
            self.set_slot(c, slot, v);
            return Ok(());
        }
        self.add_property(obj, key, v, attrs)
    }

    /// Changes the attributes of `c`'s own property `key` (making its shape
    /// a dictionary). Every attribute change of an existing property goes
    /// through here or `delete_property` (see `own_property_changed`).
    pub fn set_own_attrs(&mut self, c: Cell, key: PropKey, attrs: u8) {
        let d = self.shapes.to_dictionary(Vm::shape_of(c));
        self.shapes.set_attrs(d, key, attrs);
        c.set_raw(0, d.0 as u64);
        self.own_property_changed(c, key);
    }

    /// `c`'s own property `key` was deleted or changed its attributes: a
    /// global's property cell (`GlobalCell`) is emptied, so JIT code that
    /// reads through it asks its helper again.
    fn own_property_changed(&mut self, c: Cell, key: PropKey) {
        let PropKey::Atom(a) = key else { return };
        // Fault: a redefined or deleted global keeps its cell.
        if crate::faults::Fault::GlobalCacheStale.injected() {
            return;
        }
        if c.value() == self.intrinsic(super::Intrinsic::Global) {
            if let Some(cell) = self.global_cells.get(&a) {
                cell.state.set(0);
            }
        }
    }

    /// Adds a new own property (which must not exist yet).
    pub fn add_property(&mut self, obj: Value, key: PropKey, v: Value, attrs: u8) -> JsResult<()> {
        let c = Cell::from_value(obj);
        let old_shape = Vm::shape_of(c);
        let (new_shape, slot) = self.shapes.add(old_shape, key, attrs);
        let n_inline = self.shapes.get(new_shape).n_inline as u32;
        let mut keep = [obj, v];
        if slot >= n_inline {
            let idx = (slot - n_inline) as usize;
            let ov = c.get(fixed::OVERFLOW);
            let cap = if ov.is_cell() {
                Cell::from_value(ov).nvals()
            } else {
                0
            };
            if idx >= cap {
                let new_cap = (cap * 2).max(4).max(idx + 1);
                let nov = self.alloc_rooted(Kind::Slots, 0, new_cap, 0, &mut keep)?;
                let c = Cell::from_value(keep[0]);
                let ov = c.get(fixed::OVERFLOW);
                for i in 0..cap {
                    nov.set(i, Cell::from_value(ov).get(i));
                }
                c.set(fixed::OVERFLOW, nov.value());
            }
        }
        let c = Cell::from_value(keep[0]);
        c.set_raw(0, new_shape.0 as u64);
        self.set_slot(c, slot, keep[1]);
        Ok(())
    }

    pub fn define_accessor(
        &mut self,
        obj: Value,
        key: PropKey,
        getter: Value,
        setter: Value,
        attrs: u8,
    ) -> JsResult<()> {
        let mut keep = [obj, getter, setter];
        // Merge with an existing accessor's other half (a getter then a setter).
        let (mut g, mut s) = (keep[1], keep[2]);
        if let Some(Own::Accessor(og, os, _)) = self.get_own(obj, key) {
            if g.is_undefined() {
                g = og;
            }
            if s.is_undefined() {
                s = os;
            }
        }
        keep[1] = g;
        keep[2] = s;
        let pair = self.alloc_rooted(Kind::Slots, 0, 2, 0, &mut keep)?;
        pair.set(0, keep[1]);
        pair.set(1, keep[2]);
        let obj = keep[0];
        let c = Cell::from_value(obj);
        let shape = Vm::shape_of(c);
        let attrs = (attrs & !WRITABLE) | ACCESSOR;
        if let Some((slot, old)) = self.shapes.lookup(shape, key) {
            if old != attrs {
                self.set_own_attrs(c, key, attrs);
            }
            self.set_slot(c, slot, pair.value());
            return Ok(());
        }
        self.add_property(obj, key, pair.value(), attrs)
    }

    /// Strict-mode delete: false (and the caller throws) for a
    /// non-configurable property.
    pub fn delete_property(&mut self, obj: Value, key: PropKey) -> JsResult<bool> {
        let c = Cell::from_value(obj);
        if c.kind() == Kind::Array {
            if let PropKey::Index(i) = key {
                if self.element_ref(c, i).is_some() {
                    if c.flags() & FROZEN_ELEMENTS != 0 {
                        return Ok(false);
                    }
                    Cell::from_value(c.get(fixed::ELEMENTS)).set(i as usize, Value::EMPTY);
                    return Ok(true);
                }
            }
            if key == PropKey::Atom(wk::length) {
                return Ok(false);
            }
        }
        let shape = Vm::shape_of(c);
        match self.shapes.lookup(shape, key) {
            None => Ok(true),
            Some((_, attrs)) if attrs & CONFIGURABLE == 0 => Ok(false),
            Some((slot, _)) => {
                self.set_slot(c, slot, Value::UNDEFINED);
                let d = self.shapes.to_dictionary(shape);
                self.shapes.remove(d, key);
                c.set_raw(0, d.0 as u64);
                self.own_property_changed(c, key);
                Ok(true)
            }
        }
    }

    /// Own property keys in ECMAScript order: integer indices ascending, then
    /// strings in insertion order; with their attributes.
    pub fn own_keys(&self, obj: Value) -> Vec<(PropKey, u8)> {
        let c = Cell::from_value(obj);
        let mut idx: Vec<(u32, u8)> = Vec::new();
        let mut named = Vec::new();
        if super::typed::is_typed_kind(c.kind()) {
            idx.extend((0..c.raw(1) as u32).map(|i| (i, shape::DEFAULT_ATTRS)));
        }
        if c.kind() == Kind::Array {
            let len = c.raw(1) as u32;
            let el = c.get(fixed::ELEMENTS);
            if el.is_cell() {
                let el = Cell::from_value(el);
                let a = if c.flags() & FROZEN_ELEMENTS != 0 {
                    ENUMERABLE
                } else {
                    shape::DEFAULT_ATTRS
                };
                for i in 0..(len as usize).min(el.nvals()) {
                    if !el.get(i).is_empty() {
                        idx.push((i as u32, a));
                    }
                }
            }
        }
        let from_elements = idx.len();
        for (k, _, attrs) in self.shapes.keys(Vm::shape_of(c)) {
            match k {
                PropKey::Index(i) => idx.push((i, attrs)),
                PropKey::Atom(_) => named.push((k, attrs)),
            }
        }
        if idx.len() > from_elements {
            idx.sort_by_key(|e| e.0);
        }
        let mut out: Vec<(PropKey, u8)> = idx
            .into_iter()
            .map(|(i, a)| (PropKey::Index(i), a))
            .collect();
        if c.kind() == Kind::Array {
            out.push((
                PropKey::Atom(wk::length),
                if length_writable(c) { WRITABLE } else { 0 },
            ));
        }
        out.extend(named);
        out
    }

    pub fn has_property(&self, obj: Value, key: PropKey) -> bool {
        self.wrapper_char(obj, key).is_some() || self.find_property(obj, key).is_some()
    }

    /// Object.freeze.
    pub fn freeze(&mut self, obj: Value) {
        let c = Cell::from_value(obj);
        let shape = self.shapes.to_dictionary(Vm::shape_of(c));
        c.set_raw(0, shape.0 as u64);
        let keys: Vec<(PropKey, u8)> = self.shapes.keys(shape).map(|(k, _, a)| (k, a)).collect();
        for (k, a) in keys {
            let na = if a & ACCESSOR != 0 {
                a & !CONFIGURABLE
            } else {
                a & !(WRITABLE | CONFIGURABLE)
            };
            self.set_own_attrs(c, k, na);
        }
        let mut f = c.flags() | oflags::NOT_EXTENSIBLE;
        if c.kind() == Kind::Array {
            f |= FROZEN_ELEMENTS;
        }
        c.set_flags(f);
    }

    pub fn is_frozen(&self, obj: Value) -> bool {
        let c = Cell::from_value(obj);
        if c.flags() & oflags::NOT_EXTENSIBLE == 0 {
            return false;
        }
        if c.kind() == Kind::Array && c.flags() & FROZEN_ELEMENTS == 0 && self.array_len(obj) > 0 {
            return false;
        }
        self.shapes
            .keys(Vm::shape_of(c))
            .all(|(_, _, a)| a & CONFIGURABLE == 0 && (a & ACCESSOR != 0 || a & WRITABLE == 0))
    }
}
