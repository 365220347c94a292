//! The semantics of every JavaScript operator and conversion, in one place.
//! The interpreter calls these, the JIT tiers call them from their slow
//! paths, and constant folding calls them, so there is exactly one
//! definition of what `a + b` means.
//!
//! Invariant: functions here take and return values unrooted; any that can
//! allocate or call JavaScript root what they still need (see runtime/mod.rs).

use super::atoms::{wk, PropKey};
use super::heap::{Cell, Kind};
use super::numconv;
use super::{fixed, ErrorKind, JsResult, Value, Vm};

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Hint {
    Default,
    Number,
    String,
}

/// The `typeof` result.
pub fn type_of(vm: &Vm, v: Value) -> &'static str {
    if v.is_number() {
        "number"
    } else if v.is_bool() {
        "boolean"
    } else if v.is_undefined() {
        "undefined"
    } else if v.is_null() {
        "object"
    } else if vm.is_string(v) {
        "string"
    } else if vm.is_callable(v) {
        "function"
    } else {
        "object"
    }
}

/// `typeof v` as a string value: the shared atom string of its type word
/// (no interning or allocation after the first use).
pub fn type_of_string(vm: &mut Vm, v: Value) -> JsResult<Value> {
    let a = match type_of(vm, v) {
        "number" => wk::number,
        "boolean" => wk::boolean,
        "undefined" => wk::undefined,
        "string" => wk::string,
        "function" => wk::function,
        _ => wk::object,
    };
    vm.atom_string(a)
}

/// The type word V8 uses in "Cannot create property 'x' on string 'abc'".
pub fn type_name(vm: &Vm, v: Value) -> &'static str {
    type_of(vm, v)
}

pub fn to_boolean(vm: &Vm, v: Value) -> bool {
    if v.is_int() {
        v.as_int() != 0
    } else if v.is_number() {
        let d = v.as_double();
        !(d == 0.0 || d.is_nan())
    } else if v.is_bool() {
        v.as_bool()
    } else if v.is_nullish() || v.is_empty() {
        false
    } else if vm.is_string(v) {
        vm.string_len(v) != 0
    } else {
        true
    }
}

/// OrdinaryToPrimitive / ToPrimitive (no Symbol.toPrimitive in the subset).
pub fn to_primitive(vm: &mut Vm, v: Value, hint: Hint) -> JsResult<Value> {
    if !vm.is_object(v) {
        return Ok(v);
    }
    let order = if hint == Hint::String {
        [wk::toString, wk::valueOf]
    } else {
        [wk::valueOf, wk::toString]
    };
    vm.handles.push(v);
    let r = (|| {
        for name in order {
            let obj = *vm.handles.last().unwrap();
            let f = vm.get(obj, PropKey::Atom(name))?;
            if vm.is_callable(f) {
                let obj = *vm.handles.last().unwrap();
                let r = vm.call(f, obj, &[])?;
                if !vm.is_object(r) {
                    return Ok(r);
                }
            }
        }
        Err(vm.type_error("Cannot convert object to primitive value"))
    })();
    vm.handles.pop();
    r
}

pub fn to_number(vm: &mut Vm, v: Value) -> JsResult<f64> {
    if v.is_number() {
        return Ok(v.as_number());
    }
    if v.is_undefined() {
        return Ok(f64::NAN);
    }
    if v.is_null() {
        return Ok(0.0);
    }
    if v.is_bool() {
        return Ok(if v.as_bool() { 1.0 } else { 0.0 });
    }
    if vm.is_string(v) {
        if Cell::from_value(v).kind() == Kind::String {
            return Ok(numconv::string_to_number(vm.flat_units(v)));
        }
        let u = vm.string_units(v);
        return Ok(numconv::string_to_number(&u));
    }
    if vm.is_object(v) {
        let p = to_primitive(vm, v, Hint::Number)?;
        return to_number(vm, p);
    }
    Ok(f64::NAN)
}

pub fn number_to_string(vm: &mut Vm, d: f64) -> JsResult<Value> {
    if d.is_nan() {
        return vm.atom_string(wk::NaN);
    }
    vm.new_str(&numconv::number_to_string(d))
}

/// ToString, returning a string value.
pub fn to_string(vm: &mut Vm, v: Value) -> JsResult<Value> {
    if v.is_int() {
        let i = v.as_int();
        if (0..10).contains(&i) {
            return vm.unit_string(b'0' as u16 + i as u16);
        }
        return vm.new_str(&i.to_string());
    }
    if v.is_number() {
        return number_to_string(vm, v.as_double());
    }
    if vm.is_string(v) {
        return Ok(v);
    }
    let a = match v {
        Value::UNDEFINED => wk::undefined,
        Value::NULL => wk::null,
        Value::TRUE => wk::true_,
        Value::FALSE => wk::false_,
        _ => {
            // Neither primitive nor object (the hole, an internal cell):
            // only an engine bug gets here, and ToPrimitive would return it
            // unchanged forever.
            assert!(vm.is_object(v), "ToString of an internal value");
            let p = to_primitive(vm, v, Hint::String)?;
            return to_string(vm, p);
        }
    };
    vm.atom_string(a)
}

/// ToString into Rust code units (for builtins that work on text).
pub fn to_units(vm: &mut Vm, v: Value) -> JsResult<Vec<u16>> {
    // A number's text without a heap string in between (`print` and `join`
    // convert every element: a twentieth of `jolt fuzz`): the same text as
    // `to_string`'s, charged the same.
    if v.is_number() {
        let text = if v.is_int() {
            v.as_int().to_string()
        } else if v.as_double().is_nan() {
            "NaN".to_string()
        } else {
            numconv::number_to_string(v.as_double())
        };
        let units: Vec<u16> = text.bytes().map(u16::from).collect();
        vm.charge(1 + (units.len() as u64 >> 4), "string")?;
        return Ok(units);
    }
    let s = to_string(vm, v)?;
    vm.charge(1 + (vm.string_len(s) as u64 >> 4), "string")?;
    Ok(vm.string_units(s))
}

pub fn to_property_key(vm: &mut Vm, v: Value) -> JsResult<PropKey> {
    if v.is_int() && v.as_int() >= 0 {
        return Ok(PropKey::Index(v.as_int() as u32));
    }
    let s = to_string(vm, v)?;
    Ok(vm.string_key(s))
}

pub fn to_int32(vm: &mut Vm, v: Value) -> JsResult<i32> {
    if v.is_int() {
        return Ok(v.as_int());
    }
    Ok(numconv::to_int32(to_number(vm, v)?))
}

pub fn to_uint32(vm: &mut Vm, v: Value) -> JsResult<u32> {
    if v.is_int() {
        return Ok(v.as_int() as u32);
    }
    Ok(numconv::to_uint32(to_number(vm, v)?))
}

/// The binary operators other than `+` and comparisons.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BinOp {
    Sub,
    Mul,
    Div,
    Mod,
    Exp,
    BitAnd,
    BitOr,
    BitXor,
    Shl,
    Shr,
    UShr,
}

/// Pure numeric semantics of `op` (used by constant folding too).
pub fn arith_numbers(op: BinOp, a: f64, b: f64) -> f64 {
    match op {
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::Div => a / b,
        BinOp::Mod => js_mod(a, b),
        BinOp::Exp => super::math::pow(a, b),
        BinOp::BitAnd => (numconv::to_int32(a) & numconv::to_int32(b)) as f64,
        BinOp::BitOr => (numconv::to_int32(a) | numconv::to_int32(b)) as f64,
        BinOp::BitXor => (numconv::to_int32(a) ^ numconv::to_int32(b)) as f64,
        BinOp::Shl => numconv::to_int32(a).wrapping_shl(numconv::to_uint32(b) & 31) as f64,
        BinOp::Shr => (numconv::to_int32(a) >> (numconv::to_uint32(b) & 31)) as f64,
        BinOp::UShr => (numconv::to_uint32(a) >> (numconv::to_uint32(b) & 31)) as f64,
    }
}

/// ECMAScript `%`: the result has the sign of the dividend (fmod).
pub fn js_mod(a: f64, b: f64) -> f64 {
    if b.is_infinite() && a.is_finite() {
        return a;
    }
    let r = a % b;
    if r == 0.0 {
        // Keep the dividend's sign for zero results (-1 % 1 is -0).
        if a.is_sign_negative() {
            -0.0
        } else {
            0.0
        }
    } else {
        r
    }
}

/// The int32 fast path of `op`, if both are int32 and the result is exact.
#[inline]
pub fn arith_int(op: BinOp, a: i32, b: i32) -> Option<Value> {
    Some(match op {
        BinOp::Sub => Value::int(a.checked_sub(b)?),
        BinOp::Mul => {
            let r = a.checked_mul(b)?;
            if r == 0 && (a < 0 || b < 0) {
                return None; // -0
            }
            Value::int(r)
        }
        BinOp::Mod => {
            if b == 0 || a < 0 || b == -1 {
                return None;
            }
            Value::int(a % b)
        }
        BinOp::BitAnd => Value::int(a & b),
        BinOp::BitOr => Value::int(a | b),
        BinOp::BitXor => Value::int(a ^ b),
        BinOp::Shl => Value::int(a.wrapping_shl(b as u32 & 31)),
        BinOp::Shr => Value::int(a >> (b as u32 & 31)),
        BinOp::UShr => {
            let r = (a as u32) >> (b as u32 & 31);
            if r > i32::MAX as u32 {
                return None;
            }
            Value::int(r as i32)
        }
        BinOp::Div | BinOp::Exp => return None,
    })
}

pub fn arith(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> JsResult<Value> {
    if a.is_int() && b.is_int() {
        if let Some(v) = arith_int(op, a.as_int(), b.as_int()) {
            return Ok(v);
        }
    }
    vm.handles.push(b);
    let x = to_number(vm, a);
    let b = vm.handles.pop().unwrap();
    let x = x?;
    let y = to_number(vm, b)?;
    Ok(Value::number(arith_numbers(op, x, y)))
}

/// `a + b`.
pub fn add(vm: &mut Vm, a: Value, b: Value) -> JsResult<Value> {
    if a.is_int() && b.is_int() {
        if let Some(r) = a.as_int().checked_add(b.as_int()) {
            return Ok(Value::int(r));
        }
    }
    if a.is_number() && b.is_number() {
        return Ok(Value::number(a.as_number() + b.as_number()));
    }
    if vm.is_string(a) && vm.is_string(b) {
        return vm.concat_strings(a, b);
    }
    vm.handles.push(b);
    let pa = to_primitive(vm, a, Hint::Default);
    let b = vm.handles.pop().unwrap();
    let pa = pa?;
    vm.handles.push(pa);
    let pb = to_primitive(vm, b, Hint::Default);
    let pa = vm.handles.pop().unwrap();
    let pb = pb?;
    if vm.is_string(pa) || vm.is_string(pb) {
        vm.handles.push(pb);
        let sa = to_string(vm, pa);
        let pb = vm.handles.pop().unwrap();
        let sa = sa?;
        vm.handles.push(sa);
        let sb = to_string(vm, pb);
        let sa = vm.handles.pop().unwrap();
        let sb = sb?;
        return vm.concat_strings(sa, sb);
    }
    vm.handles.push(pb);
    let x = to_number(vm, pa);
    let pb = vm.handles.pop().unwrap();
    let x = x?;
    let y = to_number(vm, pb)?;
    Ok(Value::number(x + y))
}

pub fn strings_equal(vm: &Vm, a: Value, b: Value) -> bool {
    if a == b {
        return true;
    }
    if vm.string_len(a) != vm.string_len(b) {
        return false;
    }
    // Flat strings compare in place; only ropes (not yet flattened) are
    // copied out.
    let flat = |v: Value| Cell::from_value(v).kind() == Kind::String;
    if flat(a) && flat(b) {
        return vm.flat_units(a) == vm.flat_units(b);
    }
    vm.string_units(a) == vm.string_units(b)
}

pub fn strict_equals(vm: &Vm, a: Value, b: Value) -> bool {
    if a.is_number() && b.is_number() {
        return a.as_number() == b.as_number();
    }
    if a.is_cell() && b.is_cell() && vm.is_string(a) && vm.is_string(b) {
        return strings_equal(vm, a, b);
    }
    a == b
}

/// SameValue (Object.is): NaN equals NaN, +0 differs from -0.
pub fn same_value(vm: &Vm, a: Value, b: Value) -> bool {
    if a.is_number() && b.is_number() {
        let (x, y) = (a.as_number(), b.as_number());
        if x.is_nan() && y.is_nan() {
            return true;
        }
        return x == y && x.is_sign_negative() == y.is_sign_negative();
    }
    strict_equals(vm, a, b)
}

/// SameValueZero (includes): NaN equals NaN, +0 equals -0.
pub fn same_value_zero(vm: &Vm, a: Value, b: Value) -> bool {
    if a.is_number() && b.is_number() {
        let (x, y) = (a.as_number(), b.as_number());
        return x == y || (x.is_nan() && y.is_nan());
    }
    strict_equals(vm, a, b)
}

/// `a == b` (IsLooselyEqual).
pub fn loose_equals(vm: &mut Vm, a: Value, b: Value) -> JsResult<bool> {
    if a.is_number() && b.is_number() {
        return Ok(a.as_number() == b.as_number());
    }
    let (sa, sb) = (vm.is_string(a), vm.is_string(b));
    if sa && sb {
        return Ok(strings_equal(vm, a, b));
    }
    if a.is_nullish() || b.is_nullish() {
        return Ok(a.is_nullish() && b.is_nullish());
    }
    let (oa, ob) = (vm.is_object(a), vm.is_object(b));
    if oa && ob {
        return Ok(a == b);
    }
    if a.is_number() && sb {
        let y = to_number(vm, b)?;
        return Ok(a.as_number() == y);
    }
    if sa && b.is_number() {
        let x = to_number(vm, a)?;
        return Ok(x == b.as_number());
    }
    if a.is_bool() {
        let x = Value::int(a.as_bool() as i32);
        return loose_equals(vm, x, b);
    }
    if b.is_bool() {
        let y = Value::int(b.as_bool() as i32);
        return loose_equals(vm, a, y);
    }
    if (a.is_number() || sa) && ob {
        vm.handles.push(a);
        let pb = to_primitive(vm, b, Hint::Default);
        let a = vm.handles.pop().unwrap();
        let pb = pb?;
        return loose_equals(vm, a, pb);
    }
    if oa && (b.is_number() || sb) {
        vm.handles.push(b);
        let pa = to_primitive(vm, a, Hint::Default);
        let b = vm.handles.pop().unwrap();
        let pa = pa?;
        return loose_equals(vm, pa, b);
    }
    Ok(false)
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
}

/// `<`, `<=`, `>`, `>=` (IsLessThan with the operand order rules).
pub fn compare(vm: &mut Vm, op: CmpOp, a: Value, b: Value) -> JsResult<bool> {
    if a.is_int() && b.is_int() {
        let (x, y) = (a.as_int(), b.as_int());
        return Ok(match op {
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
        });
    }
    // Left operand converts first in every case.
    vm.handles.push(b);
    let pa = to_primitive(vm, a, Hint::Number);
    let b = vm.handles.pop().unwrap();
    let pa = pa?;
    vm.handles.push(pa);
    let pb = to_primitive(vm, b, Hint::Number);
    let pa = vm.handles.pop().unwrap();
    let pb = pb?;
    if vm.is_string(pa) && vm.is_string(pb) {
        let (x, y) = (vm.string_units(pa), vm.string_units(pb));
        return Ok(match op {
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
        });
    }
    vm.handles.push(pb);
    let x = to_number(vm, pa);
    let pb = vm.handles.pop().unwrap();
    let x = x?;
    let y = to_number(vm, pb)?;
    Ok(match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
    })
}

/// `v instanceof target`.
pub fn instance_of(vm: &mut Vm, v: Value, target: Value) -> JsResult<bool> {
    if !vm.is_object(target) {
        return Err(vm.type_error("Right-hand side of 'instanceof' is not an object"));
    }
    if !vm.is_callable(target) {
        return Err(vm.type_error("Right-hand side of 'instanceof' is not callable"));
    }
    let mut target = target;
    while vm.kind_of(target) == Some(Kind::Bound) {
        target = Cell::from_value(target).get(fixed::BOUND_TARGET);
    }
    if !vm.is_object(v) {
        return Ok(false);
    }
    vm.handles.push(v);
    let proto = vm.get(target, PropKey::Atom(wk::prototype));
    let v = vm.handles.pop().unwrap();
    let proto = proto?;
    if !vm.is_object(proto) {
        let shown = super::format::display_primitive(vm, proto);
        return Err(vm.type_error(&format!(
            "Function has non-object prototype '{shown}' in instanceof check"
        )));
    }
    let mut o = vm.proto_of(v);
    while o.is_cell() {
        if o == proto {
            return Ok(true);
        }
        o = vm.proto_of(o);
    }
    Ok(false)
}

/// `key in obj`.
pub fn has_in(vm: &mut Vm, key: Value, obj: Value) -> JsResult<bool> {
    if !vm.is_object(obj) {
        let k = super::format::display_primitive(vm, key);
        let shown = super::format::display_primitive(vm, obj);
        return Err(vm.type_error(&format!(
            "Cannot use 'in' operator to search for '{k}' in {shown}"
        )));
    }
    vm.handles.push(obj);
    let k = to_property_key(vm, key);
    let obj = vm.handles.pop().unwrap();
    Ok(vm.has_property(obj, k?))
}

/// ToObject for property access on primitives that need a real object.
pub fn require_object_coercible(vm: &mut Vm, v: Value, what: &str) -> JsResult<()> {
    if v.is_nullish() {
        return Err(vm.throw_error(
            ErrorKind::TypeError,
            &format!("{what} called on null or undefined"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn modulo_and_int_paths() {
        assert_eq!(js_mod(-1.0, 1.0).to_bits(), (-0.0f64).to_bits());
        assert_eq!(js_mod(5.5, 2.0), 1.5);
        assert_eq!(js_mod(3.0, f64::INFINITY), 3.0);
        assert!(js_mod(3.0, 0.0).is_nan());
        assert_eq!(arith_int(BinOp::Mul, -2, 0), None);
        assert_eq!(arith_int(BinOp::Sub, i32::MIN, 1), None);
        assert_eq!(arith_int(BinOp::UShr, -1, 0), None);
        assert_eq!(arith_numbers(BinOp::UShr, -1.0, 0.0), 4294967295.0);
        assert_eq!(arith_numbers(BinOp::Shl, 1.0, 33.0), 2.0);
    }
}
