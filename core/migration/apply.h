#pragma once

#include "../cancellation.h"
#include "../diff/compare.h"
#include "../plan/lint.h"
#include "runner.h"

namespace burrow::migration {

/// What `apply` is asked to do.
struct ApplyRequest {
    dialect::DatabaseUrl url;
    QString migrationsDir;
    std::optional<qulonglong> to; // apply up to this version (inclusive)
    bool dryRun = false;          // on a scratch copy; the database is not touched
    bool backup = true;           // --no-backup turns it off (loudly, in the CLI)
    /// Engines without transactional DDL: run the migrations on a scratch copy first, so that
    /// one that fails never stops part-way on the database (--no-rehearsal for huge ones).
    bool rehearse = true;
    /// First run the rest of the migration that stopped part-way: the statements after those
    /// that ran (apply --continue), once what stopped it is fixed.
    bool continueStopped = false;
    /// Models to re-diff against afterwards; empty models: no re-diff.
    diff::CompareRequest models;
    ProgressObserver observer;
    /// Stops between statements, or interrupts the running one; its migration rolls back.
    Cancellation cancellation;
};

/// What happened.
struct ApplyResult {
    QList<AppliedReport> applied;
    QString backupFolder; // empty for a dry run or --no-backup
    bool compared = false;
    QList<diff::Change> remaining; // differences left against the models, when compared
    /// Dry run: what the migrations' net schema change does to the rows the database holds.
    QList<plan::LintWarning> warnings;
};

/// The whole apply, as the CLI and the GUI run it: read and check the migrations folder, take the
/// lock (a second applier waits, then hears who holds it), back up and verify (nothing runs if
/// that fails), run the pending migrations atomically with their history, keep the state after,
/// and re-diff against the models (where DDL is not transactional, after a rehearsal on a scratch
/// copy). A dry run does the same on a scratch copy, without backup,
/// and lints the schema change against the real database's rows. Cancelled: an Error with code
/// Cancelled; the running migration is rolled back, those before it stay applied.
Result<ApplyResult> applyMigrations(const ApplyRequest &request);

/// How long a second applier waits for the lock before reporting who holds it.
constexpr int kLockWaitMs = 3000;

} // namespace burrow::migration
