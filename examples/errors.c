/* errors: what a POS sees when things go wrong, and how to react to each kind of error.
 *
 * Runs three failing calls and prints the full detail of each: an account Flexiti does not
 * know (API error with the endpoint's scenario), a typo caught before sending (field errors),
 * and an unreachable server (network error, retry advice).
 *
 * Exit status: 0 when every failure was reported as expected. */
#include "common.h"
#include <string.h>

/* What a cashier screen would do with a failure. */
static const char *advice(flx_code rc, const flx_error *err) {
    if (rc == FLX_E_WRONG_INPUTS) return "fix the highlighted fields and try again";
    if (rc == FLX_E_OUTCOME_UNKNOWN) return "do NOT start a new payment: retry with the same idempotency key";
    if (flx_error_retryable(err)) return "temporary problem: try again";
    if (rc >= 100 && rc < 200) return "Flexiti refused: show the scenario to the cashier";
    return "contact support with the reference id";
}

static int expect_failure(const char *title, flx_session *session, flx_customer_key key, const char *value,
                          flx_code expected) {
    flx_customer *customer = NULL;
    flx_error *err = NULL;
    flx_code rc = flx_customer_lookup(session, key, value, &customer, &err);
    printf("== %s\n", title);
    if (rc == FLX_OK) {
        printf("unexpected success\n");
        flx_customer_free(customer);
        return 1;
    }
    print_error("lookup", rc, err);
    printf("code %d (%s) -> %s\n\n", (int)rc, flx_code_name(rc), advice(rc, err));
    flx_error_free(err);
    return rc == expected ? 0 : 1;
}

int main(void) {
    int failures = 0;
    flx_session *session = open_session();
    flx_config *cfg = NULL;
    flx_session *offline = NULL;

    setvbuf(stdout, NULL, _IONBF, 0); /* keep stdout and stderr in order */
    failures += expect_failure("an account Flexiti does not know", session, FLX_CUSTOMER_BY_ACCOUNT_NUMBER,
                               "999999999", FLX_E_NOT_FOUND);
    failures += expect_failure("a typo caught before anything is sent", session, FLX_CUSTOMER_BY_VCC_NUMBER,
                               "1070-0152", FLX_E_WRONG_INPUTS);

    /* Port 9 (discard) on loopback: nothing listens there. */
    if (flx_config_new(&cfg, NULL) != FLX_OK ||
        flx_config_set_base_url(cfg, "http://127.0.0.1:9/flexiti/pos-api", NULL) != FLX_OK ||
        flx_config_set_credentials(cfg, "flexitidemo", "flexitidemo-secret", NULL) != FLX_OK ||
        flx_session_new(cfg, &offline, NULL) != FLX_OK) {
        fprintf(stderr, "set-up failed\n");
        return 2;
    }
    flx_config_free(cfg);
    failures += expect_failure("a server that cannot be reached", offline, FLX_CUSTOMER_BY_ACCOUNT_NUMBER,
                               "116994755", FLX_E_CONNECT);
    flx_session_free(offline);
    flx_session_free(session);
    return failures == 0 ? 0 : 1;
}
