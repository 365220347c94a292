// Tier 2's element and property accesses under speculation: dense arrays,
// holes, out-of-range, frozen arrays, other kinds, shapes changing.
function sum(a) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]; return s; }
function fill(a, v) { for (let i = 0; i < a.length; i++) a[i] = v + i; return a; }
class P { constructor(x, y) { this.x = x; this.y = y; } }
function move(ps, dx) {
  for (let i = 0; i < ps.length; i++) { const p = ps[i]; p.x = p.x + dx; p.y = p.y * 2; }
  return ps[0].x + ps[ps.length - 1].y;
}
const a = [1, 2, 3, 4, 5, 6, 7, 8];
for (let k = 0; k < 50; k++) sum(a);
console.log(sum(a), sum([1.5, 2]), sum([1, , 3]), sum("abc"), sum([]), sum(new Int32Array([4, 5])));
const b = new Array(5).fill(0);
for (let k = 0; k < 50; k++) fill(b, k);
console.log(fill(b, 1), fill([, , 1], 2), fill({ length: 2 }, 7));
try {
  fill(Object.freeze([1, 2]), 3);
} catch (e) {
  console.log(e.constructor.name);
}
const ps = [new P(1, 2), new P(3, 4)];
for (let k = 0; k < 30; k++) move(ps, 1);
console.log(move(ps, 1), move([{ y: 1, x: 2 }], 5), move([new P("a", 1)], 1));
const grow = [1, 2, 3];
function readPast(arr, n) { let s = 0; for (let i = 0; i < n; i++) { const v = arr[i]; s += v === undefined ? 100 : v; } return s; }
for (let k = 0; k < 40; k++) readPast(grow, 3);
grow.length = 10;
console.log(readPast(grow, 5), readPast(grow, 3));
