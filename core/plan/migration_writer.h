#pragma once

#include "../result.h"
#include "lint.h"
#include "migration_plan.h"
#include "sql_renderer.h"

#include <QDir>

namespace burrow::plan {

/// What goes into a migration file besides the two plans.
struct MigrationFileInfo {
    QString source; // "sqlite:app.db → models/" for the header
    QList<LintWarning> warnings;
};

/// The text of a migration file in the contract's dbmate format: a header of comment lines
/// (the changes, what was left out and why, lint warnings, rename suggestions), then
/// `-- migrate:up` with `up`'s statements and `-- migrate:down` with `down`'s (the plan back to
/// the live schema). Where `up` loses data, the down section says so in a comment.
QString migrationFileText(const MigrationPlan &up, const MigrationPlan &down,
                          const MigrationFileInfo &info, const SqlRenderer &renderer);

/// The text of the follow-up migration of `plan --concurrently` / `--not-valid`: `up`'s
/// statements (online index builds, constraint validations) and `down`'s, each section spelled
/// by SqlRenderer::onlineSection (outside any transaction, its note in the header).
QString onlineMigrationFileText(const MigrationPlan &up, const MigrationPlan &down,
                                const MigrationFileInfo &info, const SqlRenderer &renderer);

/// The follow-up file's name: `name` and what it does after the main migration
/// (`_concurrently` when it builds indexes, else `_validate`).
QString followUpName(const QString &name, const MigrationPlan &followUp);

/// A plan's statements for one section: each step's summary as a comment before its SQL,
/// wrapped by the renderer.
SectionText sectionFor(const MigrationPlan &plan, const SqlRenderer &renderer);

/// `DIR/<version>_<name>.sql` for the next migration: versions continue the folder's numbering
/// (width kept; timestamps continue as timestamps), `0001` in an empty folder. The name is
/// reduced to [a-z0-9_]. Never an existing file.
Result<QString> nextMigrationPath(const QDir &dir, const QString &name);

/// A short name for a plan's file: "create_book", "alter_book", or "update_schema".
QString suggestedName(const MigrationPlan &plan);

} // namespace burrow::plan
