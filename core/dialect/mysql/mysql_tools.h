#pragma once

#include "../database_url.h"
#include "../external_tool.h"

namespace burrow::dialect::mysql {

/// mariadb-dump's SQL dump of the database (consistent: one transaction; routines and
/// triggers included) into `file`.
Status dumpDatabase(const DatabaseUrl &url, const QString &file);

/// Proves `file` is a complete dump: mariadb-dump's closing line is there.
Status checkDump(const QString &file);

/// Runs the dump `file` into the database `url` with the mariadb client.
Status loadDump(const DatabaseUrl &url, const QString &file);

} // namespace burrow::dialect::mysql
