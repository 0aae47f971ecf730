#pragma once

// Small builders of schema values for tests that construct schemas by hand.
#include "schema/schema.h"

#include <QStringList>

namespace burrow::test {

using namespace burrow::schema;

// Fragments compare by their canonical form; tests spell it out.
inline Expression expr(const char *text, const char *canonical = nullptr)
{
    return {QString::fromUtf8(text), QString::fromUtf8(canonical ? canonical : text)};
}

inline Column column(const char *name, const char *type = "INTEGER")
{
    Column c;
    c.name = QString::fromUtf8(name);
    c.type = c.typeKey = QString::fromUtf8(type);
    return c;
}

inline Table table(const char *name, QList<Column> columns = {column("id")})
{
    Table t;
    t.name = QString::fromUtf8(name);
    t.columns = std::move(columns);
    return t;
}

inline Index index(const char *name, QStringList columns, bool unique = false)
{
    Index i;
    i.name = QString::fromUtf8(name);
    i.unique = unique;
    for (const QString &c : columns)
        i.parts.append(IndexPart{c, {}, SortOrder::Ascending, {}});
    return i;
}

inline ForeignKey foreignKey(QStringList columns, const char *target, QStringList targetColumns)
{
    ForeignKey fk;
    fk.columns = std::move(columns);
    fk.referencedTable = QString::fromUtf8(target);
    fk.referencedColumns = std::move(targetColumns);
    return fk;
}

inline Schema schemaOf(QList<Table> tables, QList<View> views = {})
{
    return Schema{std::move(tables), std::move(views)};
}

} // namespace burrow::test
