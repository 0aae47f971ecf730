#pragma once

#include "lexer.h"

#include <functional>
#include <optional>

namespace burrow::sql {

/// What withoutQualifier() takes out of a statement.
struct QualifierRules {
    /// Whether the word or quoted identifier at `index` names a schema whose qualifier goes.
    std::function<bool(QStringView source, const QList<Token> &tokens, qsizetype index)>
        namesSchema;
    /// Another token's text to put in its place (PostgreSQL: a regclass string naming the
    /// schema); nullopt keeps it.
    std::function<std::optional<QString>(QStringView source, const QList<Token> &tokens,
                                         qsizetype index)>
        rewrite{};
};

/// The statement with every `schema.` qualifier the rules name taken out (`schema.book` becomes
/// `book`); `x.schema.y`, a column path, is kept, and so are strings and comments.
QString withoutQualifier(const QString &statement, const LexerOptions &options,
                         const QualifierRules &rules);

} // namespace burrow::sql
