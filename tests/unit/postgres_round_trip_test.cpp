// Introspection costs the same number of queries (round trips) at 10 and at 500 tables: one
// query per object kind, never one per table.
#include "dialect/postgres/postgres_dialect.h"
#include "qt_printing.h"
#include "server_support.h"

#include <QElapsedTimer>

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

/// `count` tables, each with a key, a foreign key to the previous one, a check, an index, a
/// trigger, a row-level security policy, and a view over every tenth.
void createTables(TestDatabase &db, int count)
{
    db.rows(u"CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS "
            u"'BEGIN RETURN NEW; END'"_s);
    db.rows(uR"sql(
DO $$
BEGIN
  FOR i IN 1..%1 LOOP
    EXECUTE format('CREATE TABLE t%s (id serial PRIMARY KEY, parent int %s, '
                   'name text NOT NULL DEFAULT ''x'' CHECK (name <> ''''))',
                   i, CASE WHEN i > 1 THEN format('REFERENCES t%s', i - 1) ELSE '' END);
    EXECUTE format('CREATE INDEX t%s_name ON t%s (lower(name))', i, i);
    EXECUTE format('CREATE TRIGGER t%s_touch BEFORE UPDATE ON t%s '
                   'FOR EACH ROW EXECUTE FUNCTION touch()', i, i);
    EXECUTE format('CREATE POLICY t%s_own ON t%s USING (id > 0)', i, i);
    IF i % 10 = 0 THEN
      EXECUTE format('CREATE VIEW v%s AS SELECT id, name FROM t%s', i, i);
    END IF;
  END LOOP;
END $$)sql"_s.arg(count));
}

struct Measured {
    int queries = 0;
    qint64 milliseconds = 0;
    qsizetype tables = 0;
};

Measured introspect(const TestDatabase &db)
{
    const Result<dialect::DatabaseUrl> url = dialect::parseDatabaseUrl(db.url());
    EXPECT_TRUE(url.ok());
    Measured m;
    QElapsedTimer timer;
    timer.start();
    const Result<schema::Schema> schema =
        dialect::postgres::PostgresDialect::introspectCounting(*url, m.queries);
    m.milliseconds = timer.elapsed();
    EXPECT_TRUE(schema.ok()) << (schema ? "" : schema.error().toString().toStdString());
    if (schema)
        m.tables = schema->tables.size();
    return m;
}

} // namespace

TEST(PostgresRoundTrips, introspection_sends_as_many_queries_at_500_tables_as_at_10)
{
    TestDatabase small(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(small);
    TestDatabase large(Backend::PostgreSQL);
    createTables(small, 10);
    createTables(large, 500);
    const Measured atTen = introspect(small);
    const Measured atFiveHundred = introspect(large);
    EXPECT_EQ(atTen.tables, 10);
    EXPECT_EQ(atFiveHundred.tables, 500);
    EXPECT_EQ(atTen.queries, atFiveHundred.queries);
    // Fourteen catalog queries (tables, columns, constraints, indexes, views, triggers with rules
    // and statistics, types, sequences, functions and aggregates, policies, collations, text
    // search, what is not compared, extensions) plus the session's set-up.
    EXPECT_LE(atFiveHundred.queries, 15) << "one per object kind plus the session's set-up";
    std::cout << "queries at 10 tables: " << atTen.queries << " (" << atTen.milliseconds
              << " ms), at 500 tables: " << atFiveHundred.queries << " ("
              << atFiveHundred.milliseconds << " ms)\n";
}
