#include "restore.h"

#include "../dialect/sqlite/sqlite_backup.h"

#include <QDir>
#include <QFileInfo>

namespace burrow::backup {
namespace {

// Lists the safety copy once restoreDatabase has written it, and checks the folder.
Status finishSafetyFolder(BackupFolder &folder)
{
    if (Status listed = registerFile(folder, standaloneDatabaseName()); !listed)
        return listed;
    return sealBackupFolder(folder);
}

} // namespace

QString standaloneDatabaseName()
{
    return QStringLiteral("database.sqlite3");
}

Result<QString> databaseFileIn(const Manifest &manifest, const QString &folder)
{
    for (const QString &name : {standaloneDatabaseName(), QStringLiteral("before.sqlite3")})
        for (const BackupFile &file : manifest.files)
            if (file.name == name)
                return QDir(folder).filePath(name);
    return Error{Error::Code::NotFound,
                 QStringLiteral("the backup holds no SQLite database (database.sqlite3 or "
                                "before.sqlite3)"),
                 folder};
}

Result<BackupFolder> createSafetyFolder(const QString &from, const dialect::DatabaseUrl &url)
{
    const QString name = u"pre-restore-" + folderTimestamp(QDateTime::currentDateTimeUtc());
    const QString first = QFileInfo(from).absolutePath();
    Result<BackupFolder> folder = createUniqueBackupFolder(first, name, {}, url.display());
    if (folder)
        return folder;
    const QString second = QFileInfo(url.path).absolutePath();
    Result<BackupFolder> beside = createUniqueBackupFolder(second, name, {}, url.display());
    if (beside)
        return beside;
    Error error = folder.error();
    error.hint = u"make " + QDir::toNativeSeparators(first) + u" or " +
                 QDir::toNativeSeparators(second) + u" writable for the safety copy";
    return error;
}

Status restoreWithSafetyCopy(const QString &backupFile, const QString &database,
                             const std::optional<BackupFolder> &safety)
{
    const QString copy = safety ? QDir(safety->path).filePath(standaloneDatabaseName()) : QString();
    if (Status restored = dialect::sqlite::restoreDatabase(backupFile, database, copy); !restored) {
        if (safety) // the database kept its content: the copy is not needed
            QDir(safety->path).removeRecursively();
        return restored;
    }
    if (!safety)
        return Ok{};
    BackupFolder folder = *safety;
    if (Status finished = finishSafetyFolder(folder); !finished) {
        Error error = finished.error();
        error.message = u"restored, but the safety copy's manifest failed: " + error.message;
        return error;
    }
    return Ok{};
}

Result<Restored> restoreBackup(const QString &from, const dialect::DatabaseUrl &url)
{
    if (url.engine != dialect::Engine::SQLite)
        return Error{Error::Code::Unsupported,
                     u"restore of " + dialect::engineName(url.engine) +
                         u" databases is not supported yet",
                     url.display()};
    Result<Manifest> manifest = verifyBackupFolder(from);
    if (!manifest)
        return manifest.error();
    Result<QString> backupFile = databaseFileIn(*manifest, from);
    if (!backupFile)
        return backupFile.error();
    std::optional<BackupFolder> safety;
    if (QFileInfo::exists(url.path)) {
        Result<BackupFolder> folder = createSafetyFolder(from, url);
        if (!folder)
            return folder.error();
        safety = *folder;
    }
    if (Status restored = restoreWithSafetyCopy(*backupFile, url.path, safety); !restored)
        return restored.error();
    return Restored{*backupFile, safety ? safety->path : QString()};
}

} // namespace burrow::backup
