#pragma once

#include "result.h"

#include <QString>

#include <optional>

namespace burrow::ui {

/// Writes `text` (UTF-8) to `path` atomically, creating the folder if needed. An existing file
/// is replaced only when it holds `text` already or `previous` (what the caller wrote there
/// before); a file with any other content is someone else's work: it stays as it is and the
/// result is a Conflict error.
Status writeMigrationText(const QString &path, const QString &text,
                          const std::optional<QString> &previous);

} // namespace burrow::ui
