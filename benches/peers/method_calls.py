"""method_calls: the benches/js/method_calls.js program in Python.
usage: python3 method_calls.py [WARMUP ITERATIONS]"""
import sys
import time

T0 = time.perf_counter()
WARMUP = int(sys.argv[1]) if len(sys.argv) > 1 else 2
ITERATIONS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
CALLS = 100000
ROUNDS = 20
EXPECTED = 9000000


class Accumulator:
    def __init__(self):
        self.total = 0
        self.calls = 0

    def add(self, x):
        self.total += x
        self.calls += 1
        return self.total


def run():
    acc = Accumulator()
    last = 0
    for _ in range(ROUNDS):
        for i in range(CALLS):
            last = acc.add(i & 7)
    return last + acc.calls


def main():
    print("bench method_calls")
    for i in range(WARMUP + ITERATIONS):
        t = time.perf_counter()
        got = run()
        ms = (time.perf_counter() - t) * 1000
        if got != EXPECTED:
            raise RuntimeError("method_calls: checksum %r, expected %r" % (got, EXPECTED))
        print("warmup" if i < WARMUP else "iteration", "%.6f" % ms, flush=True)
    print("result ok", EXPECTED)
    print("total %.6f" % ((time.perf_counter() - T0) * 1000))


main()
