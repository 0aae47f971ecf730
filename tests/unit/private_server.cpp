#include "private_server.h"

#include "test_support.h"

#include <QFile>
#include <QProcess>

#include <csignal>

namespace burrow::test {

PrivateServer::PrivateServer(Backend backend, Tls tls)
    : m_backend(backend)
    , m_tls(tls)
{
    // The server's own user must reach its folder inside ours.
    QFile::setPermissions(m_parent.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                               QFile::ReadGroup | QFile::ExeGroup |
                                               QFile::ReadOther | QFile::ExeOther);
    const QString engine =
        backend == Backend::PostgreSQL ? QStringLiteral("postgres") : QStringLiteral("mariadb");
    const QString exports = script({QStringLiteral("start"), folder(), engine});
    // export BURROW_TEST_…_URL='…' (the TLS folder's line comes first).
    const qsizetype start = exports.indexOf(u"_URL='");
    if (start >= 0)
        m_url = exports.mid(start + 6, exports.indexOf(u'\'', start + 6) - start - 6);
}

PrivateServer::~PrivateServer()
{
    script({QStringLiteral("stop"), folder()});
}

const char *PrivateServer::urlVariable() const
{
    return m_backend == Backend::PostgreSQL ? "BURROW_TEST_POSTGRES_URL"
                                            : "BURROW_TEST_MARIADB_URL";
}

void PrivateServer::kill() const
{
    const QString pidFile = folder() + (m_backend == Backend::PostgreSQL
                                            ? QStringLiteral("/postgres/data/postmaster.pid")
                                            : QStringLiteral("/mariadb/mysqld.pid"));
    const QByteArray pid = readBytes(pidFile).split('\n').value(0).trimmed();
    ASSERT_FALSE(pid.isEmpty()) << pidFile.toStdString();
    ASSERT_EQ(::kill(pid_t(pid.toInt()), SIGKILL), 0);
}

void PrivateServer::restart() const
{
    script({QStringLiteral("restart"), folder()});
}

QString PrivateServer::folder() const
{
    return m_parent.path() + u"/servers";
}

QString PrivateServer::script(const QStringList &arguments) const
{
    QProcess run;
    if (m_tls == Tls::Off) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("BURROW_SERVERS_TLS"), QStringLiteral("off"));
        run.setProcessEnvironment(environment);
    }
    run.start(QStringLiteral(BURROW_TEST_DATA "/../servers.sh"), arguments);
    EXPECT_TRUE(run.waitForFinished(120000));
    EXPECT_EQ(run.exitCode(), 0) << run.readAllStandardError().toStdString();
    return QString::fromUtf8(run.readAllStandardOutput());
}

} // namespace burrow::test
