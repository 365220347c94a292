// `new` sites warmed on plain functions and base classes (the baseline
// tier allocates `this` inline, reading the constructor's `prototype`
// through a cache of constructor shapes), then at the same sites: the
// prototype reassigned, set to a primitive (then %Object.prototype%),
// made non-writable, the constructor given own properties (a new shape)
// or a dictionary shape, too few arguments, field initialisers, derived
// classes, constructors returning objects or throwing, and enough live
// objects that collections run between inline allocations.
function Point(x, y) { this.x = x; this.y = y; }
Point.prototype.sum = function () { return this.x + this.y; };
class Node2 {
  constructor(v, next) { this.v = v; this.next = next; }
  len() { let n = 0; for (let p = this; p !== null; p = p.next) n++; return n; }
}
function make(F, a, b) { return new F(a, b); }
function make1(F, a) { return new F(a); }
function describe(o) {
  const p = Object.getPrototypeOf(o);
  return [typeof o, p === Object.prototype ? "Object.prototype" : p === null ? "null" : Object.keys(p).join("+") || "{}",
    JSON.stringify(o), Object.keys(o).length].join(" ");
}

// Warm-up: long lists of live objects, so the heap fills and collects.
let keep = null, total = 0;
for (let i = 0; i < 20000; i++) {
  keep = make(Node2, i, i % 1000 === 0 ? null : keep);
  const p = make(Point, i, 1);
  total += p.sum() + (p instanceof Point ? 1 : 0);
}
console.log("warm", total, keep.len(), keep.v, keep instanceof Node2, Object.getPrototypeOf(keep) === Node2.prototype);
const pts = [];
for (let i = 0; i < 3000; i++) pts.push(make(Point, i, -i));
let s = 0;
for (const p of pts) s += p.sum() + p.x;
console.log("pts", s, pts.length, describe(pts[7]));

// The prototype reassigned after warm-up: later objects use the new one.
const oldProto = Point.prototype;
Point.prototype = { sum() { return "new proto " + (this.x * this.y); }, tag: 1 };
const q = make(Point, 6, 7);
console.log(q.sum(), q instanceof Point, pts[0] instanceof Point, Object.getPrototypeOf(q) === Point.prototype);
// A primitive prototype: the object gets %Object.prototype%.
Point.prototype = 42;
const r = make(Point, 1, 2);
console.log(describe(r), r.sum === undefined, Object.getPrototypeOf(r) === Object.prototype);
Point.prototype = null;
console.log(describe(make(Point, 3, 4)));
Point.prototype = oldProto;
console.log(make(Point, 5, 5).sum());
// Non-writable prototype (an attribute change: the function's own shape changes).
Object.defineProperty(Point, "prototype", { writable: false });
console.log(make(Point, 8, 9).sum(), Object.getOwnPropertyDescriptor(Point, "prototype").writable);
try { Point.prototype = {}; } catch (e) { console.log(e.constructor.name); }
console.log(make(Point, 1, 1).sum(), Object.getPrototypeOf(make(Point, 0, 0)) === oldProto);
// Own properties added to the constructor (another shape at the site), deleted (a dictionary).
function Box(v) { this.v = v; }
Box.prototype.get = function () { return this.v; };
for (let i = 0; i < 2000; i++) total += make1(Box, i).get();
Box.extra = "e";
console.log(make1(Box, "after extra").get(), Box.extra);
delete Box.extra;
console.log(make1(Box, "after delete").get(), Box.extra, total);
Object.setPrototypeOf(Box, null);
console.log(make1(Box, "no fn proto").get(), Object.getPrototypeOf(Box));
// Too few arguments: parameters are undefined.
console.log(JSON.stringify(make1(Point, 3)), make1(Point, 3).y, make(Node2).next);
// Field initialisers and derived classes at the same site.
class WithFields { f = 10; g = this.f + 1; constructor(a, b) { this.a = a; this.b = b; } }
class Derived extends Node2 { constructor(v, n) { super(v * 2, n); this.d = true; } }
for (let i = 0; i < 3; i++) {
  console.log(JSON.stringify(make(WithFields, i, -i)), JSON.stringify(make(Derived, i, null)),
    make(Derived, 1, null) instanceof Node2);
}
// Constructors that return objects, return primitives, throw, check `this instanceof`.
function RetObj(a) { this.a = a; return { other: a }; }
function RetPrim(a) { this.a = a; return 5; }
function Thrower(a) { this.a = a; if (a > 1) throw new Error("no " + a); }
function Target() { this.t = this instanceof Target; }
for (let i = 0; i < 3; i++) {
  let m;
  try { m = JSON.stringify(make1(Thrower, i)); } catch (e) { m = e.message; }
  console.log(JSON.stringify(make1(RetObj, i)), JSON.stringify(make1(RetPrim, i)), m, make1(Target).t);
}
// Objects made inline grow past their inline slots and get elements.
const big = [];
for (let i = 0; i < 200; i++) {
  const o = make(Point, i, i + 1);
  o.a = 1; o.b = 2; o.c = 3; o.d = 4; o[0] = "zero"; o[5] = i;
  big.push(o);
}
console.log(JSON.stringify(big[199]), Object.keys(big[3]).join(","), big[100][5]);
// Identity hashes of inline-made objects (Map keys) survive collections.
const m = new Map();
for (let i = 0; i < 500; i++) m.set(make1(Box, i), i);
let junk = [];
for (let i = 0; i < 30000; i++) junk.push(make(Point, i, i));
junk = null;
let ms = 0;
for (const [k, v] of m) ms += k.get() === v ? 1 : 0;
console.log("map", m.size, ms);
