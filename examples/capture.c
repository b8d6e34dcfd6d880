/* capture: the back-office half of an order paid with Flexiti: capture what was shipped,
 * exactly once, and show what remains authorized.
 *
 *   capture [AUTHORIZATION_ID] [AMOUNT_CENTS] [ORDER]
 *           (defaults: the sandbox's open pre-authorization 1000000000000005, $100.00, ORDER-1001)
 *
 * The idempotency key is made from the order number ("ORDER-1001-capture-1") and could be
 * journaled before sending: running this twice for the same order, or retrying after an answer
 * was lost (FLX_E_OUTCOME_UNKNOWN), captures once.
 *
 * Exit status: 0 captured, 1 refused, 2 set-up failed. */
#include "common.h"
#include <stdio.h>

int main(int argc, char **argv) {
    const char *authorization_id = argc > 1 ? argv[1] : "1000000000000005";
    long long amount = argc > 2 ? atoll(argv[2]) : 10000;
    const char *order = argc > 3 ? argv[3] : "ORDER-1001";
    flx_session *session = open_session();
    flx_authorization *auth = NULL, *fresh = NULL;
    flx_request *req = NULL;
    flx_capture *capture = NULL;
    flx_error *err = NULL;
    char key[128];
    flx_code rc;
    int attempt;

    rc = flx_authorization_fetch(session, authorization_id, &auth, &err);
    if (rc != FLX_OK) goto failed;
    printf("authorization %s: %s, %s\n", flx_authorization_id(auth), flx_authorization_status(auth),
           flx_authorization_purchase_type(auth));
    print_cents("authorized: ", flx_authorization_amount_cents(auth));
    print_cents("remaining:  ", flx_authorization_remaining_cents(auth));

    snprintf(key, sizeof key, "%s-capture-1", order);
    if ((rc = flx_request_new(FLX_REQUEST_CAPTURE, &req, &err)) != FLX_OK ||
        (rc = flx_request_set_amount_cents(req, amount, &err)) != FLX_OK ||
        (rc = flx_request_set_reference(req, order, &err)) != FLX_OK ||
        (rc = flx_request_set_idempotency_key(req, key, &err)) != FLX_OK)
        goto failed;
    printf("idempotency key: %s\n", flx_request_idempotency_key(req));

    /* A lost answer is not a failure: send the same request again (same key) a few times. */
    for (attempt = 1; attempt <= 3; attempt++) {
        rc = flx_authorization_capture(session, auth, req, &capture, &err);
        if (rc != FLX_E_OUTCOME_UNKNOWN) break;
        fprintf(stderr, "attempt %d: outcome unknown (key %s), retrying\n", attempt, flx_error_idempotency_key(err));
        flx_error_free(err);
        err = NULL;
    }
    if (rc != FLX_OK) goto failed;
    printf("capture %s of %s\n", flx_capture_id(capture), flx_capture_date(capture));
    print_cents("captured:   ", flx_capture_amount_cents(capture));

    rc = flx_authorization_refresh(session, auth, &fresh, &err);
    if (rc != FLX_OK) goto failed;
    printf("now:        %s, ", flx_authorization_status(fresh));
    print_cents("remaining ", flx_authorization_remaining_cents(fresh));
    printf("captures:   %zu\n", flx_authorization_capture_count(fresh));

    flx_authorization_free(fresh);
    flx_capture_free(capture);
    flx_request_free(req);
    flx_authorization_free(auth);
    flx_session_free(session);
    return 0;

failed:
    print_error("capture", rc, err);
    flx_error_free(err);
    flx_capture_free(capture);
    flx_request_free(req);
    flx_authorization_free(auth);
    flx_session_free(session);
    return 1;
}
