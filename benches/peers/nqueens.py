"""nqueens: the benches/js/nqueens.js program in Python (a nested function over the same
lists, nonlocal counters as the JS closure's).
usage: python3 nqueens.py [WARMUP ITERATIONS]  (the runner passes the numbers from the .js file)"""
import bench_common


def solve(n):
    cols, diag1, diag2, placed = [], [], [], []
    for _ in range(n):
        cols.append(False)
        placed.append(-1)
    for _ in range(2 * n):
        diag1.append(False)
        diag2.append(False)
    solutions = 0
    weight = 0

    def place(row):
        nonlocal solutions, weight
        if row == n:
            solutions += 1
            weight += placed[0] * n + placed[n - 1]
            return
        for c in range(n):
            d1 = row + c
            d2 = row - c + n
            if cols[c] or diag1[d1] or diag2[d2]:
                continue
            cols[c] = True
            diag1[d1] = True
            diag2[d2] = True
            placed[row] = c
            place(row + 1)
            cols[c] = False
            diag1[d1] = False
            diag2[d2] = False

    place(0)
    return {"solutions": solutions, "weight": weight}


KNOWN = [0, 1, 0, 0, 2, 10, 4, 40, 92, 352, 724]


def run():
    checksum = 0
    for _ in range(3):
        for n in range(8, 11):
            r = solve(n)
            if r["solutions"] != KNOWN[n]:
                raise RuntimeError("nqueens: %d solutions for %d" % (r["solutions"], n))
            checksum += r["solutions"] * 100000 + r["weight"]
    return checksum


bench_common.bench("nqueens", run)
