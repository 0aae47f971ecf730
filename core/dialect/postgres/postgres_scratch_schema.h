#pragma once

#include "../../result.h"

#include <QString>

namespace burrow::dialect::postgres {

class Session;

/// The schema a model is loaded into: `burrow_model_<16 hex digits>`, guarded by a session-level
/// advisory lock keyed by those digits for as long as it exists. A loader that dies before it
/// removes its schema (Ctrl-C, kill, a lost connection) releases the lock with its session, and
/// the next loader on that database finds the unlocked schema and removes it. The lock is held
/// until the loader's session ends.
class ScratchSchema {
public:
    /// Removes the schemas of loaders that died, then picks a new name and locks it. Nothing is
    /// created yet: the loader creates the schema inside its first transaction.
    static Result<ScratchSchema> claim(Session &session);

    QString name() const { return m_name; }

    /// Removes the schema after its creating transaction committed: its tables go in chunks,
    /// each in a transaction of its own (one DROP SCHEMA … CASCADE of thousands of tables would
    /// need a lock per object at once), then the rest. The lock goes with the session.
    Status drop(Session &session) const;

private:
    explicit ScratchSchema(QString name);

    QString m_name;
};

} // namespace burrow::dialect::postgres
