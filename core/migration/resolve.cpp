#include "resolve.h"

#include "apply.h"
#include "status.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace burrow::migration {
namespace {

/// The row of `version`, if it stopped part-way; otherwise why there is nothing to settle.
Result<AppliedMigration> stoppedRow(const QList<AppliedMigration> &history,
                                    const MigrationEntry &entry)
{
    const auto row = std::find_if(history.cbegin(), history.cend(),
                                  [&](const auto &r) { return r.version == entry.version; });
    if (row == history.cend())
        return Error{Error::Code::Conflict,
                     u"migration " + entry.version +
                         u" is not recorded: it is pending, there is nothing to settle",
                     entry.path,
                     0,
                     {},
                     QStringLiteral("apply runs it")};
    if (row->isComplete())
        return Error{Error::Code::Conflict,
                     u"migration " + entry.version + u" is recorded as " + row->status +
                         u", not as stopped part-way: there is nothing to settle",
                     entry.path,
                     0,
                     {},
                     QStringLiteral("see burrow-cli status")};
    return *row;
}

/// Runs `sql` bound to `values`; it must touch exactly the one row of a stopped migration.
Status changeStoppedRow(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    if (!query.prepare(sql))
        return Error{Error::Code::Sql, query.lastError().text(), {}, 0, sql};
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return Error{Error::Code::Sql, query.lastError().text(), {}, 0, sql};
    if (query.numRowsAffected() != 1)
        return Error{Error::Code::Conflict,
                     QStringLiteral("the history row changed meanwhile: nothing was recorded"),
                     {},
                     0,
                     sql,
                     QStringLiteral("see burrow-cli status, then try again")};
    return Ok{};
}

} // namespace

Result<AppliedMigration> resolveMigration(const dialect::Dialect &engine,
                                          const dialect::DatabaseUrl &url,
                                          const MigrationEntry &entry, Resolution how)
{
    const dialect::DatabaseOps &ops = engine.operations();
    Result<std::unique_ptr<dialect::ApplierLock>> lock = ops.lockApplier(url, kLockWaitMs);
    if (!lock)
        return lock.error();
    Result<WritableHistory> history = openHistoryForWriting(ops, url);
    if (!history)
        return history.error();
    const QSqlDatabase &db = history->db();
    Result<AppliedMigration> row = stoppedRow(history->rows, entry);
    if (!row)
        return row;
    const QString stopped =
        QStringLiteral(" WHERE version = ? AND status IN ('failed', 'running')");
    const Status changed =
        how == Resolution::Pending
            ? changeStoppedRow(db, u"DELETE FROM " + historyTableName() + stopped, {entry.version})
            : changeStoppedRow(db,
                               u"UPDATE " + historyTableName() +
                                   u" SET status = 'resolved', name = ?, checksum = ?, "
                                   u"finished_at = ?" +
                                   stopped,
                               {entry.name, entry.checksum,
                                QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                                entry.version});
    if (!changed)
        return changed.error();
    return row;
}

} // namespace burrow::migration
