// Tier 2 inlines calls inside inlined callees (two levels): deopts in the
// innermost callee rebuild all three frames (each resuming after its own
// call), deopts in the middle one after its inner call returned rebuild
// two, and the depth limit still throws RangeError at the same depth.
class P {
  constructor(x, y) { this.x = x; this.y = y; }
  sq(v) { return v * v; }
  norm1() { return this.abs(this.x) + this.abs(this.y); }
  abs(v) { return v < 0 ? -v : v; }
  len2() { return this.sq(this.x) + this.sq(this.y); }
}
function inner(a) { return a + 1; }
function middle(a, b) { const t = inner(a); return t * b + inner(b); }

function hot(n) {
  const p = new P(3, -4);
  let s = 0, u = 0, w = 0;
  for (let i = 0; i < n; i++) {
    s += p.len2() + p.norm1();
    u += middle(i & 15, 3);
    w += middle(i, i & 7) & 1023;
  }
  return [s, u, w];
}
for (let k = 0; k < 40; k++) hot(100);
print(hot(100).join(" "));

// The innermost callee's add overflows (deopt two inlined frames deep).
function big(n, base) { let s = 0; for (let i = 0; i < n; i++) s += middle(base + i, 1) % 100000; return s; }
for (let k = 0; k < 40; k++) big(100, 0);
print(big(100, 0), big(100, 2147483600));

// A double reaches the middle callee's multiply after its inner call.
function mul(n, b) { let s = 0; for (let i = 0; i < n; i++) s += middle(i & 3, b); return s; }
for (let k = 0; k < 40; k++) mul(100, 2);
print(mul(100, 2), mul(100, 2.5));

// The receiver's field turns into a double inside the doubly inlined sq.
const q = new P(1, 2);
function lens(n) { let s = 0; for (let i = 0; i < n; i++) s += q.len2(); return s; }
for (let k = 0; k < 40; k++) lens(100);
print(lens(100));
q.x = 0.5;
print(lens(100));

// The inner method is replaced after warm-up.
P.prototype.sq = function (v) { return v * 3; };
print(hot(50).join(" "));

// Deep recursion through doubly inlined callees still throws RangeError.
function leaf2(x) { return x + 1; }
function mid2(x) { return leaf2(x) + 1; }
function deep(n) { return n === 0 ? 0 : mid2(deep(n - 1)); }
for (let k = 0; k < 50; k++) deep(20);
try { deep(1e6); print("no error"); } catch (e) { print(e instanceof RangeError); }
