#pragma once

#include "../result.h"

#include <QDateTime>
#include <QStringList>

#include <functional>

namespace burrow::backup {

/// One file a backup holds, with its checksum.
struct BackupFile {
    QString name;   // relative to the backup folder: "before.sqlite3", "migrations/0002_x.sql"
    QString sha256; // hex
    qint64 bytes = 0;
};

/// What manifest.json says about a backup.
struct Manifest {
    QString source;       // the database URL as displayed (never a password)
    QStringList versions; // the migrations this backup precedes
    QList<BackupFile> files;
    QDateTime createdAt; // UTC
    qint64 backupMs = 0; // time to write and verify before.*
    qint64 applyMs = -1; // time the apply took, -1 before it ran
    QString burrowVersion;
};

/// A backup folder being written: `<migrations>/backups/<UTC yyyyMMddThhmmssZ>_<version>/`
/// (mode 0700, files 0600).
struct BackupFolder {
    QString path;
    Manifest manifest;
    QStringList hashedOnDisk; // files whose checksum was read back from the folder itself
};

/// Creates the folder for a backup before applying `versions` (named after the last one).
/// Errors when the folder can't be created (permissions, disk full) say which path and why.
Result<BackupFolder> createBackupFolder(const QString &migrationsDir, const QStringList &versions,
                                        const QString &source);

/// Makes `path` a backup folder for `versions` of `source`: created (mode 0700, parents as
/// needed), or an existing empty folder made 0700. A folder with files in it is refused.
Result<BackupFolder> createBackupFolderAt(const QString &path, const QStringList &versions,
                                          const QString &source);

/// Creates the new folder `<parent>/<baseName>` (0700), or `<baseName>-2`, `-3`… when taken;
/// `parent` is created 0700 when missing.
Result<BackupFolder> createUniqueBackupFolder(const QString &parent, const QString &baseName,
                                              const QStringList &versions, const QString &source);

/// How backup folder names start: the UTC time as yyyyMMddThhmmssZ.
QString folderTimestamp(const QDateTime &time);

/// Copies `file` into the folder under `name` (0600) and lists it in the manifest.
Status addFile(BackupFolder &folder, const QString &file, const QString &name);

/// Registers a file already written into the folder (e.g. by the engine's backup) with its
/// checksum, and makes it 0600.
Status registerFile(BackupFolder &folder, const QString &name);

/// registerFile for a database copy, hashed while `check` (the engine's verification of the
/// copy, e.g. SQLite's quick_check) runs on another thread: each reads the whole file, and
/// together they take as long as the slower one. Fails when either fails.
Status registerCheckedFile(BackupFolder &folder, const QString &name,
                           const std::function<Status()> &check);

/// Writes manifest.json (0600), atomically.
Status writeManifest(const BackupFolder &folder);

/// Writes manifest.json, then reads the folder back (verifyWrittenFolder): the last step of
/// every backup, so a folder that passes for a backup is one that was checked.
Status sealBackupFolder(const BackupFolder &folder);

/// Reads a backup folder's manifest.json without checking the files it lists.
Result<Manifest> readManifest(const QString &path);

/// Reads a backup folder's manifest and verifies every listed file's size and SHA-256; an error
/// names the first file that is missing or differs.
Result<Manifest> verifyBackupFolder(const QString &path);

/// verifyBackupFolder for a folder just written: the manifest reads back and lists every file
/// with its size; checksums are compared again only for files not hashed from the folder
/// itself (copies hashed from their source bytes).
Result<Manifest> verifyWrittenFolder(const BackupFolder &folder);

/// A quick look at a backup folder, for lists: the manifest reads and every file it lists is
/// there with its size. Checksums are verified when the backup is used (verifyBackupFolder).
Result<Manifest> checkBackupFolder(const QString &path);

/// SHA-256 (hex) of a file, streamed.
Result<QString> sha256OfFile(const QString &path);

} // namespace burrow::backup
