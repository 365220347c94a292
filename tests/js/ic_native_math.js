// Math.sqrt/abs/floor/ceil/min/max at call sites warmed with numbers, so
// the baseline tier computes them inline (the site's feedback recorded the
// native); then the edge values (-0, NaN, Infinity, i32::MIN, halves,
// doubles that are integers, results past int32) at the same warmed sites,
// printed so -0 shows, and finally the natives replaced after warm-up by
// user functions, by other natives and by bound functions.
function show(x) {
  if (x === 0 && 1 / x < 0) return "-0";
  return String(x);
}
function sqrt(x) { return Math.sqrt(x); }
function abs(x) { return Math.abs(x); }
function floor(x) { return Math.floor(x); }
function ceil(x) { return Math.ceil(x); }
function min(a, b) { return Math.min(a, b); }
function max(a, b) { return Math.max(a, b); }

let acc = 0;
for (let i = 0; i < 3000; i++) {
  const d = i / 7 - 200;
  acc += sqrt(i) + abs(i - 1500) + abs(d) + floor(d) + ceil(d) + floor(i) + ceil(-i);
  acc += min(i, 1500) + max(i, 1500) + min(d, 3.5) + max(d, i) + min(i, d);
}
console.log("warm", acc.toFixed(6));

const edges = [0, -0, 0.5, -0.5, 1.5, -1.5, 0.49999999999999994, -0.49999999999999994,
  2147483647, -2147483648, 2147483648, -2147483649, 2147483647.5, -2147483648.5,
  4294967296.25, 1e21, -1e21, 1e-320, -1e-320, NaN, Infinity, -Infinity,
  Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 9007199254740993, 3, -3];
for (const x of edges) {
  console.log(show(x), "sqrt", show(sqrt(x)), "abs", show(abs(x)), "floor", show(floor(x)),
    "ceil", show(ceil(x)));
}
const pairs = [[0, -0], [-0, 0], [-0, -0], [0, 0], [NaN, 1], [1, NaN], [NaN, NaN],
  [Infinity, -Infinity], [-Infinity, Infinity], [1, 1], [-1, 2], [2, -1], [1.5, 1],
  [1, 1.5], [-0, -1e-320], [2147483647, -2147483648], [-2147483648, 2147483647],
  [0.1, 0.1], [NaN, -0], [-0, 0.0]];
for (const [a, b] of pairs) {
  console.log(show(a), show(b), "min", show(min(a, b)), "max", show(max(a, b)));
}
// Results that are ints after double inputs, and doubles after int inputs.
console.log(show(floor(-0.25)), show(ceil(-0.75)), show(ceil(0.25)), show(floor(5.0)),
  show(sqrt(16)), show(sqrt(2)), show(sqrt(-1)), show(abs(-2147483648)), show(sqrt(-0)));
// Non-numbers at the warmed sites go the generic way (ToNumber).
console.log(show(floor("2.5")), show(ceil(true)), show(abs(null)), show(sqrt(undefined)),
  show(min("3", 2)), show(max([7], { valueOf() { return 9; } })), show(abs("-0")));
// Argument counts other than the warmed ones.
console.log(show(Math.min()), show(Math.max()), show(Math.min(3)), show(Math.max(1, 2, 3)),
  show(Math.sqrt()), show(Math.floor(1.5, 99)));

// Replacing the natives after warm-up.
const origFloor = Math.floor, origMin = Math.min, origSqrt = Math.sqrt, origAbs = Math.abs;
Math.floor = function (x) { return "user floor " + x; };
Math.min = Math.max;
Math.sqrt = origSqrt.bind(null, 81);
Math.abs = Math.ceil;
console.log(floor(2.5), show(min(1, 2)), show(sqrt(4)), show(abs(-2.5)), show(ceil(-2.5)));
let r = 0;
for (let i = 0; i < 1000; i++) r += (floor(i).length | 0) + min(i, 5) + sqrt(i) + abs(i / 2);
console.log("replaced", r);
Math.floor = origFloor; Math.min = origMin; Math.sqrt = origSqrt; Math.abs = origAbs;
console.log(show(floor(2.5)), show(min(1, 2)), show(sqrt(4)), show(abs(-2.5)));
// A deleted native: the call throws at the warmed site.
delete Math.ceil;
try { ceil(1.5); } catch (e) { console.log(e.constructor.name, e.message); }
// A method on another receiver: Math.floor called with a `this` not Math.
const o = { f: origFloor, g: origAbs };
let s = 0;
for (let i = 0; i < 600; i++) s += o.f(i / 3) + o.g(-i);
console.log("methods", s);
