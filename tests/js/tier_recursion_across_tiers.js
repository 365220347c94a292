// Mutual recursion where one function gets hot (and tiers up) first.
function even(n) { return n === 0 ? true : odd(n - 1); }
function odd(n) { return n === 0 ? false : even(n - 1); }
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
let acc = 0;
for (let i = 0; i < 300; i++) acc += even(i % 50) ? 1 : 0;
print(acc, fib(20), even(1001), odd(2000));
