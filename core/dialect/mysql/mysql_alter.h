#pragma once

#include "../../plan/sql_renderer.h"

namespace burrow::dialect::mysql {

/// Everything that brings `live` to `target` as ONE ALTER TABLE with comma-separated clauses
/// (drops first, then columns, then keys, checks, indexes and foreign keys). One exception: a
/// foreign key dropped and re-added under the same name needs a second ALTER TABLE (InnoDB
/// rejects both in one statement). `carriesIndexes` is set when the ALTER also adds or drops
/// indexes, so that the planner leaves them to it instead of writing separate index steps.
plan::TableAlteration alterTableSql(const schema::Table &live, const schema::Table &target);

} // namespace burrow::dialect::mysql
