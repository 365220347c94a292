//! The `Math` object.
//!
//! Invariants:
//! - Every function converts all its arguments with ToNumber first (in
//!   order, even after a NaN, as the spec does) and then computes with
//!   `runtime::math`, whose results match V8's fdlibm ports bit for bit.
//! - `Math.random` is xorshift64* over `vm.rng_state` (not part of the
//!   contract; deterministic per VM).

use super::{arg_number, define_native, define_value};
use crate::runtime::math as m;
use crate::runtime::shape::METHOD_ATTRS;
use crate::runtime::{Args, Intrinsic, JsResult, NativeFn, Value, Vm};

macro_rules! unary {
    ($($name:ident => $f:expr,)*) => {
        $(fn $name(vm: &mut Vm, args: Args) -> JsResult<Value> {
            let x = arg_number(vm, &args, 0)?;
            let f: fn(f64) -> f64 = $f;
            Ok(Value::number(f(x)))
        })*
    };
}

unary! {
    abs => m::abs,
    acos => m::acos,
    acosh => m::acosh,
    asin => m::asin,
    asinh => m::asinh,
    atan => m::atan,
    atanh => m::atanh,
    cbrt => m::cbrt,
    ceil => m::ceil,
    clz32 => m::clz32,
    cos => m::cos,
    cosh => m::cosh,
    exp => m::exp,
    expm1 => m::expm1,
    floor => m::floor,
    fround => m::fround,
    log => m::log,
    log1p => m::log1p,
    log10 => m::log10,
    log2 => m::log2,
    round => m::round,
    sign => m::sign,
    sin => m::sin,
    sinh => m::sinh,
    sqrt => m::sqrt,
    tan => m::tan,
    tanh => m::tanh,
    trunc => m::trunc,
}

fn all_numbers(vm: &mut Vm, args: &Args) -> JsResult<Vec<f64>> {
    let mut xs = Vec::with_capacity(args.argc);
    for i in 0..args.argc {
        xs.push(arg_number(vm, args, i)?);
    }
    Ok(xs)
}

fn max(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let xs = all_numbers(vm, &args)?;
    Ok(Value::number(m::max(&xs)))
}

fn min(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let xs = all_numbers(vm, &args)?;
    Ok(Value::number(m::min(&xs)))
}

fn hypot(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let xs = all_numbers(vm, &args)?;
    Ok(Value::number(m::hypot(&xs)))
}

fn pow(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let x = arg_number(vm, &args, 0)?;
    let y = arg_number(vm, &args, 1)?;
    Ok(Value::number(m::pow(x, y)))
}

fn atan2(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let y = arg_number(vm, &args, 0)?;
    let x = arg_number(vm, &args, 1)?;
    Ok(Value::number(m::atan2(y, x)))
}

fn imul(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let a = arg_number(vm, &args, 0)?;
    let b = arg_number(vm, &args, 1)?;
    Ok(Value::number(m::imul(a, b)))
}

fn random(vm: &mut Vm, _args: Args) -> JsResult<Value> {
    let mut x = vm.rng_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    vm.rng_state = x;
    let r = x.wrapping_mul(0x2545_f491_4f6c_dd1d);
    // 53 random bits -> [0, 1).
    Ok(Value::double((r >> 11) as f64 / (1u64 << 53) as f64))
}

pub fn init(vm: &mut Vm) -> JsResult<()> {
    let op = vm.intrinsic(Intrinsic::ObjectPrototype);
    let math = vm.new_object(op)?;
    vm.handles.push(math);
    let r = init_math(vm);
    let math = vm.handles.pop().unwrap();
    r?;
    let g = vm.intrinsic(Intrinsic::Global);
    define_value(vm, g, "Math", math, METHOD_ATTRS)
}

fn init_math(vm: &mut Vm) -> JsResult<()> {
    let consts: [(&str, f64); 8] = [
        ("E", std::f64::consts::E),
        ("LN10", std::f64::consts::LN_10),
        ("LN2", std::f64::consts::LN_2),
        ("LOG10E", std::f64::consts::LOG10_E),
        ("LOG2E", std::f64::consts::LOG2_E),
        ("PI", std::f64::consts::PI),
        ("SQRT1_2", std::f64::consts::FRAC_1_SQRT_2),
        ("SQRT2", std::f64::consts::SQRT_2),
    ];
    for (name, v) in consts {
        let math = *vm.handles.last().unwrap();
        define_value(vm, math, name, Value::double(v), 0)?;
    }
    let fns: [(&str, NativeFn, u32); 35] = [
        ("abs", abs, 1),
        ("acos", acos, 1),
        ("acosh", acosh, 1),
        ("asin", asin, 1),
        ("asinh", asinh, 1),
        ("atan", atan, 1),
        ("atanh", atanh, 1),
        ("atan2", atan2, 2),
        ("ceil", ceil, 1),
        ("cbrt", cbrt, 1),
        ("expm1", expm1, 1),
        ("clz32", clz32, 1),
        ("cos", cos, 1),
        ("cosh", cosh, 1),
        ("exp", exp, 1),
        ("floor", floor, 1),
        ("fround", fround, 1),
        ("hypot", hypot, 2),
        ("imul", imul, 2),
        ("log", log, 1),
        ("log1p", log1p, 1),
        ("log2", log2, 1),
        ("log10", log10, 1),
        ("max", max, 2),
        ("min", min, 2),
        ("pow", pow, 2),
        ("random", random, 0),
        ("round", round, 1),
        ("sign", sign, 1),
        ("sin", sin, 1),
        ("sinh", sinh, 1),
        ("sqrt", sqrt, 1),
        ("tan", tan, 1),
        ("tanh", tanh, 1),
        ("trunc", trunc, 1),
    ];
    for (name, f, len) in fns {
        let math = *vm.handles.last().unwrap();
        define_native(vm, math, name, f, len)?;
    }
    Ok(())
}
