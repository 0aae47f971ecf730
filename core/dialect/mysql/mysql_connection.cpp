#include "mysql_connection.h"

#include "mysql_url_options.h"

#include <QRegularExpression>
#include <QSqlError>

namespace burrow::dialect::mysql {
namespace {

// libmariadb's and the server's error numbers that tell the user what to fix.
enum NativeError {
    DatabaseAccessDenied = 1044,
    AccessDenied = 1045,
    UnknownDatabase = 1049,
    SocketError = 2002,
    HostError = 2003,
    UnknownHost = 2005,
    ServerGone = 2006,
    LostConnection = 2013,
    TlsError = 2026,
};

int connectTimeout(const DatabaseUrl &url)
{
    bool ok = false;
    const int seconds = url.parameters.value(QStringLiteral("connect_timeout")).toInt(&ok);
    return ok && seconds > 0 ? seconds : kDefaultConnectTimeoutSeconds;
}

QString connectOptions(const DatabaseUrl &url)
{
    QStringList options{u"MYSQL_OPT_CONNECT_TIMEOUT=" + QString::number(connectTimeout(url))};
    const QString socket = url.parameters.value(QStringLiteral("unix_socket"));
    if (!socket.isEmpty())
        options.append(u"UNIX_SOCKET=" + socket);
    options.append(tlsConnectOptions(url));
    return options.join(u';');
}

Error connectError(const DatabaseUrl &url, const QString &database, const QSqlError &sqlError)
{
    const QString code = sqlError.nativeErrorCode();
    const QString user = url.user.isEmpty() ? QStringLiteral("(no user)") : url.user;
    Error error{Error::Code::Unreadable, {}, {}, 0, {}, {}, code};
    switch (code.toInt()) {
    case AccessDenied:
        error.message = u"cannot log in to the MySQL/MariaDB server at " + serverLocation(url) +
                        u" as '" + user + u"': access denied";
        error.hint = QStringLiteral("check the user name and the password (in the URL or in "
                                    "BURROW_DB_PASSWORD)");
        return error;
    case DatabaseAccessDenied:
        error.message = u"user '" + user + u"' may not use the database '" + database + u"' on " +
                        serverLocation(url);
        error.hint =
            u"ask an administrator to GRANT privileges ON `" + database + u"`.* TO '" + user + u"'";
        return error;
    case UnknownDatabase:
        error.code = Error::Code::NotFound;
        error.message = u"the database '" + database + u"' does not exist on the server at " +
                        serverLocation(url);
        error.hint = QStringLiteral("check the database name in the URL, or create it first");
        return error;
    case SocketError:
    case HostError:
    case UnknownHost:
    case ServerGone:
    case LostConnection:
        error.message = u"cannot reach the MySQL/MariaDB server at " + serverLocation(url) + u" (" +
                        sqlError.databaseText() + u')';
        error.hint = QStringLiteral("check that the server is running and that the host and "
                                    "port in the URL are right");
        return error;
    case TlsError:
        // The library appends an errno it never set: "File '…' not found (Errcode: 1891…)".
        error.message = u"cannot open a TLS connection to the MySQL/MariaDB server at " +
                        serverLocation(url) + u" (" +
                        QString(sqlError.databaseText())
                            .remove(QRegularExpression(QStringLiteral(" \\(Errcode: -?\\d+\\)"))) +
                        u')';
        error.hint = QStringLiteral("?ssl_ca= must name the CA that signed the server's "
                                    "certificate; check the files in ?ssl_cert= and ?ssl_key=");
        return error;
    default:
        error.message =
            u"cannot connect to " + url.display() + u": " +
            (sqlError.databaseText().isEmpty() ? sqlError.text() : sqlError.databaseText());
        error.hint = QStringLiteral("check the database URL");
        return error;
    }
}

} // namespace

QString serverLocation(const DatabaseUrl &url)
{
    if (url.host.isEmpty())
        return u"the socket " + url.parameters.value(QStringLiteral("unix_socket"));
    return url.host + u':' + QString::number(url.port > 0 ? url.port : 3306);
}

Result<std::unique_ptr<ScopedConnection>> openServer(const DatabaseUrl &url,
                                                     const QString &database)
{
    auto connection = std::make_unique<ScopedConnection>(QStringLiteral("QMYSQL"));
    QSqlDatabase &db = connection->database();
    if (!db.isValid())
        return Error{Error::Code::Unsupported,
                     QStringLiteral("Qt's QMYSQL driver is missing"),
                     {},
                     0,
                     {},
                     QStringLiteral("install the Qt 6 MySQL/MariaDB SQL plugin")};
    if (Status checked = checkParameters(url); !checked)
        return checked.error();
    db.setHostName(url.host);
    if (url.port > 0)
        db.setPort(url.port);
    db.setUserName(url.user);
    db.setPassword(url.password);
    db.setDatabaseName(database);
    db.setConnectOptions(connectOptions(url));
    if (!db.open())
        return connectError(url, database, db.lastError());
    if (Status encrypted = checkEncrypted(url, db); !encrypted)
        return encrypted.error();
    return connection;
}

Result<QSqlQuery> runBound(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    bool ok = query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    ok = ok && query.exec();
    if (!ok) {
        const QSqlError error = query.lastError();
        const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
        return Error{Error::Code::Sql, text, {}, 0, sql, {}, error.nativeErrorCode()};
    }
    return query;
}

QString quoteLiteral(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("''"));
    return u'\'' + escaped + u'\'';
}

QString quoteIdentifier(const QString &name)
{
    return u'`' + QString(name).replace(u'`', QStringLiteral("``")) + u'`';
}

} // namespace burrow::dialect::mysql
