// SQLite (Debian: libsqlite3-dev). SQLITE_TRANSIENT is a macro cast that Swift
// cannot import, so the shim exposes it as a function.
#ifndef APEN_CSQLITE_SHIM_H
#define APEN_CSQLITE_SHIM_H
#include <sqlite3.h>
static inline sqlite3_destructor_type apen_sqlite_transient(void) { return SQLITE_TRANSIENT; }
#endif
