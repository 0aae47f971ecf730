#include "sqlite_database.h"
#include "sqlite_file_copy_p.h"

#include <QFile>
#include <QSqlDriver>
#include <QVariant>

#include <cerrno>
#include <cstring>
#include <memory>
#include <sqlite3.h>
#include <unistd.h>

namespace burrow::dialect::sqlite {
namespace {

constexpr qint64 kChunk = qint64(1) << 20;

Error copyError(const QString &message, const QString &path)
{
    return Error{Error::Code::Unreadable,
                 message,
                 path,
                 0,
                 {},
                 QStringLiteral("check the folder's permissions and the free disk space")};
}

/// The error of a failed write(2): a full disk says so, with what to do.
Error writeError(int error, const QString &path)
{
    if (error == ENOSPC || error == EDQUOT || error == EFBIG)
        return Error{Error::Code::Unreadable,
                     QStringLiteral("the disk is full"),
                     path,
                     0,
                     {},
                     QStringLiteral("free some disk space or back up elsewhere")};
    return copyError(u"cannot write the backup: " + QString::fromLocal8Bit(strerror(error)), path);
}

// The open file of the connection's main database: reading through it keeps SQLite's POSIX
// locks, which closing a descriptor of our own on the same file would drop.
sqlite3_file *mainFile(const QSqlDatabase &db)
{
    sqlite3 *handle = nativeHandle(db);
    sqlite3_file *file = nullptr;
    if (!handle ||
        sqlite3_file_control(handle, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK)
        return nullptr;
    return file && file->pMethods ? file : nullptr;
}

Result<qint64> pragmaNumber(const QSqlDatabase &db, const QString &pragma, const QString &path)
{
    Result<QSqlQuery> query = runQuery(db, u"PRAGMA " + pragma);
    if (!query)
        return classify(query.error(), path);
    return query->next() ? query->value(0).toLongLong() : qint64(0);
}

// The database's size as SQLite sees it, read inside the transaction.
Result<qint64> databaseBytes(const QSqlDatabase &db, const QString &path)
{
    Result<qint64> pages = pragmaNumber(db, QStringLiteral("page_count"), path);
    if (!pages)
        return pages;
    Result<qint64> pageSize = pragmaNumber(db, QStringLiteral("page_size"), path);
    if (!pageSize)
        return pageSize;
    return *pages * *pageSize;
}

Status flush(QFile &out)
{
    if (::fsync(out.handle()) != 0)
        return errno == ENOSPC || errno == EDQUOT
                   ? writeError(errno, out.fileName())
                   : copyError(u"cannot flush the backup to disk: " +
                                   QString::fromLocal8Bit(strerror(errno)),
                               out.fileName());
    return Ok{};
}

/// Writes all of `data`, retrying short writes: QFile reports no error for a write that
/// stopped partway (a disk filling up), so the loop asks write(2) for errno itself.
Status writeAll(int fd, const char *data, qint64 size, const QString &path)
{
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size_t(size));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return writeError(written < 0 ? errno : ENOSPC, path);
        data += written;
        size -= written;
    }
    return Ok{};
}

Status copyBytes(sqlite3_file *from, qint64 bytes, const QString &source, QFile &out)
{
    const std::unique_ptr<char[]> buffer(new char[kChunk]);
    for (qint64 offset = 0; offset < bytes; offset += kChunk) {
        const int n = int(std::min(kChunk, bytes - offset));
        if (from->pMethods->xRead(from, buffer.get(), n, offset) != SQLITE_OK)
            return copyError(QStringLiteral("cannot read the database"), source);
        if (Status written = writeAll(out.handle(), buffer.get(), n, out.fileName()); !written)
            return written;
    }
    return flush(out);
}

// Holds a read transaction (a shared lock on the file) while it lives.
class ReadTransaction {
public:
    explicit ReadTransaction(const QSqlDatabase &db)
        : m_db(db)
    {
    }
    ~ReadTransaction()
    {
        if (m_open)
            (void)runQuery(m_db, QStringLiteral("ROLLBACK"));
    }
    ReadTransaction(const ReadTransaction &) = delete;
    ReadTransaction &operator=(const ReadTransaction &) = delete;

    Status begin(const QString &path)
    {
        if (Result<QSqlQuery> begun = runQuery(m_db, QStringLiteral("BEGIN")); !begun)
            return classify(begun.error(), path);
        m_open = true;
        // The first read takes the shared lock (and rolls back a hot journal).
        if (Result<QSqlQuery> read =
                runQuery(m_db, QStringLiteral("SELECT count(*) FROM sqlite_schema"));
            !read)
            return classify(read.error(), path);
        return Ok{};
    }

private:
    QSqlDatabase m_db;
    bool m_open = false;
};

} // namespace

Result<bool> isWalMode(const QSqlDatabase &db, const QString &path)
{
    Result<QSqlQuery> query = runQuery(db, QStringLiteral("PRAGMA journal_mode"));
    if (!query)
        return classify(query.error(), path);
    return query->next() && query->value(0).toString().compare(u"wal", Qt::CaseInsensitive) == 0;
}

Status copyDatabaseFile(const QSqlDatabase &db, const QString &source, const QString &target)
{
    ReadTransaction transaction(db);
    if (Status begun = transaction.begin(source); !begun)
        return begun;
    sqlite3_file *file = mainFile(db);
    if (!file)
        return Error{Error::Code::Internal, QStringLiteral("SQLite gives no handle to its file"),
                     source};
    Result<qint64> bytes = databaseBytes(db, source);
    if (!bytes)
        return bytes.error();
    QFile out(target);
    if (!out.open(QIODevice::WriteOnly | QIODevice::ExistingOnly | QIODevice::Unbuffered))
        return copyError(u"cannot write the backup: " + out.errorString(), target);
    return copyBytes(file, *bytes, source, out);
}

} // namespace burrow::dialect::sqlite
