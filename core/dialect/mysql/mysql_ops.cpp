#include "mysql_ops.h"

#include "mysql_connection.h"
#include "mysql_event_guard.h"
#include "mysql_faults.h"
#include "mysql_scratch_claim.h"
#include "mysql_sequences.h"
#include "mysql_tools.h"

#include <QDir>
#include <QTemporaryDir>

namespace burrow::dialect::mysql {
namespace {

/// The session holding GET_LOCK: closing it (or the process dying) releases the lock.
class NamedLock final : public ApplierLock {
public:
    explicit NamedLock(std::unique_ptr<ScopedConnection> connection)
        : m_connection(std::move(connection))
    {
    }

private:
    std::unique_ptr<ScopedConnection> m_connection;
};

/// Lock names are server-wide: one per database.
QString lockName(const DatabaseUrl &url)
{
    return QString(u"burrow:" + url.database).left(64);
}

/// Who holds the lock, for the message: "connection 12 (burrow@127.0.0.1)".
QString holderOf(const QSqlDatabase &db, const QString &name)
{
    Result<QSqlQuery> holder =
        runBound(db,
                 QStringLiteral("SELECT p.ID, p.USER, p.HOST FROM information_schema.PROCESSLIST p "
                                "WHERE p.ID = IS_USED_LOCK(?)"),
                 {name});
    if (!holder || !holder->next())
        return QStringLiteral("another session");
    return u"connection " + holder->value(0).toString() + u" (" + holder->value(1).toString() +
           u'@' + holder->value(2).toString() + u')';
}

/// Drops every table, view, event, procedure and function of the database, so that a dump
/// recreates exactly its content: one made after the backup would stay otherwise, and applying
/// the migration that created it again would fail on it.
Status dropEverything(const DatabaseUrl &url)
{
    Result<std::unique_ptr<ScopedConnection>> connection = openWithLockTimeout(url);
    if (!connection)
        return connection.error();
    const QSqlDatabase &db = (*connection)->database();
    Result<QSqlQuery> objects =
        runBound(db,
                 QStringLiteral("SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES "
                                "WHERE TABLE_SCHEMA = ? ORDER BY TABLE_TYPE = 'VIEW' DESC"),
                 {url.database});
    if (!objects)
        return objects.error();
    QStringList drops{QStringLiteral("SET FOREIGN_KEY_CHECKS = 0")};
    while (objects->next())
        drops << (objects->value(1).toString() == u"VIEW" ? u"DROP VIEW IF EXISTS "
                                                          : u"DROP TABLE IF EXISTS ") +
                     quoteIdentifier(objects->value(0).toString());
    Result<QSqlQuery> others = runBound(
        db,
        QStringLiteral("SELECT 'EVENT', EVENT_NAME FROM information_schema.EVENTS "
                       "WHERE EVENT_SCHEMA = ? UNION ALL "
                       "SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES "
                       "WHERE ROUTINE_SCHEMA = ? AND ROUTINE_TYPE IN ('PROCEDURE', 'FUNCTION')"),
        {url.database, url.database});
    if (!others)
        return others.error();
    while (others->next())
        drops << u"DROP " + others->value(0).toString() + u" IF EXISTS " +
                     quoteIdentifier(others->value(1).toString());
    for (const QString &drop : drops)
        if (Result<QSqlQuery> dropped = runQuery(db, drop); !dropped)
            return explainStatementError(dropped.error(), url);
    return Ok{};
}

/// A scratch database on the same server, dropped when done. `admin` claimed its name and keeps
/// it claimed while it exists (claimScratchDatabase).
class ScratchCopy final : public ScratchDatabase {
public:
    ScratchCopy(std::unique_ptr<ScopedConnection> admin, DatabaseUrl scratch)
        : m_admin(std::move(admin))
        , m_url(std::move(scratch))
    {
    }
    ~ScratchCopy() override
    {
        (void)runQuery(m_admin->database(),
                       u"DROP DATABASE IF EXISTS " + quoteIdentifier(m_url.database));
    }
    const DatabaseUrl &url() const override { return m_url; }

private:
    std::unique_ptr<ScopedConnection> m_admin;
    DatabaseUrl m_url;
};

/// A dump that fails at once, naming the table, where another session's lock would make
/// mariadb-dump wait for it a day.
Status dumpReadable(const DatabaseUrl &url, const QString &file)
{
    if (Status readable = checkTablesReadable(url); !readable)
        return readable;
    return dumpDatabase(url, file);
}

Status dumpWithoutEvents(const DatabaseUrl &url, const QString &file)
{
    if (Status readable = checkTablesReadable(url); !readable)
        return readable;
    return dumpDatabase(url, file, DumpEvents::Left);
}

/// A new, empty scratch database on the server of `url`, dropped when it goes.
Result<std::unique_ptr<ScratchDatabase>> emptyScratch(const DatabaseUrl &url)
{
    Result<std::unique_ptr<ScopedConnection>> admin = openServer(url, url.database);
    if (!admin)
        return admin.error();
    Result<QString> name =
        claimScratchDatabase((*admin)->database(), QStringLiteral("burrow_dryrun_"));
    if (!name)
        return name.error();
    if (Result<QSqlQuery> created =
            runQuery((*admin)->database(), u"CREATE DATABASE " + quoteIdentifier(*name));
        !created)
        return scratchCreationFailed(created.error(),
                                     QStringLiteral("grant the user CREATE and DROP on "
                                                    "`burrow_dryrun_%`.*, or apply without "
                                                    "--dry-run"));
    DatabaseUrl scratch = url;
    scratch.database = *name;
    return std::unique_ptr<ScratchDatabase>(
        std::make_unique<ScratchCopy>(std::move(*admin), std::move(scratch)));
}

/// Loads the dump `file` into the empty `scratch`, its events left out (none may be created
/// enabled there).
Status loadWithoutEvents(const ScratchDatabase &scratch, const QString &file)
{
    QTemporaryDir dir;
    const QString withoutEvents = dir.filePath(QStringLiteral("backup-without-events.sql"));
    Status loaded = copyWithoutEvents(file, withoutEvents);
    if (loaded)
        loaded = loadDump(scratch.url(), withoutEvents);
    if (loaded)
        return Ok{};
    Error error = loaded.error();
    error.message = u"the backup " + QDir::toNativeSeparators(file) +
                    u" does not load again into a scratch database: " + error.message;
    return error;
}

/// A copy loaded without events gets them from `origin`, disarmed, and draws from its own
/// sequences.
Result<std::unique_ptr<ScratchDatabase>> armedLikeOrigin(std::unique_ptr<ScratchDatabase> copy,
                                                         const DatabaseUrl &origin)
{
    if (Status events = copyEventsDisarmed(origin, copy->url()); !events)
        return events.error();
    if (Status drawn = drawFromOwnSequences(copy->url(), origin.database); !drawn)
        return drawn.error();
    return copy;
}

} // namespace

Result<std::unique_ptr<ScopedConnection>> MysqlOps::openForWriting(const DatabaseUrl &url) const
{
    return openWithLockTimeout(url);
}

Result<std::unique_ptr<ApplierLock>> MysqlOps::lockApplier(const DatabaseUrl &url, int waitMs) const
{
    Result<std::unique_ptr<ScopedConnection>> connection = openServer(url, url.database);
    if (!connection)
        return connection.error();
    const QSqlDatabase &db = (*connection)->database();
    const QString name = lockName(url);
    Result<QSqlQuery> taken =
        runBound(db, QStringLiteral("SELECT GET_LOCK(?, ?)"), {name, (waitMs + 999) / 1000});
    if (!taken)
        return taken.error();
    if (taken->next() && taken->value(0).toInt() == 1)
        return std::unique_ptr<ApplierLock>(std::make_unique<NamedLock>(std::move(*connection)));
    return Error{Error::Code::Locked,
                 u"another apply is running on this database (" + holderOf(db, name) + u')',
                 url.display(),
                 0,
                 {},
                 QStringLiteral("wait for it to finish, then run apply again")};
}

std::unique_ptr<StatementInterrupter>
MysqlOps::interruptOnCancel(ScopedConnection &connection, const DatabaseUrl &url,
                            const Cancellation &cancellation) const
{
    Result<QSqlQuery> id =
        runQuery(connection.database(), QStringLiteral("SELECT CONNECTION_ID()"));
    if (!id || !id->next())
        return nullptr; // cancelling then waits for the statement to end
    const QString session = id->value(0).toString();
    return std::make_unique<CancelWatcher>(cancellation, [url, session] {
        Result<std::unique_ptr<ScopedConnection>> other = openServer(url, url.database);
        if (other)
            (void)runQuery((*other)->database(), u"KILL QUERY " + session);
    });
}

Error MysqlOps::explainRunError(Error error, const DatabaseUrl &url) const
{
    return explainStatementError(std::move(error), url);
}

Status MysqlOps::writeBackup(const DatabaseUrl &url, const QString &file) const
{
    return dumpReadable(url, file);
}

Status MysqlOps::checkBackup(const QString &file) const
{
    return checkDump(file);
}

Status MysqlOps::restoreBackup(const QString &file, const DatabaseUrl &url,
                               const QString &safetyFile) const
{
    if (Status checked = checkDump(file); !checked)
        return checked;
    // Not one transaction (below): a dump that stopped loading half-way would leave the database
    // with part of it. It loads into a scratch database first, where the user may create one (a
    // restore is not refused for want of that right).
    if (Result<std::unique_ptr<ScratchDatabase>> trial = emptyScratch(url); trial) {
        if (Status loads = loadWithoutEvents(**trial, file); !loads) {
            Error error = loads.error();
            error.hint =
                u"nothing was changed; " +
                (error.hint.isEmpty() ? QStringLiteral("restore another backup") : error.hint);
            return error;
        }
    }
    if (!safetyFile.isEmpty()) {
        if (Status saved = dumpReadable(url, safetyFile); !saved)
            return saved;
        if (Status checked = checkDump(safetyFile); !checked)
            return checked;
    }
    // Not one transaction (MariaDB's DDL commits on its own): should the load fail, the safety
    // copy holds what was there.
    if (Status dropped = dropEverything(url); !dropped)
        return dropped;
    return loadDump(url, file);
}

Result<std::unique_ptr<ScratchDatabase>> MysqlOps::scratchCopy(const DatabaseUrl &url) const
{
    Result<std::unique_ptr<ScratchDatabase>> empty = emptyScratch(url);
    if (!empty)
        return empty.error();
    // Its events come apart, DISABLE: loaded from the dump as they are, an enabled one could run
    // in the copy (and its body may change another database) while the server's scheduler is on.
    Result<std::unique_ptr<ScratchDatabase>> copy =
        fillFromDump(std::move(*empty), url, dumpWithoutEvents, loadDump);
    if (!copy)
        return copy.error();
    return armedLikeOrigin(std::move(*copy), url);
}

Result<std::unique_ptr<ScratchDatabase>>
MysqlOps::scratchCopyFromBackup(const DatabaseUrl &url, const QString &backupFile) const
{
    Result<std::unique_ptr<ScratchDatabase>> copy = emptyScratch(url);
    if (!copy)
        return copy.error();
    if (Status loaded = loadWithoutEvents(**copy, backupFile); !loaded)
        return loaded.error();
    return armedLikeOrigin(std::move(*copy), url);
}

QString MysqlOps::onScratchCopy(const QString &statement) const
{
    return disarmedForScratch(statement);
}

Status MysqlOps::rememberOnScratchCopy(const DatabaseUrl &copy, const QStringList &statements) const
{
    return rememberScratchStatuses(copy, statements);
}

} // namespace burrow::dialect::mysql
