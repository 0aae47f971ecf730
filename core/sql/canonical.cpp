#include "canonical.h"

namespace burrow::sql {
namespace {

QString canonicalToken(QStringView sql, const Token &token, const LexerOptions &options)
{
    switch (token.kind) {
    case TokenKind::Word:
        return token.text(sql).toString().toLower();
    case TokenKind::QuotedIdentifier: {
        QString name = identifierName(sql, token);
        if (options.caseInsensitiveIdentifiers)
            name = name.toLower();
        if (isPlainIdentifier(name) && name == name.toLower())
            return name;
        return doubleQuoted(name);
    }
    default:
        return token.text(sql).toString();
    }
}

// Index of the ")" matching the "(" at `open`, or -1.
qsizetype matchingParen(const QStringList &tokens, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < tokens.size(); ++i) {
        if (tokens[i] == u"(")
            ++depth;
        else if (tokens[i] == u")" && --depth == 0)
            return i;
    }
    return -1;
}

void stripWrappingParens(QStringList &tokens)
{
    while (tokens.size() >= 2 && tokens.front() == u"(" &&
           matchingParen(tokens, 0) == tokens.size() - 1) {
        tokens.removeFirst();
        tokens.removeLast();
    }
}

} // namespace

QString doubleQuoted(const QString &name)
{
    QString quoted = name;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

bool isPlainIdentifier(QStringView name)
{
    if (name.isEmpty() || name.front().isDigit())
        return false;
    for (QChar c : name) {
        if (!(c.isLetterOrNumber() || c == u'_') || c.unicode() > 0x7f)
            return false;
    }
    return true;
}

QString canonicalize(QStringView sql, const LexerOptions &options)
{
    QStringList parts;
    for (const Token &token : tokenize(sql, options)) {
        if (token.isSignificant())
            parts.append(canonicalToken(sql, token, options));
    }
    stripWrappingParens(parts);
    return parts.join(u' ');
}

QString normalizeTypeSpelling(QStringView type, const LexerOptions &options)
{
    QString out;
    const QStringView noSpaceBefore = u"(),";
    for (const Token &token : significantTokens(type, options)) {
        const QStringView text = token.text(type);
        const bool glue = out.isEmpty() || out.endsWith(u'(') || noSpaceBefore.contains(text);
        if (!glue)
            out += u' ';
        out += token.kind == TokenKind::Word ? text.toString().toUpper() : text.toString();
    }
    return out;
}

} // namespace burrow::sql
