// SQLite for the money journal, loaded on first use. The library does not link libsqlite3: a
// process that never opens a journal does not load it, nor pay its symbol relocations at start-up.
// sqlite3.h is used for its types and constants only; the functions are reached through the
// table flxsql_load fills in.
#ifndef FLX_SQLITE_LOADER_H
#define FLX_SQLITE_LOADER_H
#include <stddef.h>
#include <sqlite3.h>

#pragma clang assume_nonnull begin

/// The library's name at run time (Debian's libsqlite3-0, RHEL's sqlite-libs).
#define FLXSQL_SONAME "libsqlite3.so.0"
/// sqlite3_prepare_v3 (SQLITE_PREPARE_PERSISTENT) appeared in SQLite 3.20.0.
#define FLXSQL_MIN_VERSION 3020000

/// The SQLite functions the journal calls (Journal/SQLite.swift), nothing more.
struct flxsql_api {
    int (*open_v2)(const char *filename, sqlite3 *_Nullable *_Nonnull db, int flags, const char *_Nullable vfs);
    int (*close_v2)(sqlite3 *_Nullable db);
    const char *_Nonnull (*_Nonnull errmsg)(sqlite3 *_Nullable db);  // never NULL ("out of memory" at worst)
    int (*extended_result_codes)(sqlite3 *_Nullable db, int onoff);
    int (*exec)(sqlite3 *_Nullable db, const char *sql, int (*_Nullable callback)(void *_Nullable, int, char *_Nullable *_Nullable, char *_Nullable *_Nullable),
                void *_Nullable arg, char *_Nullable *_Nullable errmsg);
    int (*prepare_v3)(sqlite3 *_Nullable db, const char *sql, int nbyte, unsigned int flags,
                      sqlite3_stmt *_Nullable *_Nonnull stmt, const char *_Nullable *_Nullable tail);
    int (*reset)(sqlite3_stmt *_Nullable stmt);
    int (*clear_bindings)(sqlite3_stmt *_Nullable stmt);
    int (*finalize)(sqlite3_stmt *_Nullable stmt);
    int (*bind_null)(sqlite3_stmt *_Nullable stmt, int index);
    int (*bind_int64)(sqlite3_stmt *_Nullable stmt, int index, sqlite3_int64 value);
    int (*bind_text)(sqlite3_stmt *_Nullable stmt, int index, const char *_Nullable text, int n, void (*_Nullable destructor)(void *_Nullable));
    int (*step)(sqlite3_stmt *_Nullable stmt);
    int (*column_type)(sqlite3_stmt *_Nullable stmt, int column);
    sqlite3_int64 (*column_int64)(sqlite3_stmt *_Nullable stmt, int column);
    const unsigned char *_Nullable (*_Nonnull column_text)(sqlite3_stmt *_Nullable stmt, int column);
    int (*changes)(sqlite3 *_Nullable db);
    sqlite3_int64 (*last_insert_rowid)(sqlite3 *_Nullable db);
    int (*libversion_number)(void);
};

/// dlopen()s `soname` and fills in `api`. Returns 0, or -1 with a message in `error` (the
/// library is missing, lacks a function, or is older than FLXSQL_MIN_VERSION). The handle is
/// kept for the life of the process; callers load once (SQLiteLibrary.shared).
int flxsql_load(const char *soname, struct flxsql_api *api, char *error, size_t error_size);

/// sqlite3_bind_text with SQLITE_TRANSIENT (a macro casting -1 to a function pointer, which
/// Swift does not import): SQLite copies the text.
static inline int flxsql_bind_text(const struct flxsql_api *api, sqlite3_stmt *_Nullable stmt, int index, const char *text) {
    return api->bind_text(stmt, index, text, -1, SQLITE_TRANSIENT);
}

#pragma clang assume_nonnull end
#endif
