#include "postgres_ops.h"

#include "postgres_faults.h"
#include "postgres_scratch_claim.h"
#include "postgres_session.h"
#include "postgres_tools.h"

#include <QThread>

namespace burrow::dialect::postgres {
namespace {

/// The advisory lock's first key: "Burr" in ASCII; the second is the schema name's hash, so
/// appliers of different schemas in one database do not wait for each other.
constexpr int kLockClass = 0x42757272;

QString literal(const QString &text)
{
    QString quoted = text;
    return u'\'' + quoted.replace(u'\'', QStringLiteral("''")) + u'\'';
}

QString quoteIdentifier(const QString &name)
{
    QString quoted = name;
    return u'"' + quoted.replace(u'"', QStringLiteral("\"\"")) + u'"';
}

/// The session holding the advisory lock: closing it releases the lock, also when the
/// process dies.
class AdvisoryLock final : public ApplierLock {
public:
    explicit AdvisoryLock(std::unique_ptr<Session> session)
        : m_session(std::move(session))
    {
    }

private:
    std::unique_ptr<Session> m_session;
};

/// Who holds the lock, for the message: "process 1234 (burrow-cli, 127.0.0.1)".
QString holderOf(Session &session, const QString &key)
{
    Result<QSqlQuery> holder = session.run(
        u"SELECT a.pid, coalesce(a.application_name, ''), coalesce(host(a.client_addr), 'local') "
        u"FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        u"WHERE l.locktype = 'advisory' AND l.granted AND l.classid = " +
        QString::number(kLockClass) + u" AND l.objid = (" + key + u")::oid LIMIT 1");
    if (!holder || !holder->next())
        return QStringLiteral("another session");
    return u"process " + holder->value(0).toString() + u" (" + holder->value(1).toString() + u", " +
           holder->value(2).toString() + u')';
}

/// A scratch database on the same server, dropped (with any session still in it) when done.
/// `admin` claimed its name and keeps it claimed while it exists (claimScratchDatabase).
class ScratchCopy final : public ScratchDatabase {
public:
    ScratchCopy(std::unique_ptr<Session> admin, DatabaseUrl scratch)
        : m_admin(std::move(admin))
        , m_url(std::move(scratch))
    {
    }
    ~ScratchCopy() override
    {
        (void)m_admin->run(u"DROP DATABASE IF EXISTS " + quoteIdentifier(m_url.database) +
                           u" WITH (FORCE)");
    }
    const DatabaseUrl &url() const override { return m_url; }

private:
    std::unique_ptr<Session> m_admin;
    DatabaseUrl m_url;
};

} // namespace

Result<std::unique_ptr<ScopedConnection>> PostgresOps::openForWriting(const DatabaseUrl &url) const
{
    Result<std::unique_ptr<Session>> session = Session::open(url, Access::Write);
    if (!session)
        return session.error();
    return (*session)->release();
}

Result<std::unique_ptr<ApplierLock>> PostgresOps::lockApplier(const DatabaseUrl &url,
                                                              int waitMs) const
{
    Result<std::unique_ptr<Session>> session = Session::open(url, Access::Write);
    if (!session)
        return session.error();
    const QString key = u"hashtext(" + literal(schemaOf(url)) + u')';
    const QString attempt =
        u"SELECT pg_try_advisory_lock(" + QString::number(kLockClass) + u", " + key + u')';
    for (int waited = 0;; waited += 100) {
        Result<QSqlQuery> taken = (*session)->run(attempt);
        if (!taken)
            return taken.error();
        if (taken->next() && taken->value(0).toBool())
            return std::unique_ptr<ApplierLock>(
                std::make_unique<AdvisoryLock>(std::move(*session)));
        if (waited >= waitMs)
            break;
        QThread::msleep(100);
    }
    return Error{Error::Code::Locked,
                 u"another apply is running on this database (" + holderOf(**session, key) + u')',
                 url.display(),
                 0,
                 {},
                 QStringLiteral("wait for it to finish, then run apply again")};
}

std::unique_ptr<StatementInterrupter>
PostgresOps::interruptOnCancel(ScopedConnection &connection, const DatabaseUrl &url,
                               const Cancellation &cancellation) const
{
    Result<QSqlQuery> pid =
        runQuery(connection.database(), QStringLiteral("SELECT pg_backend_pid()"));
    if (!pid || !pid->next())
        return nullptr; // cancelling then waits for the statement to end
    const QString backend = pid->value(0).toString();
    return std::make_unique<CancelWatcher>(cancellation, [url, backend] {
        Result<std::unique_ptr<Session>> other = Session::open(url, Access::Write);
        if (other)
            (void)(*other)->run(u"SELECT pg_cancel_backend(" + backend + u')');
    });
}

Error PostgresOps::explainRunError(Error error, const DatabaseUrl &url) const
{
    return explainStatementError(std::move(error), url);
}

Status PostgresOps::writeBackup(const DatabaseUrl &url, const QString &file) const
{
    Status dumped = dumpDatabase(url, file);
    return dumped ? dumped : Status(explainDumpError(dumped.error(), url));
}

Status PostgresOps::checkBackup(const QString &file) const
{
    return listArchive(file);
}

Status PostgresOps::restoreBackup(const QString &file, const DatabaseUrl &url,
                                  const QString &safetyFile) const
{
    if (!safetyFile.isEmpty()) {
        if (Status saved = dumpDatabase(url, safetyFile); !saved)
            return saved;
        if (Status checked = listArchive(safetyFile); !checked)
            return checked;
    }
    Status replaced = replaceWithArchive(url, file);
    return replaced ? replaced : Status(explainRestoreError(replaced.error(), url));
}

Result<std::unique_ptr<ScratchDatabase>> PostgresOps::scratchCopy(const DatabaseUrl &url) const
{
    Result<std::unique_ptr<Session>> admin = Session::open(url, Access::Write);
    if (!admin)
        return admin.error();
    Result<QString> name = claimScratchDatabase(**admin, QStringLiteral("burrow_dryrun_"));
    if (!name)
        return name.error();
    if (Result<QSqlQuery> created = (*admin)->run(u"CREATE DATABASE " + quoteIdentifier(*name));
        !created)
        return scratchCreationFailed(created.error(),
                                     QStringLiteral("grant the user CREATEDB (ALTER ROLE … "
                                                    "CREATEDB), or apply without --dry-run"));
    DatabaseUrl scratch = url;
    scratch.database = *name;
    return fillFromDump(std::make_unique<ScratchCopy>(std::move(*admin), scratch), url,
                        dumpDatabase, loadArchive);
}

} // namespace burrow::dialect::postgres
