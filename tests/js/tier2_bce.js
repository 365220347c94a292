// Tier 2 removes the bounds checks of element accesses whose index a loop
// compare proves in [0, n), checking n against the array once before the
// loop (bce): dense arrays (length and element storage) and typed arrays.
// Every shape below also runs with a failing pre-loop check or a loop that
// changes the length, where the checked accesses stay.
function sum(a) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}
const big = [];
for (let i = 0; i < 300; i++) big.push(i * 0.5);
for (let k = 0; k < 60; k++) sum(big);
const sparse = [];
sparse.length = 5;             // length beyond the element storage
const holes = [1, , 3];
console.log(sum(big), sum([]), sum([7]), sum(sparse), sum(holes), sum("abc"));
console.log(sum({ length: 3, 0: 1, 1: 2, 2: 3 }), sum(new Float64Array(4)));

// A bound other than the length: n past the end reads undefined.
function firstN(a, n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i];
  return s;
}
for (let k = 0; k < 60; k++) firstN(big, 100);
console.log(firstN(big, 100), firstN(big, 0), firstN(big, -5), firstN(big, 301), firstN([1, 2], 2));

// The counter starts below 0, or the index is i - 1.
function from(a, start) {
  let s = "";
  for (let i = start; i < a.length; i++) s += a[i] + ",";
  return s;
}
function pairs(a) {
  let s = 0;
  for (let i = 1; i < a.length; i++) s += a[i] - a[i - 1];
  return s;
}
for (let k = 0; k < 60; k++) { from([1, 2, 3], 0); pairs(big); }
console.log(from([1, 2, 3], 0), from([1, 2, 3], 2), from([1, 2, 3], -2), from([], 0));
console.log(pairs(big), pairs([5]), pairs([]), pairs([1, 4, 9, 16]));

// Stores: in place, into a frozen array, into holes.
function fill(a, v) {
  for (let i = 0; i < a.length; i++) a[i] = v;
  return a;
}
for (let k = 0; k < 60; k++) fill([0, 0, 0, 0], k);
console.log(fill([1, 2, 3], 9).join(), fill([], 1).length, fill([, , 1], 4).join());
try { fill(Object.freeze([1, 2]), 3); } catch (e) { console.log(e.constructor.name); }

// The loop changes the length: its accesses keep their checks.
function shrink(a) {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    s += a[i];
    if (a[i] === 2) a.length = i;
  }
  return s + a.length;
}
function grow(a) {
  let n = 0;
  for (let i = 0; i < a.length && i < 50; i++) {
    if (i % 3 === 0) a.push(i);
    n += a[i];
  }
  return n + "/" + a.length;
}
for (let k = 0; k < 60; k++) { shrink([1, 3, 5]); grow([1]); }
console.log(shrink([1, 2, 3, 4]), shrink([5, 6]), grow([1]), grow([]));

// Typed arrays: length, a smaller or larger bound, odd lengths, stores.
function tsum(t, n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += t[i];
  return s;
}
function tscale(t, f) {
  for (let i = 0; i < t.length; i++) t[i] = t[i] * f;
  return t;
}
const f64 = new Float64Array(33);
const i32 = new Int32Array(17);
for (let i = 0; i < 33; i++) f64[i] = i / 4;
for (let i = 0; i < 17; i++) i32[i] = i * 1000003;
for (let k = 0; k < 60; k++) { tsum(f64, 33); tsum(i32, 17); tscale(new Float64Array(3), 2); }
console.log(tsum(f64, 33), tsum(f64, 10), tsum(i32, 17), tsum(i32, 18), tsum(new Int32Array(0), 0));
console.log(tscale(new Float64Array([1, -0, NaN]), -1).join(), tscale(new Int32Array([3, -4]), 2.5).join());
console.log(tscale(f64.subarray(30), 4).join(), f64[31], tsum([1, 2, 3], 3));

// Affine indices: row + x, k - 1, k + w, k - w (the stencil of a grid),
// with the pre-loop checks failing at the edges (reads past either end).
function stencilT(g, w, y1, x1) {
  let s = 0;
  for (let y = 1; y < y1; y++) {
    const row = y * w;
    for (let x = 1; x < x1; x++) {
      const k = row + x;
      s += g[k - 1] + g[k + 1] + g[k - w] + g[k + w] - 4 * g[k];
    }
  }
  return s;
}
function stencilD(g, w, y0, y1, x0, x1) {
  let s = 0;
  for (let y = y0; y < y1; y++) {
    const row = y * w;
    for (let x = x0; x < x1; x++) {
      const k = row + x;
      g[k] = g[k - 1] - g[k + w];
      s += g[k];
    }
  }
  return s;
}
const grid = new Float64Array(36);
for (let i = 0; i < 36; i++) grid[i] = (i * 7) % 11;
const mk = () => { const d = []; for (let i = 0; i < 36; i++) d.push((i * 5) % 13); return d; };
for (let k = 0; k < 60; k++) { stencilT(grid, 6, 5, 5); stencilD(mk(), 6, 1, 5, 1, 5); }
console.log(stencilT(grid, 6, 5, 5), stencilD(mk(), 6, 1, 5, 1, 5), stencilT(grid, 6, 5, 6), stencilT(grid, 6, 6, 5));
console.log(stencilT(grid, -1, 3, 3), stencilD(mk(), 6, 1, 5, 0, 6), stencilT(grid, 6, 1, 5), stencilT(grid, 7, 5, 3));
console.log(stencilD(mk(), 6, 1, 2, -1, 1), stencilD(mk(), 6, 5, 6, 0, 6), stencilD(mk(), 6, 4, 3, 1, 5));
