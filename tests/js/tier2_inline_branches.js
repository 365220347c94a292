// Tier 2 inlining of callees with branches (if/else, ternaries, early
// returns, `&&`/`||`): the callee's blocks are spliced into the caller's
// graph and its returns join in one value. Deopts in every branch of the
// inlined callee rebuild its frame at the right pc.
function isDigit(c) { return c >= 48 && c <= 57; }
function sign(x) {
  if (x > 0) return 1;
  if (x < 0) return -1;
  return 0;
}
function clamp(x, lo, hi) { return x < lo ? lo : x > hi ? hi : x; }
// Returns an int32 on one path, a double on another, a string on a third.
function mixed(i) {
  if (i % 3 === 0) return i;
  if (i % 3 === 1) return i / 2;
  return "s" + i;
}
// No return statement on one path: undefined.
function maybe(o) { if (o.flag) { return o.v; } }
function pick(a, b, first) { let r; if (first) { r = a; } else { r = b; } return r; }

class Box {
  constructor(v) { this.v = v; this.flag = v % 2 === 0; }
  get2(k) { if (k) return this.v * 2; else return this.v + 1; }
}

function hot(n) {
  let digits = 0, sg = 0, cl = 0, strs = "", nums = 0, und = 0, p = 0, g = 0;
  const b = new Box(3);
  for (let i = 0; i < n; i++) {
    if (isDigit(40 + (i & 31))) digits++;
    sg += sign((i & 7) - 3) + sign(i - i);
    cl += clamp(i & 63, 10, 50);
    const m = mixed(i);
    if (typeof m === "string") strs = m; else nums += m;
    const bx = new Box(i & 3);
    if (maybe(bx) === undefined) und++;
    p += pick(i, -i, (i & 1) === 0) + pick(1, 2, false);
    g += b.get2(i & 1) + b.get2(0);
  }
  return [digits, sg, cl, strs, nums, und, p, g];
}
for (let k = 0; k < 30; k++) hot(150);
print(hot(150).join(" "));

// A double reaches the inlined callee's int32 compare in its second block.
function above(x, t) { if (x > t) { return x - t; } return t - x; }
function scan(xs) { let s = 0; for (let i = 0; i < xs.length; i++) s += above(xs[i], 5); return s; }
const ints = [];
for (let i = 0; i < 100; i++) ints.push(i % 11);
for (let k = 0; k < 40; k++) scan(ints);
print(scan(ints));
ints[50] = 7.5;
print(scan(ints));

// Overflow in one branch of the inlined callee.
function grow(x, big) { if (big) { return x + 2000000000; } return x + 1; }
function growAll(n, base) { let s = 0; for (let i = 0; i < n; i++) s += grow(base + (i & 0xff), i % 10 === 0) & 0xfff; return s; }
for (let k = 0; k < 30; k++) growAll(200, 0);
print(growAll(200, 0), growAll(200, 200000000), growAll(200, -200000000));

// The receiver's shape differs in the branch that reads a field.
function fieldOr(o, useField) { return useField ? o.a : 0; }
function sumFields(os, flags) { let s = 0; for (let i = 0; i < os.length; i++) s += fieldOr(os[i], flags[i]); return s; }
const os = [], flags = [];
for (let i = 0; i < 60; i++) { os.push({ a: i }); flags.push(i % 2 === 0); }
for (let k = 0; k < 40; k++) sumFields(os, flags);
print(sumFields(os, flags));
os[10] = { b: 1, a: 100 };
print(sumFields(os, flags));

// Two inlined callees with branches in one caller block, their results
// feeding each other.
function twoInOne(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += clamp(sign(i - 50) * i, -20, 20) + clamp(i, 0, sign(i) * 30);
  return s;
}
for (let k = 0; k < 30; k++) twoInOne(100);
print(twoInOne(100));

// A thrown error inside an inlined branchy callee reports the callee's line.
function check(x) { if (x < 0) { return null.boom; } return x; }
function runChecks(xs) { let s = 0; for (let i = 0; i < xs.length; i++) s += check(xs[i]); return s; }
const pos = [];
for (let i = 0; i < 50; i++) pos.push(i);
for (let k = 0; k < 40; k++) runChecks(pos);
try { runChecks([1, 2, -3]); } catch (e) { print(e instanceof TypeError); }
print(runChecks(pos));
