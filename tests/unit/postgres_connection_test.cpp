// Connecting to PostgreSQL: every failure is one clear line (exit 2), never a hang, never the
// password.
#include "qt_printing.h"
#include "server_support.h"
#include "test_support.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QUrl>

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kSecret = u"Sup3r-Secret-pw"_s;

/// A listening TCP port on 127.0.0.1 that never answers (nobody accepts): the server hangs.
class SilentPort {
public:
    SilentPort()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        auto *generic = reinterpret_cast<sockaddr *>(&address);
        if (::bind(m_fd, generic, length) == 0 && ::listen(m_fd, 4) == 0 &&
            ::getsockname(m_fd, generic, &length) == 0)
            m_port = ntohs(address.sin_port);
    }
    ~SilentPort() { ::close(m_fd); }
    SilentPort(const SilentPort &) = delete;
    SilentPort &operator=(const SilentPort &) = delete;
    int port() const { return m_port; }

private:
    int m_fd = -1;
    int m_port = 0;
};

/// A port on 127.0.0.1 where nothing listens.
int closedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    auto *generic = reinterpret_cast<sockaddr *>(&address);
    ::bind(fd, generic, length);
    ::getsockname(fd, generic, &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

/// Runs `diff` against `url` and checks the contract for errors: exit 2, nothing on stdout,
/// one line on stderr mentioning each of `mentions`, and no password.
CliRun expectOneLineError(const QString &url, const QStringList &mentions)
{
    TempDir dir;
    const QString model = dir.write(u"model.sql"_s, "CREATE TABLE t (id int);\n");
    const CliRun run = runCli({u"diff"_s, u"--db"_s, url, u"--model"_s, model});
    EXPECT_EQ(run.exitCode, 2) << run.out.toStdString() << run.err.toStdString();
    EXPECT_EQ(run.out, QString());
    EXPECT_EQ(run.err.count(u'\n'), 1) << "not one line:\n" << run.err.toStdString();
    for (const QString &mention : mentions)
        EXPECT_TRUE(run.err.contains(mention))
            << "no " << mention.toStdString() << " in: " << run.err.toStdString();
    EXPECT_FALSE(run.err.contains(kSecret)) << run.err.toStdString();
    return run;
}

QUrl serverUrlWith(const TestDatabase &db, const QString &password)
{
    QUrl url(db.url());
    url.setPassword(password);
    return url;
}

} // namespace

TEST(PostgresConnection, a_wrong_password_is_named_and_never_shown)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    expectOneLineError(serverUrlWith(db, kSecret).toString(),
                       {u"rejected the password for user"_s, u"BURROW_DB_PASSWORD"_s});
}

TEST(PostgresConnection, an_unknown_database_is_named)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    QUrl url(db.url());
    url.setPath(u"/no_such_database_here"_s);
    expectOneLineError(url.toString(), {u"database \"no_such_database_here\" does not exist"_s});
}

TEST(PostgresConnection, a_closed_port_is_refused_at_once)
{
    QElapsedTimer timer;
    timer.start();
    const QString port = QString::number(closedPort());
    expectOneLineError(u"postgresql://app:"_s + kSecret + u"@127.0.0.1:"_s + port + u"/shop"_s,
                       {u"127.0.0.1:"_s + port, u"connection refused"_s});
    EXPECT_LT(timer.elapsed(), 5000);
}

TEST(PostgresConnection, a_server_that_never_answers_times_out)
{
    const SilentPort silent;
    ASSERT_GT(silent.port(), 0);
    QElapsedTimer timer;
    timer.start();
    expectOneLineError(u"postgresql://app:"_s + kSecret + u"@127.0.0.1:"_s +
                           QString::number(silent.port()) + u"/shop?connect_timeout=2"_s,
                       {u"no answer from PostgreSQL"_s, u"connect_timeout"_s});
    EXPECT_GE(timer.elapsed(), 1500);
    EXPECT_LT(timer.elapsed(), 10000);
}

TEST(PostgresConnection, an_unroutable_address_fails_within_the_timeout)
{
    // Depending on the network this times out or is refused by a proxy: never a hang.
    QElapsedTimer timer;
    timer.start();
    expectOneLineError(u"postgresql://app:"_s + kSecret + u"@10.255.255.1/shop?connect_timeout=2"_s,
                       {u"10.255.255.1"_s});
    EXPECT_LT(timer.elapsed(), 10000);
}

TEST(PostgresConnection, an_unknown_url_parameter_is_named)
{
    expectOneLineError(u"postgresql://app:"_s + kSecret + u"@127.0.0.1/shop?colour=blue"_s,
                       {u"?colour="_s, u"?schema="_s});
}

TEST(PostgresConnection, a_socket_folder_in_the_url_connects)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE TABLE t (id int)"_s);
    const QString socketFolder =
        db.rows(u"SHOW unix_socket_directories"_s).value(0).section(u',', 0, 0).trimmed();
    ASSERT_FALSE(socketFolder.isEmpty());
    QUrl url(db.url());
    url.setHost({});
    const QString text = url.toString() + u"?host="_s + socketFolder;
    TempDir dir;
    const QString model = dir.write(u"model.sql"_s, "CREATE TABLE t (id int);\n");
    const CliRun run = runCli({u"diff"_s, u"--db"_s, text, u"--model"_s, model});
    EXPECT_EQ(run.exitCode, 0) << text.toStdString() << ": " << run.err.toStdString();
}

TEST(PostgresConnection, a_user_without_connect_privilege_is_told_which_grant_is_missing)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    const QString role = u"burrow_nocon_"_s + QString::number(QCoreApplication::applicationPid());
    db.exec(u"DROP ROLE IF EXISTS "_s + role + u";CREATE ROLE "_s + role + u" LOGIN PASSWORD '"_s +
            kSecret + u"';REVOKE CONNECT ON DATABASE \""_s + db.name() + u"\" FROM PUBLIC"_s);
    QUrl url(db.url());
    url.setUserName(role);
    url.setPassword(kSecret);
    expectOneLineError(url.toString(), {u"may not connect to database"_s, u"GRANT CONNECT"_s});
    db.exec(u"DROP ROLE "_s + role);
}
