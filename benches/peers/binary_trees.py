"""binary_trees: the benches/js/binary_trees.js program in Python (a class with __slots__
for the nodes, a check() method as in the JS).
usage: python3 binary_trees.py [WARMUP ITERATIONS]  (the runner passes the numbers from the .js file)"""
import sys
import time

T0 = time.perf_counter()
WARMUP = int(sys.argv[1]) if len(sys.argv) > 1 else 2
ITERATIONS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
MAX_DEPTH = 12
MIN_DEPTH = 4


def js_str(x):
    """x as JS's String() prints it (1e15 rather than 1000000000000000.0)."""
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e21:
        return str(int(x))
    return repr(x)


class TreeNode:
    __slots__ = ("left", "right")

    def __init__(self, left, right):
        self.left = left
        self.right = right

    def check(self):
        if self.left is None:
            return 1
        return 1 + self.left.check() + self.right.check()


def bottom_up(depth):
    if depth == 0:
        return TreeNode(None, None)
    return TreeNode(bottom_up(depth - 1), bottom_up(depth - 1))


def run():
    stretch = bottom_up(MAX_DEPTH + 1).check()
    long_lived = bottom_up(MAX_DEPTH)
    checksum = stretch
    for depth in range(MIN_DEPTH, MAX_DEPTH + 1, 2):
        iterations = 1 << (MAX_DEPTH - depth + MIN_DEPTH)
        check = 0
        for _ in range(iterations):
            check += bottom_up(depth).check()
        checksum = checksum * 3 + check
    long_check = long_lived.check()
    if long_check != (1 << (MAX_DEPTH + 1)) - 1:
        raise RuntimeError("binary_trees: long-lived tree has %d nodes" % long_check)
    return checksum + long_check


def main():
    print("bench binary_trees")
    first = None
    for i in range(WARMUP + ITERATIONS):
        t = time.perf_counter()
        got = run()
        ms = (time.perf_counter() - t) * 1000
        if first is None:
            first = got
        if got != first:
            raise RuntimeError("binary_trees: checksum %r, first iteration %r" % (got, first))
        print("warmup" if i < WARMUP else "iteration", "%.6f" % ms, flush=True)
    print("result ok", js_str(first))
    print("total %.6f" % ((time.perf_counter() - T0) * 1000))


main()
