// hanoi: towers of Hanoi with 20 discs on three array stacks; every move pops and pushes
// and checks that no disc lands on a smaller one.
// Stresses: deep-ish recursion, Array push/pop, array-of-arrays access.
const T0 = performance.now();
const NAME = "hanoi";
const WARMUP = 2, ITERATIONS = 5;
const DISCS = 20;

function run() {
  const pegs = [[], [], []];
  for (let d = DISCS; d >= 1; d--) pegs[0].push(d);
  let moves = 0, trace = 0;
  function move(n, from, to, via) {
    if (n === 0) return;
    move(n - 1, from, via, to);
    const disc = pegs[from].pop();
    const target = pegs[to];
    if (target.length > 0 && target[target.length - 1] < disc) throw new Error("hanoi: illegal move");
    target.push(disc);
    moves++;
    trace = (trace * 3 + disc * (to + 1)) % 1000003;
    move(n - 1, via, to, from);
  }
  move(DISCS, 0, 2, 1);
  if (moves !== 2 ** DISCS - 1 || pegs[2].length !== DISCS) throw new Error("hanoi: " + moves + " moves");
  return moves * 10000000 + trace;
}
const EXPECTED = 10485750779084;

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
