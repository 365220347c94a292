// Tier 2 speculates on feedback; each section warms a site up and then
// breaks what it saw. Every plan must print what node prints.
function addLoop(n, step) {
  let s = 0;
  for (let i = 0; i < n; i++) s = s + step;
  return s;
}
for (let k = 0; k < 30; k++) addLoop(100, 3);
console.log(addLoop(100, 3), addLoop(3, 2147483647), addLoop(4, 0.5), addLoop(2, "x"));

function mul(a, b) { return a * b; }
for (let k = 0; k < 50; k++) mul(k, 3);
console.log(mul(0, -5), 1 / mul(0, -5), mul(-0, 1), mul(65536, 65536), mul(3, 4));

function neg(a) { return -a; }
for (let k = 1; k < 50; k++) neg(k);
console.log(neg(5), 1 / neg(0), neg(-2147483648), neg("7"));

function bits(x) { return (x | 0) + (x >>> 0) + (x << 3) + (x >> 1) + (x ^ 5) + (x & 12); }
for (let k = 0; k < 50; k++) bits(k);
console.log(bits(7), bits(-1), bits(2.5), bits(4294967296 + 17), bits(-2147483649), bits(NaN), bits(1e20));

function cmp(a, b) { return [a < b, a <= b, a > b, a >= b, a === b, a !== b]; }
for (let k = 0; k < 50; k++) cmp(k, 25);
console.log(cmp(1, 2), cmp(NaN, 1), cmp(0, -0), cmp(1.5, 1.5), cmp("a", "b"));

function fl(n) {
  let x = 0.5, y = 0;
  for (let i = 0; i < n; i++) y = y * 0.5 + x * i;
  return y;
}
for (let k = 0; k < 30; k++) fl(50);
console.log(fl(50), fl(0), fl(1));

function props(objs) {
  let t = 0;
  for (let i = 0; i < objs.length; i++) t += objs[i].v;
  return t;
}
const same = [];
for (let i = 0; i < 40; i++) same.push({ v: i });
for (let k = 0; k < 20; k++) props(same);
const mixed = same.slice(0, 5);
mixed.push({ w: 1, v: 100 }, { v: "s" }, Object.create({ v: 7 }));
console.log(props(same), props(mixed));
const shrinking = { v: 1 };
delete shrinking.v;
console.log(props([{ v: 2 }, shrinking]));

function loopThrow(n) {
  let s = 0;
  for (let i = 0; i < n; i++) {
    try {
      if (i === 77) throw new Error("at " + i);
      s += i;
    } catch (e) {
      s += 1000;
      console.log(e.message, s);
    }
  }
  return s;
}
for (let k = 0; k < 5; k++) console.log(loopThrow(100));

function nullish(a) { let c = 0; for (let i = 0; i < 40; i++) { if (a ?? false) c++; } return c; }
for (let k = 0; k < 10; k++) nullish(1);
console.log(nullish(1), nullish(null), nullish(undefined), nullish(0), nullish(""));

function osr() {
  let s = 0;
  for (let i = 0; i < 5000; i++) { s += i % 7; if (i === 4000) s = s + 0.5; }
  return s;
}
console.log(osr());

function swap(n) {
  let a = 1, b = 2;
  for (let i = 0; i < n; i++) { const t = a; a = b; b = t + i; }
  return [a, b];
}
for (let k = 0; k < 20; k++) swap(10);
console.log(swap(10), swap(11));

function many(n) {
  let a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8, i2 = 9, j = 10;
  for (let i = 0; i < n; i++) {
    a = (a + b) | 0; b = (b + c) | 0; c = (c + d) | 0; d = (d + e) | 0; e = (e + f) | 0;
    f = (f + g) | 0; g = (g + h) | 0; h = (h + i2) | 0; i2 = (i2 + j) | 0; j = (j + a) | 0;
  }
  return [a, b, c, d, e, f, g, h, i2, j];
}
for (let k = 0; k < 20; k++) many(5);
console.log(many(30));
