function collatzLen(n) { let len = 1; while (n !== 1) { n = n % 2 === 0 ? n / 2 : 3 * n + 1; len++; } return len; }
let best = 0, bestN = 0;
for (let n = 1; n < 10000; n++) { const l = collatzLen(n); if (l > best) { best = l; bestN = n; } }
print(bestN, best);
const lens = [];
for (let n = 1; n <= 10; n++) lens.push(collatzLen(n));
print(lens);
let mean = lens.reduce((a, b) => a + b) / lens.length;
const variance = lens.reduce((a, b) => a + (b - mean) ** 2, 0) / lens.length;
print(mean, variance, Math.sqrt(variance));
