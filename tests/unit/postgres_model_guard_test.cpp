// A PostgreSQL model may not drop or change what another schema, or the whole database, holds:
// a large model commits its chunks, so such a statement would reach the live database for good.
#include "dialect/postgres/postgres_dialect.h"
#include "dialect/postgres/postgres_model_guard.h"
#include "dialect/postgres/postgres_model_reach_p.h"
#include "dialect/postgres/postgres_names.h"
#include "qt_printing.h"
#include "server_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

model::ModelScript scriptOf(const QStringList &statements)
{
    model::ModelScript script;
    int line = 1;
    for (const QString &text : statements)
        script.statements.append({text, u"model.sql"_s, line++});
    return script;
}

Status guarded(const QString &statement)
{
    return dialect::postgres::checkStaysInScratch(scriptOf({statement}));
}

TEST(PostgresModelGuard, statements_reaching_another_schema_or_the_database_are_refused)
{
    for (const QString &refused :
         {u"DROP TABLE app.book"_s, u"drop table if exists book, \"App\".\"Book\" cascade"_s,
          u"DROP TRIGGER t ON app.book"_s, u"DROP POLICY p ON app.book"_s, u"TRUNCATE app.book"_s,
          u"DELETE FROM app.book WHERE true"_s, u"UPDATE ONLY app.book SET x = 1"_s,
          u"INSERT INTO app.book VALUES (1)"_s,
          u"ALTER TABLE IF EXISTS ONLY app.book DROP COLUMN title"_s,
          u"ALTER TYPE app.mood ADD VALUE 'x'"_s, u"DROP SCHEMA app CASCADE"_s,
          u"DROP EXTENSION IF EXISTS citext"_s, u"ALTER EXTENSION citext UPDATE"_s,
          u"DROP OWNED BY someone"_s, u"REASSIGN OWNED BY a TO b"_s, u"DROP ROLE someone"_s,
          u"DROP EVENT TRIGGER e"_s}) {
        const Status status = guarded(refused);
        ASSERT_FALSE(status.ok()) << refused.toStdString();
        EXPECT_EQ(status.error().file, u"model.sql"_s);
        EXPECT_EQ(status.error().line, 1);
        EXPECT_FALSE(status.error().hint.isEmpty());
    }
}

// What the whole server shares is out of bounds wherever the model runs, a scratch database
// (a model that creates schemas) included; there, other schemas are the model's own.
TEST(PostgresModelGuard, statements_changing_what_the_server_shares_are_refused_everywhere)
{
    const QStringList serverWide{u"CREATE ROLE intruder LOGIN"_s,
                                 u"create user x password 'p'"_s,
                                 u"ALTER ROLE postgres NOSUPERUSER"_s,
                                 u"DROP DATABASE production"_s,
                                 u"CREATE DATABASE other"_s,
                                 u"ALTER DATABASE production SET search_path = x"_s,
                                 u"CREATE TABLESPACE t LOCATION '/tmp'"_s,
                                 u"ALTER SYSTEM SET fsync = off"_s,
                                 u"GRANT pg_read_server_files TO app"_s,
                                 u"REVOKE admin FROM app"_s,
                                 u"COMMENT ON ROLE app IS 'x'"_s,
                                 u"SECURITY LABEL FOR selinux ON DATABASE d IS 'x'"_s,
                                 u"DROP OWNED BY app"_s,
                                 u"REASSIGN OWNED BY a TO b"_s,
                                 u"COPY t FROM PROGRAM 'rm -rf /tmp/x'"_s,
                                 u"COPY (SELECT 1) TO '/tmp/burrow_out'"_s,
                                 u"copy t from '/etc/passwd' WITH (FORMAT text)"_s};
    for (const QString &refused : serverWide) {
        EXPECT_FALSE(guarded(refused).ok()) << refused.toStdString();
        const Status inDatabase = dialect::postgres::checkStaysInDatabase(
            scriptOf({u"CREATE TABLE t (id int)"_s, refused}));
        ASSERT_FALSE(inDatabase.ok()) << refused.toStdString();
        EXPECT_EQ(inDatabase.error().line, 2);
        EXPECT_TRUE(inDatabase.error().message.contains(u"whole server"_s));
    }
    for (const QString &allowed :
         {u"DROP TABLE core.book"_s, u"ALTER TABLE core.book ADD COLUMN x int"_s,
          u"GRANT SELECT ON core.book TO app"_s, u"REVOKE ALL ON core.book FROM PUBLIC"_s,
          u"COMMENT ON TABLE core.book IS 'role of the book'"_s, u"CREATE SCHEMA core"_s,
          u"DROP SCHEMA old CASCADE"_s, u"CREATE TABLE roles (id int)"_s})
        EXPECT_TRUE(dialect::postgres::checkStaysInDatabase(scriptOf({allowed})).ok())
            << allowed.toStdString();
}

TEST(PostgresModelGuard, the_models_own_objects_and_names_it_only_reads_are_allowed)
{
    for (const QString &allowed :
         {u"DROP TABLE IF EXISTS book CASCADE"_s, u"DROP FUNCTION f(app.mood, integer)"_s,
          u"DROP TRIGGER t ON book"_s,
          u"ALTER TABLE book ADD CONSTRAINT fk FOREIGN KEY (a) "
          u"REFERENCES app.author (id)"_s,
          u"ALTER TABLE book ALTER COLUMN m TYPE app.mood USING m::text::app.mood"_s,
          u"INSERT INTO book SELECT * FROM app.book"_s,
          u"UPDATE book SET n = (SELECT count(*) FROM app.book)"_s,
          u"CREATE TABLE book (m app.mood)"_s, u"COMMENT ON COLUMN book.title IS 'x'"_s,
          u"CREATE EXTENSION IF NOT EXISTS citext"_s})
        EXPECT_TRUE(guarded(allowed).ok()) << allowed.toStdString();
}

TEST(PostgresModelGuard, a_refused_model_changes_nothing_on_the_server)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE SCHEMA app;CREATE TABLE app.book (id int);INSERT INTO app.book VALUES (1)"_s);
    const Result<dialect::DatabaseUrl> url = dialect::parseDatabaseUrl(db.url());
    ASSERT_TRUE(url.ok());
    const dialect::postgres::PostgresDialect dialect(*url);
    const Result<schema::Schema> model = dialect.loadModel(scriptOf(
        {u"CREATE TABLE t (id int)"_s, u"DELETE FROM app.book"_s, u"DROP TABLE app.book"_s}));
    ASSERT_FALSE(model.ok());
    EXPECT_EQ(model.error().line, 2) << model.error().toString().toStdString();
    EXPECT_TRUE(model.error().message.contains(u"app.book"_s))
        << model.error().toString().toStdString();
    EXPECT_EQ(db.rows(u"SELECT id FROM app.book"_s), QStringList{u"1"_s});
}

} // namespace

// Statements that run code while the model loads make the load one transaction, never
// committed; the plain DDL of a model does not.
TEST(PostgresModelGuard, statements_running_code_while_the_model_loads_are_told_apart)
{
    const auto runsCode = [](const QString &text) {
        return dialect::postgres::runsCodeWhileLoading(sql::Statement{text, u"model.sql"_s, 1});
    };
    for (const QString &code :
         {u"DO $$ BEGIN PERFORM 1; END $$"_s, u"SELECT setup()"_s, u"CALL p()"_s,
          u"INSERT INTO t VALUES (1)"_s, u"with x as (select 1) select * from x"_s,
          u"CREATE TABLE t AS SELECT 1 AS id"_s, u"CREATE MATERIALIZED VIEW m AS SELECT 1"_s,
          u"CREATE UNLOGGED TABLE t AS VALUES (1)"_s, u"REFRESH MATERIALIZED VIEW m"_s,
          u"EXPLAIN ANALYZE DELETE FROM public.t"_s})
        EXPECT_TRUE(runsCode(code)) << code.toStdString();
    for (const QString &ddl :
         {u"CREATE TABLE t (id int DEFAULT f())"_s, u"CREATE VIEW v AS SELECT 1"_s,
          u"CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1)"_s,
          u"CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$"_s,
          u"ALTER TABLE t ADD COLUMN x int"_s, u"COMMENT ON TABLE t IS 'select'"_s})
        EXPECT_FALSE(runsCode(ddl)) << ddl.toStdString();
}

// What the whole database shares makes the load one transaction, never committed; the
// compared schema's own privileges and comment (pg_dump's GRANT … ON SCHEMA public) are not run.
TEST(PostgresModelGuard, statements_changing_what_the_database_shares_are_told_apart)
{
    const auto shared = [](const QString &text) {
        return dialect::postgres::changesSharedObjects(sql::Statement{text, u"model.sql"_s, 1});
    };
    for (const QString &text :
         {u"CREATE PUBLICATION p FOR TABLE t"_s, u"create server s foreign data wrapper w"_s,
          u"CREATE FOREIGN DATA WRAPPER w"_s, u"CREATE CAST (int4 AS text) WITH INOUT"_s,
          u"CREATE EVENT TRIGGER e ON ddl_command_end EXECUTE FUNCTION f()"_s,
          u"CREATE OR REPLACE TRUSTED PROCEDURAL LANGUAGE l HANDLER h"_s,
          u"CREATE ACCESS METHOD m TYPE TABLE HANDLER h"_s, u"CREATE EXTENSION hstore"_s,
          u"CREATE OR REPLACE TRANSFORM FOR int LANGUAGE l (FROM SQL WITH FUNCTION f(internal))"_s,
          u"ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC"_s,
          u"GRANT USAGE ON SCHEMA other TO app"_s, u"COMMENT ON PUBLICATION p IS 'x'"_s,
          u"GRANT USAGE ON FOREIGN SERVER s TO app"_s, u"COMMENT ON TABLE other.t IS 'x'"_s,
          u"REVOKE ALL ON ALL TABLES IN SCHEMA other FROM PUBLIC"_s,
          u"GRANT SELECT ON LARGE OBJECT 42 TO app"_s})
        EXPECT_TRUE(shared(text)) << text.toStdString();
    for (const QString &text :
         {u"CREATE TABLE t (id int)"_s, u"CREATE FOREIGN TABLE f (id int) SERVER s"_s,
          u"COMMENT ON TABLE t IS 'on schema public'"_s, u"GRANT SELECT ON t TO app"_s,
          u"COMMENT ON FOREIGN TABLE f IS 'x'"_s,
          u"CREATE TRIGGER g AFTER INSERT ON t "
          u"FOR EACH ROW EXECUTE FUNCTION f()"_s,
          u"CREATE OPERATOR === (leftarg = int, rightarg = int, function = f)"_s})
        EXPECT_FALSE(shared(text)) << text.toStdString();

    const auto ownSetting = [](const QString &text) {
        return dialect::postgres::setsOwnSchemaSettings(sql::Statement{text, u"model.sql"_s, 1},
                                                        u"public"_s);
    };
    for (const QString &text :
         {u"GRANT ALL ON SCHEMA public TO PUBLIC"_s, u"REVOKE USAGE ON SCHEMA \"public\" FROM x"_s,
          u"COMMENT ON SCHEMA public IS 'standard public schema'"_s,
          u"ALTER DEFAULT PRIVILEGES FOR ROLE app IN SCHEMA public GRANT SELECT ON TABLES TO r"_s})
        EXPECT_TRUE(ownSetting(text)) << text.toStdString();
    for (const QString &text :
         {u"GRANT ALL ON SCHEMA public, other TO PUBLIC"_s,
          u"GRANT ALL ON SCHEMA \"Public\" TO x"_s,
          u"ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO r"_s,
          u"COMMENT ON TABLE t IS 'SCHEMA public'"_s, u"CREATE SCHEMA public"_s})
        EXPECT_FALSE(ownSetting(text)) << text.toStdString();
}
