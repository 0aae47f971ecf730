#pragma once

#include <QString>

namespace burrow::dialect::mysql {

/// Whether a column of type `fromKey` may hold values that type `toKey` cannot (both are type
/// keys: `VARCHAR(100)`, `INT UNSIGNED`, `DECIMAL(10,2)`, `ENUM('a','b')`…): a shorter string,
/// a smaller integer, fewer digits, a lost enum value, or a change of kind.
bool narrows(const QString &fromKey, const QString &toKey);

} // namespace burrow::dialect::mysql
