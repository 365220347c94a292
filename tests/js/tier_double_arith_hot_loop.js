// Double arithmetic in hot loops (the baseline's inline double path):
// results that are exact int32s become ints again, -0 stays -0, NaN stays
// NaN, int32 edges, and mixed int/double operands.
let s = 0.5, m = 1, neg = 0, nan = 0, edge = 0;
for (let i = 0; i < 5000; i++) {
  s = s + 0.25 - 0.125;
  m = m * 1.0001;
  neg = (i % 2 ? -0 : 0) * 1.5;
  nan = (i === 4999 ? NaN : 1) * 2.5;
  edge = -2147483648.0 * 1 + (i % 3) * 0.5;
}
print(s, m.toFixed(6), Object.is(neg, -0), nan, edge);
let acc = 0;
for (let i = 0; i < 3000; i++) acc = acc + i * 0.5 - (i - 0.5);
print(acc, acc === Math.trunc(acc), typeof acc);
let t = 1.5;
for (let i = 0; i < 2000; i++) t = t * -1;
print(t, 2147483647.5 - 0.5, -2147483648.5 + 0.5, 4294967296 * 0.5, 1e308 * 10 - 1e308 * 10);
