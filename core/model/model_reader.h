#pragma once

#include "model_files.h"
#include "model_source.h"

namespace burrow::model {

/// What reading model sources needs to know about the target engine.
struct ModelContext {
    sql::LexerOptions lexer;
    QString ormBackend; // Dialect::ormBackendName()
    QString python;     // interpreter for ORM sources; empty: python3 on PATH
    bool allowEmpty = false;
};

/// Reads the DDL of every entry (.sql files and folders, django:, sqlalchemy:) in order into one
/// script for the target engine to load. The ORM sources render their DDL for that engine
/// through the project's own Python, never touching the target database, and name the tables
/// they leave alone in `ignore`. Statements carry their source in `file`.
Result<ModelScript> readModelSources(const QList<ModelSource> &sources,
                                     const ModelContext &context);

/// The parsed entries, or the first malformed one's error.
Result<QList<ModelSource>> parseModelSources(const QStringList &entries);

} // namespace burrow::model
