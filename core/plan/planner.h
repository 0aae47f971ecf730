#pragma once

#include "../result.h"
#include "../schema/schema.h"
#include "migration_plan.h"
#include "sql_renderer.h"

namespace burrow::plan {

/// Plans the migration that brings `live` to `model`: renames first (as the user decided
/// them), then every difference in dependency order, spelled by `renderer`. Destructive
/// differences are left out (and listed) unless allowed. Pure: reads values, executes nothing.
/// Fails only on renames that don't fit the schemas.
Result<MigrationPlan> planMigration(const schema::Schema &live, const schema::Schema &model,
                                    const PlanOptions &options, const SqlRenderer &renderer);

/// The schema the plan leads to: `model`, except that the differences in `excluded` keep their
/// live state (a table or column the user keeps, a type left as it is), and views and functions
/// keep the live privileges (not compared). `live` has the renames already applied.
schema::Schema targetSchema(const schema::Schema &live, const schema::Schema &model,
                            const QList<diff::Change> &excluded, Qt::CaseSensitivity cs);

/// `live` with each table that leaves a parent (NO INHERIT) holding the parent's columns and
/// CHECKs, as it does once it has left: the plan alters them to the model's, not adds them.
schema::Schema withLeftParentsMembers(const schema::Schema &live, const schema::Schema &model,
                                      Qt::CaseSensitivity cs);

} // namespace burrow::plan
