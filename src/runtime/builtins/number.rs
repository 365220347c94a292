//! `Number` and `Boolean` (constructors, statics, prototypes) and the global
//! number functions `parseInt parseFloat isNaN isFinite` (which are the same
//! function objects as `Number.parseInt` / `Number.parseFloat`, as in node).
//!
//! Invariants:
//! - Formatting is done on f64 in Rust (numconv for toString/toFixed; exact
//!   decimal expansion for toPrecision/toExponential, rounding ties away
//!   from zero as the spec's "pick the larger n"); the result string is
//!   allocated last.
//! - `thisNumberValue`/`thisBooleanValue` accept the primitive or a wrapper
//!   (Kind::Primitive); anything else is V8's TypeError.

use super::{arg_number, define_constructor, define_native, define_value, to_integer};
use crate::runtime::heap::{Cell, Kind};
use crate::runtime::{
    fixed, numconv, ops, Args, ErrorKind, Intrinsic, JsResult, NativeFn, Value, Vm,
};

/// The prototype for `new X(...)` (from new.target, for subclasses).
fn proto_for(vm: &mut Vm, args: &Args, default: Intrinsic) -> JsResult<Value> {
    let nt = args.new_target(vm);
    if !nt.is_undefined() {
        let p = vm.get(
            nt,
            crate::runtime::atoms::PropKey::Atom(crate::runtime::atoms::wk::prototype),
        )?;
        if vm.is_object(p) {
            return Ok(p);
        }
    }
    Ok(vm.intrinsic(default))
}

/// A primitive wrapper object (`new Number(1)`) with prototype `proto`.
fn wrap(vm: &mut Vm, proto: Value, v: Value) -> JsResult<Value> {
    let o = vm.new_object_kind(Kind::Primitive, proto, fixed::PRIM, 0)?;
    Cell::from_value(o).set(fixed::PRIMITIVE, v);
    Ok(o)
}

// ----- Number -----

fn number_ctor(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let n = if args.argc == 0 {
        0.0
    } else {
        arg_number(vm, &args, 0)?
    };
    let v = Value::number(n);
    if args.new_target(vm).is_undefined() {
        return Ok(v);
    }
    let proto = proto_for(vm, &args, Intrinsic::NumberPrototype)?;
    wrap(vm, proto, v)
}

fn this_number(vm: &mut Vm, args: &Args, name: &str) -> JsResult<f64> {
    let this = args.this(vm);
    if this.is_number() {
        return Ok(this.as_number());
    }
    if let Some(p) = super::object::wrapped_primitive(vm, this) {
        if p.is_number() {
            return Ok(p.as_number());
        }
    }
    Err(vm.type_error(&format!(
        "Number.prototype.{name} requires that 'this' be a Number"
    )))
}

fn range_error(vm: &mut Vm, msg: &str) -> crate::runtime::Throw {
    vm.throw_error(ErrorKind::RangeError, msg)
}

fn to_string(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let x = this_number(vm, &args, "toString")?;
    let r = args.get(vm, 0);
    let radix = if r.is_undefined() {
        10.0
    } else {
        to_integer(vm, r)?
    };
    if !(2.0..=36.0).contains(&radix) {
        return Err(range_error(
            vm,
            "toString() radix argument must be between 2 and 36",
        ));
    }
    if radix == 10.0 {
        return ops::number_to_string(vm, x);
    }
    vm.new_str(&numconv::number_to_string_radix(x, radix as u32))
}

fn to_locale_string(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let x = this_number(vm, &args, "toLocaleString")?;
    // en-US defaults: at most 3 fraction digits, grouped thousands.
    if !x.is_finite() {
        let s = if x.is_nan() {
            "NaN"
        } else if x < 0.0 {
            "-∞"
        } else {
            "∞"
        };
        return vm.new_str(s);
    }
    // Integers from 1e21 up print all their (exact) digits.
    let fixed = if x.abs() >= 1e21 {
        format!("{:.0}", x.abs())
    } else {
        numconv::to_fixed(x.abs(), 3)
    };
    let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let frac = frac.trim_end_matches('0');
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let neg = x < 0.0 || (x == 0.0 && x.is_sign_negative());
    let mut s = if neg { format!("-{grouped}") } else { grouped };
    if !frac.is_empty() {
        s.push('.');
        s.push_str(frac);
    }
    vm.new_str(&s)
}

fn value_of(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let x = this_number(vm, &args, "valueOf")?;
    Ok(Value::number(x))
}

fn to_fixed(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let x = this_number(vm, &args, "toFixed")?;
    let d = args.get(vm, 0);
    let f = to_integer(vm, d)?;
    if !(0.0..=100.0).contains(&f) {
        return Err(range_error(
            vm,
            "toFixed() digits argument must be between 0 and 100",
        ));
    }
    if !x.is_finite() {
        return ops::number_to_string(vm, x);
    }
    vm.new_str(&numconv::to_fixed(x, f as u32))
}

/// The first `p` significant decimal digits of `|x|` (x finite, non-zero),
/// rounded half away from zero on the exact value, and the decimal
/// exponent of the first digit.
fn round_digits(x: f64, p: usize) -> (Vec<u8>, i32) {
    // Rust prints the exact binary value when asked for enough digits.
    let s = format!("{:.1100e}", x.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let mut e: i32 = exp.parse().unwrap_or(0);
    let all: Vec<u8> = mant
        .bytes()
        .filter(|c| c.is_ascii_digit())
        .map(|c| c - b'0')
        .collect();
    let mut d: Vec<u8> = all[..p].to_vec();
    if all.get(p).is_some_and(|&r| r >= 5) {
        let mut i = p;
        loop {
            if i == 0 {
                d.insert(0, 1);
                d.truncate(p);
                e += 1;
                break;
            }
            i -= 1;
            if d[i] == 9 {
                d[i] = 0;
            } else {
                d[i] += 1;
                break;
            }
        }
    }
    (d, e)
}

fn digits_str(d: &[u8]) -> String {
    d.iter().map(|&c| (c + b'0') as char).collect()
}

fn exp_suffix(e: i32) -> String {
    format!("e{}{}", if e >= 0 { "+" } else { "-" }, e.abs())
}

fn to_precision(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let x = this_number(vm, &args, "toPrecision")?;
    let pv = args.get(vm, 0);
    if pv.is_undefined() {
        return ops::number_to_string(vm, x);
    }
    let p = to_integer(vm, pv)?;
    if !x.is_finite() {
        return ops::number_to_string(vm, x);
    }
    if !(1.0..=100.0).contains(&p) {
        return Err(range_error(
            vm,
            "toPrecision() argument must be between 1 and 100",
        ));
    }
    let p = p as usize;
    let sign = if x < 0.0 { "-" } else { "" };
    let (d, e) = if x == 0.0 {
        (vec![0; p], 0)
    } else {
        round_digits(x, p)
    };
    let m = digits_str(&d);
    let body = if e < -6 || e >= p as i32 {
        let mut s = m[..1].to_string();
        if p > 1 {
            s.push('.');
            s.push_str(&m[1..]);
        }
        s + &exp_suffix(e)
    } else if e == p as i32 - 1 {
        m
    } else if e >= 0 {
        format!("{}.{}", &m[..e as usize + 1], &m[e as usize + 1..])
    } else {
        format!("0.{}{}", "0".repeat((-(e + 1)) as usize), m)
    };
    vm.new_str(&format!("{sign}{body}"))
}

fn to_exponential(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let x = this_number(vm, &args, "toExponential")?;
    let fv = args.get(vm, 0);
    let f = to_integer(vm, fv)?;
    if !x.is_finite() {
        return ops::number_to_string(vm, x);
    }
    if !(0.0..=100.0).contains(&f) {
        return Err(range_error(
            vm,
            "toExponential() argument must be between 0 and 100",
        ));
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let (d, e) = if x == 0.0 {
        (
            vec![0; if fv.is_undefined() { 1 } else { f as usize + 1 }],
            0,
        )
    } else if fv.is_undefined() {
        // As many digits as needed to round-trip (Rust's shortest form).
        let s = format!("{:e}", x.abs());
        let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
        let d: Vec<u8> = mant
            .bytes()
            .filter(|c| c.is_ascii_digit())
            .map(|c| c - b'0')
            .collect();
        (d, exp.parse().unwrap_or(0))
    } else {
        round_digits(x, f as usize + 1)
    };
    let m = digits_str(&d);
    let mut s = format!("{sign}{}", &m[..1]);
    if m.len() > 1 {
        s.push('.');
        s.push_str(&m[1..]);
    }
    s.push_str(&exp_suffix(e));
    vm.new_str(&s)
}

fn is_integer(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let v = args.get(vm, 0);
    Ok(Value::bool(
        v.is_number() && v.as_number().is_finite() && v.as_number().trunc() == v.as_number(),
    ))
}

fn is_safe_integer(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let v = args.get(vm, 0);
    Ok(Value::bool(
        v.is_number()
            && v.as_number().is_finite()
            && v.as_number().trunc() == v.as_number()
            && v.as_number().abs() <= 9007199254740991.0,
    ))
}

fn number_is_finite(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let v = args.get(vm, 0);
    Ok(Value::bool(v.is_number() && v.as_number().is_finite()))
}

fn number_is_nan(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let v = args.get(vm, 0);
    Ok(Value::bool(v.is_number() && v.as_number().is_nan()))
}

// ----- globals -----

fn parse_int(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let v = args.get(vm, 0);
    let s = ops::to_units(vm, v)?;
    let r = args.get(vm, 1);
    let radix = if r.is_undefined() {
        None
    } else {
        Some(ops::to_int32(vm, r)?)
    };
    Ok(Value::number(numconv::parse_int(&s, radix)))
}

fn parse_float(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let v = args.get(vm, 0);
    let s = ops::to_units(vm, v)?;
    Ok(Value::number(numconv::parse_float(&s)))
}

fn global_is_nan(vm: &mut Vm, args: Args) -> JsResult<Value> {
    Ok(Value::bool(arg_number(vm, &args, 0)?.is_nan()))
}

fn global_is_finite(vm: &mut Vm, args: Args) -> JsResult<Value> {
    Ok(Value::bool(arg_number(vm, &args, 0)?.is_finite()))
}

// ----- Boolean -----

fn boolean_ctor(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let v = args.get(vm, 0);
    let b = Value::bool(ops::to_boolean(vm, v));
    if args.new_target(vm).is_undefined() {
        return Ok(b);
    }
    let proto = proto_for(vm, &args, Intrinsic::BooleanPrototype)?;
    wrap(vm, proto, b)
}

fn this_boolean(vm: &mut Vm, args: &Args, name: &str) -> JsResult<bool> {
    let this = args.this(vm);
    if this.is_bool() {
        return Ok(this.as_bool());
    }
    if let Some(p) = super::object::wrapped_primitive(vm, this) {
        if p.is_bool() {
            return Ok(p.as_bool());
        }
    }
    Err(vm.type_error(&format!(
        "Boolean.prototype.{name} requires that 'this' be a Boolean"
    )))
}

fn boolean_to_string(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let b = this_boolean(vm, &args, "toString")?;
    vm.new_str(if b { "true" } else { "false" })
}

fn boolean_value_of(vm: &mut Vm, args: Args) -> JsResult<Value> {
    Ok(Value::bool(this_boolean(vm, &args, "valueOf")?))
}

pub fn init(vm: &mut Vm) -> JsResult<()> {
    // The prototypes are wrappers of 0 and false, as in the spec.
    Cell::from_value(vm.intrinsic(Intrinsic::NumberPrototype)).set(fixed::PRIMITIVE, Value::int(0));
    Cell::from_value(vm.intrinsic(Intrinsic::BooleanPrototype)).set(fixed::PRIMITIVE, Value::FALSE);

    let np = vm.intrinsic(Intrinsic::NumberPrototype);
    let ctor = define_constructor(vm, "Number", number_ctor, 1, np)?;
    vm.handles.push(ctor);
    let r = init_number(vm);
    vm.handles.pop();
    r?;

    let bp = vm.intrinsic(Intrinsic::BooleanPrototype);
    define_constructor(vm, "Boolean", boolean_ctor, 1, bp)?;
    for (name, f) in [
        ("toString", boolean_to_string as NativeFn),
        ("valueOf", boolean_value_of),
    ] {
        let bp = vm.intrinsic(Intrinsic::BooleanPrototype);
        define_native(vm, bp, name, f, 0)?;
    }
    Ok(())
}

/// Number's statics and prototype; the constructor is on top of the handles.
fn init_number(vm: &mut Vm) -> JsResult<()> {
    let ctor = |vm: &Vm| *vm.handles.last().unwrap();
    let consts: [(&str, f64); 8] = [
        ("MAX_SAFE_INTEGER", 9007199254740991.0),
        ("MIN_SAFE_INTEGER", -9007199254740991.0),
        ("EPSILON", f64::EPSILON),
        ("MAX_VALUE", f64::MAX),
        ("MIN_VALUE", 5e-324),
        ("POSITIVE_INFINITY", f64::INFINITY),
        ("NEGATIVE_INFINITY", f64::NEG_INFINITY),
        ("NaN", f64::NAN),
    ];
    for (name, v) in consts {
        let c = ctor(vm);
        define_value(vm, c, name, Value::number(v), 0)?;
    }
    let statics: [(&str, NativeFn, u32); 4] = [
        ("isFinite", number_is_finite, 1),
        ("isInteger", is_integer, 1),
        ("isNaN", number_is_nan, 1),
        ("isSafeInteger", is_safe_integer, 1),
    ];
    for (name, f, len) in statics {
        let c = ctor(vm);
        define_native(vm, c, name, f, len)?;
    }
    // parseFloat/parseInt: one function object each, on both the global
    // object and Number.
    let globals: [(&str, NativeFn, u32); 4] = [
        ("parseFloat", parse_float, 1),
        ("parseInt", parse_int, 2),
        ("isNaN", global_is_nan, 1),
        ("isFinite", global_is_finite, 1),
    ];
    for (i, (name, f, len)) in globals.into_iter().enumerate() {
        let g = vm.intrinsic(Intrinsic::Global);
        let func = define_native(vm, g, name, f, len)?;
        if i < 2 {
            let c = ctor(vm);
            define_value(vm, c, name, func, crate::runtime::shape::METHOD_ATTRS)?;
        }
    }
    let methods: [(&str, NativeFn, u32); 6] = [
        ("toExponential", to_exponential, 1),
        ("toFixed", to_fixed, 1),
        ("toPrecision", to_precision, 1),
        ("toString", to_string, 1),
        ("toLocaleString", to_locale_string, 0),
        ("valueOf", value_of, 0),
    ];
    super::define_natives(vm, Intrinsic::NumberPrototype, &methods)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::check_js;

    // Programs and expected output generated with node v20 (the oracle);
    // each runs normally and under --gc-stress --verify-heap.
    #[test]
    fn js_f1() {
        check_js(
            r##"const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.name + ': ' + e.message); } };
function add(a, b) { return (this && this.base || 0) + a + b; }
t(() => [add.call({base: 10}, 1, 2), add.apply({base: 100}, [1, 2]), add.apply(null), add.call(), add.apply(undefined, {length: 2, 0: 5, 1: 6})]);
t(() => { const b = add.bind({base: 1000}, 1); return [b(2), b.name, b.length, typeof b, b.prototype]; });
t(() => { const b = add.bind(null); return [b.bind(null, 1, 2).length, b.bind(null, 1, 2).name, b.bind(null,1,2)()]; });
t(() => { function P(x, y) { this.x = x; this.y = y; } const B = P.bind(null, 1); const o = new B(2); return [o.x, o.y, o instanceof P, o instanceof B, Object.getPrototypeOf(o) === P.prototype]; });
t(() => { const arrow = () => 1; const b = arrow.bind(null); return new b(); });
t(() => { const o = {m() { return 1; }}; const b = o.m.bind(o); return new b(); });
t(() => [typeof Function.prototype, Function.prototype(), Function.prototype.name === '', Function.prototype.length]);
t(() => [add.length, add.name, (function () {}).name, (() => {}).length, ((a, b = 1, ...c) => 0).length]);
t(() => add.call.call(add, {base: 5}, 1, 1));
t(() => Object.getPrototypeOf(add.bind(null)) === Function.prototype);
t(() => { class A { static who() { return this.name; } } const w = A.who.bind(A); return w(); });
t(() => [add instanceof Function, add.constructor === Function, Object.getPrototypeOf(Function) === Function.prototype, Function.prototype.constructor === Function]);
t(() => add.apply(null, 1));
t(() => (1).toString() + (12.5).toString(2) + (-8).toString(8) + (3.75).toString(16) + (0.1).toString(3));
t(() => [(123.456).toFixed(1), (0.5).toFixed(0), (1.5).toFixed(0), (2.5).toFixed(0), (-0.5).toFixed(0), (1e21).toFixed(2), (0.000001).toFixed(7), (123).toFixed(2), NaN.toFixed(2)]);
t(() => (1).toFixed(-1));
t(() => (1).toFixed(Infinity));
t(() => [Number.isInteger(5), Number.isInteger(5.5), Number.isInteger('5'), Number.isSafeInteger(2 ** 53 - 1), Number.isFinite(Infinity), Number.isNaN(NaN)]);
t(() => [Number('  12  '), Number('0x1f'), Number('1e3'), Number(''), Number('abc'), Number(null), Number(undefined), Number([5]), Number(true), Number('Infinity'), Number('-0')]);
t(() => [parseInt('42px'), parseInt('  -17'), parseInt('0x1A'), parseInt('1010', 2), parseInt('z', 36), parseInt(''), parseInt('12', 1), parseInt(0.0000005), parseInt('123', 0), parseFloat('3.14abc'), parseFloat('.5'), parseFloat('-Infinityx'), parseFloat('e5'), parseFloat('1e-7')]);
t(() => [isNaN('abc'), isNaN('12'), isFinite('12'), isFinite(Infinity), isNaN(undefined), isNaN(null)]);
t(() => [Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Number.EPSILON > 0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]);
t(() => [(5).valueOf(), typeof new Number(5), new Number(5) + 1, new Number(5).toFixed(1), Number.prototype.valueOf.call(new Number(7))]);
t(() => [Boolean(''), Boolean('0'), new Boolean(false) ? 'truthy' : 'falsy', true.toString(), false.valueOf(), Boolean.prototype.toString.call(new Boolean(true))]);
t(() => [(0.1 + 0.2).toPrecision(17), (1234.5678).toPrecision(6), (0.00001234).toPrecision(2), (1e-7).toPrecision(1), (123).toPrecision(), (99.99).toPrecision(3), (-0).toPrecision(2)]);
t(() => [(1234.5678).toExponential(), (1234.5678).toExponential(2), (0.00015).toExponential(1), (-5).toExponential(3), (1e100).toExponential(), (9.995).toExponential(2)]);
t(() => Math());
t(() => [Number.parseFloat === parseFloat, Number.parseInt === parseInt, globalThis.parseInt === parseInt]);"##,
            r##"[ 13, 103, NaN, NaN, 11 ]
[ 1003, 'bound add', 1, 'function', undefined ]
[ 0, 'bound bound add', 3 ]
[ 1, 2, true, true, true ]
TypeError: b is not a constructor
TypeError: b is not a constructor
[ 'function', undefined, true, 0 ]
[ 2, 'add', '', 0, 1 ]
7
true
A
[ true, true, true, true ]
TypeError: CreateListFromArrayLike called on non-object
11100.1-103.c0.0022002200220022002200220022002201
[
  '123.5',     '1',
  '2',         '3',
  '-1',        '1e+21',
  '0.0000010', '123.00',
  'NaN'
]
RangeError: toFixed() digits argument must be between 0 and 100
RangeError: toFixed() digits argument must be between 0 and 100
[ true, false, false, true, false, true ]
[ 12, 31, 1000, 0, NaN, 0, NaN, 5, 1, Infinity, -0 ]
[
    42,  -17,        26,
    10,   35,       NaN,
   NaN,    5,       123,
  3.14,  0.5, -Infinity,
   NaN, 1e-7
]
[ true, false, true, false, true, false ]
[ 9007199254740991, -9007199254740991, true, Infinity, -Infinity, NaN ]
[ 5, 'object', 6, '5.0', 7 ]
[ false, true, 'truthy', 'true', false, 'true' ]
[
  '0.30000000000000004',
  '1234.57',
  '0.000012',
  '1e-7',
  '123',
  '100',
  '0.0'
]
[
  '1.2345678e+3',
  '1.23e+3',
  '1.5e-4',
  '-5.000e+0',
  '1e+100',
  '9.99e+0'
]
TypeError: Math is not a function
[ true, true, true ]
"##,
        );
    }
}
