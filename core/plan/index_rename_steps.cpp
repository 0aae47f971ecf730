// An index whose name alone changes is renamed in place: dropping it and building it again
// would read the whole table under a lock for nothing (and MariaDB refuses to drop an index a
// foreign key needs).
#include "../diff/describe.h"
#include "step_builder_p.h"

#include <algorithm>

namespace burrow::plan {

using diff::ChangeType;
using diff::displayName;
using diff::ObjectKind;
using namespace schema;

// The engine's own spelling decides: the same statement but for the name.
bool StepBuilder::sameIndexDefinition(const QString &table, const Index &live,
                                      const Index &target) const
{
    Index renamed = live;
    renamed.name = target.name;
    return m_r.createIndex(table, renamed) == m_r.createIndex(table, target);
}

bool StepBuilder::renamesIndex(const QString &table, const QString &index) const
{
    return m_renamedIndexes.contains(key(table) + u'\x1f' + key(index));
}

// Matched before the foreign keys are lifted: a key referencing an index renamed in place stays.
void StepBuilder::matchIndexRenames()
{
    for (const Table &target : m_target.tables) {
        const Table *live = m_liveTables.find(target.name);
        if (!live)
            continue;
        const auto changed = [&](const Index &i, ChangeType type) {
            return !changesOf(target.name, ObjectKind::Index, i.name, {type}).isEmpty();
        };
        QList<const Index *> removed;
        QList<const Index *> added;
        for (const Index &i : live->indexes) {
            if (changed(i, ChangeType::Removed))
                removed.append(&i);
        }
        for (const Index &i : target.indexes) {
            if (changed(i, ChangeType::Added))
                added.append(&i);
        }
        for (const Index *from : removed) {
            const auto sameAs = [&](const Index *a) {
                return [&, a](const Index *b) { return sameIndexDefinition(target.name, *a, *b); };
            };
            const auto to = std::find_if(added.begin(), added.end(), sameAs(from));
            // Only a one-to-one match is certainly the same index.
            if (to == added.end() || std::count_if(added.begin(), added.end(), sameAs(from)) != 1 ||
                std::count_if(removed.begin(), removed.end(), sameAs(*to)) != 1)
                continue;
            const QStringList sql = m_r.renameIndex(target.name, from->name, (*to)->name);
            if (!sql.isEmpty()) // else the engine cannot
                m_indexRenames.append({target.name, from->name, (*to)->name, sql});
        }
    }
}

// A rebuild (SQLite, a MariaDB ALTER) makes the indexes itself, and an index calling a function
// recreated below is built again: neither is renamed on its own.
void StepBuilder::settleIndexRenames()
{
    m_indexRenames.removeIf([&](const IndexRename &r) {
        return alterationMakesIndexes(r.table) || recreatesIndex(r.table, r.from) ||
               recreatesIndex(r.table, r.to);
    });
    for (const IndexRename &r : m_indexRenames) {
        m_renamedIndexes.insert(key(r.table) + u'\x1f' + key(r.from));
        m_renamedIndexes.insert(key(r.table) + u'\x1f' + key(r.to));
    }
}

bool StepBuilder::indexRenameMatched(const QString &table, const QString &from) const
{
    return std::any_of(m_indexRenames.begin(), m_indexRenames.end(), [&](const IndexRename &r) {
        return r.table.compare(table, m_cs) == 0 && r.from.compare(from, m_cs) == 0;
    });
}

void StepBuilder::renameIndexes()
{
    for (const IndexRename &r : m_indexRenames) {
        add(u"rename index " + displayName(r.from) + u" to " + displayName(r.to), r.sql,
            m_r.renameIndex(r.table, r.to, r.from),
            changesOf(r.table, ObjectKind::Index, r.from, {ChangeType::Removed}) +
                changesOf(r.table, ObjectKind::Index, r.to, {ChangeType::Added}));
    }
}

} // namespace burrow::plan
