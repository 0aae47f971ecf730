#include "postgres_renderer.h"

#include "postgres_alter.h"
#include "postgres_names.h"
#include "postgres_table_sql.h"
#include "postgres_types.h"

namespace burrow::dialect::postgres {

using namespace schema;

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
    return {createTableSql(table)};
}

QStringList PostgresRenderer::dropTable(const Table &table) const
{
    return {u"DROP TABLE " + quote(table.name)};
}

QStringList PostgresRenderer::renameTable(const QString &from, const QString &to) const
{
    return {u"ALTER TABLE " + quote(from) + u" RENAME TO " + quote(to)};
}

QStringList PostgresRenderer::renameColumn(const QString &table, const QString &from,
                                           const QString &to) const
{
    return {u"ALTER TABLE " + quote(table) + u" RENAME COLUMN " + quote(from) + u" TO " +
            quote(to)};
}

QStringList PostgresRenderer::createIndex(const QString &table, const Index &index) const
{
    return {createIndexSql(table, index)};
}

QStringList PostgresRenderer::dropIndex(const QString &, const Index &index) const
{
    return {u"DROP INDEX " + quote(index.name)};
}

// Views and triggers are the engine's own text of the user's SQL (pg_get_viewdef,
// pg_get_triggerdef), names unqualified because they live in the search_path's schema.
QStringList PostgresRenderer::createView(const View &view) const
{
    return {view.definition.text};
}

QStringList PostgresRenderer::dropView(const View &view) const
{
    return {u"DROP VIEW " + quote(view.name)};
}

QStringList PostgresRenderer::createTrigger(const QString &, const Trigger &trigger) const
{
    return {trigger.definition.text};
}

QStringList PostgresRenderer::dropTrigger(const QString &table, const Trigger &trigger) const
{
    return {u"DROP TRIGGER " + quote(trigger.name) + u" ON " + quote(table)};
}

plan::TableAlteration PostgresRenderer::alterTable(const Table &live, const Table &target) const
{
    return {alterTableSql(live, target), false};
}

bool PostgresRenderer::narrowsType(const Column &from, const Column &to) const
{
    return postgres::narrowsType(from.typeKey, to.typeKey);
}

// Foreign keys stay on: PostgreSQL checks them at each statement, and the planner orders
// creations and drops so that every statement leaves them satisfied.
plan::SectionText PostgresRenderer::wrapSection(const QStringList &statements, bool,
                                                const QStringList &) const
{
    return {statements, true};
}

} // namespace burrow::dialect::postgres
