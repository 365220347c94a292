// typed_kernel: numeric kernels over typed arrays: 40 Jacobi steps of 2-D heat diffusion on a
// 192x192 Float64Array grid (two buffers swapped), and an Int32Array pass: 200,000 values from
// an int32 hash, a wrapping prefix sum and a 256-bucket histogram.
// Stresses: Float64Array/Int32Array element loads and stores in tight loops, double
// arithmetic, int32 wrap-around (`| 0`, `Math.imul`), bounds-checked indexing.
const T0 = performance.now();
const NAME = "typed_kernel";
const WARMUP = 2, ITERATIONS = 5;
const SIZE = 192;
const STEPS = 40;
const COUNT = 200000;

function heat() {
  const n = SIZE;
  let a = new Float64Array(n * n);
  let b = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    a[i] = 100;                  // a hot top edge
    a[(n - 1) * n + i] = -50;    // a cold bottom edge
  }
  b.set(a);
  for (let s = 0; s < STEPS; s++) {
    for (let y = 1; y < n - 1; y++) {
      const row = y * n;
      for (let x = 1; x < n - 1; x++) {
        const k = row + x;
        b[k] = 0.25 * (a[k - 1] + a[k + 1] + a[k - n] + a[k + n]);
      }
    }
    const t = a; a = b; b = t;
  }
  let sum = 0;
  for (let k = 0; k < n * n; k++) sum += a[k];
  return sum;
}

function ints() {
  const v = new Int32Array(COUNT);
  for (let i = 0; i < COUNT; i++) v[i] = Math.imul(i + 1, 0x9E3779B1) ^ (i << 7);
  for (let i = 1; i < COUNT; i++) v[i] = (v[i] + v[i - 1]) | 0;
  const hist = new Int32Array(256);
  for (let i = 0; i < COUNT; i++) hist[v[i] & 255]++;
  let h = 0;
  for (let i = 0; i < 256; i++) h = (Math.imul(h, 31) + hist[i]) | 0;
  return v[COUNT - 1] + h;
}

function run() {
  return heat() + ints();
}
const EXPECTED = -414476452.0463417;

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
