#include "mysql_model_guard.h"

#include "../../sql/token_stream.h"
#include "mysql_lexer.h"

namespace burrow::dialect::mysql {
namespace {

Error modelError(const QString &message, const sql::Statement &statement, const QString &hint)
{
    return Error{Error::Code::Model, message, statement.file, statement.line, statement.text, hint};
}

bool isName(const sql::TokenStream &ts, qsizetype i)
{
    const sql::TokenKind kind = ts.at(i).kind;
    return i < ts.size() &&
           (kind == sql::TokenKind::Word || kind == sql::TokenKind::QuotedIdentifier);
}

bool isQualifiedName(const sql::TokenStream &ts, qsizetype i)
{
    return isName(ts, i) && ts.isSymbolAt(i + 1, u".") && isName(ts, i + 2);
}

bool anyKeywordAt(const sql::TokenStream &ts, qsizetype i,
                  std::initializer_list<QStringView> keywords)
{
    return std::any_of(keywords.begin(), keywords.end(),
                       [&](QStringView keyword) { return ts.isKeywordAt(i, keyword); });
}

/// The first `db.name` among the objects a writing statement names (before its query, body or
/// values, outside parentheses, REFERENCES' table aside); -1 when there is none.
qsizetype qualifiedTarget(const sql::TokenStream &ts)
{
    for (qsizetype i = 1; i < ts.size();) {
        if (ts.isSymbolAt(i, u"(")) {
            i = ts.afterParens(i);
        } else if (anyKeywordAt(ts, i,
                                {u"AS", u"DO", u"ROW", u"SELECT", u"VALUES", u"SET", u"WHERE",
                                 u"BEGIN", u"RETURNS"})) {
            return -1;
        } else if (ts.isKeywordAt(i, u"REFERENCES")) {
            i += isQualifiedName(ts, i + 1) ? 4 : 2;
        } else if (isQualifiedName(ts, i)) {
            return i;
        } else {
            ++i;
        }
    }
    return -1;
}

bool writes(const sql::TokenStream &ts)
{
    return anyKeywordAt(ts, 0,
                        {u"CREATE", u"ALTER", u"DROP", u"RENAME", u"TRUNCATE", u"INSERT",
                         u"REPLACE", u"UPDATE", u"DELETE", u"LOAD"});
}

Status checkStatement(const sql::Statement &statement)
{
    const QString code = withExecutableCommentsOpened(statement.text);
    const sql::TokenStream ts(code, lexerOptions());
    const bool ddl = anyKeywordAt(ts, 0, {u"CREATE", u"DROP", u"ALTER"});
    if (ts.isKeywordAt(0, u"USE") || (ddl && anyKeywordAt(ts, 1, {u"DATABASE", u"SCHEMA"})))
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

} // namespace

Status checkStaysInScratch(const model::ModelScript &script)
{
    return model::firstRefusal(script, checkStatement);
}

} // namespace burrow::dialect::mysql
