// Calls between optimized functions through the lean entry (the caller
// pushes the callee's frame itself): recursion, extra and exact
// arguments, closures of one function with different contexts, a callee
// replaced after warm-up, a deep recursion that overflows, and calls
// whose callee deopts.
function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

function sum3(a, b, c) {
  let t = a + b;
  return t + c;
}

function extra(a) {
  // Extra arguments are dropped; locals start undefined.
  let u;
  return a + (u === undefined ? 1 : 0);
}

function makeAdder(k) {
  return function add(x) { return x + k; };
}

function callAdders(adders, n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += adders[i % adders.length](i);
  return s;
}

let h = function (x) { return x * 2; };
function useH(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += h(i);
  return s;
}

function depth(n) {
  return n === 0 ? 0 : 1 + depth(n - 1);
}

function half(x) {
  return x / 2;
}
function halves(n, f) {
  let s = 0;
  for (let i = 0; i < n; i++) s += half(i * f);
  return s;
}

let total = 0;
for (let r = 0; r < 30; r++) {
  total += fib(12);
  total += sum3(r, 2, 3) + extra(r, 99, 100);
}
print("fib", fib(20), total);

const adders = [makeAdder(1), makeAdder(10), makeAdder(100)];
let t2 = 0;
for (let r = 0; r < 40; r++) t2 += callAdders(adders, 30);
print("adders", t2);

let t3 = 0;
for (let r = 0; r < 40; r++) t3 += useH(20);
h = function (x) { return x - 1; };
t3 += useH(20);
print("replaced", t3);

let t4 = 0;
for (let r = 0; r < 40; r++) t4 += depth(50);
print("depth", t4);
try {
  depth(1e6);
} catch (e) {
  print("deep", e instanceof RangeError);
}

let t5 = 0;
for (let r = 0; r < 40; r++) t5 += halves(20, 2);
// half(x) now sees doubles and a string: its int speculation fails.
t5 += halves(20, 1.5);
print("halves", t5, halves(3, "4"));
