// scheduler: an operating-system scheduler simulation in the style of Richards: a task
// control block list, packets moving between an idle task, a worker, two handlers and two
// devices. The four task classes share one `run(packet)` call site: a polymorphic call.
// Stresses: polymorphic method dispatch, small objects and linked lists, null checks,
// bit operations, field loads/stores on a few shapes.
const T0 = performance.now();
const NAME = "scheduler";
const WARMUP = 2, ITERATIONS = 5;
const COUNT = 1000;   // idle-task budget of one simulation (Richards' own size)
const RUNS = 40;      // simulations per iteration

const ID_IDLE = 0, ID_WORKER = 1, ID_HANDLER_A = 2, ID_HANDLER_B = 3, ID_DEVICE_A = 4, ID_DEVICE_B = 5;
const NUMBER_OF_IDS = 6;
const KIND_DEVICE = 0, KIND_WORK = 1;
const DATA_SIZE = 4;

const STATE_RUNNING = 0, STATE_RUNNABLE = 1, STATE_SUSPENDED = 2, STATE_HELD = 4;
const STATE_SUSPENDED_RUNNABLE = STATE_SUSPENDED | STATE_RUNNABLE;
const STATE_NOT_HELD = ~STATE_HELD;

class Packet {
  constructor(link, id, kind) {
    this.link = link;
    this.id = id;
    this.kind = kind;
    this.a1 = 0;
    this.a2 = new Array(DATA_SIZE);
  }
  addTo(queue) {
    this.link = null;
    if (queue === null) return this;
    let next = queue;
    let peek;
    while ((peek = next.link) !== null) next = peek;
    next.link = this;
    return queue;
  }
}

class TaskControlBlock {
  constructor(link, id, priority, queue, task) {
    this.link = link;
    this.id = id;
    this.priority = priority;
    this.queue = queue;
    this.task = task;
    this.state = queue === null ? STATE_SUSPENDED : STATE_SUSPENDED_RUNNABLE;
  }
  setRunning() { this.state = STATE_RUNNING; }
  markAsNotHeld() { this.state = this.state & STATE_NOT_HELD; }
  markAsHeld() { this.state = this.state | STATE_HELD; }
  isHeldOrSuspended() { return (this.state & STATE_HELD) !== 0 || this.state === STATE_SUSPENDED; }
  markAsSuspended() { this.state = this.state | STATE_SUSPENDED; }
  markAsRunnable() { this.state = this.state | STATE_RUNNABLE; }
  run() {
    let packet;
    if (this.state === STATE_SUSPENDED_RUNNABLE) {
      packet = this.queue;
      this.queue = packet.link;
      this.state = this.queue === null ? STATE_RUNNING : STATE_RUNNABLE;
    } else {
      packet = null;
    }
    return this.task.run(packet);
  }
  checkPriorityAdd(task, packet) {
    if (this.queue === null) {
      this.queue = packet;
      this.markAsRunnable();
      if (this.priority > task.priority) return this;
    } else {
      this.queue = packet.addTo(this.queue);
    }
    return task;
  }
}

class Task {
  constructor(scheduler) { this.scheduler = scheduler; }
}

class IdleTask extends Task {
  constructor(scheduler, v1, count) {
    super(scheduler);
    this.v1 = v1;
    this.count = count;
  }
  run(packet) {
    this.count--;
    if (this.count === 0) return this.scheduler.holdCurrent();
    if ((this.v1 & 1) === 0) {
      this.v1 = this.v1 >> 1;
      return this.scheduler.release(ID_DEVICE_A);
    }
    this.v1 = (this.v1 >> 1) ^ 0xD008;
    return this.scheduler.release(ID_DEVICE_B);
  }
}

class DeviceTask extends Task {
  constructor(scheduler) {
    super(scheduler);
    this.v1 = null;
  }
  run(packet) {
    if (packet === null) {
      if (this.v1 === null) return this.scheduler.suspendCurrent();
      const v = this.v1;
      this.v1 = null;
      return this.scheduler.queue(v);
    }
    this.v1 = packet;
    return this.scheduler.holdCurrent();
  }
}

class WorkerTask extends Task {
  constructor(scheduler, v1, v2) {
    super(scheduler);
    this.v1 = v1;
    this.v2 = v2;
  }
  run(packet) {
    if (packet === null) return this.scheduler.suspendCurrent();
    this.v1 = this.v1 === ID_HANDLER_A ? ID_HANDLER_B : ID_HANDLER_A;
    packet.id = this.v1;
    packet.a1 = 0;
    for (let i = 0; i < DATA_SIZE; i++) {
      this.v2++;
      if (this.v2 > 26) this.v2 = 1;
      packet.a2[i] = this.v2;
    }
    return this.scheduler.queue(packet);
  }
}

class HandlerTask extends Task {
  constructor(scheduler) {
    super(scheduler);
    this.v1 = null;
    this.v2 = null;
  }
  run(packet) {
    if (packet !== null) {
      if (packet.kind === KIND_WORK) this.v1 = packet.addTo(this.v1);
      else this.v2 = packet.addTo(this.v2);
    }
    if (this.v1 !== null) {
      const count = this.v1.a1;
      if (count < DATA_SIZE) {
        if (this.v2 !== null) {
          const v = this.v2;
          this.v2 = this.v2.link;
          v.a1 = this.v1.a2[count];
          this.v1.a1 = count + 1;
          return this.scheduler.queue(v);
        }
      } else {
        const v = this.v1;
        this.v1 = this.v1.link;
        return this.scheduler.queue(v);
      }
    }
    return this.scheduler.suspendCurrent();
  }
}

class Scheduler {
  constructor() {
    this.queueCount = 0;
    this.holdCount = 0;
    this.blocks = new Array(NUMBER_OF_IDS);
    for (let i = 0; i < NUMBER_OF_IDS; i++) this.blocks[i] = null;
    this.list = null;
    this.currentTcb = null;
    this.currentId = 0;
  }
  addTask(id, priority, queue, task) {
    this.currentTcb = new TaskControlBlock(this.list, id, priority, queue, task);
    this.list = this.currentTcb;
    this.blocks[id] = this.currentTcb;
  }
  schedule() {
    this.currentTcb = this.list;
    while (this.currentTcb !== null) {
      if (this.currentTcb.isHeldOrSuspended()) {
        this.currentTcb = this.currentTcb.link;
      } else {
        this.currentId = this.currentTcb.id;
        this.currentTcb = this.currentTcb.run();
      }
    }
  }
  release(id) {
    const tcb = this.blocks[id];
    if (tcb === null) return tcb;
    tcb.markAsNotHeld();
    return tcb.priority > this.currentTcb.priority ? tcb : this.currentTcb;
  }
  holdCurrent() {
    this.holdCount++;
    this.currentTcb.markAsHeld();
    return this.currentTcb.link;
  }
  suspendCurrent() {
    this.currentTcb.markAsSuspended();
    return this.currentTcb;
  }
  queue(packet) {
    const t = this.blocks[packet.id];
    if (t === null) return t;
    this.queueCount++;
    packet.link = null;
    packet.id = this.currentId;
    return t.checkPriorityAdd(this.currentTcb, packet);
  }
}

function simulate(count) {
  const s = new Scheduler();
  s.addTask(ID_IDLE, 0, null, new IdleTask(s, 1, count));
  s.currentTcb.setRunning();
  let queue = new Packet(null, ID_WORKER, KIND_WORK);
  queue = new Packet(queue, ID_WORKER, KIND_WORK);
  s.addTask(ID_WORKER, 1000, queue, new WorkerTask(s, ID_HANDLER_A, 0));
  queue = new Packet(null, ID_DEVICE_A, KIND_DEVICE);
  queue = new Packet(queue, ID_DEVICE_A, KIND_DEVICE);
  queue = new Packet(queue, ID_DEVICE_A, KIND_DEVICE);
  s.addTask(ID_HANDLER_A, 2000, queue, new HandlerTask(s));
  queue = new Packet(null, ID_DEVICE_B, KIND_DEVICE);
  queue = new Packet(queue, ID_DEVICE_B, KIND_DEVICE);
  queue = new Packet(queue, ID_DEVICE_B, KIND_DEVICE);
  s.addTask(ID_HANDLER_B, 3000, queue, new HandlerTask(s));
  s.addTask(ID_DEVICE_A, 4000, null, new DeviceTask(s));
  s.addTask(ID_DEVICE_B, 5000, null, new DeviceTask(s));
  s.schedule();
  // Richards' published counts for COUNT = 1000: 2322 packets queued, 928 holds.
  if (count === 1000 && (s.queueCount !== 2322 || s.holdCount !== 928)) {
    throw new Error("scheduler: queueCount " + s.queueCount + " holdCount " + s.holdCount);
  }
  return s.queueCount * 10000 + s.holdCount;
}

function run() {
  let sum = 0;
  for (let r = 0; r < RUNS; r++) sum += simulate(COUNT);
  return sum;
}
const EXPECTED = 928837120;

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
