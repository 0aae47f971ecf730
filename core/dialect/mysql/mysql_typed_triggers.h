#pragma once

// information_schema.TRIGGERS tells a trigger's parts (moment, event, body); only SHOW CREATE
// TRIGGER tells the statement as the user typed it, one trigger per query. So it is asked only
// for the triggers a migration creates again, never while the schema is read.

#include "../../schema/schema.h"

#include <QSet>
#include <QSqlDatabase>

namespace burrow::dialect::mysql {

/// Whether any of `tables` in `schema` has a trigger.
bool hasTriggers(const schema::Schema &schema, const QSet<QString> &tables);

/// Gives the triggers of `tables` in `schema` (read from `database` over `db`) the statement
/// that created them, its DEFINER clause left to the renderer (Trigger::definer). A trigger
/// whose statement cannot be read (dropped meanwhile, no privilege) keeps its text.
void keepTypedTriggers(const QSqlDatabase &db, const QString &database, schema::Schema &schema,
                       const QSet<QString> &tables);

} // namespace burrow::dialect::mysql
