//! `JSON.stringify` (with `toJSON`, replacer functions and arrays, indent).
//! `JSON.parse` is outside the subset and throws a TypeError saying so.
//!
//! Invariants:
//! - Output is built in a Rust `Vec<u16>` and allocated once at the end.
//! - Every value in flight (the holder chain, the value being serialized,
//!   the replacer) lives on `vm.handles`; the serializer refers to them by
//!   handle index, and each level truncates the handles it pushed.
//! - A cycle throws V8's multi-line "Converting circular structure to JSON"
//!   message, built from the path of keys that led around the circle.

use super::{define_native, define_value, get_index, length_of, scoped};
use crate::runtime::atoms::{wk, PropKey};
use crate::runtime::shape::{DEFAULT_ATTRS, ENUMERABLE, METHOD_ATTRS};
use crate::runtime::{format, ops, strutil, Args, Intrinsic, JsResult, Value, Vm};

/// How an object on the serialization stack was reached (for the message).
#[derive(Clone)]
enum Step {
    Root,
    Prop(String),
    Index(u32),
}

impl Step {
    fn describe(&self) -> String {
        match self {
            Step::Root => String::new(),
            Step::Prop(k) => format!("property '{k}'"),
            Step::Index(i) => format!("index {i}"),
        }
    }
}

struct St {
    out: Vec<u16>,
    gap: Vec<u16>,
    indent: Vec<u16>,
    /// Handle index of each object being serialized, and how it was reached.
    stack: Vec<(usize, Step)>,
    /// Handle index of a replacer function.
    replacer: Option<usize>,
    /// The property list of an array replacer.
    plist: Option<Vec<PropKey>>,
}

fn push_str(out: &mut Vec<u16>, s: &str) {
    out.extend(s.encode_utf16());
}

fn ctor_name(vm: &Vm, o: Value) -> String {
    if vm.is_array(o) {
        return "Array".into();
    }
    let tag = format::object_tag(vm, o);
    tag.strip_prefix("#<")
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or("Object")
        .to_string()
}

fn circular_error(vm: &mut Vm, st: &St, start: usize, closing: &Step) -> crate::runtime::Throw {
    let first = vm.handles[st.stack[start].0];
    let mut msg = format!(
        "Converting circular structure to JSON\n    --> starting at object with constructor '{}'",
        ctor_name(vm, first)
    );
    let middle: Vec<String> = st.stack[start + 1..]
        .iter()
        .map(|(h, step)| {
            format!(
                "\n    |     {} -> object with constructor '{}'",
                step.describe(),
                ctor_name(vm, vm.handles[*h])
            )
        })
        .collect();
    if middle.len() > 3 {
        msg.push_str(&middle[0]);
        msg.push_str(&middle[1]);
        msg.push_str("\n    |     ...");
        msg.push_str(&middle[middle.len() - 1]);
    } else {
        for m in &middle {
            msg.push_str(m);
        }
    }
    msg.push_str(&format!(
        "\n    --- {} closes the circle",
        closing.describe()
    ));
    vm.type_error(&msg)
}

/// SerializeJSONProperty for `value` found at `key` of `vm.handles[holder]`.
/// Appends to `st.out` and returns false when the result is undefined.
fn ser_value(
    vm: &mut Vm,
    st: &mut St,
    holder: usize,
    key: PropKey,
    value: Value,
    step: Step,
) -> JsResult<bool> {
    let mark = vm.handles.len();
    vm.handles.push(value);
    let r = ser_value_rooted(vm, st, holder, key, mark, step);
    vm.handles.truncate(mark);
    r
}

fn ser_value_rooted(
    vm: &mut Vm,
    st: &mut St,
    holder: usize,
    key: PropKey,
    at: usize,
    step: Step,
) -> JsResult<bool> {
    let v = vm.handles[at];
    if vm.is_object(v) {
        let tj = vm.get(v, PropKey::Atom(wk::toJSON))?;
        if vm.is_callable(tj) {
            vm.handles.push(tj);
            let ks = vm.key_string(key)?;
            let tj = vm.handles.pop().unwrap();
            let v = vm.handles[at];
            vm.handles[at] = vm.call(tj, v, &[ks])?;
        }
    }
    if let Some(r) = st.replacer {
        let ks = vm.key_string(key)?;
        let (f, h, v) = (vm.handles[r], vm.handles[holder], vm.handles[at]);
        vm.handles[at] = vm.call(f, h, &[ks, v])?;
    }
    let mut v = vm.handles[at];
    if let Some(p) = super::object::wrapped_primitive(vm, v) {
        v = if p.is_number() {
            Value::number(ops::to_number(vm, v)?)
        } else if vm.is_string(p) {
            ops::to_string(vm, v)?
        } else {
            p
        };
        vm.handles[at] = v;
    }
    if v.is_null() {
        push_str(&mut st.out, "null");
    } else if v.is_bool() {
        push_str(&mut st.out, if v.as_bool() { "true" } else { "false" });
    } else if vm.is_string(v) {
        let u = vm.string_units(v);
        strutil::json_quote(&u, &mut st.out);
    } else if v.is_number() {
        let d = v.as_number();
        if d.is_finite() {
            push_str(&mut st.out, &crate::runtime::numconv::number_to_string(d));
        } else {
            push_str(&mut st.out, "null");
        }
    } else if vm.is_object(v) && !vm.is_callable(v) {
        if let Some(i) = st.stack.iter().position(|(h, _)| vm.handles[*h] == v) {
            return Err(circular_error(vm, st, i, &step));
        }
        if st.stack.len() > 5000 {
            return Err(vm.throw_error(
                crate::runtime::ErrorKind::RangeError,
                "Maximum call stack size exceeded",
            ));
        }
        st.stack.push((at, step));
        let r = if vm.is_array(v) {
            ser_array(vm, st, at)
        } else {
            ser_object(vm, st, at)
        };
        st.stack.pop();
        r?;
    } else {
        return Ok(false);
    }
    Ok(true)
}

fn newline_indent(st: &mut St) {
    st.out.push(b'\n' as u16);
    let ind = st.indent.clone();
    st.out.extend(ind);
}

fn ser_object(vm: &mut Vm, st: &mut St, at: usize) -> JsResult<()> {
    let stepback = st.indent.clone();
    st.indent.extend(st.gap.clone());
    let keys: Vec<PropKey> = match &st.plist {
        Some(p) => p.clone(),
        None => vm
            .own_keys(vm.handles[at])
            .into_iter()
            .filter(|(_, a)| a & ENUMERABLE != 0)
            .map(|(k, _)| k)
            .collect(),
    };
    st.out.push(b'{' as u16);
    let mut any = false;
    for k in keys {
        let o = vm.handles[at];
        let v = vm.get(o, k)?;
        let before = st.out.len();
        if any {
            st.out.push(b',' as u16);
        }
        if !st.gap.is_empty() {
            newline_indent(st);
        }
        let ku = vm.atoms.key_to_units(k);
        strutil::json_quote(&ku, &mut st.out);
        st.out.push(b':' as u16);
        if !st.gap.is_empty() {
            st.out.push(b' ' as u16);
        }
        let step = Step::Prop(vm.atoms.key_to_string(k));
        if ser_value(vm, st, at, k, v, step)? {
            any = true;
        } else {
            st.out.truncate(before);
        }
    }
    st.indent = stepback;
    if any && !st.gap.is_empty() {
        newline_indent(st);
    }
    st.out.push(b'}' as u16);
    Ok(())
}

fn ser_array(vm: &mut Vm, st: &mut St, at: usize) -> JsResult<()> {
    let stepback = st.indent.clone();
    st.indent.extend(st.gap.clone());
    let len = length_of(vm, vm.handles[at])?;
    st.out.push(b'[' as u16);
    let mut i = 0.0;
    while i < len {
        if i > 0.0 {
            st.out.push(b',' as u16);
        }
        if !st.gap.is_empty() {
            newline_indent(st);
        }
        let o = vm.handles[at];
        let v = get_index(vm, o, i)?;
        let k = super::index_key(vm, i);
        if !ser_value(vm, st, at, k, v, Step::Index(i as u32))? {
            push_str(&mut st.out, "null");
        }
        i += 1.0;
    }
    st.indent = stepback;
    if len > 0.0 && !st.gap.is_empty() {
        newline_indent(st);
    }
    st.out.push(b']' as u16);
    Ok(())
}

fn stringify(vm: &mut Vm, args: Args) -> JsResult<Value> {
    scoped(vm, |vm, mark| {
        let mut st = St {
            out: Vec::new(),
            gap: Vec::new(),
            indent: Vec::new(),
            stack: Vec::new(),
            replacer: None,
            plist: None,
        };
        let rep = args.get(vm, 1);
        if vm.is_callable(rep) {
            vm.handles.push(rep);
            st.replacer = Some(vm.handles.len() - 1);
        } else if vm.is_array(rep) {
            let mut list: Vec<PropKey> = Vec::new();
            let len = vm.array_len(rep) as f64;
            let mut i = 0.0;
            while i < len {
                let rep = args.get(vm, 1);
                let e = get_index(vm, rep, i)?;
                let keyable = vm.is_string(e)
                    || e.is_number()
                    || super::object::wrapped_primitive(vm, e)
                        .is_some_and(|p| p.is_number() || vm.is_string(p));
                if keyable {
                    let k = ops::to_property_key(vm, e)?;
                    if !list.contains(&k) {
                        list.push(k);
                    }
                }
                i += 1.0;
            }
            st.plist = Some(list);
        }
        let mut space = args.get(vm, 2);
        if let Some(p) = super::object::wrapped_primitive(vm, space) {
            space = if p.is_number() {
                Value::number(ops::to_number(vm, space)?)
            } else if vm.is_string(p) {
                ops::to_string(vm, space)?
            } else {
                space
            };
        }
        if space.is_number() {
            let n = crate::runtime::numconv::to_integer_or_infinity(space.as_number()).min(10.0);
            st.gap = vec![b' ' as u16; if n >= 1.0 { n as usize } else { 0 }];
        } else if vm.is_string(space) {
            let u = vm.string_units(space);
            st.gap = u[..u.len().min(10)].to_vec();
        }
        let wrapper = vm.new_plain_object()?;
        vm.handles.push(wrapper);
        let w = vm.handles.len() - 1;
        let v = args.get(vm, 0);
        vm.define_own(wrapper, PropKey::Atom(wk::empty), v, DEFAULT_ATTRS)?;
        let v = args.get(vm, 0);
        if !ser_value(vm, &mut st, w, PropKey::Atom(wk::empty), v, Step::Root)? {
            return Ok(Value::UNDEFINED);
        }
        let _ = mark;
        vm.new_string(&st.out)
    })
}

fn parse(vm: &mut Vm, _args: Args) -> JsResult<Value> {
    Err(vm.type_error("JSON.parse is not supported by jolt"))
}

pub fn init(vm: &mut Vm) -> JsResult<()> {
    let op = vm.intrinsic(Intrinsic::ObjectPrototype);
    let json = vm.new_object(op)?;
    vm.handles.push(json);
    let r = (|| {
        let json = *vm.handles.last().unwrap();
        define_native(vm, json, "parse", parse, 2)?;
        let json = *vm.handles.last().unwrap();
        define_native(vm, json, "stringify", stringify, 3)?;
        Ok(())
    })();
    let json = vm.handles.pop().unwrap();
    r?;
    let g = vm.intrinsic(Intrinsic::Global);
    define_value(vm, g, "JSON", json, METHOD_ATTRS)
}
