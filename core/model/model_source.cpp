#include "model_source.h"

#include "../dialect/database_url.h"

#include <QUrl>

#include <functional>

namespace burrow::model {
namespace {

const QString kDjango = QStringLiteral("django:");
const QString kSqlAlchemy = QStringLiteral("sqlalchemy:");

bool isDatabaseUrl(const QString &text)
{
    static const QStringList schemes{QStringLiteral("sqlite"),     QStringLiteral("sqlite3"),
                                     QStringLiteral("postgresql"), QStringLiteral("postgres"),
                                     QStringLiteral("mysql"),      QStringLiteral("mariadb")};
    return text.contains(u':') && schemes.contains(text.section(u':', 0, 0).toLower());
}

Error sourceError(const QString &text, const QString &message, const QString &hint)
{
    return Error{Error::Code::InvalidArgument, message, text, 0, {}, hint};
}

Status checkOptions(const ModelSource &source, const QStringList &allowed)
{
    for (const auto &[key, value] : source.query.queryItems()) {
        if (!allowed.contains(key))
            return sourceError(source.text, u"unknown model source option '" + key + u'\'',
                               u"the options here are: " + allowed.join(u", "));
    }
    return Ok{};
}

/// An ORM entry: scheme, location, then optional ?query.
Result<ModelSource> parseOrmSource(const QString &text, SourceKind kind, const QString &scheme,
                                   const QStringList &options, const QString &form)
{
    ModelSource source{kind, text, text.mid(scheme.size()).section(u'?', 0, 0), {}};
    if (const qsizetype mark = text.indexOf(u'?'); mark >= 0)
        source.query = QUrlQuery(text.mid(mark + 1));
    if (source.location.isEmpty())
        return sourceError(text, QStringLiteral("the model source names nothing"),
                           u"write " + form);
    if (Status checked = checkOptions(source, options); !checked)
        return checked.error();
    return source;
}

QString absolutePath(const QString &path, const QDir &dir)
{
    return QDir::cleanPath(dir.absoluteFilePath(path));
}

// `path` relative to `dir` when it lies inside it, absolute otherwise.
QString portablePath(const QString &path, const QDir &dir)
{
    const QString relative = dir.relativeFilePath(absolutePath(path, dir));
    if (relative.isEmpty())
        return QStringLiteral(".");
    return relative == u".." || relative.startsWith(u"../") ? absolutePath(path, dir) : relative;
}

QString withQuery(const QString &head, const QUrlQuery &query)
{
    return query.isEmpty() ? head : head + u'?' + query.toString(QUrl::PrettyDecoded);
}

/// The sqlalchemy: entry with its `path=` folders mapped by `map` (dropped when it returns "").
QString mapPythonPaths(const ModelSource &source, const std::function<QString(QString)> &map,
                       const QString &extra = {})
{
    QUrlQuery query;
    for (const auto &[key, value] : source.query.queryItems()) {
        const QString mapped = key == u"path" ? map(value) : value;
        if (!mapped.isEmpty())
            query.addQueryItem(key, mapped);
    }
    if (!extra.isEmpty())
        query.addQueryItem(QStringLiteral("path"), extra);
    return withQuery(kSqlAlchemy + source.location, query);
}

} // namespace

Result<ModelSource> parseModelSource(const QString &text)
{
    if (text.startsWith(kDjango))
        return parseOrmSource(text, SourceKind::Django, kDjango,
                              {QStringLiteral("settings"), QStringLiteral("apps")},
                              QStringLiteral("django:PATH/TO/manage.py[?settings=…&apps=a,b]"));
    if (text.startsWith(kSqlAlchemy)) {
        Result<ModelSource> source =
            parseOrmSource(text, SourceKind::SqlAlchemy, kSqlAlchemy, {QStringLiteral("path")},
                           QStringLiteral("sqlalchemy:package.module:attr[?path=DIR]"));
        if (source && !source->location.contains(u':'))
            return sourceError(text, QStringLiteral("the SQLAlchemy source names no attribute"),
                               QStringLiteral("write sqlalchemy:package.module:attr, the attr "
                                              "being a MetaData or a declarative Base"));
        return source;
    }
    if (isDatabaseUrl(text))
        return ModelSource{SourceKind::Database, text, text, {}};
    return ModelSource{SourceKind::DdlFiles, text, text, {}};
}

QString resolveModelSource(const QString &text, const QDir &dir)
{
    const Result<ModelSource> source = parseModelSource(text);
    if (!source) // reported when used
        return text;
    switch (source->kind) {
    case SourceKind::DdlFiles:
        return absolutePath(text, dir);
    case SourceKind::Database: {
        const Result<dialect::DatabaseUrl> url = dialect::parseDatabaseUrl(text, dir);
        return url && url->engine == dialect::Engine::SQLite ? url->display() : text;
    }
    case SourceKind::Django:
        return withQuery(kDjango + absolutePath(source->location, dir), source->query);
    case SourceKind::SqlAlchemy:
        return mapPythonPaths(
            *source, [&](const QString &path) { return absolutePath(path, dir); },
            dir.absolutePath());
    }
    return text;
}

QString portableModelSource(const QString &text, const QDir &dir)
{
    const Result<ModelSource> source = parseModelSource(text);
    if (!source)
        return text;
    switch (source->kind) {
    case SourceKind::DdlFiles:
        return portablePath(text, dir);
    case SourceKind::Database: {
        const Result<dialect::DatabaseUrl> url = dialect::parseDatabaseUrl(text, dir);
        if (url && url->engine == dialect::Engine::SQLite)
            return u"sqlite:" + portablePath(url->path, dir);
        return QUrl(text).toString(QUrl::RemovePassword);
    }
    case SourceKind::Django:
        return withQuery(kDjango + portablePath(source->location, dir), source->query);
    case SourceKind::SqlAlchemy:
        return mapPythonPaths(*source, [&](const QString &path) {
            const QString portable = portablePath(path, dir);
            return portable == u"." ? QString() : portable;
        });
    }
    return text;
}

} // namespace burrow::model
