// Tier 2 inlining: small monomorphic callees (functions, methods found
// through the prototype, arrows) inlined into hot loops; deopts inside the
// inlined callee rebuild the callee's frame and resume there.
class Vec2 {
  constructor(x, y) { this.x = x; this.y = y; }
  dot(o) { return this.x * o.x + this.y * o.y; }
  bump(d) { this.x += d; this.y -= d; return this.x; }
}
class Vec3 extends Vec2 {
  constructor(x, y, z) { super(x, y); this.z = z; }
  len1() { return this.x + this.y + this.z; }
}
function sq(x) { return x * x; }
const twice = (f) => f + f;
function noArgs(a, b) { return b === undefined ? a : a + b; }

function hot(n) {
  const v = new Vec2(1, 2), w = new Vec3(3, 4, 5);
  let s = 0, t = 0;
  for (let i = 0; i < n; i++) {
    s += v.dot(w) + sq(i & 15) + twice(i);
    t += w.len1() + v.bump(1) + noArgs(i);
  }
  return [s, t, v.x, v.y];
}
for (let k = 0; k < 30; k++) hot(200);
print(hot(200).join(" "));

// A double arrives in the inlined method's int32 addition.
const a = new Vec2(1, 1);
let r = 0;
for (let i = 0; i < 5000; i++) r += a.bump(i < 4000 ? 1 : 0.5);
print(r, a.x, a.y);

// Overflow inside the inlined callee, after warm-up.
function addBig(x) { return x + 1000000000; }
function overflow(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s = addBig(s & 0x3fffffff) | 0;
  return s;
}
for (let k = 0; k < 20; k++) overflow(300);
print(overflow(300), addBig(2147483647));

// The receiver changes shape: the inlined method's shape check fails.
function callDot(p, q) { return p.dot(q); }
let acc = 0;
for (let i = 0; i < 3000; i++) acc += callDot(new Vec2(i, 1), new Vec2(1, i));
print(acc, callDot(new Vec3(1, 2, 3), new Vec2(4, 5)));

// The callee at a hot site is replaced: the callee guard fails.
let op = (x) => x + 1;
function apply(n) { let s = 0; for (let i = 0; i < n; i++) s += op(i); return s; }
for (let k = 0; k < 20; k++) apply(200);
print(apply(200));
op = (x) => x * 2;
print(apply(200));

// The method on the prototype is replaced after warm-up.
for (let k = 0; k < 20; k++) hot(100);
Vec2.prototype.dot = function (o) { return 7; };
print(hot(100).join(" "));

// `this` of an inlined method used after a deopt inside it.
class Counter {
  constructor() { this.n = 0; this.tag = "c"; }
  step(d) { this.n += d; return this.tag + this.n; }
}
const c = new Counter();
let last = "";
for (let i = 0; i < 4000; i++) last = c.step(i === 3500 ? 0.25 : 1);
print(last, c.n);

// Deep recursion through an inlinable callee still throws RangeError.
function leaf(x) { return x + 1; }
function deep(n) { return n === 0 ? 0 : leaf(deep(n - 1)); }
for (let k = 0; k < 50; k++) deep(20);
try { deep(1e6); print("no error"); } catch (e) { print(e instanceof RangeError); }

// Inlined callees reading their context (script-level bindings), which the
// caller writes between calls; and a closure's own context.
const K = 3;
let counter = 0;
class A { constructor() { this.s = 0; } f(x) { this.s = this.s | K; return x + K + counter; } }
function runA(n) { const o = new A(); let t = 0; for (let i = 0; i < n; i++) { t += o.f(i); counter++; } return t; }
let ra = 0;
for (let k = 0; k < 30; k++) ra += runA(300);
print(ra, counter);
function makeAdder(d) { let calls = 0; return (x) => x + d + calls; }
const add5 = makeAdder(5), add7 = makeAdder(7);
function runAdd(f, n) { let t = 0; for (let i = 0; i < n; i++) t += f(i); return t; }
for (let k = 0; k < 30; k++) runAdd(add5, 100);
print(runAdd(add5, 100), runAdd(add7, 100));
