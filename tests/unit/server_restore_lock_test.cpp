// A restore while another session holds a table (an open transaction that read it, the usual
// forgotten session): the restore gives up after the lock timeout instead of waiting for ever,
// names the table, and loses nothing. PostgreSQL restores in one transaction, so the database
// is unchanged; MariaDB cannot, so the sealed safety copy stays and the error says where.
#include "process_support.h"
#include "qt_printing.h"
#include "server_support.h"

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

// Generous for a loaded machine, far below "hangs": the lock is never released by the test.
constexpr qint64 kBoundMs = 15000;

class ServerRestoreLock : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        db.exec(u"CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(80) NOT NULL);"
                u"INSERT INTO author VALUES (1, 'Le Guin')"_s);
        backedUp = state();
        const CliRun backup = runCli({u"backup"_s, u"--db"_s, db.url(), u"--out"_s, backupDir()});
        ASSERT_EQ(backup.exitCode, 0) << backup.err.toStdString();
        db.exec(u"INSERT INTO author VALUES (2, 'Butler')"_s);
        changed = state();
    }
    QString backupDir() const { return dir.path(u"backup"_s); }
    QStringList state() { return db.rows(u"SELECT id, name FROM author ORDER BY id"_s); }
    /// The database's URL with a lock timeout of two seconds.
    QString impatientUrl() const
    {
        return db.url() + (db.url().contains(u'?') ? u"&"_s : u"?"_s) + u"lock_timeout=2"_s;
    }
    CliRun restore(const QString &url)
    {
        return runCli({u"restore"_s, u"--db"_s, url, u"--from"_s, backupDir(), u"--yes"_s});
    }
    QStringList safetyFolders() const
    {
        return QDir(dir.path()).entryList({u"pre-restore-*"_s}, QDir::Dirs);
    }

    TestDatabase db{GetParam()};
    TempDir dir;
    QStringList backedUp, changed;
};

TEST_P(ServerRestoreLock, gives_up_in_time_names_the_table_and_loses_nothing)
{
    {
        ServerSession holder(db);
        holder.exec(u"START TRANSACTION"_s);
        EXPECT_EQ(holder.rows(u"SELECT COUNT(*) FROM author"_s), QStringList{u"2"_s});
        QElapsedTimer timer;
        timer.start();
        const CliRun run = restore(impatientUrl());
        EXPECT_LT(timer.elapsed(), kBoundMs) << run.err.toStdString();
        EXPECT_EQ(run.exitCode, 2) << run.err.toStdString();
        EXPECT_TRUE(run.err.contains(u"table author is locked by "_s)) << run.err.toStdString();
        EXPECT_TRUE(run.err.contains(u"gave up after waiting 2 s"_s)) << run.err.toStdString();
        if (GetParam() == Backend::PostgreSQL) {
            EXPECT_TRUE(run.err.contains(u"the database is unchanged"_s)) << run.err.toStdString();
            EXPECT_TRUE(safetyFolders().isEmpty()) << "a rolled-back restore needs no copy";
        } else {
            ASSERT_EQ(safetyFolders().size(), 1) << run.err.toStdString();
            const QString kept = dir.path(safetyFolders().first());
            EXPECT_TRUE(run.err.contains(QDir::toNativeSeparators(kept))) << run.err.toStdString();
            EXPECT_TRUE(QFileInfo::exists(kept + u"/manifest.json"_s)) << "the copy is sealed";
        }
        holder.exec(u"COMMIT"_s);
    }
    EXPECT_EQ(state(), changed) << "the restore that gave up changed the database";
    const CliRun again = restore(db.url());
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(state(), backedUp);
}

INSTANTIATE_TEST_SUITE_P(Engines, ServerRestoreLock,
                         ::testing::Values(Backend::PostgreSQL, Backend::MariaDB),
                         backendParamName);

} // namespace
