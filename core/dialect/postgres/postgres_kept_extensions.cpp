#include "postgres_kept_extensions.h"

#include "../external_tool.h"
#include "postgres_session.h"

#include <QFile>

namespace burrow::dialect::postgres {
namespace {

/// Whether the table-of-contents `line` creates or comments on one of `extensions`.
bool concerns(QStringView line, const QStringList &extensions)
{
    line = line.trimmed();
    for (const QString &name : extensions) {
        if (line.endsWith(QString(u" EXTENSION - " + name)) ||
            line.endsWith(QString(u" COMMENT - EXTENSION " + name)))
            return true;
    }
    return false;
}

} // namespace

Result<QStringList> extensionsOfOthers(const DatabaseUrl &url)
{
    Result<std::unique_ptr<Session>> session = Session::open(url, Access::ReadSchema);
    if (!session)
        return session.error();
    Result<QSqlQuery> found =
        (*session)->run(QStringLiteral("SELECT extname FROM pg_extension WHERE extname <> "
                                       "'plpgsql' AND NOT pg_has_role(extowner, 'MEMBER')"));
    if (!found)
        return found.error();
    QStringList names;
    while (found->next())
        names.append(found->value(0).toString());
    return names;
}

Status writeListWithout(const QString &file, const QStringList &extensions, const QString &listFile)
{
    Result<QByteArray> listed =
        runTool({QStringLiteral("pg_restore"), {QStringLiteral("--list"), file}},
                QStringLiteral("reading the backup (pg_restore)"));
    if (!listed)
        return listed.error();
    QByteArray kept;
    for (const QByteArray &line : listed->split('\n')) {
        const QString text = QString::fromUtf8(line);
        kept += (concerns(text, extensions) ? ';' + line : line) + '\n';
    }
    QFile list(listFile);
    if (!list.open(QIODevice::WriteOnly) || list.write(kept) != kept.size() || !list.flush())
        return Error{Error::Code::Tool, u"cannot write the restore list: " + list.errorString(),
                     listFile};
    return Ok{};
}

} // namespace burrow::dialect::postgres
