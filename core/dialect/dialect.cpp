#include "dialect.h"

#include "mysql/mysql_dialect.h"
#include "postgres/postgres_dialect.h"
#include "sqlite/sqlite_dialect.h"

namespace burrow::dialect {

Result<QStringList> Dialect::otherSchemasIn(const DatabaseUrl &) const
{
    return QStringList();
}

Status Dialect::createEmptyDatabase(const DatabaseUrl &url) const
{
    return Error{Error::Code::Unsupported,
                 u"Burrow cannot create " + engineName(url.engine) + u" databases",
                 {},
                 0,
                 {},
                 QStringLiteral("create the database with the server's own tools")};
}

Result<std::unique_ptr<Dialect>> dialectFor(const DatabaseUrl &url)
{
    std::unique_ptr<Dialect> dialect;
    switch (url.engine) {
    case Engine::SQLite:
        dialect = std::make_unique<sqlite::SqliteDialect>();
        break;
    case Engine::PostgreSQL:
        dialect = postgres::makePostgresDialect(url);
        break;
    case Engine::MySQL:
        dialect = mysql::makeMysqlDialect(url);
        break;
    }
    if (dialect)
        return dialect;
    return Error{Error::Code::Unsupported,
                 engineName(url.engine) + u" databases are not supported yet",
                 {},
                 0,
                 {},
                 QStringLiteral("use a sqlite: URL for now")};
}

} // namespace burrow::dialect
