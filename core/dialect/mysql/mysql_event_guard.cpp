#include "mysql_event_guard.h"

#include "../../sql/token_stream.h"
#include "mysql_connection.h"
#include "mysql_events.h"
#include "mysql_lexer.h"

#include <algorithm>

namespace burrow::dialect::mysql {
namespace {

const QString kDisable = QStringLiteral("DISABLE");

/// Where an event statement's clauses are, as token indexes (-1: absent).
struct EventClauses {
    bool create = false;
    QString name;
    qsizetype statusFirst = -1, statusEnd = -1; // ENABLE / DISABLE [ON SLAVE]
    qsizetype comment = -1;                     // COMMENT
    qsizetype body = -1;                        // DO
    QString renamedTo;
};

/// Past `[CREATE [OR REPLACE] | ALTER] [DEFINER = user] EVENT [IF NOT EXISTS]`; false when the
/// statement is about something else.
bool acceptEventHead(sql::TokenStream &ts, EventClauses &clauses)
{
    clauses.create = ts.acceptKeyword(u"CREATE");
    if (!clauses.create && !ts.acceptKeyword(u"ALTER"))
        return false;
    if (clauses.create && ts.acceptKeyword(u"OR"))
        (void)ts.acceptKeyword(u"REPLACE");
    if (ts.acceptKeyword(u"DEFINER")) {
        while (!ts.atEnd() && !ts.peekKeyword(u"EVENT"))
            ts.seek(ts.position() + 1);
    }
    if (!ts.acceptKeyword(u"EVENT"))
        return false;
    if (clauses.create && ts.acceptKeyword(u"IF")) {
        (void)ts.acceptKeyword(u"NOT");
        (void)ts.acceptKeyword(u"EXISTS");
    }
    return true;
}

/// The clauses up to DO, at the top level (a schedule's parentheses skipped).
void readClauses(sql::TokenStream &ts, EventClauses &clauses)
{
    for (qsizetype i = ts.position(); i < ts.size();) {
        if (ts.isSymbolAt(i, u"(")) {
            i = ts.afterParens(i);
        } else if (ts.isKeywordAt(i, u"DO")) {
            clauses.body = i;
            return;
        } else if (ts.isKeywordAt(i, u"ENABLE") || ts.isKeywordAt(i, u"DISABLE")) {
            const bool onSlave = ts.isKeywordAt(i, u"DISABLE") && ts.isKeywordAt(i + 1, u"ON") &&
                                 ts.isKeywordAt(i + 2, u"SLAVE");
            clauses.statusFirst = i;
            clauses.statusEnd = i = i + (onSlave ? 3 : 1);
        } else if (ts.isKeywordAt(i, u"COMMENT") && clauses.comment < 0) {
            clauses.comment = i++;
        } else if (ts.isKeywordAt(i, u"RENAME") && ts.isKeywordAt(i + 1, u"TO")) {
            ts.seek(i + 2);
            clauses.renamedTo = ts.takeName();
            i = ts.position();
        } else {
            ++i;
        }
    }
}

/// The status words as declared: `disable  on slave` reads DISABLE ON SLAVE.
QString statusWords(const sql::TokenStream &ts, const EventClauses &clauses)
{
    QStringList words;
    for (qsizetype i = clauses.statusFirst; i < clauses.statusEnd; ++i)
        words.append(ts.text(i).toString().toUpper());
    return words.join(u' ');
}

/// The statement with its status clause DISABLE: replaced, or (CREATE without one) inserted
/// where the grammar has it, before COMMENT or DO.
QString withDisable(const QString &code, const sql::TokenStream &ts, const EventClauses &clauses)
{
    if (clauses.statusFirst >= 0) {
        const qsizetype from = ts.at(clauses.statusFirst).begin;
        const sql::Token &last = ts.at(clauses.statusEnd - 1);
        return code.left(from) + kDisable + code.mid(last.begin + last.length);
    }
    const qsizetype before = clauses.comment >= 0 ? clauses.comment : clauses.body;
    if (!clauses.create || before < 0)
        return code; // an ALTER that sets none keeps the status (DISABLE already), or no DO
    const qsizetype at = ts.at(before).begin;
    return code.left(at) + kDisable + u' ' + code.mid(at);
}

/// The event a `DROP EVENT [IF EXISTS] name` drops; empty for any other statement.
QString droppedEvent(const QString &code)
{
    sql::TokenStream ts(code, lexerOptions());
    if (!ts.acceptKeyword(u"DROP") || !ts.acceptKeyword(u"EVENT"))
        return {};
    if (ts.acceptKeyword(u"IF"))
        (void)ts.acceptKeyword(u"EXISTS");
    return ts.takeName();
}

bool mayNameEvent(const QString &statement)
{
    return statement.contains(u"EVENT", Qt::CaseInsensitive);
}

Status createStatusTable(const QSqlDatabase &db)
{
    Result<QSqlQuery> created =
        runQuery(db, u"CREATE TABLE IF NOT EXISTS " + quoteIdentifier(scratchStatusTable()) +
                         u" (event_name VARCHAR(64) PRIMARY KEY, status VARCHAR(20) NOT NULL)");
    return created ? Status(Ok{}) : Status(created.error());
}

Result<EventStatuses> readStatuses(const QSqlDatabase &db, const QString &database)
{
    Result<QSqlQuery> rows =
        runQuery(db, u"SELECT event_name, status FROM " + quoteIdentifier(database) + u'.' +
                         quoteIdentifier(scratchStatusTable()));
    if (!rows)
        return rows.error();
    EventStatuses statuses;
    while (rows->next())
        statuses.insert(rows->value(0).toString(), rows->value(1).toString());
    return statuses;
}

} // namespace

ScratchEvent scratchEvent(const QString &statement)
{
    if (!mayNameEvent(statement))
        return {};
    const QString code = withExecutableCommentsOpened(statement);
    sql::TokenStream ts(code, lexerOptions());
    EventClauses clauses;
    if (!acceptEventHead(ts, clauses))
        return {};
    clauses.name = ts.takeName();
    readClauses(ts, clauses);
    ScratchEvent event;
    event.sql = withDisable(code, ts, clauses);
    event.name = clauses.name;
    event.renamedTo = clauses.renamedTo;
    event.status = clauses.statusFirst >= 0 ? statusWords(ts, clauses)
                   : clauses.create         ? QStringLiteral("ENABLE")
                                            : QString();
    return event;
}

QString disarmedForScratch(const QString &statement)
{
    const ScratchEvent event = scratchEvent(statement);
    return event.sql.isEmpty() ? statement : event.sql;
}

void followEventStatement(EventStatuses &statuses, const QString &statement)
{
    if (!mayNameEvent(statement))
        return;
    const ScratchEvent event = scratchEvent(statement);
    if (event.sql.isEmpty()) {
        if (const QString dropped = droppedEvent(withExecutableCommentsOpened(statement));
            !dropped.isEmpty())
            statuses.remove(dropped.toLower());
        return;
    }
    QString key = event.name.toLower();
    if (!event.renamedTo.isEmpty()) {
        const QString kept = statuses.take(key);
        key = event.renamedTo.toLower();
        if (!kept.isEmpty())
            statuses.insert(key, kept);
    }
    if (!event.status.isEmpty())
        statuses.insert(key, event.status);
}

EventStatuses declaredEventStatuses(const QList<sql::Statement> &statements)
{
    EventStatuses statuses;
    for (const sql::Statement &statement : statements)
        followEventStatement(statuses, statement.text);
    return statuses;
}

void restoreEventStatuses(schema::Schema &schema, const EventStatuses &statuses)
{
    for (schema::Event &event : schema.events) {
        const QString status = statuses.value(event.name.toLower());
        if (status.isEmpty() || status == event.status)
            continue;
        event.status = status;
        event.sql = createEventSql(event);
    }
}

const QString &scratchStatusTable()
{
    static const QString name = QStringLiteral("burrow_scratch_event_status");
    return name;
}

Status recordScratchStatuses(const QSqlDatabase &db, const EventStatuses &statuses)
{
    if (Status created = createStatusTable(db); !created)
        return created;
    const QString table = quoteIdentifier(scratchStatusTable());
    if (Result<QSqlQuery> cleared = runQuery(db, u"DELETE FROM " + table); !cleared)
        return cleared.error();
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it) {
        Result<QSqlQuery> kept =
            runBound(db, u"REPLACE INTO " + table + u" (event_name, status) VALUES (?, ?)",
                     {it.key(), it.value()});
        if (!kept)
            return kept.error();
    }
    return Ok{};
}

Status copyEventsDisarmed(const DatabaseUrl &origin, const DatabaseUrl &scratch)
{
    Result<std::unique_ptr<ScopedConnection>> from = openServer(origin, origin.database);
    if (!from)
        return from.error();
    Result<QSqlQuery> names = runBound(
        (*from)->database(),
        QStringLiteral("SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?"),
        {origin.database});
    if (!names)
        return names.error();
    if (!names->next())
        return Ok{}; // no event: no status table either
    Result<std::unique_ptr<ScopedConnection>> to = openServer(scratch, scratch.database);
    if (!to)
        return to.error();
    const QSqlDatabase &db = (*to)->database();
    EventStatuses statuses;
    do {
        const QString name = names->value(0).toString();
        Result<QSqlQuery> shown =
            runQuery((*from)->database(), u"SHOW CREATE EVENT " + quoteIdentifier(origin.database) +
                                              u'.' + quoteIdentifier(name));
        if (!shown)
            return shown.error();
        if (!shown->next())
            continue; // dropped meanwhile (a one-time event that ran)
        // Columns: Event, sql_mode, time_zone, Create Event, character_set_client, …
        const QStringList steps{
            u"SET SESSION sql_mode = " + quoteLiteral(shown->value(1).toString()),
            u"SET SESSION time_zone = " + quoteLiteral(shown->value(2).toString()),
            disarmedForScratch(shown->value(3).toString())};
        for (const QString &step : steps) {
            if (Result<QSqlQuery> done = runQuery(db, step); !done)
                return done.error();
        }
        followEventStatement(statuses, shown->value(3).toString());
    } while (names->next());
    return recordScratchStatuses(db, statuses);
}

Status rememberScratchStatuses(const DatabaseUrl &copy, const QStringList &statements)
{
    if (std::none_of(statements.begin(), statements.end(), mayNameEvent))
        return Ok{};
    Result<std::unique_ptr<ScopedConnection>> connection = openServer(copy, copy.database);
    if (!connection)
        return connection.error();
    const QSqlDatabase &db = (*connection)->database();
    if (Status created = createStatusTable(db); !created)
        return created;
    Result<EventStatuses> statuses = readStatuses(db, copy.database);
    if (!statuses)
        return statuses.error();
    for (const QString &statement : statements)
        followEventStatement(*statuses, statement);
    return recordScratchStatuses(db, *statuses);
}

Status applyScratchStatuses(const QSqlDatabase &db, const QString &database, schema::Schema &schema)
{
    if (!schema.tables.removeIf(
            [](const schema::Table &t) { return t.name == scratchStatusTable(); }))
        return Ok{};
    Result<EventStatuses> statuses = readStatuses(db, database);
    if (!statuses)
        return statuses.error();
    restoreEventStatuses(schema, *statuses);
    return Ok{};
}

} // namespace burrow::dialect::mysql
