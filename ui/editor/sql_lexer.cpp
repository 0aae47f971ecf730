#include "sql_lexer.h"

#include <QByteArray>

namespace burrow::ui {

const char *SqlLexer::keywords(int set) const
{
    if (set != 1)
        return QsciLexerSQL::keywords(set);
    // Scintilla matches keywords in lower case.
    static const QByteArray words = QByteArray(QsciLexerSQL::keywords(1)) +
                                    " autoincrement auto_increment cascade conflict deferrable "
                                    "deferred generated index initially nocase restrict rowid "
                                    "stored strict temp trigger unsigned view virtual without";
    return words.constData();
}

} // namespace burrow::ui
