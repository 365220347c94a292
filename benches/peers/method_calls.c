/* method_calls: the benches/js/method_calls.js program in C: the "method" is a function on a
   struct pointer, kept out of line (noinline) so that each call is a real call.
   usage: method_calls [WARMUP ITERATIONS] */
#include <stdio.h>
#include <stdlib.h>

#include "bench.h"

#define CALLS 100000
#define ROUNDS 20
#define EXPECTED 9000000L

struct accumulator { long total; long calls; };

__attribute__((noinline)) static long accumulator_add(struct accumulator *self, long x) {
    self->total += x;
    self->calls++;
    return self->total;
}

static double run(void) {
    struct accumulator acc = { 0, 0 };
    long last = 0;
    for (int r = 0; r < ROUNDS; r++)
        for (long i = 0; i < CALLS; i++) last = accumulator_add(&acc, i & 7);
    long checksum = last + acc.calls;
    if (checksum != EXPECTED) {
        fprintf(stderr, "Error: method_calls: checksum %ld, expected %ld\n", checksum, EXPECTED);
        exit(1);
    }
    return (double)checksum;
}

int main(int argc, char **argv) { return bench_main("method_calls", argc, argv, 1, run); }
