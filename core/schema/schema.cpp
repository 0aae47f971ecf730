#include "schema.h"

#include <QHash>

#include <algorithm>

namespace burrow::schema {

namespace {

template<typename T> void appendNames(const QList<T> &objects, QStringList &names)
{
    for (const T &object : objects)
        names.append(object.name);
}

} // namespace

QStringList namesInSchemas(const Schema &schema)
{
    QStringList names;
    appendNames(schema.tables, names);
    appendNames(schema.views, names);
    appendNames(schema.enums, names);
    appendNames(schema.domains, names);
    appendNames(schema.composites, names);
    appendNames(schema.ranges, names);
    appendNames(schema.sequences, names);
    appendNames(schema.collations, names);
    appendNames(schema.textSearchDictionaries, names);
    appendNames(schema.textSearchConfigurations, names);
    for (const Function &f : schema.functions)
        names.append(f.routineName);
    return names;
}

const Table *findTable(const Schema &schema, const QString &name, Qt::CaseSensitivity cs)
{
    for (const Table &table : schema.tables) {
        if (table.name.compare(name, cs) == 0)
            return &table;
    }
    return nullptr;
}

const Column *findColumn(const Table &table, const QString &name, Qt::CaseSensitivity cs)
{
    for (const Column &column : table.columns) {
        if (column.name.compare(name, cs) == 0)
            return &column;
    }
    return nullptr;
}

void resolveImplicitReferences(Schema &schema, Qt::CaseSensitivity cs)
{
    QHash<QString, QStringList> keys; // folded table name → primary key columns
    for (const Table &table : schema.tables) {
        if (table.primaryKey)
            keys.insert(cs == Qt::CaseSensitive ? table.name : table.name.toLower(),
                        table.primaryKey->columns);
    }
    for (Table &table : schema.tables) {
        for (ForeignKey &fk : table.foreignKeys) {
            if (fk.referencedColumns.isEmpty())
                fk.referencedColumns = keys.value(
                    cs == Qt::CaseSensitive ? fk.referencedTable : fk.referencedTable.toLower());
        }
    }
}

QList<ColumnCommentChange> columnCommentChanges(const View &from, const View &to)
{
    const auto commentOn = [](const View &view, const QString &column) {
        for (const ColumnComment &c : view.columnComments)
            if (c.column == column)
                return c.comment;
        return QString();
    };
    QList<ColumnCommentChange> changes;
    for (const ColumnComment &c : to.columnComments) {
        if (const QString before = commentOn(from, c.column); before != c.comment)
            changes.append({c.column, before, c.comment});
    }
    for (const ColumnComment &c : from.columnComments) {
        if (commentOn(to, c.column).isEmpty()) // a comment is never empty: `to` has none
            changes.append({c.column, c.comment, {}});
    }
    return changes;
}

bool labelsOnlyAdded(const EnumType &live, const EnumType &target)
{
    qsizetype next = 0; // live labels must appear in target in their order
    for (const QString &label : target.labels) {
        if (next < live.labels.size() && live.labels[next] == label)
            ++next;
    }
    return next == live.labels.size() && target.labels.size() >= live.labels.size();
}

bool attributesOnlyAdded(const CompositeType &live, const CompositeType &target)
{
    return target.attributes.size() > live.attributes.size() &&
           std::equal(live.attributes.cbegin(), live.attributes.cend(), target.attributes.cbegin());
}

bool defaultFillsNulls(const Column &from, const Column &to)
{
    return !from.notNull && to.notNull && to.defaultValue && to.generated == Generated::No &&
           !to.autoIncrement;
}

bool columnUsesType(const Column &column, const QString &typeName, const QString &quoted)
{
    return typeIsOrArrayOf(column.typeKey, typeName, quoted);
}

bool typeIsOrArrayOf(QString type, const QString &typeName, const QString &quoted)
{
    while (type.endsWith(u"[]"))
        type.chop(2);
    // Another managed schema's type: the engine writes `schema.name` (schema::qualifiedName).
    return type == typeName || type == quoted || type == dottedName(typeName);
}

QString toSql(ReferentialAction action)
{
    switch (action) {
    case ReferentialAction::NoAction:
        return QStringLiteral("NO ACTION");
    case ReferentialAction::Restrict:
        return QStringLiteral("RESTRICT");
    case ReferentialAction::Cascade:
        return QStringLiteral("CASCADE");
    case ReferentialAction::SetNull:
        return QStringLiteral("SET NULL");
    case ReferentialAction::SetDefault:
        return QStringLiteral("SET DEFAULT");
    }
    return {};
}

QString toSql(Deferral deferral)
{
    switch (deferral) {
    case Deferral::NotDeferrable:
        return QStringLiteral("NOT DEFERRABLE");
    case Deferral::InitiallyImmediate:
        return QStringLiteral("DEFERRABLE INITIALLY IMMEDIATE");
    case Deferral::InitiallyDeferred:
        return QStringLiteral("DEFERRABLE INITIALLY DEFERRED");
    }
    return {};
}

} // namespace burrow::schema
