#pragma once

#include "../schema/schema.h"

#include <QRegularExpression>

namespace burrow::diff {

/// Globs on table (and view, type, sequence) names whose objects a diff leaves out: the user's
/// `--ignore` and burrow.json rules, the engine's own tables, and Burrow's history table.
class IgnoreRules {
public:
    IgnoreRules(const QStringList &globs, Qt::CaseSensitivity cs);

    /// The history table Burrow itself keeps in every database it migrates.
    static QString historyTable() { return QStringLiteral("burrow_migrations"); }

    bool matches(const QString &name) const;
    /// `schema` without the tables, views, types and sequences these rules match (and the
    /// sequences owned by tables they match).
    schema::Schema apply(schema::Schema schema) const;
    /// apply() to the live schema; a schema (PostgreSQL) holding something these rules match
    /// that `model` does not create stays out of view too: dropping it would fail on what it
    /// still holds (DROP SCHEMA without CASCADE).
    schema::Schema applyToLive(schema::Schema live, const schema::Schema &model,
                               Qt::CaseSensitivity cs) const;

private:
    QList<QRegularExpression> m_patterns;
};

} // namespace burrow::diff
