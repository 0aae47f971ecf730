#include "mysql_table_sql.h"

#include "../../sql/item_list.h"
#include "mysql_connection.h"

#include <QCryptographicHash>
#include <QRegularExpression>

#include <algorithm>

namespace burrow::dialect::mysql {

using namespace schema;

namespace {

constexpr qsizetype kMaxNameLength = 64; // MySQL's limit for identifiers

QString quotedList(const QStringList &names)
{
    return sql::parenthesized(names, [](const QString &item) { return quoteIdentifier(item); });
}

/// A key's parts: `(a, b)`, or `(a, p WITHOUT OVERLAPS)` for a key using a period.
QString keyParts(const QStringList &columns, const QString &withoutOverlaps)
{
    if (withoutOverlaps.isEmpty())
        return quotedList(columns);
    return quotedList(columns).chopped(1) + (columns.isEmpty() ? u"" : u", ") +
           quoteIdentifier(withoutOverlaps) + u" WITHOUT OVERLAPS)";
}

QString periodFor(const QString &name, const QString &start, const QString &end)
{
    return u"PERIOD FOR " + name + u' ' + quotedList({start, end});
}

QString constraintPrefix(const QString &name)
{
    return name.isEmpty() ? QString() : u"CONSTRAINT " + quoteIdentifier(name) + u' ';
}

QString shortened(const QString &name)
{
    return name.left(kMaxNameLength);
}

QString commentClause(const QString &comment)
{
    return comment.isEmpty() ? QString() : u" COMMENT " + quoteLiteral(comment);
}

/// INVISIBLE and WITHOUT SYSTEM VERSIONING, where the column has them.
QString hiddenAttributes(const Column &column)
{
    return (column.invisible ? QStringLiteral(" INVISIBLE") : QString()) +
           (column.unversioned ? QStringLiteral(" WITHOUT SYSTEM VERSIONING") : QString());
}

} // namespace

QString defaultSql(const QString &text)
{
    static const QRegularExpression bare(
        QStringLiteral(
            "^('.*'|-?[0-9.]+(e[-+]?[0-9]+)?|[bx]'[0-9a-f]*'|\\w+\\(\\d*\\)|NULL|TRUE|FALSE)$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    return bare.match(text).hasMatch() ? text : u'(' + text + u')';
}

QString tableCommentOption(const QString &comment)
{
    return u"COMMENT = " + quoteLiteral(comment); // '' removes it
}

QString periodBoundary(const Column &column)
{
    if (column.generated != Generated::Stored)
        return {};
    const QString expression = column.generatedExpression.text.toUpper();
    return expression == u"ROW START" || expression == u"ROW END" ? expression : QString();
}

QString systemTimePeriod(const Table &table)
{
    QString start, end;
    for (const Column &column : table.columns) {
        const QString boundary = periodBoundary(column);
        if (boundary == u"ROW START")
            start = column.name;
        else if (boundary == u"ROW END")
            end = column.name;
    }
    if (start.isEmpty() || end.isEmpty())
        return {};
    return periodFor(QStringLiteral("SYSTEM_TIME"), start, end);
}

QString applicationPeriodClause(const ApplicationPeriod &period)
{
    return period.name.isEmpty()
               ? QString()
               : periodFor(quoteIdentifier(period.name), period.start, period.end);
}

QString columnDefinition(const Column &column)
{
    // The catalog carries ON UPDATE in the type; it goes after DEFAULT.
    const qsizetype onUpdateAt = column.type.indexOf(u" on update ", 0, Qt::CaseInsensitive);
    const QString type = onUpdateAt < 0 ? column.type : column.type.left(onUpdateAt);
    QString out = quoteIdentifier(column.name) + u' ' + type;
    if (!column.collation.isEmpty())
        out += u" COLLATE " + column.collation;
    if (const QString period = periodBoundary(column); !period.isEmpty())
        return out + u" GENERATED ALWAYS AS " + period + hiddenAttributes(column) +
               commentClause(column.comment);
    if (column.generated != Generated::No) {
        out += u" AS (" + column.generatedExpression.text + u')' +
               (column.generated == Generated::Stored ? u" STORED" : u" VIRTUAL");
        return out + hiddenAttributes(column) + commentClause(column.comment); // no NULL, DEFAULT
    }
    out += column.notNull ? QStringLiteral(" NOT NULL") : QStringLiteral(" NULL");
    if (column.defaultValue)
        out += u" DEFAULT " + defaultSql(column.defaultValue->text);
    if (onUpdateAt >= 0)
        out += u' ' + column.type.mid(onUpdateAt + 1);
    if (column.autoIncrement)
        out += QStringLiteral(" AUTO_INCREMENT");
    return out + hiddenAttributes(column) + commentClause(column.comment);
}

QString primaryKeyClause(const PrimaryKey &key)
{
    return u"PRIMARY KEY " + keyParts(key.columns, key.withoutOverlaps) +
           commentClause(key.comment);
}

QString uniqueClause(const UniqueConstraint &unique)
{
    return u"UNIQUE KEY " + quoteIdentifier(uniqueName(unique)) + u' ' +
           keyParts(unique.columns, unique.withoutOverlaps) + commentClause(unique.comment);
}

QString checkClause(const QString &name, const CheckConstraint &check)
{
    return constraintPrefix(name) + u"CHECK (" + check.expression.text + u')';
}

QString foreignKeyClause(const QString &name, const ForeignKey &fk)
{
    QString out = constraintPrefix(name) + u"FOREIGN KEY " + quotedList(fk.columns) +
                  u" REFERENCES " + quoteIdentifier(fk.referencedTable) + u' ' +
                  quotedList(fk.referencedColumns);
    if (fk.onDelete != ReferentialAction::NoAction)
        out += u" ON DELETE " + toSql(fk.onDelete);
    if (fk.onUpdate != ReferentialAction::NoAction)
        out += u" ON UPDATE " + toSql(fk.onUpdate);
    return out;
}

namespace {

QString indexPrefix(const Index &index)
{
    const QString kind = indexKind(index);
    if (!kind.isEmpty())
        return kind + u' ';
    return index.unique ? QStringLiteral("UNIQUE ") : QString();
}

QString ignoredClause(const Index &index)
{
    return isIgnored(index) ? QStringLiteral(" IGNORED") : QString();
}

QString indexParts(const Index &index)
{
    QStringList parts;
    for (const IndexPart &part : index.parts) {
        QString spelled =
            part.column.isEmpty() ? part.expression.text : quoteIdentifier(part.column);
        if (part.order == SortOrder::Descending)
            spelled += QStringLiteral(" DESC");
        parts.append(spelled);
    }
    return u'(' + parts.join(u", ") + u')';
}

} // namespace

QString ignoredOption(bool ignored)
{
    return ignored ? QStringLiteral("IGNORED") : QString();
}

bool isIgnored(const Index &index)
{
    return index.options == ignoredOption(true);
}

QString indexClause(const Index &index)
{
    return indexPrefix(index) + u"INDEX " + quoteIdentifier(index.name) + u' ' + indexParts(index) +
           commentClause(index.comment) + ignoredClause(index);
}

QString createIndexSql(const QString &table, const Index &index, const QString &kind)
{
    const QString prefix = !kind.isEmpty() ? kind + u' '
                           : index.unique  ? QStringLiteral("UNIQUE ")
                                           : QString();
    return u"CREATE " + prefix + u"INDEX " + quoteIdentifier(index.name) + u" ON " +
           quoteIdentifier(table) + u' ' + indexParts(index) + commentClause(index.comment) +
           ignoredClause(index);
}

QString indexKind(const Index &index)
{
    for (const QString &kind : {QStringLiteral("FULLTEXT"), QStringLiteral("SPATIAL")}) {
        if (index.sql.startsWith(u"CREATE " + kind + u' '))
            return kind;
    }
    return {};
}

QString columnCheckClause(const CheckConstraint &check)
{
    const bool named = !check.name.isEmpty() && check.name != check.column;
    return u' ' + (named ? constraintPrefix(check.name) : QString()) + u"CHECK (" +
           check.expression.text + u')';
}

QString tableCollationOption(const QString &collation)
{
    return u"COLLATE = " + collation; // the character set goes with it
}

QString createTableSql(const Table &table)
{
    QStringList items;
    for (const Column &column : table.columns) {
        QString definition = columnDefinition(column);
        for (const CheckConstraint &check : table.checks) {
            if (check.column == column.name)
                definition += columnCheckClause(check);
        }
        items.append(definition);
    }
    if (const QString period = applicationPeriodClause(table.period); !period.isEmpty())
        items.append(period);
    if (table.primaryKey)
        items.append(primaryKeyClause(*table.primaryKey));
    for (const UniqueConstraint &unique : table.uniques)
        items.append(uniqueClause(unique));
    for (const CheckConstraint &check : table.checks) {
        if (check.column.isEmpty() || !findColumn(table, check.column, Qt::CaseSensitive))
            items.append(checkClause(check.name, check));
    }
    for (const ForeignKey &fk : table.foreignKeys)
        items.append(foreignKeyClause(fk.name, fk));
    if (const QString period = systemTimePeriod(table); !period.isEmpty())
        items.append(period);
    QString options;
    if (!table.collation.isEmpty())
        options += u' ' + tableCollationOption(table.collation);
    if (!table.comment.isEmpty())
        options += u' ' + tableCommentOption(table.comment);
    if (!table.options.isEmpty())
        options += u' ' + table.options;
    if (table.systemVersioned)
        options += QStringLiteral(" WITH SYSTEM VERSIONING");
    if (!table.partitioning.isEmpty())
        options += u'\n' + table.partitioning;
    return u"CREATE TABLE " + quoteIdentifier(table.name) + u" (\n  " + items.join(u",\n  ") +
           u"\n)" + options;
}

QString foreignKeyName(const QString &table, const ForeignKey &fk)
{
    if (!fk.name.isEmpty())
        return fk.name;
    const QString base = table + u'_' + fk.columns.join(u'_');
    return base.left(kMaxNameLength - 3) + u"_fk";
}

QString checkName(const QString &table, const CheckConstraint &check)
{
    if (!check.name.isEmpty())
        return check.name;
    const QByteArray hash =
        QCryptographicHash::hash(check.expression.canonical.toUtf8(), QCryptographicHash::Sha1);
    return table.left(kMaxNameLength - 13) + u"_chk_" + QString::fromLatin1(hash.toHex().left(8));
}

namespace {

/// Whether `table` has a constraint or an index named `name` (MariaDB compares them ignoring
/// case).
bool usesName(const Table &table, const QString &name)
{
    const auto same = [&](const QString &other) {
        return other.compare(name, Qt::CaseInsensitive) == 0;
    };
    return std::any_of(table.foreignKeys.begin(), table.foreignKeys.end(),
                       [&](const ForeignKey &fk) { return same(fk.name); }) ||
           std::any_of(table.checks.begin(), table.checks.end(),
                       [&](const CheckConstraint &c) { return same(c.name); }) ||
           std::any_of(table.uniques.begin(), table.uniques.end(),
                       [&](const UniqueConstraint &u) { return same(uniqueName(u)); }) ||
           std::any_of(table.indexes.begin(), table.indexes.end(),
                       [&](const Index &i) { return same(i.name); });
}

} // namespace

QString foreignKeyName(const QString &table, const ForeignKey &fk, const Table &without)
{
    if (fk.name.isEmpty() && !fk.engineName.isEmpty() && !usesName(without, fk.engineName))
        return fk.engineName;
    return foreignKeyName(table, fk);
}

QString checkName(const QString &table, const CheckConstraint &check, const Table &without)
{
    if (check.name.isEmpty() && !check.engineName.isEmpty() && !usesName(without, check.engineName))
        return check.engineName;
    return checkName(table, check);
}

QString uniqueName(const UniqueConstraint &unique)
{
    // The server's own choice for an unnamed key: its first column.
    return unique.name.isEmpty() ? shortened(unique.columns.value(0)) : unique.name;
}

} // namespace burrow::dialect::mysql
