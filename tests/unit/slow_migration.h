#pragma once

// A migration whose third statement sleeps, for the tests that end Burrow's session or the whole
// server while it runs: the table it starts from, the state a user sees, and the CLI's error.
#include "server_support.h"
#include "test_support.h"

#include <QDir>

#include <gtest/gtest.h>

namespace burrow::test {

class SlowMigration {
public:
    /// `marker` names the slow statement, so that a test finds exactly its session.
    SlowMigration(TestDatabase &db, const TempDir &dir, QByteArray marker)
        : m_db(db)
        , m_dir(dir)
        , m_marker(std::move(marker))
    {
    }

    /// The author table with two rows, and the migration sleeping 60 s.
    void setUp()
    {
        m_db.exec(QStringLiteral("CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(80) "
                                 "NOT NULL); INSERT INTO author VALUES (1, 'Le Guin'); "
                                 "INSERT INTO author VALUES (2, 'Herbert')"));
        ASSERT_TRUE(QDir().mkpath(migrations()));
        write(60);
    }
    bool postgres() const { return m_db.backend() == Backend::PostgreSQL; }
    QString migrations() const { return m_dir.path(QStringLiteral("migrations")); }

    /// The migration, its slow statement sleeping `seconds` (0 once the test is done with it).
    void write(int seconds) const
    {
        const QByteArray sleep = (postgres() ? "pg_sleep(" : "SLEEP(") +
                                 QByteArray::number(seconds) + ") AS " + m_marker;
        m_dir.write(QStringLiteral("migrations/0001_slow.sql"),
                    "-- migrate:up\n"
                    "CREATE TABLE genre (id INTEGER PRIMARY KEY);\n"
                    "ALTER TABLE author ADD COLUMN born INTEGER;\n"
                    "SELECT " +
                        sleep +
                        ";\n"
                        "CREATE TABLE late (id INTEGER);\n"
                        "-- migrate:down\n");
    }
    QStringList applyArguments(const QStringList &more = {}) const
    {
        return QStringList{QStringLiteral("apply"), QStringLiteral("--db"), m_db.url(),
                           QStringLiteral("--migrations"), migrations()} +
               more;
    }
    CliRun cli(const QString &command, const QStringList &more = {}) const
    {
        return runCli(QStringList{command, QStringLiteral("--db"), m_db.url(),
                                  QStringLiteral("--migrations"), migrations()} +
                      more);
    }
    /// The user-visible state: tables with their columns, and the authors.
    QStringList state() const
    {
        return m_db.columnNames() +
               m_db.rows(QStringLiteral("SELECT id, name FROM author ORDER BY id"));
    }
    bool hasHistory() const
    {
        return !state().filter(QStringLiteral("burrow_migrations.")).isEmpty();
    }
    /// The id of the session running the slow statement in `databaseLike` (a LIKE pattern);
    /// empty if it does not show up within a minute.
    QString slowSession(ServerSession &watcher, const QString &databaseLike) const
    {
        const QString marker = QString::fromLatin1(m_marker);
        const QString query =
            postgres() ? QString(u"SELECT pid FROM pg_stat_activity WHERE datname LIKE '" +
                                 databaseLike + u"' AND state = 'active' AND query LIKE '%" +
                                 marker + u"%' AND pid <> pg_backend_pid()")
                       : QString(u"SELECT ID FROM information_schema.PROCESSLIST WHERE DB LIKE '" +
                                 databaseLike + u"' AND INFO LIKE '%" + marker +
                                 u"%' AND ID <> CONNECTION_ID()");
        return watcher.waitForRow(query, 60000);
    }
    /// `burrow-cli status` succeeds and calls the migration `word` (pending, failed).
    void expectStatus(const QString &word) const
    {
        const CliRun status = cli(QStringLiteral("status"));
        EXPECT_EQ(status.exitCode, 0) << status.err.toStdString();
        EXPECT_TRUE(status.out.contains(word)) << status.out.toStdString();
    }
    /// The error line the CLI printed: exactly one, as the contract says.
    static QString errorLine(const CliRun &run)
    {
        const QStringList lines = run.err.split(u'\n').filter(QStringLiteral("burrow-cli: error:"));
        EXPECT_EQ(lines.size(), 1) << run.err.toStdString();
        return lines.value(0);
    }
    /// With the slow statement made quick, apply now finishes: nothing was left locked.
    void applyFinishesAfterwards() const
    {
        write(0);
        const CliRun again = cli(QStringLiteral("apply"));
        EXPECT_EQ(again.exitCode, 0) << again.err.toStdString();
        EXPECT_TRUE(state().contains(QStringLiteral("late.id")));
    }

private:
    TestDatabase &m_db;
    const TempDir &m_dir;
    QByteArray m_marker;
};

} // namespace burrow::test
