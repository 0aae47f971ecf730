#pragma once

#include "schema.h"

namespace burrow::schema {

/// `table` as it must be before it joins the parents it has that `live` lacks (PostgreSQL's
/// ALTER TABLE … INHERIT): with their columns and inheritable CHECKs, and their own parents',
/// which the catalog lists on the parents only (once joined, the table's own copies merge into
/// them), less what a parent it keeps passes on already. Parents are looked up in `schema`, the
/// one `table` belongs to.
Table withJoinedParentsMembers(const Table &table, const Table &live, const Schema &schema,
                               Qt::CaseSensitivity cs);

/// `live` as it is once it leaves the parents `model` lacks (NO INHERIT): their columns and
/// inheritable CHECKs, which the catalog lists on the parents only, become its own, unless a
/// parent it keeps still passes them on. Parents are looked up in `liveSchema`.
Table withLeftParentsMembers(const Table &live, const Table &model, const Schema &liveSchema,
                             Qt::CaseSensitivity cs);

/// Whether `table` has a parent `live` lacks.
bool joinsParent(const Table &table, const Table &live, Qt::CaseSensitivity cs);

} // namespace burrow::schema
