#include "mysql_scratch_claim.h"

#include "mysql_connection.h"

#include <QRandomGenerator>

namespace burrow::dialect::mysql {
namespace {

/// Whether this session took the lock `name` at once (0 s: never waits for a live claimer).
bool locked(const QSqlDatabase &guard, const QString &name)
{
    Result<QSqlQuery> taken = runBound(guard, QStringLiteral("SELECT GET_LOCK(?, 0)"), {name});
    return taken && taken->next() && taken->value(0).toInt() == 1;
}

/// Drops the prefix's databases nobody holds the lock of. Best effort: one this user may not
/// drop stays.
void dropAbandoned(const QSqlDatabase &guard, const QString &prefix)
{
    Result<QSqlQuery> found =
        runBound(guard,
                 QStringLiteral("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA "
                                "WHERE SCHEMA_NAME REGEXP CONCAT('^', ?, '[0-9a-f]{16}$')"),
                 {prefix});
    if (!found)
        return;
    QStringList names;
    while (found->next())
        names.append(found->value(0).toString());
    for (const QString &name : names) {
        if (!locked(guard, name))
            continue;
        (void)runQuery(guard, u"DROP DATABASE IF EXISTS " + quoteIdentifier(name));
        (void)runBound(guard, QStringLiteral("SELECT RELEASE_LOCK(?)"), {name});
    }
}

} // namespace

Result<QString> claimScratchDatabase(const QSqlDatabase &guard, const QString &prefix)
{
    dropAbandoned(guard, prefix);
    const QString name =
        prefix +
        QString::number(QRandomGenerator::system()->generate64(), 16).rightJustified(16, u'0');
    if (!locked(guard, name))
        return Error{Error::Code::Sql,
                     u"cannot take the named lock of the scratch database " + name};
    return name;
}

} // namespace burrow::dialect::mysql
