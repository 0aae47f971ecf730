// What a PostgreSQL restore meets. pg_dump's script empties search_path: a function that an
// index calls and that names another function unqualified then fails to load ("function
// g(integer) does not exist"), so a backup of such a database would not restore, nor a dry run's
// copy of it load; such a script runs again under the database's own search_path
// (postgres_search_path.h). A role the backup names and the server dropped since is no
// search_path's business: the restore says to create it. What a migration created since the
// backup (an extension, a collation, text search objects) is gone afterwards, so that the
// migration applies again; so are event triggers (which would fire on the restore's drops),
// publications, foreign servers and large objects made since. Restored by a role that owns the database but not everything in it
// (extensions an administrator installed, another role's objects), it keeps what it may not drop
// or says as whom to restore; a table it may not read, which grant its backup lacks. A tool's error
// quotes the ERROR line itself, not only the HINT and CONTEXT lines psql prints after it.
#include "dialect/external_tool.h"
#include "dialect/postgres/postgres_search_path.h"
#include "server_support.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QUrl>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class PostgresRestore : public ::testing::Test {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        db.exec(u"CREATE TABLE t (x int);"
                u"CREATE FUNCTION g(int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1 + 1';"
                u"CREATE FUNCTION f(int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT g($1)';"
                u"CREATE INDEX t_f ON t (f(x));"
                u"INSERT INTO t VALUES (1)"_s);
        ASSERT_TRUE(QDir().mkpath(dir.path(u"migrations"_s)));
        dir.write(u"migrations/0001_more.sql"_s,
                  "-- migrate:up\nINSERT INTO t VALUES (2);\n-- migrate:down\n");
    }
    CliRun apply(const QStringList &more = {}) const
    {
        return runCli(QStringList{u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s,
                                  dir.path(u"migrations"_s)} +
                      more);
    }

    TestDatabase db{Backend::PostgreSQL};
    TempDir dir;
};

TEST_F(PostgresRestore, a_backup_whose_functions_name_others_unqualified_restores)
{
    const CliRun saved =
        runCli({u"backup"_s, u"--db"_s, db.url(), u"--out"_s, dir.path(u"saved"_s)});
    ASSERT_EQ(saved.exitCode, 0) << saved.err.toStdString();
    db.exec(u"INSERT INTO t VALUES (5)"_s);

    const CliRun restored =
        runCli({u"restore"_s, u"--db"_s, db.url(), u"--from"_s, dir.path(u"saved"_s), u"--yes"_s});
    ASSERT_EQ(restored.exitCode, 0) << restored.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT x FROM t"_s), QStringList{u"1"_s});
    EXPECT_EQ(db.rows(u"SELECT indexname FROM pg_indexes WHERE tablename = 't'"_s),
              QStringList{u"t_f"_s});
}

TEST_F(PostgresRestore, a_dry_run_copies_such_a_database)
{
    const CliRun dry = apply({u"--dry-run"_s});
    ASSERT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT x FROM t"_s), QStringList{u"1"_s}) << "a dry run changes nothing";
}

TEST_F(PostgresRestore, a_restore_naming_a_dropped_role_says_which_to_create)
{
    const QString role = db.name() + u"_owner"_s;
    db.exec(u"CREATE ROLE "_s + role + u"; ALTER TABLE t OWNER TO "_s + role);
    const CliRun saved =
        runCli({u"backup"_s, u"--db"_s, db.url(), u"--out"_s, dir.path(u"saved"_s)});
    ASSERT_EQ(saved.exitCode, 0) << saved.err.toStdString();
    db.exec(u"DROP TABLE t; DROP ROLE "_s + role + u"; CREATE TABLE t (y int)"_s);

    const CliRun refused =
        runCli({u"restore"_s, u"--db"_s, db.url(), u"--from"_s, dir.path(u"saved"_s), u"--yes"_s});
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_TRUE(refused.err.contains(u"the database is unchanged; the backup names the role \""_s +
                                     role + u"\", which the server no longer has: create it"_s))
        << refused.err.toStdString();
    EXPECT_EQ(db.columnNames(), QStringList{u"t.y"_s});
}

TEST_F(PostgresRestore, what_a_migration_created_does_not_outlive_a_restore)
{
    const CliRun saved =
        runCli({u"backup"_s, u"--db"_s, db.url(), u"--out"_s, dir.path(u"saved"_s)});
    ASSERT_EQ(saved.exitCode, 0) << saved.err.toStdString();
    const QByteArray created = "CREATE EXTENSION citext;\n"
                               "CREATE COLLATION nocase (provider = icu, "
                               "locale = 'und-u-ks-level2', deterministic = false);\n"
                               "CREATE TEXT SEARCH DICTIONARY plain (TEMPLATE = simple);\n"
                               "CREATE TEXT SEARCH CONFIGURATION plain_cfg (COPY = english);\n"
                               "CREATE TABLE u (email citext COLLATE \"default\");\n";
    dir.write(u"migrations/0002_objects.sql"_s, "-- migrate:up\n" + created + "-- migrate:down\n");
    ASSERT_EQ(apply().exitCode, 0);
    const QString objects =
        u"SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' UNION ALL SELECT collname "
        u"FROM pg_collation WHERE collnamespace = 'public'::regnamespace UNION ALL SELECT "
        u"cfgname FROM pg_ts_config WHERE cfgnamespace = 'public'::regnamespace UNION ALL SELECT "
        u"dictname FROM pg_ts_dict WHERE dictnamespace = 'public'::regnamespace ORDER BY 1"_s;
    ASSERT_EQ(db.rows(objects),
              (QStringList{u"citext"_s, u"nocase"_s, u"plain"_s, u"plain_cfg"_s}));

    const CliRun restored =
        runCli({u"restore"_s, u"--db"_s, db.url(), u"--from"_s, dir.path(u"saved"_s), u"--yes"_s});
    ASSERT_EQ(restored.exitCode, 0) << restored.err.toStdString();
    EXPECT_EQ(db.rows(objects), QStringList{});
    EXPECT_EQ(db.columnNames(), QStringList{u"t.x"_s});
    // So the migrations apply again, from the history the backup holds.
    const CliRun again = apply();
    EXPECT_EQ(again.exitCode, 0) << again.err.toStdString();
}

TEST_F(PostgresRestore, what_the_database_gained_besides_schema_does_not_outlive_a_restore)
{
    db.exec(u"SELECT lo_from_bytea(0, 'kept'::bytea); CREATE PUBLICATION kept_pub FOR TABLE t"_s);
    const CliRun saved =
        runCli({u"backup"_s, u"--db"_s, db.url(), u"--out"_s, dir.path(u"saved"_s)});
    ASSERT_EQ(saved.exitCode, 0) << saved.err.toStdString();
    db.execEach({u"SELECT lo_from_bytea(0, 'later'::bytea)"_s,
                 u"CREATE PUBLICATION later_pub FOR ALL TABLES"_s,
                 u"CREATE FOREIGN DATA WRAPPER later_fdw"_s,
                 u"CREATE SERVER later_srv FOREIGN DATA WRAPPER later_fdw"_s,
                 u"CREATE USER MAPPING FOR CURRENT_USER SERVER later_srv"_s,
                 u"CREATE FUNCTION no_drops() RETURNS event_trigger LANGUAGE plpgsql AS "
                 u"$$BEGIN RAISE EXCEPTION 'no drops here'; END$$"_s,
                 u"CREATE EVENT TRIGGER later_guard ON sql_drop EXECUTE FUNCTION no_drops()"_s});

    const CliRun restored =
        runCli({u"restore"_s, u"--db"_s, db.url(), u"--from"_s, dir.path(u"saved"_s), u"--yes"_s});
    ASSERT_EQ(restored.exitCode, 0) << restored.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT convert_from(lo_get(oid), 'UTF8') FROM pg_largeobject_metadata"_s),
              QStringList{u"kept"_s});
    EXPECT_EQ(db.rows(u"SELECT pubname FROM pg_publication"_s), QStringList{u"kept_pub"_s});
    EXPECT_EQ(db.rows(u"SELECT srvname FROM pg_foreign_server UNION ALL SELECT fdwname FROM "
                      u"pg_foreign_data_wrapper UNION ALL SELECT evtname FROM pg_event_trigger"_s),
              QStringList{});
    EXPECT_EQ(db.rows(u"SELECT x FROM t"_s), QStringList{u"1"_s});
}

/// A database owned by an application role, which runs Burrow; the administrator (the test
/// server's superuser) installs what only it may.
class PostgresAppRole : public ::testing::Test {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        db.exec(u"CREATE ROLE "_s + role + u" LOGIN PASSWORD 'app-secret';ALTER DATABASE \""_s +
                db.name() + u"\" OWNER TO "_s + role);
        QUrl url(db.url());
        url.setUserName(role);
        url.setPassword(u"app-secret"_s);
        asApp = url.toString();
    }
    void TearDown() override
    {
        if (db.available())
            db.exec(u"ALTER DATABASE \""_s + db.name() + u"\" OWNER TO postgres;DROP OWNED BY "_s +
                    role + u" CASCADE;DROP ROLE "_s + role);
    }
    CliRun backUp(const QString &url) const
    {
        return runCli({u"backup"_s, u"--db"_s, url, u"--out"_s, dir.path(u"saved"_s)});
    }
    CliRun restoreAsApp() const
    {
        return runCli(
            {u"restore"_s, u"--db"_s, asApp, u"--from"_s, dir.path(u"saved"_s), u"--yes"_s});
    }

    TestDatabase db{Backend::PostgreSQL};
    const QString role = db.name() + u"_app"_s;
    QString asApp;
    TempDir dir;
};

// Only an extension's owner may drop or comment on it: the restore leaves those it may not.
TEST_F(PostgresAppRole, a_restore_keeps_the_extensions_an_administrator_installed)
{
    db.exec(u"CREATE EXTENSION hstore;CREATE EXTENSION pg_trgm"_s);
    ASSERT_TRUE(QDir().mkpath(dir.path(u"migrations"_s)));
    dir.write(u"migrations/0001_tags.sql"_s,
              "-- migrate:up\nCREATE TABLE tag (name text, attrs hstore);\n"
              "CREATE INDEX tag_name ON tag USING gin (name gin_trgm_ops);\n"
              "INSERT INTO tag VALUES ('a', 'k=>v');\n-- migrate:down\n");
    const CliRun applied =
        runCli({u"apply"_s, u"--db"_s, asApp, u"--migrations"_s, dir.path(u"migrations"_s)});
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    const CliRun saved = backUp(asApp);
    ASSERT_EQ(saved.exitCode, 0) << saved.err.toStdString();
    db.exec(u"DELETE FROM tag"_s);

    const CliRun restored = restoreAsApp();
    ASSERT_EQ(restored.exitCode, 0) << restored.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT name, attrs -> 'k' FROM tag"_s), QStringList{u"a|v"_s});
    EXPECT_EQ(db.rows(u"SELECT extname || ':' || extowner::regrole FROM pg_extension "
                      u"WHERE extname <> 'plpgsql' ORDER BY 1"_s),
              (QStringList{u"hstore:postgres"_s, u"pg_trgm:postgres"_s}));
}

TEST_F(PostgresAppRole, a_restore_giving_objects_to_another_role_says_as_whom_to_restore)
{
    db.exec(u"CREATE TABLE admins (id int);GRANT SELECT ON admins TO "_s + role);
    const CliRun saved = backUp(db.url());
    ASSERT_EQ(saved.exitCode, 0) << saved.err.toStdString();

    const CliRun refused = restoreAsApp();
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_TRUE(refused.err.contains(u"the database is unchanged; the backup gives objects to "
                                     u"the role \"postgres\", which only its members may do: "
                                     u"restore as a superuser or a member of \"postgres\""_s))
        << refused.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT tableowner FROM pg_tables WHERE tablename = 'admins'"_s),
              QStringList{u"postgres"_s});
}

TEST_F(PostgresAppRole, a_restore_that_may_not_drop_a_schema_says_whose_it_is)
{
    db.exec(u"CREATE SCHEMA audit;CREATE TABLE audit.log (id int);GRANT USAGE ON SCHEMA audit "
            u"TO "_s +
            role + u";GRANT SELECT ON audit.log TO "_s + role);
    const CliRun saved = backUp(asApp);
    ASSERT_EQ(saved.exitCode, 0) << saved.err.toStdString();

    const CliRun refused = restoreAsApp();
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_TRUE(refused.err.contains(u"the database is unchanged; the schema audit belongs to "
                                     u"another role: restore as a role that owns every object"_s))
        << refused.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM audit.log"_s), QStringList{u"0"_s});
}

TEST_F(PostgresAppRole, a_backup_that_may_not_read_a_table_says_which_grant_is_missing)
{
    db.exec(u"CREATE TABLE secret (id int)"_s);
    const CliRun refused = backUp(asApp);
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_TRUE(refused.err.contains(u"permission denied for table secret"_s) &&
                refused.err.contains(u"nothing was changed; a backup reads every object of the "
                                     u"database: grant the user access (GRANT SELECT ON TABLE "
                                     u"secret TO \""_s +
                                     role + u"\")"_s))
        << refused.err.toStdString();
    EXPECT_FALSE(QFile::exists(dir.path(u"saved"_s))) << "no folder for a backup that failed";
}

TEST(PostgresSearchPathScript, only_the_preambles_statement_becomes_a_comment_of_its_size)
{
    TempDir dir;
    const QByteArray script = "--\n\\restrict abc\nSET client_encoding = 'UTF8';\n"
                              "SELECT pg_catalog.set_config('search_path', '', false);\n"
                              "CREATE TABLE public.t (x int);\n";
    const QString file = dir.write(u"restore.sql"_s, script);
    ASSERT_TRUE(dialect::postgres::keepDatabaseSearchPath(file));
    QFile written(file);
    ASSERT_TRUE(written.open(QIODevice::ReadOnly));
    const QByteArray text = written.readAll();
    EXPECT_EQ(text.size(), script.size());
    EXPECT_FALSE(text.contains("set_config('search_path'")) << text.toStdString();
    EXPECT_TRUE(text.contains("-- search_path: the database's own")) << text.toStdString();

    // One after the first object is data or a function's own business: left alone.
    const QString late =
        dir.write(u"late.sql"_s, "CREATE TABLE public.t (x int);\n"
                                 "SELECT pg_catalog.set_config('search_path', '', false);\n");
    EXPECT_FALSE(dialect::postgres::keepDatabaseSearchPath(late));
}

TEST(ToolErrors, quote_the_error_line_before_psqls_hint_and_context)
{
    const dialect::ToolRun run{
        u"sh"_s,
        {u"-c"_s, u"echo 'psql: ERROR:  function g(integer) does not exist' >&2; echo 'LINE 1: x' "
                  u">&2; echo 'HINT:  No function' >&2; echo 'QUERY:  SELECT g($1)' >&2; echo "
                  u"'CONTEXT:  SQL function' >&2; exit 3"_s}};
    const Result<QByteArray> ran = dialect::runTool(run, u"the restore (psql)"_s);
    ASSERT_FALSE(ran);
    EXPECT_TRUE(ran.error().message.contains(u"function g(integer) does not exist"))
        << ran.error().message.toStdString();
    EXPECT_TRUE(ran.error().message.endsWith(u"CONTEXT:  SQL function"))
        << ran.error().message.toStdString();
}

} // namespace
