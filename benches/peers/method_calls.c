/* method_calls: the benches/js/method_calls.js program in C: the "method" is a function on a
   struct pointer, kept out of line (noinline) so that each call is a real call.
   usage: method_calls [WARMUP ITERATIONS] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define CALLS 100000
#define ROUNDS 20
#define EXPECTED 9000000L

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

struct accumulator { long total; long calls; };

__attribute__((noinline)) static long accumulator_add(struct accumulator *self, long x) {
    self->total += x;
    self->calls++;
    return self->total;
}

static long run(void) {
    struct accumulator acc = { 0, 0 };
    long last = 0;
    for (int r = 0; r < ROUNDS; r++)
        for (long i = 0; i < CALLS; i++) last = accumulator_add(&acc, i & 7);
    return last + acc.calls;
}

int main(int argc, char **argv) {
    double t0 = now_ms();
    int warmup = argc > 1 ? atoi(argv[1]) : 2;
    int iterations = argc > 2 ? atoi(argv[2]) : 5;
    printf("bench method_calls\n");
    for (int i = 0; i < warmup + iterations; i++) {
        double t = now_ms();
        long got = run();
        double ms = now_ms() - t;
        if (got != EXPECTED) {
            fprintf(stderr, "Error: method_calls: checksum %ld, expected %ld\n", got, EXPECTED);
            return 1;
        }
        printf("%s %.6f\n", i < warmup ? "warmup" : "iteration", ms);
    }
    printf("result ok %ld\n", EXPECTED);
    printf("total %.6f\n", now_ms() - t0);
    return 0;
}
