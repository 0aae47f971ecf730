#pragma once

#include "../../plan/sql_renderer.h"

#include <optional>

namespace burrow::dialect::mysql {

/// `createSql` (CREATE … TRIGGER … FOR EACH ROW [{FOLLOWS | PRECEDES} other] body) placed as
/// `placement` says: its own FOLLOWS / PRECEDES, which may name a trigger that does not exist
/// yet, gives way to the placement's, or to none.
QString placedTriggerSql(const QString &createSql, const plan::TriggerPlacement &placement);

/// `createSql` (CREATE [ALGORITHM=…] [DEFINER=…] [SQL SECURITY …] VIEW|TRIGGER name …) as
/// CREATE OR REPLACE; none for another statement, or one with OR REPLACE or IF NOT EXISTS.
std::optional<QString> createOrReplaceSql(const QString &createSql);

/// `createSql` (CREATE [OR REPLACE] [DEFINER = …] TRIGGER …) as `CREATE TRIGGER …`, the rest as
/// written; empty when it creates no trigger.
QString triggerSqlWithoutDefiner(const QString &createSql);

} // namespace burrow::dialect::mysql
