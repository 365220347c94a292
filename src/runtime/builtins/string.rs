//! `String`: the constructor, `String.fromCharCode/fromCodePoint` and
//! `String.prototype`.
//!
//! Invariants:
//! - The receiver is converted first (RequireObjectCoercible + ToString, as
//!   the spec orders it). Hot methods borrow the flat receiver's units
//!   (`this_flat_and` roots it while the arguments convert); the others work
//!   on Rust copies (`this_units`). Results are allocated last, so no cell
//!   is held across an allocation.
//! - Strings are UTF-16 code units; positions and lengths count units.

use super::{define_constructor, define_native, keep, relative_index, scoped, to_integer};
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
        vm.charge(1 + (vm.string_len(this) as u64 >> 4), "string")?;
        return Ok(vm.string_units(this));
    }
    ops::to_units(vm, this)
}

fn arg_units(vm: &mut Vm, args: &Args, i: usize) -> JsResult<Vec<u16>> {
    let v = args.get(vm, i);
    ops::to_units(vm, v)
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
    if args.argc == 1 {
        let v = args.get(vm, 0);
        let u = ops::to_uint32(vm, v)? as u16;
        return vm.unit_string(u);
    }
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

/// RequireObjectCoercible(this) and ToString, as a flat string value whose
/// units may be borrowed (`vm.flat_units`) until the next allocation; then
/// `conv` converts the arguments with the string rooted. Used by the hot
/// methods (charCodeAt scans, indexOf/slice loops) so they never copy the
/// whole receiver.
fn this_flat_and<T>(
    vm: &mut Vm,
    args: &Args,
    name: &str,
    conv: impl FnOnce(&mut Vm) -> JsResult<T>,
) -> JsResult<(Value, T)> {
    let this = args.this(vm);
    if this.is_nullish() {
        return Err(vm.type_error(&format!(
            "String.prototype.{name} called on null or undefined"
        )));
    }
    let s = if vm.is_string(this) {
        this
    } else {
        ops::to_string(vm, this)?
    };
    vm.handles.push(s);
    let t = conv(vm);
    let s = vm.handles.pop().unwrap();
    let t = t?;
    Ok((vm.flatten(s)?, t))
}

/// ToIntegerOrInfinity of argument `i` (int32 fast path).
fn int_arg(vm: &mut Vm, args: &Args, i: usize) -> JsResult<f64> {
    let v = args.get(vm, i);
    if v.is_int() {
        return Ok(v.as_int() as f64);
    }
    to_integer(vm, v)
}

/// A new string from units `from..to` of flat string `s`.
fn substring_of(vm: &mut Vm, s: Value, from: usize, to: usize) -> JsResult<Value> {
    if from == 0 && to == vm.string_len(s) {
        return Ok(s);
    }
    if to == from + 1 {
        let u = vm.flat_units(s)[from];
        return vm.unit_string(u);
    }
    // A short cut that spells an existing atom string (a parser's keys and
    // keywords) is that string: no allocation, and keyed sites and `===`
    // find it by identity (strings have no identity a program can see).
    if to > from && to - from <= SHARED_CUT_MAX {
        if let Some(a) = vm.atoms.find(&vm.flat_units(s)[from..to]) {
            if let Some(&v) = vm.atom_strings.get(a.0 as usize) {
                if !v.is_empty() {
                    return Ok(v);
                }
            }
        }
    }
    vm.new_substring(s, from, to.max(from))
}

/// The longest cut looked up among the atom strings (`substring_of`).
const SHARED_CUT_MAX: usize = 24;

pub(crate) fn char_at(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let (s, p) = this_flat_and(vm, &args, "charAt", |vm| int_arg(vm, &args, 0))?;
    if p < 0.0 || p >= vm.string_len(s) as f64 {
        return vm.new_string(&[]);
    }
    let u = vm.flat_units(s)[p as usize];
    vm.unit_string(u)
}

pub(crate) fn char_code_at(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let (s, p) = this_flat_and(vm, &args, "charCodeAt", |vm| int_arg(vm, &args, 0))?;
    if p < 0.0 || p >= vm.string_len(s) as f64 {
        return Ok(Value::double(f64::NAN));
    }
    Ok(Value::int(vm.flat_units(s)[p as usize] as i32))
}

fn code_point_at(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let (s, p) = this_flat_and(vm, &args, "codePointAt", |vm| int_arg(vm, &args, 0))?;
    let s = vm.flat_units(s);
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
    let (s, p) = this_flat_and(vm, &args, "at", |vm| int_arg(vm, &args, 0))?;
    let len = vm.string_len(s) as f64;
    let k = if p < 0.0 { len + p } else { p };
    if k < 0.0 || k >= len {
        return Ok(Value::UNDEFINED);
    }
    let u = vm.flat_units(s)[k as usize];
    vm.unit_string(u)
}

/// Search methods: the needle (argument 0) and a position (argument 1).
fn needle_and_pos(vm: &mut Vm, args: &Args) -> JsResult<(Vec<u16>, Value)> {
    let n = arg_units(vm, args, 0)?;
    let p = args.get(vm, 1);
    Ok((n, p))
}

fn index_of(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let (s, (needle, pos)) = this_flat_and(vm, &args, "indexOf", |vm| {
        let n = arg_units(vm, &args, 0)?;
        Ok((n, int_arg(vm, &args, 1)?))
    })?;
    let hay = vm.flat_units(s);
    let pos = pos.clamp(0.0, hay.len() as f64) as usize;
    Ok(Value::number(
        strutil::index_of(hay, &needle, pos).map_or(-1.0, |i| i as f64),
    ))
}

fn last_index_of(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let (s, (needle, pos)) = this_flat_and(vm, &args, "lastIndexOf", |vm| {
        let (n, p) = needle_and_pos(vm, &args)?;
        Ok((n, ops::to_number(vm, p)?))
    })?;
    let hay = vm.flat_units(s);
    let pos = if pos.is_nan() {
        usize::MAX
    } else {
        numconv::to_integer_or_infinity(pos).clamp(0.0, hay.len() as f64) as usize
    };
    Ok(Value::number(
        strutil::last_index_of(hay, &needle, pos).map_or(-1.0, |i| i as f64),
    ))
}

fn includes(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let (s, (needle, pos)) = this_flat_and(vm, &args, "includes", |vm| {
        let n = arg_units(vm, &args, 0)?;
        Ok((n, int_arg(vm, &args, 1)?))
    })?;
    let hay = vm.flat_units(s);
    let pos = pos.clamp(0.0, hay.len() as f64) as usize;
    Ok(Value::bool(strutil::index_of(hay, &needle, pos).is_some()))
}

fn starts_with(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let (s, (needle, pos)) = this_flat_and(vm, &args, "startsWith", |vm| {
        let n = arg_units(vm, &args, 0)?;
        Ok((n, int_arg(vm, &args, 1)?))
    })?;
    let hay = vm.flat_units(s);
    let pos = pos.clamp(0.0, hay.len() as f64) as usize;
    Ok(Value::bool(hay[pos..].starts_with(&needle)))
}

fn ends_with(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let (s, (needle, end)) = this_flat_and(vm, &args, "endsWith", |vm| {
        let (n, e) = needle_and_pos(vm, &args)?;
        let e = if e.is_undefined() {
            None
        } else {
            Some(to_integer(vm, e)?)
        };
        Ok((n, e))
    })?;
    let hay = vm.flat_units(s);
    let end = end.map_or(hay.len(), |e| e.clamp(0.0, hay.len() as f64) as usize);
    Ok(Value::bool(hay[..end].ends_with(&needle)))
}

fn slice(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let (s, (a, b)) = this_flat_and(vm, &args, "slice", |vm| {
        Ok((args.get(vm, 0), args.get(vm, 1)))
    })?;
    // Positions convert after ToString(this), with the receiver rooted.
    let len = vm.string_len(s) as f64;
    let ((from, to), s) = keep(vm, s, |vm| {
        Ok((
            relative_index(vm, a, len, 0.0)?,
            relative_index(vm, b, len, len)?,
        ))
    })?;
    let s = vm.flatten(s)?;
    substring_of(vm, s, from as usize, to as usize)
}

fn substring(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let (s, (a, e)) = this_flat_and(vm, &args, "substring", |vm| {
        let a = int_arg(vm, &args, 0)?;
        let e = args.get(vm, 1);
        let e = if e.is_undefined() {
            None
        } else {
            Some(to_integer(vm, e)?)
        };
        Ok((a, e))
    })?;
    let len = vm.string_len(s) as f64;
    let a = a.clamp(0.0, len);
    let b = e.map_or(len, |e| e.clamp(0.0, len));
    substring_of(vm, s, a.min(b) as usize, a.max(b) as usize)
}

fn substr(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let (s, (a, l)) = this_flat_and(vm, &args, "substr", |vm| {
        Ok((args.get(vm, 0), args.get(vm, 1)))
    })?;
    let len = vm.string_len(s) as f64;
    let ((start, count), s) = keep(vm, s, |vm| {
        let start = relative_index(vm, a, len, 0.0)?;
        let count = if l.is_undefined() {
            len
        } else {
            to_integer(vm, l)?
        };
        Ok((start, count))
    })?;
    let end = (start + count.max(0.0)).min(len);
    let s = vm.flatten(s)?;
    if start >= end {
        return vm.new_string(&[]);
    }
    substring_of(vm, s, start as usize, end as usize)
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

/// GetSubstitution for a string pattern: `$$`, `$&`, `` $` ``, `$'`; other
/// `$` sequences (capture groups need a RegExp) stay as they are.
fn substitute(out: &mut Vec<u16>, template: &[u16], s: &[u16], pos: usize, matched: usize) {
    let mut i = 0;
    while i < template.len() {
        let c = template[i];
        if c == b'$' as u16 && i + 1 < template.len() {
            let n = template[i + 1];
            if n == b'$' as u16 {
                out.push(c);
            } else if n == b'&' as u16 {
                out.extend_from_slice(&s[pos..pos + matched]);
            } else if n == b'`' as u16 {
                out.extend_from_slice(&s[..pos]);
            } else if n == b'\'' as u16 {
                out.extend_from_slice(&s[(pos + matched).min(s.len())..]);
            } else {
                out.push(c);
                i += 1;
                continue;
            }
            i += 2;
            continue;
        }
        out.push(c);
        i += 1;
    }
}

/// `replace` / `replaceAll` with a string pattern (RegExp is outside the
/// subset); the replacement is a template string or a function called as
/// `f(match, position, string)`.
fn replace_impl(vm: &mut Vm, args: Args, all: bool) -> JsResult<Value> {
    let name = if all { "replaceAll" } else { "replace" };
    let s = this_units(vm, &args, name)?;
    let pat = arg_units(vm, &args, 0)?;
    let r = args.get(vm, 1);
    let template = if vm.is_callable(r) {
        None
    } else {
        Some(ops::to_units(vm, r)?)
    };
    // Match positions first (the spec collects them before replacing).
    let mut positions = Vec::new();
    let mut from = 0;
    while let Some(p) = strutil::index_of(&s, &pat, from) {
        positions.push(p);
        if !all {
            break;
        }
        from = p + pat.len().max(1);
        if from > s.len() {
            break;
        }
    }
    if positions.is_empty() {
        return vm.new_string(&s);
    }
    let mut out = Vec::with_capacity(s.len());
    let mut last = 0;
    for p in positions {
        out.extend_from_slice(&s[last..p]);
        match &template {
            Some(t) => substitute(&mut out, t, &s, p, pat.len()),
            None => {
                let m = vm.new_string(&pat)?;
                vm.handles.push(m);
                let whole = vm.new_string(&s);
                let m = vm.handles.pop().unwrap();
                let f = args.get(vm, 1);
                let v = vm.call(f, Value::UNDEFINED, &[m, Value::number(p as f64), whole?])?;
                out.extend(ops::to_units(vm, v)?);
            }
        }
        last = p + pat.len();
        if out.len() > 1 << 29 {
            return Err(vm.throw_error(ErrorKind::RangeError, "Invalid string length"));
        }
    }
    out.extend_from_slice(&s[last..]);
    vm.new_string(&out)
}

fn replace(vm: &mut Vm, args: Args) -> JsResult<Value> {
    replace_impl(vm, args, false)
}

fn replace_all(vm: &mut Vm, args: Args) -> JsResult<Value> {
    replace_impl(vm, args, true)
}

/// ICU's root-collation order of printable ASCII (what node's
/// `localeCompare` gives): whitespace, punctuation, symbols, digits, then
/// letters with lower case before upper case at the tertiary level.
const ASCII_ORDER: &[u8] =
    b" _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz";

/// Latin-1 letters as (base letter, accent rank) for the secondary level:
/// acute < grave < circumflex < ring < diaeresis < tilde < cedilla < stroke.
fn latin1_letter(u: u16) -> Option<(u8, u8)> {
    const TABLE: &[(u16, u8, u8)] = &[
        (0xc0, b'a', 2),
        (0xc1, b'a', 1),
        (0xc2, b'a', 3),
        (0xc3, b'a', 6),
        (0xc4, b'a', 5),
        (0xc5, b'a', 4),
        (0xc7, b'c', 7),
        (0xc8, b'e', 2),
        (0xc9, b'e', 1),
        (0xca, b'e', 3),
        (0xcb, b'e', 5),
        (0xcc, b'i', 2),
        (0xcd, b'i', 1),
        (0xce, b'i', 3),
        (0xcf, b'i', 5),
        (0xd1, b'n', 6),
        (0xd2, b'o', 2),
        (0xd3, b'o', 1),
        (0xd4, b'o', 3),
        (0xd5, b'o', 6),
        (0xd6, b'o', 5),
        (0xd8, b'o', 8),
        (0xd9, b'u', 2),
        (0xda, b'u', 1),
        (0xdb, b'u', 3),
        (0xdc, b'u', 5),
        (0xdd, b'y', 1),
    ];
    // Lower-case Latin-1 letters are their upper-case forms + 0x20.
    let upper = if (0xe0..=0xfe).contains(&u) && u != 0xf7 {
        u - 0x20
    } else {
        u
    };
    TABLE
        .iter()
        .find(|e| e.0 == upper)
        .map(|e| (e.1, e.2))
        .or(if u == 0xff { Some((b'y', 5)) } else { None })
}

/// Collation elements (primary, secondary, tertiary) of a string: a small
/// model of the Unicode Collation Algorithm with ICU's root order for
/// Latin text; other characters sort after letters by code unit.
fn collation_elements(s: &[u16]) -> Vec<(u32, u8, u8)> {
    let rank = |c: u8| ASCII_ORDER.iter().position(|&x| x == c).unwrap_or(0) as u32 + 1;
    let mut out = Vec::with_capacity(s.len());
    for &u in s {
        match u {
            0..=0x1f | 0x7f..=0x9f => {} // controls are ignorable
            0x41..=0x5a => out.push((rank(u as u8 + 32), 0, 1)),
            0x20..=0x7e => out.push((rank(u as u8), 0, 0)),
            0xdf => {
                out.push((rank(b's'), 0, 0));
                out.push((rank(b's'), 0, 2));
            }
            0xe6 | 0xc6 => {
                // An expansion to "ae" with secondaries above every accent.
                let t = if u == 0xc6 { 1 } else { 0 };
                out.push((rank(b'a'), 9, t));
                out.push((rank(b'e'), 9, t));
            }
            _ => match latin1_letter(u) {
                Some((base, accent)) => {
                    out.push((rank(base), accent, if u < 0xe0 { 1 } else { 0 }))
                }
                None => out.push((1000 + u as u32, 0, 0)),
            },
        }
    }
    out
}

/// `localeCompare` as node's ICU root collation orders Latin text: compare
/// the primary weights (letters, case-blind), then accents, then case.
fn locale_compare(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let s = this_units(vm, &args, "localeCompare")?;
    let t = arg_units(vm, &args, 0)?;
    let (a, b) = (collation_elements(&s), collation_elements(&t));
    let level = |f: fn(&(u32, u8, u8)) -> u32| a.iter().map(f).cmp(b.iter().map(f));
    let ord = level(|e| e.0)
        .then_with(|| level(|e| e.1 as u32))
        .then_with(|| level(|e| e.2 as u32));
    Ok(Value::int(match ord {
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
    super::define_value(vm, sp, "length", Value::int(0), 0)?;
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
    let methods: [(&str, NativeFn, u32); 29] = [
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
        ("replace", replace, 2),
        ("replaceAll", replace_all, 2),
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
    super::define_natives(vm, Intrinsic::StringPrototype, &methods)?;
    // trimLeft/trimRight are the same function objects as trimStart/trimEnd.
    for (alias, name) in [("trimLeft", "trimStart"), ("trimRight", "trimEnd")] {
        let sp = vm.intrinsic(Intrinsic::StringPrototype);
        let k = vm.atoms.key_str(name);
        let f = vm.get(sp, k)?;
        super::define_value(vm, sp, alias, f, crate::runtime::shape::METHOD_ATTRS)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::check_js;

    // Programs and expected output generated with node v20 (the oracle);
    // each runs normally and under --gc-stress --verify-heap.
    #[test]
    fn js_s1() {
        check_js(
            r##"const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.name + ': ' + e.message); } };
const s = 'Hello, World';
t(() => [s.charAt(0), s.charAt(-1), s.charAt(100), s.charAt(1.9), s.charAt('2'), s.charAt()]);
t(() => [s.charCodeAt(0), s.charCodeAt(99), s.codePointAt(0), '😀'.codePointAt(0), '😀'.codePointAt(1), '😀'.charCodeAt(0), 'a'.codePointAt(5)]);
t(() => [s.indexOf('o'), s.indexOf('o', 5), s.indexOf(''), s.indexOf('', 100), s.indexOf('zz'), s.lastIndexOf('o'), s.lastIndexOf('o', 5), s.lastIndexOf(''), s.lastIndexOf('H', -5), s.lastIndexOf('o', NaN)]);
t(() => [s.includes('World'), s.includes('world'), s.startsWith('Hell'), s.startsWith('World', 7), s.endsWith('World'), s.endsWith('Hello', 5), s.endsWith('')]);
t(() => [s.slice(7), s.slice(-5), s.slice(-5, -1), s.slice(5, 2), s.substring(5, 2), s.substring(-3), s.substring(7, 100), s.substr(-5, 3), s.substr(7), s.substr(2, -1)]);
t(() => [s.toUpperCase(), s.toLowerCase(), 'ß'.toUpperCase(), 'İ'.toLowerCase().length, 'ΑΣ'.toLowerCase()]);
t(() => ['  a b  '.trim() + '|', '\t\n a'.trimStart(), 'a \u00a0\ufeff'.trimEnd() + '|', '\u2028x\u3000'.trim()]);
t(() => ['a,b,c'.split(','), 'a,b,c'.split(',', 2), 'abc'.split(''), 'abc'.split(), ''.split(','), ''.split(''), 'a,,b'.split(','), 'abc'.split('', 2), 'a--b--c'.split('--'), 'test'.split('test'), 'aaa'.split('a'), 'abc'.split(undefined, 0)]);
t(() => ['ab'.repeat(3), 'x'.repeat(0), ''.repeat(5), 'a'.repeat(2.9)]);
t(() => 'a'.repeat(-1));
t(() => 'a'.repeat(Infinity));
t(() => 'a'.repeat(2 ** 40));
t(() => ''.repeat(2 ** 40));
t(() => ['5'.padStart(3, '0'), 'abc'.padStart(2), 'abc'.padStart(6, '12'), 'abc'.padEnd(6, '12'), 'a'.padEnd(3) + '|', 'a'.padStart(5, ''), 'x'.padStart(3, 0)]);
t(() => ['a'.concat('b', 1, null, [2, 3]), 'abc'.at(-1), 'abc'.at(5), 'a'.localeCompare('b'), 'b'.localeCompare('a'), 'a'.localeCompare('a')]);
t(() => [String.fromCharCode(72, 105), String.fromCharCode(0x1F600), String.fromCharCode(65.7, '66'), String.fromCharCode(), String.fromCodePoint(0x1F600).length]);
t(() => String.fromCodePoint(-1));
t(() => String.fromCodePoint(1.5));
t(() => [String(null), String(undefined), String(123), String([1, [2]]), String({}), String(-0), String(1e21), String(true)]);
t(() => [typeof new String('a'), new String('a') == 'a', new String('ab').length, 'x'.toString(), 'x'.valueOf()]);
t(() => String.prototype.toString.call(1));
t(() => String.prototype.trim.call(null));
t(() => String.prototype.trim.call(123) + String.prototype.toUpperCase.call(true));
t(() => [String.prototype.slice.length, String.prototype.padStart.length, String.prototype.split.length, String.prototype.indexOf.length, String.prototype.concat.length, String.prototype.at.name, String.name, String.length, String.prototype.trimLeft.name]);
t(() => 'abc'[1] + 'abc'.length + 'abc'['length']);
t(() => ['a-b_c d'.split(' '), 'x'.split('x'), 'xax'.split('x')]);
t(() => 'abcdef'.substring(4, 1) + 'abcdef'.substring(NaN, 2) + 'abcdef'.slice(NaN));
t(() => 'abc'.indexOf('c', -5) + ' ' + 'abc'.includes('') + ' ' + 'abc'.startsWith('') + ' ' + 'aXbX'.lastIndexOf('X', 2));
t(() => { let r = ''; for (const ch of 'a😀b') r += '[' + ch + ']'; return r; });"##,
            r##"[ 'H', '', '', 'e', 'l', 'H' ]
[ 72, NaN, 72, 128512, 56832, 55357, undefined ]
[
  4, 8,  0, 12, -1,
  8, 4, 12,  0,  8
]
[
  true, false,
  true, true,
  true, true,
  true
]
[
  'World', 'World',
  'Worl',  '',
  'llo',   'Hello, World',
  'World', 'Wor',
  'World', ''
]
[ 'HELLO, WORLD', 'hello, world', 'SS', 2, 'ας' ]
[ 'a b|', 'a', 'a|', 'x' ]
[
  [ 'a', 'b', 'c' ],
  [ 'a', 'b' ],
  [ 'a', 'b', 'c' ],
  [ 'abc' ],
  [ '' ],
  [],
  [ 'a', '', 'b' ],
  [ 'a', 'b' ],
  [ 'a', 'b', 'c' ],
  [ '', '' ],
  [ '', '', '', '' ],
  []
]
[ 'ababab', '', '', 'aa' ]
RangeError: Invalid count value: -1
RangeError: Invalid count value: Infinity
RangeError: Invalid string length

[
  '005',    'abc',
  '121abc', 'abc121',
  'a  |',   'a',
  '00x'
]
[ 'ab1null2,3', 'c', undefined, -1, 1, 0 ]
[ 'Hi', '', 'AB', '', 2 ]
RangeError: Invalid code point -1
RangeError: Invalid code point 1.5
[
  'null',
  'undefined',
  '123',
  '1,2',
  '[object Object]',
  '0',
  '1e+21',
  'true'
]
[ 'object', true, 2, 'x', 'x' ]
TypeError: String.prototype.toString requires that 'this' be a String
TypeError: String.prototype.trim called on null or undefined
123TRUE
[ 2, 1, 2, 1, 1, 'at', 'String', 1, 'trimStart' ]
b33
[ [ 'a-b_c', 'd' ], [ '', '' ], [ '', 'a', '' ] ]
bcdababcdef
2 true true 1
[a][😀][b]
"##,
        );
    }

    #[test]
    fn locale_compare_follows_icu_root_order_for_latin_text() {
        check_js(
            r##"const p = ["Banana","apple","cherry","Apple","banana","résumé","resume","Résumé","a-b","ab","a b","item10","item2","Item1","æon","aeon","zoo","Zoo","éclair","eclair","straße","strasse","10","9","_x","x"];
print(p.slice().sort((a, b) => a.localeCompare(b) || (a < b ? -1 : a > b ? 1 : 0)).join("|"));
print(["a","b","A"].map(x => x.localeCompare("B")).join(","));"##,
            "_x|10|9|a b|a-b|ab|aeon|æon|apple|Apple|banana|Banana|cherry|eclair|éclair|Item1|item10|item2|resume|résumé|Résumé|strasse|straße|x|zoo|Zoo\n-1,-1,-1\n",
        );
    }

    #[test]
    fn js_replace_and_copy_within() {
        check_js(
            r##"const t = f => { try { console.log(f()); } catch (e) { console.log(e.name + ": " + e.message); } };
t(() => ["aXbXc".replace("X", "-"), "aXbXc".replaceAll("X", "-"), "abc".replace("", "_"), "abc".replaceAll("", "_"), "aaa".replaceAll("aa", "b")]);
t(() => ["abc".replace("b", "[$&|$`|$'|$$|$1]"), "abc".replace("b", (m, p, s) => m.toUpperCase() + p + s), "abc".replaceAll("b", (m, p) => p), "abc".replace("z", "y")]);
t(() => ["abcabc".replaceAll("b", "$&$&"), "x".replace(undefined, "y"), "undefined".replace(undefined, "y"), "a1".replace(1, 2), "a$".replace("$", "$"), "ab".replace("b", "$")]);
t(() => [String.prototype.replace.length, String.prototype.replaceAll.length]);
t(() => [[1, 2, 3, 4, 5].copyWithin(0, 3), [1, 2, 3, 4, 5].copyWithin(1, 0, 2), [1, 2, 3, 4, 5].copyWithin(-2, 0), Array.prototype.copyWithin.length, [1, 2, 3, 4, 5].copyWithin(2, 0), [1, , 3].copyWithin(0, 1)]);
t(() => "a.b.c".split(".").join("/").replaceAll("/", " | "));
t(() => String.prototype.replace.call(null, "a", "b"));"##,
            r##"[ 'a-bXc', 'a-b-c', '_abc', '_a_b_c_', 'ba' ]
[ 'a[b|a|c|$|$1]c', 'aB1abcc', 'a1c', 'abc' ]
[ 'abbcabbc', 'x', 'y', 'a2', 'a$', 'a$' ]
[ 2, 2 ]
[
  [ 4, 5, 3, 4, 5 ],
  [ 1, 1, 2, 4, 5 ],
  [ 1, 2, 3, 1, 2 ],
  2,
  [ 1, 2, 1, 2, 3 ],
  [ <1 empty item>, 3, 3 ]
]
a | b | c
TypeError: String.prototype.replace called on null or undefined
"##,
        );
    }
}
