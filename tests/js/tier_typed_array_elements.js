// Typed-array element sites in hot loops (the baseline tier's inline paths):
// in-range and out-of-range keys, negative keys, subarray offsets, int32 and
// double values, NaN, -0, non-numbers converted, and the same site seeing
// arrays, typed arrays of both kinds and plain objects.
function fill(t, n) {
  for (let i = -2; i < n + 2; i++) t[i] = i * 1.5;
  return t;
}
function sum(t, n) {
  let s = 0;
  for (let i = -2; i < n + 2; i++) {
    const v = t[i];
    s += v === undefined ? 1000 : v;
  }
  return s;
}
const f = new Float64Array(50), i32 = new Int32Array(50);
for (let r = 0; r < 30; r++) { fill(f, 50); fill(i32, 50); }
print(sum(f, 50), sum(i32, 50), f[3], i32[3], f[-1], i32[60]);
const sub = new Float64Array(20).subarray(5, 15);
for (let r = 0; r < 30; r++) fill(sub, 10);
print(sum(sub, 10), sub.length);
const mixed = [f, i32, [1, 2, 3], {0: "a", 1: "b"}, sub, new Int32Array(3)];
let out = [];
for (let r = 0; r < 20; r++) for (const m of mixed) out.push(m[1]);
print(out.slice(0, 12).join(","));
const special = new Float64Array(4), ints = new Int32Array(4);
for (let r = 0; r < 40; r++) {
  special[0] = NaN; special[1] = -0; special[2] = "2.5"; special[3] = 2 ** 40;
  ints[0] = NaN; ints[1] = -0; ints[2] = 2 ** 31 + 5; ints[3] = -1.9;
}
console.log(special, ints, Object.is(special[1], -0), special[1] === 0);
let acc = 0;
const grid = new Float64Array(64);
for (let k = 0; k < 64; k++) grid[k] = k & 7 ? k / 3 : k;
for (let r = 0; r < 50; r++) for (let k = 1; k < 63; k++) acc += grid[k - 1] - grid[k + 1];
print(acc);
const h = new Int32Array(8);
for (let k = 0; k < 1000; k++) h[k & 7] += k;
print(h.join(" "));
