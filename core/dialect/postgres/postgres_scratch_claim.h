#pragma once

#include "../../result.h"

#include <QString>

namespace burrow::dialect::postgres {

class Session;

/// Claims the name of a new scratch database, `<prefix><16 hex digits>`, for `admin`'s session:
/// a session-level advisory lock keyed by those digits, held until the session ends. First it
/// drops the prefix's databases whose claimer died (Ctrl-C, kill, a lost connection): nobody is
/// connected to them and nobody holds their lock. Creating and dropping the database is the
/// caller's; `admin` must stay open for as long as the database exists.
Result<QString> claimScratchDatabase(Session &admin, const QString &prefix);

} // namespace burrow::dialect::postgres
