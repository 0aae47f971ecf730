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

QString withExecutableCommentsOpened(const QString &statement)
{
    if (!statement.contains(u"/*"))
        return statement; // no comment at all: nothing to open, no lexing

    static const QRegularExpression opener(QStringLiteral("^/\\*M?!\\d*"));
    QString out;
    for (const sql::Token &token : sql::tokenize(statement, lexerOptions())) {
        QString text = token.text(statement).toString();
        const QRegularExpressionMatch open = opener.match(text);
        if (token.kind == sql::TokenKind::Comment && open.hasMatch() && text.endsWith(u"*/"))
            text = QString(open.capturedLength(), u' ') +
                   text.mid(open.capturedLength()).chopped(2) + QStringLiteral("  ");
        out += text;
    }
    return out;
}

} // namespace burrow::dialect::mysql
