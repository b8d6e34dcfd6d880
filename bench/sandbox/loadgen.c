#define _GNU_SOURCE
/* Keep-alive HTTP/1.1 load generator for flexiti-sandbox (no dependencies).
 * Each thread opens one connection and sends requests back to back (no pipelining),
 * checking every response status and draining its Content-Length body.
 *   cc -O2 -pthread -o loadgen loadgen.c
 *   ./loadgen PORT SECONDS THREADS PATH [BEARER_TOKEN]
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int port;
static double seconds;
static const char *request;
static size_t request_len;

struct result { long ok, bad; };

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *worker(void *arg) {
    struct result *r = arg;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = inet_addr("127.0.0.1");
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) { perror("connect"); r->bad++; return NULL; }
    char buf[65536];
    double end = now() + seconds;
    while (now() < end) {
        if (write(fd, request, request_len) != (ssize_t)request_len) { r->bad++; break; }
        size_t have = 0;
        long need = -1;
        size_t header_end = 0;
        for (;;) {
            ssize_t n = read(fd, buf + have, sizeof buf - have - 1);
            if (n <= 0) { r->bad++; close(fd); return NULL; }
            have += (size_t)n;
            buf[have] = 0;
            if (need < 0) {
                char *h = strstr(buf, "\r\n\r\n");
                if (!h) continue;
                header_end = (size_t)(h - buf) + 4;
                char *cl = strcasestr(buf, "content-length:");
                need = cl ? atol(cl + 15) : 0;
            }
            if (have >= header_end + (size_t)need) break;
        }
        if (strncmp(buf, "HTTP/1.1 200", 12) == 0) r->ok++; else r->bad++;
    }
    close(fd);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 5 && argc != 6) { fprintf(stderr, "usage: %s PORT SECONDS THREADS PATH [BEARER_TOKEN]\n", argv[0]); return 2; }
    port = atoi(argv[1]);
    seconds = atof(argv[2]);
    int threads = atoi(argv[3]);
    static char req[4096];
    snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n%s%s%sx-reference-id: bench\r\n\r\n", argv[4],
             argc == 6 ? "authorization: Bearer " : "", argc == 6 ? argv[5] : "", argc == 6 ? "\r\n" : "");
    request = req;
    request_len = strlen(request);
    pthread_t t[256];
    struct result res[256] = {{0}};
    if (threads < 1 || threads > 256) return 2;
    double start = now();
    for (int i = 0; i < threads; i++) pthread_create(&t[i], NULL, worker, &res[i]);
    long ok = 0, bad = 0;
    for (int i = 0; i < threads; i++) { pthread_join(t[i], NULL); ok += res[i].ok; bad += res[i].bad; }
    double elapsed = now() - start;
    printf("requests_ok=%ld errors=%ld seconds=%.2f requests_per_second=%.0f\n", ok, bad, elapsed, ok / elapsed);
    return bad ? 1 : 0;
}
