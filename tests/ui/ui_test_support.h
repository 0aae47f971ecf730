#pragma once

// Helpers for the UI tests: a scratch demo workspace, waiting on the event loop.
#include "workspace/demo_workspace.h"

#include <QString>
#include <QTemporaryDir>

#include <functional>

namespace burrow::uitest {

/// The demo as the source tree holds it (the application carries the same files).
workspace::DemoSource sourceTreeDemo();

/// A fresh copy of the demo workspace (burrow.json, models, migrations with 0001 recorded, and
/// the legacy database) in a temporary folder.
class DemoWorkspace {
public:
    DemoWorkspace();
    QString path() const { return m_dir.path(); }
    QString database() const { return m_dir.filePath(QStringLiteral("legacy.sqlite3")); }
    QString migrations() const { return m_dir.filePath(QStringLiteral("migrations")); }
    const workspace::Workspace &workspace() const { return m_workspace; }

private:
    QTemporaryDir m_dir;
    workspace::Workspace m_workspace;
};

/// Runs the event loop until `done` holds or `timeoutMs` passes; returns whether it holds.
bool waitFor(const std::function<bool()> &done, int timeoutMs = 30000);

/// The first column of every row `sql` returns from the SQLite file `path`.
QStringList queryColumn(const QString &path, const QString &sql);

} // namespace burrow::uitest
