#pragma once

#include "../../result.h"
#include "../database_url.h"

namespace burrow::dialect::postgres {

/// What a model loaded into a scratch schema of `url`'s database depends on besides its own
/// statements, in one query: the server's version, the database's encoding and collation, its
/// extensions, and the relations, types, functions and collations in other schemas the model
/// may use (their row versions change with every ALTER).
Result<QString> modelContextOf(const DatabaseUrl &url);

} // namespace burrow::dialect::postgres
