//! The builtin objects: created once per VM by `init`, one file per family.
//!
//! Invariants:
//! - `init` creates every intrinsic before any family installs functions,
//!   so families may refer to any prototype.
//! - Natives follow the GC contract of runtime/mod.rs: arguments are read
//!   through `Args` (they live on the value stack, a root); a cell value
//!   kept across an allocation goes through `vm.handles`.
//! - Messages of errors thrown here are V8's.

pub mod array;
pub mod error;
pub mod function;
pub mod global;
pub mod json;
pub mod math;
pub mod number;
pub mod object;
pub mod string;

use super::atoms::{wk, PropKey};
use super::heap::Kind;
use super::shape::METHOD_ATTRS;
use super::{fixed, format, numconv, ops, Args, Intrinsic, JsResult, NativeFn, Value, Vm};

/// Defines native `name` on `obj` (writable, configurable, not enumerable).
pub fn define_native(
    vm: &mut Vm,
    obj: Value,
    name: &str,
    f: NativeFn,
    length: u32,
) -> JsResult<Value> {
    vm.handles.push(obj);
    let r = (|| {
        let func = vm.new_native(f, name, length, false)?;
        let obj = *vm.handles.last().unwrap();
        let key = vm.atoms.key_str(name);
        vm.define_own(obj, key, func, METHOD_ATTRS)?;
        Ok(func)
    })();
    vm.handles.pop();
    r
}

/// Defines a data property `name` = `v` with `attrs` on `obj`.
pub fn define_value(vm: &mut Vm, obj: Value, name: &str, v: Value, attrs: u8) -> JsResult<()> {
    let key = vm.atoms.key_str(name);
    vm.define_own(obj, key, v, attrs)
}

/// Creates constructor `name` (a native that may be called with `new`),
/// links it with `proto` both ways, and defines it on the global object.
pub fn define_constructor(
    vm: &mut Vm,
    name: &str,
    f: NativeFn,
    length: u32,
    proto: Value,
) -> JsResult<Value> {
    vm.handles.push(proto);
    let r = (|| {
        let ctor = vm.new_native(f, name, length, true)?;
        vm.handles.push(ctor);
        let proto = vm.handles[vm.handles.len() - 2];
        vm.define_own(ctor, PropKey::Atom(super::atoms::wk::prototype), proto, 0)?;
        let ctor = *vm.handles.last().unwrap();
        let proto = vm.handles[vm.handles.len() - 2];
        vm.define_own(
            proto,
            PropKey::Atom(super::atoms::wk::constructor),
            ctor,
            METHOD_ATTRS,
        )?;
        let ctor = *vm.handles.last().unwrap();
        let g = vm.intrinsic(Intrinsic::Global);
        define_value(vm, g, name, ctor, METHOD_ATTRS)?;
        Ok(vm.handles.pop().unwrap())
    })();
    vm.handles.pop();
    r
}

fn set_intrinsic(vm: &mut Vm, i: Intrinsic, v: Value) {
    vm.intrinsics[i as usize] = v;
}

/// Creates the realm: intrinsics first, then every family.
pub fn init(vm: &mut Vm) -> JsResult<()> {
    let op = vm.new_object(Value::NULL)?;
    set_intrinsic(vm, Intrinsic::ObjectPrototype, op);
    // Function.prototype is itself callable (it returns undefined).
    let fp = vm.new_native(global::noop, "", 0, false)?;
    super::heap::Cell::from_value(fp).set(fixed::PROTO, vm.intrinsic(Intrinsic::ObjectPrototype));
    set_intrinsic(vm, Intrinsic::FunctionPrototype, fp);
    let ap = vm.new_object_kind(
        Kind::Array,
        vm.intrinsic(Intrinsic::ObjectPrototype),
        fixed::PLAIN,
        0,
    )?;
    set_intrinsic(vm, Intrinsic::ArrayPrototype, ap);
    for (i, kind) in [
        (Intrinsic::StringPrototype, Kind::Primitive),
        (Intrinsic::NumberPrototype, Kind::Primitive),
        (Intrinsic::BooleanPrototype, Kind::Primitive),
    ] {
        let p = vm.intrinsic(Intrinsic::ObjectPrototype);
        let o = vm.new_object_kind(kind, p, fixed::PRIM, 4)?;
        set_intrinsic(vm, i, o);
    }
    let g = vm.new_plain_object()?;
    set_intrinsic(vm, Intrinsic::Global, g);
    error::init(vm)?;
    global::init(vm)?;
    object::init(vm)?;
    function::init(vm)?;
    array::init(vm)?;
    string::init(vm)?;
    number::init(vm)?;
    math::init(vm)?;
    json::init(vm)?;
    Ok(())
}

// ----- shared helpers for the families -----

/// Runs `f` and then drops every handle it pushed, on success and on error,
/// so natives can root intermediate values freely (`vm.handles[mark + i]`).
pub fn scoped<T>(vm: &mut Vm, f: impl FnOnce(&mut Vm, usize) -> JsResult<T>) -> JsResult<T> {
    let mark = vm.handles.len();
    let r = f(vm, mark);
    vm.handles.truncate(mark);
    r
}

/// ToNumber of argument `i` (undefined when absent).
pub fn arg_number(vm: &mut Vm, args: &Args, i: usize) -> JsResult<f64> {
    let v = args.get(vm, i);
    ops::to_number(vm, v)
}

/// ToIntegerOrInfinity of a value.
pub fn to_integer(vm: &mut Vm, v: Value) -> JsResult<f64> {
    if v.is_int() {
        return Ok(v.as_int() as f64);
    }
    let n = ops::to_number(vm, v)?;
    Ok(numconv::to_integer_or_infinity(n))
}

/// A relative position argument (`slice`, `fill`, `at`...): `undefined`
/// gives `default`, negatives count from `len`, the result is clamped to
/// `0..=len`.
pub fn relative_index(vm: &mut Vm, v: Value, len: f64, default: f64) -> JsResult<f64> {
    if v.is_undefined() {
        return Ok(default);
    }
    let n = to_integer(vm, v)?;
    Ok(if n < 0.0 {
        (len + n).max(0.0)
    } else {
        n.min(len)
    })
}

/// Throws V8's "X is not a function" unless `f` is callable.
pub fn require_callable(vm: &mut Vm, f: Value) -> JsResult<()> {
    if vm.is_callable(f) {
        return Ok(());
    }
    let shown = format::display_for_error(vm, f);
    Err(vm.type_error(&format!("{shown} is not a function")))
}

/// The receiver check of generic prototype methods: `X called on null or
/// undefined` (primitives are used as they are; reads go through
/// `get_value`, which looks up their prototype).
pub fn require_receiver(vm: &mut Vm, args: &Args, what: &str) -> JsResult<()> {
    let this = args.this(vm);
    ops::require_object_coercible(vm, this, what)
}

/// The property key of integer index `i` (>= 2^32 - 1 becomes a string key).
pub fn index_key(vm: &mut Vm, i: f64) -> PropKey {
    if (0.0..4294967295.0).contains(&i) {
        PropKey::Index(i as u32)
    } else {
        let s = numconv::number_to_string(i);
        vm.atoms.key_str(&s)
    }
}

/// `Get(o, ToString(i))` with the dense-array fast path.
pub fn get_index(vm: &mut Vm, o: Value, i: f64) -> JsResult<Value> {
    if i < 4294967295.0 && vm.is_array(o) {
        if let Some(v) = vm.array_get_fast(o, i as u32) {
            return Ok(v);
        }
    }
    let k = index_key(vm, i);
    vm.get_value(o, k)
}

/// `HasProperty(o, ToString(i))` (primitive strings have their indices).
pub fn has_index(vm: &mut Vm, o: Value, i: f64) -> bool {
    if vm.is_object(o) {
        if i < 4294967295.0 && vm.is_array(o) && vm.array_get_fast(o, i as u32).is_some() {
            return true;
        }
        let k = index_key(vm, i);
        return vm.has_property(o, k);
    }
    if vm.is_string(o) {
        return i < vm.string_len(o) as f64;
    }
    false
}

/// Strict `Set(o, ToString(i), v)`.
pub fn set_index(vm: &mut Vm, o: Value, i: f64, v: Value) -> JsResult<()> {
    let k = index_key(vm, i);
    vm.set_value(o, k, v)
}

/// Strict `DeletePropertyOrThrow(o, ToString(i))`.
pub fn delete_index(vm: &mut Vm, o: Value, i: f64) -> JsResult<()> {
    if !vm.is_object(o) {
        return Ok(());
    }
    let k = index_key(vm, i);
    if vm.delete_property(o, k)? {
        return Ok(());
    }
    let ks = vm.atoms.key_to_string(k);
    let shown = format::object_tag(vm, o);
    Err(vm.type_error(&format!("Cannot delete property '{ks}' of {shown}")))
}

/// LengthOfArrayLike: arrays read their length directly, anything else
/// goes through `Get(o, "length")` and ToLength.
pub fn length_of(vm: &mut Vm, o: Value) -> JsResult<f64> {
    if vm.is_array(o) {
        return Ok(vm.array_len(o) as f64);
    }
    if vm.is_string(o) {
        return Ok(vm.string_len(o) as f64);
    }
    let l = vm.get_value(o, PropKey::Atom(wk::length))?;
    let n = to_integer(vm, l)?;
    Ok(n.clamp(0.0, 9007199254740991.0))
}

/// Strict `Set(o, "length", n)`.
pub fn set_length(vm: &mut Vm, o: Value, n: f64) -> JsResult<()> {
    vm.set_value(o, PropKey::Atom(wk::length), Value::number(n))
}

/// Creates a string value from code units.
pub fn string_result(vm: &mut Vm, units: &[u16]) -> JsResult<Value> {
    vm.new_string(units)
}

/// Runs `src` (a whole program) normally and under `--gc-stress
/// --verify-heap`, and checks that it ends normally printing `expected`.
#[cfg(test)]
pub(crate) fn check_js(src: &str, expected: &str) {
    for stress in [false, true] {
        let opts = super::Options {
            gc_stress: stress,
            verify_heap: stress,
            ..Default::default()
        };
        let out = crate::run(src, "test.js", opts, false);
        assert_eq!(out.end, crate::End::Normal, "gc_stress={stress}");
        let got = String::from_utf8_lossy(&out.stdout);
        assert_eq!(got, expected, "gc_stress={stress}");
    }
}
