#pragma once

// PostgreSQL makes a unique index a table's unique constraint or primary key in place (ADD
// CONSTRAINT … USING INDEX, the index renamed after the constraint): nothing is built again,
// and the rows stay checked throughout. A unique index (Rails' way) meeting a model that
// declares UNIQUE (Django's) is the usual case.

#include "schema/schema.h"

namespace burrow::dialect::postgres {

/// The index of `live` that a unique constraint or primary key on `columns` added to it can
/// take over: one the model drops (`target` has no index of its name), unique, on exactly those
/// columns in order, a plain b-tree (no expression, predicate, INCLUDE, storage parameter,
/// collation, operator class, DESC or NULLS FIRST), treating NULLs as the constraint does, and
/// without a comment. Null when none, or when `taken` holds its name already.
const schema::Index *adoptableIndex(const schema::Table &live, const schema::Table &target,
                                    const QStringList &columns, bool nullsNotDistinct,
                                    const QStringList &taken);

} // namespace burrow::dialect::postgres
