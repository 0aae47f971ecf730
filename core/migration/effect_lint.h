#pragma once

#include "../dialect/dialect.h"
#include "../plan/lint.h"

namespace burrow::migration {

/// Lint for migrations that exist as files, hand-written or generated: what their net effect on
/// the schema, `before` → `after`, does to the rows `db` holds now (the database before them).
/// Renames are recognized as the differ suggests them (same definition under a new name), so a
/// renamed column is not reported as a dropped one.
Result<QList<plan::LintWarning>> lintEffect(const schema::Schema &before,
                                            const schema::Schema &after, const QSqlDatabase &db,
                                            const dialect::Dialect &dialect);

} // namespace burrow::migration
