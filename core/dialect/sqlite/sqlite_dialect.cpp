#include "sqlite_dialect.h"

#include "sqlite_catalog.h"
#include "sqlite_database.h"
#include "sqlite_lexer.h"
#include "sqlite_model_loader.h"

namespace burrow::dialect::sqlite {

const sql::LexerOptions &SqliteDialect::lexerOptions() const
{
    return sqlite::lexerOptions();
}

QStringList SqliteDialect::internalTableGlobs() const
{
    return {QStringLiteral("sqlite_*")};
}

namespace {

Result<schema::Schema> readSchema(const QString &path, int busyTimeoutMs)
{
    Result<std::unique_ptr<ScopedConnection>> connection = openReadOnly(path, busyTimeoutMs);
    if (!connection)
        return connection.error();
    Result<schema::Schema> schema = readCatalog((*connection)->database());
    if (!schema)
        return classify(schema.error(), path);
    return schema;
}

} // namespace

Result<schema::Schema> SqliteDialect::introspect(const DatabaseUrl &url) const
{
    const bool hadWalFiles = hasWalFiles(url.path);
    Result<schema::Schema> schema = readSchema(url.path, kBusyTimeoutMs);
    if (!hadWalFiles)
        removeLeftoverWalFiles(url.path);
    if (schema)
        schema::resolveImplicitReferences(*schema, Qt::CaseInsensitive);
    return schema;
}

Result<schema::Schema> SqliteDialect::loadModel(const model::ModelScript &script) const
{
    Result<schema::Schema> schema = loadModelSchema(script);
    if (schema)
        schema::resolveImplicitReferences(*schema, Qt::CaseInsensitive);
    return schema;
}

Result<std::unique_ptr<ScopedConnection>>
SqliteDialect::openForReading(const DatabaseUrl &url) const
{
    return openReadOnly(url.path, kBusyTimeoutMs);
}

Status SqliteDialect::createEmptyDatabase(const DatabaseUrl &url) const
{
    return createDatabaseFromScript(url.path, {});
}

} // namespace burrow::dialect::sqlite
