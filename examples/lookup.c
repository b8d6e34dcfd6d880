/* lookup: finds a customer by account number, VCC or customer id and prints the account, or
 * the full error detail.
 *
 *   lookup account 116994755 | lookup vcc 1070015210367982 | lookup customer 123321
 *
 * Exit status: 0 found, 1 the API or a check refused it, 2 set-up failed. */
#include "common.h"
#include <string.h>

int main(int argc, char **argv) {
    flx_customer_key key;
    flx_session *session;
    flx_customer *customer = NULL;
    flx_error *err = NULL;
    flx_code rc;

    if (argc != 3) {
        fprintf(stderr, "usage: %s account|vcc|customer VALUE\n", argv[0]);
        return 2;
    }
    if (strcmp(argv[1], "account") == 0) key = FLX_CUSTOMER_BY_ACCOUNT_NUMBER;
    else if (strcmp(argv[1], "vcc") == 0) key = FLX_CUSTOMER_BY_VCC_NUMBER;
    else if (strcmp(argv[1], "customer") == 0) key = FLX_CUSTOMER_BY_CUSTOMER_ID;
    else { fprintf(stderr, "unknown key kind: %s\n", argv[1]); return 2; }

    session = open_session();
    rc = flx_customer_lookup(session, key, argv[2], &customer, &err);
    if (rc != FLX_OK) {
        print_error("customer lookup", rc, err);
        flx_error_free(err);
        flx_session_free(session);
        return 1;
    }
    printf("customer %s: %s %s\n", flx_customer_customer_id(customer), flx_customer_first_name(customer),
           flx_customer_last_name(customer));
    printf("account:          %s (%s, status %s/%s, risk %s)\n", flx_customer_account_number(customer),
           flx_customer_account_type(customer), flx_customer_account_status(customer),
           flx_customer_account_status_reason_code(customer), flx_customer_risk_rating(customer));
    print_cents("credit limit:     ", flx_customer_credit_limit_cents(customer));
    print_cents("available credit: ", flx_customer_available_credit_cents(customer));
    printf("card ending in:   %s\n", flx_customer_card_ending_in(customer));
    printf("security question %lld: %s\n", (long long)flx_customer_security_question_id(customer),
           flx_customer_security_question_text(customer));
    flx_customer_free(customer);
    flx_session_free(session);
    return 0;
}
