#include "postgres_model_text.h"

#include "../../sql/qualifier.h"
#include "../../sql/token_stream.h"
#include "postgres_names.h"

namespace burrow::dialect::postgres {
namespace {

using sql::Token;
using sql::TokenKind;

// A bare word folds to lower case, as PostgreSQL reads it; a quoted one is taken as written.
bool namesSchema(QStringView source, const Token &token, const QString &schema)
{
    const QString name = sql::identifierName(source, token);
    return token.kind == TokenKind::Word ? name.toLower() == schema : name == schema;
}

/// A string cast to regclass (pg_dump's `nextval('public.book_id_seq'::regclass)`): the name
/// inside is a relation's, read when the statement runs.
bool isRegclassLiteral(QStringView source, const QList<Token> &tokens, qsizetype i)
{
    if (tokens[i].kind != TokenKind::String || !source.mid(tokens[i].begin).startsWith(u'\'') ||
        i + 2 >= tokens.size() || tokens[i + 1].text(source) != u"::")
        return false;
    const qsizetype type =
        i + 4 < tokens.size() && tokens[i + 3].isSymbol(source, u".") ? i + 4 : i + 2;
    return tokens[type].kind == TokenKind::Word &&
           tokens[type].text(source).compare(u"regclass", Qt::CaseInsensitive) == 0;
}

/// The literal's text without the schema's qualifier; empty when it names none.
QString literalWithoutQualifier(QStringView literal, const QString &schema)
{
    const QStringView inside = literal.mid(1, literal.size() - 2);
    const QString bare = schema + u'.';
    const QString quoted = u'"' + schema + u"\".";
    qsizetype skip = 0;
    if (inside.startsWith(bare, Qt::CaseInsensitive))
        skip = bare.size();
    else if (inside.startsWith(quoted))
        skip = quoted.size();
    if (skip > 0)
        return u'\'' + inside.mid(skip).toString() + u'\'';
    return {};
}

} // namespace

QString withoutSchemaQualifier(const QString &statement, const QString &schema)
{
    sql::QualifierRules rules;
    rules.namesSchema = [&](QStringView source, const QList<Token> &tokens, qsizetype i) {
        return namesSchema(source, tokens[i], schema);
    };
    rules.rewrite = [&](QStringView source, const QList<Token> &tokens,
                        qsizetype i) -> std::optional<QString> {
        if (!isRegclassLiteral(source, tokens, i))
            return std::nullopt;
        const QString stripped = literalWithoutQualifier(tokens[i].text(source), schema);
        return stripped.isEmpty() ? std::nullopt : std::optional<QString>(stripped);
    };
    return sql::withoutQualifier(statement, lexerOptions(), rules);
}

QString withoutConcurrently(const QString &statement)
{
    if (!statement.contains(u"CONCURRENTLY", Qt::CaseInsensitive))
        return statement; // most statements: no lexing
    sql::TokenStream ts(statement, lexerOptions());
    const bool create = ts.acceptKeyword(u"CREATE");
    if (!create && !ts.acceptKeyword(u"DROP"))
        return statement;
    if (create)
        ts.acceptKeyword(u"UNIQUE");
    if (!ts.acceptKeyword(u"INDEX") || !ts.peekKeyword(u"CONCURRENTLY"))
        return statement;
    const Token &word = ts.peek();
    return statement.left(word.begin) + statement.mid(word.begin + word.length);
}

model::ModelScript withoutOwnSchemaQualifier(model::ModelScript script, const QString &schema)
{
    for (sql::Statement &statement : script.statements)
        statement.text = withoutConcurrently(withoutSchemaQualifier(statement.text, schema));
    return script;
}

} // namespace burrow::dialect::postgres
