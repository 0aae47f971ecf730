#pragma once

#include "../dialect.h"
#include "postgres_ops.h"
#include "postgres_renderer.h"

#include <memory>

namespace burrow::dialect::postgres {

/// PostgreSQL: introspection from pg_catalog (the URL's ?schema=, `public` by default), models
/// validated by the same server in a scratch schema that is always rolled back.
class PostgresDialect final : public Dialect {
public:
    /// `server` is where models are loaded: the database being compared.
    explicit PostgresDialect(DatabaseUrl server);

    Engine engine() const override { return Engine::PostgreSQL; }
    const sql::LexerOptions &lexerOptions() const override;
    bool caseSensitiveNames() const override { return true; }
    QStringList internalTableGlobs() const override { return {}; }
    QString ormBackendName() const override { return QStringLiteral("postgresql"); }

    Result<schema::Schema> introspect(const DatabaseUrl &url) const override;
    Result<QStringList> otherSchemasIn(const DatabaseUrl &url) const override;
    std::optional<QStringList> schemasComparedWith(const model::ModelScript &script) const override;
    QString ownSchema() const override;
    Result<schema::Schema> loadModel(const model::ModelScript &script) const override;
    Result<QString> modelContext() const override;
    const plan::SqlRenderer &renderer() const override { return m_renderer; }
    Result<std::unique_ptr<ScopedConnection>> openForReading(const DatabaseUrl &url) const override;
    const DatabaseOps &operations() const override { return m_ops; }

    /// introspect(), also telling how many queries it sent (one round trip each, the connection
    /// set-up's included), for tests that prove the count does not grow with the tables.
    static Result<schema::Schema> introspectCounting(const DatabaseUrl &url, int &queries);

private:
    DatabaseUrl m_server;
    PostgresRenderer m_renderer;
    PostgresOps m_ops;
};

/// The PostgreSQL dialect for the database at `url`.
std::unique_ptr<Dialect> makePostgresDialect(const DatabaseUrl &url);

} // namespace burrow::dialect::postgres
