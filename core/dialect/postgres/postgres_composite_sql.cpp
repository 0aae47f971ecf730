#include "postgres_composite_sql.h"

#include "../../sql/item_list.h"
#include "postgres_names.h"
#include "postgres_object_sql.h"

#include <algorithm>

namespace burrow::dialect::postgres {
namespace {

using namespace schema;

// The type and collation: what ALTER ATTRIBUTE … SET DATA TYPE takes.
QString typeClause(const TypeAttribute &a)
{
    return a.collation.isEmpty() ? a.type : a.type + u" COLLATE " + quoteIdentifier(a.collation);
}

QString attributeSql(const TypeAttribute &a)
{
    return quoteIdentifier(a.name) + u' ' + typeClause(a);
}

const TypeAttribute *findAttribute(const CompositeType &type, const QString &name)
{
    const auto it = std::find_if(type.attributes.cbegin(), type.attributes.cend(),
                                 [&](const TypeAttribute &a) { return a.name == name; });
    return it == type.attributes.cend() ? nullptr : &*it;
}

QStringList attributeNames(const QList<TypeAttribute> &attributes)
{
    QStringList names;
    for (const TypeAttribute &a : attributes)
        names.append(a.name);
    return names;
}

bool retyped(const TypeAttribute &live, const TypeAttribute &target)
{
    return live.type != target.type || live.collation != target.collation;
}

QStringList inPlaceActions(const CompositeType &live, const CompositeType &target)
{
    QStringList actions;
    for (const TypeAttribute &a : live.attributes) {
        const TypeAttribute *wanted = findAttribute(target, a.name);
        if (!wanted)
            actions.append(u"DROP ATTRIBUTE " + quoteIdentifier(a.name));
        else if (retyped(a, *wanted))
            actions.append(u"ALTER ATTRIBUTE " + quoteIdentifier(a.name) + u" SET DATA TYPE " +
                           typeClause(*wanted));
    }
    for (const TypeAttribute &a : target.attributes) {
        if (!findAttribute(live, a.name))
            actions.append(u"ADD ATTRIBUTE " + attributeSql(a));
    }
    return actions;
}

// The row the new type gets from a stored value: each attribute by name, cast where its type
// changes, NULL where it is new. A NULL value stays NULL (a row of NULLs is not NULL as text).
QString rowConversion(const QString &column, const CompositeType &live, const CompositeType &target)
{
    const QString type = quoteIdentifier(target.name);
    const QString fields = sql::joined(target.attributes, [&](const TypeAttribute &a) -> QString {
        const TypeAttribute *was = findAttribute(live, a.name);
        if (!was)
            return u"NULL::" + a.type;
        const QString value = u'(' + column + u")." + quoteIdentifier(a.name);
        return was->type == a.type ? value : value + u"::" + a.type;
    });
    return u"CASE WHEN " + column + u"::text IS NULL THEN NULL ELSE ROW(" + fields + u")::" + type +
           u" END";
}

QString arrayRefusal(const plan::TypeUser &user, const CompositeType &target)
{
    const QString message = u"Burrow cannot convert column " + quoteIdentifier(user.table) + u'.' +
                            quoteIdentifier(user.column.name) + u", an array of composite type " +
                            quoteIdentifier(target.name) +
                            u", whose attributes are added, dropped or reordered: write that "
                            u"step of this migration by hand";
    return raiseSql(message);
}

QStringList convertUser(const plan::TypeUser &user, const CompositeType &live,
                        const CompositeType &target)
{
    const QString column = quoteIdentifier(user.column.name);
    const QString arrays = arraySuffix(user.column.typeKey);
    const QString to = quoteIdentifier(target.name) + arrays;
    if (arrays.isEmpty())
        return convertColumnSql(user, to, rowConversion(column, live, target));
    if (attributeNames(live.attributes) != attributeNames(target.attributes))
        return {arrayRefusal(user, target)};
    return convertColumnSql(user, to, column + u"::text::" + to);
}

// Whether ALTER TYPE can bring `live`'s attributes to `target`'s: the attributes it keeps stay
// in their order with the new ones after them, and none changes its type while a column uses
// the type (PostgreSQL refuses that: "cannot alter type … because column … uses it").
bool compositeAlterableInPlace(const CompositeType &live, const CompositeType &target,
                               bool hasUsers)
{
    QStringList order; // the names ALTER TYPE leaves: kept ones in place, new ones after
    for (const TypeAttribute &a : live.attributes) {
        const TypeAttribute *wanted = findAttribute(target, a.name);
        if (wanted && hasUsers && retyped(a, *wanted))
            return false;
        if (wanted)
            order.append(a.name);
    }
    for (const TypeAttribute &a : target.attributes) {
        if (!findAttribute(live, a.name))
            order.append(a.name);
    }
    return order == attributeNames(target.attributes);
}

QStringList recreateSql(const CompositeType &live, const CompositeType &target,
                        const QList<plan::TypeUser> &users)
{
    const QString old = setAsideTypeName(target.name);
    QStringList sql{u"ALTER TYPE " + quoteIdentifier(live.name) + u" RENAME TO " +
                    quoteIdentifier(localPart(old))};
    sql += createCompositeSql(target); // with its comment
    sql.append(takeOverTypeSql(QStringLiteral("TYPE"), old, target.name));
    for (const plan::TypeUser &user : users)
        sql += convertUser(user, live, target);
    sql.append(u"DROP TYPE " + quoteIdentifier(old));
    return sql;
}

} // namespace

QStringList createCompositeSql(const CompositeType &type)
{
    QStringList sql{u"CREATE TYPE " + quoteIdentifier(type.name) + u" AS " +
                    sql::parenthesized(type.attributes, attributeSql)};
    if (!type.comment.isEmpty())
        sql.append(commentOnSql(u"TYPE " + quoteIdentifier(type.name), type.comment));
    return sql;
}

QString dropCompositeSql(const CompositeType &type)
{
    return u"DROP TYPE " + quoteIdentifier(type.name);
}

QStringList alterCompositeSql(const CompositeType &live, const CompositeType &target,
                              const QList<plan::TypeUser> &users)
{
    if (live.attributes != target.attributes &&
        !compositeAlterableInPlace(live, target, !users.isEmpty()))
        return recreateSql(live, target, users);
    QStringList sql;
    if (const QStringList actions = inPlaceActions(live, target); !actions.isEmpty())
        sql.append(u"ALTER TYPE " + quoteIdentifier(target.name) + u' ' + actions.join(u", "));
    if (live.comment != target.comment)
        sql.append(commentOnSql(u"TYPE " + quoteIdentifier(target.name), target.comment));
    return sql;
}

} // namespace burrow::dialect::postgres
