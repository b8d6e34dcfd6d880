/* The kill test's till: runs sales (authorize with a PIN, capture part, release the rest) with
 * the money journal on, and is killed at random moments by scripts/journal-kill/run.py.
 * Every start first resolves what the journal does not know (the recovery a POS runs), then
 * learns from the journal alone how far each sale got and carries on.
 *
 *   till run JOURNAL RUN_ID SALES    recover, then finish sales 0..SALES-1; prints "done"
 *   till dump JOURNAL                one line per entry: key kind state reference auth_id result_id capture_id amount calls
 */
#define _POSIX_C_SOURCE 200809L /* sleep */
#include <flexiti.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ACCOUNT "116994755"
#define CAPTURE_CENTS 6000

static void die(const char *what, flx_code rc, flx_error *err) {
    fprintf(stderr, "till: %s failed: %s: %s\n", what, flx_code_name(rc), flx_error_message(err));
    flx_error_free(err);
    exit(3);
}

static const char *env_or(const char *name, const char *fallback) {
    const char *v = getenv(name);
    return (v && *v) ? v : fallback;
}

static flx_session *open_session(flx_journal *journal) {
    flx_config *cfg = NULL;
    flx_session *s = NULL;
    flx_error *err = NULL;
    flx_code rc;
    if ((rc = flx_config_new(&cfg, &err)) != FLX_OK ||
        (rc = flx_config_set_base_url(cfg, env_or("FLEXITI_BASE_URL", "http://127.0.0.1:8080/flexiti/pos-api"), &err)) != FLX_OK ||
        (rc = flx_config_set_credentials(cfg, "flexitidemo", "flexitidemo-secret", &err)) != FLX_OK ||
        (rc = flx_config_set_timeouts(cfg, 1000, 1000, &err)) != FLX_OK ||
        (rc = flx_config_set_journal(cfg, journal, &err)) != FLX_OK ||
        (rc = flx_session_new(cfg, &s, &err)) != FLX_OK)
        die("session set-up", rc, err);
    flx_config_free(cfg);
    return s;
}

/* Progress of one sale, as the journal tells it. */
typedef struct {
    char auth_id[64];
    int attempts;     /* authorization entries for this sale */
    int captured, released;
} sale;

static int sale_of(const char *reference, const char *run) {
    /* references: K<run>-<sale>-a<attempt> */
    size_t n = strlen(run);
    if (reference[0] != 'K' || strncmp(reference + 1, run, n) != 0 || reference[n + 1] != '-') return -1;
    return atoi(reference + n + 2);
}

static void recover(flx_session *s, flx_journal *journal) {
    flx_journal_iter *it = NULL;
    flx_journal_entry *e = NULL, *resolved = NULL;
    flx_error *err = NULL;
    flx_code rc = flx_journal_iter_new(journal, 1, &it, &err);
    if (rc != FLX_OK) die("journal iterator", rc, err);
    while ((rc = flx_journal_iter_next(it, &e, &err)) == FLX_OK && e) {
        int tries = 0;
        /* Not known yet (the call may still be in progress at Flexiti): ask again a little later,
         * as a POS does at start-up before taking new sales. */
        while ((rc = flx_journal_resolve(s, e, &resolved, &err)) == FLX_E_OUTCOME_UNKNOWN && ++tries < 30) {
            flx_error_free(err);
            err = NULL;
            sleep(1);
        }
        if (rc != FLX_OK) die("resolve", rc, err);
        flx_journal_entry_free(resolved);
        flx_journal_entry_free(e);
    }
    flx_journal_iter_free(it);
}

static void dump(flx_journal *journal) {
    flx_journal_iter *it = NULL;
    flx_journal_entry *e = NULL;
    flx_error *err = NULL;
    flx_code rc = flx_journal_iter_new(journal, 0, &it, &err);
    if (rc != FLX_OK) die("journal iterator", rc, err);
    while ((rc = flx_journal_iter_next(it, &e, &err)) == FLX_OK && e) {
        printf("%s %d %d %s %s %s %s %lld %lld\n", flx_journal_entry_idempotency_key(e), (int)flx_journal_entry_kind(e),
               (int)flx_journal_entry_state(e), *flx_journal_entry_reference(e) ? flx_journal_entry_reference(e) : "-",
               *flx_journal_entry_authorization_id(e) ? flx_journal_entry_authorization_id(e) : "-",
               *flx_journal_entry_result_id(e) ? flx_journal_entry_result_id(e) : "-",
               *flx_journal_entry_result_capture_id(e) ? flx_journal_entry_result_capture_id(e) : "-",
               (long long)flx_journal_entry_result_amount_cents(e), (long long)flx_journal_entry_calls(e));
        flx_journal_entry_free(e);
    }
    flx_journal_iter_free(it);
}

static void learn(flx_journal *journal, const char *run, sale *sales, int count) {
    flx_journal_iter *it = NULL;
    flx_journal_entry *e = NULL;
    flx_error *err = NULL;
    int i;
    flx_code rc = flx_journal_iter_new(journal, 0, &it, &err);
    if (rc != FLX_OK) die("journal iterator", rc, err);
    /* Authorizations first (entries are in order, so a sale's capture follows its authorization). */
    while ((rc = flx_journal_iter_next(it, &e, &err)) == FLX_OK && e) {
        int k = sale_of(flx_journal_entry_reference(e), run);
        if (k >= 0 && k < count) {
            int ok = flx_journal_entry_state(e) == FLX_JOURNAL_SUCCEEDED;
            switch (flx_journal_entry_kind(e)) {
            case FLX_REQUEST_AUTHORIZATION:
                sales[k].attempts++;
                if (ok) snprintf(sales[k].auth_id, sizeof sales[k].auth_id, "%s", flx_journal_entry_result_id(e));
                break;
            case FLX_REQUEST_CAPTURE: if (ok) sales[k].captured = 1; break;
            case FLX_REQUEST_RELEASE: if (ok) sales[k].released = 1; break;
            default: break;
            }
        }
        flx_journal_entry_free(e);
    }
    flx_journal_iter_free(it);
    for (i = 0; i < count; i++)
        if ((sales[i].captured || sales[i].released) && !sales[i].auth_id[0]) {
            fprintf(stderr, "till: sale %d has a capture or release but no authorization\n", i);
            exit(4);
        }
}

static void authorize(flx_session *s, const char *run, int k, sale *sl) {
    flx_verification *v = NULL;
    flx_request *req = NULL;
    flx_authorization *auth = NULL;
    flx_error *err = NULL;
    char reference[41];
    flx_code rc = flx_customer_verify(s, ACCOUNT, FLX_VERIFY_MERCHANT_OVERRIDE, NULL, &v, &err);
    if (rc != FLX_OK) die("verify", rc, err);
    snprintf(reference, sizeof reference, "K%s-%d-a%d", run, k, sl->attempts + 1);
    if ((rc = flx_request_new(FLX_REQUEST_AUTHORIZATION, &req, &err)) != FLX_OK ||
        (rc = flx_request_set_account_number(req, ACCOUNT, &err)) != FLX_OK ||
        (rc = flx_request_set_amount_cents(req, 10000 + k, &err)) != FLX_OK ||
        (rc = flx_request_set_financing(req, FLX_PURCHASE_REGULAR, 0, 0, &err)) != FLX_OK ||
        (rc = flx_request_set_auto_capture(req, 0, &err)) != FLX_OK ||
        (rc = flx_request_set_reference(req, reference, &err)) != FLX_OK ||
        (rc = flx_request_set_verification_code(req, flx_verification_code(v), &err)) != FLX_OK ||
        (rc = flx_request_set_request_id(req, flx_verification_request_id(v), &err)) != FLX_OK)
        die("authorization request", rc, err);
    rc = flx_authorization_create(s, req, &auth, &err);
    if (rc != FLX_OK) die("authorization", rc, err);
    sl->attempts++;
    snprintf(sl->auth_id, sizeof sl->auth_id, "%s", flx_authorization_id(auth));
    flx_authorization_free(auth);
    flx_request_free(req);
    flx_verification_free(v);
}

static void capture(flx_session *s, const char *run, int k, sale *sl) {
    flx_request *req = NULL;
    flx_capture *cap = NULL;
    flx_error *err = NULL;
    char reference[41];
    flx_code rc;
    snprintf(reference, sizeof reference, "K%s-%d-c", run, k);
    if ((rc = flx_request_new(FLX_REQUEST_CAPTURE, &req, &err)) != FLX_OK ||
        (rc = flx_request_set_amount_cents(req, CAPTURE_CENTS, &err)) != FLX_OK ||
        (rc = flx_request_set_reference(req, reference, &err)) != FLX_OK)
        die("capture request", rc, err);
    rc = flx_capture_create(s, sl->auth_id, req, &cap, &err);
    if (rc != FLX_OK) die("capture", rc, err);
    sl->captured = 1;
    flx_capture_free(cap);
    flx_request_free(req);
}

static void release_rest(flx_session *s, const char *run, int k, sale *sl) {
    flx_request *req = NULL;
    flx_error *err = NULL;
    char reference[41];
    flx_code rc;
    snprintf(reference, sizeof reference, "K%s-%d-r", run, k);
    if ((rc = flx_request_new(FLX_REQUEST_RELEASE, &req, &err)) != FLX_OK ||
        (rc = flx_request_set_full(req, 1, &err)) != FLX_OK ||
        (rc = flx_request_set_reference(req, reference, &err)) != FLX_OK)
        die("release request", rc, err);
    rc = flx_release_create(s, sl->auth_id, req, NULL, &err);
    if (rc != FLX_OK) die("release", rc, err);
    sl->released = 1;
    flx_request_free(req);
}

int main(int argc, char **argv) {
    flx_journal *journal = NULL;
    flx_session *s;
    flx_error *err = NULL;
    flx_code rc;
    sale *sales;
    int count, k;

    if (argc < 3) { fprintf(stderr, "usage: till run JOURNAL RUN_ID SALES | till dump JOURNAL\n"); return 2; }
    if ((rc = flx_journal_open(argv[2], &journal, &err)) != FLX_OK) die("journal open", rc, err);
    if (strcmp(argv[1], "dump") == 0) { dump(journal); flx_journal_free(journal); return 0; }
    if (argc != 5) return 2;
    count = atoi(argv[4]);
    if (count <= 0 || count > 100000) return 2;
    s = open_session(journal);
    recover(s, journal);
    sales = calloc((size_t)count, sizeof *sales);
    if (!sales) return 5;
    learn(journal, argv[3], sales, count);
    for (k = 0; k < count; k++) {
        if (!sales[k].auth_id[0]) authorize(s, argv[3], k, &sales[k]);
        if (!sales[k].captured) capture(s, argv[3], k, &sales[k]);
        if (!sales[k].released) release_rest(s, argv[3], k, &sales[k]);
    }
    printf("done\n");
    free(sales);
    flx_session_free(s);
    flx_journal_free(journal);
    return 0;
}
