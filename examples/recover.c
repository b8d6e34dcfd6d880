/* What a POS runs at start-up with a money journal: every money call whose outcome the journal
 * does not know (the till crashed, lost power or was killed during it) is resolved with Flexiti,
 * without doing anything twice, and the result is printed so the missing receipt can be made.
 *
 *   recover JOURNAL                            resolve and list what was open
 *   recover JOURNAL capture AUTH_ID CENTS      a journaled capture by authorization id (the
 *                                              tests lose its answer with a sandbox fault)
 *
 * FLEXITI_BASE_URL etc. as for the other examples (common.h). */
#include "common.h"
#include <string.h>

static const char *kind_name(flx_request_kind k) {
    switch (k) {
    case FLX_REQUEST_AUTHORIZATION: return "authorization";
    case FLX_REQUEST_CAPTURE: return "capture";
    case FLX_REQUEST_RELEASE: return "release";
    case FLX_REQUEST_RETURN: return "return";
    case FLX_REQUEST_REFUND: return "refund";
    case FLX_REQUEST_TRANSACTION: return "transaction";
    default: return "?";
    }
}

/* A capture by authorization id, recorded in the journal (a POS that kept only the id). */
static int capture_by_id(flx_session *session, const char *authorization_id, const char *cents) {
    flx_request *req = NULL;
    flx_capture *capture = NULL;
    flx_error *err = NULL;
    flx_code rc;
    if ((rc = flx_request_new(FLX_REQUEST_CAPTURE, &req, &err)) != FLX_OK ||
        (rc = flx_request_set_amount_cents(req, strtoll(cents, NULL, 10), &err)) != FLX_OK ||
        (rc = flx_request_set_reference(req, "RECOVER-DEMO", &err)) != FLX_OK) {
        print_error("capture request", rc, err);
        flx_error_free(err);
        flx_request_free(req);
        return 1;
    }
    rc = flx_capture_create(session, authorization_id, req, &capture, &err);
    if (rc == FLX_OK) printf("captured: capture %s\n", flx_capture_id(capture));
    else print_error("capture", rc, err);
    printf("journal key: %s\n", flx_request_idempotency_key(req));
    flx_error_free(err);
    flx_capture_free(capture);
    flx_request_free(req);
    return rc == FLX_OK ? 0 : 1;
}

int main(int argc, char **argv) {
    flx_journal *journal = NULL;
    flx_journal_iter *iter = NULL;
    flx_journal_entry *entry = NULL, *resolved = NULL;
    flx_session *session;
    flx_error *err = NULL;
    flx_code rc;
    int open_count = 0, failures = 0;

    if (argc != 2 && argc != 5) { fprintf(stderr, "usage: recover JOURNAL [capture AUTHORIZATION_ID CENTS]\n"); return 2; }
    rc = flx_journal_open(argv[1], &journal, &err);
    if (rc != FLX_OK) { print_error("journal open", rc, err); flx_error_free(err); return 2; }
    session = open_session_with_journal(FLX_SCOPE_MERCHANT, journal);
    if (argc == 5 && strcmp(argv[2], "capture") == 0) {
        int status = capture_by_id(session, argv[3], argv[4]);
        flx_session_free(session);
        flx_journal_free(journal);
        return status;
    }

    /* The start-up procedure: every entry that needs resolution, oldest first. */
    rc = flx_journal_iter_new(journal, 1, &iter, &err);
    if (rc != FLX_OK) { print_error("journal", rc, err); flx_error_free(err); return 1; }
    while ((rc = flx_journal_iter_next(iter, &entry, &err)) == FLX_OK && entry) {
        open_count++;
        printf("open: %s %s (key %s, reference %s)\n", kind_name(flx_journal_entry_kind(entry)),
               flx_journal_entry_path(entry), flx_journal_entry_idempotency_key(entry), flx_journal_entry_reference(entry));
        rc = flx_journal_resolve(session, entry, &resolved, &err);
        if (rc != FLX_OK) {
            /* Still unknown (Flexiti unreachable, or the call too recent): keep it for the next start. */
            print_error("resolve", rc, err);
            flx_error_free(err);
            err = NULL;
            failures++;
        } else if (flx_journal_entry_state(resolved) == FLX_JOURNAL_SUCCEEDED) {
            printf("resolved: %s happened: id %s", kind_name(flx_journal_entry_kind(resolved)),
                   flx_journal_entry_result_id(resolved));
            print_cents(", amount ", flx_journal_entry_result_amount_cents(resolved));
        } else {
            printf("resolved: %s did not happen (%s)\n", kind_name(flx_journal_entry_kind(resolved)),
                   flx_journal_entry_error_message(resolved));
        }
        flx_journal_entry_free(resolved);
        resolved = NULL;
        flx_journal_entry_free(entry);
    }
    flx_journal_iter_free(iter);
    printf("%d open entr%s, %d still unknown\n", open_count, open_count == 1 ? "y" : "ies", failures);
    flx_session_free(session);
    flx_journal_free(journal);
    return failures ? 1 : 0;
}
