// NaN is unequal to everything including itself
let n = NaN;
print(n == n, n === n, n != n, n !== n);
print(n < 1, n > 1, n <= n, n >= n);
print(Object.is(n, NaN), isNaN(n), Number.isNaN(n));
print(isNaN('abc'), Number.isNaN('abc'));
print(0 / 0, Infinity - Infinity, Infinity * 0);
print(Math.sqrt(-1), parseInt('x'), Number('1x'));
print([NaN].includes(NaN), [NaN].indexOf(NaN));
print(NaN ? 'truthy' : 'falsy', !NaN);
print(NaN | 0, NaN >>> 0, ~NaN);
print(Math.max(1, NaN), Math.min(NaN, 1));
console.log(NaN, [NaN]);
print(typeof NaN, NaN + 1, NaN ** 0);
