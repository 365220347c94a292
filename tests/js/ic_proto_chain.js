// Inline caches over prototype chains under mutation: loads of inherited data
// properties at depth 1-3, getters on prototypes, property-adding stores
// (cached shape transitions), each re-checked after shadowing at every level,
// setPrototypeOf, deleting a getter, adding a setter or a read-only property
// on a prototype, and redefining a global. Every loop runs long enough for
// the baseline tier's caches to fill first.
class A {
  constructor(v) { this.v = v; }
  base() { return "A.base"; }
  get twice() { return this.v * 2; }
  kind() { return "A"; }
}
class B extends A {
  mid() { return "B.mid"; }
  kind() { return "B"; }
}
class C extends B {
  leaf() { return "C.leaf"; }
}
A.prototype.k = 1;

function read(o) { return o.base() + "/" + o.kind() + "/" + o.k + "/" + o.twice; }
function readK(o) { return o.k; }
function twice(o) { return o.twice; }

function sweep(label, objs) {
  let out = [];
  for (let r = 0; r < 30; r++) {
    for (let i = 0; i < objs.length; i++) {
      const s = read(objs[i]);
      if (r === 29) out.push(s);
    }
  }
  console.log(label, out.join(" | "));
}

const a = new A(1), b = new B(2), c = new C(3);
const objs = [a, b, c];
sweep("start", objs);

// Shadowing at every level of c's chain, innermost last.
A.prototype.k = 10;
sweep("A.k=10", objs);
B.prototype.k = 20;
sweep("B.k=20", objs);
C.prototype.k = 30;
sweep("C.k=30", objs);
c.k = 40;
sweep("own k", objs);
delete C.prototype.k;
delete c.k;
sweep("deleted", objs);
C.prototype.kind = function () { return "C"; };
sweep("C.kind", objs);

// Getters: overridden, deleted, replaced by a data property.
Object.defineProperty(B.prototype, "twice", { get() { return this.v * 200; }, configurable: true });
sweep("B getter", objs);
delete B.prototype.twice;
sweep("B getter deleted", objs);
delete A.prototype.twice;
let t = [];
for (let i = 0; i < 40; i++) t.push(twice(objs[i % 3]));
console.log("no getter", t.slice(-3).join());
A.prototype.twice = "data";
for (let i = 0; i < 40; i++) t.push(twice(objs[i % 3]));
console.log("data twice", t.slice(-3).join());

// setPrototypeOf under a cached chain.
const other = { k: "other", base() { return "other.base"; }, kind() { return "O"; }, twice: 0 };
let ks = [];
for (let i = 0; i < 60; i++) {
  if (i === 30) Object.setPrototypeOf(b, other);
  if (i === 45) Object.setPrototypeOf(b, C.prototype);
  ks.push(readK(b));
}
console.log("setPrototypeOf", ks[29], ks[30], ks[44], ks[45], ks[59]);
const np = Object.create(null);
np.k = "np";
const onull = Object.create(np);
for (let i = 0; i < 30; i++) ks.push(readK(onull));
console.log("null chain", ks[ks.length - 1]);

// Property-adding stores: the cached transition must respect setters,
// read-only properties and non-extensible receivers appearing later.
class P {
  constructor(x, y) { this.x = x; this.y = y; this.z = x + y; }
}
let sum = 0;
for (let i = 0; i < 50; i++) { const p = new P(i, 1); sum += p.z; }
console.log("built", sum);
let log = [];
Object.defineProperty(Object.prototype, "y", {
  set(v) { log.push("set y " + v); },
  get() { return "proto y"; },
  configurable: true,
});
const p1 = new P(1, 2);
console.log("setter on Object.prototype", p1.y, p1.z, Object.keys(p1).join(), log.join());
delete Object.prototype.y;
const p2 = new P(3, 4);
console.log("setter gone", p2.y, Object.keys(p2).join());
Object.defineProperty(P.prototype, "z", { value: "ro", writable: false, configurable: true });
try { new P(5, 6); } catch (e) { console.log(e.constructor.name, e.message); }
delete P.prototype.z;
console.log("ro gone", new P(5, 6).z);
function addW(o, v) { o.w = v; }
const objsW = [];
for (let i = 0; i < 40; i++) { const o = { a: i }; addW(o, i); objsW.push(o); }
const frozen = Object.freeze({ a: 1 });
try { addW(frozen, 1); } catch (e) { console.log(e.constructor.name, e.message); }
console.log("added", objsW[39].w, Object.keys(objsW[0]).join(), frozen.w);
// Many properties: transitions into overflow slots.
function build(n) {
  const o = {};
  for (let i = 0; i < n; i++) o["p" + i] = i;
  return o;
}
function fill(o) { o.a = 1; o.b = 2; o.c = 3; o.d = 4; o.e = 5; o.f = 6; o.g = 7; o.h = 8; o.i = 9; return o; }
let tot = 0;
for (let i = 0; i < 40; i++) { const o = fill({}); tot += o.a + o.e + o.i; }
console.log("overflow adds", tot, Object.keys(fill(build(3))).join());

// Globals: redefined while loads are cached.
globalThis.G = 1;
function readG() { return G; }
function bumpG() { G = G + 1; }
let gs = 0;
for (let i = 0; i < 40; i++) { bumpG(); gs += readG(); }
globalThis.G = 100;
for (let i = 0; i < 10; i++) gs += readG();
Object.defineProperty(globalThis, "G", { get() { return 7; }, set(v) {}, configurable: true });
for (let i = 0; i < 10; i++) { bumpG(); gs += readG(); }
delete globalThis.G;
try { readG(); } catch (e) { console.log(e.constructor.name, e.message); }
console.log("globals", gs);
