// Regression: a callee with fewer registers than the caller lowered the
// stack top, so the caller's temporaries above the call went unscanned.
function tiny(x) { return x; }
function big(n) {
  let a = 'a' + n, b = [n, n + 1], c = { n }, d = 'd' + (n * 2), e = [a, b];
  const r = tiny(n) + tiny(n + 1);
  return [a, b.join('-'), c.n, d, e.length, r].join(',');
}
const out = [];
for (let i = 0; i < 50; i++) out.push(big(i));
print(out[0], out[49], out.length);
