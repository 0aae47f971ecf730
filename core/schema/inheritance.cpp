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

/// The column `table` needs to join: the parent's type, collation and NOT NULL (INHERIT checks
/// those) on the table's own column, or the parent's column less what a child does not inherit.
Column joiningColumn(const Column &parents, const Column *own)
{
    if (own) {
        Column column = *own;
        column.type = parents.type;
        column.typeKey = parents.typeKey;
        column.collation = parents.collation;
        column.notNull = own->notNull || parents.notNull;
        return column;
    }
    Column column = parents;
    column.primaryKeyPosition = 0;
    column.autoIncrement = false;
    column.numbering.clear();
    column.comment.clear();
    return column;
}

void addMissing(Table &table, const Table &parent, const Table &live, Qt::CaseSensitivity cs)
{
    for (const Column &column : parent.columns) {
        if (!findColumn(table, column.name, cs))
            table.columns.append(joiningColumn(column, findColumn(live, column.name, cs)));
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
        addMissing(out, *parent, live, cs);
        parents.append(parent->inherits);
    }
    return out;
}

} // namespace burrow::schema
