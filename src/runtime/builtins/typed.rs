//! Float64Array, Int32Array and their shared prototype (%TypedArray%:
//! `length`, `fill`, `subarray`, `set`, `slice`, `indexOf`, `includes`,
//! `join`). Storage and element conversions: runtime/typed.rs.
//!
//! Invariants:
//! - Methods check their receiver first (V8's "this is not a typed array."),
//!   and read it again from `Args` after anything that may allocate or run
//!   JavaScript.
//! - Element values go through `Vm::ta_get`/`ta_store` only.

use super::{
    define_constructor, define_getter, define_natives, define_value, keep, relative_index, scoped,
};
use crate::runtime::atoms::{wk, PropKey};
use crate::runtime::heap::Kind;
use crate::runtime::typed::TA_BUFFER;
use crate::runtime::{ops, Args, ErrorKind, Intrinsic, JsResult, Value, Vm};

fn kind_name(k: Kind) -> &'static str {
    if k == Kind::Int32Array {
        "Int32Array"
    } else {
        "Float64Array"
    }
}

/// The receiver if it is a typed array, else V8's TypeError.
fn receiver(vm: &mut Vm, args: &Args) -> JsResult<Value> {
    let this = args.this(vm);
    if vm.is_typed_array(this) {
        return Ok(this);
    }
    Err(vm.type_error("this is not a typed array."))
}

fn construct(vm: &mut Vm, args: Args, kind: Kind) -> JsResult<Value> {
    let name = kind_name(kind);
    let nt = args.new_target(vm);
    if nt.is_undefined() {
        return Err(vm.type_error(&format!("Constructor {name} requires 'new'")));
    }
    let p = vm.get(nt, PropKey::Atom(wk::prototype))?;
    let proto = if vm.is_object(p) {
        p
    } else {
        vm.intrinsic(if kind == Kind::Int32Array {
            Intrinsic::Int32ArrayPrototype
        } else {
            Intrinsic::Float64ArrayPrototype
        })
    };
    scoped(vm, |vm, mark| {
        vm.handles.push(proto);
        let src = args.get(vm, 0);
        if !vm.is_object(src) {
            // A length (ToIndex).
            let n = if src.is_undefined() {
                0.0
            } else {
                super::to_integer(vm, src)?
            };
            if !(0.0..=(u32::MAX as f64)).contains(&n) {
                let shown = crate::runtime::format::display_primitive(vm, src);
                return Err(vm.throw_error(
                    ErrorKind::RangeError,
                    &format!("Invalid typed array length: {shown}"),
                ));
            }
            let proto = vm.handles[mark];
            return vm.new_typed_array(kind, proto, Value::UNDEFINED, 0, n as u32);
        }
        // The values of a typed array, an iterable or an array-like, as
        // numbers (ToNumber may run JavaScript: the sources stay rooted).
        let mut values: Vec<f64> = Vec::new();
        if vm.is_typed_array(src) {
            for i in 0..vm.ta_len(src) {
                values.push(vm.ta_get(src, i).as_number());
            }
        } else if vm.is_iterable(src) {
            let arr = vm.new_array(0)?;
            vm.handles.push(arr);
            let src = args.get(vm, 0);
            vm.array_extend(arr, src, Some("~"))?;
            let mut i = 0;
            while i < vm.array_len(vm.handles[mark + 1]) {
                let v = vm
                    .array_get_fast(vm.handles[mark + 1], i)
                    .unwrap_or(Value::UNDEFINED);
                values.push(ops::to_number(vm, v)?);
                i += 1;
            }
        } else {
            let n = super::length_of(vm, src)?;
            for i in 0..n as u64 {
                let src = args.get(vm, 0);
                let v = super::get_index(vm, src, i as f64)?;
                values.push(ops::to_number(vm, v)?);
            }
        }
        let proto = vm.handles[mark];
        let ta = vm.new_typed_array(kind, proto, Value::UNDEFINED, 0, values.len() as u32)?;
        for (i, d) in values.into_iter().enumerate() {
            vm.ta_store(ta, i as u32, d);
        }
        Ok(ta)
    })
}

fn float64_ctor(vm: &mut Vm, args: Args) -> JsResult<Value> {
    construct(vm, args, Kind::Float64Array)
}

fn int32_ctor(vm: &mut Vm, args: Args) -> JsResult<Value> {
    construct(vm, args, Kind::Int32Array)
}

fn length(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let t = receiver(vm, &args)?;
    Ok(Value::int(vm.ta_len(t) as i32))
}

/// `(start, end)` arguments `i` and `i + 1` as clamped relative indices.
fn range(vm: &mut Vm, args: &Args, i: usize, len: u32) -> JsResult<(u32, u32)> {
    let len = len as f64;
    let s = args.get(vm, i);
    let start = relative_index(vm, s, len, 0.0)?;
    let e = args.get(vm, i + 1);
    let end = relative_index(vm, e, len, len)?;
    Ok((start as u32, end.max(start) as u32))
}

fn fill(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let t = receiver(vm, &args)?;
    let v = args.get(vm, 0);
    let d = ops::to_number(vm, v)?;
    let len = vm.ta_len(args.this(vm));
    let (start, end) = range(vm, &args, 1, len)?;
    let t2 = args.this(vm);
    let _ = t;
    for i in start..end.min(vm.ta_len(t2)) {
        vm.ta_store(t2, i, d);
    }
    Ok(t2)
}

fn subarray(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let t = receiver(vm, &args)?;
    let len = vm.ta_len(t);
    let (start, end) = range(vm, &args, 0, len)?;
    let t = args.this(vm);
    let c = crate::runtime::heap::Cell::from_value(t);
    let kind = c.kind();
    let offset = c.get(crate::runtime::typed::TA_OFFSET).as_int() as u32;
    let buffer = c.get(TA_BUFFER);
    let proto = vm.proto_of(t);
    vm.new_typed_array(kind, proto, buffer, offset + start, end - start)
}

fn slice(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let t = receiver(vm, &args)?;
    let len = vm.ta_len(t);
    let (start, end) = range(vm, &args, 0, len)?;
    let t = args.this(vm);
    let kind = vm.kind_of(t).unwrap();
    let proto = vm.proto_of(t);
    let out = vm.new_typed_array(kind, proto, Value::UNDEFINED, 0, end - start)?;
    let t = args.this(vm);
    for i in start..end.min(vm.ta_len(t)) {
        let d = vm.ta_get(t, i).as_number();
        vm.ta_store(out, i - start, d);
    }
    Ok(out)
}

/// `set(source, offset)`: copies a typed array or an array-like in.
fn set(vm: &mut Vm, args: Args) -> JsResult<Value> {
    receiver(vm, &args)?;
    let o = args.get(vm, 1);
    let offset = if o.is_undefined() {
        0.0
    } else {
        super::to_integer(vm, o)?
    };
    if offset < 0.0 {
        return Err(vm.throw_error(ErrorKind::RangeError, "offset is out of bounds"));
    }
    let src = args.get(vm, 0);
    // The source values first (a view of the same buffer is read whole
    // before anything is written).
    let values: Vec<f64> = if vm.is_typed_array(src) {
        (0..vm.ta_len(src))
            .map(|i| vm.ta_get(src, i).as_number())
            .collect()
    } else {
        let src = crate::runtime::builtins::object::to_object(vm, src)?;
        let (n, src) = keep(vm, src, |vm| {
            let s = *vm.handles.last().unwrap();
            super::length_of(vm, s)
        })?;
        let len = vm.ta_len(args.this(vm)) as f64;
        if n + offset > len {
            return Err(vm.throw_error(ErrorKind::RangeError, "offset is out of bounds"));
        }
        let mut out = Vec::new();
        scoped(vm, |vm, mark| {
            vm.handles.push(src);
            for i in 0..n as u64 {
                let v = super::get_index(vm, vm.handles[mark], i as f64)?;
                out.push(ops::to_number(vm, v)?);
            }
            Ok(())
        })?;
        out
    };
    let t = args.this(vm);
    if values.len() as f64 + offset > vm.ta_len(t) as f64 {
        return Err(vm.throw_error(ErrorKind::RangeError, "offset is out of bounds"));
    }
    for (i, d) in values.into_iter().enumerate() {
        vm.ta_store(t, offset as u32 + i as u32, d);
    }
    Ok(Value::UNDEFINED)
}

/// `indexOf`/`includes`: strict equality, or SameValueZero (NaN found).
fn search(vm: &mut Vm, args: Args, same_value_zero: bool) -> JsResult<Option<u32>> {
    let t = receiver(vm, &args)?;
    let len = vm.ta_len(t);
    let from = args.get(vm, 1);
    let start = relative_index(vm, from, len as f64, 0.0)? as u32;
    let x = args.get(vm, 0);
    if !x.is_number() {
        return Ok(None);
    }
    let x = x.as_number();
    let t = args.this(vm);
    for i in start..vm.ta_len(t) {
        let d = vm.ta_get(t, i).as_number();
        if d == x || (same_value_zero && d.is_nan() && x.is_nan()) {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn index_of(vm: &mut Vm, args: Args) -> JsResult<Value> {
    Ok(Value::int(
        search(vm, args, false)?.map_or(-1, |i| i as i32),
    ))
}

fn includes(vm: &mut Vm, args: Args) -> JsResult<Value> {
    Ok(Value::bool(search(vm, args, true)?.is_some()))
}

fn join(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let t = receiver(vm, &args)?;
    let sep = args.get(vm, 0);
    let sep: Vec<u16> = if sep.is_undefined() {
        vec![b',' as u16]
    } else {
        keep(vm, t, |vm| ops::to_units(vm, sep))?.0
    };
    let t = args.this(vm);
    let mut out: Vec<u16> = Vec::new();
    for i in 0..vm.ta_len(t) {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        let d = vm.ta_get(t, i).as_number();
        out.extend(crate::runtime::numconv::number_to_string(d).encode_utf16());
    }
    vm.new_string(&out)
}

pub fn init(vm: &mut Vm) -> JsResult<()> {
    // %TypedArray%.prototype: the shared methods and the length getter.
    let op = vm.intrinsic(Intrinsic::ObjectPrototype);
    let tp = vm.new_object(op)?;
    vm.intrinsics[Intrinsic::TypedArrayPrototype as usize] = tp;
    define_natives(
        vm,
        Intrinsic::TypedArrayPrototype,
        &[
            ("fill", fill, 1),
            ("subarray", subarray, 2),
            ("set", set, 1),
            ("slice", slice, 2),
            ("indexOf", index_of, 1),
            ("includes", includes, 1),
            ("join", join, 1),
        ],
    )?;
    define_getter(vm, Intrinsic::TypedArrayPrototype, "length", length)?;
    for (intr, name, ctor, bytes) in [
        (
            Intrinsic::Float64ArrayPrototype,
            "Float64Array",
            float64_ctor as crate::runtime::NativeFn,
            8,
        ),
        (Intrinsic::Int32ArrayPrototype, "Int32Array", int32_ctor, 4),
    ] {
        let tp = vm.intrinsic(Intrinsic::TypedArrayPrototype);
        let p = vm.new_object(tp)?;
        vm.intrinsics[intr as usize] = p;
        let c = define_constructor(vm, name, ctor, 3, p)?;
        define_value(vm, c, "BYTES_PER_ELEMENT", Value::int(bytes), 0)?;
        let p = vm.intrinsic(intr);
        define_value(vm, p, "BYTES_PER_ELEMENT", Value::int(bytes), 0)?;
    }
    Ok(())
}
