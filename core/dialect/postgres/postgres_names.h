#pragma once

#include "../../sql/lexer.h"

#include <QString>

namespace burrow::dialect::postgres {

/// How PostgreSQL spells SQL: "identifiers", 'strings', E'escapes', $tag$ bodies $tag$.
const sql::LexerOptions &lexerOptions();

/// The identifier in double quotes, inner double quotes doubled: hostile and mixed-case names
/// stay exactly what they are.
QString quoteIdentifier(const QString &name);

/// A string literal (E'…', quotes and backslashes doubled).
QString quoteLiteral(const QString &text);

} // namespace burrow::dialect::postgres
