#pragma once

// Test databases on every engine: a fresh SQLite file, or a fresh database on the PostgreSQL or
// MariaDB server that ./dev test starts (tests/servers.sh). Set-up and inspection go through Qt's
// drivers directly, never through the code under test.
#include "dialect/database_url.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <functional>
#include <memory>

namespace burrow::test {

/// The engines a backend test runs on.
enum class Backend { SQLite, PostgreSQL, MariaDB };

std::string backendName(Backend backend);
/// gtest's parameter name printer for Backend.
std::string backendParamName(const ::testing::TestParamInfo<Backend> &info);
/// Every backend, for INSTANTIATE_TEST_SUITE_P.
inline auto allBackends()
{
    return ::testing::Values(Backend::SQLite, Backend::PostgreSQL, Backend::MariaDB);
}

/// The admin URL of a test server (from BURROW_TEST_POSTGRES_URL / BURROW_TEST_MARIADB_URL),
/// or empty when none was started.
QString serverUrl(Backend backend);

/// Whether a missing server fails the test (./dev test sets BURROW_REQUIRE_SERVERS=1) rather
/// than skipping it (a developer running one test binary by hand without servers).
bool serversRequired();

/// A fresh, empty database for one test, dropped when it goes. `url()` is the URL Burrow takes;
/// `exec()` and `rows()` run SQL on it through Qt's own driver, each on a new connection (a
/// restored SQLite file is a new file: an open connection would still see the old one).
class TestDatabase {
public:
    explicit TestDatabase(Backend backend);
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    /// False when the backend's server is not running (the test should skip or fail).
    bool available() const { return m_available; }
    Backend backend() const { return m_backend; }
    /// The database's URL with its password, as a user would pass it.
    QString url() const { return m_url; }
    /// The database's name on the server (the file path on SQLite).
    QString name() const { return m_name; }

    /// Runs each `;`-separated statement (no `;` inside them); fails the test on an error.
    void exec(const QString &statements);
    /// Every row of `query`, columns joined by '|'.
    QStringList rows(const QString &query);
    /// Every column of every table as "table.column", sorted.
    QStringList columnNames();
    /// Runs each statement as it is (names may hold `;`); fails the test on an error.
    void execEach(const QStringList &statements);
    /// Runs one statement that may fail (a constraint the test expects to hold): whether it ran.
    bool tryExec(const QString &statement);

private:
    /// Runs `work` on a new connection to the database, closed afterwards.
    void withConnection(const std::function<void(QSqlDatabase &)> &work);

    Backend m_backend;
    bool m_available = false;
    QString m_url, m_name, m_connectionName;
    std::unique_ptr<QTemporaryDir> m_dir;
};

/// The databases on `db`'s server named like `pattern` (SQL LIKE) that `before` did not hold,
/// once those that tests running at the same time create and drop have gone (up to 15 s): the
/// server is shared, so only one that stays was left behind.
QStringList leftoverDatabases(TestDatabase &db, const QString &pattern, const QStringList &before);

/// The databases on `db`'s server named like `pattern` (SQL LIKE) now.
QStringList databasesLike(TestDatabase &db, const QString &pattern);

/// A client of the test's own on a test server database, connected while it lives: it holds
/// locks (an open transaction, LOCK TABLES) and ends sessions, as another program would.
class ServerSession {
public:
    explicit ServerSession(const TestDatabase &db);
    ~ServerSession();
    ServerSession(const ServerSession &) = delete;
    ServerSession &operator=(const ServerSession &) = delete;

    /// Runs one statement; fails the test on an error.
    void exec(const QString &sql);
    /// Every row of `query`, columns joined by '|'.
    QStringList rows(const QString &query);
    /// Polls `query` every 50 ms until it returns a row; its first value, or empty after
    /// `timeoutMs` (a session to watch for, say).
    QString waitForRow(const QString &query, int timeoutMs);

private:
    QString m_connectionName;
};

} // namespace burrow::test

/// Opens `db` for a backend test: skips when its server is not running and the run allows it,
/// fails when ./dev test should have started it.
#define BURROW_REQUIRE_BACKEND(db)                                                                 \
    do {                                                                                           \
        if (!(db).available()) {                                                                   \
            if (::burrow::test::serversRequired())                                                 \
                FAIL() << ::burrow::test::backendName((db).backend())                              \
                       << " test server not running (tests/servers.sh start)";                     \
            GTEST_SKIP() << ::burrow::test::backendName((db).backend())                            \
                         << " server not started; ./dev test starts it";                           \
        }                                                                                          \
    } while (false)
