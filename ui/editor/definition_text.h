#pragma once

#include "schema/schema.h"

#include <QString>

namespace burrow::ui {

/// The definition of the table, view or function `name` in `schema`, as the engine stores it: a
/// table's CREATE TABLE, then its indexes' and triggers' statements; a view's CREATE VIEW, then
/// its triggers; a function's CREATE (its identity, `f(integer)`, is the name). Every statement
/// ends with `;`. A null string when the schema has no such object. The name matches exactly, or
/// else ignoring case (the two schemas of a comparison may spell it differently where the engine
/// does not care).
QString definitionOf(const schema::Schema &schema, const QString &name);

/// `text` as definition views show it: line ends unified, trailing blanks and blank last lines
/// dropped.
QString normalizedDefinition(const QString &text);

} // namespace burrow::ui
