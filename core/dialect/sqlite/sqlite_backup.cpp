#include "sqlite_backup.h"

#include "sqlite_database.h"
#include "sqlite_file_copy_p.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSqlError>
#include <QUrl>

#include <filesystem>
#include <system_error>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace burrow::dialect::sqlite {
namespace {

using namespace Qt::Literals::StringLiterals;

// Primary result codes from sqlite3.h that VACUUM INTO reports about its output file.
enum SqliteCode { IoError = 10, Full = 13, CantOpen = 14 };

constexpr int kBusyTimeoutMs = 2000;
constexpr qint64 kChunk = qint64(1) << 20;
const QFile::Permissions kBackupMode = QFile::ReadOwner | QFile::WriteOwner;

Error fileError(Error::Code code, const QString &message, const QString &path, const QString &hint)
{
    return Error{code, message, path, 0, {}, hint};
}

QString spaceHint()
{
    return QStringLiteral("check the folder's permissions and the free disk space");
}

Error ioError(const QString &message, const QString &path, const QString &hint = spaceHint())
{
    return fileError(Error::Code::Unreadable, message, path, hint);
}

// SQLite does not fsync VACUUM INTO's output, and a rename is durable only once its folder is
// synced. Never call this on a file a connection of ours holds locks on: closing any descriptor
// of a file drops the process's POSIX locks on it.
Status syncToDisk(const QString &path)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    const bool synced = fd >= 0 && ::fsync(fd) == 0;
    const int error = errno;
    if (fd >= 0)
        ::close(fd);
    if (!synced)
        return ioError(u"cannot flush to disk: " +
                           QString::fromStdString(std::generic_category().message(error)),
                       path);
#else
    Q_UNUSED(path);
#endif
    return Ok{};
}

void removeDatabaseFiles(const QString &path)
{
    for (const QString &suffix : {QString(), u"-journal"_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(path + suffix);
}

Result<QString> scalar(const QSqlDatabase &db, const QString &sql)
{
    Result<QSqlQuery> query = runQuery(db, sql);
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toString() : QString();
}

Status quickCheckOn(const QSqlDatabase &db, const QString &path)
{
    Result<QSqlQuery> query = runQuery(db, QStringLiteral("PRAGMA quick_check"));
    if (!query)
        return classify(query.error(), path);
    const QString first = query->next() ? query->value(0).toString() : QString();
    if (first == u"ok")
        return Ok{};
    return fileError(Error::Code::Corrupt, u"fails SQLite's quick_check (" + first + u')', path,
                     QStringLiteral("this copy cannot be trusted; use another backup"));
}

// Opens read-only and runs quick_check, leaving no -wal/-shm behind that was not there before.
Status quickCheck(const QString &path)
{
    const bool hadWalFiles = hasWalFiles(path);
    Status checked = [&]() -> Status {
        Result<std::unique_ptr<ScopedConnection>> connection = openReadOnly(path, kBusyTimeoutMs);
        if (!connection)
            return connection.error();
        return quickCheckOn((*connection)->database(), path);
    }();
    if (!hadWalFiles)
        removeLeftoverWalFiles(path);
    return checked;
}

// The output file's problems are the target's; anything else is the source's.
Error vacuumError(const Error &error, const QString &source, const QString &target)
{
    switch (error.engineCode.toInt() & 0xff) {
    case Full:
        return ioError(QStringLiteral("the disk is full"), target,
                       QStringLiteral("free some disk space or back up elsewhere"));
    case CantOpen:
        return ioError(u"cannot write the backup (" + error.message + u')', target);
    case IoError:
        return ioError(u"I/O error while copying the database (" + error.message + u')', target);
    default:
        return classify(error, source);
    }
}

// VACUUM INTO wants a new or empty file: creating it first gives it mode 0600 from the start.
Status createEmpty(const QString &target)
{
    QFile file(target);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kBackupMode))
        return ioError(u"cannot create the backup file: " + file.errorString(), target);
    return Ok{};
}

Error engineError(const QSqlError &e)
{
    return Error{Error::Code::Sql, e.databaseText(), {}, 0, {}, {}, e.nativeErrorCode()};
}

Status vacuumInto(const QSqlDatabase &db, const QString &source, const QString &target)
{
    QSqlQuery query(db);
    // A bound parameter: no quoting of the path, and no URI interpretation of it.
    if (query.prepare(QStringLiteral("VACUUM INTO ?"))) {
        query.addBindValue(target);
        if (query.exec())
            return Ok{};
    }
    return vacuumError(engineError(query.lastError()), source, target);
}

// A rollback-journal database's file, copied under a shared lock, is the consistent copy (and
// the fastest: no re-encoding of pages). In WAL mode committed pages may still be in the -wal
// file: VACUUM INTO reads through the log.
Status copyInto(const QSqlDatabase &db, const QString &source, const QString &target)
{
    Result<bool> wal = isWalMode(db, source);
    if (!wal)
        return wal.error();
    if (!*wal)
        return copyDatabaseFile(db, source, target);
    Status done = vacuumInto(db, source, target);
    return done ? syncToDisk(target) : done;
}

// Writes and verifies `target` through `db`, a connection to `source`; removes it on failure.
Status copyAndVerify(const QSqlDatabase &db, const QString &source, const QString &target,
                     bool verify = true)
{
    if (QFileInfo::exists(target))
        return fileError(Error::Code::Conflict, QStringLiteral("the backup file exists already"),
                         target, QStringLiteral("back up into a new folder"));
    if (Status created = createEmpty(target); !created)
        return created;
    Status done = copyInto(db, source, target);
    if (done && verify)
        done = quickCheck(target);
    if (!done)
        removeDatabaseFiles(target);
    return done;
}

std::unique_ptr<ScopedConnection> readWriteConnection(const QString &path)
{
    auto connection = std::make_unique<ScopedConnection>(QStringLiteral("QSQLITE"));
    QSqlDatabase &db = connection->database();
    // mode=rw: never create a database that vanished meanwhile.
    db.setDatabaseName(QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded) + u"?mode=rw");
    db.setConnectOptions(u"QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=" +
                         QString::number(kBusyTimeoutMs));
    return connection;
}

Status openedOrError(QSqlDatabase &db, const QString &path)
{
    if (db.open())
        return Ok{};
    return classify(engineError(db.lastError()), path);
}

Error inUse(const QString &target)
{
    return fileError(Error::Code::Locked,
                     QStringLiteral("the database is in use by another program"), target,
                     QStringLiteral("close the programs using it, then retry the restore"));
}

// Stale -wal/-shm beside a database in rollback mode would be read into the restored file.
Status removeStaleWal(const QString &target)
{
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s}) {
        QFile file(target + suffix);
        if (file.exists() && !file.remove())
            return ioError(u"cannot remove the stale file: " + file.errorString(), file.fileName(),
                           QStringLiteral("check the folder's permissions"));
    }
    return Ok{};
}

// Holds the target database for the replacement: no other connection may use it meanwhile.
class TargetLock {
public:
    explicit TargetLock(const QString &target)
        : m_target(target)
        , m_connection(readWriteConnection(target))
    {
    }
    ~TargetLock() { release(); }
    TargetLock(const TargetLock &) = delete;
    TargetLock &operator=(const TargetLock &) = delete;

    Status open()
    {
        if (Status opened = openedOrError(db(), m_target); !opened)
            return opened;
        Result<QString> mode = scalar(db(), QStringLiteral("PRAGMA journal_mode"));
        if (!mode)
            return classify(mode.error(), m_target);
        m_wal = mode->compare(u"wal", Qt::CaseInsensitive) == 0;
        Result<QString> version = dataVersion();
        if (!version)
            return version.error();
        m_dataVersion = *version;
        return Ok{};
    }
    bool wal() const { return m_wal; }

    Status safetyCopy(const QString &path) { return copyAndVerify(db(), m_target, path); }

    // Leaves WAL mode (SQLite allows it only to the last connection), then takes the exclusive
    // lock, which no reader or writer may hold, and checks no one wrote since open().
    Status lockExclusively()
    {
        if (m_wal) {
            Result<QString> mode = scalar(db(), QStringLiteral("PRAGMA journal_mode=DELETE"));
            if (!mode || mode->compare(u"delete", Qt::CaseInsensitive) != 0)
                return inUse(m_target);
            m_leftWal = true;
        }
        if (Result<QSqlQuery> begin = runQuery(db(), QStringLiteral("BEGIN EXCLUSIVE")); !begin) {
            const Error error = classify(begin.error(), m_target);
            return error.code == Error::Code::Locked ? inUse(m_target) : error;
        }
        m_inTransaction = true;
        Result<QString> version = dataVersion();
        if (!version)
            return version.error();
        if (*version != m_dataVersion)
            return fileError(Error::Code::Locked,
                             QStringLiteral("the database was written to during the restore"),
                             m_target, QStringLiteral("retry when the other program is done"));
        return removeStaleWal(m_target);
    }

    void keepChanges() { m_leftWal = false; }

private:
    QSqlDatabase &db() { return m_connection->database(); }

    // Changes whenever another connection commits.
    Result<QString> dataVersion()
    {
        Result<QString> version = scalar(db(), QStringLiteral("PRAGMA data_version"));
        return version ? version : classify(version.error(), m_target);
    }

    // Ends the transaction; unless the restore went through, goes back to WAL mode.
    void release()
    {
        if (m_inTransaction)
            (void)runQuery(db(), QStringLiteral("ROLLBACK"));
        if (m_leftWal)
            (void)runQuery(db(), QStringLiteral("PRAGMA journal_mode=WAL"));
        m_inTransaction = m_leftWal = false;
    }

    QString m_target;
    std::unique_ptr<ScopedConnection> m_connection;
    QString m_dataVersion;
    bool m_wal = false;
    bool m_leftWal = false;
    bool m_inTransaction = false;
};

Status copyBytes(const QString &from, QSaveFile &to)
{
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly))
        return ioError(u"cannot read the backup: " + in.errorString(), from,
                       QStringLiteral("check the file's permissions"));
    while (!in.atEnd()) {
        const QByteArray chunk = in.read(kChunk);
        if (chunk.isEmpty())
            return ioError(u"cannot read the backup: " + in.errorString(), from, {});
        if (to.write(chunk) != chunk.size())
            return ioError(u"cannot write the restored copy: " + to.errorString(), to.fileName());
    }
    return Ok{};
}

// The backup's bytes in `temp` (synced, with `mode`), in WAL mode if asked, then checked.
Status prepareCopy(const QString &backup, const QString &temp, QFile::Permissions mode, bool wal)
{
    removeDatabaseFiles(temp); // an earlier attempt's leftovers, a stale -wal above all
    QSaveFile file(temp);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(mode))
        return ioError(u"cannot write beside the database: " + file.errorString(), temp);
    if (Status copied = copyBytes(backup, file); !copied)
        return copied;
    if (!file.commit())
        return ioError(u"cannot write beside the database: " + file.errorString(), temp);
    std::unique_ptr<ScopedConnection> connection = readWriteConnection(temp);
    QSqlDatabase &db = connection->database();
    if (Status opened = openedOrError(db, temp); !opened)
        return opened;
    if (wal)
        if (Result<QString> set = scalar(db, QStringLiteral("PRAGMA journal_mode=WAL")); !set)
            return classify(set.error(), temp);
    return quickCheckOn(db, temp);
}

Status renameOver(const QString &from, const QString &to)
{
    std::error_code ec;
    std::filesystem::rename(std::filesystem::path(QFile::encodeName(from).toStdString()),
                            std::filesystem::path(QFile::encodeName(to).toStdString()), ec);
    if (ec)
        return ioError(u"cannot replace the database: " + QString::fromLocal8Bit(ec.message()), to,
                       QStringLiteral("check the folder's permissions"));
    return syncToDisk(QFileInfo(to).absolutePath());
}

// Writes the backup beside `target` and renames it over, under `lock` when there is one.
Status placeCopy(const QString &backup, const QString &target, QFile::Permissions mode,
                 TargetLock *lock)
{
    const QString temp = target + u".burrow-restore";
    Status done = prepareCopy(backup, temp, mode, lock && lock->wal());
    if (done && lock)
        done = lock->lockExclusively();
    if (done)
        done = renameOver(temp, target);
    if (!done)
        removeDatabaseFiles(temp);
    return done;
}

Status replaceLocked(const QString &backup, const QString &target, const QString &safetyCopy)
{
    TargetLock lock(target);
    if (Status opened = lock.open(); !opened)
        return opened;
    if (!safetyCopy.isEmpty())
        if (Status saved = lock.safetyCopy(safetyCopy); !saved)
            return saved;
    Status done = placeCopy(backup, target, QFileInfo(target).permissions(), &lock);
    if (done)
        lock.keepChanges();
    else if (!safetyCopy.isEmpty()) // the database keeps its content: the copy would confuse
        removeDatabaseFiles(safetyCopy);
    return done;
}

} // namespace

namespace {

Status backUp(const QString &source, const QString &target, bool verify)
{
    const bool hadWalFiles = hasWalFiles(source);
    Status done = [&]() -> Status {
        Result<std::unique_ptr<ScopedConnection>> connection = openReadOnly(source, kBusyTimeoutMs);
        if (!connection)
            return connection.error();
        return copyAndVerify((*connection)->database(), source, target, verify);
    }();
    if (!hadWalFiles)
        removeLeftoverWalFiles(source);
    return done;
}

} // namespace

Status backupDatabase(const QString &source, const QString &target)
{
    return backUp(source, target, true);
}

Status copyDatabase(const QString &source, const QString &target)
{
    return backUp(source, target, false);
}

Status checkDatabase(const QString &path)
{
    return quickCheck(path);
}

Status restoreDatabase(const QString &backup, const QString &target, const QString &safetyCopy)
{
    if (Status checked = quickCheck(backup); !checked)
        return checked;
    if (QFileInfo::exists(target)) {
        if (QFileInfo(backup).canonicalFilePath() == QFileInfo(target).canonicalFilePath())
            return fileError(Error::Code::InvalidArgument,
                             QStringLiteral("the backup is the database itself"), target, {});
        return replaceLocked(backup, target, safetyCopy);
    }
    // Nothing to lock or save: the database is gone, the backup brings it back.
    return placeCopy(backup, target, QFile::ReadOwner | QFile::WriteOwner, nullptr);
}

} // namespace burrow::dialect::sqlite
