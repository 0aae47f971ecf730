#include "lexer.h"

namespace burrow::sql {
namespace {

bool isWordStart(QChar c)
{
    return c.isLetter() || c == u'_' || c.unicode() > 0x7f;
}

bool isWordPart(QChar c)
{
    return isWordStart(c) || c.isDigit() || c == u'$';
}

/// Walks the source once, emitting tokens; each scan* method consumes one token.
class Lexer {
public:
    Lexer(QStringView source, const LexerOptions &options)
        : m_src(source)
        , m_opt(options)
    {
    }

    QList<Token> run()
    {
        QList<Token> tokens;
        tokens.reserve(m_src.size() / 3); // SQL averages a token per 3–5 characters
        while (m_pos < m_src.size()) {
            Token token;
            token.begin = m_pos;
            token.line = m_line;
            token.kind = scan(token.unterminated);
            token.length = m_pos - token.begin;
            tokens.append(token);
        }
        return tokens;
    }

private:
    QChar at(qsizetype i) const { return i < m_src.size() ? m_src[i] : QChar(); }

    void advance(qsizetype n = 1)
    {
        for (; n > 0 && m_pos < m_src.size(); --n, ++m_pos) {
            if (m_src[m_pos] == u'\n')
                ++m_line;
        }
    }

    TokenKind scan(bool &unterminated)
    {
        const QChar c = at(m_pos);
        const QChar next = at(m_pos + 1);
        if (c.isSpace())
            return scanWhile([](QChar ch) { return ch.isSpace(); }, TokenKind::Whitespace);
        if ((c == u'-' && next == u'-') || (c == u'#' && m_opt.hashComments))
            return scanWhile([](QChar ch) { return ch != u'\n'; }, TokenKind::Comment);
        if (c == u'/' && next == u'*')
            return scanBlockComment(unterminated);
        // psql runs these itself (pg_dump writes \restrict and \unrestrict around a dump since
        // PostgreSQL 15.14): they are no SQL, and end at the end of their line.
        if (c == u'\\' && m_opt.psqlMetaCommands && startsLine())
            return scanWhile([](QChar ch) { return ch != u'\n'; }, TokenKind::Comment);
        if (c == u'\'')
            return scanQuoted(u'\'', TokenKind::String, unterminated);
        const bool escapePrefix = m_opt.escapeStringPrefix && (c == u'e' || c == u'E');
        if ((c == u'x' || c == u'X' || escapePrefix) && next == u'\'') {
            advance();
            return scanQuoted(u'\'', TokenKind::String, unterminated);
        }
        if (c == u'"')
            return scanQuoted(u'"',
                              m_opt.doubleQuotedIdentifiers ? TokenKind::QuotedIdentifier
                                                            : TokenKind::String,
                              unterminated);
        if (c == u'`' && m_opt.backtickIdentifiers)
            return scanQuoted(u'`', TokenKind::QuotedIdentifier, unterminated);
        if (c == u'[' && m_opt.bracketIdentifiers)
            return scanBracketed(unterminated);
        if (c == u'$' && m_opt.dollarQuotedStrings && dollarTagLength() > 0)
            return scanDollarQuoted(unterminated);
        if (c.isDigit() || (c == u'.' && next.isDigit()))
            return scanNumber();
        if (isWordStart(c))
            return scanWhile(isWordPart, TokenKind::Word);
        if (c == u'?' || c == u':' || c == u'@' || c == u'$')
            return scanParameter();
        return scanSymbol();
    }

    /// Whether only blanks precede the current position on its line.
    bool startsLine() const
    {
        for (qsizetype i = m_pos - 1; i >= 0 && m_src[i] != u'\n'; --i) {
            if (m_src[i] != u' ' && m_src[i] != u'\t' && m_src[i] != u'\r')
                return false;
        }
        return true;
    }

    template<typename Pred> TokenKind scanWhile(Pred pred, TokenKind kind)
    {
        advance();
        while (m_pos < m_src.size() && pred(m_src[m_pos]))
            advance();
        return kind;
    }

    TokenKind scanBlockComment(bool &unterminated)
    {
        advance(2);
        while (m_pos < m_src.size() && !(at(m_pos) == u'*' && at(m_pos + 1) == u'/'))
            advance();
        unterminated = m_pos >= m_src.size();
        advance(2);
        return TokenKind::Comment;
    }

    // A quote character doubled inside stands for itself; MySQL also allows backslash escapes.
    TokenKind scanQuoted(QChar quote, TokenKind kind, bool &unterminated)
    {
        advance();
        while (m_pos < m_src.size()) {
            const QChar c = m_src[m_pos];
            if (c == u'\\' && m_opt.backslashEscapes && kind == TokenKind::String) {
                advance(2);
            } else if (c == quote) {
                advance();
                if (at(m_pos) != quote)
                    return kind;
                advance();
            } else {
                advance();
            }
        }
        unterminated = true;
        return kind;
    }

    TokenKind scanBracketed(bool &unterminated)
    {
        advance();
        while (m_pos < m_src.size() && m_src[m_pos] != u']')
            advance();
        unterminated = m_pos >= m_src.size();
        advance();
        return TokenKind::QuotedIdentifier;
    }

    // Length of a `$tag$` opener at the current position, 0 when there is none.
    qsizetype dollarTagLength() const
    {
        qsizetype i = m_pos + 1;
        while (i < m_src.size() && (m_src[i].isLetterOrNumber() || m_src[i] == u'_'))
            ++i;
        if (i < m_src.size() && m_src[i] == u'$' && !(i > m_pos + 1 && m_src[m_pos + 1].isDigit()))
            return i - m_pos + 1;
        return 0;
    }

    TokenKind scanDollarQuoted(bool &unterminated)
    {
        const qsizetype tagLength = dollarTagLength();
        const QStringView tag = m_src.mid(m_pos, tagLength);
        advance(tagLength);
        const qsizetype close = m_src.indexOf(tag, m_pos);
        unterminated = close < 0;
        advance(unterminated ? m_src.size() - m_pos : close - m_pos + tagLength);
        return TokenKind::String;
    }

    TokenKind scanNumber()
    {
        if (at(m_pos) == u'0' && (at(m_pos + 1) == u'x' || at(m_pos + 1) == u'X'))
            return scanWhile([](QChar ch) { return ch.isLetterOrNumber(); }, TokenKind::Number);
        while (at(m_pos).isDigit() || at(m_pos) == u'.' || at(m_pos) == u'_')
            advance();
        if ((at(m_pos) == u'e' || at(m_pos) == u'E') &&
            (at(m_pos + 1).isDigit() ||
             ((at(m_pos + 1) == u'+' || at(m_pos + 1) == u'-') && at(m_pos + 2).isDigit()))) {
            advance(2);
            while (at(m_pos).isDigit())
                advance();
        }
        return TokenKind::Number;
    }

    TokenKind scanParameter()
    {
        const QChar c = at(m_pos);
        const QChar next = at(m_pos + 1);
        if (c == u':' && next == u':') { // PostgreSQL cast operator
            advance(2);
            return TokenKind::Symbol;
        }
        if (c != u'?' && !isWordPart(next))
            return scanSymbol();
        return scanWhile(isWordPart, TokenKind::Parameter);
    }

    TokenKind scanSymbol()
    {
        static const QStringView twoCharOperators[] = {u"||", u"<=", u">=", u"<>", u"!=",
                                                       u"==", u"<<", u">>", u"->", u"::"};
        const QStringView two = m_src.mid(m_pos, 2);
        for (QStringView op : twoCharOperators) {
            if (two == op) {
                advance(2);
                return TokenKind::Symbol;
            }
        }
        advance();
        return TokenKind::Symbol;
    }

    QStringView m_src;
    const LexerOptions &m_opt;
    qsizetype m_pos = 0;
    int m_line = 1;
};

} // namespace

QList<Token> tokenize(QStringView source, const LexerOptions &options)
{
    return Lexer(source, options).run();
}

QList<Token> significantTokens(QStringView source, const LexerOptions &options)
{
    QList<Token> tokens = tokenize(source, options);
    tokens.removeIf([](const Token &t) { return !t.isSignificant(); });
    return tokens;
}

bool isKeyword(QStringView source, const Token &token, QStringView keyword)
{
    return token.kind == TokenKind::Word && token.length == keyword.size() &&
           token.text(source).compare(keyword, Qt::CaseInsensitive) == 0;
}

QString identifierName(QStringView source, const Token &token)
{
    const QStringView text = token.text(source);
    if (token.kind != TokenKind::QuotedIdentifier && token.kind != TokenKind::String)
        return text.toString();
    if (text.size() < 2)
        return text.toString();
    const QChar open = text.front();
    const QStringView inner = text.mid(1, text.size() - (token.unterminated ? 1 : 2));
    if (open == u'[')
        return inner.toString();
    QString name = inner.toString();
    name.replace(QString(2, open), QString(open));
    return name;
}

} // namespace burrow::sql
