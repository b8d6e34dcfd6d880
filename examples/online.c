/* online: the server side of an online checkout with the hosted Flexiti widget.
 *
 *   1. a session with a customer-scope token (flx_config_set_scope);
 *   2. widget/init for a purchase: the redirection URL the checkout page opens with the Flexiti
 *      JS SDK, and the widget_session_id to keep;
 *   3. after the widget's flx-success event: calculate-interest for the cart, to show the plans.
 *   The authorization (same session, widget_session_id, no PIN) follows in the purchases API.
 *
 *   online [ACCOUNT_NUMBER] [AMOUNT_CENTS]     (defaults: the sandbox's demo account, $499.00)
 *
 * Exit status: 0 ready for the authorization, 1 refused, 2 set-up failed. */
#include "common.h"

int main(int argc, char **argv) {
    const char *account = argc > 1 ? argv[1] : "116994755";
    long long amount = argc > 2 ? atoll(argv[2]) : 49900;
    flx_session *session = open_session_with_scope(FLX_SCOPE_CUSTOMER);
    flx_widget *widget = NULL;
    flx_financing *options = NULL;
    flx_error *err = NULL;
    flx_code rc;
    size_t p, t;

    rc = flx_widget_init(session, FLX_WIDGET_PURCHASE, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, account, NULL, &widget, &err);
    if (rc != FLX_OK) { print_error("widget/init", rc, err); goto refused; }
    printf("open in the checkout page: %s\n", flx_widget_redirection_url(widget));
    printf("widget session: %s\n", flx_widget_session_id(widget));

    /* The page reports flx-success {verified: true, action: "purchase", accountNumber}. */
    rc = flx_calculate_interest(session, account, amount, &options, &err);
    if (rc != FLX_OK) { print_error("calculate-interest", rc, err); goto refused; }
    print_cents("cart: ", amount);
    for (p = 0; p < flx_financing_plan_count(options); p++)
        for (t = 0; t < flx_financing_term_count(options, p); t++) {
            printf("%s, %lld months: ", flx_financing_plan_name(options, p), (long long)flx_financing_term_months(options, p, t));
            print_cents("", flx_financing_term_amount_cents(options, p, t));
        }
    printf("ready: authorize with widget session %s on this session\n", flx_widget_session_id(widget));
    flx_financing_free(options);
    flx_widget_free(widget);
    flx_session_free(session);
    return 0;

refused:
    flx_error_free(err);
    flx_financing_free(options);
    flx_widget_free(widget);
    flx_session_free(session);
    return 1;
}
