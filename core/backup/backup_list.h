#pragma once

#include "backup_folder.h"

#include <optional>

namespace burrow::backup {

/// One folder under `<migrations>/backups/`, as a list of backups shows it.
struct BackupListing {
    QString path;                     // absolute
    std::optional<Manifest> manifest; // unless manifest.json is missing or unreadable
    std::optional<Error> problem;     // why the folder does not verify; none when it does
    QDateTime createdAt;              // the manifest's, else the folder's modification time (UTC)
};

/// The backups folder of a migrations folder.
QString backupsFolderOf(const QString &migrationsDir);

/// Every folder under `<migrationsDir>/backups/`, newest first, each checked quickly (the
/// manifest, and every file it lists there with its size; SHA-256s are verified on restore,
/// as hashing gigabytes of backups after every compare would stall the panel). No backups
/// folder: an empty list.
QList<BackupListing> listBackups(const QString &migrationsDir);

} // namespace burrow::backup
