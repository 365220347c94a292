// array_sum: a 1,000,000-element array of numbers (doubles), summed in 10 passes per iteration.
// Stresses: indexed element loads from a large dense array, double addition, loop overhead.
const T0 = performance.now();
const NAME = "array_sum";
const WARMUP = 2, ITERATIONS = 5;
const SIZE = 1000000;
const PASSES = 10;

// Built once, outside the timed iterations: (i & 1023) * 0.25 is exact in binary,
// and every partial sum stays far below 2^53, so the total is exact in every language.
const data = [];
for (let i = 0; i < SIZE; i++) data.push((i & 1023) * 0.25);

function run() {
  let total = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    let sum = 0;
    for (let i = 0; i < data.length; i++) sum += data[i];
    total += sum;
  }
  return total;
}
const EXPECTED = 1278427440;

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
