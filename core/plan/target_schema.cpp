#include "planner.h"

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
        break;
    default: // constraints are kept or changed with their table as a whole
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

} // namespace

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
            keepLive(target.enums, live.enums, change, cs);
        else if (change.object == ObjectKind::Domain)
            keepLive(target.domains, live.domains, change, cs);
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
    }
    return target;
}

} // namespace burrow::plan
