#include "postgres_kept_extensions.h"

#include "postgres_session.h"

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
    return (*session)->column(QStringLiteral("SELECT extname FROM pg_extension WHERE extname <> "
                                             "'plpgsql' AND NOT pg_has_role(extowner, 'MEMBER')"));
}

QByteArray listWithout(const QByteArray &contents, const QStringList &extensions)
{
    QByteArray kept;
    for (const QByteArray &line : contents.split('\n')) {
        if (!line.isEmpty())
            kept += (concerns(QString::fromUtf8(line), extensions) ? ';' + line : line) + '\n';
    }
    return kept;
}

} // namespace burrow::dialect::postgres
