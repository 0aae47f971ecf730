// `burrow-cli baseline` on every engine: a database migrated by hand or by another tool gets
// its migrations recorded as applied without running them, and apply then runs only the rest.
#include "server_support.h"
#include "test_support.h"

#include <QDir>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class CliBaseline : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        // The database has 0001's table already, made by hand.
        db.exec(u"CREATE TABLE author (id INTEGER PRIMARY KEY)"_s);
        ASSERT_TRUE(QDir().mkpath(dir.path(u"migrations"_s)));
        dir.write(u"migrations/0001_authors.sql"_s,
                  "-- migrate:up\nCREATE TABLE author (id INTEGER PRIMARY KEY);\n"
                  "-- migrate:down\nDROP TABLE author;\n");
        dir.write(u"migrations/0002_books.sql"_s,
                  "-- migrate:up\nCREATE TABLE book (id INTEGER PRIMARY KEY);\n"
                  "-- migrate:down\nDROP TABLE book;\n");
    }
    CliRun cli(const QStringList &arguments) const
    {
        return runCli(arguments + QStringList{u"--db"_s, db.url(), u"--migrations"_s,
                                              dir.path(u"migrations"_s)});
    }
    QString status() const { return cli({u"status"_s}).out; }

    TestDatabase db{GetParam()};
    TempDir dir;
};

TEST_P(CliBaseline, records_without_running_and_apply_runs_only_the_rest)
{
    const CliRun recorded = cli({u"baseline"_s, u"--to"_s, u"1"_s, u"--yes"_s});
    ASSERT_EQ(recorded.exitCode, 0) << recorded.err.toStdString();
    EXPECT_TRUE(recorded.out.contains(u"Recorded 1 migration"_s)) << recorded.out.toStdString();
    EXPECT_TRUE(status().contains(u"baseline, not run"_s)) << status().toStdString();

    // 0001's CREATE TABLE would fail on the table that exists: it must not run.
    const CliRun applied = cli({u"apply"_s, u"--no-backup"_s});
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    EXPECT_TRUE(applied.err.contains(u"applying 0002_books"_s)) << applied.err.toStdString();
    EXPECT_FALSE(applied.err.contains(u"0001_authors"_s)) << applied.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT COUNT(*) FROM book"_s), QStringList{u"0"_s});

    const CliRun again = cli({u"baseline"_s, u"--to"_s, u"2"_s, u"--yes"_s});
    EXPECT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_TRUE(again.out.contains(u"Nothing to record"_s)) << again.out.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Engines, CliBaseline, allBackends(), backendParamName);

} // namespace
