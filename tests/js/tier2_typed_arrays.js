// Tier 2 loads and stores Int32Array/Float64Array elements inline where
// the site saw only typed arrays (the kind is tested at run time): doubles
// and int32s in both kinds, views with an offset, out-of-range indices,
// NaN/-0/large values into an Int32Array (ToInt32: the baseline's), and a
// plain array arriving at a hot typed site.
function stencil(a, b, n) {
  for (let i = 1; i < n - 1; i++) b[i] = 0.25 * (a[i - 1] + 2 * a[i] + a[i + 1]);
  return b[n >> 1];
}
const fa = new Float64Array(64), fb = new Float64Array(64);
for (let i = 0; i < 64; i++) fa[i] = i % 7 - 3.5;
for (let k = 0; k < 80; k++) stencil(fa, fb, 64);
console.log(stencil(fa, fb, 64), fb.join(",").length);

function copyInt(src, dst, n) {
  let s = 0;
  for (let i = 0; i < n; i++) { dst[i] = src[i] * 3; s += dst[i]; }
  return s;
}
const ia = new Int32Array(50), ib = new Int32Array(50);
for (let i = 0; i < 50; i++) ia[i] = i * 1000003 - 7;
for (let k = 0; k < 80; k++) copyInt(ia, ib, 50);
console.log(copyInt(ia, ib, 50), ib[49], ib[10]);
console.log(copyInt(ia, fb, 50), fb[49]);                 // an Int32Array source, a Float64Array destination
console.log(copyInt(fa, ib, 10), ib.join(" "));           // doubles into an Int32Array
console.log(copyInt(ia.subarray(5), ib.subarray(3), 20), ib[3], ib[22]);
console.log(copyInt(ia, ib, 60), ib[49]);                 // past the end: reads undefined, writes ignored
console.log(copyInt([1, 2, 3], ib, 3), copyInt(ia, [0, 0], 3));

function put(t, v) { for (let i = 0; i < 4; i++) t[i] = v; return Array.from(t).map(x => Object.is(x, -0) ? "-0" : String(x)).join(" "); }
const t4 = new Float64Array(4), u4 = new Int32Array(4);
for (let k = 0; k < 80; k++) { put(t4, k * 0.5); put(u4, k); }
for (const v of [NaN, -0, 2147483648, -2147483649, 4294967296.5, 1e300, -Infinity, "7", true])
  console.log(put(t4, v), "|", put(u4, v));

function sumTyped(t) { let s = 0; for (let i = 0; i < t.length; i++) s += t[i]; return s; }
for (let k = 0; k < 80; k++) { sumTyped(fa); sumTyped(ia); }
console.log(sumTyped(fa), sumTyped(ia), sumTyped(new Float64Array(0)), sumTyped("12"));
