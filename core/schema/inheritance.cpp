#include "inheritance.h"

#include <QSet>

namespace burrow::schema {
namespace {

/// The parents `table` has that `other` lacks, or with `shared`, has too.
QStringList parentsOf(const Table &table, const Table &other, bool shared, Qt::CaseSensitivity cs)
{
    QStringList out;
    for (const QString &parent : table.inherits) {
        if (other.inherits.contains(parent, cs) == shared)
            out.append(parent);
    }
    return out;
}

/// `parents` and their own parents, each once, nearest first.
QList<const Table *> ancestors(QStringList parents, const Schema &schema, Qt::CaseSensitivity cs)
{
    QList<const Table *> out;
    QSet<QString> seen;
    while (!parents.isEmpty()) {
        const Table *parent = findTable(schema, parents.takeFirst(), cs);
        if (!parent || seen.contains(parent->name))
            continue;
        seen.insert(parent->name);
        out.append(parent);
        parents.append(parent->inherits);
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

/// Adds the columns and inheritable CHECKs of `parent` that `table` lacks and `inherited` does
/// not hold, each column in the form joiningColumn gives `own`'s column of that name.
void addMissing(Table &table, const Table &parent, const Table &own, const Table &inherited,
                Qt::CaseSensitivity cs)
{
    for (const Column &column : parent.columns) {
        if (!findColumn(table, column.name, cs) && !findColumn(inherited, column.name, cs))
            table.columns.append(joiningColumn(column, findColumn(own, column.name, cs)));
    }
    for (const CheckConstraint &check : parent.checks) {
        if (!check.noInherit && !findNamed(table.checks, check.name, cs) &&
            !findNamed(inherited.checks, check.name, cs))
            table.checks.append(check);
    }
}

/// `table` with what the `gained` parents and theirs pass on, less what the `kept` parents
/// still do: the catalog lists that on the parents only, before and after.
Table withMembersPassedOn(Table table, const QStringList &gained, const QStringList &kept,
                          const Table &own, const Schema &schema, Qt::CaseSensitivity cs)
{
    Table inherited;
    for (const Table *parent : ancestors(kept, schema, cs))
        addMissing(inherited, *parent, {}, {}, cs);
    for (const Table *parent : ancestors(gained, schema, cs))
        addMissing(table, *parent, own, inherited, cs);
    return table;
}

} // namespace

bool joinsParent(const Table &table, const Table &live, Qt::CaseSensitivity cs)
{
    return !parentsOf(table, live, false, cs).isEmpty();
}

Table withJoinedParentsMembers(const Table &table, const Table &live, const Schema &schema,
                               Qt::CaseSensitivity cs)
{
    return withMembersPassedOn(table, parentsOf(table, live, false, cs),
                               parentsOf(table, live, true, cs), live, schema, cs);
}

Table withLeftParentsMembers(const Table &live, const Table &model, const Schema &liveSchema,
                             Qt::CaseSensitivity cs)
{
    const QStringList left = parentsOf(live, model, false, cs);
    if (left.isEmpty())
        return live;
    return withMembersPassedOn(live, left, parentsOf(live, model, true, cs), {}, liveSchema, cs);
}

} // namespace burrow::schema
