//! The builtin objects: created once per VM by `init`, one file per family.
//!
//! Invariants:
//! - `init` creates every intrinsic before any family installs functions,
//!   so families may refer to any prototype.
//! - Natives follow the GC contract of runtime/mod.rs: arguments are read
//!   through `Args` (they live on the value stack, a root); a cell value
//!   kept across an allocation goes through `vm.handles`.
//! - Messages of errors thrown here are V8's.

pub mod error;
pub mod global;

use super::atoms::PropKey;
use super::heap::Kind;
use super::shape::METHOD_ATTRS;
use super::{fixed, Intrinsic, JsResult, NativeFn, Value, Vm};

/// Defines native `name` on `obj` (writable, configurable, not enumerable).
pub fn define_native(vm: &mut Vm, obj: Value, name: &str, f: NativeFn, length: u32) -> JsResult<Value> {
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
pub fn define_constructor(vm: &mut Vm, name: &str, f: NativeFn, length: u32, proto: Value) -> JsResult<Value> {
    vm.handles.push(proto);
    let r = (|| {
        let ctor = vm.new_native(f, name, length, true)?;
        vm.handles.push(ctor);
        let proto = vm.handles[vm.handles.len() - 2];
        vm.define_own(ctor, PropKey::Atom(super::atoms::wk::prototype), proto, 0)?;
        let ctor = *vm.handles.last().unwrap();
        let proto = vm.handles[vm.handles.len() - 2];
        vm.define_own(proto, PropKey::Atom(super::atoms::wk::constructor), ctor, METHOD_ATTRS)?;
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
    let ap = vm.new_object_kind(Kind::Array, vm.intrinsic(Intrinsic::ObjectPrototype), fixed::PLAIN, 0)?;
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
    Ok(())
}
