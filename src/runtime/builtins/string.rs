//! `String`: the constructor, `String.fromCharCode/fromCodePoint` and
//! `String.prototype`.
//!
//! Invariants:
//! - Methods work on Rust copies of the code units (`this_units` does
//!   RequireObjectCoercible + ToString first, as the spec orders it), and
//!   allocate their result last, so no cell is held across an allocation.
//! - Strings are UTF-16 code units; positions and lengths count units.

use super::{define_constructor, define_native, relative_index, scoped, to_integer};
use crate::runtime::atoms::{wk, PropKey};
use crate::runtime::heap::{Cell, Kind};
use crate::runtime::{
    fixed, numconv, ops, strutil, Args, ErrorKind, Intrinsic, JsResult, NativeFn, Value, Vm,
};

/// RequireObjectCoercible(this) then ToString, as code units.
fn this_units(vm: &mut Vm, args: &Args, name: &str) -> JsResult<Vec<u16>> {
    let this = args.this(vm);
    if this.is_nullish() {
        return Err(vm.type_error(&format!(
            "String.prototype.{name} called on null or undefined"
        )));
    }
    if vm.is_string(this) {
        return Ok(vm.string_units(this));
    }
    ops::to_units(vm, this)
}

fn arg_units(vm: &mut Vm, args: &Args, i: usize) -> JsResult<Vec<u16>> {
    let v = args.get(vm, i);
    ops::to_units(vm, v)
}

fn arg_integer(vm: &mut Vm, args: &Args, i: usize) -> JsResult<f64> {
    let v = args.get(vm, i);
    to_integer(vm, v)
}

// ----- constructor and statics -----

fn string_ctor(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = if args.argc == 0 {
        vm.new_string(&[])?
    } else {
        let v = args.get(vm, 0);
        ops::to_string(vm, v)?
    };
    if args.new_target(vm).is_undefined() {
        return Ok(s);
    }
    // `new String(v)`: a wrapper object.
    let nt = args.new_target(vm);
    vm.handles.push(s);
    let p = vm.get(nt, PropKey::Atom(wk::prototype));
    let s = vm.handles.pop().unwrap();
    let p = p?;
    let proto = if vm.is_object(p) {
        p
    } else {
        vm.intrinsic(Intrinsic::StringPrototype)
    };
    new_wrapper(vm, s, proto)
}

/// A String wrapper object around string `s`, with its own `length`
/// (index properties are listed by `object::own_keys_of`).
pub fn new_wrapper(vm: &mut Vm, s: Value, proto: Value) -> JsResult<Value> {
    vm.handles.push(s);
    let o = vm.new_object_kind(Kind::Primitive, proto, fixed::PRIM, 1);
    let s = vm.handles.pop().unwrap();
    let o = o?;
    Cell::from_value(o).set(fixed::PRIMITIVE, s);
    let len = Value::int(vm.string_len(s) as i32);
    vm.define_own(o, PropKey::Atom(wk::length), len, 0)?;
    Ok(o)
}

fn from_char_code(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let mut out = Vec::with_capacity(args.argc);
    for i in 0..args.argc {
        let v = args.get(vm, i);
        out.push(ops::to_uint32(vm, v)? as u16);
    }
    vm.new_string(&out)
}

fn from_code_point(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let mut out = Vec::with_capacity(args.argc);
    for i in 0..args.argc {
        let v = args.get(vm, i);
        let n = ops::to_number(vm, v)?;
        if n.fract() != 0.0 || !(0.0..=1114111.0).contains(&n) || n.is_nan() {
            let shown = crate::runtime::format::display_primitive(vm, Value::number(n));
            return Err(vm.throw_error(
                ErrorKind::RangeError,
                &format!("Invalid code point {shown}"),
            ));
        }
        let c = n as u32;
        if c >= 0x10000 {
            let c = c - 0x10000;
            out.push(0xd800 + (c >> 10) as u16);
            out.push(0xdc00 + (c & 0x3ff) as u16);
        } else {
            out.push(c as u16);
        }
    }
    vm.new_string(&out)
}

// ----- prototype -----

fn this_string_value(vm: &mut Vm, args: &Args, name: &str) -> JsResult<Value> {
    let this = args.this(vm);
    if vm.is_string(this) {
        return Ok(this);
    }
    if let Some(p) = super::object::wrapped_primitive(vm, this) {
        if vm.is_string(p) {
            return Ok(p);
        }
    }
    Err(vm.type_error(&format!(
        "String.prototype.{name} requires that 'this' be a String"
    )))
}

fn to_string(vm: &mut Vm, args: Args) -> JsResult<Value> {
    this_string_value(vm, &args, "toString")
}

fn value_of(vm: &mut Vm, args: Args) -> JsResult<Value> {
    this_string_value(vm, &args, "valueOf")
}

fn char_at(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = this_units(vm, &args, "charAt")?;
    let p = arg_integer(vm, &args, 0)?;
    if p < 0.0 || p >= s.len() as f64 {
        return vm.new_string(&[]);
    }
    vm.new_string(&[s[p as usize]])
}

fn char_code_at(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = this_units(vm, &args, "charCodeAt")?;
    let p = arg_integer(vm, &args, 0)?;
    if p < 0.0 || p >= s.len() as f64 {
        return Ok(Value::double(f64::NAN));
    }
    Ok(Value::int(s[p as usize] as i32))
}

fn code_point_at(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = this_units(vm, &args, "codePointAt")?;
    let p = arg_integer(vm, &args, 0)?;
    if p < 0.0 || p >= s.len() as f64 {
        return Ok(Value::UNDEFINED);
    }
    let i = p as usize;
    let hi = s[i] as u32;
    if (0xd800..0xdc00).contains(&hi) && i + 1 < s.len() && (0xdc00..0xe000).contains(&s[i + 1]) {
        let lo = s[i + 1] as u32;
        return Ok(Value::int(
            (((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000) as i32,
        ));
    }
    Ok(Value::int(hi as i32))
}

fn at(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = this_units(vm, &args, "at")?;
    let p = arg_integer(vm, &args, 0)?;
    let k = if p < 0.0 { s.len() as f64 + p } else { p };
    if k < 0.0 || k >= s.len() as f64 {
        return Ok(Value::UNDEFINED);
    }
    vm.new_string(&[s[k as usize]])
}

fn index_of(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = this_units(vm, &args, "indexOf")?;
    let needle = arg_units(vm, &args, 0)?;
    let pos = arg_integer(vm, &args, 1)?.clamp(0.0, s.len() as f64) as usize;
    Ok(Value::number(
        strutil::index_of(&s, &needle, pos).map_or(-1.0, |i| i as f64),
    ))
}

fn last_index_of(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = this_units(vm, &args, "lastIndexOf")?;
    let needle = arg_units(vm, &args, 0)?;
    let v = args.get(vm, 1);
    let n = ops::to_number(vm, v)?;
    let pos = if n.is_nan() {
        usize::MAX
    } else {
        numconv::to_integer_or_infinity(n).clamp(0.0, s.len() as f64) as usize
    };
    Ok(Value::number(
        strutil::last_index_of(&s, &needle, pos).map_or(-1.0, |i| i as f64),
    ))
}

fn includes(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = this_units(vm, &args, "includes")?;
    let needle = arg_units(vm, &args, 0)?;
    let pos = arg_integer(vm, &args, 1)?.clamp(0.0, s.len() as f64) as usize;
    Ok(Value::bool(strutil::index_of(&s, &needle, pos).is_some()))
}

fn starts_with(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = this_units(vm, &args, "startsWith")?;
    let needle = arg_units(vm, &args, 0)?;
    let pos = arg_integer(vm, &args, 1)?.clamp(0.0, s.len() as f64) as usize;
    Ok(Value::bool(s[pos..].starts_with(&needle)))
}

fn ends_with(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = this_units(vm, &args, "endsWith")?;
    let needle = arg_units(vm, &args, 0)?;
    let e = args.get(vm, 1);
    let end = if e.is_undefined() {
        s.len()
    } else {
        to_integer(vm, e)?.clamp(0.0, s.len() as f64) as usize
    };
    Ok(Value::bool(s[..end].ends_with(&needle)))
}

fn slice(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = this_units(vm, &args, "slice")?;
    let len = s.len() as f64;
    let a0 = args.get(vm, 0);
    let from = relative_index(vm, a0, len, 0.0)?;
    let a1 = args.get(vm, 1);
    let to = relative_index(vm, a1, len, len)?;
    if from >= to {
        return vm.new_string(&[]);
    }
    vm.new_string(&s[from as usize..to as usize])
}

fn substring(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = this_units(vm, &args, "substring")?;
    let len = s.len() as f64;
    let a = arg_integer(vm, &args, 0)?.clamp(0.0, len);
    let e = args.get(vm, 1);
    let b = if e.is_undefined() {
        len
    } else {
        to_integer(vm, e)?.clamp(0.0, len)
    };
    let (from, to) = (a.min(b) as usize, a.max(b) as usize);
    vm.new_string(&s[from..to])
}

fn substr(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = this_units(vm, &args, "substr")?;
    let len = s.len() as f64;
    let a0 = args.get(vm, 0);
    let start = relative_index(vm, a0, len, 0.0)?;
    let l = args.get(vm, 1);
    let count = if l.is_undefined() {
        len
    } else {
        to_integer(vm, l)?
    };
    let end = (start + count.max(0.0)).min(len);
    if start >= end {
        return vm.new_string(&[]);
    }
    vm.new_string(&s[start as usize..end as usize])
}

fn to_upper_case(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = this_units(vm, &args, "toUpperCase")?;
    vm.new_string(&strutil::to_upper(&s))
}

fn to_lower_case(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = this_units(vm, &args, "toLowerCase")?;
    vm.new_string(&strutil::to_lower(&s))
}

fn to_locale_upper_case(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = this_units(vm, &args, "toLocaleUpperCase")?;
    vm.new_string(&strutil::to_upper(&s))
}

fn to_locale_lower_case(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = this_units(vm, &args, "toLocaleLowerCase")?;
    vm.new_string(&strutil::to_lower(&s))
}

fn trim(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = this_units(vm, &args, "trim")?;
    vm.new_string(strutil::trim(&s))
}

fn trim_start(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = this_units(vm, &args, "trimStart")?;
    vm.new_string(strutil::trim_start(&s))
}

fn trim_end(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = this_units(vm, &args, "trimEnd")?;
    vm.new_string(strutil::trim_end(&s))
}

fn split(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = this_units(vm, &args, "split")?;
    let l = args.get(vm, 1);
    let lim = if l.is_undefined() {
        u32::MAX
    } else {
        ops::to_uint32(vm, l)?
    } as usize;
    let sep_v = args.get(vm, 0);
    let sep = if sep_v.is_undefined() {
        None
    } else {
        Some(ops::to_units(vm, sep_v)?)
    };
    let mut parts: Vec<&[u16]> = Vec::new();
    if lim > 0 {
        match &sep {
            None => parts.push(&s),
            Some(sep) if s.is_empty() => {
                if !sep.is_empty() {
                    parts.push(&s);
                }
            }
            Some(sep) if sep.is_empty() => {
                parts.extend(s.chunks(1).take(lim));
            }
            Some(sep) => {
                let mut p = 0;
                let mut q = 0;
                while q + sep.len() <= s.len() {
                    if s[q..q + sep.len()] == sep[..] {
                        parts.push(&s[p..q]);
                        if parts.len() == lim {
                            break;
                        }
                        q += sep.len();
                        p = q;
                    } else {
                        q += 1;
                    }
                }
                if parts.len() < lim {
                    parts.push(&s[p..]);
                }
            }
        }
    }
    let pieces: Vec<Vec<u16>> = parts.into_iter().map(|p| p.to_vec()).collect();
    scoped(vm, |vm, mark| {
        let a = vm.new_array(pieces.len())?;
        vm.handles.push(a);
        for (i, p) in pieces.iter().enumerate() {
            let sv = vm.new_string(p)?;
            let a = vm.handles[mark];
            vm.define_own(
                a,
                PropKey::Index(i as u32),
                sv,
                crate::runtime::shape::DEFAULT_ATTRS,
            )?;
        }
        Ok(vm.handles[mark])
    })
}

fn repeat(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = this_units(vm, &args, "repeat")?;
    let v = args.get(vm, 0);
    let n = to_integer(vm, v)?;
    if n < 0.0 || n.is_infinite() {
        let shown = numconv::number_to_string(n);
        return Err(vm.throw_error(
            ErrorKind::RangeError,
            &format!("Invalid count value: {shown}"),
        ));
    }
    if s.is_empty() || n == 0.0 {
        return vm.new_string(&[]);
    }
    if s.len() as f64 * n > (1u64 << 29) as f64 - 24.0 {
        return Err(vm.throw_error(ErrorKind::RangeError, "Invalid string length"));
    }
    vm.new_string(&s.repeat(n as usize))
}

fn pad(vm: &mut Vm, args: Args, at_start: bool) -> JsResult<Value> {
    let s = this_units(vm, &args, if at_start { "padStart" } else { "padEnd" })?;
    let v = args.get(vm, 0);
    let max = ops::to_number(vm, v)?;
    let max = numconv::to_integer_or_infinity(max).clamp(0.0, 9007199254740991.0);
    if max <= s.len() as f64 {
        return vm.new_string(&s);
    }
    let f = args.get(vm, 1);
    let filler = if f.is_undefined() {
        vec![b' ' as u16]
    } else {
        ops::to_units(vm, f)?
    };
    if filler.is_empty() {
        return vm.new_string(&s);
    }
    if max > (1u64 << 29) as f64 - 24.0 {
        return Err(vm.throw_error(ErrorKind::RangeError, "Invalid string length"));
    }
    let fill_len = max as usize - s.len();
    let fill: Vec<u16> = filler.iter().copied().cycle().take(fill_len).collect();
    let out = if at_start {
        [fill, s].concat()
    } else {
        [s, fill].concat()
    };
    vm.new_string(&out)
}

fn pad_start(vm: &mut Vm, args: Args) -> JsResult<Value> {
    pad(vm, args, true)
}

fn pad_end(vm: &mut Vm, args: Args) -> JsResult<Value> {
    pad(vm, args, false)
}

fn concat(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let mut s = this_units(vm, &args, "concat")?;
    for i in 0..args.argc {
        s.extend(arg_units(vm, &args, i)?);
        if s.len() > 1 << 29 {
            return Err(vm.throw_error(ErrorKind::RangeError, "Invalid string length"));
        }
    }
    vm.new_string(&s)
}

/// A code-unit comparison: node's ICU collation is outside the contract.
fn locale_compare(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = this_units(vm, &args, "localeCompare")?;
    let t = arg_units(vm, &args, 0)?;
    Ok(Value::int(match strutil::compare_utf16(&s, &t) {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }))
}

pub fn init(vm: &mut Vm) -> JsResult<()> {
    // String.prototype is itself a String wrapper around "" (read it after
    // the allocation, which may move it).
    let empty = vm.new_string(&[])?;
    let sp = vm.intrinsic(Intrinsic::StringPrototype);
    Cell::from_value(sp).set(fixed::PRIMITIVE, empty);
    let sp = vm.intrinsic(Intrinsic::StringPrototype);
    let ctor = define_constructor(vm, "String", string_ctor, 1, sp)?;
    vm.handles.push(ctor);
    let r = (|| {
        for (name, f, len) in [
            ("fromCharCode", from_char_code as NativeFn, 1),
            ("fromCodePoint", from_code_point, 1),
        ] {
            let c = *vm.handles.last().unwrap();
            define_native(vm, c, name, f, len)?;
        }
        Ok(())
    })();
    vm.handles.pop();
    r?;
    let methods: [(&str, NativeFn, u32); 27] = [
        ("at", at, 1),
        ("charAt", char_at, 1),
        ("charCodeAt", char_code_at, 1),
        ("codePointAt", code_point_at, 1),
        ("concat", concat, 1),
        ("endsWith", ends_with, 1),
        ("includes", includes, 1),
        ("indexOf", index_of, 1),
        ("lastIndexOf", last_index_of, 1),
        ("localeCompare", locale_compare, 1),
        ("padEnd", pad_end, 1),
        ("padStart", pad_start, 1),
        ("repeat", repeat, 1),
        ("slice", slice, 2),
        ("split", split, 2),
        ("substr", substr, 2),
        ("substring", substring, 2),
        ("startsWith", starts_with, 1),
        ("toString", to_string, 0),
        ("toLowerCase", to_lower_case, 0),
        ("toLocaleLowerCase", to_locale_lower_case, 0),
        ("toUpperCase", to_upper_case, 0),
        ("toLocaleUpperCase", to_locale_upper_case, 0),
        ("trim", trim, 0),
        ("trimStart", trim_start, 0),
        ("trimEnd", trim_end, 0),
        ("valueOf", value_of, 0),
    ];
    for (name, f, len) in methods {
        let sp = vm.intrinsic(Intrinsic::StringPrototype);
        define_native(vm, sp, name, f, len)?;
    }
    // trimLeft/trimRight are the same function objects as trimStart/trimEnd.
    for (alias, name) in [("trimLeft", "trimStart"), ("trimRight", "trimEnd")] {
        let sp = vm.intrinsic(Intrinsic::StringPrototype);
        let k = vm.atoms.key_str(name);
        let f = vm.get(sp, k)?;
        super::define_value(vm, sp, alias, f, crate::runtime::shape::METHOD_ATTRS)?;
    }
    Ok(())
}
