#pragma once

#include "qscintilla.h"

namespace burrow::ui {

/// QScintilla's SQL lexer, told that SQL is case-insensitive (QsciLexerSQL says otherwise, and
/// the completion source then finds `book` for "boo" but never `SELECT` for "sel"), and knowing
/// the keywords of schema definitions its list lacks.
class SqlLexer : public QsciLexerSQL {
public:
    using QsciLexerSQL::QsciLexerSQL;
    bool caseSensitive() const override { return false; }
    const char *keywords(int set) const override;
};

} // namespace burrow::ui
