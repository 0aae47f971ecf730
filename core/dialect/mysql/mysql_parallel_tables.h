#pragma once

#include "../database_url.h"
#include "mysql_index_folding.h"

#include <QSqlDatabase>

#include <functional>

namespace burrow::dialect::mysql {

/// Runs one load step on a connection; an error names the model's statement and line.
using StepRunner = std::function<Status(const QSqlDatabase &, const LoadStep &)>;

/// How many of the leading steps create distinct tables and nothing else (see
/// LoadStep::createdTable): with foreign_key_checks off, their order does not matter.
qsizetype independentTables(const QList<LoadStep> &steps);

/// Runs `steps` (independent CREATE TABLEs) over several connections at once: InnoDB spends
/// most of a CREATE TABLE waiting for its files and logs, which several connections overlap.
/// `db` (open on the calling thread, in `scratch`, foreign_key_checks off) runs one share; the
/// others open their own connections to `scratch` on their own threads. A failure is that of
/// the first failing step in the model's order, as a load one by one would report it.
Status createTablesInParallel(const DatabaseUrl &server, const QString &scratch,
                              const QSqlDatabase &db, const QList<LoadStep> &steps,
                              const StepRunner &runStep);

} // namespace burrow::dialect::mysql
