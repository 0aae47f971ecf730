#pragma once

#include <QStringList>

namespace burrow::cli {

/// `burrow-cli status`: every migration applied (when, how long), pending, modified or missing.
int runStatus(const QStringList &arguments);
/// `burrow-cli sql VERSION [--down]`: the statements a migration will run.
int runSql(const QStringList &arguments);
/// `burrow-cli baseline --to V`: records migrations as applied without running them.
int runBaseline(const QStringList &arguments);
/// `burrow-cli resolve VERSION --applied|--pending`: settles a migration that stopped part-way.
int runResolve(const QStringList &arguments);

} // namespace burrow::cli
