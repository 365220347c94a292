// Tier 2's `===`/`!==` of objects: where a site saw only objects, null,
// undefined or booleans, the compare is of bits behind a check that one
// side is neither a number nor a string. Warmed until optimized, then the
// values that check must catch: equal strings in different cells (flat
// and ropes), equal numbers as int32 and double, NaN, -0; and objects
// that change shape or prototype (identity is all that counts).
class Node {
  constructor(v) { this.v = v; this.next = null; }
}
function same(a, b) { return a === b; }
function differ(a, b) { return a !== b; }
function owner(list, target) {
  let n = 0;
  for (let p = list; p !== null; p = p.next) {
    if (p === target) n += 10;
    if (differ(p, target)) n += 1;
  }
  return n;
}

const nodes = [];
for (let i = 0; i < 8; i++) nodes.push(new Node(i));
for (let i = 0; i < 7; i++) nodes[i].next = nodes[i + 1];
let t = 0;
for (let k = 0; k < 3000; k++) {
  t += owner(nodes[0], nodes[k & 7]);
  if (same(nodes[k & 3], k & 1 ? nodes[1] : null)) t += 100;
  if (same(true, k % 3 === 0)) t += 1000;
}
print("warm", t);

// Strings: atom and computed, flat and rope.
const u = "ab" + String.fromCharCode(99);
const rope = "abcdefghijklmnopqrstuvwxyz0123456789" + String.fromCharCode(33);
const rope2 = "abcdefghijklmnopqrstuvwxyz0123456789!";
print("strings", same(u, "abc"), differ(u, "abc"), same(rope, rope2), differ(rope2, rope));
// Numbers: int32 and double forms of one value, NaN, -0.
print("numbers", same(1, 1.0), same(0.5 + 0.5, 1), same(NaN, NaN), differ(NaN, NaN), same(0, -0), same(-0, 0));
print("mixed", same(1, "1"), same(null, undefined), differ(undefined, undefined), same(u, nodes[0]));

// Shapes and prototypes change; identity does not.
nodes[3].extra = 1;
delete nodes[5].v;
Object.setPrototypeOf(nodes[6], null);
let s = 0;
for (let k = 0; k < 50; k++) s += owner(nodes[0], nodes[k & 7]);
print("changed", s, same(nodes[3], nodes[3]), differ(nodes[6], nodes[5]));

// A site that then sees strings in a loop.
let hits = 0;
const words = ["x", "y", String.fromCharCode(120), "x" + ""];
for (let k = 0; k < 100; k++) if (same(words[k & 3], "x")) hits++;
print("loop strings", hits);
