// Tier 2 computes `%` of int32s inline (idiv, with edx:eax saved around
// it): negative dividends, zero remainders of negative dividends (-0),
// divisors 0 and -1, INT_MIN, and many values live across the division.
function mods(n, d) {
  let s = 0, z = 0, neg = 0;
  for (let i = -n; i < n; i++) {
    const r = i % d;
    s += r;
    if (r === 0 && 1 / r < 0) z++;
    if (r < 0) neg++;
  }
  return [s, z, neg];
}
for (let k = 0; k < 30; k++) mods(50, 7);
print(mods(50, 7).join(" "), mods(50, -7).join(" "), mods(10, 1).join(" "));
print(mods(5, 0).join(" "), mods(5, -1).join(" "));

// Many live values around the division (the allocator uses rax and rdx).
function busy(n) {
  let a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 0;
  for (let i = 1; i < n; i++) {
    h += (a * i + b) % (c + (i & 7)) + d % (e + 1) - (f + i) % g;
    a = (a + 1) % 13; b = (b + 3) % 17; c = (c + 5) % 19 + 1; d = (d * 7) % 23;
    e = (e + i) % 29; f = (f + 2 * i) % 31; g = (g + 1) % 37 + 1;
  }
  return [h, a, b, c, d, e, f, g];
}
for (let k = 0; k < 30; k++) busy(100);
print(busy(1000).join(" "));

// Edge values after warm-up.
function m(x, y) { return x % y; }
function table(xs, ys) {
  const out = [];
  for (let i = 0; i < xs.length; i++) for (let j = 0; j < ys.length; j++) out.push(m(xs[i], ys[j]));
  return out;
}
const xs = [0, 1, -1, 7, -7, 2147483647, -2147483648, 100], ys = [1, 2, 3, -3, 7, 2147483647, 1000];
for (let k = 0; k < 40; k++) table(xs, ys);
print(table(xs, ys).join(","));
print(m(-2147483648, -1), m(5, 0), m(-6, 3), 1 / m(-6, 3), m(6.5, 2), m(7, 2.5));
