// The plan's phases, in the order StepBuilder::build runs them.
#include "../diff/describe.h"
#include "step_builder_p.h"

#include <algorithm>

namespace burrow::plan {
namespace {

using diff::Change;
using diff::ChangeType;
using diff::displayName;
using diff::ObjectKind;
using diff::objectNoun;
using diff::triggerKind;
using namespace schema;

bool isDataDependent(const Change &c)
{
    const bool addedOrChanged = c.type == ChangeType::Added || c.type == ChangeType::Changed;
    switch (c.object) {
    case ObjectKind::Column:
        return c.type == ChangeType::Added || c.attributes.contains(u"not null") ||
               c.attributes.contains(u"type");
    case ObjectKind::PrimaryKey:
    case ObjectKind::Unique:
    case ObjectKind::Check:
    case ObjectKind::ForeignKey:
    case ObjectKind::Exclusion:
        return addedOrChanged;
    case ObjectKind::Index:
        return addedOrChanged &&
               (c.attributes.contains(u"unique") || c.attributes.contains(u"nulls not distinct"));
    case ObjectKind::Enum: // stored values are converted to the recreated type
        return c.type == ChangeType::Changed && c.attributes.contains(u"labels");
    case ObjectKind::Domain:
        return c.type == ChangeType::Changed;
    case ObjectKind::Composite: // stored values are converted to the recreated type
        return c.type == ChangeType::Changed && c.attributes.contains(u"attributes");
    case ObjectKind::TableOptions: // a partition's rows must fit its new bound
        return c.attributes.contains(u"partition bound") || c.attributes.contains(u"partition of");
    default:
        return false;
    }
}

template<typename T> QList<const T *> pointers(const QList<T> &items)
{
    QList<const T *> out;
    for (const T &item : items)
        out.append(&item);
    return out;
}

} // namespace

QList<Change> StepBuilder::changesOf(const QString &table, ObjectKind kind, const QString &name,
                                     std::initializer_list<ChangeType> types) const
{
    const QHash<QString, QList<Change>> &source =
        kind == ObjectKind::View ? m_viewChanges : m_tableChanges;
    QList<Change> out;
    for (const Change &c : source.value(key(table))) {
        const bool nameMatches = name.isNull() || c.name.compare(name, m_cs) == 0;
        if (c.object == kind && nameMatches &&
            std::find(types.begin(), types.end(), c.type) != types.end())
            out.append(c);
    }
    return out;
}

void StepBuilder::add(const QString &summary, const QStringList &sql, const QStringList &reverse,
                      const QList<Change> &changes, bool rebuild)
{
    if (sql.isEmpty())
        return;
    PlanStep step{summary, sql, reverse, changes};
    for (const Change &c : changes) {
        const bool destructive = m_destructive.contains(c);
        step.destructive = step.destructive || destructive;
        // An event or a policy holds no rows: its reverse brings it back whole.
        const bool restorable = c.object == ObjectKind::Event || c.object == ObjectKind::Policy ||
                                c.object == ObjectKind::RowSecurity;
        step.irreversible = step.irreversible || (destructive && !restorable);
        step.dataDependent = step.dataDependent || isDataDependent(c);
    }
    step.irreversible = step.irreversible || reverse.isEmpty();
    step.needsRebuild = rebuild;
    m_steps.append(step);
}

void StepBuilder::dropTriggers()
{
    for (const TriggerOwner &owner : triggerOwners(m_live)) {
        for (const Trigger &t : *owner.triggers) {
            if (!m_triggersToDrop.contains(triggerId(owner.name, t)))
                continue;
            const QString before = nameBeforeRenames(owner.name);
            add(u"drop " + objectNoun(triggerKind(t)) + u' ' + displayName(t.name),
                m_r.dropTrigger(before, t), m_r.createTrigger(before, t),
                changesOf(owner.name, triggerKind(t), t.name, {ChangeType::Removed}));
        }
    }
}

void StepBuilder::renameObjects(const QList<Rename> &renames)
{
    QHash<QString, QString> renamedTables; // live key → new name
    for (const Rename &r : renames) {
        if (!r.isColumn()) {
            renamedTables.insert(key(r.table), r.newName);
            add(u"rename table " + displayName(r.table) + u" to " + displayName(r.newName),
                m_r.renameTable(r.table, r.newName), m_r.renameTable(r.newName, r.table), {});
            continue;
        }
        const QString table = renamedTables.value(key(r.table), r.table);
        add(u"rename column " + displayName(table) + u'.' + displayName(r.column) + u" to " +
                displayName(r.newName),
            m_r.renameColumn(table, r.column, r.newName),
            m_r.renameColumn(table, r.newName, r.column), {});
    }
}

bool StepBuilder::alterationMakesIndexes(const QString &table) const
{
    const auto it = m_alterations.constFind(key(table));
    return it != m_alterations.constEnd() && it->makesIndexes();
}

void StepBuilder::dropIndexes()
{
    for (const Table &table : m_live.tables) {
        // A table that goes takes its indexes along, but those calling a recreated function.
        const bool goes = !m_targetTables.find(table.name);
        if (!goes && alterationMakesIndexes(table.name))
            continue;
        // A constraint the table's alteration adds may make one its own.
        const QStringList takenOver = m_alterations.value(key(table.name)).indexesTakenOver;
        for (const Index &i : table.indexes) {
            if (takenOver.contains(i.name))
                continue;
            const QList<Change> changes =
                goes ? QList<Change>{}
                     : changesOf(table.name, ObjectKind::Index, i.name,
                                 {ChangeType::Removed, ChangeType::Changed});
            if ((changes.isEmpty() && !recreatesIndex(table.name, i.name)) ||
                renamesIndex(table.name, i.name))
                continue;
            add(u"drop index " + displayName(i.name), dropIndexSql(table.name, i),
                createIndexSql(table.name, i),
                !changes.isEmpty() && changes.first().type == ChangeType::Removed
                    ? changes
                    : QList<Change>{});
        }
    }
}

/// A new partition of a table that is altered is created after the alteration: attached
/// before, it would have to take the parent's change (or be refused by a parent that only
/// becomes partitioned then).
bool StepBuilder::partitionsAlteredTable(const Table &t) const
{
    return !t.partitionOf.isEmpty() && m_alterations.contains(key(t.partitionOf));
}

void StepBuilder::createTables(bool partitionsOfAlteredTables)
{
    QList<const Table *> added;
    for (const Table &t : m_target.tables) {
        if (!m_liveTables.find(t.name) && partitionsAlteredTable(t) == partitionsOfAlteredTables)
            added.append(&t);
    }
    for (const Table *t : m_deps.referencedFirst(added)) {
        const Table created = withoutKeysToAlteredTables(*t);
        add(u"create table " + displayName(t->name), m_r.createTable(created),
            m_r.dropTable(created),
            changesOf(t->name, ObjectKind::Table, t->name, {ChangeType::Added}));
    }
}

void StepBuilder::alterTables()
{
    QList<const Table *> altered;
    for (const Table &t : m_target.tables) {
        if (m_alterations.contains(key(t.name)))
            altered.append(&t);
    }
    // Those whose columns a function body held go first: the function comes back right after
    // them, before the tables whose defaults or CHECKs call it.
    const auto holds = [&](const Table *t) { return m_heldColumns.contains(key(t->name)); };
    std::stable_partition(altered.begin(), altered.end(), holds);
    qsizetype holding = std::count_if(altered.begin(), altered.end(), holds);
    if (holding == 0)
        createFunctions(FunctionPhase::AfterHeldColumns);
    for (const Table *target : m_deps.referencedFirst(altered)) {
        const Table &live = liveForAlteration(target->name);
        const TableAlteration &alteration = m_alterations[key(target->name)];
        QList<Change> changes;
        for (const Change &c : m_tableChanges.value(key(target->name))) {
            const bool ownStep = addedNotValid(target->name, c) || onlyValidates(c);
            if (!ownStep && (isStructural(c.object) ||
                             (alteration.makesIndexes() && c.object == ObjectKind::Index)))
                changes.append(c);
        }
        const QString verb =
            alteration.rebuild ? QStringLiteral("rebuild table ") : QStringLiteral("alter table ");
        const auto moved = m_alteredTo.constFind(key(target->name));
        const Table &alteredTo = moved != m_alteredTo.constEnd() ? *moved : *target;
        add(verb + displayName(target->name), alteration.sql, m_r.alterTable(alteredTo, live).sql,
            changes, alteration.rebuild);
        if (holds(target) && --holding == 0)
            createFunctions(FunctionPhase::AfterHeldColumns);
    }
    createTables(true);
}

void StepBuilder::dropTables(bool inTheWay)
{
    QList<const Table *> removed;
    for (const Table &t : m_live.tables) {
        if (!m_targetTables.find(t.name) && m_inTheWay.contains(key(t.name)) == inTheWay)
            removed.append(&t);
    }
    removed = m_deps.referencedFirst(removed);
    std::reverse(removed.begin(), removed.end()); // referencing tables go first
    for (const Table *t : removed) {
        QStringList recreate = m_r.createTable(*t);
        for (const Index &i : t->indexes)
            recreate += m_r.createIndex(t->name, i);
        for (const Trigger &trigger : t->triggers)
            recreate += m_r.createTrigger(t->name, trigger);
        recreate += m_r.setRowSecurity(t->name, Table{}, *t);
        if (!t->replicaIdentity.isEmpty())
            recreate += m_r.setReplicaIdentity(t->name, *t);
        for (const Policy &policy : t->policies)
            recreate += m_r.createPolicy(t->name, policy);
        add(u"drop table " + displayName(t->name), m_r.dropTable(*t), recreate,
            changesOf(t->name, ObjectKind::Table, t->name, {ChangeType::Removed}));
    }
}

void StepBuilder::createIndexes()
{
    for (const Table &table : m_target.tables) {
        const bool isNew = !m_liveTables.find(table.name);
        if (!isNew && alterationMakesIndexes(table.name))
            continue;
        for (const Index &i : table.indexes) {
            const QList<Change> changes = changesOf(table.name, ObjectKind::Index, i.name,
                                                    {ChangeType::Added, ChangeType::Changed});
            if (renamesIndex(table.name, i.name))
                continue;
            if (isNew)
                add(u"create index " + displayName(i.name), m_r.createIndex(table.name, i),
                    m_r.dropIndex(table.name, i), changes);
            else if (!changes.isEmpty() || recreatesIndex(table.name, i.name))
                add(u"create index " + displayName(i.name), createIndexSql(table.name, i),
                    dropIndexSql(table.name, i), changes);
        }
    }
}

bool StepBuilder::rebuildsIndexNamed(const QString &table, const QString &index) const
{
    const std::initializer_list<ChangeType> made{ChangeType::Added, ChangeType::Changed};
    return recreatesIndex(table, index) || alterationMakesIndexes(table) ||
           !changesOf(table, ObjectKind::Index, index, made).isEmpty() ||
           !changesOf(table, ObjectKind::Unique, index, made).isEmpty() ||
           !changesOf(table, ObjectKind::PrimaryKey, {}, made).isEmpty();
}

void StepBuilder::setIndexSettings()
{
    setIndexSetting({QStringLiteral("replica identity"), QStringLiteral("set replica identity on "),
                     [](const Table &t) { return !t.replicaIdentity.isEmpty(); },
                     [](const Table &t) { return t.replicaIdentityIndex; },
                     &SqlRenderer::setReplicaIdentity});
    setIndexSetting({QStringLiteral("cluster on"), QStringLiteral("set the CLUSTER index of "),
                     [](const Table &t) { return !t.clusterIndex.isEmpty(); },
                     [](const Table &t) { return t.clusterIndex; }, &SqlRenderer::setClusterIndex});
}

void StepBuilder::setIndexSetting(const IndexSetting &setting)
{
    for (const Table &target : m_target.tables) {
        const Table *live = m_liveTables.find(target.name);
        const QList<Change> changes =
            live ? changesOf(target.name, ObjectKind::TableOptions, {}, {ChangeType::Changed})
                 : QList<Change>{};
        const bool differs = std::any_of(changes.begin(), changes.end(), [&](const Change &c) {
            return c.attributes.contains(setting.attribute);
        });
        const QString index = setting.index(target);
        const bool indexBuiltAgain =
            !index.isEmpty() && live && rebuildsIndexNamed(target.name, index);
        if (live ? !differs && !indexBuiltAgain : !setting.isSet(target))
            continue;
        add(setting.summary + displayName(target.name), (m_r.*setting.sql)(target.name, target),
            (m_r.*setting.sql)(target.name, live ? *live : Table{}), changes);
    }
}

void StepBuilder::commentViews()
{
    for (const View &target : m_target.views) {
        const View *live = findNamed(m_live.views, target.name, m_cs);
        if (!live || m_viewsToCreate.contains(key(target.name)) || !viewCommentOnly(target.name))
            continue;
        add(u"comment on view " + displayName(target.name), m_r.commentOnView(target, *live),
            m_r.commentOnView(*live, target),
            changesOf(target.name, ObjectKind::View, target.name, {ChangeType::Changed}));
    }
}

/// Where `t` goes among its owner's triggers of the same moment, in the target's order: after
/// the one before it, which exists by then (kept, or created first: they are created in that
/// order); the first one before the first that is kept.
TriggerPlacement StepBuilder::placementOf(const TriggerOwner &owner, const Trigger &t) const
{
    QList<const Trigger *> sameMoment;
    for (const Trigger &other : *owner.triggers) {
        if (other.moment == t.moment)
            sameMoment.append(&other);
    }
    if (const qsizetype i = sameMoment.indexOf(&t); i > 0)
        return {sameMoment[i - 1]->name, {}};
    for (const Trigger *other : sameMoment) {
        if (other != &t && !m_triggersToCreate.contains(triggerId(owner.name, *other)))
            return {{}, other->name};
    }
    return {};
}

void StepBuilder::createTriggers()
{
    for (const TriggerOwner &owner : triggerOwners(m_target)) {
        for (const Trigger &t : *owner.triggers) {
            if (!m_triggersToCreate.contains(triggerId(owner.name, t)))
                continue;
            QStringList sql = t.moment.isEmpty()
                                  ? m_r.createTrigger(owner.name, t)
                                  : m_r.createPlacedTrigger(owner.name, t, placementOf(owner, t));
            const Trigger *late = m_triggersDroppedLate.value(triggerId(owner.name, t));
            if (late)
                sql = m_r.replaceReader(m_r.dropTrigger(owner.name, *late), sql);
            add((late ? QStringLiteral("replace ") : QStringLiteral("create ")) +
                    objectNoun(triggerKind(t)) + u' ' + displayName(t.name),
                sql, m_r.dropTrigger(owner.name, t),
                changesOf(owner.name, triggerKind(t), t.name,
                          {ChangeType::Added, ChangeType::Changed}));
        }
    }
}

} // namespace burrow::plan
