#include "mysql_partitions.h"

#include "mysql_connection.h"

namespace burrow::dialect::mysql {
namespace {

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

/// A clause as clauseOf() spells it, cut into its head (method, expression, subpartitions)
/// and its partitions' definitions (`PARTITION `p1` VALUES LESS THAN (2022)`).
struct SpelledPartitions {
    explicit SpelledPartitions(const QString &clause)
    {
        const qsizetype open = clause.indexOf(u"\n(");
        if (open < 0 || !clause.endsWith(u')'))
            return;
        head = clause.left(open);
        const QString list = clause.sliced(open + 2).chopped(1);
        definitions = list.split(QStringLiteral(",\n PARTITION "));
        for (qsizetype i = 1; i < definitions.size(); ++i)
            definitions[i].prepend(u"PARTITION ");
    }
    bool isRange() const { return head.startsWith(u"PARTITION BY RANGE"); }
    bool isList() const { return head.startsWith(u"PARTITION BY LIST"); }

    QString head;
    QStringList definitions;
};

/// `PARTITION `a``b` VALUES LESS THAN (5)` → the quoted name and the bound after it.
std::pair<QString, QString> nameAndBound(const QString &definition)
{
    constexpr qsizetype nameStart = 10; // after "PARTITION "
    qsizetype i = nameStart + 1;
    while (i < definition.size()) {
        if (definition[i] == u'`' && (i + 1 >= definition.size() || definition[i + 1] != u'`'))
            break;
        i += definition[i] == u'`' ? 2 : 1;
    }
    return {definition.sliced(nameStart, i + 1 - nameStart), definition.sliced(i + 1)};
}

/// ADD PARTITION or REORGANIZE PARTITION taking `live` to `target`; empty when the change
/// needs the whole table repartitioned.
QString partitionChangeInPlace(const SpelledPartitions &live, const SpelledPartitions &target)
{
    if (live.head.isEmpty() || live.head != target.head || !(live.isRange() || live.isList()))
        return {};
    QStringList from = live.definitions;
    QStringList to = target.definitions;
    while (!from.isEmpty() && !to.isEmpty() && from.first() == to.first()) {
        from.removeFirst();
        to.removeFirst();
    }
    if (to.isEmpty())
        return {}; // partitions only removed: their rows must move, not go
    if (from.isEmpty())
        return u"ADD PARTITION (" + to.join(u",\n ") + u')';
    // A range partition's rows can only go where the same span is covered again: the
    // partitions reorganized end at the same bound as their replacements. Those kept at the
    // end stay out of it as long as that holds.
    const auto boundOf = [](const QString &definition) { return nameAndBound(definition).second; };
    if (!live.isRange() || boundOf(from.last()) != boundOf(to.last()))
        return {};
    while (from.size() > 1 && to.size() > 1 && from.last() == to.last() &&
           boundOf(from[from.size() - 2]) == boundOf(to[to.size() - 2])) {
        from.removeLast();
        to.removeLast();
    }
    QStringList names;
    for (const QString &definition : std::as_const(from))
        names.append(nameAndBound(definition).first);
    return u"REORGANIZE PARTITION " + names.join(u", ") + u" INTO\n(" + to.join(u",\n ") + u')';
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

QString repartitionSql(const QString &table, const QString &live, const QString &target)
{
    const QString alter = u"ALTER TABLE " + quoteIdentifier(table) + u' ';
    if (target.isEmpty())
        return alter + u"REMOVE PARTITIONING";
    const QString inPlace =
        partitionChangeInPlace(SpelledPartitions(live), SpelledPartitions(target));
    return alter + (inPlace.isEmpty() ? target : inPlace);
}

} // namespace burrow::dialect::mysql
