#pragma once

#include "../dialect/dialect.h"
#include "history.h"

namespace burrow::migration {

/// The history of the database at `url`, read through a read-only connection: never writes.
Result<QList<AppliedMigration>> readHistoryOf(const dialect::Dialect &engine,
                                              const dialect::DatabaseUrl &url);

/// A connection that may change the database at `url`, and its history as it reads now.
struct WritableHistory {
    std::unique_ptr<dialect::ScopedConnection> connection;
    QList<AppliedMigration> rows;
    const QSqlDatabase &db() const { return connection->database(); }
};
Result<WritableHistory> openHistoryForWriting(const dialect::DatabaseOps &ops,
                                              const dialect::DatabaseUrl &url);

/// Every migration of the folder `directory` and where it stands in the database at `url`
/// (what `burrow-cli status` lists). Reads without writing.
Result<QList<MigrationStatus>> readMigrationStatus(const dialect::DatabaseUrl &url,
                                                   const QString &directory);

/// What to do about migration `version`, which stopped part-way: continue it, restore the backup
/// (`restore` says which; empty when there is none), or settle it by hand.
QString waysOutOfStopped(const QString &version, const QString &restore);

/// The first migration the database lacks: pending, or stopped part-way; null when none.
const MigrationStatus *firstUnapplied(const QList<MigrationStatus> &status);

/// Refuses to plan a new migration while the folder has one the database lacks (pending, or
/// stopped part-way): the database is compared as it is, so the new one would repeat it.
/// A folder that does not exist yet has none.
Status checkNothingPending(const QList<MigrationStatus> &status);

/// The migrations up to and including version number `target` that are not recorded yet.
QList<MigrationEntry> unrecordedUpTo(const QList<MigrationStatus> &status, qulonglong target);

/// Records the unrecorded migrations of `directory` up to version number `target` as applied
/// without running them (baseline), in one transaction, and returns them (empty: nothing was
/// left to record).
Result<QList<MigrationEntry>> baselineUpTo(const dialect::DatabaseUrl &url,
                                           const QString &directory, qulonglong target);

} // namespace burrow::migration
