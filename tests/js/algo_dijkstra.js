const graph = { A: { B: 4, C: 2 }, B: { C: 5, D: 10 }, C: { E: 3 }, D: { F: 11 }, E: { D: 4 }, F: {} };
function dijkstra(src) {
  const dist = {}, prev = {}, done = {};
  for (const v of Object.keys(graph)) dist[v] = Infinity;
  dist[src] = 0;
  for (;;) {
    let u = null;
    for (const v of Object.keys(dist)) if (!done[v] && (u === null || dist[v] < dist[u])) u = v;
    if (u === null || dist[u] === Infinity) break;
    done[u] = true;
    for (const v of Object.keys(graph[u])) {
      const alt = dist[u] + graph[u][v];
      if (alt < dist[v]) { dist[v] = alt; prev[v] = u; }
    }
  }
  return { dist, prev };
}
const r = dijkstra('A');
print(JSON.stringify(r.dist));
const path = [];
for (let v = 'F'; v; v = r.prev[v]) path.unshift(v);
print(path.join(' -> '));
print(JSON.stringify(dijkstra('D').dist));
