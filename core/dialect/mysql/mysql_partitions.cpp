#include "mysql_partitions.h"

#include "mysql_connection.h"

namespace burrow::dialect::mysql {
namespace {

QString text(const QSqlQuery &row, int column)
{
    return row.value(column).toString();
}

bool isRange(const QString &method)
{
    return method.startsWith(u"RANGE");
}

bool isList(const QString &method)
{
    return method.startsWith(u"LIST");
}

/// HASH and KEY partitions the server named itself (p0, p1, …): the count says it all.
template<typename Partitions> bool defaultNames(const Partitions &partitions)
{
    for (qsizetype i = 0; i < partitions.size(); ++i) {
        if (partitions[i].name != u'p' + QString::number(i))
            return false;
    }
    return true;
}

QString bound(const QString &method, const QString &description)
{
    if (isRange(method))
        return description == u"MAXVALUE" && method == u"RANGE"
                   ? QStringLiteral(" VALUES LESS THAN MAXVALUE")
                   : u" VALUES LESS THAN (" + description + u')';
    if (isList(method))
        return description == u"DEFAULT" ? QStringLiteral(" DEFAULT")
                                         : u" VALUES IN (" + description + u')';
    return {};
}

} // namespace

const QString &partitionsQuery()
{
    static const QString query = QStringLiteral(
        "SELECT TABLE_NAME, PARTITION_NAME, SUBPARTITION_NAME, PARTITION_METHOD, "
        "PARTITION_EXPRESSION, SUBPARTITION_METHOD, SUBPARTITION_EXPRESSION, "
        "PARTITION_DESCRIPTION FROM information_schema.PARTITIONS "
        "WHERE TABLE_SCHEMA = ? AND PARTITION_NAME IS NOT NULL "
        "ORDER BY TABLE_NAME, PARTITION_ORDINAL_POSITION, SUBPARTITION_ORDINAL_POSITION");
    return query;
}

void PartitionClauses::add(const QSqlQuery &row)
{
    Spec &spec = m_specs[text(row, 0)];
    spec.method = text(row, 3);
    spec.expression = text(row, 4);
    spec.subMethod = text(row, 5);
    spec.subExpression = text(row, 6);
    const QString name = text(row, 1);
    if (spec.partitions.isEmpty() || spec.partitions.last().name != name)
        spec.partitions.append({name, text(row, 7), 0});
    if (!text(row, 2).isEmpty())
        ++spec.partitions.last().subpartitions;
}

QString PartitionClauses::clauseOf(const QString &table) const
{
    const auto found = m_specs.constFind(table);
    if (found == m_specs.constEnd() || found->partitions.isEmpty())
        return {};
    const Spec &spec = *found;
    QString out = u"PARTITION BY " + spec.method + u" (" + spec.expression + u')';
    if (!spec.subMethod.isEmpty())
        out += u" SUBPARTITION BY " + spec.subMethod + u" (" + spec.subExpression +
               u") SUBPARTITIONS " + QString::number(spec.partitions.first().subpartitions);
    const bool bounded = isRange(spec.method) || isList(spec.method);
    if (!bounded && defaultNames(spec.partitions))
        return spec.partitions.size() == 1
                   ? out // the default count, which the server leaves out of SHOW CREATE TABLE
                   : out + u" PARTITIONS " + QString::number(spec.partitions.size());
    QStringList partitions;
    for (const Partition &p : spec.partitions)
        partitions.append(u"PARTITION " + quoteIdentifier(p.name) +
                          bound(spec.method, p.description));
    return out + u"\n(" + partitions.join(u",\n ") + u')';
}

QString repartitionSql(const QString &table, const QString &target)
{
    return u"ALTER TABLE " + quoteIdentifier(table) + u' ' +
           (target.isEmpty() ? QStringLiteral("REMOVE PARTITIONING") : target);
}

} // namespace burrow::dialect::mysql
