// Another session holds a table the migration needs: apply gives up after the lock timeout
// (--lock-timeout) instead of hanging, names the table, and leaves the database as it was
// (PostgreSQL) or says exactly what ran (MariaDB). Both places an apply waits are covered: the
// backup (a table locked exclusively) and the migration's DDL (an open transaction that read
// the table, the usual forgotten session).
#include "process_support.h"
#include "server_support.h"

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kLockTimeoutSeconds = 2;
// Generous for a loaded machine, far below "hangs": the lock is never released by the test.
constexpr qint64 kBoundMs = 15000;

class ServerLock : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        db.exec(u"CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(80) NOT NULL);"
                u"INSERT INTO author VALUES (1, 'Le Guin')"_s);
        ASSERT_TRUE(QDir().mkpath(migrations()));
        dir.write(u"migrations/0001_born.sql"_s,
                  "-- migrate:up\nCREATE TABLE genre (id INTEGER PRIMARY KEY);\n"
                  "ALTER TABLE author ADD COLUMN born INTEGER;\n-- migrate:down\n");
        before = state();
    }
    bool postgres() const { return GetParam() == Backend::PostgreSQL; }
    QString migrations() const { return dir.path(u"migrations"_s); }
    QStringList state()
    {
        return db.columnNames() + db.rows(u"SELECT id, name FROM author ORDER BY id"_s);
    }
    /// Applies with a short lock timeout; how long it took goes to `elapsedMs`.
    CliRun timedApply(qint64 &elapsedMs)
    {
        QElapsedTimer timer;
        timer.start();
        const CliRun run = runCli({u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations(),
                                   u"--lock-timeout"_s, QString::number(kLockTimeoutSeconds)});
        elapsedMs = timer.elapsed();
        return run;
    }
    static QString errorLine(const CliRun &run)
    {
        const QStringList lines = run.err.split(u'\n').filter(u"burrow-cli: error:"_s);
        EXPECT_EQ(lines.size(), 1) << run.err.toStdString();
        return lines.value(0);
    }
    /// The lock is gone: the same apply goes through.
    void appliesOnceReleased()
    {
        const CliRun again =
            runCli({u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations()});
        EXPECT_EQ(again.exitCode, 0) << again.err.toStdString();
        EXPECT_TRUE(state().contains(u"author.born"_s));
    }
    QStringList backupFolders() const
    {
        return QDir(migrations() + u"/backups"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    }

    TestDatabase db{GetParam()};
    TempDir dir;
    QStringList before;
};

TEST_P(ServerLock, a_table_locked_exclusively_stops_the_backup_in_time_and_changes_nothing)
{
    {
        ServerSession holder(db);
        if (postgres()) {
            holder.exec(u"BEGIN"_s);
            holder.exec(u"LOCK TABLE author IN ACCESS EXCLUSIVE MODE"_s);
        } else {
            holder.exec(u"LOCK TABLES author WRITE"_s);
        }
        qint64 elapsedMs = 0;
        const CliRun run = timedApply(elapsedMs);
        EXPECT_EQ(run.exitCode, 2) << run.err.toStdString();
        EXPECT_LT(elapsedMs, kBoundMs) << run.err.toStdString();
        const QString error = errorLine(run);
        EXPECT_TRUE(error.contains(u"table author is locked by "_s)) << error.toStdString();
        EXPECT_TRUE(error.contains(u"gave up after waiting 2 s"_s)) << error.toStdString();
        EXPECT_TRUE(error.contains(u"--lock-timeout"_s)) << error.toStdString();
        EXPECT_TRUE(backupFolders().isEmpty()) << "a failed backup left a folder behind";
    } // the holder disconnects: its lock goes
    EXPECT_EQ(state(), before);
    appliesOnceReleased();
}

TEST_P(ServerLock, an_open_transaction_on_the_table_stops_the_ddl_in_time_and_says_what_ran)
{
    {
        ServerSession holder(db);
        holder.exec(postgres() ? u"BEGIN"_s : u"START TRANSACTION"_s);
        EXPECT_EQ(holder.rows(u"SELECT COUNT(*) FROM author"_s), QStringList{u"1"_s});
        qint64 elapsedMs = 0;
        const CliRun run = timedApply(elapsedMs);
        // PostgreSQL rolled back: the lock is to blame (2). MariaDB stopped part-way: the
        // migration failed (1), as after any other failure part-way.
        EXPECT_EQ(run.exitCode, postgres() ? 2 : 1) << run.err.toStdString();
        EXPECT_LT(elapsedMs, kBoundMs) << run.err.toStdString();
        const QString error = errorLine(run);
        EXPECT_TRUE(error.contains(u"table author is locked by "_s)) << error.toStdString();
        EXPECT_TRUE(error.contains(u"0001_born.sql:3"_s)) << error.toStdString();
        EXPECT_TRUE(error.contains(u"--lock-timeout"_s)) << error.toStdString();
        if (postgres()) {
            EXPECT_TRUE(error.contains(u"rolled back"_s)) << error.toStdString();
        } else {
            EXPECT_TRUE(error.contains(u"1 of 2 statements ran before it and stay applied"_s))
                << error.toStdString();
            EXPECT_EQ(db.rows(u"SELECT status, statements_applied FROM burrow_migrations"_s),
                      QStringList{u"failed|1"_s});
        }
        holder.exec(u"COMMIT"_s);
    }
    if (postgres()) {
        EXPECT_EQ(state(), before) << "the migration that waited in vain left changes behind";
        appliesOnceReleased();
        return;
    }
    // MariaDB kept the table the first statement created; the backup takes it back.
    ASSERT_EQ(backupFolders().size(), 1);
    const CliRun restored =
        runCli({u"restore"_s, u"--db"_s, db.url(), u"--from"_s,
                migrations() + u"/backups/"_s + backupFolders().first(), u"--yes"_s});
    ASSERT_EQ(restored.exitCode, 0) << restored.err.toStdString();
    EXPECT_EQ(state(), before);
    appliesOnceReleased();
}

TEST_P(ServerLock, a_lock_on_the_first_statement_changes_nothing_and_the_next_apply_runs_it)
{
    dir.write(u"migrations/0001_born.sql"_s,
              "-- migrate:up\nALTER TABLE author ADD COLUMN born INTEGER;\n"
              "CREATE TABLE genre (id INTEGER PRIMARY KEY);\n-- migrate:down\n");
    {
        ServerSession holder(db);
        holder.exec(postgres() ? u"BEGIN"_s : u"START TRANSACTION"_s);
        EXPECT_EQ(holder.rows(u"SELECT COUNT(*) FROM author"_s), QStringList{u"1"_s});
        qint64 elapsedMs = 0;
        const CliRun run = timedApply(elapsedMs);
        EXPECT_EQ(run.exitCode, 2) << run.err.toStdString();
        EXPECT_LT(elapsedMs, kBoundMs) << run.err.toStdString();
        const QString error = errorLine(run);
        EXPECT_TRUE(error.contains(u"table author is locked by "_s)) << error.toStdString();
        EXPECT_TRUE(error.contains(u"0001_born.sql:2"_s)) << error.toStdString();
        EXPECT_TRUE(error.contains(postgres() ? u"rolled back"_s
                                              : u"nothing was changed: none of the 2 statements "
                                                u"of 0001 ran"_s))
            << error.toStdString();
        EXPECT_FALSE(error.contains(u"stay applied"_s)) << error.toStdString();
        holder.exec(u"COMMIT"_s);
    }
    QStringList userColumns = state();
    userColumns.removeIf([](const QString &c) { return c.startsWith(u"burrow_migrations."_s); });
    EXPECT_EQ(userColumns, before);
    const CliRun status =
        runCli({u"status"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations()});
    EXPECT_EQ(status.exitCode, 0) << status.err.toStdString();
    EXPECT_TRUE(status.out.contains(u"pending"_s)) << status.out.toStdString();
    appliesOnceReleased();
}

INSTANTIATE_TEST_SUITE_P(Engines, ServerLock,
                         ::testing::Values(Backend::PostgreSQL, Backend::MariaDB),
                         backendParamName);

} // namespace
