// Tier 2 computes Math.sqrt/abs/floor/ceil/min/max inline at call sites
// whose feedback saw that native, guarded by the callee's identity, and
// reads globals through the global object's shape. Each section warms a
// site up, then breaks what it saw: other argument kinds, edge values
// (-0, NaN, infinities, int32 bounds) and a replaced Math function.
function hyp(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.sqrt(i * i + 1) + Math.abs(i - 50) + Math.floor(i / 3) + Math.ceil(i / 7);
  return s;
}
for (let k = 0; k < 40; k++) hyp(100);
console.log(hyp(100), hyp(3));

function one(f, x) { return [Math.sqrt(x), Math.abs(x), Math.floor(x), Math.ceil(x)]; }
for (let k = 0; k < 200; k++) one(0, k + 0.5);
const edges = [0, -0, NaN, Infinity, -Infinity, -2147483648, 2147483647, -2.5, 2.5, -0.5, 0.5, 1e300, -1e-300, 4294967296.5];
for (const x of edges) console.log(x, one(0, x).map(v => Object.is(v, -0) ? "-0" : String(v)).join(" "));
console.log(one(0, "9"), one(0, undefined), one(0, null), one(0, true), one(0, [4]));

function mm(a, b) { return [Math.min(a, b), Math.max(a, b)]; }
for (let k = 0; k < 200; k++) mm(k, 100 - k);
const pairs = [[0, -0], [-0, 0], [NaN, 1], [1, NaN], [2.5, 2.5], [-Infinity, Infinity], [3, "2"], [1, 2147483648]];
for (const [a, b] of pairs) console.log(mm(a, b).map(v => Object.is(v, -0) ? "-0" : String(v)).join(" "));

// The callee changes under a hot site: the guard leaves optimized code.
function hot(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.sqrt(i);
  return s;
}
for (let k = 0; k < 40; k++) hot(200);
console.log(hot(200));
const realSqrt = Math.sqrt;
Math.sqrt = function (x) { return -x; };
console.log(hot(200));
Math.sqrt = realSqrt;
console.log(hot(200));

// A global replaced under a hot read (the global object's shape guard).
var scale = 3;
function useScale(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += scale * i;
  return s;
}
for (let k = 0; k < 40; k++) useScale(100);
console.log(useScale(100));
scale = 0.5;
console.log(useScale(100));
globalThis.extra = 1;
scale = "x";
console.log(useScale(3));

// An argument the tier holds as a bool (a comparison's result) is no
// number to compute with: such sites stay generic.
function boolArg(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.max(i < 5, 0) + Math.abs(i > 7);
  return s;
}
for (let k = 0; k < 40; k++) boolArg(10);
console.log(boolArg(10));
