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

// Counts requests that left: libcurl shows each request's header block once (CURLINFO_HEADER_OUT,
// starting with the request line), including a request it re-sends by itself on a new
// connection after a reused one died. Only the first bytes are looked at; nothing is copied.
static inline int cshim_count_requests(CURL *h, curl_infotype type, char *data, size_t size, void *counter) {
    (void)h;
    if (type == CURLINFO_HEADER_OUT && counter && data
        && ((size >= 4 && memcmp(data, "GET ", 4) == 0) || (size >= 5 && memcmp(data, "POST ", 5) == 0)))
        ++*(long *)counter;
    return 0;
}
static inline CURLcode cshim_count_requests_into(CURL *h, long *counter) {
    CURLcode rc = curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, cshim_count_requests);
    if (rc == CURLE_OK) rc = curl_easy_setopt(h, CURLOPT_DEBUGDATA, (void *)counter);
    if (rc == CURLE_OK) rc = curl_easy_setopt(h, CURLOPT_VERBOSE, 1L);  // the debug callback needs it; nothing is printed
    return rc;
}
#endif
