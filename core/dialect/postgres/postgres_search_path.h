#pragma once

// pg_dump's script empties search_path first, so that no object of a schema others may write to
// can capture a name while it loads. A function that an index, a constraint or a default calls,
// and that names other objects unqualified, then fails to load: "function g(integer) does not
// exist", though the dump creates it. PostgreSQL's own answer is to fix the function (SET
// search_path, qualified names); a backup taken before it is fixed still has to restore. Such a
// script runs again under the database's own search_path, the one those functions run under
// every day.

#include "../../result.h"

#include <QString>

namespace burrow::dialect::postgres {

/// Whether a script's load failed on a name it did not find (a function, relation, type or
/// operator that "does not exist"): what an emptied search_path causes.
bool missedAName(const Error &error);

/// Turns the statement by which pg_restore's script `file` empties search_path into a comment of
/// the same size, in place; false when the script has none before its first object (or cannot be
/// written), so that running it again would change nothing.
bool keepDatabaseSearchPath(const QString &file);

} // namespace burrow::dialect::postgres
