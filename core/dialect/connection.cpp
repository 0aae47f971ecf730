#include "connection.h"

#include <QMutex>
#include <QRegularExpression>
#include <QSqlError>

#include <atomic>

namespace burrow::dialect {
namespace {

// Qt's QMYSQL driver counts its instances in a plain static and initializes the client library
// when the count leaves zero: drivers are created and destroyed one thread at a time.
QMutex &driverLock()
{
    static QMutex lock;
    return lock;
}

} // namespace

ScopedConnection::ScopedConnection(const QString &driver)
{
    static std::atomic<int> counter{0};
    m_name = u"burrow-" + QString::number(++counter);
    const QMutexLocker locker(&driverLock());
    m_db = QSqlDatabase::addDatabase(driver, m_name);
}

ScopedConnection::~ScopedConnection()
{
    m_db.close();
    const QMutexLocker locker(&driverLock());
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

Result<QSqlQuery> runQuery(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(sql)) {
        const QSqlError error = query.lastError();
        const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
        return Error{Error::Code::Sql, text, {}, 0, sql, {}, error.nativeErrorCode()};
    }
    return query;
}

int lineInStatement(const QString &engineMessage)
{
    static const QRegularExpression marks(
        QStringLiteral("\\bLINE (\\d+):|near '.*' at line (\\d+)$"),
        QRegularExpression::MultilineOption | QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = marks.match(engineMessage);
    if (!m.hasMatch())
        return 0;
    return (m.captured(1).isEmpty() ? m.captured(2) : m.captured(1)).toInt();
}

int lineOfEngineError(int statementLine, const QString &engineMessage)
{
    return statementLine + std::max(lineInStatement(engineMessage) - 1, 0);
}

} // namespace burrow::dialect
