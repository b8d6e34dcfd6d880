/* The money journal's cost per money call: N authorizations (auto-capture) against
 * bin/fixed_server, with or without a journal. bench/journal.sh runs it under `perf stat`
 * (instructions) and `strace -c` (fsyncs) and reports the difference per call.
 *
 *   journal_cost BASE_URL N [JOURNAL_PATH]
 */
#include <flexiti.h>
#include <stdio.h>
#include <stdlib.h>

static int fail(const char *what, flx_code rc, flx_error *err) {
    fprintf(stderr, "%s: %s: %s\n", what, flx_code_name(rc), flx_error_message(err));
    flx_error_free(err);
    return 1;
}

int main(int argc, char **argv) {
    flx_config *cfg = NULL;
    flx_session *session = NULL;
    flx_journal *journal = NULL;
    flx_error *err = NULL;
    flx_code rc;
    long i, n;
    if (argc < 3) { fprintf(stderr, "usage: journal_cost BASE_URL N [JOURNAL]\n"); return 2; }
    n = atol(argv[2]);
    if (argc > 3 && (rc = flx_journal_open(argv[3], &journal, &err)) != FLX_OK) return fail("journal", rc, err);
    if ((rc = flx_config_new(&cfg, &err)) != FLX_OK || (rc = flx_config_set_base_url(cfg, argv[1], &err)) != FLX_OK ||
        (rc = flx_config_set_credentials(cfg, "flexitidemo", "flexitidemo-secret", &err)) != FLX_OK ||
        (journal && (rc = flx_config_set_journal(cfg, journal, &err)) != FLX_OK) ||
        (rc = flx_session_new(cfg, &session, &err)) != FLX_OK)
        return fail("session", rc, err);
    flx_config_free(cfg);
    flx_journal_free(journal);
    if ((rc = flx_session_authenticate(session, &err)) != FLX_OK) return fail("token", rc, err);
    for (i = 0; i < n; i++) {
        flx_request *req = NULL;
        flx_authorization *auth = NULL;
        char reference[32];
        snprintf(reference, sizeof reference, "Order-%ld", i);
        if ((rc = flx_request_new(FLX_REQUEST_AUTHORIZATION, &req, &err)) != FLX_OK ||
            (rc = flx_request_set_account_number(req, "116994755", &err)) != FLX_OK ||
            (rc = flx_request_set_amount_cents(req, 24999, &err)) != FLX_OK ||
            (rc = flx_request_set_financing(req, FLX_PURCHASE_PROMOTIONAL, 4, 12, &err)) != FLX_OK ||
            (rc = flx_request_set_auto_capture(req, 1, &err)) != FLX_OK ||
            (rc = flx_request_set_reference(req, reference, &err)) != FLX_OK ||
            (rc = flx_request_set_verification_code(req, "482913", &err)) != FLX_OK ||
            (rc = flx_request_set_request_id(req, "req-0001", &err)) != FLX_OK ||
            (rc = flx_authorization_create(session, req, &auth, &err)) != FLX_OK)
            return fail("authorization", rc, err);
        flx_authorization_free(auth);
        flx_request_free(req);
    }
    flx_session_free(session);
    return 0;
}
