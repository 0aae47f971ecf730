#include "postgres_column_options.h"

#include "postgres_names.h"
#include "postgres_table_options.h"

#include <QMap>

namespace burrow::dialect::postgres {
namespace {

const QString kStorage = QStringLiteral("STORAGE");
const QString kCompression = QStringLiteral("COMPRESSION");
const QString kStatistics = QStringLiteral("STATISTICS");
const QString kAttributeOptions = QStringLiteral("SET");

/// `(n_distinct=100,n_distinct_inherited=-1)` as its `name=value` items.
QStringList attributeOptions(QString list)
{
    if (list.startsWith(u'(') && list.endsWith(u')'))
        list = list.mid(1, list.size() - 2);
    return list.split(u',', Qt::SkipEmptyParts);
}

/// The options by keyword: `STORAGE` → `EXTERNAL`.
QMap<QString, QString> byKeyword(const QString &options)
{
    const QStringList words = options.split(u' ', Qt::SkipEmptyParts);
    QMap<QString, QString> out;
    for (qsizetype i = 0; i + 1 < words.size(); i += 2)
        out.insert(words[i], words[i + 1]);
    return out;
}

QString alterColumn(const QString &table, const QString &column)
{
    return u"ALTER TABLE " + quoteIdentifier(table) + u" ALTER COLUMN " + quoteIdentifier(column);
}

// PostgreSQL 15 has no SET STORAGE DEFAULT: the type's own storage is looked up on the server.
QString typeStorageSql(const QString &table, const QString &column)
{
    const QString statement = QStringLiteral("ALTER TABLE %s ALTER COLUMN %I SET STORAGE %s");
    return doBlock(u"BEGIN EXECUTE pg_catalog.format(" + quoteLiteral(statement) + u", " +
                   quoteLiteral(quoteIdentifier(table)) + u", " + quoteLiteral(column) +
                   u", (SELECT CASE t.typstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' "
                   u"WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END FROM pg_catalog.pg_attribute a "
                   u"JOIN pg_catalog.pg_type t ON t.oid = a.atttypid WHERE a.attrelid = " +
                   quoteLiteral(quoteIdentifier(table)) +
                   u"::pg_catalog.regclass AND a.attname = " + quoteLiteral(column) + u")); END");
}

} // namespace

QStringList columnOptionsSql(const QString &table, const QString &column, const QString &from,
                             const QString &to, bool retyped)
{
    QMap<QString, QString> before = byKeyword(from);
    const QMap<QString, QString> after = byKeyword(to);
    if (retyped) {
        before.remove(kStorage);
        before.remove(kCompression);
    }
    const QString alter = alterColumn(table, column);
    QStringList sql;
    if (before.value(kStorage) != after.value(kStorage))
        sql.append(after.contains(kStorage) ? alter + u" SET STORAGE " + after[kStorage]
                                            : typeStorageSql(table, column));
    if (before.value(kCompression) != after.value(kCompression))
        sql.append(alter + u" SET COMPRESSION " +
                   after.value(kCompression, QStringLiteral("default")));
    if (before.value(kStatistics) != after.value(kStatistics))
        sql.append(alter + u" SET STATISTICS " + after.value(kStatistics, QStringLiteral("-1")));
    for (const QString &action : parameterActions(attributeOptions(before.value(kAttributeOptions)),
                                                  attributeOptions(after.value(kAttributeOptions))))
        sql.append(alter + u' ' + action);
    return sql;
}

} // namespace burrow::dialect::postgres
