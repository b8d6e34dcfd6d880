/* fixed_server: a minimal HTTP/1.1 keep-alive server with fixed Flexiti-shaped answers, so that
 * a benchmark measures the client and never the server.
 *
 *   fixed_server [--port N] [--lifetime SECONDS]
 *
 * Listens on 127.0.0.1 only (port 0, the default, picks a free one), prints
 * "listening PORT" on stdout once ready, and exits on SIGTERM/SIGINT or after --lifetime
 * seconds (default 3600), so it never outlives a benchmark run. One thread, epoll, non-blocking
 * sockets; bounded: at most MAX_CONNS connections, MAX_REQUEST bytes per request.
 *
 * Routes (matched on the end of the path, any version prefix, query ignored):
 *   POST .../oauth/token                       token answer (Flexiti's API reference)
 *   GET  .../customers/lookup                  one customer (as flexiti-sandbox answers)
 *   POST .../authorization                     authorization with auto_capture
 *   GET  .../captures                          one page of 10 captures
 *   GET  /__stats                              "accepts=N requests=N token=N": connections that
 *                                              carried API requests, API requests, token requests
 *   POST /__reset                              sets the counters to 0
 * anything else is 404 {"error":"not_found"}. The request body is read (Content-Length) and
 * ignored. Requests may be pipelined; "Connection: close" is honoured. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_CONNS 256
#define MAX_REQUEST (64 * 1024)
#define MAX_EVENTS 64

static const char TOKEN_JSON[] =
    "{\"token_type\":\"bearer\",\"access_token\":\"4f1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d5\","
    "\"expires_in\":1200,\"refresh_token\":\"0a1b2c3d4e5f60718293a4b5c6d7e8f901234567\",\"scope\":\"merchant\"}";

static const char LOOKUP_JSON[] =
    "{\"available_credit\":4750.01,\"credit_limit\":5000.00,\"account_number\":116994755,"
    "\"customer_id\":\"123321\",\"security_qid\":{\"id\":7,\"text\":\"What is the name of the street you grew up on?\"},"
    "\"email\":\"flexiti.mitester@example.com\",\"phone_number\":\"4165550123\","
    "\"address_1\":\"100 King Street West\",\"address_2\":\"Suite 1600\",\"city\":\"Toronto\","
    "\"postal_code\":\"M5X1A9\",\"province\":\"ON\",\"payment_protection\":false,\"risk_rating\":\"L\","
    "\"offer_types\":[{\"plan_name\":\"12 Months Equal Payments\",\"plan_id\":4,\"offer_category\":\"equal_billing\","
    "\"term_options\":[6,12]},{\"plan_name\":\"Deferred Payment No Interest\",\"plan_id\":7,"
    "\"offer_category\":\"deferred\",\"term_options\":[12]}],\"card_ending_in\":\"7982\","
    "\"preferred_language\":\"en-CA\",\"account_type\":\"consumer\",\"customer_account_type\":\"consumer\","
    "\"account_status\":\"N\",\"account_status_reason_code\":\"NNOR\",\"first_name\":\"Flexiti\","
    "\"last_name\":\"MITester\",\"tos_agreement\":true}";

static const char AUTHORIZATION_JSON[] =
    "{\"authorization_id\":1000000000000042,\"account_number\":116994755,\"reference\":\"Order-1234\","
    "\"amount\":249.99,\"remaining_amount\":0.00,\"authorization_status\":\"closed\","
    "\"financing_option\":{\"transaction_type\":\"promotional_purchase\",\"plan_id\":4,\"term\":12},"
    "\"term_amount\":20.84,\"annual_rates\":{\"description\":\"Annual Percentage Rate\",\"rate\":0.0000,"
    "\"type\":\"apr\",\"message\":\"Annual interest rate of 0.00%.\"},"
    "\"fees\":[{\"description\":\"Administrative fees:\",\"amount\":0.00,\"type\":\"admin_total\"}],"
    "\"capture_id\":100000042,\"available_credit\":4500.02,\"date\":\"2026-11-25T12:00:00Z\","
    "\"message\":\"Purchase approved and captured.\"}";

#define CAPTURE(id, ref, amt)                                                                       \
    "{\"capture_id\":" id ",\"authorization_id\":10000000000000" id ",\"reference\":\"" ref "\","     \
    "\"date\":\"2026-11-25T12:00:00Z\",\"amount\":" amt ",\"remaining_capture_amount\":" amt ","      \
    "\"transaction_type\":\"promotional_purchase\",\"returns\":[]}"
static const char CAPTURES_JSON[] =
    "{\"page_number\":1,\"page_size\":10,\"total\":42,\"captures\":["
    CAPTURE("42", "Order-1042", "249.99") "," CAPTURE("41", "Order-1041", "19.95") ","
    CAPTURE("40", "Order-1040", "1000.12") "," CAPTURE("39", "Order-1039", "75.00") ","
    CAPTURE("38", "Order-1038", "310.40") "," CAPTURE("37", "Order-1037", "5.99") ","
    CAPTURE("36", "Order-1036", "1499.00") "," CAPTURE("35", "Order-1035", "88.88") ","
    CAPTURE("34", "Order-1034", "120.00") "," CAPTURE("33", "Order-1033", "42.42") "]}";

static const char NOT_FOUND_JSON[] = "{\"error\":\"not_found\",\"message\":\"no such route in fixed_server\"}";

struct conn {
    int fd;
    size_t in_len;
    char in[MAX_REQUEST];
    char *out;      /* pending response bytes (malloc'd), NULL when none */
    size_t out_len, out_off;
    int close_after;
    int counted;    /* carried an API request (admin-only connections are not counted) */
};

static unsigned long long n_accepts, n_requests, n_token;
static volatile sig_atomic_t stop_flag;

static void on_signal(int sig) { (void)sig; stop_flag = 1; }

static int ends_with(const char *s, size_t n, const char *suffix) {
    size_t m = strlen(suffix);
    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

/* Appends a full response to c->out. */
static int queue_response(struct conn *c, int status, const char *ctype, const char *body, size_t body_len) {
    char head[256];
    const char *reason = status == 200 ? "OK" : "Not Found";
    int h = snprintf(head, sizeof head,
                     "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n%s\r\n", status, reason,
                     ctype, body_len, c->close_after ? "Connection: close\r\n" : "");
    size_t add = (size_t)h + body_len;
    char *grown = realloc(c->out, c->out_len + add);
    if (!grown) return -1;
    c->out = grown;
    memcpy(c->out + c->out_len, head, (size_t)h);
    memcpy(c->out + c->out_len + (size_t)h, body, body_len);
    c->out_len += add;
    return 0;
}

static int route(struct conn *c, const char *method, const char *target, size_t target_len) {
    const char *q = memchr(target, '?', target_len);
    size_t path_len = q ? (size_t)(q - target) : target_len;
    int get = strcmp(method, "GET") == 0, post = strcmp(method, "POST") == 0;
    const char *json = NOT_FOUND_JSON;
    size_t json_len = sizeof NOT_FOUND_JSON - 1;
    int status = 404;
    char stats[160];

    if (get && path_len == 8 && memcmp(target, "/__stats", 8) == 0) {
        int n = snprintf(stats, sizeof stats, "accepts=%llu requests=%llu token=%llu\n", n_accepts, n_requests, n_token);
        return queue_response(c, 200, "text/plain", stats, (size_t)n);
    }
    if (post && path_len == 8 && memcmp(target, "/__reset", 8) == 0) {
        n_accepts = n_requests = n_token = 0;
        return queue_response(c, 200, "text/plain", "ok\n", 3);
    }
    n_requests++;
    if (!c->counted) { c->counted = 1; n_accepts++; }
    if (post && ends_with(target, path_len, "/oauth/token")) {
        n_token++;
        json = TOKEN_JSON, json_len = sizeof TOKEN_JSON - 1, status = 200;
    } else if (get && ends_with(target, path_len, "/customers/lookup")) {
        json = LOOKUP_JSON, json_len = sizeof LOOKUP_JSON - 1, status = 200;
    } else if (post && ends_with(target, path_len, "/authorization")) {
        json = AUTHORIZATION_JSON, json_len = sizeof AUTHORIZATION_JSON - 1, status = 200;
    } else if (get && ends_with(target, path_len, "/captures")) {
        json = CAPTURES_JSON, json_len = sizeof CAPTURES_JSON - 1, status = 200;
    }
    return queue_response(c, status, "application/json", json, json_len);
}

/* Handles every complete request in c->in. Returns -1 to drop the connection. */
static int process(struct conn *c) {
    for (;;) {
        char *end = memmem(c->in, c->in_len, "\r\n\r\n", 4);
        if (!end) return c->in_len >= sizeof c->in ? -1 : 0;
        size_t head_len = (size_t)(end - c->in) + 4;
        size_t body_len = 0;
        char method[8] = {0};
        char *sp1 = memchr(c->in, ' ', head_len);
        if (!sp1 || sp1 - c->in >= (long)sizeof method) return -1;
        memcpy(method, c->in, (size_t)(sp1 - c->in));
        char *target = sp1 + 1;
        char *sp2 = memchr(target, ' ', head_len - (size_t)(target - c->in));
        if (!sp2) return -1;

        /* Headers: Content-Length and Connection. */
        for (char *line = memchr(c->in, '\n', head_len); line && line < end; line = memchr(line, '\n', (size_t)(end - line))) {
            line++;
            if (strncasecmp(line, "content-length:", 15) == 0) body_len = strtoul(line + 15, NULL, 10);
            else if (strncasecmp(line, "connection:", 11) == 0) {
                const char *v = line + 11;
                while (*v == ' ') v++;
                if (strncasecmp(v, "close", 5) == 0) c->close_after = 1;
            }
        }
        if (body_len > sizeof c->in - head_len) return -1;
        if (c->in_len < head_len + body_len) return 0; /* body not complete yet */
        if (route(c, method, target, (size_t)(sp2 - target)) != 0) return -1;
        size_t used = head_len + body_len;
        memmove(c->in, c->in + used, c->in_len - used);
        c->in_len -= used;
        if (c->close_after) { c->in_len = 0; return 0; }
    }
}

/* Writes what it can. Returns 1 when everything is written, 0 when it would block, -1 on error. */
static int flush_out(struct conn *c) {
    while (c->out_off < c->out_len) {
        ssize_t n = send(c->fd, c->out + c->out_off, c->out_len - c->out_off, MSG_NOSIGNAL);
        if (n < 0) return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -1;
        c->out_off += (size_t)n;
    }
    free(c->out);
    c->out = NULL;
    c->out_len = c->out_off = 0;
    return 1;
}

static void drop(int ep, struct conn *c) {
    epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
    close(c->fd);
    free(c->out);
    free(c);
}

int main(int argc, char **argv) {
    int port = 0, lifetime = 3600, open_conns = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--port") == 0) port = atoi(argv[i + 1]);
        else if (strcmp(argv[i], "--lifetime") == 0) lifetime = atoi(argv[i + 1]);
        else { fprintf(stderr, "usage: %s [--port N] [--lifetime SECONDS]\n", argv[0]); return 2; }
    }
    struct sigaction sa = {0};
    sa.sa_handler = on_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGALRM, &sa, NULL);
    alarm((unsigned)lifetime);

    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t alen = sizeof addr;
    if (lfd < 0 || bind(lfd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(lfd, 128) != 0 ||
        getsockname(lfd, (struct sockaddr *)&addr, &alen) != 0) {
        perror("fixed_server: listen");
        return 1;
    }
    int ep = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = NULL};
    epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev);
    printf("listening %d\n", ntohs(addr.sin_port));
    fflush(stdout);

    struct epoll_event events[MAX_EVENTS];
    while (!stop_flag) {
        int n = epoll_wait(ep, events, MAX_EVENTS, 1000);
        if (n < 0) { if (errno == EINTR) continue; perror("epoll_wait"); break; }
        for (int i = 0; i < n; i++) {
            struct conn *c = events[i].data.ptr;
            if (!c) { /* listener */
                for (;;) {
                    int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
                    if (fd < 0) break;
                    if (open_conns >= MAX_CONNS) { close(fd); continue; }
                    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    struct conn *nc = calloc(1, sizeof *nc);
                    if (!nc) { close(fd); continue; }
                    nc->fd = fd;
                    struct epoll_event cev = {.events = EPOLLIN | EPOLLRDHUP, .data.ptr = nc};
                    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &cev);
                    open_conns++;
                }
                continue;
            }
            int dead = (events[i].events & (EPOLLERR | EPOLLHUP)) != 0;
            if (!dead && (events[i].events & (EPOLLIN | EPOLLRDHUP))) {
                for (;;) {
                    ssize_t r = recv(c->fd, c->in + c->in_len, sizeof c->in - c->in_len, 0);
                    if (r > 0) { c->in_len += (size_t)r; if (c->in_len == sizeof c->in) break; continue; }
                    if (r == 0) dead = c->out_len == 0;  /* peer closed; finish writing first */
                    else if (errno != EAGAIN && errno != EWOULDBLOCK) dead = 1;
                    break;
                }
                if (!dead && process(c) != 0) dead = 1;
            }
            if (!dead && c->out) {
                int f = flush_out(c);
                if (f < 0) dead = 1;
                else if (f == 1 && c->close_after) dead = 1;
                struct epoll_event cev = {.events = (f == 0 ? EPOLLOUT : EPOLLIN) | EPOLLRDHUP, .data.ptr = c};
                if (!dead) epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &cev);
            }
            if (dead) { drop(ep, c); open_conns--; }
        }
    }
    close(lfd);
    close(ep);
    return 0;
}
