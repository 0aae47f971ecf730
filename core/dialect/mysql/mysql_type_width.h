#pragma once

#include <QString>

namespace burrow::dialect::mysql {

/// Whether a column of type `fromKey` may hold values that type `toKey` cannot (both are type
/// keys: `VARCHAR(100)`, `INT UNSIGNED`, `DECIMAL(10,2)`, `ENUM('a','b')`…): a shorter string,
/// a smaller integer, fewer digits, a lost enum value, or a change of kind.
bool narrows(const QString &fromKey, const QString &toKey);

/// A condition on `column` (its SQL) true for the values of type `fromKey` that type `toKey`
/// cannot hold: too long a string, an integer out of range, a decimal with more digits, an enum
/// value dropped. Empty where it cannot be told (a change of kind, SET, temporal types).
QString valuesNotHeld(const QString &fromKey, const QString &toKey, const QString &column);

} // namespace burrow::dialect::mysql
