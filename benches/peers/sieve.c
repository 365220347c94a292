/* sieve: the benches/js/sieve.js program in C (gcc -O2): a fresh array of LIMIT + 1 flags per
   iteration (malloc'ed and filled, as the JS pushes). usage: sieve [WARMUP ITERATIONS] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

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

int main(int argc, char **argv) {
    double t0 = now_ms();
    int warmup = argc > 1 ? atoi(argv[1]) : 2;
    int iterations = argc > 2 ? atoi(argv[2]) : 5;
    double first = 0;
    printf("bench sieve\n");
    for (int i = 0; i < warmup + iterations; i++) {
        double t = now_ms();
        double got = run();
        double ms = now_ms() - t;
        if (i == 0) first = got;
        if (got != first) {
            fprintf(stderr, "Error: sieve: checksum %.17g, first iteration %.17g\n", got, first);
            return 1;
        }
        printf("%s %.6f\n", i < warmup ? "warmup" : "iteration", ms);
    }
    printf("result ok %.0f\n", first);
    printf("total %.6f\n", now_ms() - t0);
    return 0;
}
