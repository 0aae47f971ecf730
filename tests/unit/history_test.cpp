// The history table: round trip through SQLite, merging with files, the applier.
#include "migration/history.h"
#include "plan_support.h"
#include "qt_printing.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::migration;
using namespace Qt::Literals::StringLiterals;

namespace {

AppliedMigration row(const QString &version, const QString &checksum = u"abc"_s)
{
    AppliedMigration r;
    r.version = version;
    r.name = u"name_"_s + version;
    r.checksum = checksum;
    r.startedAt = QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0, 250), Qt::UTC);
    r.finishedAt = r.startedAt.addMSecs(1234);
    r.durationMs = 1234;
    r.appliedBy = u"ada@host"_s;
    r.status = u"applied"_s;
    return r;
}

MigrationEntry entry(const QString &version, const QString &checksum = u"abc"_s)
{
    MigrationEntry e;
    e.version = version;
    e.number = version.toULongLong();
    e.name = u"file_"_s + version;
    e.checksum = checksum;
    return e;
}

class History : public ::testing::Test {
protected:
    void SetUp() override
    {
        test::createDatabase(path, "CREATE TABLE book (id INTEGER PRIMARY KEY);");
        connection = test::openDatabase(path);
    }
    const QSqlDatabase &db() { return connection->database(); }

    test::TempDir dir;
    QString path = dir.path(u"db.sqlite3"_s);
    std::unique_ptr<dialect::ScopedConnection> connection;
};

QStringList versionsOf(const QList<MigrationStatus> &list)
{
    QStringList out;
    for (const MigrationStatus &s : list)
        out.append(s.version + u':' + stateName(s.state));
    return out;
}

} // namespace

TEST_F(History, reads_empty_without_creating_the_table)
{
    Result<QList<AppliedMigration>> rows = readHistory(db());
    ASSERT_TRUE(rows.ok()) << rows.error().toString().toStdString();
    EXPECT_TRUE(rows->isEmpty());
    EXPECT_FALSE(db().tables().contains(historyTableName()));
}

TEST_F(History, round_trip_keeps_every_column)
{
    ASSERT_TRUE(ensureHistoryTable(db()));
    ASSERT_TRUE(ensureHistoryTable(db())); // idempotent
    const AppliedMigration written = row(u"0001"_s);
    ASSERT_TRUE(recordMigration(db(), written));
    Result<QList<AppliedMigration>> rows = readHistory(db());
    ASSERT_TRUE(rows.ok()) << rows.error().toString().toStdString();
    ASSERT_EQ(rows->size(), 1);
    const AppliedMigration &read = rows->first();
    EXPECT_EQ(read.version, written.version);
    EXPECT_EQ(read.name, written.name);
    EXPECT_EQ(read.checksum, written.checksum);
    EXPECT_EQ(read.startedAt, written.startedAt);
    EXPECT_EQ(read.finishedAt, written.finishedAt);
    EXPECT_EQ(read.durationMs, 1234);
    EXPECT_EQ(read.appliedBy, written.appliedBy);
    EXPECT_EQ(read.status, written.status);
}

TEST_F(History, stores_times_as_iso_8601_utc_text)
{
    ASSERT_TRUE(ensureHistoryTable(db()));
    ASSERT_TRUE(recordMigration(db(), row(u"0001"_s)));
    EXPECT_EQ(test::queryColumn(path, u"SELECT started_at FROM burrow_migrations"_s),
              QStringList{u"2024-05-01T10:00:00.250Z"_s});
}

TEST_F(History, an_unfinished_row_reads_back_without_finish_time)
{
    ASSERT_TRUE(ensureHistoryTable(db()));
    AppliedMigration running = row(u"0001"_s);
    running.finishedAt = {};
    running.status = u"running"_s;
    ASSERT_TRUE(recordMigration(db(), running));
    const QList<AppliedMigration> rows = *readHistory(db());
    EXPECT_FALSE(rows.first().finishedAt.isValid());
    EXPECT_EQ(test::queryColumn(path, u"SELECT duration_ms IS NULL FROM burrow_migrations"_s),
              QStringList{u"1"_s});
}

TEST_F(History, values_are_bound_not_spliced_into_sql)
{
    ASSERT_TRUE(ensureHistoryTable(db()));
    AppliedMigration tricky = row(u"0001"_s);
    tricky.name = u"o'brien\"; DROP TABLE book; --"_s;
    ASSERT_TRUE(recordMigration(db(), tricky));
    EXPECT_EQ(readHistory(db())->first().name, tricky.name);
    EXPECT_TRUE(db().tables().contains(u"book"_s));
}

TEST_F(History, rows_come_back_in_numeric_version_order)
{
    ASSERT_TRUE(ensureHistoryTable(db()));
    for (const QString &v : {u"10"_s, u"2"_s, u"0001"_s})
        ASSERT_TRUE(recordMigration(db(), row(v)));
    QStringList versions;
    const QList<AppliedMigration> rows =
        *readHistory(db()); // iterating *readHistory() would dangle
    for (const AppliedMigration &r : rows)
        versions.append(r.version);
    EXPECT_EQ(versions, QStringList({u"0001"_s, u"2"_s, u"10"_s}));
}

TEST_F(History, a_duplicate_version_is_an_error)
{
    ASSERT_TRUE(ensureHistoryTable(db()));
    ASSERT_TRUE(recordMigration(db(), row(u"0001"_s)));
    const Status again = recordMigration(db(), row(u"0001"_s));
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, Error::Code::Sql);
}

TEST(HistoryStatus, merges_files_and_rows_into_four_states)
{
    const QList<MigrationEntry> files{entry(u"0001"_s), entry(u"0002"_s, u"new"_s),
                                      entry(u"0004"_s)};
    const QList<AppliedMigration> history{row(u"0001"_s), row(u"0002"_s, u"old"_s), row(u"0003"_s)};
    const QList<MigrationStatus> list = migrationStatus(files, history);
    EXPECT_EQ(versionsOf(list), QStringList({u"0001:applied"_s, u"0002:modified"_s,
                                             u"0003:missing"_s, u"0004:pending"_s}));
    EXPECT_EQ(list[2].name, u"name_0003"_s); // from the history row
    EXPECT_FALSE(list[2].entry.has_value());
    EXPECT_FALSE(list[3].applied.has_value());
}

TEST(HistoryStatus, versions_match_by_number_so_7_is_0007)
{
    const QList<MigrationStatus> list = migrationStatus({entry(u"0007"_s)}, {row(u"7"_s)});
    EXPECT_EQ(versionsOf(list), QStringList{u"0007:applied"_s});
}

TEST(HistoryStatus, orders_numerically_with_non_numeric_rows_last)
{
    const QList<MigrationStatus> list =
        migrationStatus({entry(u"10"_s), entry(u"2"_s)}, {row(u"manual"_s)});
    EXPECT_EQ(versionsOf(list),
              QStringList({u"2:pending"_s, u"10:pending"_s, u"manual:missing"_s}));
}

TEST(HistoryApplier, is_user_at_host)
{
    const QString applier = currentApplier();
    EXPECT_FALSE(applier.isEmpty());
    EXPECT_FALSE(applier.startsWith(u'@'));
}
