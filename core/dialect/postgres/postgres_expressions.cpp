#include "postgres_expressions.h"

#include "../../sql/lexer.h"
#include "postgres_names.h"

namespace burrow::dialect::postgres {
namespace {

bool isWord(QStringView source, const sql::Token &token, QStringView word)
{
    return token.kind == sql::TokenKind::Word && sql::isKeyword(source, token, word);
}

bool isSymbol(QStringView source, const sql::Token &token, QStringView symbol)
{
    return token.kind == sql::TokenKind::Symbol && token.text(source) == symbol;
}

} // namespace

QString comparedSpelling(const QString &text)
{
    if (!text.contains(u"now()", Qt::CaseInsensitive) &&
        !text.contains(u"transaction_timestamp()", Qt::CaseInsensitive))
        return text; // the common case, without tokenizing
    const QList<sql::Token> tokens = sql::significantTokens(text, lexerOptions());
    QString out;
    qsizetype copied = 0;
    for (qsizetype i = 0; i + 2 < tokens.size(); ++i) {
        const bool call = (isWord(text, tokens[i], u"now") ||
                           isWord(text, tokens[i], u"transaction_timestamp")) &&
                          isSymbol(text, tokens[i + 1], u"(") &&
                          isSymbol(text, tokens[i + 2], u")");
        if (!call)
            continue;
        qsizetype begin = tokens[i].begin;
        const bool qualified = i >= 2 && isSymbol(text, tokens[i - 1], u".");
        if (qualified && !isWord(text, tokens[i - 2], u"pg_catalog"))
            continue; // another schema's function of that name
        if (qualified)
            begin = tokens[i - 2].begin;
        out += QStringView(text).mid(copied, begin - copied) + u"CURRENT_TIMESTAMP";
        copied = tokens[i + 2].begin + 1;
        i += 2;
    }
    return out + QStringView(text).mid(copied);
}

schema::Expression serverExpression(const QString &text)
{
    return {text, comparedSpelling(text)};
}

} // namespace burrow::dialect::postgres
