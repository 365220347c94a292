// oo_tasks: a round-robin task scheduler over a four-level class hierarchy (Task ->
// TimedTask -> Worker/Sensor -> FastWorker). Methods are inherited from parents and
// grandparents (`isReady`, `account`, `describe`), `priority` is a getter on a prototype,
// tasks are built field by field in constructors, and the scheduler's `task.step(tick)`
// call site sees four classes.
// Stresses: prototype-chain loads at depth 1-3, getters on prototypes, property-adding
// stores in constructors, polymorphic calls, linked queues of small objects.
const T0 = performance.now();
const NAME = "oo_tasks";
const WARMUP = 2, ITERATIONS = 5;
const TASKS = 40;
const TICKS = 20000;

class Task {
  constructor(id) {
    this.id = id;
    this.next = null;
    this.runs = 0;
    this.work = 0;
  }
  isReady(tick) { return (tick + this.id) % this.period() === 0; }
  period() { return 1; }
  account(units) { this.runs++; this.work += units; return units; }
  get priority() { return this.id & 3; }
  describe() { return this.kind() + this.id; }
  kind() { return "task"; }
}

class TimedTask extends Task {
  constructor(id, every) {
    super(id);
    this.every = every;
    this.deadline = 0;
  }
  period() { return this.every; }
}

class Worker extends TimedTask {
  constructor(id, every, load) {
    super(id, every);
    this.load = load;
  }
  step(tick) { return this.account(this.load + (tick & 7)); }
  kind() { return "worker"; }
}

class FastWorker extends Worker {
  constructor(id, load) {
    super(id, 1, load);
    this.boost = 2;
  }
  step(tick) { return this.account(this.load * this.boost + this.priority); }
}

class Sensor extends TimedTask {
  constructor(id, every) {
    super(id, every);
    this.reading = id;
  }
  step(tick) {
    this.reading = (this.reading * 31 + tick) % 1009;
    return this.account(this.reading & 15);
  }
  get priority() { return 3; }
}

class Idler extends Task {
  step(tick) { return this.account(this.priority); }
}

class Scheduler {
  constructor() {
    this.head = null;
    this.tail = null;
    this.count = 0;
  }
  add(task) {
    if (this.tail === null) this.head = task;
    else this.tail.next = task;
    this.tail = task;
    this.count++;
  }
  rotate() {
    const t = this.head;
    if (t === this.tail) return t;
    this.head = t.next;
    t.next = null;
    this.tail.next = t;
    this.tail = t;
    return t;
  }
  run(ticks) {
    let total = 0;
    for (let tick = 0; tick < ticks; tick++) {
      let t = this.head;
      while (t !== null) {
        if (t.isReady(tick)) total += t.step(tick) * (t.priority + 1);
        t = t.next;
      }
      if ((tick & 63) === 0) this.rotate();
    }
    return total;
  }
}

function run() {
  const s = new Scheduler();
  for (let i = 0; i < TASKS; i++) {
    switch (i % 4) {
      case 0: s.add(new Worker(i, 1 + (i % 3), i % 5)); break;
      case 1: s.add(new FastWorker(i, 1 + (i % 4))); break;
      case 2: s.add(new Sensor(i, 2 + (i % 5))); break;
      default: s.add(new Idler(i)); break;
    }
  }
  let total = s.run(TICKS);
  let names = 0, runs = 0;
  for (let t = s.head; t !== null; t = t.next) {
    names += t.describe().length;
    runs += t.runs;
  }
  if (s.count !== TASKS) throw new Error("oo_tasks: lost tasks");
  return total + names * 1000 + runs;
}
const EXPECTED = 7688840;

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
