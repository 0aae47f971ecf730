#pragma once

#include <QString>

namespace burrow::dialect::postgres {

/// Type knowledge over format_type spellings (`integer`, `character varying(10)`,
/// `numeric(10,2)`, `timestamp(3) with time zone`, `text[]`…).

/// Whether converting values of type `from` to `to` can lose information. Only conversions
/// known to keep every value (wider integers, longer strings, more digits, anything to text…)
/// are not narrowing: an unknown conversion counts as narrowing, so it is never planned
/// unless the user allows destructive changes.
bool narrowsType(const QString &from, const QString &to);

/// A condition on `column` (its SQL) true for the values of type `from` that type `to` cannot
/// hold: too long a string, an integer out of range, a numeric with more digits; for arrays, a
/// row with such an element. Empty where it cannot be told (temporal types, other kinds).
QString valuesNotHeld(const QString &from, const QString &to, const QString &column);

/// Whether ALTER COLUMN … TYPE needs `USING col::type`. Not to a length-bounded string or bit
/// type: an explicit cast there truncates silently, the default assignment cast reports values
/// that do not fit.
bool needsExplicitCast(const QString &from, const QString &to);

/// Whether that cast must go through text (`col::text::type`): between two types outside the
/// built-in families (one enum into another, say), which have no cast between them but always
/// a text form.
bool castsThroughText(const QString &from, const QString &to);

} // namespace burrow::dialect::postgres
