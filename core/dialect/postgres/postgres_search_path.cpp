#include "postgres_search_path.h"

#include <QFile>

namespace burrow::dialect::postgres {
namespace {

const QByteArray kEmptySearchPath = "SELECT pg_catalog.set_config('search_path', '', false);";

/// A line of the script's preamble: settings, comments, blank lines, psql's \restrict.
bool inPreamble(const QByteArray &line)
{
    return line.isEmpty() || line.startsWith("--") || line.startsWith("SET ") ||
           line.startsWith("SELECT pg_catalog.set_config(") || line.startsWith("\\restrict ");
}

} // namespace

bool missedAName(const Error &error)
{
    // A role is no object of the schema: no search_path finds one.
    const QString said = error.message + error.details;
    return said.contains(u"does not exist") && !said.contains(u"ERROR:  role \"");
}

bool keepDatabaseSearchPath(const QString &file)
{
    QFile script(file);
    if (!script.open(QIODevice::ReadWrite))
        return false;
    while (!script.atEnd()) {
        const qint64 offset = script.pos();
        const QByteArray line = script.readLine().trimmed();
        if (line == kEmptySearchPath) {
            const QByteArray comment =
                QByteArray("-- search_path: the database's own").leftJustified(line.size(), ' ');
            return script.seek(offset) && script.write(comment) == comment.size() && script.flush();
        }
        if (!inPreamble(line))
            return false;
    }
    return false;
}

} // namespace burrow::dialect::postgres
