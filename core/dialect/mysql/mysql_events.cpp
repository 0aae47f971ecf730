#include "mysql_events.h"

#include "../../sql/token_stream.h"
#include "mysql_connection.h"
#include "mysql_definer.h"
#include "mysql_lexer.h"
#include "mysql_normalize.h"
#include "mysql_sql_mode.h"

#include <QHash>

namespace burrow::dialect::mysql {
namespace {

using namespace schema;

/// `EVERY '1 4' DAY_HOUR` or `AT '2035-01-01 00:00:00'`: INTERVAL_VALUE comes quoted when it
/// has several parts.
QString scheduleOf(const QSqlQuery &row)
{
    if (text(row, 2) == u"ONE TIME")
        return u"AT " + quoteLiteral(text(row, 3));
    return u"EVERY " + text(row, 4) + u' ' + text(row, 5);
}

QString statusOf(const QString &catalogStatus)
{
    if (catalogStatus == u"DISABLED")
        return QStringLiteral("DISABLE");
    if (catalogStatus == u"SLAVESIDE_DISABLED")
        return QStringLiteral("DISABLE ON SLAVE");
    return QStringLiteral("ENABLE");
}

QString scheduleClause(const Event &event, const QString &starts)
{
    QString clause = u"ON SCHEDULE " + event.schedule;
    if (!starts.isEmpty())
        clause += u" STARTS " + quoteLiteral(starts);
    if (!event.ends.isEmpty())
        clause += u" ENDS " + quoteLiteral(event.ends);
    return clause;
}

QString completionClause(const Event &event)
{
    return event.preserve ? QStringLiteral("ON COMPLETION PRESERVE")
                          : QStringLiteral("ON COMPLETION NOT PRESERVE");
}

bool recurring(const Event &event)
{
    return event.schedule.startsWith(u"EVERY");
}

/// What a model's CREATE EVENT statement says itself, beyond what the server reports.
struct TypedEvent {
    QString name;
    QString sql;
    bool namesDefiner = false; // DEFINER = a user, not CURRENT_USER
    bool fixedStart = false;   // STARTS a time that does not depend on when it runs
};

bool isNowFunction(QStringView word)
{
    static const QStringList now{
        QStringLiteral("CURRENT_TIMESTAMP"), QStringLiteral("NOW"),
        QStringLiteral("LOCALTIME"),         QStringLiteral("LOCALTIMESTAMP"),
        QStringLiteral("CURRENT_DATE"),      QStringLiteral("CURDATE"),
        QStringLiteral("SYSDATE"),           QStringLiteral("UTC_TIMESTAMP")};
    return now.contains(word.toString(), Qt::CaseInsensitive);
}

/// Whether the STARTS clause from `ts`'s position to DO, ENDS or ON COMPLETION/ENABLE/DISABLE/
/// COMMENT names a fixed time.
bool startsAtFixedTime(sql::TokenStream &ts)
{
    for (; !ts.atEnd(); ts.seek(ts.position() + 1)) {
        for (QStringView end : {u"DO", u"ENDS", u"ON", u"ENABLE", u"DISABLE", u"COMMENT"}) {
            if (ts.peekKeyword(end))
                return true;
        }
        if (ts.peek().kind == sql::TokenKind::Word && isNowFunction(ts.text(ts.position())))
            return false;
    }
    return true;
}

/// The event a `CREATE [OR REPLACE] [DEFINER = …] EVENT [IF NOT EXISTS] name …` statement
/// creates; no name for any other statement.
TypedEvent typedEvent(const sql::Statement &statement)
{
    sql::TokenStream ts(statement.text, lexerOptions());
    TypedEvent typed;
    if (!ts.acceptKeyword(u"CREATE"))
        return typed;
    (void)(ts.acceptKeyword(u"OR") && ts.acceptKeyword(u"REPLACE"));
    if (ts.acceptKeyword(u"DEFINER")) {
        (void)ts.acceptSymbol(u"=");
        typed.namesDefiner = !ts.peekKeyword(u"CURRENT_USER");
        while (!ts.atEnd() && !ts.peekKeyword(u"EVENT"))
            ts.seek(ts.position() + 1);
    }
    if (!ts.acceptKeyword(u"EVENT"))
        return typed;
    if (ts.acceptKeyword(u"IF")) {
        (void)ts.acceptKeyword(u"NOT");
        (void)ts.acceptKeyword(u"EXISTS");
    }
    typed.name = ts.takeName();
    typed.sql = statement.text;
    while (!ts.atEnd() && !ts.peekKeyword(u"DO")) {
        if (ts.acceptKeyword(u"STARTS")) {
            typed.fixedStart = startsAtFixedTime(ts);
            continue;
        }
        ts.seek(ts.position() + 1);
    }
    return typed;
}

} // namespace

const QString &eventsQuery()
{
    // Timestamps as text: the server's own spelling, which STARTS '…' takes back.
    // clang-format off
    static const QString sql = QStringLiteral(
        "SELECT EVENT_NAME, DEFINER, EVENT_TYPE, CAST(EXECUTE_AT AS CHAR), INTERVAL_VALUE, "
        "INTERVAL_FIELD, CAST(STARTS AS CHAR), CAST(ENDS AS CHAR), STATUS, ON_COMPLETION, "
        "EVENT_COMMENT, EVENT_DEFINITION, " BURROW_SQL_MODE_COLUMNS("SQL_MODE")
        " FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? ORDER BY EVENT_NAME");
    // clang-format on
    return sql;
}

Event eventFromRow(const QSqlQuery &row)
{
    Event event;
    event.name = text(row, 0);
    event.definer = text(row, 1);
    event.schedule = scheduleOf(row);
    event.starts = text(row, 6);
    event.ends = text(row, 7);
    event.status = statusOf(text(row, 8));
    event.preserve = text(row, 9) == u"PRESERVE";
    event.comment = text(row, 10);
    event.body = expression(text(row, 11));
    event.sqlMode = sqlModeOf(text(row, 12), text(row, 13));
    event.sql = createEventSql(event);
    return event;
}

QString createEventSql(const Event &event)
{
    QString sql = u"CREATE " + definerClause(event.definer) + u"EVENT " +
                  quoteIdentifier(event.name) + u' ' + scheduleClause(event, event.starts) + u' ' +
                  completionClause(event) + u' ' + event.status;
    if (!event.comment.isEmpty())
        sql += u" COMMENT " + quoteLiteralUnder(event.comment, event.sqlMode);
    return sql + u" DO " + event.body.text;
}

QStringList alterEventSql(const Event &live, const Event &target)
{
    Event resolved = target;
    resolved.definer = target.definer.isEmpty() ? live.definer : target.definer;
    resolved.sqlMode = live.sqlMode.differsFrom(target.sqlMode) ? target.sqlMode : live.sqlMode;
    if (target.starts.isEmpty() && recurring(target) && recurring(live))
        resolved.starts = live.starts;
    // ON SCHEDULE without ENDS keeps the old end: only a new event has none.
    if (!live.ends.isEmpty() && target.ends.isEmpty())
        return underSqlMode({u"DROP EVENT " + quoteIdentifier(live.name), createEventSql(resolved)},
                            resolved.sqlMode);
    QStringList clauses;
    if (live.schedule != target.schedule || live.starts != resolved.starts ||
        live.ends != target.ends)
        clauses.append(scheduleClause(target, resolved.starts));
    if (live.preserve != target.preserve)
        clauses.append(completionClause(target));
    if (live.status != target.status)
        clauses.append(target.status);
    if (live.comment != target.comment)
        clauses.append(u"COMMENT " + quoteLiteralUnder(target.comment, resolved.sqlMode));
    // The event takes the session's mode only where DO is named: the body is read again.
    if (live.body != target.body || live.sqlMode.own != resolved.sqlMode.own)
        clauses.append(u"DO " + target.body.text);
    if (clauses.isEmpty()) // only the definer changes: ALTER EVENT takes no empty list
        clauses.append(target.status);
    return underSqlMode({u"ALTER " + definerClause(resolved.definer) + u"EVENT " +
                         quoteIdentifier(target.name) + u' ' + clauses.join(u' ')},
                        resolved.sqlMode);
}

void keepModelEvents(Schema &schema, const QList<sql::Statement> &statements)
{
    QHash<QString, TypedEvent> typed; // event name (case-insensitive, as the server's) → last
    for (const sql::Statement &statement : statements) {
        if (TypedEvent event = typedEvent(statement); !event.name.isEmpty())
            typed.insert(event.name.toLower(), event);
    }
    for (Event &event : schema.events) {
        const TypedEvent own = typed.value(event.name.toLower());
        if (!own.namesDefiner)
            event.definer.clear();
        if (!own.fixedStart)
            event.starts.clear();
        if (!own.sql.isEmpty())
            event.sql = own.sql;
    }
}

} // namespace burrow::dialect::mysql
