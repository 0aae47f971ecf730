// The same apply, backup, restore, dry run and lock behaviour on every engine, through the real
// burrow-cli: SQLite always, PostgreSQL (and MariaDB once it applies) on ./dev test's servers.
#include "dialect/dialect.h"
#include "server_support.h"
#include "test_support.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray kLegacy =
    "CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(80) NOT NULL);"
    "CREATE TABLE review (id INTEGER PRIMARY KEY, body VARCHAR(200));"
    "INSERT INTO author VALUES (1, 'Le Guin');"
    "INSERT INTO author VALUES (2, 'Herbert');"
    "INSERT INTO review VALUES (1, 'superb')";

class BackendApply : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        db.exec(QString::fromUtf8(kLegacy));
        ASSERT_TRUE(QDir().mkpath(migrations()));
    }
    QString migrations() const { return dir.path(u"migrations"_s); }
    void writeMigration(const QString &file, const QByteArray &up)
    {
        dir.write(u"migrations/"_s + file, "-- migrate:up\n" + up + "\n-- migrate:down\n");
    }
    CliRun cli(const QString &command, const QStringList &more = {})
    {
        return runCli(QStringList{command, u"--db"_s, db.url(), u"--migrations"_s, migrations()} +
                      more);
    }
    QStringList tables()
    {
        const QString sql =
            GetParam() == Backend::SQLite
                ? u"SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"_s
            : GetParam() == Backend::PostgreSQL
                ? u"SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"_s
                : u"SELECT table_name FROM information_schema.tables WHERE table_schema = "
                  u"DATABASE() ORDER BY 1"_s;
        return db.rows(sql);
    }
    /// The folders apply wrote under migrations/backups/, by name.
    QStringList backupFolders() const
    {
        return QDir(migrations() + u"/backups"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    }
    /// burrow-cli restore from one of them, confirmed.
    CliRun restoreFrom(const QString &folder)
    {
        return runCli({u"restore"_s, u"--db"_s, db.url(), u"--from"_s,
                       migrations() + u"/backups/"_s + folder, u"--yes"_s});
    }

    TestDatabase db{GetParam()};
    TempDir dir;
};

TEST_P(BackendApply, applies_records_and_backs_up_before_and_after)
{
    writeMigration(u"0001_genre.sql"_s, "CREATE TABLE genre (id INTEGER PRIMARY KEY);\n"
                                        "INSERT INTO genre VALUES (7);");
    const CliRun applied = cli(u"apply"_s);
    ASSERT_EQ(applied.exitCode, 0) << applied.out.toStdString() << applied.err.toStdString();
    EXPECT_TRUE(tables().contains(u"genre"_s));
    EXPECT_EQ(db.rows(u"SELECT id FROM genre"_s), QStringList{u"7"_s});
    EXPECT_EQ(db.rows(u"SELECT version, status FROM burrow_migrations"_s),
              QStringList{u"0001|applied"_s});

    const QStringList backups = backupFolders();
    ASSERT_EQ(backups.size(), 1) << applied.out.toStdString();
    const QDir folder(migrations() + u"/backups/"_s + backups.first());
    const QStringList files = folder.entryList(QDir::Files);
    EXPECT_EQ(files.filter(u"before."_s).size(), 1) << files.join(u' ').toStdString();
    EXPECT_EQ(files.filter(u"after."_s).size(), 1) << files.join(u' ').toStdString();
    EXPECT_TRUE(files.contains(u"manifest.json"_s));

    const CliRun status = cli(u"status"_s);
    EXPECT_EQ(status.exitCode, 0) << status.err.toStdString();
    EXPECT_TRUE(status.out.contains(u"applied"_s)) << status.out.toStdString();
}

TEST_P(BackendApply, dry_run_changes_nothing_and_reports_the_statements)
{
    writeMigration(u"0001_drop_review.sql"_s, "DROP TABLE review;");
    const CliRun dry = cli(u"apply"_s, {u"--dry-run"_s});
    ASSERT_EQ(dry.exitCode, 0) << dry.out.toStdString() << dry.err.toStdString();
    EXPECT_TRUE(QString(dry.out + dry.err).contains(u"DROP TABLE review"_s))
        << dry.out.toStdString() << dry.err.toStdString();
    EXPECT_TRUE(tables().contains(u"review"_s));
    EXPECT_FALSE(tables().contains(u"burrow_migrations"_s));
    EXPECT_FALSE(QDir(migrations() + u"/backups"_s).exists());
}

TEST_P(BackendApply, restore_brings_back_what_a_migration_dropped)
{
    writeMigration(u"0001_drop_review.sql"_s, "DROP TABLE review;\n"
                                              "CREATE TABLE genre (id INTEGER PRIMARY KEY);");
    const CliRun applied = cli(u"apply"_s);
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    ASSERT_FALSE(tables().contains(u"review"_s));
    const QStringList backups = backupFolders();
    ASSERT_EQ(backups.size(), 1);

    const CliRun restored = restoreFrom(backups.first());
    ASSERT_EQ(restored.exitCode, 0) << restored.out.toStdString() << restored.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT body FROM review"_s), QStringList{u"superb"_s});
    EXPECT_FALSE(tables().contains(u"genre"_s)) << "an object created after the backup survived";
    EXPECT_FALSE(tables().contains(u"burrow_migrations"_s));
    EXPECT_FALSE(restored.out.contains(u"password"_s));
}

TEST_P(BackendApply, standalone_backup_then_restore_round_trips_the_rows)
{
    const QString out = dir.path(u"snapshot"_s);
    const CliRun backedUp = runCli({u"backup"_s, u"--db"_s, db.url(), u"--out"_s, out});
    ASSERT_EQ(backedUp.exitCode, 0) << backedUp.err.toStdString();
    db.exec(u"DELETE FROM author WHERE id = 2"_s);
    const CliRun restored =
        runCli({u"restore"_s, u"--db"_s, db.url(), u"--from"_s, out, u"--yes"_s});
    ASSERT_EQ(restored.exitCode, 0) << restored.out.toStdString() << restored.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT name FROM author ORDER BY id"_s),
              (QStringList{u"Le Guin"_s, u"Herbert"_s}));
}

TEST_P(BackendApply, a_second_applier_waits_then_names_the_one_holding_the_lock)
{
    writeMigration(u"0001_genre.sql"_s, "CREATE TABLE genre (id INTEGER PRIMARY KEY);");
    const Result<dialect::DatabaseUrl> url = dialect::parseDatabaseUrl(db.url());
    ASSERT_TRUE(url);
    auto engine = dialect::dialectFor(*url);
    ASSERT_TRUE(engine);
    auto held = (*engine)->operations().lockApplier(*url, 0); // the first applier
    ASSERT_TRUE(held) << held.error().toString().toStdString();

    const CliRun second = cli(u"apply"_s);
    EXPECT_EQ(second.exitCode, 2) << second.err.toStdString();
    EXPECT_TRUE(second.err.contains(u"another apply is running"_s)) << second.err.toStdString();
    EXPECT_FALSE(tables().contains(u"genre"_s));

    held->reset(); // the first applier is done: the next one runs
    const CliRun third = cli(u"apply"_s);
    EXPECT_EQ(third.exitCode, 0) << third.err.toStdString();
    EXPECT_TRUE(tables().contains(u"genre"_s));
}

INSTANTIATE_TEST_SUITE_P(Engines, BackendApply, allBackends(), backendParamName);

/// Engines whose DDL is transactional: a failed migration leaves nothing behind.
class TransactionalApply : public BackendApply {};

TEST_P(TransactionalApply, a_failing_statement_leaves_the_database_as_it_was)
{
    writeMigration(u"0001_broken.sql"_s, "CREATE TABLE genre (id INTEGER PRIMARY KEY);\n"
                                         "INSERT INTO genre VALUES (1);\n"
                                         "INSERT INTO no_such_table VALUES (1);");
    const QStringList before = tables();
    const CliRun failed = cli(u"apply"_s);
    EXPECT_EQ(failed.exitCode, 1) << failed.err.toStdString();
    EXPECT_TRUE(failed.err.contains(u"0001_broken.sql:4"_s)) << failed.err.toStdString();
    EXPECT_TRUE(failed.err.contains(u"no_such_table"_s)) << failed.err.toStdString();
    EXPECT_EQ(tables(), before) << "the failed migration left tables behind";
}

INSTANTIATE_TEST_SUITE_P(Engines, TransactionalApply,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL), backendParamName);

/// The servers say on which line of a statement its syntax error is: the error names that line
/// of the file, not the statement's first (also after MariaDB's rehearsal).
class ServerSyntaxError : public BackendApply {};

TEST_P(ServerSyntaxError, names_the_line_of_the_file_the_server_points_at)
{
    writeMigration(u"0001_typo.sql"_s, "CREATE TABLE genre (id INTEGER PRIMARY KEY);\n\n"
                                       "ALTER TABLE genre\n"
                                       "  ADD COLUMN name VARCHAR(20),\n"
                                       "  ADD COLUMN rank INTEGER DEFUALT 1;");
    const CliRun failed = cli(u"apply"_s);
    EXPECT_EQ(failed.exitCode, 1) << failed.err.toStdString();
    EXPECT_TRUE(failed.err.contains(u"0001_typo.sql:6: "_s)) << failed.err.toStdString();
    EXPECT_FALSE(tables().contains(u"genre"_s));
}

INSTANTIATE_TEST_SUITE_P(Engines, ServerSyntaxError,
                         ::testing::Values(Backend::PostgreSQL, Backend::MariaDB),
                         backendParamName);

/// MariaDB commits each DDL statement: a failure cannot be undone, so Burrow says exactly what
/// ran, marks the migration failed, refuses to go on, and the backup brings the old state back.
class NonTransactionalApply : public BackendApply {};

TEST_P(NonTransactionalApply, a_failing_migration_is_caught_by_the_rehearsal_and_changes_nothing)
{
    writeMigration(u"0001_broken.sql"_s, "CREATE TABLE genre (id INTEGER PRIMARY KEY);\n"
                                         "INSERT INTO genre VALUES (1);\n"
                                         "INSERT INTO no_such_table VALUES (1);");
    const QString scratch = u"burrow\\_dryrun\\_%"_s;
    const QStringList before = databasesLike(db, scratch);
    const CliRun failed = cli(u"apply"_s);
    EXPECT_EQ(failed.exitCode, 1) << failed.err.toStdString();
    EXPECT_TRUE(failed.err.contains(u"rehearsed on a scratch copy"_s)) << failed.err.toStdString();
    EXPECT_TRUE(failed.err.contains(u"0001_broken.sql:4"_s)) << failed.err.toStdString();
    // What ran, ran on the copy: nothing "stays applied", no history row is marked failed.
    EXPECT_TRUE(failed.err.contains(u"2 of 3 statements ran before it on the scratch copy"_s))
        << failed.err.toStdString();
    EXPECT_FALSE(failed.err.contains(u"stay applied"_s)) << failed.err.toStdString();
    EXPECT_FALSE(tables().contains(u"genre"_s));
    EXPECT_FALSE(tables().contains(u"burrow_migrations"_s));
    EXPECT_TRUE(backupFolders().isEmpty()) << "nothing was to be applied, nothing backed up";
    EXPECT_EQ(leftoverDatabases(db, scratch, before), QStringList{})
        << "the scratch copy was left behind";
}

TEST_P(NonTransactionalApply,
       without_rehearsal_a_failure_reports_what_ran_and_blocks_the_next_apply)
{
    writeMigration(u"0001_broken.sql"_s, "CREATE TABLE genre (id INTEGER PRIMARY KEY);\n"
                                         "INSERT INTO genre VALUES (1);\n"
                                         "INSERT INTO no_such_table VALUES (1);");
    const CliRun failed = cli(u"apply"_s, {u"--no-rehearsal"_s});
    EXPECT_EQ(failed.exitCode, 1) << failed.err.toStdString();
    EXPECT_TRUE(failed.err.contains(u"0001_broken.sql:4"_s)) << failed.err.toStdString();
    EXPECT_TRUE(failed.err.contains(u"2 of 3 statements ran before it and stay applied"_s))
        << failed.err.toStdString();
    EXPECT_TRUE(tables().contains(u"genre"_s)) << "the statements that ran are there";
    EXPECT_EQ(db.rows(u"SELECT version, status, statements_applied FROM burrow_migrations"_s),
              QStringList{u"0001|failed|2"_s});

    const CliRun status = cli(u"status"_s);
    EXPECT_TRUE(status.out.contains(u"failed"_s)) << status.out.toStdString();
    const CliRun again = cli(u"apply"_s);
    EXPECT_EQ(again.exitCode, 2) << again.err.toStdString();
    EXPECT_TRUE(again.err.contains(u"stopped part-way"_s)) << again.err.toStdString();

    const QStringList backups = backupFolders();
    ASSERT_EQ(backups.size(), 1);
    const CliRun restored = restoreFrom(backups.first());
    ASSERT_EQ(restored.exitCode, 0) << restored.out.toStdString() << restored.err.toStdString();
    EXPECT_FALSE(tables().contains(u"genre"_s));
    EXPECT_FALSE(tables().contains(u"burrow_migrations"_s));
    EXPECT_EQ(db.rows(u"SELECT name FROM author ORDER BY id"_s),
              (QStringList{u"Le Guin"_s, u"Herbert"_s}));
}

// A database that does not load again from its own dump (a view whose definer may not read
// its table) cannot be rehearsed: the apply says so, and how to go on, before touching it.
TEST_P(NonTransactionalApply, a_database_that_cannot_be_copied_is_not_touched_and_says_why)
{
    db.exec(u"CREATE USER IF NOT EXISTS 'burrow_norights'@'%'"_s);
    db.exec(u"CREATE DEFINER='burrow_norights'@'%' VIEW names AS SELECT name FROM author"_s);
    writeMigration(u"0001_genre.sql"_s, "CREATE TABLE genre (id INTEGER PRIMARY KEY);");
    const CliRun failed = cli(u"apply"_s);
    EXPECT_EQ(failed.exitCode, 2) << failed.err.toStdString();
    EXPECT_TRUE(failed.err.contains(u"cannot make the scratch copy"_s)) << failed.err.toStdString();
    EXPECT_TRUE(failed.err.contains(u"--no-rehearsal"_s)) << failed.err.toStdString();
    EXPECT_FALSE(tables().contains(u"genre"_s));
    EXPECT_FALSE(tables().contains(u"burrow_migrations"_s));
}

INSTANTIATE_TEST_SUITE_P(Engines, NonTransactionalApply, ::testing::Values(Backend::MariaDB),
                         backendParamName);

} // namespace

namespace {

class BackendPlan : public BackendApply {};

TEST_P(BackendPlan, lint_counts_the_rows_a_plan_would_break_on_every_engine)
{
    db.exec(u"INSERT INTO author VALUES (3, 'Herbert')"_s);
    const QString model = dir.write(
        u"model.sql"_s, "CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(80) NOT NULL);\n"
                        "CREATE UNIQUE INDEX author_name ON author (name);\n"
                        "CREATE TABLE review (id INTEGER PRIMARY KEY, body VARCHAR(200),\n"
                        "    rating INTEGER CHECK (rating > 0));\n");
    const CliRun plan = runCli(
        {u"plan"_s, u"--db"_s, db.url(), u"--model"_s, model, u"--migrations"_s, migrations()});
    const std::string output = QString(plan.out + plan.err).toStdString();
    EXPECT_EQ(plan.exitCode, 0) << output;
    EXPECT_TRUE(QString(plan.out + plan.err).contains(u"1 duplicate value of (name) in author"_s))
        << output;
    EXPECT_FALSE(QString(plan.out + plan.err).contains(u"could not count"_s)) << output;
}

TEST_P(BackendPlan, the_file_header_says_how_its_engine_runs_it)
{
    const QString model =
        dir.write(u"model.sql"_s,
                  "CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(80) NOT NULL);\n"
                  "CREATE TABLE review (id INTEGER PRIMARY KEY, body VARCHAR(200) NOT NULL);\n");
    const CliRun plan = runCli(
        {u"plan"_s, u"--db"_s, db.url(), u"--model"_s, model, u"--migrations"_s, migrations()});
    ASSERT_EQ(plan.exitCode, 0) << plan.err.toStdString();
    QFile file(plan.out.trimmed().split(u'\n').last()); // plan prints the file it wrote
    ASSERT_TRUE(file.open(QIODevice::ReadOnly))
        << plan.out.toStdString() << "|" << plan.err.toStdString();
    const QString text = QString::fromUtf8(file.readAll());
    const QString header = text.left(text.indexOf(u"-- migrate:up"_s));
    switch (GetParam()) {
    case Backend::SQLite: // a rebuild: foreign keys off, its own transaction
        EXPECT_TRUE(header.contains(u"sqlite3 -bail"_s)) << header.toStdString();
        break;
    case Backend::PostgreSQL: // one transaction, nothing to explain
        EXPECT_FALSE(text.contains(u"transaction:false"_s)) << text.toStdString();
        EXPECT_FALSE(header.contains(u"sqlite3"_s)) << header.toStdString();
        break;
    case Backend::MariaDB:
        EXPECT_TRUE(header.contains(u"commits every DDL statement on its own"_s))
            << header.toStdString();
        EXPECT_FALSE(header.contains(u"sqlite3"_s)) << header.toStdString();
        break;
    }
}

INSTANTIATE_TEST_SUITE_P(Engines, BackendPlan, allBackends(), backendParamName);

} // namespace
