#pragma once

// Expressions as the server prints them (pg_get_expr, pg_get_viewdef), in the form they are
// compared in: spellings of one and the same function are one. PostgreSQL keeps `now()` as
// written and prints CURRENT_TIMESTAMP for CURRENT_TIMESTAMP, yet both are the time the
// transaction began: a model's `DEFAULT CURRENT_TIMESTAMP` against a live `DEFAULT now()` is no
// difference.

#include "../../schema/schema.h"

namespace burrow::dialect::postgres {

/// `text` with `now()`, `transaction_timestamp()` (also `pg_catalog.`-qualified) as
/// CURRENT_TIMESTAMP; strings and quoted names are left as they are.
QString comparedSpelling(const QString &text);

/// The expression the server printed, with comparedSpelling as its canonical form.
schema::Expression serverExpression(const QString &text);

} // namespace burrow::dialect::postgres
