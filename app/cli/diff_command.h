#pragma once

#include <QStringList>

namespace burrow::cli {

/// `burrow-cli diff`: differences between a database and its model; exit 0 none, 1 some, 2 error.
int runDiff(const QStringList &arguments);

} // namespace burrow::cli
