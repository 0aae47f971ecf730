#pragma once

#include "../../sql/lexer.h"

namespace burrow::dialect::mysql {

/// MySQL's quoting: `x` names an identifier, "x" is a string (unless ANSI_QUOTES), # starts a
/// comment, backslashes escape inside strings. Table names are case-sensitive on Linux.
const sql::LexerOptions &lexerOptions();

/// `statement` with its executable comments opened (`/*!50100 PARTITION BY … */` becomes
/// ` PARTITION BY … `): the code the server runs, for readers that must see all of it.
QString withExecutableCommentsOpened(const QString &statement);

/// `text` with each executable comment replaced by its trimmed content, offsets not kept: the
/// catalog's `blob /*M!100301 COMPRESSED*/` becomes `blob COMPRESSED`.
QString withExecutableCommentsUnwrapped(const QString &text);

} // namespace burrow::dialect::mysql
