// The classic: naive recursive Fibonacci, timed inside the program.
function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
const t0 = performance.now();
const r = fib(30);
const ms = performance.now() - t0;
print('fib(30) =', r);
console.log(`took ${ms.toFixed(1)} ms`);
