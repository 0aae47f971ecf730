#include "dialect.h"

#include "sqlite/sqlite_dialect.h"

namespace burrow::dialect {

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
    if (url.engine == Engine::SQLite)
        return std::unique_ptr<Dialect>(std::make_unique<sqlite::SqliteDialect>());
    return Error{Error::Code::Unsupported,
                 engineName(url.engine) + u" databases are not supported yet",
                 {},
                 0,
                 {},
                 QStringLiteral("use a sqlite: URL for now")};
}

} // namespace burrow::dialect
