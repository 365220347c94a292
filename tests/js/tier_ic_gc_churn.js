// Inline caches and element fast paths with allocation in every iteration
// (cells move at each collection), prototype-chain properties and getters
// next to own properties, and objects that switch shapes mid-loop.
class Node {
  constructor(v, next) { this.v = v; this.next = next; }
  get double() { return this.v * 2; }
}
Node.prototype.kind = 'node';
function build(n) {
  let head = null;
  for (let i = 0; i < n; i++) head = new Node(i, head);
  return head;
}
function walk(head) {
  let s = 0, k = '';
  for (let p = head; p !== null; p = p.next) { s += p.v + p.double; k = p.kind; }
  return s + k;
}
print(walk(build(500)));
const keep = [];
let acc = 0;
for (let i = 0; i < 2000; i++) {
  const o = i % 3 === 0 ? { a: i, b: [i, i + 1] } : i % 3 === 1 ? { b: [i], a: i } : { c: 0, a: i, b: [0, 1, 2] };
  keep[i & 15] = o;
  const q = keep[(i * 7) & 15];
  if (q !== undefined) { q.a = q.a + 1; acc = (acc + q.a + q.b[0] + q.b.length) | 0; }
  if (i === 1000) delete keep[3].a;
}
print(acc, keep.length);
const strs = [];
for (let i = 0; i < 300; i++) strs.push('s' + i);
let total = 0;
for (let i = 0; i < strs.length; i++) total += strs[i].length + (strs[i] + '!').length;
print(total);
