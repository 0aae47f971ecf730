// Ctrl-C during a long statement on a server: the statement is interrupted from a second
// session at once (not after it ends), and what the database keeps is exactly what Burrow says.
#include "process_support.h"
#include "server_support.h"

#include <QThread>

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class ServerCancel : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        ASSERT_TRUE(QDir().mkpath(migrations()));
        const QByteArray sleep =
            GetParam() == Backend::PostgreSQL ? "SELECT pg_sleep(60);" : "SELECT SLEEP(60);";
        dir.write(u"migrations/0001_slow.sql"_s,
                  "-- migrate:up\nCREATE TABLE genre (id INTEGER PRIMARY KEY);\n" + sleep +
                      "\nCREATE TABLE late (id INTEGER);\n-- migrate:down\n");
    }
    QString migrations() const { return dir.path(u"migrations"_s); }
    QStringList tables()
    {
        return db.rows(GetParam() == Backend::PostgreSQL
                           ? u"SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                             u"ORDER BY 1"_s
                           : u"SELECT table_name FROM information_schema.tables WHERE "
                             u"table_schema = DATABASE() ORDER BY 1"_s);
    }
    /// Runs the apply, interrupts it one second into its sleep, and says how long it took.
    CliRun interruptedApply(qint64 &elapsedMs)
    {
        QElapsedTimer timer;
        CliProcess apply({u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations(),
                          u"--no-backup"_s, u"--no-rehearsal"_s});
        EXPECT_TRUE(apply.waitForError(u"applying "_s, 60000));
        QThread::msleep(1000);
        timer.start();
        apply.signal(SIGINT);
        const CliRun run = apply.finish(30000);
        elapsedMs = timer.elapsed();
        return run;
    }

    TestDatabase db{GetParam()};
    TempDir dir;
};

TEST_P(ServerCancel, ctrl_c_interrupts_the_running_statement_and_says_what_stays)
{
    qint64 elapsedMs = 0;
    const CliRun run = interruptedApply(elapsedMs);
    EXPECT_EQ(run.exitCode, 1) << run.err.toStdString();
    EXPECT_LT(elapsedMs, 20000) << "the 60 s statement was not interrupted";
    EXPECT_TRUE(run.err.contains(u"cancelled"_s)) << run.err.toStdString();
    EXPECT_FALSE(tables().contains(u"late"_s)) << "a statement after the cancel ran";
    if (GetParam() == Backend::PostgreSQL) {
        // One transaction: the table created before the cancel is rolled back with it.
        EXPECT_FALSE(tables().contains(u"genre"_s));
        EXPECT_FALSE(tables().contains(u"burrow_migrations"_s));
    } else {
        // DDL commits on its own: the table stays, and the history says how far it got.
        EXPECT_TRUE(run.err.contains(u"1 of 3 statements ran"_s)) << run.err.toStdString();
        EXPECT_TRUE(tables().contains(u"genre"_s));
        EXPECT_EQ(db.rows(u"SELECT status, statements_applied FROM burrow_migrations"_s),
                  QStringList{u"failed|1"_s});
    }
}

INSTANTIATE_TEST_SUITE_P(Engines, ServerCancel,
                         ::testing::Values(Backend::PostgreSQL, Backend::MariaDB),
                         backendParamName);

} // namespace
