#pragma once

#include "../database_ops.h"

namespace burrow::dialect::postgres {

/// PostgreSQL: a session-level advisory lock per schema, pg_dump archives for backups, a
/// scratch database loaded from an archive for dry runs. DDL is transactional, so a failed
/// migration leaves nothing behind.
class PostgresOps final : public DatabaseOps {
public:
    Result<std::unique_ptr<ScopedConnection>> openForWriting(const DatabaseUrl &url) const override;
    Result<std::unique_ptr<ApplierLock>> lockApplier(const DatabaseUrl &url,
                                                     int waitMs) const override;
    bool transactionalDdl() const override { return true; }
    /// pg_cancel_backend() from a second session: the running statement stops, its
    /// transaction rolls back.
    std::unique_ptr<StatementInterrupter>
    interruptOnCancel(ScopedConnection &connection, const DatabaseUrl &url,
                      const Cancellation &cancellation) const override;
    /// A lock held past the lock timeout, or a session the server ended, said plainly.
    Error explainRunError(Error error, const DatabaseUrl &url) const override;

    QString backupSuffix() const override { return QStringLiteral("dump"); }
    Status writeBackup(const DatabaseUrl &url, const QString &file) const override;
    Status checkBackup(const QString &file) const override;
    Status restoreBackup(const QString &file, const DatabaseUrl &url,
                         const QString &safetyFile) const override;
    Result<std::unique_ptr<ScratchDatabase>> scratchCopy(const DatabaseUrl &url) const override;
};

} // namespace burrow::dialect::postgres
