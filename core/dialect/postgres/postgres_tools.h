#pragma once

#include "../database_url.h"
#include "../external_tool.h"

namespace burrow::dialect::postgres {

/// libpq's environment for a client tool (pg_dump, pg_restore, psql) reaching `url`: host or
/// socket, port, user, database, a connect timeout, the URL's libpq parameters (TLS and the
/// rest: postgres_parameters.h), and the secrets through a 0600 PGPASSFILE or PGSERVICEFILE
/// (kept alive by `secretsFile`), never on the command line.
Result<QProcessEnvironment> toolEnvironment(const DatabaseUrl &url,
                                            std::unique_ptr<PasswordFile> &secretsFile);

/// pg_dump's custom-format archive of the whole database into `file`.
Status dumpDatabase(const DatabaseUrl &url, const QString &file);

/// Proves `file` is a complete pg_dump archive: pg_restore lists its table of contents.
Status listArchive(const QString &file);

/// Loads the archive `file` into the empty database `url` (a scratch copy).
Status loadArchive(const DatabaseUrl &url, const QString &file);

/// Replaces the database's user objects with the archive's, in one transaction: everything
/// the user created since is dropped first, so the result is exactly the backup; on any error
/// nothing changes.
Status replaceWithArchive(const DatabaseUrl &url, const QString &file);

} // namespace burrow::dialect::postgres
