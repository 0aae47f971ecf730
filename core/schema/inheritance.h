#pragma once

#include "schema.h"

namespace burrow::schema {

/// `table` as it must be before it joins the parents it has that `live` lacks (PostgreSQL's
/// ALTER TABLE … INHERIT): with their columns and inheritable CHECKs, and their own parents',
/// which the catalog lists on the parents only (once joined, the table's own copies merge into
/// them). Parents are looked up in `schema`, the one `table` belongs to.
Table withJoinedParentsMembers(const Table &table, const Table &live, const Schema &schema,
                               Qt::CaseSensitivity cs);

/// Whether `table` has a parent `live` lacks.
bool joinsParent(const Table &table, const Table &live, Qt::CaseSensitivity cs);

} // namespace burrow::schema
