#include "mysql_model_guard.h"

#include "../../sql/token_stream.h"
#include "mysql_lexer.h"

namespace burrow::dialect::mysql {
namespace {

Error modelError(const QString &message, const sql::Statement &statement, const QString &hint)
{
    return Error{Error::Code::Model, message, statement.file, statement.line, statement.text, hint};
}

/// The first `db.name` among the objects a writing statement names (before its query, body or
/// values, outside parentheses, REFERENCES' table aside); -1 when there is none.
qsizetype qualifiedTarget(const sql::TokenStream &ts)
{
    for (qsizetype i = 1; i < ts.size();) {
        if (ts.isSymbolAt(i, u"(")) {
            i = ts.afterParens(i);
        } else if (ts.isAnyKeywordAt(i, {u"AS", u"DO", u"ROW", u"SELECT", u"VALUES", u"SET",
                                         u"WHERE", u"BEGIN", u"RETURNS"})) {
            return -1;
        } else if (ts.isKeywordAt(i, u"REFERENCES")) {
            i += ts.isQualifiedNameAt(i + 1) ? 4 : 2;
        } else if (ts.isQualifiedNameAt(i)) {
            return i;
        } else {
            ++i;
        }
    }
    return -1;
}

bool writes(const sql::TokenStream &ts)
{
    return ts.isAnyKeywordAt(0, {u"CREATE", u"ALTER", u"DROP", u"RENAME", u"TRUNCATE", u"INSERT",
                                 u"REPLACE", u"UPDATE", u"DELETE", u"LOAD"});
}

/// A SET of the server's own settings (GLOBAL, PERSIST, `@@global.x`) or of passwords and roles.
bool setsServerWide(const sql::TokenStream &ts, const QString &code)
{
    if (!ts.isKeywordAt(0, u"SET"))
        return false;
    if (ts.isAnyKeywordAt(1, {u"PASSWORD", u"DEFAULT"}))
        return true;
    const QString lowered = code.toLower();
    if (lowered.contains(u"@@global") || lowered.contains(u"@@persist"))
        return true;
    for (qsizetype i = 1; i < ts.size(); ++i) {
        if (ts.isAnyKeywordAt(i, {u"GLOBAL", u"PERSIST", u"PERSIST_ONLY"}))
            return true;
    }
    return false;
}

/// What reaches beyond the model's database, whatever it names: the server's settings, users,
/// grants, plugins and replication, and files on its host.
bool changesServerWide(const sql::TokenStream &ts, const QString &code)
{
    if (ts.isAnyKeywordAt(0,
                          {u"GRANT", u"REVOKE", u"FLUSH", u"RESET", u"PURGE", u"KILL", u"SHUTDOWN",
                           u"INSTALL", u"UNINSTALL", u"CHANGE", u"BINLOG", u"CACHE"}) ||
        (ts.isAnyKeywordAt(0, {u"START", u"STOP"}) &&
         ts.isAnyKeywordAt(1, {u"SLAVE", u"REPLICA", u"ALL"})) ||
        (ts.isKeywordAt(0, u"LOAD") && ts.isKeywordAt(1, u"INDEX")) || setsServerWide(ts, code))
        return true;
    if (ts.isAnyKeywordAt(0, {u"CREATE", u"ALTER", u"DROP", u"RENAME"})) {
        for (qsizetype i = 1; i < ts.size() && i < 8; ++i) {
            if (ts.isAnyKeywordAt(i, {u"USER", u"ROLE", u"SERVER", u"TABLESPACE", u"LOGFILE"}))
                return true;
            if (ts.isAnyKeywordAt(i, {u"TABLE", u"VIEW", u"INDEX", u"TRIGGER", u"EVENT",
                                      u"PROCEDURE", u"FUNCTION", u"SEQUENCE"}))
                break;
        }
    }
    for (qsizetype i = 2; i + 1 < ts.size(); ++i) {
        // A UDF's library is loaded server-wide; a file is written on the server's host.
        if ((ts.isKeywordAt(i, u"SONAME") && ts.isKeywordAt(i - 2, u"RETURNS")) ||
            (ts.isKeywordAt(i, u"INTO") && ts.isAnyKeywordAt(i + 1, {u"OUTFILE", u"DUMPFILE"})))
            return true;
    }
    return false;
}

/// Code that runs at once, whose statements the guard cannot see: a procedure call, dynamic
/// SQL, a compound statement outside a stored program.
bool runsCodeNow(const sql::TokenStream &ts)
{
    return ts.isAnyKeywordAt(0, {u"CALL", u"PREPARE", u"EXECUTE", u"IF", u"WHILE", u"LOOP",
                                 u"REPEAT", u"CASE", u"FOR"}) ||
           (ts.isKeywordAt(0, u"BEGIN") && ts.isKeywordAt(1, u"NOT")) ||
           (ts.size() > 1 && ts.isSymbolAt(1, u":") &&
            ts.isAnyKeywordAt(2, {u"BEGIN", u"LOOP", u"WHILE", u"REPEAT", u"FOR"}));
}

/// Where the statement a prefix runs begins (`SET STATEMENT … FOR s`, `ANALYZE s`, which runs
/// it, `EXPLAIN … s`); -1 when there is no such prefix.
qsizetype innerStatement(const sql::TokenStream &ts)
{
    if (ts.isKeywordAt(0, u"SET") && ts.isKeywordAt(1, u"STATEMENT")) {
        for (qsizetype i = 2; i < ts.size(); ++i) {
            if (ts.isSymbolAt(i, u"("))
                i = ts.afterParens(i) - 1;
            else if (ts.isKeywordAt(i, u"FOR"))
                return i + 1;
        }
        return -1;
    }
    if (!ts.isAnyKeywordAt(0, {u"ANALYZE", u"EXPLAIN", u"DESCRIBE", u"DESC"}))
        return -1;
    for (qsizetype i = 1; i < std::min<qsizetype>(ts.size(), 6); ++i) {
        if (ts.isAnyKeywordAt(i, {u"SELECT", u"WITH", u"INSERT", u"REPLACE", u"UPDATE", u"DELETE"}))
            return i;
    }
    return -1;
}

Status checkStatement(const sql::Statement &statement)
{
    const QString code = withExecutableCommentsOpened(statement.text);
    const sql::TokenStream ts(code, lexerOptions());
    if (const qsizetype inner = innerStatement(ts); inner > 0)
        return checkStatement(
            sql::Statement{ts.sourceText(inner, ts.size()), statement.file, statement.line});
    if (changesServerWide(ts, code))
        return modelError(QStringLiteral("a model may not change what the whole server shares "
                                         "(its settings, users and grants, plugins, "
                                         "replication, files on its host)"),
                          statement,
                          QStringLiteral("remove the statement: Burrow runs the model on the "
                                         "live server, where it would take effect for real"));
    if (runsCodeNow(ts))
        return modelError(QStringLiteral("a model may not run code (CALL, PREPARE/EXECUTE, a "
                                         "compound statement) while it is loaded"),
                          statement,
                          QStringLiteral("remove the statement: a model defines the schema; "
                                         "what such code does cannot be checked before it runs "
                                         "on the live server"));
    const bool ddl = ts.isAnyKeywordAt(0, {u"CREATE", u"DROP", u"ALTER"});
    if (ts.isKeywordAt(0, u"USE") || (ddl && ts.isAnyKeywordAt(1, {u"DATABASE", u"SCHEMA"})))
        return modelError(QStringLiteral("a model may not switch, create or drop databases"),
                          statement,
                          QStringLiteral("remove the statement: Burrow loads the model into a "
                                         "database of its own"));
    if (!writes(ts))
        return Ok{};
    if (const qsizetype at = qualifiedTarget(ts); at >= 0)
        return modelError(u"a model may not name the database of what it creates or changes (" +
                              ts.sourceText(at, at + 3) + u')',
                          statement,
                          QStringLiteral("write the name without its database: Burrow loads the "
                                         "model into a database of its own, and a named one "
                                         "would be changed for real"));
    return Ok{};
}

/// CREATE TRIGGER, FUNCTION or PROCEDURE: a stored program, which runs when rows change.
bool createsProgram(const sql::TokenStream &ts)
{
    if (!ts.isKeywordAt(0, u"CREATE"))
        return false;
    for (qsizetype i = 1; i < std::min<qsizetype>(ts.size(), 12); ++i) {
        if (ts.isAnyKeywordAt(i, {u"TRIGGER", u"FUNCTION", u"PROCEDURE"}))
            return true;
        if (ts.isSymbolAt(i, u"(") || ts.isAnyKeywordAt(i, {u"TABLE", u"VIEW", u"EVENT"}))
            return false;
    }
    return false;
}

/// The first `db.name` a program's body writes to (INSERT or REPLACE INTO, UPDATE, DELETE
/// FROM); -1 when there is none.
qsizetype qualifiedWriteInBody(const sql::TokenStream &ts)
{
    for (qsizetype i = 1; i < ts.size(); ++i) {
        if (!ts.isAnyKeywordAt(i, {u"INSERT", u"REPLACE", u"UPDATE", u"DELETE"}))
            continue;
        qsizetype at = i + 1;
        while (ts.isAnyKeywordAt(at, {u"LOW_PRIORITY", u"DELAYED", u"HIGH_PRIORITY", u"QUICK",
                                      u"IGNORE", u"INTO", u"FROM"}))
            ++at;
        if (ts.isQualifiedNameAt(at))
            return at;
    }
    return -1;
}

bool changesRows(const sql::Statement &statement)
{
    const sql::TokenStream ts(withExecutableCommentsOpened(statement.text), lexerOptions());
    return ts.isAnyKeywordAt(0, {u"INSERT", u"REPLACE", u"UPDATE", u"DELETE", u"LOAD"});
}

/// Rows the model changes fire its triggers, and may call its functions: a program that
/// writes to another database would then write there for real.
Status checkProgramsFiredByRows(const model::ModelScript &script)
{
    if (std::none_of(script.statements.cbegin(), script.statements.cend(), changesRows))
        return Ok{};
    return model::firstRefusal(script, [](const sql::Statement &statement) -> Status {
        const QString code = withExecutableCommentsOpened(statement.text);
        const sql::TokenStream ts(code, lexerOptions());
        if (!createsProgram(ts))
            return Ok{};
        const qsizetype at = qualifiedWriteInBody(ts);
        if (at < 0)
            return Ok{};
        return modelError(u"a trigger or routine of the model writes to another database (" +
                              ts.sourceText(at, at + 3) +
                              u"), and the model changes rows that would run it",
                          statement,
                          QStringLiteral("move the rows the model inserts or changes out of it "
                                         "(they are data, not schema), or the write to another "
                                         "database out of the program"));
    });
}

} // namespace

Status checkStaysInScratch(const model::ModelScript &script)
{
    if (Status each = model::firstRefusal(script, checkStatement); !each)
        return each;
    return checkProgramsFiredByRows(script);
}

} // namespace burrow::dialect::mysql
