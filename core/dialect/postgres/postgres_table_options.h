#pragma once

// A table's persistence and storage parameters (UNLOGGED, WITH (fillfactor=70, …)), kept in
// Table::options as they are written back: `UNLOGGED WITH (fillfactor=70)`. An unlogged table
// loses its rows in a crash, so a model's logged table differs from a live unlogged one.

#include <QString>
#include <QStringList>

namespace burrow::dialect::postgres {

/// Table::options from pg_class: `unlogged` (relpersistence 'u') and `reloptions` as
/// array_to_string(reloptions, ', ') spells them; empty for a logged table without any.
QString tableOptions(bool unlogged, const QString &reloptions);

bool isUnlogged(const QString &options);
/// ` WITH (…)` for CREATE TABLE, empty without storage parameters.
QString storageClause(const QString &options);

/// The ALTER TABLE actions from the options `live` to `target`: SET LOGGED or UNLOGGED (a
/// rewrite of the table), SET (…) the parameters new or changed, RESET (…) those the target
/// lacks.
QStringList tableOptionActions(const QString &live, const QString &target);

/// The actions that take parameters (`name=value` items: storage parameters, a column's
/// attribute options) from `before` to `after`: `SET (…)` the new or changed ones, `RESET (…)`
/// those `after` lacks.
QStringList parameterActions(const QStringList &before, const QStringList &after);

/// Index::options: `USING method`, then ` INCLUDE (…)` and ` WITH (…)` (sorted) where the index
/// has them; `include` and `reloptions` as the catalog lists them, `, `-separated.
QString indexOptions(const QString &method, const QString &include, const QString &reloptions);

} // namespace burrow::dialect::postgres
