#include "database_copy.h"

#include <QDir>
#include <QFile>

namespace burrow::backup {

Status addDatabaseCopy(BackupFolder &folder, const dialect::DatabaseOps &engine,
                       const dialect::DatabaseUrl &database, const QString &name)
{
    const QString copy = QDir(folder.path).filePath(name);
    if (Status copied = engine.writeBackup(database, copy); !copied) {
        Error error = copied.error();
        if (error.file.isEmpty()) // a client tool's error: where it was writing
            error.file = copy;
        return error;
    }
    Status listed =
        registerCheckedFile(folder, name, [&engine, &copy] { return engine.checkBackup(copy); });
    if (!listed)
        QFile::remove(copy);
    return listed;
}

QString backupFileName(const dialect::DatabaseOps &engine, const QString &stem)
{
    return stem + u'.' + engine.backupSuffix();
}

} // namespace burrow::backup
