#pragma once

#include "history.h"

namespace burrow::migration {

/// The history row of the migration `apply --continue` picks up: the one that stopped part-way,
/// checked so that the statements that ran are still the ones its file starts with. When the
/// file was edited since (the failing statement fixed, say), its text as it ran is found by its
/// checksum among the copies in the backup folders beside the migrations, and the statements
/// that ran are compared one by one. Conflict when none stopped, or when that cannot be told.
Result<AppliedMigration> stoppedToContinue(const QList<MigrationStatus> &status,
                                           const QString &migrationsDir,
                                           const sql::LexerOptions &lexer);

} // namespace burrow::migration
