// Loads libsqlite3 on the first journal open (sqlite_loader.h says why).
#define _GNU_SOURCE
#include "sqlite_loader.h"
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

int flxsql_load(const char *soname, struct flxsql_api *api, char *error, size_t error_size) {
    void *lib = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        const char *why = dlerror();
        snprintf(error, error_size, "the journal needs SQLite (%s), which could not be loaded: %s", soname,
                 why ? why : "unknown error");
        return -1;
    }
    // Each name is looked up into the matching field; the field's type is the function's.
    struct { const char *name; void **slot; } table[] = {
#define FN(f) {"sqlite3_" #f, (void **)&api->f}
        FN(open_v2), FN(close_v2), FN(errmsg), FN(extended_result_codes), FN(exec), FN(prepare_v3),
        FN(reset), FN(clear_bindings), FN(finalize), FN(bind_null), FN(bind_int64), FN(bind_text),
        FN(step), FN(column_type), FN(column_int64), FN(column_text), FN(changes),
        FN(last_insert_rowid), FN(libversion_number),
#undef FN
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        void *f = dlsym(lib, table[i].name);
        if (!f) {
            snprintf(error, error_size, "the journal needs SQLite 3.20 or newer; %s has no %s", soname, table[i].name);
            dlclose(lib);
            return -1;
        }
        *table[i].slot = f;
    }
    int version = api->libversion_number();
    if (version < FLXSQL_MIN_VERSION) {
        snprintf(error, error_size, "the journal needs SQLite 3.20 or newer; %s is %d.%d.%d", soname, version / 1000000,
                 version / 1000 % 1000, version % 1000);
        dlclose(lib);
        return -1;
    }
    return 0;
}
