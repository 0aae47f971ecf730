#pragma once

#include "../../plan/sql_renderer.h"
#include "../../schema/schema.h"

namespace burrow::dialect::postgres {

/// SQL for composite types (CREATE TYPE … AS (…)), every identifier quoted.

QStringList createCompositeSql(const schema::CompositeType &type);
QString dropCompositeSql(const schema::CompositeType &type);

/// ALTER TYPE … DROP / ALTER / ADD ATTRIBUTE where that keeps the attributes' order and no
/// column blocks a type change (PostgreSQL: "cannot alter type … because column … uses it");
/// otherwise the type recreated: renamed away, created anew, each column of `users` converted
/// attribute by attribute (by name: kept ones cast to their new type, new ones NULL), the old
/// type dropped.
/// A column holding arrays of the type converts through text, which is positional: where the
/// attributes do not keep their names and order, the migration stops there with an error
/// (one transaction) rather than shift values into the wrong attributes.
QStringList alterCompositeSql(const schema::CompositeType &live,
                              const schema::CompositeType &target,
                              const QList<plan::TypeUser> &users);

} // namespace burrow::dialect::postgres
