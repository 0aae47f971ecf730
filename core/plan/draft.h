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
    OnlineOptions online;     // plan --concurrently / --not-valid
};

/// A migration ready to be written: both plans, the lint warnings, and the file's text.
struct MigrationDraft {
    MigrationPlan up;
    MigrationPlan down;
    schema::Schema target; // what the database will look like after `up`
    QList<LintWarning> warnings;
    QString text;
    /// With online options: what runs after `up`, outside any transaction (concurrent index
    /// builds, constraint validations), and its way back. Empty when nothing is left for it.
    MigrationPlan followUp;
    MigrationPlan followUpDown;
    QString followUpText; // the second migration file; empty: there is none
};

/// Plans the migration for a comparison (renames from the request and the model's
/// annotations), plans its way back, lints it against the live rows, and renders the file.
/// With online options (refused where the engine has none), the work that must not hold the
/// migration's locks moves to a follow-up file: `up` leads to the target without the index
/// changes made online (withoutOnlineIndexChanges), and adds constraints NOT VALID; `followUp`
/// builds those indexes online and validates the constraints.
Result<MigrationDraft> draftMigration(const diff::Comparison &comparison,
                                      const DraftRequest &request);

} // namespace burrow::plan
