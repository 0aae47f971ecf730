#pragma once

#include "../../sql/splitter.h"

namespace burrow::dialect::mysql {

/// A statement to send while loading a model: either one of the model's own statements, or a
/// CREATE TABLE with the CREATE INDEX statements that followed it folded in (`originals` then
/// holds the statements it stands for, in order, to re-run one by one should it fail).
struct LoadStep {
    sql::Statement statement;
    QList<sql::Statement> originals;
    /// The table of a plain `CREATE TABLE name (…)` (no IF NOT EXISTS, LIKE or query), which
    /// only creates that table; empty for any other statement.
    QString createdTable;
};

/// The model's statements with every plain `CREATE [UNIQUE] INDEX name ON t (parts)` that
/// directly follows `CREATE TABLE t (…)` folded into that CREATE TABLE as `[UNIQUE] INDEX name
/// (parts)`. InnoDB pays about the same for each DDL statement whatever it does, so a typical
/// model (a table and its indexes) loads in a third of the statements; the catalog reads the
/// same indexes either way.
QList<LoadStep> foldIndexesIntoTables(const QList<sql::Statement> &statements);

} // namespace burrow::dialect::mysql
