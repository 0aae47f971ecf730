#pragma once

// Declared table options (ROW_FORMAT, KEY_BLOCK_SIZE, …): information_schema.TABLES'
// CREATE_OPTIONS lists the ones a CREATE or ALTER TABLE named, read with the tables in the same
// query, kept in the spelling they are written back with, so that a model and a live table
// compare as the engine normalized them.

#include <QString>
#include <QStringList>

namespace burrow::dialect::mysql {

/// The options of a CREATE_OPTIONS value that Burrow compares and writes, as SQL, sorted by
/// name: `KEY_BLOCK_SIZE=8 ROW_FORMAT=DYNAMIC` from `row_format=DYNAMIC key_block_size=8`.
/// `partitioned` (the partitions have their own query) is left out. The storage engine's own
/// attributes (`` `PAGE_COMPRESSED`='1' ``, `` `ENCRYPTED`='YES' ``) stay as the server quotes
/// them. The storage `engine` (information_schema.TABLES.ENGINE) is one of them, `ENGINE=InnoDB`:
/// a legacy MyISAM table differs from a model's InnoDB one.
QString declaredTableOptions(const QString &createOptions, const QString &engine = {});

/// The ALTER TABLE clauses that take a table from the options `live` to `target` (both as
/// declaredTableOptions() spells them): the target's changed or new ones, and each one the
/// target lacks set back to its default.
QStringList tableOptionClauses(const QString &live, const QString &target);
/// Whether the options `live` and `target` name different storage engines.
bool changesEngine(const QString &live, const QString &target);

} // namespace burrow::dialect::mysql
