/* fib: the benches/js/fib30.js and fib35.js program in C (the runner compiles it with gcc -O2).
   usage: fib N WARMUP ITERATIONS   (the runner passes the numbers from the .js file) */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main(int argc, char **argv) {
    double t0 = now_ms();
    long n = argc > 1 ? atol(argv[1]) : 30;
    int warmup = argc > 2 ? atoi(argv[2]) : 2;
    int iterations = argc > 3 ? atoi(argv[3]) : 5;
    long expected = n == 35 ? 9227465 : n == 30 ? 832040 : -1;
    /* volatile: the compiler must not fold the calls into one */
    volatile long arg = n;
    printf("bench fib%ld\n", n);
    for (int i = 0; i < warmup + iterations; i++) {
        double t = now_ms();
        long got = fib(arg);
        double ms = now_ms() - t;
        if (got != expected) {
            fprintf(stderr, "Error: fib: checksum %ld, expected %ld\n", got, expected);
            return 1;
        }
        printf("%s %.6f\n", i < warmup ? "warmup" : "iteration", ms);
    }
    printf("result ok %ld\n", expected);
    printf("total %.6f\n", now_ms() - t0);
    return 0;
}
