#include "inheritance.h"

#include <QSet>

namespace burrow::schema {
namespace {

QStringList joinedParents(const Table &table, const Table &live, Qt::CaseSensitivity cs)
{
    QStringList out;
    for (const QString &parent : table.inherits) {
        if (!live.inherits.contains(parent, cs))
            out.append(parent);
    }
    return out;
}

void addMissing(Table &table, const Table &parent, Qt::CaseSensitivity cs)
{
    for (const Column &column : parent.columns) {
        if (!findColumn(table, column.name, cs)) {
            table.columns.append(column);
            table.columns.last().primaryKeyPosition = 0; // a key is not inherited
        }
    }
    for (const CheckConstraint &check : parent.checks) {
        if (!check.noInherit && !findNamed(table.checks, check.name, cs))
            table.checks.append(check);
    }
}

} // namespace

bool joinsParent(const Table &table, const Table &live, Qt::CaseSensitivity cs)
{
    return !joinedParents(table, live, cs).isEmpty();
}

Table withJoinedParentsMembers(const Table &table, const Table &live, const Schema &schema,
                               Qt::CaseSensitivity cs)
{
    Table out = table;
    QStringList parents = joinedParents(table, live, cs);
    QSet<QString> seen;
    while (!parents.isEmpty()) {
        const QString name = parents.takeFirst();
        const Table *parent = findTable(schema, name, cs);
        if (!parent || seen.contains(parent->name))
            continue;
        seen.insert(parent->name);
        addMissing(out, *parent, cs);
        parents.append(parent->inherits);
    }
    return out;
}

} // namespace burrow::schema
