#pragma once

#include "../schema/schema.h"
#include "../sql/lexer.h"

namespace burrow::plan {

/// Renames column `from` of `table` to `to` within the table's own expressions (generated
/// columns, CHECKs, indexes' predicates, expression parts and definitions), as the engines do on
/// RENAME COLUMN: so that a rename alone never shows them as changed, nor rebuilds them.
void renameColumnInExpressions(schema::Table &table, const QString &from, const QString &to,
                               Qt::CaseSensitivity cs, const sql::LexerOptions &lexer);

/// Renames table `from` to `to` (qualified names: schema␟name) within view and trigger
/// definitions, as engines whose readers name a table by its identity show them after RENAME or
/// SET SCHEMA (PostgreSQL): so that such readers of a renamed or moved table show as unchanged
/// and stay. A word that names something else by the same name makes a reader look changed: it
/// is recreated, as before.
void renameTableInReaders(schema::Schema &schema, const QString &from, const QString &to,
                          Qt::CaseSensitivity cs, const sql::LexerOptions &lexer);

} // namespace burrow::plan
