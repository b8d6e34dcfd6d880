/* deferred_capture: an order taken now and shipped later (a pre-authorization).
 *
 *   1. verify the customer (merchant override: the store vouches for them) and authorize the
 *      order total WITHOUT auto-capture: the credit is held, nothing is charged yet;
 *   2. the first parcel ships: capture part of the authorization;
 *   3. one item is cancelled: release part of what is left;
 *   4. the order is complete: release the rest (full release), nothing stays held;
 *   5. a second release of the same authorization is refused (authorization_ended): the POS
 *      shows the scenario instead of guessing.
 * The remaining authorized amount is printed after every step.
 *
 *   deferred_capture [ACCOUNT] [ORDER_CENTS] [SHIPPED_CENTS] [CANCELLED_CENTS]
 *   (defaults: the sandbox's demo account 116994755, $500.00, $300.00 shipped, $50.00 cancelled)
 *
 * Exit status: 0 done (the refused second release is expected), 1 a step failed, 2 set-up failed. */
#include "common.h"

#define STORE "00-12345"       /* external_location_id registered with Flexiti */
#define EMPLOYEE "12345-SMITH" /* external_employee_id of the clerk */
#define PLAN_ID 4              /* "EMP - Regular Interest" at the demo merchant (see calculate-interest) */
#define TERM 12

int main(int argc, char **argv) {
    const char *account = argc > 1 ? argv[1] : "116994755";
    int64_t order_total = argc > 2 ? (int64_t)atoll(argv[2]) : 50000;
    int64_t shipped = argc > 3 ? (int64_t)atoll(argv[3]) : 30000;
    int64_t cancelled = argc > 4 ? (int64_t)atoll(argv[4]) : 5000;
    flx_session *session = open_session();
    flx_verification *verification = NULL;
    flx_request *auth_req = NULL, *capture_req = NULL, *release_req = NULL, *rest_req = NULL, *again_req = NULL;
    flx_authorization *auth = NULL, *fresh = NULL;
    flx_capture *capture = NULL;
    flx_receipt *released = NULL, *rest = NULL, *again = NULL;
    flx_error *err = NULL;
    const char *step = "";
    flx_code rc;
    int status = 1;

    /* 1. Verify, then hold the order total. */
    step = "verification";
    rc = flx_customer_verify(session, account, FLX_VERIFY_MERCHANT_OVERRIDE, NULL, &verification, &err);
    if (rc != FLX_OK) goto failed;
    step = "authorization request";
    if ((rc = flx_request_new(FLX_REQUEST_AUTHORIZATION, &auth_req, &err)) != FLX_OK ||
        (rc = flx_request_set_account_number(auth_req, account, &err)) != FLX_OK ||
        (rc = flx_request_set_amount_cents(auth_req, order_total, &err)) != FLX_OK ||
        (rc = flx_request_set_financing(auth_req, FLX_PURCHASE_PROMOTIONAL, PLAN_ID, TERM, &err)) != FLX_OK ||
        (rc = flx_request_set_auto_capture(auth_req, 0, &err)) != FLX_OK || /* pre-authorization */
        (rc = flx_request_set_verification_code(auth_req, flx_verification_code(verification), &err)) != FLX_OK ||
        (rc = flx_request_set_request_id(auth_req, flx_verification_request_id(verification), &err)) != FLX_OK ||
        (rc = flx_request_set_external_location_id(auth_req, STORE, &err)) != FLX_OK ||
        (rc = flx_request_set_external_employee_id(auth_req, EMPLOYEE, &err)) != FLX_OK ||
        (rc = flx_request_set_reference(auth_req, "WEB-ORDER-7001", &err)) != FLX_OK)
        goto failed;
    step = "authorization";
    if ((rc = flx_authorization_create(session, auth_req, &auth, &err)) != FLX_OK) goto failed;
    printf("authorized:  %s (%s), ", flx_authorization_id(auth), flx_authorization_status(auth));
    print_cents("", flx_authorization_amount_cents(auth));
    print_cents("remaining after authorization: ", flx_authorization_remaining_cents(auth));

    /* 2. The first parcel ships: capture what it is worth. */
    step = "capture";
    if ((rc = flx_request_new(FLX_REQUEST_CAPTURE, &capture_req, &err)) != FLX_OK ||
        (rc = flx_request_set_amount_cents(capture_req, shipped, &err)) != FLX_OK ||
        (rc = flx_request_set_reference(capture_req, "WEB-ORDER-7001-1", &err)) != FLX_OK ||
        (rc = flx_authorization_capture(session, auth, capture_req, &capture, &err)) != FLX_OK)
        goto failed;
    printf("captured:    capture %s, ", flx_capture_id(capture));
    print_cents("", flx_capture_amount_cents(capture));
    print_cents("remaining after capture: ", flx_capture_remaining_authorization_cents(capture));

    /* 3. An item is cancelled: release its amount only (a partial release). */
    step = "partial release";
    if ((rc = flx_request_new(FLX_REQUEST_RELEASE, &release_req, &err)) != FLX_OK ||
        (rc = flx_request_set_amount_cents(release_req, cancelled, &err)) != FLX_OK ||
        (rc = flx_request_set_reference(release_req, "WEB-ORDER-7001-cancel", &err)) != FLX_OK ||
        (rc = flx_authorization_release(session, auth, release_req, &released, &err)) != FLX_OK)
        goto failed;
    print_cents("released:    ", flx_receipt_amount_cents(released));
    print_cents("remaining after partial release: ", flx_receipt_remaining_authorization_cents(released));

    /* 4. The order is complete: release whatever is still held, without computing it. */
    step = "full release";
    if ((rc = flx_request_new(FLX_REQUEST_RELEASE, &rest_req, &err)) != FLX_OK ||
        (rc = flx_request_set_full(rest_req, 1, &err)) != FLX_OK ||
        (rc = flx_authorization_release(session, auth, rest_req, &rest, &err)) != FLX_OK)
        goto failed;
    print_cents("released:    ", flx_receipt_amount_cents(rest));
    print_cents("remaining after release: ", flx_receipt_remaining_authorization_cents(rest));

    /* What Flexiti now says about the authorization (auth itself is an immutable snapshot). */
    step = "refresh";
    if ((rc = flx_authorization_refresh(session, auth, &fresh, &err)) != FLX_OK) goto failed;
    printf("now:         %s, %zu capture(s), ", flx_authorization_status(fresh), flx_authorization_capture_count(fresh));
    print_cents("remaining ", flx_authorization_remaining_cents(fresh));
    if (flx_authorization_amount_cents(fresh) !=
        shipped + flx_receipt_amount_cents(released) + flx_receipt_amount_cents(rest)) {
        printf("check:       captured + released does not add up to the authorization\n");
        goto done;
    }
    printf("check:       captured + released = authorized\n");

    /* 5. A new release on the closed authorization: refused, and the error says why. */
    step = "second release";
    if ((rc = flx_request_new(FLX_REQUEST_RELEASE, &again_req, &err)) != FLX_OK ||
        (rc = flx_request_set_full(again_req, 1, &err)) != FLX_OK)
        goto failed;
    rc = flx_authorization_release(session, fresh, again_req, &again, &err);
    if (rc == FLX_OK) {
        printf("second release: unexpectedly accepted\n");
        goto done;
    }
    printf("second release refused (expected):\n");
    fflush(stdout);
    print_error("second release", rc, err);
    status = rc == FLX_E_AUTHORIZATION_ENDED ? 0 : 1;
    goto done;

failed:
    print_error(step, rc, err);
done:
    flx_error_free(err);
    flx_receipt_free(again);
    flx_receipt_free(rest);
    flx_receipt_free(released);
    flx_capture_free(capture);
    flx_authorization_free(fresh);
    flx_authorization_free(auth);
    flx_request_free(again_req);
    flx_request_free(rest_req);
    flx_request_free(release_req);
    flx_request_free(capture_req);
    flx_request_free(auth_req);
    flx_verification_free(verification);
    flx_session_free(session);
    return status;
}
