#pragma once

#include "../../plan/sql_renderer.h"
#include "postgres_names.h"

namespace burrow::dialect::postgres {

/// PostgreSQL's spelling of a plan: every table change as in-place ALTER TABLE statements
/// (never a rebuild), every identifier quoted, the section in the runner's one transaction
/// (PostgreSQL DDL is transactional). Online: CREATE/DROP INDEX CONCURRENTLY, constraints
/// added NOT VALID and validated later, both outside the transaction (postgres_online.cpp).
class PostgresRenderer final : public plan::SqlRenderer {
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
    QStringList renameIndex(const QString &table, const QString &from,
                            const QString &to) const override;
    QStringList createView(const schema::View &view) const override;
    QStringList dropView(const schema::View &view) const override;
    QStringList commentOnView(const schema::View &to, const schema::View &from) const override;
    QStringList createTrigger(const QString &table, const schema::Trigger &trigger) const override;
    QStringList dropTrigger(const QString &table, const schema::Trigger &trigger) const override;

    QStringList createEnum(const schema::EnumType &type) const override;
    QStringList dropEnum(const schema::EnumType &type) const override;
    QStringList createCollation(const schema::Collation &collation) const override;
    QStringList dropCollation(const schema::Collation &collation) const override;
    QStringList createTextSearch(const schema::TextSearch &object, bool dictionary) const override;
    QStringList dropTextSearch(const schema::TextSearch &object, bool dictionary) const override;
    QStringList alterTextSearch(const schema::TextSearch &live, const schema::TextSearch &target,
                                bool dictionary) const override;
    QStringList createRange(const schema::RangeType &range) const override;
    QStringList dropRange(const schema::RangeType &range) const override;
    QStringList alterRange(const schema::RangeType &live,
                           const schema::RangeType &target) const override;
    QStringList createComposite(const schema::CompositeType &type) const override;
    QStringList dropComposite(const schema::CompositeType &type) const override;
    QStringList alterComposite(const schema::CompositeType &live,
                               const schema::CompositeType &target,
                               const QList<plan::TypeUser> &users) const override;
    QStringList alterEnum(const schema::EnumType &live, const schema::EnumType &target,
                          const plan::EnumUsers &users) const override;
    QStringList createDomain(const schema::Domain &domain) const override;
    QStringList dropDomain(const schema::Domain &domain) const override;
    QStringList alterDomain(const schema::Domain &live,
                            const schema::Domain &target) const override;
    QStringList createExtension(const schema::Extension &extension) const override;
    QStringList dropExtension(const schema::Extension &extension) const override;
    QStringList createNamespace(const schema::Namespace &ns) const override;
    QStringList dropNamespace(const schema::Namespace &ns) const override;
    QStringList createSequence(const schema::Sequence &sequence) const override;
    QStringList dropSequence(const schema::Sequence &sequence) const override;
    QStringList alterSequence(const schema::Sequence &live,
                              const schema::Sequence &target) const override;
    QStringList ownSequence(const schema::Sequence &sequence) const override;
    QStringList createFunction(const schema::Function &function) const override;
    QStringList dropFunction(const schema::Function &function) const override;
    QStringList alterFunction(const schema::Function &live,
                              const schema::Function &target) const override;
    bool generatedColumnsBlockTypeChanges() const override { return true; }
    bool renamesKeysInPlace() const override { return true; }
    bool readersFollowTableRenames() const override { return true; }
    /// Index names, and those of the keys and exclusions that an index carries, are relation
    /// names of the schema.
    QStringList schemaWideNames(const schema::Table &table) const override;
    bool replacesFunctionInPlace(const schema::Function &live,
                                 const schema::Function &target) const override;
    bool bodyBindsCalls(const schema::Function &function) const override;
    bool bodyCheckedAtCreation(const schema::Function &function) const override;

    QStringList createPolicy(const QString &table, const schema::Policy &policy) const override;
    QStringList dropPolicy(const QString &table, const schema::Policy &policy) const override;
    QStringList alterPolicy(const QString &table, const schema::Policy &live,
                            const schema::Policy &target) const override;
    QStringList setReplicaIdentity(const QString &table,
                                   const schema::Table &wanted) const override;
    QStringList setClusterIndex(const QString &table, const schema::Table &wanted) const override;
    QStringList setRowSecurity(const QString &table, const schema::Table &live,
                               const schema::Table &target) const override;

    Status supportsOnline(const plan::OnlineOptions &options) const override;
    QStringList createIndexOnline(const QString &table, const schema::Index &index) const override;
    QStringList dropIndexOnline(const QString &table, const schema::Index &index) const override;
    QStringList addForeignKeyNotValid(const QString &table,
                                      const schema::ForeignKey &fk) const override;
    QStringList addCheckNotValid(const QString &table,
                                 const schema::CheckConstraint &check) const override;
    QStringList validateConstraint(const QString &table, const QString &name) const override;
    QStringList dropConstraint(const QString &table, const QString &name) const override;
    plan::SectionText onlineSection(const QStringList &statements) const override;

    plan::TableAlteration alterTable(const schema::Table &live,
                                     const schema::Table &target) const override;
    QStringList dropForeignKey(const QString &table, const schema::ForeignKey &fk) const override;
    QStringList addForeignKey(const QString &table, const schema::ForeignKey &fk) const override;
    bool narrowsType(const schema::Column &from, const schema::Column &to) const override;
    QString valuesNotHeld(const schema::Column &from, const schema::Column &to) const override;
    QString refusalIn(const QString &statement) const override { return raisedMessage(statement); }
    plan::SectionText wrapSection(const QStringList &statements, bool foreignKeysOff,
                                  const QStringList &rebuiltTables) const override;
};

} // namespace burrow::dialect::postgres
