#pragma once

#include <QStringList>

namespace burrow::cli {

/// `burrow-cli backup --db URL --out DIR`: a verified backup folder of the database.
int runBackup(const QStringList &arguments);
/// `burrow-cli restore --db URL --from DIR`: verifies, backs up the current state, replaces.
int runRestore(const QStringList &arguments);

} // namespace burrow::cli
