"""method_calls: the benches/js/method_calls.js program in Python.
usage: python3 method_calls.py [WARMUP ITERATIONS]"""
import bench_common

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
    checksum = last + acc.calls
    if checksum != EXPECTED:
        raise RuntimeError("method_calls: checksum %r, expected %r" % (checksum, EXPECTED))
    return checksum


bench_common.bench("method_calls", run)
