#include "mysql_periods.h"

#include "mysql_connection.h"

#include <QRegularExpression>

namespace burrow::dialect::mysql {
namespace {

// A quoted name as SHOW CREATE writes it, a doubled backtick standing for one.
#define QUOTED_NAME "`((?:[^`]|``)+)`"

QString unquoted(const QString &quoted)
{
    return QString(quoted).replace(QStringLiteral("``"), QStringLiteral("`"));
}

} // namespace

bool mayBePeriodCheck(const schema::CheckConstraint &check)
{
    static const QRegularExpression shape(QStringLiteral("^" QUOTED_NAME " < " QUOTED_NAME "$"));
    return check.column.isEmpty() && shape.match(check.expression.text.trimmed()).hasMatch();
}

PeriodDeclaration periodDeclaration(const QString &createTable)
{
    static const QRegularExpression period(
        QStringLiteral("^\\s*PERIOD FOR " QUOTED_NAME " \\(" QUOTED_NAME ", " QUOTED_NAME "\\)"),
        QRegularExpression::MultilineOption);
    static const QRegularExpression check(QStringLiteral("^\\s*CONSTRAINT " QUOTED_NAME " CHECK"),
                                          QRegularExpression::MultilineOption);
    static const QRegularExpression key(QStringLiteral("^\\s*(PRIMARY KEY|UNIQUE KEY " QUOTED_NAME
                                                       ") \\(.*" QUOTED_NAME
                                                       " WITHOUT OVERLAPS\\)"),
                                        QRegularExpression::MultilineOption);
    PeriodDeclaration out;
    if (const QRegularExpressionMatch m = period.match(createTable); m.hasMatch())
        out.period = {unquoted(m.captured(1)), unquoted(m.captured(2)), unquoted(m.captured(3))};
    for (auto it = check.globalMatch(createTable); it.hasNext();)
        out.checks.append(unquoted(it.next().captured(1)));
    for (auto it = key.globalMatch(createTable); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out.withoutOverlaps.append(m.captured(2).isEmpty() ? QStringLiteral("PRIMARY")
                                                           : unquoted(m.captured(2)));
    }
    return out;
}

} // namespace burrow::dialect::mysql
