#include "mysql_dialect.h"

#include "mysql_catalog.h"
#include "mysql_connection.h"
#include "mysql_lexer.h"
#include "mysql_model_loader.h"
#include "mysql_typed_triggers.h"

namespace burrow::dialect::mysql {
namespace {

Result<std::unique_ptr<ScopedConnection>> openDatabase(const DatabaseUrl &url)
{
    if (url.database.isEmpty())
        return Error{Error::Code::InvalidArgument,
                     u"the URL " + url.display() + u" names no database",
                     {},
                     0,
                     {},
                     QStringLiteral("write mysql://user@host[:port]/database")};
    return openServer(url, url.database);
}

} // namespace

const sql::LexerOptions &MysqlDialect::lexerOptions() const
{
    return mysql::lexerOptions();
}

Result<schema::Schema> MysqlDialect::introspect(const DatabaseUrl &url) const
{
    Result<std::unique_ptr<ScopedConnection>> connection = openDatabase(url);
    if (!connection)
        return connection.error();
    return readCatalog((*connection)->database(), url.database);
}

Result<schema::Schema> MysqlDialect::loadModel(const model::ModelScript &script) const
{
    return loadModelOnServer(m_server, script);
}

void MysqlDialect::spellTriggersAsTyped(const DatabaseUrl &url, schema::Schema &live,
                                        const QSet<QString> &tables) const
{
    if (!hasTriggers(live, tables))
        return; // no connection for nothing
    if (Result<std::unique_ptr<ScopedConnection>> connection = openForReading(url))
        keepTypedTriggers((*connection)->database(), url.database, live, tables);
}

Result<std::unique_ptr<ScopedConnection>> MysqlDialect::openForReading(const DatabaseUrl &url) const
{
    Result<std::unique_ptr<ScopedConnection>> connection = openDatabase(url);
    if (!connection)
        return connection;
    const QString readOnly = QStringLiteral("SET SESSION TRANSACTION READ ONLY");
    if (Result<QSqlQuery> done = runQuery((*connection)->database(), readOnly); !done)
        return done.error();
    return connection;
}

std::unique_ptr<Dialect> makeMysqlDialect(const DatabaseUrl &url)
{
    return std::make_unique<MysqlDialect>(url);
}

} // namespace burrow::dialect::mysql
