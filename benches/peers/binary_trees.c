/* binary_trees: the benches/js/binary_trees.js program in C (gcc -O2): every node is
   malloc'ed and every short-lived tree freed after its check, as a GC'd engine drops it.
   usage: binary_trees [WARMUP ITERATIONS] */
#include <stdio.h>
#include <stdlib.h>

#include "bench.h"

#define MIN_DEPTH 4

typedef struct Node { struct Node *left, *right; } Node;

static volatile int max_depth_v = 12; /* volatile: nothing is folded at compile time */

static Node *bottom_up(int depth) {
    Node *n = malloc(sizeof(Node));
    if (depth == 0) {
        n->left = n->right = NULL;
    } else {
        n->left = bottom_up(depth - 1);
        n->right = bottom_up(depth - 1);
    }
    return n;
}

static long check(const Node *n) {
    if (n->left == NULL) return 1;
    return 1 + check(n->left) + check(n->right);
}

static void release(Node *n) {
    if (n->left) { release(n->left); release(n->right); }
    free(n);
}

static double run(void) {
    int max_depth = max_depth_v;
    Node *stretch_tree = bottom_up(max_depth + 1);
    long stretch = check(stretch_tree);
    release(stretch_tree);
    Node *long_lived = bottom_up(max_depth);
    long checksum = stretch;
    for (int depth = MIN_DEPTH; depth <= max_depth; depth += 2) {
        long iterations = 1L << (max_depth - depth + MIN_DEPTH);
        long c = 0;
        for (long i = 0; i < iterations; i++) {
            Node *t = bottom_up(depth);
            c += check(t);
            release(t);
        }
        checksum = checksum * 3 + c;
    }
    long long_check = check(long_lived);
    release(long_lived);
    if (long_check != (1L << (max_depth + 1)) - 1) {
        fprintf(stderr, "Error: binary_trees: long-lived tree has %ld nodes\n", long_check);
        exit(1);
    }
    return (double)(checksum + long_check);
}

int main(int argc, char **argv) { return bench_main("binary_trees", argc, argv, 1, run); }
