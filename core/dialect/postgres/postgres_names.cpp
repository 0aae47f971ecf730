#include "postgres_names.h"

#include "../../schema/schema.h"

#include <QRegularExpression>

namespace burrow::dialect::postgres {

const sql::LexerOptions &lexerOptions()
{
    static const sql::LexerOptions options = [] {
        sql::LexerOptions o;
        o.doubleQuotedIdentifiers = true;
        o.dollarQuotedStrings = true;
        o.escapeStringPrefix = true;
        o.psqlMetaCommands = true;
        return o;
    }();
    return options;
}

QString quoteIdentifier(const QString &name)
{
    // Another managed schema's object (schema::qualifiedName): "schema"."name".
    if (const QString schema = schema::schemaPart(name); !schema.isEmpty())
        return quoteIdentifier(schema) + u'.' + quoteIdentifier(schema::localPart(name));
    QString quoted = name;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString inSchemaOf(const QString &table, const QString &name)
{
    return schema::qualifiedName(schema::schemaPart(table), name);
}

// E'…' reads the same whatever standard_conforming_strings says.
QString quoteLiteral(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("''"));
    return u"E'" + quoted + u'\'';
}

QString doBlock(const QString &body)
{
    QString tag = QStringLiteral("$burrow$");
    while (body.contains(tag))
        tag.insert(tag.size() - 1, u'_');
    return u"DO " + tag + body + tag;
}

QString raiseSql(const QString &message)
{
    return doBlock(u" BEGIN RAISE EXCEPTION USING MESSAGE = " + quoteLiteral(message) + u"; END ");
}

QString raisedMessage(const QString &statement)
{
    static const QRegularExpression raised(
        QStringLiteral(R"(^DO (\$burrow_*\$) BEGIN RAISE EXCEPTION USING MESSAGE = )"
                       R"(E'((?:[^'\\]|''|\\.)*)'; END \1$)"));
    const QRegularExpressionMatch match = raised.match(statement);
    if (!match.hasMatch())
        return {};
    const QString literal = match.captured(2);
    QString message;
    for (qsizetype i = 0; i < literal.size(); ++i) {
        if (literal[i] == u'\'' || literal[i] == u'\\') // quoteLiteral doubled it
            ++i;
        message += literal[i];
    }
    return message;
}

} // namespace burrow::dialect::postgres
