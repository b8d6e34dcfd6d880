#include "answer_numbers.h"
#include <jansson.h>
#include <string.h>

/* The keys whose values the library reads as amounts or integers (FlexitiCore/JSON/AnswerNumbers.swift).
 * Told apart by length and first byte before any comparison: most keys of an answer are not checked. */
static int key_kind(const char *k) {
    size_t n = strlen(k);
#define IS(s) (n == sizeof(s) - 1 && memcmp(k, s, sizeof(s) - 1) == 0)
    switch (k[0]) {
    case 'a':
        return IS("amount") || IS("authorized_amount") || IS("available_credit") ? ANSWER_AMOUNT : 0;
    case 'c':
        return IS("captured_amount") || IS("credit_limit") ? ANSWER_AMOUNT : 0;
    case 'r':
        return IS("released_amount") || IS("returned_amount") || IS("refunded_amount") || IS("remaining_amount")
                       || IS("remaining_authorization_amount") || IS("remaining_capture_amount")
                   ? ANSWER_AMOUNT
                   : 0;
    case 't':
        if (IS("term_amount")) return ANSWER_AMOUNT;
        if (IS("total") || IS("total_count") || IS("total_elements") || IS("term")) return ANSWER_INTEGER;
        return IS("term_options") || IS("terms") ? ANSWER_TERMS : 0;
    case 'e':
        return IS("expires_in") ? ANSWER_INTEGER : 0;
    case 'p':
        return IS("page_size") || IS("page_number") || IS("plan_id") ? ANSWER_INTEGER : 0;
    case 's':
        return IS("security_qid") ? ANSWER_SECURITY_QUESTION : 0;
    default:
        return 0;
    }
#undef IS
}

int answer_key_kind(const char *key) { return key_kind(key); }

/* An amount that is surely readable (Money.parse): a marked number (a DEL and the token, which
 * the pre-pass checked against the grammar) of at most 14 digits, and at most 2 decimals. */
static int plain_amount(json_t *v) {
    const char *t = json_string_value(v);
    size_t i = 1, whole = 0, decimals = 0;
    if (!t || t[0] != 0x7f || t[1] == 0x7f) return 0;
    if (t[i] == '-') i++;
    while (t[i] >= '0' && t[i] <= '9') i++, whole++;
    if (t[i] == '.') {
        i++;
        while (t[i] >= '0' && t[i] <= '9') i++, decimals++;
    }
    return t[i] == 0 && whole >= 1 && whole <= 14 && decimals <= 2;
}

/* Whether `v` under a key of `kind` (amount or integer) is readable without looking at a text:
 * null, an object or array (another shape, read as absent), an integer jansson holds where an
 * integer is wanted. Anything else goes to `check`. */
static int check_value(int kind, const char *key, json_t *v, answer_check_fn check, void *ctx) {
    switch (json_typeof(v)) {
    case JSON_NULL:
    case JSON_OBJECT:
    case JSON_ARRAY:
        return 0;
    case JSON_INTEGER:
        if (kind == ANSWER_INTEGER) return 0;
        /* an amount's range is checked on its text */
        return check(ctx, kind, key, v);
    case JSON_STRING:
        if (kind == ANSWER_AMOUNT && plain_amount(v)) return 0;
        return check(ctx, kind, key, v);
    default:
        return check(ctx, kind, key, v);
    }
}

static int check_member(int kind, const char *key, json_t *v, answer_check_fn check, void *ctx) {
    switch (kind) {
    case ANSWER_SECURITY_QUESTION: {
        /* The security question's id is an integer too. */
        json_t *id = json_is_object(v) ? json_object_get(v, "id") : NULL;
        return id ? check_value(ANSWER_INTEGER, "security_qid.id", id, check, ctx) : 0;
    }
    case ANSWER_TERMS: {
        /* An offer's terms are integers. */
        size_t i, count = json_is_array(v) ? json_array_size(v) : 0;
        for (i = 0; i < count; i++) {
            json_t *item = json_array_get(v, i);
            if (item && check_value(ANSWER_INTEGER, key, item, check, ctx)) return 1;
        }
        return 0;
    }
    default:
        return check_value(kind, key, v, check, ctx);
    }
}

struct walk {
    answer_check_fn check;
    void *ctx;
    int stopped; /* check said unreadable: no more checks, the members are still counted */
    long members;
};

static void walk(json_t *j, int depth, int max_depth, struct walk *w) {
    if (!j || depth > max_depth) return;
    if (json_is_object(j)) {
        void *it;
        w->members += (long)json_object_size(j);
        for (it = json_object_iter(j); it; it = json_object_iter_next(j, it)) {
            const char *key = json_object_iter_key(it);
            json_t *v = json_object_iter_value(it);
            if (!key || !v) return;
            if (!w->stopped) {
                int kind = key_kind(key);
                if (kind && check_member(kind, key, v, w->check, w->ctx)) w->stopped = 1;
            }
            if (json_is_object(v) || json_is_array(v)) walk(v, depth + 1, max_depth, w);
        }
    } else if (json_is_array(j)) {
        size_t i, count = json_array_size(j);
        for (i = 0; i < count; i++) {
            json_t *v = json_array_get(j, i);
            if (v && (json_is_object(v) || json_is_array(v))) walk(v, depth + 1, max_depth, w);
        }
    }
}

int answer_numbers_walk(void *root, int max_depth, answer_check_fn check, void *ctx, long *members) {
    struct walk w = {check, ctx, 0, 0};
    walk(root, 0, max_depth, &w);
    if (members) *members = w.members;
    return w.stopped;
}
