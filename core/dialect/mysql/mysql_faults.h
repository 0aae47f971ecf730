#pragma once

#include "../../result.h"
#include "../connection.h"
#include "../database_url.h"

namespace burrow::dialect::mysql {

/// A connection to the URL's database whose statements wait for locks other sessions hold
/// (metadata locks of DDL and LOCK TABLES, InnoDB row locks) no longer than the URL's lock
/// timeout.
Result<std::unique_ptr<ScopedConnection>> openWithLockTimeout(const DatabaseUrl &url);

/// Fails, naming the table, when another session holds a table of the database so that reading
/// it would wait past the lock timeout (LOCK TABLES … WRITE): mariadb-dump cannot be given a
/// lock timeout and would wait for such a table for a day.
Status checkTablesReadable(const DatabaseUrl &url);

/// A migration statement's failure as the user should read it: a lock held past the lock
/// timeout names the table; a connection that was killed or lost says so, and whether the
/// statement may have taken effect. Other errors pass unchanged.
Error explainStatementError(Error error, const DatabaseUrl &url);

} // namespace burrow::dialect::mysql
