#pragma once
// The model loader's pieces that both of its scratch places use: a schema of the URL's
// database (postgres_model_loader.cpp) and a database of its own (postgres_scratch_database.cpp).

#include "../../model/model_files.h"
#include "../database_url.h"

#include <span>

namespace burrow::dialect::postgres {

class Session;

/// A model statement the engine refused: the model's file and line, the engine's words.
Error modelError(const Error &engine, const sql::Statement &statement, const DatabaseUrl &url);

/// The statements the loader runs (without those isSkippedModelStatement() names).
QList<sql::Statement> statementsToRun(const model::ModelScript &script);

/// Statements joined into one multi-statement query: one round trip.
struct Batch {
    QString sql;
    qsizetype statements = 0; // how many of them
};

/// Runs the statements as batches in the session's open transaction. Qt's exec() need not
/// report an error after a batch's first statement: the caller's next query proves none failed.
Status runBatches(Session &session, std::span<const sql::Statement> statements);

/// The statements as batches of about 64 KiB, in order.
QList<Batch> batchesOf(std::span<const sql::Statement> statements);

} // namespace burrow::dialect::postgres
