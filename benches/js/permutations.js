// permutations: every permutation of 9 elements by Heap's algorithm (362,880 of them), folding
// each into a checksum; plus the recursive "choose the next element" generator on 8
// elements, which builds each permutation in a fresh array.
// Stresses: array element swaps, integer arithmetic, recursion, small-array allocation.
const T0 = performance.now();
const NAME = "permutations";
const WARMUP = 2, ITERATIONS = 5;

function heap(n) {
  const a = [], c = [];
  for (let i = 0; i < n; i++) { a.push(i + 1); c.push(0); }
  let count = 1;
  let sum = a[0] * 7 + a[n - 1];
  let i = 1;
  while (i < n) {
    if (c[i] < i) {
      const j = (i & 1) === 0 ? 0 : c[i];
      const t = a[j]; a[j] = a[i]; a[i] = t;
      count++;
      sum = (sum + a[0] * 7 + a[n - 1] * (count & 15)) % 1000000007;
      c[i]++;
      i = 1;
    } else {
      c[i] = 0;
      i++;
    }
  }
  return count * 1000000000 + sum;
}

function recursive(n) {
  const used = [];
  for (let i = 0; i < n; i++) used.push(false);
  let count = 0, sum = 0;
  function extend(prefix) {
    if (prefix.length === n) {
      count++;
      sum = (sum * 31 + prefix[0] * 100 + prefix[n - 1] * 10 + prefix[n >> 1]) % 1000003;
      return;
    }
    for (let v = 0; v < n; v++) {
      if (used[v]) continue;
      used[v] = true;
      const next = prefix.slice();
      next.push(v);
      extend(next);
      used[v] = false;
    }
  }
  extend([]);
  return count * 10000000 + sum;
}

function run() {
  return heap(9) + recursive(8);
}
const EXPECTED = 363283226860667;

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
