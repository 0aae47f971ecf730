#pragma once

#include "../dialect.h"
#include "sqlite_ops.h"
#include "sqlite_renderer.h"

namespace burrow::dialect::sqlite {

/// SQLite: files opened read-only for introspection, models validated in memory.
class SqliteDialect final : public Dialect {
public:
    Engine engine() const override { return Engine::SQLite; }
    const sql::LexerOptions &lexerOptions() const override;
    bool caseSensitiveNames() const override { return false; }
    QStringList internalTableGlobs() const override;
    QString ormBackendName() const override { return QStringLiteral("sqlite"); }

    Result<schema::Schema> introspect(const DatabaseUrl &url) const override;
    Result<schema::Schema> loadModel(const model::ModelScript &script) const override;
    const plan::SqlRenderer &renderer() const override { return m_renderer; }
    Result<std::unique_ptr<ScopedConnection>> openForReading(const DatabaseUrl &url) const override;
    /// An empty file: SQLite writes its header with the first table.
    Status createEmptyDatabase(const DatabaseUrl &url) const override;
    const DatabaseOps &operations() const override { return m_ops; }

    /// How long to wait for another process's write lock before reporting it.
    static constexpr int kBusyTimeoutMs = 2000;

private:
    SqliteRenderer m_renderer;
    SqliteOps m_ops;
};

} // namespace burrow::dialect::sqlite
