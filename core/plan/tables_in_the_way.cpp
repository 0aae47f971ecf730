// Dropped tables in the way of new ones. The tables a migration drops go after the others are
// altered (their keys referenced until then), but the names of their indexes and constraints
// stay taken until they go: a new table that declares `customer_pkey` fails while the dropped
// table that was renamed from `customer` by hand still holds it ("relation already exists" on
// PostgreSQL and SQLite, whose index names are the schema's; "duplicate foreign key" on
// MariaDB). Such a table is dropped before the tables are created, with the dropped tables
// whose keys reference it; the keys of kept tables that reference it are lifted first. A kept
// table that still holds the name in the target is a clash the plan reports (nameClashes()).
// A kept table that gives such a name up in its alteration (a key dropped or renamed there,
// which runs after the tables are created) drops that key before them instead: its alteration
// starts without it and adds what the target has.
#include "../diff/describe.h"
#include "step_builder_p.h"

#include <algorithm>

namespace burrow::plan {

using namespace schema;

QStringList StepBuilder::heldNames(const Table &table) const
{
    QStringList names;
    for (const QString &name : m_r.schemaWideNames(table)) {
        if (!name.isEmpty())
            names.append(qualifiedName(schemaPart(table.name), name));
    }
    return names;
}

void StepBuilder::findTablesInTheWay()
{
    // Names a new table takes, or a kept one in its alteration.
    QHash<QString, QString> &taken = m_takenNames;
    for (const Table &t : m_target.tables) {
        const Table *live = m_liveTables.find(t.name);
        if (live && !m_tableChanges.contains(key(t.name)))
            continue; // unchanged: it takes no name
        const QStringList had = live ? heldNames(*live) : QStringList();
        for (const QString &name : heldNames(t)) {
            if (!had.contains(name, m_cs))
                taken.insert(key(name), t.name);
        }
    }
    if (taken.isEmpty())
        return;
    for (const Table &t : m_live.tables) {
        const Table *kept = m_targetTables.find(t.name);
        // A kept table holds its names in the target; one the plan drops, in the live schema.
        for (const QString &name : heldNames(kept ? *kept : t)) {
            const auto taker = taken.constFind(key(name));
            if (taker == taken.constEnd() || key(*taker) == key(t.name))
                continue;
            if (!kept)
                m_inTheWay.insert(key(t.name));
            else
                m_nameClashes.append({*taker, localPart(name), t.name});
        }
    }
    // A dropped table that references one in the way must go before it.
    for (bool grew = !m_inTheWay.isEmpty(); grew;) {
        grew = false;
        for (const Table &t : m_live.tables) {
            if (m_targetTables.find(t.name) || m_inTheWay.contains(key(t.name)))
                continue;
            if (std::any_of(t.foreignKeys.begin(), t.foreignKeys.end(), [&](const ForeignKey &fk) {
                    return m_inTheWay.contains(key(fk.referencedTable));
                })) {
                m_inTheWay.insert(key(t.name));
                grew = true;
            }
        }
    }
}

bool StepBuilder::referencesTableInTheWay(const ForeignKey &fk) const
{
    return m_inTheWay.contains(key(fk.referencedTable));
}

void StepBuilder::findNamesGivenUp()
{
    if (m_takenNames.isEmpty())
        return;
    for (const Table &live : m_live.tables) {
        const Table *target = m_targetTables.find(live.name);
        if (!target || !m_tableChanges.contains(key(live.name)))
            continue; // dropped, or unchanged: it gives no name up
        const Table &before = liveForAlteration(live.name);
        const QStringList held = heldNames(before);
        const QStringList kept = heldNames(*target);
        QStringList givenUp, takers;
        const auto givesUp = [&](const QString &name) {
            const QString qualified = qualifiedName(schemaPart(live.name), name);
            const QString taker = m_takenNames.value(key(qualified));
            const bool gives = !name.isEmpty() && held.contains(qualified, m_cs) &&
                               !kept.contains(qualified, m_cs) && !taker.isEmpty();
            if (gives) {
                givenUp.append(name);
                if (!takers.contains(diff::displayName(taker)))
                    takers.append(diff::displayName(taker));
            }
            return gives;
        };
        Table without = before;
        if (without.primaryKey && givesUp(without.primaryKey->name)) {
            without.primaryKey.reset();
            for (Column &c : without.columns)
                c.primaryKeyPosition = 0;
        }
        without.uniques.removeIf([&](const UniqueConstraint &u) { return givesUp(u.name); });
        without.exclusions.removeIf([&](const ExclusionConstraint &e) { return givesUp(e.name); });
        without.foreignKeys.removeIf([&](const ForeignKey &fk) { return givesUp(fk.name); });
        if (!givenUp.isEmpty())
            m_namesGivenUp.insert(key(live.name), {before, without, givenUp, takers});
    }
}

void StepBuilder::giveUpNames()
{
    for (const Table &live : m_live.tables) {
        const auto it = m_namesGivenUp.constFind(key(live.name));
        if (it == m_namesGivenUp.constEnd())
            continue;
        add(u"drop " + it->names.join(u", ") + u" of " + diff::displayName(live.name) +
                u" first (" + it->takers.join(u", ") + u" takes the name)",
            m_r.alterTable(it->before, it->without).sql,
            m_r.alterTable(it->without, it->before).sql, {});
    }
}

} // namespace burrow::plan
