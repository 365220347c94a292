/* nbody: the benches/js/nbody.js program in C (gcc -O2; no -ffast-math and no FMA on the
   x86-64 baseline, so every operation rounds as in the JS and the final energy is the same
   double). usage: nbody [WARMUP ITERATIONS] */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench.h"

#define PI 3.141592653589793
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24
#define N 5

typedef struct { double x, y, z, vx, vy, vz, mass; } Body;

static volatile int steps_v = 50000; /* advance() calls per iteration */

static void make_bodies(Body *b) {
    Body init[N] = {
        {0, 0, 0, 0, 0, 0, SOLAR_MASS},
        {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
         1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
         -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS},
        {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
         -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
         2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS},
        {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
         2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
         -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS},
        {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
         2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
         -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS},
    };
    double px = 0, py = 0, pz = 0;
    for (int i = 0; i < N; i++) {
        b[i] = init[i];
        px += b[i].vx * b[i].mass; py += b[i].vy * b[i].mass; pz += b[i].vz * b[i].mass;
    }
    b[0].vx = -px / SOLAR_MASS; b[0].vy = -py / SOLAR_MASS; b[0].vz = -pz / SOLAR_MASS;
}

static void advance(Body *b, double dt) {
    for (int i = 0; i < N; i++) {
        Body *bi = &b[i];
        for (int j = i + 1; j < N; j++) {
            Body *bj = &b[j];
            double dx = bi->x - bj->x, dy = bi->y - bj->y, dz = bi->z - bj->z;
            double d2 = dx * dx + dy * dy + dz * dz;
            double mag = dt / (d2 * sqrt(d2));
            double mi = bi->mass * mag, mj = bj->mass * mag;
            bi->vx -= dx * mj; bi->vy -= dy * mj; bi->vz -= dz * mj;
            bj->vx += dx * mi; bj->vy += dy * mi; bj->vz += dz * mi;
        }
    }
    for (int i = 0; i < N; i++) {
        b[i].x += dt * b[i].vx; b[i].y += dt * b[i].vy; b[i].z += dt * b[i].vz;
    }
}

static double energy(const Body *b) {
    double e = 0;
    for (int i = 0; i < N; i++) {
        const Body *bi = &b[i];
        e += 0.5 * bi->mass * (bi->vx * bi->vx + bi->vy * bi->vy + bi->vz * bi->vz);
        for (int j = i + 1; j < N; j++) {
            const Body *bj = &b[j];
            double dx = bi->x - bj->x, dy = bi->y - bj->y, dz = bi->z - bj->z;
            e -= bi->mass * bj->mass / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

static double run(void) {
    Body b[N];
    make_bodies(b);
    double before = energy(b);
    if (before != -0.16907516382852447) {
        fprintf(stderr, "Error: nbody: initial energy %.17g\n", before);
        exit(1);
    }
    int steps = steps_v;
    for (int s = 0; s < steps; s++) advance(b, 0.01);
    return energy(b);
}

int main(int argc, char **argv) { return bench_main("nbody", argc, argv, 1, run); }
