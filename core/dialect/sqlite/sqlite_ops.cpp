#include "sqlite_ops.h"

#include "sqlite_backup.h"
#include "sqlite_database.h"
#include "sqlite_dialect.h"
#include "sqlite_interrupt.h"

#include <QFileInfo>
#include <QLockFile>
#include <QTemporaryDir>

namespace burrow::dialect::sqlite {
namespace {

class FileLock final : public ApplierLock {
public:
    explicit FileLock(std::unique_ptr<QLockFile> lock)
        : m_lock(std::move(lock))
    {
    }

private:
    std::unique_ptr<QLockFile> m_lock;
};

class Interrupter final : public StatementInterrupter {
public:
    Interrupter(const QSqlDatabase &db, const Cancellation &cancellation)
        : m_interrupt(db, cancellation)
    {
    }

private:
    InterruptOnCancel m_interrupt;
};

/// A copy of the database in a temporary folder, removed with it.
class ScratchFile final : public ScratchDatabase {
public:
    const DatabaseUrl &url() const override { return m_url; }

    QTemporaryDir dir;
    DatabaseUrl m_url;
};

} // namespace

Result<std::unique_ptr<ScopedConnection>> SqliteOps::openForWriting(const DatabaseUrl &url) const
{
    return openReadWrite(url.path, SqliteDialect::kBusyTimeoutMs);
}

Result<std::unique_ptr<ApplierLock>> SqliteOps::lockApplier(const DatabaseUrl &url,
                                                            int waitMs) const
{
    // A lock file beside the database; the lock of a dead process is taken over.
    auto lock = std::make_unique<QLockFile>(url.path + u".burrow-lock");
    lock->setStaleLockTime(0); // only a dead owner makes it stale, never its age
    if (lock->tryLock(waitMs))
        return std::unique_ptr<ApplierLock>(std::make_unique<FileLock>(std::move(lock)));
    qint64 pid = 0;
    QString host, application;
    lock->getLockInfo(&pid, &host, &application);
    return Error{Error::Code::Locked,
                 u"another apply is running on this database (process " + QString::number(pid) +
                     u" on " + host + u')',
                 url.path,
                 0,
                 {},
                 QStringLiteral("wait for it to finish, then run apply again")};
}

std::unique_ptr<StatementInterrupter>
SqliteOps::interruptOnCancel(ScopedConnection &connection, const DatabaseUrl &,
                             const Cancellation &cancellation) const
{
    return std::make_unique<Interrupter>(connection.database(), cancellation);
}

Error SqliteOps::explainRunError(Error error, const DatabaseUrl &url) const
{
    // A statement that waited in vain for another connection's lock is not a broken migration:
    // say so, keeping where it stopped (file, line, statement).
    if (classify(error, url.path).code != Error::Code::Locked)
        return error;
    error.code = Error::Code::Locked;
    error.message = u"another connection is writing to the database (" + error.message + u')';
    error.hint = QStringLiteral("this migration was rolled back; retry when the other program "
                                "has finished writing");
    return error;
}

Status SqliteOps::writeBackup(const DatabaseUrl &url, const QString &file) const
{
    return copyDatabase(url.path, file);
}

Status SqliteOps::checkBackup(const QString &file) const
{
    return checkDatabase(file);
}

Status SqliteOps::restoreBackup(const QString &file, const DatabaseUrl &url,
                                const QString &safetyFile) const
{
    return restoreDatabase(file, url.path, safetyFile);
}

bool SqliteOps::exists(const DatabaseUrl &url) const
{
    return QFileInfo::exists(url.path);
}

Result<std::unique_ptr<ScratchDatabase>> SqliteOps::scratchCopy(const DatabaseUrl &url) const
{
    auto scratch = std::make_unique<ScratchFile>();
    scratch->m_url = url;
    scratch->m_url.path = scratch->dir.filePath(QStringLiteral("dry-run.sqlite3"));
    if (Status copied = backupDatabase(url.path, scratch->m_url.path); !copied)
        return copied.error();
    return std::unique_ptr<ScratchDatabase>(std::move(scratch));
}

} // namespace burrow::dialect::sqlite
