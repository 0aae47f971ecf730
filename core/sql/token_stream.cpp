#include "token_stream.h"

#include <algorithm>

namespace burrow::sql {

TokenStream::TokenStream(QStringView source, const LexerOptions &options)
    : m_source(source)
    , m_tokens(significantTokens(source, options))
{
}

const Token &TokenStream::at(qsizetype index) const
{
    static const Token end{TokenKind::Symbol, 0, 0, 0, false};
    return index >= 0 && index < m_tokens.size() ? m_tokens[index] : end;
}

bool TokenStream::isKeywordAt(qsizetype index, QStringView keyword) const
{
    return index < m_tokens.size() && isKeyword(m_source, at(index), keyword);
}

bool TokenStream::isSymbolAt(qsizetype index, QStringView symbol) const
{
    return index < m_tokens.size() && at(index).kind == TokenKind::Symbol && text(index) == symbol;
}

bool TokenStream::isAnyKeywordAt(qsizetype index, std::initializer_list<QStringView> keywords) const
{
    return std::any_of(keywords.begin(), keywords.end(),
                       [&](QStringView keyword) { return isKeywordAt(index, keyword); });
}

bool TokenStream::isNameAt(qsizetype index) const
{
    return index >= 0 && index < m_tokens.size() && at(index).isName();
}

bool TokenStream::isQualifiedNameAt(qsizetype index) const
{
    return isNameAt(index) && isSymbolAt(index + 1, u".") && isNameAt(index + 2);
}

bool TokenStream::peekKeyword(QStringView keyword, qsizetype ahead) const
{
    return isKeywordAt(m_pos + ahead, keyword);
}

bool TokenStream::acceptKeyword(QStringView keyword)
{
    if (!peekKeyword(keyword))
        return false;
    ++m_pos;
    return true;
}

bool TokenStream::acceptSymbol(QStringView symbol)
{
    if (!isSymbolAt(m_pos, symbol))
        return false;
    ++m_pos;
    return true;
}

QString TokenStream::takeName()
{
    if (atEnd())
        return {};
    QString name = identifierName(m_source, at(m_pos++));
    while (isSymbolAt(m_pos, u".") && m_pos + 1 < m_tokens.size()) {
        name = identifierName(m_source, at(m_pos + 1));
        m_pos += 2;
    }
    return name;
}

qsizetype TokenStream::afterParens(qsizetype open) const
{
    int depth = 0;
    for (qsizetype i = open; i < m_tokens.size(); ++i) {
        if (isSymbolAt(i, u"("))
            ++depth;
        else if (isSymbolAt(i, u")") && --depth == 0)
            return i + 1;
    }
    return m_tokens.size();
}

QList<std::pair<qsizetype, qsizetype>> TokenStream::parenItems(qsizetype open) const
{
    QList<std::pair<qsizetype, qsizetype>> items;
    const qsizetype close = afterParens(open) - 1;
    qsizetype begin = open + 1;
    for (qsizetype i = begin; i < close; ++i) {
        if (isSymbolAt(i, u"(")) {
            i = afterParens(i) - 1;
        } else if (isSymbolAt(i, u",")) {
            items.append({begin, i});
            begin = i + 1;
        }
    }
    if (begin < close)
        items.append({begin, close});
    return items;
}

QString TokenStream::sourceText(qsizetype first, qsizetype last) const
{
    if (first >= last || first >= m_tokens.size())
        return {};
    const Token &lastToken = at(std::min(last, m_tokens.size()) - 1);
    const qsizetype begin = at(first).begin;
    return m_source.mid(begin, lastToken.begin + lastToken.length - begin).toString();
}

} // namespace burrow::sql
