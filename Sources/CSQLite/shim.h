// SQLite for the money journal. SQLITE_TRANSIENT is a macro casting -1 to a function pointer,
// which Swift does not import; the wrapper binds text with it.
#ifndef FLX_CSQLITE_SHIM_H
#define FLX_CSQLITE_SHIM_H
#include <sqlite3.h>

static inline int cshim_sqlite3_bind_text(sqlite3_stmt *s, int i, const char *text, int n) {
    return sqlite3_bind_text(s, i, text, n, SQLITE_TRANSIENT);
}
#endif
