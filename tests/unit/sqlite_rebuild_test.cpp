// The SQLite migration as applied to real databases: rebuilds keep every row (also of children
// with cascading foreign keys), counters and options; native ALTER where SQLite allows it; the
// safety statements stop a migration that would break references or run with foreign keys on.
#include "dialect/connection.h"
#include "plan_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace Qt::Literals::StringLiterals;

namespace {

class SqliteRebuild : public ::testing::Test {
protected:
    /// Builds the live database, drafts the migration against `modelSql`, returns its text.
    QString draft(const QByteArray &liveSql, const QByteArray &modelSql,
                  const plan::DraftRequest &request = {{}, true, {}})
    {
        test::createDatabase(database, liveSql);
        const QString model = dir.write(QStringLiteral("model.sql"), modelSql);
        Result<plan::MigrationDraft> drafted = test::draftFor(database, model, request);
        EXPECT_TRUE(drafted) << (drafted ? "" : drafted.error().toString().toStdString());
        if (drafted)
            last = *drafted;
        return drafted ? drafted->text : QString();
    }
    QStringList column(const QString &sql) { return test::queryColumn(database, sql); }

    test::TempDir dir;
    QString database = dir.path(QStringLiteral("live.sqlite3"));
    plan::MigrationDraft last;
};

const QByteArray kParentAndChildren =
    "CREATE TABLE project (id INTEGER PRIMARY KEY, name TEXT, budget TEXT);\n"
    "CREATE TABLE task (id INTEGER PRIMARY KEY, project_id INTEGER REFERENCES project(id) ON "
    "DELETE CASCADE);\n"
    "CREATE TABLE note (id INTEGER PRIMARY KEY, project_id INTEGER REFERENCES project(id) ON "
    "DELETE SET NULL);\n"
    "INSERT INTO project VALUES (1, 'a', '10'), (2, 'b', '20');\n"
    "INSERT INTO task VALUES (1, 1), (2, 1), (3, 2);\n"
    "INSERT INTO note VALUES (1, 1), (2, 2);\n";

// kParentAndChildren with project.budget TEXT → REAL: a rebuild of the parent.
const QByteArray kBudgetBecomesReal =
    "CREATE TABLE project (id INTEGER PRIMARY KEY, name TEXT, budget REAL);\n"
    "CREATE TABLE task (id INTEGER PRIMARY KEY, project_id INTEGER REFERENCES project(id) ON "
    "DELETE CASCADE);\n"
    "CREATE TABLE note (id INTEGER PRIMARY KEY, project_id INTEGER REFERENCES project(id) ON "
    "DELETE SET NULL);\n";

TEST_F(SqliteRebuild, rebuild_keeps_rows_of_child_tables_with_cascade_fks)
{
    const QString text = draft(kParentAndChildren,
                               "CREATE TABLE project (id INTEGER PRIMARY KEY, name TEXT NOT NULL "
                               "DEFAULT '', budget REAL);\n"
                               "CREATE TABLE task (id INTEGER PRIMARY KEY, project_id INTEGER "
                               "REFERENCES project(id) ON DELETE CASCADE);\n"
                               "CREATE TABLE note (id INTEGER PRIMARY KEY, project_id INTEGER "
                               "REFERENCES project(id) ON DELETE SET NULL);\n");
    ASSERT_TRUE(text.contains(u"PRAGMA foreign_keys = OFF")) << text.toStdString();
    ASSERT_TRUE(test::applySection(database, text));
    EXPECT_EQ(column(QStringLiteral("SELECT id || ':' || project_id FROM task ORDER BY id")),
              (QStringList{u"1:1"_s, u"2:1"_s, u"3:2"_s}));
    EXPECT_EQ(column(QStringLiteral("SELECT id || ':' || project_id FROM note ORDER BY id")),
              (QStringList{u"1:1"_s, u"2:2"_s}));
    EXPECT_EQ(column(QStringLiteral("SELECT typeof(budget) || budget FROM project ORDER BY id")),
              (QStringList{u"real10.0"_s, u"real20.0"_s}));
}

TEST_F(SqliteRebuild, several_changes_to_one_table_make_one_rebuild)
{
    draft(kParentAndChildren, "CREATE TABLE project (id INTEGER PRIMARY KEY, name TEXT NOT NULL "
                              "DEFAULT 'x', budget REAL CHECK (budget >= 0), code TEXT UNIQUE);\n"
                              "CREATE TABLE task (id INTEGER PRIMARY KEY, project_id INTEGER "
                              "REFERENCES project(id) ON DELETE CASCADE);\n"
                              "CREATE TABLE note (id INTEGER PRIMARY KEY, project_id INTEGER "
                              "REFERENCES project(id) ON DELETE SET NULL);\n");
    ASSERT_EQ(last.up.steps.size(), 1);
    EXPECT_TRUE(last.up.steps.first().needsRebuild);
    EXPECT_EQ(last.up.steps.first().sql.filter(u"CREATE TABLE").size(), 1);
    EXPECT_GE(last.up.steps.first().changes.size(), 4);
}

TEST_F(SqliteRebuild, not_null_with_default_fills_nulls_with_the_default)
{
    const QString text = draft("CREATE TABLE t (id INTEGER PRIMARY KEY, label TEXT);\n"
                               "INSERT INTO t VALUES (1, NULL), (2, 'kept');\n",
                               "CREATE TABLE t (id INTEGER PRIMARY KEY, label TEXT NOT NULL "
                               "DEFAULT 'none');\n");
    ASSERT_TRUE(test::applySection(database, text)) << text.toStdString();
    EXPECT_EQ(column(QStringLiteral("SELECT label FROM t ORDER BY id")),
              (QStringList{u"none"_s, u"kept"_s}));
}

TEST_F(SqliteRebuild, autoincrement_counter_survives_the_rebuild)
{
    const QString text =
        draft("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT);\n"
              "INSERT INTO t (v) VALUES ('a'), ('b'), ('c'), ('d');\n"
              "DELETE FROM t WHERE id > 2;\n",
              "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v INTEGER);\n");
    ASSERT_TRUE(last.up.steps.value(0).needsRebuild) << text.toStdString();
    ASSERT_TRUE(test::applySection(database, text)) << text.toStdString();
    ASSERT_TRUE(dialect::runQuery(test::openDatabase(database)->database(),
                                  QStringLiteral("INSERT INTO t (v) VALUES (5)")));
    EXPECT_EQ(column(QStringLiteral("SELECT max(id) FROM t")), QStringList{u"5"_s});
}

TEST_F(SqliteRebuild, rowids_of_tables_without_integer_key_are_kept)
{
    const QString text = draft("CREATE TABLE t (code TEXT, v TEXT);\n"
                               "INSERT INTO t (rowid, code, v) VALUES (7, 'a', '1'), (9, 'b', "
                               "'2');\n",
                               "CREATE TABLE t (code TEXT NOT NULL DEFAULT '', v INTEGER);\n");
    ASSERT_TRUE(test::applySection(database, text)) << text.toStdString();
    EXPECT_EQ(column(QStringLiteral("SELECT rowid || code FROM t ORDER BY rowid")),
              (QStringList{u"7a"_s, u"9b"_s}));
}

TEST_F(SqliteRebuild, a_new_foreign_key_over_orphans_aborts_naming_rows_and_changes_nothing)
{
    const QString text = draft("CREATE TABLE project (id INTEGER PRIMARY KEY);\n"
                               "CREATE TABLE task (id INTEGER PRIMARY KEY, project_id INTEGER);\n"
                               "INSERT INTO project VALUES (1);\n"
                               "INSERT INTO task VALUES (1, 1), (2, 5);\n",
                               "CREATE TABLE project (id INTEGER PRIMARY KEY);\n"
                               "CREATE TABLE task (id INTEGER PRIMARY KEY, project_id INTEGER "
                               "REFERENCES project(id));\n");
    const QByteArray before = test::fileHash(database);
    const Status applied = test::applySection(database, text);
    ASSERT_FALSE(applied);
    EXPECT_TRUE(applied.error().message.contains(u"row 2 of task references missing project"))
        << applied.error().toString().toStdString();
    EXPECT_EQ(test::fileHash(database), before);
}

TEST_F(SqliteRebuild, refuses_to_run_when_foreign_keys_stay_on)
{
    const QString text =
        draft(kParentAndChildren, "CREATE TABLE project (id INTEGER PRIMARY KEY, name TEXT, budget "
                                  "REAL);\n"
                                  "CREATE TABLE task (id INTEGER PRIMARY KEY, project_id INTEGER "
                                  "REFERENCES project(id) ON DELETE CASCADE);\n"
                                  "CREATE TABLE note (id INTEGER PRIMARY KEY, project_id INTEGER "
                                  "REFERENCES project(id) ON DELETE SET NULL);\n");
    // A runner that wraps everything in its own transaction makes PRAGMA foreign_keys a no-op.
    QString wrapped = text;
    wrapped.replace(u"-- migrate:up transaction:false"_s, u"-- migrate:up"_s);
    wrapped.replace(u"\nBEGIN;"_s, u"\nSAVEPOINT inner;"_s);
    wrapped.replace(u"\nCOMMIT;"_s, u"\nRELEASE inner;"_s);
    auto connection = test::openDatabase(database);
    ASSERT_TRUE(dialect::runQuery(connection->database(), u"PRAGMA foreign_keys = ON"_s));
    connection.reset();
    const QByteArray before = test::fileHash(database);
    const Status applied = test::applySection(database, wrapped, false, true);
    ASSERT_FALSE(applied);
    EXPECT_TRUE(applied.error().message.contains(u"CHECK constraint failed"))
        << applied.error().toString().toStdString();
    EXPECT_EQ(test::fileHash(database), before);
    EXPECT_EQ(column(QStringLiteral("SELECT count(*) FROM task")), QStringList{u"3"_s});
}

TEST_F(SqliteRebuild, adding_a_plain_column_uses_alter_table)
{
    const QString text = draft("CREATE TABLE t (id INTEGER PRIMARY KEY);\n",
                               "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL DEFAULT "
                               "'x', p INTEGER REFERENCES t(id));\n");
    ASSERT_EQ(last.up.steps.size(), 1);
    EXPECT_FALSE(last.up.steps.first().needsRebuild);
    EXPECT_EQ(last.up.steps.first().sql.filter(u"ADD COLUMN").size(), 2);
    const QString up = text.section(u"-- migrate:down"_s, 0, 0);
    EXPECT_FALSE(up.contains(u"PRAGMA foreign_keys")) << text.toStdString();
}

TEST_F(SqliteRebuild, dropping_a_unique_column_rebuilds_and_an_unused_one_does_not)
{
    draft("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT);\n"
          "CREATE INDEX t_a ON t (a);\n",
          "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);\nCREATE INDEX t_a ON t (a);\n");
    ASSERT_EQ(last.up.steps.size(), 1);
    EXPECT_FALSE(last.up.steps.first().needsRebuild);
    EXPECT_TRUE(last.up.steps.first().sql.first().contains(u"DROP COLUMN \"b\""));
    EXPECT_TRUE(last.up.steps.first().destructive);

    test::TempDir other;
    database = other.path(QStringLiteral("second.sqlite3"));
    draft("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT UNIQUE, b TEXT);\n",
          "CREATE TABLE t (id INTEGER PRIMARY KEY, b TEXT);\n");
    EXPECT_TRUE(std::any_of(last.up.steps.begin(), last.up.steps.end(),
                            [](const plan::PlanStep &s) { return s.needsRebuild; }));
}

TEST_F(SqliteRebuild, views_and_triggers_reading_a_rebuilt_table_are_recreated)
{
    const QByteArray common = "CREATE VIEW named AS SELECT id, name FROM project;\n"
                              "CREATE TABLE log (msg TEXT);\n"
                              "CREATE TRIGGER project_log AFTER INSERT ON task BEGIN INSERT INTO "
                              "log SELECT name FROM project WHERE id = NEW.project_id; END;\n";
    const QString text = draft(kParentAndChildren + common, kBudgetBecomesReal + common);
    ASSERT_TRUE(test::applySection(database, text)) << text.toStdString();
    EXPECT_EQ(column(QStringLiteral("SELECT name FROM named ORDER BY id")),
              (QStringList{u"a"_s, u"b"_s}));
    EXPECT_EQ(column(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'trigger'")),
              QStringList{u"project_log"_s});
}

TEST_F(SqliteRebuild, instead_of_triggers_of_a_recreated_view_are_recreated)
{
    const QByteArray view = "CREATE VIEW project_names AS SELECT id, name FROM project;\n"
                            "CREATE TRIGGER rename_project INSTEAD OF UPDATE ON project_names "
                            "BEGIN UPDATE project SET name = NEW.name WHERE id = OLD.id; END;\n";
    const QString text = draft(kParentAndChildren + view, kBudgetBecomesReal + view);
    ASSERT_TRUE(test::applySection(database, text)) << text.toStdString();
    EXPECT_EQ(column(u"SELECT name FROM sqlite_schema WHERE type = 'trigger'"_s),
              QStringList{u"rename_project"_s});
    EXPECT_TRUE(test::draftFor(database, dir.path(u"model.sql"_s))->up.isEmpty());
}

TEST_F(SqliteRebuild, hostile_identifiers_stay_names)
{
    const QByteArray live = "CREATE TABLE \"we\"\"ird; -- t\" (\"select\" INTEGER PRIMARY KEY, "
                            "\"a b\" TEXT);\n"
                            "INSERT INTO \"we\"\"ird; -- t\" VALUES (1, 'x');\n";
    const QString text = draft(live, "CREATE TABLE \"we\"\"ird; -- t\" (\"select\" INTEGER PRIMARY "
                                     "KEY, \"a b\" INTEGER NOT NULL DEFAULT 0, \"--\" TEXT);\n");
    ASSERT_TRUE(test::applySection(database, text)) << text.toStdString();
    EXPECT_EQ(column(QStringLiteral("SELECT \"select\" || \"a b\" FROM \"we\"\"ird; -- t\"")),
              QStringList{u"1x"_s});
    EXPECT_TRUE(test::draftFor(database, dir.path(QStringLiteral("model.sql")))->up.isEmpty());
}

} // namespace
