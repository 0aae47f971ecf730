#pragma once

#include <QStringList>

namespace burrow::cli {

/// `burrow-cli plan`: writes the next migration file that brings the database to the model.
int runPlan(const QStringList &arguments);

} // namespace burrow::cli
