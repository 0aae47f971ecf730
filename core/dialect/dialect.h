#pragma once

#include "../model/model_files.h"
#include "../plan/sql_renderer.h"
#include "../schema/schema.h"
#include "connection.h"
#include "database_ops.h"
#include "database_url.h"

#include <QSet>

#include <memory>
#include <optional>

namespace burrow::dialect {

/// What Burrow needs from one database engine. Each engine implements it in its own folder;
/// nothing outside those folders branches on the engine.
class Dialect {
public:
    virtual ~Dialect() = default;

    virtual Engine engine() const = 0;
    virtual const sql::LexerOptions &lexerOptions() const = 0;
    /// Whether two names differing only in case denote different objects.
    virtual bool caseSensitiveNames() const = 0;
    /// Globs of the tables the engine itself owns (never user schema).
    virtual QStringList internalTableGlobs() const = 0;
    /// The engine's backend name for the ORM helpers (resources/python): sqlite, postgresql, mysql.
    virtual QString ormBackendName() const = 0;

    /// Reads the schema of a live database without modifying it.
    virtual Result<schema::Schema> introspect(const DatabaseUrl &url) const = 0;
    /// The database's schemas besides the URL's (PostgreSQL; none elsewhere): to read all of a
    /// dry run's copy, where a migration may change any of them.
    virtual Result<QStringList> otherSchemasIn(const DatabaseUrl &url) const;
    /// The schemas besides the URL's that a comparison with `script` reads (PostgreSQL: those
    /// the model creates), where the engine tells them before loading the model and reading
    /// the live schema meanwhile pays. Nothing: it is read after, with the model's schemas.
    virtual std::optional<QStringList> schemasComparedWith(const model::ModelScript &script) const
    {
        (void)script;
        return std::nullopt;
    }
    /// The schema where unqualified names live (PostgreSQL: the URL's, `public` by default);
    /// empty where the engine has none besides the database.
    virtual QString ownSchema() const { return {}; }
    /// Lets the engine validate and normalize the model's DDL, and reads the result back.
    virtual Result<schema::Schema> loadModel(const model::ModelScript &script) const = 0;
    /// What loadModel()'s result depends on besides the model (server version and settings,
    /// objects outside the model it may use), as text for the model cache's key; empty when
    /// the engine's models are not worth caching.
    virtual Result<QString> modelContext() const { return QString(); }

    /// Gives the live triggers of `tables` the statement that created them, as it was typed,
    /// where the catalog tells only their parts (MariaDB/MySQL): a migration that creates them
    /// again (a down section) then writes them as the user did. Only their text changes, never
    /// how they compare; a trigger whose statement cannot be read keeps the catalog's spelling.
    virtual void spellTriggersAsTyped(const DatabaseUrl &url, schema::Schema &live,
                                      const QSet<QString> &tables) const
    {
        (void)url, (void)live, (void)tables;
    }

    /// How the engine spells a migration plan.
    virtual const plan::SqlRenderer &renderer() const = 0;
    /// A read-only connection to the live database, for counting rows (lint).
    virtual Result<std::unique_ptr<ScopedConnection>>
    openForReading(const DatabaseUrl &url) const = 0;
    /// Creates a new, empty database at the URL (which must not exist yet). Engines that cannot
    /// report Unsupported.
    virtual Status createEmptyDatabase(const DatabaseUrl &url) const;
    /// Applying, backing up and restoring on this engine.
    virtual const DatabaseOps &operations() const { return unsupportedOps(engine()); }
};

/// The dialect for the URL's engine, or an error when Burrow does not support it yet.
Result<std::unique_ptr<Dialect>> dialectFor(const DatabaseUrl &url);

} // namespace burrow::dialect
