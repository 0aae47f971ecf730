#pragma once

// Internals of the catalog reader: turns information_schema rows into schema values.

#include "../../schema/schema.h"
#include "mysql_partitions.h"

#include <QHash>
#include <QSqlQuery>

namespace burrow::dialect::mysql {

/// Collects the rows of each catalog query, whatever their order across tables: everything is
/// found by its table's exact name (names are case-sensitive; `Book` and `book` may both exist).
class CatalogBuilder {
public:
    explicit CatalogBuilder(const QString &database)
        : m_database(database)
    {
    }

    void readTable(const QSqlQuery &row);
    void readColumn(const QSqlQuery &row);
    void readIndexPart(const QSqlQuery &row);
    void readForeignKeyPart(const QSqlQuery &row);
    void readCheck(const QSqlQuery &row);
    void readView(const QSqlQuery &row);
    void readTrigger(const QSqlQuery &row);
    void readEvent(const QSqlQuery &row);
    void readRoutine(const QSqlQuery &row);
    void readPartition(const QSqlQuery &row) { m_partitions.add(row); }
    /// The sequences the tables query listed, whose settings readSequence() takes.
    const QStringList &sequenceNames() const { return m_sequenceNames; }
    void readSequence(const QSqlQuery &row);
    /// The tables with a CHECK shaped like an application-time period's, whose SHOW CREATE
    /// TABLE readPeriod() takes.
    QStringList periodCandidates() const;
    void readPeriod(const QString &table, const QString &createTable);

    schema::Schema finish();

private:
    /// An index as STATISTICS lists it, before it is classified as a key or an index.
    struct RawIndex {
        schema::Index index;
        QString type; // BTREE, HASH, FULLTEXT, SPATIAL
        bool plainColumns = true;
        QString withoutOverlaps{}; // the period its rows may not overlap in
    };

    schema::Table *table(const QString &name);
    void addPrimaryKeyColumn(schema::Table &t, const QString &column);
    void leaveOutRowEnd(schema::Table &t);
    void classifyIndexes(schema::Table &t, const QList<RawIndex> &indexes);

    QString m_database;
    schema::Schema m_schema;
    QHash<QString, qsizetype> m_tableIndex;
    QHash<QString, QString> m_tableCollation;
    QHash<QString, QList<RawIndex>> m_indexes;   // by table
    QHash<QString, qsizetype> m_foreignKeyIndex; // table \x1f constraint → position
    PartitionClauses m_partitions;
    QStringList m_sequenceNames;
};

} // namespace burrow::dialect::mysql
