// method_calls: 100,000 monomorphic method calls on one class instance, done 20 times per iteration.
// Stresses: property lookup through the prototype (one shape: inline caches), `this`, call overhead,
// field read-modify-write.
const T0 = performance.now();
const NAME = "method_calls";
const WARMUP = 2, ITERATIONS = 5;
const CALLS = 100000;
const ROUNDS = 20;

class Accumulator {
  constructor() {
    this.total = 0;
    this.calls = 0;
  }
  add(x) {
    this.total += x;
    this.calls++;
    return this.total;
  }
}

function run() {
  const acc = new Accumulator();
  let last = 0;
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < CALLS; i++) last = acc.add(i & 7);
  }
  return last + acc.calls;
}
const EXPECTED = 9000000;

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
