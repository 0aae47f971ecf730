#pragma once

#include "lexer.h"

namespace burrow::sql {

/// The significant tokens of one statement with a read position: the small toolkit that the
/// dialects' DDL readers share. Reading past the end yields an empty Symbol token.
class TokenStream {
public:
    TokenStream(QStringView source, const LexerOptions &options);

    QStringView source() const { return m_source; }
    qsizetype position() const { return m_pos; }
    void seek(qsizetype position) { m_pos = position; }
    qsizetype size() const { return m_tokens.size(); }
    bool atEnd() const { return m_pos >= m_tokens.size(); }

    const Token &at(qsizetype index) const;
    const Token &peek(qsizetype ahead = 0) const { return at(m_pos + ahead); }
    QStringView text(qsizetype index) const { return at(index).text(m_source); }

    bool isKeywordAt(qsizetype index, QStringView keyword) const;
    bool isSymbolAt(qsizetype index, QStringView symbol) const;
    bool isAnyKeywordAt(qsizetype index, std::initializer_list<QStringView> keywords) const;
    /// A bare word or a quoted identifier.
    bool isNameAt(qsizetype index) const;
    /// `name.name` starts there.
    bool isQualifiedNameAt(qsizetype index) const;
    bool peekKeyword(QStringView keyword, qsizetype ahead = 0) const;
    /// Consumes the keyword when it is next; returns whether it was.
    bool acceptKeyword(QStringView keyword);
    bool acceptSymbol(QStringView symbol);
    /// Consumes and returns a (possibly quoted) name; `schema.name` yields `name`.
    QString takeName();

    /// Index just past the ")" matching the "(" at `open` (the end when unbalanced).
    qsizetype afterParens(qsizetype open) const;
    /// Indexes of the top-level items inside the parentheses opening at `open`: [begin, end) pairs.
    QList<std::pair<qsizetype, qsizetype>> parenItems(qsizetype open) const;
    /// The source text spanning tokens [first, last), original spelling and layout.
    QString sourceText(qsizetype first, qsizetype last) const;

private:
    QStringView m_source;
    QList<Token> m_tokens;
    qsizetype m_pos = 0;
};

} // namespace burrow::sql
