#pragma once

#include "history.h"
#include "script_runner.h"

#include <functional>
#include <optional>

namespace burrow::migration {

/// What the runner tells its observer (the CLI's progress lines, the GUI's progress bar).
struct ProgressEvent {
    /// Stage: a step of the apply around the migrations (a backup, a rehearsal), in `message`.
    enum class Kind { MigrationStarted, StatementDone, MigrationFinished, MigrationFailed, Stage };
    Kind kind = Kind::MigrationStarted;
    QString version;
    QString name;
    int statement = 0;        // StatementDone: 1-based index
    int statements = 0;       // how many the migration runs
    StatementOutcome outcome; // StatementDone
    QString sql;              // StatementDone: the statement's text
    qint64 elapsedMs = 0;     // MigrationFinished
    QString message;          // MigrationFailed: the error; MigrationStarted: a warning;
                              // Stage: what it does now ("backing up the database")
    int ranBefore = 0;        // MigrationStarted: statements an earlier apply ran (continued)
    bool rolledBack = true;   // MigrationFailed: false where DDL commits on its own (MySQL)
};

/// Observers return false to cancel; the runner stops between statements and rolls back.
using ProgressObserver = std::function<bool(const ProgressEvent &)>;

/// One migration that ran.
struct AppliedReport {
    QString version;
    QString name;
    QList<StatementOutcome> statements;
    qint64 elapsedMs = 0;
};

/// Applies migrations in version order on an open read-write connection. Each is atomic: its
/// statements and its history row commit together or not at all. A section marked
/// `transaction:false` that opens its own transaction (Burrow's SQLite rebuilds do) gets the
/// history row inserted before its last COMMIT; one without any transaction is recorded after
/// its last statement, as the user opted out. On failure the open transaction is rolled back
/// and the Error names the file, line, statement and the engine's message.
///
/// On engines whose DDL commits on its own (`transactionalDdl` false: MariaDB/MySQL), and for a
/// `transaction:false` section that opens no transaction of its own (PostgreSQL's CREATE INDEX
/// CONCURRENTLY, which commits as it runs), nothing can be rolled back: the history row goes in
/// first as "running", counts every statement that ran, and ends "applied", or "failed" with the
/// count, and the Error says exactly what ran. A first statement that waited for a lock in vain
/// (code Locked) took no effect: the row is removed, so the migration stays pending and the next
/// apply runs it.
class Runner {
public:
    Runner(const QSqlDatabase &db, ProgressObserver observer = {}, bool transactionalDdl = true);

    /// Runs `migrations` (already known to be pending) in order; stops at the first failure,
    /// returning what did run before it in `applied`.
    Status apply(const QList<MigrationEntry> &migrations);
    /// How the engine explains a failed statement (a lock that timed out, a lost session),
    /// applied before the runner adds what stays applied.
    void setErrorExplainer(std::function<Error(Error)> explain) { m_explain = std::move(explain); }
    const QList<AppliedReport> &applied() const { return m_applied; }
    /// Whether the failed migration stopped part-way with its statements so far kept (engines
    /// without transactional DDL); its Error then says exactly what ran.
    bool stoppedPartWay() const { return m_stoppedPartWay; }
    /// The database is a scratch copy (a dry run, a rehearsal): a failure part-way says so
    /// instead of pointing at a backup.
    void setOnScratchCopy(bool scratch) { m_onScratchCopy = scratch; }
    /// What runs instead of each statement (a scratch copy's safe form); reports keep the
    /// statement as written.
    void setStatementRewriter(std::function<QString(const QString &)> rewrite)
    {
        m_rewrite = std::move(rewrite);
    }
    /// The history row of a migration that stopped part-way: when `apply` reaches it, it runs
    /// the statements after the `statementsApplied` that ran (apply --continue).
    void setContinued(AppliedMigration stopped) { m_continued = std::move(stopped); }
    /// The backup taken before this apply, which a migration that stops part-way points at.
    void setBackupFolder(const QString &path) { m_backupFolder = path; }

private:
    Result<AppliedReport> applyOne(const MigrationEntry &migration);
    Status runSection(const MigrationEntry &migration, AppliedReport &report, AppliedMigration row);
    Status runTracked(const MigrationEntry &migration, AppliedReport &report, AppliedMigration row,
                      bool continued);
    Status startTracked(AppliedMigration &row, bool continued);
    AppliedMigration historyRow(const MigrationEntry &migration, bool continued) const;
    Result<QList<StatementOutcome>> runRange(const MigrationEntry &migration, AppliedReport &report,
                                             qsizetype from, qsizetype count,
                                             const std::function<Status(int)> &afterEach = {});
    bool notify(const ProgressEvent &event) const;
    Error nothingRan(const MigrationEntry &migration, Error error) const;
    QString restoreClause() const;
    /// Records how a tracked migration ended, over a new connection when the session is gone.
    Status recordOutcome(const AppliedMigration &row);

    QSqlDatabase m_db;
    ProgressObserver m_observer;
    bool m_transactionalDdl = true;
    bool m_stoppedPartWay = false;
    bool m_onScratchCopy = false;
    QList<AppliedReport> m_applied;
    std::function<Error(Error)> m_explain;
    std::function<QString(const QString &)> m_rewrite;
    std::optional<AppliedMigration> m_continued;
    QString m_backupFolder;
};

/// The migrations to apply: pending ones up to `to` (inclusive, by number), after the one that
/// stopped part-way when `continueStopped` (to run the rest of it). Refuses (Conflict) while an
/// applied migration was modified or is missing its file, one stopped part-way (unless
/// continued), or when a pending migration is older than an applied one (out of order), naming
/// them: nothing runs on a history that disagrees with the files.
Result<QList<MigrationEntry>> pendingMigrations(const QList<MigrationStatus> &status,
                                                std::optional<qulonglong> to = std::nullopt,
                                                bool continueStopped = false);

} // namespace burrow::migration
