#pragma once

#include "../../sql/lexer.h"

namespace burrow::dialect::mysql {

/// MySQL's quoting: `x` names an identifier, "x" is a string (unless ANSI_QUOTES), # starts a
/// comment, backslashes escape inside strings. Table names are case-sensitive on Linux.
const sql::LexerOptions &lexerOptions();

} // namespace burrow::dialect::mysql
