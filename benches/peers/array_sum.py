"""array_sum: the benches/js/array_sum.js program in Python (an indexed loop, as in the JS).
usage: python3 array_sum.py [WARMUP ITERATIONS]"""
import bench_common

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
    if total != EXPECTED:
        raise RuntimeError("array_sum: checksum %r, expected %r" % (total, EXPECTED))
    return total


bench_common.bench("array_sum", run)
