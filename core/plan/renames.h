#pragma once

#include "../model/model_files.h"
#include "../result.h"
#include "../schema/schema.h"
#include "../sql/lexer.h"
#include "migration_plan.h"

namespace burrow::plan {

/// Parses a `--rename` argument: `table=new_table`, `table.column=new_column`, or
/// `table=schema.table` (PostgreSQL: the table moves to another schema). Names may be
/// double-quoted (`"my table"."a.b"=c`) when they contain dots, equals signs or quotes.
Result<Rename> parseRenameArgument(const QString &text);

/// The renames written in model definitions with sqldef's annotation: `-- @renamed from=old`
/// or `/* @renamed from=old */` on a CREATE TABLE line before the first column (the table was
/// called `old`), or after a column definition on the same line (the column was called `old`).
/// `old` may be double-quoted. Annotations on other statements (indexes) are ignored: Burrow
/// recreates a renamed index anyway. Column renames name the table by its live name, so that a
/// table renamed AND with renamed columns gives `{old_table → new}` and `{old_table.col → new}`.
QList<Rename> renamesFromAnnotations(const model::ModelScript &script,
                                     const sql::LexerOptions &options);

/// Table renames first (in the order given), then column renames; duplicates dropped.
QList<Rename> orderedRenames(const QList<Rename> &renames, Qt::CaseSensitivity cs);

/// Checks every rename against both schemas: its source exists in `live` (table, or column of
/// that table), its new name exists in `model` (for a column: in the table's model counterpart)
/// and not already in `live`. The error names the rename and what is missing.
Status validateRenames(const QList<Rename> &renames, const schema::Schema &live,
                       const schema::Schema &model, Qt::CaseSensitivity cs);

/// The candidates that fit the schemas (as validateRenames checks them), table renames first.
/// A rename annotation stays in the model after its migration ran; it applies only while the
/// database still has the old name. Rename suggestions are filtered the same way.
QList<Rename> fittingRenames(const QList<Rename> &candidates, const schema::Schema &live,
                             const schema::Schema &model, Qt::CaseSensitivity cs);

/// The renames the differ suggested in `suggestions` (RenameSuggested changes of tables and
/// columns), as Renames.
QList<Rename> suggestedRenames(const QList<diff::Change> &suggestions);

/// How the engine's views and triggers read a renamed table.
struct RenameReaders {
    sql::LexerOptions lexer; // reads the definitions and expressions
    /// They name it by its identity and show the new name after RENAME (PostgreSQL): their
    /// definitions take the new name too, unless the table moves to another schema.
    bool followTableRenames = false;
};

/// How `renderer`'s engine treats the readers of a renamed table.
inline RenameReaders renameReaders(const SqlRenderer &renderer)
{
    return {renderer.lexerOptions(), renderer.readersFollowTableRenames()};
}

/// The schema with `renames` applied to its values: table and column names and every reference
/// to them (primary keys, uniques, indexes' column parts, this table's foreign-key columns,
/// other tables' foreign keys pointing at the renamed table or column, the table's own
/// expressions). View and trigger definitions are left as written (the planner recreates those
/// that mention a renamed table), but where `readers` follow table renames.
schema::Schema applyRenames(const schema::Schema &schema, const QList<Rename> &renames,
                            Qt::CaseSensitivity cs, const RenameReaders &readers);

/// `--rename core.users=members` names a table of another managed schema (PostgreSQL), not a
/// column of a table `core`, when `live` has that table and no table `core`: such renames
/// become renames of the table within its schema (schema::qualifiedName). A table moved to
/// another schema (`--rename users=core.users`, or back with `core.users=public.users`) may
/// name the connection's schema: its tables have plain names, so the schema is dropped there.
QList<Rename> inManagedSchemas(const QList<Rename> &renames, const schema::Schema &live,
                               const schema::Schema &model, Qt::CaseSensitivity cs);

/// The renames undone: each new name back to the old, in reverse order.
QList<Rename> invertRenames(const QList<Rename> &renames);

} // namespace burrow::plan
