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
        $(pub(crate) fn $name(vm: &mut Vm, args: Args) -> JsResult<Value> {
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

pub(crate) fn max(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let xs = all_numbers(vm, &args)?;
    Ok(Value::number(m::max(&xs)))
}

pub(crate) fn min(vm: &mut Vm, args: Args) -> JsResult<Value> {
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
t(() => [Math.abs(-5), Math.floor(-1.5), Math.ceil(-1.5), Math.round(-1.5), Math.round(2.5), Math.round(-0.4), Math.trunc(-1.9), Math.sign(-3), Math.sign(-0)]);
t(() => [Math.max(), Math.min(), Math.max(1, NaN, 3), Math.max(-0, 0), Math.min(0, -0), Math.max('7', 2), Math.hypot(3, 4), Math.hypot(), Math.hypot(NaN, Infinity)]);
t(() => [Math.sqrt(2), Math.cbrt(27), Math.pow(2, 10), Math.pow(NaN, 0), Math.pow(1, Infinity), 2 ** -1, Math.exp(1), Math.log(Math.E), Math.log2(8), Math.log10(1000)]);
t(() => [Math.sin(1), Math.cos(1), Math.tan(1), Math.atan(1), Math.atan2(1, 1), Math.asin(0.5), Math.acos(0.5), Math.sinh(1), Math.cosh(1), Math.tanh(1)]);
t(() => [Math.expm1(1e-10), Math.log1p(1e-10), Math.fround(5.5), Math.fround(5.05), Math.clz32(1), Math.imul(3, -4), Math.asinh(1), Math.acosh(2), Math.atanh(0.5)]);
t(() => [Math.PI, Math.E, Math.LN2, Math.LN10, Math.LOG2E, Math.LOG10E, Math.SQRT2, Math.SQRT1_2]);
t(() => { const r = Math.random(); return r >= 0 && r < 1; });
t(() => [typeof Date.now(), Date.now() > 1.6e12, typeof performance.now(), performance.now() >= 0]);
t(() => [Math.max.name, Math.max.length, typeof Math, String(Math), Object.keys(Math).length]);
t(() => Math.abs({valueOf() { return -3; }}));
t(() => new Math.max());
t(() => Math());"##,
            r##"[
   5, -2, -1, -1, 3,
  -0, -1, -1, -0
]
[ -Infinity, Infinity, NaN, 0, -0, 7, 5, 0, Infinity ]
[
  1.4142135623730951,
  3,
  1024,
  1,
  NaN,
  0.5,
  2.718281828459045,
  1,
  3,
  3
]
[
  0.8414709848078965,
  0.5403023058681398,
  1.5574077246549023,
  0.7853981633974483,
  0.7853981633974483,
  0.5235987755982989,
  1.0471975511965979,
  1.1752011936438014,
  1.5430806348152437,
  0.7615941559557649
]
[
  1.00000000005e-10,
  9.999999999500001e-11,
  5.5,
  5.050000190734863,
  31,
  -12,
  0.881373587019543,
  1.3169578969248166,
  0.5493061443340548
]
[
  3.141592653589793,
  2.718281828459045,
  0.6931471805599453,
  2.302585092994046,
  1.4426950408889634,
  0.4342944819032518,
  1.4142135623730951,
  0.7071067811865476
]
true
[ 'number', true, 'number', true ]
[ 'max', 2, 'object', '[object Math]', 0 ]
3
TypeError: Math.max is not a constructor
TypeError: Math is not a function
"##,
        );
    }
}
