#pragma once

#include <QHash>
#include <QStringList>

namespace burrow::ui {

/// The SQL keywords offered by completion (upper case, the way migrations are written).
const QStringList &sqlKeywords();

/// The completion words for an editor: the keywords, the table names and every table's column
/// names, without duplicates, sorted case-insensitively.
QStringList completionWords(const QStringList &tables,
                            const QHash<QString, QStringList> &columnsByTable);

} // namespace burrow::ui
