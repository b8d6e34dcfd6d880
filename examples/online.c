/* online: the server side of an online checkout with the hosted Flexiti widget.
 *
 *   1. a session with a customer-scope token (flx_config_set_scope);
 *   2. widget/init for a purchase: the redirection URL the checkout page opens with the Flexiti
 *      JS SDK, and the widget_session_id to keep;
 *   3. after the widget's flx-success event: calculate-interest for the cart, to show the plans;
 *   4. the authorization on the same session (same token), with the widget_session_id and no
 *      PIN, without auto-capture: the order ships later;
 *   5. back office, on a merchant-scope session: capture the order when it ships.
 *
 *   online [ACCOUNT_NUMBER] [AMOUNT_CENTS]     (defaults: the sandbox's demo account, $499.00)
 *
 * Exit status: 0 authorized and captured, 1 refused, 2 set-up failed. */
#include "common.h"

int main(int argc, char **argv) {
    const char *account = argc > 1 ? argv[1] : "116994755";
    long long amount = argc > 2 ? atoll(argv[2]) : 49900;
    flx_session *session = open_session_with_scope(FLX_SCOPE_CUSTOMER);
    flx_widget *widget = NULL;
    flx_financing *options = NULL;
    flx_request *req = NULL, *capture_req = NULL;
    flx_authorization *auth = NULL;
    flx_capture *capture = NULL;
    flx_session *back_office = NULL;
    flx_error *err = NULL;
    flx_code rc;
    size_t p, t;

    rc = flx_widget_init(session, FLX_WIDGET_PURCHASE, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, account, NULL, &widget, &err);
    if (rc != FLX_OK) { print_error("widget/init", rc, err); goto refused; }
    printf("open in the checkout page: %s\n", flx_widget_redirection_url(widget));
    printf("widget session: %s\n", flx_widget_session_id(widget));

    /* The page reports flx-success {verified: true, action: "purchase", accountNumber}. */
    rc = flx_financing_calculate(session, account, amount, &options, &err);
    if (rc != FLX_OK) { print_error("calculate-interest", rc, err); goto refused; }
    print_cents("cart: ", amount);
    for (p = 0; p < flx_financing_plan_count(options); p++)
        for (t = 0; t < flx_financing_term_count(options, p); t++) {
            printf("%s, %lld months: ", flx_financing_plan_name(options, p), (long long)flx_financing_term_months(options, p, t));
            print_cents("", flx_financing_term_amount_cents(options, p, t));
        }

    /* 4. The authorization: same session and token, the widget session, no verification code. */
    if ((rc = flx_request_new(FLX_REQUEST_AUTHORIZATION, &req, &err)) != FLX_OK ||
        (rc = flx_request_set_account_number(req, account, &err)) != FLX_OK ||
        (rc = flx_request_set_amount_cents(req, amount, &err)) != FLX_OK ||
        (rc = flx_request_set_financing(req, FLX_PURCHASE_PROMOTIONAL, flx_financing_plan_id(options, 0),
                                        flx_financing_term_months(options, 0, 0), &err)) != FLX_OK ||
        (rc = flx_request_set_auto_capture(req, 0, &err)) != FLX_OK ||
        (rc = flx_request_set_widget_session_id(req, flx_widget_session_id(widget), &err)) != FLX_OK ||
        (rc = flx_request_set_reference(req, "web-order-1001", &err)) != FLX_OK ||
        (rc = flx_authorization_create(session, req, &auth, &err)) != FLX_OK) {
        print_error("authorization", rc, err);
        goto refused;
    }
    printf("authorized: %s (%s), ", flx_authorization_id(auth), flx_authorization_status(auth));
    print_cents("remaining to capture ", flx_authorization_remaining_cents(auth));

    /* 5. Back office, merchant scope: the order ships, capture it all. */
    back_office = open_session();
    if ((rc = flx_request_new(FLX_REQUEST_CAPTURE, &capture_req, &err)) != FLX_OK ||
        (rc = flx_request_set_amount_cents(capture_req, amount, &err)) != FLX_OK ||
        (rc = flx_request_set_reference(capture_req, "web-order-1001", &err)) != FLX_OK ||
        (rc = flx_authorization_capture(back_office, auth, capture_req, &capture, &err)) != FLX_OK) {
        print_error("capture", rc, err);
        goto refused;
    }
    printf("shipped and captured: capture %s, ", flx_capture_id(capture));
    print_cents("", flx_capture_amount_cents(capture));
    rc = FLX_OK;

refused:
    flx_error_free(err);
    flx_capture_free(capture);
    flx_request_free(capture_req);
    flx_authorization_free(auth);
    flx_request_free(req);
    flx_financing_free(options);
    flx_widget_free(widget);
    flx_session_free(back_office);
    flx_session_free(session);
    return rc == FLX_OK ? 0 : 1;
}
