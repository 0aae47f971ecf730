// Models loaded on the PostgreSQL server itself: in a scratch schema that never persists.
#include "dialect/postgres/postgres_dialect.h"
#include "dialect/postgres/postgres_model_loader.h"
#include "dialect/postgres/postgres_model_text.h"
#include "qt_printing.h"
#include "server_support.h"
#include "test_support.h"

#include <QCoreApplication>
#include <QUrl>

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::schema;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

/// Loads `sql` (written to model.sql) as a model on the server of `db`.
Result<Schema> loadModel(const TestDatabase &db, const QByteArray &sql, const QString &url = {})
{
    TempDir dir;
    const QString file = dir.write(u"model.sql"_s, sql);
    const Result<dialect::DatabaseUrl> parsed =
        dialect::parseDatabaseUrl(url.isEmpty() ? db.url() : url);
    EXPECT_TRUE(parsed.ok());
    const dialect::postgres::PostgresDialect dialect(*parsed);
    Result<model::ModelScript> script = model::readModelFiles({file}, dialect.lexerOptions());
    if (!script)
        return script.error();
    return dialect.loadModel(*script);
}

QStringList schemas(TestDatabase &db)
{
    return db.rows(u"SELECT nspname FROM pg_namespace ORDER BY nspname"_s);
}

QStringList tablesEverywhere(TestDatabase &db)
{
    return db.rows(u"SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n "
                   u"ON n.oid = c.relnamespace WHERE n.nspname NOT IN "
                   u"('pg_catalog', 'information_schema', 'pg_toast') ORDER BY 1"_s);
}

} // namespace

TEST(PostgresModelLoading, a_model_is_read_back_and_leaves_no_schema_or_table_behind)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE TABLE live_one (id int)"_s);
    const QStringList schemasBefore = schemas(db);
    const QStringList tablesBefore = tablesEverywhere(db);
    const Result<Schema> model = loadModel(
        db, "CREATE TABLE author (id serial PRIMARY KEY, name text NOT NULL);\n"
            "CREATE TABLE book (id int PRIMARY KEY, author int REFERENCES author);\n"
            "CREATE INDEX book_author ON book (author);\n"
            "CREATE VIEW authors AS SELECT name FROM author;\n"
            "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            "BEGIN RETURN NEW; END; $$;\n"
            "CREATE TRIGGER book_touch BEFORE UPDATE ON book FOR EACH ROW EXECUTE FUNCTION "
            "touch();\n");
    ASSERT_TRUE(model.ok()) << model.error().toString().toStdString();
    QStringList names;
    for (const Table &t : model->tables)
        names.append(t.name);
    names.sort();
    EXPECT_EQ(names, (QStringList{u"author"_s, u"book"_s}));
    const Table *book = findTable(*model, u"book"_s, Qt::CaseSensitive);
    ASSERT_NE(book, nullptr);
    EXPECT_EQ(book->foreignKeys.value(0).referencedColumns, QStringList{u"id"_s});
    EXPECT_EQ(book->indexes.value(0).name, u"book_author"_s);
    EXPECT_EQ(book->triggers.value(0).definition.text,
              u"CREATE TRIGGER book_touch BEFORE UPDATE ON book FOR EACH ROW EXECUTE FUNCTION "
              u"touch()"_s);
    ASSERT_EQ(model->views.size(), 1);
    EXPECT_FALSE(model->views[0].definition.text.contains(u"burrow_model"))
        << model->views[0].definition.text.toStdString();
    EXPECT_EQ(schemas(db), schemasBefore);
    EXPECT_EQ(tablesEverywhere(db), tablesBefore);
}

TEST(PostgresModelLoading, a_failing_statement_names_file_and_line_and_leaves_nothing)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    const QStringList schemasBefore = schemas(db);
    const Result<Schema> model = loadModel(db, "CREATE TABLE ok_one (id int);\n"
                                               "\n"
                                               "CREATE TABLE broken (\n"
                                               "  id int,\n"
                                               "  ref int REFERENCES nowhere\n"
                                               ");\n");
    ASSERT_FALSE(model.ok());
    const Error &error = model.error();
    EXPECT_EQ(error.code, Error::Code::Model);
    EXPECT_TRUE(error.file.endsWith(u"model.sql")) << error.file.toStdString();
    EXPECT_EQ(error.line, 3);
    EXPECT_EQ(error.message, u"relation \"nowhere\" does not exist"_s);
    EXPECT_EQ(schemas(db), schemasBefore);
    EXPECT_EQ(tablesEverywhere(db), QStringList());
}

TEST(PostgresModelLoading, the_engines_line_inside_a_statement_is_the_files_line)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    const Result<Schema> model = loadModel(db, "CREATE TABLE a (id int);\n"
                                               "CREATE TABLE b (\n"
                                               "  id int,\n"
                                               "  name txet\n"
                                               ");\n");
    ASSERT_FALSE(model.ok());
    EXPECT_EQ(model.error().line, 4) << model.error().toString().toStdString();
    EXPECT_TRUE(model.error().message.contains(u"type \"txet\" does not exist"))
        << model.error().toString().toStdString();
}

TEST(PostgresModelLoading, transaction_control_in_the_model_cannot_commit_the_scratch_schema)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    const QStringList schemasBefore = schemas(db);
    const Result<Schema> model =
        loadModel(db, "BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;\nSET search_path = public;\n"
                      "CREATE TABLE b (id int);\nEND;\n");
    ASSERT_TRUE(model.ok()) << model.error().toString().toStdString();
    EXPECT_EQ(model->tables.size(), 2);
    EXPECT_EQ(schemas(db), schemasBefore);
    EXPECT_EQ(tablesEverywhere(db), QStringList());
}

TEST(PostgresModelLoading, a_model_naming_a_schema_it_does_not_create_is_refused)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE SCHEMA app"_s);
    const QStringList schemasBefore = schemas(db);
    const Result<Schema> model =
        loadModel(db, "CREATE TABLE app.book (id int);\nCREATE TABLE author (id int);\n");
    ASSERT_FALSE(model.ok());
    EXPECT_TRUE(model.error().message.contains(u"\"app\".\"book\""))
        << model.error().toString().toStdString();
    EXPECT_EQ(schemas(db), schemasBefore);
    EXPECT_EQ(tablesEverywhere(db), QStringList());
}

// A schema of its own: loaded in a scratch database, the live one untouched.
TEST(PostgresModelLoading, a_model_creating_a_schema_is_read_with_it_and_changes_nothing)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    const QStringList schemasBefore = schemas(db);
    const Result<Schema> model = loadModel(
        db, "CREATE SCHEMA app;\nCREATE TABLE app.book (id int);\nCREATE TABLE author (id int);\n");
    ASSERT_TRUE(model.ok()) << model.error().toString().toStdString();
    QStringList names;
    for (const schema::Table &t : model->tables)
        names.append(t.name);
    names.sort();
    EXPECT_EQ(names, (QStringList{schema::qualifiedName(u"app"_s, u"book"_s), u"author"_s}));
    ASSERT_EQ(model->namespaces.size(), 1);
    EXPECT_EQ(model->namespaces[0].name, u"app"_s);
    EXPECT_EQ(schemas(db), schemasBefore);
    EXPECT_EQ(tablesEverywhere(db), QStringList());
}

TEST(PostgresModelLoading, a_model_naming_the_compared_schema_means_its_own_tables)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE TABLE book (id int)"_s);
    const Result<Schema> model = loadModel(db, "CREATE TABLE public.book (id int, title text);\n"
                                               "COMMENT ON TABLE \"public\".book IS 'books';\n");
    ASSERT_TRUE(model.ok()) << model.error().toString().toStdString();
    ASSERT_EQ(model->tables.size(), 1);
    EXPECT_EQ(model->tables[0].columns.size(), 2);
    EXPECT_EQ(model->tables[0].comment, u"books"_s);
    EXPECT_EQ(tablesEverywhere(db), QStringList{u"public.book"_s});
}

TEST(PostgresModelLoading, a_user_without_create_privilege_is_told_which_privilege)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    const QString role = u"burrow_noc_"_s + QString::number(QCoreApplication::applicationPid());
    db.exec(u"DROP ROLE IF EXISTS "_s + role + u";CREATE ROLE "_s + role +
            u" LOGIN PASSWORD 'Pw-for-test'"_s);
    QUrl url(db.url());
    url.setUserName(role);
    url.setPassword(u"Pw-for-test"_s);
    const Result<Schema> model = loadModel(db, "CREATE TABLE a (id int);\n", url.toString());
    db.exec(u"DROP ROLE "_s + role);
    ASSERT_FALSE(model.ok());
    const QString text = model.error().toString();
    EXPECT_TRUE(text.contains(u"CREATE privilege on database \""_s + db.name()))
        << text.toStdString();
    EXPECT_TRUE(text.contains(u"GRANT CREATE ON DATABASE")) << text.toStdString();
    EXPECT_FALSE(text.contains(u"Pw-for-test")) << text.toStdString();
}

TEST(PostgresModelLoading, transaction_and_search_path_statements_are_recognised)
{
    using dialect::postgres::isSkippedModelStatement;
    for (const QString &skipped :
         {u"BEGIN"_s, u"begin transaction"_s, u"START TRANSACTION"_s, u"COMMIT"_s, u"end"_s,
          u"ROLLBACK"_s, u"SAVEPOINT a"_s, u"RELEASE SAVEPOINT a"_s, u"PREPARE TRANSACTION 'x'"_s,
          u"SET search_path = public"_s, u"set local search_path to x"_s, u"SET SCHEMA 'x'"_s,
          u"SELECT pg_catalog.set_config('search_path', '', false)"_s,
          u"ALTER TABLE public.book OWNER TO app"_s, u"ALTER FUNCTION f(int) OWNER TO \"App\""_s,
          u"GRANT SELECT ON TABLE public.book TO reader"_s,
          u"REVOKE ALL ON SCHEMA x FROM PUBLIC"_s})
        EXPECT_TRUE(isSkippedModelStatement(skipped)) << skipped.toStdString();
    for (const QString &kept :
         {u"CREATE TABLE begin_log (id int)"_s, u"SET TIME ZONE 'UTC'"_s,
          u"PREPARE q AS SELECT 1"_s, u"select 1"_s, u"SELECT set_config('app.mode', 'x', false)"_s,
          u"ALTER TABLE book RENAME COLUMN owner TO keeper"_s,
          u"ALTER TABLE book RENAME owner TO keeper"_s,
          u"ALTER TABLE book ADD COLUMN owner text"_s})
        EXPECT_FALSE(isSkippedModelStatement(kept)) << kept.toStdString();
}

TEST(PostgresModelLoading, an_index_built_concurrently_in_the_model_is_loaded_as_an_index)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    const Result<Schema> model =
        loadModel(db, "CREATE TABLE book (id int, title text, isbn text);\n"
                      "CREATE INDEX CONCURRENTLY book_title ON book (title);\n"
                      "CREATE UNIQUE INDEX concurrently IF NOT EXISTS book_isbn ON book (isbn);\n"
                      "CREATE INDEX book_gone ON book (id);\n"
                      "DROP INDEX CONCURRENTLY book_gone;\n");
    ASSERT_TRUE(model.ok()) << model.error().toString().toStdString();
    ASSERT_EQ(model->tables.size(), 1);
    QStringList indexes;
    for (const Index &index : model->tables[0].indexes)
        indexes.append(index.name + (index.unique ? u" unique"_s : QString()));
    indexes.sort();
    EXPECT_EQ(indexes, (QStringList{u"book_isbn unique"_s, u"book_title"_s}));
}

TEST(PostgresModelLoading, only_the_index_statements_lose_the_word_concurrently)
{
    using dialect::postgres::withoutConcurrently;
    EXPECT_EQ(withoutConcurrently(u"CREATE INDEX CONCURRENTLY i ON t (a)"_s),
              u"CREATE INDEX  i ON t (a)"_s);
    EXPECT_EQ(withoutConcurrently(u"drop index concurrently if exists i"_s),
              u"drop index  if exists i"_s);
    for (const QString &kept :
         {u"CREATE INDEX i ON t (concurrently)"_s, u"REFRESH MATERIALIZED VIEW CONCURRENTLY v"_s,
          u"CREATE TABLE concurrently (id int)"_s, u"COMMENT ON INDEX i IS 'CONCURRENTLY'"_s})
        EXPECT_EQ(withoutConcurrently(kept), kept) << kept.toStdString();
}
