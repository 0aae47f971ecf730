#pragma once

#include "../dialect/database_url.h"
#include "../model/model_files.h"
#include "../schema/schema.h"
#include "change.h"

#include <QDir>

#include <optional>

namespace burrow::diff {

/// What to compare: a database URL with model definitions, minus ignored tables.
struct CompareRequest {
    QString database;             // URL; relative SQLite paths resolve against `base`
    QStringList models;           // model sources (model_source.h): .sql files/folders, URLs…
    QStringList ignore;           // table-name globs, besides the built-in ones
    bool allowEmptyModel = false; // an empty model is a mistake unless the user says otherwise
    QDir base = QDir::current();
    std::optional<dialect::DatabaseUrl> url; // already parsed: takes precedence over `database`
    QString python; // the interpreter for django: and sqlalchemy: models; empty: python3 on PATH
    QString modelCache{}; // folder of the model cache (model/model_cache.h); empty: none
    /// The migrations folder, if known: the schemas its migrations create are compared too
    /// (PostgreSQL), also once the model no longer creates one, so that what such a schema
    /// holds is dropped with it rather than left behind unseen.
    QString migrations{};
};

/// Both schemas (ignored objects removed) and the changes between them.
struct Comparison {
    dialect::DatabaseUrl url;
    schema::Schema live;
    schema::Schema model;
    QList<Change> changes;
    model::ModelScript script; // the model's statements, for annotations such as renames
    /// What the model creates that Burrow neither compares nor migrates and the database lacks
    /// ("publication pub"): never in a migration, so the user is told.
    QStringList notCompared{};
    /// Where unqualified names live (Dialect::ownSchema): a move back names it.
    QString ownSchema{};
};

/// The warning for one of Comparison::notCompared.
QString notComparedWarning(const QString &object);

/// Introspects the database (read-only), loads the model through the same engine, and diffs.
/// The one entry point the CLI and the GUI share.
Result<Comparison> compareWithModel(const CompareRequest &request);

} // namespace burrow::diff
