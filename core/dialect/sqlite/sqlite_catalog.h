#pragma once

#include "../../result.h"
#include "../../schema/schema.h"

#include <QSqlDatabase>

namespace burrow::dialect::sqlite {

/// Reads the whole schema of an open SQLite connection with a fixed number of catalog queries
/// (table-valued pragmas joined with sqlite_schema), however many tables there are; the stored
/// CREATE text supplies what the pragmas don't expose.
Result<schema::Schema> readCatalog(const QSqlDatabase &db);

} // namespace burrow::dialect::sqlite
