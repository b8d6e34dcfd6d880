// Loads libcurl at the first session (curl_shim.h says why).
#define _GNU_SOURCE
#include "curl_shim.h"
#include <dlfcn.h>
#include <stdio.h>

__attribute__((visibility("hidden"))) struct flxcurl_api flxcurl_functions;

// The library's own dependency tree, when it holds libcurl: a build linked with libcurl (the
// Python wheel links the copy it carries). dlsym on the library's handle searches the library
// and what it needs, never the rest of the process. NULL otherwise (the shipped library).
static void *linked_libcurl(void) {
    Dl_info self;
    if (!dladdr((void *)flxcurl_load, &self) || !self.dli_fname) return NULL;
    void *own = dlopen(self.dli_fname, RTLD_LAZY | RTLD_NOLOAD);
    if (!own) return NULL;
    if (dlsym(own, "curl_easy_perform")) return own;
    dlclose(own);
    return NULL;
}

int flxcurl_load(char *error, size_t error_size) {
    if (flxcurl_functions.easy_init) return 0;
    const char *from = "the library's own dependencies";
    void *lib = linked_libcurl();
    if (!lib) {
        from = FLXCURL_SONAME;
        lib = dlopen(FLXCURL_SONAME, RTLD_LAZY | RTLD_LOCAL);
    }
    if (!lib) {
        const char *why = dlerror();
        snprintf(error, error_size, "the library needs libcurl (%s), which could not be loaded: %s", FLXCURL_SONAME,
                 why ? why : "unknown error");
        return -1;
    }
    // Filled in a copy and published whole: the table is all set or all NULL.
    struct flxcurl_api api;
    struct { const char *name; void **slot; } table[] = {
#define FN(f) {"curl_" #f, (void **)&api.f}
        FN(easy_init), FN(easy_cleanup), FN(easy_setopt), FN(easy_getinfo), FN(easy_perform), FN(easy_strerror),
        FN(global_init_mem), FN(share_init), FN(share_cleanup), FN(share_setopt), FN(version_info),
#undef FN
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        void *f = dlsym(lib, table[i].name);
        if (!f) {
            snprintf(error, error_size, "the library needs libcurl; %s has no %s", from, table[i].name);
            dlclose(lib);
            return -1;
        }
        *table[i].slot = f;
    }
    // Optional (libcurl 7.63): all three or none.
    api.url = (CURLU * (*)(void)) dlsym(lib, "curl_url");
    api.url_cleanup = (void (*)(CURLU *))dlsym(lib, "curl_url_cleanup");
    api.url_set = (CURLUcode(*)(CURLU *, CURLUPart, const char *, unsigned int))dlsym(lib, "curl_url_set");
    if (!api.url || !api.url_cleanup || !api.url_set) api.url = NULL, api.url_cleanup = NULL, api.url_set = NULL;
    flxcurl_functions = api;  // the handle is kept for the life of the process
    return 0;
}
