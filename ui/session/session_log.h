#pragma once

#include "diff/compare.h"
#include "migration/apply.h"

namespace burrow::ui {

/// The log's line for a finished comparison: what was compared, what differs, how long it took.
QString comparedLine(const diff::Comparison &comparison, qint64 elapsedMs);

/// The log's line for a progress event: statements with their time and rows, migrations
/// starting and ending. Empty for events the log does not show.
QString progressLine(const migration::ProgressEvent &event, bool dryRun);

/// A Stage event as a sentence in progress: "Backing up the database…".
QString stageText(const migration::ProgressEvent &event);

/// The log's line for a finished apply: what was applied, where the backup went.
QString appliedLine(const migration::ApplyResult &result);

} // namespace burrow::ui
