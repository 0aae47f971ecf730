#include "postgres_model_guard.h"

#include "../../sql/token_stream.h"
#include "postgres_names.h"

#include <QRegularExpression>

#include <algorithm>

namespace burrow::dialect::postgres {
namespace {

/// What the whole database (or server) shares: a model has no business dropping or altering it.
bool changesDatabaseWide(const sql::TokenStream &ts)
{
    if (ts.isKeywordAt(0, u"REASSIGN"))
        return true;
    if (!ts.isAnyKeywordAt(0, {u"DROP", u"ALTER"}))
        return false;
    return ts.isAnyKeywordAt(1, {u"SCHEMA", u"EXTENSION", u"DATABASE", u"ROLE", u"USER", u"GROUP",
                                 u"TABLESPACE", u"OWNED", u"PUBLICATION", u"SUBSCRIPTION",
                                 u"SERVER", u"LANGUAGE", u"SYSTEM"}) ||
           (ts.isKeywordAt(1, u"EVENT") && ts.isKeywordAt(2, u"TRIGGER")) ||
           (ts.isKeywordAt(1, u"FOREIGN") && ts.isKeywordAt(2, u"DATA"));
}

/// What the whole server shares, beyond any one database: roles and their memberships,
/// databases, tablespaces, the server's settings, its host's files and programs (COPY). A model's
/// statement would change them for real wherever it runs, a scratch database included.
bool changesServerWide(const sql::TokenStream &ts)
{
    if (ts.isKeywordAt(0, u"COPY")) { // a program or a file on the server's host
        for (qsizetype i = 1; i + 1 < ts.size(); ++i) {
            if (ts.isKeywordAt(i, u"PROGRAM") || (ts.isAnyKeywordAt(i, {u"FROM", u"TO"}) &&
                                                  ts.at(i + 1).kind == sql::TokenKind::String))
                return true;
        }
    }
    if (ts.isAnyKeywordAt(0, {u"CREATE", u"ALTER", u"DROP"}) &&
        ts.isAnyKeywordAt(1, {u"ROLE", u"USER", u"GROUP", u"DATABASE", u"TABLESPACE", u"SYSTEM",
                              u"SUBSCRIPTION"}))
        return true;
    if (ts.isAnyKeywordAt(0, {u"REASSIGN"}) ||
        (ts.isKeywordAt(0, u"DROP") && ts.isKeywordAt(1, u"OWNED")))
        return true;
    if (ts.isAnyKeywordAt(0, {u"COMMENT", u"SECURITY"})) { // COMMENT ON / SECURITY LABEL … ON
        for (qsizetype i = 1; i < std::min<qsizetype>(ts.size(), 6); ++i) {
            if (ts.isAnyKeywordAt(i, {u"ROLE", u"DATABASE", u"TABLESPACE"}))
                return true;
        }
        return false;
    }
    // GRANT role TO role, REVOKE role FROM role: a membership, with no ON object.
    if (!ts.isAnyKeywordAt(0, {u"GRANT", u"REVOKE"}))
        return false;
    for (qsizetype i = 1; i < ts.size(); ++i) {
        if (ts.isKeywordAt(i, u"ON"))
            return false;
    }
    return true;
}

/// The first `schema.name` among what a DROP or TRUNCATE names (its list, a trigger's or
/// policy's table after ON); -1 when none. Parentheses hold argument types, not targets.
qsizetype qualifiedInList(const sql::TokenStream &ts)
{
    for (qsizetype i = 1; i < ts.size();) {
        if (ts.isSymbolAt(i, u"("))
            i = ts.afterParens(i);
        else if (ts.isQualifiedNameAt(i))
            return i;
        else
            ++i;
    }
    return -1;
}

/// The object an ALTER, DELETE, UPDATE, INSERT or MERGE changes: the first name after its
/// leading keywords; its index when qualified, -1 otherwise.
qsizetype qualifiedFirstName(const sql::TokenStream &ts)
{
    qsizetype i = 1;
    while (i < ts.size() && ts.at(i).kind == sql::TokenKind::Word &&
           ts.isAnyKeywordAt(i, {u"TABLE",     u"INDEX",     u"VIEW",          u"MATERIALIZED",
                                 u"SEQUENCE",  u"TYPE",      u"DOMAIN",        u"FUNCTION",
                                 u"PROCEDURE", u"ROUTINE",   u"AGGREGATE",     u"FOREIGN",
                                 u"IF",        u"EXISTS",    u"ONLY",          u"FROM",
                                 u"INTO",      u"COLLATION", u"CONVERSION",    u"OPERATOR",
                                 u"TEXT",      u"SEARCH",    u"CONFIGURATION", u"DICTIONARY",
                                 u"STATISTICS"}))
        ++i;
    return ts.isQualifiedNameAt(i) ? i : -1;
}

Error refusal(const QString &message, const sql::Statement &statement)
{
    return Error{Error::Code::Model,
                 message,
                 statement.file,
                 statement.line,
                 statement.text,
                 QStringLiteral("remove the statement, or write the name without a schema: "
                                "Burrow loads the model into a scratch schema of the live "
                                "database, and what it names elsewhere would change for real")};
}

/// The statement's first word is one the guard reads further (a cheap test: most model
/// statements create tables and need no lexing).
bool mayReachOutside(const QString &statement)
{
    for (QStringView word :
         {u"DROP", u"ALTER", u"TRUNCATE", u"DELETE", u"UPDATE", u"INSERT", u"MERGE", u"REASSIGN",
          u"GRANT", u"REVOKE", u"COMMENT", u"SECURITY", u"COPY"}) {
        if (statement.startsWith(word, Qt::CaseInsensitive))
            return true;
    }
    static const QRegularExpression serverObject(
        QStringLiteral("^\\s*CREATE\\s+(ROLE|USER|GROUP|DATABASE|TABLESPACE|SUBSCRIPTION)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return serverObject.match(statement).hasMatch();
}

Error serverWideRefusal(const sql::Statement &statement)
{
    return Error{Error::Code::Model,
                 QStringLiteral("a model may not create, change or drop what the whole server "
                                "shares (roles and memberships, databases, tablespaces, "
                                "settings, files and programs on its host)"),
                 statement.file,
                 statement.line,
                 statement.text,
                 QStringLiteral("remove the statement: Burrow loads the model on the live server, "
                                "where it would change for real; manage roles apart from the "
                                "schema")};
}

Status checkInDatabase(const sql::Statement &statement)
{
    if (!mayReachOutside(statement.text))
        return Ok{};
    const sql::TokenStream ts(statement.text, lexerOptions());
    return changesServerWide(ts) ? Status(serverWideRefusal(statement)) : Status(Ok{});
}

Status checkStatement(const sql::Statement &statement)
{
    if (!mayReachOutside(statement.text))
        return Ok{};
    const sql::TokenStream ts(statement.text, lexerOptions());
    if (changesServerWide(ts))
        return serverWideRefusal(statement);
    if (changesDatabaseWide(ts))
        return refusal(QStringLiteral("a model may not drop or alter what the whole database "
                                      "shares (schemas, extensions, roles, owned objects)"),
                       statement);
    qsizetype at = -1;
    if (ts.isAnyKeywordAt(0, {u"DROP", u"TRUNCATE"}))
        at = qualifiedInList(ts);
    else if (ts.isAnyKeywordAt(0, {u"ALTER", u"DELETE", u"UPDATE", u"INSERT", u"MERGE"}))
        at = qualifiedFirstName(ts);
    if (at < 0)
        return Ok{};
    return refusal(u"a model may not drop or change what another schema holds (" +
                       ts.sourceText(at, at + 3) + u')',
                   statement);
}

} // namespace

Status checkStaysInScratch(const model::ModelScript &script)
{
    return model::firstRefusal(script, checkStatement);
}

Status checkStaysInDatabase(const model::ModelScript &script)
{
    return model::firstRefusal(script, checkInDatabase);
}

} // namespace burrow::dialect::postgres
