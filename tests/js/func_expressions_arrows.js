const sq = x => x * x;
const add = (a, b) => a + b;
const obj = () => ({ v: 1 });
const block = (x) => { if (x) return 'yes'; };
print(sq(7), add(2, 3), obj().v, block(1), block(0));
const fact = function f(n) { return n <= 1 ? 1 : n * f(n - 1); };
print(fact(6));
const iife = (function (x) { return x * 2; })(21);
const arrowIife = ((a) => a + 1)(1);
print(iife, arrowIife);
const compose = (...fs) => x => fs.reduceRight((acc, f) => f(acc), x);
print(compose(sq, x => x + 1)(3));
const curry = a => b => c => a * b * c;
print(curry(2)(3)(4));
try { new sq(); } catch (e) { print(e.name, e.message); }
print(typeof (() => {}).prototype);
