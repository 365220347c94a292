/* mandelbrot: the benches/js/mandelbrot.js program in C (gcc -O2; no -ffast-math).
   usage: mandelbrot [WARMUP ITERATIONS] */
#include <stdio.h>
#include <stdlib.h>

#include "bench.h"

#define MAX_ITER 50

static volatile int size_v = 200; /* volatile: nothing is folded at compile time */

static double run(void) {
    int size = size_v;
    long inside = 0, escape_sum = 0;
    int bits_hash = 0;
    for (int y = 0; y < size; y++) {
        double ci = 2.0 * y / size - 1.0;
        int bits = 0;
        for (int x = 0; x < size; x++) {
            double cr = 2.0 * x / size - 1.5;
            double zr = 0.0, zi = 0.0, tr = 0.0, ti = 0.0;
            int i = 0;
            while (i < MAX_ITER && tr + ti <= 4.0) {
                zi = 2.0 * zr * zi + ci;
                zr = tr - ti + cr;
                tr = zr * zr;
                ti = zi * zi;
                i++;
            }
            bits = (bits << 1) | (tr + ti <= 4.0 ? 1 : 0);
            if (tr + ti <= 4.0) inside++;
            else escape_sum += i;
            if ((x & 7) == 7) {
                bits_hash = ((bits_hash * 31) ^ bits) & 0xffffff;
                bits = 0;
            }
        }
    }
    return inside * 1e10 + escape_sum * 1e4 + (bits_hash % 10000);
}

int main(int argc, char **argv) { return bench_main("mandelbrot", argc, argv, 1, run); }
