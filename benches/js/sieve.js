// sieve: the Sieve of Eratosthenes up to 1,000,000 on a fresh array of booleans per iteration.
// Stresses: allocation and filling of a large array, strided indexed stores, boolean loads.
const T0 = performance.now();
const NAME = "sieve";
const WARMUP = 2, ITERATIONS = 5;
const LIMIT = 1000000;

function run() {
  const composite = [];
  for (let i = 0; i <= LIMIT; i++) composite.push(false);
  for (let p = 2; p * p <= LIMIT; p++) {
    if (composite[p]) continue;
    for (let m = p * p; m <= LIMIT; m += p) composite[m] = true;
  }
  let count = 0, sum = 0;
  for (let i = 2; i <= LIMIT; i++) {
    if (!composite[i]) { count++; sum += i; }
  }
  // pi(10^6) = 78498; the primes below 10^6 add up to 37550402023.
  if (count !== 78498 || sum !== 37550402023) throw new Error("sieve: count " + count + " sum " + sum);
  return count + sum;
}
const EXPECTED = 37550480521;

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
