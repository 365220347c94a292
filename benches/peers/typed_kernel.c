/* typed_kernel: the benches/js/typed_kernel.js program in C (gcc -O2): the same Jacobi steps
   on double arrays (same operation order, so the same doubles) and the same int32 pass with
   wrap-around done in uint32_t. usage: typed_kernel [WARMUP ITERATIONS] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

static volatile int size_v = 192, steps_v = 40, count_v = 200000;

static double heat(void) {
    int n = size_v, steps = steps_v;
    double *a = calloc((size_t)n * n, sizeof(double));
    double *b = calloc((size_t)n * n, sizeof(double));
    for (int i = 0; i < n; i++) {
        a[i] = 100;
        a[(n - 1) * n + i] = -50;
    }
    memcpy(b, a, sizeof(double) * n * n);
    for (int s = 0; s < steps; s++) {
        for (int y = 1; y < n - 1; y++) {
            int row = y * n;
            for (int x = 1; x < n - 1; x++) {
                int k = row + x;
                b[k] = 0.25 * (a[k - 1] + a[k + 1] + a[k - n] + a[k + n]);
            }
        }
        double *t = a; a = b; b = t;
    }
    double sum = 0;
    for (int k = 0; k < n * n; k++) sum += a[k];
    free(a);
    free(b);
    return sum;
}

static double ints(void) {
    int count = count_v;
    int32_t *v = malloc(sizeof(int32_t) * count);
    for (int i = 0; i < count; i++)
        v[i] = (int32_t)(((uint32_t)(i + 1) * 0x9E3779B1u) ^ ((uint32_t)i << 7));
    for (int i = 1; i < count; i++) v[i] = (int32_t)((uint32_t)v[i] + (uint32_t)v[i - 1]);
    int32_t hist[256] = {0};
    for (int i = 0; i < count; i++) hist[v[i] & 255]++;
    int32_t h = 0;
    for (int i = 0; i < 256; i++) h = (int32_t)((uint32_t)h * 31u + (uint32_t)hist[i]);
    double r = (double)v[count - 1] + (double)h;
    free(v);
    return r;
}

static double run(void) { return heat() + ints(); }

int main(int argc, char **argv) { return bench_main("typed_kernel", argc, argv, 1, run); }
