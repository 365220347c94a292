// Methods and data found on the prototype through one call site, while
// the prototype changes: a method replaced, a property added (new holder
// shape), shadowed by an own property, and prototypes swapped.
class A { constructor(v) { this.v = v; } get2() { return this.v * 2; } }
class B { constructor(v) { this.v = v; this.w = 1; } get2() { return this.v + 100; } }
function call(o) { return o.get2(); }
let s = 0;
for (let i = 0; i < 300; i++) s += call(i % 2 ? new A(i) : new B(i));
console.log(s);
A.prototype.get2 = function () { return -this.v; };
let t = 0;
for (let i = 0; i < 100; i++) t += call(new A(i));
console.log(t);
A.prototype.extra = 7;
let u = 0;
for (let i = 0; i < 100; i++) u += call(new A(i));
console.log(u);
const shadow = new A(5);
shadow.get2 = () => 42;
console.log(call(shadow), call(new A(5)));
const o = new A(3);
Object.setPrototypeOf(o, B.prototype);
console.log(call(o));
const bare = Object.create(null);
bare.v = 1;
try { call(bare); } catch (e) { console.log(e instanceof TypeError); }
function getK(o) { return o.k; }
const base = { k: "base" };
const kids = [Object.create(base), Object.create(base), { k: "own" }];
let ks = [];
for (let r = 0; r < 60; r++) ks.push(getK(kids[r % 3]));
base.k = "changed";
ks.push(getK(kids[0]));
console.log(ks.slice(0, 3).join(), ks[ks.length - 1]);
