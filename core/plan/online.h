#pragma once

#include "../schema/schema.h"

namespace burrow::plan {

/// The schema the main migration of `plan --concurrently` leads to: `target`, except that the
/// index changes an engine can make online after it keep their `live` state (`live` has the
/// plan's renames applied). Those are the indexes added, changed or removed on a table that
/// exists before and after and keeps every column: a new table's indexes gain nothing, and an
/// index on a dropped column goes with its column. A unique index that a target foreign key
/// references stays in the main migration, which adds the key. A follow-up migration brings
/// the result to `target`.
schema::Schema withoutOnlineIndexChanges(const schema::Schema &live, const schema::Schema &target,
                                         Qt::CaseSensitivity cs);

} // namespace burrow::plan
