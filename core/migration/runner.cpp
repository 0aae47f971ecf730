#include "runner.h"

#include "../dialect/connection.h"
#include "status.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSqlError>

#include <algorithm>

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

/// A section that opts out of the transaction without opening one of its own: each statement
/// commits as it runs (CREATE INDEX CONCURRENTLY must), so progress is tracked like on engines
/// whose DDL commits on its own.
bool runsStatementByStatement(const Section &section)
{
    return !section.transaction &&
           std::none_of(section.statements.begin(), section.statements.end(), isCommit);
}

Error sqlError(const QString &what, const QSqlDatabase &db)
{
    return Error{Error::Code::Sql, what + u": " + db.lastError().text()};
}

/// A row still "running": the apply ended without recording how (Burrow or the server was
/// killed), so the statement after the count may have run before the end.
QString interruptedWarning(const AppliedMigration &row)
{
    return u"the apply that stopped " + row.version +
           u" ended without recording how (killed?): statement " +
           QString::number(row.statementsApplied + 1) +
           u" may have run already; if it did, it runs again now";
}

} // namespace

Runner::Runner(const QSqlDatabase &db, ProgressObserver observer, bool transactionalDdl)
    : m_db(db)
    , m_observer(std::move(observer))
    , m_transactionalDdl(transactionalDdl)
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

AppliedMigration Runner::historyRow(const MigrationEntry &migration, bool continued) const
{
    if (!continued)
        return AppliedMigration{migration.version,
                                migration.name,
                                migration.checksum,
                                QDateTime::currentDateTimeUtc(),
                                {},
                                0,
                                currentApplier(),
                                QStringLiteral("applied")};
    // The row keeps when it first started; it runs under the file's name and checksum now.
    AppliedMigration row = *m_continued;
    row.name = migration.name;
    row.checksum = migration.checksum;
    row.statementsApplied = row.statementsRan();
    return row;
}

Result<AppliedReport> Runner::applyOne(const MigrationEntry &migration)
{
    const Section &up = migration.file.up;
    const bool continued = m_continued && m_continued->version == migration.version;
    const AppliedMigration row = historyRow(migration, continued);
    ProgressEvent started{ProgressEvent::Kind::MigrationStarted, migration.version, migration.name};
    started.statements = int(up.statements.size());
    started.ranBefore = continued ? row.statementsApplied : 0;
    if (continued && row.status == u"running")
        started.message = interruptedWarning(row);
    if (!notify(started))
        return Error{Error::Code::Cancelled, u"cancelled before " + migration.version,
                     migration.path};
    QElapsedTimer timer;
    timer.start();
    AppliedReport report{migration.version, migration.name, {}, 0};
    // What ran of a continued migration stays: the rest runs statement by statement too.
    const bool transaction = !continued && up.transaction && m_transactionalDdl;
    const bool tracked = continued || !m_transactionalDdl || runsStatementByStatement(up);
    if (transaction && !m_db.transaction())
        return sqlError(QStringLiteral("cannot start a transaction"), m_db);
    Status ran = tracked ? runTracked(migration, report, row, continued)
                         : runSection(migration, report, row);
    if (ran && transaction && !m_db.commit())
        ran = sqlError(QStringLiteral("cannot commit"), m_db);
    if (!ran) {
        // Undo whatever transaction is open: the runner's, or the section's own BEGIN.
        if (transaction && m_db.isOpen()) // a session the server ended rolled back already
            m_db.rollback();
        else if (!tracked)
            (void)dialect::runQuery(m_db, QStringLiteral("ROLLBACK"));
        ProgressEvent failed{ProgressEvent::Kind::MigrationFailed, migration.version,
                             migration.name};
        failed.message = ran.error().toString();
        failed.rolledBack = !tracked;
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

Result<QList<StatementOutcome>> Runner::runRange(const MigrationEntry &migration,
                                                 AppliedReport &report, qsizetype from,
                                                 qsizetype count,
                                                 const std::function<Status(int)> &afterEach)
{
    const QList<sql::Statement> &statements = migration.file.up.statements;
    Status bookkeeping = Ok{};
    auto observer = [&](const StatementOutcome &outcome) {
        ProgressEvent done{ProgressEvent::Kind::StatementDone, migration.version, migration.name};
        done.statement = int(from + outcome.index + 1);
        done.statements = int(statements.size());
        done.outcome = outcome;
        done.outcome.index = int(from + outcome.index);
        done.sql = statements[done.outcome.index].text;
        report.statements.append(done.outcome);
        if (afterEach)
            bookkeeping = afterEach(done.statement);
        return bookkeeping && notify(done);
    };
    QList<sql::Statement> toRun = statements.mid(from, count);
    if (m_rewrite) {
        for (sql::Statement &statement : toRun)
            statement.text = m_rewrite(statement.text);
    }
    Result<QList<StatementOutcome>> ran = runStatements(m_db, toRun, observer);
    if (!bookkeeping)
        return bookkeeping.error();
    if (!ran && m_explain && ran.error().code != Error::Code::Cancelled)
        return m_explain(ran.error());
    return ran;
}

Status Runner::runSection(const MigrationEntry &migration, AppliedReport &report,
                          AppliedMigration row)
{
    const QList<sql::Statement> &statements = migration.file.up.statements;
    const qsizetype recordAt = historyPosition(migration.file.up);
    if (auto first = runRange(migration, report, 0, recordAt); !first)
        return first.error();
    row.finishedAt = QDateTime::currentDateTimeUtc();
    row.durationMs = row.startedAt.msecsTo(row.finishedAt);
    // Inside the migration's transaction: a failed first migration leaves no trace at all.
    if (Status created = ensureHistoryTable(m_db); !created)
        return created;
    if (Status recorded = recordMigration(m_db, row); !recorded)
        return recorded;
    auto rest = runRange(migration, report, recordAt, statements.size() - recordAt);
    return rest ? Status(Ok{}) : Status(rest.error());
}

Status Runner::startTracked(AppliedMigration &row, bool continued)
{
    row.status = QStringLiteral("running");
    if (continued)
        return continueMigration(m_db, row);
    row.statementsApplied = 0;
    if (Status created = ensureHistoryTable(m_db); !created)
        return created;
    if (Status recorded = recordMigration(m_db, row); !recorded)
        return recorded;
    return recordProgress(m_db, row.version, 0);
}

Status Runner::runTracked(const MigrationEntry &migration, AppliedReport &report,
                          AppliedMigration row, bool continued)
{
    const int total = int(migration.file.up.statements.size());
    const QDateTime runStarted = QDateTime::currentDateTimeUtc();
    const qint64 earlierMs = continued ? row.durationMs : 0;
    if (Status started = startTracked(row, continued); !started)
        return started;
    const int from = row.statementsApplied;
    auto ran = runRange(migration, report, from, total - from, [&](int done) {
        row.statementsApplied = done;
        return recordProgress(m_db, row.version, done);
    });
    row.finishedAt = QDateTime::currentDateTimeUtc();
    row.durationMs = earlierMs + runStarted.msecsTo(row.finishedAt);
    const int done = from + int(report.statements.size());
    // A cancel seen after the last statement stopped nothing: the migration is complete.
    const bool complete = ran || (ran.error().code == Error::Code::Cancelled && done == total);
    if (!complete && done == 0 && ran.error().code == Error::Code::Locked) {
        if (Status forgotten = forgetMigration(m_db, row.version); forgotten)
            return nothingRan(migration, ran.error());
    }
    row.status = complete ? QStringLiteral("applied") : QStringLiteral("failed");
    row.statementsApplied = done;
    const Status finished = recordOutcome(row);
    if (!complete) {
        Error error = ran.error();
        m_stoppedPartWay = true;
        // Whatever stopped it, a migration that stopped part-way is a failed migration (exit 1),
        // not a lock that merely kept it from starting.
        if (error.code == Error::Code::Locked)
            error.code = Error::Code::Sql;
        const QString ranBefore =
            QString::number(done) + u" of " + QString::number(total) + u" statements ran before it";
        const QString recorded =
            finished
                ? QString(u"the history marks " + migration.version + u" as failed")
                : QString(u"its history row could not be updated (" + finished.error().message +
                          u") and still reads running with the count before the failure");
        // On a scratch copy (a dry run, a rehearsal) nothing stays: the copy is dropped.
        const QString why = m_transactionalDdl
                                ? QStringLiteral("the migration runs outside a transaction "
                                                 "(transaction:false)")
                                : QStringLiteral("the engine cannot roll back DDL");
        const QString kept =
            m_onScratchCopy ? QString(ranBefore + u" on the scratch copy")
                            : QString(ranBefore + u" and stay applied: " + why + u"; " + recorded);
        if (error.code == Error::Code::Cancelled)
            error.message = u"cancelled during " + migration.version + u" (" + kept + u')';
        else
            error.message += u" (" + kept + u')';
        const QString explained = error.hint;
        error.hint = m_onScratchCopy
                         ? QStringLiteral("fix the migration; the database itself was not touched")
                         : waysOutOfStopped(migration.version, restoreClause());
        if (!explained.isEmpty())
            error.hint += u"; " + explained;
        return error;
    }
    return finished;
}

QString Runner::restoreClause() const
{
    if (m_backupFolder.isEmpty()) // --no-backup: there is none to restore
        return {};
    return u"restore the backup taken before this apply (burrow-cli restore --from " +
           QDir::toNativeSeparators(m_backupFolder) + u')';
}

// The first statement waited for a lock in vain, so it took no effect: the history row is gone
// and the migration is pending again, as if the apply had not started it.
Error Runner::nothingRan(const MigrationEntry &migration, Error error) const
{
    const QString where =
        m_onScratchCopy ? QStringLiteral("the scratch copy") : QStringLiteral("the database");
    error.message += u" (nothing was changed: none of the " +
                     QString::number(migration.file.up.statements.size()) + u" statements of " +
                     migration.version + u" ran; " + where + u" is as before it and " +
                     migration.version + u" stays pending)";
    return error;
}

Status Runner::recordOutcome(const AppliedMigration &row)
{
    Status recorded = finishMigration(m_db, row);
    if (recorded || m_transactionalDdl)
        return recorded;
    // The session may be what failed (killed, or the server restarted): what ran is known
    // here and committed there, so a new connection records it.
    m_db.close();
    if (!m_db.open())
        return recorded;
    return finishMigration(m_db, row);
}

Result<QList<MigrationEntry>> pendingMigrations(const QList<MigrationStatus> &status,
                                                std::optional<qulonglong> to, bool continueStopped)
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
        if (s.state == MigrationState::Failed && continueStopped && pending.isEmpty()) {
            pending.append(*s.entry); // the one to continue, before every pending one
            newestApplied = std::max(newestApplied, s.entry->number);
            continue;
        }
        if (s.state == MigrationState::Failed)
            return Error{
                Error::Code::Conflict,
                u"migration " + s.version + u" stopped part-way on an earlier apply (" +
                    QString::number(s.applied->statementsRan()) + u" of its statements ran)",
                s.entry ? s.entry->path : QString(),
                0,
                {},
                waysOutOfStopped(s.version,
                                 QStringLiteral("restore the backup taken before that apply"))};
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
    if (!pending.isEmpty() && to && pending.first().number > *to)
        return Error{Error::Code::Conflict,
                     u"--to " + QString::number(*to) + u" is before " + pending.first().version +
                         u", the migration to continue",
                     pending.first().path};
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
