"""mapset_graph: the benches/js/mapset_graph.js program in Python (dict for Map, set for Set;
both keep insertion order as the JS ones do). Objects as keys hash by identity, as in JS.
usage: python3 mapset_graph.py [WARMUP ITERATIONS]  (the runner passes the numbers from the .js file)"""
import bench_common

VERTICES = 20000
EDGES_PER_VERTEX = 4
seed = 12345


def random(n):
    global seed
    seed = (seed * 16807) % 2147483647
    return seed % n


class Node:
    __slots__ = ("id",)

    def __init__(self, i):
        self.id = i


def run():
    global seed
    seed = 12345
    adj = {}
    for i in range(VERTICES):
        adj["v" + str(i)] = set()
    for i in range(VERTICES):
        a = "v" + str(i)
        for _ in range(EDGES_PER_VERTEX):
            b = "v" + str(random(VERTICES))
            adj[a].add(b)
            adj[b].add(a)
    dist = {"v0": 0}
    queue = ["v0"]
    head = 0
    while head < len(queue):
        u = queue[head]
        head += 1
        d = dist[u]
        for w in adj[u]:
            if w not in dist:
                dist[w] = d + 1
                queue.append(w)
    sum_dist = 0
    for d in dist.values():
        sum_dist += d
    for i in range(0, VERTICES, 3):
        name = "v" + str(i)
        # A copy: a self-loop deletes from the set being walked.
        for w in list(adj[name]):
            adj[w].discard(name)
        del adj[name]
    edges = 0
    for s in adj.values():
        edges += len(s)
    degrees = set()
    for s in adj.values():
        degrees.add(len(s))
    nodes = [Node(i) for i in range(VERTICES // 4)]
    owner = {}
    for n in nodes:
        owner[n] = n.id * 2
    owned = 0
    for i in range(len(nodes) - 1, -1, -2):
        owned += owner[nodes[i]]
    return sum_dist * 7 + edges * 3 + len(degrees) + len(dist) + owned


bench_common.bench("mapset_graph", run)
