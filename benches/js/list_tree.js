// list_tree: builds linked lists (nodes made by a constructor and by object literals),
// reverses and sums them, then builds an unbalanced binary search tree from a
// pseudo-random sequence, looks keys up, and sums it by an explicit-stack walk.
// Stresses: allocation of small objects, property-adding stores with cached shape
// transitions, monomorphic field loads, null checks.
const T0 = performance.now();
const NAME = "list_tree";
const WARMUP = 2, ITERATIONS = 5;
const LIST = 20000;
const TREE = 20000;
const LOOKUPS = 200000;

class ListNode {
  constructor(value, next) {
    this.value = value;
    this.next = next;
  }
}

function buildList(n) {
  let head = null;
  for (let i = 0; i < n; i++) head = i % 2 === 0 ? new ListNode(i, head) : { value: i, next: head };
  return head;
}

function reverse(head) {
  let prev = null;
  while (head !== null) {
    const next = head.next;
    head.next = prev;
    prev = head;
    head = next;
  }
  return prev;
}

function sumList(head) {
  let s = 0;
  for (let n = head; n !== null; n = n.next) s = (s + n.value * 3) % 1000003;
  return s;
}

class TreeNode {
  constructor(key) {
    this.key = key;
    this.left = null;
    this.right = null;
    this.count = 1;
  }
}

class Tree {
  constructor() {
    this.root = null;
    this.size = 0;
  }
  insert(key) {
    if (this.root === null) { this.root = new TreeNode(key); this.size++; return; }
    let n = this.root;
    for (;;) {
      if (key === n.key) { n.count++; return; }
      if (key < n.key) {
        if (n.left === null) { n.left = new TreeNode(key); this.size++; return; }
        n = n.left;
      } else {
        if (n.right === null) { n.right = new TreeNode(key); this.size++; return; }
        n = n.right;
      }
    }
  }
  find(key) {
    let n = this.root;
    while (n !== null) {
      if (key === n.key) return n.count;
      n = key < n.key ? n.left : n.right;
    }
    return 0;
  }
  total() {
    const stack = [this.root];
    let s = 0;
    while (stack.length > 0) {
      const n = stack.pop();
      if (n === null) continue;
      s += n.key * n.count;
      stack.push(n.left);
      stack.push(n.right);
    }
    return s % 1000003;
  }
}

function run() {
  let check = 0;
  for (let r = 0; r < 10; r++) {
    const list = buildList(LIST);
    check += sumList(list);
    check += sumList(reverse(list));
  }
  let seed = 12345;
  const tree = new Tree();
  for (let i = 0; i < TREE; i++) {
    seed = (seed * 16807) % 2147483647;
    tree.insert(seed % 50000);
  }
  let found = 0;
  for (let i = 0; i < LOOKUPS; i++) found += tree.find((i * 7) % 50000);
  return check + tree.size + found + tree.total();
}
const EXPECTED = 20026784;

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
