#include "mysql_routines.h"

#include "mysql_connection.h"
#include "mysql_definer.h"
#include "mysql_normalize.h"
#include "mysql_sql_mode.h"

namespace burrow::dialect::mysql {
namespace {

using namespace schema;

QString kindOf(const Function &routine)
{
    return routine.procedure ? QStringLiteral("PROCEDURE") : QStringLiteral("FUNCTION");
}

/// The characteristics the server reports, those that differ from its defaults spelled out,
/// for a statement run under `mode`.
QString characteristics(const QSqlQuery &row, const SqlMode &mode)
{
    QStringList out;
    if (text(row, 4) == u"YES")
        out.append(QStringLiteral("DETERMINISTIC"));
    if (const QString access = text(row, 5); !access.isEmpty() && access != u"CONTAINS SQL")
        out.append(access);
    if (text(row, 6) == u"INVOKER")
        out.append(QStringLiteral("SQL SECURITY INVOKER"));
    if (const QString comment = text(row, 7); !comment.isEmpty())
        out.append(u"COMMENT " + quoteLiteralUnder(comment, mode));
    return out.isEmpty() ? QString() : out.join(u' ') + u'\n';
}

} // namespace

const QString &routinesQuery()
{
    // A function's parameters are IN (the server says so): left unsaid. ORDINAL_POSITION 0 is
    // its result. A character type is spelled with its character set (kept apart).
    // clang-format off
    static const QString query = QStringLiteral(
        "SELECT r.ROUTINE_NAME, r.ROUTINE_TYPE, CONCAT_WS(' CHARSET ', r.DTD_IDENTIFIER, "
        "r.CHARACTER_SET_NAME), r.ROUTINE_DEFINITION, r.IS_DETERMINISTIC, r.SQL_DATA_ACCESS, "
        "r.SECURITY_TYPE, r.ROUTINE_COMMENT, (SELECT GROUP_CONCAT(CONCAT_WS(' ', "
        "NULLIF(p.PARAMETER_MODE, IF(r.ROUTINE_TYPE = 'FUNCTION', 'IN', '')), "
        "CONCAT('`', REPLACE(p.PARAMETER_NAME, '`', '``'), '`'), CONCAT_WS(' CHARSET ', "
        "p.DTD_IDENTIFIER, p.CHARACTER_SET_NAME)) ORDER BY p.ORDINAL_POSITION SEPARATOR ', ') "
        "FROM information_schema.PARAMETERS p WHERE p.SPECIFIC_SCHEMA = r.ROUTINE_SCHEMA "
        "AND p.SPECIFIC_NAME = r.SPECIFIC_NAME AND p.ROUTINE_TYPE = r.ROUTINE_TYPE "
        "AND p.ORDINAL_POSITION > 0), " BURROW_DEFINER_UNLESS_CURRENT_USER("r.DEFINER") ", "
        BURROW_SQL_MODE_COLUMNS("r.SQL_MODE")
        " FROM information_schema.ROUTINES r WHERE r.ROUTINE_SCHEMA = ? "
        "AND r.ROUTINE_DEFINITION IS NOT NULL ORDER BY r.ROUTINE_NAME, r.ROUTINE_TYPE");
    // clang-format on
    return query;
}

Function routineFromRow(const QSqlQuery &row)
{
    Function routine;
    routine.routineName = text(row, 0);
    routine.name = routine.routineName;
    routine.procedure = text(row, 1) == u"PROCEDURE";
    routine.arguments = text(row, 8);
    if (!routine.procedure)
        routine.result = text(row, 2);
    routine.body = text(row, 3);
    routine.comment = text(row, 7);
    routine.definer = text(row, 9);
    routine.sqlMode = sqlModeOf(text(row, 10), text(row, 11));
    const QString sql = u"CREATE " + kindOf(routine) + u' ' + quoteIdentifier(routine.name) + u'(' +
                        routine.arguments + u')' +
                        (routine.procedure ? QString() : u" RETURNS " + routine.result) + u'\n' +
                        characteristics(row, routine.sqlMode) + routine.body;
    routine.definition = expression(sql);
    return routine;
}

QString dropRoutineSql(const Function &routine)
{
    return u"DROP " + kindOf(routine) + u" IF EXISTS " + quoteIdentifier(routine.name);
}

QStringList replaceRoutineSql(const Function &live, const Function &target)
{
    QStringList sql;
    if (live.procedure != target.procedure)
        sql.append(dropRoutineSql(live));
    static const QString create = QStringLiteral("CREATE ");
    Q_ASSERT(target.definition.text.startsWith(create)); // as routineFromRow() spells it
    sql.append(withDefiner(u"CREATE OR REPLACE " + target.definition.text.sliced(create.size()),
                           target.definer));
    return underSqlMode(sql, target.sqlMode);
}

} // namespace burrow::dialect::mysql
