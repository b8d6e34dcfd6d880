/* checkout: an in-store checkout against Flexiti (or flexiti-sandbox).
 *
 * Steps so far: authenticate, look the customer up by the VCC the cashier scanned, check the
 * account may purchase and has the credit, and print what the cashier sees. The purchase
 * steps (calculate-interest, verify, authorization with auto-capture) join as the library grows.
 *
 *   checkout [VCC] [AMOUNT_CENTS]      (defaults: the sandbox's demo card, $249.99)
 *
 * Exit status: 0 approved, 1 refused, 2 set-up failed. */
#include "common.h"
#include <string.h>

int main(int argc, char **argv) {
    const char *vcc = argc > 1 ? argv[1] : "1070015210367982";
    long long amount = argc > 2 ? atoll(argv[2]) : 24999;
    flx_session *session = open_session();
    flx_customer *customer = NULL;
    flx_error *err = NULL;
    uint64_t requests = 0, connections = 0, tokens = 0;
    flx_code rc;
    int status = 0;

    printf("libflexiti %s: in-store checkout\n", flx_version());
    rc = flx_session_authenticate(session, &err);
    if (rc == FLX_OK) rc = flx_customer_lookup(session, FLX_CUSTOMER_BY_VCC_NUMBER, vcc, &customer, &err);
    if (rc != FLX_OK) {
        print_error("checkout", rc, err);
        flx_error_free(err);
        flx_session_free(session);
        return 1;
    }
    printf("customer:  %s %s (account %s, card ending %s)\n", flx_customer_first_name(customer),
           flx_customer_last_name(customer), flx_customer_account_number(customer), flx_customer_card_ending_in(customer));
    print_cents("purchase:  ", amount);
    print_cents("available: ", flx_customer_available_credit_cents(customer));
    if (strcmp(flx_customer_account_status(customer), "N") != 0) {
        printf("result:    account status %s does not allow purchases\n", flx_customer_account_status(customer));
        status = 1;
    } else if (flx_customer_available_credit_cents(customer) < amount) {
        printf("result:    not enough available credit\n");
        status = 1;
    } else {
        printf("result:    customer eligible; ask the security question: %s\n", flx_customer_security_question_text(customer));
    }
    flx_session_stats(session, &requests, &connections, &tokens);
    printf("session:   %llu requests, %llu connection(s), %llu token request(s)\n", (unsigned long long)requests,
           (unsigned long long)connections, (unsigned long long)tokens);
    flx_customer_free(customer);
    flx_session_free(session);
    return status;
}
