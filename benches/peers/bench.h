/* The timing loop and output shared by the C peers (benches/peers/NAME.c), included as
   `#include "bench.h"` (found next to the source; the runner compiles each peer with
   `gcc -O2 -o EXE benches/peers/NAME.c -lm`). A peer defines `static double run(void)`
   returning its checksum and ends main() with `return bench_main(NAME, argc, argv, 1, run);`.
   The total clock starts before main() (a constructor), as a JS program's T0 is taken at its
   first statement. */
#ifndef JOLT_BENCH_H
#define JOLT_BENCH_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double bench_now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double bench_t0;

__attribute__((constructor)) static void bench_start(void) { bench_t0 = bench_now_ms(); }

/* x as JS's String() prints it: an integral double below 1e21 without a fraction, otherwise
   the shortest of %.15g..%.17g that reads back as x. buf holds at least 64 chars. */
static const char *bench_js_str(char *buf, size_t size, double x) {
    if (x == floor(x) && fabs(x) < 1e21) {
        snprintf(buf, size, "%.0f", x);
        return buf;
    }
    for (int p = 15; p <= 17; p++) {
        snprintf(buf, size, "%.*g", p, x);
        if (strtod(buf, NULL) == x) break;
    }
    return buf;
}

/* Reads WARMUP and ITERATIONS from argv[at] and argv[at + 1] (defaults 2 and 5), calls run()
   WARMUP + ITERATIONS times, checks that every call returns the first call's checksum, and
   prints the lines benches/run parses: `bench NAME`, one `warmup MS` or `iteration MS` per
   call, `result ok CHECKSUM` and `total MS`. Returns main()'s exit status. */
static int bench_main(const char *name, int argc, char **argv, int at, double (*run)(void)) {
    int warmup = argc > at ? atoi(argv[at]) : 2;
    int iterations = argc > at + 1 ? atoi(argv[at + 1]) : 5;
    double first = 0;
    char buf[64];
    printf("bench %s\n", name);
    for (int i = 0; i < warmup + iterations; i++) {
        double t = bench_now_ms();
        double got = run();
        double ms = bench_now_ms() - t;
        if (i == 0) first = got;
        if (got != first) {
            fprintf(stderr, "Error: %s: checksum %.17g, first iteration %.17g\n", name, got, first);
            return 1;
        }
        printf("%s %.6f\n", i < warmup ? "warmup" : "iteration", ms);
    }
    printf("result ok %s\n", bench_js_str(buf, sizeof buf, first));
    printf("total %.6f\n", bench_now_ms() - bench_t0);
    return 0;
}

#endif
