// Tier 2 inlines the callees of a megamorphic call site (2-4 seen, each
// one block that returns) behind a dispatch on the callee: a check per
// callee, the last one a guard, so a callee not seen deopts before the
// call. Warmed until optimized, then: a fifth callee, a method replaced
// on a prototype, deopts inside each inlined body (a double, a string),
// results of different representations, missing and extra arguments,
// closures of one prototype reading their own contexts.
class Shape {
  constructor(n) { this.n = n; }
  area() { return 0; }
}
class Sq extends Shape { area() { return this.n * this.n; } }
class Tri extends Shape { area() { return (this.n * this.n) >> 1; } }
class Circ extends Shape { area() { return 3 * this.n * this.n; } }
class Half extends Shape { area() { return this.n * 0.5; } }

function total(shapes, k) {
  let s = 0;
  for (let i = 0; i < k; i++) s += shapes[i & 3].area();
  return s;
}
const shapes = [new Sq(3), new Tri(4), new Circ(2), new Shape(1)];
let t = 0;
for (let r = 0; r < 30; r++) t += total(shapes, 200);
print("warm", t, total(shapes, 8));

// A callee the site never saw (deopt at the dispatch's last check).
print("fifth", total([new Half(3), new Sq(2), new Tri(2), new Circ(1)], 8));
print("again", total(shapes, 8));

// The method replaced on a prototype: another function, same receiver.
Sq.prototype.area = function () { return -1; };
print("replaced", total(shapes, 8));
Sq.prototype.area = function () { return this.n * this.n; };

// Deopts inside the inlined bodies.
shapes[0].n = 1.5;
print("double", total(shapes, 8));
shapes[1].n = "x";
print("string", total(shapes, 8));
shapes[2].n = 2147483647;
print("overflow", total(shapes, 8));

// Plain functions with different parameter counts at one site, called
// with fewer and more arguments than they declare.
function one(a) { return a + 1; }
function two(a, b) { return a + (b === undefined ? 100 : b); }
function none() { return 7; }
const fns = [one, two, none];
function calls(k, b) {
  let s = 0;
  for (let i = 0; i < k; i++) s += fns[i % 3](i, b);
  return s;
}
function calls1(k) {
  let s = 0;
  for (let i = 0; i < k; i++) s += fns[i % 3](i);
  return s;
}
for (let r = 0; r < 30; r++) t += calls(100, 2) + calls1(100);
print("args", t, calls(9, 2), calls1(9), calls(9, 0.5));

// Results of different representations: a bool, an int, a string.
const kinds = [(x) => x > 2, (x) => x * 2, (x) => "s" + x];
function mixed(k) {
  let out = "";
  for (let i = 0; i < k; i++) out += kinds[i % 3](i) + ",";
  return out;
}
for (let r = 0; r < 30; r++) mixed(60);
print("mixed", mixed(7));

// Closures of one prototype (their own contexts) beside another callee.
function adder(k) { return (x) => x + k; }
const adders = [adder(10), adder(20), (x) => x * 3];
function add(k) {
  let s = 0;
  for (let i = 0; i < k; i++) s += adders[i % 3](i);
  return s;
}
for (let r = 0; r < 30; r++) add(90);
print("closures", add(9), add(90));
adders[0] = adder(1000);
print("new closure", add(9));
