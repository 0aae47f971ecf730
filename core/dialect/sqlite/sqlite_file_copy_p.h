#pragma once

#include "../../result.h"

#include <QSqlDatabase>

namespace burrow::dialect::sqlite {

/// Whether `db` (a connection to a database file) is in WAL mode, where the file alone is not a
/// consistent copy: committed pages may still be in the -wal file.
Result<bool> isWalMode(const QSqlDatabase &db, const QString &path);

/// Copies the main database file of `db`, a connection to the rollback-journal database
/// `source`, byte for byte into the existing empty file `target`, and flushes it to disk. It
/// reads through SQLite's own file handle inside a read transaction, whose shared lock keeps
/// every writer off the file until the copy is done (and makes SQLite roll back a hot journal
/// first). The caller removes `target` on failure.
Status copyDatabaseFile(const QSqlDatabase &db, const QString &source, const QString &target);

} // namespace burrow::dialect::sqlite
