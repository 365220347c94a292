"""array_sum: the benches/js/array_sum.js program in Python (an indexed loop, as in the JS).
usage: python3 array_sum.py [WARMUP ITERATIONS]"""
import sys
import time

T0 = time.perf_counter()
WARMUP = int(sys.argv[1]) if len(sys.argv) > 1 else 2
ITERATIONS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
SIZE = 1000000
PASSES = 10
EXPECTED = 1278427440

data = []
for i in range(SIZE):
    data.append((i & 1023) * 0.25)


def run():
    total = 0.0
    for _ in range(PASSES):
        s = 0.0
        for i in range(len(data)):
            s += data[i]
        total += s
    return total


def main():
    print("bench array_sum")
    for i in range(WARMUP + ITERATIONS):
        t = time.perf_counter()
        got = run()
        ms = (time.perf_counter() - t) * 1000
        if got != EXPECTED:
            raise RuntimeError("array_sum: checksum %r, expected %r" % (got, EXPECTED))
        print("warmup" if i < WARMUP else "iteration", "%.6f" % ms, flush=True)
    print("result ok", EXPECTED)
    print("total %.6f" % ((time.perf_counter() - T0) * 1000))


main()
