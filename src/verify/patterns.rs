//! JIT-shaped program fragments: warm a site up, then change what it sees.
//!
//! Each [`Pattern`] is one named way JIT code goes wrong in practice: an
//! inline cache, a type speculation or a call target is right for what the
//! site saw while it warmed up (a loop or repeated calls past the tier
//! thresholds of the plans: `auto-threshold-1`, `auto-random` up to 200,
//! `baseline` from the start) and wrong for what comes after. [`snippet`]
//! writes one as source lines; the source generator (`gen_source`) emits
//! them as statements, the bytecode generator (`gen_bytecode`) compiles
//! one inside a function and calls it as a child of the generated script,
//! so both `jolt fuzz` targets and the cargo-fuzz targets reach them.
//!
//! Invariants of a snippet:
//! - self-contained: it declares every name it uses (all prefixed with the
//!   caller's fresh prefix) and reads nothing of the surrounding program,
//!   so it compiles inside any function;
//! - valid for node (the oracle): no unspecified behaviour, engine errors
//!   are printed by name only (`e.name`, never the message), every warm-up
//!   loop is counted (at most [`MAX_WARM`] iterations; the one loop of
//!   `long-osr-loop` up to 12,000 and `induction-loop`'s up to 170,000
//!   in all, past the fuzz fuel) so the whole snippet costs a few hundred
//!   fuel units;
//! - it prints what the changed site computes, so a wrong result shows.

use arbitrary::{Result, Unstructured};

/// Warm-up loop lengths: below, around and above the thresholds the
/// plans use (1, a schedule's 1..=200).
const WARM: &[u32] = &[3, 12, 30, 70, 150, 210];
/// The longest warm-up.
pub const MAX_WARM: u32 = 210;

/// Values that break speculation: doubles, -0, NaN, int32 edges, strings,
/// objects with `valueOf`, nullish values, booleans.
const ODD: &[&str] = &[
    "1.5",
    "-0",
    "NaN",
    "2147483647",
    "-2147483648",
    "2147483648",
    "4294967295",
    "-1",
    "\"7\"",
    "\"ab\"",
    "\"\"",
    "undefined",
    "null",
    "true",
    "({ valueOf() { return 3; } })",
    "[2]",
    "Infinity",
    "1e21",
];

/// The named patterns (the status line and `--json-stats` count them).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Pattern {
    /// An arithmetic or bitwise site warmed with int32, then a double, -0,
    /// NaN, a string, an object with `valueOf`, an int32 overflow.
    ArithTypeChange,
    /// A property-get site warmed with one shape, then other shapes, a
    /// primitive, an object inheriting the property.
    NewShapeAtGet,
    /// A property-store site that adds a property (a cached transition),
    /// warmed from one shape, then given objects of another shape.
    StoreTransition,
    /// A property found on a prototype at depth 1..3; then the prototype
    /// gains, loses or redefines it, or a nearer object shadows it.
    ProtoChange,
    /// Objects with the same own shape but different prototypes at one
    /// site.
    SameShapeOtherProto,
    /// `Object.setPrototypeOf` on an object whose site is warm.
    SetPrototypeOf,
    /// A data property replaced by a getter (and an accessor on a prototype
    /// read through several receivers: `this` must be the receiver; then
    /// its getter redefined in place, the prototype's shape unchanged).
    GetterReplacesData,
    /// An element site warmed on a packed int array; then the array turns
    /// holey, gets a double or a string, or `length` is set below or
    /// beyond its elements.
    ArrayChange,
    /// An element store warmed on an array that is then frozen.
    FrozenStore,
    /// A call site whose callee is replaced after it warmed up.
    CalleeReplaced,
    /// A constructor that starts returning an object or a primitive.
    CtorReturn,
    /// One site seeing ropes (concatenations) and flat strings.
    RopeAndFlat,
    /// Compares and shifts warmed with small ints, then -0, NaN, int32
    /// boundaries; `===` warmed on objects, then strings and numbers.
    CompareShiftEdges,
    /// Exceptions thrown and caught inside a loop that is OSR'd, and from a
    /// callee that starts throwing after warm-up.
    ThrowInHotLoop,
    /// A function warmed with its arity, then called with fewer and more
    /// arguments.
    ArgcMismatch,
    /// A global read by a warm function, then redefined.
    GlobalRedefined,
    /// One long loop (thousands of back edges): OSR'd at every threshold,
    /// and sometimes longer than the fuzz fuel, so the fuel spent at the
    /// back edges that switch tiers decides where every plan stops.
    LongOsrLoop,
    /// Ten int32 values live across a hot loop (and a swap of two of
    /// them): more than the allocatable registers, so an optimizing tier
    /// spills, reloads and moves them in parallel at the back edge.
    RegisterPressure,
    /// A call site warmed on a native the baseline tier computes inline
    /// (`Math.floor/ceil/abs/sqrt/min/max`, `charCodeAt`, `charAt`), with
    /// arguments that move from int32s to negative fractions, -0, NaN,
    /// strings, out-of-range indices, ropes; then the native replaced.
    NativeEdges,
    /// A function whose loop is pure int32 induction arithmetic (`s += i`,
    /// `t += x`, `i++` up to n: tier 2 replaces it by its closed form),
    /// called with growing n, a start below 0 or past n, sums that leave
    /// the int32 range, and often more iterations in all than the fuzz
    /// fuel, so the fuel the closed form takes decides where plans stop.
    InductionLoop,
    /// Small functions and a method calling a branchy leaf (two levels:
    /// tier 2 inlines both), warmed in a loop called a few times, then
    /// called with doubles, strings, nullish values, int32 edges and
    /// another receiver: guards fail inside the inlined callees, one and
    /// two levels deep, on either branch.
    InlinedCalls,
    /// Keyed sites `o[k]` and `o[k] = v` warmed on atom-string keys over
    /// objects that hold the same keys in other slots (so a pair cached
    /// for one shape is wrong for the other), then: more shapes than the
    /// inline pairs (the megamorphic table), a key redefined as a getter
    /// or setter, a prototype holding the key, a deleted key, keys that
    /// are no atoms (substrings, joins), numeric-string and int keys, a
    /// string receiver.
    KeyedAccess,
    /// An element-wise loop over Float64Arrays (`c[i] = a[i] * x + b[i]`
    /// and others: tier 2 makes vector loops of them) called with odd
    /// lengths 0..33 (every remainder of the vector width), NaN, -0 and
    /// infinities among the elements, a start past 0, views of one buffer
    /// that overlap (dst ahead of or behind a source) and an Int32Array
    /// source or destination.
    TypedKernel,
}

impl Pattern {
    pub const ALL: [Pattern; 23] = [
        Pattern::ArithTypeChange,
        Pattern::NewShapeAtGet,
        Pattern::StoreTransition,
        Pattern::ProtoChange,
        Pattern::SameShapeOtherProto,
        Pattern::SetPrototypeOf,
        Pattern::GetterReplacesData,
        Pattern::ArrayChange,
        Pattern::FrozenStore,
        Pattern::CalleeReplaced,
        Pattern::CtorReturn,
        Pattern::RopeAndFlat,
        Pattern::CompareShiftEdges,
        Pattern::ThrowInHotLoop,
        Pattern::ArgcMismatch,
        Pattern::GlobalRedefined,
        Pattern::LongOsrLoop,
        Pattern::RegisterPressure,
        Pattern::NativeEdges,
        Pattern::InductionLoop,
        Pattern::InlinedCalls,
        Pattern::KeyedAccess,
        Pattern::TypedKernel,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Pattern::ArithTypeChange => "arith-type-change",
            Pattern::NewShapeAtGet => "new-shape-at-get",
            Pattern::StoreTransition => "store-transition",
            Pattern::ProtoChange => "proto-change",
            Pattern::SameShapeOtherProto => "same-shape-other-proto",
            Pattern::SetPrototypeOf => "set-prototype-of",
            Pattern::GetterReplacesData => "getter-replaces-data",
            Pattern::ArrayChange => "array-change",
            Pattern::FrozenStore => "frozen-store",
            Pattern::CalleeReplaced => "callee-replaced",
            Pattern::CtorReturn => "ctor-return",
            Pattern::RopeAndFlat => "rope-and-flat",
            Pattern::CompareShiftEdges => "compare-shift-edges",
            Pattern::ThrowInHotLoop => "throw-in-hot-loop",
            Pattern::ArgcMismatch => "argc-mismatch",
            Pattern::GlobalRedefined => "global-redefined",
            Pattern::LongOsrLoop => "long-osr-loop",
            Pattern::RegisterPressure => "register-pressure",
            Pattern::NativeEdges => "native-edges",
            Pattern::InductionLoop => "induction-loop",
            Pattern::InlinedCalls => "inlined-calls",
            Pattern::KeyedAccess => "keyed-access",
            Pattern::TypedKernel => "typed-kernel",
        }
    }
}

/// One pattern (chosen from `u`) as source lines; every name starts with
/// `p` (a fresh prefix such as `j3`).
pub fn snippet(u: &mut Unstructured, p: &str) -> Result<(Pattern, Vec<String>)> {
    let pat = *u.choose(&Pattern::ALL)?;
    let w = *u.choose(WARM)?;
    let odd = |u: &mut Unstructured| -> Result<&'static str> { Ok(*u.choose(ODD)?) };
    let mut l: Vec<String> = Vec::new();
    match pat {
        Pattern::ArithTypeChange => {
            let op = *u.choose(&[
                "+", "-", "*", "/", "%", "|", "&", "^", "<<", ">>", ">>>", "**",
            ])?;
            let (x, y) = (odd(u)?, odd(u)?);
            l.push(format!("function {p}f(a, b) {{ return a {op} b; }}"));
            l.push(format!("let {p}r = 0;"));
            if u.ratio(1, 2)? {
                // The change inside the warm loop itself (an OSR'd loop).
                l.push(format!(
                    "for (let i = 0; i < {w}; i++) {{ {p}r = {p}f(i < {} ? i : {x}, (i & 3) + 1); }}",
                    w - 1
                ));
            } else {
                l.push(format!(
                    "for (let i = 0; i < {w}; i++) {{ {p}r = {p}f(i, (i & 3) + 1); }}"
                ));
            }
            l.push(format!(
                "print({p}r, {p}f({x}, {y}), {p}f(2147483647, 1), {p}f(-0, 1), {p}f({y}, 3));"
            ));
        }
        Pattern::NewShapeAtGet => {
            let x = odd(u)?;
            l.push(format!("function {p}g(o) {{ return o.x; }}"));
            l.push(format!("const {p}a = {{ x: 1, y: 2 }};"));
            l.push(format!("let {p}s = 0;"));
            l.push(format!(
                "for (let i = 0; i < {w}; i++) {{ {p}s += {p}g({p}a); }}"
            ));
            l.push(format!(
                "print({p}s, {p}g({{ y: 5, x: {x} }}), {p}g({{ x: \"s\" }}), {p}g({{}}), {p}g(Object.create({{ x: 9 }})), {p}g(\"str\"), {p}g([1]));"
            ));
            if u.ratio(1, 2)? {
                l.push(format!("delete {p}a.x;"));
                l.push(format!("print({p}g({p}a), {p}g({p}a));"));
            }
        }
        Pattern::StoreTransition => {
            let x = odd(u)?;
            l.push(format!("function {p}t(o, v) {{ o.n = v; return o; }}"));
            l.push(format!("let {p}o = null;"));
            l.push(format!(
                "for (let i = 0; i < {w}; i++) {{ {p}o = {p}t({{}}, i); }}"
            ));
            let other = *u.choose(&[
                "{ a: 1 }",
                "{ a: 1, b: 2 }",
                "{ n: 0 }",
                "Object.create({ n: 4 })",
                "[]",
            ])?;
            l.push(format!(
                "const {p}b = {p}t({other}, {x}); print(JSON.stringify({p}b), {p}b.n, {p}b.a, JSON.stringify({p}o));"
            ));
            l.push(format!(
                "const {p}c = {p}t({{}}, 1); {p}c.a = 2; print(JSON.stringify({p}c), JSON.stringify({p}t({{ z: 1 }}, 3)));"
            ));
        }
        Pattern::ProtoChange => {
            let depth = u.int_in_range(1..=3u32)?;
            let read = *u.choose(&["o.k", "o.m()"])?;
            l.push(format!(
                "const {p}base = {{ k: 1, m() {{ return this.k; }} }};"
            ));
            let mut cur = format!("{p}base");
            for d in 1..depth {
                l.push(format!("const {p}mid{d} = Object.create({cur});"));
                cur = format!("{p}mid{d}");
            }
            l.push(format!("const {p}o = Object.create({cur});"));
            l.push(format!("{p}o.own = 1;"));
            l.push(format!("function {p}r(o) {{ return {read}; }}"));
            l.push(format!("let {p}s = 0;"));
            // Half the time (by the draws made so far, so the choices
            // after it stay where they were) the site also sees a second
            // receiver of another shape on the same chain: a polymorphic
            // load through prototypes (tier 2's `LoadProp` with chain
            // cases).
            let (recv, other) = if (w + depth) % 2 == 1 {
                l.push(format!("const {p}q = Object.create({cur}); {p}q.q = 1;"));
                (format!("(i & 1 ? {p}o : {p}q)"), format!("{p}q"))
            } else {
                (format!("{p}o"), format!("{p}o"))
            };
            l.push(format!(
                "for (let i = 0; i < {w}; i++) {{ {p}s += {p}r({recv}); }}"
            ));
            let holder = if depth > 1 && u.ratio(1, 2)? {
                format!("{p}mid{}", u.int_in_range(1..=depth - 1)?)
            } else {
                format!("{p}base")
            };
            let change = match u.int_in_range(0..=5u8)? {
                0 => format!("{holder}.k = 5;"),
                1 => format!("delete {p}base.k; delete {p}base.m;"),
                2 => format!("{p}o.k = 7; {p}o.m = () => 8;"),
                3 => format!(
                    "Object.defineProperty({holder}, \"k\", {{ get() {{ return 6; }}, configurable: true }});"
                ),
                4 => format!("{holder}.m = function () {{ return \"m\" + this.own; }};"),
                _ => format!("{p}base.k = \"s\"; {p}base.m = function () {{ return 2.5; }};"),
            };
            l.push(change);
            l.push(format!(
                "try {{ print({p}s, {p}r({p}o), {p}r({other})); }} catch (e) {{ print(e.name); }}"
            ));
        }
        Pattern::SameShapeOtherProto => {
            l.push(format!(
                "const {p}p1 = {{ k: 1, m() {{ return 10; }} }}; const {p}p2 = {{ k: 2, m() {{ return 20; }} }};"
            ));
            l.push(format!(
                "const {p}o1 = Object.create({p}p1); {p}o1.a = 1; const {p}o2 = Object.create({p}p2); {p}o2.a = 1;"
            ));
            l.push(format!("function {p}g(o) {{ return o.k + o.m() + o.a; }}"));
            l.push(format!("let {p}s = 0;"));
            l.push(format!(
                "for (let i = 0; i < {w}; i++) {{ {p}s += {p}g({p}o1); }}"
            ));
            l.push(format!(
                "print({p}s, {p}g({p}o2), {p}g({p}o1), {p}g(Object.create({p}p2)));"
            ));
            if u.ratio(1, 2)? {
                l.push(format!(
                    "class {p}A {{ constructor() {{ this.v = 1; }} f() {{ return 1; }} }} class {p}B {{ constructor() {{ this.v = 1; }} f() {{ return 2; }} }}"
                ));
                l.push(format!("function {p}h(o) {{ return o.f() + o.v; }}"));
                // For some warm-up lengths (no draw: the choices after it
                // stay where they were) the call sees both classes: a
                // megamorphic site whose callees tier 2 inlines behind a
                // dispatch.
                let recv = if w % 30 == 0 {
                    format!("i & 1 ? new {p}A() : new {p}B()")
                } else {
                    format!("new {p}A()")
                };
                l.push(format!(
                    "for (let i = 0; i < {w}; i++) {{ {p}s += {p}h({recv}); }}"
                ));
                l.push(format!("print({p}s, {p}h(new {p}B()));"));
            }
        }
        Pattern::SetPrototypeOf => {
            l.push(format!("const {p}o = {{ a: 1 }};"));
            l.push(format!("function {p}g(o) {{ return o.k; }}"));
            l.push(format!("let {p}s = 0;"));
            l.push(format!(
                "for (let i = 0; i < {w}; i++) {{ {p}s += {p}g({p}o) === undefined ? 1 : 0; }}"
            ));
            let proto = *u.choose(&["{ k: 5 }", "{ get k() { return this.a + 1; } }", "null"])?;
            l.push(format!("Object.setPrototypeOf({p}o, {proto});"));
            l.push(format!("print({p}s, {p}g({p}o), {p}g({p}o));"));
            l.push(format!(
                "Object.setPrototypeOf({p}o, Object.create({{ k: \"deep\" }})); print({p}g({p}o));"
            ));
        }
        Pattern::GetterReplacesData => {
            l.push(format!("const {p}o = {{ x: 1, y: 2 }};"));
            l.push(format!("function {p}g(o) {{ return o.x; }}"));
            l.push(format!("let {p}s = 0;"));
            l.push(format!(
                "for (let i = 0; i < {w}; i++) {{ {p}s += {p}g({p}o); }}"
            ));
            l.push(format!(
                "Object.defineProperty({p}o, \"x\", {{ get() {{ return this.y * 10; }}, configurable: true }});"
            ));
            l.push(format!("print({p}s, {p}g({p}o));"));
            // An accessor on a prototype, read through several receivers.
            l.push(format!(
                "const {p}pr = {{ get v() {{ return this.id; }}, set v(x) {{ this.id = x * 2; }} }};"
            ));
            l.push(format!(
                "const {p}a = Object.create({p}pr); {p}a.id = 1; const {p}b = Object.create({p}pr); {p}b.id = 2;"
            ));
            l.push(format!("function {p}v(o) {{ return o.v; }}"));
            l.push(format!(
                "for (let i = 0; i < {w}; i++) {{ {p}s += {p}v({p}a); }}"
            ));
            // The getter redefined in place (the prototype keeps its
            // shape): only a check of the function the pair holds sees it.
            l.push(format!(
                "Object.defineProperty({p}pr, \"v\", {{ get() {{ return this.id + 100; }}, set(x) {{ this.id = x * 2; }}, configurable: true }});"
            ));
            l.push(format!(
                "{p}b.v = 21; print({p}s, {p}v({p}b), {p}v({p}a), {p}b.id);"
            ));
        }
        Pattern::ArrayChange => {
            let x = odd(u)?;
            l.push(format!("const {p}a = [1, 2, 3, 4];"));
            l.push(format!("function {p}e(a, i) {{ return a[i]; }}"));
            l.push(format!("let {p}s = 0;"));
            l.push(format!(
                "for (let i = 0; i < {w}; i++) {{ {p}s += {p}e({p}a, i & 3); }}"
            ));
            let change = match u.int_in_range(0..=5u8)? {
                0 => format!("{p}a[9] = 5;"),
                1 => format!("delete {p}a[1];"),
                2 => format!("{p}a.length = 2;"),
                3 => format!("{p}a.length = 8;"),
                4 => format!("{p}a[0] = {x};"),
                _ => format!("{p}a.push({x});"),
            };
            l.push(change);
            l.push(format!(
                "print({p}s, {p}e({p}a, 0), {p}e({p}a, 1), {p}e({p}a, 3), {p}e({p}a, 7), {p}a.length, {p}a.join(\",\"));"
            ));
            l.push(format!(
                "function {p}st(a, i, v) {{ a[i] = v; return a.length; }}"
            ));
            l.push(format!(
                "for (let i = 0; i < {w}; i++) {{ {p}st({p}a, i & 1, i); }}"
            ));
            l.push(format!(
                "print({p}st({p}a, 12, {x}), {p}st({p}a, 0, 1.5), {p}a.join(\",\"));"
            ));
        }
        Pattern::FrozenStore => {
            l.push(format!("const {p}a = [1, 2, 3]; const {p}o = {{ x: 1 }};"));
            l.push(format!(
                "function {p}w(a, i, v) {{ a[i] = v; return a[i]; }} function {p}px(o, v) {{ o.x = v; return o.x; }}"
            ));
            l.push(format!("let {p}s = 0;"));
            l.push(format!(
                "for (let i = 0; i < {w}; i++) {{ {p}s += {p}w({p}a, i % 3, i) + {p}px({p}o, i); }}"
            ));
            l.push(format!("Object.freeze({p}a); Object.freeze({p}o);"));
            l.push(format!(
                "try {{ {p}w({p}a, 1, 99); }} catch (e) {{ print(e.name); }} try {{ {p}px({p}o, 99); }} catch (e) {{ print(e.name); }}"
            ));
            l.push(format!(
                "print({p}s, {p}a.join(\",\"), {p}o.x, Object.isFrozen({p}a));"
            ));
        }
        Pattern::CalleeReplaced => {
            l.push(format!("let {p}h = (x) => x + 1;"));
            l.push(format!("function {p}c(x) {{ return {p}h(x); }}"));
            l.push(format!("let {p}s = 0;"));
            l.push(format!(
                "for (let i = 0; i < {w}; i++) {{ {p}s += {p}c(i); }}"
            ));
            let repl = *u.choose(&[
                "function (x, y) { return \"r\" + x + y; }",
                "(x) => { throw new RangeError(\"no\"); }",
                "Math.max",
                "class { }",
                "7",
            ])?;
            l.push(format!("{p}h = {repl};"));
            l.push(format!(
                "try {{ print({p}s, {p}c(1), {p}c(2)); }} catch (e) {{ print(e.name); }}"
            ));
        }
        Pattern::CtorReturn => {
            let ret = *u.choose(&["{ o: x }", "7", "\"s\"", "null", "[x]", "undefined"])?;
            l.push(format!(
                "function {p}C(x) {{ this.x = x; if (x >= {}) return {ret}; }}",
                w - 1
            ));
            l.push(format!("let {p}s = 0;"));
            l.push(format!(
                "for (let i = 0; i < {w}; i++) {{ const o = new {p}C(i); {p}s += typeof o.x === \"number\" ? 1 : 0; }}"
            ));
            l.push(format!(
                "print({p}s, JSON.stringify(new {p}C({w})), JSON.stringify(new {p}C(0)));"
            ));
            l.push(format!(
                "class {p}K {{ constructor(x) {{ this.y = x; if (x > 2) return {{ z: x }}; }} }}"
            ));
            l.push(format!(
                "for (let i = 0; i < {w}; i++) {{ {p}s += new {p}K(i & 1).y; }}"
            ));
            l.push(format!(
                "print({p}s, JSON.stringify(new {p}K(5)), new {p}K(5) instanceof {p}K);"
            ));
        }
        Pattern::RopeAndFlat => {
            l.push(format!(
                "function {p}l(s) {{ return s.length + \":\" + s.charCodeAt(1) + \":\" + s[2] + \":\" + (s === \"abcd\") + \":\" + s.indexOf(\"c\"); }}"
            ));
            l.push(format!("let {p}r = \"\";"));
            l.push(format!(
                "for (let i = 0; i < {w}; i++) {{ {p}r = {p}l(i & 1 ? \"abcd\" : \"ab\" + \"cd\"); }}"
            ));
            l.push(format!(
                "let {p}b = \"a\"; for (let i = 0; i < 12; i++) {{ {p}b = {p}b + \"bc\"[i & 1]; }}"
            ));
            l.push(format!(
                "print({p}r, {p}l({p}b), {p}l(\"ab\" + \"cd\"), {p}l(\"ab\".concat(\"cd\")), {p}l({p}b.slice(0, 4)));"
            ));
        }
        Pattern::CompareShiftEdges => {
            let (x, y) = (odd(u)?, odd(u)?);
            l.push(format!(
                "function {p}k(a, b) {{ return [a < b, a <= b, a > b, a >= b, a === b, a == b, a !== b, a >> b, a >>> b, a << b, a | b, 1 / a].join(\",\"); }}"
            ));
            l.push(format!("let {p}r = \"\";"));
            l.push(format!(
                "for (let i = 0; i < {w}; i++) {{ {p}r = {p}k(i - 5, i & 7); }}"
            ));
            l.push(format!("print({p}r);"));
            l.push(format!(
                "print({p}k(-0, 0)); print({p}k(NaN, NaN)); print({p}k(2147483647, 1)); print({p}k(-2147483648, 31)); print({p}k({x}, {y}));"
            ));
            l.push(format!(
                "print({p}k(4294967295, 32)); print({p}k(2147483648, -1));"
            ));
            // `===` warmed on objects and null (tier 2 compares bits after
            // checking one side is neither a number nor a string), then
            // equal strings in different cells and numbers.
            l.push(format!(
                "const {p}o = {{ a: 1 }}; function {p}e(a, b) {{ return a === b ? 1 : a !== b ? 2 : 3; }}"
            ));
            l.push(format!(
                "for (let i = 0; i < {w}; i++) {{ {p}r = {p}e(i & 1 ? {p}o : null, {p}o) + {p}e({p}o, {{}}); }}"
            ));
            l.push(format!(
                "print({p}r, {p}e(\"ab\" + String.fromCharCode(99), \"abc\"), {p}e(1.5, 1.5), {p}e(0, -0), {p}e(NaN, NaN), {p}e({x}, {x}), {p}e({p}o, {p}o));"
            ));
        }
        Pattern::ThrowInHotLoop => {
            let k = u.int_in_range(2..=9u32)?;
            l.push(format!("let {p}c = 0;"));
            l.push(format!(
                "for (let i = 0; i < {w}; i++) {{ try {{ if (i % {k} === {}) throw new Error(\"e\" + i); {p}c += i; }} catch (e) {{ {p}c += e.message.length; }} finally {{ {p}c++; }} }}",
                k - 1
            ));
            l.push(format!(
                "function {p}t(i) {{ if (i >= {}) throw i; return i; }}",
                w / 2
            ));
            l.push(format!(
                "for (let i = 0; i < {w}; i++) {{ try {{ {p}c += {p}t(i); }} catch (e) {{ {p}c -= e; }} }}"
            ));
            l.push(format!("print({p}c);"));
        }
        Pattern::ArgcMismatch => {
            l.push(format!(
                "function {p}a(a, b, c) {{ return [a, b, c].join(\"/\") + \"#\" + arguments.length; }}"
            ));
            l.push(format!(
                "const {p}d = (a, b = 2, ...r) => a + b + r.length;"
            ));
            l.push(format!("let {p}r = \"\";"));
            l.push(format!(
                "for (let i = 0; i < {w}; i++) {{ {p}r = {p}a(i, 1, 2) + {p}d(i, 1); }}"
            ));
            l.push(format!(
                "print({p}r, {p}a(), {p}a(1), {p}a(1, 2, 3, 4, 5), {p}d(1), {p}d(1, 2, 3, 4));"
            ));
        }
        Pattern::LongOsrLoop => {
            let n = *u.choose(&[1500u32, 4000, 9000, 12000])?;
            let k = u.int_in_range(1..=7u32)?;
            l.push(format!("let {p}a = 0;"));
            l.push(format!(
                "for (let i = 0; i < {n}; i++) {{ {p}a = ({p}a + i * {k}) | 0; if ((i & 1023) === 1023) print({p}a); }}"
            ));
            l.push(format!("print({p}a);"));
        }
        Pattern::KeyedAccess => {
            let x = odd(u)?;
            l.push(format!(
                "function {p}g(o, k) {{ return o[k]; }} function {p}s(o, k, v) {{ o[k] = v; return o[k]; }}"
            ));
            l.push(format!(
                "const {p}k = [\"a\", \"b\", \"c\"]; const {p}o1 = {{ a: 1, b: 2, c: 3 }}; const {p}o2 = {{ c: 30, b: 20, a: 10 }};"
            ));
            l.push(format!("let {p}t = 0;"));
            l.push(format!(
                "for (let i = 0; i < {w}; i++) {{ const o = i & 1 ? {p}o1 : {p}o2; {p}t += {p}g(o, {p}k[i % 3]) + {p}s(o, {p}k[(i + 1) % 3], i); }}"
            ));
            let change = match u.int_in_range(0..=7u8)? {
                0 => format!(
                    "for (let i = 0; i < 6; i++) {{ const o = {{ [\"z\" + i]: i }}; o.a = i; {p}t += {p}g(o, \"a\") + {p}s(o, \"b\", i); }}"
                ),
                1 => format!(
                    "Object.defineProperty({p}o1, \"b\", {{ get() {{ return this.a * 100; }}, configurable: true }});"
                ),
                2 => format!(
                    "Object.defineProperty({p}o2, \"c\", {{ get() {{ return \"g\"; }}, set(v) {{ this.a = v; }}, configurable: true }});"
                ),
                3 => format!("delete {p}o1.a; Object.setPrototypeOf({p}o1, {{ a: {x} }});"),
                4 => format!("delete {p}o2.b; {p}o2.d = {x};"),
                5 => format!("{p}k[0] = \"xa\".substring(1); {p}k[1] = [\"b\"].join(\"\");"),
                6 => format!("{p}k[2] = \"1\"; {p}o1[1] = {x}; {p}o2[\"1\"] = 5;"),
                _ => format!("{p}k[0] = \"length\"; {p}k[1] = 0;"),
            };
            l.push(change);
            l.push(format!(
                "for (let i = 0; i < 4; i++) {{ const o = i & 1 ? {p}o1 : {p}o2; {p}t += \"|\" + {p}g(o, {p}k[i % 3]) + \",\" + {p}g(o, \"a\") + \",\" + {p}s(o, {p}k[(i + 2) % 3], i); }}"
            ));
            l.push(format!(
                "print({p}t, {p}g(\"str\", {p}k[0]), {p}g(\"str\", 1), {p}g([7, 8], {p}k[1]), JSON.stringify({p}o1), JSON.stringify({p}o2));"
            ));
        }
        Pattern::InductionLoop => {
            let n = *u.choose(&[40u32, 300, 1500, 5000])?;
            let calls = *u.choose(&[3u32, 8, 20])?;
            let i0 = *u.choose(&["0", "0", "1", "-2"])?;
            let s0 = *u.choose(&["0", "0", "-5", "2147483000"])?;
            let x = *u.choose(&["1", "3", "-7", "100000", "2147483647"])?;
            let body = *u.choose(&["s += i;", "s += i; t += x;", "t += x;", "s += 2; t += i;"])?;
            let last = *u.choose(&["7", "70000"])?;
            l.push(format!(
                "function {p}f(n, x) {{ let s = {s0}; let t = 0; for (let i = {i0}; i < n; i++) {{ {body} }} return s + t; }}"
            ));
            l.push(format!(
                "for (let k = 0; k < {calls}; k++) print(k, {p}f({n} + k, {x}));"
            ));
            l.push(format!(
                "print({p}f(0, {x}), {p}f(-5, {x}), {p}f({last}, {x}));"
            ));
        }
        Pattern::TypedKernel => {
            let calls = *u.choose(&[12u32, 34, 70])?;
            let i0 = *u.choose(&["0", "0", "1", "3"])?;
            let x = *u.choose(&["1.5", "-0", "NaN", "3", "-2.25", "1e308"])?;
            let expr = *u.choose(&[
                "a[i] * x + b[i]",
                "(a[i] - b[i]) / x",
                "a[i] * a[i] - b[i]",
                "b[i] + x",
                "c[i] + a[i] * b[i]",
            ])?;
            let (dst, src) = *u.choose(&[
                ("c", "a"),
                ("c", "a"),
                ("a.subarray(1)", "a"),
                ("a", "a.subarray(1)"),
                ("c", "new Int32Array(n)"),
                ("new Int32Array(n)", "a"),
            ])?;
            if u.ratio(1, 3)? {
                // An Int32Array kernel: wrapping sums (int32 vector loops)
                // or a product (scalar).
                let expr = *u.choose(&[
                    "(a[i] + b[i]) | 0",
                    "a[i] - b[i] + 7",
                    "(a[i] - 2147483647 - b[i]) | 0",
                    "(a[i] * b[i]) | 0",
                ])?;
                let (dst, src) = *u.choose(&[
                    ("c", "a"),
                    ("a.subarray(1)", "a"),
                    ("a", "a.subarray(1)"),
                    ("c", "new Float64Array(n)"),
                ])?;
                l.push(format!(
                    "function {p}k(c, a, b, n, ...r) {{ for (let i = {i0}; i < n; i++) c[i] = {expr}; }}"
                ));
                l.push(format!(
                    "for (let k = 0; k < {calls}; k++) {{ const n = (k * 7 + 3) % 34; const a = new Int32Array(n + 1), b = new Int32Array(n), c = new Int32Array(n); for (let i = 0; i < n; i++) {{ a[i] = i * 1000003 - 2147483000 * (i & 1) + k; b[i] = 2147483000 - i * 77777; }} const d = {dst}, s = {src}; {p}k(d, s, b, Math.min(n, d.length, s.length)); let h = \"\"; for (let i = 0; i < d.length; i++) h += d[i] + \",\"; print(k, h); }}"
                ));
                return Ok((pat, l));
            }
            // The rest parameter keeps the kernel from being inlined (the
            // loop passes leave inlined loops alone).
            l.push(format!(
                "function {p}k(c, a, b, x, n, ...r) {{ for (let i = {i0}; i < n; i++) c[i] = {expr}; }}"
            ));
            l.push(format!(
                "const {p}sp = [NaN, -0, 0.5, -3, Infinity, 1e300];"
            ));
            l.push(format!(
                "function {p}show(c) {{ let s = \"\"; for (let i = 0; i < c.length; i++) s += (Object.is(c[i], -0) ? \"-0\" : c[i]) + \",\"; return s; }}"
            ));
            l.push(format!(
                "for (let k = 0; k < {calls}; k++) {{ const n = (k * 7 + 3) % 34; const a = new Float64Array(n + 1), b = new Float64Array(n), c = new Float64Array(n); for (let i = 0; i < n; i++) {{ a[i] = i % 4 === 1 ? {p}sp[(i + k) % 6] : i * 0.75 - k; b[i] = i % 5 === 3 ? {p}sp[(i + 2 * k) % 6] : n - i; }} const d = {dst}, s = {src}; {p}k(d, s, b, {x}, Math.min(n, d.length, s.length)); print(k, {p}show(d)); }}"
            ));
        }
        Pattern::InlinedCalls => {
            let (x, y) = (odd(u)?, odd(u)?);
            let calls = *u.choose(&[2u32, 5, 12])?;
            let leaf = *u.choose(&[
                "return a < b ? a + b : a - b;",
                "if (a > b) { return a * b; } return b - a;",
                "return (a & 1) === 0 ? a : b + 1;",
            ])?;
            l.push(format!("function {p}leaf(a, b) {{ {leaf} }}"));
            l.push(format!(
                "function {p}mid(a, b) {{ const t = {p}leaf(a, b); return t + {p}leaf(b, 1); }}"
            ));
            l.push(format!(
                "class {p}C {{ constructor(v) {{ this.v = v; }} get2(k) {{ return {p}leaf(this.v, k) + this.v; }} }}"
            ));
            l.push(format!(
                "function {p}run(n, x, o) {{ let s = 0; for (let i = 0; i < n; i++) {{ s += {p}mid(i & 7, x) + o.get2(i & 3); }} return s; }}"
            ));
            l.push(format!("const {p}o = new {p}C(3);"));
            l.push(format!(
                "for (let k = 0; k < {calls}; k++) print({p}run({w}, 2, {p}o));"
            ));
            l.push(format!(
                "print({p}run(9, {x}, {p}o), {p}run(9, 2, new {p}C({y})), {p}run(9, 2147483647, {p}o), {p}run(9, 2, {{ get2: (k) => k }}));"
            ));
        }
        Pattern::RegisterPressure => {
            let v: Vec<String> = (0..10).map(|i| format!("{p}v{i}")).collect();
            for (i, x) in v.iter().enumerate() {
                l.push(format!("let {x} = {};", i * 3 + 1));
            }
            let mut body = Vec::new();
            for i in 0..10 {
                let op = *u.choose(&["+", "^", "-", "|", "*"])?;
                body.push(format!(
                    "{} = ({} {op} {} + i) | 0;",
                    v[i],
                    v[i],
                    v[(i + 9) % 10]
                ));
            }
            body.push(format!("[{}, {}] = [{}, {}];", v[2], v[7], v[7], v[2]));
            l.push(format!(
                "for (let i = 0; i < {w}; i++) {{ {} }}",
                body.join(" ")
            ));
            l.push(format!("print({});", v.join(", ")));
        }
        Pattern::NativeEdges => {
            let (x, y) = (odd(u)?, odd(u)?);
            // (the call, the native's place, what replaces it at the end).
            let (call, place, repl) = *u.choose(&[
                ("Math.floor(a)", "Math.floor", "Math.ceil"),
                ("Math.ceil(a)", "Math.ceil", "Math.floor"),
                ("Math.abs(a)", "Math.abs", "Math.sign"),
                ("Math.sqrt(a)", "Math.sqrt", "Math.cbrt"),
                ("Math.min(a, b)", "Math.min", "Math.max"),
                ("Math.max(a, b)", "Math.max", "(a, b) => a"),
                (
                    "s.charCodeAt(a)",
                    "String.prototype.charCodeAt",
                    "String.prototype.codePointAt",
                ),
                (
                    "s.charAt(a) + s[a]",
                    "String.prototype.charAt",
                    "String.prototype.at",
                ),
            ])?;
            // Every variant floors `a` too: fractions of both signs reach an
            // inlined `Math.floor` whichever native the site warms.
            l.push(format!(
                "function {p}n(s, a, b) {{ return [{call}, Math.floor(a)]; }}"
            ));
            l.push(format!(
                "let {p}t = \"ab\\u00e9\"; for (let i = 0; i < 12; i++) {p}t += \"xy\" + i;"
            ));
            l.push(format!("let {p}r = \"\";"));
            // Warm on int32s, then (in the same, OSR'd loop) fractions
            // around zero of both signs.
            l.push(format!(
                "for (let i = 0; i < {w}; i++) {{ const a = i < {} ? i : (i - {w}) / 4; {p}r = {p}r + \"|\" + {p}n({p}t, a, 3 - a); if ({p}r.length > 200) {p}r = {p}r.slice(-40); }}",
                w / 2
            ));
            l.push(format!(
                "print({p}r, {p}n({p}t, {x}, {y}), {p}n(\"q\", -2.5, -0), {p}n({p}t, 2.5, NaN), {p}n({p}t, \"3\", 1));"
            ));
            // Replaced, called, restored (later snippets see the native).
            l.push(format!("const {p}o = {place}; {place} = {repl};"));
            l.push(format!("print({p}n({p}t, -1.5, 1), {p}n({p}t, 4, -4));"));
            l.push(format!("{place} = {p}o;"));
        }
        Pattern::GlobalRedefined => {
            let x = odd(u)?;
            l.push(format!("globalThis.{p}gv = 1;"));
            l.push(format!(
                "function {p}rg() {{ return {p}gv; }} function {p}wg(v) {{ {p}gv = v; }}"
            ));
            l.push(format!("let {p}s = 0;"));
            l.push(format!(
                "for (let i = 0; i < {w}; i++) {{ {p}s += {p}rg(); }}"
            ));
            let change = match u.int_in_range(0..=2u8)? {
                0 => format!("{p}wg({x});"),
                1 => format!("globalThis.{p}gv = {x};"),
                _ => format!(
                    "Object.defineProperty(globalThis, \"{p}gv\", {{ get() {{ return 42; }}, configurable: true }});"
                ),
            };
            l.push(change);
            l.push(format!("print({p}s, {p}rg(), {p}rg());"));
        }
    }
    Ok((pat, l))
}

/// Counts of each pattern (index: position in [`Pattern::ALL`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PatternCounts(pub [u64; Pattern::ALL.len()]);

impl PatternCounts {
    pub fn add(&mut self, p: Pattern) {
        self.0[p as usize] += 1;
    }
    pub fn absorb(&mut self, o: &PatternCounts) {
        for (a, b) in self.0.iter_mut().zip(o.0.iter()) {
            *a += b;
        }
    }
    pub fn total(&self) -> u64 {
        self.0.iter().sum()
    }
    /// How many patterns were generated at least once.
    pub fn kinds(&self) -> usize {
        self.0.iter().filter(|&&n| n > 0).count()
    }
    /// (name, count) for every pattern.
    pub fn named(&self) -> Vec<(&'static str, u64)> {
        Pattern::ALL
            .iter()
            .map(|p| (p.name(), self.0[*p as usize]))
            .collect()
    }
}
