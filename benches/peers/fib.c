/* fib: the benches/js/fib30.js and fib35.js program in C (the runner compiles it with gcc -O2).
   usage: fib N WARMUP ITERATIONS   (the runner passes the numbers from the .js file) */
#include <stdio.h>
#include <stdlib.h>

#include "bench.h"

/* volatile: the compiler must not fold the calls into one */
static volatile long n_v = 30;
static long expected = -1; /* fib(n) when n is one the .js files use, else -1: unchecked */

static long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static double run(void) {
    long n = n_v;
    long got = fib(n);
    if (expected >= 0 && got != expected) {
        fprintf(stderr, "Error: fib: fib(%ld) = %ld, expected %ld\n", n, got, expected);
        exit(1);
    }
    return (double)got;
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 30;
    char name[32];
    n_v = n;
    expected = n == 35 ? 9227465 : n == 30 ? 832040 : -1;
    snprintf(name, sizeof name, "fib%ld", n);
    return bench_main(name, argc, argv, 2, run);
}
