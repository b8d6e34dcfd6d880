/* Peak memory one answer costs the library: a stand-in server (forked) answers a customer
 * lookup with 8 MiB of each shape below (inside a customer record, so "ok" means accepted); each case
 * runs in a fresh process, whose peak RSS (VmHWM, reset through /proc/self/clear_refs) above its
 * RSS before the call is reported, with the code the call returned. The figures are in docs/robustness.md ("Parse memory").
 *
 *   bin/parse_memory [MiB]      (default 8) against build/lib/libflexiti.so */
#define _GNU_SOURCE
#include <flexiti.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static char *body;
static size_t body_len;

/* Fills `body` with `size` bytes of the shape: '[' item ',' item ... ']' (or a realistic page). */
static void make(const char *shape, size_t size) {
    size_t n = 0;
    free(body);
    body = malloc(size + 4096);
    if (!body) exit(2);
    if (strcmp(shape, "deep") == 0) {
        /* {"a":[{"a":{"a":...{}...}},...]}: objects nested 60 deep, repeated */
        n = (size_t)sprintf(body, "{\"account_number\":\"116994755\",\"a\":[");
        while (n + 60 * 7 + 70 < size) {
            int d;
            for (d = 0; d < 60; d++) { memcpy(body + n, "{\"a\":", 5); n += 5; }
            body[n++] = '{'; body[n++] = '}';
            for (d = 0; d < 60; d++) body[n++] = '}';
            body[n++] = ',';
        }
        body[n - 1] = ']'; body[n++] = '}';
    } else if (strcmp(shape, "records") == 0) {
        /* what a large real answer looks like: a listing of authorization records */
        static const char rec[] = "{\"authorization_id\":\"1234567\",\"account_number\":\"116994755\",\"amount\":\"1200.00\","
                                  "\"remaining_amount\":\"0.00\",\"status\":\"captured\",\"reference\":\"Order-123\","
                                  "\"date\":\"2024-05-01T10:00:00Z\",\"captures\":[{\"capture_id\":\"99\",\"amount\":\"1200.00\"}]},";
        n += (size_t)sprintf(body, "{\"account_number\":\"116994755\",\"total\":1,\"authorizations\":[");
        while (n + sizeof rec + 4 < size) { memcpy(body + n, rec, sizeof rec - 1); n += sizeof rec - 1; }
        body[n - 1] = ']'; body[n++] = '}';
    } else {
        /* The *-limit shapes pad each item to just within the value budget (8 bytes a value,
         * 32 an object or array: docs/robustness.md), the costliest answers still accepted. */
        const char *item = strcmp(shape, "objects") == 0 ? "{}" : strcmp(shape, "arrays") == 0 ? "[]"
                         : strcmp(shape, "objects-limit") == 0 ? "{}                             "
                         : strcmp(shape, "strings-limit") == 0 ? "\"\"     "
                         : strcmp(shape, "numbers-limit") == 0 ? "1      " : "1";
        size_t k = strlen(item);
        n = (size_t)sprintf(body, "{\"account_number\":\"116994755\",\"a\":[");
        while (n + k + 3 < size) { memcpy(body + n, item, k); n += k; body[n++] = ','; }
        body[n - 1] = ']'; body[n++] = '}';
    }
    body_len = n;
}

static void serve(int fd) {
    char req[65536], head[256];
    for (;;) {
        int c = accept(fd, NULL, NULL);
        size_t got = 0, sent = 0;
        int hn;
        if (c < 0) continue;
        while (got < sizeof req - 1) {
            ssize_t r = read(c, req + got, sizeof req - 1 - got);
            if (r <= 0) break;
            got += (size_t)r; req[got] = 0;
            if (strstr(req, "\r\n\r\n")) break;
        }
        if (strstr(req, "/oauth/token")) {
            const char *t = "{\"access_token\":\"tok-parse-memory\",\"expires_in\":3600}";
            hn = snprintf(head, sizeof head, "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %zu\r\nconnection: close\r\n\r\n", strlen(t));
            if (write(c, head, (size_t)hn) < 0 || write(c, t, strlen(t)) < 0) {}
        } else {
            hn = snprintf(head, sizeof head, "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %zu\r\nconnection: close\r\n\r\n", body_len);
            if (write(c, head, (size_t)hn) < 0) {}
            while (sent < body_len) { ssize_t w = write(c, body + sent, body_len - sent); if (w <= 0) break; sent += (size_t)w; }
        }
        close(c);
    }
}

static long status_kb(const char *field) {
    char line[256];
    long v = -1;
    FILE *f = fopen("/proc/self/status", "r");
    if (!f) return -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, field, strlen(field)) == 0) { v = atol(line + strlen(field) + 1); break; }
    fclose(f);
    return v;
}

int main(int argc, char **argv) {
    static const char *shapes[] = {"objects", "numbers", "arrays", "deep", "records", "objects-limit", "numbers-limit",
                                   "strings-limit"};
    size_t mib = argc > 1 ? (size_t)atol(argv[1]) : 8, i;
    struct sockaddr_in addr;
    socklen_t len = sizeof addr;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    char base[128];

    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) || listen(fd, 8) || getsockname(fd, (struct sockaddr *)&addr, &len)) return 2;
    snprintf(base, sizeof base, "http://127.0.0.1:%d/flexiti/pos-api", ntohs(addr.sin_port));
    printf("%-14s %10s %8s  %-20s %14s %7s\n", "shape", "bytes", "items", "code", "peak RSS (MB)", "x size");
    fflush(stdout);
    for (i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
        pid_t one = fork();
        if (one != 0) { waitpid(one, NULL, 0); continue; }
        {
        flx_config *cfg = NULL;
        flx_session *s = NULL;
        flx_customer *c = NULL;
        flx_error *err = NULL;
        flx_code rc;
        long before, peak;
        pid_t server;
        FILE *clear;
        size_t values = 0, k;
        make(shapes[i], mib << 20);
        for (k = 0; k < body_len; k++) values += body[k] == ',' ? 1 : 0;
        server = fork();
        if (server == 0) serve(fd);
        flx_config_new(&cfg, NULL);
        flx_config_set_base_url(cfg, base, NULL);
        flx_config_set_credentials(cfg, "flexitidemo", "flexitidemo-secret", NULL);
        flx_config_set_retries(cfg, 0, 0, 0, NULL);
        flx_session_new(cfg, &s, NULL);
        flx_session_authenticate(s, NULL);
        /* The answer itself is not the library's: release our copy before measuring. */
        free(body); body = NULL;
        clear = fopen("/proc/self/clear_refs", "w");
        if (clear) { fputs("5", clear); fclose(clear); }
        before = status_kb("VmRSS:");
        rc = flx_customer_lookup(s, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994755", &c, &err);
        peak = status_kb("VmHWM:");
        printf("%-14s %10zu %8zu  %-20s %14.1f %7.1f\n", shapes[i], body_len, values + 1, flx_code_name(rc),
               (peak - before) / 1024.0, (peak - before) * 1024.0 / (double)body_len);
        fflush(stdout);
        flx_error_free(err);
        flx_customer_free(c);
        flx_session_free(s);
        flx_config_free(cfg);
        kill(server, SIGKILL);
        waitpid(server, NULL, 0);
        _exit(0);
        }
    }
    return 0;
}
