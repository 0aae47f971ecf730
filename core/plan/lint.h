#pragma once

#include "../result.h"
#include "../schema/schema.h"
#include "migration_plan.h"
#include "sql_renderer.h"

#include <QSqlDatabase>

namespace burrow::plan {

/// A warning about what a planned change does to the rows that exist now, or a step Burrow
/// cannot write, where the migration stops (Refused) until it is written by hand.
struct LintWarning {
    enum class Severity { Destructive, DataDependent, Refused };
    Severity severity = Severity::DataDependent;
    diff::Change change; // the difference it is about
    QString message;     // "drops column sample.legacy_flag holding 2 non-null values"
    qint64 rows = 0;     // the count the message names
};

/// Reads the live data a plan's changes touch (read-only counting queries, quoted by the
/// renderer) and warns about destructive and data-dependent changes, with row counts:
/// dropped tables and columns holding data, narrowed types, NOT NULL over NULLs (or a new NOT
/// NULL column without default on a table with rows), UNIQUE over duplicates, FOREIGN KEY over
/// orphans, CHECK over violating rows. `live` is the database's schema as it is (before the
/// plan's renames), `target` the schema the plan leads to.
Result<QList<LintWarning>> lintPlan(const MigrationPlan &plan, const schema::Schema &live,
                                    const schema::Schema &target, const QSqlDatabase &db,
                                    const SqlRenderer &renderer);

/// A Refused warning for each statement of `plan` that stops the migration (refusalIn).
QList<LintWarning> refusalsIn(const MigrationPlan &plan, const SqlRenderer &renderer);

} // namespace burrow::plan
