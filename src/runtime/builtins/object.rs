//! `Object`: the constructor, its statics (keys, assign, create,
//! defineProperty and the descriptor machinery, freeze, ...) and
//! `Object.prototype`.
//!
//! Invariants:
//! - Property descriptors are validated and applied as the spec's
//!   ValidateAndApplyPropertyDescriptor, on top of the object model's
//!   `get_own`/`define_own`/`define_accessor`; array elements with
//!   non-default attributes move out of the elements store into the shape
//!   (the object model looks there when the element is a hole).
//! - Descriptor fields that are values are kept on `vm.handles` (the `Desc`
//!   struct holds handle indices), because reading a descriptor may run
//!   getters and allocate.
//! - Primitives are converted with `to_object` only where the result is
//!   observable; key listings treat a primitive string as its indices.

use super::{define_constructor, define_natives, require_callable, scoped};
use crate::runtime::atoms::{wk, PropKey};
use crate::runtime::heap::{Cell, Kind};
use crate::runtime::object::{length_writable, Own, LENGTH_READONLY};
use crate::runtime::shape::{ACCESSOR, CONFIGURABLE, DEFAULT_ATTRS, ENUMERABLE, WRITABLE};
use crate::runtime::{
    fixed, format, oflags, ops, Args, ErrorKind, Intrinsic, JsResult, NativeFn, Value, Vm,
};

// ----- conversions -----

/// ToObject: objects as they are, primitives wrapped (Kind::Primitive),
/// null/undefined throw V8's message.
pub fn to_object(vm: &mut Vm, v: Value) -> JsResult<Value> {
    if vm.is_object(v) {
        return Ok(v);
    }
    if v.is_nullish() {
        return Err(vm.type_error("Cannot convert undefined or null to object"));
    }
    let proto = vm.proto_for_primitive(v);
    if vm.is_string(v) {
        return super::string::new_wrapper(vm, v, proto);
    }
    vm.handles.push(v);
    let o = vm.new_object_kind(Kind::Primitive, proto, fixed::PRIM, 0);
    let v = vm.handles.pop().unwrap();
    let o = o?;
    Cell::from_value(o).set(fixed::PRIMITIVE, v);
    Ok(o)
}

/// The primitive inside a wrapper object, if `v` is one.
pub fn wrapped_primitive(vm: &Vm, v: Value) -> Option<Value> {
    if vm.kind_of(v) == Some(Kind::Primitive) {
        let p = Cell::from_value(v).get(fixed::PRIMITIVE);
        // The String/Number/Boolean prototypes are Primitive cells too, with
        // an undefined payload.
        if !p.is_undefined() {
            return Some(p);
        }
    }
    None
}

/// V8's rendering of a value inside messages like "Getter must be a
/// function: X" (strings unquoted).
fn show(vm: &Vm, v: Value) -> String {
    if vm.is_string(v) {
        return vm.string_to_rust(v);
    }
    format::display_for_error(vm, v)
}

/// Own property keys (with attributes) of any value: objects via the object
/// model, strings (primitive or wrapped) as their indices plus `length`.
pub fn own_keys_of(vm: &mut Vm, v: Value) -> JsResult<Vec<(PropKey, u8)>> {
    if v.is_nullish() {
        return Err(vm.type_error("Cannot convert undefined or null to object"));
    }
    let s = if vm.is_string(v) {
        Some(v)
    } else {
        wrapped_primitive(vm, v).filter(|p| vm.is_string(*p))
    };
    let mut keys = Vec::new();
    if let Some(s) = s {
        for i in 0..vm.string_len(s) {
            keys.push((PropKey::Index(i as u32), ENUMERABLE));
        }
        // Wrapper objects hold `length` as an own property already.
        if !vm.is_object(v) {
            keys.push((PropKey::Atom(wk::length), 0));
        }
    }
    if vm.is_object(v) {
        keys.extend(vm.own_keys(v));
    }
    Ok(keys)
}

/// [[GetOwnProperty]] for any value (string indices and length included).
fn get_own_of(vm: &mut Vm, v: Value, key: PropKey) -> JsResult<Option<Own>> {
    let s = if vm.is_string(v) {
        Some(v)
    } else {
        wrapped_primitive(vm, v).filter(|p| vm.is_string(*p))
    };
    if let Some(s) = s {
        match key {
            PropKey::Atom(wk::length) => {
                return Ok(Some(Own::Data(Value::int(vm.string_len(s) as i32), 0)))
            }
            PropKey::Index(i) if (i as usize) < vm.string_len(s) => {
                let u = vm.string_units(s)[i as usize];
                let c = vm.unit_string(u)?;
                return Ok(Some(Own::Data(c, ENUMERABLE)));
            }
            _ => {}
        }
    }
    if vm.is_object(v) {
        return Ok(vm.get_own(v, key));
    }
    Ok(None)
}

/// `Object.prototype.toString` for any value.
pub fn to_string_tag(vm: &mut Vm, v: Value) -> JsResult<Value> {
    let tag = if v.is_undefined() {
        "Undefined"
    } else if v.is_null() {
        "Null"
    } else if v.is_number() {
        "Number"
    } else if v.is_bool() {
        "Boolean"
    } else if vm.is_string(v) {
        "String"
    } else {
        match vm.kind_of(v) {
            Some(Kind::Array) => "Array",
            Some(Kind::Function | Kind::Native | Kind::Bound) => "Function",
            Some(Kind::Error) => "Error",
            Some(Kind::Arguments) => "Arguments",
            Some(Kind::Float64Array) => "Float64Array",
            Some(Kind::Int32Array) => "Int32Array",
            Some(Kind::Map) => "Map",
            Some(Kind::Set) => "Set",
            Some(Kind::CollectionIterator) => {
                let mode = Cell::from_value(v).get(crate::runtime::collections::ITER_MODE);
                if mode.as_int() & crate::runtime::collections::MODE_SET != 0 {
                    "Set Iterator"
                } else {
                    "Map Iterator"
                }
            }
            _ if v == vm.intrinsic(Intrinsic::MapPrototype) => "Map",
            _ if v == vm.intrinsic(Intrinsic::SetPrototype) => "Set",
            Some(Kind::Primitive) => match wrapped_primitive(vm, v) {
                Some(p) if p.is_number() => "Number",
                Some(p) if p.is_bool() => "Boolean",
                Some(_) => "String",
                None => "Object",
            },
            _ => {
                // Math and JSON carry a Symbol.toStringTag in node.
                let g = vm.intrinsic(Intrinsic::Global);
                let mut tag = "Object";
                for name in ["Math", "JSON"] {
                    let k = vm.atoms.key_str(name);
                    if let Some(Own::Data(x, _)) = vm.get_own(g, k) {
                        if x == v {
                            tag = name;
                        }
                    }
                }
                tag
            }
        }
    };
    vm.new_str(&format!("[object {tag}]"))
}

// ----- descriptors -----

/// A property descriptor; value fields are indices into `vm.handles`.
#[derive(Default, Clone, Copy)]
struct Desc {
    value: Option<usize>,
    writable: Option<bool>,
    get: Option<usize>,
    set: Option<usize>,
    enumerable: Option<bool>,
    configurable: Option<bool>,
}

impl Desc {
    fn is_accessor(&self) -> bool {
        self.get.is_some() || self.set.is_some()
    }
    fn is_data(&self) -> bool {
        self.value.is_some() || self.writable.is_some()
    }
}

/// ToPropertyDescriptor of `vm.handles[d]`; pushes the value fields.
fn to_descriptor(vm: &mut Vm, d: usize) -> JsResult<Desc> {
    let obj = vm.handles[d];
    if !vm.is_object(obj) {
        let shown = show(vm, obj);
        return Err(vm.type_error(&format!("Property description must be an object: {shown}")));
    }
    let mut desc = Desc::default();
    let field = |vm: &mut Vm, name| -> JsResult<Option<Value>> {
        let o = vm.handles[d];
        if !vm.has_property(o, PropKey::Atom(name)) {
            return Ok(None);
        }
        vm.get(o, PropKey::Atom(name)).map(Some)
    };
    if let Some(v) = field(vm, wk::enumerable)? {
        desc.enumerable = Some(ops::to_boolean(vm, v));
    }
    if let Some(v) = field(vm, wk::configurable)? {
        desc.configurable = Some(ops::to_boolean(vm, v));
    }
    if let Some(v) = field(vm, wk::value)? {
        vm.handles.push(v);
        desc.value = Some(vm.handles.len() - 1);
    }
    if let Some(v) = field(vm, wk::writable)? {
        desc.writable = Some(ops::to_boolean(vm, v));
    }
    for (name, what) in [(wk::get, "Getter"), (wk::set, "Setter")] {
        if let Some(v) = field(vm, name)? {
            if !v.is_undefined() && !vm.is_callable(v) {
                let shown = show(vm, v);
                return Err(vm.type_error(&format!("{what} must be a function: {shown}")));
            }
            vm.handles.push(v);
            let slot = Some(vm.handles.len() - 1);
            if name == wk::get {
                desc.get = slot;
            } else {
                desc.set = slot;
            }
        }
    }
    if desc.is_accessor() && desc.is_data() {
        let shown = show(vm, vm.handles[d]);
        return Err(vm.type_error(&format!(
            "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute, {shown}"
        )));
    }
    Ok(desc)
}

fn redefine_error(vm: &mut Vm, key: PropKey) -> crate::runtime::Throw {
    let k = vm.atoms.key_to_string(key);
    vm.type_error(&format!("Cannot redefine property: {k}"))
}

/// ValidateAndApplyPropertyDescriptor on `vm.handles[o]` (an object).
fn define_with_desc(vm: &mut Vm, o: usize, key: PropKey, desc: Desc) -> JsResult<()> {
    let obj = vm.handles[o];
    let hv = |vm: &Vm, i: Option<usize>| i.map(|i| vm.handles[i]);
    if vm.is_array(obj) && key == PropKey::Atom(wk::length) {
        // ArraySetLength converts the new length (a RangeError) before it
        // validates the descriptor; valueOf may run and move the array.
        let n = match hv(vm, desc.value) {
            Some(v) => {
                let n = ops::to_number(vm, v)?;
                if n as u32 as f64 != n {
                    return Err(vm.throw_error(ErrorKind::RangeError, "Invalid array length"));
                }
                Some(Value::number(n))
            }
            None => None,
        };
        if desc.is_accessor() || desc.configurable == Some(true) || desc.enumerable == Some(true) {
            return Err(redefine_error(vm, key));
        }
        if let Some(n) = n {
            let obj = vm.handles[o];
            let c = Cell::from_value(obj);
            if length_writable(c) {
                vm.set_array_length(obj, n)?;
            } else if n.as_number() != vm.array_len(obj) as f64 {
                return Err(redefine_error(vm, key));
            }
        }
        let c = Cell::from_value(vm.handles[o]);
        match desc.writable {
            Some(true) if !length_writable(c) => return Err(redefine_error(vm, key)),
            Some(false) => c.set_flags(c.flags() | LENGTH_READONLY),
            _ => {}
        }
        return Ok(());
    }
    if let PropKey::Index(i) = key {
        let c = Cell::from_value(obj);
        if c.kind() == Kind::Array
            && i >= vm.array_len(obj)
            && !length_writable(c)
            && vm.get_own(obj, key).is_none()
        {
            return Err(vm.type_error(&format!(
                "Cannot define property {i}, object is not extensible"
            )));
        }
    }
    let current = vm.get_own(obj, key);
    let flag = |b: Option<bool>, cur: bool, bit: u8| if b.unwrap_or(cur) { bit } else { 0 };
    let Some(cur) = current else {
        if Cell::from_value(obj).flags() & oflags::NOT_EXTENSIBLE != 0 {
            let k = vm.atoms.key_to_string(key);
            return Err(vm.type_error(&format!(
                "Cannot define property {k}, object is not extensible"
            )));
        }
        let mut attrs =
            flag(desc.enumerable, false, ENUMERABLE) | flag(desc.configurable, false, CONFIGURABLE);
        if desc.is_accessor() {
            let g = hv(vm, desc.get).unwrap_or(Value::UNDEFINED);
            let s = hv(vm, desc.set).unwrap_or(Value::UNDEFINED);
            return put_accessor(vm, o, key, g, s, attrs);
        }
        attrs |= flag(desc.writable, false, WRITABLE);
        let v = hv(vm, desc.value).unwrap_or(Value::UNDEFINED);
        return put_data(vm, o, key, v, attrs);
    };
    let ca = cur.attrs();
    let cur_accessor = ca & ACCESSOR != 0;
    if ca & CONFIGURABLE == 0 {
        if desc.configurable == Some(true)
            || desc.enumerable.is_some_and(|e| e != (ca & ENUMERABLE != 0))
        {
            return Err(redefine_error(vm, key));
        }
        if (desc.is_accessor() && !cur_accessor) || (desc.is_data() && cur_accessor) {
            return Err(redefine_error(vm, key));
        }
        match cur {
            Own::Accessor(g, s, _) => {
                let changed =
                    |vm: &Vm, i: Option<usize>, c: Value| i.is_some_and(|i| vm.handles[i] != c);
                if changed(vm, desc.get, g) || changed(vm, desc.set, s) {
                    return Err(redefine_error(vm, key));
                }
            }
            Own::Data(v, _) => {
                if ca & WRITABLE == 0 {
                    let new_v = hv(vm, desc.value);
                    if desc.writable == Some(true)
                        || new_v.is_some_and(|n| !ops::same_value(vm, n, v))
                    {
                        return Err(redefine_error(vm, key));
                    }
                }
            }
        }
    }
    let base = flag(desc.enumerable, ca & ENUMERABLE != 0, ENUMERABLE)
        | flag(desc.configurable, ca & CONFIGURABLE != 0, CONFIGURABLE);
    let (g, s, v) = match cur {
        Own::Accessor(g, s, _) => (g, s, Value::UNDEFINED),
        Own::Data(v, _) => (Value::UNDEFINED, Value::UNDEFINED, v),
    };
    if desc.is_accessor() || (cur_accessor && !desc.is_data()) {
        let (cg, cs) = if cur_accessor {
            (g, s)
        } else {
            (Value::UNDEFINED, Value::UNDEFINED)
        };
        let ng = hv(vm, desc.get).unwrap_or(cg);
        let ns = hv(vm, desc.set).unwrap_or(cs);
        if cur_accessor && ng == g && ns == s && base | ACCESSOR == ca {
            return Ok(());
        }
        return put_accessor(vm, o, key, ng, ns, base);
    }
    let cw = !cur_accessor && ca & WRITABLE != 0;
    let attrs = base | flag(desc.writable, cw, WRITABLE);
    let cv = if cur_accessor { Value::UNDEFINED } else { v };
    let nv = hv(vm, desc.value).unwrap_or(cv);
    if !cur_accessor && attrs == ca && ops::same_value(vm, nv, v) {
        // Nothing changes (also keeps frozen array elements untouched).
        return Ok(());
    }
    put_data(vm, o, key, nv, attrs)
}

/// Moves array element `key` of `obj` out of the elements store (so the
/// shape can hold it with other attributes) and returns whether it was
/// there; keeps `length` covering the index.
fn prepare_array_index(vm: &mut Vm, obj: Value, key: PropKey, leave_dense: bool) {
    let PropKey::Index(i) = key else { return };
    if !vm.is_array(obj) {
        return;
    }
    let c = Cell::from_value(obj);
    if !leave_dense && vm.array_get_fast(obj, i).is_some() {
        Cell::from_value(c.get(fixed::ELEMENTS)).set(i as usize, Value::EMPTY);
    }
    if i as u64 >= c.raw(1) {
        c.set_raw(1, i as u64 + 1);
    }
}

fn put_data(vm: &mut Vm, o: usize, key: PropKey, v: Value, attrs: u8) -> JsResult<()> {
    let obj = vm.handles[o];
    if attrs != DEFAULT_ATTRS {
        prepare_array_index(vm, obj, key, false);
    }
    vm.define_own(obj, key, v, attrs)
}

fn put_accessor(
    vm: &mut Vm,
    o: usize,
    key: PropKey,
    g: Value,
    s: Value,
    attrs: u8,
) -> JsResult<()> {
    let obj = vm.handles[o];
    prepare_array_index(vm, obj, key, false);
    vm.handles.push(g);
    vm.handles.push(s);
    let r = vm.define_accessor(obj, key, g, s, attrs);
    let s = vm.handles.pop().unwrap();
    let g = vm.handles.pop().unwrap();
    r?;
    // define_accessor merges an absent half with the old one; here the
    // descriptor decided both halves, so store them exactly.
    let obj = vm.handles[o];
    let c = Cell::from_value(obj);
    if let Some((slot, _)) = vm.shapes.lookup(Vm::shape_of(c), key) {
        let pair = Cell::from_value(vm.get_slot(c, slot));
        pair.set(0, g);
        pair.set(1, s);
    }
    Ok(())
}

/// FromPropertyDescriptor: the object `getOwnPropertyDescriptor` returns.
fn from_descriptor(vm: &mut Vm, own: Own) -> JsResult<Value> {
    scoped(vm, |vm, mark| {
        let a = own.attrs();
        // Cell-valued fields go on the handles first (creating the result
        // object may move them).
        let fields: [(PropKey, Value); 4] = match own {
            Own::Data(v, _) => [
                (PropKey::Atom(wk::value), v),
                (PropKey::Atom(wk::writable), Value::bool(a & WRITABLE != 0)),
                (
                    PropKey::Atom(wk::enumerable),
                    Value::bool(a & ENUMERABLE != 0),
                ),
                (
                    PropKey::Atom(wk::configurable),
                    Value::bool(a & CONFIGURABLE != 0),
                ),
            ],
            Own::Accessor(g, s, _) => [
                (PropKey::Atom(wk::get), g),
                (PropKey::Atom(wk::set), s),
                (
                    PropKey::Atom(wk::enumerable),
                    Value::bool(a & ENUMERABLE != 0),
                ),
                (
                    PropKey::Atom(wk::configurable),
                    Value::bool(a & CONFIGURABLE != 0),
                ),
            ],
        };
        for (_, v) in fields {
            vm.handles.push(v);
        }
        let d = vm.new_plain_object()?;
        vm.handles.push(d);
        for (i, (k, _)) in fields.iter().enumerate() {
            let (d, v) = (vm.handles[mark + 4], vm.handles[mark + i]);
            vm.define_own(d, *k, v, DEFAULT_ATTRS)?;
        }
        Ok(vm.handles[mark + 4])
    })
}

// ----- Object -----

fn object_ctor(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let nt = args.new_target(vm);
    if !nt.is_undefined() && nt != vm.intrinsic(Intrinsic::ObjectConstructor) {
        // `class X extends Object`.
        return vm.ordinary_create_from_constructor(nt);
    }
    let v = args.get(vm, 0);
    if v.is_nullish() {
        return vm.new_plain_object();
    }
    to_object(vm, v)
}

fn property_key_arg(vm: &mut Vm, args: &Args, i: usize) -> JsResult<PropKey> {
    let k = args.get(vm, i);
    ops::to_property_key(vm, k)
}

#[derive(Copy, Clone)]
enum Listing {
    Keys,
    Values,
    Entries,
}

fn list(vm: &mut Vm, args: Args, what: Listing) -> JsResult<Value> {
    let o = args.get(vm, 0);
    let keys = own_keys_of(vm, o)?;
    scoped(vm, |vm, mark| {
        let a = vm.new_array(0)?;
        vm.handles.push(a);
        for (k, attrs) in keys {
            if attrs & ENUMERABLE == 0 {
                continue;
            }
            let item = match what {
                Listing::Keys => vm.key_string(k)?,
                Listing::Values | Listing::Entries => {
                    let o = args.get(vm, 0);
                    // A getter may have deleted or hidden a later key.
                    match get_own_of(vm, o, k)? {
                        Some(own) if own.attrs() & ENUMERABLE != 0 => {}
                        _ => continue,
                    }
                    let o = args.get(vm, 0);
                    let v = vm.get_value(o, k)?;
                    if let Listing::Entries = what {
                        vm.handles.push(v);
                        let ks = vm.key_string(k)?;
                        let v = vm.handles.pop().unwrap();
                        vm.new_array_from(&[ks, v])?
                    } else {
                        v
                    }
                }
            };
            let a = vm.handles[mark];
            vm.array_push(a, item)?;
        }
        Ok(vm.handles[mark])
    })
}

fn keys(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = args.get(vm, 0);
    if let Some(a) = plain_keys(vm, o)? {
        return Ok(a);
    }
    list(vm, args, Listing::Keys)
}

/// `Object.keys` of a plain object whose keys are all names (no index
/// keys to sort first): its shape's enumerable keys in insertion order,
/// straight into an array of that size (the general `list` collects and
/// sorts the keys and grows the array one key at a time). None for
/// anything else.
fn plain_keys(vm: &mut Vm, o: Value) -> JsResult<Option<Value>> {
    if !vm.is_object(o) || Cell::from_value(o).kind() != Kind::Object {
        return Ok(None);
    }
    let mut names = Vec::new();
    for (k, _, attrs) in vm.shapes.keys(Vm::shape_of(Cell::from_value(o))) {
        match k {
            PropKey::Index(_) => return Ok(None),
            PropKey::Atom(a) if attrs & ENUMERABLE != 0 => names.push(a),
            PropKey::Atom(_) => {}
        }
    }
    scoped(vm, |vm, mark| {
        for a in names {
            let s = vm.atom_string(a)?;
            vm.handles.push(s);
        }
        let items = vm.handles[mark..].to_vec();
        vm.new_array_from(&items).map(Some)
    })
}
fn values(vm: &mut Vm, args: Args) -> JsResult<Value> {
    list(vm, args, Listing::Values)
}
fn entries(vm: &mut Vm, args: Args) -> JsResult<Value> {
    list(vm, args, Listing::Entries)
}

fn assign(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let t = args.get(vm, 0);
    let t = to_object(vm, t)?;
    scoped(vm, |vm, mark| {
        vm.handles.push(t);
        for i in 1..args.argc {
            let src = args.get(vm, i);
            if src.is_nullish() {
                continue;
            }
            for (k, attrs) in own_keys_of(vm, src)? {
                if attrs & ENUMERABLE == 0 {
                    continue;
                }
                let src = args.get(vm, i);
                if !matches!(get_own_of(vm, src, k)?, Some(own) if own.attrs() & ENUMERABLE != 0) {
                    continue;
                }
                let src = args.get(vm, i);
                let v = vm.get_value(src, k)?;
                let t = vm.handles[mark];
                vm.set_value(t, k, v)?;
            }
        }
        Ok(vm.handles[mark])
    })
}

fn check_proto(vm: &mut Vm, p: Value) -> JsResult<()> {
    if vm.is_object(p) || p.is_null() {
        return Ok(());
    }
    let shown = show(vm, p);
    Err(vm.type_error(&format!(
        "Object prototype may only be an Object or null: {shown}"
    )))
}

fn create(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let p = args.get(vm, 0);
    check_proto(vm, p)?;
    let o = vm.new_object(p)?;
    let props = args.get(vm, 1);
    if props.is_undefined() {
        return Ok(o);
    }
    scoped(vm, |vm, mark| {
        vm.handles.push(o);
        vm.handles.push(props);
        define_properties_from(vm, mark, mark + 1)?;
        Ok(vm.handles[mark])
    })
}

/// ObjectDefineProperties(handles[o], handles[props]).
fn define_properties_from(vm: &mut Vm, o: usize, props: usize) -> JsResult<()> {
    let p = vm.handles[props];
    let p = to_object(vm, p)?;
    vm.handles[props] = p;
    let mut descs = Vec::new();
    // own_keys_of: a String wrapper's characters are enumerable own keys.
    for (k, attrs) in own_keys_of(vm, p)? {
        if attrs & ENUMERABLE == 0 {
            continue;
        }
        let p = vm.handles[props];
        let d = vm.get(p, k)?;
        vm.handles.push(d);
        let di = vm.handles.len() - 1;
        descs.push((k, to_descriptor(vm, di)?));
    }
    for (k, d) in descs {
        define_with_desc(vm, o, k, d)?;
    }
    Ok(())
}

fn get_prototype_of(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let v = args.get(vm, 0);
    if v.is_nullish() {
        return Err(vm.type_error("Cannot convert undefined or null to object"));
    }
    if vm.is_object(v) {
        return Ok(vm.proto_of(v));
    }
    Ok(vm.proto_for_primitive(v))
}

fn set_prototype_of(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = args.get(vm, 0);
    if o.is_nullish() {
        return Err(vm.type_error("Object.setPrototypeOf called on null or undefined"));
    }
    let p = args.get(vm, 1);
    check_proto(vm, p)?;
    if !vm.is_object(o) {
        return Ok(o);
    }
    set_proto_checked(vm, o, p)?;
    Ok(args.get(vm, 0))
}

/// OrdinarySetPrototypeOf with V8's errors (no allocation).
fn set_proto_checked(vm: &mut Vm, o: Value, p: Value) -> JsResult<()> {
    if vm.proto_of(o) == p {
        return Ok(());
    }
    if Cell::from_value(o).flags() & oflags::NOT_EXTENSIBLE != 0 {
        let shown = format::object_tag(vm, o);
        return Err(vm.type_error(&format!("{shown} is not extensible")));
    }
    let mut q = p;
    while q.is_cell() {
        if q == o {
            return Err(vm.type_error("Cyclic __proto__ value"));
        }
        q = vm.proto_of(q);
    }
    Cell::from_value(o).set(fixed::PROTO, p);
    Ok(())
}

fn define_property(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = args.get(vm, 0);
    if !vm.is_object(o) {
        return Err(vm.type_error("Object.defineProperty called on non-object"));
    }
    let key = property_key_arg(vm, &args, 1)?;
    scoped(vm, |vm, mark| {
        let o = args.get(vm, 0);
        vm.handles.push(o);
        let d = args.get(vm, 2);
        vm.handles.push(d);
        let desc = to_descriptor(vm, mark + 1)?;
        define_with_desc(vm, mark, key, desc)?;
        Ok(vm.handles[mark])
    })
}

fn define_properties(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = args.get(vm, 0);
    if !vm.is_object(o) {
        return Err(vm.type_error("Object.defineProperties called on non-object"));
    }
    scoped(vm, |vm, mark| {
        let o = args.get(vm, 0);
        vm.handles.push(o);
        let p = args.get(vm, 1);
        vm.handles.push(p);
        define_properties_from(vm, mark, mark + 1)?;
        Ok(vm.handles[mark])
    })
}

fn get_own_property_descriptor(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = args.get(vm, 0);
    if o.is_nullish() {
        return Err(vm.type_error("Cannot convert undefined or null to object"));
    }
    let key = property_key_arg(vm, &args, 1)?;
    let o = args.get(vm, 0);
    match get_own_of(vm, o, key)? {
        None => Ok(Value::UNDEFINED),
        Some(own) => from_descriptor(vm, own),
    }
}

fn get_own_property_descriptors(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = args.get(vm, 0);
    let keys = own_keys_of(vm, o)?;
    scoped(vm, |vm, mark| {
        let r = vm.new_plain_object()?;
        vm.handles.push(r);
        for (k, _) in keys {
            let o = args.get(vm, 0);
            if let Some(own) = get_own_of(vm, o, k)? {
                let d = from_descriptor(vm, own)?;
                let r = vm.handles[mark];
                vm.define_own(r, k, d, DEFAULT_ATTRS)?;
            }
        }
        Ok(vm.handles[mark])
    })
}

/// Object.seal: every own property becomes non-configurable (array
/// elements move into the shape, which can record that), then the object
/// stops being extensible.
fn seal(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = args.get(vm, 0);
    if !vm.is_object(o) {
        return Ok(o);
    }
    scoped(vm, |vm, mark| {
        vm.handles.push(o);
        for (k, attrs) in vm.own_keys(o) {
            if attrs & CONFIGURABLE == 0 {
                continue;
            }
            let obj = vm.handles[mark];
            if let Some(Own::Data(v, a)) = vm.get_own(obj, k) {
                put_data(vm, mark, k, v, a & !CONFIGURABLE)?;
            } else {
                vm.set_own_attrs(Cell::from_value(obj), k, attrs & !CONFIGURABLE);
            }
        }
        let c = Cell::from_value(vm.handles[mark]);
        c.set_flags(c.flags() | oflags::NOT_EXTENSIBLE);
        Ok(vm.handles[mark])
    })
}

fn is_sealed(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = args.get(vm, 0);
    if !vm.is_object(o) {
        return Ok(Value::TRUE);
    }
    let sealed = Cell::from_value(o).flags() & oflags::NOT_EXTENSIBLE != 0
        && vm
            .own_keys(o)
            .iter()
            .all(|(k, a)| a & CONFIGURABLE == 0 || *k == PropKey::Atom(wk::length));
    Ok(Value::bool(sealed))
}

fn get_own_property_names(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = args.get(vm, 0);
    let keys = own_keys_of(vm, o)?;
    scoped(vm, |vm, mark| {
        let a = vm.new_array(0)?;
        vm.handles.push(a);
        for (k, _) in keys {
            let s = vm.key_string(k)?;
            let a = vm.handles[mark];
            vm.array_push(a, s)?;
        }
        Ok(vm.handles[mark])
    })
}

fn freeze(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = args.get(vm, 0);
    if vm.is_object(o) {
        vm.freeze(o);
    }
    Ok(o)
}

fn is_frozen(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = args.get(vm, 0);
    Ok(Value::bool(!vm.is_object(o) || vm.is_frozen(o)))
}

fn prevent_extensions(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = args.get(vm, 0);
    if vm.is_object(o) {
        let c = Cell::from_value(o);
        c.set_flags(c.flags() | oflags::NOT_EXTENSIBLE);
    }
    Ok(o)
}

fn is_extensible(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = args.get(vm, 0);
    Ok(Value::bool(
        vm.is_object(o) && Cell::from_value(o).flags() & oflags::NOT_EXTENSIBLE == 0,
    ))
}

fn is(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let (a, b) = (args.get(vm, 0), args.get(vm, 1));
    Ok(Value::bool(ops::same_value(vm, a, b)))
}

fn has_own(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = args.get(vm, 0);
    let o = to_object(vm, o)?;
    vm.handles.push(o);
    let k = property_key_arg(vm, &args, 1);
    let o = vm.handles.pop().unwrap();
    let k = k?;
    Ok(Value::bool(get_own_of(vm, o, k)?.is_some()))
}

fn from_entries(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let src = args.get(vm, 0);
    if !vm.is_array(src) {
        let shown = format::display_for_error(vm, src);
        return Err(vm.type_error(&format!("{shown} is not iterable")));
    }
    scoped(vm, |vm, mark| {
        let o = vm.new_plain_object()?;
        vm.handles.push(o);
        let mut i = 0;
        loop {
            let src = args.get(vm, 0);
            if i >= vm.array_len(src) {
                break;
            }
            let e = super::get_index(vm, src, i as f64)?;
            if !vm.is_object(e) {
                let shown = show(vm, e);
                return Err(
                    vm.type_error(&format!("Iterator value {shown} is not an entry object"))
                );
            }
            vm.handles.push(e);
            let k = super::get_index(vm, e, 0.0)?;
            let key = ops::to_property_key(vm, k)?;
            let e = vm.handles.pop().unwrap();
            let v = super::get_index(vm, e, 1.0)?;
            let o = vm.handles[mark];
            vm.define_own(o, key, v, DEFAULT_ATTRS)?;
            i += 1;
        }
        Ok(vm.handles[mark])
    })
}

// ----- Object.prototype -----

pub(crate) fn has_own_property(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let k = property_key_arg(vm, &args, 0)?;
    let this = args.this(vm);
    if this.is_nullish() {
        return Err(vm.type_error("Cannot convert undefined or null to object"));
    }
    Ok(Value::bool(get_own_of(vm, this, k)?.is_some()))
}

fn is_prototype_of(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let v = args.get(vm, 0);
    if !vm.is_object(v) {
        return Ok(Value::FALSE);
    }
    let this = args.this(vm);
    if this.is_nullish() {
        return Err(vm.type_error("Cannot convert undefined or null to object"));
    }
    let mut p = vm.proto_of(v);
    while p.is_cell() {
        if p == this {
            return Ok(Value::TRUE);
        }
        p = vm.proto_of(p);
    }
    Ok(Value::FALSE)
}

fn property_is_enumerable(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let k = property_key_arg(vm, &args, 0)?;
    let this = args.this(vm);
    if this.is_nullish() {
        return Err(vm.type_error("Cannot convert undefined or null to object"));
    }
    Ok(Value::bool(
        matches!(get_own_of(vm, this, k)?, Some(o) if o.attrs() & ENUMERABLE != 0),
    ))
}

fn proto_to_string(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let this = args.this(vm);
    to_string_tag(vm, this)
}

fn to_locale_string(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let this = args.this(vm);
    if this.is_nullish() {
        return Err(vm.type_error("Object.prototype.toLocaleString called on null or undefined"));
    }
    let f = vm.get_value(this, PropKey::Atom(wk::toString))?;
    require_callable(vm, f)?;
    let this = args.this(vm);
    vm.call(f, this, &[])
}

fn value_of(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let this = args.this(vm);
    to_object(vm, this)
}

fn proto_getter(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let this = args.this(vm);
    if this.is_nullish() {
        return Err(vm.type_error("Object.prototype.__proto__ called on null or undefined"));
    }
    if vm.is_object(this) {
        return Ok(vm.proto_of(this));
    }
    Ok(vm.proto_for_primitive(this))
}

fn proto_setter(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let this = args.this(vm);
    if this.is_nullish() {
        return Err(vm.type_error("Object.prototype.__proto__ called on null or undefined"));
    }
    let p = args.get(vm, 0);
    if !vm.is_object(this) || !(vm.is_object(p) || p.is_null()) {
        return Ok(Value::UNDEFINED);
    }
    set_proto_checked(vm, this, p)?;
    Ok(Value::UNDEFINED)
}

pub fn init(vm: &mut Vm) -> JsResult<()> {
    let op = vm.intrinsic(Intrinsic::ObjectPrototype);
    let ctor = define_constructor(vm, "Object", object_ctor, 1, op)?;
    vm.intrinsics[Intrinsic::ObjectConstructor as usize] = ctor;
    let statics: [(&str, NativeFn, u32); 21] = [
        ("assign", assign, 2),
        ("getOwnPropertyDescriptor", get_own_property_descriptor, 2),
        ("getOwnPropertyDescriptors", get_own_property_descriptors, 1),
        ("getOwnPropertyNames", get_own_property_names, 1),
        ("hasOwn", has_own, 2),
        ("is", is, 2),
        ("preventExtensions", prevent_extensions, 1),
        ("seal", seal, 1),
        ("create", create, 2),
        ("defineProperties", define_properties, 2),
        ("defineProperty", define_property, 3),
        ("freeze", freeze, 1),
        ("getPrototypeOf", get_prototype_of, 1),
        ("setPrototypeOf", set_prototype_of, 2),
        ("isExtensible", is_extensible, 1),
        ("isFrozen", is_frozen, 1),
        ("isSealed", is_sealed, 1),
        ("keys", keys, 1),
        ("entries", entries, 1),
        ("fromEntries", from_entries, 1),
        ("values", values, 1),
    ];
    define_natives(vm, Intrinsic::ObjectConstructor, &statics)?;
    let methods: [(&str, NativeFn, u32); 6] = [
        ("hasOwnProperty", has_own_property, 1),
        ("isPrototypeOf", is_prototype_of, 1),
        ("propertyIsEnumerable", property_is_enumerable, 1),
        ("toString", proto_to_string, 0),
        ("valueOf", value_of, 0),
        ("toLocaleString", to_locale_string, 0),
    ];
    define_natives(vm, Intrinsic::ObjectPrototype, &methods)?;
    // Object.prototype.__proto__ (an accessor, as in node).
    scoped(vm, |vm, mark| {
        let g = vm.new_native(proto_getter, "get __proto__", 0, false)?;
        vm.handles.push(g);
        let s = vm.new_native(proto_setter, "set __proto__", 1, false)?;
        vm.handles.push(s);
        let op = vm.intrinsic(Intrinsic::ObjectPrototype);
        let key = vm.atoms.key_str("__proto__");
        let (g, s) = (vm.handles[mark], vm.handles[mark + 1]);
        vm.define_accessor(op, key, g, s, CONFIGURABLE)
    })
}

#[cfg(test)]
mod tests {
    use super::super::check_js;

    // Programs and expected output generated with node v20 (the oracle);
    // each runs normally and under --gc-stress --verify-heap.
    #[test]
    fn js_o1() {
        check_js(
            r##"const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.name + ': ' + e.message); } };
t(() => { const o = {b: 1, a: 2, 1: 'x', 0: 'y'}; return [Object.keys(o), Object.values(o), Object.entries(o)]; });
t(() => { const o = Object.create({inh: 1}); o.own = 2; return [Object.keys(o), 'inh' in o, o.hasOwnProperty('inh'), o.hasOwnProperty('own')]; });
t(() => Object.assign({}, {a: 1}, null, {b: 2}, 'xy', 5));
t(() => { const t2 = {}; const src = {get g() { return 42; }}; Object.assign(t2, src); return Object.getOwnPropertyDescriptor(t2, 'g'); });
t(() => { const o = Object.create(null); o.x = 1; return [Object.getPrototypeOf(o), Object.keys(o), typeof o.hasOwnProperty]; });
t(() => { const p = {greet() { return 'hi ' + this.n; }}; const o = Object.create(p, {n: {value: 'bob', enumerable: true}}); return [o.greet(), Object.keys(o), Object.getOwnPropertyDescriptor(o, 'n')]; });
t(() => { const o = {}; Object.defineProperty(o, 'x', {value: 1}); o.x = 2; });
t(() => { const o = {}; Object.defineProperty(o, 'x', {get() { return 1; }}); o.x = 2; });
t(() => { const o = {}; Object.defineProperty(o, 'x', {value: 1}); delete o.x; });
t(() => { const o = {}; Object.defineProperty(o, 'x', {value: 1, configurable: true}); Object.defineProperty(o, 'x', {get() { return 5; }}); return [o.x, Object.getOwnPropertyDescriptor(o, 'x')]; });
t(() => { const o = {}; Object.defineProperty(o, 'x', {get() { return 1; }, set(v) {}, configurable: true}); Object.defineProperty(o, 'x', {get: undefined}); return Object.getOwnPropertyDescriptor(o, 'x'); });
t(() => { const o = {}; Object.defineProperty(o, 'x', {get() { return 1; }, configurable: true}); Object.defineProperty(o, 'x', {value: 7}); return Object.getOwnPropertyDescriptor(o, 'x'); });
t(() => { const o = {a: 1, b: 2, c: 3}; Object.defineProperty(o, 'b', {enumerable: false}); return [Object.keys(o), JSON.stringify(o)]; });
t(() => { const o = {}; Object.defineProperties(o, {a: {value: 1, enumerable: true}, b: {get() { return 2; }, enumerable: true}}); return [o, o.a + o.b]; });
t(() => { const o = Object.freeze({a: 1, nested: {b: 2}}); o.nested.b = 3; return [Object.isFrozen(o), Object.isFrozen(o.nested), o.nested.b]; });
t(() => { 'use strict'; const o = Object.freeze({a: 1}); o.a = 2; });
t(() => { const o = Object.freeze({a: 1}); o.b = 2; });
t(() => { const o = Object.freeze({a: 1}); delete o.a; });
t(() => [Object.isFrozen({}), Object.isFrozen(Object.freeze({})), Object.isFrozen(Object.preventExtensions({})), Object.isFrozen(Object.preventExtensions({a: 1}))]);
t(() => [Object.is(NaN, NaN), Object.is(0, -0), Object.is('a', 'a'), Object.is({}, {}), Object.is(null, undefined)]);
t(() => { const a = {}; const b = Object.create(a); return [a.isPrototypeOf(b), Object.prototype.isPrototypeOf(b), b.isPrototypeOf(a)]; });
t(() => [{}.propertyIsEnumerable('x'), {x: 1}.propertyIsEnumerable('x'), [1].propertyIsEnumerable(0), [1].propertyIsEnumerable('length')]);
t(() => [{}.toString(), String({}), `${{}}`, {} + '', Object.prototype.toString.call(new (class Foo {})())]);
t(() => { const o = {valueOf() { return 42; }}; return [o + 1, `${o}`, o * 2]; });
t(() => Object.getOwnPropertyNames({a: 1, [2]: 0, b: 3}));
t(() => { class A { constructor() { this.x = 1; } m() {} static s() {} } return [Object.getOwnPropertyNames(A.prototype), Object.getOwnPropertyNames(A), Object.keys(new A())]; });
t(() => { function F() {} return [Object.getOwnPropertyNames(F).sort(), F.prototype.constructor === F, Object.keys(F.prototype)]; });
t(() => Object.setPrototypeOf({a: 1}, Array.prototype) instanceof Array);
t(() => { const o = {}; return Object.setPrototypeOf(o, null) === o && Object.getPrototypeOf(o); });
t(() => [Object(1) instanceof Number, Object('s') instanceof String, Object(true) instanceof Boolean, typeof Object(null), Object(undefined)]);
t(() => { const o = {a: 1}; return Object(o) === o; });
t(() => [Object.keys([4, 5]), Object.entries([7]), Object.values('hi')]);
t(() => Object.fromEntries(Object.entries({a: 1, b: 2}).map(e => [e[0], e[1] * 2])));
t(() => { const o = {}; o.__proto__ = Array.prototype; return [o instanceof Array, ({}).__proto__ === Object.prototype]; });
t(() => Object.getOwnPropertyDescriptor({get a() { return 1; }}, 'a'));
t(() => { const o = {}; Object.defineProperty(o, 'x', {value: 1, writable: true}); Object.defineProperty(o, 'x', {value: 2}); Object.defineProperty(o, 'x', {writable: false}); return [o.x, Object.getOwnPropertyDescriptor(o, 'x')]; });
t(() => { const o = {}; Object.defineProperty(o, 'x', {value: 1, writable: false}); Object.defineProperty(o, 'x', {writable: true}); });
t(() => { const o = {}; Object.defineProperty(o, 'x', {value: 1}); Object.defineProperty(o, 'x', {enumerable: true}); });
t(() => { const o = {}; Object.defineProperty(o, 'x', {value: NaN}); Object.defineProperty(o, 'x', {value: NaN}); return 'ok'; });
t(() => { const o = {}; Object.defineProperty(o, 'x', {value: 0}); Object.defineProperty(o, 'x', {value: -0}); return 'ok'; });
t(() => { const a = [1, 2, 3]; Object.defineProperty(a, 'length', {value: 1}); return a; });
t(() => { const a = [1, 2, 3]; Object.defineProperty(a, 5, {value: 9, enumerable: true, writable: true, configurable: true}); return [a, a.length]; });
t(() => { const a = [1, 2, 3]; Object.defineProperty(a, 0, {get() { return 'g'; }, enumerable: true}); return [a[0], a.length, Object.keys(a), a.join()]; });
t(() => { const a = [1, 2, 3]; Object.defineProperty(a, 1, {enumerable: false}); return [Object.keys(a), a[1], JSON.stringify(a)]; });
t(() => { const o = {a: 1}; const d = Object.getOwnPropertyDescriptors ? 'has' : 'no'; return d; });
t(() => { const o = {toString() { return 'custom'; }}; return `${o}` + o; });
t(() => Object.prototype.toString.call(Object.prototype) + Object.prototype.toString.call(Array.prototype) + Object.prototype.toString.call(Function.prototype) + Object.prototype.toString.call(Error.prototype) + Object.prototype.toString.call(String.prototype));
t(() => Object.defineProperty({}, 'x', {value: 1, writable: true, enumerable: true, configurable: true}));
t(() => Object.defineProperty({}, 'x', {value: 1}));
t(() => Object.keys(Object.defineProperty({}, 'x', {value: 1})));"##,
            r##"[
  [ '0', '1', 'b', 'a' ],
  [ 'y', 'x', 1, 2 ],
  [ [ '0', 'y' ], [ '1', 'x' ], [ 'b', 1 ], [ 'a', 2 ] ]
]
[ [ 'own' ], true, false, true ]
{ '0': 'x', '1': 'y', a: 1, b: 2 }
{ value: 42, writable: true, enumerable: true, configurable: true }
[ null, [ 'x' ], 'undefined' ]
[
  'hi bob',
  [ 'n' ],
  {
    value: 'bob',
    writable: false,
    enumerable: true,
    configurable: false
  }
]
TypeError: Cannot assign to read only property 'x' of object '#<Object>'
TypeError: Cannot set property x of #<Object> which has only a getter
TypeError: Cannot delete property 'x' of #<Object>
[
  5,
  {
    get: [Function: get],
    set: undefined,
    enumerable: false,
    configurable: true
  }
]
{
  get: undefined,
  set: [Function: set],
  enumerable: false,
  configurable: true
}
{ value: 7, writable: false, enumerable: false, configurable: true }
[ [ 'a', 'c' ], '{"a":1,"c":3}' ]
[ { a: 1, b: [Getter] }, 3 ]
[ true, false, 3 ]
TypeError: Cannot assign to read only property 'a' of object '#<Object>'
TypeError: Cannot add property b, object is not extensible
TypeError: Cannot delete property 'a' of #<Object>
[ false, true, true, false ]
[ true, false, true, false, false ]
[ true, true, false ]
[ false, true, true, false ]
[
  '[object Object]',
  '[object Object]',
  '[object Object]',
  '[object Object]',
  '[object Object]'
]
[ 43, '[object Object]', 84 ]
[ '2', 'a', 'b' ]
[
  [ 'constructor', 'm' ],
  [ 'length', 'name', 'prototype', 's' ],
  [ 'x' ]
]
[ [ 'length', 'name', 'prototype' ], true, [] ]
true
null
[ true, true, true, 'object', {} ]
true
[ [ '0', '1' ], [ [ '0', 7 ] ], [ 'h', 'i' ] ]
{ a: 2, b: 4 }
[ true, true ]
{
  get: [Function: get a],
  set: undefined,
  enumerable: true,
  configurable: true
}
[
  2,
  { value: 2, writable: false, enumerable: false, configurable: false }
]
TypeError: Cannot redefine property: x
TypeError: Cannot redefine property: x
ok
TypeError: Cannot redefine property: x
[ 1 ]
[ [ 1, 2, 3, <2 empty items>, 9 ], 6 ]
[ 'g', 3, [ '0', '1', '2' ], 'g,2,3' ]
[ [ '0', '2' ], 2, '[1,2,3]' ]
has
customcustom
[object Object][object Array][object Function][object Object][object String]
{ x: 1 }
{}
[]
"##,
        );
    }

    #[test]
    fn js_a2() {
        check_js(
            r##"const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.name + ': ' + e.message); } };
t(() => { const o = Object.seal({a: 1}); o.a = 2; delete o.a; });
t(() => { const o = Object.seal({a: 1}); o.a = 2; o.b = 1; });
t(() => { const o = Object.seal({a: 1}); o.a = 2; return [o.a, Object.isSealed(o), Object.isFrozen(o), Object.getOwnPropertyDescriptor(o, 'a')]; });
t(() => [Object.isSealed({}), Object.isSealed(Object.preventExtensions({})), Object.isSealed(Object.freeze({a: 1})), Object.isSealed(1)]);
t(() => Object.getOwnPropertyDescriptors({a: 1, get b() { return 2; }}));"##,
            r##"TypeError: Cannot delete property 'a' of #<Object>
TypeError: Cannot add property b, object is not extensible
[
  2,
  true,
  false,
  { value: 2, writable: true, enumerable: true, configurable: false }
]
[ false, true, true, true ]
{
  a: { value: 1, writable: true, enumerable: true, configurable: true },
  b: {
    get: [Function: get b],
    set: undefined,
    enumerable: true,
    configurable: true
  }
}
"##,
        );
    }
}
