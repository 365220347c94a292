// graph: shortest paths on a generated sparse directed graph (3,000 vertices, 15,000 weighted
// edges, adjacency lists of edge objects): Dijkstra with a hand-written binary heap from 6
// sources, plus breadth-first search levels from the same sources, plus Floyd-Warshall on a
// dense 60-vertex subgraph.
// Stresses: loop-heavy integer code, array-based heap operations, arrays of arrays, small
// edge objects, triple nested loops.
const T0 = performance.now();
const NAME = "graph";
const WARMUP = 2, ITERATIONS = 5;
const VERTICES = 3000;
const EDGES_PER_VERTEX = 5;
const SOURCES = 6;
const DENSE = 60;
const INF = 1e9;

let seed = 12345;
function random(n) {            // Park-Miller; products stay below 2^53
  seed = (seed * 16807) % 2147483647;
  return seed % n;
}

class Edge {
  constructor(to, weight) {
    this.to = to;
    this.weight = weight;
  }
}

function makeGraph() {
  const adj = [];
  for (let v = 0; v < VERTICES; v++) adj.push([]);
  for (let v = 0; v < VERTICES; v++) {
    adj[v].push(new Edge((v + 1) % VERTICES, 50 + random(50)));   // a ring keeps it connected
    for (let k = 1; k < EDGES_PER_VERTEX; k++) adj[v].push(new Edge(random(VERTICES), 1 + random(100)));
  }
  return adj;
}

// Binary min-heap of vertices keyed by dist[], with positions for decrease-key.
class Heap {
  constructor(n) {
    this.items = [];
    this.pos = [];
    for (let i = 0; i < n; i++) this.pos.push(-1);
  }
  less(dist, a, b) { return dist[this.items[a]] < dist[this.items[b]]; }
  swap(a, b) {
    const items = this.items;
    const t = items[a]; items[a] = items[b]; items[b] = t;
    this.pos[items[a]] = a;
    this.pos[items[b]] = b;
  }
  up(dist, i) {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(dist, i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  down(dist, i) {
    const n = this.items.length;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < n && this.less(dist, l, m)) m = l;
      if (r < n && this.less(dist, r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
  pushOrDecrease(dist, v) {
    if (this.pos[v] < 0) {
      this.items.push(v);
      this.pos[v] = this.items.length - 1;
    }
    this.up(dist, this.pos[v]);
  }
  pop(dist) {
    const top = this.items[0];
    const last = this.items.pop();
    this.pos[top] = -1;
    if (this.items.length > 0) {
      this.items[0] = last;
      this.pos[last] = 0;
      this.down(dist, 0);
    }
    return top;
  }
}

function dijkstra(adj, source) {
  const dist = [];
  for (let v = 0; v < VERTICES; v++) dist.push(INF);
  dist[source] = 0;
  const heap = new Heap(VERTICES);
  heap.pushOrDecrease(dist, source);
  while (heap.items.length > 0) {
    const u = heap.pop(dist);
    const edges = adj[u];
    for (let k = 0; k < edges.length; k++) {
      const e = edges[k];
      const nd = dist[u] + e.weight;
      if (nd < dist[e.to]) {
        dist[e.to] = nd;
        heap.pushOrDecrease(dist, e.to);
      }
    }
  }
  let sum = 0;
  for (let v = 0; v < VERTICES; v++) sum += dist[v];
  return sum;
}

function bfs(adj, source) {
  const level = [];
  for (let v = 0; v < VERTICES; v++) level.push(-1);
  const queue = [source];
  level[source] = 0;
  let head = 0, sum = 0;
  while (head < queue.length) {
    const u = queue[head++];
    sum += level[u];
    const edges = adj[u];
    for (let k = 0; k < edges.length; k++) {
      const w = edges[k].to;
      if (level[w] < 0) { level[w] = level[u] + 1; queue.push(w); }
    }
  }
  if (queue.length !== VERTICES) throw new Error("graph: BFS reached " + queue.length + " vertices");
  return sum;
}

function floydWarshall(adj) {
  const d = [];
  for (let i = 0; i < DENSE; i++) {
    const row = [];
    for (let j = 0; j < DENSE; j++) row.push(i === j ? 0 : INF);
    d.push(row);
  }
  for (let i = 0; i < DENSE; i++) {
    for (const e of adj[i]) if (e.to < DENSE && e.weight < d[i][e.to]) d[i][e.to] = e.weight;
    d[i][(i + 1) % DENSE] = Math.min(d[i][(i + 1) % DENSE], 75);
  }
  for (let k = 0; k < DENSE; k++) {
    const dk = d[k];
    for (let i = 0; i < DENSE; i++) {
      const di = d[i];
      const dik = di[k];
      for (let j = 0; j < DENSE; j++) {
        const via = dik + dk[j];
        if (via < di[j]) di[j] = via;
      }
    }
  }
  let sum = 0;
  for (let i = 0; i < DENSE; i++) for (let j = 0; j < DENSE; j++) sum += d[i][j];
  return sum;
}

function run() {
  seed = 12345;
  const adj = makeGraph();
  let checksum = 0;
  for (let s = 0; s < SOURCES; s++) {
    const source = (s * 499) % VERTICES;
    checksum += dijkstra(adj, source) * 1000 + bfs(adj, source);
  }
  return checksum + floydWarshall(adj);
}
const EXPECTED = 3519262602;

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
