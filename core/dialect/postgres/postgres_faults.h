#pragma once

#include "../../result.h"
#include "../database_url.h"

namespace burrow::dialect::postgres {

/// A migration statement's failure as the user should read it: a lock another session held
/// past the lock timeout names the table and the session; a connection the server ended (the
/// session terminated, the server stopped) says so and that the open transaction rolled back.
/// Other errors pass unchanged.
Error explainStatementError(Error error, const DatabaseUrl &url);

/// A backup (pg_dump) that gave up waiting for a table lock, explained likewise; other errors
/// pass unchanged.
Error explainDumpError(Error error, const DatabaseUrl &url);

/// A restore (psql loading the archive in one transaction) that gave up waiting for a lock,
/// explained likewise, saying that the database is unchanged; other errors pass unchanged.
Error explainRestoreError(Error error, const DatabaseUrl &url);

} // namespace burrow::dialect::postgres
