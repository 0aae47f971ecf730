#pragma once

#include "../database_url.h"
#include "../external_tool.h"

namespace burrow::dialect::mysql {

/// Whether a dump holds the database's events (a scratch copy makes its own: mysql_event_guard.h).
enum class DumpEvents { Included, Left };

/// mariadb-dump's SQL dump of the database (consistent: one transaction; routines and
/// triggers included, events as `events` says) into `file`.
Status dumpDatabase(const DatabaseUrl &url, const QString &file,
                    DumpEvents events = DumpEvents::Included);

/// Proves `file` is a complete dump: mariadb-dump's closing line is there.
Status checkDump(const QString &file);

/// Runs the dump `file` into the database `url` with the mariadb client.
Status loadDump(const DatabaseUrl &url, const QString &file);

} // namespace burrow::dialect::mysql
