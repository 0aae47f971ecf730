// The server ends Burrow's session in the middle of an apply (pg_terminate_backend, KILL
// CONNECTION: what a crash or a restart does to that session). PostgreSQL keeps the database as
// it was; MariaDB keeps exactly what ran, says so, and its backup brings the old state back.
// Each kill waits for the slow statement to show up in the server's own session list.
#include "process_support.h"
#include "server_support.h"
#include "slow_migration.h"

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class ServerKill : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        slow.setUp();
        before = slow.state();
    }
    /// What the server does to a session when it is killed, restarted or crashes.
    void endSession(ServerSession &watcher, const QString &session)
    {
        watcher.exec(slow.postgres() ? QString(u"SELECT pg_terminate_backend(" + session + u')')
                                     : QString(u"KILL CONNECTION " + session));
    }
    /// Starts apply with `more`, ends its session once the slow statement runs in `database`,
    /// and returns how the CLI ended.
    CliRun killedApply(const QStringList &more, const QString &database)
    {
        ServerSession watcher(db);
        CliProcess apply(slow.applyArguments(more));
        const QString session = slow.slowSession(watcher, database);
        EXPECT_FALSE(session.isEmpty()) << "the slow statement never showed up";
        if (!session.isEmpty())
            endSession(watcher, session);
        return apply.finish(30000);
    }
    QStringList state() const { return slow.state(); }
    CliRun cli(const QString &command) const { return slow.cli(command); }
    QString migrations() const { return slow.migrations(); }

    TestDatabase db{GetParam()};
    TempDir dir;
    SlowMigration slow{db, dir, "burrow_fault_kill"};
    QStringList before;
};

using PostgresKill = ServerKill;

TEST_P(PostgresKill, a_terminated_session_rolls_the_migration_back_and_says_so)
{
    const CliRun run = killedApply({}, db.name());
    EXPECT_EQ(run.exitCode, 1) << run.err.toStdString();
    const QString error = SlowMigration::errorLine(run);
    EXPECT_TRUE(error.contains(u"lost the connection to PostgreSQL"_s)) << error.toStdString();
    EXPECT_TRUE(error.contains(u"terminating connection due to administrator command"_s))
        << error.toStdString();
    EXPECT_TRUE(error.contains(u"rolled back"_s)) << error.toStdString();
    EXPECT_TRUE(error.contains(u"0001_slow.sql:4"_s)) << error.toStdString();
    EXPECT_EQ(state(), before) << "the terminated migration left changes behind";
    EXPECT_FALSE(slow.hasHistory());

    slow.expectStatus(u"pending"_s);
    slow.applyFinishesAfterwards();
}

INSTANTIATE_TEST_SUITE_P(Engines, PostgresKill, ::testing::Values(Backend::PostgreSQL),
                         backendParamName);

using MariaDbKill = ServerKill;

TEST_P(MariaDbKill, a_killed_session_reports_exactly_what_ran_and_the_backup_undoes_it)
{
    const CliRun run = killedApply({u"--no-rehearsal"_s}, db.name());
    EXPECT_EQ(run.exitCode, 1) << run.err.toStdString();
    const QString error = SlowMigration::errorLine(run);
    // libmariadb reads a KILL as a lost connection: the statement's fate is unknown to it.
    EXPECT_TRUE(error.contains(u"lost the connection to the MariaDB/MySQL server"_s))
        << error.toStdString();
    EXPECT_TRUE(error.contains(u"0001_slow.sql:4"_s)) << error.toStdString();
    EXPECT_TRUE(error.contains(u"2 of 4 statements ran before it and stay applied"_s))
        << error.toStdString();
    EXPECT_TRUE(error.contains(u"the history marks 0001 as failed"_s)) << error.toStdString();
    EXPECT_EQ(db.rows(u"SELECT version, status, statements_applied FROM burrow_migrations"_s),
              QStringList{u"0001|failed|2"_s});
    EXPECT_TRUE(state().contains(u"genre.id"_s));
    EXPECT_TRUE(state().contains(u"author.born"_s));
    EXPECT_FALSE(state().contains(u"late.id"_s));

    slow.expectStatus(u"failed"_s);
    const CliRun refused = cli(u"apply"_s);
    EXPECT_EQ(refused.exitCode, 2) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(u"stopped part-way"_s)) << refused.err.toStdString();

    const QStringList backups =
        QDir(migrations() + u"/backups"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    ASSERT_EQ(backups.size(), 1);
    const CliRun restored = runCli({u"restore"_s, u"--db"_s, db.url(), u"--from"_s,
                                    migrations() + u"/backups/"_s + backups.first(), u"--yes"_s});
    ASSERT_EQ(restored.exitCode, 0) << restored.err.toStdString();
    EXPECT_EQ(state(), before) << "the restore did not bring back the state before the apply";
    slow.applyFinishesAfterwards();
}

TEST_P(MariaDbKill, a_session_killed_during_the_rehearsal_leaves_the_database_untouched)
{
    const QString scratch = u"burrow\\_dryrun\\_%"_s;
    const QStringList scratchBefore = databasesLike(db, scratch);
    const CliRun run = killedApply({}, scratch);
    EXPECT_NE(run.exitCode, 0) << run.err.toStdString();
    const QString error = SlowMigration::errorLine(run);
    EXPECT_TRUE(error.contains(u"rehearsed on a scratch copy"_s)) << error.toStdString();
    EXPECT_TRUE(error.contains(u"lost the connection"_s)) << error.toStdString();
    EXPECT_TRUE(error.contains(u"the database was not touched"_s)) << error.toStdString();
    EXPECT_EQ(state(), before);
    EXPECT_FALSE(slow.hasHistory());
    EXPECT_EQ(leftoverDatabases(db, scratch, scratchBefore), QStringList{})
        << "the scratch copy was left behind";
    slow.applyFinishesAfterwards();
}

INSTANTIATE_TEST_SUITE_P(Engines, MariaDbKill, ::testing::Values(Backend::MariaDB),
                         backendParamName);

} // namespace
