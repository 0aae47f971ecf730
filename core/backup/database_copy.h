#pragma once

#include "backup_folder.h"

namespace burrow::backup {

/// Copies the database file `database` into the folder as `name` (the engine's consistent online
/// copy, flushed to disk), hashes it while the engine verifies it (SQLite's quick_check), and
/// lists it in the manifest. A copy that fails its check is removed; the error says why.
Status addDatabaseCopy(BackupFolder &folder, const QString &database, const QString &name);

} // namespace burrow::backup
