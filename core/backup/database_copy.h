#pragma once

#include "../dialect/database_ops.h"
#include "backup_folder.h"

namespace burrow::backup {

/// Writes the engine's consistent online copy of the database into the folder as `name`
/// (flushed to disk), hashes it while the engine verifies it (SQLite's quick_check, a dump's
/// table of contents), and lists it in the manifest. A copy that fails its check is removed;
/// the error says why.
Status addDatabaseCopy(BackupFolder &folder, const dialect::DatabaseOps &engine,
                       const dialect::DatabaseUrl &database, const QString &name);

/// The backup file's name for `stem` ("before", "after", "database") on this engine.
QString backupFileName(const dialect::DatabaseOps &engine, const QString &stem);

} // namespace burrow::backup
