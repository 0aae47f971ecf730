// Scratch databases on a server (a dry run's copy; MariaDB's model database) are claimed by a
// lock their creator holds while they exist. A run that dies (Ctrl-C, kill, a lost connection)
// leaves its database behind with the lock free: the next run drops it, and leaves alone those
// whose creator still holds the lock.
#include "qt_printing.h"
#include "server_support.h"
#include "test_support.h"

#include <QDir>

#include <gtest/gtest.h>

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr char kDeadKey[] = "00000000deadbeef";
constexpr char kBusyKey[] = "00000000cafef00d";

class ScratchClaim : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override { BURROW_REQUIRE_BACKEND(db); }
    bool postgres() const { return GetParam() == Backend::PostgreSQL; }

    /// Creates `<prefix>dead` and `<prefix>busy`, holds the busy one's claim as its live
    /// creator would, runs `arguments`, and returns which of the two are left.
    QStringList leftAfter(const QString &prefix, const QStringList &arguments)
    {
        const QString dead = prefix + QLatin1String(kDeadKey);
        const QString busy = prefix + QLatin1String(kBusyKey);
        QStringList left;
        {
            // The creator locks first, as Burrow does: other tests' runs on the shared server
            // would otherwise drop `busy` between its creation and the lock.
            ServerSession creator(db);
            creator.exec(postgres() ? QString(u"SELECT pg_advisory_lock(x'"_s +
                                              QLatin1String(kBusyKey) + u"'::bit(64)::bigint)"_s)
                                    : QString(u"SELECT GET_LOCK('"_s + busy + u"', 0)"_s));
            dropBoth(dead, busy);
            db.exec(u"CREATE DATABASE "_s + dead + u";CREATE DATABASE "_s + busy);
            const CliRun run = runCli(arguments);
            EXPECT_LE(run.exitCode, 1) << run.err.toStdString();
            left = databasesLike(db, prefix + u"00000000%"_s);
        }
        dropBoth(dead, busy);
        return left;
    }
    void dropBoth(const QString &dead, const QString &busy)
    {
        db.exec(u"DROP DATABASE IF EXISTS "_s + dead + u";DROP DATABASE IF EXISTS "_s + busy);
    }

    TestDatabase db{GetParam()};
    TempDir dir;
};

} // namespace

TEST_P(ScratchClaim, a_dry_run_drops_copies_left_by_runs_that_died_and_keeps_those_in_use)
{
    ASSERT_TRUE(QDir().mkpath(dir.path(u"migrations"_s)));
    dir.write(
        u"migrations/0001_t.sql"_s,
        "-- migrate:up\nCREATE TABLE claim_t (id int);\n-- migrate:down\nDROP TABLE claim_t;\n");
    const QStringList left =
        leftAfter(u"burrow_dryrun_"_s, {u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s,
                                        dir.path(u"migrations"_s), u"--dry-run"_s});
    EXPECT_EQ(left, QStringList{u"burrow_dryrun_"_s + QLatin1String(kBusyKey)});
}

using MariaDbScratchClaim = ScratchClaim;

TEST_P(MariaDbScratchClaim, a_diff_drops_model_databases_left_by_loads_that_died)
{
    const QString model = dir.write(u"model.sql"_s, "CREATE TABLE claim_m (id int PRIMARY KEY);\n");
    const QStringList left =
        leftAfter(u"burrow_model_"_s, {u"diff"_s, u"--db"_s, db.url(), u"--model"_s, model});
    EXPECT_EQ(left, QStringList{u"burrow_model_"_s + QLatin1String(kBusyKey)});
}

INSTANTIATE_TEST_SUITE_P(Servers, ScratchClaim,
                         ::testing::Values(Backend::PostgreSQL, Backend::MariaDB),
                         backendParamName);
INSTANTIATE_TEST_SUITE_P(Servers, MariaDbScratchClaim, ::testing::Values(Backend::MariaDB),
                         backendParamName);
