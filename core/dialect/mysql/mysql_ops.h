#pragma once

#include "../database_ops.h"

namespace burrow::dialect::mysql {

/// MariaDB/MySQL: GET_LOCK per database, mariadb-dump files for backups, a scratch database
/// loaded from a dump for dry runs. DDL commits on its own, so the runner tracks each statement.
class MysqlOps final : public DatabaseOps {
public:
    Result<std::unique_ptr<ScopedConnection>> openForWriting(const DatabaseUrl &url) const override;
    Result<std::unique_ptr<ApplierLock>> lockApplier(const DatabaseUrl &url,
                                                     int waitMs) const override;
    bool transactionalDdl() const override { return false; }
    /// KILL QUERY from a second connection: the running statement stops (what ran before it
    /// stays, as after any failure there).
    std::unique_ptr<StatementInterrupter>
    interruptOnCancel(ScopedConnection &connection, const DatabaseUrl &url,
                      const Cancellation &cancellation) const override;
    /// A lock held past the lock timeout, or a session killed or lost, said plainly.
    Error explainRunError(Error error, const DatabaseUrl &url) const override;

    QString backupSuffix() const override { return QStringLiteral("sql"); }
    Status writeBackup(const DatabaseUrl &url, const QString &file) const override;
    Status checkBackup(const QString &file) const override;
    Status restoreBackup(const QString &file, const DatabaseUrl &url,
                         const QString &safetyFile) const override;
    Result<std::unique_ptr<ScratchDatabase>> scratchCopy(const DatabaseUrl &url) const override;
    Result<std::unique_ptr<ScratchDatabase>>
    scratchCopyFromBackup(const DatabaseUrl &url, const QString &backupFile) const override;
    QString onScratchCopy(const QString &statement) const override;
    Status rememberOnScratchCopy(const DatabaseUrl &copy,
                                 const QStringList &statements) const override;
};

} // namespace burrow::dialect::mysql
