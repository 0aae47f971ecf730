#include "../diff/describe.h"
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
    , m_liveTables(live, cs)
    , m_targetTables(target, cs)
    , m_deps(renderer.lexerOptions(), cs)
    , m_cs(cs)
{
    for (const Change &c : changes) {
        if (diff::isSchemaLevel(c.object) && c.object != ObjectKind::View)
            m_objectChanges.append(c);
        else
            (c.object == ObjectKind::View ? m_viewChanges : m_tableChanges)[key(c.table)].append(c);
    }
}

namespace {

bool attributesAmong(const QStringList &attributes, std::initializer_list<QStringView> kept)
{
    return std::all_of(attributes.begin(), attributes.end(), [&kept](const QString &a) {
        return std::find(kept.begin(), kept.end(), a) != kept.end();
    });
}

/// Whether a column change leaves what reads the column working: added, or its nullability,
/// default or comment changed. Dropped, retyped or regenerated, it does not.
bool columnChangeKeepsReaders(const Change &c)
{
    return c.type == ChangeType::Added ||
           (c.type == ChangeType::Changed &&
            attributesAmong(c.attributes,
                            {u"not null", u"default", u"comment", u"options", u"invisible"}));
}

/// Whether a change to a table's keys, constraints or options leaves its readers working. A
/// primary key does not: a PostgreSQL view grouping by it depends on it.
bool tableChangeKeepsReaders(const Change &c)
{
    switch (c.object) {
    case ObjectKind::TableOptions:
        return attributesAmong(c.attributes, {u"comment", u"options"});
    case ObjectKind::Unique:
    case ObjectKind::Check:
    case ObjectKind::ForeignKey:
    case ObjectKind::Exclusion:
        return true;
    default:
        return !isStructural(c.object);
    }
}

} // namespace

void StepBuilder::classifyTables(const QList<Rename> &renames)
{
    for (const Rename &r : renames) {
        // Only the readers naming a renamed column go and come back: the others, and what
        // depends on them, are left alone.
        if (r.isColumn()) {
            m_touchedColumns[key(r.table)].insert(key(r.column));
            continue;
        }
        m_renamedFrom.insert(key(r.newName), r.table);
        if (m_r.readersFollowTableRenames())
            continue; // its readers show the new name (applyRenames): changed ones are recreated
        m_touched.insert(key(r.table));
        m_touched.insert(key(r.newName));
    }
    findTablesInTheWay();
    matchIndexRenames();
    liftBlockedForeignKeys();
    liftFunctionUsers();
    liftEnumUsers();
    liftCompositeUsers();
    liftGeneratedReadersOfRetypedColumns();
    findNamesGivenUp();
    for (const Table &live : m_live.tables) {
        const Table *target = m_targetTables.find(live.name);
        if (!target) {
            m_touched.insert(key(live.name));
            m_dropsTables = true;
            continue;
        }
        const QList<Change> changes = m_tableChanges.value(key(live.name));
        // Must add back its foreign keys or function users.
        const bool lifted = m_liftedLive.contains(key(live.name));
        if (!lifted && std::none_of(changes.begin(), changes.end(), [](const Change &c) {
                return isStructural(c.object) && !onlyValidates(c);
            }))
            continue;
        const Table alteredTo = withoutNotValidConstraints(live, *target);
        TableAlteration alteration = m_r.alterTable(liveForAlteration(live.name), alteredTo);
        if (!lifted)
            touchReaders(live.name, changes, alteration);
        if (alteration.rebuild)
            m_rebuilt.append(target->name);
        m_alterations.insert(key(live.name), alteration);
    }
}

QString StepBuilder::nameBeforeRenames(const QString &table) const
{
    return m_renamedFrom.value(key(table), table);
}

void StepBuilder::touchReaders(const QString &table, const QList<Change> &changes,
                               const TableAlteration &alteration)
{
    if (alteration.rebuild) {
        m_touched.insert(key(table));
        return;
    }
    if (!m_r.readersBlockColumnChanges())
        return;
    QSet<QString> columns;
    for (const Change &c : changes) {
        if (c.object != ObjectKind::Column && !tableChangeKeepsReaders(c) &&
            !keyChangesInPlace(c)) { // a key renamed in place keeps them too
            m_touched.insert(key(table));
            return;
        }
        if (c.object == ObjectKind::Column && !columnChangeKeepsReaders(c))
            columns.insert(key(c.name));
    }
    if (!columns.isEmpty())
        m_touchedColumns[key(table)].unite(columns);
}

bool StepBuilder::readsTouched(const QString &definition, const QSet<QString> &touched) const
{
    if (touched.isEmpty() && m_touchedColumns.isEmpty())
        return false;
    const QSet<QString> named = m_deps.mentions(definition); // one reading for both questions
    if (named.intersects(touched))
        return true;
    for (auto it = m_touchedColumns.cbegin(); it != m_touchedColumns.cend(); ++it) {
        if (named.contains(it.key()) && named.intersects(it.value()))
            return true;
    }
    return false;
}

bool StepBuilder::viewCommentOnly(const QString &view) const
{
    const auto it = m_viewChanges.constFind(key(view));
    return it != m_viewChanges.cend() && std::all_of(it->begin(), it->end(), [](const Change &c) {
               return c.type == ChangeType::Changed &&
                      std::all_of(c.attributes.begin(), c.attributes.end(), [](const QString &a) {
                          return a == u"comment" || a == u"column comment";
                      });
           });
}

void StepBuilder::collectViewWork()
{
    for (const View &v : m_live.views) {
        // A comment alone is set in place: a view dropped and created again loses its grants.
        if (!viewRedefined(v.name) && !readsTouched(v.definition.text, m_touched))
            continue;
        if (m_r.dropsChangedReadersLate() && findNamed(m_target.views, v.name, m_cs))
            m_viewsDroppedLate.insert(key(v.name));
        else
            m_viewsToDrop.insert(key(v.name));
    }
    // A view reading a dropped view must be dropped too, and so on; so must a function whose
    // body holds one, and the views calling that function.
    for (bool grew = true; grew;) {
        grew = false;
        QSet<QString> gone = m_viewsToDrop;
        for (const Function *f : m_viewReaders)
            gone.insert(key(f->routineName));
        for (const View &v : m_live.views) {
            if (!m_viewsToDrop.contains(key(v.name)) &&
                m_deps.mentionsAny(v.definition.text, gone)) {
                m_viewsToDrop.insert(key(v.name));
                grew = true;
            }
        }
        grew = findViewReaders() || grew;
    }
    for (const View &v : m_target.views) {
        if (m_viewsToDrop.contains(key(v.name)) || m_viewsDroppedLate.contains(key(v.name)) ||
            viewRedefined(v.name))
            m_viewsToCreate.insert(key(v.name));
    }
    m_functionsWithViews = functionsWithViews();
}

QList<TriggerOwner> triggerOwners(const Schema &schema)
{
    QList<TriggerOwner> owners;
    for (const Table &t : schema.tables)
        owners.append({t.name, &t.triggers});
    for (const View &v : schema.views)
        owners.append({v.name, &v.triggers});
    return owners;
}

QString StepBuilder::triggerId(const QString &owner, const Trigger &trigger) const
{
    return key(owner) + u'\x1f' + QString::number(int(trigger.kind)) + u'\x1f' + key(trigger.name);
}

bool StepBuilder::triggerChanged(const QString &owner, const Trigger &trigger) const
{
    return !changesOf(owner, diff::triggerKind(trigger), trigger.name,
                      {ChangeType::Removed, ChangeType::Changed, ChangeType::Added})
                .isEmpty();
}

bool StepBuilder::ownerGoes(const QString &owner) const
{
    if (m_liveTables.find(owner))
        return !m_targetTables.find(owner);
    return m_viewsToDrop.contains(key(owner));
}

bool StepBuilder::ownerComes(const QString &owner) const
{
    if (m_targetTables.find(owner))
        return !m_liveTables.find(owner);
    return m_viewsToCreate.contains(key(owner));
}

void StepBuilder::collectTriggerWork()
{
    QSet<QString> readers = m_touched;
    readers.unite(m_viewsToDrop);
    const QSet<QString> recreatedFunctions = this->recreatedFunctions();
    QSet<QString> targetIds;
    for (const TriggerOwner &owner : triggerOwners(m_target)) {
        for (const Trigger &t : *owner.triggers)
            targetIds.insert(triggerId(owner.name, t));
    }
    for (const TriggerOwner &owner : triggerOwners(m_live)) {
        // An owner that goes takes its triggers along, but a table goes after the functions are
        // recreated: its triggers calling one go first.
        const bool goes = ownerGoes(owner.name);
        const bool tableGoes = goes && m_liveTables.find(owner.name);
        for (const Trigger &t : *owner.triggers) {
            const bool drop =
                goes ? tableGoes && m_deps.mentionsAny(t.definition.text, recreatedFunctions)
                     : triggerChanged(owner.name, t) || readsTouched(t.definition.text, readers);
            const QString id = triggerId(owner.name, t);
            if (drop && !goes && m_r.dropsChangedReadersLate() && targetIds.contains(id))
                m_triggersDroppedLate.insert(id, &t);
            else if (drop)
                m_triggersToDrop.insert(id);
        }
    }
    for (const TriggerOwner &owner : triggerOwners(m_target)) {
        const bool comes = ownerComes(owner.name);
        for (const Trigger &t : *owner.triggers) {
            const QString id = triggerId(owner.name, t);
            if (comes || m_triggersToDrop.contains(id) || m_triggersDroppedLate.contains(id) ||
                triggerChanged(owner.name, t))
                m_triggersToCreate.insert(id);
        }
    }
}

QList<PlanStep> StepBuilder::build(const QList<Rename> &renames)
{
    classifyTables(renames);
    touchEnumUsers();
    touchCompositeUsers();
    touchFunctionUsers();
    collectViewWork();
    collectTriggerWork();
    collectPolicyWork();
    dropEvents();
    dropTriggers();
    dropPolicies();
    dropViews();
    dropViewIndexes();
    createNamespaces(); // before a table moves there
    renameObjects(renames);
    dropLiftedForeignKeys();
    settleIndexRenames();
    dropIndexes(); // before the generated columns they cover are set aside
    renameIndexes();
    setAsideUsers();
    giveUpNames();
    createExtensions();
    createCollations();
    createTextSearch();
    createSequences();
    createTypes();
    dropTables(/*inTheWay=*/true);
    createTables();
    createFunctions(FunctionPhase::AfterNewTables);
    alterTables();
    addKeysAfterAlterations();
    addConstraintsNotValid();
    validateConstraints();
    ownSequences();
    dropTables();
    dropSequences();
    dropTypes();
    dropTextSearch();
    dropCollations();
    dropExtensions();
    dropNamespaces();
    createIndexes();
    addKeysAfterIndexes();
    setIndexSettings();
    createViews();
    commentViews();
    createViewIndexes();
    createTriggers();
    setRowSecurity();
    createPolicies();
    createEvents();
    return m_steps;
}

} // namespace burrow::plan
