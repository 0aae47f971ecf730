#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace burrow::sql {

/// How a dialect spells identifiers, strings and comments.
struct LexerOptions {
    bool doubleQuotedIdentifiers = true;     // "x" names an identifier (MySQL: a string)
    bool backtickIdentifiers = false;        // `x`
    bool bracketIdentifiers = false;         // [x]
    bool dollarQuotedStrings = false;        // PostgreSQL $tag$ … $tag$
    bool hashComments = false;               // MySQL # comment
    bool backslashEscapes = false;           // MySQL 'it\'s'
    bool escapeStringPrefix = false;         // PostgreSQL E'…'
    bool caseInsensitiveIdentifiers = false; // SQLite: "Book" and book are one name
    bool executableComments = false;         // MySQL /*! … */ and /*M! … */ are code
    bool psqlMetaCommands = false;   // a line starting with \ (pg_dump's \restrict) is a comment
    bool delimiterDirective = false; // the mysql client's DELIMITER ;; line (splitStatements)
};

enum class TokenKind {
    Whitespace,
    Comment,
    Word,             // a keyword or bare identifier
    QuotedIdentifier, // "x", `x` or [x]
    String,           // 'x', X'00', $$x$$
    Number,
    Parameter, // ?, ?1, :name, @name, $1
    Symbol,    // operators and punctuation, one token per operator
};

/// A slice of the source text; `unterminated` marks a quote or comment that never closed.
struct Token {
    TokenKind kind = TokenKind::Symbol;
    qsizetype begin = 0;
    qsizetype length = 0;
    int line = 1; // 1-based line of the token's first character
    bool unterminated = false;

    QStringView text(QStringView source) const { return source.mid(begin, length); }
    bool isSignificant() const
    {
        return kind != TokenKind::Whitespace && kind != TokenKind::Comment;
    }
    /// A bare word or a quoted identifier.
    bool isName() const { return kind == TokenKind::Word || kind == TokenKind::QuotedIdentifier; }
    bool isSymbol(QStringView source, QStringView symbol) const
    {
        return kind == TokenKind::Symbol && text(source) == symbol;
    }
};

/// Splits SQL text into tokens. Never fails: malformed input yields `unterminated` tokens.
QList<Token> tokenize(QStringView source, const LexerOptions &options);

/// The tokens that carry meaning (no whitespace, no comments).
QList<Token> significantTokens(QStringView source, const LexerOptions &options);

/// True when `token` is the bare word `keyword` (compared case-insensitively).
bool isKeyword(QStringView source, const Token &token, QStringView keyword);

/// The name a word or quoted-identifier token denotes, quotes removed and doubled quotes undone.
QString identifierName(QStringView source, const Token &token);

} // namespace burrow::sql
