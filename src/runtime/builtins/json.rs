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

use super::{define_native, define_value, get_index, keep, length_of, scoped};
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
    let ((), json) = keep(vm, json, |vm| {
        let json = *vm.handles.last().unwrap();
        define_native(vm, json, "parse", parse, 2)?;
        let json = *vm.handles.last().unwrap();
        define_native(vm, json, "stringify", stringify, 3)?;
        Ok(())
    })?;
    let g = vm.intrinsic(Intrinsic::Global);
    define_value(vm, g, "JSON", json, METHOD_ATTRS)
}

#[cfg(test)]
mod tests {
    use super::super::check_js;

    // Programs and expected output generated with node v20 (the oracle);
    // each runs normally and under --gc-stress --verify-heap.
    #[test]
    fn js_j1() {
        check_js(
            r##"const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.name + ': ' + e.message); } };
t(() => JSON.stringify({a: 1, b: [1, 2, {c: []}], d: {}, e: 'x'}, null, 4));
t(() => JSON.stringify([[], [[]], {}], null, '\t'));
t(() => JSON.stringify({a: 1}, null, 0) + JSON.stringify({a: 1}, null, -5) + JSON.stringify({a: 1}, null, '') + JSON.stringify([1], null, 1.9));
t(() => JSON.stringify({a: 1, b: 2}, null, 'abcdefghijklmnop'));
t(() => JSON.stringify([1, , 3]));
t(() => JSON.stringify({date: {toJSON() { return {x: 1}; }}}));
t(() => JSON.stringify({a: 5, b: 's', c: [1]}, (k, v) => typeof v === 'number' ? v * 2 : v));
t(() => JSON.stringify({a: 5, b: {c: 1}}, function (k, v) { return k === '' ? v : k === 'b' ? undefined : v; }));
t(() => JSON.stringify({a: 1, b: 2, c: {a: 3, z: 4}}, ['a', 'c']));
t(() => JSON.stringify('\u0000\u001f\u007f\u00e9\ud83d\ude00\ud83d'));
t(() => JSON.stringify({'key"q': 1, 'new\nline': 2}));
t(() => JSON.stringify([Infinity, -Infinity, -0, 0.1, 1e-7, 123456789012345680000]));
t(() => JSON.stringify(null) + JSON.stringify(true) + JSON.stringify('s') + JSON.stringify(1));
t(() => { class P { constructor() { this.x = 1; this.y = [2]; } get z() { return 3; } } return JSON.stringify(new P()); });
t(() => JSON.stringify(Object.create({inherited: 1}, {own: {value: 2, enumerable: true}, hidden: {value: 3}})));
t(() => JSON.stringify({a: [new Number(1), new String('s'), new Boolean(true)]}));
t(() => { const shared = {v: 1}; return JSON.stringify({a: shared, b: shared}); });
t(() => { const a = [1]; const o = {list: a}; a.push(o); return JSON.stringify(o); });
t(() => JSON.stringify({toJSON(k) { return 'top:' + k; }}));
t(() => JSON.stringify([{toJSON(k) { return 'idx:' + k; }}]));
t(() => JSON.stringify({a: undefined, b: function () {}, c: 1}, null, 2));
t(() => JSON.stringify([undefined], null, 2));
t(() => JSON.stringify({}, null, 2) + JSON.stringify([], null, 2));
t(() => JSON.stringify({a: {b: {c: {d: {}}}}}, null, 1));
t(() => JSON.stringify({[1]: 'one', [-1]: 'neg', 1.5: 'f'}));
t(() => JSON.stringify(new Error('boom')));
t(() => JSON.stringify({e: new TypeError('x'), arr: Object.assign([1], {extra: 2})}));
t(() => typeof JSON + ' ' + String(JSON) + ' ' + Object.keys(JSON));
t(() => JSON.stringify({big: 1e21, small: 5e-324, neg: -1.5}));
t(() => { const o = {}; o.o = o; JSON.stringify([o]); });
t(() => { const o = {get x() { throw new RangeError('from getter'); }}; return JSON.stringify(o); });
t(() => { const a = []; a[3] = 1; return JSON.stringify(a); });"##,
            r##"{
    "a": 1,
    "b": [
        1,
        2,
        {
            "c": []
        }
    ],
    "d": {},
    "e": "x"
}
[
	[],
	[
		[]
	],
	{}
]
{"a":1}{"a":1}{"a":1}[
 1
]
{
abcdefghij"a": 1,
abcdefghij"b": 2
}
[1,null,3]
{"date":{"x":1}}
{"a":10,"b":"s","c":[2]}
{"a":5}
{"a":1,"c":{"a":3}}
"\u0000\u001fé😀\ud83d"
{"key\"q":1,"new\nline":2}
[null,null,0,0.1,1e-7,123456789012345680000]
nulltrue"s"1
{"x":1,"y":[2]}
{"own":2}
{"a":[1,"s",true]}
{"a":{"v":1},"b":{"v":1}}
TypeError: Converting circular structure to JSON
    --> starting at object with constructor 'Object'
    |     property 'list' -> object with constructor 'Array'
    --- index 1 closes the circle
"top:"
["idx:0"]
{
  "c": 1
}
[
  null
]
{}[]
{
 "a": {
  "b": {
   "c": {
    "d": {}
   }
  }
 }
}
{"1":"one","-1":"neg","1.5":"f"}
{}
{"e":{},"arr":[1]}
object [object JSON] 
{"big":1e+21,"small":5e-324,"neg":-1.5}
TypeError: Converting circular structure to JSON
    --> starting at object with constructor 'Object'
    --- property 'o' closes the circle
RangeError: from getter
[null,null,null,1]
"##,
        );
    }

    #[test]
    fn js_p6() {
        check_js(
            r##"const t = (f) => { try { console.log(JSON.stringify(f())); } catch (e) { console.log(e.name + ': ' + e.message); } };
t(() => { const a = {}; a.self = a; return JSON.stringify(a); });
t(() => { const a = {x: {y: [1, {}]}}; a.x.y[1].z = a; return JSON.stringify(a); });
t(() => { const a = {x: {y: [1, {}]}}; a.x.y[1].z = a.x; return JSON.stringify(a); });
t(() => { const a = [1]; a.push(a); return JSON.stringify(a); });
t(() => { class Foo {}; const a = new Foo(); a.b = {c: a}; return JSON.stringify(a); });
t(() => { const a = Object.create(null); a.b = {c: a}; return JSON.stringify(a); });
t(() => { const a = {}; a.b = {c: {d: {e: a}}}; return JSON.stringify(a); });
t(() => { const a = {}; a.b = {c: {d: {e: {f: a}}}}; return JSON.stringify(a); });
t(() => JSON.stringify({a: [1, {b: 2}], c: 'x'}, null, 2));
t(() => JSON.stringify({a: [], b: {}}, null, '--'));
t(() => JSON.stringify([undefined, function(){}, NaN, -0, 1e21]));
t(() => JSON.stringify({a: undefined, b: ()=>1, c: null}));
t(() => JSON.stringify(undefined));
t(() => JSON.stringify(() => 1));
t(() => JSON.stringify("a\u2028\ud800\"\n"));
t(() => JSON.stringify({toJSON() { return 5; }}));
t(() => JSON.stringify({a: {toJSON(k) { return 'k=' + k; }}}));
t(() => JSON.stringify(new Number(3)) + JSON.stringify(new String('s')) + JSON.stringify(new Boolean(false)));
t(() => JSON.stringify({1: 1, b: 2, 0: 0}, ['b']));
t(() => JSON.stringify({a: 1}, (k, v) => v));
t(() => JSON.stringify({a: 1}, null, 20));
t(() => JSON.stringify([new Error('x')]));
t(() => JSON.stringify.length + ' ' + JSON.stringify.name);"##,
            r##"TypeError: Converting circular structure to JSON
    --> starting at object with constructor 'Object'
    --- property 'self' closes the circle
TypeError: Converting circular structure to JSON
    --> starting at object with constructor 'Object'
    |     property 'x' -> object with constructor 'Object'
    |     property 'y' -> object with constructor 'Array'
    |     index 1 -> object with constructor 'Object'
    --- property 'z' closes the circle
TypeError: Converting circular structure to JSON
    --> starting at object with constructor 'Object'
    |     property 'y' -> object with constructor 'Array'
    |     index 1 -> object with constructor 'Object'
    --- property 'z' closes the circle
TypeError: Converting circular structure to JSON
    --> starting at object with constructor 'Array'
    --- index 1 closes the circle
TypeError: Converting circular structure to JSON
    --> starting at object with constructor 'Foo'
    |     property 'b' -> object with constructor 'Object'
    --- property 'c' closes the circle
TypeError: Converting circular structure to JSON
    --> starting at object with constructor 'Object'
    |     property 'b' -> object with constructor 'Object'
    --- property 'c' closes the circle
TypeError: Converting circular structure to JSON
    --> starting at object with constructor 'Object'
    |     property 'b' -> object with constructor 'Object'
    |     property 'c' -> object with constructor 'Object'
    |     property 'd' -> object with constructor 'Object'
    --- property 'e' closes the circle
TypeError: Converting circular structure to JSON
    --> starting at object with constructor 'Object'
    |     property 'b' -> object with constructor 'Object'
    |     property 'c' -> object with constructor 'Object'
    |     ...
    |     property 'e' -> object with constructor 'Object'
    --- property 'f' closes the circle
"{\n  \"a\": [\n    1,\n    {\n      \"b\": 2\n    }\n  ],\n  \"c\": \"x\"\n}"
"{\n--\"a\": [],\n--\"b\": {}\n}"
"[null,null,null,0,1e+21]"
"{\"c\":null}"
undefined
undefined
"\"a \\ud800\\\"\\n\""
"5"
"{\"a\":\"k=a\"}"
"3\"s\"false"
"{\"b\":2}"
"{\"a\":1}"
"{\n          \"a\": 1\n}"
"[{}]"
"3 stringify"
"##,
        );
    }
}
