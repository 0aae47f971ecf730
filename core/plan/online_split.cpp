#include "../diff/differ.h"
#include "dependencies_p.h"
#include "online.h"

#include <algorithm>

namespace burrow::plan {
namespace {

using diff::Change;
using diff::ChangeType;
using diff::ObjectKind;
using namespace schema;

bool keepsEveryColumn(const Table &live, const Table &target, Qt::CaseSensitivity cs)
{
    return std::all_of(live.columns.begin(), live.columns.end(),
                       [&](const Column &c) { return findColumn(target, c.name, cs) != nullptr; });
}

/// A foreign key of `target` needs the unique index to exist when the main migration adds it.
bool referencedByForeignKey(const Schema &target, const QString &table, const Index &index,
                            Qt::CaseSensitivity cs)
{
    if (!index.unique)
        return false;
    for (const Table &t : target.tables) {
        for (const ForeignKey &fk : t.foreignKeys) {
            if (fk.referencedTable.compare(table, cs) == 0 &&
                sameColumns(fk.referencedColumns, columnsOf(index), cs))
                return true;
        }
    }
    return false;
}

const Index *findIndex(const Table &table, const QString &name, Qt::CaseSensitivity cs)
{
    for (const Index &i : table.indexes) {
        if (i.name.compare(name, cs) == 0)
            return &i;
    }
    return nullptr;
}

/// `target`'s table with the online index changes `changes` names undone.
Table withLiveIndexes(const Table &live, Table target, const QList<Change> &changes,
                      const Schema &targetSchema, Qt::CaseSensitivity cs)
{
    for (const Change &c : changes) {
        const Index *now = findIndex(live, c.name, cs);
        const Index *then = findIndex(target, c.name, cs);
        if (then && referencedByForeignKey(targetSchema, target.name, *then, cs))
            continue;
        target.indexes.removeIf([&](const Index &i) { return i.name.compare(c.name, cs) == 0; });
        if (now)
            target.indexes.append(*now);
    }
    return target;
}

} // namespace

Schema withoutOnlineIndexChanges(const Schema &live, const Schema &target, Qt::CaseSensitivity cs)
{
    const TableLookup liveTables(live, cs);
    Schema out = target;
    const QList<Change> changes = diff::diffSchemas(live, target, {cs});
    for (Table &table : out.tables) {
        const Table *before = liveTables.find(table.name);
        if (!before || !keepsEveryColumn(*before, table, cs))
            continue;
        QList<Change> indexChanges;
        for (const Change &c : changes) {
            if (c.object == ObjectKind::Index && c.table.compare(table.name, cs) == 0)
                indexChanges.append(c);
        }
        if (!indexChanges.isEmpty())
            table = withLiveIndexes(*before, table, indexChanges, target, cs);
    }
    return out;
}

} // namespace burrow::plan
