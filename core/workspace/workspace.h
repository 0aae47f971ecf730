#pragma once

#include "../result.h"

#include <QStringList>

namespace burrow::workspace {

/// A workspace folder's burrow.json: the defaults every command starts from. Paths are resolved
/// against the folder; passwords are never stored here.
struct Workspace {
    QString directory;  // absolute
    QString database;   // a database URL, relative SQLite paths made absolute
    QStringList models; // model sources, paths absolute (model/model_source.h)
    QString migrations; // absolute path
    QStringList ignore; // table-name globs
    QString python;     // the interpreter for ORM model sources; empty: python3 on PATH

    static QString fileName() { return QStringLiteral("burrow.json"); }
};

/// Reads DIR/burrow.json. A missing file, invalid JSON (with its line) or a wrongly typed key is
/// an error naming the file.
Result<Workspace> loadWorkspace(const QString &directory);

/// Whether saveWorkspace may replace a burrow.json that exists already.
enum class Overwrite { No, Yes };

/// Writes `workspace` as its directory's burrow.json (creating the folder when missing). Paths
/// inside the folder are written relative to it, others absolute; a password in the database URL
/// is dropped. An existing burrow.json is a Conflict unless `overwrite` says Yes.
Status saveWorkspace(const Workspace &workspace, Overwrite overwrite = Overwrite::No);

} // namespace burrow::workspace
