#include "postgres_parameters.h"

namespace burrow::dialect::postgres {
namespace {

struct Parameter {
    QString name, environment;
};

// One list for the connection and the tools: a parameter the tools did not get would make a
// diff work and then the backup fail (pg_dump looking for ~/.postgresql/root.crt, say).
const QList<Parameter> &parameters()
{
    static const QList<Parameter> list{
        {QStringLiteral("sslmode"), QStringLiteral("PGSSLMODE")},
        {QStringLiteral("sslrootcert"), QStringLiteral("PGSSLROOTCERT")},
        {QStringLiteral("sslcert"), QStringLiteral("PGSSLCERT")},
        {QStringLiteral("sslkey"), QStringLiteral("PGSSLKEY")},
        {QStringLiteral("sslpassword"), {}},
        {QStringLiteral("sslcrl"), QStringLiteral("PGSSLCRL")},
        {QStringLiteral("sslcrldir"), QStringLiteral("PGSSLCRLDIR")},
        {QStringLiteral("ssl_min_protocol_version"), QStringLiteral("PGSSLMINPROTOCOLVERSION")},
        {QStringLiteral("connect_timeout"), QStringLiteral("PGCONNECT_TIMEOUT")},
        {QStringLiteral("application_name"), QStringLiteral("PGAPPNAME")},
        {QStringLiteral("target_session_attrs"), QStringLiteral("PGTARGETSESSIONATTRS")},
        {QStringLiteral("gssencmode"), QStringLiteral("PGGSSENCMODE")},
        {QStringLiteral("passfile"), QStringLiteral("PGPASSFILE")},
        {QStringLiteral("service"), QStringLiteral("PGSERVICE")},
    };
    return list;
}

} // namespace

const QStringList &libpqParameters()
{
    static const QStringList names = [] {
        QStringList list;
        for (const Parameter &parameter : parameters())
            list.append(parameter.name);
        return list;
    }();
    return names;
}

QString libpqEnvironmentVariable(const QString &parameter)
{
    for (const Parameter &known : parameters()) {
        if (known.name == parameter)
            return known.environment;
    }
    return {};
}

QMap<QString, QString> libpqSettings(const DatabaseUrl &url)
{
    QMap<QString, QString> settings = url.parameters;
    const bool modeGiven = settings.contains(QStringLiteral("sslmode")) ||
                           settings.contains(QStringLiteral("service")) ||
                           qEnvironmentVariableIsSet("PGSSLMODE") ||
                           qEnvironmentVariableIsSet("PGSERVICE");
    if (settings.contains(QStringLiteral("sslrootcert")) && !modeGiven)
        settings.insert(QStringLiteral("sslmode"), QStringLiteral("verify-full"));
    return settings;
}

} // namespace burrow::dialect::postgres
