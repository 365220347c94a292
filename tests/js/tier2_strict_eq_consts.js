// Tier 2 compiles `===`/`!==` against undefined, null and booleans as a
// comparison of bits, whatever the other side holds: objects, numbers
// (NaN, -0, int32 and doubles), strings (flat and ropes), booleans and
// the constants themselves, before and after the site warms up.
const values = [null, undefined, true, false, 0, -0, 1, NaN, 2.5, "", "null",
  "a" + String(1), {}, [], function () {}, null, undefined];
function classify(v) {
  let s = 0;
  if (v === null) s += 1;
  if (v !== null) s += 2;
  if (v === undefined) s += 4;
  if (undefined !== v) s += 8;
  if (v === true) s += 16;
  if (false === v) s += 32;
  const isNull = v === null, notUndef = v !== undefined;
  if (isNull === true) s += 64;
  if (notUndef !== false) s += 128;
  return s;
}
function walk(n) {
  let t = 0;
  for (let i = 0; i < n; i++) t += classify(values[i % values.length]) * (i % 7 + 1);
  return t;
}
for (let k = 0; k < 40; k++) walk(100);
print(walk(170));
const out = [];
for (const v of values) out.push(classify(v));
print(out.join(","));

// A linked list walked with `!== null` in a hot loop, then with an
// undefined link in the middle.
function List(v, next) { this.v = v; this.next = next; }
let head = null;
for (let i = 0; i < 50; i++) head = new List(i, head);
function sum(h) { let s = 0; for (let n = h; n !== null; n = n.next) s += n.v; return s; }
for (let k = 0; k < 50; k++) sum(head);
print(sum(head));
head.next.next.next = undefined;
try { print(sum(head)); } catch (e) { print(e instanceof TypeError); }
