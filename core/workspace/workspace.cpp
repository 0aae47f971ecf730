#include "workspace.h"

#include "../sql/script_file.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace burrow::workspace {
namespace {

Error workspaceError(const QString &file, const QString &message, int line = 0)
{
    return Error{Error::Code::InvalidArgument, message, file, line, {},
                 QStringLiteral("see the README for burrow.json's keys")};
}

int lineAt(const QString &text, qsizetype offset)
{
    return int(QStringView(text).left(offset).count(u'\n')) + 1;
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

QString resolveDatabase(const QString &url, const QDir &dir)
{
    for (QStringView prefix : {u"sqlite:", u"sqlite3:"}) {
        if (url.startsWith(prefix) && !url.startsWith(prefix.toString() + u"//"))
            return u"sqlite:" + QDir::cleanPath(dir.absoluteFilePath(url.mid(prefix.size())));
    }
    return url;
}

} // namespace

Result<Workspace> loadWorkspace(const QString &directory)
{
    const QDir dir(directory);
    const QString file = dir.absoluteFilePath(Workspace::fileName());
    if (!dir.exists())
        return Error{Error::Code::NotFound, QStringLiteral("workspace folder not found"), directory};
    Result<QString> text = sql::readUtf8File(file);
    if (!text)
        return text.error();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text->toUtf8(), &parseError);
    if (doc.isNull())
        return workspaceError(file, u"invalid JSON: " + parseError.errorString(),
                              lineAt(*text, parseError.offset));
    if (!doc.isObject())
        return workspaceError(file, QStringLiteral("must hold a JSON object"));
    const QJsonObject root = doc.object();
    Workspace ws;
    ws.directory = dir.absolutePath();
    ws.database = resolveDatabase(root.value(u"database").toString(), dir);
    ws.migrations = dir.absoluteFilePath(root.value(u"migrations").toString(QStringLiteral("migrations")));
    Result<QStringList> models = stringList(root, QStringLiteral("models"), file);
    Result<QStringList> ignore = stringList(root, QStringLiteral("ignore"), file);
    if (!models)
        return models.error();
    if (!ignore)
        return ignore.error();
    for (const QString &model : *models)
        ws.models.append(QDir::cleanPath(dir.absoluteFilePath(model)));
    ws.ignore = *ignore;
    return ws;
}

} // namespace burrow::workspace
