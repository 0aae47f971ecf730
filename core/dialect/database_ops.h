#pragma once

#include "../cancellation.h"
#include "../result.h"
#include "connection.h"
#include "database_url.h"

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

namespace burrow::dialect {

/// Held while one applier works on a database; released when destroyed.
class ApplierLock {
public:
    virtual ~ApplierLock() = default;
};

/// A throwaway copy of a database (schema and rows), for dry runs; gone when destroyed.
class ScratchDatabase {
public:
    virtual ~ScratchDatabase() = default;
    virtual const DatabaseUrl &url() const = 0;
};

/// Interrupts the statement running on a connection once the user cancels, while it lives.
class StatementInterrupter {
public:
    virtual ~StatementInterrupter() = default;
};

/// Watches a Cancellation on a thread of its own and, once it is set, calls `interrupt` once
/// (a server's "cancel that session's statement" sent over a second connection). Stops
/// watching when destroyed.
class CancelWatcher final : public StatementInterrupter {
public:
    CancelWatcher(Cancellation cancellation, std::function<void()> interrupt);
    ~CancelWatcher() override;
    CancelWatcher(const CancelWatcher &) = delete;
    CancelWatcher &operator=(const CancelWatcher &) = delete;

private:
    std::atomic<bool> m_done{false};
    std::thread m_thread;
};

/// What applying migrations, backing up and restoring need from one engine, beside reading
/// schemas (Dialect). The runner, the backup folder and the CLI talk to this only.
class DatabaseOps {
public:
    virtual ~DatabaseOps() = default;

    /// A connection that may change the database (an existing one: never created here).
    virtual Result<std::unique_ptr<ScopedConnection>>
    openForWriting(const DatabaseUrl &url) const = 0;
    /// Only one applier per database: waits up to `waitMs`, then says who holds the lock.
    virtual Result<std::unique_ptr<ApplierLock>> lockApplier(const DatabaseUrl &url,
                                                             int waitMs) const = 0;
    /// Whether DDL takes part in transactions (a failed migration then leaves nothing behind).
    virtual bool transactionalDdl() const = 0;
    /// Interrupts `connection`'s running statement once `cancellation` is set (null: only
    /// between statements).
    virtual std::unique_ptr<StatementInterrupter>
    interruptOnCancel(ScopedConnection &connection, const DatabaseUrl &url,
                      const Cancellation &cancellation) const;
    /// A statement's failure as the user should read it (another writer's lock, say). Code
    /// Locked means the statement waited for a lock in vain and so took no effect.
    virtual Error explainRunError(Error error, const DatabaseUrl &url) const;

    /// The suffix of backup files ("sqlite3", "dump", "sql"): before.<suffix>, after.<suffix>.
    virtual QString backupSuffix() const = 0;
    /// A consistent online copy of the whole database into `file`, flushed to disk.
    virtual Status writeBackup(const DatabaseUrl &url, const QString &file) const = 0;
    /// Proves that `file` is a readable, complete backup of this engine.
    virtual Status checkBackup(const QString &file) const = 0;
    /// Replaces the database's content with the backup's. `safetyFile`, when given, first
    /// receives a backup of the current content (the restore's own undo).
    virtual Status restoreBackup(const QString &file, const DatabaseUrl &url,
                                 const QString &safetyFile) const = 0;
    /// Whether the database exists (a SQLite file may not yet; a server database does).
    virtual bool exists(const DatabaseUrl &url) const;
    /// A scratch copy of the database for a dry run.
    virtual Result<std::unique_ptr<ScratchDatabase>> scratchCopy(const DatabaseUrl &url) const = 0;
    /// A scratch copy of the database at `url` loaded from `backupFile`, the backup writeBackup
    /// just took of it: a rehearsal's copy that proves the backup loads again (MariaDB).
    /// Default: a copy of its own.
    virtual Result<std::unique_ptr<ScratchDatabase>>
    scratchCopyFromBackup(const DatabaseUrl &url, [[maybe_unused]] const QString &backupFile) const
    {
        return scratchCopy(url);
    }
    /// A migration's statement as it runs on a scratch copy (a dry run, a rehearsal), made safe
    /// there: MariaDB keeps events DISABLE, so that none fires from the copy. Default: as written.
    virtual QString onScratchCopy(const QString &statement) const { return statement; }
    /// Records in the scratch copy `copy` what `statements` (run there through onScratchCopy)
    /// meant but did not do, for the copy's readers: MariaDB's event statuses. Default: nothing.
    virtual Status rememberOnScratchCopy(const DatabaseUrl &copy,
                                         const QStringList &statements) const;
};

/// The error of a scratch database that cannot be created: what it was for, and `hint`.
Error scratchCreationFailed(Error error, const QString &hint);

/// The tables of `candidates` that `statement` names as whole words, any case: which of the
/// tables other sessions hold a statement that gave up waiting was after.
QStringList tablesNamedIn(const QString &statement, const QStringList &candidates);

/// A statement (or a backup tool) that gave up waiting for a lock another session holds, as the
/// user should read it: which table (`tables`, may be empty) and who holds it (`holder`, may be
/// empty), how long it waited, the engine's words, what to do. File, line and statement stay.
Error lockWaitExpired(Error error, const QStringList &tables, const QString &holder,
                      const DatabaseUrl &url);

/// How an engine writes a dump of a database into a file, or loads one into a database.
using DumpStep = std::function<Status(const DatabaseUrl &database, const QString &file)>;

/// Fills the new, empty `scratch` database (which drops itself when destroyed) with a dump of
/// `origin` written to a temporary file with the engine's own tools.
Result<std::unique_ptr<ScratchDatabase>> fillFromDump(std::unique_ptr<ScratchDatabase> scratch,
                                                      const DatabaseUrl &origin,
                                                      const DumpStep &dump, const DumpStep &load);

/// The operations for an engine Burrow cannot apply to yet: every call explains that.
const DatabaseOps &unsupportedOps(Engine engine);

} // namespace burrow::dialect
