// `instanceof` at sites warmed on class hierarchies, plain functions and
// builtin constructors (the baseline tier caches the constructor's shape and
// reads its `prototype` inline), then at the same sites: the constructor's
// prototype replaced, objects re-parented with setPrototypeOf, null
// prototypes, primitives on the left, bound functions, non-callable and
// non-object right sides, a prototype that is not an object, and more
// constructor shapes than the cache holds.
class A { }
class B extends A { }
class C extends B { static s() { return 1; } }
function F() { }
function G() { }
G.prototype = Object.create(F.prototype);
function isA(x, K) { return x instanceof K; }

const objs = [new A(), new B(), new C(), new F(), new G(), {}, [], function () { }, Object.create(null)];
const ctors = [A, B, C, F, G, Object, Array, Function];
let row = [];
for (let r = 0; r < 60; r++) {
  row = [];
  for (const K of ctors) {
    let bits = "";
    for (const o of objs) bits += isA(o, K) ? "1" : "0";
    row.push(bits);
  }
}
console.log("warm", row.join(" "));
function hot(o) { return o instanceof B; }
let n = 0;
for (let i = 0; i < 2000; i++) if (hot(objs[i % objs.length])) n++;
console.log("hot", n);

// Primitives on the left.
console.log(hot(1), hot("s"), hot(null), hot(undefined), hot(true), isA(1, Number), isA("s", String));
console.log(isA(new Number(1), Number), isA(new String("s"), Object));
// Re-parenting.
const c = new C();
Object.setPrototypeOf(c, A.prototype);
console.log(hot(c), isA(c, A), isA(c, C));
Object.setPrototypeOf(c, null);
console.log(hot(c), isA(c, Object));
Object.setPrototypeOf(B.prototype, F.prototype);
console.log(isA(new C(), A), isA(new C(), F), hot(new C()));
Object.setPrototypeOf(B.prototype, A.prototype);
// Replacing a plain function's prototype after warm-up.
const oldG = new G();
G.prototype = { marker: 1 };
console.log(isA(oldG, G), isA(new G(), G), isA(new G(), F));
for (const v of [5, "x", null, 5.5, true, undefined, -0]) {
  G.prototype = v;
  try { isA(oldG, G); } catch (e) { console.log(e.constructor.name, e.message); }
}
G.prototype = F.prototype;
console.log(isA(oldG, G));
// Bound functions, non-callables, non-objects.
const BA = A.bind(null);
console.log(isA(new B(), BA), isA({}, BA));
try { isA({}, {}); } catch (e) { console.log(e.constructor.name, e.message); }
try { isA({}, 3); } catch (e) { console.log(e.constructor.name, e.message); }
try { isA({}, undefined); } catch (e) { console.log(e.constructor.name, e.message); }
const arrow = () => 1;
try { console.log(isA({}, arrow)); } catch (e) { console.log(e.constructor.name, e.message); }
// A class with a static method added later (a new shape) and a deleted one.
C.t = 2;
delete C.s;
console.log(isA(new C(), C), isA(new B(), C));
// Many constructor shapes through one site.
const many = [];
for (let k = 0; k < 8; k++) {
  const K = function () { };
  for (let j = 0; j < k; j++) K["p" + j] = j;
  many.push(K);
}
let cnt = 0;
for (let r = 0; r < 50; r++) for (const K of many) { if (isA(new K(), K)) cnt++; if (isA(new many[0](), K)) cnt++; }
console.log("many", cnt);
