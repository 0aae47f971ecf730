#include "mysql_index_folding.h"

#include "../../sql/token_stream.h"
#include "mysql_lexer.h"

#include <optional>

namespace burrow::dialect::mysql {
namespace {

using sql::Statement;
using sql::TokenStream;

/// `CREATE TABLE name (…) [table options]`: where the table element list closes.
struct FoldableTable {
    QString name;
    qsizetype closeParen = 0; // offset of the ")" closing the element list in the text
};

/// A plain `CREATE [UNIQUE] INDEX name ON table (parts)` as a table element.
struct FoldableIndex {
    QString table;
    QString element;
};

// Words after the element list that make the table's contents come from elsewhere.
bool hasQueryAfter(const TokenStream &ts, qsizetype from)
{
    for (qsizetype i = from; i < ts.size(); ++i) {
        for (QStringView word : {u"SELECT", u"AS", u"LIKE", u"IGNORE", u"REPLACE", u"VALUES"}) {
            if (ts.isKeywordAt(i, word))
                return true;
        }
    }
    return false;
}

std::optional<FoldableTable> foldableTable(const Statement &statement)
{
    TokenStream ts(statement.text, lexerOptions());
    if (!ts.acceptKeyword(u"CREATE") || !ts.acceptKeyword(u"TABLE") || ts.peekKeyword(u"IF") ||
        !ts.isNameAt(2) || !ts.isSymbolAt(3, u"(") || ts.isKeywordAt(4, u"LIKE"))
        return std::nullopt;
    const qsizetype close = ts.afterParens(3) - 1;
    if (close <= 4 || !ts.isSymbolAt(close, u")") || hasQueryAfter(ts, close + 1))
        return std::nullopt;
    return FoldableTable{sql::identifierName(ts.source(), ts.at(2)), ts.at(close).begin};
}

std::optional<FoldableIndex> foldableIndex(const Statement &statement)
{
    TokenStream ts(statement.text, lexerOptions());
    if (!ts.acceptKeyword(u"CREATE"))
        return std::nullopt;
    const bool unique = ts.acceptKeyword(u"UNIQUE");
    const qsizetype name = unique ? 3 : 2;
    if (!ts.acceptKeyword(u"INDEX") || !ts.isNameAt(name) || ts.isKeywordAt(name, u"IF") ||
        !ts.isKeywordAt(name + 1, u"ON") || !ts.isNameAt(name + 2) ||
        !ts.isSymbolAt(name + 3, u"("))
        return std::nullopt;
    const qsizetype end = ts.afterParens(name + 3);
    if (end != ts.size() || !ts.isSymbolAt(end - 1, u")"))
        return std::nullopt; // options after the key parts: leave the statement as it is
    QString element = unique ? QStringLiteral("UNIQUE INDEX ") : QStringLiteral("INDEX ");
    element += ts.sourceText(name, name + 1) + u' ' + ts.sourceText(name + 3, end);
    return FoldableIndex{sql::identifierName(ts.source(), ts.at(name + 2)), element};
}

} // namespace

QList<LoadStep> foldIndexesIntoTables(const QList<Statement> &statements)
{
    QList<LoadStep> steps;
    steps.reserve(statements.size());
    for (qsizetype i = 0; i < statements.size(); ++i) {
        const std::optional<FoldableTable> table = foldableTable(statements[i]);
        LoadStep step{statements[i], {}, table ? table->name : QString()};
        QStringList elements;
        while (table && i + 1 < statements.size()) {
            const std::optional<FoldableIndex> index = foldableIndex(statements[i + 1]);
            if (!index || index->table != table->name)
                break;
            elements.append(index->element);
            step.originals.append(statements[++i]);
        }
        if (!elements.isEmpty()) {
            step.originals.prepend(statements[i - elements.size()]);
            step.statement.text.insert(table->closeParen,
                                       u",\n  " + elements.join(u",\n  ") + u'\n');
        }
        steps.append(step);
    }
    return steps;
}

} // namespace burrow::dialect::mysql
