#include "restore.h"

#include "../dialect/dialect.h"
#include "database_copy.h"

#include <QDir>
#include <QFileInfo>

namespace burrow::backup {
namespace {

// Lists the safety copy once the restore has written it, and checks the folder.
Status finishSafetyFolder(BackupFolder &folder, const dialect::DatabaseOps &engine)
{
    if (Status listed = registerFile(folder, standaloneDatabaseName(engine)); !listed)
        return listed;
    return sealBackupFolder(folder);
}

/// A restore that failed. Where DDL is transactional it was rolled back and the safety copy
/// is not needed. Elsewhere (MariaDB) it may have stopped part-way: the copy, complete and
/// sealed, holds what the database held, and the error says where.
Error keepSafetyCopyIfChanged(Error error, BackupFolder folder, const dialect::DatabaseOps &engine)
{
    if (engine.transactionalDdl() || !finishSafetyFolder(folder, engine)) {
        QDir(folder.path).removeRecursively();
        return error;
    }
    const QString where = QDir::toNativeSeparators(folder.path);
    error.message += u"; the restore may have stopped part-way, and what the database held "
                     u"before it is in " +
                     where;
    const QString next = u"run the restore again, or put the old content back with restore "
                         u"--from " +
                         where;
    error.hint = error.hint.isEmpty() ? next : error.hint + u"; " + next;
    return error;
}

} // namespace

QString standaloneDatabaseName(const dialect::DatabaseOps &engine)
{
    return backupFileName(engine, QStringLiteral("database"));
}

Result<QString> databaseFileIn(const Manifest &manifest, const QString &folder,
                               const dialect::DatabaseOps &engine)
{
    const QStringList names{standaloneDatabaseName(engine),
                            backupFileName(engine, QStringLiteral("before"))};
    for (const QString &name : names)
        for (const BackupFile &file : manifest.files)
            if (file.name == name)
                return QDir(folder).filePath(name);
    return Error{Error::Code::NotFound,
                 u"the backup holds no database of this engine (" + names.join(u" or ") + u')',
                 folder};
}

Result<BackupFolder> createSafetyFolder(const QString &from, const dialect::DatabaseUrl &url)
{
    const QString name = u"pre-restore-" + folderTimestamp(QDateTime::currentDateTimeUtc());
    const QString first = QFileInfo(from).absolutePath();
    Result<BackupFolder> folder = createUniqueBackupFolder(first, name, {}, url.display());
    if (folder || url.path.isEmpty())
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

Status restoreWithSafetyCopy(const dialect::DatabaseOps &engine, const QString &backupFile,
                             const dialect::DatabaseUrl &url,
                             const std::optional<BackupFolder> &safety)
{
    const QString copy =
        safety ? QDir(safety->path).filePath(standaloneDatabaseName(engine)) : QString();
    if (Status restored = engine.restoreBackup(backupFile, url, copy); !restored) {
        if (safety)
            return keepSafetyCopyIfChanged(restored.error(), *safety, engine);
        return restored;
    }
    if (!safety)
        return Ok{};
    BackupFolder folder = *safety;
    if (Status finished = finishSafetyFolder(folder, engine); !finished) {
        Error error = finished.error();
        error.message = u"restored, but the safety copy's manifest failed: " + error.message;
        return error;
    }
    return Ok{};
}

Result<Restored> restoreBackup(const QString &from, const dialect::DatabaseUrl &url)
{
    Result<std::unique_ptr<dialect::Dialect>> dialect = dialect::dialectFor(url);
    if (!dialect)
        return dialect.error();
    const dialect::DatabaseOps &engine = (*dialect)->operations();
    Result<Manifest> manifest = verifyBackupFolder(from);
    if (!manifest)
        return manifest.error();
    Result<QString> backupFile = databaseFileIn(*manifest, from, engine);
    if (!backupFile)
        return backupFile.error();
    std::optional<BackupFolder> safety;
    if (engine.exists(url)) {
        Result<BackupFolder> folder = createSafetyFolder(from, url);
        if (!folder)
            return folder.error();
        safety = *folder;
    }
    if (Status restored = restoreWithSafetyCopy(engine, *backupFile, url, safety); !restored)
        return restored.error();
    return Restored{*backupFile, safety ? safety->path : QString()};
}

} // namespace burrow::backup
