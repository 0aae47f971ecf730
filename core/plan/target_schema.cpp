#include "../diff/describe.h"
#include "../schema/inheritance.h"
#include "dependencies_p.h"
#include "planner.h"

#include <algorithm>

namespace burrow::plan {
namespace {

using diff::Change;
using diff::ChangeType;
using diff::ObjectKind;
using namespace schema;

template<typename T>
qsizetype indexOf(const QList<T> &items, const QString &name, Qt::CaseSensitivity cs)
{
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (items[i].name.compare(name, cs) == 0)
            return i;
    }
    return -1;
}

/// Puts the live state of one named object back into `target`'s list: re-adds it when the model
/// removed it, replaces it when the model changed it, drops it when the model added it.
template<typename T>
void keepLive(QList<T> &target, const QList<T> &live, const Change &change, Qt::CaseSensitivity cs)
{
    const qsizetype inTarget = indexOf(target, change.name, cs);
    const qsizetype inLive = indexOf(live, change.name, cs);
    if (inTarget >= 0)
        target.removeAt(inTarget);
    if (inLive >= 0)
        target.insert(inTarget >= 0 ? inTarget : target.size(), live[inLive]);
}

/// An enum whose change is kept out keeps its live labels, and still gains those the model adds
/// (ALTER TYPE … ADD VALUE, which loses nothing): a default or CHECK kept in may name one.
/// Each goes after the label the model has before it, or first.
void keepLiveEnum(QList<EnumType> &target, const QList<EnumType> &live, const Change &change,
                  Qt::CaseSensitivity cs)
{
    const qsizetype inTarget = indexOf(target, change.name, cs);
    const qsizetype inLive = indexOf(live, change.name, cs);
    if (inTarget < 0 || inLive < 0)
        return keepLive(target, live, change, cs);
    const QStringList wanted = target[inTarget].labels;
    QStringList labels = live[inLive].labels;
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        if (!labels.contains(wanted[i]))
            labels.insert(i == 0 ? 0 : labels.indexOf(wanted[i - 1]) + 1, wanted[i]);
    }
    EnumType kept = live[inLive];
    kept.labels = labels;
    target[inTarget] = kept;
}

/// How one kind of constraint is told apart, as the differ pairs and shows them.
template<typename T> struct ConstraintIdentity {
    QString (*describe)(const T &); // what a change shows for it when it has no name
    bool (*sameKey)(const T &, const T &, Qt::CaseSensitivity); // the differ's pairing
};

const ConstraintIdentity<UniqueConstraint> kUnique{
    [](const UniqueConstraint &u) { return diff::displayNames(u.columns); },
    [](const UniqueConstraint &a, const UniqueConstraint &b, Qt::CaseSensitivity cs) {
        return sameColumns(a.columns, b.columns, cs);
    }};
const ConstraintIdentity<ForeignKey> kForeignKey{
    [](const ForeignKey &fk) { return diff::displayNames(fk.columns); },
    [](const ForeignKey &a, const ForeignKey &b, Qt::CaseSensitivity cs) {
        return sameColumns(a.columns, b.columns, cs);
    }};
const ConstraintIdentity<CheckConstraint> kCheck{
    diff::describeCheck,
    [](const CheckConstraint &a, const CheckConstraint &b, Qt::CaseSensitivity cs) {
        if (!a.name.isEmpty() && !b.name.isEmpty() && a.name.compare(b.name, cs) == 0)
            return true;
        return a.expression.canonical == b.expression.canonical;
    }};
const ConstraintIdentity<ExclusionConstraint> kExclusion{
    [](const ExclusionConstraint &x) { return x.definition.text; },
    [](const ExclusionConstraint &a, const ExclusionConstraint &b, Qt::CaseSensitivity cs) {
        return a.name.compare(b.name, cs) == 0;
    }};

/// Puts the live state of the constraint `change` names back into `target`'s list. A change
/// names a constraint by its name, or by its definition when it has none (Change::anonymous).
template<typename T>
void keepLiveConstraint(QList<T> &target, const QList<T> &live, const Change &change,
                        const ConstraintIdentity<T> &identity, Qt::CaseSensitivity cs)
{
    const auto named = [&](const T &c) {
        return change.anonymous ? identity.describe(c) == change.name
                                : c.name.compare(change.name, cs) == 0;
    };
    const auto find = [](const QList<T> &list, const auto &matches) {
        return qsizetype(std::find_if(list.cbegin(), list.cend(), matches) - list.cbegin());
    };
    // Added: only the model has it; removed: only the database; changed: both, paired by key.
    const qsizetype inTarget =
        change.type == ChangeType::Removed ? target.size() : find(target, named);
    qsizetype inLive = live.size();
    if (change.type == ChangeType::Removed)
        inLive = find(live, named);
    else if (change.type == ChangeType::Changed && inTarget < target.size())
        inLive = find(live, [&](const T &c) { return identity.sameKey(c, target[inTarget], cs); });
    if (inTarget < target.size())
        target.removeAt(inTarget);
    if (inLive < live.size())
        target.insert(std::min(inTarget, target.size()), live[inLive]);
}

Table *findMutable(Schema &schema, const QString &name, Qt::CaseSensitivity cs)
{
    const qsizetype i = indexOf(schema.tables, name, cs);
    return i >= 0 ? &schema.tables[i] : nullptr;
}

void keepLiveTablePart(Schema &target, const Table &live, const Change &change,
                       Qt::CaseSensitivity cs)
{
    Table *table = findMutable(target, change.table, cs);
    if (!table)
        return;
    switch (change.object) {
    case ObjectKind::Column:
        keepLive(table->columns, live.columns, change, cs);
        break;
    case ObjectKind::Index:
        keepLive(table->indexes, live.indexes, change, cs);
        break;
    case ObjectKind::Trigger:
    case ObjectKind::Rule:
    case ObjectKind::Statistics:
        keepLive(table->triggers, live.triggers, change, cs);
        break;
    case ObjectKind::Policy:
        keepLive(table->policies, live.policies, change, cs);
        break;
    case ObjectKind::RowSecurity:
        table->rowSecurity = live.rowSecurity;
        table->forceRowSecurity = live.forceRowSecurity;
        break;
    case ObjectKind::TableOptions:
        table->withoutRowid = live.withoutRowid;
        table->strict = live.strict;
        table->comment = live.comment;
        table->collation = live.collation;
        table->options = live.options;
        table->partitionOf = live.partitionOf;
        table->partitionBound = live.partitionBound;
        table->partitioning = live.partitioning;
        table->systemVersioned = live.systemVersioned;
        table->inherits = live.inherits;
        table->replicaIdentity = live.replicaIdentity;
        table->replicaIdentityIndex = live.replicaIdentityIndex;
        table->clusterIndex = live.clusterIndex;
        table->period = live.period;
        break;
    case ObjectKind::PrimaryKey:
        table->primaryKey = live.primaryKey;
        break;
    case ObjectKind::Unique:
        keepLiveConstraint(table->uniques, live.uniques, change, kUnique, cs);
        break;
    case ObjectKind::ForeignKey:
        keepLiveConstraint(table->foreignKeys, live.foreignKeys, change, kForeignKey, cs);
        break;
    case ObjectKind::Check:
        keepLiveConstraint(table->checks, live.checks, change, kCheck, cs);
        break;
    case ObjectKind::Exclusion:
        keepLiveConstraint(table->exclusions, live.exclusions, change, kExclusion, cs);
        break;
    default:
        break;
    }
}

// An index of a materialized view.
void keepLiveViewIndex(Schema &target, const View &live, const Change &change,
                       Qt::CaseSensitivity cs)
{
    const qsizetype i = indexOf(target.views, change.table, cs);
    if (i >= 0 && change.object == ObjectKind::Index)
        keepLive(target.views[i].indexes, live.indexes, change, cs);
}

/// Marks each column's place in the table's key. A column kept live brings its own mark, and a
/// key kept live leaves the model's marks behind; renderers read either, so they must agree.
void markKeyColumns(Table &table, Qt::CaseSensitivity cs)
{
    const QStringList key = table.primaryKey ? table.primaryKey->columns : QStringList();
    for (Column &column : table.columns) {
        column.primaryKeyPosition = 0;
        for (qsizetype i = 0; i < key.size(); ++i) {
            if (key[i].compare(column.name, cs) == 0)
                column.primaryKeyPosition = int(i) + 1;
        }
    }
}

/// Privileges and definers are not compared: whatever the model says, the database keeps those
/// it has, and an object the migration creates again is given them back (a definer the model
/// names itself is the model's). So is the sql_mode a body was created under, unless the model
/// asks for another one (SqlMode::differsFrom). The target says so too, so that the way back
/// (the down section) gives them back as well.
template<typename T>
void keepLiveAccess(QList<T> &target, const QList<T> &live, Qt::CaseSensitivity cs)
{
    for (T &object : target) {
        const qsizetype i = indexOf(live, object.name, cs);
        if (i < 0)
            continue;
        if constexpr (requires { object.grants; })
            object.grants = live[i].grants;
        if (object.definer.isEmpty())
            object.definer = live[i].definer;
        if constexpr (requires { object.sqlMode; })
            if (!live[i].sqlMode.differsFrom(object.sqlMode))
                object.sqlMode = live[i].sqlMode;
    }
}

/// The same for the triggers of each table and view both have. Tables by lookup: a schema may
/// have thousands, few with triggers.
void keepLiveTriggerAccess(Schema &target, const Schema &live, Qt::CaseSensitivity cs)
{
    const TableLookup liveTables(live, cs);
    for (Table &table : target.tables) {
        if (const Table *was = table.triggers.isEmpty() ? nullptr : liveTables.find(table.name))
            keepLiveAccess(table.triggers, was->triggers, cs);
    }
    for (View &view : target.views) {
        if (const qsizetype i = indexOf(live.views, view.name, cs); i >= 0)
            keepLiveAccess(view.triggers, live.views[i].triggers, cs);
    }
}

bool anyInherits(const Schema &schema)
{
    return std::any_of(schema.tables.cbegin(), schema.tables.cend(),
                       [](const Table &t) { return !t.inherits.isEmpty(); });
}

/// A table joining a parent has the parent's columns and CHECKs itself first (INHERIT requires
/// them), in the parent's form: they are altered, or added, before it joins.
void addJoinedParentsMembers(Schema &target, const Schema &live, Qt::CaseSensitivity cs)
{
    if (!anyInherits(target))
        return; // the usual case: no lookup of thousands of tables to build
    const TableLookup liveTables(live, cs);
    for (Table &table : target.tables) {
        const Table *was = table.inherits.isEmpty() ? nullptr : liveTables.find(table.name);
        if (was && joinsParent(table, *was, cs))
            table = withJoinedParentsMembers(table, *was, target, cs);
    }
}

} // namespace

Schema withLeftParentsMembers(const Schema &live, const Schema &model, Qt::CaseSensitivity cs)
{
    if (!anyInherits(live))
        return live;
    Schema out = live;
    const TableLookup modelTables(model, cs);
    for (Table &table : out.tables) {
        if (const Table *will = table.inherits.isEmpty() ? nullptr : modelTables.find(table.name))
            table = schema::withLeftParentsMembers(table, *will, live, cs);
    }
    return out;
}

Schema targetSchema(const Schema &live, const Schema &model, const QList<Change> &excluded,
                    Qt::CaseSensitivity cs)
{
    Schema target = model;
    for (const Change &change : excluded) {
        if (change.type == ChangeType::RenameSuggested)
            continue;
        if (change.object == ObjectKind::Table)
            keepLive(target.tables, live.tables, change, cs);
        else if (change.object == ObjectKind::View)
            keepLive(target.views, live.views, change, cs);
        else if (change.object == ObjectKind::Enum)
            keepLiveEnum(target.enums, live.enums, change, cs);
        else if (change.object == ObjectKind::Domain)
            keepLive(target.domains, live.domains, change, cs);
        else if (change.object == ObjectKind::Composite)
            keepLive(target.composites, live.composites, change, cs);
        else if (change.object == ObjectKind::TextSearchDictionary)
            keepLive(target.textSearchDictionaries, live.textSearchDictionaries, change, cs);
        else if (change.object == ObjectKind::TextSearchConfiguration)
            keepLive(target.textSearchConfigurations, live.textSearchConfigurations, change, cs);
        else if (change.object == ObjectKind::Range)
            keepLive(target.ranges, live.ranges, change, cs);
        else if (change.object == ObjectKind::Collation)
            keepLive(target.collations, live.collations, change, cs);
        else if (change.object == ObjectKind::Sequence)
            keepLive(target.sequences, live.sequences, change, cs);
        else if (change.object == ObjectKind::Event)
            keepLive(target.events, live.events, change, cs);
        else if (change.object == ObjectKind::Function)
            keepLive(target.functions, live.functions, change, cs);
        else if (change.object == ObjectKind::Extension)
            keepLive(target.extensions, live.extensions, change, cs);
        else if (change.object == ObjectKind::Namespace)
            keepLive(target.namespaces, live.namespaces, change, cs);
        else if (const Table *liveTable = findTable(live, change.table, cs))
            keepLiveTablePart(target, *liveTable, change, cs);
        else if (const qsizetype view = indexOf(live.views, change.table, cs); view >= 0)
            keepLiveViewIndex(target, live.views[view], change, cs);
        const bool keyed =
            change.object == ObjectKind::Column || change.object == ObjectKind::PrimaryKey;
        if (Table *table = findMutable(target, change.table, cs); keyed && table)
            markKeyColumns(*table, cs);
    }
    keepLiveAccess(target.views, live.views, cs);
    keepLiveAccess(target.functions, live.functions, cs);
    keepLiveTriggerAccess(target, live, cs);
    addJoinedParentsMembers(target, live, cs);
    return target;
}

} // namespace burrow::plan
