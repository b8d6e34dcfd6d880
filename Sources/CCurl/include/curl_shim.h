// libcurl for the transport (HTTP/CurlTransport.swift), loaded at the first session instead of
// linked. A process that loads the library pays nothing for libcurl until it makes a session,
// and libcurl's own dependencies (OpenSSL, nghttp2, ...) resolve their symbols in libcurl's
// scope, as in a program that dlopen()s libcurl, instead of also searching the library and every
// library it needs (measured: about 2M instructions of symbol lookups at load).
// curl/curl.h is used for its types and constants only; the functions are reached through the
// table flxcurl_load fills in, and through the wrappers below (Swift cannot call variadic C).
#ifndef FLX_CCURL_SHIM_H
#define FLX_CCURL_SHIM_H
#include <curl/curl.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

/// The name loaded when the library does not already have a libcurl among its dependencies
/// (Debian's libcurl4, RHEL's libcurl).
#define FLXCURL_SONAME "libcurl.so.4"

/// The libcurl functions the transport calls, nothing more. All NULL until flxcurl_load
/// succeeds, then all set, for the life of the process.
struct flxcurl_api {
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *h);
    CURLcode (*easy_setopt)(CURL *h, CURLoption option, ...);
    CURLcode (*easy_getinfo)(CURL *h, CURLINFO info, ...);
    CURLcode (*easy_perform)(CURL *h);
    const char *(*easy_strerror)(CURLcode code);
    CURLcode (*global_init_mem)(long flags, curl_malloc_callback m, curl_free_callback f, curl_realloc_callback r,
                                curl_strdup_callback s, curl_calloc_callback c);
    CURLSH *(*share_init)(void);
    CURLSHcode (*share_cleanup)(CURLSH *s);
    CURLSHcode (*share_setopt)(CURLSH *s, CURLSHoption option, ...);
    curl_version_info_data *(*version_info)(CURLversion age);
    /* The URL API (libcurl 7.63 and later; all three NULL with an older libcurl, which then
     * parses CURLOPT_URL as before): a URL parsed once and handed over with CURLOPT_CURLU. */
    CURLU *(*url)(void);
    void (*url_cleanup)(CURLU *h);
    CURLUcode (*url_set)(CURLU *h, CURLUPart part, const char *content, unsigned int flags);
};
extern struct flxcurl_api flxcurl_functions;

/// Finds libcurl and fills in flxcurl_functions: the libcurl among the library's own
/// dependencies if it has one (a build linked with libcurl, such as the Python wheel, which
/// carries its own), else dlopen(FLXCURL_SONAME). Returns 0, or -1 with a message in `error`
/// (not found, or a function missing). Not thread-safe: the caller loads once, under a lock
/// (CurlGlobal); later calls return 0 at once.
int flxcurl_load(char *error, size_t error_size);

// Every wrapper answers "failed" rather than calling through a NULL pointer, although no
// transport exists before a successful load.
static inline CURL *cshim_easy_init(void) { return flxcurl_functions.easy_init ? flxcurl_functions.easy_init() : NULL; }
static inline void cshim_easy_cleanup(CURL *h) { if (flxcurl_functions.easy_cleanup) flxcurl_functions.easy_cleanup(h); }
static inline CURLcode cshim_easy_perform(CURL *h) {
    return flxcurl_functions.easy_perform ? flxcurl_functions.easy_perform(h) : CURLE_FAILED_INIT;
}
static inline const char *cshim_easy_strerror(CURLcode rc) {
    return flxcurl_functions.easy_strerror ? flxcurl_functions.easy_strerror(rc) : "libcurl is not loaded";
}
static inline CURLcode cshim_global_init_mem(long flags, curl_malloc_callback m, curl_free_callback f, curl_realloc_callback r,
                                             curl_strdup_callback s, curl_calloc_callback c) {
    return flxcurl_functions.global_init_mem ? flxcurl_functions.global_init_mem(flags, m, f, r, s, c) : CURLE_FAILED_INIT;
}
static inline CURLSH *cshim_share_init(void) { return flxcurl_functions.share_init ? flxcurl_functions.share_init() : NULL; }
static inline void cshim_share_cleanup(CURLSH *s) { if (flxcurl_functions.share_cleanup) (void)flxcurl_functions.share_cleanup(s); }

// A parsed URL for CURLOPT_CURLU; NULL when libcurl has no URL API (or out of memory).
static inline CURLU *cshim_url_new(void) { return flxcurl_functions.url ? flxcurl_functions.url() : NULL; }
static inline void cshim_url_cleanup(CURLU *h) { if (h && flxcurl_functions.url_cleanup) flxcurl_functions.url_cleanup(h); }
// Parses `url` into h with the flags libcurl itself uses for CURLOPT_URL (url.c,
// parseurlandfillconn; the library sets neither CURLOPT_DISALLOW_USERNAME_IN_URL nor
// CURLOPT_PATH_AS_IS), so a transfer reads the same parts either way. Returns 1 when parsed.
static inline int cshim_url_parse(CURLU *h, const char *url) {
    return flxcurl_functions.url_set
        && flxcurl_functions.url_set(h, CURLUPART_URL, url, CURLU_GUESS_SCHEME | CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK;
}

#define FLXCURL_SETOPT(h, o, v) (flxcurl_functions.easy_setopt ? flxcurl_functions.easy_setopt(h, o, v) : CURLE_FAILED_INIT)
#define FLXCURL_GETINFO(h, i, v) (flxcurl_functions.easy_getinfo ? flxcurl_functions.easy_getinfo(h, i, v) : CURLE_FAILED_INIT)
static inline CURLcode cshim_setopt_long(CURL *h, CURLoption o, long v) { return FLXCURL_SETOPT(h, o, v); }
static inline CURLcode cshim_setopt_ptr(CURL *h, CURLoption o, const void *v) { return FLXCURL_SETOPT(h, o, v); }
static inline CURLcode cshim_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return FLXCURL_SETOPT(h, o, v); }
static inline CURLcode cshim_setopt_write(CURL *h, size_t (*fn)(char *, size_t, size_t, void *)) {
    return FLXCURL_SETOPT(h, CURLOPT_WRITEFUNCTION, fn);
}
static inline CURLcode cshim_getinfo_long(CURL *h, CURLINFO i, long *out) { return FLXCURL_GETINFO(h, i, out); }
static inline CURLcode cshim_getinfo_off(CURL *h, CURLINFO i, curl_off_t *out) { return FLXCURL_GETINFO(h, i, out); }
static inline CURLcode cshim_getinfo_socket(CURL *h, CURLINFO i, curl_socket_t *out) { return FLXCURL_GETINFO(h, i, out); }
static inline curl_version_info_data *cshim_version_info(void) {
    return flxcurl_functions.version_info ? flxcurl_functions.version_info(CURLVERSION_NOW) : NULL;
}
static inline CURLSHcode cshim_share_setopt_long(CURLSH *s, CURLSHoption o, long v) {
    return flxcurl_functions.share_setopt ? flxcurl_functions.share_setopt(s, o, v) : CURLSHE_NOT_BUILT_IN;
}

// Counts the requests that leave, libcurl's own re-sends included (it sends a request again by
// itself, on a new connection, when a reused one died before any answer).
//
// libcurl >= 7.80: the pre-request callback, called once per request right before it is sent,
// on a connection made or reused. A request counted here may not have left (the first write
// failed): the count errs on the side of "may have been sent", never the other way.
// Older libcurl: the debug callback, which shows each request's header block once it is written
// (CURLINFO_HEADER_OUT, starting with the request line). It needs CURLOPT_VERBOSE, which makes
// libcurl format its informational text for every transfer (nothing is printed): about 6k
// instructions per call over HTTP, 9k over HTTPS. Only the first bytes are looked at.
#if LIBCURL_VERSION_NUM < 0x075000
#define CURLOPT_PREREQFUNCTION ((CURLoption)(CURLOPTTYPE_FUNCTIONPOINT + 312))
#define CURLOPT_PREREQDATA ((CURLoption)(CURLOPTTYPE_OBJECTPOINT + 313))
#define CURL_PREREQFUNC_OK 0
#endif
static inline int cshim_count_prereq(void *counter, char *primary_ip, char *local_ip, int primary_port, int local_port) {
    (void)primary_ip; (void)local_ip; (void)primary_port; (void)local_port;
    if (counter) ++*(long *)counter;
    return CURL_PREREQFUNC_OK;
}
static inline int cshim_count_requests(CURL *h, curl_infotype type, char *data, size_t size, void *counter) {
    (void)h;
    if (type == CURLINFO_HEADER_OUT && counter && data
        && ((size >= 4 && memcmp(data, "GET ", 4) == 0) || (size >= 5 && memcmp(data, "POST ", 5) == 0)))
        ++*(long *)counter;
    return 0;
}
// How requests are counted on a handle (cshim_count_requests_into).
enum cshim_counting { CSHIM_COUNT_FAILED = 0, CSHIM_COUNT_PREREQ = 1, CSHIM_COUNT_DEBUG = 2 };
// Sets up the counting on a new handle: the pre-request callback unless `debug_only` or libcurl
// refuses it (CURLE_UNKNOWN_OPTION before 7.80), else the debug callback.
static inline enum cshim_counting cshim_count_requests_into(CURL *h, long *counter, int debug_only) {
    CURLcode rc;
    if (!debug_only) {
        // The data first: the callback is never set without its counter.
        if (FLXCURL_SETOPT(h, CURLOPT_PREREQDATA, (void *)counter) == CURLE_OK
            && FLXCURL_SETOPT(h, CURLOPT_PREREQFUNCTION, cshim_count_prereq) == CURLE_OK)
            return CSHIM_COUNT_PREREQ;
    }
    rc = FLXCURL_SETOPT(h, CURLOPT_DEBUGFUNCTION, cshim_count_requests);
    if (rc == CURLE_OK) rc = FLXCURL_SETOPT(h, CURLOPT_DEBUGDATA, (void *)counter);
    if (rc == CURLE_OK) rc = FLXCURL_SETOPT(h, CURLOPT_VERBOSE, 1L);  // the debug callback needs it; nothing is printed
    return rc == CURLE_OK ? CSHIM_COUNT_DEBUG : CSHIM_COUNT_FAILED;
}
// Learns whether libcurl closed one socket during a transfer (CurlTransport: the kept-alive
// connection's, known from the transfer before). libcurl calls the close callback for every
// socket of a connection it closes, with the data of the handle that made the connection.
struct cshim_socket_watch { curl_socket_t watched; int closed; };
static inline int cshim_close_socket(void *data, curl_socket_t item) {
    struct cshim_socket_watch *w = (struct cshim_socket_watch *)data;
    if (w && item == w->watched) w->closed = 1;
    return close(item);
}
static inline CURLcode cshim_watch_closes(CURL *h, struct cshim_socket_watch *w) {
    CURLcode rc = FLXCURL_SETOPT(h, CURLOPT_CLOSESOCKETDATA, (void *)w);
    if (rc == CURLE_OK) rc = FLXCURL_SETOPT(h, CURLOPT_CLOSESOCKETFUNCTION, cshim_close_socket);
    return rc;
}
#endif
