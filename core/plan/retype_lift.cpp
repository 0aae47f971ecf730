// PostgreSQL refuses to change the type of a column that a generated column reads ("cannot
// alter type of a column used by a generated column"), and version 15 cannot set a generation
// expression again: such generated columns are set aside before the alteration, like those of
// a recreated function, and come back with it, their values computed again.
#include "step_builder_p.h"

#include <algorithm>

namespace burrow::plan {

using diff::ChangeType;
using diff::ObjectKind;
using namespace schema;
using namespace Qt::Literals::StringLiterals;

namespace {

qsizetype generatedCount(const Table &table)
{
    return std::count_if(table.columns.begin(), table.columns.end(),
                         [](const Column &c) { return c.generated != Generated::No; });
}

} // namespace

QSet<QString> StepBuilder::retypedColumns(const Table &live) const
{
    QSet<QString> retyped;
    for (const diff::Change &c :
         changesOf(live.name, ObjectKind::Column, QString(), {ChangeType::Changed})) {
        if (c.attributes.contains(u"type"))
            retyped.insert(key(c.name));
    }
    return retyped;
}

void StepBuilder::liftGeneratedReadersOfRetypedColumns()
{
    if (!m_r.generatedColumnsBlockTypeChanges())
        return;
    for (const Table &live : m_live.tables) {
        const QSet<QString> retyped = retypedColumns(live);
        if (retyped.isEmpty() || !m_targetTables.find(live.name))
            continue;
        const Table before = liveForAlteration(live.name);
        Table without = before;
        const QSet<QString> generated = setAsideGeneratedColumns(without, retyped);
        if (generatedCount(without) == generatedCount(before))
            continue; // none reads a retyped column
        m_generatedSetAside[key(live.name)].unite(generated);
        m_touched.insert(key(live.name)); // views and triggers reading the columns
        m_setAside.append({before, without, u"read a column whose type changes below"_s, true});
        m_liftedLive.insert(key(live.name), without);
    }
}

} // namespace burrow::plan
