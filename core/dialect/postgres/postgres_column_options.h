#pragma once

// What PostgreSQL stores for a column beside its type, kept in Column::options as it is set:
// `STORAGE EXTERNAL COMPRESSION lz4 STATISTICS 500 SET (n_distinct=100)` (the storage only where
// it is not the type's own, the compression method only where one is named, the statistics
// target and the attribute options only where set). A type change sets storage and compression back
// to the new type's defaults.

#include <QString>
#include <QStringList>

namespace burrow::dialect::postgres {

/// The statements giving `column` of `table` the options `to` where it has `from`; `retyped`:
/// its type changed just before, which took its storage and compression back to the defaults.
QStringList columnOptionsSql(const QString &table, const QString &column, const QString &from,
                             const QString &to, bool retyped = false);

} // namespace burrow::dialect::postgres
