#pragma once
// A server of the test's own, started, killed and restarted through tests/servers.sh, and
// stopped (its folder removed) at the end: for what the shared test servers must not go
// through (a crash), or must not be (a server without TLS).
#include "server_support.h"

#include <QTemporaryDir>

namespace burrow::test {

class PrivateServer {
public:
    enum class Tls { On, Off };

    explicit PrivateServer(Backend backend, Tls tls = Tls::On);
    ~PrivateServer();
    PrivateServer(const PrivateServer &) = delete;
    PrivateServer &operator=(const PrivateServer &) = delete;

    /// The admin URL, as tests/servers.sh exports it; empty when the server did not start.
    QByteArray url() const { return m_url.toUtf8(); }
    /// The variable that names the shared server of this engine (TestDatabase reads it).
    const char *urlVariable() const;
    /// SIGKILL to the server process: no shutdown, no flush, no goodbye to the clients.
    void kill() const;
    void restart() const;

private:
    QString folder() const;
    QString script(const QStringList &arguments) const;

    Backend m_backend;
    Tls m_tls;
    QTemporaryDir m_parent;
    QString m_url;
};

} // namespace burrow::test
