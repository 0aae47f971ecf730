#pragma once

#include "../../plan/sql_renderer.h"

namespace burrow::dialect::sqlite {

/// SQLite's spelling of a plan: native ALTER TABLE where SQLite allows it, the documented
/// 12-step table rebuild otherwise, foreign keys off outside the transaction around both.
class SqliteRenderer final : public plan::SqlRenderer {
public:
    const sql::LexerOptions &lexerOptions() const override;
    QString quote(const QString &identifier) const override;

    QStringList createTable(const schema::Table &table) const override;
    QStringList dropTable(const schema::Table &table) const override;
    QStringList renameTable(const QString &from, const QString &to) const override;
    QStringList renameColumn(const QString &table, const QString &from,
                             const QString &to) const override;
    QStringList createIndex(const QString &table, const schema::Index &index) const override;
    QStringList dropIndex(const QString &table, const schema::Index &index) const override;
    QStringList createView(const schema::View &view) const override;
    QStringList dropView(const schema::View &view) const override;
    QStringList createTrigger(const QString &table, const schema::Trigger &trigger) const override;
    QStringList dropTrigger(const QString &table, const schema::Trigger &trigger) const override;

    plan::TableAlteration alterTable(const schema::Table &live,
                                     const schema::Table &target) const override;
    bool narrowsType(const schema::Column &from, const schema::Column &to) const override;
    Status supportsOnline(const plan::OnlineOptions &options) const override;
    plan::SectionText wrapSection(const QStringList &statements, bool foreignKeysOff,
                                  const QStringList &rebuiltTables) const override;
};

/// SQLite's type affinity of a declared type (section 3.1 of its datatype rules).
enum class Affinity { Integer, Text, Blob, Real, Numeric };
Affinity affinityOf(const QString &declaredType);

/// The statements of SQLite's 12-step rebuild of `live` into `target` (steps 4 to 9: create
/// under a temporary name, copy with an explicit column mapping, carry the AUTOINCREMENT
/// counter, drop, rename, recreate indexes). Foreign keys, the transaction, views and triggers
/// are the caller's.
QStringList rebuildTableSql(const schema::Table &live, const schema::Table &target);

/// ALTER TABLE statements that make `live` into `target` without a rebuild, or nothing when
/// SQLite cannot (only added and dropped columns within SQLite's rules qualify).
std::optional<QStringList> nativeAlterSql(const schema::Table &live, const schema::Table &target);

} // namespace burrow::dialect::sqlite
