// Tier 2 checks an object's shape once for all its fields and forwards a
// field's value from an earlier load or store of it. Stores through another
// name for the same object, shape changes between accesses, and
// polymorphic sites must all read what the interpreter reads.
function alias(a, b, n) {
  let s = 0;
  for (let i = 0; i < n; i++) {
    a.x = i;
    b.x = i * 2;        // b may be a
    s += a.x + b.x;     // a.x must be re-read when b === a
    a.y = a.x + 1;
    s += a.y;
  }
  return s;
}
const p = { x: 0, y: 0 }, q = { x: 0, y: 0 };
for (let k = 0; k < 40; k++) alias(p, q, 50);
console.log(alias(p, q, 50), alias(p, p, 50), p.x, p.y, q.x);

function sum3(o) { return o.a + o.b + o.c; }
function grow(o, n) {
  let s = 0;
  for (let i = 0; i < n; i++) {
    s += sum3(o) + o.a;
    if (i === n - 3) o.d = 1;        // shape changes mid-loop
    if (i === n - 2) delete o.b;     // and again (dictionary mode)
  }
  return s;
}
for (let k = 0; k < 40; k++) grow({ a: 1, b: 2, c: 3 }, 30);
console.log(grow({ a: 1, b: 2, c: 3 }, 30), grow({ a: 1.5, b: "s", c: 3 }, 10));

class V3 { constructor(x, y, z) { this.x = x; this.y = y; this.z = z; } }
function norm2(vs) {
  let s = 0;
  for (const v of vs) s += v.x * v.x + v.y * v.y + v.z * v.z;
  return s;
}
const vs = [];
for (let i = 0; i < 20; i++) vs.push(new V3(i, i + 0.5, -i));
for (let k = 0; k < 40; k++) norm2(vs);
console.log(norm2(vs));
vs.push({ z: 1, y: 2, x: 3 });            // another shape at the same sites
vs.push(Object.assign(Object.create({ x: 10 }), { y: 1, z: 1 })); // x inherited
console.log(norm2(vs));

function swap(o, n) {
  for (let i = 0; i < n; i++) { const t = o.l; o.l = o.r; o.r = t; }
  return o.l + ":" + o.r;
}
for (let k = 0; k < 40; k++) swap({ l: 1, r: 2 }, 7);
console.log(swap({ l: 1, r: 2 }, 7), swap({ l: "a", r: undefined }, 4));
