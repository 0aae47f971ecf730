#include "mysql_faults.h"

#include "../database_ops.h"
#include "mysql_connection.h"

namespace burrow::dialect::mysql {
namespace {

// The server's and libmariadb's error numbers for a lock wait that expired, a connection the
// server ended (KILL, shutdown) and one the client lost without an answer (over TLS too).
enum NativeError {
    LockWaitTimeout = 1205,
    ServerShutdown = 1053,
    ConnectionKilled = 1927,
    ServerGone = 2006,
    LostConnection = 2013,
    TlsError = 2026, // after the log-in: the encrypted connection broke ("unexpected eof")
    ServerLost = 2055,
};

/// The database's base tables, by name.
QStringList tablesOf(const QSqlDatabase &db, const DatabaseUrl &url)
{
    QStringList tables;
    Result<QSqlQuery> rows =
        runBound(db,
                 QStringLiteral("SELECT TABLE_NAME FROM information_schema.TABLES WHERE "
                                "TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY 1"),
                 {url.database});
    while (rows && rows->next())
        tables.append(rows->value(0).toString());
    return tables;
}

Error lockError(Error error, const DatabaseUrl &url)
{
    Result<std::unique_ptr<ScopedConnection>> connection = openServer(url, url.database);
    const QStringList tables =
        connection ? tablesNamedIn(error.statement, tablesOf((*connection)->database(), url))
                   : QStringList();
    return lockWaitExpired(std::move(error), tables, {}, url);
}

} // namespace

Result<std::unique_ptr<ScopedConnection>> openWithLockTimeout(const DatabaseUrl &url)
{
    Result<std::unique_ptr<ScopedConnection>> connection = openServer(url, url.database);
    if (!connection)
        return connection;
    const QString seconds = QString::number(lockTimeoutSeconds(url));
    // MariaDB refuses to ALTER a system-versioned table unless told what becomes of its
    // history: KEEP leaves the past rows as they are (MySQL skips the M! comment).
    Result<QSqlQuery> set = runQuery(
        (*connection)->database(),
        u"SET SESSION lock_wait_timeout = " + seconds + u", SESSION innodb_lock_wait_timeout = " +
            seconds + u" /*M!100304 , SESSION system_versioning_alter_history = KEEP */");
    if (!set)
        return set.error();
    return connection;
}

Status checkTablesReadable(const DatabaseUrl &url)
{
    Result<std::unique_ptr<ScopedConnection>> connection = openWithLockTimeout(url);
    if (!connection)
        return connection.error();
    const QSqlDatabase &db = (*connection)->database();
    for (const QString &table : tablesOf(db, url)) {
        // Opening the table takes the shared metadata lock a dump's SELECT needs; no row is read.
        Result<QSqlQuery> read =
            runQuery(db, u"SELECT 1 FROM " + quoteIdentifier(table) + u" LIMIT 0");
        if (read)
            continue;
        Error error = read.error();
        if (error.engineCode.toInt() != LockWaitTimeout)
            return error;
        error.statement.clear();
        error.hint = QStringLiteral("the backup was not taken; nothing was changed");
        return lockWaitExpired(std::move(error), {table}, {}, url);
    }
    return Ok{};
}

Error explainStatementError(Error error, const DatabaseUrl &url)
{
    const int code = error.engineCode.toInt();
    if (code == LockWaitTimeout)
        return lockError(std::move(error), url);
    if (code == ConnectionKilled || code == ServerShutdown) {
        error.message = u"the MariaDB/MySQL server at " + serverLocation(url) +
                        u" ended the session while the statement ran (" + error.message +
                        u"); the statement did not complete";
        return error;
    }
    // The client cannot tell a KILL from a crash or a network failure: the session went
    // without an answer, so the statement's fate is not known here.
    if (code == ServerGone || code == LostConnection || code == TlsError || code == ServerLost)
        error.message = u"lost the connection to the MariaDB/MySQL server at " +
                        serverLocation(url) + u" while the statement ran (" + error.message +
                        u"); whether this statement took effect is unknown, check it";
    return error;
}

} // namespace burrow::dialect::mysql
