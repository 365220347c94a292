/* array_sum: the benches/js/array_sum.js program in C (gcc -O2; no -ffast-math, so the
   additions stay in order as in the JS). usage: array_sum [WARMUP ITERATIONS] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define SIZE 1000000
#define PASSES 10
#define EXPECTED 1278427440.0

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double run(const double *data, long n) {
    double total = 0;
    for (int pass = 0; pass < PASSES; pass++) {
        double sum = 0;
        for (long i = 0; i < n; i++) sum += data[i];
        total += sum;
    }
    return total;
}

int main(int argc, char **argv) {
    double t0 = now_ms();
    int warmup = argc > 1 ? atoi(argv[1]) : 2;
    int iterations = argc > 2 ? atoi(argv[2]) : 5;
    double *data = malloc(SIZE * sizeof(double));
    for (long i = 0; i < SIZE; i++) data[i] = (i & 1023) * 0.25;
    volatile long size = SIZE;   /* keeps the passes from being folded together */
    printf("bench array_sum\n");
    for (int i = 0; i < warmup + iterations; i++) {
        double t = now_ms();
        double got = run(data, size);
        double ms = now_ms() - t;
        if (got != EXPECTED) {
            fprintf(stderr, "Error: array_sum: checksum %.17g, expected %.17g\n", got, EXPECTED);
            return 1;
        }
        printf("%s %.6f\n", i < warmup ? "warmup" : "iteration", ms);
    }
    printf("result ok %.0f\n", EXPECTED);
    printf("total %.6f\n", now_ms() - t0);
    free(data);
    return 0;
}
