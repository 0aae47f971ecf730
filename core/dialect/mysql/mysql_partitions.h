#pragma once

// Partitioning (PARTITION BY): read from information_schema.PARTITIONS in one query for the
// whole schema, kept as the clause Burrow spells from it, so that the model (loaded by the same
// server) and the live table compare as the engine normalized them.

#include <QHash>
#include <QSqlQuery>
#include <QStringList>

namespace burrow::dialect::mysql {

/// The query reading the partitions of one schema's tables (its one parameter), in order.
const QString &partitionsQuery();

/// Collects the rows of partitionsQuery() into each table's PARTITION BY clause.
class PartitionClauses {
public:
    void add(const QSqlQuery &row);
    /// `PARTITION BY RANGE (year(`joined`)) (PARTITION `p1` VALUES LESS THAN (2022), …)`;
    /// empty for a table that is not partitioned.
    QString clauseOf(const QString &table) const;

private:
    struct Partition {
        QString name;
        QString description; // the bound: `2022`, `MAXVALUE`, `4,5,6`, `'2024-04-01'`
        int subpartitions = 0;
    };
    struct Spec {
        QString method, expression, subMethod, subExpression;
        QList<Partition> partitions;
    };
    QHash<QString, Spec> m_specs; // by table
};

/// The ALTER TABLE statement that takes `table` from partitioning `live` to `target`, touching
/// as few rows as the engine allows: REMOVE PARTITIONING; ADD PARTITION for range or list
/// partitions appended; REORGANIZE PARTITION for range partitions split, merged or renamed
/// over the span they covered; otherwise the target's whole clause, which rewrites every row.
QString repartitionSql(const QString &table, const QString &live, const QString &target);

} // namespace burrow::dialect::mysql
