#pragma once

#include "workspace.h"

namespace burrow::workspace {

/// Where the demo's pieces come from: the source tree, or the application's resources (":/demo").
struct DemoSource {
    QString legacySql;     // the legacy database's script
    QString modelsDir;     // the model definitions (*.sql)
    QString migrationsDir; // the example migrations (*.sql), which led to the legacy database
};

/// The demo as the application carries it in its resources.
DemoSource bundledDemo();

/// Writes a fresh demo workspace into `target` (created if absent; must hold no burrow.json):
/// burrow.json, models/, migrations/ with the example migrations, and legacy.sqlite3 built from
/// the script, the example migrations recorded as applied (baseline). Returns the workspace.
Result<Workspace> createDemoWorkspace(const DemoSource &source, const QString &target);

} // namespace burrow::workspace
