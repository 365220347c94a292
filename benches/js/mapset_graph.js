// mapset_graph: graph code written with Map and Set: a 20,000-vertex undirected graph keyed
// by vertex name (Map from string to Set of strings), breadth-first search with a Map of
// distances, deletion of a third of the vertices (Set.delete in neighbours, Map.delete),
// degree statistics with a Set, and a Map keyed by objects (identity hashes).
// Stresses: string-keyed and object-keyed hash lookups, insertion and deletion, for-of over
// Map entries, Set values and Map values, forEach, destructuring in for-of.
const T0 = performance.now();
const NAME = "mapset_graph";
const WARMUP = 2, ITERATIONS = 5;
const VERTICES = 20000;
const EDGES_PER_VERTEX = 4;

let seed = 12345;
function random(n) {            // Park-Miller; products stay below 2^53
  seed = (seed * 16807) % 2147483647;
  return seed % n;
}

function run() {
  seed = 12345;
  const adj = new Map();
  for (let i = 0; i < VERTICES; i++) adj.set("v" + i, new Set());
  for (let i = 0; i < VERTICES; i++) {
    const a = "v" + i;
    for (let k = 0; k < EDGES_PER_VERTEX; k++) {
      const b = "v" + random(VERTICES);
      adj.get(a).add(b);
      adj.get(b).add(a);
    }
  }
  // Breadth-first search from v0.
  const dist = new Map([["v0", 0]]);
  const queue = ["v0"];
  let head = 0;
  while (head < queue.length) {
    const u = queue[head++];
    const d = dist.get(u);
    for (const w of adj.get(u)) {
      if (!dist.has(w)) {
        dist.set(w, d + 1);
        queue.push(w);
      }
    }
  }
  let sumDist = 0;
  for (const [, d] of dist) sumDist += d;
  // Delete every third vertex and its edges.
  for (let i = 0; i < VERTICES; i += 3) {
    const name = "v" + i;
    for (const w of adj.get(name)) adj.get(w).delete(name);
    adj.delete(name);
  }
  let edges = 0;
  adj.forEach((s) => { edges += s.size; });
  const degrees = new Set();
  for (const s of adj.values()) degrees.add(s.size);
  // Object keys: identity hashes.
  const nodes = [];
  for (let i = 0; i < VERTICES / 4; i++) nodes.push({ id: i });
  const owner = new Map();
  for (const n of nodes) owner.set(n, n.id * 2);
  let owned = 0;
  for (let i = nodes.length - 1; i >= 0; i -= 2) owned += owner.get(nodes[i]);
  return sumDist * 7 + edges * 3 + degrees.size + dist.size + owned;
}
const EXPECTED = 13455652;

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
