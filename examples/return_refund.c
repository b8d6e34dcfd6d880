/* return_refund: giving money back, the two ways Flexiti knows.
 *
 *   A. A promotional purchase (plan and term) is returned against its capture:
 *      flx_capture_return. Part of it here; the rest stays on the plan.
 *   B. A regular (revolving) purchase cannot be returned that way (Flexiti answers
 *      wrong_transaction_type): the store refunds the account instead, flx_refund_create,
 *      linked to the capture so Flexiti knows what was refunded.
 * Each purchase is made here first (verify + authorization with auto-capture) so the example
 * does not depend on what else happened on the account. Receipts show ids, amounts and what
 * remains.
 *
 *   return_refund [ACCOUNT] [PROMO_CENTS] [RETURN_CENTS] [REGULAR_CENTS] [REFUND_CENTS]
 *   (defaults: 116994755, $800.00 bought and $150.00 returned, $120.00 bought and $40.00 refunded)
 *
 * Exit status: 0 done, 1 a step failed, 2 set-up failed. */
#include "common.h"

#define STORE "00-12345"
#define EMPLOYEE "12345-SMITH"
#define PLAN_ID 4 /* "EMP - Regular Interest" at the demo merchant (see calculate-interest) */
#define TERM 12

/* Verifies the customer (merchant override) and buys amount with auto-capture. plan_id 0 makes
 * a regular purchase. On success *auth and *capture belong to the caller. */
static flx_code buy(flx_session *session, const char *account, int64_t amount, int64_t plan_id, const char *reference,
                    flx_authorization **auth, flx_capture **capture, flx_error **err) {
    flx_verification *verification = NULL;
    flx_request *req = NULL;
    flx_code rc;

    if ((rc = flx_customer_verify(session, account, FLX_VERIFY_MERCHANT_OVERRIDE, NULL, &verification, err)) == FLX_OK &&
        (rc = flx_request_new(FLX_REQUEST_AUTHORIZATION, &req, err)) == FLX_OK &&
        (rc = flx_request_set_account_number(req, account, err)) == FLX_OK &&
        (rc = flx_request_set_amount_cents(req, amount, err)) == FLX_OK &&
        (rc = plan_id ? flx_request_set_financing(req, FLX_PURCHASE_PROMOTIONAL, plan_id, TERM, err)
                      : flx_request_set_financing(req, FLX_PURCHASE_REGULAR, 0, 0, err)) == FLX_OK &&
        (rc = flx_request_set_auto_capture(req, 1, err)) == FLX_OK &&
        (rc = flx_request_set_verification_code(req, flx_verification_code(verification), err)) == FLX_OK &&
        (rc = flx_request_set_request_id(req, flx_verification_request_id(verification), err)) == FLX_OK &&
        (rc = flx_request_set_external_location_id(req, STORE, err)) == FLX_OK &&
        (rc = flx_request_set_external_employee_id(req, EMPLOYEE, err)) == FLX_OK &&
        (rc = flx_request_set_reference(req, reference, err)) == FLX_OK &&
        (rc = flx_authorization_create(session, req, auth, err)) == FLX_OK) {
        /* auto_capture: the capture comes back with the authorization. */
        rc = flx_authorization_capture_at(*auth, 0, capture, err);
        if (rc != FLX_OK) {
            flx_authorization_free(*auth);
            *auth = NULL;
        }
    }
    flx_request_free(req);
    flx_verification_free(verification);
    return rc;
}

static void print_sale(const char *label, const flx_authorization *auth, const flx_capture *capture) {
    printf("%s authorization %s (%s), capture %s, ", label, flx_authorization_id(auth),
           flx_authorization_purchase_type(auth), flx_capture_id(capture));
    print_cents("", flx_capture_amount_cents(capture));
}

static flx_code available_credit(flx_session *session, const char *account, int64_t *cents, flx_error **err) {
    flx_customer *customer = NULL;
    flx_code rc = flx_customer_lookup(session, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, account, &customer, err);
    if (rc == FLX_OK) *cents = flx_customer_available_credit_cents(customer);
    flx_customer_free(customer);
    return rc;
}

int main(int argc, char **argv) {
    const char *account = argc > 1 ? argv[1] : "116994755";
    int64_t promo_amount = argc > 2 ? (int64_t)atoll(argv[2]) : 80000;
    int64_t return_amount = argc > 3 ? (int64_t)atoll(argv[3]) : 15000;
    int64_t regular_amount = argc > 4 ? (int64_t)atoll(argv[4]) : 12000;
    int64_t refund_amount = argc > 5 ? (int64_t)atoll(argv[5]) : 4000;
    flx_session *session = open_session();
    flx_authorization *promo = NULL, *regular = NULL;
    flx_capture *promo_capture = NULL, *regular_capture = NULL;
    flx_request *return_req = NULL, *wrong_req = NULL, *refund_req = NULL;
    flx_receipt *returned = NULL, *wrong = NULL, *refunded = NULL;
    flx_error *err = NULL;
    int64_t before = 0, after = 0;
    const char *step = "";
    flx_code rc;
    int status = 1;

    /* A. Promotional purchase, then a partial return against its capture. */
    step = "promotional purchase";
    if ((rc = buy(session, account, promo_amount, PLAN_ID, "SALE-2001", &promo, &promo_capture, &err)) != FLX_OK)
        goto failed;
    print_sale("sale:     ", promo, promo_capture);
    step = "return";
    if ((rc = flx_request_new(FLX_REQUEST_RETURN, &return_req, &err)) != FLX_OK ||
        (rc = flx_request_set_amount_cents(return_req, return_amount, &err)) != FLX_OK ||
        (rc = flx_request_set_reference(return_req, "RMA-2001", &err)) != FLX_OK ||
        (rc = flx_request_set_external_location_id(return_req, STORE, &err)) != FLX_OK ||
        (rc = flx_request_set_external_employee_id(return_req, EMPLOYEE, &err)) != FLX_OK)
        goto failed;
    printf("return key:   %s (journal it before sending)\n", flx_request_idempotency_key(return_req));
    if ((rc = flx_capture_return(session, promo_capture, return_req, &returned, &err)) != FLX_OK) goto failed;
    printf("returned:     return %s on capture %s, ", flx_receipt_id(returned), flx_receipt_capture_id(returned));
    print_cents("", flx_receipt_amount_cents(returned));
    print_cents("still on the plan: ", flx_receipt_remaining_capture_cents(returned));
    if (flx_receipt_remaining_capture_cents(returned) != flx_capture_amount_cents(promo_capture) - return_amount) {
        printf("check:        the capture's remaining amount is not sale - return\n");
        goto done;
    }
    printf("check:        remaining = sale - return\n");

    /* B. Regular purchase: a return is refused, so refund the account against the capture. */
    step = "regular purchase";
    if ((rc = buy(session, account, regular_amount, 0, "SALE-2002", &regular, &regular_capture, &err)) != FLX_OK)
        goto failed;
    print_sale("sale:     ", regular, regular_capture);
    step = "return of a regular purchase";
    if ((rc = flx_request_new(FLX_REQUEST_RETURN, &wrong_req, &err)) != FLX_OK ||
        (rc = flx_request_set_amount_cents(wrong_req, refund_amount, &err)) != FLX_OK)
        goto failed;
    rc = flx_capture_return(session, regular_capture, wrong_req, &wrong, &err);
    if (rc == FLX_OK) {
        printf("return of a regular purchase: unexpectedly accepted\n");
        goto done;
    }
    if (rc != FLX_E_WRONG_TRANSACTION_TYPE) goto failed;
    printf("return refused (expected for a regular purchase): refund the account instead\n");
    fflush(stdout);
    print_error("return of a regular purchase", rc, err);
    flx_error_free(err);
    err = NULL;

    step = "credit before the refund";
    if ((rc = available_credit(session, account, &before, &err)) != FLX_OK) goto failed;
    step = "refund";
    if ((rc = flx_request_new(FLX_REQUEST_REFUND, &refund_req, &err)) != FLX_OK ||
        (rc = flx_request_set_account_number(refund_req, account, &err)) != FLX_OK ||
        (rc = flx_request_set_amount_cents(refund_req, refund_amount, &err)) != FLX_OK ||
        (rc = flx_request_set_capture_id(refund_req, flx_capture_id(regular_capture), &err)) != FLX_OK ||
        (rc = flx_request_set_reference(refund_req, "RMA-2002", &err)) != FLX_OK ||
        (rc = flx_request_set_external_location_id(refund_req, STORE, &err)) != FLX_OK ||
        (rc = flx_request_set_external_employee_id(refund_req, EMPLOYEE, &err)) != FLX_OK ||
        (rc = flx_refund_create(session, refund_req, &refunded, &err)) != FLX_OK)
        goto failed;
    /* Flexiti answers a refund with an empty object: the receipt carries only the key it was
     * sent with, so the amount shown is the one asked for, confirmed by the account's credit. */
    printf("refunded:     account %s, capture %s, key %s, ", account, flx_capture_id(regular_capture),
           flx_receipt_idempotency_key(refunded));
    print_cents("", refund_amount);
    step = "credit after the refund";
    if ((rc = available_credit(session, account, &after, &err)) != FLX_OK) goto failed;
    print_cents("available credit up by ", after - before);
    status = after - before == refund_amount ? 0 : 1;
    goto done;

failed:
    print_error(step, rc, err);
done:
    flx_error_free(err);
    flx_receipt_free(refunded);
    flx_receipt_free(wrong);
    flx_receipt_free(returned);
    flx_request_free(refund_req);
    flx_request_free(wrong_req);
    flx_request_free(return_req);
    flx_capture_free(regular_capture);
    flx_capture_free(promo_capture);
    flx_authorization_free(regular);
    flx_authorization_free(promo);
    flx_session_free(session);
    return status;
}
