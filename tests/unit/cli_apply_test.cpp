// burrow-cli apply as a user runs it: plan, then apply, then nothing remains.
#include "cli_fixture.h"
#include "plan_support.h"

using namespace burrow;
using namespace burrow::test::cli;
using namespace Qt::Literals::StringLiterals;

namespace {

class CliApply : public CliDiff {
protected:
    void SetUp() override
    {
        CliDiff::SetUp();
        livePath = database(u"live.sqlite3"_s, kLiveSql);
        modelPath = file(u"model.sql"_s, kModelSql);
        QDir().mkpath(migrations());
    }
    CliRun cli(const QStringList &arguments) const { return test::runCli(arguments, cwd()); }
    CliRun apply(const QStringList &extra = {}) const
    {
        return cli(QStringList{u"apply"_s, u"--db"_s, u"sqlite:"_s + livePath, u"--migrations"_s,
                               migrations(), u"--model"_s, modelPath} +
                   extra);
    }
    QString migrations() const { return data(u"migrations"_s); }

    QString livePath, modelPath;
};

TEST_F(CliApply, plan_then_apply_leaves_no_differences_and_a_backup)
{
    ASSERT_EQ(cli({u"plan"_s, u"--db"_s, u"sqlite:"_s + livePath, u"--model"_s, modelPath,
                   u"--migrations"_s, migrations(), u"--allow-destructive"_s})
                  .exitCode,
              0);
    const CliRun r = apply();
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"Applied 1 migration."));
    EXPECT_TRUE(r.out.contains(u"No differences remain against the models."))
        << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(u"Backup: "));
    EXPECT_TRUE(r.err.contains(u"applying 0001_"));
    const CliRun again = apply();
    EXPECT_EQ(again.exitCode, 0);
    EXPECT_TRUE(again.out.contains(u"Nothing to apply")) << again.out.toStdString();
}

TEST_F(CliApply, dry_run_lists_statements_and_changes_nothing)
{
    file(u"migrations/0001_price.sql"_s,
         "-- migrate:up\nALTER TABLE book ADD COLUMN price NUMERIC;\n-- migrate:down\n");
    const QByteArray before = test::fileHash(livePath);
    const CliRun r = apply({u"--dry-run"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"[1/1]")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"applying 0001_price (1 statement)\n")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"ALTER TABLE book ADD COLUMN price NUMERIC"));
    EXPECT_TRUE(r.out.contains(u"the database was not changed"));
    EXPECT_TRUE(r.out.contains(u"Differences remain")) << r.out.toStdString();
    EXPECT_EQ(test::fileHash(livePath), before);
}

TEST_F(CliApply, dry_run_warns_about_the_rows_a_migration_would_drop)
{
    livePath = database(u"rows.sqlite3"_s, kLiveSql + "INSERT INTO book VALUES (1, 'Dune');\n"
                                                      "INSERT INTO book VALUES (2, 'Emma');\n");
    file(u"migrations/0001_untitled.sql"_s,
         "-- migrate:up\nALTER TABLE book DROP COLUMN title;\n-- migrate:down\n");
    const CliRun r = apply({u"--dry-run"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"Warnings (1):\n  data loss: drops column book.title holding 2"))
        << r.out.toStdString();
}

TEST_F(CliApply, a_failed_migration_exits_1_naming_file_line_and_statement)
{
    file(u"migrations/0001_bad.sql"_s,
         "-- migrate:up\nALTER TABLE book ADD COLUMN price NUMERIC;\nUPDATE nowhere SET x = 1;\n"
         "-- migrate:down\n");
    const QByteArray before = test::fileHash(livePath);
    const CliRun r = apply();
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"0001_bad.sql:3")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"no such table: nowhere"));
    EXPECT_EQ(test::fileHash(livePath), before);
}

TEST_F(CliApply, no_backup_is_loud)
{
    file(u"migrations/0001_price.sql"_s,
         "-- migrate:up\nALTER TABLE book ADD COLUMN price NUMERIC;\n-- migrate:down\n");
    const CliRun r = apply({u"--no-backup"_s});
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.err.contains(u"NO BACKUP")) << r.err.toStdString();
    EXPECT_FALSE(QDir(migrations() + u"/backups"_s).exists());
}

TEST_F(CliApply, errors_exit_2)
{
    EXPECT_EQ(cli({u"apply"_s, u"--db"_s, u"sqlite:"_s + livePath}).exitCode, 2);
    EXPECT_EQ(apply({u"--to"_s, u"soon"_s}).exitCode, 2);
    EXPECT_EQ(cli({u"apply"_s, u"--db"_s, u"sqlite:"_s + data(u"missing.db"_s), u"--migrations"_s,
                   migrations()})
                  .exitCode,
              2);
}

} // namespace
