//! `Function` and `Function.prototype`: call, apply, bind, toString.
//!
//! Invariants:
//! - A bound function is a `Kind::Bound` cell laid out like a native
//!   (`fixed::BOUND` fixed values: proto, overflow, elements, target, this,
//!   arguments Slots or undefined) whose shape starts with `length` and
//!   `name` (configurable only), like every function; `call_at` calls and
//!   constructs it.
//! - `new Function(...)` is outside the subset and throws a TypeError.

use super::{define_constructor, define_natives, keep, scoped};
use crate::runtime::atoms::{wk, PropKey};
use crate::runtime::heap::Kind;
use crate::runtime::object::Own;
use crate::runtime::shape::CONFIGURABLE;
use crate::runtime::{fixed, format, numconv, Args, Intrinsic, JsResult, NativeFn, Value, Vm};

fn function_ctor(vm: &mut Vm, _args: Args) -> JsResult<Value> {
    Err(vm.type_error("Function constructor is not supported by jolt"))
}

/// Function.prototype.call(thisArg, ...args).
fn call(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let f = args.this(vm);
    let this = args.get(vm, 0);
    let rest: Vec<Value> = (1..args.argc).map(|i| args.get(vm, i)).collect();
    // `vm.call` copies the arguments onto the stack before it allocates.
    vm.call(f, this, &rest)
}

/// CreateListFromArrayLike onto the handle stack (from `mark`).
fn list_from_array_like(vm: &mut Vm, args: &Args, i: usize) -> JsResult<()> {
    let a = args.get(vm, i);
    if a.is_nullish() {
        return Ok(());
    }
    if !vm.is_object(a) {
        return Err(vm.type_error("CreateListFromArrayLike called on non-object"));
    }
    let len = super::length_of(vm, a)?;
    if len > 10_000_000.0 {
        return Err(vm.throw_error(
            crate::runtime::ErrorKind::RangeError,
            "Invalid array length",
        ));
    }
    let mut k = 0.0;
    while k < len {
        let a = args.get(vm, i);
        let v = super::get_index(vm, a, k)?;
        vm.handles.push(v);
        k += 1.0;
    }
    Ok(())
}

/// Function.prototype.apply(thisArg, argArray).
fn apply(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let f = args.this(vm);
    if !vm.is_callable(f) {
        let shown = format::display_for_error(vm, f);
        return Err(vm.type_error(&format!("{shown} is not a function")));
    }
    scoped(vm, |vm, mark| {
        list_from_array_like(vm, &args, 1)?;
        let list: Vec<Value> = vm.handles[mark..].to_vec();
        let (f, this) = (args.this(vm), args.get(vm, 0));
        vm.call(f, this, &list)
    })
}

/// Function.prototype.bind(thisArg, ...args).
fn bind(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let target = args.this(vm);
    if !vm.is_callable(target) {
        return Err(vm.type_error("Bind must be called on a function"));
    }
    let nargs = args.argc.saturating_sub(1);
    // length: max(0, target.length - nargs) when target has an own numeric length.
    let mut length = 0.0;
    if vm.get_own(target, PropKey::Atom(wk::length)).is_some() {
        let l = vm.get(target, PropKey::Atom(wk::length))?;
        if l.is_number() {
            let n = l.as_number();
            length = if n == f64::INFINITY {
                n
            } else if n == f64::NEG_INFINITY {
                0.0
            } else {
                (numconv::to_integer_or_infinity(n) - nargs as f64).max(0.0)
            };
        }
    }
    let target = args.this(vm);
    let n = vm.get(target, PropKey::Atom(wk::name))?;
    let mut name: Vec<u16> = "bound ".encode_utf16().collect();
    if vm.is_string(n) {
        name.extend(vm.string_units(n));
    }
    scoped(vm, |vm, mark| {
        let name = vm.new_string(&name)?;
        vm.handles.push(name);
        let bargs = if nargs > 0 {
            let s = vm.alloc(Kind::Slots, 0, nargs, 0)?;
            for i in 0..nargs {
                s.set(i, args.get(vm, i + 1));
            }
            s.value()
        } else {
            Value::UNDEFINED
        };
        vm.handles.push(bargs);
        let target = args.this(vm);
        let proto = if vm.is_object(target) {
            vm.proto_of(target)
        } else {
            Value::NULL
        };
        vm.handles.push(proto);
        let c = vm.alloc(
            Kind::Bound,
            crate::runtime::object::OBJECT_RAW_WORDS,
            fixed::BOUND as usize + 3,
            0,
        )?;
        let root = vm.shapes.root(fixed::BOUND, 3);
        let (s1, _) = vm.shapes.add(root, PropKey::Atom(wk::length), CONFIGURABLE);
        let (s2, _) = vm.shapes.add(s1, PropKey::Atom(wk::name), CONFIGURABLE);
        c.set_raw(0, s2.0 as u64);
        c.set(fixed::PROTO, vm.handles[mark + 2]);
        c.set(fixed::BOUND_TARGET, args.this(vm));
        c.set(fixed::BOUND_THIS, args.get(vm, 0));
        c.set(fixed::BOUND_ARGS, vm.handles[mark + 1]);
        c.set(fixed::BOUND as usize, Value::number(length));
        c.set(fixed::BOUND as usize + 1, vm.handles[mark]);
        Ok(c.value())
    })
}

fn to_string(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let f = args.this(vm);
    if !vm.is_callable(f) {
        return Err(vm.type_error("Function.prototype.toString requires that 'this' be a Function"));
    }
    // Source text is not kept; every function prints like a native one.
    let name = match vm.get_own(f, PropKey::Atom(wk::name)) {
        Some(Own::Data(n, _)) if vm.is_string(n) => vm.string_to_rust(n),
        _ => String::new(),
    };
    vm.new_str(&format!("function {name}() {{ [native code] }}"))
}

pub fn init(vm: &mut Vm) -> JsResult<()> {
    let fp = vm.intrinsic(Intrinsic::FunctionPrototype);
    let ctor = define_constructor(vm, "Function", function_ctor, 1, fp)?;
    let _ = ctor;
    let methods: [(&str, NativeFn, u32); 4] = [
        ("apply", apply, 2),
        ("bind", bind, 1),
        ("call", call, 1),
        ("toString", to_string, 0),
    ];
    define_natives(vm, Intrinsic::FunctionPrototype, &methods)?;
    // %ThrowTypeError% guards Function.prototype's `caller` and
    // `arguments` (all functions are strict; they have no own ones).
    let thrower = vm.new_native(throw_type_error, "", 0, false)?;
    // Also strict `arguments.callee` (`Vm::create_arguments`).
    vm.intrinsics[Intrinsic::ThrowTypeError as usize] = thrower;
    keep(vm, thrower, |vm| {
        for name in ["arguments", "caller"] {
            let key = vm.atoms.key_str(name);
            let (fp, t) = (
                vm.intrinsic(Intrinsic::FunctionPrototype),
                *vm.handles.last().unwrap(),
            );
            vm.define_accessor(fp, key, t, t, CONFIGURABLE)?;
        }
        Ok(())
    })?;
    Ok(())
}

fn throw_type_error(vm: &mut Vm, _args: Args) -> JsResult<Value> {
    Err(vm.type_error(
        "'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the arguments objects for calls to them",
    ))
}

#[cfg(test)]
mod tests {
    use super::super::check_js;

    // Programs and expected output generated with node v20 (the oracle);
    // each runs normally and under --gc-stress --verify-heap.
    #[test]
    fn js_p5() {
        check_js(
            r##"const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.name + ': ' + e.message); } };
t(() => Function.prototype.bind.call(1));
t(() => Math.max.apply(null, 5));
t(() => Math.max.apply(null, "ab"));
t(() => Math.max.apply(null, {length: 2, 0: 1, 1: 5}));
t(() => { function f(a,b,c){}; const b = f.bind(null, 1); return b.name + ' ' + b.length + ' ' + b.bind(null,1,2,3).length + ' ' + b.bind().name; });
t(() => { const f = () => 1; Object.defineProperty(f, 'name', {value: 7}); return f.bind().name; });
t(() => Function.prototype.call.length + ' ' + Function.prototype.apply.length + ' ' + Function.prototype.bind.length + ' ' + Function.length + ' ' + Function.name);
t(() => Function.prototype.toString.call({}));
t(() => Object.getOwnPropertyNames(function(){}.bind()));
t(() => { class A { constructor(x) { this.x = x; } }; const B = A.bind(null, 5); const b = new B(); return [b.x, b instanceof A, b instanceof B]; });"##,
            r##"TypeError: Bind must be called on a function
TypeError: CreateListFromArrayLike called on non-object
TypeError: CreateListFromArrayLike called on non-object
5
bound f 2 0 bound bound f
bound 
1 2 1 1 Function
TypeError: Function.prototype.toString requires that 'this' be a Function
[ 'length', 'name' ]
[ 5, true, true ]
"##,
        );
    }
}

#[cfg(test)]
mod more_tests {
    use super::super::check_js;

    #[test]
    fn function_constructor_is_rejected() {
        check_js(
            "try { new Function('a', 'return a'); } catch (e) { print(e.name, e.message); }\n\
             try { Function('return 1'); } catch (e) { print(e.name, e.message); }",
            "TypeError Function constructor is not supported by jolt\n\
             TypeError Function constructor is not supported by jolt\n",
        );
    }

    #[test]
    fn bound_functions_construct_and_chain() {
        check_js(
            "function P(x, y) { this.s = x + y; }\n\
             const B = P.bind(null, 1).bind(null, 2);\n\
             const o = new B();\n\
             print(o.s, o instanceof P, o instanceof B, B.name, B.length);",
            "3 true true bound bound P 0\n",
        );
    }
}
