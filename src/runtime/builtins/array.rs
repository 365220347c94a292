//! `Array`: the constructor, `Array.isArray/of/from` and `Array.prototype`.
//!
//! Invariants:
//! - Every method is generic as in the spec: it reads the receiver through
//!   `get_index`/`has_index`/`length_of` (with dense-array fast paths) and
//!   writes through strict `Set`, so array-likes and primitives work and
//!   frozen arrays throw V8's errors.
//! - GC: the receiver and arguments are re-read from `Args` after anything
//!   that may allocate or call JS; results under construction live on
//!   `vm.handles` inside `scoped` (which pops them on every path).
//! - Lengths are f64 (ToLength allows up to 2^53 - 1 on array-likes).

use super::{
    define_constructor, define_natives, delete_index, get_index, has_index, index_key, keep,
    length_of, relative_index, require_callable, scoped, set_index, set_length, to_integer,
};
use crate::runtime::atoms::{wk, PropKey};
use crate::runtime::heap::Cell;
use crate::runtime::object::Own;
use crate::runtime::object::{FROZEN_ELEMENTS, LENGTH_READONLY};
use crate::runtime::shape::DEFAULT_ATTRS;
use crate::runtime::{
    fixed, oflags, ops, Args, ErrorKind, Intrinsic, JsResult, NativeFn, Value, Vm,
};

/// The receiver of an Array.prototype method, ToObject(this): a primitive
/// is wrapped and the wrapper replaces `this` in `args`, so the method's
/// later reads (and a returned `this`) see the object. V8 words the
/// null/undefined error in two ways depending on the method: `Some(name)`
/// gives "Array.prototype.NAME called on null or undefined".
fn this_value(vm: &mut Vm, args: &Args, name: Option<&str>) -> JsResult<Value> {
    let this = args.this(vm);
    if this.is_nullish() {
        let msg = match name {
            Some(n) => format!("Array.prototype.{n} called on null or undefined"),
            None => "Cannot convert undefined or null to object".to_string(),
        };
        return Err(vm.type_error(&msg));
    }
    if vm.is_object(this) {
        return Ok(this);
    }
    let o = super::object::to_object(vm, this)?;
    args.set_this(vm, o);
    Ok(o)
}

/// ArraySpeciesCreate(this, len), without symbols: a non-array receiver
/// or an `undefined` constructor gives a fresh array; a `constructor` that
/// is not an object is a TypeError (V8's message); %Array%'s @@species
/// getter returns its receiver, so a constructor inheriting from Array
/// (`class A extends Array`) is constructed with `len`; any other object
/// has no @@species (a fresh array). Reading `constructor` may throw.
fn species_create(vm: &mut Vm, args: &Args, len: f64) -> JsResult<Value> {
    let o = args.this(vm);
    if vm.is_array(o) {
        let c = vm.get(o, PropKey::Atom(wk::constructor))?;
        if !c.is_undefined() {
            if !vm.is_object(c) {
                return Err(
                    vm.type_error("object.constructor[Symbol.species] is not a constructor")
                );
            }
            let array = vm.intrinsic(Intrinsic::ArrayConstructor);
            let mut p = c;
            while c != array && vm.is_object(p) {
                p = vm.proto_of(p);
                if p == array {
                    return vm.construct(c, &[Value::number(len)], c);
                }
            }
        }
    }
    if len > u32::MAX as f64 {
        return Err(vm.throw_error(ErrorKind::RangeError, "Invalid array length"));
    }
    vm.new_array(0)
}

/// Whether ArraySpeciesCreate on `o` is surely a plain array without
/// running code: an array whose `constructor` is Array.prototype's own,
/// untouched data property.
fn default_species(vm: &mut Vm, o: Value) -> bool {
    let key = PropKey::Atom(wk::constructor);
    let ap = vm.intrinsic(Intrinsic::ArrayPrototype);
    let ctor = vm.intrinsic(Intrinsic::ArrayConstructor);
    vm.is_array(o)
        && vm.proto_of(o) == ap
        && vm.get_own(o, key).is_none()
        && matches!(vm.get_own(ap, key), Some(Own::Data(c, _)) if c == ctor)
}

/// The callback check of the iteration methods: V8 shows strings unquoted
/// here ("abc is not a function").
fn require_callback(vm: &mut Vm, f: Value) -> JsResult<()> {
    if vm.is_string(f) && !vm.is_callable(f) {
        let s = vm.string_to_rust(f);
        return Err(vm.type_error(&format!("{s} is not a function")));
    }
    require_callable(vm, f)
}

/// The element at `k` if present (dense fast path, then HasProperty + Get).
fn get_present(vm: &mut Vm, o: Value, k: f64) -> JsResult<Option<Value>> {
    vm.charge(1, "element")?;
    if k < 4294967295.0 && vm.is_array(o) {
        if let Some(v) = vm.array_get_fast(o, k as u32) {
            return Ok(Some(v));
        }
    }
    if has_index(vm, o, k) {
        return get_index(vm, o, k).map(Some);
    }
    Ok(None)
}

/// CreateDataPropertyOrThrow(a, k, v) on a fresh array.
fn create_data(vm: &mut Vm, a: Value, k: f64, v: Value) -> JsResult<()> {
    vm.charge(1, "element")?;
    let key = index_key(vm, k);
    vm.define_own(a, key, v, DEFAULT_ATTRS)
}

/// An array the fast paths may edit through its elements cell directly:
/// extensible, not frozen, and no index-keyed properties in its shape.
fn is_simple_array(vm: &Vm, o: Value) -> bool {
    if !vm.is_array(o) {
        return false;
    }
    let c = Cell::from_value(o);
    if c.flags() & (oflags::NOT_EXTENSIBLE | FROZEN_ELEMENTS | LENGTH_READONLY) != 0 {
        return false;
    }
    !vm.shapes
        .keys(Vm::shape_of(c))
        .any(|(k, _, _)| matches!(k, PropKey::Index(_)))
}

// ----- constructor and statics -----

fn array_ctor(vm: &mut Vm, args: Args) -> JsResult<Value> {
    // `class X extends Array`: the instance's prototype is new.target's.
    let nt = args.new_target(vm);
    let mut proto = vm.intrinsic(Intrinsic::ArrayPrototype);
    if !nt.is_undefined() && nt != vm.intrinsic(Intrinsic::ArrayConstructor) {
        let p = vm.get(nt, PropKey::Atom(wk::prototype))?;
        if vm.is_object(p) {
            proto = p;
        }
    }
    vm.handles.push(proto);
    let a = if args.argc == 1 && args.get(vm, 0).is_number() {
        let n = args.get(vm, 0).as_number();
        if n < 0.0 || n > u32::MAX as f64 || n.fract() != 0.0 || n.is_nan() {
            vm.handles.pop();
            return Err(vm.throw_error(ErrorKind::RangeError, "Invalid array length"));
        }
        vm.new_array(0)
            .inspect(|&a| Cell::from_value(a).set_raw(1, n as u64))
    } else {
        let items: Vec<Value> = (0..args.argc).map(|i| args.get(vm, i)).collect();
        vm.new_array_from(&items)
    };
    let proto = vm.handles.pop().unwrap();
    let a = a?;
    Cell::from_value(a).set(fixed::PROTO, proto);
    Ok(a)
}

fn is_array(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let v = args.get(vm, 0);
    Ok(Value::bool(vm.is_array(v)))
}

fn array_of(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let items: Vec<Value> = (0..args.argc).map(|i| args.get(vm, i)).collect();
    vm.new_array_from(&items)
}

/// Array.from(items[, mapFn[, thisArg]]): arrays, strings (by code point)
/// and array-likes; other iterables are outside the subset.
fn array_from(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let src = args.get(vm, 0);
    if src.is_nullish() {
        let s = if src.is_null() { "null" } else { "undefined" };
        return Err(vm.type_error(&format!(
            "{s} is not iterable (cannot read property Symbol(Symbol.iterator))"
        )));
    }
    let mapf = args.get(vm, 1);
    if !mapf.is_undefined() && !vm.is_callable(mapf) {
        let shown = crate::runtime::format::display_for_error(vm, mapf);
        return Err(vm.type_error(&format!("{shown} is not a function")));
    }
    scoped(vm, |vm, mark| {
        let a = vm.new_array(0)?;
        vm.handles.push(a);
        let src = args.get(vm, 0);
        if vm.is_string(src) {
            // Code points, as the string iterator yields them.
            let u = vm.string_units(src);
            let mut i = 0;
            let mut k = 0.0;
            while i < u.len() {
                let n = if (0xd800..0xdc00).contains(&u[i])
                    && i + 1 < u.len()
                    && (0xdc00..0xe000).contains(&u[i + 1])
                {
                    2
                } else {
                    1
                };
                let mut v = vm.new_string(&u[i..i + n])?;
                v = map_from(vm, &args, v, k)?;
                let a = vm.handles[mark];
                create_data(vm, a, k, v)?;
                i += n;
                k += 1.0;
            }
            return Ok(vm.handles[mark]);
        }
        let len = length_of(vm, src)?;
        let mut k = 0.0;
        while k < len {
            let src = args.get(vm, 0);
            let v = get_index(vm, src, k)?;
            let v = map_from(vm, &args, v, k)?;
            let a = vm.handles[mark];
            create_data(vm, a, k, v)?;
            k += 1.0;
        }
        let a = vm.handles[mark];
        set_length(vm, a, len)?;
        Ok(vm.handles[mark])
    })
}

fn map_from(vm: &mut Vm, args: &Args, v: Value, k: f64) -> JsResult<Value> {
    let f = args.get(vm, 1);
    if f.is_undefined() {
        return Ok(v);
    }
    let this = args.get(vm, 2);
    vm.call(f, this, &[v, Value::number(k)])
}

// ----- mutators -----

pub(crate) fn push(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = this_value(vm, &args, None)?;
    if is_simple_array(vm, o) && (vm.array_len(o) as u64 + args.argc as u64) < u32::MAX as u64 {
        for i in 0..args.argc {
            let (o, v) = (args.this(vm), args.get(vm, i));
            vm.array_push(o, v)?;
        }
        let o = args.this(vm);
        return Ok(Value::number(vm.array_len(o) as f64));
    }
    let mut len = length_of(vm, o)?;
    if len + args.argc as f64 > 9007199254740991.0 {
        return Err(vm.type_error("Pushing elements past 2^53-1 length"));
    }
    for i in 0..args.argc {
        let (o, v) = (args.this(vm), args.get(vm, i));
        set_index(vm, o, len, v)?;
        len += 1.0;
    }
    let o = args.this(vm);
    // V8 leaves an array's length alone when nothing is pushed (so a
    // read-only length does not throw there); node is the oracle.
    if !(args.argc == 0 && vm.is_array(o)) {
        set_length(vm, o, len)?;
    }
    Ok(Value::number(len))
}

fn pop(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = this_value(vm, &args, None)?;
    if is_simple_array(vm, o) {
        let len = vm.array_len(o);
        if len == 0 {
            return Ok(Value::UNDEFINED);
        }
        if let Some(v) = vm.array_get_fast(o, len - 1) {
            let c = Cell::from_value(o);
            Cell::from_value(c.get(fixed::ELEMENTS)).set(len as usize - 1, Value::EMPTY);
            c.set_raw(1, len as u64 - 1);
            return Ok(v);
        }
    }
    let len = length_of(vm, o)?;
    if len == 0.0 {
        set_length(vm, o, 0.0)?;
        return Ok(Value::UNDEFINED);
    }
    let v = get_index(vm, o, len - 1.0)?;
    let ((), v) = keep(vm, v, |vm| {
        let o = args.this(vm);
        delete_index(vm, o, len - 1.0)?;
        let o = args.this(vm);
        set_length(vm, o, len - 1.0)
    })?;
    Ok(v)
}

fn shift(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = this_value(vm, &args, None)?;
    if is_simple_array(vm, o) {
        let len = vm.array_len(o) as usize;
        if len == 0 {
            return Ok(Value::UNDEFINED);
        }
        let c = Cell::from_value(o);
        let el = c.get(fixed::ELEMENTS);
        if el.is_cell() && Cell::from_value(el).nvals() >= len {
            let el = Cell::from_value(el);
            let first = el.get(0);
            if !first.is_empty() {
                // Holes move down as holes, exactly what the generic
                // delete/set sequence does when no prototype has indices.
                unsafe {
                    let p = el.vals_ptr();
                    std::ptr::copy(p.add(1), p, len - 1);
                }
                el.set(len - 1, Value::EMPTY);
                c.set_raw(1, len as u64 - 1);
                return Ok(first);
            }
        }
    }
    let len = length_of(vm, o)?;
    if len == 0.0 {
        set_length(vm, o, 0.0)?;
        return Ok(Value::UNDEFINED);
    }
    let first = get_index(vm, o, 0.0)?;
    let ((), first) = keep(vm, first, |vm| {
        let mut k = 1.0;
        while k < len {
            let o = args.this(vm);
            match get_present(vm, o, k)? {
                Some(v) => {
                    let o = args.this(vm);
                    set_index(vm, o, k - 1.0, v)?
                }
                None => {
                    let o = args.this(vm);
                    delete_index(vm, o, k - 1.0)?
                }
            }
            k += 1.0;
        }
        let o = args.this(vm);
        delete_index(vm, o, len - 1.0)?;
        let o = args.this(vm);
        set_length(vm, o, len - 1.0)
    })?;
    Ok(first)
}

fn unshift(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = this_value(vm, &args, None)?;
    let n = args.argc;
    if is_simple_array(vm, o) && n > 0 && (vm.array_len(o) as u64 + n as u64) < (1 << 26) {
        let len = vm.array_len(o) as usize;
        // Grow (and set the length) by defining the new last element.
        vm.define_own(
            o,
            PropKey::Index((len + n - 1) as u32),
            Value::UNDEFINED,
            DEFAULT_ATTRS,
        )?;
        let o = args.this(vm);
        let c = Cell::from_value(o);
        let el = Cell::from_value(c.get(fixed::ELEMENTS));
        let old_cap = len.min(el.nvals());
        unsafe {
            let p = el.vals_ptr();
            std::ptr::copy(p, p.add(n), old_cap);
        }
        for i in 0..n {
            el.set(i, args.get(vm, i));
        }
        return Ok(Value::number((len + n) as f64));
    }
    let len = length_of(vm, o)?;
    if n > 0 {
        if len + n as f64 > 9007199254740991.0 {
            return Err(vm.type_error("Invalid array length"));
        }
        let mut k = len;
        while k > 0.0 {
            let o = args.this(vm);
            match get_present(vm, o, k - 1.0)? {
                Some(v) => {
                    let o = args.this(vm);
                    set_index(vm, o, k - 1.0 + n as f64, v)?
                }
                None => {
                    let o = args.this(vm);
                    delete_index(vm, o, k - 1.0 + n as f64)?
                }
            }
            k -= 1.0;
        }
        for i in 0..n {
            let (o, v) = (args.this(vm), args.get(vm, i));
            set_index(vm, o, i as f64, v)?;
        }
    }
    let o = args.this(vm);
    set_length(vm, o, len + n as f64)?;
    Ok(Value::number(len + n as f64))
}

fn slice(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = this_value(vm, &args, None)?;
    let len = length_of(vm, o)?;
    let a0 = args.get(vm, 0);
    let start = relative_index(vm, a0, len, 0.0)?;
    let a1 = args.get(vm, 1);
    let end = relative_index(vm, a1, len, len)?;
    let o = args.this(vm);
    // Dense fast path: copy the elements out and build the result at once.
    if default_species(vm, o) && end <= vm.array_len(o) as f64 {
        let items: Option<Vec<Value>> = (start as u32..end.max(start) as u32)
            .map(|i| vm.array_get_fast(o, i))
            .collect();
        if let Some(items) = items {
            return vm.new_array_from(&items);
        }
    }
    scoped(vm, |vm, mark| {
        let a = species_create(vm, &args, (end - start).max(0.0))?;
        vm.handles.push(a);
        let (mut k, mut n) = (start, 0.0);
        while k < end {
            let o = args.this(vm);
            if let Some(v) = get_present(vm, o, k)? {
                let a = vm.handles[mark];
                create_data(vm, a, n, v)?;
            }
            k += 1.0;
            n += 1.0;
        }
        let a = vm.handles[mark];
        set_length(vm, a, n)?;
        Ok(vm.handles[mark])
    })
}

fn splice(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = this_value(vm, &args, None)?;
    let len = length_of(vm, o)?;
    let a0 = args.get(vm, 0);
    let start = relative_index(vm, a0, len, 0.0)?;
    let del = if args.argc == 0 {
        0.0
    } else if args.argc == 1 {
        len - start
    } else {
        let a1 = args.get(vm, 1);
        to_integer(vm, a1)?.clamp(0.0, len - start)
    };
    let items = args.argc.saturating_sub(2);
    if len + items as f64 - del > 9007199254740991.0 {
        return Err(vm.type_error("Invalid array length"));
    }
    scoped(vm, |vm, mark| {
        let removed = species_create(vm, &args, del)?;
        vm.handles.push(removed);
        for k in 0..del as u64 {
            let o = args.this(vm);
            if let Some(v) = get_present(vm, o, start + k as f64)? {
                let r = vm.handles[mark];
                create_data(vm, r, k as f64, v)?;
            }
        }
        let r = vm.handles[mark];
        set_length(vm, r, del)?;
        let ic = items as f64;
        if ic < del {
            let mut k = start;
            while k < len - del {
                let o = args.this(vm);
                match get_present(vm, o, k + del)? {
                    Some(v) => {
                        let o = args.this(vm);
                        set_index(vm, o, k + ic, v)?
                    }
                    None => {
                        let o = args.this(vm);
                        delete_index(vm, o, k + ic)?
                    }
                }
                k += 1.0;
            }
            let mut k = len;
            while k > len - del + ic {
                let o = args.this(vm);
                delete_index(vm, o, k - 1.0)?;
                k -= 1.0;
            }
        } else if ic > del {
            let mut k = len - del;
            while k > start {
                let o = args.this(vm);
                match get_present(vm, o, k + del - 1.0)? {
                    Some(v) => {
                        let o = args.this(vm);
                        set_index(vm, o, k + ic - 1.0, v)?
                    }
                    None => {
                        let o = args.this(vm);
                        delete_index(vm, o, k + ic - 1.0)?
                    }
                }
                k -= 1.0;
            }
        }
        for i in 0..items {
            let (o, v) = (args.this(vm), args.get(vm, i + 2));
            set_index(vm, o, start + i as f64, v)?;
        }
        let o = args.this(vm);
        set_length(vm, o, len - del + ic)?;
        Ok(vm.handles[mark])
    })
}

fn concat(vm: &mut Vm, args: Args) -> JsResult<Value> {
    this_value(vm, &args, Some("concat"))?;
    scoped(vm, |vm, mark| {
        let a = species_create(vm, &args, 0.0)?;
        vm.handles.push(a);
        let mut n = 0.0;
        for i in 0..=args.argc {
            let e = if i == 0 {
                args.this(vm)
            } else {
                args.get(vm, i - 1)
            };
            if vm.is_array(e) {
                let len = vm.array_len(e) as f64;
                let mut k = 0.0;
                while k < len {
                    let e = if i == 0 {
                        args.this(vm)
                    } else {
                        args.get(vm, i - 1)
                    };
                    if let Some(v) = get_present(vm, e, k)? {
                        let a = vm.handles[mark];
                        create_data(vm, a, n, v)?;
                    }
                    k += 1.0;
                    n += 1.0;
                }
            } else {
                let a = vm.handles[mark];
                create_data(vm, a, n, e)?;
                n += 1.0;
            }
        }
        let a = vm.handles[mark];
        set_length(vm, a, n)?;
        Ok(vm.handles[mark])
    })
}

thread_local! {
    /// Handle-stack indices of the arrays whose `join` is in progress on
    /// this thread, with their VM: a cycle joins as the empty string.
    static JOIN_STACK: std::cell::RefCell<Vec<(usize, usize)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn join_impl(vm: &mut Vm, args: &Args, sep_arg: Option<usize>) -> JsResult<Value> {
    let o = this_value(vm, args, None)?;
    let vm_id = vm as *const Vm as usize;
    let cyclic = JOIN_STACK.with(|s| {
        s.borrow()
            .iter()
            .any(|&(id, h)| id == vm_id && vm.handles.get(h) == Some(&o))
    });
    if cyclic {
        return vm.atom_string(wk::empty);
    }
    let len = length_of(vm, o)?;
    let sep: Vec<u16> = match sep_arg.map(|i| args.get(vm, i)) {
        Some(s) if !s.is_undefined() => ops::to_units(vm, s)?,
        _ => vec![b',' as u16],
    };
    let o = args.this(vm);
    let h = vm.handles.len();
    vm.handles.push(o);
    JOIN_STACK.with(|s| s.borrow_mut().push((vm_id, h)));
    let r = (|| {
        let mut out: Vec<u16> = Vec::new();
        let mut k = 0.0;
        while k < len {
            if k > 0.0 {
                vm.charge(sep.len() as u64 >> 4, "string")?;
                out.extend_from_slice(&sep);
            }
            let o = vm.handles[h];
            let v = get_index(vm, o, k)?;
            if !v.is_nullish() {
                if vm.is_string(v) {
                    vm.charge(vm.string_len(v) as u64 >> 4, "string")?;
                    out.extend(vm.string_units(v));
                } else {
                    out.extend(ops::to_units(vm, v)?);
                }
            }
            if out.len() > (1 << 29) {
                return Err(vm.throw_error(ErrorKind::RangeError, "Invalid string length"));
            }
            k += 1.0;
        }
        vm.new_string(&out)
    })();
    JOIN_STACK.with(|s| s.borrow_mut().pop());
    vm.handles.truncate(h);
    r
}

fn join(vm: &mut Vm, args: Args) -> JsResult<Value> {
    join_impl(vm, &args, Some(0))
}

fn to_string(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = this_value(vm, &args, None)?;
    let key = vm.atoms.key_str("join");
    let f = vm.get_value(o, key)?;
    if vm.is_callable(f) {
        let o = args.this(vm);
        return vm.call(f, o, &[]);
    }
    let o = args.this(vm);
    super::object::to_string_tag(vm, o)
}

/// Array.prototype.toLocaleString: each element's toLocaleString, joined
/// with ",".
fn to_locale_string(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = this_value(vm, &args, None)?;
    let len = length_of(vm, o)?;
    let key = vm.atoms.key_str("toLocaleString");
    let mut out: Vec<u16> = Vec::new();
    let mut k = 0.0;
    while k < len {
        if k > 0.0 {
            out.push(b',' as u16);
        }
        let o = args.this(vm);
        let v = get_index(vm, o, k)?;
        if !v.is_nullish() {
            vm.handles.push(v);
            let f = vm.get_value(v, key);
            let v = vm.handles.pop().unwrap();
            let f = f?;
            require_callable(vm, f)?;
            let r = vm.call(f, v, &[])?;
            out.extend(ops::to_units(vm, r)?);
        }
        k += 1.0;
    }
    vm.new_string(&out)
}

fn reverse(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = this_value(vm, &args, None)?;
    if is_simple_array(vm, o) {
        let len = vm.array_len(o) as usize;
        let c = Cell::from_value(o);
        let el = c.get(fixed::ELEMENTS);
        if len == 0 {
            return Ok(o);
        }
        if el.is_cell() && Cell::from_value(el).nvals() >= len {
            let el = Cell::from_value(el);
            unsafe { std::slice::from_raw_parts_mut(el.vals_ptr(), len) }.reverse();
            return Ok(o);
        }
    }
    let len = length_of(vm, o)?;
    let mid = (len / 2.0).floor();
    let mut lower = 0.0;
    while lower != mid {
        let upper = len - lower - 1.0;
        let o = args.this(vm);
        let lv = get_present(vm, o, lower)?;
        vm.handles.push(lv.unwrap_or(Value::EMPTY));
        let o = args.this(vm);
        let uv = get_present(vm, o, upper);
        let lv = vm.handles.pop().unwrap();
        let uv = uv?;
        vm.handles.push(lv);
        let r = (|| {
            let o = args.this(vm);
            match uv {
                Some(u) => set_index(vm, o, lower, u)?,
                None => delete_index(vm, o, lower)?,
            }
            let lv = *vm.handles.last().unwrap();
            let o = args.this(vm);
            if lv.is_empty() {
                delete_index(vm, o, upper)
            } else {
                set_index(vm, o, upper, lv)
            }
        })();
        vm.handles.pop();
        r?;
        lower += 1.0;
    }
    Ok(args.this(vm))
}

fn copy_within(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = this_value(vm, &args, None)?;
    let len = length_of(vm, o)?;
    let a0 = args.get(vm, 0);
    let to = relative_index(vm, a0, len, 0.0)?;
    let a1 = args.get(vm, 1);
    let from = relative_index(vm, a1, len, 0.0)?;
    let a2 = args.get(vm, 2);
    let end = relative_index(vm, a2, len, len)?;
    let count = (end - from).min(len - to);
    // Copy backwards when the ranges overlap that way (as the spec does).
    let (mut from, mut to, dir) = if from < to && to < from + count {
        (from + count - 1.0, to + count - 1.0, -1.0)
    } else {
        (from, to, 1.0)
    };
    let mut n = count;
    while n > 0.0 {
        let o = args.this(vm);
        match get_present(vm, o, from)? {
            Some(v) => {
                let o = args.this(vm);
                set_index(vm, o, to, v)?
            }
            None => {
                let o = args.this(vm);
                delete_index(vm, o, to)?
            }
        }
        from += dir;
        to += dir;
        n -= 1.0;
    }
    Ok(args.this(vm))
}

fn fill(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = this_value(vm, &args, None)?;
    let len = length_of(vm, o)?;
    let a1 = args.get(vm, 1);
    let start = relative_index(vm, a1, len, 0.0)?;
    let a2 = args.get(vm, 2);
    let end = relative_index(vm, a2, len, len)?;
    let mut k = start;
    while k < end {
        let (o, v) = (args.this(vm), args.get(vm, 0));
        set_index(vm, o, k, v)?;
        k += 1.0;
    }
    Ok(args.this(vm))
}

// ----- searching -----

fn index_of(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = this_value(vm, &args, Some("indexOf"))?;
    let len = length_of(vm, o)?;
    if len == 0.0 {
        return Ok(Value::int(-1));
    }
    let a1 = args.get(vm, 1);
    let mut k = relative_index(vm, a1, len, 0.0)?;
    while k < len {
        let o = args.this(vm);
        if let Some(v) = get_present(vm, o, k)? {
            let target = args.get(vm, 0);
            if ops::strict_equals(vm, v, target) {
                return Ok(Value::number(k));
            }
        }
        k += 1.0;
    }
    Ok(Value::int(-1))
}

fn last_index_of(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = this_value(vm, &args, None)?;
    let len = length_of(vm, o)?;
    if len == 0.0 {
        return Ok(Value::int(-1));
    }
    let mut k = if args.argc > 1 {
        let a1 = args.get(vm, 1);
        let n = to_integer(vm, a1)?;
        if n < 0.0 {
            len + n
        } else {
            n.min(len - 1.0)
        }
    } else {
        len - 1.0
    };
    while k >= 0.0 {
        let o = args.this(vm);
        if let Some(v) = get_present(vm, o, k)? {
            let target = args.get(vm, 0);
            if ops::strict_equals(vm, v, target) {
                return Ok(Value::number(k));
            }
        }
        k -= 1.0;
    }
    Ok(Value::int(-1))
}

fn includes(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = this_value(vm, &args, None)?;
    let len = length_of(vm, o)?;
    if len == 0.0 {
        return Ok(Value::FALSE);
    }
    let a1 = args.get(vm, 1);
    let mut k = relative_index(vm, a1, len, 0.0)?;
    while k < len {
        let o = args.this(vm);
        // Holes read as undefined here (no HasProperty check).
        let v = get_index(vm, o, k)?;
        let target = args.get(vm, 0);
        if ops::same_value_zero(vm, v, target) {
            return Ok(Value::TRUE);
        }
        k += 1.0;
    }
    Ok(Value::FALSE)
}

fn at(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = this_value(vm, &args, None)?;
    let len = length_of(vm, o)?;
    let a0 = args.get(vm, 0);
    let rel = to_integer(vm, a0)?;
    let k = if rel >= 0.0 { rel } else { len + rel };
    if k < 0.0 || k >= len {
        return Ok(Value::UNDEFINED);
    }
    let o = args.this(vm);
    get_index(vm, o, k)
}

// ----- iteration with callbacks -----

/// Calls `callback(v, k, o)` with the method's thisArg (argument 1).
fn call_back(vm: &mut Vm, args: &Args, v: Value, k: f64) -> JsResult<Value> {
    let f = args.get(vm, 0);
    let this = args.get(vm, 1);
    let o = args.this(vm);
    vm.call(f, this, &[v, Value::number(k), o])
}

/// Shared prologue: receiver check, length, callback check.
fn iter_start(vm: &mut Vm, args: &Args, name: &str) -> JsResult<f64> {
    let o = this_value(vm, args, Some(name))?;
    let len = length_of(vm, o)?;
    let f = args.get(vm, 0);
    require_callback(vm, f)?;
    Ok(len)
}

fn for_each(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let len = iter_start(vm, &args, "forEach")?;
    let mut k = 0.0;
    while k < len {
        let o = args.this(vm);
        if let Some(v) = get_present(vm, o, k)? {
            call_back(vm, &args, v, k)?;
        }
        k += 1.0;
    }
    Ok(Value::UNDEFINED)
}

fn map(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let len = iter_start(vm, &args, "map")?;
    scoped(vm, |vm, mark| {
        let a = species_create(vm, &args, len)?;
        if vm.array_len(a) == 0 && is_simple_array(vm, a) {
            Cell::from_value(a).set_raw(1, len as u64);
        }
        vm.handles.push(a);
        let mut k = 0.0;
        while k < len {
            let o = args.this(vm);
            if let Some(v) = get_present(vm, o, k)? {
                let r = call_back(vm, &args, v, k)?;
                let a = vm.handles[mark];
                create_data(vm, a, k, r)?;
            }
            k += 1.0;
        }
        Ok(vm.handles[mark])
    })
}

fn filter(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let len = iter_start(vm, &args, "filter")?;
    scoped(vm, |vm, mark| {
        let a = species_create(vm, &args, 0.0)?;
        vm.handles.push(a);
        let mut k = 0.0;
        while k < len {
            let o = args.this(vm);
            if let Some(v) = get_present(vm, o, k)? {
                vm.handles.push(v);
                let r = call_back(vm, &args, v, k)?;
                let v = vm.handles.pop().unwrap();
                if ops::to_boolean(vm, r) {
                    let a = vm.handles[mark];
                    vm.array_push(a, v)?;
                }
            }
            k += 1.0;
        }
        Ok(vm.handles[mark])
    })
}

/// some / every / find / findIndex / findLast / findLastIndex.
#[derive(Copy, Clone, PartialEq)]
enum Search {
    Some,
    Every,
    Find,
    FindIndex,
    FindLast,
    FindLastIndex,
}

fn search(vm: &mut Vm, args: Args, kind: Search, name: &str) -> JsResult<Value> {
    let len = iter_start(vm, &args, name)?;
    let backwards = matches!(kind, Search::FindLast | Search::FindLastIndex);
    let mut i = 0.0;
    while i < len {
        let k = if backwards { len - 1.0 - i } else { i };
        i += 1.0;
        let o = args.this(vm);
        // some/every skip holes; the find family visits them as undefined.
        let v = if matches!(kind, Search::Some | Search::Every) {
            match get_present(vm, o, k)? {
                Some(v) => v,
                None => continue,
            }
        } else {
            get_index(vm, o, k)?
        };
        vm.handles.push(v);
        let r = call_back(vm, &args, v, k);
        let v = vm.handles.pop().unwrap();
        let hit = ops::to_boolean(vm, r?);
        match kind {
            Search::Some if hit => return Ok(Value::TRUE),
            Search::Every if !hit => return Ok(Value::FALSE),
            Search::Find | Search::FindLast if hit => return Ok(v),
            Search::FindIndex | Search::FindLastIndex if hit => return Ok(Value::number(k)),
            _ => {}
        }
    }
    Ok(match kind {
        Search::Some => Value::FALSE,
        Search::Every => Value::TRUE,
        Search::Find | Search::FindLast => Value::UNDEFINED,
        Search::FindIndex | Search::FindLastIndex => Value::int(-1),
    })
}

fn some(vm: &mut Vm, args: Args) -> JsResult<Value> {
    search(vm, args, Search::Some, "some")
}
fn every(vm: &mut Vm, args: Args) -> JsResult<Value> {
    search(vm, args, Search::Every, "every")
}
fn find(vm: &mut Vm, args: Args) -> JsResult<Value> {
    search(vm, args, Search::Find, "find")
}
fn find_index(vm: &mut Vm, args: Args) -> JsResult<Value> {
    search(vm, args, Search::FindIndex, "findIndex")
}
fn find_last(vm: &mut Vm, args: Args) -> JsResult<Value> {
    search(vm, args, Search::FindLast, "findLast")
}
fn find_last_index(vm: &mut Vm, args: Args) -> JsResult<Value> {
    search(vm, args, Search::FindLastIndex, "findLastIndex")
}

fn reduce_impl(vm: &mut Vm, args: Args, right: bool) -> JsResult<Value> {
    let name = if right { "reduceRight" } else { "reduce" };
    let o = this_value(vm, &args, Some(name))?;
    let len = length_of(vm, o)?;
    let f = args.get(vm, 0);
    require_callback(vm, f)?;
    let idx = |i: f64| if right { len - 1.0 - i } else { i };
    let mut i = 0.0;
    let mut acc = if args.argc >= 2 {
        args.get(vm, 1)
    } else {
        loop {
            if i >= len {
                return Err(vm.type_error("Reduce of empty array with no initial value"));
            }
            let o = args.this(vm);
            let k = idx(i);
            i += 1.0;
            if let Some(v) = get_present(vm, o, k)? {
                break v;
            }
        }
    };
    while i < len {
        let k = idx(i);
        i += 1.0;
        let o = args.this(vm);
        vm.handles.push(acc);
        let v = get_present(vm, o, k);
        acc = vm.handles.pop().unwrap();
        if let Some(v) = v? {
            let (f, o) = (args.get(vm, 0), args.this(vm));
            acc = vm.call(f, Value::UNDEFINED, &[acc, v, Value::number(k), o])?;
        }
    }
    Ok(acc)
}

fn reduce(vm: &mut Vm, args: Args) -> JsResult<Value> {
    reduce_impl(vm, args, false)
}
fn reduce_right(vm: &mut Vm, args: Args) -> JsResult<Value> {
    reduce_impl(vm, args, true)
}

fn flat(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = this_value(vm, &args, None)?;
    let len = length_of(vm, o)?;
    let a0 = args.get(vm, 0);
    let depth = if a0.is_undefined() {
        1.0
    } else {
        to_integer(vm, a0)?
    };
    scoped(vm, |vm, mark| {
        let a = vm.new_array(0)?;
        vm.handles.push(a);
        let o = args.this(vm);
        vm.handles.push(o);
        flatten_into(vm, mark, mark + 1, len, depth)?;
        Ok(vm.handles[mark])
    })
}

/// Appends the elements of `handles[src]` to `handles[dst]`, descending
/// into arrays while `depth > 0`.
fn flatten_into(vm: &mut Vm, dst: usize, src: usize, len: f64, depth: f64) -> JsResult<()> {
    let mut k = 0.0;
    while k < len {
        let s = vm.handles[src];
        if let Some(v) = get_present(vm, s, k)? {
            if depth > 0.0 && vm.is_array(v) {
                let n = vm.array_len(v) as f64;
                vm.handles.push(v);
                let inner = vm.handles.len() - 1;
                let r = flatten_into(vm, dst, inner, n, depth - 1.0);
                vm.handles.truncate(inner);
                r?;
            } else {
                let a = vm.handles[dst];
                vm.array_push(a, v)?;
            }
        }
        k += 1.0;
    }
    Ok(())
}

// ----- sort -----

fn sort(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let cmp = args.get(vm, 0);
    if !cmp.is_undefined() && !vm.is_callable(cmp) {
        return Err(vm.type_error("The comparison function must be either a function or undefined"));
    }
    let o = this_value(vm, &args, None)?;
    scoped(vm, |vm, mark| {
        vm.handles.push(o);
        sort_object(vm, &args, mark)?;
        Ok(vm.handles[mark])
    })
}

/// Sorts `vm.handles[oi]` in place with the comparator in argument 0.
fn sort_object(vm: &mut Vm, args: &Args, oi: usize) -> JsResult<()> {
    let o = vm.handles[oi];
    let len = length_of(vm, o)?;
    scoped(vm, |vm, mark| {
        // Collect: values (not undefined) onto the handles, count the
        // undefineds; holes go to the end (deleted).
        let mut undefs = 0.0;
        let mut k = 0.0;
        while k < len {
            let o = vm.handles[oi];
            if let Some(v) = get_present(vm, o, k)? {
                if v.is_undefined() {
                    undefs += 1.0;
                } else {
                    vm.handles.push(v);
                }
            }
            k += 1.0;
        }
        let n = vm.handles.len() - mark;
        let mut order: Vec<usize> = (0..n).collect();
        let cmp = args.get(vm, 0);
        if cmp.is_undefined() {
            let mut keys = Vec::with_capacity(n);
            for i in 0..n {
                let v = vm.handles[mark + i];
                keys.push(if vm.is_string(v) {
                    vm.string_units(v)
                } else {
                    ops::to_units(vm, v)?
                });
            }
            order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
        } else {
            let mut less = |vm: &mut Vm, a: usize, b: usize| -> JsResult<f64> {
                let f = args.get(vm, 0);
                let (x, y) = (vm.handles[mark + a], vm.handles[mark + b]);
                let r = vm.call(f, Value::UNDEFINED, &[x, y])?;
                let d = ops::to_number(vm, r)?;
                Ok(if d.is_nan() { 0.0 } else { d })
            };
            timsort(vm, &mut order, &mut less)?;
        }
        // Write back: sorted values, then undefineds, then holes.
        let mut k = 0.0;
        for &i in &order {
            let (o, v) = (vm.handles[oi], vm.handles[mark + i]);
            set_index(vm, o, k, v)?;
            k += 1.0;
        }
        for _ in 0..undefs as u64 {
            let o = vm.handles[oi];
            set_index(vm, o, k, Value::UNDEFINED)?;
            k += 1.0;
        }
        while k < len {
            let o = vm.handles[oi];
            delete_index(vm, o, k)?;
            k += 1.0;
        }
        Ok(())
    })
}

/// A dense copy of the receiver (holes read as undefined), in `handles`.
fn dense_copy(vm: &mut Vm, args: &Args, len: f64) -> JsResult<Value> {
    if len > u32::MAX as f64 {
        return Err(vm.throw_error(ErrorKind::RangeError, "Invalid array length"));
    }
    scoped(vm, |vm, mark| {
        let a = vm.new_array(0)?;
        vm.handles.push(a);
        let mut k = 0.0;
        while k < len {
            let o = args.this(vm);
            let v = get_index(vm, o, k)?;
            let a = vm.handles[mark];
            create_data(vm, a, k, v)?;
            k += 1.0;
        }
        Ok(vm.handles[mark])
    })
}

fn to_sorted(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let cmp = args.get(vm, 0);
    if !cmp.is_undefined() && !vm.is_callable(cmp) {
        return Err(vm.type_error("The comparison function must be either a function or undefined"));
    }
    let o = this_value(vm, &args, None)?;
    let len = length_of(vm, o)?;
    let a = dense_copy(vm, &args, len)?;
    scoped(vm, |vm, mark| {
        vm.handles.push(a);
        sort_object(vm, &args, mark)?;
        Ok(vm.handles[mark])
    })
}

fn to_reversed(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = this_value(vm, &args, None)?;
    let len = length_of(vm, o)?;
    let a = dense_copy(vm, &args, len)?;
    if len > 0.0 {
        let el = Cell::from_value(Cell::from_value(a).get(fixed::ELEMENTS));
        unsafe { std::slice::from_raw_parts_mut(el.vals_ptr(), len as usize) }.reverse();
    }
    Ok(a)
}

fn with(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = this_value(vm, &args, None)?;
    let len = length_of(vm, o)?;
    let a0 = args.get(vm, 0);
    let rel = to_integer(vm, a0)?;
    let k = if rel >= 0.0 { rel } else { len + rel };
    if k >= len || k < 0.0 {
        let shown = crate::runtime::numconv::number_to_string(rel);
        return Err(vm.throw_error(ErrorKind::RangeError, &format!("Invalid index : {shown}")));
    }
    let a = dense_copy(vm, &args, len)?;
    let v = args.get(vm, 1);
    Cell::from_value(Cell::from_value(a).get(fixed::ELEMENTS)).set(k as usize, v);
    Ok(a)
}

fn flat_map(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let o = this_value(vm, &args, None)?;
    let len = length_of(vm, o)?;
    let f = args.get(vm, 0);
    if !vm.is_callable(f) {
        return Err(vm.type_error("flatMap mapper function is not callable"));
    }
    scoped(vm, |vm, mark| {
        let a = vm.new_array(0)?;
        vm.handles.push(a);
        let mut k = 0.0;
        while k < len {
            let o = args.this(vm);
            if let Some(v) = get_present(vm, o, k)? {
                let r = call_back(vm, &args, v, k)?;
                if vm.is_array(r) {
                    vm.handles.push(r);
                    let inner = vm.handles.len() - 1;
                    let n = vm.array_len(r) as f64;
                    flatten_into(vm, mark, inner, n, 0.0)?;
                    vm.handles.truncate(inner);
                } else {
                    let a = vm.handles[mark];
                    vm.array_push(a, r)?;
                }
            }
            k += 1.0;
        }
        Ok(vm.handles[mark])
    })
}

type Cmp<'a> = dyn FnMut(&mut Vm, usize, usize) -> JsResult<f64> + 'a;

/// V8's TimSort shape (third_party/v8/builtins/array-sort.tq): runs are
/// found and extended with binary insertion exactly as V8 does, so that
/// inconsistent comparators (`(a, b) => a > b`) give V8's results on short
/// arrays; runs are then merged stably (without galloping, which changes
/// only the number of comparator calls for consistent comparators).
fn timsort(vm: &mut Vm, a: &mut [usize], cmp: &mut Cmp) -> JsResult<()> {
    let n = a.len();
    if n < 2 {
        return Ok(());
    }
    // Every comparison is work (runtime::work), comparator or not.
    let cmp: &mut Cmp = &mut |vm: &mut Vm, x: usize, y: usize| {
        vm.charge(1, "sort")?;
        cmp(vm, x, y)
    };
    let min_run = {
        let (mut n, mut r) = (n, 0);
        while n >= 64 {
            r |= n & 1;
            n >>= 1;
        }
        n + r
    };
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let (mut low, mut remaining) = (0, n);
    while remaining != 0 {
        let mut run = count_and_make_run(vm, a, low, low + remaining, cmp)?;
        if run < min_run {
            let forced = min_run.min(remaining);
            binary_insertion_sort(vm, a, low, low + run, low + forced, cmp)?;
            run = forced;
        }
        runs.push((low, run));
        merge_collapse(vm, a, &mut runs, cmp)?;
        low += run;
        remaining -= run;
    }
    while runs.len() > 1 {
        let mut i = runs.len() - 2;
        if i > 0 && runs[i - 1].1 < runs[i + 1].1 {
            i -= 1;
        }
        merge_at(vm, a, &mut runs, i, cmp)?;
    }
    Ok(())
}

fn count_and_make_run(
    vm: &mut Vm,
    a: &mut [usize],
    low: usize,
    high: usize,
    cmp: &mut Cmp,
) -> JsResult<usize> {
    if low + 1 == high {
        return Ok(1);
    }
    let mut run = 2;
    let order = cmp(vm, a[low + 1], a[low])?;
    let descending = order < 0.0;
    let mut previous = a[low + 1];
    for &current in &a[low + 2..high] {
        let order = cmp(vm, current, previous)?;
        if descending {
            if order >= 0.0 {
                break;
            }
        } else if order < 0.0 {
            break;
        }
        previous = current;
        run += 1;
    }
    if descending {
        a[low..low + run].reverse();
    }
    Ok(run)
}

fn binary_insertion_sort(
    vm: &mut Vm,
    a: &mut [usize],
    low: usize,
    start: usize,
    high: usize,
    cmp: &mut Cmp,
) -> JsResult<()> {
    let mut start = if start == low { start + 1 } else { start };
    while start < high {
        let pivot = a[start];
        let (mut left, mut right) = (low, start);
        while left < right {
            let mid = left + ((right - left) >> 1);
            let order = cmp(vm, pivot, a[mid])?;
            if order < 0.0 {
                right = mid;
            } else {
                left = mid + 1;
            }
        }
        a.copy_within(left..start, left + 1);
        a[left] = pivot;
        start += 1;
    }
    Ok(())
}

fn merge_collapse(
    vm: &mut Vm,
    a: &mut [usize],
    runs: &mut Vec<(usize, usize)>,
    cmp: &mut Cmp,
) -> JsResult<()> {
    while runs.len() > 1 {
        let mut n = runs.len() - 2;
        let len = |i: usize| runs[i].1;
        if (n > 0 && len(n - 1) <= len(n) + len(n + 1))
            || (n > 1 && len(n - 2) <= len(n - 1) + len(n))
        {
            if len(n - 1) < len(n + 1) {
                n -= 1;
            }
        } else if len(n) > len(n + 1) {
            break;
        }
        merge_at(vm, a, runs, n, cmp)?;
    }
    Ok(())
}

/// Merges runs `i` and `i + 1` (adjacent) stably.
fn merge_at(
    vm: &mut Vm,
    a: &mut [usize],
    runs: &mut Vec<(usize, usize)>,
    i: usize,
    cmp: &mut Cmp,
) -> JsResult<()> {
    let (base, la) = runs[i];
    let (_, lb) = runs[i + 1];
    runs[i] = (base, la + lb);
    runs.remove(i + 1);
    let left: Vec<usize> = a[base..base + la].to_vec();
    let (mut x, mut y, mut d) = (0, base + la, base);
    while x < la && y < base + la + lb {
        // Take from the right only when it is strictly smaller (stability).
        if cmp(vm, a[y], left[x])? < 0.0 {
            a[d] = a[y];
            y += 1;
        } else {
            a[d] = left[x];
            x += 1;
        }
        d += 1;
    }
    while x < la {
        a[d] = left[x];
        x += 1;
        d += 1;
    }
    Ok(())
}

pub fn init(vm: &mut Vm) -> JsResult<()> {
    let ap = vm.intrinsic(Intrinsic::ArrayPrototype);
    let ctor = define_constructor(vm, "Array", array_ctor, 1, ap)?;
    vm.intrinsics[Intrinsic::ArrayConstructor as usize] = ctor;
    let statics: [(&str, NativeFn, u32); 3] = [
        ("isArray", is_array, 1),
        ("of", array_of, 0),
        ("from", array_from, 1),
    ];
    define_natives(vm, Intrinsic::ArrayConstructor, &statics)?;
    let methods: [(&str, NativeFn, u32); 34] = [
        ("at", at, 1),
        ("concat", concat, 1),
        ("copyWithin", copy_within, 2),
        ("every", every, 1),
        ("fill", fill, 1),
        ("filter", filter, 1),
        ("find", find, 1),
        ("findIndex", find_index, 1),
        ("findLast", find_last, 1),
        ("findLastIndex", find_last_index, 1),
        ("flat", flat, 0),
        ("flatMap", flat_map, 1),
        ("forEach", for_each, 1),
        ("includes", includes, 1),
        ("indexOf", index_of, 1),
        ("join", join, 1),
        ("lastIndexOf", last_index_of, 1),
        ("map", map, 1),
        ("pop", pop, 0),
        ("push", push, 1),
        ("reduce", reduce, 1),
        ("reduceRight", reduce_right, 1),
        ("reverse", reverse, 0),
        ("shift", shift, 0),
        ("unshift", unshift, 1),
        ("slice", slice, 2),
        ("some", some, 1),
        ("sort", sort, 1),
        ("splice", splice, 2),
        ("toLocaleString", to_locale_string, 0),
        ("toString", to_string, 0),
        ("toReversed", to_reversed, 0),
        ("toSorted", to_sorted, 1),
        ("with", with, 2),
    ];
    define_natives(vm, Intrinsic::ArrayPrototype, &methods)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::check_js;

    // Programs and expected output generated with node v20 (the oracle);
    // each runs normally and under --gc-stress --verify-heap.
    #[test]
    fn js_a1() {
        check_js(
            r##"const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.name + ': ' + e.message); } };
t(() => { const a = [1,,3]; return [a.map(x => x * 2), a.filter(() => true), a.indexOf(undefined), a.includes(undefined), a.findIndex(x => x === undefined), a.some(x => x === undefined), a.every(x => x)]; });
t(() => { const a = [1,2,3]; const r = []; a.forEach((x, i, arr) => { r.push(x); if (i === 0) arr.push(99); }); return r; });
t(() => { const a = [1,2,3,4]; const r = []; a.forEach((x, i, arr) => { r.push(x); arr.pop(); }); return r; });
t(() => [1,2,3,4,5].slice(-2) + '|' + [1,2,3].slice(1, -1) + '|' + [1,2,3].slice(5) + '|' + [1,2,3].slice(-10, 2));
t(() => { const a = [1,2,3]; a.length = 5; return [a, a.length, a.slice(2)]; });
t(() => [5, 1, 10, 2].sort().join() + ' ' + ['b', undefined, 'a', , 'c'].sort().length);
t(() => [3, 2, 1].sort((a, b) => a - b) + ' ' + [1,2,3].reverse() + ' ' + [1,,3].reverse().length);
t(() => { const a = [1,,3]; a.reverse(); return a; });
t(() => [1,2,3].reduce((a, b) => a + b) + [1,2,3].reduce((a, b) => a + b, 10) + ' ' + [[1],[2]].reduceRight((a, b) => a.concat(b)));
t(() => [0, 1, 2].map(String));
t(() => ['1', '2', '3'].map(parseInt));
t(() => Array.from({length: 3}, (_, i) => i * i));
t(() => Array.from([1, 2], x => x * 10));
t(() => Array.from('héllo'));
t(() => [1, 2, 3].fill(9, 1, 2) + ' ' + new Array(3).fill().length + ' ' + [1,2,3].fill(0, -1));
t(() => [1, [2, [3, [4, [5]]]]].flat(2));
t(() => [, 1, , 2].flat());
t(() => [1, 2, 3].join(undefined) + [1, 2, 3].join(null) + [1,2,3].join(''));
t(() => [{}, [], null, undefined, 1.5, -0, 'x', true].join());
t(() => [1,2,3].lastIndexOf(1) + ' ' + [1,2,1].lastIndexOf(1, 1) + ' ' + [1,2,1].lastIndexOf(1, -4) + ' ' + [1,2,3].indexOf(3, -1) + ' ' + [1,2,3].indexOf(1, -100));
t(() => { const a = [1, 2, 3, 4, 5]; return [a.splice(-2), a]; });
t(() => { const a = [1, 2, 3, 4, 5]; return [a.splice(1, 0, 'a', 'b'), a]; });
t(() => { const a = [1, 2, 3, 4, 5]; return [a.splice(1, 10), a]; });
t(() => { const a = [1, 2, 3]; return [a.splice(0, -1, 9), a]; });
t(() => { const a = [1, 2, 3]; return [a.unshift(0, 0.5), a, a.shift(), a]; });
t(() => { const a = []; return [a.pop(), a.shift(), a.unshift(), a.push(), a]; });
t(() => { const a = [1,,3]; return [a.shift(), a, 1 in a, 0 in a]; });
t(() => { const a = [1,2]; a.unshift(); return a; });
t(() => [1, 2, 3].at(0) + ' ' + [1,2,3].at(-4) + ' ' + [1,2,3].at(1.7));
t(() => [1, 2, 3, 4].findLast(x => x % 2) + ' ' + [1, 2, 3, 4].findLastIndex(x => x > 5));
t(() => [1, 2, 3].find(x => x > 1) + ' ' + [1,2,3].find(x => x > 5));
t(() => Array.isArray([]) + ' ' + Array.isArray({length: 0}) + ' ' + Array.isArray(Array.prototype));
t(() => [1, 2].concat([3, [4]], 5, [[6]]).length);
t(() => { const a = [1, 2]; a.x = 1; return a.concat(); });
t(() => Array(3) + '|' + Array(1, 2) + '|' + Array('3') + '|' + new Array(2.0).length + '|' + Array() + '|' + Array.of(1, 2));

t(() => [1, 2, 3].toString() + String([1, [2, 3]]) + [].toString());
t(() => Array.prototype.slice.call({length: 3, 0: 'a', 2: 'c'}));
t(() => Array.prototype.map.call({length: 2, 0: 'a', 1: 'b'}, x => x.toUpperCase()));
t(() => { const o = {length: 0}; Array.prototype.push.call(o, 1, 2); return JSON.stringify(o); });
t(() => { const a = [3, 1, 2]; const b = a.sort(); return a === b; });
t(() => [true, false, true].sort() + ' ' + [-1, -2, 0, 1].sort() + ' ' + [0.5, 0.25, 1e21, 1e-7].sort());
t(() => { const r = []; [3, 1, 2].sort((a, b) => { r.push(a + '' + b); return a - b; }); return r.join(); });
t(() => { const r = []; [5, 4, 3, 2, 1, 0].sort((a, b) => { r.push(a + '' + b); return a - b; }); return r.join(); });
t(() => [2, 1].sort(undefined));
t(() => { const a = []; for (let i = 0; i < 100; i++) a.push((i * 37) % 101); a.sort((x, y) => x - y); return a.slice(0, 10).join() + '..' + a.slice(-3); });
t(() => { const a = []; for (let i = 0; i < 200; i++) a.push({k: i % 7, i}); a.sort((x, y) => x.k - y.k); return a.slice(0, 30).map(o => o.i).join(); });
t(() => [1,2,3].every(function (x) { return this.ok; }, {ok: true}));
t(() => [1,2,3].includes(2, 2) + ' ' + [1,2,3].includes(3, -1) + ' ' + [-0].includes(0) + ' ' + [0].indexOf(-0));
t(() => { const a = [1, 2, 3]; Object.freeze(a); return [Object.isFrozen(a), a.slice(1), a.map(x => x)]; });
t(() => { const a = Object.freeze([1, 2, 3]); a.push(4); });
t(() => { const a = Object.freeze([1, 2, 3]); a.length = 0; });
t(() => { const a = Object.freeze([1, 2, 3]); a.reverse(); });
t(() => { const a = Object.freeze([1, 2, 3]); a.fill(0); });
t(() => { const a = [1, 2, 3]; a[10] = 5; return [a.length, a.indexOf(5), a.filter(x => true).length]; });"##,
            r##"[ [ 2, <1 empty item>, 6 ], [ 1, 3 ], -1, true, 1, false, true ]
[ 1, 2, 3 ]
[ 1, 2 ]
4,5|2||1,2
[ [ 1, 2, 3, <2 empty items> ], 5, [ 3, <2 empty items> ] ]
1,10,2,5 5
1,2,3 3,2,1 3
[ 3, <1 empty item>, 1 ]
22 2,1
[ '0', '1', '2' ]
[ 1, NaN, NaN ]
[ 0, 1, 4 ]
[ 10, 20 ]
[ 'h', 'é', 'l', 'l', 'o' ]
1,9,3 3 1,2,0
[ 1, 2, 3, [ 4, [ 5 ] ] ]
[ 1, 2 ]
1,2,31null2null3123
[object Object],,,,1.5,0,x,true
0 0 -1 2 0
[ [ 4, 5 ], [ 1, 2, 3 ] ]
[
  [],
  [
    1, 'a', 'b', 2,
    3, 4,   5
  ]
]
[ [ 2, 3, 4, 5 ], [ 1 ] ]
[ [], [ 9, 1, 2, 3 ] ]
[ 5, [ 0.5, 1, 2, 3 ], 0, [ 0.5, 1, 2, 3 ] ]
[ undefined, undefined, 0, 0, [] ]
[ 1, [ <1 empty item>, 3 ], true, false ]
[ 1, 2 ]
1 undefined 2
3 -1
2 undefined
true false true
6
[ 1, 2 ]
,,|1,2|3|2||1,2
1,2,31,2,3
[ 'a', <1 empty item>, 'c' ]
[ 'A', 'B' ]
{"0":1,"1":2,"length":2}
true
false,true,true -1,-2,0,1 0.25,0.5,1e+21,1e-7
13,21,23,21
45,34,23,12,01
[ 1, 2 ]
0,1,2,3,4,5,6,7,8,9..98,99,100
0,7,14,21,28,35,42,49,56,63,70,77,84,91,98,105,112,119,126,133,140,147,154,161,168,175,182,189,196,1
true
false true true 0
[ true, [ 2, 3 ], [ 1, 2, 3 ] ]
TypeError: Cannot add property 3, object is not extensible
TypeError: Cannot assign to read only property 'length' of object '[object Array]'
TypeError: Cannot assign to read only property '0' of object '[object Array]'
TypeError: Cannot assign to read only property '0' of object '[object Array]'
[ 11, 10, 4 ]
"##,
        );
    }

    #[test]
    fn js_a2() {
        check_js(
            r##"const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.name + ': ' + e.message); } };
t(() => [1, 2, 3].with(5, 0));
t(() => [1, 2, 3].with(-1, 0));
t(() => [1, , 3].toReversed());
t(() => [3, , 1].toSorted());
t(() => [3, 1, 2].toSorted((a, b) => b - a));
t(() => [1, 2].toSorted(1));
t(() => [1, 2, 3].flatMap(x => [x, x * 2]));
t(() => [1, 2, 3].flatMap(x => [[x]]));
t(() => [1].flatMap(1));
t(() => [Array.prototype.flatMap.length, Array.prototype.with.length, Array.prototype.toSorted.length, Array.prototype.toReversed.length]);
t(() => Object.getOwnPropertyDescriptors({a: 1, get b() { return 2; }}));"##,
            r##"RangeError: Invalid index : 5
[ 1, 2, 0 ]
[ 3, undefined, 1 ]
[ 1, 3, undefined ]
[ 3, 2, 1 ]
TypeError: The comparison function must be either a function or undefined
[ 1, 2, 2, 4, 3, 6 ]
[ [ 1 ], [ 2 ], [ 3 ] ]
TypeError: flatMap mapper function is not callable
[ 1, 2, 1, 0 ]
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

    #[test]
    fn js_p3() {
        check_js(
            r##"const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.name + ': ' + e.message); } };
t(() => [1,[2,[3,[4]]]].flat(Infinity));
t(() => { const a = [1,2,3]; a.length = 1; return a; });
t(() => [1,2,3].includes(NaN));
t(() => [NaN].includes(NaN) + ' ' + [NaN].indexOf(NaN));
t(() => { const a=[1,2,3,4,5]; const r = a.splice(1,2,'x','y','z'); return [a, r]; });
t(() => [1,2,3].splice());
t(() => [1,2,3].splice(1));
t(() => [1,2,3].splice(undefined));
t(() => { const a = []; a[5] = 1; return a.indexOf(undefined) + ' ' + a.includes(undefined); });
t(() => [3,undefined,1,,2].sort());
t(() => [10,9,1,100].sort());
t(() => [1,2,3].lastIndexOf(3, -2));
t(() => [1,2,3].fill(0, -2));
t(() => Array.prototype.concat.length + ' ' + Array.prototype.push.name + ' ' + Array.name + ' ' + Array.length);
t(() => [1,2,3].toString === Array.prototype.toString);
t(() => { const a = [1,2]; a.push(a); return a.join(); });
t(() => [null, undefined, 1].join('-'));
t(() => [].join.call({length: 2, 0: 'a', 1: 'b'}));"##,
            r##"[ 1, 2, 3, 4 ]
[ 1 ]
false
true -1
[ [ 1, 'x', 'y', 'z', 4, 5 ], [ 2, 3 ] ]
[]
[ 2, 3 ]
[ 1, 2, 3 ]
-1 true
[ 1, 2, 3, undefined, <1 empty item> ]
[ 1, 10, 100, 9 ]
-1
[ 1, 0, 0 ]
1 push Array 1
true
1,2,
--1
a,b
"##,
        );
    }
}
