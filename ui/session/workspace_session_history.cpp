// The session's history tasks: the migrations' status, baseline, the backups and restore.
#include "background.h"
#include "migration/status.h"
#include "workspace_session.h"

#include <QDir>
#include <QFileInfo>

namespace burrow::ui {

Result<dialect::DatabaseUrl> WorkspaceSession::databaseUrl(Task task)
{
    Result<dialect::DatabaseUrl> url = parsedUrl();
    if (!url)
        Q_EMIT failed(task, url.error());
    return url;
}

void WorkspaceSession::status()
{
    readStatus(false);
}

void WorkspaceSession::readStatus(bool thenListBackups)
{
    Result<dialect::DatabaseUrl> url = databaseUrl(Task::ReadingStatus);
    if (!url || !start(Task::ReadingStatus))
        return;
    // Everything crosses threads by value: the entries and history rows are copies.
    runInBackground(
        this,
        [url = *url, dir = m_workspace->migrations]() -> Result<QList<migration::MigrationStatus>> {
            if (!QFileInfo::exists(dir))
                return QList<migration::MigrationStatus>{}; // a new workspace: none written yet
            return migration::readMigrationStatus(url, dir);
        },
        [this, thenListBackups](Result<QList<migration::MigrationStatus>> result) {
            finish();
            if (!result)
                Q_EMIT failed(Task::ReadingStatus, result.error());
            else
                Q_EMIT statusRead(m_status = *result);
            if (thenListBackups)
                listBackups();
        });
}

void WorkspaceSession::baseline(qulonglong to)
{
    Result<dialect::DatabaseUrl> url = databaseUrl(Task::Baselining);
    if (!url || !start(Task::Baselining))
        return;
    runInBackground(
        this,
        [url = *url, dir = m_workspace->migrations, to] {
            return migration::baselineUpTo(url, dir, to);
        },
        [this](Result<QList<migration::MigrationEntry>> result) {
            finish();
            if (!result) {
                Q_EMIT failed(Task::Baselining, result.error());
            } else {
                QStringList versions;
                for (const migration::MigrationEntry &e : *result)
                    versions.append(e.version);
                Q_EMIT logged(versions.isEmpty()
                                  ? tr("Baseline: nothing left to record")
                                  : tr("Recorded as applied without running (baseline): %1")
                                        .arg(versions.join(u", ")));
                Q_EMIT baselined(*result);
            }
            status();
        });
}

void WorkspaceSession::resolve(const migration::MigrationEntry &entry, migration::Resolution how)
{
    Result<dialect::DatabaseUrl> url = databaseUrl(Task::Resolving);
    if (!url || !start(Task::Resolving))
        return;
    runInBackground(
        this,
        [url = *url, entry, how]() -> Result<migration::AppliedMigration> {
            Result<std::unique_ptr<dialect::Dialect>> engine = dialect::dialectFor(url);
            if (!engine)
                return engine.error();
            return migration::resolveMigration(**engine, url, entry, how);
        },
        [this, version = entry.version, how](Result<migration::AppliedMigration> result) {
            finish();
            if (!result) {
                Q_EMIT failed(Task::Resolving, result.error());
            } else {
                Q_EMIT logged(
                    how == migration::Resolution::Applied
                        ? tr("Recorded %1 as finished by hand").arg(version)
                        : tr("Removed the history row of %1: it is pending again").arg(version));
                Q_EMIT resolved(version, how);
            }
            status();
        });
}

void WorkspaceSession::restore(const QString &backupFolder)
{
    Result<dialect::DatabaseUrl> url = databaseUrl(Task::Restoring);
    if (!url || !start(Task::Restoring))
        return;
    runInBackground(
        this, [url = *url, backupFolder] { return backup::restoreBackup(backupFolder, url); },
        [this](Result<backup::Restored> result) {
            finish();
            if (!result) {
                Q_EMIT failed(Task::Restoring, result.error());
            } else {
                Q_EMIT logged(tr("Restored %1 from %2; the replaced database is saved in %3")
                                  .arg(QDir::toNativeSeparators(m_workspace->database),
                                       QDir::toNativeSeparators(result->backupFile),
                                       QDir::toNativeSeparators(result->safetyFolder)));
                Q_EMIT restored(*result);
            }
            compare(); // what the database looks like now, success or not
        });
}

void WorkspaceSession::listBackups()
{
    if (!start(Task::ListingBackups))
        return;
    runInBackground(
        this, [dir = m_workspace->migrations] { return backup::listBackups(dir); },
        [this](QList<backup::BackupListing> backups) {
            finish();
            Q_EMIT backupsListed(backups);
        });
}

} // namespace burrow::ui
