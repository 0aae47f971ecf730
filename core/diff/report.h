#pragma once

#include "change.h"

namespace burrow::diff {

/// "3 tables differ: 2 columns missing, 1 index extra, 1 column changed; 1 possible rename".
/// "missing" means in the model but not in the database, "extra" the reverse.
QString summaryLine(const QList<Change> &changes);

/// "1 table", "3 tables": a count with its noun; `plural` defaults to the noun with an s.
QString counted(qsizetype n, const QString &singular, const QString &plural = {});

/// Parts read as one list: "a", "a and b", "a, b and c".
QString listed(QStringList parts);

/// The differences grouped by table, readable at a glance, ending with the summary line.
/// `ownSchema` (Comparison::ownSchema) is named where a hint moves a table back into it.
QString formatText(const QList<Change> &changes, const QString &ownSchema = {});

/// One change on one line: "table book: + column price  NUMERIC".
QString changeLine(const Change &change, const QString &ownSchema = {});

/// `{"differences": [{"kind", "table", "name", "detail"}, …]}` as the CLI contract says.
QString formatJson(const QList<Change> &changes);

} // namespace burrow::diff
