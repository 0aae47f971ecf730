#pragma once

#include "../result.h"
#include "migration_file.h"

namespace burrow::migration {

/// One migration file of a migrations folder.
struct MigrationEntry {
    QString version;       // the digits as written ("0007")
    qulonglong number = 0; // what orders migrations
    QString name;          // the part after the first underscore, without ".sql"
    QString path;          // absolute
    QString checksum;      // migrationChecksum() of the file's text
    MigrationFile file;    // parsed sections
};

/// SHA-256 (hex) of migration text, insensitive to line endings (CRLF, CR, LF) and to trailing
/// whitespace on lines and at the end, so an editor's reformatting is not an alarm while any
/// real edit is.
QString migrationChecksum(QStringView text);

/// Reads the `<digits>_<name>.sql` files of `directory` (not its subfolders, so `backups/` is
/// never read), ordered by numeric version. Other files are ignored. Errors: the folder is
/// missing; two files with one version (a Conflict naming both); a file that does not read or
/// parse (its file:line) — then nothing is returned, so nothing runs.
Result<QList<MigrationEntry>> readMigrationDirectory(const QString &directory,
                                                     const sql::LexerOptions &options);

} // namespace burrow::migration
