// The whole server dies (kill -9 of the server process, as a crash or a power cut does) in the
// middle of an apply. Each test runs its own server (tests/servers.sh), kills it while the
// migration's slow statement runs, and starts it again on the same data. PostgreSQL comes back
// as it was before the migration; MariaDB keeps exactly what ran, as Burrow reported it.
#include "private_server.h"
#include "process_support.h"
#include "server_support.h"
#include "slow_migration.h"

#include <QFile>

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class ServerCrash : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        ASSERT_FALSE(server.url().isEmpty()) << "the test's own server did not start";
        BURROW_REQUIRE_BACKEND(db);
        slow.setUp();
        before = slow.state();
    }
    /// Starts apply, kills the server once the slow statement runs, and returns how the CLI
    /// ended; the server is running again afterwards.
    CliRun crashedApply(const QStringList &more, const QString &urlQuery = {})
    {
        QStringList arguments = slow.applyArguments(more);
        if (!urlQuery.isEmpty())
            arguments[arguments.indexOf(db.url())] += u'?' + urlQuery;
        CliProcess apply(arguments);
        {
            ServerSession watcher(db);
            EXPECT_FALSE(slow.slowSession(watcher, db.name()).isEmpty())
                << "the slow statement never showed up";
        }
        server.kill();
        const CliRun run = apply.finish(60000);
        server.restart();
        return run;
    }
    QStringList state() const { return slow.state(); }
    CliRun cli(const QString &command) const { return slow.cli(command); }

    PrivateServer server{GetParam()};
    ScopedEnvironmentVariable serverVariable{server.urlVariable(), server.url()};
    TestDatabase db{GetParam()};
    TempDir dir;
    SlowMigration slow{db, dir, "burrow_crash"};
    QStringList before;
};

/// Burrow's connection and the server's answer over TLS by default (tests/servers.sh), where
/// libpq words the loss its own way ("SSL connection has been closed unexpectedly").
class PostgresCrash : public ServerCrash {
protected:
    void expectRolledBack(const QString &urlQuery);
};

TEST_P(PostgresCrash, a_server_killed_mid_apply_comes_back_without_the_migration)
{
    expectRolledBack({});
}

TEST_P(PostgresCrash, so_it_does_over_a_plain_connection)
{
    expectRolledBack(u"sslmode=disable"_s);
}

void PostgresCrash::expectRolledBack(const QString &urlQuery)
{
    const CliRun run = crashedApply({}, urlQuery);
    EXPECT_EQ(run.exitCode, 1) << run.err.toStdString();
    const QString error = SlowMigration::errorLine(run);
    EXPECT_TRUE(error.contains(u"lost the connection to PostgreSQL"_s)) << error.toStdString();
    EXPECT_TRUE(error.contains(u"0001_slow.sql:4"_s)) << error.toStdString();
    EXPECT_EQ(state(), before) << "the crashed migration left changes behind";

    slow.expectStatus(u"pending"_s);
    slow.applyFinishesAfterwards();
}

INSTANTIATE_TEST_SUITE_P(OwnServer, PostgresCrash, ::testing::Values(Backend::PostgreSQL),
                         backendParamName);

/// Over TLS the client library reports the loss as a TLS error ("unexpected eof while reading").
class MariaDbCrash : public ServerCrash {
protected:
    void expectExactReport(const QString &urlQuery);
};

TEST_P(MariaDbCrash, a_server_killed_mid_apply_keeps_exactly_what_was_reported)
{
    expectExactReport({});
}

TEST_P(MariaDbCrash, so_it_does_over_tls)
{
    expectExactReport(u"ssl=on"_s);
}

void MariaDbCrash::expectExactReport(const QString &urlQuery)
{
    const CliRun run = crashedApply({u"--no-rehearsal"_s}, urlQuery);
    EXPECT_EQ(run.exitCode, 1) << run.err.toStdString();
    const QString error = SlowMigration::errorLine(run);
    EXPECT_TRUE(error.contains(u"lost the connection to the MariaDB/MySQL server"_s))
        << error.toStdString();
    EXPECT_TRUE(error.contains(u"0001_slow.sql:4"_s)) << error.toStdString();
    EXPECT_TRUE(error.contains(u"2 of 4 statements ran before it and stay applied"_s))
        << error.toStdString();
    EXPECT_TRUE(state().contains(u"genre.id"_s));
    EXPECT_TRUE(state().contains(u"author.born"_s));
    EXPECT_FALSE(state().contains(u"late.id"_s));
    EXPECT_EQ(db.rows(u"SELECT version, statements_applied FROM burrow_migrations"_s),
              QStringList{u"0001|2"_s});

    // The server went before Burrow could mark the row failed: its report says so.
    EXPECT_TRUE(error.contains(u"its history row could not be updated"_s)) << error.toStdString();
    slow.expectStatus(u"failed"_s);
    const CliRun refused = cli(u"apply"_s);
    EXPECT_EQ(refused.exitCode, 2) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(u"stopped part-way"_s)) << refused.err.toStdString();
}

INSTANTIATE_TEST_SUITE_P(OwnServer, MariaDbCrash, ::testing::Values(Backend::MariaDB),
                         backendParamName);

} // namespace
