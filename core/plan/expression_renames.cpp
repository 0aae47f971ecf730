// A column named in a table's own expressions is a bare or quoted word that is not a
// function's name (followed by "("), a part of a qualified name ("a.b") or a type (after
// "::"). The new name keeps the old one's quoting; a bare one stays bare when it needs none.
#include "expression_renames_p.h"

#include <QRegularExpression>

namespace burrow::plan {
namespace {

using namespace schema;

QString spelled(const QString &name, QChar quote, const sql::LexerOptions &lexer)
{
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    if (quote.isNull()) {
        if (plain.match(name).hasMatch())
            return name;
        quote = lexer.doubleQuotedIdentifiers ? u'"' : u'`';
    }
    const QChar close = quote == u'[' ? u']' : quote;
    QString escaped = name;
    escaped.replace(close, QString(2, close));
    return quote + escaped + close;
}

QString renamedIn(const QString &text, const QString &from, const QString &to,
                  Qt::CaseSensitivity cs, const sql::LexerOptions &lexer)
{
    const QList<sql::Token> tokens = sql::significantTokens(text, lexer);
    const auto symbol = [&](qsizetype i) {
        return i >= 0 && i < tokens.size() && tokens[i].kind == sql::TokenKind::Symbol
                   ? tokens[i].text(text)
                   : QStringView();
    };
    QString out = text;
    for (qsizetype i = tokens.size() - 1; i >= 0; --i) { // from the end: offsets stay valid
        const sql::Token &t = tokens[i];
        if ((t.kind != sql::TokenKind::Word && t.kind != sql::TokenKind::QuotedIdentifier) ||
            sql::identifierName(text, t).compare(from, cs) != 0)
            continue;
        if (symbol(i + 1) == u"(" || symbol(i + 1) == u"." || symbol(i - 1) == u"." ||
            symbol(i - 1) == u"::")
            continue;
        const QChar quote = t.kind == sql::TokenKind::Word ? QChar() : text[t.begin];
        out.replace(t.begin, t.length, spelled(to, quote, lexer));
    }
    return out;
}

} // namespace

void renameColumnInExpressions(Table &table, const QString &from, const QString &to,
                               Qt::CaseSensitivity cs, const sql::LexerOptions &lexer)
{
    const auto rename = [&](Expression &e) {
        e.text = renamedIn(e.text, from, to, cs, lexer);
        e.canonical = renamedIn(e.canonical, from, to, cs, lexer);
    };
    for (Column &c : table.columns) {
        if (c.generated != Generated::No)
            rename(c.generatedExpression);
    }
    for (CheckConstraint &check : table.checks)
        rename(check.expression);
    for (Index &index : table.indexes) {
        rename(index.where);
        for (IndexPart &part : index.parts)
            rename(part.expression);
    }
}

} // namespace burrow::plan
