#include "mysql_normalize.h"

#include "../../sql/canonical.h"
#include "mysql_connection.h"
#include "mysql_lexer.h"

#include <QRegularExpression>

#include <utility>

namespace burrow::dialect::mysql {

using namespace schema;

Expression expression(const QString &text)
{
    return {text, sql::canonicalize(text, lexerOptions())};
}

QString typeKey(const QString &columnType)
{
    static const QRegularExpression width(
        QStringLiteral("^(tinyint|smallint|mediumint|int|integer|bigint)\\(\\d+\\)"),
        QRegularExpression::CaseInsensitiveOption);
    QString key = columnType.trimmed();
    if (!key.startsWith(u"tinyint(1)", Qt::CaseInsensitive))
        key.replace(width, QStringLiteral("\\1"));
    return sql::normalizeTypeSpelling(key, lexerOptions());
}

std::optional<Expression> columnDefault(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    const QString text = value.toString();
    if (text.compare(u"NULL", Qt::CaseInsensitive) == 0)
        return std::nullopt;
    return expression(text);
}

ReferentialAction referentialAction(const QString &rule)
{
    const QString upper = rule.toUpper();
    if (upper == u"CASCADE")
        return ReferentialAction::Cascade;
    if (upper == u"SET NULL")
        return ReferentialAction::SetNull;
    if (upper == u"SET DEFAULT")
        return ReferentialAction::SetDefault;
    // InnoDB treats NO ACTION as RESTRICT, and reports an unspecified action as RESTRICT.
    return ReferentialAction::NoAction;
}

QString withoutSchemaPrefix(QString sql, const QString &database)
{
    return sql.remove(quoteIdentifier(database) + u'.');
}

namespace {

bool isGeneratedName(const QString &name, const QString &base, const QString &separator)
{
    if (name.compare(base, Qt::CaseInsensitive) == 0)
        return true;
    const QString prefix = base + separator;
    if (!name.startsWith(prefix, Qt::CaseInsensitive))
        return false;
    bool number = false;
    name.mid(prefix.size()).toInt(&number);
    return number;
}

bool namesAColumn(const Table &table, const QString &name)
{
    return findColumn(table, name, Qt::CaseInsensitive) != nullptr;
}

void clearTableNames(Table &table)
{
    for (ForeignKey &fk : table.foreignKeys) {
        if (fk.name.startsWith(table.name + u"_ibfk_") &&
            isGeneratedName(fk.name, table.name + u"_ibfk", QStringLiteral("_")))
            fk.engineName = std::exchange(fk.name, QString());
    }
    for (CheckConstraint &check : table.checks) {
        if (isGeneratedName(check.name, QStringLiteral("CONSTRAINT"), QStringLiteral("_")) ||
            namesAColumn(table, check.name))
            check.engineName = std::exchange(check.name, QString());
    }
    for (UniqueConstraint &unique : table.uniques) {
        if (!unique.columns.isEmpty() &&
            isGeneratedName(unique.name, unique.columns.first(), QStringLiteral("_")))
            unique.name.clear();
    }
}

} // namespace

void clearGeneratedNames(Schema &schema)
{
    for (Table &table : schema.tables)
        clearTableNames(table);
}

} // namespace burrow::dialect::mysql
