#pragma once

#include "../../plan/sql_renderer.h"
#include "../../schema/schema.h"

namespace burrow::dialect::postgres {

/// The ALTER TABLE statements that bring `live` to `target` in place (PostgreSQL never needs a
/// rebuild): constraints that go or change are dropped first, then columns dropped, added and
/// altered (type with USING, NOT NULL, default, identity, generation), then constraints added,
/// foreign keys last. One statement per action, so a failure names its action. A partition
/// whose parent or bound changes is detached first and attached again last.
/// A unique constraint or primary key added takes over a unique index the model drops where it
/// can (ADD CONSTRAINT … USING INDEX, see postgres_index_adoption.h): indexesTakenOver.
plan::TableAlteration alterTableSql(const schema::Table &live, const schema::Table &target);

} // namespace burrow::dialect::postgres
