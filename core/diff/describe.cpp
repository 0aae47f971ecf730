#include "describe.h"

#include "../sql/canonical.h"
#include "../sql/item_list.h"

namespace burrow::diff {

using namespace schema;

QString displayName(const QString &name)
{
    if (const QString schema = schemaPart(name); !schema.isEmpty())
        return displayName(schema) + u'.' + displayName(localPart(name));
    if (sql::isPlainIdentifier(name))
        return name;
    return sql::doubleQuoted(name);
}

QString displayNames(const QStringList &names)
{
    return sql::parenthesized(names, [](const QString &item) { return displayName(item); });
}

QString displayKeyColumns(const QStringList &columns, const QString &withoutOverlaps)
{
    if (withoutOverlaps.isEmpty())
        return displayNames(columns);
    return displayNames(columns).chopped(1) + (columns.isEmpty() ? u"" : u", ") +
           displayName(withoutOverlaps) + u" WITHOUT OVERLAPS)";
}

QString describeColumn(const Column &column)
{
    QStringList parts;
    if (!column.type.isEmpty())
        parts.append(column.type);
    if (column.notNull)
        parts.append(QStringLiteral("NOT NULL"));
    if (column.defaultValue)
        parts.append(u"DEFAULT " + column.defaultValue->text);
    if (!column.collation.isEmpty())
        parts.append(u"COLLATE " + column.collation);
    if (column.autoIncrement)
        parts.append(QStringLiteral("AUTOINCREMENT"));
    if (column.generated != Generated::No)
        parts.append(u"AS (" + column.generatedExpression.text + u") " +
                     (column.generated == Generated::Stored ? u"STORED" : u"VIRTUAL"));
    if (column.invisible)
        parts.append(QStringLiteral("INVISIBLE"));
    if (column.unversioned)
        parts.append(QStringLiteral("WITHOUT SYSTEM VERSIONING"));
    if (!column.options.isEmpty())
        parts.append(column.options);
    return parts.isEmpty() ? QStringLiteral("(no declared type)") : parts.join(u' ');
}

QString describeIndex(const Index &index)
{
    QStringList parts;
    for (const IndexPart &part : index.parts) {
        QString text = part.column.isEmpty() ? part.expression.text : displayName(part.column);
        if (!part.collation.isEmpty())
            text += u" COLLATE " + part.collation;
        if (!part.opclass.isEmpty())
            text += u' ' + part.opclass;
        if (part.order == SortOrder::Descending)
            text += u" DESC";
        if (part.nullsOtherEnd)
            text += part.order == SortOrder::Descending ? u" NULLS LAST" : u" NULLS FIRST";
        parts.append(text);
    }
    QString out = (index.unique ? u"UNIQUE (" : u"(") + parts.join(u", ") + u')';
    if (index.nullsNotDistinct)
        out += u" NULLS NOT DISTINCT";
    if (!index.where.isEmpty())
        out += u" WHERE " + index.where.text;
    return out;
}

QString onDeleteText(const ForeignKey &fk)
{
    const QString action = toSql(fk.onDelete);
    return fk.onDeleteColumns.isEmpty() ? action : action + u' ' + displayNames(fk.onDeleteColumns);
}

QString describeForeignKey(const ForeignKey &fk)
{
    QString out = displayNames(fk.columns) + u" → " + displayName(fk.referencedTable) +
                  displayNames(fk.referencedColumns);
    if (fk.onDelete != ReferentialAction::NoAction)
        out += u" ON DELETE " + onDeleteText(fk);
    if (fk.onUpdate != ReferentialAction::NoAction)
        out += u" ON UPDATE " + toSql(fk.onUpdate);
    if (fk.matchFull)
        out += u" MATCH FULL";
    if (fk.deferral != Deferral::NotDeferrable)
        out += u' ' + toSql(fk.deferral);
    return out;
}

QString describeCheck(const CheckConstraint &check)
{
    return u"CHECK (" + oneLine(check.expression.text) + u')' +
           (check.noInherit ? QStringLiteral(" NO INHERIT") : QString());
}

QString describeTable(const Table &table)
{
    // A partition's columns are its parent's: where it belongs says more.
    QString out = !table.partitionOf.isEmpty()
                      ? QString(u"partition of " + displayName(table.partitionOf) + u' ' +
                                table.partitionBound)
                      : QString(QString::number(table.columns.size()) +
                                (table.columns.size() == 1 ? u" column" : u" columns"));
    if (!table.indexes.isEmpty())
        out += u", " + QString::number(table.indexes.size()) +
               (table.indexes.size() == 1 ? u" index" : u" indexes");
    if (!table.triggers.isEmpty())
        out += u", " + QString::number(table.triggers.size()) +
               (table.triggers.size() == 1 ? u" trigger" : u" triggers");
    if (!table.policies.isEmpty())
        out += u", " + QString::number(table.policies.size()) +
               (table.policies.size() == 1 ? u" policy" : u" policies");
    if (table.rowSecurity)
        out += table.forceRowSecurity ? QStringLiteral(", row level security forced")
                                      : QStringLiteral(", row level security enabled");
    return out;
}

QString describeOptions(const Table &table)
{
    QStringList options;
    if (table.withoutRowid)
        options.append(QStringLiteral("WITHOUT ROWID"));
    if (table.strict)
        options.append(QStringLiteral("STRICT"));
    if (!table.options.isEmpty())
        options.append(table.options);
    return options.isEmpty() ? QStringLiteral("none") : options.join(u", ");
}

ObjectKind triggerKind(const schema::Trigger &trigger)
{
    switch (trigger.kind) {
    case schema::TriggerKind::Rule:
        return ObjectKind::Rule;
    case schema::TriggerKind::Statistics:
        return ObjectKind::Statistics;
    case schema::TriggerKind::Trigger:
        break;
    }
    return ObjectKind::Trigger;
}

QString oneLine(const QString &sql, qsizetype maxLength)
{
    QString line = sql.simplified();
    if (line.size() > maxLength)
        line = line.left(maxLength - 1) + u'…';
    return line;
}

} // namespace burrow::diff
