#pragma once
// What the objects a plan keeps still need: a table left out of the migration keeps the types
// its columns are of and the schema it lives in, which the model alone would drop.

#include "../schema/schema.h"

namespace burrow::plan {

class SqlRenderer;

/// Adds to `target` the types (enum, domain, composite, range) and schemas of `live` that it
/// lacks but its objects use: a column, a domain's base type, a composite's attribute, a
/// function's argument or result, an object named in the schema. Without them, a plan that keeps a
/// table would drop what the table uses, and the migration would fail. Returns the names added, as
/// their changes name them.
QStringList keepWhatTargetUses(schema::Schema &target, const schema::Schema &live,
                               const SqlRenderer &renderer, Qt::CaseSensitivity cs);

} // namespace burrow::plan
