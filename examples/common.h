/* Shared by the examples: session set-up from the environment and full error printing. */
#ifndef FLX_EXAMPLES_COMMON_H
#define FLX_EXAMPLES_COMMON_H

#include <flexiti.h>
#include <stdio.h>
#include <stdlib.h>

/* FLEXITI_BASE_URL (e.g. the sandbox's http://127.0.0.1:8080/flexiti/pos-api),
 * FLEXITI_CLIENT_ID and FLEXITI_CLIENT_SECRET; the defaults match flexiti-sandbox's seed. */
static inline const char *env_or(const char *name, const char *fallback) {
    const char *v = getenv(name);
    return (v && *v) ? v : fallback;
}

/* Prints everything an error object carries, the way a POS would log it. */
static inline void print_error(const char *what, flx_code code, const flx_error *err) {
    size_t i, n;
    fprintf(stderr, "%s failed: %s (%d)\n", what, flx_code_name(code), (int)code);
    if (!err) return;
    fprintf(stderr, "  message:      %s\n", flx_error_message(err));
    fprintf(stderr, "  scenario:     %s\n", flx_error_scenario(err));
    fprintf(stderr, "  http status:  %d\n", flx_error_http_status(err));
    fprintf(stderr, "  api error:    %s\n", flx_error_api_error(err));
    /* A call refused before sending has no path yet; its endpoint says which call it was. */
    fprintf(stderr, "  request:      %s %s\n", flx_error_method(err),
            *flx_error_path(err) ? flx_error_path(err) : flx_error_endpoint(err));
    fprintf(stderr, "  reference id: %s\n", flx_error_reference_id(err));
    fprintf(stderr, "  retryable:    %s\n", flx_error_retryable(err) ? "yes" : "no");
    if (*flx_error_transport_detail(err)) fprintf(stderr, "  network:      %s\n", flx_error_transport_detail(err));
    n = flx_error_field_count(err);
    for (i = 0; i < n; i++) {
        fprintf(stderr, "  field error:  param=%s msg=\"%s\" value=\"%s\" type=%s\n", flx_error_field_param(err, i),
                flx_error_field_msg(err, i), flx_error_field_value(err, i), flx_error_field_type(err, i));
    }
}

/* FLEXITI_LOG=1 routes the library's log records (redacted: no secrets, bodies or paths) here. */
static inline void log_to_stderr(void *userdata, const flx_log_record *rec) {
    (void)userdata;
    fprintf(stderr, "[flexiti %d] %s\n", rec->level, rec->message);
}

/* Opens a session from the environment with the given token scope (merchant for the store,
 * customer for an online checkout) and, if not NULL, a money journal; exits with a message on
 * failure. */
static inline flx_session *open_session_with_journal(flx_scope scope, flx_journal *journal) {
    flx_config *cfg = NULL;
    flx_session *session = NULL;
    flx_error *err = NULL;
    flx_code rc;

    if ((rc = flx_config_new(&cfg, &err)) != FLX_OK ||
        (rc = flx_config_set_base_url(cfg, env_or("FLEXITI_BASE_URL", "http://127.0.0.1:8080/flexiti/pos-api"), &err)) != FLX_OK ||
        (rc = flx_config_set_credentials(cfg, env_or("FLEXITI_CLIENT_ID", "flexitidemo"),
                                         env_or("FLEXITI_CLIENT_SECRET", "flexitidemo-secret"), &err)) != FLX_OK ||
        (rc = flx_config_set_timeouts(cfg, 5000, 30000, &err)) != FLX_OK ||
        (getenv("FLEXITI_LOG") &&
         (rc = flx_config_set_log_callback(cfg, log_to_stderr, NULL, FLX_LOG_DEBUG, &err)) != FLX_OK) ||
        (rc = flx_config_set_scope(cfg, scope, &err)) != FLX_OK ||
        (journal && (rc = flx_config_set_journal(cfg, journal, &err)) != FLX_OK) ||
        (rc = flx_session_new(cfg, &session, &err)) != FLX_OK) {
        print_error("session set-up", rc, err);
        flx_error_free(err);
        flx_config_free(cfg);
        exit(2);
    }
    flx_config_free(cfg); /* the session keeps its own copy */
    return session;
}

static inline flx_session *open_session_with_scope(flx_scope scope) { return open_session_with_journal(scope, NULL); }

/* A merchant-scope session (the store's). */
static inline flx_session *open_session(void) { return open_session_with_scope(FLX_SCOPE_MERCHANT); }

static inline void print_cents(const char *label, int64_t cents) {
    const char *sign = cents < 0 ? "-" : "";
    uint64_t m = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
    printf("%s%s$%llu.%02llu\n", label, sign, (unsigned long long)(m / 100), (unsigned long long)(m % 100));
}

#endif
