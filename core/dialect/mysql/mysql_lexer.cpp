#include "mysql_lexer.h"

namespace burrow::dialect::mysql {

const sql::LexerOptions &lexerOptions()
{
    static const sql::LexerOptions options = [] {
        sql::LexerOptions o;
        o.doubleQuotedIdentifiers = false;
        o.backtickIdentifiers = true;
        o.hashComments = true;
        o.backslashEscapes = true;
        o.caseInsensitiveIdentifiers = false;
        return o;
    }();
    return options;
}

} // namespace burrow::dialect::mysql
