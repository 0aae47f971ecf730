#include "mysql_sql_mode.h"

#include "mysql_connection.h"

namespace burrow::dialect::mysql {
namespace {

using namespace Qt::Literals::StringLiterals;

/// The modes under which the same text reads otherwise: another syntax, another operator, another
/// literal or type. Strictness (STRICT_*, NO_ZERO_DATE…) only decides warning or error.
bool changesReading(QStringView mode)
{
    static const QStringList modes{QStringLiteral("PIPES_AS_CONCAT"),
                                   QStringLiteral("ANSI_QUOTES"),
                                   QStringLiteral("IGNORE_SPACE"),
                                   QStringLiteral("NO_BACKSLASH_ESCAPES"),
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

} // namespace

schema::SqlMode sqlModeOf(const QString &mode, const QString &global)
{
    QStringList reading;
    for (QStringView part : QStringView(mode).split(u',', Qt::SkipEmptyParts)) {
        if (changesReading(part))
            reading.append(part.toString());
    }
    return {mode == global ? std::nullopt : std::optional<QString>(mode), reading.join(u',')};
}

QString quoteLiteralUnder(const QString &text, const schema::SqlMode &mode)
{
    if (!mode.reading.split(u',').contains(u"NO_BACKSLASH_ESCAPES"))
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

} // namespace burrow::dialect::mysql
