#pragma once

#include <QStringList>

namespace burrow::ui {

/// The workspaces opened lately, newest first, kept in QSettings (at most 10; folders that no
/// longer hold a burrow.json are dropped when read).
QStringList recentWorkspaces();
void rememberWorkspace(const QString &directory);

} // namespace burrow::ui
