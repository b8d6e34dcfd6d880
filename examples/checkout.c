/* checkout: a complete in-store checkout against Flexiti (or flexiti-sandbox).
 *
 *   1. look the customer up by the card (VCC) the cashier scanned;
 *   2. check the account may purchase and has the credit;
 *   3. calculate-interest: the plans and terms on offer; take the first promotional term
 *      (a real POS lets the customer choose) or the regular purchase;
 *   4. verify the customer by security question and obtain the PIN and request_id;
 *   5. authorize the amount with auto-capture, sending the PIN, the request_id, the store and
 *      the employee; print the receipt lines.
 *
 *   checkout [VCC] [AMOUNT_CENTS] [SECURITY_ANSWER]
 *   (defaults: the sandbox's demo card 1070015210367982, $1,249.99, answer "buddy")
 *
 * Exit status: 0 approved, 1 refused, 2 set-up failed. */
#include "common.h"
#include <string.h>

#define STORE "00-12345"        /* external_location_id registered with Flexiti */
#define EMPLOYEE "12345-SMITH"  /* external_employee_id of the cashier */

static int refuse(const char *step, flx_code rc, flx_error *err) {
    print_error(step, rc, err);
    flx_error_free(err);
    return 1;
}

int main(int argc, char **argv) {
    const char *vcc = argc > 1 ? argv[1] : "1070015210367982";
    int64_t amount = argc > 2 ? (int64_t)atoll(argv[2]) : 124999;
    const char *answer = argc > 3 ? argv[3] : "buddy";
    flx_session *session = open_session();
    flx_customer *customer = NULL;
    flx_financing *options = NULL;
    flx_verify_request *vreq = NULL;
    flx_verification *verification = NULL;
    flx_request *req = NULL;
    flx_authorization *auth = NULL;
    flx_capture *capture = NULL;
    flx_error *err = NULL;
    int64_t plan_id = 0, term = 0, per_month = 0;
    uint64_t requests = 0, connections = 0, tokens = 0;
    flx_code rc;
    int status = 1;

    printf("libflexiti %s: in-store checkout\n", flx_version());

    /* 1-2. The customer. */
    if ((rc = flx_customer_lookup(session, FLX_CUSTOMER_BY_VCC_NUMBER, vcc, &customer, &err)) != FLX_OK) {
        status = refuse("customer lookup", rc, err);
        goto done;
    }
    printf("customer:  %s %s (account %s, card ending %s)\n", flx_customer_first_name(customer),
           flx_customer_last_name(customer), flx_customer_account_number(customer), flx_customer_card_ending_in(customer));
    print_cents("purchase:  ", amount);
    print_cents("available: ", flx_customer_available_credit_cents(customer));
    if (strcmp(flx_customer_account_status(customer), "N") != 0) {
        printf("result:    account status %s does not allow purchases\n", flx_customer_account_status(customer));
        goto done;
    }
    if (flx_customer_available_credit_cents(customer) < amount) {
        printf("result:    not enough available credit\n");
        goto done;
    }

    /* 3. Financing options. */
    if ((rc = flx_financing_calculate(session, flx_customer_account_number(customer), amount, &options, &err)) != FLX_OK) {
        status = refuse("calculate-interest", rc, err);
        goto done;
    }
    if (flx_financing_plan_count(options) > 0 && flx_financing_term_count(options, 0) > 0) {
        plan_id = flx_financing_plan_id(options, 0);
        term = flx_financing_term_months(options, 0, 0);
        per_month = flx_financing_term_amount_cents(options, 0, 0);
        printf("financing: plan %lld \"%s\", %lld months, ", (long long)plan_id, flx_financing_plan_name(options, 0),
               (long long)term);
        print_cents("", per_month);
    } else {
        printf("financing: regular purchase\n");
    }

    /* 4. Verification: the customer answers their security question. */
    printf("question:  %s\n", flx_customer_security_question_text(customer));
    if ((rc = flx_verify_request_new(&vreq, &err)) != FLX_OK ||
        (rc = flx_verify_request_set_security_answer(vreq, flx_customer_security_question_id(customer), answer, &err)) !=
            FLX_OK ||
        (rc = flx_customer_verify(session, flx_customer_account_number(customer), FLX_VERIFY_SECURITY_QUESTION, vreq,
                                  &verification, &err)) != FLX_OK) {
        status = refuse("verification", rc, err);
        goto done;
    }
    printf("verified:  request %s\n", flx_verification_request_id(verification));

    /* 5. The purchase: authorization with auto-capture. */
    if ((rc = flx_request_new(FLX_REQUEST_AUTHORIZATION, &req, &err)) != FLX_OK ||
        (rc = flx_request_set_account_number(req, flx_customer_account_number(customer), &err)) != FLX_OK ||
        (rc = flx_request_set_amount_cents(req, amount, &err)) != FLX_OK ||
        (rc = plan_id ? flx_request_set_financing(req, FLX_PURCHASE_PROMOTIONAL, plan_id, term, &err)
                      : flx_request_set_financing(req, FLX_PURCHASE_REGULAR, 0, 0, &err)) != FLX_OK ||
        (rc = flx_request_set_auto_capture(req, 1, &err)) != FLX_OK ||
        (rc = flx_request_set_verification_code(req, flx_verification_code(verification), &err)) != FLX_OK ||
        (rc = flx_request_set_request_id(req, flx_verification_request_id(verification), &err)) != FLX_OK ||
        (rc = flx_request_set_external_location_id(req, STORE, &err)) != FLX_OK ||
        (rc = flx_request_set_external_employee_id(req, EMPLOYEE, &err)) != FLX_OK ||
        (rc = flx_request_set_reference(req, "receipt-0001", &err)) != FLX_OK) {
        status = refuse("purchase request", rc, err);
        goto done;
    }
    rc = flx_authorization_create(session, req, &auth, &err);
    if (rc == FLX_E_OUTCOME_UNKNOWN) {
        /* The purchase may have happened: retry the SAME request (same idempotency key). */
        printf("outcome unknown, retrying with idempotency key %s\n", flx_request_idempotency_key(req));
        flx_error_free(err);
        err = NULL;
        rc = flx_authorization_create(session, req, &auth, &err);
    }
    if (rc != FLX_OK) {
        status = refuse("authorization", rc, err);
        goto done;
    }
    printf("approved:  authorization %s (%s)\n", flx_authorization_id(auth), flx_authorization_status(auth));
    print_cents("amount:    ", flx_authorization_amount_cents(auth));
    if (flx_authorization_capture_count(auth) > 0 && flx_authorization_capture_at(auth, 0, &capture, &err) == FLX_OK) {
        printf("captured:  capture %s, ", flx_capture_id(capture));
        print_cents("", flx_capture_amount_cents(capture));
    }
    status = 0;

done:
    flx_session_stats(session, &requests, &connections, &tokens);
    printf("session:   %llu requests, %llu connection(s), %llu token request(s)\n", (unsigned long long)requests,
           (unsigned long long)connections, (unsigned long long)tokens);
    flx_capture_free(capture);
    flx_authorization_free(auth);
    flx_request_free(req);
    flx_verification_free(verification);
    flx_verify_request_free(vreq);
    flx_financing_free(options);
    flx_customer_free(customer);
    flx_session_free(session);
    return status;
}
