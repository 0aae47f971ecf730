// Foreign keys in the way of a column change. MariaDB/MySQL refuse to change a column that a
// foreign key references, even with foreign_key_checks off: widening `parent.id` from INT to
// BIGINT fails while `child.parent_id` references it. Such keys are dropped before any
// table changes; each table's alteration then adds its target keys back, after the tables they
// reference (the alterations run referenced tables first). The way back mirrors it.
#include "../diff/describe.h"
#include "step_builder_p.h"

namespace burrow::plan {

using diff::Change;
using diff::ObjectKind;
using namespace schema;

bool StepBuilder::columnsChange(const QString &table, const QStringList &columns) const
{
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
            const bool blocks =
                referencedStays && columnsChange(fk.referencedTable, fk.referencedColumns);
            if (blocks && !m_r.dropForeignKey(live.name, fk).isEmpty())
                m_lifted[key(live.name)].append(fk);
            else
                without.foreignKeys.append(fk);
        }
        if (kept && m_lifted.contains(key(live.name)))
            m_liftedLive.insert(key(live.name), without);
    }
}

const Table &StepBuilder::liveForAlteration(const QString &table) const
{
    const auto lifted = m_liftedLive.constFind(key(table));
    return lifted != m_liftedLive.constEnd() ? *lifted : *m_liveTables.find(table);
}

void StepBuilder::dropLiftedForeignKeys()
{
    for (const Table &live : m_live.tables) {
        for (const ForeignKey &fk : m_lifted.value(key(live.name))) {
            const QString what = fk.name.isEmpty() ? fk.columns.join(u", ") : fk.name;
            add(u"drop foreign key " + what + u" of " + diff::displayName(live.name) +
                    u" (the columns it references change)",
                m_r.dropForeignKey(live.name, fk), m_r.addForeignKey(live.name, fk), {});
        }
    }
}

} // namespace burrow::plan
