#pragma once

#include "../dialect/dialect.h"
#include "history.h"

namespace burrow::migration {

/// How a migration that stopped part-way is settled.
enum class Resolution {
    Applied, ///< finished by hand: recorded as complete (status "resolved")
    Pending, ///< what ran was undone by hand: its row goes, apply runs it again from the start
};

/// Settles `entry`, which stopped part-way on an earlier apply (its history row reads failed,
/// or running with no applier left), under the applier lock: an apply still running is never
/// touched. Applied records the file as it is now (its checksum), keeping when it started and
/// how many statements Burrow ran. Returns the row as it was. Errors: no row (pending), a
/// complete row (nothing to settle), the lock held by a running apply.
Result<AppliedMigration> resolveMigration(const dialect::Dialect &engine,
                                          const dialect::DatabaseUrl &url,
                                          const MigrationEntry &entry, Resolution how);

} // namespace burrow::migration
