#include "status.h"

#include <QFileInfo>

namespace burrow::migration {

Result<QList<AppliedMigration>> readHistoryOf(const dialect::Dialect &engine,
                                              const dialect::DatabaseUrl &url)
{
    Result<std::unique_ptr<dialect::ScopedConnection>> connection = engine.openForReading(url);
    if (!connection)
        return connection.error();
    return readHistory((*connection)->database());
}

Result<WritableHistory> openHistoryForWriting(const dialect::DatabaseOps &ops,
                                              const dialect::DatabaseUrl &url)
{
    Result<std::unique_ptr<dialect::ScopedConnection>> connection = ops.openForWriting(url);
    if (!connection)
        return connection.error();
    Result<QList<AppliedMigration>> rows = readHistory((*connection)->database());
    if (!rows)
        return rows.error();
    return WritableHistory{std::move(*connection), std::move(*rows)};
}

Result<QList<MigrationStatus>> readMigrationStatus(const dialect::DatabaseUrl &url,
                                                   const QString &directory)
{
    Result<std::unique_ptr<dialect::Dialect>> engine = dialect::dialectFor(url);
    if (!engine)
        return engine.error();
    Result<QList<MigrationEntry>> files =
        readMigrationDirectory(directory, (*engine)->lexerOptions());
    if (!files)
        return files.error();
    Result<QList<AppliedMigration>> history = readHistoryOf(**engine, url);
    if (!history)
        return history.error();
    return migrationStatus(*files, *history);
}

Status checkNothingPending(const QList<MigrationStatus> &status)
{
    for (const MigrationStatus &s : status) {
        if (s.state != MigrationState::Pending && s.state != MigrationState::Failed)
            continue;
        const QString file = QFileInfo(s.entry->path).fileName();
        if (s.state == MigrationState::Failed)
            return Error{Error::Code::Conflict,
                         u"migration " + file +
                             u" stopped part-way: the database has only "
                             u"some of its changes, a new plan would be wrong",
                         s.entry->path,
                         0,
                         {},
                         u"settle it first (restore the backup, or burrow-cli resolve " +
                             s.version + u" --applied|--pending, then apply)"};
        return Error{Error::Code::Conflict,
                     u"migration " + file +
                         u" is not applied yet: the plan compares the "
                         u"database as it is and would repeat its changes",
                     s.entry->path,
                     0,
                     {},
                     QStringLiteral("apply it first (burrow-cli apply), record it with burrow-cli "
                                    "baseline if the database has its changes already, or delete "
                                    "it to plan it again")};
    }
    return Ok{};
}

QList<MigrationEntry> unrecordedUpTo(const QList<MigrationStatus> &status, qulonglong target)
{
    QList<MigrationEntry> entries;
    for (const MigrationStatus &s : status) {
        if (s.state == MigrationState::Pending && s.entry->number <= target)
            entries.append(*s.entry);
    }
    return entries;
}

Result<QList<MigrationEntry>> baselineUpTo(const dialect::DatabaseUrl &url,
                                           const QString &directory, qulonglong target)
{
    Result<std::unique_ptr<dialect::Dialect>> engine = dialect::dialectFor(url);
    if (!engine)
        return engine.error();
    Result<QList<MigrationEntry>> files =
        readMigrationDirectory(directory, (*engine)->lexerOptions());
    if (!files)
        return files.error();
    Result<WritableHistory> history = openHistoryForWriting((*engine)->operations(), url);
    if (!history)
        return history.error();
    const QList<MigrationEntry> entries =
        unrecordedUpTo(migrationStatus(*files, history->rows), target);
    if (!entries.isEmpty())
        if (Status recorded = recordBaseline(history->db(), entries); !recorded)
            return recorded.error();
    return entries;
}

} // namespace burrow::migration
