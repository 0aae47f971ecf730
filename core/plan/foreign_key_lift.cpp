// Foreign keys in the way of a table change. Engines refuse to drop the key (primary key,
// UNIQUE constraint or unique index) a foreign key depends on: PostgreSQL's "cannot drop
// constraint … because other objects depend on it". MariaDB/MySQL also refuse to change a
// column that a foreign key references, even with foreign_key_checks off: widening `parent.id`
// from INT to BIGINT fails while `child.parent_id` references it. Such keys are dropped before
// any table changes; each table's alteration then adds its target keys back, after the tables
// they reference (the alterations run referenced tables first). The way back mirrors it.
#include "../diff/describe.h"
#include "step_builder_p.h"

#include <algorithm>

namespace burrow::plan {

using diff::Change;
using diff::ChangeType;
using diff::ObjectKind;
using namespace schema;

namespace {

/// `name of table`, or `(columns) of table` for a key without a name: a step's summary.
QString keyOfTable(const QString &table, const ForeignKey &fk)
{
    return (fk.name.isEmpty() ? u'(' + fk.columns.join(u", ") + u')' : fk.name) + u" of " +
           diff::displayName(table);
}

} // namespace

// A comment alone is changed in place, and so is a name where the engine renames keys: the key
// stays.
bool StepBuilder::keyChangesInPlace(const Change &change) const
{
    return change.type == ChangeType::Changed && !change.attributes.isEmpty() &&
           std::all_of(change.attributes.begin(), change.attributes.end(), [&](const QString &a) {
               return a == u"comment" || (a == u"name" && m_r.renamesKeysInPlace());
           });
}

bool StepBuilder::referencedKeyGoes(const ForeignKey &fk) const
{
    const Table *referenced = m_liveTables.find(fk.referencedTable);
    if (!referenced)
        return false;
    const auto isItsKey = [&](const QStringList &columns) {
        return sameColumns(columns, fk.referencedColumns, m_cs);
    };
    for (const Change &c : m_tableChanges.value(key(fk.referencedTable))) {
        if (keyChangesInPlace(c))
            continue;
        if (c.object == ObjectKind::PrimaryKey && referenced->primaryKey &&
            isItsKey(referenced->primaryKey->columns))
            return true;
        // A changed or removed UNIQUE may be named by its definition: any with these columns.
        if (c.object == ObjectKind::Unique &&
            std::any_of(referenced->uniques.begin(), referenced->uniques.end(),
                        [&](const UniqueConstraint &u) { return isItsKey(u.columns); }))
            return true;
        if (c.object == ObjectKind::Index && !indexRenameMatched(fk.referencedTable, c.name) &&
            std::any_of(
                referenced->indexes.begin(), referenced->indexes.end(), [&](const Index &i) {
                    return i.unique && i.name.compare(c.name, m_cs) == 0 && isItsKey(columnsOf(i));
                }))
            return true;
    }
    return false;
}

bool StepBuilder::columnsChange(const QString &table, const QStringList &columns) const
{
    if (!m_r.foreignKeysBlockColumnChanges())
        return false;
    for (const Change &c : m_tableChanges.value(key(table))) {
        if (c.object == ObjectKind::PrimaryKey)
            return true;
        if (c.object == ObjectKind::Column && columns.contains(c.name, m_cs))
            return true;
    }
    return false;
}

void StepBuilder::liftBlockedForeignKeys()
{
    for (const Table &live : m_live.tables) {
        // A table that goes is dropped after the others change: its keys in the way go first
        // too (and never come back).
        const bool kept = m_targetTables.find(live.name) != nullptr;
        Table without = live;
        without.foreignKeys.clear();
        for (const ForeignKey &fk : live.foreignKeys) {
            const bool referencedStays =
                m_liveTables.find(fk.referencedTable) && m_targetTables.find(fk.referencedTable);
            // A change on the referencing side alone goes with the table's own alteration,
            // which drops the key in the same statement.
            // So does a key of a kept table to a table dropped before the others change.
            const bool blocks =
                (kept && referencesTableInTheWay(fk)) ||
                (referencedStays && (referencedKeyGoes(fk) ||
                                     columnsChange(fk.referencedTable, fk.referencedColumns)));
            if (!blocks || m_r.dropForeignKey(live.name, fk).isEmpty()) {
                without.foreignKeys.append(fk);
                continue;
            }
            m_lifted[key(live.name)].append(fk);
            // Left out of the alteration, which would add it back before its key exists.
            if (kept && waitsForReferencedIndex(live.name, fk)) {
                m_keysAfterIndexes[key(live.name)].append(fk);
                without.foreignKeys.append(fk);
            }
        }
        if (kept && m_lifted.contains(key(live.name)))
            m_liftedLive.insert(key(live.name), without);
    }
}

const Table &StepBuilder::liveForAlteration(const QString &table) const
{
    if (const auto givenUp = m_namesGivenUp.constFind(key(table));
        givenUp != m_namesGivenUp.constEnd())
        return givenUp->without;
    const auto lifted = m_liftedLive.constFind(key(table));
    return lifted != m_liftedLive.constEnd() ? *lifted : *m_liveTables.find(table);
}

void StepBuilder::dropLiftedForeignKeys()
{
    for (const Table &live : m_live.tables) {
        for (const ForeignKey &fk : m_lifted.value(key(live.name))) {
            add(u"drop foreign key " + keyOfTable(live.name, fk) +
                    u" (the key or columns it references change)",
                m_r.dropForeignKey(live.name, fk), m_r.addForeignKey(live.name, fk), {});
        }
    }
}

// A new table's key may reference a column that the alteration of an existing table adds: it
// is added after the alterations (the engines check the referenced columns at once).
Table StepBuilder::withoutKeysToAlteredTables(const Table &created)
{
    Table without = created;
    without.foreignKeys.clear();
    for (const ForeignKey &fk : created.foreignKeys) {
        const bool deferrable = m_alterations.contains(key(fk.referencedTable)) &&
                                !m_r.addForeignKey(created.name, fk).isEmpty() &&
                                !m_r.dropForeignKey(created.name, fk).isEmpty();
        if (deferrable)
            m_keysAfterAlterations[key(created.name)].append(fk);
        else
            without.foreignKeys.append(fk);
    }
    return without;
}

void StepBuilder::addDeferredKeys(const QList<Table> &tables,
                                  const QHash<QString, QList<ForeignKey>> &keys,
                                  const QString &after)
{
    for (const Table &t : tables) {
        for (const ForeignKey &fk : keys.value(key(t.name)))
            add(u"add foreign key " + keyOfTable(t.name, fk) + u" (after " + after + u')',
                m_r.addForeignKey(t.name, fk), m_r.dropForeignKey(t.name, fk), {});
    }
}

void StepBuilder::addKeysAfterAlterations()
{
    addDeferredKeys(m_target.tables, m_keysAfterAlterations,
                    QStringLiteral("the table it references is altered"));
}

bool StepBuilder::waitsForReferencedIndex(const QString &table, const ForeignKey &fk) const
{
    const QList<Change> changes = m_tableChanges.value(key(table));
    if (std::any_of(changes.begin(), changes.end(),
                    [](const Change &c) { return c.object == ObjectKind::ForeignKey; }))
        return false; // the alteration changes the table's keys itself
    const Table *referenced = m_targetTables.find(fk.referencedTable);
    if (!referenced)
        return false;
    return std::any_of(referenced->indexes.begin(), referenced->indexes.end(), [&](const Index &i) {
        return i.unique && sameColumns(columnsOf(i), fk.referencedColumns, m_cs) &&
               !changesOf(referenced->name, ObjectKind::Index, i.name,
                          {ChangeType::Added, ChangeType::Changed})
                    .isEmpty();
    });
}

void StepBuilder::addKeysAfterIndexes()
{
    addDeferredKeys(m_live.tables, m_keysAfterIndexes,
                    QStringLiteral("the unique index it references is created"));
}

} // namespace burrow::plan
