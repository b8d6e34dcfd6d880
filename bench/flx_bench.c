/* flx_bench: the benchmark operations through libflexiti's C API (see bench_common.h).
 * Token: flx_session_authenticate (a new token every call). Lookup: flx_customer_lookup by
 * account number, read two fields, free. Authorize and captures: see BENCH_PURCHASES below. */
#include "bench_common.h"
#include <flexiti.h>

static flx_session *session;

static int check(const char *what, flx_code rc, flx_error *err) {
    if (rc == FLX_OK) return 0;
    fprintf(stderr, "flx_bench: %s: %s (%s) %s\n", what, flx_code_name(rc), flx_error_message(err),
            flx_error_transport_detail(err));
    flx_error_free(err);
    return -1;
}

static int bench_setup(const char *base_url, const char *ca_file) {
    flx_config *cfg = NULL;
    flx_error *err = NULL;
    if (check("config", flx_config_new(&cfg, &err), err)) return -1;
    if (check("base url", flx_config_set_base_url(cfg, base_url, &err), err)) return -1;
    if (ca_file && check("ca file", flx_config_set_ca_file(cfg, ca_file, &err), err)) return -1;
    if (check("credentials", flx_config_set_credentials(cfg, "flexitidemo", "bench-secret-0000", &err), err)) return -1;
    if (check("session", flx_session_new(cfg, &session, &err), err)) return -1;
    flx_config_free(cfg);
    return 0;
}

static void bench_stats(unsigned long long *connections, unsigned long long *tokens) {
    uint64_t requests = 0, c = 0, t = 0;
    flx_session_stats(session, &requests, &c, &t);
    *connections = c;
    *tokens = t;
}

static volatile int64_t sink;  /* keeps the field reads from being optimised away */

static int op_token(void) {
    flx_error *err = NULL;
    return check("authenticate", flx_session_authenticate(session, &err), err);
}

static int op_lookup(void) {
    flx_customer *c = NULL;
    flx_error *err = NULL;
    if (check("lookup", flx_customer_lookup(session, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994755", &c, &err), err)) return -1;
    sink = (int64_t)strlen(flx_customer_first_name(c)) + flx_customer_available_credit_cents(c);
    flx_customer_free(c);
    return 0;
}

#ifdef BENCH_PURCHASES
#include "flx_bench_purchases.h"
#endif

static void bench_teardown(void) {
#ifdef BENCH_PURCHASES
    flx_request_free(captures_filter);
#endif
    flx_session_free(session);
}

const struct bench_op_entry bench_ops[] = {
    {"token", op_token},
    {"lookup", op_lookup},
#ifdef BENCH_PURCHASES
    {"authorize", op_authorize},
    {"captures", op_captures},
#endif
    {NULL, NULL},
};

int main(int argc, char **argv) { return bench_main(argc, argv, "libflexiti"); }
