/* Shared by the C benchmark clients (flx_bench.c, baseline.c): the command line, the loop,
 * the clock and RSS. Each client provides setup() and one function per operation.
 *
 *   CLIENT BASE_URL OP N [--no-warmup] [--rss-every K]
 *
 * OP is token, lookup, authorize or captures. Before the timed loop every operation the client
 * has runs twice (warm-up: connection, token, lazy initialisation in every code path), so a run
 * with N=0 costs exactly what a run with N>0 costs besides the N calls: callgrind's
 * instructions per call are (Ir(N) - Ir(0)) / N. Prints one line of key=value pairs. */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef int (*bench_op)(void);  /* 0 on success */

struct bench_op_entry {
    const char *name;
    bench_op fn;
};

static inline double bench_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Resident set size in KiB (from /proc/self/statm). */
static inline long bench_rss_kb(void) {
    long pages_total = 0, pages_resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f) return -1;
    if (fscanf(f, "%ld %ld", &pages_total, &pages_resident) != 2) pages_resident = -1;
    fclose(f);
    return pages_resident < 0 ? -1 : pages_resident * (sysconf(_SC_PAGESIZE) / 1024);
}

/* 32 lowercase hex characters from 16 random bytes (the x-reference-id / idempotency key format). */
static inline void bench_random_hex32(char out[33]) {
    static const char digits[] = "0123456789abcdef";
    unsigned char b[16];
    if (getentropy(b, sizeof b) != 0) memset(b, 0x5a, sizeof b);
    for (int i = 0; i < 16; i++) {
        out[2 * i] = digits[b[i] >> 4];
        out[2 * i + 1] = digits[b[i] & 15];
    }
    out[32] = 0;
}

/* The measured loop: kept out of line so callgrind --toggle-collect=bench_loop can isolate it. */
__attribute__((noinline)) static int bench_loop(bench_op fn, long n, long rss_every, long *done) {
    for (long i = 0; i < n; i++) {
        if (fn() != 0) return -1;
        *done = i + 1;
        if (rss_every > 0 && (i + 1) % rss_every == 0) {
            printf("rss calls=%ld kb=%ld\n", i + 1, bench_rss_kb());
            fflush(stdout);
        }
    }
    return 0;
}

/* Provided by each client. */
/* ca_file: NULL for the system store, else the PEM file that verifies the server (--cacert). */
static int bench_setup(const char *base_url, const char *ca_file);
static void bench_stats(unsigned long long *connections, unsigned long long *tokens);
static void bench_teardown(void);
extern const struct bench_op_entry bench_ops[];

static int bench_main(int argc, char **argv, const char *client_name) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s BASE_URL OP N [--no-warmup] [--rss-every K] [--cacert PEM]\n", argv[0]);
        return 2;
    }
    const char *base = argv[1], *op = argv[2], *ca_file = NULL;
    long n = atol(argv[3]), rss_every = 0;
    int warmup = 1;
    for (int i = 4; i < argc; i++) {
        if (strcmp(argv[i], "--no-warmup") == 0) warmup = 0;
        else if (strcmp(argv[i], "--rss-every") == 0 && i + 1 < argc) rss_every = atol(argv[++i]);
        else if (strcmp(argv[i], "--cacert") == 0 && i + 1 < argc) ca_file = argv[++i];
        else { fprintf(stderr, "%s: unknown option %s\n", argv[0], argv[i]); return 2; }
    }
    bench_op fn = NULL;
    for (const struct bench_op_entry *e = bench_ops; e->name; e++)
        if (strcmp(e->name, op) == 0) fn = e->fn;
    if (!fn) {
        fprintf(stderr, "%s: operation %s not available in this build\n", argv[0], op);
        return 3;
    }
    if (bench_setup(base, ca_file) != 0) return 1;
    if (warmup) {
        for (const struct bench_op_entry *e = bench_ops; e->name; e++)
            for (int k = 0; k < 2; k++)
                if (e->fn() != 0) { fprintf(stderr, "%s: warm-up of %s failed\n", argv[0], e->name); return 1; }
    }
    long rss_before = bench_rss_kb(), done = 0;
    double t0 = bench_now();
    int rc = bench_loop(fn, n, rss_every, &done);
    double dt = bench_now() - t0;
    unsigned long long conns = 0, tokens = 0;
    bench_stats(&conns, &tokens);
    printf("client=%s op=%s n=%ld seconds=%.6f ops_per_sec=%.1f connections=%llu token_requests=%llu "
           "rss_kb_before=%ld rss_kb_after=%ld%s\n",
           client_name, op, done, dt, dt > 0 ? (double)done / dt : 0.0, conns, tokens, rss_before, bench_rss_kb(),
           warmup ? "" : " (no warm-up)");
    bench_teardown();
    if (rc != 0) { fprintf(stderr, "%s: %s failed after %ld calls\n", argv[0], op, done); return 1; }
    return 0;
}
#endif
