// MariaDB's system-versioned tables (WITH SYSTEM VERSIONING): versioning added and dropped, with
// implicit or explicit period columns; a versioned table altered without losing its history
// (MariaDB refuses the ALTER unless told to keep it); dropping versioning, which deletes the
// history, only with consent; and backups that hold the history.
#include "cli_migrations.h"

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray kPlain = "CREATE TABLE acct (id INT PRIMARY KEY, bal INT)";
const QByteArray kVersioned = kPlain + " WITH SYSTEM VERSIONING";
const QByteArray kExplicitPeriod =
    "CREATE TABLE acct (id INT PRIMARY KEY, bal INT, "
    "valid_from TIMESTAMP(6) GENERATED ALWAYS AS ROW START INVISIBLE, "
    "valid_to TIMESTAMP(6) GENERATED ALWAYS AS ROW END INVISIBLE, "
    "PERIOD FOR SYSTEM_TIME (valid_from, valid_to)) WITH SYSTEM VERSIONING";

class MariadbSystemVersioning : public OneEngineCliTest<Backend::MariaDB> {
protected:
    /// A versioned `acct` whose one row has two past versions.
    void versionedWithHistory(const QByteArray &create)
    {
        db.exec(QString::fromUtf8(create));
        db.exec(u"INSERT INTO acct (id, bal) VALUES (1, 10)"_s);
        db.exec(u"UPDATE acct SET bal = 20"_s);
        db.exec(u"UPDATE acct SET bal = 30"_s);
    }
    QStringList allVersions()
    {
        return db.rows(u"SELECT bal FROM acct FOR SYSTEM_TIME ALL ORDER BY bal"_s);
    }
    bool versioned()
    {
        return db.rows(u"SELECT TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                       "DATABASE() AND TABLE_NAME = 'acct'"_s) ==
               QStringList{u"SYSTEM VERSIONED"_s};
    }
};

const QStringList kHistory{u"10"_s, u"20"_s, u"30"_s};

TEST_F(MariadbSystemVersioning, a_versioned_table_is_altered_keeping_its_history)
{
    versionedWithHistory(kVersioned);
    const QString before = cli.model(kVersioned, u"before.sql"_s);
    const QString migration = cli.migrateAndUndo(
        cli.model("CREATE TABLE acct (id INT PRIMARY KEY, bal BIGINT, note VARCHAR(20)) "
                  "WITH SYSTEM VERSIONING"),
        before);
    EXPECT_TRUE(migration.contains(u"MODIFY COLUMN `bal` bigint(20)"_s)) << migration.toStdString();
    EXPECT_FALSE(migration.contains(u"SYSTEM VERSIONING"_s)) << migration.toStdString();
    EXPECT_TRUE(versioned());
    EXPECT_EQ(allVersions(), kHistory);
}

TEST_F(MariadbSystemVersioning, versioning_is_added_and_undone_with_implicit_or_explicit_periods)
{
    for (const QByteArray &model : {kVersioned, kExplicitPeriod}) {
        TestDatabase fresh{Backend::MariaDB};
        TempDir folder;
        CliMigrations run{fresh, folder};
        fresh.exec(QString::fromUtf8(kPlain));
        const QString migration =
            run.migrateAndUndo(run.model(model), run.model(kPlain, u"before.sql"_s));
        const QString up = migration.section(u"-- migrate:down"_s, 0, 0);
        EXPECT_TRUE(up.contains(u"ADD SYSTEM VERSIONING"_s)) << migration.toStdString();
        EXPECT_EQ(up.contains(u"ADD PERIOD FOR SYSTEM_TIME (`valid_from`, `valid_to`)"_s),
                  model == kExplicitPeriod)
            << migration.toStdString();
        EXPECT_TRUE(
            migration.section(u"-- migrate:down"_s, 1).contains(u"DROP SYSTEM VERSIONING"_s))
            << migration.toStdString();
    }
}

TEST_F(MariadbSystemVersioning,
       a_new_table_with_explicit_period_columns_is_created_as_the_model_has_it)
{
    const QString migration = cli.migrate(cli.model(kExplicitPeriod));
    EXPECT_TRUE(
        migration.contains(u"`valid_from` timestamp(6) GENERATED ALWAYS AS ROW START INVISIBLE"_s))
        << migration.toStdString();
    EXPECT_TRUE(versioned());
    db.exec(u"INSERT INTO acct (id, bal) VALUES (1, 10)"_s);
    db.exec(u"UPDATE acct SET bal = 20"_s);
    EXPECT_EQ(allVersions(), (QStringList{u"10"_s, u"20"_s}));
}

TEST_F(MariadbSystemVersioning, dropping_versioning_deletes_history_so_it_takes_consent)
{
    versionedWithHistory(kExplicitPeriod);
    const QString model = cli.model(kPlain);
    const CliRun refused = cli.plan(model);
    EXPECT_EQ(refused.exitCode, 0) << CliMigrations::shown(refused);
    EXPECT_TRUE(refused.err.contains(
        u"left out (destructive): table acct: ~ table options  SYSTEM VERSIONING dropped"_s))
        << CliMigrations::shown(refused);
    EXPECT_EQ(cli.lastMigration(), QString()); // nor its period columns, nor the keys' ROW END
    EXPECT_EQ(allVersions(), kHistory);

    const QString migration = cli.migrate(model, {u"--allow-destructive"_s});
    EXPECT_TRUE(migration.contains(u"DROP PERIOD FOR SYSTEM_TIME,\n  DROP SYSTEM VERSIONING"_s))
        << migration.toStdString();
    EXPECT_FALSE(versioned());
    EXPECT_EQ(db.rows(u"SELECT id, bal FROM acct"_s), QStringList{u"1|30"_s});
}

TEST_F(MariadbSystemVersioning, a_column_left_out_of_versioning_is_compared_created_and_changed)
{
    db.exec(u"CREATE TABLE acct (id INT PRIMARY KEY, bal INT, seen INT WITHOUT SYSTEM "
            "VERSIONING) WITH SYSTEM VERSIONING"_s);
    const QString before = cli.model("CREATE TABLE acct (id INT PRIMARY KEY, bal INT, seen INT "
                                     "WITHOUT SYSTEM VERSIONING) WITH SYSTEM VERSIONING;\n",
                                     u"before.sql"_s);
    const QString model = cli.model(
        "CREATE TABLE acct (id INT PRIMARY KEY, bal INT WITHOUT SYSTEM VERSIONING, seen INT) "
        "WITH SYSTEM VERSIONING;\nCREATE TABLE fresh (id INT PRIMARY KEY, hits INT WITHOUT "
        "SYSTEM VERSIONING) WITH SYSTEM VERSIONING;\n");
    const CliRun differs = cli.diff(model);
    EXPECT_TRUE(differs.out.contains(u"column bal   WITHOUT SYSTEM VERSIONING added"_s))
        << CliMigrations::shown(differs);
    EXPECT_TRUE(differs.out.contains(u"column seen  WITHOUT SYSTEM VERSIONING dropped"_s))
        << CliMigrations::shown(differs);
    cli.migrate(model);
    EXPECT_EQ(
        db.rows(u"SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME) FROM information_schema.COLUMNS "
                "WHERE TABLE_SCHEMA = DATABASE() AND EXTRA LIKE '%WITHOUT SYSTEM "
                "VERSIONING%' ORDER BY 1"_s),
        (QStringList{u"acct.bal"_s, u"fresh.hits"_s}));
    db.exec(u"INSERT INTO acct (id, bal, seen) VALUES (1, 10, 1)"_s);
    db.exec(u"UPDATE acct SET bal = 20"_s); // no new version
    EXPECT_EQ(allVersions(), QStringList{u"20"_s});
    cli.migrate(before, {u"--allow-destructive"_s}); // fresh goes too
    EXPECT_EQ(db.rows(u"SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = "
                      "DATABASE() AND EXTRA LIKE '%WITHOUT SYSTEM VERSIONING%'"_s),
              QStringList{u"seen"_s});
}

TEST_F(MariadbSystemVersioning, a_backup_restores_the_history)
{
    versionedWithHistory(kVersioned);
    const QString backup = dir.path(u"backup"_s);
    const CliRun saved = runCli({u"backup"_s, u"--db"_s, db.url(), u"--out"_s, backup});
    ASSERT_EQ(saved.exitCode, 0) << saved.err.toStdString();
    db.exec(u"DELETE HISTORY FROM acct"_s);
    ASSERT_EQ(allVersions(), QStringList{u"30"_s});
    const CliRun restored =
        runCli({u"restore"_s, u"--db"_s, db.url(), u"--from"_s, backup, u"--yes"_s});
    ASSERT_EQ(restored.exitCode, 0) << restored.err.toStdString();
    EXPECT_EQ(allVersions(), kHistory);
}

TEST_F(MariadbSystemVersioning, a_table_versioned_by_transaction_ids_is_backed_up_without_history)
{
    db.exec(u"CREATE TABLE tx (id INT PRIMARY KEY, s BIGINT UNSIGNED GENERATED ALWAYS AS ROW "
            "START, e BIGINT UNSIGNED GENERATED ALWAYS AS ROW END, PERIOD FOR SYSTEM_TIME (s, e)) "
            "WITH SYSTEM VERSIONING ENGINE = InnoDB"_s);
    db.exec(u"INSERT INTO tx (id) VALUES (1)"_s);
    const QString backup = dir.path(u"backup"_s);
    const CliRun saved = runCli({u"backup"_s, u"--db"_s, db.url(), u"--out"_s, backup});
    ASSERT_EQ(saved.exitCode, 0) << saved.err.toStdString(); // mariadb-dump refuses its history
    db.exec(u"DELETE FROM tx"_s);
    const CliRun restored =
        runCli({u"restore"_s, u"--db"_s, db.url(), u"--from"_s, backup, u"--yes"_s});
    ASSERT_EQ(restored.exitCode, 0) << restored.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id FROM tx"_s), QStringList{u"1"_s});
}

} // namespace
