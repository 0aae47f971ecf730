#include "qualifier.h"

namespace burrow::sql {

QString withoutQualifier(const QString &statement, const LexerOptions &options,
                         const QualifierRules &rules)
{
    const QList<Token> tokens = significantTokens(statement, options);
    QString out;
    qsizetype copied = 0;
    const auto replace = [&](qsizetype from, qsizetype to, QStringView with) {
        out += QStringView(statement).mid(copied, from - copied);
        out += with;
        copied = to;
    };
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (rules.rewrite) {
            if (const std::optional<QString> text = rules.rewrite(statement, tokens, i)) {
                replace(tokens[i].begin, tokens[i].begin + tokens[i].length, *text);
                continue;
            }
        }
        // `x.schema.y` is a column path, not a qualifier: only a name that starts a path counts.
        const bool startsPath = i == 0 || !tokens[i - 1].isSymbol(statement, u".");
        if (i + 2 >= tokens.size() || !startsPath || !tokens[i].isName() ||
            !tokens[i + 1].isSymbol(statement, u".") || !tokens[i + 2].isName() ||
            !rules.namesSchema(statement, tokens, i))
            continue;
        replace(tokens[i].begin, tokens[i + 2].begin, {});
        i += 1;
    }
    if (copied == 0)
        return statement;
    return out + QStringView(statement).mid(copied);
}

} // namespace burrow::sql
