// saxpy: c[i] = a[i] * k + b[i] (and b[i] = c[i] * -0.5 + a[i]) over Float64Arrays of 10,003 elements (an odd length: the
// vector loop's scalar remainder runs too), 300 passes with a changing k, then a sequential
// sum of c as the checksum.
// Stresses: tier 2's vector loops (opt::vectorize: AVX2 or SSE2; compare with
// JOLT_SIMD=off or --simd=off for the scalar loop), Float64Array loads/stores, double arithmetic.
const T0 = performance.now();
const NAME = "saxpy";
const WARMUP = 2, ITERATIONS = 5;
const N = 10003;
const PASSES = 300;

function run() {
  const a = new Float64Array(N), b = new Float64Array(N), c = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    a[i] = (i % 1000) * 0.001;
    b[i] = (i % 7) - 3;
  }
  for (let p = 0; p < PASSES; p++) {
    const k = 1 + p * 0.25;
    for (let i = 0; i < N; i++) c[i] = a[i] * k + b[i];
    for (let i = 0; i < N; i++) b[i] = c[i] * -0.5 + a[i];
  }
  let sum = 0;
  for (let i = 0; i < N; i++) sum += c[i];
  return sum;
}
const EXPECTED = 255855.15366666665;

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
