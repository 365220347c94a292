/* nqueens: the benches/js/nqueens.js program in C (gcc -O2): the same backtracking over
   arrays of flags (no bit tricks). usage: nqueens [WARMUP ITERATIONS] */
#include <stdio.h>
#include <stdlib.h>

#include "bench.h"

static const int KNOWN[] = {0, 1, 0, 0, 2, 10, 4, 40, 92, 352, 724};

typedef struct {
    int n;
    char cols[16], diag1[32], diag2[32];
    int placed[16];
    long solutions, weight;
} State;

static volatile int first_n_v = 8; /* volatile: nothing is folded at compile time */

static void place(State *s, int row) {
    int n = s->n;
    if (row == n) {
        s->solutions++;
        s->weight += s->placed[0] * n + s->placed[n - 1];
        return;
    }
    for (int c = 0; c < n; c++) {
        int d1 = row + c, d2 = row - c + n;
        if (s->cols[c] || s->diag1[d1] || s->diag2[d2]) continue;
        s->cols[c] = 1; s->diag1[d1] = 1; s->diag2[d2] = 1; s->placed[row] = c;
        place(s, row + 1);
        s->cols[c] = 0; s->diag1[d1] = 0; s->diag2[d2] = 0;
    }
}

static double run(void) {
    long checksum = 0;
    int first_n = first_n_v;
    for (int round = 0; round < 3; round++) {
        for (int n = first_n; n <= 10; n++) {
            State s = {0};
            s.n = n;
            for (int i = 0; i < n; i++) s.placed[i] = -1;
            place(&s, 0);
            if (s.solutions != KNOWN[n]) {
                fprintf(stderr, "Error: nqueens: %ld solutions for %d\n", s.solutions, n);
                exit(1);
            }
            checksum += s.solutions * 100000 + s.weight;
        }
    }
    return (double)checksum;
}

int main(int argc, char **argv) { return bench_main("nqueens", argc, argv, 1, run); }
