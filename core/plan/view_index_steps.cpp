// The plan's phases for the indexes of materialized views (PostgreSQL's): only those of views
// that stay, and only those that change. A dropped view's indexes go with it; a created (or
// recreated) view gets all of its own in its create step.
#include "../diff/describe.h"
#include "step_builder_p.h"

namespace burrow::plan {

using diff::Change;
using diff::ChangeType;
using diff::displayName;
using diff::ObjectKind;
using namespace schema;

void StepBuilder::dropViewIndexes()
{
    for (const View &view : m_live.views) {
        if (m_viewsToDrop.contains(key(view.name)))
            continue;
        for (const Index &i : view.indexes) {
            const QList<Change> changes = changesOf(view.name, ObjectKind::Index, i.name,
                                                    {ChangeType::Removed, ChangeType::Changed});
            if (changes.isEmpty())
                continue;
            add(u"drop index " + displayName(i.name), dropIndexSql(view.name, i),
                createIndexSql(view.name, i),
                changes.first().type == ChangeType::Removed ? changes : QList<Change>{});
        }
    }
}

void StepBuilder::createViewIndexes()
{
    for (const View &view : m_target.views) {
        if (m_viewsToCreate.contains(key(view.name)))
            continue;
        for (const Index &i : view.indexes) {
            const QList<Change> changes = changesOf(view.name, ObjectKind::Index, i.name,
                                                    {ChangeType::Added, ChangeType::Changed});
            if (!changes.isEmpty())
                add(u"create index " + displayName(i.name), createIndexSql(view.name, i),
                    dropIndexSql(view.name, i), changes);
        }
    }
}

} // namespace burrow::plan
