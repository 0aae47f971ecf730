#pragma once

#include "../../result.h"

namespace burrow::dialect::sqlite {

/// Writes a consistent copy of the live database `source` to the new file `target` while others
/// may read or write it (VACUUM INTO), then verifies the copy (it opens, `quick_check` is ok).
/// Disk full, an unwritable folder, a locked or corrupt source: an error saying which and what
/// to do; a partial `target` is removed.
Status backupDatabase(const QString &source, const QString &target);

/// backupDatabase without the verification: the consistent copy, flushed to disk. For callers
/// that run checkDatabase() while they do other work on the copy (hashing it); they remove the
/// copy when the check fails.
Status copyDatabase(const QString &source, const QString &target);

/// SQLite's quick_check of the database file `path`, opened read-only.
Status checkDatabase(const QString &path);

/// Replaces the database `target` with the verified backup `backup`: the copy is written beside
/// the target and renamed over it (atomic on one filesystem), its -wal/-shm files removed first.
/// Refuses while another connection holds a lock on `target`.
/// When `safetyCopy` is given, `target` is first backed up there (as backupDatabase does); should
/// anyone write to `target` between that copy and the replacement, the restore is refused, so no
/// write can be lost. The restored file keeps `target`'s permissions and WAL mode. On any error
/// `target` keeps its content and no file is left behind (a missing `target` is just created).
Status restoreDatabase(const QString &backup, const QString &target,
                       const QString &safetyCopy = {});

} // namespace burrow::dialect::sqlite
