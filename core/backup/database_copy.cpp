#include "database_copy.h"

#include "../dialect/sqlite/sqlite_backup.h"

#include <QDir>
#include <QFile>

namespace burrow::backup {

Status addDatabaseCopy(BackupFolder &folder, const QString &database, const QString &name)
{
    const QString copy = QDir(folder.path).filePath(name);
    if (Status copied = dialect::sqlite::copyDatabase(database, copy); !copied)
        return copied;
    Status listed =
        registerCheckedFile(folder, name, [&copy] { return dialect::sqlite::checkDatabase(copy); });
    if (!listed)
        QFile::remove(copy);
    return listed;
}

} // namespace burrow::backup
