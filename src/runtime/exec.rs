//! The one definition of each opcode's semantics: functions that take an
//! instruction's operands as values (and the frame where an opcode is about
//! the frame: contexts, call windows, iteration state), called by the
//! interpreter's arm, by the baseline tier's helper, and by the optimizing
//! tier's slow paths. `runtime::ops` defines the operators; this module
//! defines the instructions on top of them, including the type feedback
//! each records.
//!
//! Invariants:
//! - Every tier executes an instruction that has no inline fast path by
//!   calling the function here, so a tier can only differ from the
//!   interpreter in its fast paths (which the harness checks).
//! - A function that allocates before it uses a value operand again keeps
//!   that operand rooted (`vm.handles`) across the allocation: callers may
//!   pass values that live nowhere else (machine registers, for tier 2).
//! - Feedback is recorded before the operation runs (so a throwing
//!   operation still records what it saw), as the interpreter always has.
//! - JIT-only observations (inline caches) are made through [`PropIc`],
//!   whose default does nothing: the interpreter passes `&mut ()`.

use crate::bytecode::{feedback as fbk, Const, FuncKind, FuncProto};
use crate::runtime::atoms::{array_index, wk, Atom, PropKey};
use crate::runtime::heap::{Cell, Kind};
use crate::runtime::ops::{self, BinOp, CmpOp};
use crate::runtime::shape::{self, ACCESSOR, WRITABLE};
use crate::runtime::{fixed, oflags, ErrorKind, Intrinsic, JsResult, Throw, Value, Vm};
use std::cell::Cell as StdCell;

// ----- what the frame-level instructions share -----

impl Vm {
    pub fn run_field_init(&mut self, callee: Value, this: Value) -> JsResult<()> {
        let init = Cell::from_value(callee).get(fixed::FN_FIELDS);
        if self.is_callable(init) {
            self.call(init, this, &[])?;
        }
        Ok(())
    }

    // ----- helpers used by the loop -----

    /// The atom and (if index-like) index of string constant `k` of `p`.
    #[inline]
    pub fn const_atom(&mut self, p: &FuncProto, k: u16) -> (Atom, Option<u32>) {
        let cell = &p.const_atoms[k as usize];
        let v = cell.get();
        if v != 0 {
            let idx = (v >> 32) as u32;
            return (
                Atom((v as u32) - 1),
                if idx == 0 { None } else { Some(idx - 1) },
            );
        }
        let Const::Str(s) = &p.consts[k as usize] else {
            unreachable!("verifier: name operands are strings")
        };
        let a = self.atoms.intern(s);
        let idx = array_index(s);
        cell.set((a.0 as u64 + 1) | (idx.map_or(0, |i| i as u64 + 1) << 32));
        (a, idx)
    }

    #[inline]
    pub fn const_key(&mut self, p: &FuncProto, k: u16) -> PropKey {
        match self.const_atom(p, k) {
            (_, Some(i)) => PropKey::Index(i),
            (a, None) => PropKey::Atom(a),
        }
    }

    pub fn const_name(&mut self, p: &FuncProto, k: u16) -> String {
        let (a, _) = self.const_atom(p, k);
        self.atoms.to_string(a)
    }

    pub fn ctx_at(&self, depth: u16) -> Cell {
        let mut c = Cell::from_value(self.frames.last().unwrap().ctx);
        for _ in 0..depth {
            c = Cell::from_value(c.get(0));
        }
        c
    }

    pub fn new_env(&mut self, parent: Value, n: usize) -> JsResult<Value> {
        let mut keep = [parent];
        let c = self.alloc_rooted(Kind::Env, 0, 1 + n, 0, &mut keep)?;
        c.set(0, keep[0]);
        for i in 0..n {
            c.set(1 + i, Value::EMPTY);
        }
        Ok(c.value())
    }

    pub fn get_global(&mut self, key: PropKey) -> JsResult<Option<Value>> {
        let g = self.intrinsic(Intrinsic::Global);
        if self.find_property(g, key).is_none() {
            return Ok(None);
        }
        self.get(g, key).map(Some)
    }

    /// GetValue for `obj[key]` with a value key.
    pub fn get_elem(&mut self, obj: Value, key: Value) -> JsResult<Value> {
        if key.is_int() && key.as_int() >= 0 {
            if self.is_array(obj) {
                if let Some(v) = self.array_get_fast(obj, key.as_int() as u32) {
                    return Ok(v);
                }
            }
            if self.is_typed_array(obj) {
                let i = key.as_int() as u32;
                return Ok(if i < self.ta_len(obj) {
                    self.ta_get(obj, i)
                } else {
                    Value::UNDEFINED
                });
            }
            return self.get_value(obj, PropKey::Index(key.as_int() as u32));
        }
        if obj.is_nullish() {
            let k = crate::runtime::format::display_primitive(self, key);
            let what = if obj.is_null() { "null" } else { "undefined" };
            return Err(
                self.type_error(&format!("Cannot read properties of {what} (reading '{k}')"))
            );
        }
        self.handles.push(obj);
        let k = ops::to_property_key(self, key);
        let obj = self.handles.pop().unwrap();
        self.get_value(obj, k?)
    }

    pub fn set_elem(&mut self, obj: Value, key: Value, v: Value) -> JsResult<()> {
        if key.is_int() && key.as_int() >= 0 {
            return self.set_value(obj, PropKey::Index(key.as_int() as u32), v);
        }
        if obj.is_nullish() {
            let k = crate::runtime::format::display_primitive(self, key);
            let what = if obj.is_null() { "null" } else { "undefined" };
            return Err(
                self.type_error(&format!("Cannot set properties of {what} (setting '{k}')"))
            );
        }
        self.handles.push(obj);
        self.handles.push(v);
        let k = ops::to_property_key(self, key);
        let v = self.handles.pop().unwrap();
        let obj = self.handles.pop().unwrap();
        self.set_value(obj, k?, v)
    }

    pub fn delete(&mut self, obj: Value, key: PropKey) -> JsResult<Value> {
        if !self.is_object(obj) {
            if obj.is_nullish() {
                let k = self.atoms.key_to_string(key);
                let what = if obj.is_null() { "null" } else { "undefined" };
                return Err(self.type_error(&format!(
                    "Cannot convert undefined or null to object (deleting '{k}' of {what})"
                )));
            }
            return Ok(Value::TRUE);
        }
        if self.delete_property(obj, key)? {
            Ok(Value::TRUE)
        } else {
            let k = self.atoms.key_to_string(key);
            let shown = crate::runtime::format::object_tag(self, obj);
            Err(self.type_error(&format!("Cannot delete property '{k}' of {shown}")))
        }
    }

    /// Enumerable string keys of `obj` and its prototypes (for-in order).
    pub fn for_in_keys(&mut self, obj: Value) -> JsResult<Value> {
        let mut keys: Vec<PropKey> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        if self.is_string(obj) {
            for i in 0..self.string_len(obj) {
                keys.push(PropKey::Index(i as u32));
            }
        } else if self.is_object(obj) {
            let mut o = obj;
            while o.is_cell() {
                let own = self.own_keys(o);
                // A step per object of the chain and per key: a loop that
                // grows a prototype chain and enumerates it is quadratic.
                self.charge(1 + own.len() as u64, "for-in")?;
                for (k, attrs) in own {
                    if seen.insert(k) && attrs & shape::ENUMERABLE != 0 {
                        keys.push(k);
                    }
                }
                o = self.proto_of(o);
            }
        }
        let arr = self.new_array(0)?;
        self.handles.push(arr);
        for k in keys {
            let s = match self.key_string(k) {
                Ok(s) => s,
                Err(t) => {
                    self.handles.pop();
                    return Err(t);
                }
            };
            let arr = *self.handles.last().unwrap();
            if let Err(t) = self.array_push(arr, s) {
                self.handles.pop();
                return Err(t);
            }
        }
        Ok(self.handles.pop().unwrap())
    }

    pub fn class_define(&mut self, ctor: Value, parent: Value) -> JsResult<Value> {
        let (proto_parent, ctor_parent) = if parent.is_empty() {
            (
                self.intrinsic(Intrinsic::ObjectPrototype),
                self.intrinsic(Intrinsic::FunctionPrototype),
            )
        } else if parent.is_null() {
            (Value::NULL, self.intrinsic(Intrinsic::FunctionPrototype))
        } else if self.is_constructor(parent) {
            self.handles.push(ctor);
            self.handles.push(parent);
            let pp = self.get(parent, PropKey::Atom(wk::prototype));
            let parent = self.handles.pop().unwrap();
            self.handles.pop();
            let pp = pp?;
            if !self.is_object(pp) && !pp.is_null() {
                let shown = crate::runtime::format::display_for_error(self, pp);
                return Err(self.type_error(&format!(
                    "Class extends value does not have valid prototype property {shown}"
                )));
            }
            (pp, parent)
        } else {
            let shown = crate::runtime::format::display_for_error(self, parent);
            return Err(self.type_error(&format!(
                "Class extends value {shown} is not a constructor or null"
            )));
        };
        self.handles.push(ctor);
        self.handles.push(ctor_parent);
        let r = (|| {
            let proto = self.new_object(proto_parent)?;
            self.handles.push(proto);
            let ctor = self.handles[self.handles.len() - 3];
            self.define_own(
                proto,
                PropKey::Atom(wk::constructor),
                ctor,
                shape::METHOD_ATTRS,
            )?;
            let proto = self.handles.pop().unwrap();
            let ctor = self.handles[self.handles.len() - 2];
            // The constructor's `super.x` looks up the prototype's parent.
            self.set_home(ctor, proto);
            self.define_own(ctor, PropKey::Atom(wk::prototype), proto, 0)?;
            Ok(())
        })();
        let ctor_parent = self.handles.pop().unwrap();
        let ctor = self.handles.pop().unwrap();
        r?;
        Cell::from_value(ctor).set(fixed::PROTO, ctor_parent);
        Ok(ctor)
    }

    /// `super[key] = src` in the frame at `fp`: [[Set]] on the home
    /// object's prototype with `this` as the receiver (read after the key
    /// is converted, as in node v20); a null prototype is V8's "Cannot set
    /// properties of null". A primitive `this`
    /// cannot receive the property (strict mode: TypeError, as V8 says it).
    pub fn set_super(&mut self, fp: usize, key: u16, src: u16) -> JsResult<()> {
        let k = ops::to_property_key(self, self.stack[fp + key as usize])?;
        let home = Cell::from_value(self.stack[fp]).get(fixed::FN_HOME);
        let has_home = self.is_object(home);
        let base = if has_home {
            self.proto_of(home)
        } else {
            Value::UNDEFINED
        };
        let v = self.stack[fp + src as usize];
        if has_home && !base.is_cell() {
            return self.set_value(base, k, v);
        }
        let this = self.stack[fp + 1];
        if !self.is_object(this) {
            let name = self.atoms.key_to_string(k);
            let shown = crate::runtime::format::display_primitive(self, this);
            let tn = ops::type_name(self, this);
            return Err(self.type_error(&format!(
                "Cannot assign to read only property '{name}' of {tn} '{shown}'"
            )));
        }
        if has_home {
            self.set_on_object(base, k, v, this)
        } else {
            self.set_value(this, k, v)
        }
    }

    /// Attaches the instance-field initialiser: its `super` is the
    /// class's prototype's prototype, like the instance methods'.
    pub fn set_field_init(&mut self, ctor: Value, init: Value) {
        Cell::from_value(ctor).set(fixed::FN_FIELDS, init);
        let home = match self.get_own(ctor, PropKey::Atom(wk::prototype)) {
            Some(crate::runtime::object::Own::Data(p, _)) if self.is_object(p) => p,
            _ => ctor,
        };
        self.set_home(init, home);
    }

    /// Sets a closure's home object (`super`); anything but a function
    /// closure and an object home is ignored (hand-made bytecode).
    pub fn set_home(&self, f: Value, home: Value) {
        if self.kind_of(f) == Some(Kind::Function) && self.is_object(home) {
            Cell::from_value(f).set(fixed::FN_HOME, home);
        }
    }

    /// The next for-of value of the iterator in `iter`/`iter + 1`, if any
    /// (`runtime::iter`).
    pub fn for_of_next(&mut self, fp: usize, iter: u16) -> JsResult<Option<Value>> {
        self.for_of_next_at(fp + iter as usize)
    }

    pub fn not_callable(&mut self, p: &FuncProto, pc: usize, f: Value, what: &str) -> Throw {
        let shown = match p.callee_name(pc) {
            Some(n) => n.to_string(),
            None => crate::runtime::format::display_for_error(self, f),
        };
        self.type_error(&format!("{shown} is not a {what}"))
    }
}

// ----- type feedback -----

/// The operand-kind bit of `v` for arithmetic and comparison feedback.
#[inline]
pub fn kind_bit(vm: &Vm, v: Value) -> u64 {
    if v.is_int() {
        fbk::SAW_INT
    } else if v.is_number() {
        fbk::SAW_DOUBLE
    } else if vm.is_string(v) {
        fbk::SAW_STRING
    } else {
        fbk::SAW_OTHER
    }
}

/// ORs `bits` into a feedback cell, writing only when something is new
/// (JIT code tests before it writes, so the interpreter does the same).
#[inline]
pub fn record(fb: &StdCell<u64>, bits: u64) {
    let c = fb.get();
    if c | bits != c {
        fb.set(c | bits);
    }
}

// ----- arithmetic, comparison, unary -----

/// `add`: int32 without overflow, else `ops::add` (numbers, strings,
/// ToPrimitive).
#[inline]
pub fn add(vm: &mut Vm, fb: &StdCell<u64>, x: Value, y: Value) -> JsResult<Value> {
    if x.is_int() && y.is_int() {
        if let Some(s) = x.as_int().checked_add(y.as_int()) {
            record(fb, fbk::SAW_INT);
            return Ok(Value::int(s));
        }
        record(fb, fbk::SAW_INT | fbk::SAW_OVERFLOW);
    } else {
        record(fb, kind_bit(vm, x) | kind_bit(vm, y));
    }
    ops::add(vm, x, y)
}

/// The other binary arithmetic and bitwise instructions.
#[inline]
pub fn binop(vm: &mut Vm, fb: &StdCell<u64>, op: BinOp, x: Value, y: Value) -> JsResult<Value> {
    if x.is_int() && y.is_int() {
        if let Some(v) = ops::arith_int(op, x.as_int(), y.as_int()) {
            record(fb, fbk::SAW_INT);
            return Ok(v);
        }
        record(fb, fbk::SAW_INT | fbk::SAW_OVERFLOW);
    } else {
        record(fb, kind_bit(vm, x) | kind_bit(vm, y));
    }
    ops::arith(vm, op, x, y)
}

/// `lt`, `le`, `gt`, `ge`.
#[inline]
pub fn compare(vm: &mut Vm, fb: &StdCell<u64>, op: CmpOp, x: Value, y: Value) -> JsResult<bool> {
    if x.is_int() && y.is_int() {
        record(fb, fbk::SAW_INT);
        let (i, j) = (x.as_int(), y.as_int());
        return Ok(match op {
            CmpOp::Lt => i < j,
            CmpOp::Le => i <= j,
            CmpOp::Gt => i > j,
            CmpOp::Ge => i >= j,
        });
    }
    record(fb, kind_bit(vm, x) | kind_bit(vm, y));
    ops::compare(vm, op, x, y)
}

/// `eq` (`ne` negates it).
pub fn loose_equals(vm: &mut Vm, fb: &StdCell<u64>, x: Value, y: Value) -> JsResult<bool> {
    record(fb, kind_bit(vm, x) | kind_bit(vm, y));
    ops::loose_equals(vm, x, y)
}

/// `stricteq` (`strictne` negates it).
#[inline]
pub fn strict_equals(vm: &mut Vm, fb: &StdCell<u64>, x: Value, y: Value) -> bool {
    record(fb, kind_bit(vm, x) | kind_bit(vm, y));
    ops::strict_equals(vm, x, y)
}

/// `instanceof`.
pub fn instance_of(vm: &mut Vm, fb: &StdCell<u64>, x: Value, y: Value) -> JsResult<bool> {
    record(fb, fbk::SAW_OTHER);
    ops::instance_of(vm, x, y)
}

/// `neg`.
pub fn neg(vm: &mut Vm, fb: &StdCell<u64>, x: Value) -> JsResult<Value> {
    if x.is_int() && x.as_int() != 0 && x.as_int() != i32::MIN {
        record(fb, fbk::SAW_INT);
        return Ok(Value::int(-x.as_int()));
    }
    record(fb, kind_bit(vm, x));
    Ok(Value::number(-ops::to_number(vm, x)?))
}

/// `inc` (`delta` 1) and `dec` (`delta` -1).
#[inline]
pub fn inc_dec(vm: &mut Vm, fb: &StdCell<u64>, x: Value, delta: i32) -> JsResult<Value> {
    if x.is_int() {
        if let Some(v) = x.as_int().checked_add(delta) {
            record(fb, fbk::SAW_INT);
            return Ok(Value::int(v));
        }
    }
    record(fb, kind_bit(vm, x));
    Ok(Value::number(ops::to_number(vm, x)? + delta as f64))
}

/// `bitnot`.
pub fn bit_not(vm: &mut Vm, fb: &StdCell<u64>, x: Value) -> JsResult<Value> {
    record(fb, kind_bit(vm, x));
    Ok(Value::int(!ops::to_int32(vm, x)?))
}

/// `tonumber` (ToNumeric).
#[inline]
pub fn to_numeric(vm: &mut Vm, x: Value) -> JsResult<Value> {
    if x.is_number() {
        Ok(x)
    } else {
        Ok(Value::number(ops::to_number(vm, x)?))
    }
}

/// `typeof`.
pub fn type_of(vm: &mut Vm, x: Value) -> JsResult<Value> {
    ops::type_of_string(vm, x)
}

/// The condition of `jmptrue`/`jmpfalse`.
#[inline]
pub fn truthy(vm: &Vm, v: Value) -> bool {
    if v.is_bool() {
        v.as_bool()
    } else {
        ops::to_boolean(vm, v)
    }
}

/// `loop`: spends one unit of fuel and counts the back edge; returns the
/// new back-edge count (the tier policy's OSR trigger).
#[inline]
pub fn loop_edge(vm: &mut Vm, p: &FuncProto) -> JsResult<u32> {
    if vm.fuel <= 1 {
        vm.fuel = 0;
        return Err(Throw::OutOfFuel);
    }
    vm.fuel -= 1;
    let n = p.jit.loop_count.get().wrapping_add(1);
    p.jit.loop_count.set(n);
    Ok(n)
}

// ----- globals, TDZ, contexts -----

fn not_defined(vm: &mut Vm, p: &FuncProto, name: u16) -> Throw {
    let n = vm.const_name(p, name);
    vm.throw_error(ErrorKind::ReferenceError, &format!("{n} is not defined"))
}

/// `getglobal`: a ReferenceError when the global does not exist.
pub fn get_global(vm: &mut Vm, p: &FuncProto, name: u16) -> JsResult<Value> {
    let key = vm.const_key(p, name);
    match vm.get_global(key)? {
        Some(v) => Ok(v),
        None => Err(not_defined(vm, p, name)),
    }
}

/// `getglobalorundef` (`typeof x` of an undeclared global).
pub fn get_global_or_undef(vm: &mut Vm, p: &FuncProto, name: u16) -> JsResult<Value> {
    let key = vm.const_key(p, name);
    Ok(vm.get_global(key)?.unwrap_or(Value::UNDEFINED))
}

/// `setglobal`: strict mode, so assigning an undeclared global throws.
pub fn set_global(vm: &mut Vm, p: &FuncProto, name: u16, v: Value) -> JsResult<()> {
    let key = vm.const_key(p, name);
    let g = vm.intrinsic(Intrinsic::Global);
    if vm.find_property(g, key).is_none() {
        return Err(not_defined(vm, p, name));
    }
    vm.set_value(g, key, v)
}

/// `checktdz`: the hole means the binding is not initialised yet.
#[inline]
pub fn check_tdz(vm: &mut Vm, p: &FuncProto, v: Value, name: u16) -> JsResult<()> {
    if !v.is_empty() {
        return Ok(());
    }
    let n = vm.const_name(p, name);
    // `this` is a hole in a derived constructor before super().
    let msg = if n == "this" {
        "Must call super constructor in derived class before accessing 'this' or returning from derived constructor".to_string()
    } else {
        format!("Cannot access '{n}' before initialization")
    };
    Err(vm.throw_error(ErrorKind::ReferenceError, &msg))
}

/// `throwconstassign`.
pub fn throw_const_assign(vm: &mut Vm) -> Throw {
    vm.type_error("Assignment to constant variable.")
}

/// `pushctx`: the top frame enters a new context of `n` slots.
pub fn push_ctx(vm: &mut Vm, n: u16) -> JsResult<()> {
    let parent = vm.frames.last().unwrap().ctx;
    let env = vm.new_env(parent, n as usize)?;
    vm.frames.last_mut().unwrap().ctx = env;
    Ok(())
}

/// `popctx`.
pub fn pop_ctx(vm: &mut Vm) {
    let f = vm.frames.last_mut().unwrap();
    f.ctx = Cell::from_value(f.ctx).get(0);
}

/// `copyctx`: a fresh copy of the top frame's context (per-iteration
/// `let` bindings).
pub fn copy_ctx(vm: &mut Vm) -> JsResult<()> {
    let old = vm.frames.last().unwrap().ctx;
    let n = Cell::from_value(old).nvals() - 1;
    let parent = Cell::from_value(old).get(0);
    let env = vm.new_env(parent, n)?;
    // Re-read: the allocation may have moved the old context.
    let old = Cell::from_value(vm.frames.last().unwrap().ctx);
    for i in 1..=n {
        Cell::from_value(env).set(i, old.get(i));
    }
    vm.frames.last_mut().unwrap().ctx = env;
    Ok(())
}

// ----- properties and elements -----

/// What a JIT tier learns from a property access's slow path, to fill its
/// own caches (the interpreter passes `&mut ()`: its cache is the feedback
/// cell, filled here).
pub trait PropIc {
    /// Fault injection: the monomorphic check takes the cached slot
    /// without comparing the shape (a JIT bug; never in the interpreter).
    fn skip_shape_check(&self) -> bool {
        false
    }
    /// A keyed site (GetElem/SetElem) is about to access property `key`
    /// of an object: whether it wants the reports below for it.
    fn keyed(&mut self, _vm: &Vm, _key: PropKey) -> bool {
        false
    }
    /// After `keyed` accepted a key: the value the cache proves a get of
    /// it on `o` reads (no lookup), if it does.
    fn cached_load(&mut self, _vm: &Vm, _o: Value) -> Option<Value> {
        None
    }
    /// After `keyed` accepted a key: stores `v` to `o` when the cache
    /// proves where a set puts it and that no allocation is needed.
    fn cached_store(&mut self, _vm: &Vm, _o: Value, _v: Value) -> bool {
        false
    }
    /// `c` has its own data property in `slot` at the site (get or set).
    fn own(&mut self, _vm: &mut Vm, _c: Cell, _slot: u32) {}
    /// A get found `key` not own on `c` (a prototype's property may be).
    fn not_own(&mut self, _vm: &mut Vm, _c: Cell, _key: PropKey) {}
    /// The getter the site cached for receiver `o`, if its cache still
    /// proves that [[Get]] would call it, and the `this` to call it with
    /// (`o`; only an injected fault passes another).
    fn cached_getter(&mut self, _vm: &Vm, _o: Value) -> Option<(Value, Value)> {
        None
    }
    /// A get of `key` on `o`, which is not an object.
    fn primitive(&mut self, _vm: &mut Vm, _o: Value, _key: PropKey) {}
    /// A set of `key` on object `o`, which lacks it as an own property (the
    /// store may add it): whether to report the result with `added`.
    fn may_add(&mut self, _vm: &Vm, _o: Value, _key: PropKey) -> bool {
        false
    }
    /// After the store `may_add` accepted: `o` as it is now.
    fn added(&mut self, _vm: &Vm, _o: Value, _key: PropKey) {}
}

impl PropIc for () {}

/// The feedback word of a monomorphic own-property site: (shape + 1, slot).
#[inline]
fn mono(sid: u32, slot: u32) -> u64 {
    ((sid as u64 + 1) << 32) | slot as u64
}

/// Records (shape, slot) at a property site: monomorphic until a second
/// pair is seen, then megamorphic for good.
#[inline]
fn record_mono(fb: &StdCell<u64>, e: u64) {
    let cached = fb.get();
    fb.set(if cached == 0 || cached == e {
        e
    } else {
        fbk::MEGA
    });
}

/// The slot the site's monomorphic feedback names for `o`, if it holds.
#[inline]
fn mono_hit(fb: &StdCell<u64>, o: Value, skip_shape: bool) -> Option<(Cell, u32, bool)> {
    let cached = fb.get();
    if !o.is_cell() || cached == 0 || cached == fbk::MEGA {
        return None;
    }
    let c = Cell::from_value(o);
    let shape_ok = (cached >> 32) == c.raw(0) + 1;
    (c.kind().is_object() && (shape_ok || skip_shape)).then_some((c, cached as u32, shape_ok))
}

/// `getprop obj.name`.
#[inline]
pub fn get_prop(
    vm: &mut Vm,
    p: &FuncProto,
    fb: u16,
    o: Value,
    name: u16,
    ic: &mut impl PropIc,
) -> JsResult<Value> {
    let cell = &p.feedback[fb as usize];
    if let Some((c, slot, shape_ok)) = mono_hit(cell, o, ic.skip_shape_check()) {
        if shape_ok {
            ic.own(vm, c, slot);
        }
        return Ok(vm.get_slot(c, slot));
    }
    if let Some((g, this)) = ic.cached_getter(vm, o) {
        return vm.call(g, this, &[]);
    }
    let key = vm.const_key(p, name);
    if vm.is_object(o) {
        let c = Cell::from_value(o);
        let sid = Vm::shape_of(c);
        if let Some((slot, attrs)) = vm.shapes.lookup(sid, key) {
            if attrs & ACCESSOR == 0 && !vm.shapes.get(sid).dictionary {
                record_mono(cell, mono(sid.0, slot));
                ic.own(vm, c, slot);
            }
        } else {
            ic.not_own(vm, c, key);
        }
    } else {
        ic.primitive(vm, o, key);
    }
    vm.get_value(o, key)
}

/// `setprop obj.name = v`.
#[inline]
pub fn set_prop(
    vm: &mut Vm,
    p: &FuncProto,
    fb: u16,
    o: Value,
    name: u16,
    v: Value,
    ic: &mut impl PropIc,
) -> JsResult<()> {
    let cell = &p.feedback[fb as usize];
    if let Some((c, slot, true)) = mono_hit(cell, o, false) {
        ic.own(vm, c, slot);
        vm.set_slot(c, slot, v);
        return Ok(());
    }
    let key = vm.const_key(p, name);
    if vm.is_object(o) {
        return set_reporting(vm, o, key, v, ic, Some(cell));
    }
    vm.set_value(o, key, v)
}

/// [[Set]] of `key` on object `o`, reporting to `ic` what the store finds:
/// an own writable data property of a shared shape (`ic.own`, and the
/// interpreter's monomorphic feedback in `mono`), or a missing one that
/// the store may add (`may_add`, then `added`).
fn set_reporting(
    vm: &mut Vm,
    o: Value,
    key: PropKey,
    v: Value,
    ic: &mut impl PropIc,
    mono_fb: Option<&StdCell<u64>>,
) -> JsResult<()> {
    let c = Cell::from_value(o);
    let sid = Vm::shape_of(c);
    if let Some((slot, attrs)) = vm.shapes.lookup(sid, key) {
        if attrs & (ACCESSOR | WRITABLE) == WRITABLE && !vm.shapes.get(sid).dictionary {
            if let Some(cell) = mono_fb {
                record_mono(cell, mono(sid.0, slot));
            }
            ic.own(vm, c, slot);
        }
    } else if ic.may_add(vm, o, key) {
        // `o` stays rooted across the store, which may allocate.
        vm.handles.push(o);
        let r = vm.set_value(o, key, v);
        let o = vm.handles.pop().unwrap();
        r?;
        ic.added(vm, o, key);
        return Ok(());
    }
    vm.set_value(o, key, v)
}

/// `getelem obj[key]`: dense arrays directly, the rest through the
/// property model.
#[inline]
pub fn get_elem(vm: &mut Vm, fb: &StdCell<u64>, o: Value, k: Value) -> JsResult<Value> {
    get_elem_ic(vm, fb, o, k, &mut ())
}

/// `get_elem` reporting a string key's lookup on an object to `ic` as
/// `get_prop` does (a JIT's keyed cache).
#[inline]
pub fn get_elem_ic(
    vm: &mut Vm,
    fb: &StdCell<u64>,
    o: Value,
    k: Value,
    ic: &mut impl PropIc,
) -> JsResult<Value> {
    if k.is_int() && o.is_cell() && k.as_int() >= 0 && vm.is_array(o) {
        if let Some(v) = vm.array_get_fast(o, k.as_int() as u32) {
            record(fb, fbk::SAW_INT);
            return Ok(v);
        }
    }
    if k.is_int() && vm.is_typed_array(o) && (k.as_int() as u32) < vm.ta_len(o) {
        record(fb, fbk::SAW_TYPED);
        return Ok(vm.ta_get(o, k.as_int() as u32));
    }
    // A unit of a string (tier 2 reads it inline when a site saw only
    // these: `StrCharAt`).
    let unit = k.is_int() && vm.is_string(o) && (k.as_int() as u32 as usize) < vm.string_len(o);
    record(
        fb,
        if unit {
            fbk::SAW_STRING
        } else {
            fbk::SAW_OTHER
        },
    );
    // `vm.get_elem` of a string key (converted without allocating) on an
    // object is `get_value`.
    if vm.is_object(o) && vm.is_string(k) {
        let key = vm.string_key(k);
        if ic.keyed(vm, key) {
            if let Some(v) = ic.cached_load(vm, o) {
                return Ok(v);
            }
            if let Some((g, this)) = ic.cached_getter(vm, o) {
                return vm.call(g, this, &[]);
            }
            let c = Cell::from_value(o);
            let sid = Vm::shape_of(c);
            match vm.shapes.lookup(sid, key) {
                Some((slot, attrs)) => {
                    if attrs & ACCESSOR == 0 && !vm.shapes.get(sid).dictionary {
                        ic.own(vm, c, slot);
                    }
                }
                None => ic.not_own(vm, c, key),
            }
        }
        return vm.get_value(o, key);
    }
    vm.get_elem(o, k)
}

/// `setelem obj[key] = v`: an existing element of a dense, unfrozen array
/// directly (holes and appends go the general way).
#[inline]
pub fn set_elem(vm: &mut Vm, fb: &StdCell<u64>, o: Value, k: Value, v: Value) -> JsResult<()> {
    set_elem_ic(vm, fb, o, k, v, &mut ())
}

/// `set_elem` reporting a string key's store on an object to `ic` as
/// `set_prop` does (a JIT's keyed cache).
#[inline]
pub fn set_elem_ic(
    vm: &mut Vm,
    fb: &StdCell<u64>,
    o: Value,
    k: Value,
    v: Value,
    ic: &mut impl PropIc,
) -> JsResult<()> {
    if k.is_int() && o.is_cell() && k.as_int() >= 0 && vm.is_array(o) {
        let c = Cell::from_value(o);
        let i = k.as_int() as usize;
        let el = c.get(fixed::ELEMENTS);
        if c.flags() & crate::runtime::object::FROZEN_ELEMENTS == 0
            && i < c.raw(1) as usize
            && el.is_cell()
            && i < Cell::from_value(el).nvals()
            && !Cell::from_value(el).get(i).is_empty()
        {
            record(fb, fbk::SAW_INT);
            Cell::from_value(el).set(i, v);
            return Ok(());
        }
    }
    if k.is_int() && v.is_number() && vm.is_typed_array(o) && (k.as_int() as u32) < vm.ta_len(o) {
        record(fb, fbk::SAW_TYPED);
        vm.ta_store(o, k.as_int() as u32, v.as_number());
        return Ok(());
    }
    record(fb, fbk::SAW_OTHER);
    // `vm.set_elem` of a string key on an object is `set_value`.
    if vm.is_object(o) && vm.is_string(k) {
        let key = vm.string_key(k);
        if !ic.keyed(vm, key) {
            return vm.set_value(o, key, v);
        }
        if ic.cached_store(vm, o, v) {
            return Ok(());
        }
        return set_reporting(vm, o, key, v, ic, None);
    }
    vm.set_elem(o, k, v)
}

/// `delprop`.
pub fn del_prop(vm: &mut Vm, p: &FuncProto, o: Value, name: u16) -> JsResult<Value> {
    let key = vm.const_key(p, name);
    vm.delete(o, key)
}

/// `delelem`.
pub fn del_elem(vm: &mut Vm, o: Value, k: Value) -> JsResult<Value> {
    // The conversion may allocate (and move `o`).
    let (k, o) = crate::runtime::builtins::keep(vm, o, |vm| ops::to_property_key(vm, k))?;
    vm.delete(o, k)
}

/// `topropkey`: an object key converted to a primitive (hint string) once;
/// primitives convert later without side effects.
pub fn to_prop_key(vm: &mut Vm, v: Value) -> JsResult<Value> {
    ops::to_primitive(vm, v, ops::Hint::String)
}

/// `getsuper`: `super[key]` in a method whose function object is
/// `callee`, with receiver `this`.
pub fn get_super(vm: &mut Vm, callee: Value, this: Value, key: Value) -> JsResult<Value> {
    // The key is converted before the home object's prototype is read, as
    // in node v20 (newer editions read the prototype first).
    let (k, callee, this) = keep2(vm, callee, this, |vm| ops::to_property_key(vm, key))?;
    let home = Cell::from_value(callee).get(fixed::FN_HOME);
    if !vm.is_object(home) {
        return Ok(Value::UNDEFINED);
    }
    let base = vm.proto_of(home);
    if base.is_cell() {
        vm.get_with_receiver(base, k, this)
    } else {
        // null: V8's "Cannot read properties of null (reading 'k')"
        vm.get_value(base, k)
    }
}

/// Runs `f` with `a` and `b` rooted; returns its result and both values
/// as the collector left them.
fn keep2<T>(
    vm: &mut Vm,
    a: Value,
    b: Value,
    f: impl FnOnce(&mut Vm) -> JsResult<T>,
) -> JsResult<(T, Value, Value)> {
    crate::runtime::builtins::scoped(vm, |vm, mark| {
        vm.handles.push(a);
        vm.handles.push(b);
        let t = f(vm)?;
        Ok((t, vm.handles[mark], vm.handles[mark + 1]))
    })
}

/// `setproto` (object literal `__proto__: v`): objects and null only.
pub fn set_proto(vm: &mut Vm, o: Value, v: Value) {
    if vm.is_object(v) || v.is_null() {
        Cell::from_value(o).set(fixed::PROTO, v);
    }
}

/// `arrayhole` (an elision in an array literal).
pub fn array_hole(vm: &mut Vm, a: Value) {
    let len = vm.array_len(a);
    Cell::from_value(a).set_raw(1, len as u64 + 1);
}

/// `definefield`: an own data property (object literals, class fields).
pub fn define_field(vm: &mut Vm, o: Value, key: Value, v: Value) -> JsResult<()> {
    let (k, o, v) = keep2(vm, o, v, |vm| ops::to_property_key(vm, key))?;
    check_definable(vm, o, k)?;
    vm.define_own(o, k, v, shape::DEFAULT_ATTRS)
}

/// DefinePropertyOrThrow of a class element or field (always a
/// configurable property): a non-configurable own property (a class's
/// `prototype`) or a non-extensible object without the key is V8's
/// TypeError.
fn check_definable(vm: &mut Vm, o: Value, k: PropKey) -> JsResult<()> {
    use crate::runtime::object::Own;
    match vm.get_own(o, k) {
        Some(Own::Data(_, a) | Own::Accessor(_, _, a)) if a & shape::CONFIGURABLE == 0 => {
            if k == PropKey::Atom(wk::prototype) && vm.is_callable(o) {
                return Err(
                    vm.type_error("Classes may not have a static property named 'prototype'")
                );
            }
            let name = vm.atoms.key_to_string(k);
            Err(vm.type_error(&format!("Cannot redefine property: {name}")))
        }
        None if Cell::from_value(o).flags() & oflags::NOT_EXTENSIBLE != 0 => {
            let name = vm.atoms.key_to_string(k);
            Err(vm.type_error(&format!(
                "Cannot define property {name}, object is not extensible"
            )))
        }
        _ => Ok(()),
    }
}

/// `definemethod`: a method with `o` as its home object.
pub fn define_method(
    vm: &mut Vm,
    o: Value,
    key: Value,
    f: Value,
    enumerable: bool,
) -> JsResult<()> {
    let (k, o, f) = keep2(vm, o, f, |vm| ops::to_property_key(vm, key))?;
    let attrs = if enumerable {
        shape::DEFAULT_ATTRS
    } else {
        shape::METHOD_ATTRS
    };
    check_definable(vm, o, k)?;
    vm.set_home(f, o);
    vm.define_own(o, k, f, attrs)
}

/// `defineaccessor`: a getter/setter pair with `o` as their home object.
pub fn define_accessor(
    vm: &mut Vm,
    o: Value,
    key: Value,
    getter: Value,
    setter: Value,
    enumerable: bool,
) -> JsResult<()> {
    let (k, o, getter, setter) = crate::runtime::builtins::scoped(vm, |vm, mark| {
        vm.handles.extend([o, getter, setter]);
        let k = ops::to_property_key(vm, key)?;
        let h = &vm.handles;
        Ok((k, h[mark], h[mark + 1], h[mark + 2]))
    })?;
    let attrs = if enumerable {
        shape::ENUMERABLE | shape::CONFIGURABLE
    } else {
        shape::CONFIGURABLE
    };
    check_definable(vm, o, k)?;
    vm.set_home(getter, o);
    vm.set_home(setter, o);
    vm.define_accessor(o, k, getter, setter, attrs)
}

/// `closure`: a closure of `p`'s child `func` over context `env`, made in
/// a frame whose callee is `callee`.
pub fn closure(
    vm: &mut Vm,
    p: &FuncProto,
    func: u16,
    env: Value,
    callee: Value,
) -> JsResult<Value> {
    let child: &FuncProto = &p.children[func as usize];
    let (f, callee) = crate::runtime::builtins::keep(vm, callee, |vm| vm.new_closure(child, env))?;
    // Arrows see `super` through the enclosing method's home object.
    if child.kind == FuncKind::Arrow && vm.kind_of(callee) == Some(Kind::Function) {
        Cell::from_value(f).set(fixed::FN_HOME, Cell::from_value(callee).get(fixed::FN_HOME));
    }
    Ok(f)
}

/// `setfunctionname`: `name` of a function defined under a computed key.
pub fn set_function_name(vm: &mut Vm, f: Value, key: Value) -> JsResult<()> {
    let (name, f) = crate::runtime::builtins::keep(vm, f, |vm| {
        let k = ops::to_property_key(vm, key)?;
        vm.key_string(k)
    })?;
    vm.define_own(f, PropKey::Atom(wk::name), name, shape::CONFIGURABLE)
}

// ----- calls -----

/// Records the callee prototype at a call site (monomorphic, then
/// megamorphic for good).
#[inline]
pub fn record_callee(fb: &StdCell<u64>, callee: *const FuncProto) {
    let c = fb.get();
    if c != callee as u64 {
        fb.set(if c == 0 { callee as u64 } else { fbk::MEGA });
    }
}

/// `record_callee` at a `Call` site of `p`, which also lists the callees
/// of a megamorphic site (`feedback::CallTargets`), the one it had
/// before included.
#[inline]
pub fn record_call(p: &FuncProto, fb: u16, callee: *const FuncProto) {
    let cell = &p.feedback[fb as usize];
    let before = cell.get();
    record_callee(cell, callee);
    note_target(p, fb, before, callee as u64);
}

/// `record_native` at a `Call` site of `p`, listing it as `record_call`
/// does (so a site calling natives is not taken for one calling only JS).
#[inline]
pub fn record_native_call(p: &FuncProto, fb: u16, f: Value) {
    let cell = &p.feedback[fb as usize];
    let before = cell.get();
    record_native(cell, f);
    note_target(
        p,
        fb,
        before,
        fbk::NATIVE_CALLEE | Cell::from_value(f).raw(1),
    );
}

/// After a call at a site whose feedback word was `before`: a site that
/// is (now) megamorphic lists `w`, and the callee it had before.
fn note_target(p: &FuncProto, fb: u16, before: u64, w: u64) {
    if p.feedback[fb as usize].get() != fbk::MEGA || before == w {
        return;
    }
    if before != fbk::MEGA && before != 0 {
        p.call_targets.note(fb, before);
    }
    p.call_targets.note(fb, w);
}

/// Records a native callee at a `Call` site (its entry, see
/// `feedback::NATIVE_CALLEE`), by the same monomorphic-then-megamorphic
/// rule as JS callees.
#[inline]
pub fn record_native(fb: &StdCell<u64>, f: Value) {
    let w = fbk::NATIVE_CALLEE | Cell::from_value(f).raw(1);
    let c = fb.get();
    if c != w {
        fb.set(if c == 0 { w } else { fbk::MEGA });
    }
}

/// The parent constructor for `super(...)` in the frame whose callee is
/// `callee` (a TypeError when it is not a constructor).
pub fn super_constructor(vm: &mut Vm, callee: Value) -> JsResult<Value> {
    let parent = vm.proto_of(callee);
    if !vm.is_constructor(parent) {
        return Err(vm.type_error("Super constructor null of anonymous class is not a constructor"));
    }
    Ok(parent)
}

/// `supercall`: calls the parent constructor with the window at
/// `fp + base` and binds `this` (register 1) to the result.
pub fn super_call(vm: &mut Vm, fp: usize, base: u16, argc: u16) -> JsResult<Value> {
    let parent = super_constructor(vm, vm.stack[fp])?;
    let nt = vm.frames.last().unwrap().new_target;
    vm.stack[fp + base as usize] = parent;
    vm.stack[fp + base as usize + 1] = Value::EMPTY;
    let v = vm.call_at(fp + base as usize, argc as usize, Some(nt))?;
    bind_this(vm, fp, v)
}

/// `supercallforward`: the implicit `super(...args)` of a derived class
/// without a constructor (the arguments are the rest array in r2).
pub fn super_call_forward(vm: &mut Vm, fp: usize) -> JsResult<Value> {
    let parent = super_constructor(vm, vm.stack[fp])?;
    let nt = vm.frames.last().unwrap().new_target;
    let args_arr = vm.stack[fp + 2];
    let n = vm.array_len(args_arr);
    let args: Vec<Value> = (0..n)
        .map(|i| vm.array_get_fast(args_arr, i).unwrap_or(Value::UNDEFINED))
        .collect();
    let v = vm.construct(parent, &args, nt)?;
    vm.stack[fp + 1] = v;
    Ok(v)
}

/// Binds `this` after `super(...)` returned `v`: a second call throws.
fn bind_this(vm: &mut Vm, fp: usize, v: Value) -> JsResult<Value> {
    if !vm.stack[fp + 1].is_empty() {
        return Err(vm.throw_error(
            ErrorKind::ReferenceError,
            "Super constructor may only be called once",
        ));
    }
    vm.stack[fp + 1] = v;
    Ok(v)
}

// ----- iteration -----

/// `forofstart`: the iteration state of `v` (`runtime::iter`) into `iter`
/// and `iter + 1`; the not-iterable error is worded by the text the
/// compiler recorded for the instruction at `pc`.
pub fn for_of_start(
    vm: &mut Vm,
    p: &FuncProto,
    pc: usize,
    fp: usize,
    iter: u16,
    v: Value,
) -> JsResult<()> {
    let (a, b) = vm.iter_start(v, p.callee_name(pc))?;
    vm.stack[fp + iter as usize] = a;
    vm.stack[fp + iter as usize + 1] = b;
    Ok(())
}

/// `arrayextend`: spread `src` into the array `arr`.
pub fn array_extend(vm: &mut Vm, p: &FuncProto, pc: usize, arr: Value, src: Value) -> JsResult<()> {
    vm.array_extend(arr, src, p.callee_name(pc))
}

/// `requireobject`: object destructuring's check of its source.
pub fn require_object(vm: &mut Vm, p: &FuncProto, v: Value, msg: u16) -> JsResult<()> {
    if v.is_nullish() {
        vm.require_object(v, &p.const_string(msg))?;
    }
    Ok(())
}

/// `supercallspread`: `super(...args)` with the arguments array at
/// `fp + base + 2`.
pub fn super_call_spread(vm: &mut Vm, fp: usize, base: u16) -> JsResult<Value> {
    let parent = super_constructor(vm, vm.stack[fp])?;
    let argc = vm.spread_window(fp + base as usize)?;
    let nt = vm.frames.last().unwrap().new_target;
    vm.stack[fp + base as usize] = parent;
    vm.stack[fp + base as usize + 1] = Value::EMPTY;
    let v = vm.call_at(fp + base as usize, argc, Some(nt))?;
    bind_this(vm, fp, v)
}

/// `createarguments`: the frame's unmapped `arguments` object.
pub fn create_arguments(vm: &mut Vm, fp: usize, params: u16, n: u16, rest: u16) -> JsResult<Value> {
    let argc = vm.frames.last().unwrap().argc as usize;
    vm.create_arguments(fp + params as usize, n as usize, rest != 0, argc)
}

/// `argcount`: the frame's argument count.
pub fn arg_count(vm: &Vm) -> Value {
    Value::int(vm.frames.last().unwrap().argc as i32)
}

/// `argget`: `arguments[key]` read from the snapshot registers (see
/// `create_arguments`) for an index below the argument count; any other
/// key on an arguments object made now (nothing can have observed the
/// object, so making it late is not visible).
pub fn arg_get(
    vm: &mut Vm,
    fp: usize,
    key: Value,
    params: u16,
    n: u16,
    rest: u16,
) -> JsResult<Value> {
    let argc = vm.frames.last().unwrap().argc as usize;
    let at = fp + params as usize;
    let has_rest = rest != 0 && n > 0;
    let fixed = n as usize - has_rest as usize;
    if key.is_int() && key.as_int() >= 0 && (key.as_int() as usize) < argc {
        let i = key.as_int() as usize;
        if i < fixed {
            return Ok(vm.stack[at + i]);
        }
        let arr = vm.stack[at + fixed];
        if has_rest && vm.is_array(arr) {
            if let Some(v) = vm.array_get_fast(arr, (i - fixed) as u32) {
                return Ok(v);
            }
        }
    }
    // The key first (its conversion may call JS and allocate).
    let k = ops::to_property_key(vm, key)?;
    let obj = vm.create_arguments(at, n as usize, rest != 0, argc)?;
    vm.get_value(obj, k)
}

/// `forinstart`: the enumerable keys of `obj` into `iter` (keys array),
/// `iter + 1` (index) and `iter + 2` (the object).
pub fn for_in_start(vm: &mut Vm, fp: usize, iter: u16, obj: Value) -> JsResult<()> {
    let (keys, obj) = crate::runtime::builtins::keep(vm, obj, |vm| vm.for_in_keys(obj))?;
    let r = fp + iter as usize;
    vm.stack[r] = keys;
    vm.stack[r + 1] = Value::int(0);
    vm.stack[r + 2] = obj;
    Ok(())
}

/// `forinnext`: the next key still present on the object, if any.
pub fn for_in_next(vm: &mut Vm, fp: usize, iter: u16) -> JsResult<Option<Value>> {
    let r = fp + iter as usize;
    loop {
        let keys = vm.stack[r];
        let i = vm.stack[r + 1].as_int() as u32;
        if i >= vm.array_len(keys) {
            return Ok(None);
        }
        vm.stack[r + 1] = Value::int(i as i32 + 1);
        let k = vm.array_get_fast(keys, i).unwrap_or(Value::UNDEFINED);
        // Keys deleted during the loop are skipped (as V8 does).
        let obj = vm.stack[r + 2];
        if vm.is_object(obj) {
            let pk = ops::to_property_key(vm, k)?;
            if !vm.has_property(vm.stack[r + 2], pk) {
                continue;
            }
        }
        return Ok(Some(
            vm.array_get_fast(vm.stack[r], i)
                .unwrap_or(Value::UNDEFINED),
        ));
    }
}

// ----- return -----

/// What `return v` yields in the top frame (whose `this` register holds
/// `this`): the construct-call rules (a non-object result of a
/// constructor becomes `this`, with the derived-constructor errors). Does
/// not pop the frame.
pub fn return_value(vm: &mut Vm, v: Value, this: Value) -> JsResult<Value> {
    let f = vm.frames.last().unwrap();
    if !f.construct || vm.is_object(v) {
        return Ok(v);
    }
    let p = unsafe { &*f.proto };
    if !v.is_undefined() && p.kind == FuncKind::DerivedConstructor {
        return Err(vm.type_error("Derived constructors may only return object or undefined"));
    }
    if this.is_empty() {
        return Err(vm.throw_error(
            ErrorKind::ReferenceError,
            "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
        ));
    }
    Ok(this)
}

/// An error of `return_value` belongs to [[Construct]], after the frame
/// has returned: its position is the `return`, but no handler of the
/// returning frame may catch it (`try { return 0 } catch {}` in a derived
/// constructor). Moves the top frame's pc past every handler range.
pub fn throw_past_handlers(vm: &mut Vm) {
    let f = vm.frames.last_mut().unwrap();
    if vm.throw_position.is_none() {
        vm.throw_position = unsafe { &*f.proto }.position(f.pc.saturating_sub(1));
    }
    f.pc = usize::MAX;
}

/// `ldconst`: a number, or a string constant's (interned) string.
#[inline]
pub fn ld_const(vm: &mut Vm, p: &FuncProto, k: u16) -> JsResult<Value> {
    match &p.consts[k as usize] {
        Const::Num(n) => Ok(Value::number(*n)),
        Const::Str(_) => {
            let (a, _) = vm.const_atom(p, k);
            vm.atom_string(a)
        }
    }
}
