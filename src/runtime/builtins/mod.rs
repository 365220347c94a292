//! The builtin objects: created once per VM by `init`, one file per family.
//!
//! Invariants:
//! - `init` creates every intrinsic before any family installs functions,
//!   so families may refer to any prototype.
//! - Natives follow the GC contract of runtime/mod.rs: arguments are read
//!   through `Args` (they live on the value stack, a root); a cell value
//!   kept across an allocation goes through `vm.handles`.
//! - Messages of errors thrown here are V8's.

pub mod array;
pub mod collections;
pub mod error;
pub mod function;
pub mod global;
pub mod json;
pub mod math;
pub mod number;
pub mod object;
pub mod string;
pub mod typed;

use super::atoms::{wk, PropKey};
use super::heap::Kind;
use super::shape::METHOD_ATTRS;
use super::{fixed, format, numconv, ops, Args, Intrinsic, JsResult, NativeFn, Value, Vm};

/// The natives baseline code may compute inline at a call site that saw
/// them (`jit::baseline::natives`). A native function object is identified
/// by its entry (`raw(1)`, the `NativeFn`), which never moves and which no
/// user code can change, so "the callee's entry is `floor`'s" is exactly
/// "the callee behaves as Math.floor".
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum InlineNative {
    MathSqrt,
    MathAbs,
    MathFloor,
    MathCeil,
    MathMin,
    MathMax,
    ArrayPush,
    StringCharCodeAt,
    StringCharAt,
    ObjectHasOwnProperty,
}

impl InlineNative {
    pub const ALL: [InlineNative; 10] = [
        InlineNative::MathSqrt,
        InlineNative::MathAbs,
        InlineNative::MathFloor,
        InlineNative::MathCeil,
        InlineNative::MathMin,
        InlineNative::MathMax,
        InlineNative::ArrayPush,
        InlineNative::StringCharCodeAt,
        InlineNative::StringCharAt,
        InlineNative::ObjectHasOwnProperty,
    ];

    /// The native function this stands for (its entry, as `raw(1)` holds it).
    pub fn entry(self) -> usize {
        let f: NativeFn = match self {
            InlineNative::MathSqrt => math::sqrt,
            InlineNative::MathAbs => math::abs,
            InlineNative::MathFloor => math::floor,
            InlineNative::MathCeil => math::ceil,
            InlineNative::MathMin => math::min,
            InlineNative::MathMax => math::max,
            InlineNative::ArrayPush => array::push,
            InlineNative::StringCharCodeAt => string::char_code_at,
            InlineNative::StringCharAt => string::char_at,
            InlineNative::ObjectHasOwnProperty => object::has_own_property,
        };
        f as usize
    }

    /// Which inlinable native has entry `entry`, if any.
    pub fn of_entry(entry: usize) -> Option<InlineNative> {
        InlineNative::ALL.into_iter().find(|n| n.entry() == entry)
    }
}

/// Defines native `name` on `obj` (writable, configurable, not enumerable).
pub fn define_native(
    vm: &mut Vm,
    obj: Value,
    name: &str,
    f: NativeFn,
    length: u32,
) -> JsResult<Value> {
    scoped(vm, |vm, mark| {
        vm.handles.push(obj);
        let func = vm.new_native(f, name, length, false)?;
        vm.handles.push(func);
        let key = vm.atoms.key_str(name);
        vm.define_own(vm.handles[mark], key, func, METHOD_ATTRS)?;
        // Read again: defining may have allocated and moved it.
        Ok(vm.handles[mark + 1])
    })
}

/// Defines each `(name, function, length)` of `list` on intrinsic
/// `target` (read again for each one: defining allocates and may move it).
pub fn define_natives(
    vm: &mut Vm,
    target: Intrinsic,
    list: &[(&str, NativeFn, u32)],
) -> JsResult<()> {
    for &(name, f, len) in list {
        let obj = vm.intrinsic(target);
        define_native(vm, obj, name, f, len)?;
    }
    Ok(())
}

/// Defines getter `name` (a native named "get NAME", configurable) on
/// intrinsic `target`.
pub fn define_getter(vm: &mut Vm, target: Intrinsic, name: &str, f: NativeFn) -> JsResult<()> {
    let g = vm.new_native(f, &format!("get {name}"), 0, false)?;
    keep(vm, g, |vm| {
        let g = *vm.handles.last().unwrap();
        let obj = vm.intrinsic(target);
        let key = vm.atoms.key_str(name);
        vm.define_accessor(obj, key, g, Value::UNDEFINED, super::shape::CONFIGURABLE)
    })
    .map(|_| ())
}

/// Defines a data property `name` = `v` with `attrs` on `obj`.
pub fn define_value(vm: &mut Vm, obj: Value, name: &str, v: Value, attrs: u8) -> JsResult<()> {
    let key = vm.atoms.key_str(name);
    vm.define_own(obj, key, v, attrs)
}

/// Creates constructor `name` (a native that may be called with `new`),
/// links it with `proto` both ways, and defines it on the global object.
pub fn define_constructor(
    vm: &mut Vm,
    name: &str,
    f: NativeFn,
    length: u32,
    proto: Value,
) -> JsResult<Value> {
    scoped(vm, |vm, _| {
        vm.handles.push(proto);
        let ctor = vm.new_native(f, name, length, true)?;
        vm.handles.push(ctor);
        let proto = vm.handles[vm.handles.len() - 2];
        vm.define_own(ctor, PropKey::Atom(super::atoms::wk::prototype), proto, 0)?;
        let ctor = *vm.handles.last().unwrap();
        let proto = vm.handles[vm.handles.len() - 2];
        vm.define_own(
            proto,
            PropKey::Atom(super::atoms::wk::constructor),
            ctor,
            METHOD_ATTRS,
        )?;
        let ctor = *vm.handles.last().unwrap();
        let g = vm.intrinsic(Intrinsic::Global);
        define_value(vm, g, name, ctor, METHOD_ATTRS)?;
        // Read again: defining the global allocated.
        Ok(*vm.handles.last().unwrap())
    })
}

fn set_intrinsic(vm: &mut Vm, i: Intrinsic, v: Value) {
    vm.intrinsics[i as usize] = v;
}

/// Creates the realm: intrinsics first, then every family.
pub fn init(vm: &mut Vm) -> JsResult<()> {
    let op = vm.new_object(Value::NULL)?;
    set_intrinsic(vm, Intrinsic::ObjectPrototype, op);
    // Function.prototype is itself callable (it returns undefined).
    let fp = vm.new_native(global::noop, "", 0, false)?;
    super::heap::Cell::from_value(fp).set(fixed::PROTO, vm.intrinsic(Intrinsic::ObjectPrototype));
    set_intrinsic(vm, Intrinsic::FunctionPrototype, fp);
    let ap = vm.new_object_kind(
        Kind::Array,
        vm.intrinsic(Intrinsic::ObjectPrototype),
        fixed::PLAIN,
        0,
    )?;
    set_intrinsic(vm, Intrinsic::ArrayPrototype, ap);
    for (i, kind) in [
        (Intrinsic::StringPrototype, Kind::Primitive),
        (Intrinsic::NumberPrototype, Kind::Primitive),
        (Intrinsic::BooleanPrototype, Kind::Primitive),
    ] {
        let p = vm.intrinsic(Intrinsic::ObjectPrototype);
        let o = vm.new_object_kind(kind, p, fixed::PRIM, 4)?;
        set_intrinsic(vm, i, o);
    }
    let g = vm.new_plain_object()?;
    set_intrinsic(vm, Intrinsic::Global, g);
    error::init(vm)?;
    global::init(vm)?;
    object::init(vm)?;
    function::init(vm)?;
    array::init(vm)?;
    string::init(vm)?;
    number::init(vm)?;
    math::init(vm)?;
    json::init(vm)?;
    collections::init(vm)?;
    typed::init(vm)?;
    Ok(())
}

// ----- shared helpers for the families -----

/// Runs `f` and then drops every handle it pushed, on success and on error,
/// so natives can root intermediate values freely (`vm.handles[mark + i]`).
pub fn scoped<T>(vm: &mut Vm, f: impl FnOnce(&mut Vm, usize) -> JsResult<T>) -> JsResult<T> {
    let mark = vm.handles.len();
    let r = f(vm, mark);
    vm.handles.truncate(mark);
    r
}

/// Runs `f` with `v` rooted in `vm.handles` (`f` may allocate and move
/// cells; it finds `v` at `handles.last()`), and returns `f`'s result with
/// `v` as the collector left it.
pub fn keep<T>(
    vm: &mut Vm,
    v: Value,
    f: impl FnOnce(&mut Vm) -> JsResult<T>,
) -> JsResult<(T, Value)> {
    scoped(vm, |vm, mark| {
        vm.handles.push(v);
        let t = f(vm)?;
        Ok((t, vm.handles[mark]))
    })
}

/// ToNumber of argument `i` (undefined when absent).
pub fn arg_number(vm: &mut Vm, args: &Args, i: usize) -> JsResult<f64> {
    let v = args.get(vm, i);
    ops::to_number(vm, v)
}

/// ToIntegerOrInfinity of a value.
pub fn to_integer(vm: &mut Vm, v: Value) -> JsResult<f64> {
    if v.is_int() {
        return Ok(v.as_int() as f64);
    }
    let n = ops::to_number(vm, v)?;
    Ok(numconv::to_integer_or_infinity(n))
}

/// A relative position argument (`slice`, `fill`, `at`...): `undefined`
/// gives `default`, negatives count from `len`, the result is clamped to
/// `0..=len`.
pub fn relative_index(vm: &mut Vm, v: Value, len: f64, default: f64) -> JsResult<f64> {
    if v.is_undefined() {
        return Ok(default);
    }
    let n = to_integer(vm, v)?;
    Ok(if n < 0.0 {
        (len + n).max(0.0)
    } else {
        n.min(len)
    })
}

/// Throws V8's "X is not a function" unless `f` is callable.
pub fn require_callable(vm: &mut Vm, f: Value) -> JsResult<()> {
    if vm.is_callable(f) {
        return Ok(());
    }
    let shown = format::display_for_error(vm, f);
    Err(vm.type_error(&format!("{shown} is not a function")))
}

/// The property key of integer index `i` (>= 2^32 - 1 becomes a string key).
pub fn index_key(vm: &mut Vm, i: f64) -> PropKey {
    if (0.0..4294967295.0).contains(&i) {
        PropKey::Index(i as u32)
    } else {
        let s = numconv::number_to_string(i);
        vm.atoms.key_str(&s)
    }
}

/// `Get(o, ToString(i))` with the dense-array fast path.
pub fn get_index(vm: &mut Vm, o: Value, i: f64) -> JsResult<Value> {
    vm.charge(1, "element")?;
    if i < 4294967295.0 && vm.is_array(o) {
        if let Some(v) = vm.array_get_fast(o, i as u32) {
            return Ok(v);
        }
    }
    let k = index_key(vm, i);
    vm.get_value(o, k)
}

/// `HasProperty(o, ToString(i))` (primitive strings have their indices).
pub fn has_index(vm: &mut Vm, o: Value, i: f64) -> bool {
    if vm.is_object(o) {
        if i < 4294967295.0 && vm.is_array(o) && vm.array_get_fast(o, i as u32).is_some() {
            return true;
        }
        let k = index_key(vm, i);
        return vm.has_property(o, k);
    }
    if vm.is_string(o) {
        return i < vm.string_len(o) as f64;
    }
    false
}

/// Strict `Set(o, ToString(i), v)`.
pub fn set_index(vm: &mut Vm, o: Value, i: f64, v: Value) -> JsResult<()> {
    vm.charge(1, "element")?;
    let k = index_key(vm, i);
    vm.set_value(o, k, v)
}

/// Strict `DeletePropertyOrThrow(o, ToString(i))`.
pub fn delete_index(vm: &mut Vm, o: Value, i: f64) -> JsResult<()> {
    if !vm.is_object(o) {
        return Ok(());
    }
    let k = index_key(vm, i);
    if vm.delete_property(o, k)? {
        return Ok(());
    }
    let ks = vm.atoms.key_to_string(k);
    let shown = format::object_tag(vm, o);
    Err(vm.type_error(&format!("Cannot delete property '{ks}' of {shown}")))
}

/// LengthOfArrayLike: arrays read their length directly, anything else
/// goes through `Get(o, "length")` and ToLength.
pub fn length_of(vm: &mut Vm, o: Value) -> JsResult<f64> {
    if vm.is_array(o) {
        return Ok(vm.array_len(o) as f64);
    }
    if vm.is_string(o) {
        return Ok(vm.string_len(o) as f64);
    }
    let l = vm.get_value(o, PropKey::Atom(wk::length))?;
    let n = to_integer(vm, l)?;
    Ok(n.clamp(0.0, 9007199254740991.0))
}

/// Strict `Set(o, "length", n)`.
pub fn set_length(vm: &mut Vm, o: Value, n: f64) -> JsResult<()> {
    vm.set_value(o, PropKey::Atom(wk::length), Value::number(n))
}

/// Runs `src` (a whole program) normally and under `--gc-stress
/// --verify-heap`, and checks that it ends normally printing `expected`.
#[cfg(test)]
pub(crate) fn check_js(src: &str, expected: &str) {
    check_js_modes(src, expected, &[false, true]);
}

/// `check_js` in the given gc-stress modes (long listings skip the slow one).
#[cfg(test)]
pub(crate) fn check_js_modes(src: &str, expected: &str, modes: &[bool]) {
    for &stress in modes {
        let opts = super::Options {
            gc_stress: stress,
            verify_heap: stress,
            ..Default::default()
        };
        let out = crate::run(src, "test.js", opts, false);
        assert_eq!(out.end, crate::End::Normal, "gc_stress={stress}");
        let got = String::from_utf8_lossy(&out.stdout);
        assert_eq!(got, expected, "gc_stress={stress}");
    }
}

#[cfg(test)]
mod tests {
    use super::check_js_modes;

    /// Every builtin function's name, length and attributes, and every
    /// constant's value and attributes, as node v20 lists them.
    #[test]
    fn names_lengths_and_attributes_match_node() {
        // Normal mode only: this walks every builtin, slow under gc-stress.
        check_js_modes(
            r##"const objs = { Object, 'Object.prototype': Object.prototype, Function, 'Function.prototype': Function.prototype, Array, 'Array.prototype': Array.prototype, String, 'String.prototype': String.prototype, Number, 'Number.prototype': Number.prototype, Boolean, 'Boolean.prototype': Boolean.prototype, Math, JSON, Error, 'Error.prototype': Error.prototype, TypeError, globalThis };
const skipList = ['keys', 'values', 'entries', 'normalize', 'match', 'matchAll', 'search', 'toLocaleDateString', 'isWellFormed', 'toWellFormed', 'anchor', 'big', 'blink', 'bold', 'fixed', 'fontcolor', 'fontsize', 'italics', 'link', 'small', 'strike', 'sub', 'sup', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__', 'captureStackTrace', 'groupBy', 'raw', 'toSpliced', 'findLastIndex_', 'f16round', 'parse', 'rawJSON', 'isRawJSON', 'arguments', 'caller', 'fromAsync', 'copyWithin_', 'reduce_', 'prepareStackTrace', 'stackTraceLimit', 'getOwnPropertySymbols']; const skip = { has: k => skipList.includes(k) };
const out = [];
for (const n of Object.keys(objs)) { const o = objs[n];
  for (const k of Object.getOwnPropertyNames(o)) {
    if (skip.has(k)) continue;
    const d = Object.getOwnPropertyDescriptor(o, k);
    if (typeof d.value === 'function') {
      if (n === 'globalThis' && !['parseInt', 'parseFloat', 'isNaN', 'isFinite', 'Object', 'Array', 'String', 'Number', 'Boolean', 'Function', 'Error', 'TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'Date'].includes(k)) continue;
      out.push(n + '.' + k + ' ' + d.value.name + '/' + d.value.length + ' ' + (d.writable ? 'w' : '') + (d.enumerable ? 'e' : '') + (d.configurable ? 'c' : ''));
    } else if (n !== 'globalThis' && typeof d.value !== 'object' && !(n === 'Function.prototype' && d.get)) {
      out.push(n + '.' + k + ' = ' + String(d.value) + ' ' + (d.writable ? 'w' : '') + (d.enumerable ? 'e' : '') + (d.configurable ? 'c' : ''));
    }
  }
}
out.sort();
print(out.join('\n'));"##,
            r##"Array.from from/1 wc
Array.isArray isArray/1 wc
Array.length = 1 c
Array.name = Array c
Array.of of/0 wc
Array.prototype.at at/1 wc
Array.prototype.concat concat/1 wc
Array.prototype.constructor Array/1 wc
Array.prototype.copyWithin copyWithin/2 wc
Array.prototype.every every/1 wc
Array.prototype.fill fill/1 wc
Array.prototype.filter filter/1 wc
Array.prototype.find find/1 wc
Array.prototype.findIndex findIndex/1 wc
Array.prototype.findLast findLast/1 wc
Array.prototype.findLastIndex findLastIndex/1 wc
Array.prototype.flat flat/0 wc
Array.prototype.flatMap flatMap/1 wc
Array.prototype.forEach forEach/1 wc
Array.prototype.includes includes/1 wc
Array.prototype.indexOf indexOf/1 wc
Array.prototype.join join/1 wc
Array.prototype.lastIndexOf lastIndexOf/1 wc
Array.prototype.length = 0 w
Array.prototype.map map/1 wc
Array.prototype.pop pop/0 wc
Array.prototype.push push/1 wc
Array.prototype.reduce reduce/1 wc
Array.prototype.reduceRight reduceRight/1 wc
Array.prototype.reverse reverse/0 wc
Array.prototype.shift shift/0 wc
Array.prototype.slice slice/2 wc
Array.prototype.some some/1 wc
Array.prototype.sort sort/1 wc
Array.prototype.splice splice/2 wc
Array.prototype.toLocaleString toLocaleString/0 wc
Array.prototype.toReversed toReversed/0 wc
Array.prototype.toSorted toSorted/1 wc
Array.prototype.toString toString/0 wc
Array.prototype.unshift unshift/1 wc
Array.prototype.with with/2 wc
Boolean.length = 1 c
Boolean.name = Boolean c
Boolean.prototype.constructor Boolean/1 wc
Boolean.prototype.toString toString/0 wc
Boolean.prototype.valueOf valueOf/0 wc
Error.length = 1 c
Error.name = Error c
Error.prototype.constructor Error/1 wc
Error.prototype.message =  wc
Error.prototype.name = Error wc
Error.prototype.toString toString/0 wc
Function.length = 1 c
Function.name = Function c
Function.prototype /0 
Function.prototype.apply apply/2 wc
Function.prototype.bind bind/1 wc
Function.prototype.call call/1 wc
Function.prototype.constructor Function/1 wc
Function.prototype.length = 0 c
Function.prototype.name =  c
Function.prototype.toString toString/0 wc
JSON.stringify stringify/3 wc
Math.E = 2.718281828459045 
Math.LN10 = 2.302585092994046 
Math.LN2 = 0.6931471805599453 
Math.LOG10E = 0.4342944819032518 
Math.LOG2E = 1.4426950408889634 
Math.PI = 3.141592653589793 
Math.SQRT1_2 = 0.7071067811865476 
Math.SQRT2 = 1.4142135623730951 
Math.abs abs/1 wc
Math.acos acos/1 wc
Math.acosh acosh/1 wc
Math.asin asin/1 wc
Math.asinh asinh/1 wc
Math.atan atan/1 wc
Math.atan2 atan2/2 wc
Math.atanh atanh/1 wc
Math.cbrt cbrt/1 wc
Math.ceil ceil/1 wc
Math.clz32 clz32/1 wc
Math.cos cos/1 wc
Math.cosh cosh/1 wc
Math.exp exp/1 wc
Math.expm1 expm1/1 wc
Math.floor floor/1 wc
Math.fround fround/1 wc
Math.hypot hypot/2 wc
Math.imul imul/2 wc
Math.log log/1 wc
Math.log10 log10/1 wc
Math.log1p log1p/1 wc
Math.log2 log2/1 wc
Math.max max/2 wc
Math.min min/2 wc
Math.pow pow/2 wc
Math.random random/0 wc
Math.round round/1 wc
Math.sign sign/1 wc
Math.sin sin/1 wc
Math.sinh sinh/1 wc
Math.sqrt sqrt/1 wc
Math.tan tan/1 wc
Math.tanh tanh/1 wc
Math.trunc trunc/1 wc
Number.EPSILON = 2.220446049250313e-16 
Number.MAX_SAFE_INTEGER = 9007199254740991 
Number.MAX_VALUE = 1.7976931348623157e+308 
Number.MIN_SAFE_INTEGER = -9007199254740991 
Number.MIN_VALUE = 5e-324 
Number.NEGATIVE_INFINITY = -Infinity 
Number.NaN = NaN 
Number.POSITIVE_INFINITY = Infinity 
Number.isFinite isFinite/1 wc
Number.isInteger isInteger/1 wc
Number.isNaN isNaN/1 wc
Number.isSafeInteger isSafeInteger/1 wc
Number.length = 1 c
Number.name = Number c
Number.parseFloat parseFloat/1 wc
Number.parseInt parseInt/2 wc
Number.prototype.constructor Number/1 wc
Number.prototype.toExponential toExponential/1 wc
Number.prototype.toFixed toFixed/1 wc
Number.prototype.toLocaleString toLocaleString/0 wc
Number.prototype.toPrecision toPrecision/1 wc
Number.prototype.toString toString/1 wc
Number.prototype.valueOf valueOf/0 wc
Object.assign assign/2 wc
Object.create create/2 wc
Object.defineProperties defineProperties/2 wc
Object.defineProperty defineProperty/3 wc
Object.freeze freeze/1 wc
Object.fromEntries fromEntries/1 wc
Object.getOwnPropertyDescriptor getOwnPropertyDescriptor/2 wc
Object.getOwnPropertyDescriptors getOwnPropertyDescriptors/1 wc
Object.getOwnPropertyNames getOwnPropertyNames/1 wc
Object.getPrototypeOf getPrototypeOf/1 wc
Object.hasOwn hasOwn/2 wc
Object.is is/2 wc
Object.isExtensible isExtensible/1 wc
Object.isFrozen isFrozen/1 wc
Object.isSealed isSealed/1 wc
Object.length = 1 c
Object.name = Object c
Object.preventExtensions preventExtensions/1 wc
Object.prototype.__proto__ = undefined c
Object.prototype.constructor Object/1 wc
Object.prototype.hasOwnProperty hasOwnProperty/1 wc
Object.prototype.isPrototypeOf isPrototypeOf/1 wc
Object.prototype.propertyIsEnumerable propertyIsEnumerable/1 wc
Object.prototype.toLocaleString toLocaleString/0 wc
Object.prototype.toString toString/0 wc
Object.prototype.valueOf valueOf/0 wc
Object.seal seal/1 wc
Object.setPrototypeOf setPrototypeOf/2 wc
String.fromCharCode fromCharCode/1 wc
String.fromCodePoint fromCodePoint/1 wc
String.length = 1 c
String.name = String c
String.prototype.at at/1 wc
String.prototype.charAt charAt/1 wc
String.prototype.charCodeAt charCodeAt/1 wc
String.prototype.codePointAt codePointAt/1 wc
String.prototype.concat concat/1 wc
String.prototype.constructor String/1 wc
String.prototype.endsWith endsWith/1 wc
String.prototype.includes includes/1 wc
String.prototype.indexOf indexOf/1 wc
String.prototype.lastIndexOf lastIndexOf/1 wc
String.prototype.length = 0 
String.prototype.localeCompare localeCompare/1 wc
String.prototype.padEnd padEnd/1 wc
String.prototype.padStart padStart/1 wc
String.prototype.repeat repeat/1 wc
String.prototype.replace replace/2 wc
String.prototype.replaceAll replaceAll/2 wc
String.prototype.slice slice/2 wc
String.prototype.split split/2 wc
String.prototype.startsWith startsWith/1 wc
String.prototype.substr substr/2 wc
String.prototype.substring substring/2 wc
String.prototype.toLocaleLowerCase toLocaleLowerCase/0 wc
String.prototype.toLocaleUpperCase toLocaleUpperCase/0 wc
String.prototype.toLowerCase toLowerCase/0 wc
String.prototype.toString toString/0 wc
String.prototype.toUpperCase toUpperCase/0 wc
String.prototype.trim trim/0 wc
String.prototype.trimEnd trimEnd/0 wc
String.prototype.trimLeft trimStart/0 wc
String.prototype.trimRight trimEnd/0 wc
String.prototype.trimStart trimStart/0 wc
String.prototype.valueOf valueOf/0 wc
TypeError.length = 1 c
TypeError.name = TypeError c
globalThis.Array Array/1 wc
globalThis.Boolean Boolean/1 wc
globalThis.Date Date/7 wc
globalThis.Error Error/1 wc
globalThis.Function Function/1 wc
globalThis.Number Number/1 wc
globalThis.Object Object/1 wc
globalThis.RangeError RangeError/1 wc
globalThis.ReferenceError ReferenceError/1 wc
globalThis.String String/1 wc
globalThis.SyntaxError SyntaxError/1 wc
globalThis.TypeError TypeError/1 wc
globalThis.isFinite isFinite/1 wc
globalThis.isNaN isNaN/1 wc
globalThis.parseFloat parseFloat/1 wc
globalThis.parseInt parseInt/2 wc
"##,
            &[false],
        );
    }
}
