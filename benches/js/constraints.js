// constraints: a one-way local-propagation constraint solver (DeltaBlue-like in spirit).
// Variables are linked by constraints of five classes (Stay, Edit, Equal, Scale, Sum) that
// share a base class; every edit re-plans by walking outward from the edited variable and
// calls `c.execute()`, `c.output()`, `c.isInput()` and inherited `c.strongerThan(...)` at
// polymorphic sites, then checks every constraint with `c.holds()`.
// Stresses: polymorphic method calls, inherited methods, small objects and arrays,
// property loads through prototypes.
const T0 = performance.now();
const NAME = "constraints";
const WARMUP = 2, ITERATIONS = 5;
const CHAIN = 200;
const EDITS = 1000;

const REQUIRED = 0, STRONG = 1, MEDIUM = 2, WEAK = 3;

class Variable {
  constructor(name, value) {
    this.name = name;
    this.value = value;
    this.constraints = [];
    this.determinedBy = null;
    this.mark = 0;
  }
  addConstraint(c) { this.constraints.push(c); }
}

class Constraint {
  constructor(strength) {
    this.strength = strength;
    this.satisfied = false;
  }
  strongerThan(other) { return this.strength < other.strength; }
  isInput() { return false; }
  register() {
    const vs = this.variables();
    for (let i = 0; i < vs.length; i++) vs[i].addConstraint(this);
  }
  // A constraint may run when it can write its output and no stronger one owns it.
  canDetermine(mark) {
    const out = this.output();
    if (out.mark === mark) return false;
    const owner = out.determinedBy;
    return owner === null || owner === this || this.strongerThan(owner) || !owner.satisfied;
  }
}

class UnaryConstraint extends Constraint {
  constructor(v, strength) {
    super(strength);
    this.v = v;
    this.register();
  }
  variables() { return [this.v]; }
  output() { return this.v; }
  inputsReady(mark) { return true; }
  execute() {}
  holds() { return true; }
}

class StayConstraint extends UnaryConstraint {}

class EditConstraint extends UnaryConstraint {
  isInput() { return true; }
}

class BinaryConstraint extends Constraint {
  constructor(a, b, strength) {
    super(strength);
    this.a = a;
    this.b = b;
    this.register();
  }
  variables() { return [this.a, this.b]; }
  output() { return this.b; }
  inputsReady(mark) { return this.a.mark === mark; }
}

class EqualConstraint extends BinaryConstraint {
  execute() { this.b.value = this.a.value; }
  holds() { return this.b.value === this.a.value; }
}

class ScaleConstraint extends BinaryConstraint {
  constructor(a, b, scale, offset, strength) {
    super(a, b, strength);
    this.scale = scale;
    this.offset = offset;
  }
  execute() { this.b.value = (this.a.value * this.scale + this.offset) % 10007; }
  holds() { return this.b.value === (this.a.value * this.scale + this.offset) % 10007; }
}

class SumConstraint extends Constraint {
  constructor(a, b, out, strength) {
    super(strength);
    this.a = a;
    this.b = b;
    this.out = out;
    this.register();
  }
  variables() { return [this.a, this.b, this.out]; }
  output() { return this.out; }
  inputsReady(mark) { return this.a.mark === mark && this.b.mark === mark; }
  execute() { this.out.value = (this.a.value + this.b.value) % 1000003; }
  holds() { return this.out.value === (this.a.value + this.b.value) % 1000003; }
}

class Planner {
  constructor() {
    this.mark = 0;
    this.constraints = [];
  }
  add(c) { this.constraints.push(c); return c; }
  // Propagates from `v` (just edited): breadth-first over constraints whose inputs are
  // all known this round; returns how many constraints ran.
  propagate(v) {
    const mark = ++this.mark;
    v.mark = mark;
    const todo = [v];
    let ran = 0;
    for (let i = 0; i < todo.length; i++) {
      const cs = todo[i].constraints;
      for (let j = 0; j < cs.length; j++) {
        const c = cs[j];
        if (c.isInput() || !c.inputsReady(mark) || !c.canDetermine(mark)) continue;
        c.execute();
        c.satisfied = true;
        const out = c.output();
        out.determinedBy = c;
        out.mark = mark;
        todo.push(out);
        ran++;
      }
    }
    return ran;
  }
  check() {
    let bad = 0;
    for (let i = 0; i < this.constraints.length; i++) {
      if (this.constraints[i].satisfied && !this.constraints[i].holds()) bad++;
    }
    return bad;
  }
}

function build(planner, n) {
  const vars = [];
  for (let i = 0; i < n; i++) vars.push(new Variable("v" + i, i));
  const sums = [];
  for (let i = 1; i < n; i++) {
    switch (i % 3) {
      case 0: planner.add(new EqualConstraint(vars[i - 1], vars[i], STRONG)); break;
      case 1: planner.add(new ScaleConstraint(vars[i - 1], vars[i], 3, i & 7, MEDIUM)); break;
      default: planner.add(new ScaleConstraint(vars[i - 1], vars[i], 1, -1, STRONG)); break;
    }
    if (i % 5 === 0) planner.add(new StayConstraint(vars[i], WEAK));
  }
  for (let i = 0; i + 7 < n; i += 7) {
    const out = new Variable("s" + i, 0);
    sums.push(out);
    planner.add(new SumConstraint(vars[i], vars[i + 7], out, MEDIUM));
  }
  const edit = planner.add(new EditConstraint(vars[0], REQUIRED));
  return { vars: vars, sums: sums, edit: edit };
}

function run() {
  const planner = new Planner();
  const net = build(planner, CHAIN);
  let checksum = 0;
  for (let e = 0; e < EDITS; e++) {
    net.vars[0].value = (e * 7919) % 10007;
    checksum += planner.propagate(net.vars[0]);
    checksum = (checksum + net.vars[CHAIN - 1].value) % 1000000007;
    for (let k = 0; k < net.sums.length; k++) checksum = (checksum + net.sums[k].value) % 1000000007;
  }
  if (planner.check() !== 0) throw new Error("constraints: unsatisfied constraint");
  return checksum;
}
const EXPECTED = 284849634;

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
