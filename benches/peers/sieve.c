/* sieve: the benches/js/sieve.js program in C (gcc -O2): a fresh array of LIMIT + 1 flags per
   iteration (malloc'ed and filled, as the JS pushes). usage: sieve [WARMUP ITERATIONS] */
#include <stdio.h>
#include <stdlib.h>

#include "bench.h"

static volatile long limit_v = 1000000; /* volatile: nothing is folded at compile time */

static double run(void) {
    long limit = limit_v;
    unsigned char *composite = malloc(limit + 1);
    for (long i = 0; i <= limit; i++) composite[i] = 0;
    for (long p = 2; p * p <= limit; p++) {
        if (composite[p]) continue;
        for (long m = p * p; m <= limit; m += p) composite[m] = 1;
    }
    long count = 0, sum = 0;
    for (long i = 2; i <= limit; i++)
        if (!composite[i]) { count++; sum += i; }
    free(composite);
    /* pi(10^6) = 78498; the primes below 10^6 add up to 37550402023. */
    if (count != 78498 || sum != 37550402023L) {
        fprintf(stderr, "Error: sieve: count %ld sum %ld\n", count, sum);
        exit(1);
    }
    return (double)(count + sum);
}

int main(int argc, char **argv) { return bench_main("sieve", argc, argv, 1, run); }
