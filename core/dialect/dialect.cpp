#include "dialect.h"

#include "sqlite/sqlite_dialect.h"

namespace burrow::dialect {

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
