// Dropped tables in the way of new ones. The tables a migration drops go after the others are
// altered (their keys referenced until then), but the names of their indexes and constraints
// stay taken until they go: a new table that declares `customer_pkey` fails while the dropped
// table that was renamed from `customer` by hand still holds it ("relation already exists" on
// PostgreSQL and SQLite, whose index names are the schema's; "duplicate foreign key" on
// MariaDB). Such a table is dropped before the tables are created, with the dropped tables
// whose keys reference it; the keys of kept tables that reference it are lifted first.
#include "step_builder_p.h"

#include <algorithm>

namespace burrow::plan {

using namespace schema;

namespace {

/// The names of the indexes and constraints `table` holds, each with the table's schema.
QStringList heldNames(const Table &table)
{
    QStringList names;
    const auto hold = [&](const QString &name) {
        if (!name.isEmpty())
            names.append(qualifiedName(schemaPart(table.name), name));
    };
    for (const Index &i : table.indexes)
        hold(i.name);
    if (table.primaryKey)
        hold(table.primaryKey->name);
    for (const UniqueConstraint &u : table.uniques)
        hold(u.name);
    for (const ForeignKey &fk : table.foreignKeys)
        hold(fk.name);
    for (const ExclusionConstraint &e : table.exclusions)
        hold(e.name);
    return names;
}

} // namespace

void StepBuilder::findTablesInTheWay()
{
    QSet<QString> taken;
    for (const Table &t : m_target.tables) {
        if (!m_liveTables.find(t.name))
            for (const QString &name : heldNames(t))
                taken.insert(key(name));
    }
    if (taken.isEmpty())
        return;
    for (const Table &t : m_live.tables) {
        const QStringList held = heldNames(t);
        const bool inTheWay = std::any_of(held.begin(), held.end(), [&](const QString &name) {
            return taken.contains(key(name));
        });
        if (inTheWay && !m_targetTables.find(t.name))
            m_inTheWay.insert(key(t.name));
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

void StepBuilder::dropTablesInTheWay()
{
    dropTables(true);
}

} // namespace burrow::plan
