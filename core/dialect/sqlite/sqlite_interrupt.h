#pragma once

#include "../../cancellation.h"

#include <QSqlDatabase>

namespace burrow::dialect::sqlite {

/// While it lives, a statement running on `db` stops within milliseconds once `cancellation` is
/// set: SQLite aborts it with SQLITE_INTERRUPT ("interrupted") and the caller rolls back, as
/// after any failed statement. Without it, cancelling waits for the statement to end (a rebuild's
/// row copy can take minutes).
class InterruptOnCancel {
public:
    InterruptOnCancel(const QSqlDatabase &db, Cancellation cancellation);
    ~InterruptOnCancel();
    InterruptOnCancel(const InterruptOnCancel &) = delete;
    InterruptOnCancel &operator=(const InterruptOnCancel &) = delete;

private:
    void *m_handle = nullptr; // the connection's sqlite3*, null when the driver gives none
    Cancellation m_cancellation;
};

} // namespace burrow::dialect::sqlite
