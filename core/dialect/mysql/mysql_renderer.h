#pragma once

#include "../../plan/sql_renderer.h"

namespace burrow::dialect::mysql {

/// MySQL/MariaDB's spelling of a plan: every change to one table in one ALTER TABLE, backtick
/// quoting, and no transaction around a section (MySQL commits each DDL statement at once).
class MysqlRenderer final : public plan::SqlRenderer {
public:
    const sql::LexerOptions &lexerOptions() const override;
    QString quote(const QString &identifier) const override;
    /// MySQL's CAST knows few types (no INT(11), no VARCHAR), and compares a bare NULL fine.
    QString typedNull(const schema::Column &) const override { return QStringLiteral("NULL"); }

    QStringList createTable(const schema::Table &table) const override;
    QStringList dropTable(const schema::Table &table) const override;
    QStringList renameTable(const QString &from, const QString &to) const override;
    QStringList renameColumn(const QString &table, const QString &from,
                             const QString &to) const override;
    QStringList createIndex(const QString &table, const schema::Index &index) const override;
    QStringList dropIndex(const QString &table, const schema::Index &index) const override;
    QStringList renameIndex(const QString &table, const QString &from,
                            const QString &to) const override;
    QStringList createView(const schema::View &view) const override;
    QStringList dropView(const schema::View &view) const override;
    QStringList createTrigger(const QString &table, const schema::Trigger &trigger) const override;
    QStringList dropTrigger(const QString &table, const schema::Trigger &trigger) const override;
    QStringList createPlacedTrigger(const QString &table, const schema::Trigger &trigger,
                                    const plan::TriggerPlacement &placement) const override;
    QStringList createEvent(const schema::Event &event) const override;
    QStringList dropEvent(const schema::Event &event) const override;
    QStringList alterEvent(const schema::Event &live, const schema::Event &target) const override;
    QStringList createFunction(const schema::Function &routine) const override;
    QStringList dropFunction(const schema::Function &routine) const override;
    QStringList alterFunction(const schema::Function &live,
                              const schema::Function &target) const override;
    QStringList createSequence(const schema::Sequence &sequence) const override;
    QStringList dropSequence(const schema::Sequence &sequence) const override;
    QStringList alterSequence(const schema::Sequence &live,
                              const schema::Sequence &target) const override;

    plan::TableAlteration alterTable(const schema::Table &live,
                                     const schema::Table &target) const override;
    bool narrowsType(const schema::Column &from, const schema::Column &to) const override;
    QString valuesNotHeld(const schema::Column &from, const schema::Column &to) const override;
    QString indexedValue(const schema::Expression &part) const override;
    QStringList dropForeignKey(const QString &table, const schema::ForeignKey &fk) const override;
    QStringList addForeignKey(const QString &table, const schema::ForeignKey &fk) const override;
    bool foreignKeysBlockColumnChanges() const override { return true; }
    bool renamesKeysInPlace() const override { return true; }
    /// InnoDB's foreign key names are the database's; index names are the table's own.
    QStringList schemaWideNames(const schema::Table &table) const override;
    /// Views and triggers keep their text through any ALTER TABLE; one reading a column that
    /// goes differs from the model's, and is recreated as such.
    bool readersBlockColumnChanges() const override { return false; }
    bool dropsChangedReadersLate() const override { return true; }
    QStringList replaceReader(const QStringList &drop, const QStringList &create) const override;
    Status supportsOnline(const plan::OnlineOptions &options) const override;
    QStringList createIndexOnline(const QString &table, const schema::Index &index) const override;
    QStringList dropIndexOnline(const QString &table, const schema::Index &index) const override;
    plan::SectionText onlineSection(const QStringList &statements) const override;
    plan::SectionText wrapSection(const QStringList &statements, bool foreignKeysOff,
                                  const QStringList &rebuiltTables) const override;
};

} // namespace burrow::dialect::mysql
