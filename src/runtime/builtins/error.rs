//! Error, TypeError, RangeError, ReferenceError, SyntaxError.

use super::{define_constructor, define_native, define_value, keep};
use crate::runtime::atoms::{wk, PropKey};
use crate::runtime::heap::Kind;
use crate::runtime::shape::METHOD_ATTRS;
use crate::runtime::{fixed, ops, Args, ErrorKind, Intrinsic, JsResult, Value, Vm};

/// Shared body of every error constructor: `new X(message)` or `X(message)`.
fn construct_error(vm: &mut Vm, args: Args, kind: ErrorKind) -> JsResult<Value> {
    let proto_intr = match kind {
        ErrorKind::Error => Intrinsic::ErrorPrototype,
        ErrorKind::TypeError => Intrinsic::TypeErrorPrototype,
        ErrorKind::RangeError => Intrinsic::RangeErrorPrototype,
        ErrorKind::ReferenceError => Intrinsic::ReferenceErrorPrototype,
        ErrorKind::SyntaxError => Intrinsic::SyntaxErrorPrototype,
    };
    // Subclasses (class E extends Error) pass their own new.target.
    let proto = if args.new_target(vm).is_undefined() {
        vm.intrinsic(proto_intr)
    } else {
        let p = vm.get(args.new_target(vm), PropKey::Atom(wk::prototype))?;
        if vm.is_object(p) {
            p
        } else {
            vm.intrinsic(proto_intr)
        }
    };
    let e = vm.new_object_kind(Kind::Error, proto, fixed::PLAIN, 2)?;
    let ((), e) = keep(vm, e, |vm| {
        let m = args.get(vm, 0);
        if !m.is_undefined() {
            let s = ops::to_string(vm, m)?;
            let e = *vm.handles.last().unwrap();
            vm.define_own(e, PropKey::Atom(wk::message), s, METHOD_ATTRS)?;
        }
        // InstallErrorCause: `new Error(m, { cause })`.
        let opts = args.get(vm, 1);
        if vm.is_object(opts) && vm.has_property(opts, PropKey::Atom(wk::cause)) {
            let c = vm.get(opts, PropKey::Atom(wk::cause))?;
            let e = *vm.handles.last().unwrap();
            vm.define_own(e, PropKey::Atom(wk::cause), c, METHOD_ATTRS)?;
        }
        Ok(())
    })?;
    Ok(e)
}

fn error_ctor(vm: &mut Vm, args: Args) -> JsResult<Value> {
    construct_error(vm, args, ErrorKind::Error)
}
fn type_error_ctor(vm: &mut Vm, args: Args) -> JsResult<Value> {
    construct_error(vm, args, ErrorKind::TypeError)
}
fn range_error_ctor(vm: &mut Vm, args: Args) -> JsResult<Value> {
    construct_error(vm, args, ErrorKind::RangeError)
}
fn reference_error_ctor(vm: &mut Vm, args: Args) -> JsResult<Value> {
    construct_error(vm, args, ErrorKind::ReferenceError)
}
fn syntax_error_ctor(vm: &mut Vm, args: Args) -> JsResult<Value> {
    construct_error(vm, args, ErrorKind::SyntaxError)
}

/// Error.prototype.toString.
fn error_to_string(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let this = args.this(vm);
    if !vm.is_object(this) {
        return Err(vm.type_error("Error.prototype.toString requires that 'this' be an Object"));
    }
    let name = vm.get(this, PropKey::Atom(wk::name))?;
    let name = if name.is_undefined() {
        "Error".encode_utf16().collect()
    } else {
        ops::to_units(vm, name)?
    };
    let this = args.this(vm);
    let msg = vm.get(this, PropKey::Atom(wk::message))?;
    let msg = if msg.is_undefined() {
        Vec::new()
    } else {
        ops::to_units(vm, msg)?
    };
    let mut out = name.clone();
    if !name.is_empty() && !msg.is_empty() {
        out.extend(": ".encode_utf16());
    }
    if name.is_empty() {
        out = msg;
    } else {
        out.extend(msg);
    }
    vm.new_string(&out)
}

pub fn init(vm: &mut Vm) -> JsResult<()> {
    let op = vm.intrinsic(Intrinsic::ObjectPrototype);
    let ep = vm.new_object(op)?;
    vm.intrinsics[Intrinsic::ErrorPrototype as usize] = ep;
    let ctor = define_constructor(vm, "Error", error_ctor, 1, ep)?;
    let _ = ctor;
    // Read the prototype after allocating the string: allocation moves cells.
    let name = vm.new_str("Error")?;
    let ep = vm.intrinsic(Intrinsic::ErrorPrototype);
    define_value(vm, ep, "name", name, METHOD_ATTRS)?;
    let empty = vm.atom_string(wk::empty)?;
    let ep = vm.intrinsic(Intrinsic::ErrorPrototype);
    define_value(vm, ep, "message", empty, METHOD_ATTRS)?;
    let ep = vm.intrinsic(Intrinsic::ErrorPrototype);
    define_native(vm, ep, "toString", error_to_string, 0)?;
    let subs: [(Intrinsic, &str, crate::runtime::NativeFn); 4] = [
        (Intrinsic::TypeErrorPrototype, "TypeError", type_error_ctor),
        (
            Intrinsic::RangeErrorPrototype,
            "RangeError",
            range_error_ctor,
        ),
        (
            Intrinsic::ReferenceErrorPrototype,
            "ReferenceError",
            reference_error_ctor,
        ),
        (
            Intrinsic::SyntaxErrorPrototype,
            "SyntaxError",
            syntax_error_ctor,
        ),
    ];
    for (intr, name, f) in subs {
        let ep = vm.intrinsic(Intrinsic::ErrorPrototype);
        let p = vm.new_object(ep)?;
        vm.intrinsics[intr as usize] = p;
        let ctor = define_constructor(vm, name, f, 1, p)?;
        // TypeError.__proto__ === Error
        let g = vm.intrinsic(Intrinsic::Global);
        let k = vm_key(vm, "Error");
        let err_ctor = vm.get(g, k)?;
        crate::runtime::heap::Cell::from_value(ctor).set(fixed::PROTO, err_ctor);
        let n = vm.new_str(name)?;
        let p = vm.intrinsic(intr);
        define_value(vm, p, "name", n, METHOD_ATTRS)?;
        let empty = vm.atom_string(wk::empty)?;
        let p = vm.intrinsic(intr);
        define_value(vm, p, "message", empty, METHOD_ATTRS)?;
    }
    Ok(())
}

fn vm_key(vm: &mut Vm, s: &str) -> PropKey {
    vm.atoms.key_str(s)
}
