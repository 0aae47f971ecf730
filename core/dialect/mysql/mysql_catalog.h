#pragma once

#include "../../result.h"
#include "../../schema/schema.h"

#include <QSqlDatabase>

namespace burrow::dialect::mysql {

/// Reads the schema of `database` from information_schema with a fixed number of queries (one
/// per object kind, filtered by schema), however many tables it holds.
Result<schema::Schema> readCatalog(const QSqlDatabase &db, const QString &database);

/// How many catalog queries this process has sent so far; tests prove with it that the count
/// does not grow with the number of tables.
int catalogQueryCount();

} // namespace burrow::dialect::mysql
