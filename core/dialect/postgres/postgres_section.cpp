#include "postgres_section.h"

#include "postgres_names.h"

#include <algorithm>

namespace burrow::dialect::postgres {
namespace {

using sql::Token;
using sql::TokenKind;

// The text a string token stands for: 'it''s', E'a\\b' (other escapes never reach here:
// Burrow writes labels with quoteLiteral).
QString stringValue(QStringView source, const Token &token)
{
    QString text = token.text(source).toString();
    const bool escaped = text.startsWith(u'E') || text.startsWith(u'e');
    if (escaped)
        text.remove(0, 1);
    if (!text.startsWith(u'\'') || text.size() < 2)
        return text;
    text = text.mid(1, text.size() - 2).replace(QStringLiteral("''"), QStringLiteral("'"));
    return escaped ? text.replace(QStringLiteral("\\\\"), QStringLiteral("\\")) : text;
}

// The label `ALTER TYPE t ADD VALUE [IF NOT EXISTS] 'label' …` adds, or a null string.
QString addedLabel(const QString &statement)
{
    const QList<Token> tokens = sql::significantTokens(statement, lexerOptions());
    const QStringView s(statement);
    if (tokens.size() < 6 || !sql::isKeyword(s, tokens[0], u"ALTER") ||
        !sql::isKeyword(s, tokens[1], u"TYPE") || !sql::isKeyword(s, tokens[3], u"ADD") ||
        !sql::isKeyword(s, tokens[4], u"VALUE"))
        return {};
    for (qsizetype i = 5; i < tokens.size(); ++i) {
        if (tokens[i].kind == TokenKind::String)
            return stringValue(s, tokens[i]);
    }
    return {};
}

bool namesAny(const QString &statement, const QStringList &labels)
{
    for (const Token &token : sql::significantTokens(statement, lexerOptions())) {
        if (token.kind == TokenKind::String && labels.contains(stringValue(statement, token)))
            return true;
    }
    return false;
}

} // namespace

plan::SectionText sectionWithEnumLabels(const QStringList &statements)
{
    QStringList additions, rest, labels;
    for (const QString &statement : statements) {
        const QString label = addedLabel(statement);
        (label.isNull() ? rest : additions).append(statement);
        if (!label.isNull())
            labels.append(label);
    }
    const bool used = std::any_of(rest.begin(), rest.end(), [&](const QString &statement) {
        return namesAny(statement, labels);
    });
    if (!used)
        return {statements, true};
    const QString begin = QStringLiteral("BEGIN");
    const QString commit = QStringLiteral("COMMIT");
    return {QStringList{begin} + additions + QStringList{commit, begin} + rest +
                QStringList{commit},
            false,
            {QStringLiteral("PostgreSQL cannot use an enum label in the transaction that adds "
                            "it: this migration commits"),
             QStringLiteral("the new labels first, then runs the rest in a second transaction. "
                            "Apply it with burrow-cli apply or dbmate.")}};
}

} // namespace burrow::dialect::postgres
