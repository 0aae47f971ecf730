#pragma once

// The sql_mode a trigger, routine or event was created under (schema::SqlMode): read from the
// catalog with the object, and set again around the statements that create it once more, so
// that its body keeps meaning what it meant.

#include "../../schema/schema.h"

#include <QStringList>

/// The catalog's SQL_MODE `column` and the server's default beside it: two columns.
#define BURROW_SQL_MODE_COLUMNS(column) column ", @@GLOBAL.sql_mode"

namespace burrow::dialect::mysql {

/// The mode `mode`, as the catalog tells it, against the server's default `global`.
schema::SqlMode sqlModeOf(const QString &mode, const QString &global);

/// 'text' as a string literal in a statement run under `mode`: backslashes escaped, unless
/// NO_BACKSLASH_ESCAPES makes them plain characters.
QString quoteLiteralUnder(const QString &text, const schema::SqlMode &mode);

/// `statements`, which create one object, run under `mode`: the session's mode is set for them
/// and put back after. Unchanged for the default mode.
QStringList underSqlMode(const QStringList &statements, const schema::SqlMode &mode);

/// A migration section's `statements`, run without NO_BACKSLASH_ESCAPES where one holds a
/// backslash: the texts Burrow writes (its literals, the catalog's defaults, CHECKs, views)
/// escape backslashes whatever the mode, and a server's default mode may say otherwise.
/// Bodies keep their own modes (sqlModeOf names them explicitly under such a default).
QStringList escapedLiteralsSection(const QStringList &statements);

} // namespace burrow::dialect::mysql
