#pragma once

// How one difference reads in the Differences panel: its texts, icons and sort rank.
#include "diff/change.h"

#include <QIcon>
#include <QString>

namespace burrow::ui {

/// The object's label in the Object column: its name, "table options", "foreign key (a)",
/// "old → new" for a rename suggestion.
QString objectText(const diff::Change &change);

/// "added", "removed", "changed", "rename suggested".
QString changeTypeText(diff::ChangeType type);
/// The Change column's word for one change: its type's, or "move suggested" for a move.
QString changeTypeText(const diff::Change &change);

/// What the change means for the migration, in a sentence (the Change column's tooltip).
QString changeTypeExplanation(const diff::Change &change);

/// Where a change sorts inside its table: columns, keys and constraints, indexes, triggers,
/// then the table-level changes.
int kindRank(diff::ObjectKind kind);

/// The icons of the panel, loaded once from the `:/icons/` resource.
struct DifferenceIcons {
    QIcon table, view, column, key, constraint, index, trigger, schema;
    QIcon added, removed, changed, rename, warning, identical;

    static const DifferenceIcons &get();
    const QIcon &forObject(diff::ObjectKind kind) const;
    const QIcon &forType(diff::ChangeType type) const;
};

} // namespace burrow::ui
