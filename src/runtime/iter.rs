//! The iteration protocol as far as the subset has it (for-of, spread,
//! array destructuring), and the other Milestone 2 operations the compiler
//! lowers destructuring and spread to: copying data properties (object
//! spread and rest) and expanding a spread argument array into a call window.
//!
//! Invariants:
//! - An iteration's state is two values, kept in two registers: the
//!   iterated value (an array, a string, a Map's or Set's table, or a
//!   Map/Set iterator object) and the next index as an int32.
//!   The index `DONE` (-1, read as u32::MAX, past every length) marks an
//!   exhausted iteration: once `for_of_next` has said done it keeps saying
//!   so, as the spec's iterator record does (array destructuring calls
//!   next again after the end).
//! - Arrays are read live (an element pushed during the loop is visited),
//!   strings by code point.
//! - Not-iterable errors are worded as V8 words them at that site. The
//!   compiler says how through the text it records for the instruction's pc
//!   (`FuncProto::callee_name`); see [`not_iterable`].

use super::atoms::PropKey;
use super::builtins::object::own_keys_of;
use super::collections::TABLE_OF_SET;
use super::heap::{Cell, Kind};
use super::shape::{DEFAULT_ATTRS, ENUMERABLE};
use super::{format, JsResult, Throw, Value, Vm};
use crate::bytecode::iter_hint as hint;

/// Where an iteration's two state values live (both are roots).
#[derive(Copy, Clone)]
enum State {
    Stack(usize),
    Handles(usize),
}

/// The index of an exhausted iteration.
pub const DONE: i32 = -1;

impl Vm {
    /// Whether `v` can be iterated: arrays, strings, Maps, Sets and their
    /// iterators.
    pub fn is_iterable(&self, v: Value) -> bool {
        self.is_array(v)
            || self.is_string(v)
            || matches!(
                self.kind_of(v),
                Some(
                    Kind::Map
                        | Kind::Set
                        | Kind::CollectionIterator
                        | Kind::Arguments
                        | Kind::Float64Array
                        | Kind::Int32Array
                )
            )
    }

    /// Starts an iteration over `v`: the two state values, or the
    /// not-iterable TypeError worded by `hint` (see `bytecode::iter_hint`).
    /// A Map or Set is iterated through its table directly.
    pub fn iter_start(&mut self, v: Value, hint: Option<&str>) -> JsResult<(Value, Value)> {
        if !self.is_iterable(v) {
            return Err(not_iterable(self, v, hint));
        }
        if self.is_collection(v) {
            return Ok((self.table_of(v), Value::int(0)));
        }
        Ok((v, Value::int(0)))
    }

    /// The next value of the iteration whose state is at `stack[at]` and
    /// `stack[at + 1]`, or `None` when done (and from then on).
    pub fn for_of_next_at(&mut self, at: usize) -> JsResult<Option<Value>> {
        self.iter_step(State::Stack(at))
    }

    fn state(&self, s: State) -> (Value, Value) {
        match s {
            State::Stack(i) => (self.stack[i], self.stack[i + 1]),
            State::Handles(i) => (self.handles[i], self.handles[i + 1]),
        }
    }

    fn set_index(&mut self, s: State, idx: i32) {
        match s {
            State::Stack(i) => self.stack[i + 1] = Value::int(idx),
            State::Handles(i) => self.handles[i + 1] = Value::int(idx),
        }
    }

    /// One step of an iteration whose state is in a root. Every state
    /// update happens before the allocation of the value, if any.
    fn iter_step(&mut self, st: State) -> JsResult<Option<Value>> {
        self.charge(1, "iterate")?;
        let (src, idx) = self.state(st);
        if idx.as_int() == DONE {
            return Ok(None);
        }
        let idx = idx.as_int() as u32;
        match self.kind_of(src) {
            Some(Kind::Array) => {
                if idx >= self.array_len(src) {
                    self.set_index(st, DONE);
                    return Ok(None);
                }
                self.set_index(st, idx as i32 + 1);
                if let Some(v) = self.array_get_fast(src, idx) {
                    return Ok(Some(v));
                }
                return self.get(src, PropKey::Index(idx)).map(Some);
            }
            Some(Kind::Table) => {
                let (t, found) = self.table_next(src, idx as usize);
                match st {
                    State::Stack(i) => self.stack[i] = t,
                    State::Handles(i) => self.handles[i] = t,
                }
                let Some((e, next)) = found else {
                    self.set_index(st, DONE);
                    return Ok(None);
                };
                self.set_index(st, next as i32);
                let (k, v) = self.table_entry(t, e);
                if Cell::from_value(t).flags() & TABLE_OF_SET != 0 {
                    return Ok(Some(k));
                }
                return self.new_array_from(&[k, v]).map(Some);
            }
            Some(Kind::Float64Array | Kind::Int32Array) => {
                if idx >= self.ta_len(src) {
                    self.set_index(st, DONE);
                    return Ok(None);
                }
                self.set_index(st, idx as i32 + 1);
                return Ok(Some(self.ta_get(src, idx)));
            }
            Some(Kind::Arguments) => {
                // Array.prototype.values over an array-like: `length` and
                // the indices read live.
                let len = self.get(src, PropKey::Atom(super::atoms::wk::length))?;
                let len = super::ops::to_number(self, len)?;
                if idx as f64 >= len {
                    self.set_index(st, DONE);
                    return Ok(None);
                }
                self.set_index(st, idx as i32 + 1);
                let (src, _) = self.state(st);
                return self.get(src, PropKey::Index(idx)).map(Some);
            }
            Some(Kind::CollectionIterator) => {
                let r = self.iterator_step(src)?;
                if r.is_none() {
                    self.set_index(st, DONE);
                }
                return Ok(r);
            }
            _ => {}
        }
        // A string: iterate by code point.
        let s = self.flatten(src)?;
        let units = self.flat_units(s);
        let i = idx as usize;
        if i >= units.len() {
            self.set_index(st, DONE);
            return Ok(None);
        }
        let hi = units[i];
        let n = if (0xd800..0xdc00).contains(&hi)
            && i + 1 < units.len()
            && (0xdc00..0xe000).contains(&units[i + 1])
        {
            2
        } else {
            1
        };
        let piece = units[i..i + n].to_vec();
        self.set_index(st, (i + n) as i32);
        self.new_string(&piece).map(Some)
    }

    /// Appends every value `src` iterates to the array `arr` (spread in an
    /// array literal or an argument list).
    pub fn array_extend(&mut self, arr: Value, src: Value, hint: Option<&str>) -> JsResult<()> {
        let (a, b) = self.iter_start(src, hint)?;
        let mark = self.handles.len();
        self.handles.extend([arr, a, b]);
        let r = (|| {
            while let Some(v) = self.iter_step(State::Handles(mark + 1))? {
                self.array_push(self.handles[mark], v)?;
            }
            Ok(())
        })();
        self.handles.truncate(mark);
        r
    }

    /// Calls `f` with each value `src` iterates (constructors taking an
    /// iterable); `f` finds nothing of its own in the handles above `mark`.
    pub fn for_each_iterated(
        &mut self,
        src: Value,
        hint: Option<&str>,
        mut f: impl FnMut(&mut Vm, Value) -> JsResult<()>,
    ) -> JsResult<()> {
        let (a, b) = self.iter_start(src, hint)?;
        let mark = self.handles.len();
        self.handles.extend([a, b]);
        let r = (|| {
            while let Some(v) = self.iter_step(State::Handles(mark))? {
                f(self, v)?;
            }
            Ok(())
        })();
        self.handles.truncate(mark);
        r
    }

    /// Defines on `target` every own enumerable property of `src` (object
    /// spread `{...src}` and rest properties `{a, ...rest}`), skipping the
    /// keys in the array `excluded` (undefined for none). Nullish sources
    /// copy nothing.
    pub fn copy_data_properties(
        &mut self,
        target: Value,
        src: Value,
        excluded: Value,
    ) -> JsResult<()> {
        if src.is_nullish() {
            return Ok(());
        }
        let mut skip = Vec::new();
        if self.is_array(excluded) {
            for i in 0..self.array_len(excluded) {
                let k = self.array_get_fast(excluded, i).unwrap_or(Value::UNDEFINED);
                skip.push(super::ops::to_property_key(self, k)?);
            }
        }
        let mark = self.handles.len();
        self.handles.push(target);
        self.handles.push(src);
        let r = (|| {
            for (k, attrs) in own_keys_of(self, src)? {
                if attrs & ENUMERABLE == 0 || skip.contains(&k) {
                    continue;
                }
                let src = self.handles[mark + 1];
                // A getter may have deleted or hidden a later key.
                if !self.is_string(src) && !self.is_object(src) {
                    // A primitive other than a string has no own properties.
                    return Ok(());
                }
                if self.is_object(src) {
                    match self.get_own(src, k) {
                        Some(own) if own.attrs() & ENUMERABLE != 0 => {}
                        _ => continue,
                    }
                }
                let v = self.get_value(src, k)?;
                self.define_own(self.handles[mark], k, v, DEFAULT_ATTRS)?;
            }
            Ok(())
        })();
        self.handles.truncate(mark);
        r
    }

    /// Expands the spread-argument array at `stack[base + 2]` into the call
    /// window starting there; returns the argument count. The window may grow
    /// past the frame (call windows are at the top of their frame); a window
    /// that does not fit the stack is a stack overflow.
    pub fn spread_window(&mut self, base: usize) -> JsResult<usize> {
        let arr = self.stack[base + 2];
        if !self.is_array(arr) {
            // Only hand-made bytecode gets here: the compiler builds an array.
            return Err(self.type_error("spread arguments are not an array"));
        }
        let n = self.array_len(arr) as usize;
        // Room for the callee's frame too is checked when it is pushed.
        if base + 2 + n + 64 > super::STACK_VALUES {
            return Err(self.throw_error(
                super::ErrorKind::RangeError,
                "Maximum call stack size exceeded",
            ));
        }
        for i in 0..n {
            // Built by NewArray/ArrayPush/ArrayExtend: dense, no holes.
            let v = self
                .array_get_fast(arr, i as u32)
                .unwrap_or(Value::UNDEFINED);
            self.stack[base + 2 + i] = v;
        }
        // The arguments are roots while the callee's frame is set up.
        self.sp = self.sp.max(base + 2 + n);
        Ok(n)
    }

    /// RequireObjectCoercible for object destructuring: the TypeError for a
    /// nullish `v`, from a message template where `%t` is the value shown
    /// as V8 shows it without source text ("undefined", "object null") and
    /// `%v` is "undefined" or "null".
    pub fn require_object(&mut self, v: Value, template: &str) -> JsResult<()> {
        if !v.is_nullish() {
            return Ok(());
        }
        let (t, plain) = if v.is_null() {
            ("object null", "null")
        } else {
            ("undefined", "undefined")
        };
        let msg = template.replace("%t", t).replace("%v", plain);
        Err(self.type_error(&msg))
    }
}

/// The not-iterable TypeError for `v` at a site whose wording is `hint`.
pub fn not_iterable(vm: &mut Vm, v: Value, hint: Option<&str>) -> Throw {
    let mut chars = hint.unwrap_or("").chars();
    let tag = chars.next();
    let text = chars.as_str();
    let msg = match tag {
        Some(hint::NAMED) => format!("{text} is not iterable"),
        Some(hint::MESSAGE) => text.to_string(),
        Some(hint::TYPED) => format!(
            "{} is not iterable (cannot read property Symbol(Symbol.iterator))",
            typed(vm, v)
        ),
        Some(hint::CALL_SPREAD) if v.is_nullish() => {
            let n = if v.is_null() { "null" } else { "undefined" };
            format!("{text} is not iterable (cannot read property {n})")
        }
        Some(hint::CALL_SPREAD) => {
            "Spread syntax requires ...iterable[Symbol.iterator] to be a function".to_string()
        }
        _ => format!("{} is not iterable", format::display_for_error(vm, v)),
    };
    vm.type_error(&msg)
}

/// A value as V8 shows it when it has no source text: its type, and for
/// primitives other than undefined its value ("number 1", "object null").
fn typed(vm: &Vm, v: Value) -> String {
    if v.is_undefined() {
        "undefined".into()
    } else if v.is_null() {
        "object null".into()
    } else if vm.is_callable(v) {
        "function".into()
    } else if vm.is_object(v) {
        "object".into()
    } else if v.is_bool() {
        format!("boolean {}", format::display_for_error(vm, v))
    } else if vm.is_string(v) {
        format!("string {}", format::display_for_error(vm, v))
    } else {
        format!("number {}", format::display_for_error(vm, v))
    }
}
