#include "mysql_lexer.h"

#include <QRegularExpression>

namespace burrow::dialect::mysql {

const sql::LexerOptions &lexerOptions()
{
    static const sql::LexerOptions options = [] {
        sql::LexerOptions o;
        o.doubleQuotedIdentifiers = false;
        o.backtickIdentifiers = true;
        o.hashComments = true;
        o.backslashEscapes = true;
        o.caseInsensitiveIdentifiers = false;
        o.executableComments = true;
        o.delimiterDirective = true;
        return o;
    }();
    return options;
}

namespace {

/// Each executable comment's text in place of the comment; `keepOffsets` pads with spaces where
/// the opener and closer were, so that every other character keeps its offset.
QString openExecutableComments(const QString &statement, bool keepOffsets)
{
    if (!statement.contains(u"/*"))
        return statement; // no comment at all: nothing to open, no lexing

    static const QRegularExpression opener(QStringLiteral("^/\\*M?!\\d*"));
    QString out;
    for (const sql::Token &token : sql::tokenize(statement, lexerOptions())) {
        QString text = token.text(statement).toString();
        const QRegularExpressionMatch open = opener.match(text);
        if (token.kind == sql::TokenKind::Comment && open.hasMatch() && text.endsWith(u"*/")) {
            const QString inner = text.mid(open.capturedLength()).chopped(2);
            text = keepOffsets ? QString(open.capturedLength(), u' ') + inner + QStringLiteral("  ")
                               : inner.trimmed();
        }
        out += text;
    }
    return out;
}

} // namespace

QString withExecutableCommentsOpened(const QString &statement)
{
    return openExecutableComments(statement, true);
}

QString withExecutableCommentsUnwrapped(const QString &text)
{
    return openExecutableComments(text, false);
}

} // namespace burrow::dialect::mysql
