#pragma once

#include "result.h"

#include <QDir>
#include <QString>

namespace burrow::ui {

/// Opens the database at `url` through core, read-only, as the workbench would, and says what
/// it found ("3 tables, 1 view"), or core's error (a missing or corrupt file, an engine Burrow
/// does not support yet…). `password`, when given, replaces the URL's. Blocks: run it off the
/// UI thread.
Result<QString> probeConnection(const QString &url, const QString &password, const QDir &base);

} // namespace burrow::ui
