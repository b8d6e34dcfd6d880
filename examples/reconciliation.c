/* reconciliation: the end-of-day report of a store.
 *
 * Lists every authorization and every capture created in a date range (default: today, UTC)
 * with the paginating iterators. The page size is deliberately tiny (2) to show that paging is
 * transparent: the loop just calls _next until it gets NULL, and the iterator fetches the next
 * page when needed. The number of pages fetched is read from the session's request counter.
 * As a self-check, the authorizations are listed a second time in one page of 100: count and
 * sum must be the same.
 *
 *   reconciliation [DATE_FROM [DATE_TO]]     (YYYY-MM-DD, UTC; default today .. today)
 *
 * Exit status: 0 report printed, 1 a listing failed or the self-check disagreed, 2 set-up failed. */
#include "common.h"
#include <time.h>

#define PAGE_SIZE 2

typedef struct {
    unsigned long count;
    int64_t amount, remaining;
    uint64_t pages;
} totals;

static uint64_t requests_so_far(flx_session *session) {
    uint64_t requests = 0, connections = 0, tokens = 0;
    flx_session_stats(session, &requests, &connections, &tokens);
    return requests - tokens; /* the token requests are not pages */
}

static void print_money(int64_t cents) {
    const char *sign = cents < 0 ? "-" : "";
    uint64_t m = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
    printf("%s$%llu.%02llu", sign, (unsigned long long)(m / 100), (unsigned long long)(m % 100));
}

/* Lists the authorizations of [from, to] page_size at a time; prints each line when verbose. */
static flx_code list_authorizations(flx_session *session, const char *from, const char *to, int page_size, int verbose,
                                    totals *t, flx_error **err) {
    flx_request *filter = NULL;
    flx_authorization_iter *iter = NULL;
    flx_authorization *auth = NULL;
    uint64_t start = requests_so_far(session);
    flx_code rc;

    if ((rc = flx_request_new(FLX_REQUEST_LIST_AUTHORIZATIONS, &filter, err)) != FLX_OK ||
        (rc = flx_request_set_date_range(filter, from, to, err)) != FLX_OK ||
        (rc = flx_request_set_page_size(filter, page_size, err)) != FLX_OK ||
        (rc = flx_authorization_iter_new(session, filter, &iter, err)) != FLX_OK)
        goto done;
    while ((rc = flx_authorization_iter_next(iter, &auth, err)) == FLX_OK && auth) {
        t->count++;
        t->amount += flx_authorization_amount_cents(auth);
        t->remaining += flx_authorization_remaining_cents(auth);
        if (verbose) {
            printf("  %s  %-20.20s  %-12s  %-20s  ", flx_authorization_id(auth), flx_authorization_date(auth),
                   flx_authorization_status(auth), flx_authorization_purchase_type(auth));
            print_money(flx_authorization_amount_cents(auth));
            printf("  open ");
            print_money(flx_authorization_remaining_cents(auth));
            printf("  %s\n", flx_authorization_reference(auth));
        }
        flx_authorization_free(auth);
        auth = NULL;
    }
done:
    t->pages = requests_so_far(session) - start;
    flx_authorization_iter_free(iter);
    flx_request_free(filter);
    return rc;
}

static flx_code list_captures(flx_session *session, const char *from, const char *to, totals *t, flx_error **err) {
    flx_request *filter = NULL;
    flx_capture_iter *iter = NULL;
    flx_capture *capture = NULL;
    uint64_t start = requests_so_far(session);
    flx_code rc;

    if ((rc = flx_request_new(FLX_REQUEST_LIST_CAPTURES, &filter, err)) != FLX_OK ||
        (rc = flx_request_set_date_range(filter, from, to, err)) != FLX_OK ||
        (rc = flx_request_set_page_size(filter, PAGE_SIZE, err)) != FLX_OK ||
        (rc = flx_capture_iter_new(session, filter, &iter, err)) != FLX_OK)
        goto done;
    while ((rc = flx_capture_iter_next(iter, &capture, err)) == FLX_OK && capture) {
        t->count++;
        t->amount += flx_capture_amount_cents(capture);
        t->remaining += flx_capture_remaining_cents(capture);
        printf("  %-16s  %-20.20s  of %s  ", flx_capture_id(capture), flx_capture_date(capture),
               flx_capture_authorization_id(capture));
        print_money(flx_capture_amount_cents(capture));
        printf("  returnable ");
        print_money(flx_capture_remaining_cents(capture));
        printf("\n");
        flx_capture_free(capture);
        capture = NULL;
    }
done:
    t->pages = requests_so_far(session) - start;
    flx_capture_iter_free(iter);
    flx_request_free(filter);
    return rc;
}

int main(int argc, char **argv) {
    char today[11];
    time_t now = time(NULL);
    struct tm utc;
    const char *from, *to;
    flx_session *session = open_session();
    flx_error *err = NULL;
    totals auths = {0, 0, 0, 0}, check = {0, 0, 0, 0}, caps = {0, 0, 0, 0};
    const char *step = "";
    flx_code rc;
    int status = 1;

    /* C99 has no gmtime_r; one thread, so gmtime's static buffer is fine. */
    utc = *gmtime(&now);
    strftime(today, sizeof today, "%Y-%m-%d", &utc);
    from = argc > 1 ? argv[1] : today;
    to = argc > 2 ? argv[2] : from;

    /* Get the token now, so that the request counter counts only listing pages. */
    step = "authentication";
    if ((rc = flx_session_authenticate(session, &err)) != FLX_OK) goto failed;

    printf("reconciliation %s .. %s (UTC), page size %d\n", from, to, PAGE_SIZE);
    printf("authorizations:\n");
    step = "authorization listing";
    if ((rc = list_authorizations(session, from, to, PAGE_SIZE, 1, &auths, &err)) != FLX_OK) goto failed;
    printf("authorizations: %lu in %llu pages, authorized ", auths.count, (unsigned long long)auths.pages);
    print_money(auths.amount);
    printf(", still open ");
    print_money(auths.remaining);
    printf("\n");

    printf("captures:\n");
    step = "capture listing";
    if ((rc = list_captures(session, from, to, &caps, &err)) != FLX_OK) goto failed;
    printf("captures: %lu in %llu pages, captured total ", caps.count, (unsigned long long)caps.pages);
    print_money(caps.amount);
    printf(", returnable ");
    print_money(caps.remaining);
    printf("\n");

    /* Self-check: the same listing in one big page gives the same figures. */
    step = "authorization listing (one page)";
    if ((rc = list_authorizations(session, from, to, 100, 0, &check, &err)) != FLX_OK) goto failed;
    if (check.count != auths.count || check.amount != auths.amount) {
        printf("check: page size 100 gives %lu authorizations, ", check.count);
        print_money(check.amount);
        printf(": NOT the same\n");
        goto done;
    }
    printf("check: page size 100 gives the same %lu authorizations and total\n", check.count);
    status = 0;
    goto done;

failed:
    print_error(step, rc, err);
done:
    flx_error_free(err);
    flx_session_free(session);
    return status;
}
