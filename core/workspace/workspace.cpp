#include "workspace.h"

#include "../dialect/database_url.h"
#include "../model/model_source.h"
#include "../sql/script_file.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUrl>

namespace burrow::workspace {
namespace {

Error workspaceError(const QString &file, const QString &message, int line = 0)
{
    return Error{Error::Code::InvalidArgument,
                 message,
                 file,
                 line,
                 {},
                 QStringLiteral("see the README for burrow.json's keys")};
}

// `offset` counts UTF-8 bytes, as QJsonParseError reports it.
int lineAt(const QByteArray &utf8, qsizetype offset)
{
    return int(utf8.left(offset).count('\n')) + 1;
}

Result<QString> stringValue(const QJsonObject &root, const QString &key, const QString &fallback,
                            const QString &file)
{
    const QJsonValue value = root.value(key);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isString())
        return workspaceError(file, u'"' + key + u"\" must be a string");
    return value.toString();
}

Result<QStringList> stringList(const QJsonObject &root, const QString &key, const QString &file)
{
    const QJsonValue value = root.value(key);
    if (value.isUndefined() || value.isNull())
        return QStringList();
    if (value.isString())
        return QStringList{value.toString()};
    QStringList out;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString())
            return workspaceError(file, u'"' + key + u"\" must be a list of strings");
        out.append(item.toString());
    }
    if (!value.isArray())
        return workspaceError(file, u'"' + key + u"\" must be a list of strings");
    return out;
}

// A relative SQLite path is relative to the workspace; the URL parser knows every spelling.
// Server URLs (and malformed ones, reported when used) pass through unchanged.
QString resolveDatabase(const QString &url, const QDir &dir)
{
    const Result<dialect::DatabaseUrl> parsed = dialect::parseDatabaseUrl(url, dir);
    return parsed && parsed->engine == dialect::Engine::SQLite ? parsed->display() : url;
}

// `path` relative to `dir` when it lies inside it, absolute otherwise.
QString portablePath(const QString &path, const QDir &dir)
{
    const QString absolute = QDir::cleanPath(dir.absoluteFilePath(path));
    const QString relative = dir.relativeFilePath(absolute);
    if (relative.isEmpty())
        return QStringLiteral(".");
    return relative == u".." || relative.startsWith(u"../") ? absolute : relative;
}

// The URL as burrow.json keeps it: a SQLite path made portable, a server URL without password.
Result<QString> portableDatabase(const QString &url, const QDir &dir)
{
    if (url.isEmpty())
        return QString();
    const Result<dialect::DatabaseUrl> parsed = dialect::parseDatabaseUrl(url, dir);
    if (!parsed)
        return parsed.error();
    if (parsed->engine == dialect::Engine::SQLite)
        return QString(u"sqlite:" + portablePath(parsed->path, dir));
    return QUrl(url).toString(QUrl::RemovePassword);
}

QByteArray workspaceJson(const Workspace &ws, const QString &database, const QDir &dir)
{
    QJsonArray models;
    for (const QString &model : ws.models)
        models.append(model::portableModelSource(model, dir));
    QJsonObject root{{QStringLiteral("models"), models},
                     {QStringLiteral("ignore"), QJsonArray::fromStringList(ws.ignore)}};
    if (!database.isEmpty())
        root.insert(QStringLiteral("database"), database);
    if (!ws.migrations.isEmpty())
        root.insert(QStringLiteral("migrations"), portablePath(ws.migrations, dir));
    if (!ws.python.isEmpty())
        root.insert(QStringLiteral("python"), ws.python);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace

Status saveWorkspace(const Workspace &workspace, Overwrite overwrite)
{
    const QDir dir(QDir(workspace.directory).absolutePath());
    const QString file = dir.absoluteFilePath(Workspace::fileName());
    if (overwrite == Overwrite::No && QFileInfo::exists(file))
        return Error{Error::Code::Conflict,
                     QStringLiteral("the folder holds a burrow.json already"),
                     file,
                     0,
                     {},
                     QStringLiteral("open it as a workspace, or choose to replace it")};
    const Result<QString> database = portableDatabase(workspace.database, dir);
    if (!database)
        return database.error();
    if (!dir.mkpath(QStringLiteral(".")))
        return Error{Error::Code::Unreadable, QStringLiteral("cannot create the folder"),
                     dir.path()};
    const QByteArray json = workspaceJson(workspace, *database, dir);
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(json) != json.size() || !out.commit())
        return Error{Error::Code::Unreadable,
                     u"cannot write the workspace file: " + out.errorString(), file};
    return Ok{};
}

Result<Workspace> loadWorkspace(const QString &directory)
{
    const QDir dir(directory);
    const QString file = dir.absoluteFilePath(Workspace::fileName());
    if (!dir.exists())
        return Error{Error::Code::NotFound, QStringLiteral("workspace folder not found"),
                     directory};
    Result<QString> text = sql::readUtf8File(file);
    if (!text)
        return text.error();
    const QByteArray utf8 = text->toUtf8();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &parseError);
    if (doc.isNull())
        return workspaceError(file, u"invalid JSON: " + parseError.errorString(),
                              lineAt(utf8, parseError.offset));
    if (!doc.isObject())
        return workspaceError(file, QStringLiteral("must hold a JSON object"));
    const QJsonObject root = doc.object();
    Result<QString> database = stringValue(root, QStringLiteral("database"), {}, file);
    Result<QString> migrations =
        stringValue(root, QStringLiteral("migrations"), QStringLiteral("migrations"), file);
    Result<QString> python = stringValue(root, QStringLiteral("python"), {}, file);
    if (!database)
        return database.error();
    if (!migrations)
        return migrations.error();
    if (!python)
        return python.error();
    Workspace ws;
    ws.directory = dir.absolutePath();
    ws.database = resolveDatabase(*database, dir);
    ws.migrations = dir.absoluteFilePath(*migrations);
    Result<QStringList> models = stringList(root, QStringLiteral("models"), file);
    Result<QStringList> ignore = stringList(root, QStringLiteral("ignore"), file);
    if (!models)
        return models.error();
    if (!ignore)
        return ignore.error();
    for (const QString &model : *models)
        ws.models.append(model::resolveModelSource(model, dir));
    ws.ignore = *ignore;
    ws.python = *python;
    return ws;
}

} // namespace burrow::workspace
