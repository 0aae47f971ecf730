#include "postgres_renderer.h"

#include "postgres_alter.h"
#include "postgres_column_options.h"
#include "postgres_composite_sql.h"
#include "postgres_names.h"
#include "postgres_numbering.h"
#include "postgres_object_sql.h"
#include "postgres_policy_sql.h"
#include "postgres_section.h"
#include "postgres_table_sql.h"
#include "postgres_text_search_sql.h"
#include "postgres_types.h"

namespace burrow::dialect::postgres {

using namespace schema;

namespace {

// A new object starts without a comment: one is set only where the model has it.
QStringList commentIfAny(const QString &object, const QString &comment)
{
    return comment.isEmpty() ? QStringList{} : QStringList{commentOnSql(object, comment)};
}

QString triggerKeyword(const Trigger &trigger)
{
    return trigger.kind == TriggerKind::Rule ? QStringLiteral("RULE") : QStringLiteral("TRIGGER");
}

QString viewKind(const View &view)
{
    return view.definition.text.startsWith(u"CREATE MATERIALIZED VIEW ")
               ? QStringLiteral("MATERIALIZED VIEW")
               : QStringLiteral("VIEW");
}

} // namespace

const sql::LexerOptions &PostgresRenderer::lexerOptions() const
{
    return postgres::lexerOptions();
}

QString PostgresRenderer::quote(const QString &identifier) const
{
    return quoteIdentifier(identifier);
}

QStringList PostgresRenderer::createTable(const Table &table) const
{
    QStringList sql{createTableSql(table)};
    for (const Column &c : table.columns)
        sql += columnOptionsSql(table.name, c.name, {}, c.options);
    return sql + tableCommentsSql(table);
}

QStringList PostgresRenderer::dropTable(const Table &table) const
{
    return {u"DROP TABLE " + quote(table.name)};
}

namespace {

/// Moves `table` to `schema`; to the connection's schema (empty: its tables' plain names
/// resolve by the search_path, which holds it alone) by current_schema().
QString setSchemaSql(const QString &table, const QString &schema)
{
    const QString quoted = quoteIdentifier(table);
    if (!schema.isEmpty())
        return u"ALTER TABLE " + quoted + u" SET SCHEMA " + quoteIdentifier(schema);
    return doBlock(u"\nBEGIN\n  EXECUTE pg_catalog.format('ALTER TABLE %s SET SCHEMA %I', " +
                   quoteLiteral(quoted) + u", pg_catalog.current_schema());\nEND\n");
}

} // namespace

// A table moved to another schema takes its indexes, constraints and owned sequences along;
// a renamed one renames the sequences named after it (Rails' rename_table does too).
QStringList PostgresRenderer::renameTable(const QString &from, const QString &to) const
{
    QStringList sql;
    QString moved = from;
    if (schemaPart(from) != schemaPart(to)) {
        sql.append(setSchemaSql(from, schemaPart(to)));
        moved = qualifiedName(schemaPart(to), localPart(from));
    }
    if (localPart(moved) != localPart(to)) {
        sql.append(u"ALTER TABLE " + quote(moved) + u" RENAME TO " + quote(localPart(to)));
        sql.append(followTableRenameSql(quote(to), localPart(from), localPart(to)));
    }
    return sql;
}

QStringList PostgresRenderer::renameColumn(const QString &table, const QString &from,
                                           const QString &to) const
{
    return {u"ALTER TABLE " + quote(table) + u" RENAME COLUMN " + quote(from) + u" TO " +
            quote(to)};
}

QStringList PostgresRenderer::createIndex(const QString &table, const Index &index) const
{
    return QStringList{createIndexSql(table, index)} +
           commentIfAny(u"INDEX " + quote(inSchemaOf(table, index.name)), index.comment);
}

QStringList PostgresRenderer::dropIndex(const QString &table, const Index &index) const
{
    return {u"DROP INDEX " + quote(inSchemaOf(table, index.name))};
}

// Only the name changes: no lock that blocks reads or writes, nothing is built again.
QStringList PostgresRenderer::renameIndex(const QString &table, const QString &from,
                                          const QString &to) const
{
    return {u"ALTER INDEX " + quote(inSchemaOf(table, from)) + u" RENAME TO " + quote(to)};
}

// Views and triggers are the engine's own text of the user's SQL (pg_get_viewdef,
// pg_get_triggerdef), names unqualified because they live in the search_path's schema.
QStringList PostgresRenderer::createView(const View &view) const
{
    QStringList sql = QStringList{view.definition.text} +
                      commentIfAny(viewKind(view) + u' ' + quote(view.name), view.comment);
    for (const ColumnComment &c : view.columnComments)
        sql.append(columnCommentSql(view.name, c.column, c.comment));
    return sql;
}

QStringList PostgresRenderer::commentOnView(const View &to, const View &from) const
{
    QStringList sql;
    if (to.comment != from.comment)
        sql.append(commentOnSql(viewKind(to) + u' ' + quote(to.name), to.comment));
    for (const ColumnCommentChange &c : columnCommentChanges(from, to))
        sql.append(columnCommentSql(to.name, c.column, c.to));
    return sql;
}

QStringList PostgresRenderer::dropView(const View &view) const
{
    return {u"DROP " + viewKind(view) + u' ' + quote(view.name)};
}

QStringList PostgresRenderer::createTrigger(const QString &table, const Trigger &trigger) const
{
    QStringList sql{trigger.definition.text};
    if (trigger.kind == TriggerKind::Statistics) { // named in the schema, as an index is
        const QString statistics = u"STATISTICS " + quote(inSchemaOf(table, trigger.name));
        if (!trigger.firing.isEmpty())
            sql.append(u"ALTER " + statistics + u' ' + trigger.firing);
        return sql + commentIfAny(statistics, trigger.comment);
    }
    const QString kind = triggerKeyword(trigger);
    if (!trigger.firing.isEmpty()) // created enabled
        sql.append(u"ALTER TABLE " + quote(table) + u' ' + trigger.firing + u' ' + kind + u' ' +
                   quote(trigger.name));
    return sql + commentIfAny(kind + u' ' + quote(trigger.name) + u" ON " + quote(table),
                              trigger.comment);
}

QStringList PostgresRenderer::dropTrigger(const QString &table, const Trigger &trigger) const
{
    if (trigger.kind == TriggerKind::Statistics)
        return {u"DROP STATISTICS " + quote(inSchemaOf(table, trigger.name))};
    return {u"DROP " + triggerKeyword(trigger) + u' ' + quote(trigger.name) + u" ON " +
            quote(table)};
}

QStringList PostgresRenderer::createPolicy(const QString &table, const Policy &policy) const
{
    return createPolicySql(table, policy);
}

QStringList PostgresRenderer::dropPolicy(const QString &table, const Policy &policy) const
{
    return {dropPolicySql(table, policy)};
}

QStringList PostgresRenderer::alterPolicy(const QString &table, const Policy &live,
                                          const Policy &target) const
{
    return alterPolicySql(table, live, target);
}

QStringList PostgresRenderer::setRowSecurity(const QString &table, const Table &live,
                                             const Table &target) const
{
    return rowSecuritySql(table, live, target);
}

QStringList PostgresRenderer::setReplicaIdentity(const QString &table, const Table &wanted) const
{
    const QString identity =
        wanted.replicaIdentity.isEmpty() ? QStringLiteral("DEFAULT") : wanted.replicaIdentity;
    const QString index = wanted.replicaIdentityIndex.isEmpty()
                              ? QString()
                              : u' ' + quoteIdentifier(wanted.replicaIdentityIndex);
    return {u"ALTER TABLE " + quote(table) + u" REPLICA IDENTITY " + identity + index};
}

QStringList PostgresRenderer::setClusterIndex(const QString &table, const Table &wanted) const
{
    const QString action = wanted.clusterIndex.isEmpty()
                               ? QStringLiteral("SET WITHOUT CLUSTER")
                               : u"CLUSTER ON " + quoteIdentifier(wanted.clusterIndex);
    return {u"ALTER TABLE " + quote(table) + u' ' + action};
}

QStringList PostgresRenderer::createEnum(const EnumType &type) const
{
    return QStringList{createEnumSql(type)} +
           commentIfAny(u"TYPE " + quote(type.name), type.comment);
}

QStringList PostgresRenderer::dropEnum(const EnumType &type) const
{
    return {dropEnumSql(type)};
}

QStringList PostgresRenderer::alterEnum(const EnumType &live, const EnumType &target,
                                        const plan::EnumUsers &users) const
{
    return alterEnumSql(live, target, users);
}

QStringList PostgresRenderer::createCollation(const Collation &collation) const
{
    return QStringList{createCollationSql(collation)} +
           commentIfAny(u"COLLATION " + quote(collation.name), collation.comment);
}

QStringList PostgresRenderer::dropCollation(const Collation &collation) const
{
    return {u"DROP COLLATION " + quote(collation.name)};
}

QStringList PostgresRenderer::createTextSearch(const TextSearch &object, bool dictionary) const
{
    return createTextSearchSql(object, dictionary);
}

QStringList PostgresRenderer::dropTextSearch(const TextSearch &object, bool dictionary) const
{
    return {dropTextSearchSql(object, dictionary)};
}

QStringList PostgresRenderer::alterTextSearch(const TextSearch &live, const TextSearch &target,
                                              bool dictionary) const
{
    return alterTextSearchSql(live, target, dictionary);
}

QStringList PostgresRenderer::createRange(const RangeType &range) const
{
    return QStringList{u"CREATE TYPE " + quote(range.name) + u" AS RANGE (" + range.definition +
                       u')'} +
           commentIfAny(u"TYPE " + quote(range.name), range.comment);
}

QStringList PostgresRenderer::dropRange(const RangeType &range) const
{
    return {u"DROP TYPE " + quote(range.name)};
}

QStringList PostgresRenderer::alterRange(const RangeType &live, const RangeType &target) const
{
    if (live.definition != target.definition)
        return dropRange(live) + createRange(target);
    return {commentOnSql(u"TYPE " + quote(target.name), target.comment)};
}

QStringList PostgresRenderer::createComposite(const CompositeType &type) const
{
    return createCompositeSql(type);
}

QStringList PostgresRenderer::dropComposite(const CompositeType &type) const
{
    return {dropCompositeSql(type)};
}

QStringList PostgresRenderer::alterComposite(const CompositeType &live, const CompositeType &target,
                                             const QList<plan::TypeUser> &users) const
{
    return alterCompositeSql(live, target, users);
}

QStringList PostgresRenderer::createDomain(const Domain &domain) const
{
    return createDomainSql(domain);
}

QStringList PostgresRenderer::dropDomain(const Domain &domain) const
{
    return {dropDomainSql(domain)};
}

QStringList PostgresRenderer::alterDomain(const Domain &live, const Domain &target) const
{
    return alterDomainSql(live, target);
}

QStringList PostgresRenderer::createSequence(const Sequence &sequence) const
{
    return QStringList{createSequenceSql(sequence)} +
           commentIfAny(u"SEQUENCE " + quote(sequence.name), sequence.comment);
}

QStringList PostgresRenderer::dropSequence(const Sequence &sequence) const
{
    return {dropSequenceSql(sequence)};
}

QStringList PostgresRenderer::alterSequence(const Sequence &live, const Sequence &target) const
{
    return alterSequenceSql(live, target);
}

QStringList PostgresRenderer::ownSequence(const Sequence &sequence) const
{
    return {ownSequenceSql(sequence)};
}

QStringList PostgresRenderer::createFunction(const Function &function) const
{
    return createFunctionSql(function);
}

QStringList PostgresRenderer::dropFunction(const Function &function) const
{
    return {dropFunctionSql(function)};
}

QStringList PostgresRenderer::alterFunction(const Function &live, const Function &target) const
{
    return alterFunctionSql(live, target);
}

bool PostgresRenderer::replacesFunctionInPlace(const Function &live, const Function &target) const
{
    return functionReplaceableInPlace(live, target);
}

bool PostgresRenderer::bodyBindsCalls(const Function &function) const
{
    return hasSqlStandardBody(function);
}

// check_function_bodies (on by default) parses a LANGUAGE sql body as the function is created.
bool PostgresRenderer::bodyCheckedAtCreation(const Function &function) const
{
    return hasSqlStandardBody(function) || function.definition.text.contains(u"\n LANGUAGE sql\n");
}

plan::TableAlteration PostgresRenderer::alterTable(const Table &live, const Table &target) const
{
    return alterTableSql(live, target);
}

// IF [NOT] EXISTS: an extension is the database's, so another schema's migrations (or a DBA)
// may have installed or removed it already.
QStringList PostgresRenderer::createExtension(const Extension &extension) const
{
    return {u"CREATE EXTENSION IF NOT EXISTS " + quote(extension.name)};
}

QStringList PostgresRenderer::dropExtension(const Extension &extension) const
{
    return {u"DROP EXTENSION IF EXISTS " + quote(extension.name)};
}

QStringList PostgresRenderer::createNamespace(const Namespace &ns) const
{
    return {u"CREATE SCHEMA " + quote(ns.name)};
}

QStringList PostgresRenderer::dropNamespace(const Namespace &ns) const
{
    return {u"DROP SCHEMA " + quote(ns.name)};
}

// A key that foreign keys of other tables reference cannot be dropped ("other objects depend on
// it"): such keys go first and come back after the referenced table changed.
QStringList PostgresRenderer::dropForeignKey(const QString &table, const ForeignKey &fk) const
{
    return fk.name.isEmpty() ? QStringList() : dropConstraint(table, fk.name);
}

QStringList PostgresRenderer::addForeignKey(const QString &table, const ForeignKey &fk) const
{
    return {u"ALTER TABLE " + quote(table) + u" ADD " + foreignKeySql(fk)};
}

bool PostgresRenderer::narrowsType(const Column &from, const Column &to) const
{
    return postgres::narrowsType(from.typeKey, to.typeKey);
}

QString PostgresRenderer::valuesNotHeld(const Column &from, const Column &to) const
{
    return postgres::valuesNotHeld(from.typeKey, to.typeKey, quote(from.name));
}

// Foreign keys stay on: PostgreSQL checks them at each statement, and the planner orders
// creations and drops so that every statement leaves them satisfied.
plan::SectionText PostgresRenderer::wrapSection(const QStringList &statements, bool,
                                                const QStringList &) const
{
    return sectionWithEnumLabels(statements);
}

QStringList PostgresRenderer::schemaWideNames(const schema::Table &table) const
{
    QStringList names = SqlRenderer::schemaWideNames(table);
    if (table.primaryKey)
        names.append(table.primaryKey->name);
    for (const schema::UniqueConstraint &u : table.uniques)
        names.append(u.name);
    for (const schema::ExclusionConstraint &e : table.exclusions)
        names.append(e.name);
    return names;
}

} // namespace burrow::dialect::postgres
