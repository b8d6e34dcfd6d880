/* baseline: the benchmark operations written by hand against libcurl + jansson, the floor of
 * this stack (see bench_common.h for the command line). One easy handle reused for every call
 * (one kept-alive connection), options that do not change set once, the same headers as
 * libflexiti sends (authorization, x-reference-id, accept, content-type, x-idempotency-key,
 * an empty Expect), bodies written with snprintf, answers parsed with jansson and the same
 * fields read as flx_bench reads. What it leaves out, by design: input validation, error
 * mapping, retries, secret wiping, exact decimal amounts (it reads money as a double). */
#include "bench_common.h"
#include <curl/curl.h>
#include <jansson.h>
#include <math.h>

static CURL *h;
/* BASELINE_CURLU=1 in the environment: libcurl is given each URL parsed (CURLOPT_CURLU), parsed
 * again only when it changes, as libflexiti does, instead of parsing the text at every transfer.
 * docs/performance.md gives the figures both ways; run.sh measures the default. */
static CURLU *parsed_url;
static char parsed_text[600];
static char base[512];
static char auth_header[1100];
static char client_secret[] = "bench-secret-0000";
static unsigned long long connects, token_requests;

struct buf {
    char *data;
    size_t len, cap;
};
static struct buf response;

static size_t on_write(char *p, size_t size, size_t n, void *user) {
    struct buf *b = user;
    size_t add = size * n;
    if (b->len + add + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + add + 1) cap *= 2;
        char *grown = realloc(b->data, cap);
        if (!grown) return 0;
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, p, add);
    b->len += add;
    return add;
}

static int bench_setup(const char *base_url, const char *ca_file) {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK || !(h = curl_easy_init())) return -1;
    snprintf(base, sizeof base, "%s", base_url);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 60000L);
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_USERAGENT, "baseline/1");
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_write);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &response);
    if (ca_file) curl_easy_setopt(h, CURLOPT_CAINFO, ca_file);
    const char *curlu = getenv("BASELINE_CURLU");
    if (curlu && strcmp(curlu, "1") == 0) parsed_url = curl_url();
    return 0;
}

static void bench_stats(unsigned long long *connections, unsigned long long *tokens) {
    *connections = connects;
    *tokens = token_requests;
}

static void bench_teardown(void) {
    curl_easy_cleanup(h);
    curl_url_cleanup(parsed_url);
    free(response.data);
    curl_global_cleanup();
}

/* One exchange: method GET when body is NULL, else POST with content_type. Returns the parsed
 * JSON answer of a 2xx response, or NULL. */
static json_t *exchange(const char *url, const char *content_type, const char *body, size_t body_len, int idempotent_key) {
    char ref[33], key[33], ref_h[64], key_h[64], ctype_h[80];
    struct curl_slist *headers = NULL;
    bench_random_hex32(ref);
    snprintf(ref_h, sizeof ref_h, "x-reference-id: %s", ref);
    if (auth_header[0]) headers = curl_slist_append(headers, auth_header);
    headers = curl_slist_append(headers, ref_h);
    headers = curl_slist_append(headers, "accept: application/json");
    if (body) {
        snprintf(ctype_h, sizeof ctype_h, "content-type: %s", content_type);
        headers = curl_slist_append(headers, ctype_h);
        headers = curl_slist_append(headers, "Expect:");
    }
    if (idempotent_key) {
        bench_random_hex32(key);
        snprintf(key_h, sizeof key_h, "x-idempotency-key: %s", key);
        headers = curl_slist_append(headers, key_h);
    }
    if (parsed_url) {
        if (strcmp(url, parsed_text) != 0) {
            curl_url_set(parsed_url, CURLUPART_URL, url, 0);
            snprintf(parsed_text, sizeof parsed_text, "%s", url);
            curl_easy_setopt(h, CURLOPT_CURLU, parsed_url);
        }
    } else {
        curl_easy_setopt(h, CURLOPT_URL, url);
    }
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    if (body) {
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)body_len);
    } else {
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    }
    response.len = 0;
    CURLcode rc = curl_easy_perform(h);
    curl_slist_free_all(headers);
    long status = 0, n = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_getinfo(h, CURLINFO_NUM_CONNECTS, &n);
    connects += (unsigned long long)n;
    if (rc != CURLE_OK || status < 200 || status > 299) {
        fprintf(stderr, "baseline: %s: %s, HTTP %ld\n", url, curl_easy_strerror(rc), status);
        return NULL;
    }
    json_error_t error;
    json_t *root = json_loadb(response.data, response.len, 0, &error);
    if (!root) fprintf(stderr, "baseline: %s: bad JSON: %s\n", url, error.text);
    return root;
}

static int op_token(void);
/* Like every client: get a token before the first call that needs one, then keep it. */
static int ensure_token(void) { return auth_header[0] ? 0 : op_token(); }

static long long cents(json_t *v) { return llround(json_number_value(v) * 100.0); }
static volatile long long sink;

static int op_token(void) {
    char url[600], form[256];
    snprintf(url, sizeof url, "%s/v2.5/oauth/token", base);
    int n = snprintf(form, sizeof form, "grant_type=client_credentials&client_id=%s&client_secret=%s&scope=merchant",
                     "flexitidemo", client_secret);
    auth_header[0] = 0;
    token_requests++;
    json_t *root = exchange(url, "application/x-www-form-urlencoded", form, (size_t)n, 0);
    if (!root) return -1;
    const char *token = json_string_value(json_object_get(root, "access_token"));
    json_int_t expires = json_integer_value(json_object_get(root, "expires_in"));
    if (!token || expires <= 0) { json_decref(root); return -1; }
    snprintf(auth_header, sizeof auth_header, "authorization: Bearer %s", token);
    json_decref(root);
    return 0;
}

static int op_lookup(void) {
    if (ensure_token() != 0) return -1;
    char url[700];
    snprintf(url, sizeof url, "%s/v2.5/client-id/%s/customers/lookup?account_number=%s", base, "flexitidemo", "116994755");
    json_t *root = exchange(url, NULL, NULL, 0, 0);
    if (!root) return -1;
    const char *first = json_string_value(json_object_get(root, "first_name"));
    sink = (long long)(first ? strlen(first) : 0) + cents(json_object_get(root, "available_credit"));
    json_decref(root);
    return 0;
}

static int op_authorize(void) {
    if (ensure_token() != 0) return -1;
    char url[700], body[512];
    long long amount = 24999;
    snprintf(url, sizeof url, "%s/v2.5.1/client-id/%s/authorization", base, "flexitidemo");
    int n = snprintf(body, sizeof body,
                     "{\"account_number\":%s,\"reference\":\"%s\",\"amount\":%lld.%02lld,\"auto_capture\":true,"
                     "\"financing_option\":{\"transaction_type\":\"promotional_purchase\",\"plan_id\":%d,\"term\":%d},"
                     "\"verification_code\":\"%s\",\"request_id\":\"%s\"}",
                     "116994755", "Order-1234", amount / 100, amount % 100, 4, 12, "482913", "req-0001");
    json_t *root = exchange(url, "application/json", body, (size_t)n, 1);
    if (!root) return -1;
    sink = json_integer_value(json_object_get(root, "authorization_id")) + json_integer_value(json_object_get(root, "capture_id"))
         + cents(json_object_get(root, "amount"));
    json_decref(root);
    return 0;
}

static int op_captures(void) {
    if (ensure_token() != 0) return -1;
    char url[700];
    snprintf(url, sizeof url, "%s/v2.5.1/client-id/%s/captures?page_number=%d&page_size=%d", base, "flexitidemo", 1, 10);
    json_t *root = exchange(url, NULL, NULL, 0, 0);
    if (!root) return -1;
    json_t *items = json_object_get(root, "captures");
    long long total = 0;
    for (size_t i = 0; i < json_array_size(items); i++) {
        json_t *c = json_array_get(items, i);
        total += json_integer_value(json_object_get(c, "capture_id")) + cents(json_object_get(c, "amount"));
    }
    sink = total;
    json_decref(root);
    return 0;
}

const struct bench_op_entry bench_ops[] = {
    {"token", op_token},
    {"lookup", op_lookup},
    {"authorize", op_authorize},
    {"captures", op_captures},
    {NULL, NULL},
};

int main(int argc, char **argv) { return bench_main(argc, argv, "baseline-c"); }
