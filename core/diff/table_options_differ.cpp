#include "describe.h"
#include "table_options_differ_p.h"

namespace burrow::diff {
namespace {

/// The same parents in any order: INHERIT and NO INHERIT change the set, and the order (which
/// only laid out the columns when the table was created) does not matter to a table that exists.
bool sameParents(const QStringList &a, const QStringList &b, Qt::CaseSensitivity cs)
{
    return a.size() == b.size() && std::all_of(a.begin(), a.end(), [&](const QString &parent) {
               return b.contains(parent, cs);
           });
}

QString periodOf(const schema::ApplicationPeriod &period)
{
    if (period.name.isEmpty())
        return {};
    return displayName(period.name) + u' ' + displayNames({period.start, period.end});
}

QString nameOrNone(const QString &name)
{
    return name.isEmpty() ? QString() : displayName(name);
}

QString replicaIdentityOf(const schema::Table &table)
{
    if (table.replicaIdentity.isEmpty())
        return QStringLiteral("DEFAULT");
    if (table.replicaIdentityIndex.isEmpty())
        return table.replicaIdentity;
    return table.replicaIdentity + u' ' + displayName(table.replicaIdentityIndex);
}

} // namespace

AttributeDiff tableOptionsDiff(const schema::Table &live, const schema::Table &model,
                               Qt::CaseSensitivity cs)
{
    AttributeDiff d;
    d.flag(live.withoutRowid != model.withoutRowid, QStringLiteral("without rowid"),
           model.withoutRowid ? QStringLiteral("WITHOUT ROWID added")
                              : QStringLiteral("WITHOUT ROWID dropped"));
    d.flag(live.strict != model.strict, QStringLiteral("strict"),
           model.strict ? QStringLiteral("STRICT added") : QStringLiteral("STRICT dropped"));
    d.compare(live.comment != model.comment, QStringLiteral("comment"), live.comment,
              model.comment);
    d.compare(live.collation != model.collation, QStringLiteral("collation"), live.collation,
              model.collation);
    d.compare(live.partitioning != model.partitioning, QStringLiteral("partitioning"),
              live.partitioning.simplified(), model.partitioning.simplified());
    d.compare(live.options != model.options, QStringLiteral("options"), live.options,
              model.options);
    d.compare(!sameParents(live.inherits, model.inherits, cs), QStringLiteral("inherits"),
              displayNames(live.inherits), displayNames(model.inherits));
    d.flag(live.systemVersioned != model.systemVersioned, QStringLiteral("system versioning"),
           model.systemVersioned ? QStringLiteral("SYSTEM VERSIONING added")
                                 : QStringLiteral("SYSTEM VERSIONING dropped"));
    d.compare(live.period != model.period, QStringLiteral("period"), periodOf(live.period),
              periodOf(model.period));
    d.compare(live.partitionOf.compare(model.partitionOf, cs) != 0, QStringLiteral("partition of"),
              nameOrNone(live.partitionOf), nameOrNone(model.partitionOf));
    d.compare(live.partitionBound != model.partitionBound, QStringLiteral("partition bound"),
              live.partitionBound, model.partitionBound);
    const QString liveIdentity = replicaIdentityOf(live);
    const QString modelIdentity = replicaIdentityOf(model);
    d.compare(liveIdentity.compare(modelIdentity, cs) != 0, QStringLiteral("replica identity"),
              liveIdentity, modelIdentity);
    d.compare(live.clusterIndex.compare(model.clusterIndex, cs) != 0, QStringLiteral("cluster on"),
              nameOrNone(live.clusterIndex), nameOrNone(model.clusterIndex));
    return d;
}

} // namespace burrow::diff
