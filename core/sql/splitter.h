#pragma once

#include "../result.h"
#include "lexer.h"

namespace burrow::sql {

/// One statement of a script, with where it came from.
struct Statement {
    QString text; // without the terminating semicolon, leading comments and blanks trimmed
    QString file;
    int line = 1; // line of the statement's first significant token
};

/// Splits a script into statements at top-level semicolons, respecting quotes, comments and
/// trigger bodies (BEGIN … END, with CASE … END inside). Unterminated quotes or comments and an
/// unfinished trigger are errors that name the file and line.
Result<QList<Statement>> splitStatements(QStringView script, const QString &file,
                                         const LexerOptions &options);

} // namespace burrow::sql
