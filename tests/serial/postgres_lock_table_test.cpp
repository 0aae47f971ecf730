// Tests that fill a whole server's shared resources: ctest runs this binary alone (RUN_SERIAL),
// or the other server tests running beside it would fail for want of them.
#include "dialect/postgres/postgres_dialect.h"
#include "model/model_files.h"
#include "server_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::schema;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

/// Loads `sql` (written to model.sql) as a model on the server of `db`.
Result<Schema> loadModel(const TestDatabase &db, const QByteArray &sql)
{
    TempDir dir;
    const QString file = dir.write(u"model.sql"_s, sql);
    const Result<dialect::DatabaseUrl> parsed = dialect::parseDatabaseUrl(db.url());
    EXPECT_TRUE(parsed.ok());
    const dialect::postgres::PostgresDialect dialect(*parsed);
    Result<model::ModelScript> script = model::readModelFiles({file}, dialect.lexerOptions());
    if (!script)
        return script.error();
    return dialect.loadModel(*script);
}

/// The server's shared lock table: max_locks_per_transaction × (max_connections +
/// max_prepared_transactions) locks, plus the slack of shared memory (measured: over 20,000 on a
/// table of 12,800).
int lockTableSize(TestDatabase &db)
{
    const QStringList slots = db.rows(u"SELECT current_setting('max_locks_per_transaction')::int * "
                                      "(current_setting('max_connections')::int + "
                                      "current_setting('max_prepared_transactions')::int)"_s);
    return slots.value(0).toInt();
}

/// A table that takes eleven locks when it is created: itself and ten indexes.
QByteArray wideTable(const QByteArray &name)
{
    QByteArray sql = "CREATE TABLE " + name + " (id int PRIMARY KEY";
    for (int c = 1; c < 10; ++c)
        sql += ", c" + QByteArray::number(c) + " int UNIQUE";
    return sql + ")";
}

constexpr int kLocksPerWideTable = 11;

} // namespace

// One transaction holds a lock per created table and index until it ends, so the model goes in
// transactions of a few thousand statements: a model needing twice the lock table (and more than
// its slack) loads, whole, and leaves nothing behind. The old loader's one transaction failed.
TEST(PostgresModelLoading, a_model_needing_more_locks_than_the_lock_table_holds_loads_in_chunks)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    const int tables = 2 * lockTableSize(db) / kLocksPerWideTable + 100;
    ASSERT_LT(tables, 4000) << "the test server's lock table is larger than this test expects";
    QByteArray sql;
    for (int i = 1; i <= tables; ++i)
        sql += wideTable("t" + QByteArray::number(i)) + ";\n";
    const Result<Schema> model = loadModel(db, sql);
    ASSERT_TRUE(model.ok()) << model.error().toString().toStdString();
    EXPECT_EQ(model->tables.size(), tables);
    EXPECT_EQ(model->tables.value(0).indexes.size() + model->tables.value(0).uniques.size(), 9);
    EXPECT_EQ(db.rows(u"SELECT nspname FROM pg_namespace WHERE nspname LIKE 'burrow%'"_s),
              QStringList());
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = "
                      u"c.relnamespace WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> "
                      u"'information_schema'"_s),
              QStringList{u"0"_s});
}

// A single statement that needs more locks than the whole table is not the model's fault
// either: the error names the statement's line and the setting to raise.
TEST(PostgresModelLoading, a_statement_larger_than_the_lock_table_names_the_setting_to_raise)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    const int tables = 2 * lockTableSize(db) / kLocksPerWideTable + 100;
    ASSERT_LT(tables, 4000) << "the test server's lock table is larger than this test expects";
    const Result<Schema> model =
        loadModel(db, "CREATE TABLE a (id int PRIMARY KEY);\n"
                      "DO $$ BEGIN FOR i IN 1.." +
                          QByteArray::number(tables) + " LOOP EXECUTE format('" + wideTable("t%s") +
                          "', i); END LOOP; END $$;\n");
    ASSERT_FALSE(model.ok());
    EXPECT_EQ(model.error().line, 2);
    EXPECT_TRUE(model.error().message.contains(u"needs more locks than PostgreSQL"))
        << model.error().toString().toStdString();
    EXPECT_TRUE(model.error().hint.contains(u"max_locks_per_transaction"))
        << model.error().toString().toStdString();
    EXPECT_EQ(db.rows(u"SELECT nspname FROM pg_namespace WHERE nspname LIKE 'burrow%'"_s),
              QStringList());
}
