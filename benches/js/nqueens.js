// nqueens: count all placements of N non-attacking queens by backtracking over arrays of
// occupied columns and diagonals (no bit tricks), for N = 8, 9 and 10, three times per iteration.
// Stresses: recursion, small-array loads and stores, boolean logic, loop control.
const T0 = performance.now();
const NAME = "nqueens";
const WARMUP = 2, ITERATIONS = 5;

function solve(n) {
  const cols = [], diag1 = [], diag2 = [], placed = [];
  for (let i = 0; i < n; i++) { cols.push(false); placed.push(-1); }
  for (let i = 0; i < 2 * n; i++) { diag1.push(false); diag2.push(false); }
  let solutions = 0, weight = 0;
  function place(row) {
    if (row === n) {
      solutions++;
      weight += placed[0] * n + placed[n - 1];
      return;
    }
    for (let c = 0; c < n; c++) {
      const d1 = row + c, d2 = row - c + n;
      if (cols[c] || diag1[d1] || diag2[d2]) continue;
      cols[c] = true; diag1[d1] = true; diag2[d2] = true; placed[row] = c;
      place(row + 1);
      cols[c] = false; diag1[d1] = false; diag2[d2] = false;
    }
  }
  place(0);
  return { solutions: solutions, weight: weight };
}

const KNOWN = [0, 1, 0, 0, 2, 10, 4, 40, 92, 352, 724];

function run() {
  let checksum = 0;
  for (let round = 0; round < 3; round++) {
    for (let n = 8; n <= 10; n++) {
      const r = solve(n);
      if (r.solutions !== KNOWN[n]) throw new Error("nqueens: " + r.solutions + " solutions for " + n);
      checksum += r.solutions * 100000 + r.weight;
    }
  }
  return checksum;
}
const EXPECTED = 350558448;

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
