"""fib: the benches/js/fib30.js and fib35.js program in Python.
usage: python3 fib.py N WARMUP ITERATIONS  (the runner passes the numbers from the .js file)"""
import sys

import bench_common

N = bench_common.int_arg(1, 30)
KNOWN = {30: 832040, 35: 9227465}
sys.setrecursionlimit(10000)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def run():
    got = fib(N)
    if N in KNOWN and got != KNOWN[N]:
        raise RuntimeError("fib: fib(%d) = %r, expected %r" % (N, got, KNOWN[N]))
    return got


bench_common.bench("fib%d" % N, run, at=2)
