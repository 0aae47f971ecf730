#pragma once

#include "../schema/schema.h"
#include "change.h"

namespace burrow::diff {

struct DiffOptions {
    /// Whether names differing only in case are different objects (the dialect says).
    Qt::CaseSensitivity names = Qt::CaseInsensitive;
};

/// Compares the live schema with the model: every change the database needs to match the
/// model. Pure and generic (no engine knowledge: dialects normalize values before this), in a
/// stable order: tables by name, then views by name; within a table, columns, keys, constraints,
/// indexes, triggers. Identical definitions under a new name yield a rename suggestion besides
/// the removal and the addition; it is never applied by itself.
QList<Change> diffSchemas(const schema::Schema &live, const schema::Schema &model,
                          const DiffOptions &options = {});

} // namespace burrow::diff
