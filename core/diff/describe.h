#pragma once

#include "../schema/schema.h"
#include "change.h"

namespace burrow::diff {

/// Human-readable one-line definitions of schema objects, for reports and the GUI. Not SQL for
/// any particular engine: that is the dialects' job.

/// A name as written in prose: bare when plain, double-quoted otherwise.
QString displayName(const QString &name);
QString displayNames(const QStringList &names); // "(a, b)"
/// A key's columns: "(a, b)", or "(a, p WITHOUT OVERLAPS)" with MariaDB's period `p`.
QString displayKeyColumns(const QStringList &columns, const QString &withoutOverlaps);

QString describeColumn(const schema::Column &column);
QString describeIndex(const schema::Index &index);
QString describeForeignKey(const schema::ForeignKey &fk);
/// `SET NULL (a)`: the action, with the columns it sets where it names them.
QString onDeleteText(const schema::ForeignKey &fk);
QString describeCheck(const schema::CheckConstraint &check);
QString describeTable(const schema::Table &table);
QString describeOptions(const schema::Table &table); // "WITHOUT ROWID, STRICT" or "none"
/// Trigger, Rule or Statistics.
ObjectKind triggerKind(const schema::Trigger &trigger);
/// A stored definition squeezed onto one line and shortened for display.
QString oneLine(const QString &sql, qsizetype maxLength = 100);

} // namespace burrow::diff
