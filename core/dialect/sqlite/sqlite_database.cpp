#include "sqlite_database.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QUrl>

#include <sqlite3.h>

namespace burrow::dialect::sqlite {
namespace {

// Primary result codes from sqlite3.h; the driver reports them as text.
enum SqliteCode { Busy = 5, Locked = 6, IoError = 10, Corrupt = 11, CantOpen = 14, NotADb = 26 };

const QString kDriver = QStringLiteral("QSQLITE");

Error refined(Error error, Error::Code code, const QString &message, const QString &hint)
{
    error.code = code;
    error.message = message;
    error.hint = hint;
    error.statement.clear(); // the catalog query says nothing useful to the user
    return error;
}

} // namespace

Error classify(Error error, const QString &file)
{
    error.file = file;
    const QString text = error.message;
    switch (error.engineCode.toInt() & 0xff) {
    case Busy:
    case Locked:
        return refined(error, Error::Code::Locked,
                       QStringLiteral("the database is locked by another process"),
                       QStringLiteral("retry when the other program has finished writing"));
    case Corrupt:
        return refined(
            error, Error::Code::Corrupt, u"the database is corrupt (" + text + u')',
            QStringLiteral("restore it from a backup; sqlite3's .recover may save data"));
    case NotADb:
        return refined(error, Error::Code::NotADatabase, QStringLiteral("not a SQLite database"),
                       QStringLiteral("check that the URL names the right file"));
    case IoError:
    case CantOpen:
        return refined(error, Error::Code::Unreadable, u"cannot open the database (" + text + u')',
                       QStringLiteral("check the path and the file's permissions"));
    default:
        return error;
    }
}

namespace {

/// Opens an existing file, never creating one: read-only, or read-write through `mode=rw`.
Result<std::unique_ptr<ScopedConnection>> openExisting(const QString &path, int busyTimeoutMs,
                                                       bool writable)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error{Error::Code::NotFound,
                     QStringLiteral("database file not found"),
                     path,
                     0,
                     {},
                     QStringLiteral("check the path (Burrow never creates a database)")};
    if (info.isDir())
        return Error{Error::Code::Unreadable,
                     QStringLiteral("is a directory, not a database file"),
                     path,
                     0,
                     {},
                     QStringLiteral("name the database file itself")};
    auto connection = std::make_unique<ScopedConnection>(kDriver);
    QSqlDatabase &db = connection->database();
    const QString timeout = u"QSQLITE_BUSY_TIMEOUT=" + QString::number(busyTimeoutMs);
    if (writable) {
        db.setDatabaseName(QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded) + u"?mode=rw");
        db.setConnectOptions(u"QSQLITE_OPEN_URI;" + timeout);
    } else {
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;" + timeout);
    }
    if (!db.open()) {
        const QSqlError e = db.lastError();
        return classify(
            Error{Error::Code::Sql, e.databaseText(), {}, 0, {}, {}, e.nativeErrorCode()}, path);
    }
    if (Result<QSqlQuery> probe =
            runQuery(db, QStringLiteral("SELECT count(*) FROM sqlite_schema"));
        !probe)
        return classify(probe.error(), path);
    return connection;
}

} // namespace

Result<std::unique_ptr<ScopedConnection>> openReadOnly(const QString &path, int busyTimeoutMs)
{
    return openExisting(path, busyTimeoutMs, false);
}

Result<std::unique_ptr<ScopedConnection>> openReadWrite(const QString &path, int busyTimeoutMs)
{
    return openExisting(path, busyTimeoutMs, true);
}

bool hasWalFiles(const QString &path)
{
    return QFileInfo::exists(path + u"-wal") || QFileInfo::exists(path + u"-shm");
}

void removeLeftoverWalFiles(const QString &path)
{
    if (!hasWalFiles(path))
        return;
    ScopedConnection connection(kDriver);
    QSqlDatabase &db = connection.database();
    // mode=rw: never create the database should it vanish meanwhile.
    db.setDatabaseName(QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded) + u"?mode=rw");
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=0"));
    if (db.open())
        (void)runQuery(db, QStringLiteral("SELECT count(*) FROM sqlite_schema")); // opens the log
}

sqlite3 *nativeHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.data());
}

Status createDatabaseFromScript(const QString &path, const QByteArray &sql)
{
    if (QFileInfo::exists(path))
        return Error{Error::Code::Conflict, QStringLiteral("the database file exists already"),
                     path};
    sqlite3 *db = nullptr;
    int rc = sqlite3_open_v2(path.toUtf8().constData(), &db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    char *message = nullptr;
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, &message);
    const QString reason = message ? QString::fromUtf8(message)
                                   : QString::fromUtf8(db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_free(message);
    sqlite3_close(db);
    if (rc == SQLITE_OK)
        return Ok{};
    QFile::remove(path);
    return classify(Error{Error::Code::Sql, u"cannot create the database: " + reason, path}, path);
}

Result<std::unique_ptr<ScopedConnection>> openInMemory()
{
    auto connection = std::make_unique<ScopedConnection>(kDriver);
    connection->database().setDatabaseName(QStringLiteral(":memory:"));
    if (!connection->database().open())
        return Error{Error::Code::Internal,
                     QStringLiteral("cannot open an in-memory SQLite database"),
                     {},
                     0,
                     {},
                     connection->database().lastError().text()};
    return connection;
}

} // namespace burrow::dialect::sqlite
