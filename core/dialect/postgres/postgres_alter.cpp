#include "postgres_alter.h"

#include "postgres_column_options.h"
#include "postgres_index_adoption.h"
#include "postgres_names.h"
#include "postgres_numbering.h"
#include "postgres_object_sql.h"
#include "postgres_table_options.h"
#include "postgres_table_sql.h"
#include "postgres_types.h"

#include <QSet>

#include <algorithm>

namespace burrow::dialect::postgres {
namespace {

using namespace schema;

/// A table constraint reduced to what identifies it: its name, its definition (the SQL that
/// adds it, without the name) and how to spell it whole.
struct Constraint {
    QString name;
    QString definition;
    QString sql;
    int order = 0; // drop order: foreign keys first, the primary key last; added in reverse
    QString comment;
    /// A foreign key's definition as if NOT DEFERRABLE, and its deferral: PostgreSQL changes
    /// only a foreign key's deferral in place (ALTER CONSTRAINT); other kinds go and come back.
    QString undeferred{};
    Deferral deferral = Deferral::NotDeferrable;
    /// A unique constraint's or primary key's columns, and whether it treats NULLs as equal:
    /// what an index it may take over must match.
    QStringList keyColumns{};
    bool nullsNotDistinct = false;
};

template<typename T>
Constraint constraintOf(const T &value, QString (*render)(const T &), int order)
{
    T unnamed = value;
    unnamed.name.clear();
    return {value.name, render(unnamed), render(value), order, value.comment};
}

QList<Constraint> constraintsOf(const Table &table)
{
    QList<Constraint> out;
    for (const ForeignKey &fk : table.foreignKeys) {
        Constraint c = constraintOf(fk, &foreignKeySql, 0);
        ForeignKey undeferred = fk;
        undeferred.name.clear();
        undeferred.deferral = Deferral::NotDeferrable;
        c.undeferred = foreignKeySql(undeferred);
        c.deferral = fk.deferral;
        out.append(c);
    }
    for (const CheckConstraint &check : table.checks)
        out.append(constraintOf(check, &checkSql, 1));
    for (const ExclusionConstraint &exclusion : table.exclusions)
        out.append(constraintOf(exclusion, &exclusionSql, 1));
    for (const UniqueConstraint &unique : table.uniques) {
        Constraint c = constraintOf(unique, &uniqueSql, 2);
        c.keyColumns = unique.columns;
        c.nullsNotDistinct = unique.nullsNotDistinct;
        c.deferral = unique.deferral;
        out.append(c);
    }
    if (const std::optional<PrimaryKey> key = primaryKeyOf(table)) {
        Constraint c = constraintOf(*key, &primaryKeySql, 3);
        c.keyColumns = key->columns;
        c.deferral = key->deferral;
        out.append(c);
    }
    return out;
}

// The counterpart of `c` in `others`: the same name, or for an unnamed one the same definition.
const Constraint *counterpart(const Constraint &c, const QList<Constraint> &others)
{
    for (const Constraint &other : others) {
        const bool named = !c.name.isEmpty() && !other.name.isEmpty();
        if (named ? c.name == other.name : c.definition == other.definition)
            return &other;
    }
    return nullptr;
}

// The same foreign key, whatever its name, but for its deferral.
bool deferralDiffers(const Constraint &a, const Constraint *b)
{
    return b && !a.undeferred.isEmpty() && a.undeferred == b->undeferred &&
           a.deferral != b->deferral;
}

// The same foreign key under the same name but for its deferral: altered in place.
bool onlyDeferralDiffers(const Constraint &a, const Constraint *b)
{
    return deferralDiffers(a, b) && !a.name.isEmpty() && a.name == b->name;
}

// Kept as it is, or altered in place: neither dropped nor added.
bool keeps(const Constraint &c, const Constraint *other)
{
    return other && (other->definition == c.definition || onlyDeferralDiffers(c, other));
}

/// Whether `table` inherits from a table `other` does not.
bool hasParentNotIn(const Table &table, const Table &other)
{
    return std::any_of(table.inherits.begin(), table.inherits.end(),
                       [&other](const QString &p) { return !other.inherits.contains(p); });
}

class Alteration {
public:
    Alteration(const Table &live, const Table &target)
        : m_live(live)
        , m_target(target)
        , m_prefix(u"ALTER TABLE " + quoteIdentifier(target.name) + u' ')
        , m_leavesParent(hasParentNotIn(live, target))
    {
    }

    plan::TableAlteration build();

private:
    void add(const QString &action) { m_sql.append(m_prefix + action); }
    QString column(const Column &c) const { return u"ALTER COLUMN " + quoteIdentifier(c.name); }
    void findRenames(const QList<Constraint> &live, const QList<Constraint> &target);
    bool renamed(const Constraint &c, bool isLive) const
    {
        return std::any_of(m_renames.begin(), m_renames.end(), [&](const auto &rename) {
            return (isLive ? rename.first : rename.second) == c.name;
        });
    }
    /// The live constraint renamed to `target`'s name, if any.
    const Constraint *renamedFrom(const Constraint &target, const QList<Constraint> &live) const
    {
        for (const auto &[from, to] : m_renames) {
            if (to == target.name)
                return counterpart(Constraint{from}, live);
        }
        return nullptr;
    }
    void dropConstraints(const QList<Constraint> &live, const QList<Constraint> &target);
    void addConstraints(const QList<Constraint> &live, const QList<Constraint> &target);
    QString addConstraintSql(const Constraint &c);
    void alterColumns();
    /// ADD COLUMN (`verb`, the words before the definition) with the column's options.
    void addColumn(const schema::Column &c, const QString &verb);
    void leaveParents();
    void joinParents();
    void alterColumn(const Column &from, const Column &to);
    void alterType(const Column &from, const Column &to);
    QString fillNullsSql(const Column &to) const;
    void alterComments();
    void alterConstraintComments(const QList<Constraint> &live, const QList<Constraint> &target);

    const Table &m_live;
    const Table &m_target;
    const QString m_prefix;
    /// The table leaves a parent: the columns and CHECKs it had from it stay, as its own.
    const bool m_leavesParent;
    QList<std::pair<QString, QString>> m_renames; // live name → target name, same definition
    QSet<QString> m_recreated;                    // columns dropped and added again
    QStringList m_adopted;                        // live indexes constraints take over
    QStringList m_sql;
};

// PostgreSQL cannot change how a table is partitioned in place: the table must be created
// again and its rows copied, which Burrow does not plan. The migration says so where that would
// happen and stops there (it is one transaction): edited by hand, it can do it.
QString repartitionRefusal(const QString &table)
{
    const QString message = u"Burrow cannot change how table " + quoteIdentifier(table) +
                            u" is partitioned: write that step of this migration by hand "
                            u"(create the table again and copy its rows)";
    return raiseSql(message);
}

// A partition moved to another bound (or parent) keeps its rows: detached, then attached again,
// which checks every row against the new bound (and the default partition's rows against it)
// and fails, rolling the migration back, rather than lose one. Dropping and creating it would
// lose them all.
QString detachPartitionSql(const Table &partition)
{
    return u"ALTER TABLE " + quoteIdentifier(partition.partitionOf) + u" DETACH PARTITION " +
           quoteIdentifier(partition.name);
}

// A partition leaving its parent for good keeps the indexes it had for the parent's, now its
// own, which its model (a table of its own) compares only from the next diff on: they are
// dropped with the detach, and the model's own indexes are built after. Those that back a
// constraint stay with it.
QString detachForGoodSql(const Table &partition)
{
    const QString table = quoteLiteral(quoteIdentifier(partition.name));
    return doBlock(
        u"\nDECLARE inherited text;\nBEGIN\n  SELECT pg_catalog.string_agg(x.indexrelid::"
        u"pg_catalog.regclass::text, ', ') INTO inherited\n  FROM pg_catalog.pg_index x "
        u"JOIN pg_catalog.pg_inherits h ON h.inhrelid = x.indexrelid\n  WHERE "
        u"x.indrelid = " +
        table +
        u"::pg_catalog.regclass AND NOT EXISTS (SELECT 1 FROM "
        u"pg_catalog.pg_constraint k WHERE k.conindid = x.indexrelid);\n  EXECUTE " +
        quoteLiteral(detachPartitionSql(partition)) +
        u";\n  IF inherited IS NOT NULL THEN EXECUTE 'DROP INDEX ' || inherited; END "
        u"IF;\nEND\n");
}

QString attachPartitionSql(const Table &partition)
{
    return u"ALTER TABLE " + quoteIdentifier(partition.partitionOf) + u" ATTACH PARTITION " +
           quoteIdentifier(partition.name) + u' ' + partition.partitionBound;
}

plan::TableAlteration Alteration::build()
{
    if (m_live.partitioning != m_target.partitioning)
        m_sql.append(repartitionRefusal(m_target.name));
    const bool moves = m_live.partitionOf != m_target.partitionOf ||
                       m_live.partitionBound != m_target.partitionBound;
    if (moves && !m_live.partitionOf.isEmpty())
        m_sql.append(m_target.partitionOf.isEmpty() ? detachForGoodSql(m_live)
                                                    : detachPartitionSql(m_live));
    // A table attached (detached) keeps its constraints: ATTACH merges those of the parent's
    // (dropping them first would make it refuse the table), DETACH leaves them to the table.
    const bool joinsOrLeaves = m_live.partitionOf.isEmpty() != m_target.partitionOf.isEmpty();
    const QList<Constraint> liveConstraints =
        joinsOrLeaves ? QList<Constraint>{} : constraintsOf(m_live);
    const QList<Constraint> targetConstraints =
        joinsOrLeaves ? QList<Constraint>{} : constraintsOf(m_target);
    leaveParents();
    findRenames(liveConstraints, targetConstraints);
    dropConstraints(liveConstraints, targetConstraints);
    for (const auto &[from, to] : m_renames)
        add(u"RENAME CONSTRAINT " + quoteIdentifier(from) + u" TO " + quoteIdentifier(to));
    // A partition's columns are its parent's (not read for it): they change with the parent's.
    if (m_live.partitionOf.isEmpty() && m_target.partitionOf.isEmpty())
        alterColumns();
    addConstraints(liveConstraints, targetConstraints);
    for (const Constraint &c : targetConstraints) {
        // Renamed above, a foreign key is still the live one: only its deferral may differ.
        const Constraint *live = counterpart(c, liveConstraints);
        if (deferralDiffers(c, live ? live : renamedFrom(c, liveConstraints)))
            add(u"ALTER CONSTRAINT " + quoteIdentifier(c.name) + u' ' + toSql(c.deferral));
    }
    for (const QString &action : tableOptionActions(m_live.options, m_target.options))
        add(action);
    joinParents();
    alterComments();
    alterConstraintComments(liveConstraints, targetConstraints);
    if (moves && !m_target.partitionOf.isEmpty())
        m_sql.append(attachPartitionSql(m_target));
    return {m_sql, false, m_adopted};
}

void Alteration::alterColumns()
{
    // A table joining a parent has the parent's columns in the target (withJoinedParentsMembers):
    // they stay, to become the parent's.
    for (const Column &c : m_live.columns) {
        if (!findColumn(m_target, c.name, Qt::CaseSensitive))
            add(u"DROP COLUMN " + quoteIdentifier(c.name));
    }
    for (const Column &c : m_target.columns) {
        if (const Column *from = findColumn(m_live, c.name, Qt::CaseSensitive))
            alterColumn(*from, c);
        else // one it had from a parent it leaves is there already
            addColumn(c, m_leavesParent ? QStringLiteral("ADD COLUMN IF NOT EXISTS ")
                                        : QStringLiteral("ADD COLUMN "));
    }
}

void Alteration::addColumn(const Column &c, const QString &verb)
{
    add(verb + columnDefinitionSql(c));
    m_sql.append(columnOptionsSql(m_target.name, c.name, {}, c.options));
}

// Before the columns change: the columns the table had from a parent it leaves stay as its own.
void Alteration::leaveParents()
{
    for (const QString &parent : m_live.inherits) {
        if (!m_target.inherits.contains(parent))
            add(u"NO INHERIT " + quoteIdentifier(parent));
    }
}

// After: the table must have every column of a parent it joins.
void Alteration::joinParents()
{
    for (const QString &parent : m_target.inherits) {
        if (!m_live.inherits.contains(parent))
            add(u"INHERIT " + quoteIdentifier(parent));
    }
}

// A column added (or dropped and added again) starts without a comment.
void Alteration::alterComments()
{
    if (m_live.comment != m_target.comment)
        m_sql.append(tableCommentSql(m_target.name, m_target.comment));
    for (const Column &c : m_target.columns) {
        const Column *from = findColumn(m_live, c.name, Qt::CaseSensitive);
        const QString before = from && !m_recreated.contains(c.name) ? from->comment : QString();
        if (before != c.comment)
            m_sql.append(columnCommentSql(m_target.name, c.name, c.comment));
    }
}

// A constraint added (or dropped and added again) starts without a comment; a renamed one
// keeps its own.
void Alteration::alterConstraintComments(const QList<Constraint> &live,
                                         const QList<Constraint> &target)
{
    for (const Constraint &c : target) {
        if (c.name.isEmpty())
            continue;
        QString before;
        if (const Constraint *kept = counterpart(c, live); keeps(c, kept))
            before = kept->comment;
        for (const auto &[from, to] : m_renames) {
            for (const Constraint &l : live) {
                if (to == c.name && l.name == from)
                    before = l.comment;
            }
        }
        if (before != c.comment)
            m_sql.append(constraintCommentSql(m_target.name, c.name, c.comment));
    }
}

// A constraint whose name alone changes (a table renamed, say, keeps `old_pkey`) is renamed:
// dropping a key that foreign keys reference would fail.
void Alteration::findRenames(const QList<Constraint> &live, const QList<Constraint> &target)
{
    QSet<QString> taken;
    for (const Constraint &c : live) {
        if (c.name.isEmpty() || counterpart(c, target))
            continue;
        for (const Constraint &t : target) {
            // A foreign key renamed may change its deferral too: both in place.
            const bool same = t.definition == c.definition ||
                              (!c.undeferred.isEmpty() && t.undeferred == c.undeferred);
            if (!t.name.isEmpty() && same && !counterpart(t, live) && !taken.contains(t.name)) {
                taken.insert(t.name);
                m_renames.append({c.name, t.name});
                break;
            }
        }
    }
}

void Alteration::dropConstraints(const QList<Constraint> &live, const QList<Constraint> &target)
{
    for (int order = 0; order <= 3; ++order) {
        for (const Constraint &c : live) {
            const Constraint *kept = counterpart(c, target);
            if (c.order != order || keeps(c, kept) || renamed(c, true))
                continue;
            if (!c.name.isEmpty())
                add(u"DROP CONSTRAINT " + quoteIdentifier(c.name));
        }
    }
}

void Alteration::addConstraints(const QList<Constraint> &live, const QList<Constraint> &target)
{
    for (int order = 3; order >= 0; --order) {
        for (const Constraint &c : target) {
            if (c.order != order)
                continue;
            const Constraint *existing = counterpart(c, live);
            if (keeps(c, existing) || renamed(c, false))
                continue;
            if (m_leavesParent) // a CHECK it had from the parent is there already, as its own
                add(u"DROP CONSTRAINT IF EXISTS " + quoteIdentifier(c.name));
            add(addConstraintSql(c));
        }
    }
}

// A unique constraint or primary key takes over a unique index the model drops rather than
// build its own (see postgres_index_adoption.h).
QString Alteration::addConstraintSql(const Constraint &c)
{
    const Index *index =
        c.keyColumns.isEmpty() || c.name.isEmpty()
            ? nullptr
            : adoptableIndex(m_live, m_target, c.keyColumns, c.nullsNotDistinct, m_adopted);
    if (!index)
        return u"ADD " + c.sql;
    m_adopted.append(index->name);
    return u"ADD CONSTRAINT " + quoteIdentifier(c.name) +
           (c.order == 3 ? u" PRIMARY KEY" : u" UNIQUE") + u" USING INDEX " +
           quoteIdentifier(index->name) +
           (c.deferral == Deferral::NotDeferrable ? QString() : u' ' + toSql(c.deferral));
}

void Alteration::alterColumn(const Column &from, const Column &to)
{
    const bool generationChanges =
        from.generated != to.generated || from.generatedExpression != to.generatedExpression;
    if (generationChanges && to.generated != Generated::No) {
        // PostgreSQL cannot change a generation expression: the values are derived, so the
        // column is dropped and added again (its constraints and indexes go with it).
        add(u"DROP COLUMN " + quoteIdentifier(from.name));
        addColumn(to, QStringLiteral("ADD COLUMN "));
        m_recreated.insert(to.name);
        return;
    }
    if (generationChanges)
        add(column(from) + u" DROP EXPRESSION");
    if (from.autoIncrement && !to.autoIncrement)
        m_sql.append(dropNumberingSql(m_target.name, from));
    const bool typeChanges = from.typeKey != to.typeKey || from.collation != to.collation;
    const bool defaultChanges = from.defaultValue.has_value() != to.defaultValue.has_value() ||
                                (from.defaultValue && *from.defaultValue != *to.defaultValue);
    // The old default may not cast to the new type: it goes first, the new one comes after.
    const bool dropDefault =
        from.defaultValue && (typeChanges || (defaultChanges && !to.defaultValue));
    if (dropDefault)
        add(column(from) + u" DROP DEFAULT");
    if (typeChanges)
        alterType(from, to);
    if (typeChanges && isSerial(from) && isSerial(to))
        m_sql.append(retypeSerialSequenceSql(m_target.name, to));
    if (defaultFillsNulls(from, to))
        m_sql.append(fillNullsSql(to));
    if (from.notNull != to.notNull)
        add(column(to) + (to.notNull ? u" SET NOT NULL" : u" DROP NOT NULL"));
    if (to.defaultValue && (defaultChanges || dropDefault))
        add(column(to) + u" SET DEFAULT " + to.defaultValue->text);
    if (!from.autoIncrement && to.autoIncrement)
        m_sql.append(addNumberingSql(m_target.name, to));
    else if (from.autoIncrement && to.autoIncrement && from.numbering != to.numbering)
        m_sql.append(changeNumberingSql(m_target.name, from, to));
    m_sql.append(columnOptionsSql(m_target.name, to.name, from.options, to.options, typeChanges));
}

// After the type change, so that the default is of the column's new type.
QString Alteration::fillNullsSql(const Column &to) const
{
    const QString name = quoteIdentifier(to.name);
    return u"UPDATE " + quoteIdentifier(m_target.name) + u" SET " + name + u" = " +
           to.defaultValue->text + u" WHERE " + name + u" IS NULL";
}

void Alteration::alterType(const Column &from, const Column &to)
{
    QString action = column(to) + u" TYPE " + to.type;
    if (!to.collation.isEmpty())
        action += u" COLLATE " + quoteIdentifier(to.collation);
    else if (!from.collation.isEmpty())
        action += u" COLLATE \"default\"";
    if (from.typeKey != to.typeKey && needsExplicitCast(from.typeKey, to.typeKey))
        action += u" USING " + quoteIdentifier(to.name) +
                  (castsThroughText(from.typeKey, to.typeKey) ? u"::text::" : u"::") + to.type;
    add(action);
}

} // namespace

plan::TableAlteration alterTableSql(const Table &live, const Table &target)
{
    return Alteration(live, target).build();
}

} // namespace burrow::dialect::postgres
