#pragma once

#include "backup/backup_list.h"
#include "backup/restore.h"
#include "cancellation.h"
#include "completion_names.h"
#include "diff/compare.h"
#include "migration/apply.h"
#include "migration/history.h"
#include "migration/resolve.h"
#include "plan/draft.h"
#include "workspace/workspace.h"

#include <QObject>

#include <optional>

namespace burrow::ui {

class ProgressRelay;

/// The open workspace and what Burrow knows about it, for every panel: the latest comparison,
/// the work running on it. Database work runs off the UI thread, one task at a time; results
/// and progress arrive as signals on the UI thread. Knows no SQL dialect: core does the work.
class WorkspaceSession : public QObject {
    Q_OBJECT
public:
    enum class Task {
        Idle,
        Comparing,
        Drafting,
        Previewing,
        Applying,
        ReadingStatus,
        Baselining,
        Resolving,
        Restoring,
        ListingBackups
    };
    Q_ENUM(Task)

    explicit WorkspaceSession(QObject *parent = nullptr);
    ~WorkspaceSession() override;

    /// Opens `workspace`, forgetting the previous one's password.
    void open(const workspace::Workspace &workspace);
    /// Whether the database is a server that its URL (or BURROW_DB_PASSWORD) gives no password
    /// for: the window then asks the keychain or the user before the first comparison.
    bool needsPassword() const;
    /// Whether the database is a server (PostgreSQL, MariaDB/MySQL) rather than a SQLite file.
    bool isServer() const;
    /// The server password for this session's work, held in memory only: never written to a
    /// file, a setting or the log.
    void setPassword(const QString &password) { m_password = password; }
    bool isOpen() const { return m_workspace.has_value(); }
    const workspace::Workspace &workspace() const { return *m_workspace; }
    /// The latest comparison, or null before the first one finished.
    const diff::Comparison *comparison() const;
    /// Where the migrations stood when their status was last read (empty before).
    const QList<migration::MigrationStatus> &migrationStatus() const { return m_status; }
    /// What its differences would do to the rows there are (lint of the full plan).
    const QList<plan::LintWarning> &warnings() const { return m_warnings; }
    /// Its table and column names, for completion.
    const CompletionNames &completionNames() const { return m_names; }
    Task task() const { return m_task; }
    bool isBusy() const { return m_task != Task::Idle; }

    /// Compares the database with the models (F5) and counts the rows each difference touches;
    /// then reads the migrations' status and lists the backups. Each call below refuses while
    /// busy.
    void compare();
    /// Plans the migration for the latest comparison (the user's unchecked rows in `skip`).
    void draft(const plan::DraftRequest &request);
    /// Dry run of the pending migrations plus `text` as migration file `fileName` (not saved
    /// yet) on a scratch copy: statements, lint warnings, differences that would remain.
    void preview(const QString &text, const QString &fileName);
    /// Backs up, applies the pending migrations of the migrations folder (up to version number
    /// `to`, inclusive, when given), then compares again.
    void apply(std::optional<qulonglong> to = std::nullopt);
    /// Backs up, runs the rest of the migration that stopped part-way (the statements after
    /// those that ran), then the pending ones; then compares again.
    void continueStopped();
    /// Reads where every migration of the migrations folder stands in the database.
    void status();
    /// Records the unrecorded migrations up to version number `to` as applied without running
    /// them, then reads the status again.
    void baseline(qulonglong to);
    /// Settles `entry`, which stopped part-way on an earlier apply (see
    /// migration::resolveMigration), then reads the status again.
    void resolve(const migration::MigrationEntry &entry, migration::Resolution how);
    /// Replaces the database with the backup in `backupFolder`, after saving the current one
    /// beside it; then compares again.
    void restore(const QString &backupFolder);
    /// Lists the backups under the migrations folder, newest first, each verified.
    void listBackups();
    /// Stops the running task: a migration rolls back; the database stays as it was. A
    /// comparison is abandoned at once (the previous one stays).
    void cancel();

Q_SIGNALS:
    void taskChanged(burrow::ui::WorkspaceSession::Task task);
    void compared();
    void drafted(const burrow::plan::MigrationDraft &draft);
    void previewed(const burrow::migration::ApplyResult &result);
    void applied(const burrow::migration::ApplyResult &result);
    void progress(const burrow::migration::ProgressEvent &event);
    void statusRead(const QList<burrow::migration::MigrationStatus> &status);
    void baselined(const QList<burrow::migration::MigrationEntry> &recorded);
    void resolved(const QString &version, burrow::migration::Resolution how);
    void restored(const burrow::backup::Restored &restored);
    void backupsListed(const QList<burrow::backup::BackupListing> &backups);
    void failed(burrow::ui::WorkspaceSession::Task task, const burrow::Error &error);
    /// One line for the log: a statement Burrow ran with its time, or what a task did.
    void logged(const QString &line);

private:
    bool start(Task task);
    void finish();
    diff::CompareRequest compareRequest() const;
    Result<dialect::DatabaseUrl> parsedUrl() const;
    migration::ApplyRequest applyRequest(const QString &migrationsDir, bool dryRun);
    void runApply(std::optional<qulonglong> to, bool continueStopped);
    void report(const migration::ProgressEvent &event);
    Result<dialect::DatabaseUrl> databaseUrl(Task task);
    void readStatus(bool thenListBackups);

    std::optional<workspace::Workspace> m_workspace;
    QString m_password;
    std::optional<diff::Comparison> m_comparison;
    QList<migration::MigrationStatus> m_status;
    QList<plan::LintWarning> m_warnings;
    CompletionNames m_names;
    Task m_task = Task::Idle;
    Cancellation m_cancellation;
    ProgressRelay *m_progress; // worker threads' events to the UI thread, in slices
};

} // namespace burrow::ui
