#pragma once

#include "../../result.h"
#include "../connection.h"

#include <memory>

namespace burrow::dialect::sqlite {

/// Opens an existing SQLite file read-only: never creates, never writes. Waits up to
/// `busyTimeoutMs` for another process's lock, then reports it. The schema is read once here,
/// so a non-database or corrupt file is reported at once.
Result<std::unique_ptr<ScopedConnection>> openReadOnly(const QString &path, int busyTimeoutMs);

/// A private in-memory database, e.g. to let SQLite validate model DDL.
Result<std::unique_ptr<ScopedConnection>> openInMemory();

/// Refines an engine error into Burrow's terms (locked, corrupt, not a database…) with a hint.
Error classify(Error error, const QString &file);

} // namespace burrow::dialect::sqlite
