// Dropped tables in the way of new ones. The tables a migration drops go after the others are
// altered (their keys referenced until then), but the names of their indexes and constraints
// stay taken until they go: a new table that declares `customer_pkey` fails while the dropped
// table that was renamed from `customer` by hand still holds it ("relation already exists" on
// PostgreSQL and SQLite, whose index names are the schema's; "duplicate foreign key" on
// MariaDB). Such a table is dropped before the tables are created, with the dropped tables
// whose keys reference it; the keys of kept tables that reference it are lifted first. A kept
// table that still holds the name in the target is a clash the plan reports (nameClashes()).
// Not seen: a name a kept table gives up only in its alteration (a key dropped there), which
// runs after the tables are created.
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
    QHash<QString, QString> taken; // name's key → the new table that takes it
    for (const Table &t : m_target.tables) {
        if (!m_liveTables.find(t.name))
            for (const QString &name : heldNames(t))
                taken.insert(key(name), t.name);
    }
    if (taken.isEmpty())
        return;
    for (const Table &t : m_live.tables) {
        const Table *kept = m_targetTables.find(t.name);
        // A kept table holds its names in the target; one the plan drops, in the live schema.
        for (const QString &name : heldNames(kept ? *kept : t)) {
            const auto taker = taken.constFind(key(name));
            if (taker == taken.constEnd())
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

} // namespace burrow::plan
