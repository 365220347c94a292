"""fib: the benches/js/fib30.js and fib35.js program in Python.
usage: python3 fib.py N WARMUP ITERATIONS  (the runner passes the numbers from the .js file)"""
import sys
import time

T0 = time.perf_counter()
N = int(sys.argv[1]) if len(sys.argv) > 1 else 30
WARMUP = int(sys.argv[2]) if len(sys.argv) > 2 else 2
ITERATIONS = int(sys.argv[3]) if len(sys.argv) > 3 else 5
KNOWN = {30: 832040, 35: 9227465}
sys.setrecursionlimit(10000)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def main():
    expected = KNOWN[N]
    print("bench fib%d" % N)
    for i in range(WARMUP + ITERATIONS):
        t = time.perf_counter()
        got = fib(N)
        ms = (time.perf_counter() - t) * 1000
        if got != expected:
            raise RuntimeError("fib: checksum %r, expected %r" % (got, expected))
        print("warmup" if i < WARMUP else "iteration", "%.6f" % ms, flush=True)
    print("result ok", expected)
    print("total %.6f" % ((time.perf_counter() - T0) * 1000))


main()
