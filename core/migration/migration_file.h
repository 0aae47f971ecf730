#pragma once

#include "../result.h"
#include "../sql/splitter.h"

namespace burrow::migration {

/// One direction of a migration file.
struct Section {
    QList<sql::Statement> statements; // file lines are the file's, not the section's
    bool transaction = true;          // `transaction:false` after the marker turns it off
    bool present = false;             // the marker was in the file
};

/// A migration file parsed: dbmate's `-- migrate:up` / `-- migrate:down` sections, or goose's
/// `-- +goose Up` / `-- +goose Down` (with `-- +goose NO TRANSACTION`, and
/// `-- +goose StatementBegin/End` blocks kept as one statement).
struct MigrationFile {
    QString path;
    QString description; // leading comment lines before the first marker, without `-- `
    Section up;
    Section down;
};

/// Parses migration text. A file without an up marker, a marker twice, an unknown `migrate:`
/// option, or a statement that does not split (unterminated quote, unfinished trigger) is an
/// error naming `path` and the line.
Result<MigrationFile> parseMigration(QStringView text, const QString &path,
                                     const sql::LexerOptions &options);

/// Reads and parses a migration file (UTF-8).
Result<MigrationFile> readMigrationFile(const QString &path, const sql::LexerOptions &options);

} // namespace burrow::migration
