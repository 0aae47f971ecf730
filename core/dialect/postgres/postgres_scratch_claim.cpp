#include "postgres_scratch_claim.h"

#include "postgres_names.h"
#include "postgres_session.h"

#include <QRandomGenerator>

namespace burrow::dialect::postgres {
namespace {

/// Drops the prefix's databases whose claimer died. pg_locks shows the advisory locks of every
/// database, keyed by the name's hex digits. Best effort: one this user may not drop stays.
void dropAbandoned(Session &admin, const QString &prefix)
{
    Result<QStringList> abandoned = admin.column(
        u"SELECT d.datname FROM pg_catalog.pg_database d WHERE d.datname ~ " +
        quoteLiteral(u'^' + prefix + u"[0-9a-f]{16}$") +
        u" AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_stat_activity a "
        u"WHERE a.datname = d.datname) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_locks l "
        u"WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND "
        u"((l.classid::bigint << 32) | l.objid::bigint) = "
        u"('x' || pg_catalog.right(d.datname, 16))::bit(64)::bigint)");
    if (!abandoned)
        return;
    for (const QString &name : *abandoned)
        (void)admin.run(u"DROP DATABASE IF EXISTS " + quoteIdentifier(name));
}

} // namespace

Result<QString> claimScratchDatabase(Session &admin, const QString &prefix)
{
    dropAbandoned(admin, prefix);
    const auto key = qint64(QRandomGenerator::system()->generate64() >> 1);
    if (Result<QSqlQuery> locked =
            admin.run(u"SELECT pg_catalog.pg_advisory_lock(" + QString::number(key) + u')');
        !locked)
        return locked.error();
    return QString(prefix + QStringLiteral("%1").arg(quint64(key), 16, 16, QLatin1Char('0')));
}

} // namespace burrow::dialect::postgres
