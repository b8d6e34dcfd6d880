/*
 * test-libm-lazy.c: the lazily bound libm functions (libm-lazy.c) give libm's own results.
 *
 * Linked with libm-lazy.o and without -lm, so every math call below goes through a trampoline
 * and its binder. Each is compared, bit for bit, with the same libm function called directly
 * (dlsym). Covers every return kind (float, double, long double: x87), arguments in vector
 * registers, integer registers and on the stack (long double), pointer results (remquo,
 * lgamma_r), threads racing to the first call, and that every listed name exists in libm.
 * Prints one "ok: ..." line, or a "FAIL: ..." line for each difference (exit status 1).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "libm-functions.h"

/* Declared here rather than through <math.h>, whose inline or builtin forms could bypass the
 * trampolines. */
float sinf(float);
double cos(double);
long double powl(long double, long double);
double fma(double, double, double);
long double fmal(long double, long double, long double);
double jn(int, double);
double remquo(double, double, int *);
double lgamma_r(double, int *);
float nanf(const char *);
float atan2f(float, float);
double hypot(double, double);
long double tgammal(long double);

static void *libm;
static int failures;

#define SAME(what, a, b)                                                                          \
    do {                                                                                          \
        __typeof__(a) x_ = (a), y_ = (b);                                                         \
        if (memcmp(&x_, &y_, sizeof x_ < 10 ? sizeof x_ : 10) != 0) {                             \
            printf("FAIL: the lazily bound %s differs from libm's own\n", what);                                \
            failures++;                                                                           \
        }                                                                                         \
    } while (0)

static void *direct(const char *name) {
    void *f = dlsym(libm, name);
    if (f == NULL) {
        printf("FAIL: libm.so.6 has no %s (compat/libm-functions.h)\n", name);
        failures++;
    }
    return f;
}

static void *race(void *arg) {
    float *out = arg;
    *out = sinf(0.5f);
    return NULL;
}

int main(void) {
    libm = dlopen("libm.so.6", RTLD_NOW | RTLD_LOCAL);
    if (libm == NULL) {
        printf("FAIL: %s\n", dlerror());
        return 1;
    }
#define FLX_EXISTS(name, kind) (void)direct(#name);
    FLX_LIBM_FUNCTIONS(FLX_EXISTS)

    /* First calls from four threads at once. */
    pthread_t threads[4];
    float results[4];
    for (int i = 0; i < 4; i++) pthread_create(&threads[i], NULL, race, &results[i]);
    for (int i = 0; i < 4; i++) pthread_join(threads[i], NULL);
    float (*d_sinf)(float) = (float (*)(float))direct("sinf");
    for (int i = 0; i < 4; i++) SAME("sinf (threads)", results[i], d_sinf(0.5f));

    double (*d_cos)(double) = (double (*)(double))direct("cos");
    SAME("cos", cos(1.25), d_cos(1.25));
    SAME("cos (bound)", cos(-3.5), d_cos(-3.5));
    long double (*d_powl)(long double, long double) = (long double (*)(long double, long double))direct("powl");
    SAME("powl", powl(1.0001L, 12345.5L), d_powl(1.0001L, 12345.5L));
    double (*d_fma)(double, double, double) = (double (*)(double, double, double))direct("fma");
    SAME("fma", fma(0.1, 10.0, -1.0), d_fma(0.1, 10.0, -1.0));
    long double (*d_fmal)(long double, long double, long double) =
        (long double (*)(long double, long double, long double))direct("fmal");
    SAME("fmal", fmal(0.1L, 10.0L, -1.0L), d_fmal(0.1L, 10.0L, -1.0L));
    double (*d_jn)(int, double) = (double (*)(int, double))direct("jn");
    SAME("jn", jn(3, 2.5), d_jn(3, 2.5));
    double (*d_remquo)(double, double, int *) = (double (*)(double, double, int *))direct("remquo");
    int q1 = 0, q2 = -1;
    SAME("remquo", remquo(29.0, 3.0, &q1), d_remquo(29.0, 3.0, &q2));
    SAME("remquo quotient", q1, q2);
    double (*d_lgamma_r)(double, int *) = (double (*)(double, int *))direct("lgamma_r");
    int s1 = 0, s2 = 0;
    SAME("lgamma_r", lgamma_r(-2.5, &s1), d_lgamma_r(-2.5, &s2));
    SAME("lgamma_r sign", s1, s2);
    float (*d_nanf)(const char *) = (float (*)(const char *))direct("nanf");
    SAME("nanf", nanf("0x123"), d_nanf("0x123"));
    float (*d_atan2f)(float, float) = (float (*)(float, float))direct("atan2f");
    SAME("atan2f", atan2f(-1.0f, -2.0f), d_atan2f(-1.0f, -2.0f));
    double (*d_hypot)(double, double) = (double (*)(double, double))direct("hypot");
    SAME("hypot", hypot(3e200, 4e200), d_hypot(3e200, 4e200));
    long double (*d_tgammal)(long double) = (long double (*)(long double))direct("tgammal");
    SAME("tgammal", tgammal(7.5L), d_tgammal(7.5L));

    if (failures) return 1;
    puts("ok: the lazily bound libm functions are libm's (every name found; float, double, long double "
         "and pointer results equal bit for bit, first calls racing in four threads)");
    return 0;
}
