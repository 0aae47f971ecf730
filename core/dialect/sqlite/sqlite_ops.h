#pragma once

#include "../database_ops.h"

namespace burrow::dialect::sqlite {

/// SQLite files: a lock file beside the database, byte copies for backups, a file copy as the
/// dry run's scratch database, statements interrupted through SQLite's progress handler.
class SqliteOps final : public DatabaseOps {
public:
    Result<std::unique_ptr<ScopedConnection>> openForWriting(const DatabaseUrl &url) const override;
    Result<std::unique_ptr<ApplierLock>> lockApplier(const DatabaseUrl &url,
                                                     int waitMs) const override;
    bool transactionalDdl() const override { return true; }
    std::unique_ptr<StatementInterrupter>
    interruptOnCancel(ScopedConnection &connection, const DatabaseUrl &url,
                      const Cancellation &cancellation) const override;
    Error explainRunError(Error error, const DatabaseUrl &url) const override;

    QString backupSuffix() const override { return QStringLiteral("sqlite3"); }
    Status writeBackup(const DatabaseUrl &url, const QString &file) const override;
    Status checkBackup(const QString &file) const override;
    Status restoreBackup(const QString &file, const DatabaseUrl &url,
                         const QString &safetyFile) const override;
    bool exists(const DatabaseUrl &url) const override;
    Result<std::unique_ptr<ScratchDatabase>> scratchCopy(const DatabaseUrl &url) const override;
};

} // namespace burrow::dialect::sqlite
