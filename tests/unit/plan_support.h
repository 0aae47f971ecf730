#pragma once

#include "dialect/connection.h"
#include "plan/draft.h"

#include <QHash>

namespace burrow::test {

/// The migration Burrow drafts for the database file `dbPath` against the model file (an
/// empty model allowed, as with --allow-empty-model).
Result<plan::MigrationDraft> draftFor(const QString &dbPath, const QString &modelPath,
                                      const plan::DraftRequest &request = {},
                                      const QStringList &ignore = {});

/// Applies the up (or down) section of migration `text` to the database file through Burrow's
/// parser and statement runner, inside one transaction when the section asks for it.
/// `foreignKeysOn` switches them on first, as some runners' connections do.
Status applySection(const QString &dbPath, const QString &text, bool down = false,
                    bool foreignKeysOn = false);

/// An open connection to the database file.
std::unique_ptr<dialect::ScopedConnection> openDatabase(const QString &dbPath);

/// Inserts up to `rows` generated rows into every table (values by column affinity; foreign
/// keys point at the parent's rows; rows a constraint rejects are skipped). Rows per table.
QHash<QString, int> fillWithRows(const QString &dbPath, int rows);

/// Every row of `table`'s `columns`, each rendered as one string, sorted.
QStringList rowsOf(const QString &dbPath, const QString &table, const QStringList &columns);

/// Runs one SQL statement on the file and returns the first column of every row.
QStringList queryColumn(const QString &dbPath, const QString &sql);

} // namespace burrow::test
