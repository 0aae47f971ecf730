#pragma once

#include "../../result.h"

#include <QSqlDatabase>
#include <QString>

namespace burrow::dialect::mysql {

/// Claims the name of a new scratch database, `<prefix><16 hex digits>`, for the session `guard`:
/// a named lock (GET_LOCK) of that name, held until the session ends. First it drops the prefix's
/// databases whose claimer died (Ctrl-C, kill, a lost connection), whose lock is then free.
/// Creating and dropping the database is the caller's; `guard` must stay open for as long as the
/// database exists.
Result<QString> claimScratchDatabase(const QSqlDatabase &guard, const QString &prefix);

} // namespace burrow::dialect::mysql
