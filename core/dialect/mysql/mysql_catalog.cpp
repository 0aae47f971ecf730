#include "mysql_catalog.h"

#include "mysql_catalog_builder_p.h"
#include "mysql_connection.h"
#include "mysql_definer.h"
#include "mysql_event_guard.h"
#include "mysql_events.h"
#include "mysql_partitions.h"
#include "mysql_periods.h"
#include "mysql_routines.h"
#include "mysql_sequences.h"
#include "mysql_sql_mode.h"

#include <atomic>

namespace burrow::dialect::mysql {
namespace {

std::atomic<int> queriesSent{0};

// One query per object kind for the whole schema, never one per table. Each reads only the
// schema's rows: MariaDB then opens only that schema's table definitions.
// Sequences are tables to MariaDB: listed here, their settings read afterwards.
const QString kTablesQuery = QStringLiteral(
    "SELECT TABLE_NAME, TABLE_COLLATION, TABLE_COMMENT, CREATE_OPTIONS, TABLE_TYPE, ENGINE FROM "
    "information_schema.TABLES WHERE TABLE_SCHEMA = ? "
    "AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED', 'SEQUENCE') ORDER BY TABLE_NAME");
const QString kColumnsQuery = QStringLiteral(
    "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, "
    "GENERATION_EXPRESSION, COLLATION_NAME, COLUMN_COMMENT FROM information_schema.COLUMNS "
    "WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION");
const QString kIndexesQuery = QStringLiteral(
    "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, COLLATION, INDEX_TYPE, "
    "INDEX_COMMENT, IGNORED FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? "
    "ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX");
// The rules come from a derived table that DISTINCT keeps from being merged into the join:
// joined directly, MariaDB 10.11 opens the tables of every database on the server for
// REFERENTIAL_CONSTRAINTS (2.4-5.2 s against 0.12-0.28 s at 300 tables, measured).
const QString kForeignKeysQuery = QStringLiteral(
    "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, "
    "k.REFERENCED_COLUMN_NAME, r.UPDATE_RULE, r.DELETE_RULE "
    "FROM information_schema.KEY_COLUMN_USAGE AS k "
    "JOIN (SELECT DISTINCT TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE "
    "FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?) AS r "
    "ON r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
    "WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL "
    "ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION");
// MariaDB's CHECK_CONSTRAINTS has TABLE_NAME and LEVEL (check names are per table there; a
// Column check is named after its column and lives in the column's definition).
const QString kChecksQuery =
    QStringLiteral("SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE, LEVEL "
                   "FROM information_schema.CHECK_CONSTRAINTS "
                   "WHERE CONSTRAINT_SCHEMA = ? ORDER BY TABLE_NAME, CONSTRAINT_NAME");
// clang-format off
const QString kViewsQuery = QStringLiteral(
    "SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, ALGORITHM, SECURITY_TYPE, "
    BURROW_DEFINER_UNLESS_CURRENT_USER("DEFINER")
    " FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME");
// By the table's schema (always the trigger's own): MariaDB looks up only that database for
// EVENT_OBJECT_SCHEMA, while TRIGGER_SCHEMA reads the table definitions of every database.
const QString kTriggersQuery = QStringLiteral(
    "SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, "
    "ACTION_STATEMENT, " BURROW_DEFINER_UNLESS_CURRENT_USER("DEFINER") ", "
    BURROW_SQL_MODE_COLUMNS("SQL_MODE")
    " FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = ? "
    "ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER");
// clang-format on

struct CatalogQuery {
    const QString *sql;
    int schemaParameters;
    void (CatalogBuilder::*read)(const QSqlQuery &row);
};

/// One more query, only when the schema has sequences.
Status readSequences(const QSqlDatabase &db, const QString &database, CatalogBuilder &builder)
{
    const QStringList names = builder.sequenceNames();
    if (names.isEmpty())
        return Ok{};
    ++queriesSent;
    Result<QSqlQuery> rows = runQuery(db, sequenceSettingsQuery(database, names));
    if (!rows)
        return rows.error();
    while (rows->next())
        builder.readSequence(*rows);
    return Ok{};
}

/// One more query per table with a CHECK shaped like a period's (`s` < `e`): only SHOW CREATE
/// TABLE tells a period, and the keys that use it, apart from such a CHECK.
Status readPeriods(const QSqlDatabase &db, const QString &database, CatalogBuilder &builder)
{
    for (const QString &table : builder.periodCandidates()) {
        ++queriesSent;
        Result<QSqlQuery> shown = runQuery(db, u"SHOW CREATE TABLE " + quoteIdentifier(database) +
                                                   u'.' + quoteIdentifier(table));
        if (!shown)
            return shown.error();
        if (shown->next())
            builder.readPeriod(table, shown->value(1).toString());
    }
    return Ok{};
}

} // namespace

int catalogQueryCount()
{
    return queriesSent.load();
}

Result<schema::Schema> readCatalog(const QSqlDatabase &db, const QString &database)
{
    CatalogBuilder builder(database);
    const CatalogQuery queries[] = {
        {&kTablesQuery, 1, &CatalogBuilder::readTable},
        {&kColumnsQuery, 1, &CatalogBuilder::readColumn},
        {&kIndexesQuery, 1, &CatalogBuilder::readIndexPart},
        {&kForeignKeysQuery, 2, &CatalogBuilder::readForeignKeyPart},
        {&kChecksQuery, 1, &CatalogBuilder::readCheck},
        {&kViewsQuery, 1, &CatalogBuilder::readView},
        {&kTriggersQuery, 1, &CatalogBuilder::readTrigger},
        {&eventsQuery(), 1, &CatalogBuilder::readEvent},
        {&routinesQuery(), 1, &CatalogBuilder::readRoutine},
        {&partitionsQuery(), 1, &CatalogBuilder::readPartition},
    };
    for (const CatalogQuery &query : queries) {
        ++queriesSent;
        const QVariantList parameters(query.schemaParameters, database);
        Result<QSqlQuery> rows = runBound(db, *query.sql, parameters);
        if (!rows)
            return rows.error();
        while (rows->next())
            (builder.*query.read)(*rows);
    }
    if (Status sequences = readSequences(db, database, builder); !sequences)
        return sequences.error();
    if (Status periods = readPeriods(db, database, builder); !periods)
        return periods.error();
    schema::Schema schema = builder.finish();
    if (Status statuses = applyScratchStatuses(db, database, schema); !statuses)
        return statuses.error();
    return schema;
}

} // namespace burrow::dialect::mysql
