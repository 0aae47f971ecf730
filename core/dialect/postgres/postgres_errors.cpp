#include "postgres_errors.h"

#include <QRegularExpression>

#include <optional>

namespace burrow::dialect::postgres {
namespace {

QString captured(const QString &text, const QString &pattern)
{
    return QRegularExpression(pattern).match(text).captured(1);
}

Error connectError(Error::Code code, const QString &message, const QString &hint)
{
    return Error{code, message, {}, 0, {}, hint};
}

QString quotedName(const QString &name)
{
    return u'"' + name + u'"';
}

} // namespace

QString serverLocation(const DatabaseUrl &url)
{
    const QString host =
        url.host.isEmpty() ? url.parameters.value(QStringLiteral("host")) : url.host;
    if (host.isEmpty())
        return QStringLiteral("the local socket");
    if (host.startsWith(u'/'))
        return u"the socket in " + host;
    return host + u':' + (url.port > 0 ? QString::number(url.port) : QStringLiteral("5432"));
}

QString engineMessage(const QString &libpqText, const DatabaseUrl &url)
{
    QString text = libpqText;
    // libpq prefixes where it tried to connect; the caller says that in its own words.
    text.remove(QRegularExpression(QStringLiteral("^connection to server .*? failed: ")));
    const QString whole = text;
    text = text.section(u'\n', 0, 0).trimmed();
    text.remove(QRegularExpression(QStringLiteral("^(ERROR|FATAL|PANIC):\\s+")));
    if (text.endsWith(u'.'))
        text.chop(1);
    // The server's DETAIL names what the message only hints at: the view that reads a column,
    // the duplicated key, the missing referenced row. Shortened: it may quote a whole row.
    static const QRegularExpression detailLine(QStringLiteral("^DETAIL:\\s+(.*)$"),
                                               QRegularExpression::MultilineOption);
    if (const QRegularExpressionMatch detail = detailLine.match(whole); detail.hasMatch()) {
        QString said = detail.captured(1).trimmed();
        if (said.size() > 200)
            said = said.left(200) + u'…';
        text += u": " + said; // its period goes below, with the message's
    }
    if (url.password.size() >= 3)
        text.replace(url.password, QStringLiteral("***"));
    if (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

namespace {

using Code = Error::Code;

// Who may connect to what: the password, the role, the database, the CONNECT privilege.
std::optional<Error> accountError(const DatabaseUrl &url, const QString &at, const QString &message)
{
    const QString user = captured(message, QStringLiteral("for user \"([^\"]*)\""));
    if (message.contains(u"password authentication failed"))
        return connectError(Code::Unreadable,
                            u"PostgreSQL at " + at + u" rejected the password for user " +
                                quotedName(user.isEmpty() ? url.user : user),
                            QStringLiteral("check the password in the URL, BURROW_DB_PASSWORD or "
                                           "~/.pgpass"));
    if (message.contains(u"no password supplied"))
        return connectError(Code::Unreadable,
                            u"PostgreSQL at " + at + u" wants a password for user " +
                                quotedName(url.user) + u" and none was given",
                            QStringLiteral("put it in the URL, BURROW_DB_PASSWORD or ~/.pgpass"));
    if (const QString db = captured(message, QStringLiteral("database \"(.*)\" does not exist"));
        !db.isEmpty())
        return connectError(
            Code::NotFound,
            u"database " + quotedName(db) + u" does not exist on PostgreSQL at " + at,
            u"check the database name in the URL, or create it (createdb " + db + u')');
    if (const QString role = captured(message, QStringLiteral("role \"(.*)\" does not exist"));
        !role.isEmpty())
        return connectError(Code::NotFound,
                            u"role " + quotedName(role) + u" does not exist on PostgreSQL at " + at,
                            QStringLiteral("check the user name in the URL"));
    if (message.contains(u"CONNECT privilege") ||
        message.contains(u"permission denied for database"))
        return connectError(Code::Unreadable,
                            u"user " + quotedName(url.user) + u" may not connect to database " +
                                quotedName(url.database) + u" on PostgreSQL at " + at,
                            u"ask for GRANT CONNECT ON DATABASE " + quotedName(url.database) +
                                u" TO " + quotedName(url.user));
    return std::nullopt;
}

// TLS set-up on the client side: what libpq's message names, and the URL parameter to fix.
std::optional<Error> tlsError(const QString &at, const QString &message)
{
    struct Cause {
        const char16_t *says, *hint;
    };
    static const Cause causes[] = {
        {u"root certificate file", u"name the CA that signed the server's certificate with "
                                   u"?sslrootcert=FILE (?sslmode=require encrypts without "
                                   u"checking the server)"},
        {u"certificate verify failed",
         u"?sslrootcert= must name the CA that signed the server's certificate"},
        {u"does not match host name", u"connect by a name the server's certificate holds "
                                      u"(?sslmode=verify-ca checks the CA alone)"},
        {u"bad decrypt", u"?sslpassword= must be the passphrase of the key in ?sslkey="},
        {u"has group or world access",
         u"the key file must be readable by its owner alone (chmod 600)"},
        {u"private key file", u"check the key file in ?sslkey="},
        {u"certificate file", u"check the certificate file in ?sslcert="},
        {u"requires a valid client certificate", u"the server logs this user in by "
                                                 u"certificate: give ?sslcert=FILE and "
                                                 u"?sslkey=FILE"},
    };
    for (const Cause &cause : causes) {
        if (message.contains(QStringView(cause.says)))
            return connectError(Code::Unreadable,
                                u"cannot connect to PostgreSQL at " + at + u": " + message,
                                QString::fromUtf16(cause.hint));
    }
    return std::nullopt;
}

// Reaching the server: the socket, SSL, the port, the timeout, the host name.
std::optional<Error> networkError(const DatabaseUrl &url, const QString &at, const QString &message)
{
    if (message.contains(u"No such file or directory"))
        return connectError(Code::NotFound, u"no PostgreSQL server listens at " + at,
                            QStringLiteral("check ?host= and the port (the socket is named "
                                           ".s.PGSQL.PORT)"));
    if (message.contains(u"SSL"))
        return connectError(Code::Unreadable,
                            u"cannot connect to PostgreSQL at " + at + u": " + message,
                            QStringLiteral("check ?sslmode= in the URL (prefer, require, "
                                           "verify-full…) and the server's SSL set-up"));
    if (message.contains(u"Connection refused"))
        return connectError(Code::Unreadable,
                            u"no PostgreSQL server answers at " + at + u" (connection refused)",
                            QStringLiteral("check that the server is running and the host and "
                                           "port in the URL are right"));
    if (message.contains(u"timeout expired"))
        return connectError(
            Code::Unreadable, u"no answer from PostgreSQL at " + at + u" before the timeout",
            QStringLiteral("check the host, the port and any firewall between; "
                           "?connect_timeout=SECONDS changes the wait (default 10)"));
    if (message.contains(u"could not translate host name"))
        return connectError(Code::NotFound, u"unknown host in " + url.display(),
                            QStringLiteral("check the host name in the URL"));
    return std::nullopt;
}

} // namespace

Error connectionError(const DatabaseUrl &url, const QString &libpqText)
{
    const QString at = serverLocation(url);
    const QString message = engineMessage(libpqText, url);
    if (std::optional<Error> error = accountError(url, at, message))
        return *error;
    if (std::optional<Error> error = tlsError(at, message))
        return *error;
    if (std::optional<Error> error = networkError(url, at, message))
        return *error;
    return connectError(
        Code::Unreadable, u"cannot connect to PostgreSQL at " + at + u": " + message,
        QStringLiteral("check the URL and that the server accepts this connection"));
}

} // namespace burrow::dialect::postgres
