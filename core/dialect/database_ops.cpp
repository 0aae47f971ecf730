#include "database_ops.h"

#include <QRegularExpression>
#include <QTemporaryDir>

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

CancelWatcher::CancelWatcher(Cancellation cancellation, std::function<void()> interrupt)
    : m_thread([this, cancellation, interrupt = std::move(interrupt)] {
        // A 20 ms poll: a cancel is seen at once on the scale of a user's reaction.
        while (!m_done.load()) {
            if (cancellation.cancelled()) {
                interrupt();
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    })
{
}

CancelWatcher::~CancelWatcher()
{
    m_done.store(true);
    m_thread.join();
}

Status DatabaseOps::rememberOnScratchCopy(const DatabaseUrl &, const QStringList &) const
{
    return Ok{};
}

Error scratchCreationFailed(Error error, const QString &hint)
{
    error.message = u"the dry run needs a scratch database: " + error.message;
    error.hint = hint;
    return error;
}

Result<std::unique_ptr<ScratchDatabase>> fillFromDump(std::unique_ptr<ScratchDatabase> scratch,
                                                      const DatabaseUrl &origin,
                                                      const DumpStep &dump, const DumpStep &load)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("dry-run.dump"));
    if (Status dumped = dump(origin, file); !dumped)
        return dumped.error();
    if (Status loaded = load(scratch->url(), file); !loaded)
        return loaded.error();
    return scratch;
}

QStringList tablesNamedIn(const QString &statement, const QStringList &candidates)
{
    QStringList named;
    for (const QString &table : candidates) {
        // Not inside a longer name: "book" is not named by "bookshelf" or "old_book".
        const QRegularExpression word(u"(?<![\\w$])" + QRegularExpression::escape(table) +
                                          u"(?![\\w$])",
                                      QRegularExpression::CaseInsensitiveOption);
        if (statement.contains(word) && !named.contains(table))
            named.append(table);
    }
    return named;
}

Error lockWaitExpired(Error error, const QStringList &tables, const QString &holder,
                      const DatabaseUrl &url)
{
    QString what = QStringLiteral("a table it needs is");
    if (tables.size() == 1)
        what = u"table " + tables.first() + u" is";
    else if (tables.size() > 1)
        what = u"tables " + tables.join(u", ") + u" are";
    const QString by = holder.isEmpty() ? QStringLiteral("another session") : holder;
    error.code = Error::Code::Locked;
    error.message = what + u" locked by " + by + u"; gave up after waiting " +
                    QString::number(lockTimeoutSeconds(url)) + u" s (" + error.message + u')';
    const QString retry = QStringLiteral("try again once the other session has committed or "
                                         "ended, or wait longer with --lock-timeout SECONDS");
    error.hint = error.hint.isEmpty() ? retry : error.hint + u"; " + retry;
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
