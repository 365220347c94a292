// Tier 2 replaces loops of pure int32 induction arithmetic by their closed
// form (scev): i from i0 up to n, s += i, t += x. Below: starts below 0 and
// past n, empty ranges, sums that leave the int32 range (the closed form
// deopts and the loop overflows to doubles), invariant and constant
// addends, and loops close to the shape that are not transformed.
function tri(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += i;
  return s;
}
function two(n, x) {
  let s = 7;
  let t = 0;
  for (let i = 3; i < n; i++) { s += x; t += i; }
  return s + ":" + t;
}
function from(i0, n) {
  let s = -5;
  for (let i = i0; i < n; i++) s += i;
  return s;
}
function konst(n) {
  let c = 0;
  for (let i = 0; i < n; i++) c += 3;
  return c;
}
let warm = 0;
for (let k = 0; k < 80; k++) warm += tri(50) + konst(10) + from(1, 20);
for (let k = 0; k < 80; k++) two(40, k);
console.log(warm, tri(0), tri(1), tri(2), tri(-4), tri(1000), tri(65536), tri(65537), tri(100000));
console.log(two(3, 1), two(2, 1), two(10, -2147483648), two(10, 2147483647), two(100000, 30000));
console.log(from(-3, 4), from(-100, -50), from(9, 3), from(2147483640, 2147483647), from(0, 65537));
console.log(konst(0), konst(715827882), konst(715827883));

// A loop that is not only induction arithmetic, or counts another way.
function mixed(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += i * 2;
  return s;
}
function down(n) {
  let s = 0;
  for (let i = n; i > 0; i--) s += i;
  return s;
}
function steps(n) {
  let s = 0;
  for (let i = 0; i < n; i += 2) s += i;
  return s;
}
for (let k = 0; k < 80; k++) { mixed(30); down(30); steps(30); }
console.log(mixed(100), down(100), steps(101), mixed(70000));

// Nested: the inner loop's closed form runs once per outer iteration.
function grid(w, h) {
  let total = 0;
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) row += x;
    total += row + y;
  }
  return total;
}
for (let k = 0; k < 40; k++) grid(20, 5);
console.log(grid(20, 5), grid(0, 3), grid(3000, 7), grid(70000, 2));

// A long top-level loop, entered by on-stack replacement mid-way.
let acc = 0;
for (let i = 0; i < 300000; i++) acc += i;
console.log(acc);
