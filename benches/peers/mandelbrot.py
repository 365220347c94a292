"""mandelbrot: the benches/js/mandelbrot.js program in Python.
usage: python3 mandelbrot.py [WARMUP ITERATIONS]  (the runner passes the numbers from the .js file)"""
import sys
import time

T0 = time.perf_counter()
WARMUP = int(sys.argv[1]) if len(sys.argv) > 1 else 2
ITERATIONS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
SIZE = 200
MAX_ITER = 50


def js_str(x):
    """x as JS's String() prints it (1e15 rather than 1000000000000000.0)."""
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e21:
        return str(int(x))
    return repr(x)


def run():
    inside = 0
    escape_sum = 0
    bits_hash = 0
    for y in range(SIZE):
        ci = 2.0 * y / SIZE - 1.0
        bits = 0
        for x in range(SIZE):
            cr = 2.0 * x / SIZE - 1.5
            zr = zi = tr = ti = 0.0
            i = 0
            while i < MAX_ITER and tr + ti <= 4.0:
                zi = 2.0 * zr * zi + ci
                zr = tr - ti + cr
                tr = zr * zr
                ti = zi * zi
                i += 1
            bits = (bits << 1) | (1 if tr + ti <= 4.0 else 0)
            if tr + ti <= 4.0:
                inside += 1
            else:
                escape_sum += i
            if (x & 7) == 7:
                bits_hash = ((bits_hash * 31) ^ bits) & 0xffffff
                bits = 0
    return inside * 1e10 + escape_sum * 1e4 + (bits_hash % 10000)


def main():
    print("bench mandelbrot")
    first = None
    for i in range(WARMUP + ITERATIONS):
        t = time.perf_counter()
        got = run()
        ms = (time.perf_counter() - t) * 1000
        if first is None:
            first = got
        if got != first:
            raise RuntimeError("mandelbrot: checksum %r, first iteration %r" % (got, first))
        print("warmup" if i < WARMUP else "iteration", "%.6f" % ms, flush=True)
    print("result ok", js_str(first))
    print("total %.6f" % ((time.perf_counter() - T0) * 1000))


main()
