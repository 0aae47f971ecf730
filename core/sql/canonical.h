#pragma once

#include "lexer.h"

namespace burrow::sql {

/// The comparison form of an SQL fragment: comments and layout dropped, keyword and identifier
/// case folded (as far as the dialect folds it), needless quotes and wrapping parentheses removed.
/// Two fragments that differ only cosmetically have the same canonical form.
QString canonicalize(QStringView sql, const LexerOptions &options);

/// A declared column type with blanks normalized and keywords upper-cased: `varchar( 10 )` →
/// `VARCHAR(10)`. Used both for display and, via canonicalize, for comparison.
QString normalizeTypeSpelling(QStringView type, const LexerOptions &options);

/// True when `name` can be written without quotes (letters, digits, underscore; no leading digit).
bool isPlainIdentifier(QStringView name);

/// `name` in standard SQL double quotes, inner quotes doubled.
QString doubleQuoted(const QString &name);

} // namespace burrow::sql
