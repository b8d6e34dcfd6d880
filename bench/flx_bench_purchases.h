/* The purchase operations of flx_bench (compiled in when the header declares them; see the
 * Makefile). Authorize: a new request per sale (so a new idempotency key), the same fields as
 * baseline.c sends, auto-capture, read three fields, free. Captures: one page of GET captures
 * (page_size 10) through the iterator: ten capture objects, two fields each. */
#ifndef FLX_BENCH_PURCHASES_H
#define FLX_BENCH_PURCHASES_H

static flx_request *captures_filter;

static int op_authorize(void) {
    flx_request *req = NULL;
    flx_authorization *auth = NULL;
    flx_error *err = NULL;
    int rc = -1;
    if (check("request", flx_request_new(FLX_REQUEST_AUTHORIZATION, &req, &err), err)) return -1;
    if (!check("account", flx_request_set_account_number(req, "116994755", &err), err) &&
        !check("amount", flx_request_set_amount_cents(req, 24999, &err), err) &&
        !check("financing", flx_request_set_financing(req, FLX_PURCHASE_PROMOTIONAL, 4, 12, &err), err) &&
        !check("auto_capture", flx_request_set_auto_capture(req, 1, &err), err) &&
        !check("reference", flx_request_set_reference(req, "Order-1234", &err), err) &&
        !check("verification_code", flx_request_set_verification_code(req, "482913", &err), err) &&
        !check("request_id", flx_request_set_request_id(req, "req-0001", &err), err) &&
        !check("authorize", flx_authorization_create(session, req, &auth, &err), err)) {
        sink = (int64_t)strlen(flx_authorization_id(auth)) + (int64_t)flx_authorization_capture_count(auth)
             + flx_authorization_amount_cents(auth);
        rc = 0;
    }
    flx_authorization_free(auth);
    flx_request_free(req);
    return rc;
}

static int op_captures(void) {
    flx_capture_iter *it = NULL;
    flx_error *err = NULL;
    int64_t total = 0;
    if (!captures_filter) {
        if (check("filter", flx_request_new(FLX_REQUEST_LIST_CAPTURES, &captures_filter, &err), err)) return -1;
        if (check("page size", flx_request_set_page_size(captures_filter, 10, &err), err)) return -1;
    }
    if (check("iterator", flx_capture_iter_new(session, captures_filter, &it, &err), err)) return -1;
    for (int i = 0; i < 10; i++) {  /* exactly one page: the server reports more */
        flx_capture *c = NULL;
        if (check("next capture", flx_capture_iter_next(it, &c, &err), err)) { flx_capture_iter_free(it); return -1; }
        if (!c) break;
        total += (int64_t)strlen(flx_capture_id(c)) + flx_capture_amount_cents(c);
        flx_capture_free(c);
    }
    sink = total;
    flx_capture_iter_free(it);
    return 0;
}
#endif
