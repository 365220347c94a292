// sudoku: a constraint solver (Norvig-style propagation plus depth-first search) over hard
// sudoku puzzles. Cells and units are small objects; every search branch copies the
// candidate state.
// Stresses: many small objects and arrays, bit operations on candidate masks, recursion,
// array copying (slice), string parsing with charCodeAt.
const T0 = performance.now();
const NAME = "sudoku";
const WARMUP = 2, ITERATIONS = 5;
const ROUNDS = 5;   // solves of the whole puzzle list per iteration

const PUZZLES = [
  "4.....8.5.3..........7......2.....6.....8.4......1.......6.3.7.5..2.....1.4......",
  "52...6.........7.13...........4..8..6......5...........418.........3..2...87.....",
  "8..........36......7..9.2...5...7.......457.....1...3...1....68..85...1..9....4..",
  "..53.....8......2..7..1.5..4....53...1..7...6..32...8..6.5....9..4....3......97..",
  "1....7.9..3..2...8..96..5....53..9...1..8...26....4...3......1..4......7..7...3..",
];

const ALL = 0x1ff;

class Cell {
  constructor(index) {
    this.index = index;
    this.row = (index / 9) | 0;
    this.col = index % 9;
    this.box = ((this.row / 3) | 0) * 3 + ((this.col / 3) | 0);
    this.units = [];
    this.peers = [];
  }
}

class Unit {
  constructor() { this.cells = []; }
}

function bitCount(m) {
  let c = 0;
  while (m !== 0) { m &= m - 1; c++; }
  return c;
}

function lowBitDigit(m) {
  let d = 0;
  while ((m & 1) === 0) { m >>= 1; d++; }
  return d;
}

class Solver {
  constructor() {
    this.cells = [];
    for (let i = 0; i < 81; i++) this.cells.push(new Cell(i));
    const units = [];
    for (let k = 0; k < 27; k++) units.push(new Unit());
    for (const c of this.cells) {
      const rowUnit = units[c.row], colUnit = units[9 + c.col], boxUnit = units[18 + c.box];
      rowUnit.cells.push(c); colUnit.cells.push(c); boxUnit.cells.push(c);
      c.units.push(rowUnit, colUnit, boxUnit);
    }
    for (const c of this.cells) {
      for (const u of c.units) {
        for (const p of u.cells) {
          if (p !== c && c.peers.indexOf(p) < 0) c.peers.push(p);
        }
      }
    }
    this.searches = 0;
  }

  // Remove digit d from cell i's candidates; propagate. Returns false on contradiction.
  eliminate(state, i, d) {
    const bit = 1 << d;
    if ((state[i] & bit) === 0) return true;
    state[i] &= ~bit;
    const left = state[i];
    if (left === 0) return false;
    if ((left & (left - 1)) === 0) {
      const d2 = lowBitDigit(left);
      const peers = this.cells[i].peers;
      for (let k = 0; k < peers.length; k++) {
        if (!this.eliminate(state, peers[k].index, d2)) return false;
      }
    }
    const units = this.cells[i].units;
    for (let u = 0; u < units.length; u++) {
      const cells = units[u].cells;
      let place = -1, count = 0;
      for (let k = 0; k < cells.length; k++) {
        if ((state[cells[k].index] & bit) !== 0) { place = cells[k].index; count++; }
      }
      if (count === 0) return false;
      if (count === 1 && state[place] !== bit) {
        if (!this.assign(state, place, d)) return false;
      }
    }
    return true;
  }

  assign(state, i, d) {
    let others = state[i] & ~(1 << d);
    for (let d2 = 0; others !== 0; d2++, others >>= 1) {
      if ((others & 1) !== 0 && !this.eliminate(state, i, d2)) return false;
    }
    return true;
  }

  search(state) {
    this.searches++;
    let best = -1, bestCount = 10;
    for (let i = 0; i < 81; i++) {
      const n = bitCount(state[i]);
      if (n === 0) return null;
      if (n > 1 && n < bestCount) { best = i; bestCount = n; }
    }
    if (best < 0) return state;
    for (let d = 0; d < 9; d++) {
      if ((state[best] & (1 << d)) === 0) continue;
      const copy = state.slice();
      if (this.assign(copy, best, d)) {
        const solved = this.search(copy);
        if (solved !== null) return solved;
      }
    }
    return null;
  }

  solve(puzzle) {
    const state = [];
    for (let i = 0; i < 81; i++) state.push(ALL);
    for (let i = 0; i < 81; i++) {
      const ch = puzzle.charCodeAt(i);
      if (ch >= 49 && ch <= 57 && !this.assign(state, i, ch - 49)) return null;
    }
    return this.search(state);
  }
}

function checkSolution(puzzle, grid) {
  for (let i = 0; i < 81; i++) {
    const ch = puzzle.charCodeAt(i);
    if (ch >= 49 && ch <= 57 && grid[i] !== ch - 48) throw new Error("sudoku: given digit changed");
  }
  const solver = checker;
  for (const c of solver.cells) {
    for (const p of c.peers) {
      if (grid[c.index] === grid[p.index]) throw new Error("sudoku: invalid solution");
    }
  }
}
const checker = new Solver();

function solveAll() {
  const solver = new Solver();
  let checksum = 0;
  for (let p = 0; p < PUZZLES.length; p++) {
    const state = solver.solve(PUZZLES[p]);
    if (state === null) throw new Error("sudoku: puzzle " + p + " has no solution");
    const grid = [];
    for (let i = 0; i < 81; i++) grid.push(lowBitDigit(state[i]) + 1);
    checkSolution(PUZZLES[p], grid);
    let h = 0;
    for (let i = 0; i < 81; i++) h = (h * 7 + grid[i] * (i + 1)) % 1000003;
    checksum += h;
  }
  return checksum * 100000 + solver.searches;
}

function run() {
  let sum = 0;
  for (let r = 0; r < ROUNDS; r++) sum += solveAll();
  return sum;
}
const EXPECTED = 1260218501010;

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
