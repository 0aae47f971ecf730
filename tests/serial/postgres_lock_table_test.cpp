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

} // namespace

// The model loads in one transaction that is rolled back, and every table and index it creates
// holds a lock until then: a model larger than the server's lock table is not the model's
// fault, and the error says which setting to raise.
TEST(PostgresModelLoading, a_model_larger_than_the_lock_table_names_the_setting_to_raise)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    // The shared lock table holds max_locks_per_transaction × (max_connections +
    // max_prepared_transactions) locks, plus the slack of shared memory (measured: over 20,000
    // on a table of 12,800); each table below takes four (itself, three indexes).
    const QStringList slots = db.rows(u"SELECT current_setting('max_locks_per_transaction')::int * "
                                      "(current_setting('max_connections')::int + "
                                      "current_setting('max_prepared_transactions')::int)"_s);
    ASSERT_EQ(slots.size(), 1);
    const int tables = slots.first().toInt() + 500;
    ASSERT_LT(tables, 20000) << "the test server's lock table is larger than this test expects";
    const Result<Schema> model = loadModel(db, "CREATE TABLE a (id int PRIMARY KEY);\n"
                                               "DO $$ BEGIN FOR i IN 1.." +
                                                   QByteArray::number(tables) +
                                                   " LOOP EXECUTE format('CREATE TABLE t%s (id int "
                                                   "PRIMARY KEY, b int UNIQUE, c int UNIQUE)', i);"
                                                   " END LOOP; END $$;\n");
    ASSERT_FALSE(model.ok());
    EXPECT_EQ(model.error().line, 2);
    EXPECT_TRUE(model.error().message.contains(u"too large to load in one transaction"))
        << model.error().toString().toStdString();
    EXPECT_TRUE(model.error().hint.contains(u"max_locks_per_transaction"))
        << model.error().toString().toStdString();
}
