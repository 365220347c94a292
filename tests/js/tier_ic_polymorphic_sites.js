// Property sites seeing 1, 3, 5 and 12 shapes (the baseline's inline caches:
// monomorphic, polymorphic up to 4, then megamorphic), with the property in
// inline and overflow slots, reads and writes, then shape changes after
// caching: new properties, delete (dictionary), non-writable, frozen.
function make(k, v) {
  const o = {};
  for (let j = 0; j < k; j++) o['p' + j] = j;
  o.x = v;
  return o;
}
function get(o) { return o.x; }
function set(o, v) { o.x = v; }
function spin(objs, n) {
  let s = 0;
  for (let i = 0; i < n; i++) {
    const o = objs[i % objs.length];
    set(o, (get(o) + i) & 1023);
    s = (s * 31 + get(o)) | 0;
  }
  return s;
}
for (const count of [1, 3, 5, 12]) {
  const objs = [];
  for (let k = 0; k < count; k++) objs.push(make(k * 2, k));
  print(count, spin(objs, 600), objs.map(get).join(','));
}
const a = { x: 1, y: 2 }, b = { x: 3, y: 4 }, c = { y: 0, x: 5 };
print(spin([a, b, c], 30));
a.z = 1;
delete b.y;
print(spin([a, b, c], 30), Object.keys(b).join());
delete b.x;
print(get(b), spin([a, c], 10));
Object.defineProperty(c, 'x', { writable: false, value: 42 });
try { set(c, 1); } catch (e) { print(e.constructor.name, get(c)); }
const d = Object.freeze({ x: 8 });
try { set(d, 1); } catch (e) { print(e.constructor.name, get(d)); }
class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  get len() { return this.x * this.x + this.y * this.y; }
}
class Point3 extends Point { constructor(x, y, z) { super(x, y); this.z = z; } }
let sum = 0;
for (let i = 0; i < 300; i++) {
  const p = i % 2 ? new Point(i, 1) : new Point3(1, i, 2);
  sum = (sum + get(p) + p.len + p.y) | 0;
}
print(sum);
