#include "postgres_session.h"

#include "postgres_errors.h"
#include "postgres_names.h"
#include "postgres_parameters.h"

#include <QSqlError>

namespace burrow::dialect::postgres {
namespace {

const QString kDefaultConnectTimeout = QStringLiteral("10");

// libpq's conninfo value syntax; Qt joins the options with spaces (';' becomes ' ').
QString conninfoValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + escaped + u'\'';
}

Result<QString> connectOptions(const DatabaseUrl &url)
{
    QStringList options;
    const QMap<QString, QString> settings = libpqSettings(url);
    for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
        if (it.key() == u"schema" || it.key() == u"host" || it.key() == u"lock_timeout")
            continue;
        if (!libpqParameters().contains(it.key()))
            return Error{Error::Code::InvalidArgument,
                         u"unknown parameter ?" + it.key() + u"= in the PostgreSQL URL",
                         {},
                         0,
                         {},
                         u"Burrow understands ?schema=, ?host= and ?" +
                             libpqParameters().join(u"=, ?") + u'='};
        if (it.value().contains(u';'))
            return Error{Error::Code::InvalidArgument,
                         u"the value of ?" + it.key() + u"= contains a semicolon",
                         {},
                         0,
                         {},
                         QStringLiteral("Qt's PostgreSQL driver cannot pass it on")};
        options.append(it.key() + u'=' + conninfoValue(it.value()));
    }
    if (!url.parameters.contains(QStringLiteral("connect_timeout")))
        options.append(u"connect_timeout=" + kDefaultConnectTimeout);
    if (!url.parameters.contains(QStringLiteral("application_name")))
        options.append(QStringLiteral("application_name=burrow"));
    // libpq would print the server's notices (DROP … IF EXISTS, skipping) on stderr.
    options.append(QStringLiteral("options='-c client_min_messages=error'"));
    return options.join(u';');
}

} // namespace

QString schemaOf(const DatabaseUrl &url)
{
    return url.parameters.value(QStringLiteral("schema"), QStringLiteral("public"));
}

Session::Session(DatabaseUrl url, std::unique_ptr<ScopedConnection> connection)
    : m_url(std::move(url))
    , m_connection(std::move(connection))
{
}

Result<std::unique_ptr<Session>> Session::open(const DatabaseUrl &url, Access access)
{
    Result<QString> options = connectOptions(url);
    if (!options)
        return options.error();
    auto connection = std::make_unique<ScopedConnection>(QStringLiteral("QPSQL"));
    QSqlDatabase &db = connection->database();
    if (!db.isValid())
        return Error{Error::Code::Unsupported,
                     QStringLiteral("Qt's PostgreSQL driver is missing"),
                     {},
                     0,
                     {},
                     QStringLiteral("install the QPSQL plugin (libqt6sql6-psql)")};
    db.setHostName(url.host.isEmpty() ? url.parameters.value(QStringLiteral("host")) : url.host);
    if (url.port > 0)
        db.setPort(url.port);
    db.setDatabaseName(url.database);
    db.setUserName(url.user);
    db.setPassword(url.password);
    db.setConnectOptions(*options);
    if (!db.open()) {
        const QSqlError error = db.lastError();
        return connectionError(url, error.databaseText().isEmpty() ? error.text()
                                                                   : error.databaseText());
    }
    std::unique_ptr<Session> session(new Session(url, std::move(connection)));
    if (access != Access::Scratch) {
        if (Status entered = session->enterSchema(access == Access::ReadSchema); !entered)
            return entered.error();
    }
    return session;
}

Result<QSqlQuery> Session::run(const QString &sql)
{
    ++m_queries;
    Result<QSqlQuery> query = runQuery(database(), sql);
    if (!query) {
        Error error = query.error();
        error.message = engineMessage(error.message, m_url);
        return error;
    }
    return query;
}

Result<QStringList> Session::column(const QString &sql)
{
    Result<QSqlQuery> query = run(sql);
    if (!query)
        return query.error();
    QStringList values;
    while (query->next())
        values.append(query->value(0).toString());
    return values;
}

// One round trip: the search_path (so that the engine's own SQL text names this schema's
// objects without qualification), read-only transactions, the lock timeout (a table another
// session holds fails the statement instead of hanging it, and every query queued behind it),
// and whether the schema exists.
Status Session::enterSchema(bool readOnly)
{
    const QString schema = schemaOf(m_url);
    const QString lockTimeout = QString::number(lockTimeoutSeconds(m_url)) + u"s";
    Result<QSqlQuery> query = run(
        u"SELECT pg_catalog.set_config('search_path', " + quoteLiteral(quoteIdentifier(schema)) +
        u", false), pg_catalog.set_config('default_transaction_read_only', " +
        (readOnly ? u"'on'" : u"'off'") + u", false), pg_catalog.set_config('lock_timeout', " +
        quoteLiteral(lockTimeout) +
        u", false), "
        u"EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = " +
        quoteLiteral(schema) + u')');
    if (!query)
        return query.error();
    if (!query->next() || !query->value(3).toBool())
        return Error{Error::Code::NotFound,
                     u"schema \"" + schema + u"\" does not exist in database \"" + m_url.database +
                         u"\" on PostgreSQL at " + serverLocation(m_url),
                     {},
                     0,
                     {},
                     QStringLiteral("check ?schema= in the URL (default public)")};
    return Ok{};
}

} // namespace burrow::dialect::postgres
