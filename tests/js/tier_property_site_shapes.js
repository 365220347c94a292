// One property site seeing 1, 3 and 10 shapes (monomorphic, polymorphic, megamorphic).
function getX(o) { return o.x; }
function setY(o, v) { o.y = v; return o; }
const mono = [];
for (let i = 0; i < 50; i++) mono.push({ x: i, y: 0 });
const poly = [];
for (let i = 0; i < 60; i++) poly.push(i % 3 === 0 ? { x: i } : i % 3 === 1 ? { a: 1, x: i } : { b: 2, c: 3, x: i });
const mega = [];
for (let i = 0; i < 100; i++) { const o = {}; o['k' + (i % 10)] = i; o.x = i; mega.push(o); }
let s = 0;
for (let r = 0; r < 20; r++) {
  for (const o of mono) s += getX(o);
  for (const o of poly) s += getX(o);
  for (const o of mega) s += getX(setY(o, r)).valueOf ? getX(o) : 0;
}
print(s, mega[99].y, getX({ x: 'str' }), getX({}), getX([1, 2]));
class P { constructor(v) { this.x = v; } get double() { return this.x * 2; } }
let t = 0;
for (let i = 0; i < 500; i++) t += getX(new P(i)) + new P(1).double;
print(t);
