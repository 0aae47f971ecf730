#include "connection.h"

#include <QSqlError>

#include <atomic>

namespace burrow::dialect {

ScopedConnection::ScopedConnection(const QString &driver)
{
    static std::atomic<int> counter{0};
    m_name = u"burrow-" + QString::number(++counter);
    m_db = QSqlDatabase::addDatabase(driver, m_name);
}

ScopedConnection::~ScopedConnection()
{
    m_db.close();
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

} // namespace burrow::dialect
