/* instore: what a cashier does before the money moves.
 *
 *   1. look the customer up by the card (VCC) scanned, or by account number;
 *   2. calculate-interest: show the regular purchase and every plan and term, with the fee and
 *      rate messages the merchant must display;
 *   3. verify the customer and obtain the PIN (and the request_id) the purchase will send.
 *
 *   instore [vcc|account VALUE] [AMOUNT_CENTS] [FORMAT [ANSWER]]
 *   FORMAT: sms, email, security_question (then ANSWER), merchant_override, regular_purchase_bypass
 *   (defaults: the sandbox's demo card, $1200.00, security_question "buddy")
 *
 * Exit status: 0 verified, 1 refused, 2 set-up failed. */
#include "common.h"
#include <string.h>

static void print_rate(const char *label, const char *text, int32_t bp) {
    if (!*text) return;
    if (bp >= 0) printf("%s%d.%02d %%\n", label, (int)(bp / 100), (int)(bp % 100));
    else printf("%s%s\n", label, text); /* not exact in basis points: show what was sent */
}

static void print_options(const flx_financing *f) {
    size_t p, t, i, plans = flx_financing_plan_count(f);
    print_rate("annual interest rate: ", flx_financing_customer_air(f), flx_financing_customer_air_bp(f));
    if (flx_financing_has_regular(f)) {
        print_cents("regular purchase:     one payment of ", flx_financing_regular_amount_cents(f));
        printf("  PIN bypass allowed:  %s\n", flx_financing_regular_verify(f) ? "yes" : "no");
        for (i = 0; i < flx_financing_regular_fee_count(f); i++) {
            print_cents("  fee: ", flx_financing_regular_fee_amount_cents(f, i));
            printf("    %s %s\n", flx_financing_regular_fee_description(f, i), flx_financing_regular_fee_message(f, i));
        }
    }
    for (p = 0; p < plans; p++) {
        printf("plan %lld: %s\n", (long long)flx_financing_plan_id(f, p), flx_financing_plan_name(f, p));
        for (t = 0; t < flx_financing_term_count(f, p); t++) {
            printf("  %3lld months: ", (long long)flx_financing_term_months(f, p, t));
            print_cents("", flx_financing_term_amount_cents(f, p, t));
            for (i = 0; i < flx_financing_term_fee_count(f, p, t); i++) {
                print_cents("    fee: ", flx_financing_term_fee_amount_cents(f, p, t, i));
                printf("      %s\n", flx_financing_term_fee_message(f, p, t, i));
            }
            for (i = 0; i < flx_financing_term_rate_count(f, p, t); i++) {
                print_rate("    rate: ", flx_financing_term_rate(f, p, t, i), flx_financing_term_rate_bp(f, p, t, i));
                if (*flx_financing_term_rate_message(f, p, t, i))
                    printf("      %s\n", flx_financing_term_rate_message(f, p, t, i));
            }
        }
    }
}

int main(int argc, char **argv) {
    flx_customer_key key = FLX_CUSTOMER_BY_VCC_NUMBER;
    const char *value = "1070015210367982", *answer = "buddy";
    long long amount = 120000;
    flx_verify_format format = FLX_VERIFY_SECURITY_QUESTION;
    flx_session *session;
    flx_customer *customer = NULL;
    flx_financing *options = NULL;
    flx_verify_request *vreq = NULL;
    flx_verification *verification = NULL;
    flx_error *err = NULL;
    flx_code rc;

    if (argc > 2) {
        if (strcmp(argv[1], "account") == 0) key = FLX_CUSTOMER_BY_ACCOUNT_NUMBER;
        else if (strcmp(argv[1], "vcc") != 0) { fprintf(stderr, "usage: %s [vcc|account VALUE] [AMOUNT_CENTS] [FORMAT [ANSWER]]\n", argv[0]); return 2; }
        value = argv[2];
    }
    if (argc > 3) amount = atoll(argv[3]);
    if (argc > 4) {
        if (strcmp(argv[4], "sms") == 0) format = FLX_VERIFY_SMS;
        else if (strcmp(argv[4], "email") == 0) format = FLX_VERIFY_EMAIL;
        else if (strcmp(argv[4], "security_question") == 0) format = FLX_VERIFY_SECURITY_QUESTION;
        else if (strcmp(argv[4], "merchant_override") == 0) format = FLX_VERIFY_MERCHANT_OVERRIDE;
        else if (strcmp(argv[4], "regular_purchase_bypass") == 0) format = FLX_VERIFY_REGULAR_PURCHASE_BYPASS;
        else { fprintf(stderr, "unknown format: %s\n", argv[4]); return 2; }
        answer = argc > 5 ? argv[5] : NULL;
    }

    session = open_session();
    /* 1. the customer */
    rc = flx_customer_lookup(session, key, value, &customer, &err);
    if (rc != FLX_OK) { print_error("customer lookup", rc, err); goto refused; }
    printf("customer: %s %s, account %s, status %s/%s\n", flx_customer_first_name(customer), flx_customer_last_name(customer),
           flx_customer_account_number(customer), flx_customer_account_status(customer),
           flx_customer_account_status_reason_code(customer));
    print_cents("available credit: ", flx_customer_available_credit_cents(customer));

    /* 2. the financing options for this amount */
    print_cents("purchase: ", amount);
    rc = flx_financing_calculate(session, flx_customer_account_number(customer), amount, &options, &err);
    if (rc != FLX_OK) { print_error("calculate-interest", rc, err); goto refused; }
    print_options(options);

    /* 3. verification: the PIN and the request_id go to the authorization */
    if (format == FLX_VERIFY_SECURITY_QUESTION) printf("question: %s\n", flx_customer_security_question_text(customer));
    /* Only the security question needs more than the format: its id and the customer's answer. */
    if (format == FLX_VERIFY_SECURITY_QUESTION) {
        rc = flx_verify_request_new(&vreq, &err);
        if (rc == FLX_OK) rc = flx_verify_request_set_security_answer(vreq, flx_customer_security_question_id(customer), answer, &err);
        if (rc != FLX_OK) { print_error("verify request", rc, err); goto refused; }
    }
    rc = flx_customer_verify(session, flx_customer_account_number(customer), format, vreq, &verification, &err);
    flx_verify_request_free(vreq); /* wipes the answer */
    vreq = NULL;
    if (rc != FLX_OK) { print_error("verify", rc, err); goto refused; }
    printf("request id: %s\n", flx_verification_request_id(verification));
    if (flx_verification_code_sent(verification)) {
        printf("verified: PIN sent by %s; ask the customer for it\n", flx_verification_sent_to(verification));
    } else {
        /* The PIN is sensitive: a real POS passes it to the authorization and never prints it. */
        printf("verified: PIN received (%zu digits), ready for the authorization\n", strlen(flx_verification_code(verification)));
    }
    flx_verification_free(verification);
    flx_financing_free(options);
    flx_customer_free(customer);
    flx_session_free(session);
    return 0;

refused:
    flx_error_free(err);
    flx_verify_request_free(vreq);
    flx_financing_free(options);
    flx_customer_free(customer);
    flx_session_free(session);
    return 1;
}
