#pragma once

#include "../schema/schema.h"
#include "../sql/lexer.h"

namespace burrow::plan {

/// Renames column `from` of `table` to `to` within the table's own expressions (generated
/// columns, CHECKs, indexes' predicates, expression parts and definitions), as the engines do on
/// RENAME COLUMN: so that a rename alone never shows them as changed, nor rebuilds them.
void renameColumnInExpressions(schema::Table &table, const QString &from, const QString &to,
                               Qt::CaseSensitivity cs, const sql::LexerOptions &lexer);

} // namespace burrow::plan
