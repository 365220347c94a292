// mandelbrot: escape-time iteration over a 200x200 grid of the complex plane, 50 iterations
// max, packed into bits like the Benchmarks Game version.
// Stresses: tight double arithmetic loops, comparisons, int32 bit operations (shifts, or, xor).
const T0 = performance.now();
const NAME = "mandelbrot";
const WARMUP = 2, ITERATIONS = 5;
const SIZE = 200;
const MAX_ITER = 50;

function run() {
  let inside = 0;
  let escapeSum = 0;
  let bitsHash = 0;
  for (let y = 0; y < SIZE; y++) {
    const ci = 2.0 * y / SIZE - 1.0;
    let bits = 0;
    for (let x = 0; x < SIZE; x++) {
      const cr = 2.0 * x / SIZE - 1.5;
      let zr = 0.0, zi = 0.0, tr = 0.0, ti = 0.0;
      let i = 0;
      while (i < MAX_ITER && tr + ti <= 4.0) {
        zi = 2.0 * zr * zi + ci;
        zr = tr - ti + cr;
        tr = zr * zr;
        ti = zi * zi;
        i++;
      }
      bits = (bits << 1) | (tr + ti <= 4.0 ? 1 : 0);
      if (tr + ti <= 4.0) inside++;
      else escapeSum += i;
      if ((x & 7) === 7) {
        bitsHash = ((bitsHash * 31) ^ bits) & 0xffffff;
        bits = 0;
      }
    }
  }
  return inside * 1e10 + escapeSum * 1e4 + (bitsHash % 10000);
}
const EXPECTED = 158991816255700;

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
