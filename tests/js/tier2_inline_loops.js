// Tier 2 inlines callees that loop (their loops stay loops, each back
// edge spending its fuel): deopts inside the inlined loop rebuild the
// callee's frame mid-loop, and fuel running out inside it stops every
// tier at the same point.
function bitCount(x) { let n = 0; while (x !== 0) { x &= x - 1; n++; } return n; }
function lowBit(x) { let d = 0; while ((x & 1) === 0 && d < 31) { x >>= 1; d++; } return d; }
function sumTo(n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s; }
function Node(v, next) { this.v = v; this.next = next; }
function sumList(h) { let s = 0; for (let n = h; n !== null; n = n.next) s += n.v; return s; }

function hot(k) {
  let a = 0, b = 0, c = 0;
  for (let i = 1; i < k; i++) {
    a += bitCount(i) + lowBit(i);
    b += sumTo(i & 15);
    c += bitCount(i * 7) - lowBit(i << 3);
  }
  return [a, b, c];
}
for (let r = 0; r < 40; r++) hot(60);
print(hot(200).join(" "));

// The loop's sum leaves the int32 range inside the inlined callee.
function big(k, n) { let t = 0; for (let i = 0; i < k; i++) t += sumTo(n + i) % 1000; return t; }
for (let r = 0; r < 30; r++) big(20, 10);
print(big(20, 10), big(3, 70000));

// A list whose values turn into doubles, then into a string.
let head = null;
for (let i = 0; i < 30; i++) head = new Node(i, head);
function walk(k) { let t = 0; for (let i = 0; i < k; i++) t += sumList(head); return t; }
for (let r = 0; r < 30; r++) walk(10);
print(walk(10));
head.next.next.v = 0.5;
print(walk(10));
head.next.v = "x";
print(walk(2));
