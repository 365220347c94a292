// Tier 2 moves loop-invariant work (context variable loads, length loads,
// shape checks and field loads of an unchanged object, int32/number
// checks) to a preheader that runs once per entry into the loop; a moved
// guard that fails leaves for the baseline code at the loop's entry.
const LIMIT = 40;
let step = 1;
function count(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += i < LIMIT ? step : 0;
  return s;
}
for (let k = 0; k < 60; k++) count(50);
console.log(count(50));
step = 2.5;                    // the moved CheckInt32 of `step` fails
console.log(count(50), count(0));
step = "s";
console.log(count(3));

function sumArr(a) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}
const arr = [];
for (let i = 0; i < 100; i++) arr.push(i * 0.5);
for (let k = 0; k < 60; k++) sumArr(arr);
console.log(sumArr(arr), sumArr([1, 2, 3]), sumArr([]), sumArr("abc"), sumArr({ length: 2, 0: 7, 1: 8 }));

function scaled(o, n) {
  let s = 0;
  for (let j = 0; j < n; j++) s += o.k * j + o.b;
  return s;
}
for (let k = 0; k < 60; k++) scaled({ k: 2, b: 1 }, 30);
console.log(scaled({ k: 2, b: 1 }, 30), scaled({ b: 1, k: 2 }, 30), scaled({ k: 0.5, b: -0 }, 0), scaled(null, 0));
try { scaled(null, 1); } catch (e) { console.log(e.constructor.name); }

// The field the loop reads is also written in it: no load moves.
function bump(o, n) {
  for (let j = 0; j < n; j++) o.v = o.v + o.d;
  return o.v;
}
for (let k = 0; k < 60; k++) bump({ v: 0, d: 1 }, 20);
console.log(bump({ v: 0, d: 1 }, 20), bump({ v: 0.25, d: 2 }, 5));

// A `let` read in its dead zone inside a loop that never runs is no error;
// once the loop runs it is.
function tdz(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += late;
  return s;
}
for (let k = 0; k < 60; k++) try { tdz(0); } catch (e) {}
console.log(tdz(0));
try { tdz(1); } catch (e) { console.log(e.constructor.name); }
let late = 3;
console.log(tdz(4));
