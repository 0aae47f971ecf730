#pragma once

#include "../result.h"
#include "../sql/splitter.h"

#include <QSqlDatabase>

#include <functional>

namespace burrow::migration {

/// What happened to one statement.
struct StatementOutcome {
    int index = 0;            // position in the list
    qint64 rowsAffected = -1; // -1 when the engine does not say (DDL)
    qint64 elapsedUs = 0;
};

/// Runs statements in order on an open connection, stopping at the first failure. The
/// statements manage transactions themselves when they contain BEGIN/COMMIT; callers that want
/// one transaction around them open it.
///
/// A statement `PRAGMA foreign_key_check` (optionally with a table) that returns rows is a
/// failure naming up to 10 offending rows ("row 3 of task references missing project"), so that
/// a rebuild never commits broken references.
///
/// A failure is an Error with the statement's text, its file:line, and the engine's message.
/// `onStatement` (optional) hears about every finished statement; returning false from it
/// cancels before the next one (an Error with code Cancelled).
Result<QList<StatementOutcome>>
runStatements(const QSqlDatabase &db, const QList<sql::Statement> &statements,
              const std::function<bool(const StatementOutcome &)> &onStatement = {});

} // namespace burrow::migration
