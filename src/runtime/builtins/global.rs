//! Global functions and objects: print, console, globalThis.

use super::{define_native, define_value};
use crate::runtime::shape::METHOD_ATTRS;
use crate::runtime::{format, ops, Args, Intrinsic, JsResult, Value, Vm};

pub fn noop(_vm: &mut Vm, _args: Args) -> JsResult<Value> {
    Ok(Value::UNDEFINED)
}

/// `print(a, b)`: String(a) + ' ' + String(b) + '\n' (language.md).
fn print(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let mut line: Vec<u16> = Vec::new();
    for i in 0..args.argc {
        if i > 0 {
            line.push(b' ' as u16);
        }
        let u = ops::to_units(vm, args.get(vm, i))?;
        line.extend_from_slice(&u);
    }
    let mut s = crate::runtime::strutil::utf16_to_string_lossy(&line);
    s.push('\n');
    vm.write_out(s.as_bytes());
    Ok(Value::UNDEFINED)
}

/// `console.log`: strings as they are, everything else through inspect.
fn console_log(vm: &mut Vm, args: Args) -> JsResult<Value> {
    let mut s = String::new();
    for i in 0..args.argc {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(&format::inspect(vm, args.get(vm, i)));
    }
    s.push('\n');
    vm.write_out(s.as_bytes());
    Ok(Value::UNDEFINED)
}

/// `Date()` / `new Date()`: Date objects are outside the subset.
fn date_ctor(vm: &mut Vm, _args: Args) -> JsResult<Value> {
    Err(vm.type_error("Date objects are not supported by jolt"))
}

/// `Date.now()`: milliseconds since the epoch (an integer, as in node).
fn date_now(_vm: &mut Vm, _args: Args) -> JsResult<Value> {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_millis() as f64);
    Ok(Value::number(ms))
}

/// `performance.now()`: fractional milliseconds since the VM started.
fn performance_now(vm: &mut Vm, _args: Args) -> JsResult<Value> {
    Ok(Value::number(
        vm.start_time.elapsed().as_secs_f64() * 1000.0,
    ))
}

/// Date (a constructor that throws, with `Date.now`) and `performance`.
fn init_timing(vm: &mut Vm) -> JsResult<()> {
    let op = vm.intrinsic(Intrinsic::ObjectPrototype);
    let dp = vm.new_object(op)?;
    let date = super::define_constructor(vm, "Date", date_ctor, 7, dp)?;
    define_native(vm, date, "now", date_now, 0)?;
    let perf = vm.new_plain_object()?;
    vm.handles.push(perf);
    let r = define_native(vm, perf, "now", performance_now, 0);
    let perf = vm.handles.pop().unwrap();
    r?;
    let g = vm.intrinsic(Intrinsic::Global);
    define_value(vm, g, "performance", perf, METHOD_ATTRS)
}

pub fn init(vm: &mut Vm) -> JsResult<()> {
    init_timing(vm)?;
    let g = vm.intrinsic(Intrinsic::Global);
    define_native(vm, g, "print", print, 0)?;
    let console = vm.new_plain_object()?;
    vm.handles.push(console);
    define_native(vm, console, "log", console_log, 0)?;
    let console = vm.handles.pop().unwrap();
    let g = vm.intrinsic(Intrinsic::Global);
    define_value(vm, g, "console", console, METHOD_ATTRS)?;
    let g = vm.intrinsic(Intrinsic::Global);
    define_value(vm, g, "globalThis", g, METHOD_ATTRS)?;
    define_value(vm, g, "undefined", Value::UNDEFINED, 0)?;
    define_value(vm, g, "NaN", Value::double(f64::NAN), 0)?;
    define_value(vm, g, "Infinity", Value::double(f64::INFINITY), 0)?;
    Ok(())
}
