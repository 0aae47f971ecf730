#pragma once

#include "../../result.h"
#include "../connection.h"

#include <memory>

struct sqlite3;

namespace burrow::dialect::sqlite {

/// The `sqlite3*` behind a QSQLITE connection (Debian's driver and Burrow link the same
/// libsqlite3), for what Qt's driver does not offer: interrupting, reading the file. Null when
/// the connection is not SQLite.
sqlite3 *nativeHandle(const QSqlDatabase &db);

/// Opens an existing SQLite file read-only: never creates, never writes. Waits up to
/// `busyTimeoutMs` for another process's lock, then reports it. The schema is read once here,
/// so a non-database or corrupt file is reported at once.
Result<std::unique_ptr<ScopedConnection>> openReadOnly(const QString &path, int busyTimeoutMs);

/// Opens an existing SQLite file read-write (never creates one), with the same checks and
/// error classification as openReadOnly.
Result<std::unique_ptr<ScopedConnection>> openReadWrite(const QString &path, int busyTimeoutMs);

/// Whether the -wal or -shm file of a WAL-mode database exists beside `path`.
bool hasWalFiles(const QString &path);

/// SQLite makes even a read-only connection create a WAL-mode database's -wal and -shm files, and
/// leaves them behind. Call after closing that connection when they did not exist before it: a
/// read-write connection's close lets SQLite remove them itself, which it does only when no other
/// connection uses the database (the log is empty then, so the database file is not written).
void removeLeftoverWalFiles(const QString &path);

/// Creates the new database file `path` (it must not exist) by running the SQL script `sql`
/// (statements, PRAGMAs, inserts). On error the file is removed and the error names the script
/// statement SQLite stopped at.
Status createDatabaseFromScript(const QString &path, const QByteArray &sql);

/// A private in-memory database, e.g. to let SQLite validate model DDL.
Result<std::unique_ptr<ScopedConnection>> openInMemory();

/// Refines an engine error into Burrow's terms (locked, corrupt, not a database…) with a hint.
Error classify(Error error, const QString &file);

} // namespace burrow::dialect::sqlite
