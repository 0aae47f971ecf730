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

/// Copies the mariadb-dump file `from` to `to` without its events section (from "-- Dumping
/// events for database" to the statement that puts the time zone back): a copy to load where
/// no event may be created enabled. A dump holds each row on one line (mariadb-dump escapes
/// newlines), so no data can pass for those lines.
Status copyWithoutEvents(const QString &from, const QString &to);

/// Proves `file` is a complete dump: mariadb-dump's closing line is there.
Status checkDump(const QString &file);

/// Runs the dump `file` into the database `url` with the mariadb client.
Status loadDump(const DatabaseUrl &url, const QString &file);

} // namespace burrow::dialect::mysql
