#pragma once

#include "../schema/schema.h"
#include "attribute_diff_p.h"

namespace burrow::diff {

/// What differs in a table's own options, the attributes of its one TableOptions change:
/// SQLite's WITHOUT ROWID and STRICT, comment, collation, partitioning, the dialect's declared
/// options, the tables it inherits from, system versioning, and the partition it is. Names
/// compare under `cs`.
AttributeDiff tableOptionsDiff(const schema::Table &live, const schema::Table &model,
                               Qt::CaseSensitivity cs);

} // namespace burrow::diff
