// burrow-cli apply on a server when the disk under the backups is full: the engine's dump tool
// fails, and the error says so in words (mariadb-dump only gives errno 28), where, and that
// nothing was applied; the database and its history are untouched, no half backup is left.
#include "process_support.h"
#include "server_support.h"

#include <QDir>

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class ServerDiskFull : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        db.exec(u"CREATE TABLE note (id INTEGER PRIMARY KEY, body VARCHAR(100))"_s);
        // Rows that do not compress away: the dump is far larger than the free space.
        db.exec(GetParam() == Backend::PostgreSQL
                    ? u"INSERT INTO note SELECT g, md5(g::text) || md5((g * 7)::text) "
                      u"FROM generate_series(1, 5000) AS g"_s
                    : u"INSERT INTO note SELECT seq, CONCAT(MD5(seq), MD5(seq * 7)) "
                      u"FROM seq_1_to_5000"_s);
        migration = dir.write(u"0001_extra.sql"_s,
                              "-- migrate:up\nALTER TABLE note ADD COLUMN extra INTEGER;\n"
                              "-- migrate:down\nALTER TABLE note DROP COLUMN extra;\n");
    }

    TestDatabase db{GetParam()};
    TempDir dir;
    QString migration;
};

TEST_P(ServerDiskFull, the_dump_tool_running_out_of_space_stops_apply_before_anything_runs)
{
    const SmallDisk disk(dir.path(u"small"_s), {migration}, 16 * 1024);
    const QString migrations = dir.path(u"small"_s);
    CliProcess apply({u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations}, {},
                     disk.childSetup());
    const CliRun run = apply.finish(120000);

    EXPECT_EQ(run.exitCode, 2) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(disk.isTmpfs() ? u"the disk is full"_s : u"failed"_s))
        << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(u"/backups/"_s)) << "where it was writing:\n"
                                                  << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(u"nothing was applied"_s)) << run.err.toStdString();
    EXPECT_FALSE(run.err.contains(u"applying"_s)) << run.err.toStdString();

    EXPECT_EQ(db.columnNames(), (QStringList{u"note.body"_s, u"note.id"_s}));
    EXPECT_EQ(db.rows(u"SELECT COUNT(*) FROM note"_s), QStringList{u"5000"_s});
    EXPECT_EQ(QDir(migrations + u"/backups"_s).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
              QStringList{});
}

INSTANTIATE_TEST_SUITE_P(Engines, ServerDiskFull,
                         ::testing::Values(Backend::PostgreSQL, Backend::MariaDB),
                         backendParamName);

} // namespace
