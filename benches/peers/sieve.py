"""sieve: the benches/js/sieve.js program in Python (a fresh list filled by append, as the
JS fills its array with push).
usage: python3 sieve.py [WARMUP ITERATIONS]  (the runner passes the numbers from the .js file)"""
import sys
import time

T0 = time.perf_counter()
WARMUP = int(sys.argv[1]) if len(sys.argv) > 1 else 2
ITERATIONS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
LIMIT = 1000000


def js_str(x):
    """x as JS's String() prints it (1e15 rather than 1000000000000000.0)."""
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e21:
        return str(int(x))
    return repr(x)


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


def main():
    print("bench sieve")
    first = None
    for i in range(WARMUP + ITERATIONS):
        t = time.perf_counter()
        got = run()
        ms = (time.perf_counter() - t) * 1000
        if first is None:
            first = got
        if got != first:
            raise RuntimeError("sieve: checksum %r, first iteration %r" % (got, first))
        print("warmup" if i < WARMUP else "iteration", "%.6f" % ms, flush=True)
    print("result ok", js_str(first))
    print("total %.6f" % ((time.perf_counter() - T0) * 1000))


main()
