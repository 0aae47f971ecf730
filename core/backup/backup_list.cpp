#include "backup_list.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace burrow::backup {

QString backupsFolderOf(const QString &migrationsDir)
{
    return QDir(migrationsDir).filePath(QStringLiteral("backups"));
}

QList<BackupListing> listBackups(const QString &migrationsDir)
{
    QList<BackupListing> list;
    const QFileInfoList folders =
        QDir(backupsFolderOf(migrationsDir)).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &folder : folders) {
        BackupListing entry{folder.absoluteFilePath(), {}, {}, folder.lastModified().toUTC()};
        if (Result<Manifest> manifest = readManifest(entry.path)) {
            entry.manifest = *manifest;
            entry.createdAt = manifest->createdAt;
        }
        if (Result<Manifest> checked = checkBackupFolder(entry.path); !checked)
            entry.problem = checked.error();
        list.append(std::move(entry));
    }
    std::stable_sort(list.begin(), list.end(), [](const BackupListing &a, const BackupListing &b) {
        return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.path > b.path;
    });
    return list;
}

} // namespace burrow::backup
