/* mandelbrot: the benches/js/mandelbrot.js program in C (gcc -O2; no -ffast-math).
   usage: mandelbrot [WARMUP ITERATIONS] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define MAX_ITER 50

static volatile int size_v = 200; /* volatile: nothing is folded at compile time */

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

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

int main(int argc, char **argv) {
    double t0 = now_ms();
    int warmup = argc > 1 ? atoi(argv[1]) : 2;
    int iterations = argc > 2 ? atoi(argv[2]) : 5;
    double first = 0;
    printf("bench mandelbrot\n");
    for (int i = 0; i < warmup + iterations; i++) {
        double t = now_ms();
        double got = run();
        double ms = now_ms() - t;
        if (i == 0) first = got;
        if (got != first) {
            fprintf(stderr, "Error: mandelbrot: checksum %.17g, first iteration %.17g\n", got, first);
            return 1;
        }
        printf("%s %.6f\n", i < warmup ? "warmup" : "iteration", ms);
    }
    printf("result ok %.0f\n", first);
    printf("total %.6f\n", now_ms() - t0);
    return 0;
}
