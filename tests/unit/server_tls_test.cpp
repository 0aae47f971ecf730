// TLS on both servers (tests/servers.sh gives them certificates from a test CA). What a user
// puts in the URL reaches Burrow's own connection and the client tools alike: a diff that works
// while the backup's pg_dump looks for ~/.postgresql/root.crt, or logs in without the client
// certificate, would stop every apply at its backup. A MySQL/MariaDB URL's TLS parameters are
// honoured, a misspelt one is refused rather than ignored (it would connect in plain text), and a
// wrong CA or key says which parameter to fix. A server that offers no TLS is refused when the
// URL asks for it, never reached in plain text.
#include "private_server.h"
#include "server_support.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QUrl>
#include <QUrlQuery>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using Parameters = QList<QPair<QString, QString>>;

QString tlsFile(const QString &name)
{
    return qEnvironmentVariable("BURROW_TEST_TLS_DIR") + u'/' + name;
}

class ServerTls : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        if (qEnvironmentVariableIsEmpty("BURROW_TEST_TLS_DIR")) {
            if (serversRequired())
                FAIL() << "BURROW_TEST_TLS_DIR is not set (tests/servers.sh start sets it)";
            GTEST_SKIP() << "test servers without TLS";
        }
        db.exec(u"CREATE TABLE t (x int); INSERT INTO t VALUES (1)"_s);
        ASSERT_TRUE(QDir().mkpath(migrations()));
        dir.write(u"migrations/0001_more.sql"_s,
                  "-- migrate:up\nINSERT INTO t VALUES (2);\n-- migrate:down\n");
    }

    bool postgres() const { return GetParam() == Backend::PostgreSQL; }
    QString migrations() const { return dir.path(u"migrations"_s); }

    /// The test database's URL with `parameters`, as `user` (the admin user when empty).
    QString url(const Parameters &parameters, const QString &user = {},
                const QString &password = {}) const
    {
        QUrl url(db.url());
        if (!user.isEmpty()) {
            url.setUserName(user);
            url.setPassword(password);
        }
        QUrlQuery query;
        for (const auto &[name, value] : parameters)
            query.addQueryItem(name, value);
        url.setQuery(query);
        return url.toString();
    }
    /// The server's certificate checked against the test CA.
    Parameters verified() const
    {
        if (postgres())
            return {{u"sslmode"_s, u"verify-full"_s}, {u"sslrootcert"_s, tlsFile(u"ca.crt"_s)}};
        return {{u"ssl_ca"_s, tlsFile(u"ca.crt"_s)}};
    }
    /// verified(), logging in with the client certificate and `key`: as burrow_cert, whom both
    /// servers let in by that certificate alone (tests/servers.sh).
    Parameters withCertificate(const QString &key = u"client.key"_s) const
    {
        Parameters parameters = verified();
        parameters.append({postgres() ? u"sslcert"_s : u"ssl_cert"_s, tlsFile(u"client.crt"_s)});
        parameters.append({postgres() ? u"sslkey"_s : u"ssl_key"_s, tlsFile(key)});
        return parameters;
    }
    /// Applies the migration with its backup over `dbUrl`, then restores that backup.
    void applyAndRestore(const QString &dbUrl)
    {
        const CliRun applied =
            runCli({u"apply"_s, u"--db"_s, dbUrl, u"--migrations"_s, migrations()});
        ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
        EXPECT_EQ(db.rows(u"SELECT x FROM t ORDER BY x"_s), (QStringList{u"1"_s, u"2"_s}));
        const QStringList backups =
            QDir(migrations() + u"/backups"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        ASSERT_EQ(backups.size(), 1);
        const CliRun restored =
            runCli({u"restore"_s, u"--db"_s, dbUrl, u"--from"_s,
                    migrations() + u"/backups/"_s + backups.first(), u"--yes"_s});
        ASSERT_EQ(restored.exitCode, 0) << restored.err.toStdString();
        EXPECT_EQ(db.rows(u"SELECT x FROM t"_s), QStringList{u"1"_s});
    }
    CliRun diff(const QString &dbUrl)
    {
        return runCli({u"diff"_s, u"--db"_s, dbUrl, u"--model"_s,
                       dir.write(u"model.sql"_s, "CREATE TABLE t (x int);\n")});
    }

    TestDatabase db{GetParam()};
    TempDir dir;
};

TEST_P(ServerTls, applies_backs_up_and_restores_with_the_server_certificate_verified)
{
    applyAndRestore(url(verified()));
}

TEST_P(ServerTls, the_tools_log_in_with_the_client_certificate_too)
{
    applyAndRestore(url(withCertificate(), u"burrow_cert"_s));
}

TEST_P(ServerTls, a_wrong_certificate_authority_names_the_parameter_to_fix)
{
    // The client's certificate is no CA of the server's.
    Parameters parameters = verified();
    parameters.last().second = tlsFile(u"client.crt"_s);
    const QString key = parameters.last().first;
    const CliRun run = diff(url(parameters));
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains(u"?"_s + key + u"= must name the CA"_s)) << run.err.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Servers, ServerTls,
                         ::testing::Values(Backend::PostgreSQL, Backend::MariaDB),
                         backendParamName);

class PostgresTls : public ServerTls {};

TEST_P(PostgresTls, a_locked_key_opens_with_its_passphrase_in_the_tools_too)
{
    QFile passphrase(tlsFile(u"passphrase"_s));
    ASSERT_TRUE(passphrase.open(QIODevice::ReadOnly));
    Parameters parameters = withCertificate(u"client-locked.key"_s);
    parameters.append({u"sslpassword"_s, QString::fromUtf8(passphrase.readAll().trimmed())});
    applyAndRestore(url(parameters, u"burrow_cert"_s));

    parameters.last().second = u"not-the-passphrase"_s;
    const CliRun wrong = diff(url(parameters, u"burrow_cert"_s));
    EXPECT_EQ(wrong.exitCode, 2);
    EXPECT_TRUE(wrong.err.contains(u"?sslpassword= must be the passphrase"_s))
        << wrong.err.toStdString();
}

TEST_P(PostgresTls, a_certificate_authority_named_without_a_mode_is_checked)
{
    // libpq's default mode (prefer) would take a server that fails the check in plain text.
    EXPECT_EQ(diff(url({{u"sslrootcert"_s, tlsFile(u"ca.crt"_s)}})).exitCode, 0);
    applyAndRestore(url({{u"sslrootcert"_s, tlsFile(u"ca.crt"_s)}}));

    const CliRun wrong = diff(url({{u"sslrootcert"_s, tlsFile(u"client.crt"_s)}}));
    EXPECT_EQ(wrong.exitCode, 2) << "reached without the check: " << wrong.err.toStdString();
    EXPECT_TRUE(wrong.err.contains(u"?sslrootcert= must name the CA"_s)) << wrong.err.toStdString();

    // A mode the user gives stays theirs, prefer too.
    const CliRun preferred =
        diff(url({{u"sslmode"_s, u"prefer"_s}, {u"sslrootcert"_s, tlsFile(u"client.crt"_s)}}));
    EXPECT_EQ(preferred.exitCode, 0) << preferred.err.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Server, PostgresTls, ::testing::Values(Backend::PostgreSQL),
                         backendParamName);

class MariadbTls : public ServerTls {};

TEST_P(MariadbTls, a_misspelt_parameter_is_refused_rather_than_ignored)
{
    const CliRun run = diff(url({{u"ssl-ca"_s, tlsFile(u"ca.crt"_s)}}));
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains(u"unknown parameter ?ssl-ca="_s)) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(u"?ssl_ca="_s)) << "names the right spelling";
}

TEST_P(MariadbTls, ssl_on_encrypts_without_checking_the_server)
{
    // burrow_tls may log in only over TLS: a URL whose ?ssl=on were ignored would fail.
    db.exec(u"CREATE USER IF NOT EXISTS 'burrow_tls'@'127.0.0.1' IDENTIFIED BY 'tls-only' "
            u"REQUIRE SSL;"
            u"GRANT ALL PRIVILEGES ON *.* TO 'burrow_tls'@'127.0.0.1'"_s);
    applyAndRestore(url({{u"ssl"_s, u"on"_s}}, u"burrow_tls"_s, u"tls-only"_s));

    const CliRun contradiction =
        diff(url({{u"ssl"_s, u"off"_s}, {u"ssl_ca"_s, tlsFile(u"ca.crt"_s)}}));
    EXPECT_EQ(contradiction.exitCode, 2);
    EXPECT_TRUE(contradiction.err.contains(u"?ssl=off contradicts"_s))
        << contradiction.err.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Server, MariadbTls, ::testing::Values(Backend::MariaDB), backendParamName);

TEST(ServerWithoutTls, a_url_that_asks_for_tls_is_refused_rather_than_sent_in_plain_text)
{
    for (const Backend backend : {Backend::PostgreSQL, Backend::MariaDB}) {
        SCOPED_TRACE(backendName(backend));
        const PrivateServer server(backend, PrivateServer::Tls::Off);
        ASSERT_FALSE(server.url().isEmpty()) << "the test's own server did not start";
        TempDir dir;
        const QString model = dir.write(u"model.sql"_s, "CREATE TABLE t (x int);\n");
        QUrl url(QString::fromUtf8(server.url()));
        const CliRun plain = runCli({u"diff"_s, u"--db"_s, url.toString(), u"--model"_s, model});
        EXPECT_EQ(plain.exitCode, 1) << "the server is there: " << plain.err.toStdString();

        url.setQuery(backend == Backend::PostgreSQL ? u"sslmode=require"_s : u"ssl=on"_s);
        const CliRun asked = runCli({u"diff"_s, u"--db"_s, url.toString(), u"--model"_s, model});
        EXPECT_EQ(asked.exitCode, 2);
        EXPECT_TRUE(asked.err.contains(backend == Backend::PostgreSQL
                                           ? u"server does not support SSL"_s
                                           : u"did not encrypt the connection"_s))
            << asked.err.toStdString();
        if (backend == Backend::PostgreSQL) {
            url.setQuery(u"sslrootcert="_s + tlsFile(u"ca.crt"_s));
            const CliRun named =
                runCli({u"diff"_s, u"--db"_s, url.toString(), u"--model"_s, model});
            EXPECT_EQ(named.exitCode, 2) << "a named CA asks for TLS too";
        }
    }
}

} // namespace
