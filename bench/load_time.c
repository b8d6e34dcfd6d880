/* load_time: how long a process takes to load a client library and get a ready session, with no
 * network traffic (the first request opens the connection).
 *
 *   load_time flexiti LIBPATH BASE_URL   dlopen libflexiti, flx_config_new + base URL +
 *                                        credentials, flx_session_new
 *   load_time baseline                   dlopen libcurl and libjansson, curl_global_init,
 *                                        curl_easy_init (what baseline.c starts with)
 *
 * libflexiti and libjansson are loaded with RTLD_NOW, so every relocation and symbol lookup of
 * theirs is in the load figure. libcurl is loaded with RTLD_LAZY on both sides, the way
 * libflexiti's first session loads it (its functions are bound when first called, as in a
 * program linked with libcurl).
 *
 * Prints "load_ms=... session_ms=... total_ms=...". Run it in fresh processes (a library loads
 * once per process); run.sh takes the median of several runs. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

typedef int (*fn_new)(void **, void **);
typedef int (*fn_set1)(void *, const char *, void **);
typedef int (*fn_set2)(void *, const char *, const char *, void **);
typedef int (*fn_session_new)(void *, void **, void **);
typedef void (*fn_free)(void *);
typedef long (*fn_global_init)(long);
typedef void *(*fn_easy_init)(void);

/* dlsym returns void *; converting it to a function pointer goes through memcpy to stay ISO C. */
#define SYM(h, name, type)                                                  \
    type name;                                                              \
    {                                                                       \
        void *p_ = dlsym(h, #name);                                         \
        if (!p_) { fprintf(stderr, "missing %s\n", #name); return 1; }      \
        memcpy(&name, &p_, sizeof name);                                    \
    }

int main(int argc, char **argv) {
    if (argc >= 4 && strcmp(argv[1], "flexiti") == 0) {
        double t0 = now_ms();
        void *h = dlopen(argv[2], RTLD_NOW | RTLD_LOCAL);
        if (!h) { fprintf(stderr, "%s\n", dlerror()); return 1; }
        double t1 = now_ms();
        SYM(h, flx_config_new, fn_new)
        SYM(h, flx_config_set_base_url, fn_set1)
        SYM(h, flx_config_set_credentials, fn_set2)
        SYM(h, flx_session_new, fn_session_new)
        SYM(h, flx_config_free, fn_free)
        SYM(h, flx_session_free, fn_free)
        void *cfg = NULL, *session = NULL;
        if (flx_config_new(&cfg, NULL) || flx_config_set_base_url(cfg, argv[3], NULL) ||
            flx_config_set_credentials(cfg, "flexitidemo", "bench-secret-0000", NULL) || flx_session_new(cfg, &session, NULL)) {
            fprintf(stderr, "session set-up failed\n");
            return 1;
        }
        flx_config_free(cfg);
        double t2 = now_ms();
        printf("load_ms=%.3f session_ms=%.3f total_ms=%.3f\n", t1 - t0, t2 - t1, t2 - t0);
        flx_session_free(session);
        return 0;
    }
    if (argc >= 2 && strcmp(argv[1], "baseline") == 0) {
        double t0 = now_ms();
        /* libcurl as libflexiti loads it at its first session (RTLD_LAZY: bound as if linked). */
        void *c = dlopen("libcurl.so.4", RTLD_LAZY | RTLD_LOCAL);
        void *j = dlopen("libjansson.so.4", RTLD_NOW | RTLD_LOCAL);
        if (!c || !j) { fprintf(stderr, "%s\n", dlerror()); return 1; }
        double t1 = now_ms();
        SYM(c, curl_global_init, fn_global_init)
        SYM(c, curl_easy_init, fn_easy_init)
        SYM(c, curl_easy_cleanup, fn_free)
        if (curl_global_init(3) != 0) return 1;  /* CURL_GLOBAL_DEFAULT */
        void *easy = curl_easy_init();
        if (!easy) return 1;
        double t2 = now_ms();
        printf("load_ms=%.3f session_ms=%.3f total_ms=%.3f\n", t1 - t0, t2 - t1, t2 - t0);
        curl_easy_cleanup(easy);
        return 0;
    }
    fprintf(stderr, "usage: %s flexiti LIBPATH BASE_URL | %s baseline\n", argv[0], argv[0]);
    return 2;
}
