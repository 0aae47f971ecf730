// pg_dump's plain output as a model, as a user makes one from a reference database: psql's
// \restrict lines, pg_dump's emptied search_path, owners and grants of roles the server may lack,
// a publication (named, not run).
#include "dialect/external_tool.h"
#include "dialect/postgres/postgres_tools.h"
#include "postgres_cli_fixture.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using PostgresPgDumpModel = PostgresCliFixture;

/// `pg_dump --schema-only` of `db`, plain SQL, written to `file`.
Status dumpSchema(const TestDatabase &db, const QString &file)
{
    const Result<dialect::DatabaseUrl> url = dialect::parseDatabaseUrl(db.url());
    if (!url)
        return url.error();
    std::unique_ptr<dialect::PasswordFile> password;
    Result<QProcessEnvironment> env = dialect::postgres::toolEnvironment(*url, password);
    if (!env)
        return env.error();
    const dialect::ToolRun run{u"pg_dump"_s, {u"--schema-only"_s}, *env, {}, file};
    Result<QByteArray> ran = dialect::runTool(run, u"dumping the reference schema"_s);
    return ran ? Status(Ok{}) : Status(ran.error());
}

constexpr char kReference[] =
    "CREATE TYPE mood AS ENUM ('ok', 'sad');"
    "CREATE TABLE author (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, "
    "feeling mood DEFAULT 'ok');"
    "CREATE TABLE book (id serial PRIMARY KEY, author_id int REFERENCES author ON DELETE CASCADE, "
    "title varchar(200), owner text);"
    "CREATE INDEX book_title ON book (lower(title));"
    "CREATE VIEW titles AS SELECT b.title, a.name FROM book b JOIN author a ON a.id = b.author_id;"
    "COMMENT ON TABLE book IS 'what we sell';"
    "GRANT SELECT ON book TO PUBLIC;"
    "CREATE PUBLICATION feed FOR TABLE book";

} // namespace

// The dump of a database is its model: no differences with itself; applied to an empty
// database, the migration builds the same schema.
TEST_F(PostgresPgDumpModel, a_schema_dump_is_a_model_that_matches_its_database_and_builds_it)
{
    TestDatabase reference(Backend::PostgreSQL);
    reference.exec(QString::fromUtf8(kReference));
    const QString dump = dir.path(u"reference.sql"_s);
    const Status dumped = dumpSchema(reference, dump);
    ASSERT_TRUE(dumped.ok()) << dumped.error().toString().toStdString();
    const QString text = QString::fromUtf8(readBytes(dump));
    ASSERT_TRUE(text.contains(u"set_config('search_path', '', false)"_s)) << text.toStdString();
    ASSERT_TRUE(text.contains(u"OWNER TO"_s)) << text.toStdString();
    ASSERT_TRUE(text.contains(u"ALTER PUBLICATION feed ADD TABLE ONLY public.book"_s))
        << text.toStdString();

    const CliRun itself = runCli({u"diff"_s, u"--db"_s, reference.url(), u"--model"_s, dump});
    EXPECT_EQ(itself.exitCode, 0) << itself.out.toStdString() << itself.err.toStdString();

    const QString migration = migrate(dump);
    EXPECT_TRUE(migration.contains(u"--   the model creates publication feed, which Burrow"_s))
        << migration.toStdString();
    EXPECT_TRUE(migration.contains(u"CREATE VIEW \"titles\""_s)) << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT obj_description('book'::regclass)"_s),
              QStringList{u"what we sell"_s});
}

// pg_dump writes psql's \restrict and \unrestrict around the dump (since 15.14): comments to
// Burrow, also after blanks, but not a backslash inside a statement's string.
TEST(PostgresPgDumpLines, psql_meta_commands_are_comments_only_at_the_start_of_a_line)
{
    const sql::LexerOptions &options = dialect::postgres::lexerOptions();
    const Result<QList<sql::Statement>> statements = sql::splitStatements(
        u"\\restrict abc123\n  \\unrestrict abc123\nCREATE TABLE t (a text DEFAULT E'\\\\x');\n"
        u"SELECT '\n\\not a command';\n"_s,
        u"dump.sql"_s, options);
    ASSERT_TRUE(statements.ok()) << statements.error().toString().toStdString();
    ASSERT_EQ(statements->size(), 2);
    EXPECT_EQ(statements->at(0).text, u"CREATE TABLE t (a text DEFAULT E'\\\\x')"_s);
    EXPECT_EQ(statements->at(0).line, 3);
    EXPECT_EQ(statements->at(1).text, u"SELECT '\n\\not a command'"_s);
}
