/* array_sum: the benches/js/array_sum.js program in C (gcc -O2; no -ffast-math, so the
   additions stay in order as in the JS). usage: array_sum [WARMUP ITERATIONS] */
#include <stdio.h>
#include <stdlib.h>

#include "bench.h"

#define SIZE 1000000
#define PASSES 10
#define EXPECTED 1278427440.0

static double *data;
static volatile long size_v = SIZE; /* keeps the passes from being folded together */

static double run(void) {
    long n = size_v;
    double total = 0;
    for (int pass = 0; pass < PASSES; pass++) {
        double sum = 0;
        for (long i = 0; i < n; i++) sum += data[i];
        total += sum;
    }
    if (total != EXPECTED) {
        fprintf(stderr, "Error: array_sum: checksum %.17g, expected %.17g\n", total, EXPECTED);
        exit(1);
    }
    return total;
}

int main(int argc, char **argv) {
    data = malloc(SIZE * sizeof(double));
    for (long i = 0; i < SIZE; i++) data[i] = (i & 1023) * 0.25;
    int status = bench_main("array_sum", argc, argv, 1, run);
    free(data);
    return status;
}
