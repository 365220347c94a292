// Element-wise loops over Float64Array that tier 2 runs as vector loops
// (opt::vectorize): odd lengths 0..33 (the scalar remainder), NaN, -0 and
// infinities, a loop-invariant scalar, division, views that alias
// (subarray: same buffer, shifted either way, where vectorizing would
// change results), an Int32Array among the arrays (left scalar), and
// fuel-relevant long loops. Each kernel is hot, so auto plans optimize it.
function saxpy(c, a, b, k, n) {
  for (let i = 0; i < n; i++) c[i] = a[i] * k + b[i];
}
function quot(c, a, b, n) {
  for (let i = 0; i < n; i++) c[i] = (a[i] - b[i]) / (a[i] + 0.5);
}
function scale(c, a, n) {
  for (let i = 0; i < n; i++) c[i] = a[i] * 3;
}
function from(c, a, i0, n) {
  for (let i = i0; i < n; i++) c[i] = a[i] + c[i];
}
function show(x) {
  return Object.is(x, -0) ? "-0" : String(x);
}
function dump(label, c, n) {
  let s = label + ":";
  for (let i = 0; i < n; i++) s += " " + show(c[i]);
  console.log(s);
}
const special = [NaN, -0, 0, Infinity, -Infinity, 1e-310, -2.5, 7];
function fill(a, n, seed) {
  for (let i = 0; i < n; i++) {
    a[i] = (i * 7 + seed) % 5 === 0 ? special[(i + seed) % special.length] : (i * 1.25 - seed) / 3;
  }
}
for (let round = 0; round < 6; round++) {
  for (let n = 0; n <= 33; n++) {
    const a = new Float64Array(n), b = new Float64Array(n), c = new Float64Array(n);
    fill(a, n, round + 1);
    fill(b, n, round + 3);
    saxpy(c, a, b, round - 2.5, n);
    if (round === 5) dump("saxpy " + n, c, n);
    quot(c, a, b, n);
    if (round === 5 && n % 4 === 1) dump("quot " + n, c, n);
    scale(c, c, n);
    if (round === 5 && n % 8 === 3) dump("scale in place " + n, c, n);
  }
}
// Overlapping views of one buffer: dst ahead of the source (a loop-carried
// dependence: must stay scalar), dst behind it, and the same view.
for (let round = 0; round < 40; round++) {
  const buf = new Float64Array(40);
  for (let i = 0; i < 40; i++) buf[i] = i + 0.5;
  const ahead = buf.subarray(1), behind = buf.subarray(0, 39), src = buf.subarray(1);
  scale(ahead, buf, 21);
  scale(behind, src, 17);
  saxpy(buf, buf, buf, 0.5, 33);
  if (round === 39) dump("aliased", buf, 40);
}
// An Int32Array source or destination: not a Float64Array kernel.
for (let round = 0; round < 40; round++) {
  const a = new Int32Array(13), c = new Float64Array(13);
  for (let i = 0; i < 13; i++) a[i] = i * 1000003;
  scale(c, a, 13);
  if (round === 39) dump("int32 source", c, 13);
}
// A start other than 0, and a loop long enough to matter for fuel.
for (let round = 0; round < 30; round++) {
  const a = new Float64Array(1001), c = new Float64Array(1001);
  fill(a, 1001, round);
  from(c, a, round % 7, 1001);
  from(c, a, 1000, 1001);
  let s = 0;
  for (let i = 0; i < 1001; i++) s += c[i];
  if (round % 10 === 9) console.log("from", round, show(s));
}
// Int32Array kernels: wrapping sums and differences (`| 0` or the store's
// ToInt32) become int32 vector loops; a product (not exact in a double)
// stays scalar.
function addw(c, a, b, n) {
  for (let i = 0; i < n; i++) c[i] = (a[i] + b[i]) | 0;
}
function sub3(c, a, b, n) {
  for (let i = 0; i < n; i++) c[i] = a[i] - b[i] + 7 - a[i];
}
function mulw(c, a, b, n) {
  for (let i = 0; i < n; i++) c[i] = (a[i] * b[i]) | 0;
}
for (let round = 0; round < 8; round++) {
  for (let n = 0; n <= 33; n++) {
    const a = new Int32Array(n), b = new Int32Array(n), c = new Int32Array(n);
    const d = new Int32Array(n), e = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      a[i] = i * 1000003 - 2147483000 * (i & 1) + round;
      b[i] = 2147483000 - i * 77777;
    }
    addw(c, a, b, n);
    sub3(d, a, b, n);
    mulw(e, a, b, n);
    addw(a.subarray(1), a, b, n - 1);
    if (round === 7) {
      let s = "";
      for (let i = 0; i < n; i++) s += c[i] + "/" + d[i] + "/" + e[i] + "/" + a[i] + " ";
      console.log("int32 " + n + ":", s);
    }
  }
}
