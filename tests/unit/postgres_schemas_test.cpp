// PostgreSQL models that create schemas of their own (CREATE SCHEMA core): loaded in a scratch
// database, compared and migrated with the URL's schema, objects named `core.users`, created,
// changed in place and dropped with their rows as elsewhere, and undone by the down section.
// Schemas neither the model nor a migration creates stay out of view.
#include "diff/compare.h"
#include "plan/draft.h"
#include "plan/renames.h"
#include "postgres_cli_fixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QUrl>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class PostgresSchemas : public PostgresCliFixture {
protected:
    /// Plans with `--rename rename`, applies, expects no differences after; the migration.
    QString migrateRenaming(const QString &path, const QString &rename)
    {
        const CliRun planned = runCli({u"plan"_s, u"--db"_s, db.url(), u"--model"_s, path,
                                       u"--migrations"_s, migrations(), u"--rename"_s, rename});
        EXPECT_EQ(planned.exitCode, 0) << planned.err.toStdString();
        const QString migration = QString::fromUtf8(readBytes(planned.out.trimmed()));
        const CliRun applied = runCli(
            {u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations(), u"--no-backup"_s});
        EXPECT_EQ(applied.exitCode, 0) << applied.err.toStdString() << migration.toStdString();
        EXPECT_EQ(diff(path).exitCode, 0) << migration.toStdString();
        return migration;
    }
};

constexpr char kBefore[] = "CREATE TABLE keep (id int PRIMARY KEY);\n";

constexpr char kSchemas[] =
    "CREATE SCHEMA core;\n"
    "CREATE SCHEMA reporting;\n"
    "CREATE TYPE core.status AS ENUM ('active', 'gone');\n"
    "CREATE TABLE keep (id int PRIMARY KEY, st core.status);\n"
    "CREATE TABLE core.users (id integer PRIMARY KEY, username text NOT NULL,\n"
    "  status core.status DEFAULT 'active');\n"
    "CREATE INDEX users_name_idx ON core.users (username);\n"
    "CREATE TABLE core.posts (id serial PRIMARY KEY, user_id int REFERENCES core.users (id));\n"
    "CREATE VIEW reporting.user_list AS SELECT id, username FROM core.users;\n"
    "CREATE FUNCTION core.twice(n int) RETURNS int LANGUAGE sql IMMUTABLE\n"
    "  AS $$ SELECT n * 2 $$;\n";

// The same schemas, changed: a column, an index, a label, a function's result; posts goes.
constexpr char kChanged[] =
    "CREATE SCHEMA core;\n"
    "CREATE SCHEMA reporting;\n"
    "CREATE TYPE core.status AS ENUM ('active', 'gone', 'banned');\n"
    "CREATE TABLE keep (id int PRIMARY KEY, st core.status);\n"
    "CREATE TABLE core.users (id integer PRIMARY KEY, username text NOT NULL, email text,\n"
    "  status core.status DEFAULT 'active');\n"
    "CREATE INDEX users_name_idx ON core.users (username, email);\n"
    "CREATE VIEW reporting.user_list AS SELECT id, username, email FROM core.users;\n"
    "CREATE FUNCTION core.twice(n int) RETURNS bigint LANGUAGE sql IMMUTABLE\n"
    "  AS $$ SELECT n::bigint * 2 $$;\n";

QString schemasOf(TestDatabase &db)
{
    return db
        .rows(u"SELECT COALESCE(string_agg(nspname, ',' ORDER BY nspname), '') FROM pg_namespace "
              u"WHERE nspname IN ('core', 'reporting')"_s)
        .value(0);
}

} // namespace

TEST_F(PostgresSchemas, a_model_creating_schemas_is_migrated_into_them_and_back)
{
    db.exec(QString::fromUtf8(kBefore).chopped(2));
    const QStringList scratchBefore = databasesLike(db, u"burrow_modeldb_%"_s);

    const CliRun shown = diff(model(kSchemas), {u"--format"_s, u"json"_s});
    EXPECT_EQ(shown.exitCode, 1) << shown.err.toStdString();
    EXPECT_TRUE(shown.out.contains(u"\"kind\": \"schema_added\""_s)) << shown.out.toStdString();
    EXPECT_TRUE(shown.out.contains(u"\"table\": \"core.users\""_s)) << shown.out.toStdString();

    const QString migration = migrate(model(kSchemas));
    const QString up = upSection(migration);
    EXPECT_LT(up.indexOf(u"CREATE SCHEMA \"core\""_s),
              up.indexOf(u"CREATE TABLE \"core\".\"users\""_s))
        << up.toStdString();
    EXPECT_EQ(schemasOf(db), u"core,reporting"_s);
    db.exec(u"INSERT INTO core.users (id, username) VALUES (1, 'ann')"_s);
    EXPECT_EQ(db.rows(u"SELECT username, status FROM reporting.user_list JOIN core.users "
                      u"USING (id, username)"_s),
              QStringList{u"ann|active"_s});

    db.exec(u"DELETE FROM core.users"_s);
    db.execEach(downStatements(migration));
    EXPECT_EQ(diff(model(kBefore)).exitCode, 0) << migration.toStdString();
    EXPECT_EQ(schemasOf(db), QString());
    EXPECT_EQ(leftoverDatabases(db, u"burrow_modeldb_%"_s, scratchBefore), QStringList{});
}

TEST_F(PostgresSchemas, objects_of_a_managed_schema_change_in_place_keeping_their_rows)
{
    migrate(model(kSchemas));
    db.exec(u"INSERT INTO core.users (id, username, status) VALUES (1, 'ann', 'gone');"
            u"INSERT INTO keep VALUES (7, 'active')"_s);

    // core.posts goes: destructive, left out without consent.
    const QString cautious = plan(model(kChanged)).out.trimmed();
    EXPECT_FALSE(QString::fromUtf8(readBytes(cautious)).contains(u"DROP TABLE"_s));
    ASSERT_TRUE(QFile::remove(cautious));
    const QString migration = migrate(model(kChanged), true);
    const QString up = upSection(migration);
    EXPECT_TRUE(up.contains(u"DROP INDEX \"core\".\"users_name_idx\""_s)) << up.toStdString();
    EXPECT_TRUE(up.contains(u"ALTER TYPE \"core\".\"status\" ADD VALUE"_s)) << up.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, username, status, core.twice(id) FROM core.users"_s),
              QStringList{u"1|ann|gone|2"_s});
    EXPECT_EQ(db.rows(u"SELECT to_regclass('core.posts') IS NULL"_s), QStringList{u"true"_s});

    // Back: the type loses its label (recreated, its columns converted), posts comes back.
    db.execEach(downStatements(migration));
    EXPECT_EQ(diff(model(kSchemas)).exitCode, 0) << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT st FROM keep"_s), QStringList{u"active"_s});
}

TEST_F(PostgresSchemas, a_schema_the_model_does_not_create_stays_out_of_view)
{
    db.exec(u"CREATE SCHEMA other;CREATE TABLE other.audit (id int);"
            u"CREATE SCHEMA core;CREATE TABLE core.legacy (id int)"_s);
    const CliRun shown = diff(model(kSchemas));
    EXPECT_EQ(shown.exitCode, 1);
    EXPECT_FALSE(shown.out.contains(u"audit"_s)) << shown.out.toStdString();
    // core is the model's: what it holds beyond the model is a difference, and dropping it
    // needs consent.
    EXPECT_TRUE(shown.out.contains(u"- table core.legacy"_s)) << shown.out.toStdString();
    EXPECT_FALSE(shown.out.contains(u"+ schema core"_s)) << shown.out.toStdString();
    EXPECT_TRUE(shown.out.contains(u"+ schema reporting"_s)) << shown.out.toStdString();
    // --ignore names it as it is shown.
    const CliRun ignoring = diff(model(kSchemas), {u"--ignore"_s, u"core.leg*"_s});
    EXPECT_FALSE(ignoring.out.contains(u"legacy"_s)) << ignoring.out.toStdString();
}

// A schema a migration of the folder created is Burrow's: once the model stops creating it,
// what it holds goes with it (with consent) and the down section brings all of it back. One
// made by hand stays out of view.
TEST_F(PostgresSchemas, a_schema_the_model_stops_creating_goes_with_what_it_holds)
{
    db.exec(QString::fromUtf8(kBefore).chopped(2));
    migrate(model(kSchemas));
    db.exec(u"CREATE SCHEMA other;CREATE TABLE other.audit (id int)"_s);

    const CliRun shown = diff(model(kBefore), {u"--migrations"_s, migrations()});
    EXPECT_EQ(shown.exitCode, 1) << shown.err.toStdString();
    EXPECT_TRUE(shown.out.contains(u"- table core.users"_s)) << shown.out.toStdString();
    EXPECT_TRUE(shown.out.contains(u"- schema reporting"_s)) << shown.out.toStdString();
    EXPECT_FALSE(shown.out.contains(u"audit"_s)) << shown.out.toStdString();

    // Without consent core keeps its tables, and so its type and itself; reporting goes.
    const CliRun cautious = plan(model(kBefore));
    EXPECT_TRUE(cautious.err.contains(u"left out (destructive): schema core"_s))
        << cautious.err.toStdString();
    const CliRun applied = runCli(
        {u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations(), u"--no-backup"_s});
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    EXPECT_EQ(schemasOf(db), u"core"_s);
    const QString migration = migrate(model(kBefore), true);
    const QString up = upSection(migration);
    EXPECT_LT(up.indexOf(u"DROP TABLE \"core\".\"users\""_s), up.indexOf(u"DROP SCHEMA \"core\""_s))
        << up.toStdString();
    EXPECT_EQ(schemasOf(db), QString());
    EXPECT_EQ(db.rows(u"SELECT to_regclass('other.audit') IS NOT NULL"_s), QStringList{u"true"_s});
    EXPECT_EQ(diff(model(kBefore), {u"--migrations"_s, migrations()}).exitCode, 0);

    db.execEach(downStatements(migration));
    EXPECT_EQ(schemasOf(db), u"core"_s);
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM core.users"_s), QStringList{u"0"_s});
}

// A migration written by hand may rename a schema Burrow created: it is followed by its new name.
TEST_F(PostgresSchemas, a_schema_a_migration_renames_is_compared_by_its_new_name)
{
    db.exec(QString::fromUtf8(kBefore).chopped(2));
    migrate(model(kSchemas));
    dir.write(u"migrations/0002_rename_reporting.sql"_s,
              "-- migrate:up\nALTER SCHEMA reporting RENAME TO \"Reports\";\n"
              "-- migrate:down\nALTER SCHEMA \"Reports\" RENAME TO reporting;\n");
    const CliRun renamed = runCli(
        {u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations(), u"--no-backup"_s});
    ASSERT_EQ(renamed.exitCode, 0) << renamed.err.toStdString();

    const CliRun shown = diff(model(kBefore), {u"--migrations"_s, migrations()});
    EXPECT_EQ(shown.exitCode, 1) << shown.err.toStdString();
    EXPECT_TRUE(shown.out.contains(u"- schema Reports"_s)) << shown.out.toStdString();
    EXPECT_TRUE(shown.out.contains(u"- view Reports.user_list"_s)) << shown.out.toStdString();

    migrate(model(kBefore), true);
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM pg_namespace WHERE nspname IN "
                      u"('core', 'reporting', 'Reports')"_s),
              QStringList{u"0"_s});
}

// What --ignore leaves out keeps its schema: DROP SCHEMA would fail on it.
TEST_F(PostgresSchemas, a_schema_holding_what_is_ignored_stays)
{
    db.exec(QString::fromUtf8(kBefore).chopped(2));
    migrate(model(kSchemas));
    const QStringList ignoring{u"--ignore"_s, u"core.*"_s, u"--migrations"_s, migrations()};
    const CliRun shown = diff(model(kBefore), ignoring);
    for (const QString &left : {u"- schema core"_s, u"table core.users"_s, u"core.twice"_s})
        EXPECT_FALSE(shown.out.contains(left)) << left.toStdString() << shown.out.toStdString();
    EXPECT_TRUE(shown.out.contains(u"- schema reporting"_s)) << shown.out.toStdString();

    const CliRun planned = runCli(QStringList{u"plan"_s, u"--db"_s, db.url(), u"--model"_s,
                                              model(kBefore), u"--allow-destructive"_s} +
                                  ignoring);
    ASSERT_EQ(planned.exitCode, 0) << planned.err.toStdString();
    const CliRun applied = runCli(
        {u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations(), u"--no-backup"_s});
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    EXPECT_EQ(schemasOf(db), u"core"_s);
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM core.users"_s), QStringList{u"0"_s});
}

// The live schema is read while the model loads, with the schemas the model's text creates;
// when the model turns out to create others, it is read again with those.
TEST_F(PostgresSchemas, the_schemas_compared_are_those_the_model_ends_up_creating)
{
    db.exec(u"CREATE SCHEMA dropped;CREATE TABLE dropped.audit (id int);"
            u"CREATE SCHEMA renamed;CREATE TABLE renamed.kept (id int)"_s);
    const QByteArray ddl = QByteArray(kSchemas) +
                           "CREATE SCHEMA dropped;\nDROP SCHEMA dropped;\n"
                           "CREATE SCHEMA draft;\nALTER SCHEMA draft RENAME TO renamed;\n"
                           "CREATE TABLE renamed.kept (id int);\n";
    const CliRun shown = diff(model(ddl));
    EXPECT_EQ(shown.exitCode, 1) << shown.err.toStdString();
    EXPECT_FALSE(shown.out.contains(u"dropped"_s)) << shown.out.toStdString();
    EXPECT_FALSE(shown.out.contains(u"renamed"_s)) << shown.out.toStdString();
    EXPECT_FALSE(shown.out.contains(u"draft"_s)) << shown.out.toStdString();
    EXPECT_TRUE(shown.out.contains(u"+ schema core"_s)) << shown.out.toStdString();
}

TEST_F(PostgresSchemas, a_user_without_createdb_is_told_which_privilege)
{
    const QString role = u"burrow_nodb_"_s + QString::number(QCoreApplication::applicationPid());
    db.exec(u"DROP ROLE IF EXISTS "_s + role + u";CREATE ROLE "_s + role +
            u" LOGIN PASSWORD 'Pw-for-test'"_s);
    QUrl url(db.url());
    url.setUserName(role);
    url.setPassword(u"Pw-for-test"_s);
    const CliRun shown = runCli({u"diff"_s, u"--db"_s, url.toString(), u"--model"_s,
                                 model(kSchemas), u"--no-model-cache"_s});
    db.exec(u"DROP ROLE "_s + role);
    EXPECT_EQ(shown.exitCode, 2);
    EXPECT_TRUE(shown.err.contains(u"lacks the CREATEDB privilege"_s)) << shown.err.toStdString();
    EXPECT_TRUE(shown.err.contains(u"core, reporting"_s)) << shown.err.toStdString();
    EXPECT_FALSE(shown.err.contains(u"Pw-for-test"_s)) << shown.err.toStdString();
}

TEST_F(PostgresSchemas, a_model_error_names_its_line_and_leaves_no_scratch_database)
{
    const QStringList scratchBefore = databasesLike(db, u"burrow_modeldb_%"_s);
    const CliRun shown =
        diff(model("CREATE SCHEMA core;\nCREATE TABLE core.t (id int);\n"
                   "CREATE TABLE core.u (id int REFERENCES core.nowhere (id));\n"));
    EXPECT_EQ(shown.exitCode, 2);
    EXPECT_TRUE(shown.err.contains(u"model.sql:3"_s)) << shown.err.toStdString();
    EXPECT_TRUE(shown.err.contains(u"nowhere"_s)) << shown.err.toStdString();
    EXPECT_EQ(leftoverDatabases(db, u"burrow_modeldb_%"_s, scratchBefore), QStringList{});
}

// A rename is suggested within a schema, and taken with --rename core.users=members; a table of
// the same name in another schema is a move.
TEST_F(PostgresSchemas, a_table_renamed_in_its_schema_is_suggested_and_renamed_with_its_rows)
{
    db.exec(u"CREATE SCHEMA core;CREATE TABLE core.users (id int PRIMARY KEY, name text);"
            u"INSERT INTO core.users VALUES (1, 'ann');CREATE TABLE moved (id int)"_s);
    const QString path = model("CREATE SCHEMA core;\n"
                               "CREATE TABLE core.members (id int PRIMARY KEY, name text);\n"
                               "CREATE TABLE core.moved (id int);\n");
    const CliRun shown = diff(path);
    EXPECT_TRUE(shown.out.contains(u"--rename core.users=members"_s)) << shown.out.toStdString();
    EXPECT_TRUE(shown.out.contains(u"--rename moved=core.moved"_s)) << shown.out.toStdString();

    const CliRun planned =
        runCli({u"plan"_s, u"--db"_s, db.url(), u"--model"_s, path, u"--migrations"_s, migrations(),
                u"--rename"_s, u"core.users=members"_s, u"--allow-destructive"_s});
    ASSERT_EQ(planned.exitCode, 0) << planned.err.toStdString();
    const QString migration = QString::fromUtf8(readBytes(planned.out.trimmed()));
    EXPECT_TRUE(migration.contains(u"ALTER TABLE \"core\".\"users\" RENAME TO \"members\""_s))
        << migration.toStdString();
    const CliRun applied = runCli(
        {u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations(), u"--no-backup"_s});
    EXPECT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, name FROM core.members"_s), QStringList{u"1|ann"_s});
    EXPECT_EQ(diff(path).exitCode, 0);
}

// A table moved to another schema (`--rename orders=sales.orders`) takes its rows, index,
// serial sequence and the foreign keys referencing it along: nothing is dropped, so no consent
// is asked. The down section moves it back.
TEST_F(PostgresSchemas, a_table_moved_to_another_schema_keeps_its_rows_and_moves_back)
{
    const QByteArray before = "CREATE TABLE orders (id serial PRIMARY KEY, note text);\n"
                              "CREATE INDEX orders_note ON orders (note);\n"
                              "CREATE TABLE lines (id int PRIMARY KEY, order_id int REFERENCES "
                              "orders (id));\n";
    load(before +
         "INSERT INTO orders (note) VALUES ('first');\nINSERT INTO lines VALUES (1, 1);\n");
    const QString moved = model("CREATE SCHEMA sales;\n"
                                "CREATE TABLE sales.orders (id serial PRIMARY KEY, note text);\n"
                                "CREATE INDEX orders_note ON sales.orders (note);\n"
                                "CREATE TABLE lines (id int PRIMARY KEY, order_id int REFERENCES "
                                "sales.orders (id));\n");
    const QString migration = migrateRenaming(moved, u"orders=sales.orders"_s);
    const QString up = upSection(migration);
    EXPECT_TRUE(up.contains(u"ALTER TABLE \"orders\" SET SCHEMA \"sales\""_s)) << up.toStdString();
    EXPECT_FALSE(up.contains(u"DROP"_s)) << up.toStdString();
    EXPECT_FALSE(up.contains(u"CREATE INDEX"_s)) << up.toStdString();
    db.exec(u"INSERT INTO sales.orders (note) VALUES ('second')"_s);
    EXPECT_EQ(
        db.rows(u"SELECT o.id, o.note FROM sales.orders o JOIN lines l ON l.order_id = o.id"_s),
        QStringList{u"1|first"_s});
    EXPECT_EQ(db.rows(u"SELECT max(id) FROM sales.orders"_s), QStringList{u"2"_s});

    db.execEach(downStatements(migration));
    EXPECT_EQ(diff(model(before)).exitCode, 0) << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT note FROM public.orders ORDER BY id"_s),
              (QStringList{u"first"_s, u"second"_s}));
}

// Back to the URL's schema, named as such: the plain name's schema is the connection's.
TEST_F(PostgresSchemas, a_table_moves_back_to_the_connections_schema_named_by_it)
{
    load("CREATE SCHEMA sales;\nCREATE TABLE sales.orders (id int PRIMARY KEY, note text);\n"
         "INSERT INTO sales.orders VALUES (1, 'first');\n");
    const QString back = model("CREATE SCHEMA sales;\nCREATE TABLE sales.regions (id int);\n"
                               "CREATE TABLE orders (id int PRIMARY KEY, note text);\n");
    const QString migration = migrateRenaming(back, u"sales.orders=public.orders"_s);
    EXPECT_TRUE(upSection(migration).contains(u"current_schema()"_s)) << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, note FROM public.orders"_s), QStringList{u"1|first"_s});
}

// Connected to another schema than public, the hint to move a table back names that schema.
TEST_F(PostgresSchemas, the_hint_to_move_a_table_back_names_the_connections_schema)
{
    load("CREATE SCHEMA app;\nCREATE SCHEMA sales;\n"
         "CREATE TABLE sales.orders (id int PRIMARY KEY, note text);\n"
         "INSERT INTO sales.orders VALUES (1, 'first');\n");
    QUrl url(db.url());
    url.setQuery(u"schema=app"_s);
    const QString back = model("CREATE SCHEMA sales;\nCREATE TABLE sales.regions (id int);\n"
                               "CREATE TABLE orders (id int PRIMARY KEY, note text);\n");
    const CliRun shown = runCli({u"diff"_s, u"--db"_s, url.toString(), u"--model"_s, back});
    EXPECT_EQ(shown.exitCode, 1) << shown.err.toStdString();
    EXPECT_TRUE(shown.out.contains(u"to move instead of drop and add: --rename "
                                   u"sales.orders=app.orders\n"_s))
        << shown.out.toStdString();

    const CliRun planned =
        runCli({u"plan"_s, u"--db"_s, url.toString(), u"--model"_s, back, u"--migrations"_s,
                migrations(), u"--rename"_s, u"sales.orders=app.orders"_s});
    ASSERT_EQ(planned.exitCode, 0) << planned.err.toStdString();
    const CliRun applied = runCli(
        {u"apply"_s, u"--db"_s, url.toString(), u"--migrations"_s, migrations(), u"--no-backup"_s});
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, note FROM app.orders"_s), QStringList{u"1|first"_s});
}

// The differ suggests a move on its own: the CLI's hint is the --rename that plans it, and the
// GUI's ticked suggestion (suggestedRenames, as the differences panel hands it on) drafts the
// same SET SCHEMA, which keeps the rows, both ways.
TEST_F(PostgresSchemas, a_moved_table_is_suggested_and_the_suggestion_moves_it)
{
    const QByteArray home = "CREATE TABLE orders (id int PRIMARY KEY, note text);\n";
    load(home + "INSERT INTO orders VALUES (1, 'first');\n");
    const QString moved = model("CREATE SCHEMA sales;\n"
                                "CREATE TABLE sales.orders (id int PRIMARY KEY, note text);\n");
    const CliRun shown = diff(moved);
    EXPECT_EQ(shown.exitCode, 1) << shown.err.toStdString();
    EXPECT_TRUE(shown.out.contains(u"same definition, moved to schema sales; to move instead of "
                                   u"drop and add: --rename orders=sales.orders"_s))
        << shown.out.toStdString();

    const QString back = dir.write(u"home.sql"_s, "CREATE SCHEMA sales;\n" + home);
    ASSERT_TRUE(QDir().mkpath(migrations()));
    for (const QString &path : {moved, back}) {
        diff::CompareRequest compare;
        compare.database = db.url();
        compare.models = {path};
        Result<diff::Comparison> comparison = diff::compareWithModel(compare);
        ASSERT_TRUE(comparison) << comparison.error().toString().toStdString();
        plan::DraftRequest request;
        request.renames = plan::suggestedRenames(comparison->changes);
        ASSERT_EQ(request.renames.size(), 1) << path.toStdString();
        Result<plan::MigrationDraft> draft = plan::draftMigration(*comparison, request);
        ASSERT_TRUE(draft) << draft.error().toString().toStdString();
        EXPECT_TRUE(draft->text.contains(u"SET SCHEMA"_s)) << draft->text.toStdString();
        EXPECT_FALSE(upSection(draft->text).contains(u"DROP"_s)) << draft->text.toStdString();
        dir.write(u"migrations/000"_s + QString::number(path == moved ? 1 : 2) + u"_move.sql"_s,
                  draft->text.toUtf8());
        const CliRun applied = runCli(
            {u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations(), u"--no-backup"_s});
        ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString() << draft->text.toStdString();
        EXPECT_EQ(diff(path).exitCode, 0) << draft->text.toStdString();
    }
    EXPECT_EQ(db.rows(u"SELECT id, note FROM public.orders"_s), QStringList{u"1|first"_s});
}

// In the scratch database too, every statement runs in a transaction (what cannot, fails at
// its line), and what the whole server shares is refused before anything runs.
TEST_F(PostgresSchemas, the_scratch_database_keeps_the_model_inside_it)
{
    const CliRun vacuum = diff(model("CREATE SCHEMA core;\nCREATE TABLE core.t (id int);\n"
                                     "VACUUM core.t;\n"));
    EXPECT_EQ(vacuum.exitCode, 2);
    EXPECT_TRUE(vacuum.err.contains(u"model.sql:3"_s)) << vacuum.err.toStdString();
    EXPECT_TRUE(vacuum.err.contains(u"transaction block"_s)) << vacuum.err.toStdString();

    const CliRun role = diff(model("CREATE SCHEMA core;\nCREATE ROLE burrow_intruder;\n"));
    EXPECT_EQ(role.exitCode, 2);
    EXPECT_TRUE(role.err.contains(u"whole server"_s)) << role.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM pg_roles WHERE rolname = 'burrow_intruder'"_s),
              QStringList{u"0"_s});
}

// A dry run reads every schema of its copy: what a migration does to another schema's rows is
// told as it is for the URL's own, also in a schema the migration creates.
TEST_F(PostgresSchemas, a_dry_run_warns_about_the_rows_a_migration_drops_in_another_schema)
{
    migrate(model(kSchemas));
    db.exec(u"INSERT INTO core.users (id, username) VALUES (1, 'ann'), (2, 'bob')"_s);
    dir.write(u"migrations/0002_slim.sql"_s,
              "-- migrate:up\n"
              "ALTER TABLE core.users DROP COLUMN status;\n"
              "CREATE SCHEMA archive;\n"
              "CREATE TABLE archive.users AS SELECT id FROM core.users;\n"
              "-- migrate:down\n");
    const CliRun r =
        runCli({u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations(), u"--dry-run"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"Warnings (1):\n  data loss: drops column core.users.status "
                               u"holding 2"_s))
        << r.out.toStdString();
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM core.users WHERE status IS NOT NULL"_s),
              QStringList{u"2"_s});
    EXPECT_EQ(db.rows(u"SELECT to_regnamespace('archive') IS NULL"_s), QStringList{u"true"_s});
}

// The next load with schemas removes a scratch database whose loader died (nobody connected,
// its lock free), and leaves one whose loader still holds its lock.
TEST_F(PostgresSchemas, a_scratch_database_left_by_a_dead_loader_is_removed_and_one_in_use_kept)
{
    const QString dead = u"burrow_modeldb_00000000deadbeef"_s;
    const QString busy = u"burrow_modeldb_00000000cafef00d"_s;
    QStringList left;
    {
        // The live loader of `busy` locks the key of its name before creating it, as Burrow
        // does: other tests' loads on the shared server would otherwise drop it in between.
        ServerSession loader(db);
        loader.exec(u"SELECT pg_advisory_lock(x'00000000cafef00d'::bit(64)::bigint)"_s);
        db.exec(u"DROP DATABASE IF EXISTS "_s + dead + u";DROP DATABASE IF EXISTS "_s + busy +
                u";CREATE DATABASE "_s + dead + u";CREATE DATABASE "_s + busy);
        const CliRun shown = diff(model(kSchemas));
        EXPECT_EQ(shown.exitCode, 1) << shown.err.toStdString();
        left = databasesLike(db, u"burrow_modeldb_00000000%"_s);
    }
    db.exec(u"DROP DATABASE IF EXISTS "_s + dead + u";DROP DATABASE IF EXISTS "_s + busy);
    EXPECT_EQ(left, QStringList{busy});
}

// Code that runs while such a model loads (a DO block) can reach what the whole server shares:
// the model is read inside one transaction that is rolled back, so nothing of it commits.
TEST_F(PostgresSchemas, code_in_a_model_with_schemas_never_commits)
{
    db.exec(u"DROP ROLE IF EXISTS burrow_do_role"_s);
    const CliRun shown = diff(model("CREATE SCHEMA core;\nCREATE TABLE core.t (id int);\n"
                                    "DO $$ BEGIN CREATE ROLE burrow_do_role; END $$;\n"
                                    "CREATE TABLE keep (id int);\n"),
                              {u"--format"_s, u"json"_s});
    const QStringList roles =
        db.rows(u"SELECT count(*) FROM pg_roles WHERE rolname = 'burrow_do_role'"_s);
    db.exec(u"DROP ROLE IF EXISTS burrow_do_role"_s);
    EXPECT_EQ(shown.exitCode, 1) << shown.err.toStdString();
    EXPECT_TRUE(shown.out.contains(u"\"table\": \"core.t\""_s)) << shown.out.toStdString();
    EXPECT_EQ(roles, QStringList{u"0"_s});
}
