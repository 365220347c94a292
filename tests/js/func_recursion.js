function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
print(fact(5), fact(20), fact(25), fact(170), fact(171));
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
print(fib(20));
function isEven(n) { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n) { return n === 0 ? false : isEven(n - 1); }
print(isEven(100), isOdd(77));
function ack(m, n) { return m === 0 ? n + 1 : n === 0 ? ack(m - 1, 1) : ack(m - 1, ack(m, n - 1)); }
print(ack(2, 3));
const hanoi = (n, a, b, c) => n === 0 ? 0 : hanoi(n - 1, a, c, b) + 1 + hanoi(n - 1, c, b, a);
print(hanoi(10, 'A', 'B', 'C'));
function flatten(x) { return Array.isArray(x) ? x.reduce((acc, v) => acc.concat(flatten(v)), []) : [x]; }
print(flatten([1, [2, [3, [4, [5]]]], 6]));
