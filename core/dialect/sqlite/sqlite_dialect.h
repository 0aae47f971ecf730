#pragma once

#include "../dialect.h"

namespace burrow::dialect::sqlite {

/// SQLite: files opened read-only for introspection, models validated in memory.
class SqliteDialect final : public Dialect {
public:
    Engine engine() const override { return Engine::SQLite; }
    const sql::LexerOptions &lexerOptions() const override;
    bool caseSensitiveNames() const override { return false; }
    QStringList internalTableGlobs() const override;

    Result<schema::Schema> introspect(const DatabaseUrl &url) const override;
    Result<schema::Schema> loadModel(const model::ModelScript &script) const override;

    /// How long to wait for another process's write lock before reporting it.
    static constexpr int kBusyTimeoutMs = 2000;
};

} // namespace burrow::dialect::sqlite
