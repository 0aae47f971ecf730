#pragma once

#include "../../plan/sql_renderer.h"

namespace burrow::dialect::mysql {

/// `createSql` (CREATE … TRIGGER … FOR EACH ROW [{FOLLOWS | PRECEDES} other] body) placed as
/// `placement` says: its own FOLLOWS / PRECEDES, which may name a trigger that does not exist
/// yet, gives way to the placement's, or to none.
QString placedTriggerSql(const QString &createSql, const plan::TriggerPlacement &placement);

} // namespace burrow::dialect::mysql
