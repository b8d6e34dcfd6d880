/* host_signals.c: loading the library and creating a session leave the host program's signal
 * handling alone.
 *
 *   host_signals LIBRARY BASE_URL
 *
 * The Swift runtime inside the library has a crash backtracer that, when SWIFT_BACKTRACE turns
 * it on and a swift-backtrace executable sits beside the library, installs its own handlers for
 * crash signals. run-tests.sh runs this with SWIFT_BACKTRACE=enable=yes and such a file beside a
 * copy of the library: the library must still install none. Prints "ok: ..." or "FAIL: ..." lines. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static const int watched[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGPIPE};
#define WATCHED (sizeof watched / sizeof watched[0])

typedef int (*fn_new)(void **, void **);
typedef int (*fn_set1)(void *, const char *, void **);
typedef int (*fn_set2)(void *, const char *, const char *, void **);
typedef int (*fn_session_new)(void *, void **, void **);
typedef void (*fn_free)(void *);

static void *symbol(void *library, const char *name) {
    void *p = dlsym(library, name);
    if (p == NULL) printf("FAIL: the library exports %s\n", name);
    return p;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s LIBRARY BASE_URL\n", argv[0]);
        return 2;
    }
    struct sigaction before[WATCHED], after;
    for (size_t i = 0; i < WATCHED; i++) sigaction(watched[i], NULL, &before[i]);

    void *library = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        printf("FAIL: dlopen: %s\n", dlerror());
        return 1;
    }
    fn_new config_new;
    fn_set1 set_base_url;
    fn_set2 set_credentials;
    fn_session_new session_new;
    fn_free config_free, session_free;
    void *p;
    int missing = 0;
#define GET(var, name) if ((p = symbol(library, name)) != NULL) memcpy(&var, &p, sizeof var); else missing = 1;
    GET(config_new, "flx_config_new")
    GET(set_base_url, "flx_config_set_base_url")
    GET(set_credentials, "flx_config_set_credentials")
    GET(session_new, "flx_session_new")
    GET(config_free, "flx_config_free")
    GET(session_free, "flx_session_free")
    if (missing) return 1;
    void *config = NULL, *session = NULL;
    if (config_new(&config, NULL) || set_base_url(config, argv[2], NULL) ||
        set_credentials(config, "flexitidemo", "signals-secret", NULL) || session_new(config, &session, NULL)) {
        printf("FAIL: a session could be created\n");
        return 1;
    }

    int changed = 0;
    for (size_t i = 0; i < WATCHED; i++) {
        sigaction(watched[i], NULL, &after);
        if (after.sa_handler != before[i].sa_handler || after.sa_flags != before[i].sa_flags) {
            printf("FAIL: loading the library changed the handler of signal %d (%s)\n", watched[i], strsignal(watched[i]));
            changed = 1;
        }
    }
    session_free(session);
    config_free(config);
    if (changed) return 1;
    printf("ok: loading the library and creating a session install no signal handler (SIGSEGV, SIGBUS, SIGILL, "
           "SIGFPE, SIGABRT, SIGTRAP, SIGPIPE), even with SWIFT_BACKTRACE=enable=yes and a swift-backtrace beside it\n");
    return 0;
}
