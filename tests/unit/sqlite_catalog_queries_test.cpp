// The promise that SQLite's catalog is read with a fixed number of queries however many tables
// there are, watched through SQLite's own statement trace.
#include "dialect/connection.h"
#include "dialect/sqlite/sqlite_catalog.h"
#include "qt_printing.h"
#include "test_support.h"

#include <QSqlDriver>

#include <gtest/gtest.h>

#include <sqlite3.h>

using namespace burrow;
using namespace burrow::schema;

namespace {

// SQLite reports a statement that starts while another one is executing (a trigger body, or
// the PRAGMA a table-valued pragma function runs for each row of its join) as "-- <sql>". Those
// run inside one of Burrow's statements; the others are the statements Burrow itself issues.
int countStatement(unsigned type, void *context, void *, void *text)
{
    if (type != SQLITE_TRACE_STMT)
        return 0;
    auto *counts = static_cast<std::pair<int, int> *>(context);
    const bool nested = QByteArrayView(static_cast<const char *>(text)).startsWith("-- ");
    ++(nested ? counts->second : counts->first);
    return 0;
}

QByteArray manyTables(int count)
{
    QByteArray sql = "BEGIN; CREATE TABLE t0 (id INTEGER PRIMARY KEY, name TEXT);"
                     "CREATE INDEX t0_name ON t0 (name);";
    for (int i = 1; i < count; ++i) {
        const QByteArray n = QByteArray::number(i);
        const QByteArray prev = QByteArray::number(i - 1);
        sql += "CREATE TABLE t" + n +
               " (id INTEGER PRIMARY KEY, name TEXT, parent INTEGER"
               " REFERENCES t" +
               prev +
               " (id));"
               "CREATE INDEX t" +
               n + "_name ON t" + n + " (name);";
    }
    return sql + "COMMIT;";
}

struct CatalogRead {
    int statements = 0;       // statements Burrow issued on the connection
    int nestedStatements = 0; // statements SQLite ran inside them
    qsizetype tables = 0;     // tables found
};

/// Reads the catalog of a database of `tables` tables (each with an index and a foreign key)
/// through Burrow's catalog reader, counting what SQLite executes meanwhile.
CatalogRead readCountingStatements(int tables)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("many.sqlite3"));
    test::createDatabase(path, manyTables(tables));
    dialect::ScopedConnection connection(QStringLiteral("QSQLITE"));
    QSqlDatabase &db = connection.database();
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    EXPECT_TRUE(db.open());
    const QVariant handle = db.driver()->handle();
    EXPECT_STREQ(handle.typeName(), "sqlite3*");
    sqlite3 *native = *static_cast<sqlite3 *const *>(handle.constData());
    EXPECT_NE(native, nullptr);
    std::pair<int, int> counts;
    sqlite3_trace_v2(native, SQLITE_TRACE_STMT, countStatement, &counts);
    Result<Schema> schema = dialect::sqlite::readCatalog(db);
    sqlite3_trace_v2(native, 0, nullptr, nullptr);
    EXPECT_TRUE(schema.ok()) << (schema ? "" : schema.error().toString().toStdString());
    return {counts.first, counts.second, schema ? schema->tables.size() : 0};
}

} // namespace

TEST(SqliteCatalogQueries, catalog_is_read_with_the_same_few_queries_for_10_and_500_tables)
{
    const CatalogRead few = readCountingStatements(10);
    const CatalogRead many = readCountingStatements(500);
    EXPECT_EQ(few.tables, 10);
    EXPECT_EQ(many.tables, 500);
    EXPECT_GT(few.statements, 0) << "the trace saw nothing: is it on the right connection?";
    EXPECT_EQ(few.statements, many.statements);
    EXPECT_LE(many.statements, 8);
    // The per-table work happens inside SQLite (one PRAGMA per table and kind), which proves the
    // trace sees nested statements too and that they are told apart from Burrow's own.
    EXPECT_GE(many.nestedStatements, 3 * 500);
}

TEST(SqliteCatalogQueries, catalog_of_many_tables_keeps_every_index_and_foreign_key)
{
    const Schema s = test::introspectSql(manyTables(50));
    ASSERT_EQ(s.tables.size(), 50);
    for (const Table &t : s.tables) {
        EXPECT_EQ(t.indexes.size(), 1) << t.name.toStdString();
        EXPECT_EQ(t.foreignKeys.size(), t.name == u"t0" ? 0 : 1) << t.name.toStdString();
    }
}
