"""binary_trees: the benches/js/binary_trees.js program in Python (a class with __slots__
for the nodes, a check() method as in the JS).
usage: python3 binary_trees.py [WARMUP ITERATIONS]  (the runner passes the numbers from the .js file)"""
import bench_common

MAX_DEPTH = 12
MIN_DEPTH = 4


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


bench_common.bench("binary_trees", run)
