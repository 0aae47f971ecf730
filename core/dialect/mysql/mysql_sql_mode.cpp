#include "mysql_sql_mode.h"

#include "mysql_connection.h"

#include <algorithm>

namespace burrow::dialect::mysql {
namespace {

using namespace Qt::Literals::StringLiterals;

constexpr QStringView kNoBackslashEscapes = u"NO_BACKSLASH_ESCAPES";

/// The modes under which the same text reads otherwise: another syntax, another operator, another
/// literal or type. Strictness (STRICT_*, NO_ZERO_DATE…) only decides warning or error.
bool changesReading(QStringView mode)
{
    static const QStringList modes{QStringLiteral("PIPES_AS_CONCAT"),
                                   QStringLiteral("ANSI_QUOTES"),
                                   QStringLiteral("IGNORE_SPACE"),
                                   kNoBackslashEscapes.toString(),
                                   QStringLiteral("HIGH_NOT_PRECEDENCE"),
                                   QStringLiteral("ORACLE"),
                                   QStringLiteral("MSSQL"),
                                   QStringLiteral("EMPTY_STRING_IS_NULL"),
                                   QStringLiteral("SIMULTANEOUS_ASSIGNMENT"),
                                   QStringLiteral("REAL_AS_FLOAT"),
                                   QStringLiteral("NO_UNSIGNED_SUBTRACTION"),
                                   QStringLiteral("TIME_ROUND_FRACTIONAL"),
                                   QStringLiteral("PAD_CHAR_TO_FULL_LENGTH")};
    return modes.contains(mode);
}

bool hasMode(const QString &modes, QStringView mode)
{
    return QStringView(modes).split(u',').contains(mode);
}

} // namespace

schema::SqlMode sqlModeOf(const QString &mode, const QString &global)
{
    QStringList reading;
    for (QStringView part : QStringView(mode).split(u',', Qt::SkipEmptyParts)) {
        if (changesReading(part))
            reading.append(part.toString());
    }
    // Under a default with NO_BACKSLASH_ESCAPES a migration's sections run without it
    // (escapedLiteralsSection): a body is then created under its mode named explicitly.
    const bool asDefault = mode == global && !hasMode(global, kNoBackslashEscapes);
    return {asDefault ? std::nullopt : std::optional<QString>(mode), reading.join(u',')};
}

QString quoteLiteralUnder(const QString &text, const schema::SqlMode &mode)
{
    if (!hasMode(mode.reading, kNoBackslashEscapes))
        return quoteLiteral(text);
    return u'\'' + QString(text).replace(u'\'', u"''"_s) + u'\'';
}

QStringList underSqlMode(const QStringList &statements, const schema::SqlMode &mode)
{
    if (!mode.own)
        return statements;
    return QStringList{u"SET @burrow_sql_mode = @@SESSION.sql_mode, SESSION sql_mode = " +
                       quoteLiteral(*mode.own)} +
           statements + QStringList{QStringLiteral("SET SESSION sql_mode = @burrow_sql_mode")};
}

QStringList escapedLiteralsSection(const QStringList &statements)
{
    const bool backslash = std::any_of(statements.begin(), statements.end(),
                                       [](const QString &sql) { return sql.contains(u'\\'); });
    if (!backslash)
        return statements;
    return QStringList{u"-- backslashes below escape, whatever the server's default sql_mode\n"
                       u"SET @burrow_section_mode = @@SESSION.sql_mode, SESSION sql_mode = "
                       u"REPLACE(@@SESSION.sql_mode, '"_s +
                       kNoBackslashEscapes + u"', '')"} +
           statements + QStringList{QStringLiteral("SET SESSION sql_mode = @burrow_section_mode")};
}

} // namespace burrow::dialect::mysql
