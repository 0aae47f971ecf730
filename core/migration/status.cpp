#include "status.h"

#include <QFileInfo>

#include <algorithm>

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

QString waysOutOfStopped(const QString &version, const QString &restore)
{
    return u"fix what stopped it, then burrow-cli apply --continue runs the rest of " + version +
           u"; or " + (restore.isEmpty() ? QString() : restore + u"; or ") +
           u"finish it by hand, then burrow-cli resolve " + version +
           u" --applied (or undo what ran, then resolve " + version + u" --pending)";
}

const MigrationStatus *firstUnapplied(const QList<MigrationStatus> &status)
{
    const auto it = std::find_if(status.cbegin(), status.cend(), [](const MigrationStatus &s) {
        return s.state == MigrationState::Pending || s.state == MigrationState::Failed;
    });
    return it == status.cend() ? nullptr : &*it;
}

Status checkNothingPending(const QList<MigrationStatus> &status)
{
    const MigrationStatus *s = firstUnapplied(status);
    if (!s)
        return Ok{};
    const QString file = QFileInfo(s->entry->path).fileName(); // both states have their file
    if (s->state == MigrationState::Failed)
        return Error{Error::Code::Conflict,
                     u"migration " + file +
                         u" stopped part-way: the database has only some of its changes, a new "
                         u"plan would be wrong",
                     s->entry->path,
                     0,
                     {},
                     u"settle it first: " +
                         waysOutOfStopped(s->version, QStringLiteral("restore the backup"))};
    return Error{Error::Code::Conflict,
                 u"migration " + file +
                     u" is not applied yet: the plan compares the database as it is and would "
                     u"repeat its changes",
                 s->entry->path,
                 0,
                 {},
                 QStringLiteral("apply it first (burrow-cli apply), record it with burrow-cli "
                                "baseline if the database has its changes already, or delete it "
                                "to plan it again")};
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
