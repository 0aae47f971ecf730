#pragma once

#include "../schema/schema.h"
#include "change.h"

namespace burrow::diff {

/// The differences in a table's row-level security (PostgreSQL): whether it is enabled and
/// forced (one RowSecurity change), then its policies paired by name.
QList<Change> diffRowSecurity(const schema::Table &live, const schema::Table &model,
                              Qt::CaseSensitivity cs);

/// "AS PERMISSIVE FOR ALL TO public USING (…) WITH CHECK (…)".
QString describePolicy(const schema::Policy &policy);

} // namespace burrow::diff
