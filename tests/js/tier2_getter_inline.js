// Tier 2's inlined getters: a GetProp whose cache holds getters found on
// prototypes (one or several receiver shapes, one or two getter
// functions) runs the getter's body inline behind a check of the function
// the accessor pair holds, each guard deopting to before the GetProp.
// Warmed until optimized, then every change the inlined code must notice:
// a getter redefined in place (the prototype's shape unchanged), a
// shadowing data property or getter at each level, setPrototypeOf, a
// deleted getter, a getter that starts having effects, a global the getter
// reads redefined, a non-int32 result, and a getter reached at the native
// depth limit.
class Base {
  constructor(id) { this.id = id; }
  get pri() { return this.id & 3; }
  get label() { return "b" + (this.id & 1); }
}
class Mid extends Base {
  constructor(id) { super(id); this.m = 1; }
}
class Leaf extends Mid {
  constructor(id) { super(id); this.l = 2; }
}
class Other extends Base {
  constructor(id) { super(id); this.o = 3; }
  get pri() { return 7; }
}

// `o.pri`: Base's getter at depth 1 (Base), 2 (Mid), 3 (Leaf), and
// Other's own getter at depth 1; `o.label` always Base's.
function hot(objs, n) {
  let s = 0;
  let names = "";
  for (let i = 0; i < n; i++) {
    const o = objs[i & 3];
    s += o.pri;
    if (i < 4) names += o.label;
  }
  return s + " " + names;
}
// Monomorphic: one receiver shape, one getter.
function mono(o, n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += o.pri + 1;
  return s;
}
function warm(objs) {
  let r = "";
  for (let i = 0; i < 30; i++) r = hot(objs, 200) + " " + mono(objs[2], 50);
  return r;
}

const objs = [new Base(1), new Mid(2), new Leaf(3), new Other(4)];
print("warm", warm(objs));

// A getter redefined in place: same attributes, so the same shape; only
// the callee check sees it.
Object.defineProperty(Base.prototype, "pri", {
  get() { return this.id * 10; },
  configurable: true,
});
print("redefined", hot(objs, 8), warm(objs));

// Shadowing at each level of Leaf's chain, nearest last.
Object.defineProperty(Mid.prototype, "pri", { get() { return -1; }, configurable: true });
print("shadow Mid getter", hot(objs, 8), warm(objs));
Object.defineProperty(Leaf.prototype, "pri", { value: 100, configurable: true, writable: true });
print("shadow Leaf data", hot(objs, 8), warm(objs));
objs[2].pri = 1000;
print("own leaf", hot(objs, 8), warm(objs));

// setPrototypeOf: an Other now inherits Base's getter directly.
Object.setPrototypeOf(objs[3], Base.prototype);
print("setPrototypeOf", hot(objs, 8), warm(objs));

// A deleted getter: the read falls through to undefined (NaN sums).
delete Other.prototype.pri;
delete Mid.prototype.pri;
delete Base.prototype.pri;
print("deleted", hot(objs, 8), mono(objs[1], 3));

// A getter with effects after warm-up (not inlined when recompiled: it
// stores), and one that reads a global later redefined.
let calls = 0;
Object.defineProperty(Base.prototype, "pri", {
  get() { calls++; return this.id; },
  configurable: true,
});
print("effects", hot(objs, 8), warm(objs), calls > 0);
globalThis.gscale = 2;
Object.defineProperty(Base.prototype, "pri", {
  get() { return this.id * gscale; },
  configurable: true,
});
print("global", warm(objs));
gscale = 0.5;
print("global assigned", hot(objs, 8), warm(objs));
Object.defineProperty(globalThis, "gscale", { get() { return "x"; }, configurable: true });
print("global redefined", hot(objs, 4), mono(objs[0], 3));

// A getter whose result is not an int32 at some receivers.
Object.defineProperty(Base.prototype, "label", {
  get() { return this.id > 2 ? this.id / 4 : this.id; },
  configurable: true,
});
function lab(objs) {
  let s = 0;
  for (let i = 0; i < 400; i++) s += objs[i & 1].label;
  return s;
}
print("double", lab([objs[0], objs[1]]), lab([objs[0], objs[3]]));

// Recursion through a getter up to the stack limit: the inlined getter
// must not run where a real call would overflow.
class Deep {
  constructor(n) { this.n = n; }
  get v() { return this.n; }
}
const dp = new Deep(1);
function down(k) {
  return k === 0 ? dp.v : dp.v + down(k - 1);
}
let depthOk = 0;
for (let i = 0; i < 50; i++) depthOk += down(20);
print("deep", depthOk);
try {
  print(down(1e6));
} catch (e) {
  print(e.name);
}
print("after overflow", down(5));
