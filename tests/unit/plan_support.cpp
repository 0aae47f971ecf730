#include "plan_support.h"

#include "dialect/connection.h"
#include "dialect/sqlite/sqlite_dialect.h"
#include "dialect/sqlite/sqlite_lexer.h"
#include "dialect/sqlite/sqlite_table_sql.h"
#include "migration/migration_file.h"
#include "migration/script_runner.h"
#include "test_support.h"

#include <QSqlError>
#include <QSqlRecord>

namespace burrow::test {
namespace {

using dialect::sqlite::quoteIdentifier;

QString valueFor(const schema::Column &column, int row)
{
    const QString type = column.type.toUpper();
    if (type.contains(u"INT") || type.contains(u"BOOL"))
        return QString::number(row);
    if (type.contains(u"REAL") || type.contains(u"FLOA") || type.contains(u"DOUB") ||
        type.contains(u"NUM") || type.contains(u"DEC"))
        return QString::number(row) + u".5";
    if (type.contains(u"BLOB"))
        return u"X'0" + QString::number(row % 10) + u'\'';
    if (type.isEmpty())
        return QString::number(row);
    return u"'v" + QString::number(row) + u'\'';
}

QString insertSql(const schema::Table &table, int row)
{
    QStringList columns, values;
    for (const schema::Column &c : table.columns) {
        if (c.generated != schema::Generated::No)
            continue;
        columns.append(quoteIdentifier(c.name));
        values.append(valueFor(c, row));
    }
    return u"INSERT INTO " + quoteIdentifier(table.name) + u" (" + columns.join(u", ") +
           u") VALUES (" + values.join(u", ") + u')';
}

} // namespace

std::unique_ptr<dialect::ScopedConnection> openDatabase(const QString &dbPath)
{
    auto connection = std::make_unique<dialect::ScopedConnection>(QStringLiteral("QSQLITE"));
    connection->database().setDatabaseName(dbPath);
    connection->database().open();
    return connection;
}

Result<plan::MigrationDraft> draftFor(const QString &dbPath, const QString &modelPath,
                                      const plan::DraftRequest &request, const QStringList &ignore)
{
    diff::CompareRequest compare;
    compare.database = u"sqlite:" + dbPath;
    compare.models = {modelPath};
    compare.ignore = ignore;
    compare.allowEmptyModel = true; // as a user who means it would ask
    Result<diff::Comparison> comparison = diff::compareWithModel(compare);
    if (!comparison)
        return comparison.error();
    return plan::draftMigration(*comparison, request);
}

Status applySection(const QString &dbPath, const QString &text, bool down, bool foreignKeysOn)
{
    Result<migration::MigrationFile> file = migration::parseMigration(
        text, QStringLiteral("migration.sql"), dialect::sqlite::lexerOptions());
    if (!file)
        return file.error();
    const migration::Section &section = down ? file->down : file->up;
    auto connection = openDatabase(dbPath);
    QSqlDatabase &db = connection->database();
    if (foreignKeysOn)
        (void)dialect::runQuery(db, QStringLiteral("PRAGMA foreign_keys = ON"));
    if (section.transaction)
        db.transaction();
    Result<QList<migration::StatementOutcome>> ran =
        migration::runStatements(db, section.statements);
    if (!ran) {
        if (section.transaction)
            db.rollback();
        else
            (void)dialect::runQuery(db, QStringLiteral("ROLLBACK")); // the section's own BEGIN
        return ran.error();
    }
    if (section.transaction && !db.commit())
        return Error{Error::Code::Sql, db.lastError().text()};
    return Ok{};
}

QHash<QString, int> fillWithRows(const QString &dbPath, int rows)
{
    dialect::sqlite::SqliteDialect sqlite;
    Result<schema::Schema> schema = sqlite.introspect({dialect::Engine::SQLite, dbPath});
    QHash<QString, int> inserted;
    if (!schema)
        return inserted;
    auto connection = openDatabase(dbPath);
    for (const schema::Table &table : schema->tables) {
        for (int row = 1; row <= rows; ++row) {
            if (dialect::runQuery(connection->database(), insertSql(table, row)))
                ++inserted[table.name];
        }
    }
    return inserted;
}

QStringList rowsOf(const QString &dbPath, const QString &table, const QStringList &columns)
{
    QStringList quoted;
    for (const QString &c : columns)
        quoted.append(u"quote(" + quoteIdentifier(c) + u')');
    QStringList rows = queryColumn(dbPath, u"SELECT " + quoted.join(u" || '|' || ") + u" FROM " +
                                               quoteIdentifier(table));
    rows.sort();
    return rows;
}

QStringList queryColumn(const QString &dbPath, const QString &sql)
{
    auto connection = openDatabase(dbPath);
    QStringList out;
    Result<QSqlQuery> query = dialect::runQuery(connection->database(), sql);
    while (query && query->next())
        out.append(query->value(0).toString());
    return out;
}

} // namespace burrow::test
