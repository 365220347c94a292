//! The baseline tier's inline caches and element fast paths
//! (`jit::baseline::ic`): every program runs in the interpreter and with
//! every frame in baseline code, plain and under `gc_stress`; stdout, the
//! way the run ended and the feedback must be identical. Then the IC state
//! the baseline run left behind is inspected (entries per site, megamorphic
//! sites), and `FuncProto::helper_calls` shows that hot loops over cached
//! shapes and dense arrays stay on the inline paths: a fast path that is
//! never taken, or an IC that is never filled, fails these tests.

use jolt::bytecode::feedback::{self, PolyIc};
use jolt::bytecode::{Const, FuncProto, Insn};
use jolt::jit::baseline::ic;
use jolt::jit::baseline::run::BaselineCache;
use jolt::runtime::builtins::InlineNative;
use jolt::runtime::{Options, Throw, Vm};
use jolt::tier::run_script_baseline;
use jolt::tier::Tier;
use jolt::End;
use std::rc::Rc;

#[derive(Debug, PartialEq)]
struct Outcome {
    stdout: String,
    end: End,
    feedback: Vec<Vec<u64>>,
}

fn end_of(vm: &Vm, r: Result<jolt::runtime::Value, Throw>) -> End {
    jolt::end_of(vm, r.map(|_| ()))
}

fn feedback(p: &FuncProto, out: &mut Vec<Vec<u64>>) {
    out.extend(jolt::verify::feedback_snapshot(p));
}

enum How {
    Interp,
    /// Every frame in baseline code.
    Baseline,
    /// `Tier::Auto` through the run loop (interpreter first, then OSR).
    Auto(u32),
}

fn run(source: &str, opts: Options, how: How) -> (Outcome, Rc<FuncProto>) {
    let proto = jolt::compile_source(source, "t.js").expect("compiles");
    let opts = match how {
        How::Interp => Options {
            tier: Tier::Interp,
            ..opts
        },
        How::Baseline => opts,
        How::Auto(threshold) => Options {
            tier: Tier::Auto,
            jit_threshold: threshold,
            ..opts
        },
    };
    let mut vm = jolt::tier::new_vm(opts);
    let r = match how {
        How::Baseline => {
            let mut cache = BaselineCache::new(1 << 28);
            let r = run_script_baseline(&mut vm, proto.clone(), &mut cache);
            assert!(cache.failures.is_empty(), "{:?}", cache.failures);
            r
        }
        How::Interp | How::Auto(_) => vm.run_script(proto.clone()),
    };
    let end = end_of(&vm, r);
    vm.flush_out();
    let mut fbs = Vec::new();
    feedback(&proto, &mut fbs);
    let o = Outcome {
        stdout: String::from_utf8_lossy(&vm.out).into_owned(),
        end,
        feedback: fbs,
    };
    (o, proto)
}

fn bounded() -> Options {
    Options {
        fuel: Some(200_000_000),
        ..Options::default()
    }
}

/// Runs `source` in the interpreter and in baseline code, plain and under
/// gc_stress (every allocation collects and moves every cell), asserts the
/// outcomes are identical and that stdout is `expected`; returns the
/// prototype of the plain baseline run for IC inspection.
fn check(source: &str, expected: &str) -> Rc<FuncProto> {
    let source = source.to_string();
    let expected = expected.to_string();
    std::thread::Builder::new()
        .stack_size(1 << 28)
        .spawn(move || {
            let (interp, _) = run(&source, bounded(), How::Interp);
            assert_eq!(interp.stdout, expected, "interpreter output");
            let (base, proto) = run(&source, bounded(), How::Baseline);
            assert_eq!(interp, base, "baseline differs from the interpreter");
            let stress = Options {
                gc_stress: true,
                ..bounded()
            };
            let (interp_gc, _) = run(&source, stress.clone(), How::Interp);
            let (base_gc, _) = run(&source, stress, How::Baseline);
            assert_eq!(interp_gc, base_gc, "baseline differs under gc_stress");
            assert_eq!(interp_gc, interp, "gc_stress changed the interpreter");
            for t in [1, 3] {
                let (auto, _) = run(&source, bounded(), How::Auto(t));
                assert_eq!(interp, auto, "auto tier (threshold {t}) differs");
            }
            // The prototype is only touched by this thread from here on.
            SendProto(proto)
        })
        .unwrap()
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
        .0
}

struct SendProto(Rc<FuncProto>);
// The VM that used the prototype is gone; the Rc is moved, not shared.
unsafe impl Send for SendProto {}

fn function<'a>(p: &'a FuncProto, name: &str) -> &'a FuncProto {
    fn find<'a>(p: &'a FuncProto, name: &str) -> Option<&'a FuncProto> {
        if p.name == name {
            return Some(p);
        }
        p.children.iter().find_map(|c| find(c, name))
    }
    find(p, name).unwrap_or_else(|| panic!("no function {name}"))
}

fn const_is(p: &FuncProto, k: u16, s: &str) -> bool {
    matches!(&p.consts[k as usize], Const::Str(u) if String::from_utf16_lossy(u) == s)
}

/// The PolyIcs of `f`'s GetProp (`set` false) or SetProp sites of `name`.
fn sites<'a>(f: &'a FuncProto, name: &str, set: bool) -> Vec<&'a PolyIc> {
    let v: Vec<&PolyIc> = f
        .code
        .iter()
        .filter_map(|i| match *i {
            Insn::GetProp { name: k, fb, .. } if !set && const_is(f, k, name) => Some(fb),
            Insn::SetProp { name: k, fb, .. } if set && const_is(f, k, name) => Some(fb),
            _ => None,
        })
        .map(|fb| f.poly_ic(fb).expect("baseline code made the site's IC"))
        .collect();
    assert!(!v.is_empty(), "{}: no site of {name}", f.name);
    v
}

fn one_site<'a>(f: &'a FuncProto, name: &str, set: bool) -> &'a PolyIc {
    let v = sites(f, name, set);
    assert_eq!(v.len(), 1, "{}: one site of {name}", f.name);
    v[0]
}

/// Objects of 1, 3 and 10 shapes through one get site and one set site
/// each; `x` sits in inline slots and (for shapes with more than 4
/// properties) in overflow slots.
const SHAPES: &str = r#"
function make(k, v) {
  const o = {};
  for (let j = 0; j < k; j++) o["p" + j] = j;
  o.x = v;
  return o;
}
function get1(o) { return o.x; }
function set1(o, v) { o.x = v; }
function get3(o) { return o.x; }
function set3(o, v) { o.x = v; }
function get10(o) { return o.x; }
function set10(o, v) { o.x = v; }
function loop(get, set, objs, n) {
  let s = 0;
  for (let i = 0; i < n; i++) {
    const o = objs[i % objs.length];
    set(o, get(o) + i);
    s = (s + get(o)) | 0;
  }
  return s;
}
const one = [make(0, 1)];
const three = [make(0, 1), make(2, 2), make(6, 3)];
const ten = [];
for (let k = 0; k < 10; k++) ten.push(make(k, k));
console.log(loop(get1, set1, one, 500), one[0].x);
console.log(loop(get3, set3, three, 500), three.map(o => o.x).join());
console.log(loop(get10, set10, ten, 500), ten.map(o => o.x).join());
"#;

const SHAPES_OUT: &str = "\
20833750 124751
6987110 41584,41752,41420
2142125 12250,12301,12352,12403,12454,12505,12556,12607,12658,12709
";

#[test]
fn sites_with_one_three_and_ten_shapes() {
    let p = check(SHAPES, SHAPES_OUT);
    let ic = |f: &str, set: bool| one_site(function(&p, f), "x", set);
    assert_eq!(
        (ic("get1", false).len(), ic("get1", false).is_mega()),
        (1, false)
    );
    assert_eq!(
        (ic("set1", true).len(), ic("set1", true).is_mega()),
        (1, false)
    );
    assert_eq!(
        (ic("get3", false).len(), ic("get3", false).is_mega()),
        (3, false)
    );
    assert_eq!(
        (ic("set3", true).len(), ic("set3", true).is_mega()),
        (3, false)
    );
    assert!(ic("get10", false).is_mega());
    assert!(ic("set10", true).is_mega());
    // The three shapes are distinct and the same for get and set.
    let g = ic("get3", false).shapes();
    let mut d = g.clone();
    d.dedup();
    assert_eq!(d.len(), 3);
    assert_eq!(g, ic("set3", true).shapes());
    // Hits stay inline: after the misses that fill the cache, the
    // accessor functions never call a helper (each call runs one GetProp or
    // SetProp and returns; 500 calls each).
    for f in ["get1", "set1", "get3", "set3"] {
        let calls = function(&p, f).jit.helper_calls.get();
        assert!(calls <= 3, "{f}: {calls} helper calls");
    }
    for f in ["get10", "set10"] {
        let calls = function(&p, f).jit.helper_calls.get();
        assert!(
            calls >= 400,
            "{f}: a megamorphic site calls its helper ({calls})"
        );
    }
}

/// A cached shape, then the same objects change shape: more properties
/// (transitions), a delete (dictionary: never cached), a non-writable
/// property (dictionary), freeze, and preventExtensions (same shape: still
/// cached, still writable).
#[test]
fn shape_changes_after_caching() {
    let src = r#"
function getx(o) { return o.x; }
function setx(o, v) { o.x = v; }
function run(objs, n) {
  let s = "";
  for (let i = 0; i < n; i++) {
    const o = objs[i % objs.length];
    s += getx(o) + ",";
    try { setx(o, i); } catch (e) { s += e.constructor.name + ","; }
  }
  return s;
}
const a = { x: 1, y: 2 }, b = { x: 3, y: 4 };
console.log(run([a, b], 6));
a.z = 5;                  // a moves to a new shared shape
console.log(run([a, b], 6));
delete b.y;               // b becomes a dictionary
console.log(run([a, b], 6), b.x, Object.keys(b).join());
b.y = 9; b.w = 10;        // dictionary grows in place
console.log(run([b], 3), Object.keys(b).join());
delete b.x;               // x gone: the prototype chain (undefined)
console.log(getx(b), run([b], 2), b.x);
const c = { x: 1 };
Object.defineProperty(c, "x", { writable: false });
console.log(run([c], 3));
const d = { x: 7 };
console.log(run([d], 2));
Object.preventExtensions(d);
console.log(run([d], 3));
Object.freeze(d);
console.log(run([d], 3));
const e = { x: 1 };
for (let i = 0; i < 70; i++) e["k" + i] = i; // past 64 properties: dictionary
console.log(run([e], 3));
"#;
    let out = "\
1,3,0,1,2,3,
4,5,0,1,2,3,
4,5,0,1,2,3, 5 x
5,0,1, x,y,w
undefined undefined,0, 1
1,TypeError,1,TypeError,1,TypeError,
7,0,
1,0,1,
2,TypeError,2,TypeError,2,TypeError,
1,0,1,
";
    let p = check(src, out);
    // No dictionary shape was entered: a and b before their changes, a's
    // new shape, c/d's literal shape (d's shape before freezing).
    let get = one_site(function(&p, "getx"), "x", false);
    let set = one_site(function(&p, "setx"), "x", true);
    assert!(!get.is_mega() && !set.is_mega());
    assert!(get.len() >= 2, "getx cached {} shapes", get.len());
    assert!(set.len() >= 2, "setx cached {} shapes", set.len());
}

/// Own accessors and primitive receivers are never cached: those sites
/// stay empty and every access goes through the helper, with the
/// interpreter's results and side effects. A getter (setter) on the
/// prototype is cached as a `CHAIN_GETTER` (`CHAIN_SETTER`) entry, and
/// called directly (`jit::baseline::accessors`). A data property of the receiver's prototype is cached with the
/// holder's shape, and a shadowing own property or a changed prototype
/// value is still seen.
#[test]
fn prototype_data_properties_and_accessors_are_cached_own_accessors_are_not() {
    let src = r#"
class P {
  constructor() { this.own = 1; }
  get g() { return this.own * 10; }
  set s(v) { this.own = v; }
  m() { return 5; }
}
P.prototype.shared = 3;
function getm(o) { return o.shared; }
function getg(o) { return o.g; }
function sets(o, v) { o.s = v; }
function getacc(o) { return o.acc; }
function setacc(o, v) { o.acc = v; }
function getlen(o) { return o.length; }
let log = [];
const lit = { get acc() { log.push("get"); return 1; }, set acc(v) { log.push("set" + v); } };
let s = 0;
for (let i = 0; i < 50; i++) {
  const p = new P();
  s += getm(p) + getg(p) + getacc(lit);
  sets(p, i);
  setacc(lit, i % 3);
  s += getg(p);
}
console.log(s, log.length, log.slice(0, 4).join());
const q = new P();
console.log(getm(q));
q.shared = 4;            // shadows the prototype's property
console.log(getm(q), getm(new P()));
P.prototype.shared = 6;  // the prototype changes under a cached shape
console.log(getm(q), getm(new P()));
console.log(getlen("abc"), getlen([1, 2]), getlen({ length: 7 }), getlen(function (a, b) {}));
let t = 0;
for (let i = 0; i < 20; i++) t += getlen("ab") + getm(5) === undefined ? 1 : 0;
console.log(t);
try { getm(null); } catch (e) { console.log(e.message); }
try { sets(undefined, 1); } catch (e) { console.log(e.message); }
try { setacc("str", 1); } catch (e) { console.log(e.message); }
"#;
    let out = "\
12950 100 get,set0,get,set1
3
4 3
4 6
3 2 7 2
0
Cannot read properties of null (reading 'shared')
Cannot set properties of undefined (setting 's')
Cannot create property 'acc' on string 'str'
";
    let p = check(src, out);
    for (f, name, set) in [
        ("getm", "shared", false),
        ("getg", "g", false),
        ("sets", "s", true),
        ("getacc", "acc", false),
        ("setacc", "acc", true),
    ] {
        let ic = one_site(function(&p, f), name, set);
        // getm caches P instances' `shared` on their prototype (a holder
        // entry: read after checking P.prototype's shape, so the later
        // `P.prototype.shared = 6` is seen) and q's own `shared`.
        // getg and sets cache P's accessor on its prototype (a getter
        // and a setter record); lit's own accessors are never cached.
        let want = match f {
            "getm" => 2,
            "getg" | "sets" => 1,
            _ => 0,
        };
        assert_eq!(
            (ic.len(), ic.is_mega()),
            (want, false),
            "{f}: {:?}",
            ic.shapes()
        );
        if f == "getm" {
            let holders: Vec<bool> = ic.entries[..2]
                .iter()
                .map(|e| e.holder.get() != 0)
                .collect();
            assert_eq!(holders, [true, false], "the prototype entry came first");
        }
        if f == "getg" || f == "sets" {
            let kind = if set {
                ic::CHAIN_SETTER
            } else {
                ic::CHAIN_GETTER
            };
            let words = ic.chain_of(&ic.entries[0], ic::CHAIN_N, ic::CHAIN_PROTOS);
            assert_eq!(
                words.map(|w| (w[ic::CHAIN_KIND], w[ic::CHAIN_N])),
                Some((kind, 1))
            );
            if !set {
                // The getter's prototype, tier 2's hint for inlining it.
                let g = words.unwrap()[ic::CHAIN_NEW_SHAPE];
                assert_ne!(g, 0, "no getter recorded");
                let g = unsafe { &*(g as *const jolt::bytecode::FuncProto) };
                assert_eq!(g.kind, jolt::bytecode::FuncKind::Getter);
            }
        }
    }
    // Own `length` data properties are cached ({ length: 7 } and the
    // function's); arrays' and strings' are not in a shape.
    let ic = one_site(function(&p, "getlen"), "length", false);
    assert_eq!(ic.len(), 2);
}

/// Array elements: in bounds, out of bounds, holes (which read the
/// prototype chain), negative/double/string keys, writes past the length,
/// frozen arrays, a mixture of element types, and non-array receivers.
#[test]
fn array_elements() {
    let src = r#"
function get(a, k) { return a[k]; }
function set(a, k, v) { a[k] = v; }
const a = [1, 2.5, "s", null, undefined, { v: 1 }, [7], true];
let out = [];
for (let i = -2; i < 11; i++) out.push(String(get(a, i)));
console.log(out.join("|"));
for (const k of [1.5, 1.0, "1", "x", "length", -0, NaN, 2147483648, 4294967295])
  out.push(String(get(a, k)));
console.log(out.slice(13).join("|"));
const h = [0, , 2, , 4];
Array.prototype[3] = "proto";
console.log(get(h, 1), get(h, 3), h.length);
set(h, 1, "one");         // hole: helper
set(h, 3, "three");
set(h, 7, "seven");       // past the length
set(h, 5, 5);             // into the new hole
console.log(h.length, h.join("|"), get(h, 6));
delete Array.prototype[3];
const b = [];
for (let i = 0; i < 100; i++) set(b, i, i * 2);  // appends
for (let i = 0; i < 100; i++) set(b, i, get(b, i) + 1); // overwrites
let s = 0;
for (let i = 0; i < b.length; i++) s += get(b, i);
console.log(b.length, s);
set(b, -1, "neg"); set(b, 1.5, "dbl"); set(b, "2", "str"); set(b, "length", 3);
console.log(b.length, b[-1], b[1.5], b.join());
const f = Object.freeze([1, 2, 3]);
try { set(f, 0, 9); } catch (e) { console.log(e.constructor.name, f[0]); }
try { set(f, 5, 9); } catch (e) { console.log(e.constructor.name, f.length); }
const n = [1, 2, 3]; Object.preventExtensions(n);
set(n, 0, 10);
try { set(n, 3, 4); } catch (e) { console.log(e.constructor.name); }
console.log(n.join());
const o = { 0: "a", 1: "b", length: 2 };
console.log(get(o, 0), get(o, 1), get(o, 2), get("str", 1), get("str", 9));
set(o, 0, "z"); console.log(o[0]);
try { get(null, 0); } catch (e) { console.log(e.message); }
try { set(undefined, 0, 1); } catch (e) { console.log(e.message); }
const big = [];
big.length = 4294967295;
console.log(get(big, 4294967294), get(big, -1), big.length);
"#;
    let out = "\
undefined|undefined|1|2.5|s|null|undefined|[object Object]|7|true|undefined|undefined|undefined
undefined|2.5|2.5|undefined|8|1|undefined|undefined|undefined
undefined proto 5
8 0|one|2|three|4|5||seven undefined
100 10000
3 neg dbl 1,3,str
TypeError 1
TypeError 3
TypeError
10,2,3
a b undefined t undefined
z
Cannot read properties of null (reading '0')
Cannot set properties of undefined (setting '0')
undefined undefined 4294967295
";
    let p = check(src, out);
    // `get`'s GetElem and `set`'s SetElem ran hundreds of times; only the
    // odd cases above (a few dozen) may have called helpers.
    let g = function(&p, "get").jit.helper_calls.get();
    let s = function(&p, "set").jit.helper_calls.get();
    assert!(g < 80, "get: {g} helper calls");
    assert!(s < 140, "set: {s} helper calls (100 appends)");
}

/// Hot loops in one function: property reads and writes on a few shapes and
/// dense element reads and writes run without helper calls (the loop's
/// only exits are the first misses), with allocation in the loop so that
/// under gc_stress cells move between iterations.
#[test]
fn hot_loops_stay_inline_and_survive_gc() {
    let src = r#"
function hot(objs, arr, n) {
  let s = 0;
  for (let i = 0; i < n; i++) {
    const o = objs[i & 3];
    o.count = o.count + 1;
    arr[i & 63] = arr[(i + 1) & 63] + o.count;
    s = (s + arr[i & 63] + o.w) | 0;
  }
  return s;
}
function churn(n) {
  const keep = [];
  let s = 0;
  for (let i = 0; i < n; i++) {
    const o = { w: i, count: 0 };
    const e = [o, i];
    keep[i & 7] = e;
    s = (s + keep[i & 7][1] + keep[i & 7][0].w) | 0;
  }
  return s;
}
const objs = [{ w: 1, count: 0 }, { a: 0, w: 2, count: 0 }, { w: 3, count: 0, b: 1 },
              { p: 1, q: 2, r: 3, s: 4, w: 4, count: 0 }];
const arr = [];
for (let i = 0; i < 64; i++) arr.push(i);
console.log(hot(objs, arr, 2000), objs.map(o => o.count).join(), arr[5]);
console.log(churn(300));
"#;
    let out = "5628648 500,500,500,500 8157\n89700\n";
    let p = check(src, out);
    let hot = function(&p, "hot");
    // 4 shapes x (get count, set count, get w) first misses, plus the
    // entry: well under one call per iteration.
    assert!(
        hot.jit.helper_calls.get() <= 20,
        "hot: {} helper calls",
        hot.jit.helper_calls.get()
    );
    for (name, set) in [("count", false), ("count", true), ("w", false)] {
        for ic in sites(hot, name, set) {
            assert_eq!((ic.len(), ic.is_mega()), (4, false), "{name} set={set}");
        }
    }
}

/// Under `Tier::Auto` the interpreter caches first (its monomorphic word);
/// after OSR the baseline helper enters that shape into the PolyIc on the
/// first inline miss, and the loop then stays inline.
#[test]
fn interpreter_feedback_is_entered_after_tier_up() {
    let src = r#"
function f(o, n) {
  let s = 0;
  for (let i = 0; i < n; i++) { o.v = o.v + 1; s = (s + o.v) | 0; }
  return s;
}
console.log(f({ v: 0 }, 3000));
"#;
    let (interp, _) = run(src, bounded(), How::Interp);
    let (auto, p) = run(src, bounded(), How::Auto(100));
    assert_eq!(interp, auto);
    assert_eq!(auto.stdout, "4501500\n");
    let f = function(&p, "f");
    for (name, set) in [("v", false), ("v", true)] {
        for ic in sites(f, name, set) {
            assert_eq!((ic.len(), ic.is_mega()), (1, false));
        }
    }
    assert!(
        f.jit.helper_calls.get() <= 5,
        "f: {} helper calls",
        f.jit.helper_calls.get()
    );
}

/// A string's first raw word is its length, where an object has its shape
/// id: a string whose length equals a cached shape id must still miss (the
/// inline code checks the cell's kind before its shape).
#[test]
fn strings_never_hit_a_shape_cache() {
    let template = r#"
function getx(o) { return o.x; }
function setx(o, v) { o.x = v; }
const o = { x: 1 };
for (let i = 0; i < 3; i++) { getx(o); setx(o, 2); }
let s = "";
for (let i = 0; i < LEN; i++) s += "a";
console.log(getx(s), o.x, s.length === LEN);
try { setx(s, 5); } catch (e) { console.log(e.constructor.name); }
"#;
    let probe = template.replace("LEN", "1");
    let (_, p) = run(&probe, bounded(), How::Baseline);
    let shapes = one_site(function(&p, "getx"), "x", false).shapes();
    assert_eq!(shapes.len(), 1);
    let len = shapes[0];
    let src = template.replace("LEN", &len.to_string());
    let p = check(&src, "undefined 2 true\nTypeError\n");
    assert_eq!(
        one_site(function(&p, "getx"), "x", false).shapes(),
        vec![len]
    );
    assert_eq!(
        one_site(function(&p, "setx"), "x", true).shapes(),
        vec![len]
    );
}

#[test]
fn string_and_array_length_stay_inline() {
    let src = r#"
function lens(strs, arrs) {
  let s = 0;
  for (let i = 0; i < 1000; i++) s += strs[i & 3].length + arrs[i & 1].length;
  return s;
}
const strs = ["", "a", "hello", "x".repeat(40)];
console.log(lens(strs, [[1, 2, 3], []]));
console.log(lens(["ab", "a" + "b".repeat(40), "", "z"], [[], [0]]));
"#;
    // 250 * (0 + 1 + 5 + 40) + 500 * 3, and 250 * (2 + 41 + 0 + 1) + 500 * 1
    // (node prints the same); the second call sees a rope.
    let out = "13000\n11500\n";
    let p = check(src, out);
    let f = function(&p, "lens");
    // The rope (and nothing else) goes through the helper: 250 reads.
    assert!(
        f.jit.helper_calls.get() <= 260,
        "lens: {} helper calls",
        f.jit.helper_calls.get()
    );
}

/// Methods inherited from a grandparent's prototype are cached with a
/// chain record of the shapes on the way (depth 3 here); a store that adds
/// a property caches the shape transition (`CHAIN_ADD`, whole chain
/// checked, through inline and overflow slots). Hot loops over both stay on
/// the inline paths: only the first calls reach the helpers.
#[test]
fn prototype_chains_and_transitions_are_cached() {
    let src = r#"
class A { m() { return 1; } }
class B extends A {}
class C extends B {}
function getm(o) { return o.m; }
function add(o) { o.a = 1; o.b = 2; o.c = 3; o.d = 4; o.e = 5; o.f = 6; return o; }
const c = new C();
let n = 0;
for (let i = 0; i < 300; i++) {
  if (getm(c) === A.prototype.m) n++;
  n += add({}).f;
}
console.log(n);
"#;
    let p = check(src, "2100\n");
    let ic = one_site(function(&p, "getm"), "m", false);
    assert_eq!(ic.len(), 1);
    let words = ic
        .chain_of(&ic.entries[0], ic::CHAIN_N, ic::CHAIN_PROTOS)
        .expect("a chain record");
    assert_eq!(
        (words[ic::CHAIN_KIND], words[ic::CHAIN_N]),
        (ic::CHAIN_LOAD, 3)
    );
    let add = function(&p, "add");
    for name in ["a", "b", "c", "d", "e", "f"] {
        let ic = one_site(add, name, true);
        assert_eq!(ic.len(), 1, "{name}");
        let words = ic
            .chain_of(&ic.entries[0], ic::CHAIN_N, ic::CHAIN_PROTOS)
            .expect("a chain record");
        // The receiver's chain: Object.prototype, then null.
        assert_eq!(
            (words[ic::CHAIN_KIND], words[ic::CHAIN_N]),
            (ic::CHAIN_ADD, 1),
            "{name}"
        );
    }
    assert!(
        function(&p, "getm").jit.helper_calls.get() < 5,
        "getm: {}",
        function(&p, "getm").jit.helper_calls.get()
    );
    // Each first add of `e` allocates the object's overflow cell (helper);
    // `f` finds room in it and stays inline.
    assert!(
        add.jit.helper_calls.get() < 320,
        "add: {}",
        add.jit.helper_calls.get()
    );
}

/// A method load on a string receiver uses String.prototype's shape: one
/// entry, and the loop stays inline (flat strings and ropes alike).
#[test]
fn string_receivers_hit_string_prototype_entries() {
    let src = r#"
function code(s, i) { return s.charCodeAt(i); }
let n = 0;
const strs = ["abc", "x".repeat(40) + "y".repeat(40), "q"];
for (let i = 0; i < 300; i++) n += code(strs[i % 3], 0);
console.log(n);
"#;
    let p = check(src, "33000\n");
    let f = function(&p, "code");
    let ic = one_site(f, "charCodeAt", false);
    assert_eq!(ic.len(), 1);
    assert_eq!(
        ic.entries[0].holder.get(),
        0,
        "an own property of String.prototype"
    );
    // The call of the native itself is a helper call per iteration; the
    // load adds none after the first.
    assert!(
        f.jit.helper_calls.get() <= 310,
        "code: {}",
        f.jit.helper_calls.get()
    );
}

/// The caches of `f`'s sites whose instruction `site` names a feedback
/// slot for (in code order).
fn ics_of(f: &FuncProto, site: impl Fn(&Insn) -> Option<u16>) -> Vec<&PolyIc> {
    f.code
        .iter()
        .filter_map(|i| site(i).and_then(|fb| f.poly_ic(fb)))
        .collect()
}

/// The GetGlobal/SetGlobal sites of `f` (in code order).
fn global_sites(f: &FuncProto) -> Vec<&PolyIc> {
    ics_of(f, |i| match *i {
        Insn::GetGlobal { fb, .. } | Insn::SetGlobal { fb, .. } => Some(fb),
        _ => None,
    })
}

/// Global loads and stores are cached on the global object's shape: the
/// hot loop stays inline; a redefinition (dictionary global object) is seen
/// through the helper.
#[test]
fn global_sites_are_cached_on_the_global_shape() {
    let src = r#"
globalThis.G = 0;
const M = Math;
function loop(n) { let s = 0; for (let i = 0; i < n; i++) { G = G + 1; s += i + G + (M === Math ? 0 : 1); } return s; }
console.log(loop(300), G);
Object.defineProperty(globalThis, "G", { value: 5, writable: false, configurable: true });
try { loop(1); } catch (e) { console.log(e.message); }
"#;
    let p = check(
        src,
        "90000 300\nCannot assign to read only property 'G' of object '#<Object>'\n",
    );
    let f = function(&p, "loop");
    let globals = global_sites(f);
    // G read twice, Math read, G written.
    assert_eq!(globals.len(), 4);
    for ic in &globals {
        assert_eq!(ic.len(), 1, "{:?}", ic.shapes());
    }
    // The globals add no helper calls after the first iteration.
    assert!(
        f.jit.helper_calls.get() <= 20,
        "loop: {}",
        f.jit.helper_calls.get()
    );
}

/// Runs `source` with `Tier::Auto` at `threshold` (functions tier up with
/// their interpreter feedback) after `check` compared every tier, and
/// returns that run's prototype.
fn check_auto(source: &str, expected: &str, threshold: u32) -> Rc<FuncProto> {
    check(source, expected);
    let (auto, p) = run(source, bounded(), How::Auto(threshold));
    assert_eq!(auto.stdout, expected);
    p
}

/// The natives (`Insn::Call` sites) a function's call sites recorded.
fn natives_seen(f: &FuncProto) -> Vec<Option<InlineNative>> {
    f.code
        .iter()
        .filter_map(|i| match *i {
            Insn::Call { fb, .. } => Some(
                feedback::native_callee(f.feedback[fb as usize].get())
                    .and_then(InlineNative::of_entry),
            ),
            _ => None,
        })
        .collect()
}

/// Math functions, `push` and `charCodeAt` recorded by the interpreter's
/// call feedback are computed inline once the function tiers up: the hot
/// loop calls no helper; the push site caches the array's shape.
#[test]
fn recorded_natives_run_inline() {
    let src = r#"
function f(a, s) {
  let t = 0;
  for (let i = 0; i < 400; i++) {
    t += Math.sqrt(i) + Math.floor(i * 0.25) + Math.abs(-i) + Math.ceil(i * -0.5);
    t += Math.min(i, 7) + Math.max(i * 0.5, 2.5);
    a.push(i);
    t += s.charCodeAt(i & 3);
  }
  return t + a.length;
}
for (let k = 0; k < 3; k++) console.log(f([], "hello").toFixed(3));
"#;
    let out = "150302.628\n150302.628\n150302.628\n";
    let p = check_auto(src, out, 5);
    let f = function(&p, "f");
    use InlineNative::*;
    assert_eq!(
        natives_seen(f),
        [
            MathSqrt,
            MathFloor,
            MathAbs,
            MathCeil,
            MathMin,
            MathMax,
            ArrayPush,
            StringCharCodeAt
        ]
        .map(Some)
    );
    let push_site = f
        .code
        .iter()
        .filter_map(|i| match *i {
            Insn::Call { fb, .. } => Some(fb),
            _ => None,
        })
        .nth(6)
        .unwrap();
    assert_eq!(f.poly_ic(push_site).unwrap().len(), 1);
    // 1200 iterations of 8 native calls in baseline code: only the first
    // few miss.
    assert_eq!(f.jit.kind.get(), jolt::bytecode::record::CodeKind::Baseline);
    let calls = f.jit.helper_calls.get();
    assert!(calls <= 40, "f: {calls} helper calls");
}

/// A site that recorded Math.floor keeps its inline path guarded by the
/// callee's identity: a user function, another native or a bound function
/// put in Math.floor after tier-up is called generically (and the feedback
/// goes megamorphic, as in the interpreter).
#[test]
fn replaced_natives_are_called_generically() {
    let src = r#"
function g(x) { return Math.floor(x); }
let t = 0;
for (let i = 0; i < 300; i++) t += g(i + 0.5);
console.log(t);
const orig = Math.floor;
Math.floor = x => "u" + x;
console.log(g(1.5));
Math.floor = Math.ceil;
console.log(g(1.5));
Math.floor = orig.bind(null, 7.5);
console.log(g(1.5));
Math.floor = orig;
t = 0;
for (let i = 0; i < 300; i++) t += g(-i - 0.5);
console.log(t, Object.is(g(-0.5), -1), Object.is(g(-0), -0));
"#;
    let p = check_auto(src, "44850\nu1.5\n2\n7\n-45150 true true\n", 5);
    let g = function(&p, "g");
    let fb = g
        .code
        .iter()
        .find_map(|i| match *i {
            Insn::Call { fb, .. } => Some(fb),
            _ => None,
        })
        .unwrap();
    assert_eq!(g.feedback[fb as usize].get(), feedback::MEGA);
}

/// `instanceof` sites cache the constructor's shape (classes, plain
/// functions and natives alike): the hot loop stays inline, and replacing
/// `F.prototype` afterwards is seen without any invalidation.
#[test]
fn instanceof_sites_cache_the_constructor_shape() {
    let src = r#"
class A { }
class B extends A { }
function F() { }
function count(objs, K, n) {
  let c = 0;
  for (let i = 0; i < n; i++) if (objs[i % objs.length] instanceof K) c++;
  return c;
}
const objs = [new A(), new B(), new F(), [], 1, null];
console.log(count(objs, A, 600), count(objs, B, 600), count(objs, F, 600), count(objs, Array, 600));
F.prototype = A.prototype;
console.log(count(objs, F, 600));
"#;
    let p = check(src, "200 100 100 100\n200\n");
    let f = function(&p, "count");
    let ics: Vec<&PolyIc> = f
        .code
        .iter()
        .filter_map(|i| match *i {
            Insn::InstanceOf { fb, .. } => f.poly_ic(fb),
            _ => None,
        })
        .collect();
    assert_eq!(ics.len(), 1);
    // A and B (classes without statics share a shape), F (the same shape
    // again after its prototype was replaced: a plain assignment keeps it)
    // and Array.
    assert_eq!(ics[0].len(), 3, "{:?}", ics[0].shapes());
    // 3000 checks; the misses that filled the cache call the helper.
    let calls = f.jit.helper_calls.get();
    assert!(calls <= 20, "count: {calls} helper calls");
}

/// `hasOwnProperty` of a constant key caches (shape, atom, answer) at the
/// call site once the function tiered up with the native in its feedback:
/// the hot loop stays inline; a key string made at run time (not the
/// atom's own string) goes to the generic call with the same answers.
#[test]
fn has_own_property_answers_from_the_cache() {
    let src = r#"
function count(objs, n) {
  let c = 0;
  for (let i = 0; i < n; i++) if (objs[i % objs.length].hasOwnProperty("ab")) c++;
  return c;
}
function countDyn(objs, n, k) {
  let c = 0;
  for (let i = 0; i < n; i++) if (objs[i % objs.length].hasOwnProperty(k)) c++;
  return c;
}
const objs = [{ ab: 1 }, { y: 1 }, { ab: 1, y: 2 }, Object.create({ ab: 1 })];
for (let r = 0; r < 3; r++) console.log(count(objs, 400), countDyn(objs, 400, ["a", "b"].join("")));
"#;
    let p = check_auto(src, "200 200\n200 200\n200 200\n", 5);
    let f = function(&p, "count");
    assert_eq!(natives_seen(f), [Some(InlineNative::ObjectHasOwnProperty)]);
    let fb = f
        .code
        .iter()
        .find_map(|i| match *i {
            Insn::Call { fb, .. } => Some(fb),
            _ => None,
        })
        .unwrap();
    assert_eq!(f.poly_ic(fb).unwrap().len(), 4);
    assert_eq!(f.jit.kind.get(), jolt::bytecode::record::CodeKind::Baseline);
    let calls = f.jit.helper_calls.get();
    assert!(calls <= 20, "count: {calls} helper calls");
    // The run-time key is never the atom's string: every call is generic.
    let d = function(&p, "countDyn");
    assert!(
        d.jit.helper_calls.get() >= 800,
        "{}",
        d.jit.helper_calls.get()
    );
}

/// Getters on prototypes are called directly from baseline code (no
/// helper per read), and the call counts against the native nesting limit
/// exactly as the interpreter's `vm.call` does: recursion through getters
/// (some of which exit to the run loop for a derived-class `new`) fails
/// at the same depth in every tier.
#[test]
fn getters_are_called_directly_with_the_same_nesting_limit() {
    let src = r#"
class B0 { }
class D0 extends B0 { }
let count = 0;
class N {
  constructor(next) { this.next = next; }
  get depth() { count++; if (count % 3 === 0) new D0(); return this.next === null ? 0 : this.next.depth + 1; }
}
function listOf(n) { let h = null; for (let i = 0; i < n; i++) h = new N(h); return h; }
function probe(n) { count = 0; try { return "ok " + listOf(n).depth; } catch (e) { return e.constructor.name + " at " + count; } }
for (const n of [10, 1000, 1990, 2500, 5000]) console.log(probe(n));
console.log(probe(10));
class P { constructor(v) { this.v = v; } get twice() { return this.v * 2; } }
class Q extends P { constructor(v) { super(v); this.w = 1; } }
function sum(objs, n) { let s = 0; for (let i = 0; i < n; i++) s += objs[i & 1].twice; return s; }
console.log(sum([new P(1), new Q(2)], 1000));
"#;
    let out = "ok 9\nok 999\nok 1989\nRangeError at 1999\nRangeError at 1999\nok 9\n3000\n";
    let p = check(src, out);
    let f = function(&p, "sum");
    let calls = f.jit.helper_calls.get();
    assert!(calls <= 10, "sum: {calls} helper calls");
}

/// Setters on prototypes are called directly from baseline code: a hot
/// loop of stores through an inherited setter calls no helper, and the
/// site's entry is a setter chain record.
#[test]
fn setters_are_called_directly() {
    let src = r#"
class P { constructor() { this._v = 0; } set v(x) { this._v += x; } }
class Q extends P { constructor() { super(); this.w = 1; } }
function store(objs, n) { for (let i = 0; i < n; i++) objs[i & 1].v = i; }
const objs = [new P(), new Q()];
store(objs, 1000);
console.log(objs[0]._v, objs[1]._v);
"#;
    let p = check(src, "249500 250000\n");
    let f = function(&p, "store");
    let ic = one_site(f, "v", true);
    assert_eq!(ic.len(), 2);
    for e in &ic.entries[..2] {
        let words = ic
            .chain_of(e, ic::CHAIN_N, ic::CHAIN_PROTOS)
            .expect("a chain");
        assert_eq!(words[ic::CHAIN_KIND], ic::CHAIN_SETTER);
    }
    let calls = f.jit.helper_calls.get();
    assert!(calls <= 10, "store: {calls} helper calls");
}

/// `new` sites cache the constructor's shape (the location of its own
/// `prototype`) and allocate `this` inline: a hot loop of `new` calls no
/// helper once the cache is filled (the heap is large enough that no
/// collection is due), objects survive collections under gc_stress (where
/// inline allocation is off), and a replaced `F.prototype` is seen.
#[test]
fn new_sites_allocate_this_inline() {
    let src = r#"
class P { constructor(x) { this.x = x; } get() { return this.x; } }
function F(a, b) { this.a = a; this.b = b; }
function build(K, n) {
  let last = null, s = 0;
  for (let i = 0; i < n; i++) { last = new K(i, last); s += i; }
  return s;
}
console.log(build(P, 2000), build(F, 2000), new P(5).get());
const old = F.prototype;
F.prototype = { tag: "new" };
const o = new F(1, 2);
console.log(o.tag, Object.getPrototypeOf(o) === F.prototype, Object.getPrototypeOf(new P(1)) === P.prototype);
F.prototype = 7;
console.log(Object.getPrototypeOf(new F(1, 2)) === Object.prototype, old.constructor === F);
"#;
    let p = check(src, "1999000 1999000 5\nnew true true\ntrue true\n");
    let f = function(&p, "build");
    let ics: Vec<&PolyIc> = f
        .code
        .iter()
        .filter_map(|i| match *i {
            Insn::New { fb, .. } => f.poly_ic(fb),
            _ => None,
        })
        .collect();
    assert_eq!(ics.len(), 1);
    // P (a class: `prototype` not writable) and F (a plain function).
    assert_eq!(ics[0].len(), 2, "{:?}", ics[0].shapes());
    // 4000 `new`s; only the first of each constructor makes `this` in the
    // helper (the constructors' own stores are in their own code).
    let calls = f.jit.helper_calls.get();
    assert!(calls <= 10, "build: {calls} helper calls");
}

/// `s.length`, `s[i]`, `s.charAt(i)` and `s.charCodeAt(i)` of a rope that
/// was flattened stay inline (the rope's flat string is read).
#[test]
fn flattened_ropes_are_read_inline() {
    let src = r#"
function scan(s) {
  let n = 0, c = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "a") n++;
    if (s.charAt(i) === "b") n++;
    c = (c + s.charCodeAt(i)) | 0;
  }
  return n + " " + c;
}
let t = "";
for (let i = 0; i < 300; i++) t += "ab" + (i % 10);
console.log(scan("abc"), scan(t), scan(t));
"#;
    let p = check_auto(src, "2 294 600 74250 600 74250\n", 2);
    let f = function(&p, "scan");
    assert_eq!(
        natives_seen(f),
        [
            Some(InlineNative::StringCharAt),
            Some(InlineNative::StringCharCodeAt)
        ]
    );
    // 2 x 900 iterations over the flattened rope: the flattening and the
    // first calls of each native go to helpers, the rest stays inline.
    let calls = f.jit.helper_calls.get();
    assert!(calls <= 40, "scan: {calls} helper calls");
}

/// `in` sites cache (receiver shape, key) with the answer proved by the
/// receiver's shape (own keys) or a chain record (inherited or absent
/// keys): the hot loop stays inline, and a key added on the prototype
/// afterwards (a new prototype shape) is seen.
#[test]
fn in_sites_answer_from_shapes() {
    let src = r#"
const proto = { p: 1 };
const objs = [{ x: 1 }, Object.create(proto), { y: 2, x: 3 }];
function count(k, n) {
  let c = 0;
  for (let i = 0; i < n; i++) if (k in objs[i % 3]) c++;
  return c;
}
console.log(count("x", 600), count("p", 600), count("zz", 600));
proto.zz = 1;
console.log(count("zz", 600));
"#;
    let p = check(src, "400 200 0\n200\n");
    let f = function(&p, "count");
    let ics: Vec<&PolyIc> = f
        .code
        .iter()
        .filter_map(|i| match *i {
            Insn::In { fb, .. } => f.poly_ic(fb),
            _ => None,
        })
        .collect();
    assert_eq!(ics.len(), 1);
    // Three receiver shapes (the key word of each entry is the last key seen).
    assert_eq!(ics[0].len(), 3, "{:?}", ics[0].shapes());
    // 2400 checks; each key change refills the three entries.
    let calls = f.jit.helper_calls.get();
    assert!(calls <= 30, "count: {calls} helper calls");
}

/// The GetElem/SetElem sites of `f` (in code order).
fn elem_sites(f: &FuncProto) -> Vec<&PolyIc> {
    ics_of(f, |i| match *i {
        Insn::GetElem { fb, .. } | Insn::SetElem { fb, .. } => Some(fb),
        _ => None,
    })
}

/// Keyed sites with string keys cache (atom, shape) pairs: own loads and
/// stores, an inherited method, property-adding stores (transitions) stay
/// inline; past four pairs a site fills its hash table; keys that are no
/// atom strings (built at run time) are served from the same cache by the
/// helper; a site whose pairs keep changing stops caching.
#[test]
fn keyed_sites_cache_atom_shape_pairs() {
    let src = r#"
const keys = ["a", "b", "c"];
function hot(o, n) {
  let s = 0;
  for (let i = 0; i < n; i++) { const k = keys[i % 3]; o[k] = o[k] + i; s += o[k]; }
  return s;
}
class P { m() { return 5; } }
function inherited(o, n) { let s = 0; const k = "m"; for (let i = 0; i < n; i++) s += o[k](); return s; }
function adds(n) {
  let s = 0;
  for (let i = 0; i < n; i++) { const o = {}; for (let j = 0; j < 3; j++) o[keys[j]] = i + j; s += o.c; }
  return s;
}
const many = ["k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "k10", "k11"];
function wide(objs, n) {
  let s = 0;
  for (let i = 0; i < n; i++) { const o = objs[i % objs.length]; s += o[many[i % 12]]; }
  return s;
}
const objs = [];
for (let j = 0; j < 3; j++) { const o = { pad: j }; for (let i = 0; i < 12; i++) o[many[i]] = i + j; objs.push(o); }
function built(o, n) {
  let s = 0;
  for (let i = 0; i < n; i++) { const k = ("a" + i).substring(0, 1); s += o[k]; }
  return s;
}
function churn(n) {
  let s = 0;
  for (let i = 0; i < n; i++) { const o = { [("q" + i)]: i }; s += o["q" + i]; }
  return s;
}
const o = { a: 1, b: 2, c: 3 };
console.log(hot(o, 300), o.a, o.b, o.c, inherited(new P(), 300), adds(300));
console.log(wide(objs, 720), built(o, 300), churn(1500));
"#;
    let p = check(
        src,
        "1515600 14851 14952 15053 1500 45450\n4680 4455300 1124250\n",
    );
    let hot = function(&p, "hot");
    let ics = elem_sites(hot);
    // `keys[i % 3]`, `o[k]` read twice, `o[k] =`.
    assert_eq!(ics.len(), 4);
    for ic in &ics[1..] {
        assert_eq!(ic.len(), 3, "one shape, three keys: {:?}", ic.shapes());
    }
    let calls = hot.jit.helper_calls.get();
    assert!(calls <= 20, "hot: {calls} helper calls");
    let inh = function(&p, "inherited");
    let ic = elem_sites(inh)[0];
    assert_eq!(ic.len(), 1);
    assert_ne!(ic.entries[0].holder.get(), 0, "a prototype's method");
    let adds = function(&p, "adds");
    let set = elem_sites(adds)[1];
    assert_eq!(set.len(), 3, "three transitions: {:?}", set.shapes());
    assert!(set.entries[..3].iter().all(|e| e.holder.get() != 0));
    // `{}` is a helper call per iteration (300); the 900 stores add none
    // after warm-up.
    let calls = adds.jit.helper_calls.get();
    assert!(calls <= 330, "adds: {calls} helper calls");
    // 36 pairs through one site: its table.
    let wide = function(&p, "wide");
    let ic = elem_sites(wide)[2];
    assert!(ic.is_mega() && ic.table.get() != 0 && !ic.table_closed());
    let calls = wide.jit.helper_calls.get();
    assert!(calls <= 100, "wide: {calls} helper calls");
    // Fresh strings as keys: the helper, from the cache.
    let b = function(&p, "built");
    assert_eq!(elem_sites(b)[0].len(), 1);
    // A new pair at every access: the site gave up caching.
    let churn = function(&p, "churn");
    let ic = elem_sites(churn)[0];
    assert!(ic.is_mega() && ic.table_closed());
}

/// Global sites read and write through the global's property cell: adding
/// globals (new shapes, then a dictionary global object) costs the hot
/// loop no helper calls; deleting the global empties the cell.
#[test]
fn global_sites_read_through_property_cells() {
    let src = r#"
globalThis.C = 0;
function loop(n) { let s = 0; for (let i = 0; i < n; i++) { C = C + 1; s += C; } return s; }
let t = 0;
for (let r = 0; r < 100; r++) { globalThis["x" + r] = r; t += loop(10); }
console.log(t, C);
delete globalThis.C;
try { loop(1); } catch (e) { console.log(e.message); }
globalThis.C = 5;
console.log(loop(3));
"#;
    let p = check(src, "500500 1000\nC is not defined\n21\n");
    let f = function(&p, "loop");
    let sites = global_sites(f);
    assert_eq!(sites.len(), 3);
    for ic in &sites {
        assert_ne!(ic.cell.get(), 0, "the site records C's cell");
        // The shape entries (tier 2's) are only made by the helper, which
        // the shape changes no longer call.
        assert!(ic.len() <= 2, "{:?}", ic.shapes());
    }
    assert_eq!(
        sites[0].cell.get(),
        sites[2].cell.get(),
        "one cell per global"
    );
    // 1000 iterations under 100 global-object shapes: a few helper calls
    // per shape change at most would be 300; the cells need ~6 (the first
    // calls, the deletion, the recreation).
    let calls = f.jit.helper_calls.get();
    assert!(calls <= 20, "loop: {calls} helper calls");
}
