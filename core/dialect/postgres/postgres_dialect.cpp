#include "postgres_dialect.h"

#include "postgres_catalog.h"
#include "postgres_extensions.h"
#include "postgres_model_context.h"
#include "postgres_model_guard.h"
#include "postgres_model_loader.h"
#include "postgres_model_reach_p.h"
#include "postgres_model_text.h"
#include "postgres_names.h"
#include "postgres_scratch_database.h"
#include "postgres_session.h"

namespace burrow::dialect::postgres {

PostgresDialect::PostgresDialect(DatabaseUrl server)
    : m_server(std::move(server))
{
}

const sql::LexerOptions &PostgresDialect::lexerOptions() const
{
    return postgres::lexerOptions();
}

Result<schema::Schema> PostgresDialect::introspectCounting(const DatabaseUrl &url, int &queries)
{
    Result<std::unique_ptr<Session>> session = Session::open(url, Access::ReadSchema);
    if (!session)
        return session.error();
    Result<schema::Schema> schema = readCatalog(**session, url.otherSchemas);
    if (schema) {
        // Installed database-wide: the scratch load's catalog must not read them (readCatalog).
        Result<QList<schema::Extension>> extensions = readExtensions(**session);
        if (!extensions)
            return extensions.error();
        schema->extensions = *extensions;
    }
    queries = (*session)->queryCount();
    return schema;
}

Result<schema::Schema> PostgresDialect::introspect(const DatabaseUrl &url) const
{
    int queries = 0;
    return introspectCounting(url, queries);
}

Result<QStringList> PostgresDialect::otherSchemasIn(const DatabaseUrl &url) const
{
    Result<std::unique_ptr<Session>> session = Session::open(url, Access::ReadSchema);
    if (!session)
        return session.error();
    return (*session)->column(QStringLiteral(
        "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname <> pg_catalog.current_schema() "
        "AND nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') "
        "AND nspname !~ '^pg_(toast_)?temp_' ORDER BY nspname"));
}

std::optional<QStringList>
PostgresDialect::schemasComparedWith(const model::ModelScript &script) const
{
    return schemasCreatedBy(script, schemaOf(m_server));
}

QString PostgresDialect::ownSchema() const
{
    return schemaOf(m_server);
}

Result<schema::Schema> PostgresDialect::loadModel(const model::ModelScript &script) const
{
    model::ModelScript own = withoutOwnSchemaQualifier(script, schemaOf(m_server));
    // Publications and event triggers: listed, not run.
    const QStringList uncompared = takeUncomparedStatements(own.statements);
    // Schemas of its own: a scratch database holds them, where the live one is out of reach.
    const QStringList created = schemasCreatedBy(own, schemaOf(m_server));
    Result<schema::Schema> model = [&]() -> Result<schema::Schema> {
        if (!created.isEmpty()) {
            if (Status stays = checkStaysInDatabase(own); !stays)
                return stays.error();
            return loadModelInScratchDatabase(m_server, own, created);
        }
        if (Status stays = checkStaysInScratch(own); !stays)
            return stays.error();
        return loadModelSchema(m_server, own);
    }();
    if (model) {
        model->extensions = extensionsNamedIn(script);
        model->uncompared += uncompared;
        model->uncompared.sort();
    }
    return model;
}

Result<QString> PostgresDialect::modelContext() const
{
    return modelContextOf(m_server);
}

Result<std::unique_ptr<ScopedConnection>>
PostgresDialect::openForReading(const DatabaseUrl &url) const
{
    Result<std::unique_ptr<Session>> session = Session::open(url, Access::ReadSchema);
    if (!session)
        return session.error();
    return (*session)->release();
}

std::unique_ptr<Dialect> makePostgresDialect(const DatabaseUrl &url)
{
    return std::make_unique<PostgresDialect>(url);
}

} // namespace burrow::dialect::postgres
