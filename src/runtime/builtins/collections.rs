//! Map, Set and their iterators (storage: runtime/collections.rs).
//!
//! Invariants:
//! - A Map or Set object is `Kind::Map`/`Kind::Set` with its table in
//!   fixed value `TABLE_SLOT`; Set tables carry `TABLE_OF_SET` and store
//!   each value as its own key and value, so `entries` gives `[v, v]`.
//! - Methods check their receiver's kind first (V8's "incompatible
//!   receiver" TypeError), and read it again from `Args` after anything
//!   that allocates.
//! - Iteration (forEach, iterators, for-of) is live: it walks the table by
//!   index through `Vm::table_next`, so entries added during the walk are
//!   visited and deleted ones skipped, across rebuilds and clears.

use super::{define_constructor, define_getter, define_natives, keep, scoped};
use crate::runtime::atoms::{wk, PropKey};
use crate::runtime::collections::{
    Mode, COLLECTION_FIXED, ITER_FIXED, ITER_INDEX, ITER_MODE, ITER_TABLE, MODE_SET, TABLE_OF_SET,
    TABLE_SLOT,
};
use crate::runtime::heap::{Cell, Kind};
use crate::runtime::shape::DEFAULT_ATTRS;
use crate::runtime::{format, Args, Intrinsic, JsResult, Value, Vm};

/// The receiver, if it is of `kind`; else V8's incompatible-receiver error.
fn receiver(vm: &mut Vm, args: &Args, kind: Kind, method: &str) -> JsResult<Value> {
    let this = args.this(vm);
    if vm.kind_of(this) == Some(kind) {
        return Ok(this);
    }
    let shown = format::display_for_error(vm, this);
    let shown = if vm.is_string(this) {
        vm.string_to_rust(this)
    } else {
        shown
    };
    Err(vm.type_error(&format!(
        "Method {method} called on incompatible receiver {shown}"
    )))
}

/// `new Map(iterable)` / `new Set(iterable)`.
fn construct(vm: &mut Vm, args: Args, kind: Kind) -> JsResult<Value> {
    let (name, proto_intr) = match kind {
        Kind::Map => ("Map", Intrinsic::MapPrototype),
        _ => ("Set", Intrinsic::SetPrototype),
    };
    let nt = args.new_target(vm);
    if nt.is_undefined() {
        return Err(vm.type_error(&format!("Constructor {name} requires 'new'")));
    }
    // Subclasses pass their own new.target.
    let p = vm.get(nt, PropKey::Atom(wk::prototype))?;
    let proto = if vm.is_object(p) {
        p
    } else {
        vm.intrinsic(proto_intr)
    };
    let obj = vm.new_object_kind(kind, proto, COLLECTION_FIXED, 0)?;
    let ((), obj) = keep(vm, obj, |vm| {
        let t = vm.new_table(8)?;
        if kind == Kind::Set {
            Cell::from_value(t).set_flags(TABLE_OF_SET);
        }
        let obj = *vm.handles.last().unwrap();
        Cell::from_value(obj).set(TABLE_SLOT, t);
        let src = args.get(vm, 0);
        if src.is_nullish() {
            return Ok(());
        }
        // The adder is looked up once (spec: `set` / `add` of the new
        // object, so an override or a subclass method is called); the
        // original builtin is applied directly.
        let (adder_name, builtin): (_, crate::runtime::NativeFn) = match kind {
            Kind::Map => (wk::set, map_set),
            _ => (wk::add, set_add),
        };
        let mark = vm.handles.len();
        vm.handles.push(obj);
        let r = (|| {
            let adder = vm.get(vm.handles[mark], PropKey::Atom(adder_name))?;
            if !vm.is_callable(adder) {
                let shown = if vm.is_string(adder) {
                    vm.string_to_rust(adder)
                } else {
                    format::display_for_error(vm, adder)
                };
                let owner = format::display_for_error(vm, vm.handles[mark]);
                let key = vm.atoms.key_to_string(PropKey::Atom(adder_name));
                return Err(vm.type_error(&format!(
                    "'{shown}' returned for property '{key}' of object '{owner}' is not a function"
                )));
            }
            let direct = vm.kind_of(adder) == Some(Kind::Native)
                && Cell::from_value(adder).raw(1) == builtin as usize as u64;
            vm.handles.push(adder);
            let src = args.get(vm, 0);
            vm.for_each_iterated(src, Some("~"), |vm, v| {
                let (target, adder) = (vm.handles[mark], vm.handles[mark + 1]);
                if kind == Kind::Set {
                    if direct {
                        return vm.collection_set(target, v, v);
                    }
                    return vm.call(adder, target, &[v]).map(|_| ());
                }
                if !vm.is_object(v) {
                    let shown = format::display_for_error(vm, v);
                    return Err(
                        vm.type_error(&format!("Iterator value {shown} is not an entry object"))
                    );
                }
                // The entry's "0" and "1", each read with the others rooted.
                scoped(vm, |vm, base| {
                    vm.handles.push(v);
                    let k = super::get_index(vm, v, 0.0)?;
                    vm.handles.push(k);
                    let e = vm.handles[base];
                    let val = super::get_index(vm, e, 1.0)?;
                    let (target, adder, k) =
                        (vm.handles[mark], vm.handles[mark + 1], vm.handles[base + 1]);
                    if direct {
                        return vm.collection_set(target, k, val);
                    }
                    vm.call(adder, target, &[k, val]).map(|_| ())
                })
            })
        })();
        vm.handles.truncate(mark);
        r
    })?;
    Ok(obj)
}

fn map_ctor(vm: &mut Vm, args: Args) -> JsResult<Value> {
    construct(vm, args, Kind::Map)
}

fn set_ctor(vm: &mut Vm, args: Args) -> JsResult<Value> {
    construct(vm, args, Kind::Set)
}

fn map_get(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let m = receiver(vm, &args, Kind::Map, "Map.prototype.get")?;
    let k = args.get(vm, 0);
    Ok(vm.collection_get(m, k)?.unwrap_or(Value::UNDEFINED))
}

fn map_set(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let m = receiver(vm, &args, Kind::Map, "Map.prototype.set")?;
    let (k, v) = (args.get(vm, 0), args.get(vm, 1));
    vm.collection_set(m, k, v)?;
    Ok(args.this(vm))
}

fn map_has(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let m = receiver(vm, &args, Kind::Map, "Map.prototype.has")?;
    let k = args.get(vm, 0);
    Ok(Value::bool(vm.collection_get(m, k)?.is_some()))
}

fn map_delete(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let m = receiver(vm, &args, Kind::Map, "Map.prototype.delete")?;
    let k = args.get(vm, 0);
    Ok(Value::bool(vm.collection_delete(m, k)?))
}

fn map_clear(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let m = receiver(vm, &args, Kind::Map, "Map.prototype.clear")?;
    vm.collection_clear(m)?;
    Ok(Value::UNDEFINED)
}

fn map_size(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let m = receiver(vm, &args, Kind::Map, "get Map.prototype.size")?;
    Ok(Value::int(vm.collection_size(m) as i32))
}

fn set_add(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = receiver(vm, &args, Kind::Set, "Set.prototype.add")?;
    let k = args.get(vm, 0);
    vm.collection_set(s, k, k)?;
    Ok(args.this(vm))
}

fn set_has(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = receiver(vm, &args, Kind::Set, "Set.prototype.has")?;
    let k = args.get(vm, 0);
    Ok(Value::bool(vm.collection_get(s, k)?.is_some()))
}

fn set_delete(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = receiver(vm, &args, Kind::Set, "Set.prototype.delete")?;
    let k = args.get(vm, 0);
    Ok(Value::bool(vm.collection_delete(s, k)?))
}

fn set_clear(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = receiver(vm, &args, Kind::Set, "Set.prototype.clear")?;
    vm.collection_clear(s)?;
    Ok(Value::UNDEFINED)
}

fn set_size(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = receiver(vm, &args, Kind::Set, "get Set.prototype.size")?;
    Ok(Value::int(vm.collection_size(s) as i32))
}

/// `forEach(callback, thisArg)`: callback(value, key, collection), live.
fn for_each(vm: &mut Vm, args: Args, kind: Kind, method: &str) -> JsResult<Value> {
    let c = receiver(vm, &args, kind, method)?;
    let f = args.get(vm, 0);
    if !vm.is_callable(f) {
        let msg = format!("{} is not a function", typed_value(vm, f));
        return Err(vm.type_error(&msg));
    }
    let t = vm.table_of(c);
    scoped(vm, |vm, mark| {
        vm.handles.push(t);
        let mut i = 0;
        loop {
            let (t, found) = vm.table_next(vm.handles[mark], i);
            vm.handles[mark] = t;
            let Some((e, next)) = found else {
                return Ok(Value::UNDEFINED);
            };
            i = next;
            let (k, v) = vm.table_entry(t, e);
            let (f, this, c) = (args.get(vm, 0), args.get(vm, 1), args.this(vm));
            vm.call(f, this, &[v, k, c])?;
        }
    })
}

/// V8's "number 1 is not a function" wording of forEach's callback check.
fn typed_value(vm: &Vm, v: Value) -> String {
    if v.is_undefined() {
        "undefined".into()
    } else if v.is_null() {
        "object null".into()
    } else if vm.is_object(v) {
        format::object_tag(vm, v)
    } else if v.is_bool() {
        format!("boolean {}", format::display_primitive(vm, v))
    } else if vm.is_string(v) {
        format!("string \"{}\"", vm.string_to_rust(v))
    } else {
        format!("number {}", format::display_primitive(vm, v))
    }
}

fn map_for_each(vm: &mut Vm, args: Args) -> JsResult<Value> {
    for_each(vm, args, Kind::Map, "Map.prototype.forEach")
}

fn set_for_each(vm: &mut Vm, args: Args) -> JsResult<Value> {
    for_each(vm, args, Kind::Set, "Set.prototype.forEach")
}

/// A new iterator over the receiver's table.
fn iterator(vm: &mut Vm, args: Args, kind: Kind, method: &str, mode: Mode) -> JsResult<Value> {
    let c = receiver(vm, &args, kind, method)?;
    let proto = vm.intrinsic(if kind == Kind::Map {
        Intrinsic::MapIteratorPrototype
    } else {
        Intrinsic::SetIteratorPrototype
    });
    let _ = c;
    let it = vm.new_object_kind(Kind::CollectionIterator, proto, ITER_FIXED, 0)?;
    let t = vm.table_of(args.this(vm));
    let ic = Cell::from_value(it);
    ic.set(ITER_TABLE, t);
    ic.set(ITER_INDEX, Value::int(0));
    let set_bit = if kind == Kind::Set { MODE_SET } else { 0 };
    ic.set(ITER_MODE, Value::int(mode as i32 | set_bit));
    Ok(it)
}

fn map_keys(vm: &mut Vm, args: Args) -> JsResult<Value> {
    iterator(vm, args, Kind::Map, "Map.prototype.keys", Mode::Keys)
}
fn map_values(vm: &mut Vm, args: Args) -> JsResult<Value> {
    iterator(vm, args, Kind::Map, "Map.prototype.values", Mode::Values)
}
fn map_entries(vm: &mut Vm, args: Args) -> JsResult<Value> {
    iterator(vm, args, Kind::Map, "Map.prototype.entries", Mode::Entries)
}
fn set_values(vm: &mut Vm, args: Args) -> JsResult<Value> {
    iterator(vm, args, Kind::Set, "Set.prototype.values", Mode::Values)
}
fn set_entries(vm: &mut Vm, args: Args) -> JsResult<Value> {
    iterator(vm, args, Kind::Set, "Set.prototype.entries", Mode::Entries)
}

/// `%MapIteratorPrototype%.next` / `%SetIteratorPrototype%.next`.
fn iterator_next(vm: &mut Vm, args: Args, set: bool) -> JsResult<Value> {
    let it = args.this(vm);
    let ok = vm.kind_of(it) == Some(Kind::CollectionIterator)
        && (Cell::from_value(it).get(ITER_MODE).as_int() & MODE_SET != 0) == set;
    if !ok {
        let name = if set { "Set" } else { "Map" };
        let shown = format::display_for_error(vm, it);
        return Err(vm.type_error(&format!(
            "Method {name} Iterator.prototype.next called on incompatible receiver {shown}"
        )));
    }
    let v = vm.iterator_step(it)?;
    let done = v.is_none();
    let v = v.unwrap_or(Value::UNDEFINED);
    scoped(vm, |vm, mark| {
        vm.handles.push(v);
        let o = vm.new_plain_object()?;
        vm.handles.push(o);
        let key = vm.atoms.key_str("value");
        vm.define_own(o, key, vm.handles[mark], DEFAULT_ATTRS)?;
        let key = vm.atoms.key_str("done");
        let o = vm.handles[mark + 1];
        vm.define_own(o, key, Value::bool(done), DEFAULT_ATTRS)?;
        Ok(vm.handles[mark + 1])
    })
}

fn map_iterator_next(vm: &mut Vm, args: Args) -> JsResult<Value> {
    iterator_next(vm, args, false)
}

fn set_iterator_next(vm: &mut Vm, args: Args) -> JsResult<Value> {
    iterator_next(vm, args, true)
}

pub fn init(vm: &mut Vm) -> JsResult<()> {
    for (intr, name, ctor) in [
        (
            Intrinsic::MapPrototype,
            "Map",
            map_ctor as crate::runtime::NativeFn,
        ),
        (Intrinsic::SetPrototype, "Set", set_ctor),
    ] {
        let op = vm.intrinsic(Intrinsic::ObjectPrototype);
        let p = vm.new_object(op)?;
        vm.intrinsics[intr as usize] = p;
        define_constructor(vm, name, ctor, 0, p)?;
    }
    for intr in [
        Intrinsic::MapIteratorPrototype,
        Intrinsic::SetIteratorPrototype,
    ] {
        let op = vm.intrinsic(Intrinsic::ObjectPrototype);
        let p = vm.new_object(op)?;
        vm.intrinsics[intr as usize] = p;
    }
    define_natives(
        vm,
        Intrinsic::MapPrototype,
        &[
            ("get", map_get, 1),
            ("set", map_set, 2),
            ("has", map_has, 1),
            ("delete", map_delete, 1),
            ("clear", map_clear, 0),
            ("entries", map_entries, 0),
            ("forEach", map_for_each, 1),
            ("keys", map_keys, 0),
            ("values", map_values, 0),
        ],
    )?;
    define_getter(vm, Intrinsic::MapPrototype, "size", map_size)?;
    define_natives(
        vm,
        Intrinsic::SetPrototype,
        &[
            ("has", set_has, 1),
            ("add", set_add, 1),
            ("delete", set_delete, 1),
            ("clear", set_clear, 0),
            ("entries", set_entries, 0),
            ("forEach", set_for_each, 1),
        ],
    )?;
    define_getter(vm, Intrinsic::SetPrototype, "size", set_size)?;
    // Set.prototype.keys is the very same function as values.
    let sp = vm.intrinsic(Intrinsic::SetPrototype);
    let values = super::define_native(vm, sp, "values", set_values, 0)?;
    let sp = vm.intrinsic(Intrinsic::SetPrototype);
    let key = vm.atoms.key_str("keys");
    vm.define_own(sp, key, values, crate::runtime::shape::METHOD_ATTRS)?;
    define_natives(
        vm,
        Intrinsic::MapIteratorPrototype,
        &[("next", map_iterator_next, 0)],
    )?;
    define_natives(
        vm,
        Intrinsic::SetIteratorPrototype,
        &[("next", set_iterator_next, 0)],
    )?;
    Ok(())
}
