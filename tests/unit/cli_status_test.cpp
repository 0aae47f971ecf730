// burrow-cli status, sql and baseline as a user runs them.
#include "migration/migration_directory.h"
#include "plan_support.h"
#include "qt_printing.h"
#include "test_support.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace burrow;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray kCreateBook = "-- Creates the book table\n"
                               "-- migrate:up\n"
                               "CREATE TABLE book (id INTEGER PRIMARY KEY);\n"
                               "CREATE INDEX book_id ON book(id);\n"
                               "-- migrate:down\n"
                               "DROP TABLE book;\n";
const QByteArray kAddPrice = "-- migrate:up transaction:false\n"
                             "ALTER TABLE book ADD COLUMN price NUMERIC;\n";
const QByteArray kAddAuthor = "-- migrate:up\n"
                              "CREATE TABLE author (id INTEGER PRIMARY KEY);\n"
                              "-- migrate:down\n"
                              "DROP TABLE author;\n";

// The history table as the design's contract spells it, written without Burrow's code.
const QByteArray kHistoryTable =
    "CREATE TABLE burrow_migrations (version TEXT PRIMARY KEY, name TEXT NOT NULL, checksum "
    "TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT, duration_ms INTEGER, applied_by "
    "TEXT, status TEXT NOT NULL);\n";

QByteArray historyRow(const QByteArray &version, const QByteArray &name, const QByteArray &checksum)
{
    return "INSERT INTO burrow_migrations VALUES ('" + version + "', '" + name + "', '" + checksum +
           "', '2024-05-01T10:00:00.000Z', '2024-05-01T10:00:00.012Z', 12, 'ada@box', "
           "'applied');\n";
}

QByteArray checksumOf(const QByteArray &text)
{
    return migration::migrationChecksum(QString::fromUtf8(text)).toLatin1();
}

class CliStatus : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(QDir().mkpath(migrations()));
        ASSERT_TRUE(QDir().mkpath(cwd()));
        test::createDatabase(db(), "CREATE TABLE legacy (id INTEGER);");
        migration(u"0001_create_book.sql"_s, kCreateBook);
        migration(u"0002_add_price.sql"_s, kAddPrice);
        migration(u"10_add_author.sql"_s, kAddAuthor);
    }

    QString db() const { return m_dir.path(u"app.sqlite3"_s); }
    QString migrations() const { return m_dir.path(u"migrations"_s); }
    QString cwd() const { return m_dir.path(u"cwd"_s); }
    void migration(const QString &name, const QByteArray &text) const
    {
        m_dir.write(u"migrations/"_s + name, text);
    }

    test::CliRun run(const QString &command, const QStringList &more = {}) const
    {
        return test::runCli(
            QStringList{command, u"--db"_s, u"sqlite:"_s + db(), u"--migrations"_s, migrations()} +
                more,
            cwd());
    }
    test::CliRun sql(const QStringList &more) const
    {
        return test::runCli(QStringList{u"sql"_s, u"--migrations"_s, migrations()} + more, cwd());
    }
    /// state of each migration from `status --format json`, "version:state".
    QStringList jsonStates() const
    {
        const test::CliRun r = run(u"status"_s, {u"--format"_s, u"json"_s});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        QStringList states;
        const QJsonArray list =
            QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"migrations"_s).toArray();
        for (const auto &m : list) {
            const QJsonObject o = m.toObject();
            states.append(o[u"version"_s].toString() + u':' + o[u"state"_s].toString());
        }
        return states;
    }
    /// The line of `status` text output that starts with `label`.
    static QString lineOf(const QString &out, const QString &label)
    {
        for (const QString &line : out.split(u'\n'))
            if (line.startsWith(label))
                return line;
        return {};
    }

    test::TempDir m_dir;
};

} // namespace

TEST_F(CliStatus, without_history_table_all_are_pending_and_the_database_is_untouched)
{
    const QByteArray before = test::fileHash(db());
    const test::CliRun r = run(u"status"_s);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(lineOf(r.out, u"0001_create_book"_s).endsWith(u"pending")) << r.out.toStdString();
    EXPECT_TRUE(lineOf(r.out, u"10_add_author"_s).endsWith(u"pending"));
    EXPECT_TRUE(r.out.contains(u"3 pending")) << r.out.toStdString();
    EXPECT_EQ(test::fileHash(db()), before);
    EXPECT_EQ(test::queryColumn(db(), u"SELECT name FROM sqlite_schema"_s),
              QStringList{u"legacy"_s});
}

TEST_F(CliStatus, text_shows_applied_modified_missing_and_pending)
{
    test::createDatabase(db(), kHistoryTable +
                                   historyRow("0001", "create_book", checksumOf(kCreateBook)) +
                                   historyRow("0002", "add_price", checksumOf("older text")) +
                                   historyRow("0005", "dropped", "ffff"));
    const test::CliRun r = run(u"status"_s);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString applied = lineOf(r.out, u"0001_create_book"_s);
    EXPECT_TRUE(applied.contains(u" applied "));
    EXPECT_TRUE(applied.contains(u"2024-05-01 10:00:00 UTC (12 ms)")) << applied.toStdString();
    EXPECT_TRUE(lineOf(r.out, u"0002_add_price"_s).contains(u" modified ")) << r.out.toStdString();
    EXPECT_TRUE(lineOf(r.out, u"0005_dropped"_s).contains(u" missing ")) << r.out.toStdString();
    EXPECT_TRUE(lineOf(r.out, u"10_add_author"_s).endsWith(u" pending"));
    EXPECT_TRUE(r.out.contains(u"1 applied, 1 pending, 1 modified, 1 missing"))
        << r.out.toStdString();
}

TEST_F(CliStatus, json_lists_each_migration_with_its_state_in_numeric_order)
{
    test::createDatabase(db(), kHistoryTable +
                                   historyRow("0001", "create_book", checksumOf(kCreateBook)) +
                                   historyRow("0002", "add_price", checksumOf("older text")) +
                                   historyRow("0005", "dropped", "ffff"));
    EXPECT_EQ(jsonStates(), QStringList({u"0001:applied"_s, u"0002:modified"_s, u"0005:missing"_s,
                                         u"10:pending"_s}));
    const test::CliRun r = run(u"status"_s, {u"--format"_s, u"json"_s});
    const QJsonObject first = QJsonDocument::fromJson(r.out.toUtf8())
                                  .object()[u"migrations"_s]
                                  .toArray()
                                  .first()
                                  .toObject();
    EXPECT_EQ(first[u"name"_s].toString(), u"create_book"_s);
    EXPECT_EQ(first[u"applied_at"_s].toString(), u"2024-05-01T10:00:00.000Z"_s);
    EXPECT_EQ(first[u"duration_ms"_s].toInt(), 12);
    EXPECT_EQ(first[u"checksum"_s].toString(), QString::fromLatin1(checksumOf(kCreateBook)));
}

TEST_F(CliStatus, a_crlf_copy_of_an_applied_file_still_reads_as_applied)
{
    test::createDatabase(db(), kHistoryTable +
                                   historyRow("0001", "create_book", checksumOf(kCreateBook)));
    migration(u"0001_create_book.sql"_s, QByteArray(kCreateBook).replace("\n", "  \r\n"));
    EXPECT_EQ(jsonStates().first(), u"0001:applied"_s);
}

TEST_F(CliStatus, workspace_supplies_database_and_migrations)
{
    m_dir.write(u"burrow.json"_s,
                R"({"database": "sqlite:app.sqlite3", "migrations": "migrations"})");
    const test::CliRun r = test::runCli({u"status"_s, u"--workspace"_s, m_dir.path()}, cwd());
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"3 pending")) << r.out.toStdString();
}

TEST_F(CliStatus, a_missing_database_is_an_error_and_is_not_created)
{
    QFile::remove(db());
    const test::CliRun r = run(u"status"_s);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err.count(u'\n'), 1) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(db()));
}

TEST_F(CliStatus, sql_prints_the_up_statements_after_a_header)
{
    const test::CliRun r = sql({u"1"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.out, u"-- 0001_create_book.sql (up, in a transaction)\n"
                     "CREATE TABLE book (id INTEGER PRIMARY KEY);\n"
                     "CREATE INDEX book_id ON book(id);\n"_s);
}

TEST_F(CliStatus, sql_down_prints_the_down_section)
{
    const test::CliRun r = sql({u"0001"_s, u"--down"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.out, u"-- 0001_create_book.sql (down, in a transaction)\nDROP TABLE book;\n"_s);
}

TEST_F(CliStatus, sql_says_when_a_migration_runs_without_a_transaction)
{
    const test::CliRun r = sql({u"0002"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.startsWith(u"-- 0002_add_price.sql (up, without a transaction)\n"));
}

TEST_F(CliStatus, sql_for_an_unknown_version_names_the_versions_that_exist)
{
    const test::CliRun r = sql({u"7"_s});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.out, QString());
    EXPECT_TRUE(r.err.contains(u"7")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"0001, 0002, 10")) << r.err.toStdString();
}

TEST_F(CliStatus, baseline_records_without_running_and_status_then_shows_applied)
{
    const test::CliRun r = run(u"baseline"_s, {u"--to"_s, u"2"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"0001_create_book.sql")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(u"0002_add_price.sql"));
    EXPECT_FALSE(r.out.contains(u"10_add_author.sql"));
    EXPECT_EQ(jsonStates(), QStringList({u"0001:applied"_s, u"0002:applied"_s, u"10:pending"_s}));
    EXPECT_EQ(test::queryColumn(db(), u"SELECT status FROM burrow_migrations"_s),
              QStringList({u"baseline"_s, u"baseline"_s}));
    // Nothing ran: the migration's table does not exist.
    EXPECT_TRUE(
        test::queryColumn(db(), u"SELECT name FROM sqlite_schema WHERE name = 'book'"_s).isEmpty());
    EXPECT_TRUE(lineOf(run(u"status"_s).out, u"0001_create_book"_s).contains(u"baseline"));
}

TEST_F(CliStatus, baseline_twice_records_nothing_new)
{
    ASSERT_EQ(run(u"baseline"_s, {u"--to"_s, u"0002"_s, u"--yes"_s}).exitCode, 0);
    const test::CliRun again = run(u"baseline"_s, {u"--to"_s, u"2"_s, u"--yes"_s});
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_TRUE(again.out.contains(u"Nothing to record")) << again.out.toStdString();
    EXPECT_EQ(test::queryColumn(db(), u"SELECT count(*) FROM burrow_migrations"_s),
              QStringList{u"2"_s});
}

TEST_F(CliStatus, baseline_to_an_unknown_version_changes_nothing)
{
    const QByteArray before = test::fileHash(db());
    const test::CliRun r = run(u"baseline"_s, {u"--to"_s, u"3"_s});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(u"0001, 0002, 10")) << r.err.toStdString();
    EXPECT_EQ(test::fileHash(db()), before);
}

TEST_F(CliStatus, conflicting_versions_are_an_error_naming_both_files)
{
    migration(u"2_other.sql"_s, kAddPrice);
    const test::CliRun r = run(u"status"_s);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(u"0002_add_price.sql")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"2_other.sql"));
}
