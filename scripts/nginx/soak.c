/*
 * Soak driver for the load-balancer test (scripts/nginx/soak.sh): one session doing mixed calls
 * through nginx, pausing around nginx's idle timeout, through the public header only.
 *
 *   soak RUN BASE_URL CA_FILE HTTP_VERSION(2|1.1) RETRIES(off|default) CALLS OUT_FILE
 *
 * Every call writes one line to OUT_FILE:
 *   RUN INDEX KIND CODE_NAME ATTEMPTS REFERENCE_ID REFERENCE AUTHORIZATION_ID PAUSE_MS
 * (REFERENCE: the authorization's reference field, "-" for other calls; REFERENCE_ID: the
 * x-reference-id of the failed attempt, "-" on success; PAUSE_MS: the idle time before the call). The last line is
 *   RUN summary backoffs=N fresh=N
 * counting the log records of backoff waits and of immediate fresh-connection repeats.
 * Exit status 0 unless the set-up failed (the checker judges the calls).
 */
#define _POSIX_C_SOURCE 200809L
#include <flexiti.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int backoffs, fresh;

static void on_log(void *userdata, const flx_log_record *rec) {
    (void)userdata;
    if (strstr(rec->message, "retrying in")) backoffs++;
    if (strstr(rec->message, "sending at once on a new connection")) fresh++;
}

static void pause_ms(long ms) {
    struct timespec ts;
    ts.tv_sec = ms / 1000;
    ts.tv_nsec = (ms % 1000) * 1000000L;
    while (nanosleep(&ts, &ts) != 0) {}
}

/* Pauses around nginx's 2 s keepalive_timeout: under, at and over it, and a few long ones. */
/* Verification by security question: the question and answer go in a request. */
static flx_code verify_question(flx_session *session, const char *account, flx_verification **out, flx_error **err) {
    flx_verify_request *req = NULL;
    flx_code rc = flx_verify_request_new(&req, err);
    if (rc == FLX_OK) rc = flx_verify_request_set_security_answer(req, 4, "buddy", err);
    if (rc == FLX_OK) rc = flx_customer_verify(session, account, FLX_VERIFY_SECURITY_QUESTION, req, out, err);
    flx_verify_request_free(req);
    return rc;
}

static const long pauses_ms[] = {1500, 1900, 1980, 2000, 2010, 2030, 2100, 2300, 2600, 3000, 1000, 2050};

int main(int argc, char **argv) {
    flx_config *cfg = NULL;
    flx_session *session = NULL;
    flx_error *err = NULL;
    FILE *out;
    const char *run, *account = "116994755";
    int i, calls;
    flx_code rc;

    if (argc != 8) {
        fprintf(stderr, "usage: soak RUN BASE_URL CA_FILE 2|1.1 off|default CALLS OUT_FILE\n");
        return 2;
    }
    run = argv[1];
    calls = atoi(argv[6]);
    out = fopen(argv[7], "w");
    if (!out) { perror(argv[7]); return 2; }
    if ((rc = flx_config_new(&cfg, &err)) != FLX_OK ||
        (rc = flx_config_set_base_url(cfg, argv[2], &err)) != FLX_OK ||
        (rc = flx_config_set_ca_file(cfg, argv[3], &err)) != FLX_OK ||
        (rc = flx_config_set_credentials(cfg, "flexitidemo", "flexitidemo-secret", &err)) != FLX_OK ||
        (rc = flx_config_set_http_version(cfg, strcmp(argv[4], "1.1") == 0 ? FLX_HTTP_1_1 : FLX_HTTP_2_OVER_TLS, &err)) != FLX_OK ||
        (rc = flx_config_set_log_callback(cfg, on_log, NULL, FLX_LOG_INFO, &err)) != FLX_OK ||
        (strcmp(argv[5], "off") == 0 && (rc = flx_config_set_retries(cfg, 0, 0, 0, &err)) != FLX_OK) ||
        (rc = flx_session_new(cfg, &session, &err)) != FLX_OK) {
        fprintf(stderr, "%s: set-up failed: %s: %s\n", run, flx_code_name(rc), err ? flx_error_message(err) : "");
        return 2;
    }
    flx_config_free(cfg);

    for (i = 0; i < calls; i++) {
        const char *kind = "";
        char reference[41] = "-", auth_id[32] = "-";
        flx_customer *customer = NULL;
        flx_financing *financing = NULL;
        flx_verification *verification = NULL;
        flx_request *req = NULL;
        flx_authorization *auth = NULL;
        flx_authorization_iter *iter = NULL;

        /* Every 21st call (so each kind of call in turn) comes after a pause around the timeout. */
        long idle = i > 0 && i % 21 == 0 ? pauses_ms[(i / 21) % (sizeof pauses_ms / sizeof pauses_ms[0])]
                  : i % 7 == 3 ? 150 : 0;     /* else a cashier's short pauses, well inside it */
        if (i % 5 != 3 && idle) pause_ms(idle);
        err = NULL;
        switch (i % 5) {
        case 0:
            kind = "lookup";
            rc = flx_customer_lookup(session, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, account, &customer, &err);
            break;
        case 1:
            kind = "calculate";
            rc = flx_financing_calculate(session, account, 100000, &financing, &err);
            break;
        case 2:
            kind = "verify";
            rc = verify_question(session, account, &verification, &err);
            break;
        case 3:
            /* Needs the verification just made; when it failed, verify again first (not logged). */
            kind = "authorization";
            snprintf(reference, sizeof reference, "%s-%04d", run, i);
            if ((rc = verify_question(session, account, &verification, &err)) != FLX_OK) {
                kind = "verify";
                snprintf(reference, sizeof reference, "-");
                break;
            }
            if (idle) pause_ms(idle);  /* the authorization itself meets the idle connection */
            if ((rc = flx_request_new(FLX_REQUEST_AUTHORIZATION, &req, &err)) != FLX_OK ||
                (rc = flx_request_set_account_number(req, account, &err)) != FLX_OK ||
                (rc = flx_request_set_amount_cents(req, 100 + i % 400, &err)) != FLX_OK ||
                (rc = flx_request_set_financing(req, FLX_PURCHASE_PROMOTIONAL, 4, 12, &err)) != FLX_OK ||
                (rc = flx_request_set_auto_capture(req, 1, &err)) != FLX_OK ||
                (rc = flx_request_set_verification_code(req, flx_verification_code(verification), &err)) != FLX_OK ||
                (rc = flx_request_set_request_id(req, flx_verification_request_id(verification), &err)) != FLX_OK ||
                (rc = flx_request_set_external_location_id(req, "00-12345", &err)) != FLX_OK ||
                (rc = flx_request_set_external_employee_id(req, "12345-SMITH", &err)) != FLX_OK ||
                (rc = flx_request_set_reference(req, reference, &err)) != FLX_OK) {
                fprintf(stderr, "%s: building the request failed: %s\n", run, flx_code_name(rc));
                return 2;
            }
            rc = flx_authorization_create(session, req, &auth, &err);
            if (rc == FLX_OK) snprintf(auth_id, sizeof auth_id, "%s", flx_authorization_id(auth));
            break;
        default:
            kind = "listing";
            if ((rc = flx_authorization_iter_new(session, NULL, &iter, &err)) == FLX_OK)
                rc = flx_authorization_iter_next(iter, &auth, &err);
            break;
        }
        fprintf(out, "%s %d %s %s %d %s %s %s %ld\n", run, i, kind, flx_code_name(rc), err ? flx_error_attempts(err) : 1,
                err && *flx_error_reference_id(err) ? flx_error_reference_id(err) : "-", reference, auth_id, idle);
        flx_error_free(err);
        flx_customer_free(customer);
        flx_financing_free(financing);
        flx_verification_free(verification);
        flx_request_free(req);
        flx_authorization_free(auth);
        flx_authorization_iter_free(iter);
    }
    fprintf(out, "%s summary backoffs=%d fresh=%d\n", run, backoffs, fresh);
    fclose(out);
    flx_session_free(session);
    return 0;
}
