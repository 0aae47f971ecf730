#include "dialect/connection.h"
#include "migration/script_runner.h"
#include "qt_printing.h"
#include "test_support.h"

#include <QSqlQuery>
#include <QVariant>

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::migration;

namespace {

/// A SQLite database file built by SQLite itself, opened through Qt.
class ScriptRunner : public ::testing::Test {
protected:
    void open(const QByteArray &setup = {})
    {
        const QString path = m_dir.path(QStringLiteral("db.sqlite3"));
        if (!setup.isEmpty()) // one transaction: a sync per INSERT would make the tests slow
            test::createDatabase(path, "PRAGMA foreign_keys = OFF; BEGIN;" + setup + "COMMIT;");
        m_connection.database().setDatabaseName(path);
        ASSERT_TRUE(m_connection.database().open());
    }

    QSqlDatabase &db() { return m_connection.database(); }

    qint64 count(const QString &sql)
    {
        QSqlQuery query(db());
        EXPECT_TRUE(query.exec(sql) && query.next()) << sql.toStdString();
        return query.value(0).toLongLong();
    }

    /// Statements as if from m.sql, on lines 3, 5, 7 …
    static QList<sql::Statement> statements(const QStringList &texts)
    {
        QList<sql::Statement> out;
        for (const QString &text : texts)
            out.append({text, QStringLiteral("m.sql"), int(out.size()) * 2 + 3});
        return out;
    }

    test::TempDir m_dir;
    dialect::ScopedConnection m_connection{QStringLiteral("QSQLITE")};
};

// A parent/child pair whose child rows 3 and 4 point at a project that does not exist.
// Foreign keys are off while it is built, as they are in SQLite by default.
const QByteArray kOrphans = "CREATE TABLE project(id INTEGER PRIMARY KEY);"
                            "CREATE TABLE task(id INTEGER PRIMARY KEY, "
                            "  project_id INTEGER REFERENCES project(id));"
                            "INSERT INTO project VALUES (1);"
                            "INSERT INTO task VALUES (1, 1), (2, NULL), (3, 7), (4, 8);";

} // namespace

TEST_F(ScriptRunner, reports_rows_affected_for_dml_only)
{
    open();
    Result<QList<StatementOutcome>> r =
        runStatements(db(), statements({QStringLiteral("CREATE TABLE t(x)"),
                                        QStringLiteral("INSERT INTO t VALUES (1), (2), (3)"),
                                        QStringLiteral("UPDATE t SET x = x + 10 WHERE x > 1"),
                                        QStringLiteral("CREATE INDEX t_x ON t(x)"),
                                        QStringLiteral("WITH d AS (SELECT 12 AS v) "
                                                       "DELETE FROM t WHERE x IN d"),
                                        QStringLiteral("SELECT * FROM t")}));
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    ASSERT_EQ(r->size(), 6);
    QList<qint64> rows;
    for (const StatementOutcome &outcome : *r)
        rows.append(outcome.rowsAffected);
    EXPECT_EQ(rows, QList<qint64>({-1, 3, 2, -1, 1, -1}));
    EXPECT_EQ(r->at(4).index, 4);
    EXPECT_GE(r->at(1).elapsedUs, 0);
}

TEST_F(ScriptRunner, stops_at_the_first_failing_statement_with_file_line_and_engine_message)
{
    open();
    int heard = 0;
    Result<QList<StatementOutcome>> r =
        runStatements(db(),
                      statements({QStringLiteral("CREATE TABLE t(x)"),
                                  QStringLiteral("INSERT INTO missing VALUES (1)"),
                                  QStringLiteral("CREATE TABLE never(y)")}),
                      [&](const StatementOutcome &) { return ++heard > 0; });
    ASSERT_FALSE(r.ok());
    const Error &e = r.error();
    EXPECT_EQ(e.code, Error::Code::Sql);
    EXPECT_EQ(e.file, u"m.sql");
    EXPECT_EQ(e.line, 5);
    EXPECT_EQ(e.statement, u"INSERT INTO missing VALUES (1)");
    EXPECT_TRUE(e.message.contains(u"no such table")) << e.message.toStdString();
    EXPECT_FALSE(e.engineCode.isEmpty());
    EXPECT_EQ(heard, 1);
    // Undoing the first statement is the caller's business (it owns any transaction).
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 't'")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'never'")), 0);
}

TEST_F(ScriptRunner, foreign_key_check_with_orphans_fails_naming_rows)
{
    open(kOrphans);
    Result<QList<StatementOutcome>> r = runStatements(
        db(), statements({QStringLiteral("SELECT 1"), QStringLiteral("pragma Foreign_Key_Check")}));
    ASSERT_FALSE(r.ok());
    const Error &e = r.error();
    EXPECT_EQ(e.line, 5);
    EXPECT_EQ(e.statement, u"pragma Foreign_Key_Check");
    EXPECT_TRUE(e.message.contains(u"row 3 of task references missing project"))
        << e.message.toStdString();
    EXPECT_TRUE(e.message.contains(u"row 4 of task references missing project"));
    EXPECT_TRUE(e.message.startsWith(u"2 rows")) << e.message.toStdString();
}

TEST_F(ScriptRunner, foreign_key_check_with_a_table_and_schema_is_recognised)
{
    open(kOrphans);
    for (const QString &check : {QStringLiteral("PRAGMA foreign_key_check(task)"),
                                 QStringLiteral("PRAGMA main.foreign_key_check(\"task\")")}) {
        Result<QList<StatementOutcome>> r = runStatements(db(), statements({check}));
        ASSERT_FALSE(r.ok()) << check.toStdString();
        EXPECT_TRUE(r.error().message.contains(u"row 3 of task")) << check.toStdString();
    }
}

TEST_F(ScriptRunner, foreign_key_check_names_ten_rows_and_the_total)
{
    QByteArray setup = kOrphans;
    for (int id = 10; id < 25; ++id)
        setup += "INSERT INTO task VALUES (" + QByteArray::number(id) + ", 99);";
    open(setup);
    Result<QList<StatementOutcome>> r =
        runStatements(db(), statements({QStringLiteral("PRAGMA foreign_key_check")}));
    ASSERT_FALSE(r.ok());
    const QString &message = r.error().message;
    EXPECT_TRUE(message.startsWith(u"17 rows")) << message.toStdString();
    EXPECT_EQ(message.count(u"references missing"), 10);
    EXPECT_TRUE(message.endsWith(u"and 7 more")) << message.toStdString();
}

TEST_F(ScriptRunner, clean_foreign_key_check_passes)
{
    open(kOrphans);
    Result<QList<StatementOutcome>> r =
        runStatements(db(), statements({QStringLiteral("DELETE FROM task WHERE id > 2"),
                                        QStringLiteral("PRAGMA foreign_key_check")}));
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->at(0).rowsAffected, 2);
    EXPECT_EQ(r->at(1).rowsAffected, -1);
}

TEST_F(ScriptRunner, cancelling_after_the_first_statement_runs_no_more)
{
    open();
    Result<QList<StatementOutcome>> r = runStatements(
        db(),
        statements({QStringLiteral("CREATE TABLE a(x)"), QStringLiteral("CREATE TABLE b(x)")}),
        [](const StatementOutcome &) { return false; });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, Error::Code::Cancelled);
    EXPECT_EQ(r.error().line, 5); // the statement that did not run
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'a'")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'b'")), 0);
}

TEST_F(ScriptRunner, cancelling_after_the_last_statement_is_a_completed_run)
{
    open();
    Result<QList<StatementOutcome>> r =
        runStatements(db(), statements({QStringLiteral("CREATE TABLE a(x)")}),
                      [](const StatementOutcome &) { return false; });
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->size(), 1);
}
