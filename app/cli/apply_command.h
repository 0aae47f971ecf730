#pragma once

#include <QStringList>

namespace burrow::cli {

/// `burrow-cli apply`: backs up, applies the pending migrations, records them, re-diffs.
int runApply(const QStringList &arguments);

} // namespace burrow::cli
