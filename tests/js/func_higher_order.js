const pipe = (...fns) => x => fns.reduce((v, f) => f(v), x);
const inc = x => x + 1, dbl = x => x * 2;
print(pipe(inc, dbl)(5), pipe(dbl, inc)(5), pipe()(7));
function memoize(f) {
  const cache = {};
  let misses = 0;
  const m = n => (n in cache ? cache[n] : (misses++, cache[n] = f(n)));
  m.misses = () => misses;
  return m;
}
const slowSquare = memoize(n => n * n);
print(slowSquare(4), slowSquare(4), slowSquare(5), slowSquare.misses());
const fibm = memoize(n => n < 2 ? n : fibm(n - 1) + fibm(n - 2));
print(fibm(90), fibm.misses());
function partial(f, ...bound) { return function (...rest) { return f.apply(this, bound.concat(rest)); }; }
const add3 = (a, b, c) => a + b + c;
print(partial(add3, 1)(2, 3), partial(add3, 1, 2, 3)(), partial(add3)('a', 'b', 'c'));
const times = (n, f) => { const out = []; for (let i = 0; i < n; i++) out.push(f(i)); return out; };
print(times(4, i => i * i));
