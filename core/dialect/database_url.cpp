#include "database_url.h"

#include <QUrl>
#include <QUrlQuery>

namespace burrow::dialect {
namespace {

Error urlError(const QString &message, const QString &hint)
{
    return Error{Error::Code::InvalidArgument, message, {}, 0, {}, hint};
}

Result<DatabaseUrl> parseSqlite(const QString &text, const QDir &base)
{
    QString path = text.mid(text.indexOf(u':') + 1);
    if (path.startsWith(u"//")) // URL style: sqlite:///abs/path is absolute, sqlite://rel relative
        path = path.mid(2);
    if (path.isEmpty())
        return urlError(QStringLiteral("the SQLite URL names no file"),
                        QStringLiteral("write sqlite:PATH, for example sqlite:app.db"));
    DatabaseUrl url;
    url.engine = Engine::SQLite;
    url.path = QDir::cleanPath(base.absoluteFilePath(path));
    return url;
}

Result<DatabaseUrl> parseServer(const QString &text, Engine engine)
{
    const QUrl parsed(text, QUrl::StrictMode);
    const QUrlQuery query(parsed);
    // A socket instead of a host: postgresql:///db?host=/run/postgresql, mysql:///db?unix_socket=…
    const bool socket = query.hasQueryItem(QStringLiteral("host")) ||
                        query.hasQueryItem(QStringLiteral("unix_socket"));
    if (!parsed.isValid() || (parsed.host().isEmpty() && !socket))
        return urlError(u"malformed database URL: " + withoutPassword(text),
                        QStringLiteral("write scheme://user@host[:port]/database"));
    DatabaseUrl url;
    url.engine = engine;
    url.user = parsed.userName();
    url.password = parsed.password();
    url.host = parsed.host();
    url.port = parsed.port(0);
    url.database = parsed.path().mid(1);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        url.parameters.insert(key, value);
    if (url.password.isEmpty())
        url.password = qEnvironmentVariable("BURROW_DB_PASSWORD");
    return url;
}

} // namespace

QString engineName(Engine engine)
{
    switch (engine) {
    case Engine::SQLite:
        return QStringLiteral("SQLite");
    case Engine::PostgreSQL:
        return QStringLiteral("PostgreSQL");
    case Engine::MySQL:
        return QStringLiteral("MySQL/MariaDB");
    }
    return {};
}

Result<DatabaseUrl> parseDatabaseUrl(const QString &text, const QDir &base)
{
    const QString scheme = text.section(u':', 0, 0).toLower();
    if (scheme == u"sqlite" || scheme == u"sqlite3")
        return parseSqlite(text, base);
    if (scheme == u"postgresql" || scheme == u"postgres")
        return parseServer(text, Engine::PostgreSQL);
    if (scheme == u"mysql" || scheme == u"mariadb")
        return parseServer(text, Engine::MySQL);
    if (!text.contains(u':'))
        return urlError(u"not a database URL: " + text,
                        u"write sqlite:" + text + u" for a SQLite file");
    return urlError(u"unknown database URL scheme '" + scheme + u":'",
                    QStringLiteral("use sqlite:PATH, postgresql://… or mysql://…"));
}

QString withoutPassword(const QString &text)
{
    const qsizetype authority = text.indexOf(u"://");
    const qsizetype at = text.lastIndexOf(u'@');
    const qsizetype colon = authority < 0 ? -1 : text.indexOf(u':', authority + 3);
    if (authority < 0 || colon < 0 || at < colon)
        return text;
    return text.left(colon + 1) + u"***" + text.mid(at);
}

int lockTimeoutSeconds(const DatabaseUrl &url)
{
    bool ok = false;
    const int seconds = url.parameters.value(QStringLiteral("lock_timeout")).toInt(&ok);
    return ok && seconds > 0 ? seconds : kDefaultLockTimeoutSeconds;
}

QString locationOf(const DatabaseUrl &url)
{
    return url.engine == Engine::SQLite ? QDir::toNativeSeparators(url.path) : url.display();
}

QString DatabaseUrl::display() const
{
    if (engine == Engine::SQLite)
        return u"sqlite:" + path;
    QUrl url;
    url.setScheme(engine == Engine::PostgreSQL ? QStringLiteral("postgresql")
                                               : QStringLiteral("mysql"));
    url.setUserName(user);
    url.setHost(host);
    if (port > 0)
        url.setPort(port);
    url.setPath(u'/' + database);
    return url.toString();
}

} // namespace burrow::dialect
