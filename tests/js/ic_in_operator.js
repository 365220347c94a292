// `key in obj` at sites warmed on objects whose shapes answer it (own
// properties, properties at prototype depth 1..3, keys absent from the
// whole chain), then at the same sites after every kind of change: a
// shadowing property added at each level, a property deleted, the
// prototype swapped or extended with setPrototypeOf, accessors, arrays,
// functions, class instances, dictionary objects, non-atom key strings,
// numeric and symbol-like keys, and primitives (a TypeError).
function has(k, o) { return k in o; }
function hasX(o) { return "x" in o; }
function hasLen(o) { return "length" in o; }

const base = { x: 1 };
const mid = Object.create(base);
mid.m = 2;
const top = Object.create(mid);
top.t = 3;
const own = { x: 5, y: 6 };
const none = { a: 1 };
const bare = Object.create(null);
bare.q = 1;
let c = 0;
for (let i = 0; i < 300; i++) {
  c += hasX(own) + hasX(top) + hasX(mid) + hasX(none) + hasX(bare) + has("m", top) + has("zz", top) + has("t", own);
}
console.log("warm", c);
// Shadowing and deleting at every level.
none.x = 7;
console.log(hasX(none), has("x", none));
delete none.x;
console.log(hasX(none), has("x", none));
mid.x = 9;
console.log(hasX(top), hasX(mid));
delete mid.x;
delete base.x;
console.log(hasX(top), hasX(mid), hasX(base), has("m", top));
base.x = 1;
console.log(hasX(top));
top.zz = 0;
console.log(has("zz", top), has("zz", mid));
// The chain changed under a cached absent key.
const lone = { a: 1 };
for (let i = 0; i < 50; i++) c += hasX(lone) + has("zz", lone);
Object.setPrototypeOf(lone, { x: "p" });
console.log(hasX(lone), has("zz", lone));
Object.setPrototypeOf(Object.getPrototypeOf(lone), { zz: 1 });
console.log(has("zz", lone), hasX(lone));
Object.setPrototypeOf(bare, top);
console.log(hasX(bare), has("t", bare), has("q", bare));
// Accessors, arrays, functions, classes.
const acc = { get x() { throw new Error("never read"); } };
console.log(hasX(acc), hasX(Object.create(acc)));
const arr = [1, 2, 3];
console.log(hasX(arr), has("0", arr), has(1, arr), has("3", arr), hasLen(arr), has("push", arr), has(2, [1, , 3]), has(1, [1, , 3]));
function F() { }
F.x = 1;
console.log(hasX(F), has("prototype", F), hasLen(F), has("call", F), has("name", F));
class A { constructor() { this.a = 1; } get x() { return 1; } }
class B extends A { m() { } }
console.log(hasX(new B()), has("m", new B()), has("a", new B()), has("constructor", new B()), has("zz", new B()));
// Dictionary objects (after a delete) and many keys.
const dict = { x: 1, y: 2, z: 3 };
delete dict.y;
console.log(hasX(dict), has("y", dict), has("z", dict));
// Keys made at run time (not the atom's own string), numbers, objects.
const made = ["x", "y"].join("").slice(0, 1);
console.log(has(made, own), has(made, none), has("x" + "", top), has(1.5, { "1.5": 0 }), has({ toString() { return "x"; } }, own));
console.log(has("toString", own), has("hasOwnProperty", bare), has("__proto__", own), has("undefined", { undefined: 1 }));
// Primitives on the right: TypeError.
for (const v of ["str", 5, null, undefined, true]) {
  try { has("x", v); } catch (e) { console.log(e.constructor.name, e.message); }
}
let d = 0;
for (let i = 0; i < 200; i++) d += has(i % 2 ? "x" : "y", i % 3 ? own : top);
console.log("mixed", d, c);
