#include "runner.h"

#include "../dialect/connection.h"

#include <QElapsedTimer>
#include <QSqlError>

namespace burrow::migration {
namespace {

bool isCommit(const sql::Statement &statement)
{
    const QString text = statement.text.simplified().toUpper();
    return text == u"COMMIT" || text == u"END" || text == u"COMMIT TRANSACTION" ||
           text == u"END TRANSACTION";
}

/// Where the history row goes: before the section's own last COMMIT when it has one (so the
/// row commits with the work), else after the last statement.
qsizetype historyPosition(const Section &section)
{
    if (section.transaction)
        return section.statements.size();
    for (qsizetype i = section.statements.size() - 1; i >= 0; --i) {
        if (isCommit(section.statements[i]))
            return i;
    }
    return section.statements.size();
}

Error sqlError(const QString &what, const QSqlDatabase &db)
{
    return Error{Error::Code::Sql, what + u": " + db.lastError().text()};
}

} // namespace

Runner::Runner(const QSqlDatabase &db, ProgressObserver observer)
    : m_db(db)
    , m_observer(std::move(observer))
{
}

bool Runner::notify(const ProgressEvent &event) const
{
    return !m_observer || m_observer(event);
}

Status Runner::apply(const QList<MigrationEntry> &migrations)
{
    for (const MigrationEntry &migration : migrations) {
        Result<AppliedReport> report = applyOne(migration);
        if (!report)
            return report.error();
        m_applied.append(*report);
    }
    return Ok{};
}

Result<AppliedReport> Runner::applyOne(const MigrationEntry &migration)
{
    const Section &up = migration.file.up;
    ProgressEvent started{ProgressEvent::Kind::MigrationStarted, migration.version, migration.name};
    started.statements = int(up.statements.size());
    if (!notify(started))
        return Error{Error::Code::Cancelled, u"cancelled before " + migration.version,
                     migration.path};
    QElapsedTimer timer;
    timer.start();
    AppliedReport report{migration.version, migration.name, {}, 0};
    const AppliedMigration row{migration.version,
                               migration.name,
                               migration.checksum,
                               QDateTime::currentDateTimeUtc(),
                               {},
                               0,
                               currentApplier(),
                               QStringLiteral("applied")};
    if (up.transaction && !m_db.transaction())
        return sqlError(QStringLiteral("cannot start a transaction"), m_db);
    Status ran = runSection(migration, report, row);
    if (ran && up.transaction && !m_db.commit())
        ran = sqlError(QStringLiteral("cannot commit"), m_db);
    if (!ran) {
        // Undo whatever transaction is open: the runner's, or the section's own BEGIN.
        if (up.transaction)
            m_db.rollback();
        else
            (void)dialect::runQuery(m_db, QStringLiteral("ROLLBACK"));
        ProgressEvent failed{ProgressEvent::Kind::MigrationFailed, migration.version,
                             migration.name};
        failed.message = ran.error().toString();
        notify(failed);
        return ran.error();
    }
    report.elapsedMs = timer.elapsed();
    ProgressEvent finished{ProgressEvent::Kind::MigrationFinished, migration.version,
                           migration.name};
    finished.statements = int(up.statements.size());
    finished.elapsedMs = report.elapsedMs;
    notify(finished);
    return report;
}

Status Runner::runSection(const MigrationEntry &migration, AppliedReport &report,
                          AppliedMigration row)
{
    const QList<sql::Statement> &statements = migration.file.up.statements;
    const qsizetype recordAt = historyPosition(migration.file.up);
    auto run = [&](qsizetype from, qsizetype count) -> Status {
        auto observer = [&, from](const StatementOutcome &outcome) {
            ProgressEvent done{ProgressEvent::Kind::StatementDone, migration.version,
                               migration.name};
            done.statement = int(from + outcome.index + 1);
            done.statements = int(statements.size());
            done.outcome = outcome;
            done.outcome.index = int(from + outcome.index);
            done.sql = statements[done.outcome.index].text;
            report.statements.append(done.outcome);
            return notify(done);
        };
        Result<QList<StatementOutcome>> ran =
            runStatements(m_db, statements.mid(from, count), observer);
        return ran ? Status(Ok{}) : Status(ran.error());
    };
    if (Status first = run(0, recordAt); !first)
        return first;
    row.finishedAt = QDateTime::currentDateTimeUtc();
    row.durationMs = row.startedAt.msecsTo(row.finishedAt);
    // Inside the migration's transaction: a failed first migration leaves no trace at all.
    if (Status created = ensureHistoryTable(m_db); !created)
        return created;
    if (Status recorded = recordMigration(m_db, row); !recorded)
        return recorded;
    return run(recordAt, statements.size() - recordAt);
}

Result<QList<MigrationEntry>> pendingMigrations(const QList<MigrationStatus> &status,
                                                std::optional<qulonglong> to)
{
    QList<MigrationEntry> pending;
    qulonglong newestApplied = 0;
    for (const MigrationStatus &s : status) {
        if (s.state == MigrationState::Modified)
            return Error{Error::Code::Conflict,
                         u"migration " + s.version + u" was edited after it was applied",
                         s.entry->path,
                         0,
                         {},
                         QStringLiteral("restore the applied text (see burrow-cli status) and put "
                                        "the change into a new migration")};
        if (s.state == MigrationState::Missing)
            return Error{Error::Code::Conflict,
                         u"migration " + s.version + u" (" + s.name +
                             u") was applied but its file is missing",
                         {},
                         0,
                         {},
                         QStringLiteral("restore the file from version control")};
        if (s.state == MigrationState::Applied)
            newestApplied = std::max(newestApplied, s.version.toULongLong());
    }
    for (const MigrationStatus &s : status) {
        if (s.state != MigrationState::Pending || (to && s.entry->number > *to))
            continue;
        if (s.entry->number < newestApplied)
            return Error{Error::Code::Conflict,
                         u"migration " + s.version + u" is older than migrations already applied",
                         s.entry->path,
                         0,
                         {},
                         QStringLiteral("give it a version after the newest applied one")};
        pending.append(*s.entry);
    }
    return pending;
}

} // namespace burrow::migration
