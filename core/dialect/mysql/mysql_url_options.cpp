#include "mysql_url_options.h"

#include "mysql_connection.h"

#include <algorithm>

namespace burrow::dialect::mysql {
namespace {

const QString kSsl = QStringLiteral("ssl");
const QString kCa = QStringLiteral("ssl_ca");

/// A certificate file of the URL, and how Qt's driver and the client tools name it.
struct TlsFile {
    QString parameter, driverOption, clientOption;
};

const QList<TlsFile> &tlsFiles()
{
    static const QList<TlsFile> files{
        {kCa, QStringLiteral("SSL_CA"), QStringLiteral("ssl-ca")},
        {QStringLiteral("ssl_cert"), QStringLiteral("SSL_CERT"), QStringLiteral("ssl-cert")},
        {QStringLiteral("ssl_key"), QStringLiteral("SSL_KEY"), QStringLiteral("ssl-key")},
    };
    return files;
}

const QStringList &knownParameters()
{
    static const QStringList names = [] {
        QStringList list{QStringLiteral("unix_socket"), QStringLiteral("connect_timeout"),
                         QStringLiteral("lock_timeout"), kSsl};
        for (const TlsFile &file : tlsFiles())
            list.append(file.parameter);
        return list;
    }();
    return names;
}

Error parameterError(const QString &message, const QString &hint)
{
    return Error{Error::Code::InvalidArgument, message, {}, 0, {}, hint};
}

bool hasTlsFile(const DatabaseUrl &url)
{
    return std::any_of(tlsFiles().cbegin(), tlsFiles().cend(), [&](const TlsFile &file) {
        return url.parameters.contains(file.parameter);
    });
}

} // namespace

Status checkParameters(const DatabaseUrl &url)
{
    for (auto it = url.parameters.cbegin(); it != url.parameters.cend(); ++it) {
        if (!knownParameters().contains(it.key()))
            return parameterError(u"unknown parameter ?" + it.key() + u"= in the MySQL/MariaDB URL",
                                  u"Burrow understands ?" + knownParameters().join(u"=, ?") + u'=');
        // Qt's driver splits its options at semicolons.
        if (it.value().contains(u';'))
            return parameterError(u"the value of ?" + it.key() + u"= contains a semicolon",
                                  QStringLiteral("Qt's MySQL driver cannot pass it on"));
    }
    const QString ssl = url.parameters.value(kSsl);
    if (url.parameters.contains(kSsl) && ssl != u"on" && ssl != u"off")
        return parameterError(u"?ssl=" + ssl + u" in the MySQL/MariaDB URL",
                              QStringLiteral("write ?ssl=on or ?ssl=off"));
    if (ssl == u"off" && hasTlsFile(url))
        return parameterError(
            QStringLiteral("?ssl=off contradicts the certificate files in the URL"),
            QStringLiteral("leave out ?ssl=off to connect with TLS"));
    return Ok{};
}

bool wantsTls(const DatabaseUrl &url)
{
    return url.parameters.value(kSsl) == u"on" || hasTlsFile(url);
}

QStringList tlsConnectOptions(const DatabaseUrl &url)
{
    if (!wantsTls(url))
        return {};
    QStringList options;
    for (const TlsFile &file : tlsFiles()) {
        if (url.parameters.contains(file.parameter))
            options << file.driverOption + u'=' + url.parameters.value(file.parameter);
    }
    // Without a file, the library's default ciphers are what switches TLS on.
    if (options.isEmpty())
        options << QStringLiteral("SSL_CIPHER=DEFAULT");
    return options;
}

QList<QPair<QString, QString>> tlsClientOptions(const DatabaseUrl &url)
{
    if (!wantsTls(url))
        return {};
    QList<QPair<QString, QString>> options{{QStringLiteral("ssl"), {}}};
    for (const TlsFile &file : tlsFiles()) {
        if (url.parameters.contains(file.parameter))
            options.append({file.clientOption, url.parameters.value(file.parameter)});
    }
    // The one option that makes the clients refuse plain text, and check the host name.
    if (url.parameters.contains(kCa))
        options.append({QStringLiteral("ssl-verify-server-cert"), {}});
    return options;
}

Status checkEncrypted(const DatabaseUrl &url, const QSqlDatabase &db)
{
    if (!wantsTls(url))
        return Ok{};
    Result<QSqlQuery> status =
        runBound(db, QStringLiteral("SHOW SESSION STATUS LIKE 'Ssl_version'"), {});
    if (!status)
        return status.error();
    if (status->next() && !text(*status, 1).isEmpty())
        return Ok{};
    return Error{Error::Code::Unreadable,
                 u"the MySQL/MariaDB server at " + serverLocation(url) +
                     u" did not encrypt the connection, and the URL asks for TLS",
                 {},
                 0,
                 {},
                 QStringLiteral("enable TLS on the server (ssl_cert and ssl_key in its "
                                "configuration), or connect without ?ssl= and the ssl_ files")};
}

} // namespace burrow::dialect::mysql
