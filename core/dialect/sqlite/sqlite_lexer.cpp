#include "sqlite_lexer.h"

namespace burrow::dialect::sqlite {

const sql::LexerOptions &lexerOptions()
{
    static const sql::LexerOptions options = [] {
        sql::LexerOptions o;
        o.doubleQuotedIdentifiers = true;
        o.backtickIdentifiers = true;
        o.bracketIdentifiers = true;
        o.caseInsensitiveIdentifiers = true;
        return o;
    }();
    return options;
}

} // namespace burrow::dialect::sqlite
