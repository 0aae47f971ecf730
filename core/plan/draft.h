#pragma once

#include "../diff/compare.h"
#include "lint.h"
#include "migration_plan.h"

namespace burrow::plan {

/// What the user asks of a migration beyond the comparison.
struct DraftRequest {
    QList<Rename> renames; // besides those annotated in the model
    bool allowDestructive = false;
    QString source;           // for the file's header, e.g. "sqlite:app.db → models/"
    QList<diff::Change> skip; // differences to keep as they are (the GUI's unchecked rows)
};

/// A migration ready to be written: both plans, the lint warnings, and the file's text.
struct MigrationDraft {
    MigrationPlan up;
    MigrationPlan down;
    schema::Schema target; // what the database will look like after `up`
    QList<LintWarning> warnings;
    QString text;
};

/// Plans the migration for a comparison (renames from the request and the model's
/// annotations), plans its way back, lints it against the live rows, and renders the file.
Result<MigrationDraft> draftMigration(const diff::Comparison &comparison,
                                      const DraftRequest &request);

} // namespace burrow::plan
