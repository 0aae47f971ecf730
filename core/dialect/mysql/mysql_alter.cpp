#include "mysql_alter.h"

#include "mysql_alter_p.h"
#include "mysql_connection.h"
#include "mysql_partitions.h"
#include "mysql_table_options.h"
#include "mysql_table_sql.h"

#include <QHash>
#include <QSet>

namespace burrow::dialect::mysql {

using namespace schema;

namespace {

/// Collects the clauses of the ALTER TABLE, in the order MariaDB needs them.
class AlterBuilder {
public:
    AlterBuilder(const Table &live, const Table &target)
        : m_live(live)
        , m_target(target)
    {
    }

    plan::TableAlteration build();

private:
    void foreignKeys();
    bool keepIndexOf(const ForeignKey &fk);
    void checks();
    void uniques();
    bool uniqueKept(const UniqueConstraint &live, const UniqueConstraint &target) const;
    void indexes();
    QHash<QString, QString> indexRenames() const;
    void primaryKey();
    void period();
    /// Whether a key using a period (WITHOUT OVERLAPS) must be built again: the period's
    /// DROP waits for its keys to go.
    bool rebuiltWithPeriod(const QString &liveOverlaps, const QString &targetOverlaps) const;
    void columns();
    void modifyColumn(const schema::Column &live);
    void restateCharacterColumns();
    QString fillNullsSql(const schema::Column &target) const;
    void addColumnClause(const QString &column, const QString &clause);
    QString columnPosition(qsizetype at) const;
    QStringList positionedColumns() const;
    void addCheck(const CheckConstraint &target);
    void recreateColumn(const schema::Column &live, const schema::Column &target);
    bool touchesRecreated(const QList<IndexPart> &parts) const;
    bool touchesRecreated(const QStringList &columns) const;

    const Table &m_live;
    const Table &m_target;
    QStringList m_drops, m_foreignKeyDrops, m_columns, m_adds, m_readded;
    QSet<QString> m_changedColumns;           // dropped or rewritten by MODIFY
    QSet<QString> m_recreatedColumns;         // dropped and added again: their indexes go with them
    QStringList m_before;                     // statements before the ALTER
    QStringList m_after;                      // statements after the ALTER
    QHash<QString, qsizetype> m_columnClause; // column → its ADD or MODIFY in m_columns
    QHash<qsizetype, QString> m_positions;    // an ADD in m_columns → ` AFTER x` or ` FIRST`
    bool m_touchesIndexes = false;
};

void AlterBuilder::foreignKeys()
{
    auto columnsOf = [](const ForeignKey &fk) { return fk.columns.join(u'\x1f'); };
    for (const ForeignKey &live : m_live.foreignKeys) {
        const ForeignKey *target = findBy(m_target.foreignKeys, columnsOf(live), columnsOf);
        if (target && foreignKeySignature(*target) == foreignKeySignature(live) &&
            namesAgree(live.name, target->name))
            continue;
        m_foreignKeyDrops.append(u"DROP FOREIGN KEY " + quoteIdentifier(keptForeignKeyName(
                                                            m_live.name, live, target, m_target)));
    }
    for (const ForeignKey &target : m_target.foreignKeys) {
        const ForeignKey *live = findBy(m_live.foreignKeys, columnsOf(target), columnsOf);
        if (live && foreignKeySignature(*live) == foreignKeySignature(target) &&
            namesAgree(live->name, target.name))
            continue;
        const QString name = keptForeignKeyName(m_target.name, target, live, m_live);
        // Also a key the plan dropped on its own before (its referenced key changes).
        const bool keepsIndex = keepIndexOf(target);
        const bool reused =
            live && keptForeignKeyName(m_live.name, *live, &target, m_target) == name;
        (reused || keepsIndex ? m_readded : m_adds)
            .append(u"ADD " + foreignKeyClause(name, target));
    }
}

// An index InnoDB created for a key (named after the key, or after its first column when the
// key has no name) gives way to the index of a key added later: added back under another name,
// the key would replace it. Added again explicitly just before, the index is the model's own,
// and the key uses it. An index the user declared is kept by InnoDB as it is. Whether one was
// added.
bool AlterBuilder::keepIndexOf(const ForeignKey &fk)
{
    auto generatedFor = [this, &fk](const QString &index) {
        return index.compare(fk.columns.constFirst(), Qt::CaseInsensitive) == 0 ||
               std::any_of(m_live.foreignKeys.begin(), m_live.foreignKeys.end(),
                           [&](const ForeignKey &live) {
                               return live.name.compare(index, Qt::CaseInsensitive) == 0;
                           });
    };
    for (const Index &live : m_live.indexes) {
        QStringList columns;
        for (const IndexPart &part : live.parts)
            columns.append(part.column);
        const Index *target =
            findBy(m_target.indexes, live.name, [](const Index &i) { return i.name; });
        if (columns != fk.columns || live.name == fk.name || !generatedFor(live.name) || !target ||
            indexSignature(*target) != indexSignature(live))
            continue;
        m_readded << u"DROP INDEX " + quoteIdentifier(live.name) << u"ADD " + indexClause(*target);
        return true;
    }
    return false;
}

// MariaDB keeps a column-level CHECK (named after its column) in the column's definition:
// DROP CONSTRAINT cannot remove it, any MODIFY COLUMN removes it. So it goes with a MODIFY, and
// a check that should stay on a modified column is added back as a table constraint.
void AlterBuilder::checks()
{
    auto matches = [](const CheckConstraint &a, const CheckConstraint &b) {
        return a.expression.canonical == b.expression.canonical && namesAgree(a.name, b.name);
    };
    QList<const CheckConstraint *> kept;
    for (const CheckConstraint &live : m_live.checks) {
        // By where the server keeps it: a model's unnamed column check has no name here, and a
        // table check may be named like a column.
        const Column *owner =
            live.column.isEmpty() ? nullptr : findColumn(m_live, live.column, Qt::CaseSensitive);
        const bool goesWithColumn = owner && m_changedColumns.contains(owner->name);
        const bool wanted = std::any_of(m_target.checks.begin(), m_target.checks.end(),
                                        [&](const CheckConstraint &t) { return matches(live, t); });
        if (wanted && !goesWithColumn)
            kept.append(&live);
        else if (!goesWithColumn && owner)
            modifyColumn(*owner);
        else if (!goesWithColumn)
            m_drops.append(u"DROP CONSTRAINT " +
                           quoteIdentifier(checkName(m_live.name, live, m_target)));
    }
    for (const CheckConstraint &target : m_target.checks) {
        if (std::none_of(kept.begin(), kept.end(),
                         [&](const CheckConstraint *l) { return matches(*l, target); }))
            addCheck(target);
    }
}

/// A column's own CHECK goes into the column's definition (MODIFY'ing it when nothing else
/// does), where the server keeps it; a table's CHECK is a table constraint.
void AlterBuilder::addCheck(const CheckConstraint &target)
{
    const Column *live = findColumn(m_live, target.column, Qt::CaseSensitive);
    const bool inColumn = !target.column.isEmpty() &&
                          findColumn(m_target, target.column, Qt::CaseSensitive) &&
                          (live || m_columnClause.contains(target.column));
    if (!inColumn) {
        m_adds.append(u"ADD " + checkClause(checkName(m_target.name, target, m_live), target));
        return;
    }
    if (!m_columnClause.contains(target.column))
        modifyColumn(*live);
    m_columns[m_columnClause.value(target.column)] += columnCheckClause(target);
}

// Where the target's column `at`, added, goes: where the model has it (MariaDB adds a column
// anywhere in place), unless it and those after it are all added, in order, at the end.
QString AlterBuilder::columnPosition(qsizetype at) const
{
    const QList<Column> &columns = m_target.columns;
    const auto added = [this](const Column &c) {
        const Column *live = findColumn(m_live, c.name, Qt::CaseSensitive);
        return !live || mustRecreate(*live, c);
    };
    if (std::all_of(columns.begin() + at, columns.end(), added))
        return {};
    return at == 0 ? QStringLiteral(" FIRST") : u" AFTER " + quoteIdentifier(columns[at - 1].name);
}

// The position goes after the whole definition, a CHECK appended to it included.
QStringList AlterBuilder::positionedColumns() const
{
    QStringList out = m_columns;
    for (auto it = m_positions.cbegin(); it != m_positions.cend(); ++it)
        out[it.key()] += it.value();
    return out;
}

void AlterBuilder::addColumnClause(const QString &column, const QString &clause)
{
    m_columnClause.insert(column, m_columns.size());
    m_columns.append(clause);
}

/// Rewrites `live`'s definition as the target has it (which drops its column-level check).
void AlterBuilder::modifyColumn(const Column &live)
{
    const Column *target = findColumn(m_target, live.name, Qt::CaseSensitive);
    if (target && !m_columnClause.contains(live.name)) {
        addColumnClause(live.name, u"MODIFY COLUMN " + columnDefinition(*target));
        m_changedColumns.insert(live.name);
    }
}

// The same key, but perhaps for its name: kept (renamed in place where the name differs, not
// built again, nor refused while a foreign key needs it).
bool AlterBuilder::uniqueKept(const UniqueConstraint &live, const UniqueConstraint &target) const
{
    return live.comment == target.comment && !touchesRecreated(live.columns) &&
           !rebuiltWithPeriod(live.withoutOverlaps, target.withoutOverlaps);
}

void AlterBuilder::uniques()
{
    auto columnsOf = [](const UniqueConstraint &u) { return u.columns.join(u'\x1f'); };
    for (const UniqueConstraint &live : m_live.uniques) {
        const UniqueConstraint *target = findBy(m_target.uniques, columnsOf(live), columnsOf);
        if (!target || !uniqueKept(live, *target)) {
            m_drops.append(u"DROP INDEX " + quoteIdentifier(uniqueName(live)));
        } else if (!namesAgree(live.name, target->name)) {
            m_columns.append(u"RENAME INDEX " + quoteIdentifier(uniqueName(live)) + u" TO " +
                             quoteIdentifier(uniqueName(*target)));
            m_touchesIndexes = true;
        }
    }
    for (const UniqueConstraint &target : m_target.uniques) {
        const UniqueConstraint *live = findBy(m_live.uniques, columnsOf(target), columnsOf);
        if (!live || !uniqueKept(*live, target))
            m_adds.append(u"ADD " + uniqueClause(target));
    }
}

// The same index but for whether the optimizer ignores it (MariaDB's IGNORED): a flag the
// server flips in place, without building the index again.
bool onlyIgnoredDiffers(const Index &live, const Index *target)
{
    if (!target || isIgnored(live) == isIgnored(*target))
        return false;
    Index flipped = live;
    flipped.options = target->options;
    return indexSignature(flipped) == indexSignature(*target);
}

void AlterBuilder::indexes()
{
    auto nameOf = [](const Index &i) { return i.name; };
    const auto kept = [this](const Index &i, const Index *other) {
        return other &&
               (indexSignature(*other) == indexSignature(i) || onlyIgnoredDiffers(i, other)) &&
               !touchesRecreated(i.parts);
    };
    const QHash<QString, QString> renamed = indexRenames();
    for (const Index &live : m_live.indexes) {
        const Index *target = findBy(m_target.indexes, live.name, nameOf);
        if (kept(live, target)) {
            if (onlyIgnoredDiffers(live, target)) {
                m_columns.append(u"ALTER INDEX " + quoteIdentifier(live.name) +
                                 (isIgnored(*target) ? QStringLiteral(" IGNORED")
                                                     : QStringLiteral(" NOT IGNORED")));
                m_touchesIndexes = true;
            }
            continue;
        }
        if (renamed.contains(live.name))
            m_columns.append(u"RENAME INDEX " + quoteIdentifier(live.name) + u" TO " +
                             quoteIdentifier(renamed[live.name]));
        else
            m_drops.append(u"DROP INDEX " + quoteIdentifier(live.name));
        m_touchesIndexes = true;
    }
    for (const Index &target : m_target.indexes) {
        if (kept(target, findBy(m_live.indexes, target.name, nameOf)) ||
            std::find(renamed.begin(), renamed.end(), target.name) != renamed.end())
            continue;
        m_adds.append(u"ADD " + indexClause(target));
        m_touchesIndexes = true;
    }
}

// Live index → target name: the only index of its definition that the model drops, and the only
// one it adds. Renamed in place, it is not built again (nor refused while a foreign key needs it).
QHash<QString, QString> AlterBuilder::indexRenames() const
{
    auto nameOf = [](const Index &i) { return i.name; };
    QMultiHash<QString, const Index *> removed;
    QMultiHash<QString, const Index *> added;
    for (const Index &live : m_live.indexes) {
        if (!findBy(m_target.indexes, live.name, nameOf) && !touchesRecreated(live.parts))
            removed.insert(indexSignature(live), &live);
    }
    for (const Index &target : m_target.indexes) {
        if (!findBy(m_live.indexes, target.name, nameOf) && !touchesRecreated(target.parts))
            added.insert(indexSignature(target), &target);
    }
    QHash<QString, QString> out;
    for (auto it = removed.begin(); it != removed.end(); ++it) {
        if (removed.count(it.key()) == 1 && added.count(it.key()) == 1)
            out.insert((*it)->name, added.value(it.key())->name);
    }
    return out;
}

void AlterBuilder::primaryKey()
{
    const QStringList before = m_live.primaryKey ? m_live.primaryKey->columns : QStringList();
    const QStringList after = m_target.primaryKey ? m_target.primaryKey->columns : QStringList();
    // A comment is part of the key's definition: the key is dropped and added again with it.
    const auto commentOf = [](const std::optional<PrimaryKey> &key) {
        return key ? key->comment : QString();
    };
    const auto overlapsOf = [](const std::optional<PrimaryKey> &key) {
        return key ? key->withoutOverlaps : QString();
    };
    if (before == after && commentOf(m_live.primaryKey) == commentOf(m_target.primaryKey) &&
        !rebuiltWithPeriod(overlapsOf(m_live.primaryKey), overlapsOf(m_target.primaryKey)))
        return;
    if (!before.isEmpty())
        m_drops.append(QStringLiteral("DROP PRIMARY KEY"));
    if (!after.isEmpty())
        m_adds.prepend(u"ADD " + primaryKeyClause(*m_target.primaryKey));
}

bool AlterBuilder::rebuiltWithPeriod(const QString &liveOverlaps,
                                     const QString &targetOverlaps) const
{
    return liveOverlaps != targetOverlaps ||
           (!liveOverlaps.isEmpty() && m_live.period != m_target.period);
}

// After the keys: the DROP needs those using the period gone, the keys added need it there.
void AlterBuilder::period()
{
    if (m_live.period == m_target.period)
        return;
    if (!m_live.period.name.isEmpty())
        m_drops.append(u"DROP PERIOD FOR " + quoteIdentifier(m_live.period.name));
    if (!m_target.period.name.isEmpty())
        m_adds.prepend(u"ADD " + applicationPeriodClause(m_target.period));
}

void AlterBuilder::columns()
{
    for (const Column &live : m_live.columns) {
        if (!findColumn(m_target, live.name, Qt::CaseSensitive)) {
            m_drops.append(u"DROP COLUMN " + quoteIdentifier(live.name));
            m_changedColumns.insert(live.name);
        }
    }
    for (qsizetype at = 0; at < m_target.columns.size(); ++at) {
        const Column &target = m_target.columns[at];
        const Column *live = findColumn(m_live, target.name, Qt::CaseSensitive);
        if (!live || mustRecreate(*live, target)) {
            if (live)
                recreateColumn(*live, target);
            else
                addColumnClause(target.name, u"ADD COLUMN " + columnDefinition(target));
            m_positions.insert(m_columnClause.value(target.name), columnPosition(at));
        } else if (columnSignature(*live) != columnSignature(target)) {
            if (defaultFillsNulls(*live, target))
                m_before.append(fillNullsSql(target));
            modifyColumn(*live);
        }
    }
    if (m_live.collation != m_target.collation)
        restateCharacterColumns();
}

// Before the ALTER, which would refuse the NULLs (strict mode) or turn them into the type's
// zero, not the default. A column that ON UPDATE sets itself is assigned its own value: the
// fill must not touch it.
QString AlterBuilder::fillNullsSql(const Column &target) const
{
    const QString name = quoteIdentifier(target.name);
    QString sql = u"UPDATE " + quoteIdentifier(m_target.name) + u" SET " + name + u" = " +
                  defaultSql(target.defaultValue->text);
    for (const Column &c : m_live.columns) {
        if (c.type.contains(u" on update ", Qt::CaseInsensitive) && c.name != target.name)
            sql += u", " + quoteIdentifier(c.name) + u" = " + quoteIdentifier(c.name);
    }
    return sql + u" WHERE " + name + u" IS NULL";
}

// A new table default collation reaches only the columns (re)defined in the same ALTER; the
// others keep the old one, now spelled out. So every character column is restated as the model
// has it (CONVERT TO would also override the columns' own collations and widen TEXT types).
void AlterBuilder::restateCharacterColumns()
{
    for (const Column &live : m_live.columns) {
        const Column *target = findColumn(m_target, live.name, Qt::CaseSensitive);
        if (target && isCharacterType(target->type))
            modifyColumn(live);
    }
}

void AlterBuilder::recreateColumn(const Column &live, const Column &target)
{
    m_drops.append(u"DROP COLUMN " + quoteIdentifier(live.name));
    addColumnClause(target.name, u"ADD COLUMN " + columnDefinition(target));
    m_changedColumns.insert(live.name);
    m_recreatedColumns.insert(live.name);
    // A virtual column becoming a plain one keeps the values it showed.
    if (target.generated == Generated::No)
        m_after.append(u"UPDATE " + quoteIdentifier(m_target.name) + u" SET " +
                       quoteIdentifier(target.name) + u" = (" + live.generatedExpression.text +
                       u')');
}

bool AlterBuilder::touchesRecreated(const QList<IndexPart> &parts) const
{
    return std::any_of(parts.begin(), parts.end(), [this](const IndexPart &p) {
        return m_recreatedColumns.contains(p.column);
    });
}

bool AlterBuilder::touchesRecreated(const QStringList &columns) const
{
    return std::any_of(columns.begin(), columns.end(),
                       [this](const QString &c) { return m_recreatedColumns.contains(c); });
}

plan::TableAlteration AlterBuilder::build()
{
    columns(); // first: checks depend on which columns are rewritten
    foreignKeys();
    checks();
    uniques();
    indexes();
    primaryKey();
    period();
    const QString alter = u"ALTER TABLE " + quoteIdentifier(m_target.name) + u"\n  ";
    // InnoDB refuses to change the engine of a table that has foreign keys, even those the
    // same statement drops: they go first, on their own.
    const bool ownStatementForKeyDrops =
        changesEngine(m_live.options, m_target.options) && !m_foreignKeyDrops.isEmpty();
    if (ownStatementForKeyDrops)
        m_before.append(alter + m_foreignKeyDrops.join(u",\n  "));
    QStringList clauses = m_drops + (ownStatementForKeyDrops ? QStringList() : m_foreignKeyDrops) +
                          positionedColumns() + m_adds;
    if (m_live.comment != m_target.comment)
        clauses.append(tableCommentOption(m_target.comment));
    if (m_live.collation != m_target.collation && !m_target.collation.isEmpty())
        clauses.append(tableCollationOption(m_target.collation));
    clauses += tableOptionClauses(m_live.options, m_target.options);
    clauses += versioningClauses(m_live, m_target);
    plan::TableAlteration out;
    out.carriesIndexes = m_touchesIndexes;
    // Every unique key must hold the partitioning columns: partitioning goes before the keys
    // change and comes after.
    const bool repartitions = m_live.partitioning != m_target.partitioning;
    out.sql += m_before;
    if (repartitions && m_target.partitioning.isEmpty())
        out.sql.append(repartitionSql(m_target.name, m_live.partitioning, {}));
    if (!clauses.isEmpty())
        out.sql.append(alter + clauses.join(u",\n  "));
    if (!m_readded.isEmpty())
        out.sql.append(alter + m_readded.join(u",\n  "));
    out.sql += m_after;
    if (repartitions && !m_target.partitioning.isEmpty())
        out.sql.append(repartitionSql(m_target.name, m_live.partitioning, m_target.partitioning));
    return out;
}

} // namespace

plan::TableAlteration alterTableSql(const Table &live, const Table &target)
{
    return AlterBuilder(live, target).build();
}

} // namespace burrow::dialect::mysql
