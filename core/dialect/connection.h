#pragma once

#include "../result.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace burrow::dialect {

/// A QSqlDatabase connection under a unique name, closed and unregistered when destroyed, so
/// that any number of connections (to different engines, on different threads) can coexist;
/// its driver is created and destroyed under a lock shared by all (see connection.cpp).
class ScopedConnection {
public:
    explicit ScopedConnection(const QString &driver);
    ~ScopedConnection();
    ScopedConnection(const ScopedConnection &) = delete;
    ScopedConnection &operator=(const ScopedConnection &) = delete;

    QSqlDatabase &database() { return m_db; }

private:
    QString m_name;
    QSqlDatabase m_db;
};

/// A forward-only query on `db` that has run `sql`, or the engine's error for it.
Result<QSqlQuery> runQuery(const QSqlDatabase &db, const QString &sql);

/// The 1-based line of a statement that the engine's error message points at: PostgreSQL's
/// `LINE 3:`, MariaDB/MySQL's syntax error `… near '…' at line 3`; 0 when it names none.
int lineInStatement(const QString &engineMessage);

/// The line of the file the engine's error points at, for a statement that starts on
/// `statementLine`: that line itself when the message names none.
int lineOfEngineError(int statementLine, const QString &engineMessage);

} // namespace burrow::dialect
