#pragma once

#include "../../sql/lexer.h"

namespace burrow::dialect::sqlite {

/// SQLite's quoting: "x", `x` and [x] name identifiers, names are case-insensitive.
const sql::LexerOptions &lexerOptions();

} // namespace burrow::dialect::sqlite
