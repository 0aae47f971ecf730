// Lint on real SQLite databases: each planned change that touches existing rows yields one
// warning with the exact count, read through a read-only connection with quoted identifiers.
#include "dialect/connection.h"
#include "diff/differ.h"
#include "plan/lint.h"
#include "qt_printing.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <utility>

using namespace burrow;
using namespace Qt::StringLiterals;
using namespace burrow::plan;
using namespace burrow::schema;
using diff::Change;
using diff::ChangeType;
using diff::ObjectKind;

namespace {

/// Lint needs only quote() and narrowsType() of a renderer; the rest spells nothing.
class QuotingRenderer final : public SqlRenderer {
public:
    const sql::LexerOptions &lexerOptions() const override { return m_options; }
    QString quote(const QString &identifier) const override
    {
        return u'"' + QString(identifier).replace(u'"', QStringLiteral("\"\"")) + u'"';
    }
    // The test's stand-in for the engine's rule: text becoming a number narrows.
    bool narrowsType(const Column &from, const Column &to) const override
    {
        return from.typeKey == u"TEXT" && (to.typeKey == u"INTEGER" || to.typeKey == u"REAL");
    }
    // Which values a REAL cannot hold, the stand-in can tell: those that are no number.
    QString valuesNotHeld(const Column &from, const Column &to) const override
    {
        return to.typeKey == u"REAL" ? quote(from.name) + u" GLOB '*[^0-9.]*'" : QString();
    }
    QStringList createTable(const Table &) const override { return {}; }
    QStringList dropTable(const Table &) const override { return {}; }
    QStringList renameTable(const QString &, const QString &) const override { return {}; }
    QStringList renameColumn(const QString &, const QString &, const QString &) const override
    {
        return {};
    }
    QStringList createIndex(const QString &, const Index &) const override { return {}; }
    QStringList dropIndex(const QString &, const Index &) const override { return {}; }
    QStringList createView(const View &) const override { return {}; }
    QStringList dropView(const View &) const override { return {}; }
    QStringList createTrigger(const QString &, const Trigger &) const override { return {}; }
    QStringList dropTrigger(const QString &, const Trigger &) const override { return {}; }
    TableAlteration alterTable(const Table &, const Table &) const override { return {}; }
    SectionText wrapSection(const QStringList &, bool, const QStringList &) const override
    {
        return {};
    }

private:
    sql::LexerOptions m_options;
};

/// "data: 3 rows of task hold NULL in task.owner [3]": severity, message and count at once.
QString summary(const LintWarning &w)
{
    const bool destructive = w.severity == LintWarning::Severity::Destructive;
    return (destructive ? u"destructive: " : u"data: ") + w.message + u" [" +
           QString::number(w.rows) + u']';
}

class Lint : public ::testing::Test {
protected:
    /// The database `before` builds (schema and rows), and the plan from it to `after`.
    void prepare(const char *before, const char *after)
    {
        test::createDatabase(m_dir.path(QStringLiteral("live.sqlite3")), before);
        live = test::introspectSql(before);
        target = test::introspectSql(after);
        for (const Change &c : diff::diffSchemas(live, target)) {
            if (c.type != ChangeType::RenameSuggested)
                plan.changes.append(c);
        }
    }

    /// Lints `plan` through a read-only connection: lint must never need to write.
    Result<QList<LintWarning>> lintResult(bool open = true)
    {
        dialect::ScopedConnection connection(QStringLiteral("QSQLITE"));
        QSqlDatabase &db = connection.database();
        db.setDatabaseName(m_dir.path(QStringLiteral("live.sqlite3")));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        EXPECT_TRUE(!open || db.open());
        return lintPlan(plan, live, target, db, QuotingRenderer());
    }

    QStringList lint()
    {
        const Result<QList<LintWarning>> warnings = lintResult();
        EXPECT_TRUE(warnings.ok()) << (warnings ? "" : warnings.error().toString().toStdString());
        QStringList out;
        for (const LintWarning &w : warnings ? *warnings : QList<LintWarning>())
            out.append(summary(w));
        return out;
    }

    Schema live;
    Schema target;
    MigrationPlan plan;

private:
    test::TempDir m_dir;
};

} // namespace

TEST_F(Lint, warns_when_a_dropped_table_holds_rows_and_not_when_it_is_empty)
{
    prepare(R"(CREATE TABLE legacy (id INTEGER);
               WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12)
               INSERT INTO legacy SELECT i FROM n;
               CREATE TABLE unused (id INTEGER);
               CREATE TABLE kept (id INTEGER);)",
            "CREATE TABLE kept (id INTEGER);");
    EXPECT_EQ(lint(), QStringList{u"destructive: drops table legacy holding 12 rows [12]"_s});
}

TEST_F(Lint, counts_non_null_values_of_a_dropped_column)
{
    prepare(R"(CREATE TABLE sample (id INTEGER, legacy_flag INTEGER);
               INSERT INTO sample VALUES (1, 1), (2, NULL), (3, 0);)",
            "CREATE TABLE sample (id INTEGER);");
    EXPECT_EQ(lint(), QStringList{u"destructive: drops column sample.legacy_flag holding 2 "
                                  u"non-null values [2]"_s});
}

TEST_F(Lint, counts_values_under_a_narrowing_type_but_not_a_widening_one)
{
    prepare(R"(CREATE TABLE book (id INTEGER, price TEXT, pages INTEGER);
               INSERT INTO book VALUES (1, '10', 1), (2, '7', 2), (3, 'x', 3), (4, '1.5', 4),
                                       (5, '007', 5), (6, NULL, 6);)",
            "CREATE TABLE book (id INTEGER, price INTEGER, pages TEXT);");
    EXPECT_EQ(lint(), QStringList{u"destructive: changes the type of book.price from TEXT to "
                                  u"INTEGER over 5 non-null values [5]"_s});
}

TEST_F(Lint, counts_the_values_a_narrowing_type_cannot_hold_where_the_dialect_tells_which)
{
    prepare(R"(CREATE TABLE book (id INTEGER, price TEXT);
               INSERT INTO book VALUES (1, '10'), (2, 'x'), (3, '1.5'), (4, NULL);)",
            "CREATE TABLE book (id INTEGER, price REAL);");
    EXPECT_EQ(lint(), QStringList{u"destructive: changes the type of book.price from TEXT to "
                                  u"REAL: 1 value does not fit [1]"_s});
}

TEST_F(Lint, counts_nulls_under_added_not_null)
{
    prepare(R"(CREATE TABLE task (id INTEGER, owner TEXT);
               INSERT INTO task VALUES (1, 'ann'), (2, NULL), (3, NULL), (4, 'bob'), (5, NULL);)",
            "CREATE TABLE task (id INTEGER, owner TEXT NOT NULL);");
    EXPECT_EQ(lint(), QStringList{u"data: 3 rows of task hold NULL in task.owner [3]"_s});
}

TEST_F(Lint, says_the_default_fills_nulls_under_added_not_null)
{
    prepare(R"(CREATE TABLE task (id INTEGER, owner TEXT);
               INSERT INTO task VALUES (1, 'ann'), (2, NULL);)",
            "CREATE TABLE task (id INTEGER, owner TEXT NOT NULL DEFAULT 'nobody');");
    EXPECT_EQ(lint(), QStringList{u"data: 1 row of task holds NULL in task.owner (filled with "
                                  u"the default 'nobody') [1]"_s});
}

TEST_F(Lint, warns_about_a_new_not_null_column_without_default_on_a_table_with_rows)
{
    prepare(R"(CREATE TABLE task (id INTEGER);
               INSERT INTO task VALUES (1), (2), (3), (4);
               CREATE TABLE empty (id INTEGER);)",
            R"(CREATE TABLE task (id INTEGER, owner TEXT NOT NULL, note TEXT NOT NULL DEFAULT '');
               CREATE TABLE empty (id INTEGER, owner TEXT NOT NULL);)");
    EXPECT_EQ(lint(), QStringList{u"data: task has 4 rows; new NOT NULL column task.owner has "
                                  u"no default [4]"_s});
}

TEST_F(Lint, counts_duplicate_groups_for_an_added_unique_constraint_where_nulls_never_collide)
{
    prepare(R"(CREATE TABLE users (id INTEGER, email TEXT);
               INSERT INTO users VALUES (1, 'a'), (2, 'a'), (3, 'b'), (4, 'b'), (5, 'b'),
                                        (6, 'c'), (7, NULL), (8, NULL);)",
            "CREATE TABLE users (id INTEGER, email TEXT, UNIQUE (email));");
    EXPECT_EQ(lint(), QStringList{u"data: 2 duplicate values of (email) in users [2]"_s});
}

TEST_F(Lint, counts_duplicates_of_an_expression_index_made_unique)
{
    prepare(R"(CREATE TABLE users (id INTEGER, name TEXT);
               CREATE INDEX users_name ON users (lower(name));
               INSERT INTO users VALUES (1, 'Ann'), (2, 'ann'), (3, 'Bob');)",
            R"(CREATE TABLE users (id INTEGER, name TEXT);
               CREATE UNIQUE INDEX users_name ON users (lower(name));)");
    EXPECT_EQ(lint(), QStringList{u"data: 1 duplicate value of (lower(name)) in users [1]"_s});
}

TEST_F(Lint, counts_duplicates_in_the_rows_a_partial_unique_index_covers)
{
    prepare(R"(CREATE TABLE users (id INTEGER, email TEXT, active INTEGER);
               INSERT INTO users VALUES (1, 'a', 1), (2, 'a', 0), (3, 'b', 1), (4, 'b', 1);)",
            R"(CREATE TABLE users (id INTEGER, email TEXT, active INTEGER);
               CREATE UNIQUE INDEX users_email ON users (email) WHERE active = 1;)");
    EXPECT_EQ(lint(), QStringList{u"data: 1 duplicate value of (email) in users [1]"_s});
}

TEST_F(Lint, counts_duplicates_for_an_added_primary_key)
{
    prepare(R"(CREATE TABLE pair (a INTEGER, b INTEGER);
               INSERT INTO pair VALUES (1, 1), (1, 1), (1, 2), (2, 2), (2, 2);)",
            "CREATE TABLE pair (a INTEGER, b INTEGER, PRIMARY KEY (a, b));");
    EXPECT_EQ(lint(), QStringList{u"data: 2 duplicate values of (a, b) in pair [2]"_s});
}

TEST_F(Lint, counts_orphans_for_added_foreign_key)
{
    prepare(R"(CREATE TABLE project (id INTEGER PRIMARY KEY);
               INSERT INTO project VALUES (1), (2);
               CREATE TABLE task (id INTEGER, project_id INTEGER);
               INSERT INTO task VALUES (1, 1), (2, 2), (3, 3), (4, 4), (5, 4), (6, NULL);)",
            R"(CREATE TABLE project (id INTEGER PRIMARY KEY);
               CREATE TABLE task (id INTEGER, project_id INTEGER REFERENCES project (id));)");
    EXPECT_EQ(lint(), QStringList{u"data: 3 rows of task reference no project [3]"_s});
}

TEST_F(Lint, matches_orphans_on_the_parents_primary_key_when_the_reference_names_no_columns)
{
    prepare(R"(CREATE TABLE project (code TEXT PRIMARY KEY, id INTEGER);
               INSERT INTO project VALUES ('a', 7), ('b', 8);
               CREATE TABLE task (id INTEGER, project_code TEXT);
               INSERT INTO task VALUES (1, 'a'), (2, 'z'), (3, '7');)",
            R"(CREATE TABLE project (code TEXT PRIMARY KEY, id INTEGER);
               CREATE TABLE task (id INTEGER, project_code TEXT REFERENCES project);)");
    target.tables[1].foreignKeys[0].referencedColumns.clear(); // as a model may leave it
    EXPECT_EQ(lint(), QStringList{u"data: 2 rows of task reference no project [2]"_s});
}

TEST_F(Lint, counts_every_reference_to_a_new_table_as_an_orphan)
{
    prepare(R"(CREATE TABLE task (id INTEGER, project_id INTEGER);
               INSERT INTO task VALUES (1, 1), (2, NULL);)",
            R"(CREATE TABLE project (id INTEGER PRIMARY KEY);
               CREATE TABLE task (id INTEGER, project_id INTEGER REFERENCES project (id));)");
    EXPECT_EQ(lint(), QStringList{u"data: 1 row of task references no project [1]"_s});
}

TEST_F(Lint, counts_rows_violating_an_added_check_and_lets_null_pass)
{
    prepare(R"(CREATE TABLE book (id INTEGER, price INTEGER);
               INSERT INTO book VALUES (1, 5), (2, -1), (3, 0), (4, NULL), (5, 3), (6, -2);)",
            "CREATE TABLE book (id INTEGER, price INTEGER CHECK (price > 0));");
    EXPECT_EQ(lint(), QStringList{u"data: 3 rows of book violate CHECK (price > 0) [3]"_s});
}

TEST_F(Lint, counts_rows_violating_a_changed_named_check)
{
    prepare(R"(CREATE TABLE book (price INTEGER, CONSTRAINT positive CHECK (price >= 0));
               INSERT INTO book VALUES (0), (1);)",
            "CREATE TABLE book (price INTEGER, CONSTRAINT positive CHECK (price > 0));");
    EXPECT_EQ(lint(), QStringList{u"data: 1 row of book violates CHECK (price > 0) [1]"_s});
}

TEST_F(Lint, judges_a_new_column_by_its_default)
{
    prepare(R"(CREATE TABLE book (id INTEGER);
               INSERT INTO book VALUES (1), (2), (3), (4);)",
            "CREATE TABLE book (id INTEGER, qty INTEGER NOT NULL DEFAULT -1 CHECK (qty >= 0));");
    EXPECT_EQ(lint(), QStringList{u"data: 4 rows of book violate CHECK (qty >= 0) [4]"_s});
}

TEST_F(Lint, reports_a_count_it_cannot_read_and_goes_on)
{
    prepare(
        R"(CREATE TABLE book (id INTEGER, price INTEGER, old INTEGER);
               INSERT INTO book VALUES (1, 5, 1);)",
        "CREATE TABLE book (id INTEGER, price INTEGER, CONSTRAINT positive CHECK (price > 0));");
    // SQLite refuses an unknown function in CREATE TABLE, so the model is edited instead.
    target.tables[0].checks[0].expression.text = QStringLiteral("nope(price) > 0");
    std::swap(plan.changes[0], plan.changes[1]); // the check first, the dropped column after
    EXPECT_EQ(lint(), (QStringList{u"data: could not count the rows of book violating CHECK "
                                   u"(nope(price) > 0): no such function: nope [0]"_s,
                                   u"destructive: drops column book.old holding 1 non-null "
                                   u"value [1]"_s}));
}

TEST_F(Lint, quotes_hostile_identifiers_everywhere)
{
    prepare(R"(CREATE TABLE "pa""rent" ("i d" INTEGER PRIMARY KEY);
               INSERT INTO "pa""rent" VALUES (1);
               CREATE TABLE "my ""odd"" table" ("we""ird" TEXT, "re f" INTEGER, "gone col" INT);
               INSERT INTO "my ""odd"" table" VALUES ('x', 1, 1), ('x', 2, NULL);)",
            R"(CREATE TABLE "pa""rent" ("i d" INTEGER PRIMARY KEY);
               CREATE TABLE "my ""odd"" table" (
                   "we""ird" TEXT CHECK ("we""ird" <> 'x'),
                   "re f" INTEGER REFERENCES "pa""rent" ("i d"),
                   UNIQUE ("we""ird"));)");
    const QString table = uR"("my ""odd"" table")"_s;
    EXPECT_EQ(lint(), (QStringList{
                          u"destructive: drops column " + table +
                              uR"(."gone col" holding 1 non-null value [1])"_s,
                          u"data: 1 duplicate value of (\"we\"\"ird\") in " + table + u" [1]",
                          u"data: 2 rows of " + table + uR"( violate CHECK ("we""ird" <> 'x') [2])",
                          u"data: 1 row of " + table + uR"( references no "pa""rent" [1])"_s,
                      }));
}

TEST_F(Lint, follows_renames_to_the_names_the_database_still_has)
{
    prepare(R"(CREATE TABLE task (id INTEGER, owner TEXT);
               INSERT INTO task VALUES (1, 'al'), (2, NULL), (3, NULL), (4, 'bobby');)",
            R"(CREATE TABLE todo (id INTEGER, assignee TEXT NOT NULL,
                                  CONSTRAINT long_enough CHECK (length(assignee) > 3));)");
    // The planner diffs the renamed live schema: its changes name the new names.
    plan.renames = {{u"task"_s, {}, u"todo"_s}, {u"task"_s, u"owner"_s, u"assignee"_s}};
    plan.changes = {
        Change{ObjectKind::Column,
               ChangeType::Changed,
               u"todo"_s,
               u"assignee"_s,
               {},
               {u"not null"_s},
               u"NOT NULL added"_s},
        Change{ObjectKind::Check,
               ChangeType::Added,
               u"todo"_s,
               u"long_enough"_s,
               {},
               {},
               u"CHECK (length(assignee) > 3)"_s},
    };
    EXPECT_EQ(lint(), (QStringList{u"data: 2 rows of todo hold NULL in todo.assignee [2]"_s,
                                   u"data: 1 row of todo violates CHECK (length(assignee) > 3) "
                                   u"[1]"_s}));
}

TEST_F(Lint, has_nothing_to_say_about_new_tables_or_rows_that_fit)
{
    prepare(R"(CREATE TABLE project (id INTEGER PRIMARY KEY);
               INSERT INTO project VALUES (1);
               CREATE TABLE task (id INTEGER, project_id INTEGER, owner TEXT, old INTEGER);
               INSERT INTO task VALUES (1, 1, 'ann', NULL);)",
            R"(CREATE TABLE project (id INTEGER PRIMARY KEY);
               CREATE TABLE task (id INTEGER PRIMARY KEY, project_id INTEGER REFERENCES project,
                                  owner TEXT NOT NULL UNIQUE CHECK (owner <> ''));
               CREATE TABLE fresh (id INTEGER, name TEXT NOT NULL UNIQUE CHECK (name <> ''),
                                   task_id INTEGER REFERENCES task (id));)");
    EXPECT_EQ(plan.changes.size(), 7);
    EXPECT_EQ(lint(), QStringList());
}

TEST_F(Lint, keeps_the_order_of_the_plan_and_names_each_change)
{
    prepare(R"(CREATE TABLE a (x INTEGER); INSERT INTO a VALUES (1);
               CREATE TABLE b (x INTEGER); INSERT INTO b VALUES (1), (2);)",
            "CREATE TABLE c (x INTEGER);");
    std::reverse(plan.changes.begin(), plan.changes.end());
    const Result<QList<LintWarning>> warnings = lintResult();
    ASSERT_TRUE(warnings.ok());
    ASSERT_EQ(warnings->size(), 2);
    EXPECT_EQ(warnings->at(0).message, u"drops table b holding 2 rows");
    EXPECT_EQ(warnings->at(0).change, plan.changes[1]); // [0] adds c
    EXPECT_EQ(warnings->at(1).message, u"drops table a holding 1 row");
    EXPECT_EQ(warnings->at(1).change, plan.changes[2]);
}

TEST_F(Lint, fails_only_when_the_database_cannot_be_read_at_all)
{
    prepare("CREATE TABLE a (x INTEGER); INSERT INTO a VALUES (1);", "");
    const Result<QList<LintWarning>> warnings = lintResult(/*open=*/false);
    ASSERT_FALSE(warnings.ok());
    EXPECT_EQ(warnings.error().code, Error::Code::Internal);
}
