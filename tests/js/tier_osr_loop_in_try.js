// A long loop at top level inside try/catch: entered mid-loop by OSR, then
// an exception leaves it for the handler.
let total = 0;
try {
  for (let i = 0; i < 200000; i++) {
    total = (total + i * 3) | 0;
    if (i === 199999) throw new Error('done at ' + i);
  }
} catch (e) {
  print(e.message, total);
}
let w = 0, j = 0;
while (j < 100000) { j++; if (j % 3 === 0) continue; w += j & 7; }
print(w, j);
outer: for (let a = 0; a < 300; a++) { for (let b = 0; b < 300; b++) { if (a * b > 80000) break outer; total ^= a + b; } }
print(total);
