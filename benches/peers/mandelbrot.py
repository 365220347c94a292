"""mandelbrot: the benches/js/mandelbrot.js program in Python.
usage: python3 mandelbrot.py [WARMUP ITERATIONS]  (the runner passes the numbers from the .js file)"""
import bench_common

SIZE = 200
MAX_ITER = 50


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


bench_common.bench("mandelbrot", run)
