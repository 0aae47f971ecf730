#pragma once

#include "../dialect/database_ops.h"
#include "backup_folder.h"

#include <optional>

namespace burrow::backup {

/// The name of the database's file in a stand-alone backup and in a pre-restore safety copy.
QString standaloneDatabaseName(const dialect::DatabaseOps &engine);

/// The database file of a backup folder: a stand-alone backup's, else the one taken before an
/// apply (before.<suffix>). An error when the manifest lists neither for this engine.
Result<QString> databaseFileIn(const Manifest &manifest, const QString &folder,
                               const dialect::DatabaseOps &engine);

/// A new folder `pre-restore-<time>` for the safety copy of the database at `url`: beside the
/// backup folder `from` (with the other backups), else beside the database.
Result<BackupFolder> createSafetyFolder(const QString &from, const dialect::DatabaseUrl &url);

/// Replaces the database's content with `backupFile`. With a `safety` folder, the current
/// database is first saved there (its manifest written and verified after); on failure the
/// database keeps its content and the safety folder is removed.
Status restoreWithSafetyCopy(const dialect::DatabaseOps &engine, const QString &backupFile,
                             const dialect::DatabaseUrl &url,
                             const std::optional<BackupFolder> &safety);

/// What restoreBackup did.
struct Restored {
    QString backupFile;   // the file the database now is a copy of
    QString safetyFolder; // the previous database's copy; empty when there was no database
};

/// The whole restore as the GUI runs it: verifies the backup folder `from`, saves the current
/// database into a safety folder (when it exists), then replaces it.
Result<Restored> restoreBackup(const QString &from, const dialect::DatabaseUrl &url);

} // namespace burrow::backup
