// The server ends Burrow's session in the middle of an apply (pg_terminate_backend, KILL
// CONNECTION: what a crash or a restart does to that session). PostgreSQL keeps the database as
// it was; MariaDB keeps exactly what ran, says so, and its backup brings the old state back.
// Each kill waits for the slow statement to show up in the server's own session list.
#include "process_support.h"
#include "server_support.h"

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

// A slow statement between changes, marked so that the test finds exactly its session.
const QByteArray kMigration = "CREATE TABLE genre (id INTEGER PRIMARY KEY);\n"
                              "ALTER TABLE author ADD COLUMN born INTEGER;\n"
                              "SELECT %SLEEP%(60) AS burrow_fault_kill;\n"
                              "CREATE TABLE late (id INTEGER);\n";

class ServerKill : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        db.exec(u"CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(80) NOT NULL);"
                u"INSERT INTO author VALUES (1, 'Le Guin');"
                u"INSERT INTO author VALUES (2, 'Herbert')"_s);
        ASSERT_TRUE(QDir().mkpath(migrations()));
        writeMigration(60);
        before = state();
    }
    bool postgres() const { return GetParam() == Backend::PostgreSQL; }
    QString migrations() const { return dir.path(u"migrations"_s); }
    /// The migration, its slow statement sleeping `seconds` (0 once the kill is done with).
    void writeMigration(int seconds)
    {
        QByteArray up = kMigration;
        up.replace("%SLEEP%", postgres() ? "pg_sleep" : "SLEEP");
        up.replace("(60)", QByteArray('(' + QByteArray::number(seconds) + ')'));
        dir.write(u"migrations/0001_slow.sql"_s, "-- migrate:up\n" + up + "-- migrate:down\n");
    }
    CliRun cli(const QString &command, const QStringList &more = {})
    {
        return runCli(QStringList{command, u"--db"_s, db.url(), u"--migrations"_s, migrations()} +
                      more);
    }
    /// The user-visible state: tables with their columns, and the authors.
    QStringList state()
    {
        return db.columnNames() + db.rows(u"SELECT id, name FROM author ORDER BY id"_s);
    }
    bool hasHistory() { return state().filter(u"burrow_migrations."_s).size() > 0; }
    /// The session (pid, connection id) running the marked slow statement in `database`
    /// (a LIKE pattern); empty if it does not show up within a minute.
    QString slowSession(ServerSession &watcher, const QString &database)
    {
        const QString query =
            postgres()
                ? QString(u"SELECT pid FROM pg_stat_activity WHERE datname LIKE '" + database +
                          u"' AND state = 'active' AND query LIKE '%burrow_fault_kill%' "
                          u"AND pid <> pg_backend_pid()")
                : QString(u"SELECT ID FROM information_schema.PROCESSLIST WHERE DB LIKE '" +
                          database +
                          u"' AND INFO LIKE '%burrow_fault_kill%' AND ID <> "
                          u"CONNECTION_ID()");
        return watcher.waitForRow(query, 60000);
    }
    /// What the server does to a session when it is killed, restarted or crashes.
    void endSession(ServerSession &watcher, const QString &session)
    {
        watcher.exec(postgres() ? QString(u"SELECT pg_terminate_backend(" + session + u')')
                                : QString(u"KILL CONNECTION " + session));
    }
    /// Starts apply with `more`, ends its session once the slow statement runs in `database`,
    /// and returns how the CLI ended.
    CliRun killedApply(const QStringList &more, const QString &database)
    {
        ServerSession watcher(db);
        CliProcess apply(
            QStringList{u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations()} + more);
        const QString session = slowSession(watcher, database);
        EXPECT_FALSE(session.isEmpty()) << "the slow statement never showed up";
        if (!session.isEmpty())
            endSession(watcher, session);
        return apply.finish(30000);
    }
    /// The error line the CLI printed: exactly one, as the contract says.
    static QString errorLine(const CliRun &run)
    {
        const QStringList lines = run.err.split(u'\n').filter(u"burrow-cli: error:"_s);
        EXPECT_EQ(lines.size(), 1) << run.err.toStdString();
        return lines.value(0);
    }
    /// With the slow statement made quick, apply now finishes: the applier lock was released.
    void applyFinishesAfterwards()
    {
        writeMigration(0);
        const CliRun again = cli(u"apply"_s);
        EXPECT_EQ(again.exitCode, 0) << again.err.toStdString();
        EXPECT_TRUE(state().contains(u"late.id"_s));
    }

    TestDatabase db{GetParam()};
    TempDir dir;
    QStringList before;
};

using PostgresKill = ServerKill;

TEST_P(PostgresKill, a_terminated_session_rolls_the_migration_back_and_says_so)
{
    const CliRun run = killedApply({}, db.name());
    EXPECT_EQ(run.exitCode, 1) << run.err.toStdString();
    const QString error = errorLine(run);
    EXPECT_TRUE(error.contains(u"lost the connection to PostgreSQL"_s)) << error.toStdString();
    EXPECT_TRUE(error.contains(u"terminating connection due to administrator command"_s))
        << error.toStdString();
    EXPECT_TRUE(error.contains(u"rolled back"_s)) << error.toStdString();
    EXPECT_TRUE(error.contains(u"0001_slow.sql:4"_s)) << error.toStdString();
    EXPECT_EQ(state(), before) << "the terminated migration left changes behind";
    EXPECT_FALSE(hasHistory());

    const CliRun status = cli(u"status"_s);
    EXPECT_EQ(status.exitCode, 0) << status.err.toStdString();
    EXPECT_TRUE(status.out.contains(u"pending"_s)) << status.out.toStdString();
    applyFinishesAfterwards();
}

INSTANTIATE_TEST_SUITE_P(Engines, PostgresKill, ::testing::Values(Backend::PostgreSQL),
                         backendParamName);

using MariaDbKill = ServerKill;

TEST_P(MariaDbKill, a_killed_session_reports_exactly_what_ran_and_the_backup_undoes_it)
{
    const CliRun run = killedApply({u"--no-rehearsal"_s}, db.name());
    EXPECT_EQ(run.exitCode, 1) << run.err.toStdString();
    const QString error = errorLine(run);
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

    const CliRun status = cli(u"status"_s);
    EXPECT_EQ(status.exitCode, 0) << status.err.toStdString();
    EXPECT_TRUE(status.out.contains(u"failed"_s)) << status.out.toStdString();
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
    applyFinishesAfterwards();
}

TEST_P(MariaDbKill, a_session_killed_during_the_rehearsal_leaves_the_database_untouched)
{
    const QString scratch = u"burrow\\_dryrun\\_%"_s;
    const QStringList scratchBefore = databasesLike(db, scratch);
    const CliRun run = killedApply({}, scratch);
    EXPECT_NE(run.exitCode, 0) << run.err.toStdString();
    const QString error = errorLine(run);
    EXPECT_TRUE(error.contains(u"rehearsed on a scratch copy"_s)) << error.toStdString();
    EXPECT_TRUE(error.contains(u"lost the connection"_s)) << error.toStdString();
    EXPECT_TRUE(error.contains(u"the database was not touched"_s)) << error.toStdString();
    EXPECT_EQ(state(), before);
    EXPECT_FALSE(hasHistory());
    EXPECT_EQ(leftoverDatabases(db, scratch, scratchBefore), QStringList{})
        << "the scratch copy was left behind";
    applyFinishesAfterwards();
}

INSTANTIATE_TEST_SUITE_P(Engines, MariaDbKill, ::testing::Values(Backend::MariaDB),
                         backendParamName);

} // namespace
