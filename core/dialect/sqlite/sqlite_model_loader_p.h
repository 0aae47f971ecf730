#pragma once

// Internals of the model loader, visible to its tests.

#include "../../sql/splitter.h"

namespace burrow::dialect::sqlite {

/// Small enough that SQLite's per-statement schema rescans stay cheap (they make one database
/// of N tables cost O(N²)), large enough that opening connections does not dominate.
constexpr qsizetype kStatementsPerChunk = 120;

/// Statement indexes per chunk, each in script order; statements every chunk needs (PRAGMA)
/// lead each chunk. One chunk holds everything when the script cannot be routed safely.
QList<QList<qsizetype>> planChunks(const QList<sql::Statement> &statements);

} // namespace burrow::dialect::sqlite
