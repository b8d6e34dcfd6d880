// curl_easy_setopt/getinfo are variadic, which Swift cannot call; these typed
// wrappers are the only way the Swift core touches them.
#ifndef FLX_CCURL_SHIM_H
#define FLX_CCURL_SHIM_H
#include <curl/curl.h>
#include <string.h>

static inline CURLcode cshim_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cshim_setopt_ptr(CURL *h, CURLoption o, const void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cshim_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cshim_setopt_write(CURL *h, size_t (*fn)(char *, size_t, size_t, void *)) {
    return curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, fn);
}
static inline CURLcode cshim_getinfo_long(CURL *h, CURLINFO i, long *out) { return curl_easy_getinfo(h, i, out); }
static inline CURLcode cshim_getinfo_off(CURL *h, CURLINFO i, curl_off_t *out) { return curl_easy_getinfo(h, i, out); }
static inline CURLcode cshim_getinfo_socket(CURL *h, CURLINFO i, curl_socket_t *out) { return curl_easy_getinfo(h, i, out); }
static inline curl_version_info_data *cshim_version_info(void) { return curl_version_info(CURLVERSION_NOW); }
static inline CURLSHcode cshim_share_setopt_long(CURLSH *s, CURLSHoption o, long v) { return curl_share_setopt(s, o, v); }

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
        if (curl_easy_setopt(h, CURLOPT_PREREQDATA, (void *)counter) == CURLE_OK
            && curl_easy_setopt(h, CURLOPT_PREREQFUNCTION, cshim_count_prereq) == CURLE_OK)
            return CSHIM_COUNT_PREREQ;
    }
    rc = curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, cshim_count_requests);
    if (rc == CURLE_OK) rc = curl_easy_setopt(h, CURLOPT_DEBUGDATA, (void *)counter);
    if (rc == CURLE_OK) rc = curl_easy_setopt(h, CURLOPT_VERBOSE, 1L);  // the debug callback needs it; nothing is printed
    return rc == CURLE_OK ? CSHIM_COUNT_DEBUG : CSHIM_COUNT_FAILED;
}
#endif
