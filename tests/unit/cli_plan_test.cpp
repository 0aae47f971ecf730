// burrow-cli plan as a user runs it: the file it writes, what it says, what it refuses.
#include "cli_fixture.h"
#include "plan_support.h"

using namespace burrow;
using namespace burrow::test::cli;
using namespace Qt::Literals::StringLiterals;

namespace {

class CliPlan : public CliDiff {
protected:
    void SetUp() override
    {
        CliDiff::SetUp();
        livePath = database(u"live.sqlite3"_s, kLiveSql);
        modelPath = file(u"model.sql"_s, kModelSql);
    }
    CliRun run(const QStringList &arguments) const { return test::runCli(arguments, cwd()); }
    CliRun plan(const QStringList &extra = {}) const
    {
        return run(QStringList{u"plan"_s, u"--db"_s, u"sqlite:"_s + livePath, u"--model"_s,
                               modelPath, u"--migrations"_s, migrations()} +
                   extra);
    }
    CliRun apply() const
    {
        return run({u"apply"_s, u"--db"_s, u"sqlite:"_s + livePath, u"--migrations"_s, migrations(),
                    u"--no-backup"_s});
    }
    QString migrations() const { return data(u"migrations"_s); }
    QStringList files() const
    {
        return QDir(migrations()).entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    }
    QString readMigration(const QString &name) const
    {
        QFile f(migrations() + u'/' + name);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

    QString livePath, modelPath;
};

TEST_F(CliPlan, writes_the_next_migration_and_prints_its_path)
{
    const CliRun r = plan();
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    ASSERT_EQ(files(), QStringList{u"0001_alter_book.sql"_s});
    EXPECT_EQ(r.out.trimmed(), QDir::toNativeSeparators(migrations() + u"/0001_alter_book.sql"));
    const QString text = readMigration(files().first());
    EXPECT_TRUE(text.contains(u"-- migrate:up\n"));
    EXPECT_TRUE(text.contains(u"ALTER TABLE \"book\" ADD COLUMN \"price\" NUMERIC;"));
    EXPECT_TRUE(text.contains(u"-- migrate:down\n"));
    EXPECT_TRUE(text.contains(u"ALTER TABLE \"book\" DROP COLUMN \"price\";"));
    EXPECT_TRUE(text.contains(u"table book: + column price"));
}

TEST_F(CliPlan, destructive_changes_are_left_out_and_named_on_stderr)
{
    const CliRun r = plan();
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.err.contains(u"left out (destructive): table legacy_import"))
        << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"--allow-destructive"));
    EXPECT_FALSE(readMigration(files().first()).contains(u"DROP TABLE \"legacy_import\";"));
}

TEST_F(CliPlan, allow_destructive_includes_the_drop_and_marks_it_irreversible)
{
    const CliRun r = plan({u"--allow-destructive"_s, u"--name"_s, u"Catch up!"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    ASSERT_EQ(files(), QStringList{u"0001_catch_up.sql"_s});
    const QString text = readMigration(files().first());
    EXPECT_TRUE(text.contains(u"DROP TABLE \"legacy_import\";"));
    EXPECT_TRUE(text.contains(u"-- Irreversible:"));
}

TEST_F(CliPlan, applying_the_file_brings_the_database_to_the_model)
{
    ASSERT_EQ(plan({u"--allow-destructive"_s}).exitCode, 0);
    ASSERT_EQ(apply().exitCode, 0);
    const CliRun again = plan();
    EXPECT_EQ(again.exitCode, 0);
    EXPECT_EQ(again.out.trimmed(), u"No differences"_s);
    EXPECT_EQ(files().size(), 1);
}

TEST_F(CliPlan, versions_continue_the_folders_numbering)
{
    QDir().mkpath(migrations());
    file(u"migrations/0007_earlier.sql"_s, "-- migrate:up\n-- migrate:down\n");
    ASSERT_EQ(apply().exitCode, 0);
    ASSERT_EQ(plan({u"--name"_s, u"next"_s}).exitCode, 0);
    EXPECT_TRUE(files().contains(u"0008_next.sql"_s)) << files().join(u' ').toStdString();
}

// The plan compares the database as it is: with a migration not applied yet, it would write
// that migration's changes again.
TEST_F(CliPlan, a_migration_not_applied_yet_is_applied_before_the_next_plan)
{
    ASSERT_EQ(plan({u"--allow-destructive"_s}).exitCode, 0);
    const CliRun again = plan({u"--allow-destructive"_s});
    EXPECT_EQ(again.exitCode, 2);
    EXPECT_TRUE(again.err.contains(u"0001_update_schema.sql is not applied yet"_s))
        << again.err.toStdString();
    EXPECT_TRUE(again.err.contains(u"burrow-cli apply"_s)) << again.err.toStdString();
    EXPECT_EQ(files(), QStringList{u"0001_update_schema.sql"_s}) << "nothing written";
    ASSERT_EQ(apply().exitCode, 0);
    const CliRun after = plan({u"--allow-destructive"_s});
    EXPECT_EQ(after.exitCode, 0) << after.err.toStdString();
    EXPECT_EQ(after.out.trimmed(), u"No differences"_s);
}

TEST_F(CliPlan, lint_warnings_appear_in_the_header_and_on_stderr)
{
    livePath =
        database(u"second.sqlite3"_s, "CREATE TABLE legacy_import (payload BLOB);\n"
                                      "INSERT INTO legacy_import VALUES (x'00'), (x'01');\n");
    const CliRun r = plan({u"--allow-destructive"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"warning: drops table legacy_import holding 2 rows"))
        << r.err.toStdString();
    EXPECT_TRUE(
        readMigration(files().first()).contains(u"drops table legacy_import holding 2 rows"));
}

TEST_F(CliPlan, rename_flag_renames_instead_of_drop_and_add)
{
    livePath =
        database(u"second.sqlite3"_s, "CREATE TABLE book (id INTEGER PRIMARY KEY, name TEXT);\n"
                                      "INSERT INTO book VALUES (1, 'Dune');\n");
    modelPath = file(u"renamed.sql"_s, "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT);\n");
    const CliRun r = plan({u"--rename"_s, u"book.name=title"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString text = readMigration(files().first());
    EXPECT_TRUE(text.contains(u"ALTER TABLE \"book\" RENAME COLUMN \"name\" TO \"title\";"))
        << text.toStdString();
    ASSERT_TRUE(test::applySection(livePath, text));
    EXPECT_EQ(test::queryColumn(livePath, u"SELECT title FROM book"_s), QStringList{u"Dune"_s});
}

TEST_F(CliPlan, rename_annotation_in_the_model_renames_the_table)
{
    livePath = database(u"second.sqlite3"_s, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);\n"
                                             "INSERT INTO accounts VALUES (42);\n");
    modelPath = file(u"annotated.sql"_s, "CREATE TABLE users ( -- @renamed from=accounts\n"
                                         "  id INTEGER PRIMARY KEY\n);\n");
    ASSERT_EQ(plan().exitCode, 0);
    const QString text = readMigration(files().first());
    ASSERT_TRUE(test::applySection(livePath, text)) << text.toStdString();
    EXPECT_EQ(test::queryColumn(livePath, u"SELECT id FROM users"_s), QStringList{u"42"_s});
}

TEST_F(CliPlan, bad_input_exits_2_with_one_line_and_writes_nothing)
{
    for (const QStringList &extra :
         {QStringList{u"--rename"_s, u"nonsense"_s}, QStringList{u"--rename"_s, u"nope=x"_s}}) {
        const CliRun r = plan(extra);
        EXPECT_EQ(r.exitCode, 2) << extra.join(u' ').toStdString();
        EXPECT_EQ(r.err.count(u'\n'), 1) << r.err.toStdString();
        EXPECT_TRUE(files().isEmpty());
    }
    const CliRun missing = run({u"plan"_s, u"--db"_s, u"sqlite:"_s + data(u"absent.db"_s),
                                u"--model"_s, modelPath, u"--migrations"_s, migrations()});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(files().isEmpty());
    const CliRun noFolder =
        run({u"plan"_s, u"--db"_s, u"sqlite:"_s + livePath, u"--model"_s, modelPath});
    EXPECT_EQ(noFolder.exitCode, 2);
    EXPECT_TRUE(noFolder.err.contains(u"--migrations")) << noFolder.err.toStdString();
}

} // namespace

namespace {

TEST_F(CliPlan, an_empty_model_drops_everything_only_when_the_user_says_so)
{
    modelPath = file(u"empty.sql"_s, "-- nothing here yet\n");
    const CliRun refused = plan({u"--allow-destructive"_s});
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_TRUE(refused.err.contains(u"--allow-empty-model")) << refused.err.toStdString();
    EXPECT_TRUE(files().isEmpty());
    const CliRun r = plan({u"--allow-destructive"_s, u"--allow-empty-model"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString text = readMigration(files().first());
    ASSERT_TRUE(test::applySection(livePath, text)) << text.toStdString();
    EXPECT_EQ(test::queryColumn(livePath, u"SELECT count(*) FROM sqlite_schema"_s),
              QStringList{u"0"_s});
}

} // namespace
