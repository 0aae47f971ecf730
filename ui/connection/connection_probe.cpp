#include "connection_probe.h"

#include "dialect/dialect.h"

namespace burrow::ui {
namespace {

QString counted(qsizetype count, QStringView noun)
{
    QString text = QString::number(count) + u' ' + noun;
    if (count != 1)
        text += u's';
    return text;
}

} // namespace

Result<QString> probeConnection(const QString &url, const QString &password, const QDir &base)
{
    Result<dialect::DatabaseUrl> parsed = dialect::parseDatabaseUrl(url, base);
    if (!parsed)
        return parsed.error();
    if (!password.isEmpty())
        parsed->password = password;
    Result<std::unique_ptr<dialect::Dialect>> dialect = dialect::dialectFor(*parsed);
    if (!dialect)
        return dialect.error();
    const Result<schema::Schema> schema = (*dialect)->introspect(*parsed);
    if (!schema)
        return schema.error();
    return QString(u"Connected to " + dialect::engineName(parsed->engine) + u": " +
                   counted(schema->tables.size(), u"table") + u", " +
                   counted(schema->views.size(), u"view"));
}

} // namespace burrow::ui
