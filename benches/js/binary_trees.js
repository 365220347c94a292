// binary_trees: the Benchmarks Game allocation test: a long-lived tree of depth 12, and
// many short-lived complete trees of depths 4..12 that are built, walked and dropped.
// Stresses: object allocation and the garbage collector (nursery survival, promotion of the
// long-lived tree), recursion, field loads.
const T0 = performance.now();
const NAME = "binary_trees";
const WARMUP = 2, ITERATIONS = 5;
const MAX_DEPTH = 12;
const MIN_DEPTH = 4;

class TreeNode {
  constructor(left, right) {
    this.left = left;
    this.right = right;
  }
  check() {
    if (this.left === null) return 1;
    return 1 + this.left.check() + this.right.check();
  }
}

function bottomUp(depth) {
  if (depth === 0) return new TreeNode(null, null);
  return new TreeNode(bottomUp(depth - 1), bottomUp(depth - 1));
}

function run() {
  const stretch = bottomUp(MAX_DEPTH + 1).check();
  const longLived = bottomUp(MAX_DEPTH);
  let checksum = stretch;
  for (let depth = MIN_DEPTH; depth <= MAX_DEPTH; depth += 2) {
    const iterations = 1 << (MAX_DEPTH - depth + MIN_DEPTH);
    let check = 0;
    for (let i = 0; i < iterations; i++) check += bottomUp(depth).check();
    checksum = checksum * 3 + check;
  }
  const longCheck = longLived.check();
  if (longCheck !== (1 << (MAX_DEPTH + 1)) - 1) throw new Error("binary_trees: long-lived tree has " + longCheck + " nodes");
  return checksum + longCheck;
}
const EXPECTED = 19487036;

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
