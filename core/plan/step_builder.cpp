#include "step_builder_p.h"

#include <algorithm>

namespace burrow::plan {

using diff::Change;
using diff::ChangeType;
using diff::ObjectKind;
using namespace schema;

StepBuilder::StepBuilder(const Schema &live, const Schema &target, const QList<Change> &changes,
                         const QList<Change> &destructive, const SqlRenderer &renderer,
                         Qt::CaseSensitivity cs)
    : m_live(live)
    , m_target(target)
    , m_destructive(destructive)
    , m_r(renderer)
    , m_deps(renderer.lexerOptions(), cs)
    , m_cs(cs)
{
    for (const Change &c : changes)
        (c.object == ObjectKind::View ? m_viewChanges : m_tableChanges)[key(c.table)].append(c);
}

void StepBuilder::classifyTables(const QList<Rename> &renames)
{
    for (const Rename &r : renames) {
        m_touched.insert(key(r.table));
        m_touched.insert(key(r.isColumn() ? r.table : r.newName));
    }
    for (const Table &live : m_live.tables) {
        const Table *target = findTable(m_target, live.name, m_cs);
        if (!target) {
            m_touched.insert(key(live.name));
            m_dropsTables = true;
            continue;
        }
        const QList<Change> changes = m_tableChanges.value(key(live.name));
        if (std::none_of(changes.begin(), changes.end(),
                         [](const Change &c) { return isStructural(c.object); }))
            continue;
        m_touched.insert(key(live.name));
        TableAlteration alteration = m_r.alterTable(live, *target);
        if (alteration.rebuild)
            m_rebuilt.append(target->name);
        m_alterations.insert(key(live.name), alteration);
    }
}

void StepBuilder::collectViewWork()
{
    for (const View &v : m_live.views) {
        const bool removedOrChanged = m_viewChanges.contains(key(v.name));
        if (removedOrChanged || m_deps.mentionsAny(v.definition.text, m_touched))
            m_viewsToDrop.insert(key(v.name));
    }
    // A view reading a dropped view must be dropped too, and so on.
    for (bool grew = true; grew;) {
        grew = false;
        for (const View &v : m_live.views) {
            if (!m_viewsToDrop.contains(key(v.name)) &&
                m_deps.mentionsAny(v.definition.text, m_viewsToDrop)) {
                m_viewsToDrop.insert(key(v.name));
                grew = true;
            }
        }
    }
    for (const View &v : m_target.views) {
        if (m_viewsToDrop.contains(key(v.name)) || m_viewChanges.contains(key(v.name)))
            m_viewsToCreate.insert(key(v.name));
    }
}

void StepBuilder::collectTriggerWork()
{
    QSet<QString> readers = m_touched;
    readers.unite(m_viewsToDrop);
    for (const Table &table : m_live.tables) {
        const bool tableGoes = !findTable(m_target, table.name, m_cs);
        for (const Trigger &t : table.triggers) {
            if (tableGoes)
                break; // dropped with its table
            if (!changesOf(table.name, ObjectKind::Trigger, t.name,
                           {ChangeType::Removed, ChangeType::Changed, ChangeType::Added})
                     .isEmpty() ||
                m_deps.mentionsAny(t.definition.text, readers))
                m_triggersToDrop.insert(key(table.name) + u'\x1f' + key(t.name));
        }
    }
    for (const Table &table : m_target.tables) {
        const bool isNew = !findTable(m_live, table.name, m_cs);
        for (const Trigger &t : table.triggers) {
            const QString id = key(table.name) + u'\x1f' + key(t.name);
            if (isNew || m_triggersToDrop.contains(id) ||
                !changesOf(table.name, ObjectKind::Trigger, t.name,
                           {ChangeType::Removed, ChangeType::Changed, ChangeType::Added})
                     .isEmpty())
                m_triggersToCreate.insert(id);
        }
    }
}

QList<PlanStep> StepBuilder::build(const QList<Rename> &renames)
{
    classifyTables(renames);
    collectViewWork();
    collectTriggerWork();
    dropTriggers();
    dropViews();
    renameObjects(renames);
    dropIndexes();
    createTables();
    alterTables();
    dropTables();
    createIndexes();
    createViews();
    createTriggers();
    return m_steps;
}

} // namespace burrow::plan
