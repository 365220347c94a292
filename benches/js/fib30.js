// fib30: naive recursive Fibonacci, fib(30) per iteration.
// Stresses: calls and returns, small-integer arithmetic, comparisons.
const T0 = performance.now();
const NAME = "fib30";
const WARMUP = 2, ITERATIONS = 5;
const N = 30;
const EXPECTED = 832040;

function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

function run() {
  return fib(N);
}

// ---- harness: identical in every benches/js program (see benches/README.md) ----
function bench(name, warmup, iterations, body, expected) {
  print("bench", name);
  for (let i = 0; i < warmup + iterations; i++) {
    const t = performance.now();
    const got = body();
    const ms = performance.now() - t;
    if (got !== expected) throw new Error(name + ": checksum " + got + ", expected " + expected);
    print(i < warmup ? "warmup" : "iteration", ms);
  }
  print("result ok", expected);
  print("total", performance.now() - T0);
}
bench(NAME, WARMUP, ITERATIONS, run, EXPECTED);
