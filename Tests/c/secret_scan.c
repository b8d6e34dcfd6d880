/* Secrets leave no copy behind: a full in-store flow (token, lookup, security-question verify,
 * authorization with the PIN, capture, a server error that echoes the request) against a
 * stand-in server in a forked process, then every object freed, then a scan of this process's
 * own readable memory (/proc/self/mem) for the client secret, access and refresh token, PIN and
 * security answer: zero occurrences. Before the frees the same scan must find them (the scanner
 * works). The secrets never appear in plain text in this program's image: they are stored
 * XOR-ed, decoded only into buffers that are wiped, and compared XOR-ed.
 *
 * Built against the installed library (pkg-config flexiti); run by scripts/run-tests.sh.
 * Prints "ok: ..." / "FAIL: ..." lines; exit status 0 when every check held. */
#define _GNU_SOURCE
#include <flexiti.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define KEY 0x5A
static const unsigned char CLIENT_SECRET[] = {0x09,0x69,0x39,0x28,0x69,0x2e,0x77,0x00,0x0b,0x02,0x77,0x39,0x36,0x33,0x3f,0x34,0x2e,0x77,0x62,0x62,0x6b,0x68};
static const unsigned char ACCESS_TOKEN[] = {0x0e,0x11,0x14,0x77,0x6d,0x3c,0x69,0x3b,0x63,0x39,0x6b,0x3f,0x6f,0x38,0x68,0x3e,0x6e,0x3c,0x6c,0x3b,0x62,0x39,0x6a,0x3f,0x6f,0x3e,0x6d,0x38,0x63,0x3b,0x6b,0x39,0x69,0x3f,0x6f,0x3c};
static const unsigned char REFRESH_TOKEN[] = {0x08,0x1c,0x08,0x77,0x6a,0x39,0x63,0x38,0x62,0x3b,0x6d,0x3c,0x6c,0x3f,0x6f,0x3e,0x6e,0x39,0x69,0x38,0x68,0x3b,0x6b,0x63,0x3c,0x62,0x3f,0x6d,0x3e,0x6c,0x39,0x6f,0x38,0x6e,0x3b,0x69};
static const unsigned char PIN[] = {0x6d,0x69,0x63,0x6b,0x62,0x6e,0x6c,0x68};
static const unsigned char SECURITY_ANSWER[] = {0x32,0x3f,0x28,0x35,0x34,0x77,0x0b,0x00,0x6e,0x6b,0x77,0x38,0x36,0x2f,0x3f};

struct secret { const char *name; const unsigned char *enc; size_t len; };
static const struct secret secrets[] = {
    {"client secret", CLIENT_SECRET, sizeof CLIENT_SECRET},
    {"access token", ACCESS_TOKEN, sizeof ACCESS_TOKEN},
    {"refresh token", REFRESH_TOKEN, sizeof REFRESH_TOKEN},
    {"PIN", PIN, sizeof PIN},
    {"security answer", SECURITY_ANSWER, sizeof SECURITY_ANSWER},
};
#define NSECRETS (sizeof secrets / sizeof secrets[0])

static int failures;
static void check(int ok, const char *what) {
    printf("%s: %s\n", ok ? "ok" : "FAIL", what);
    if (!ok) failures++;
}

/* A decoded copy in a fresh buffer (wipe() it after use). */
static char *reveal(const unsigned char *enc, size_t n) {
    char *s = malloc(n + 1);
    size_t i;
    if (!s) exit(2);
    for (i = 0; i < n; i++) s[i] = (char)(enc[i] ^ KEY);
    s[n] = 0;
    return s;
}
static void wipe(char *s) { if (s) { explicit_bzero(s, strlen(s)); free(s); } }

/* ---- the stand-in server (a forked process: its memory is not scanned) ---- */

static void answer(int c, int status, const char *body) {
    char head[256];
    int n = snprintf(head, sizeof head, "HTTP/1.1 %d X\r\ncontent-type: application/json\r\ncontent-length: %zu\r\n"
                     "connection: close\r\n\r\n", status, strlen(body));
    if (write(c, head, (size_t)n) < 0 || write(c, body, strlen(body)) < 0) _exit(3);
}

static void serve(int fd) {
    static char req[65536], body[70000];
    char *token = reveal(ACCESS_TOKEN, sizeof ACCESS_TOKEN), *refresh = reveal(REFRESH_TOKEN, sizeof REFRESH_TOKEN);
    char *pin = reveal(PIN, sizeof PIN);
    int verifies = 0;
    for (;;) {
        size_t got = 0, need = 0;
        char *end = NULL;
        int c = accept(fd, NULL, NULL);
        if (c < 0) continue;
        for (;;) {
            ssize_t n = read(c, req + got, sizeof req - 1 - got);
            if (n <= 0) break;
            got += (size_t)n;
            req[got] = 0;
            if (!end && (end = strstr(req, "\r\n\r\n")) != NULL) {
                char *cl = strcasestr(req, "content-length:");
                need = (size_t)(end + 4 - req) + (cl && cl < end ? strtoul(cl + 15, NULL, 10) : 0);
            }
            if (end && got >= need) break;
        }
        if (strstr(req, "/oauth/token")) {
            snprintf(body, sizeof body, "{\"token_type\":\"bearer\",\"access_token\":\"%s\",\"refresh_token\":\"%s\",\"expires_in\":3600}",
                     token, refresh);
            answer(c, 200, body);
        } else if (strstr(req, "/customers/lookup")) {
            answer(c, 200, "{\"customer_id\":\"123\",\"account_number\":\"116994755\",\"credit_limit\":\"1000.00\","
                           "\"available_credit\":\"900.00\",\"security_qid\":{\"id\":4,\"text\":\"Pet?\"}}");
        } else if (strstr(req, "/verify") && verifies++ == 0) {
            snprintf(body, sizeof body, "{\"verification_code\":\"%s\"}", pin);
            answer(c, 200, body);
        } else if (strstr(req, "/verify")) {
            /* A server that echoes the whole request (headers with the token, body with the answer). */
            size_t i, o = 0;
            o += (size_t)snprintf(body, sizeof body, "{\"error\":\"wrong_inputs\",\"message\":\"");
            for (i = 0; i < got && o < sizeof body - 200; i++)
                if (req[i] >= 0x20 && req[i] != '"' && req[i] != '\\') body[o++] = req[i];
            snprintf(body + o, sizeof body - o, "\",\"field_errors\":[{\"param\":\"securityAnswer\",\"msg\":\"m\",\"value\":\"v\",\"type\":\"invalid\"}]}");
            answer(c, 422, body);
        } else if (strstr(req, "/capture")) {
            answer(c, 200, "{\"capture_id\":\"55\",\"authorization_id\":\"1234\",\"amount\":\"100.00\",\"status\":\"captured\"}");
        } else if (strstr(req, "/authorization")) {
            answer(c, 200, "{\"authorization_id\":\"1234\",\"amount\":\"100.00\",\"remaining_amount\":\"100.00\",\"status\":\"authorized\"}");
        } else {
            answer(c, 404, "{\"error\":\"not_found\",\"message\":\"no such path\"}");
        }
        close(c);
    }
}

/* ---- the scan ---- */

#define CHUNK (1 << 20)
static unsigned char *scan_buffer;

static size_t count_in(const unsigned char *p, size_t n, const struct secret *s) {
    size_t i, j, found = 0;
    if (n < s->len) return 0;
    for (i = 0; i + s->len <= n; i++) {
        if ((unsigned char)(p[i] ^ KEY) != s->enc[0]) continue;
        for (j = 1; j < s->len && (unsigned char)(p[i + j] ^ KEY) == s->enc[j]; j++) {}
        if (j == s->len) found++;
    }
    return found;
}

/* Occurrences of each secret in every readable mapping of this process. */
static void scan(size_t counts[NSECRETS]) {
    FILE *maps = fopen("/proc/self/maps", "r");
    int mem = open("/proc/self/mem", O_RDONLY);
    char line[512];
    size_t k, overlap = 64;
    memset(counts, 0, NSECRETS * sizeof counts[0]);
    if (!maps || mem < 0) { check(0, "open /proc/self/maps and /proc/self/mem"); exit(1); }
    while (fgets(line, sizeof line, maps)) {
        unsigned long lo, hi, at;
        char perms[8] = "";
        if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) != 3 || perms[0] != 'r') continue;
        if (strstr(line, "[vvar]") || strstr(line, "[vsyscall]")) continue;
        if (lo == (unsigned long)scan_buffer) continue; /* the scanner's own buffer */
        for (at = lo; at < hi; at += CHUNK - overlap) {
            size_t want = hi - at < CHUNK ? hi - at : CHUNK;
            ssize_t n = pread(mem, scan_buffer, want, (off_t)at);
            if (n <= 0) break;
            for (k = 0; k < NSECRETS; k++) counts[k] += count_in(scan_buffer, (size_t)n, &secrets[k]);
            if ((size_t)n < CHUNK) break;
        }
    }
    fclose(maps);
    close(mem);
    explicit_bzero(scan_buffer, CHUNK);
}

/* A step of the flow: silent when it works, a failure (and the end) when it does not. */
static void flow_step(flx_code rc, flx_error *err, const char *what) {
    char msg[512];
    if (rc == FLX_OK) return;
    snprintf(msg, sizeof msg, "flow step %s (%s%s%s)", what, flx_code_name(rc), err ? ": " : "", err ? flx_error_message(err) : "");
    check(0, msg);
    exit(1);
}

int main(void) {
    struct sockaddr_in addr;
    socklen_t len = sizeof addr;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    pid_t server;
    char base[128], what[160];
    char *client_secret, *answer_text;
    flx_config *cfg = NULL;
    flx_session *session = NULL;
    flx_customer *customer = NULL;
    flx_verify_request *verify_req = NULL;
    flx_verification *verification = NULL;
    flx_request *auth_req = NULL, *cap_req = NULL;
    flx_authorization *auth = NULL;
    flx_capture *capture = NULL;
    flx_error *err = NULL, *echoed = NULL;
    flx_verification *unused = NULL;
    size_t before[NSECRETS], after[NSECRETS], k;
    flx_code rc;

    scan_buffer = mmap(NULL, CHUNK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (scan_buffer == MAP_FAILED) return 2;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(fd, 16) != 0 ||
        getsockname(fd, (struct sockaddr *)&addr, &len) != 0) return 2;
    server = fork();
    if (server == 0) serve(fd);
    close(fd);
    snprintf(base, sizeof base, "http://127.0.0.1:%d/flexiti/pos-api", ntohs(addr.sin_port));

    /* The flow, as a POS runs it. */
    client_secret = reveal(CLIENT_SECRET, sizeof CLIENT_SECRET);
    flow_step(flx_config_new(&cfg, &err), err, "config");
    flow_step(flx_config_set_base_url(cfg, base, &err), err, "base url");
    flow_step(flx_config_set_credentials(cfg, "flexitidemo", client_secret, &err), err, "credentials");
    wipe(client_secret);
    flow_step(flx_session_new(cfg, &session, &err), err, "session");
    flow_step(flx_customer_lookup(session, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994755", &customer, &err), err, "lookup");
    answer_text = reveal(SECURITY_ANSWER, sizeof SECURITY_ANSWER);
    flow_step(flx_verify_request_new(&verify_req, &err), err, "verify request");
    flow_step(flx_verify_request_set_security_answer(verify_req, flx_customer_security_question_id(customer), answer_text,
                                                     &err), err, "security answer");
    flow_step(flx_customer_verify(session, "116994755", FLX_VERIFY_SECURITY_QUESTION, verify_req, &verification, &err),
              err, "verify (security question)");
    flow_step(flx_request_new(FLX_REQUEST_AUTHORIZATION, &auth_req, &err), err, "authorization request");
    flow_step(flx_request_set_account_number(auth_req, "116994755", &err), err, "account number");
    flow_step(flx_request_set_amount_cents(auth_req, 10000, &err), err, "amount");
    flow_step(flx_request_set_financing(auth_req, FLX_PURCHASE_PROMOTIONAL, 4, 12, &err), err, "financing");
    flow_step(flx_request_set_reference(auth_req, "Order-1", &err), err, "reference");
    flow_step(flx_request_set_auto_capture(auth_req, 0, &err), err, "auto capture");
    flow_step(flx_request_set_verification_code(auth_req, flx_verification_code(verification), &err), err, "PIN");
    flow_step(flx_request_set_request_id(auth_req, flx_verification_request_id(verification), &err), err, "request id");
    flow_step(flx_request_set_external_location_id(auth_req, "00-12345", &err), err, "location");
    flow_step(flx_request_set_external_employee_id(auth_req, "12345-SMITH", &err), err, "employee");
    flow_step(flx_authorization_create(session, auth_req, &auth, &err), err, "authorization");
    flow_step(flx_request_new(FLX_REQUEST_CAPTURE, &cap_req, &err), err, "capture request");
    flow_step(flx_request_set_amount_cents(cap_req, 10000, &err), err, "capture amount");
    flow_step(flx_authorization_capture(session, auth, cap_req, &capture, &err), err, "capture");
    /* A server that echoes the request into its error: the error object holds no secret. */
    rc = flx_customer_verify(session, "116994755", FLX_VERIFY_SECURITY_QUESTION, verify_req, &unused, &echoed);
    check(rc == FLX_E_WRONG_INPUTS, "the whole flow ran, and the echoing server's error arrived");
    wipe(answer_text);

    /* The scanner finds what is alive (the session's token and secret, the PIN in its objects). */
    scan(before);
    check(before[0] > 0 && before[1] > 0 && before[3] > 0, "the scan finds the secrets while their objects live");

    flx_error_free(echoed);
    flx_verification_free(unused);
    flx_capture_free(capture);
    flx_authorization_free(auth);
    flx_request_free(cap_req);
    flx_request_free(auth_req);
    flx_verification_free(verification);
    flx_verify_request_free(verify_req);
    flx_customer_free(customer);
    flx_session_free(session);
    flx_config_free(cfg);

    scan(after);
    for (k = 0; k < NSECRETS; k++) {
        snprintf(what, sizeof what, "no copy of the %s in memory after the frees (%zu found before, %zu after)",
                 secrets[k].name, before[k], after[k]);
        check(after[k] == 0, what);
    }
    kill(server, SIGKILL);
    waitpid(server, NULL, 0);
    return failures ? 1 : 0;
}
