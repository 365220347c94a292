"""sieve: the benches/js/sieve.js program in Python (a fresh list filled by append, as the
JS fills its array with push).
usage: python3 sieve.py [WARMUP ITERATIONS]  (the runner passes the numbers from the .js file)"""
import bench_common

LIMIT = 1000000


def run():
    composite = []
    for _ in range(LIMIT + 1):
        composite.append(False)
    p = 2
    while p * p <= LIMIT:
        if not composite[p]:
            for m in range(p * p, LIMIT + 1, p):
                composite[m] = True
        p += 1
    count = 0
    total = 0
    for i in range(2, LIMIT + 1):
        if not composite[i]:
            count += 1
            total += i
    # pi(10^6) = 78498; the primes below 10^6 add up to 37550402023.
    if count != 78498 or total != 37550402023:
        raise RuntimeError("sieve: count %d sum %d" % (count, total))
    return count + total


bench_common.bench("sieve", run)
