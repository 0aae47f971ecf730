#include "postgres_faults.h"

#include "../database_ops.h"
#include "postgres_errors.h"
#include "postgres_names.h"
#include "postgres_session.h"

#include <QRegularExpression>

namespace burrow::dialect::postgres {
namespace {

// SQLSTATEs: lock_not_available, and the server ending the session (terminated by an
// administrator, crash, shutdown) or the connection failing under it.
const QString kLockNotAvailable = QStringLiteral("55P03");

bool connectionLost(const Error &error)
{
    const QString &code = error.engineCode;
    return code == u"57P01" || code == u"57P02" || code == u"57P03" || code.startsWith(u"08") ||
           error.message.contains(u"server closed the connection") ||
           // the same over TLS (libpq's OpenSSL layer words it its own way)
           error.message.contains(u"connection has been closed unexpectedly") ||
           error.message.contains(u"SSL SYSCALL error") ||
           error.message.contains(u"no connection to the server") ||
           error.message.contains(u"terminating connection");
}

/// The tables of the URL's schema that other sessions hold locks on, and who holds them
/// ("process 123 (psql)"), read from a new session.
struct LockHolders {
    QStringList tables;
    QStringList holders;
};

LockHolders lockHolders(const DatabaseUrl &url, const QString &statement)
{
    LockHolders found;
    Result<std::unique_ptr<Session>> session = Session::open(url, Access::ReadSchema);
    if (!session)
        return found;
    Result<QSqlQuery> rows = (*session)->run(
        u"SELECT DISTINCT c.relname, a.pid, coalesce(nullif(a.application_name, ''), a.usename) "
        u"FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_class c ON c.oid = l.relation "
        u"JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid "
        u"WHERE l.granted AND l.pid <> pg_catalog.pg_backend_pid() "
        u"AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relnamespace = " +
        quoteLiteral(quoteIdentifier(schemaOf(url))) + u"::regnamespace ORDER BY 1, 2");
    if (!rows)
        return found;
    QStringList tables, holders;
    while (rows->next()) {
        tables.append(rows->value(0).toString());
        holders.append(u"process " + rows->value(1).toString() + u" (" + rows->value(2).toString() +
                       u')');
    }
    // The tables the statement names, when it names any of them; else every locked one.
    const QStringList named = tablesNamedIn(statement, tables);
    for (qsizetype i = 0; i < tables.size(); ++i) {
        if (!named.isEmpty() && !named.contains(tables[i]))
            continue;
        if (!found.tables.contains(tables[i]))
            found.tables.append(tables[i]);
        if (!found.holders.contains(holders[i]))
            found.holders.append(holders[i]);
    }
    return found;
}

Error lockError(Error error, const DatabaseUrl &url, const QString &statement)
{
    const LockHolders held = lockHolders(url, statement);
    return lockWaitExpired(std::move(error), held.tables, held.holders.join(u", "), url);
}

/// The index `CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name …` builds, as written
/// (quoted or not), or a null string for any other statement.
QString concurrentlyBuiltIndex(const QString &statement)
{
    const QList<sql::Token> tokens = sql::significantTokens(statement, lexerOptions());
    const QStringView s(statement);
    qsizetype i = 0;
    const auto next = [&](QStringView word) {
        const bool matches = i < tokens.size() && sql::isKeyword(s, tokens[i], word);
        i += matches ? 1 : 0;
        return matches;
    };
    if (!next(u"CREATE"))
        return {};
    next(u"UNIQUE");
    if (!next(u"INDEX") || !next(u"CONCURRENTLY"))
        return {};
    if (next(u"IF") && !(next(u"NOT") && next(u"EXISTS")))
        return {};
    return i < tokens.size() ? tokens[i].text(s).toString() : QString();
}

} // namespace

Error explainStatementError(Error error, const DatabaseUrl &url)
{
    // One line without libpq's ERROR/FATAL prefix and its LINE/caret lines: the Error already
    // says where (file:line) and what (the statement).
    error.message = engineMessage(error.message, url);
    if (error.engineCode == kLockNotAvailable) {
        const QString statement = error.statement;
        error.hint = QStringLiteral("the migration was rolled back");
        return lockError(std::move(error), url, statement);
    }
    if (const QString index = concurrentlyBuiltIndex(error.statement);
        !index.isNull() && !connectionLost(error)) {
        error.message += u"; the failed build may have left the INVALID index " + index +
                         u": drop it with DROP INDEX CONCURRENTLY IF EXISTS " + index +
                         u" before building it again";
        return error;
    }
    if (!connectionLost(error))
        return error;
    error.message = u"lost the connection to PostgreSQL at " + serverLocation(url) +
                    u" while the statement ran (" + error.message +
                    u"); the server rolled back the transaction that was open";
    error.hint = QStringLiteral("find out why the session ended (server restarted, session "
                                "terminated), then run apply again");
    return error;
}

Error explainDumpError(Error error, const DatabaseUrl &url)
{
    static const QRegularExpression denied(
        QStringLiteral("permission denied for (table|sequence|schema) (\\S+)"));
    if (const QRegularExpressionMatch object = denied.match(error.message); object.hasMatch()) {
        error.hint =
            u"nothing was changed; a backup reads every object of the database: grant "
            u"the user access (GRANT " +
            (object.captured(1) == u"schema" ? QStringLiteral("USAGE") : QStringLiteral("SELECT")) +
            u" ON " + object.captured(1).toUpper() + u' ' + object.captured(2) + u" TO " +
            quoteIdentifier(url.user) + u"), or back up as a role that may read it all";
        return error;
    }
    // pg_dump's --lock-wait-timeout is a statement timeout on its LOCK TABLE, which it quotes:
    // "… due to statement timeout / … Query was: LOCK TABLE public.book IN ACCESS SHARE MODE".
    const qsizetype at = error.message.indexOf(u"LOCK TABLE");
    if (at < 0 || !error.message.contains(u" timeout"))
        return error;
    const QString statement = error.message.mid(at);
    error.hint = QStringLiteral("nothing was changed");
    return lockError(std::move(error), url, statement);
}

Error explainRestoreError(Error error, const DatabaseUrl &url)
{
    static const QRegularExpression notOwner(QStringLiteral("must be owner of ([^/]+?) ?(/|$)"));
    if (const QRegularExpressionMatch owned = notOwner.match(error.message); owned.hasMatch()) {
        error.hint = u"the database is unchanged; the " + owned.captured(1) +
                     u" belongs to another role: restore as a role that owns every object of the "
                     u"database, or as a superuser";
        return error;
    }
    static const QRegularExpression member(QStringLiteral("must be member of role (\"[^\"]+\")"));
    if (const QRegularExpressionMatch role = member.match(error.message); role.hasMatch()) {
        error.hint = u"the database is unchanged; the backup gives objects to the role " +
                     role.captured(1) + u", which only its members may do: restore as a " +
                     u"superuser or a member of " + role.captured(1);
        return error;
    }
    static const QRegularExpression missingRole(QStringLiteral("role (\"[^\"]+\") does not exist"));
    if (const QRegularExpressionMatch role = missingRole.match(error.message); role.hasMatch()) {
        error.hint = u"the database is unchanged; the backup names the role " + role.captured(1) +
                     u", which the server no longer has: create it (CREATE ROLE " +
                     role.captured(1) + u"), then restore again";
        return error;
    }
    // psql quotes the drop that waited: … lock timeout / CONTEXT:  SQL statement "DROP …".
    if (!error.message.contains(u"lock timeout"))
        return error;
    const QString quoted = QStringLiteral("SQL statement \"");
    const qsizetype at = error.message.indexOf(quoted);
    const QString statement =
        at < 0 ? QString() : error.message.mid(at + quoted.size()).section(u'"', 0, 0);
    error.hint = QStringLiteral("the restore ran in one transaction and was rolled back: the "
                                "database is unchanged");
    return lockError(std::move(error), url, statement);
}

} // namespace burrow::dialect::postgres
