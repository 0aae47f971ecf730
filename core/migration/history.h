#pragma once

#include "../result.h"
#include "migration_directory.h"

#include <QDateTime>
#include <QSqlDatabase>

#include <algorithm>
#include <optional>

namespace burrow::migration {

/// One row of the history table `burrow_migrations` (the design's contract).
struct AppliedMigration {
    QString version;
    QString name;
    QString checksum;
    QDateTime startedAt;  // UTC
    QDateTime finishedAt; // UTC; invalid while running
    qint64 durationMs = 0;
    QString appliedBy;          // user@host
    QString status;             // "applied", "baseline" (recorded without running), or where each
                                // statement commits on its own (MariaDB DDL, a transaction:false
                                // file) "running" / "failed" (statementsApplied ran)
    int statementsApplied = -1; // -1: not tracked (the migration ran in one transaction)

    /// Whether the migration ran to its end (or was recorded as such).
    bool isComplete() const { return status != u"running" && status != u"failed"; }
    /// How many of its statements ran, by the count (0 where none is kept).
    int statementsRan() const { return std::max(statementsApplied, 0); }
};

/// The history table's name.
inline QString historyTableName()
{
    return QStringLiteral("burrow_migrations");
}

/// The rows of the history table in version order; empty when the table does not exist yet.
Result<QList<AppliedMigration>> readHistory(const QSqlDatabase &db);

/// Creates the history table if it does not exist.
Status ensureHistoryTable(const QSqlDatabase &db);

/// Inserts one row (the caller decides the transaction it belongs to).
Status recordMigration(const QSqlDatabase &db, const AppliedMigration &row);

/// Records `entries` as applied without running them (status "baseline"), in one transaction:
/// all of them or none. For databases brought into compliance by hand, and the demo.
Status recordBaseline(QSqlDatabase db, const QList<MigrationEntry> &entries);

/// `user@host` of this process, for `applied_by`.
QString currentApplier();

/// Where one migration stands.
enum class MigrationState {
    Applied,  // recorded, file unchanged
    Pending,  // file not recorded yet
    Modified, // recorded, but the file's checksum differs from the recorded one
    Missing,  // recorded, but no file has its version any more
    Failed,   // ran statement by statement (no transaction) and stopped part-way
};

struct MigrationStatus {
    QString version;
    QString name;
    MigrationState state = MigrationState::Pending;
    std::optional<MigrationEntry> entry;     // the file, unless Missing
    std::optional<AppliedMigration> applied; // the history row, unless Pending
};

/// Every migration, files and history merged, in numeric version order.
QList<MigrationStatus> migrationStatus(const QList<MigrationEntry> &files,
                                       const QList<AppliedMigration> &history);

QString stateName(MigrationState state); // "applied", "pending", "modified", "missing", "failed"

/// Updates how far a running migration got (`statements` ran), or ends it with `status`.
Status recordProgress(const QSqlDatabase &db, const QString &version, int statements);
Status finishMigration(const QSqlDatabase &db, const AppliedMigration &row);
/// Marks the row of a migration that stopped part-way running again, past its
/// `statementsApplied`, under the file's name and checksum now (apply --continue).
Status continueMigration(const QSqlDatabase &db, const AppliedMigration &row);
/// Removes the row of a tracked migration that stopped before its first statement took effect:
/// it is pending again, as if it had never started.
Status forgetMigration(const QSqlDatabase &db, const QString &version);

} // namespace burrow::migration
