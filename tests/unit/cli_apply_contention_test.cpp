// burrow-cli apply against someone else: a second apply at the same time, and another
// connection holding a lock on the database. Each gives a clear error and loses nothing.
#include "dialect/sqlite/sqlite_dialect.h"
#include "migration/apply.h"
#include "process_support.h"

#include <QElapsedTimer>
#include <QThread>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kParents = 100000;
/// Room for starting the CLI (slower in the sanitizer build) on top of the waits it is allowed.
constexpr qint64 kStartupAllowanceMs = 10000;

/// Waits until `pid` is stopped; false when it ends first or within 5 s it is not.
bool waitUntilStopped(qint64 pid)
{
    for (int i = 0; i < 500; ++i) {
        if (isStopped(pid))
            return true;
        QThread::msleep(10);
    }
    return false;
}

class ReliabilityConcurrentApply : public ::testing::Test {
protected:
    void SetUp() override
    {
        createLargeDatabase(dir.path(u"old.sqlite3"_s), kParents);
        planLargeRebuild(dir, dir.path(u"old.sqlite3"_s), dir.path(u"plan"_s));
        const QString migration = dir.path(u"plan/"_s) + kLargeRebuildFile;
        db = copyForApply(dir.path(u"old.sqlite3"_s), migration, dir.path(u"shared"_s));
        // The new state: the migration applied to completion on a copy of its own.
        const QString reference =
            copyForApply(dir.path(u"old.sqlite3"_s), migration, dir.path(u"reference"_s));
        const CliRun applied =
            runCli(applyArguments(reference, dir.path(u"reference/migrations"_s)));
        ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
        newState = databaseState(reference);
    }

    TempDir dir;
    QString db;
    QString migrations = dir.path(u"shared/migrations"_s);
    DatabaseState newState;
};

TEST_F(ReliabilityConcurrentApply, the_second_apply_waits_then_names_the_running_one_and_exits_2)
{
    CliProcess first(applyArguments(db, migrations));
    const qint64 firstPid = first.pid();
    ASSERT_TRUE(first.waitForError(u"applying "_s, 120000)) << first.finish().err.toStdString();
    // Paused mid-migration, the first apply holds its lock for as long as the second needs.
    first.signal(SIGSTOP);
    ASSERT_TRUE(waitUntilStopped(firstPid))
        << "the first apply ended before it could be paused: make its table larger";
    QElapsedTimer timer;
    timer.start();
    const CliRun second = runCli(applyArguments(db, migrations));
    const qint64 waited = timer.elapsed();
    first.signal(SIGCONT);
    const CliRun firstRun = first.finish();

    EXPECT_EQ(second.exitCode, 2) << second.err.toStdString();
    EXPECT_TRUE(second.err.contains(u"another apply is running on this database (process "_s +
                                    QString::number(firstPid) + u' '))
        << second.err.toStdString();
    EXPECT_FALSE(second.err.contains(u"applying"_s)) << second.err.toStdString();
    EXPECT_GE(waited, migration::kLockWaitMs) << "it did not wait for the lock";
    EXPECT_LT(waited, migration::kLockWaitMs + kStartupAllowanceMs);
    EXPECT_EQ(firstRun.exitCode, 0) << firstRun.err.toStdString();
    EXPECT_TRUE(firstRun.out.contains(u"Applied 1 migration."_s)) << firstRun.out.toStdString();
    EXPECT_EQ(databaseState(db), newState);
    EXPECT_EQ(historyRows(db), QStringList{u"0001:applied"_s});
    EXPECT_EQ(backupFolders(migrations).size(), 1) << "the second apply took a backup";
}

const QByteArray kBooks = "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT);\n"
                          "INSERT INTO book VALUES (1, 'Dune');\n";
const QByteArray kAddPrice = "-- migrate:up\nALTER TABLE book ADD COLUMN price NUMERIC;\n"
                             "-- migrate:down\nALTER TABLE book DROP COLUMN price;\n";

/// Another connection holds a lock on the database (`begin`), with a write of its own pending.
class ReliabilityLockedDatabase : public ::testing::Test {
protected:
    void SetUp() override
    {
        createDatabase(db, kBooks);
        ASSERT_TRUE(QDir().mkpath(migrations));
        dir.write(u"migrations/0001_price.sql"_s, kAddPrice);
    }
    /// Applies while `holder` is in a transaction opened by `begin`; the run and its duration.
    /// Nothing in this process may open the database file meanwhile: closing any descriptor of
    /// it would drop the holder's POSIX locks.
    CliRun applyWhileHeld(const QByteArray &begin, qint64 *elapsedMs) const
    {
        const SqliteFile holder(db);
        EXPECT_EQ(holder.exec(begin), SQLITE_OK);
        EXPECT_EQ(holder.exec("INSERT INTO book VALUES (2, 'Emma')"), SQLITE_OK);
        QElapsedTimer timer;
        timer.start();
        const CliRun r = runCli(applyArguments(db, migrations));
        *elapsedMs = timer.elapsed();
        EXPECT_EQ(holder.exec("COMMIT"), SQLITE_OK) << "the holder lost its transaction";
        return r;
    }
    /// The other connection's write survived, nothing was recorded, and apply works again.
    void expectNothingLost()
    {
        EXPECT_EQ(integrityCheck(db), u"ok"_s);
        EXPECT_EQ(SqliteFile(db).rows("SELECT * FROM book ORDER BY id"),
                  (QStringList{u"1|Dune"_s, u"2|Emma"_s}));
        EXPECT_EQ(historyRows(db), QStringList{});
        const CliRun again = runCli(applyArguments(db, migrations));
        EXPECT_EQ(again.exitCode, 0) << again.err.toStdString();
        EXPECT_EQ(historyRows(db), QStringList{u"0001:applied"_s});
    }

    TempDir dir;
    QString db = dir.path(u"app.sqlite3"_s);
    QString migrations = dir.path(u"migrations"_s);
};

constexpr qint64 kBoundMs = dialect::sqlite::SqliteDialect::kBusyTimeoutMs + kStartupAllowanceMs;

TEST_F(ReliabilityLockedDatabase, held_exclusively_apply_says_locked_and_what_to_do_in_bounded_time)
{
    qint64 elapsed = 0;
    const CliRun r = applyWhileHeld("BEGIN EXCLUSIVE", &elapsed);
    EXPECT_EQ(r.exitCode, 2) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"locked"_s)) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"retry when"_s)) << r.err.toStdString();
    EXPECT_FALSE(r.err.contains(u"applying"_s)) << r.err.toStdString();
    EXPECT_LT(elapsed, kBoundMs);
    std::cout << "[ locked   ] apply gave up after " << elapsed << " ms" << std::endl;
    expectNothingLost();
}

TEST_F(ReliabilityLockedDatabase,
       with_another_writer_apply_says_locked_and_what_to_do_in_bounded_time)
{
    qint64 elapsed = 0;
    const CliRun r = applyWhileHeld("BEGIN IMMEDIATE", &elapsed);
    EXPECT_NE(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"locked"_s)) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"retry when"_s)) << r.err.toStdString();
    EXPECT_LT(elapsed, kBoundMs);
    std::cout << "[ locked   ] apply gave up after " << elapsed << " ms" << std::endl;
    expectNothingLost();
}

} // namespace
