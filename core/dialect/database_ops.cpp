#include "database_ops.h"

namespace burrow::dialect {
namespace {

/// Every call of an engine Burrow cannot apply to yet says so.
class UnsupportedOps final : public DatabaseOps {
public:
    explicit UnsupportedOps(Engine engine)
        : m_engine(engine)
    {
    }

    Result<std::unique_ptr<ScopedConnection>> openForWriting(const DatabaseUrl &) const override
    {
        return unsupported();
    }
    Result<std::unique_ptr<ApplierLock>> lockApplier(const DatabaseUrl &, int) const override
    {
        return unsupported();
    }
    bool transactionalDdl() const override { return false; }
    QString backupSuffix() const override { return QStringLiteral("backup"); }
    Status writeBackup(const DatabaseUrl &, const QString &) const override
    {
        return unsupported();
    }
    Status checkBackup(const QString &) const override { return unsupported(); }
    Status restoreBackup(const QString &, const DatabaseUrl &, const QString &) const override
    {
        return unsupported();
    }
    Result<std::unique_ptr<ScratchDatabase>> scratchCopy(const DatabaseUrl &) const override
    {
        return unsupported();
    }

private:
    Error unsupported() const
    {
        return Error{Error::Code::Unsupported,
                     u"applying migrations, backups and restores are not supported on " +
                         engineName(m_engine) + u" yet",
                     {},
                     0,
                     {},
                     QStringLiteral("diff and plan work; apply the written migration with the "
                                    "server's own client for now")};
    }

    Engine m_engine;
};

} // namespace

std::unique_ptr<StatementInterrupter>
DatabaseOps::interruptOnCancel(ScopedConnection &, const DatabaseUrl &, const Cancellation &) const
{
    return nullptr;
}

bool DatabaseOps::exists(const DatabaseUrl &) const
{
    return true;
}

Error DatabaseOps::explainRunError(Error error, const DatabaseUrl &) const
{
    return error;
}

const DatabaseOps &unsupportedOps(Engine engine)
{
    static const UnsupportedOps sqlite(Engine::SQLite), postgres(Engine::PostgreSQL),
        mysql(Engine::MySQL);
    switch (engine) {
    case Engine::SQLite:
        return sqlite;
    case Engine::PostgreSQL:
        return postgres;
    case Engine::MySQL:
        break;
    }
    return mysql;
}

} // namespace burrow::dialect
