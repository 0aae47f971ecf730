#include "apply.h"

#include "../backup/backup_folder.h"
#include "../backup/database_copy.h"
#include "../dialect/connection.h"
#include "../dialect/dialect.h"
#include "continue_stopped.h"
#include "effect_lint.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

namespace burrow::migration {
namespace {

/// The migration files as read, and how their statements were split.
struct MigrationFolder {
    QList<MigrationEntry> files;
    sql::LexerOptions lexer;
};

/// What an apply runs: the pending migrations, the first of them continued when it stopped
/// part-way (apply --continue).
struct Work {
    QList<MigrationEntry> pending;
    std::optional<AppliedMigration> continued;
};

Result<Work> workFor(const QSqlDatabase &db, const MigrationFolder &migrations,
                     const ApplyRequest &request)
{
    Result<QList<AppliedMigration>> history = readHistory(db);
    if (!history)
        return history.error();
    const QList<MigrationStatus> status = migrationStatus(migrations.files, *history);
    Work work;
    if (request.continueStopped) {
        Result<AppliedMigration> stopped =
            stoppedToContinue(status, request.migrationsDir, migrations.lexer);
        if (!stopped)
            return stopped.error();
        work.continued = *stopped;
    }
    Result<QList<MigrationEntry>> pending =
        pendingMigrations(status, request.to, request.continueStopped);
    if (!pending)
        return pending.error();
    work.pending = *pending;
    return work;
}

QStringList versionsOf(const QList<MigrationEntry> &migrations)
{
    QStringList versions;
    for (const MigrationEntry &m : migrations)
        versions.append(m.version);
    return versions;
}

/// Tells the observer which step of the apply runs now: those around the migrations can take
/// long on a large database, and say nothing otherwise.
void announce(const ApplyRequest &request, const QString &stage)
{
    if (!request.observer)
        return;
    ProgressEvent event{ProgressEvent::Kind::Stage, {}, {}};
    event.message = stage;
    (void)request.observer(event); // a cancel is seen by the step itself
}

/// Fills the new backup folder: the database before and the migration files, verified.
Status fillBackupBefore(backup::BackupFolder &folder, const ApplyRequest &request,
                        const dialect::DatabaseOps &ops, const QList<MigrationEntry> &pending)
{
    QElapsedTimer timer;
    timer.start();
    const QString name = backup::backupFileName(ops, QStringLiteral("before"));
    if (Status copied = backup::addDatabaseCopy(folder, ops, request.url, name); !copied)
        return copied;
    for (const MigrationEntry &m : pending) {
        if (Status added =
                backup::addFile(folder, m.path, u"migrations/" + QFileInfo(m.path).fileName());
            !added)
            return added;
    }
    folder.manifest.backupMs = timer.elapsed();
    return backup::sealBackupFolder(folder);
}

/// The verified backup before anything runs. A backup that fails leaves no folder behind that
/// could pass for one.
Result<backup::BackupFolder> backUpBefore(const ApplyRequest &request,
                                          const dialect::DatabaseOps &ops,
                                          const QList<MigrationEntry> &pending)
{
    announce(request, QStringLiteral("backing up the database"));
    Result<backup::BackupFolder> folder = backup::createBackupFolder(
        request.migrationsDir, versionsOf(pending), request.url.display());
    if (!folder)
        return folder.error();
    if (Status filled = fillBackupBefore(*folder, request, ops, pending); !filled) {
        QDir(folder->path).removeRecursively();
        Error error = filled.error();
        if (!error.hint.isEmpty())
            error.hint += QStringLiteral("; ");
        error.hint += QStringLiteral("nothing was applied");
        return error;
    }
    return folder;
}

Status backUpAfter(backup::BackupFolder &folder, const dialect::DatabaseOps &ops,
                   const dialect::DatabaseUrl &database, qint64 applyMs)
{
    const QString name = backup::backupFileName(ops, QStringLiteral("after"));
    if (Status copied = backup::addDatabaseCopy(folder, ops, database, name); !copied)
        return copied;
    folder.manifest.applyMs = applyMs;
    return backup::writeManifest(folder);
}

/// Differences left between the (possibly scratch) database and the models.
Status compareAfter(const ApplyRequest &request, const dialect::DatabaseUrl &database,
                    ApplyResult &result)
{
    if (request.models.models.isEmpty())
        return Ok{};
    diff::CompareRequest compare = request.models;
    compare.url = database;
    Result<diff::Comparison> comparison = diff::compareWithModel(compare);
    if (!comparison)
        return comparison.error();
    result.compared = true;
    result.remaining = comparison->changes;
    return Ok{};
}

/// The text of every up statement of `migrations`, in order.
QStringList upStatements(const QList<MigrationEntry> &migrations)
{
    QStringList texts;
    for (const MigrationEntry &migration : migrations) {
        for (const sql::Statement &statement : migration.file.up.statements)
            texts.append(statement.text);
    }
    return texts;
}

/// The error of a run the user stopped: where it stopped, and what stays applied.
Error cancelled(Error error, const QList<AppliedReport> &applied)
{
    error.code = Error::Code::Cancelled;
    error.engineCode.clear();
    error.message =
        applied.isEmpty()
            ? QStringLiteral("cancelled; nothing was applied, the database is as before")
            : u"cancelled; the running migration was rolled back, the " +
                  QString::number(applied.size()) + u" applied before it (up to " +
                  applied.last().version + u") stay applied";
    error.hint = QStringLiteral("run apply again to continue");
    return error;
}

/// A cancel on an engine that cannot roll back: the runner's error already says what ran.
Error cancelledPartWay(Error error)
{
    error.code = Error::Code::Cancelled;
    if (!error.message.startsWith(u"cancelled"))
        error.message = u"cancelled: " + error.message;
    return error;
}

/// `taken`: the backup already taken before a rehearsal; otherwise one is taken here.
Result<ApplyResult> runAll(const ApplyRequest &request, const MigrationFolder &migrations,
                           const dialect::DatabaseOps &ops, const dialect::DatabaseUrl &database,
                           std::optional<backup::BackupFolder> taken = std::nullopt)
{
    Result<std::unique_ptr<dialect::ScopedConnection>> connection = ops.openForWriting(database);
    if (!connection)
        return connection.error();
    const QSqlDatabase &db = (*connection)->database();
    Result<Work> work = workFor(db, migrations, request);
    if (!work)
        return work.error();
    const QList<MigrationEntry> &pending = work->pending;
    ApplyResult result;
    std::optional<backup::BackupFolder> folder = std::move(taken);
    if (!folder && !pending.isEmpty() && !request.dryRun && request.backup) {
        Result<backup::BackupFolder> before = backUpBefore(request, ops, pending);
        if (!before)
            return before.error();
        folder = *before;
    }
    if (folder)
        result.backupFolder = folder->path;
    if (request.cancellation.cancelled())
        return cancelled(Error{Error::Code::Cancelled, {}, database.display()}, {});
    QElapsedTimer timer;
    timer.start();
    const std::unique_ptr<dialect::StatementInterrupter> interrupt =
        ops.interruptOnCancel(**connection, database, request.cancellation);
    Runner runner(
        db,
        [&request](const ProgressEvent &e) {
            return !request.cancellation.cancelled() && (!request.observer || request.observer(e));
        },
        ops.transactionalDdl());
    runner.setOnScratchCopy(request.dryRun);
    if (request.dryRun)
        runner.setStatementRewriter(
            [&ops](const QString &statement) { return ops.onScratchCopy(statement); });
    runner.setErrorExplainer(
        [&ops, &database](Error error) { return ops.explainRunError(std::move(error), database); });
    if (work->continued)
        runner.setContinued(*work->continued);
    runner.setBackupFolder(result.backupFolder);
    const Status ran = runner.apply(pending);
    result.applied = runner.applied();
    if (!ran)
        return !request.cancellation.cancelled() ? ran.error()
               : runner.stoppedPartWay()         ? cancelledPartWay(ran.error())
                                                 : cancelled(ran.error(), result.applied);
    if (request.dryRun) {
        if (Status remembered = ops.rememberOnScratchCopy(database, upStatements(pending));
            !remembered)
            return remembered.error();
    }
    if (folder) {
        announce(request, QStringLiteral("backing up the database as it is after the apply"));
        if (Status kept = backUpAfter(*folder, ops, database, timer.elapsed()); !kept)
            return kept.error();
    }
    if (Status compared = compareAfter(request, database, result); !compared)
        return compared.error();
    return result;
}

/// The schema of a database as migrations see it: without Burrow's own history table.
Result<schema::Schema> userSchema(const dialect::Dialect &engine, const dialect::DatabaseUrl &url)
{
    Result<schema::Schema> schema = engine.introspect(url);
    if (schema)
        schema->tables.removeIf(
            [](const schema::Table &t) { return t.name == historyTableName(); });
    return schema;
}

/// Adds the schemas of the database at `url` it does not name yet to its other schemas.
Status addOtherSchemas(const dialect::Dialect &engine, dialect::DatabaseUrl &url)
{
    Result<QStringList> schemas = engine.otherSchemasIn(url);
    if (!schemas)
        return schemas.error();
    for (const QString &schema : *schemas) {
        if (!url.otherSchemas.contains(schema))
            url.otherSchemas.append(schema);
    }
    return Ok{};
}

/// Runs on a scratch copy, then lints the net schema change against the real rows (read-only).
Result<ApplyResult> dryRun(const ApplyRequest &request, const MigrationFolder &migrations,
                           const dialect::Dialect &engine)
{
    const dialect::DatabaseOps &ops = engine.operations();
    announce(request, QStringLiteral("making a scratch copy of the database"));
    Result<std::unique_ptr<dialect::ScratchDatabase>> scratch = ops.scratchCopy(request.url);
    if (!scratch)
        return scratch.error();
    // Every schema of the copy is read: the migrations may change any of them.
    dialect::DatabaseUrl copy = (*scratch)->url();
    if (Status listed = addOtherSchemas(engine, copy); !listed)
        return listed.error();
    Result<schema::Schema> before = userSchema(engine, copy);
    if (!before)
        return before.error();
    Result<ApplyResult> result = runAll(request, migrations, ops, (*scratch)->url());
    if (!result || result->applied.isEmpty())
        return result;
    if (Status listed = addOtherSchemas(engine, copy); !listed) // those the migrations created
        return listed.error();
    Result<schema::Schema> after = userSchema(engine, copy);
    if (!after)
        return after.error();
    Result<std::unique_ptr<dialect::ScopedConnection>> live = engine.openForReading(request.url);
    if (!live)
        return live.error();
    Result<QList<plan::LintWarning>> warnings =
        lintEffect(*before, *after, (*live)->database(), engine);
    if (!warnings)
        return warnings.error();
    result->warnings = std::move(*warnings);
    return result;
}

/// Where a failed migration cannot be rolled back (MariaDB), it first runs on a scratch copy of
/// the database on the same server: one that fails there never touches the database.
Status rehearse(const ApplyRequest &request, const MigrationFolder &migrations,
                const dialect::DatabaseOps &ops, const QString &backupFile)
{
    Result<std::unique_ptr<dialect::ScratchDatabase>> scratch =
        backupFile.isEmpty() ? ops.scratchCopy(request.url)
                             : ops.scratchCopyFromBackup(request.url, backupFile);
    if (!scratch) {
        Error error = scratch.error();
        if (error.code == Error::Code::Cancelled)
            return error;
        error.message = u"cannot make the scratch copy of the database to rehearse the "
                        u"migration on, so the database was not touched: " +
                        error.message;
        error.hint = error.hint.isEmpty()
                         ? QStringLiteral("the database does not copy as it is (a view or "
                                          "routine that does not load again from a dump, e.g. "
                                          "one whose definer lacks rights): fix that")
                         : error.hint;
        error.hint += QStringLiteral(", or apply with --no-rehearsal (a failing migration then "
                                     "stops part-way; the backup stays)");
        return error;
    }
    ApplyRequest rehearsal = request;
    rehearsal.dryRun = true;
    rehearsal.models = {};
    rehearsal.observer = {};
    Result<ApplyResult> ran = runAll(rehearsal, migrations, ops, (*scratch)->url());
    if (ran)
        return Ok{};
    Error error = ran.error();
    // The history and the files disagree (a migration edited, missing, stopped part-way): the
    // copy has the database's history, so the database says the same; nothing was rehearsed.
    if (error.code == Error::Code::Conflict)
        return error;
    if (error.code == Error::Code::Cancelled)
        return Error{Error::Code::Cancelled,
                     QStringLiteral("cancelled during the rehearsal on a scratch copy; the "
                                    "database was not touched"),
                     request.url.display(),
                     0,
                     {},
                     QStringLiteral("run apply again to continue")};
    error.message = u"rehearsed on a scratch copy of the database first, it failed there, so the "
                    u"database was not touched (what follows happened on the copy, now dropped): " +
                    error.message;
    error.hint =
        request.continueStopped
            ? QStringLiteral("fix what stopped it there, then apply --continue again")
            : QStringLiteral("fix the migration (or what stopped it there), then apply again");
    return error;
}

/// Where DDL is not transactional the backup comes before the rehearsal, whose copy is loaded
/// from it: so the backup is proven to load again, and the database is dumped once. None when
/// nothing is pending or the user opted out.
Result<std::optional<backup::BackupFolder>> backUpForRehearsal(const ApplyRequest &request,
                                                               const MigrationFolder &migrations,
                                                               const dialect::DatabaseOps &ops)
{
    if (!request.backup)
        return std::optional<backup::BackupFolder>();
    Result<std::unique_ptr<dialect::ScopedConnection>> connection = ops.openForWriting(request.url);
    if (!connection)
        return connection.error();
    Result<Work> work = workFor((*connection)->database(), migrations, request);
    if (!work)
        return work.error();
    if (work->pending.isEmpty())
        return std::optional<backup::BackupFolder>();
    Result<backup::BackupFolder> before = backUpBefore(request, ops, work->pending);
    if (!before)
        return before.error();
    return std::optional<backup::BackupFolder>(*before);
}

/// The rehearsal, after the backup it loads its copy from; a rehearsal that fails removes that
/// backup again (nothing ran).
Result<std::optional<backup::BackupFolder>> backUpAndRehearse(const ApplyRequest &request,
                                                              const MigrationFolder &migrations,
                                                              const dialect::DatabaseOps &ops)
{
    Result<std::optional<backup::BackupFolder>> taken =
        backUpForRehearsal(request, migrations, ops);
    if (!taken)
        return taken.error();
    const QString file =
        *taken
            ? QDir((*taken)->path).filePath(backup::backupFileName(ops, QStringLiteral("before")))
            : QString();
    announce(request, *taken ? QStringLiteral("rehearsing on a scratch copy loaded from the backup")
                             : QStringLiteral("rehearsing on a scratch copy of the database"));
    if (Status rehearsed = rehearse(request, migrations, ops, file); !rehearsed) {
        if (*taken)
            QDir((*taken)->path).removeRecursively();
        return rehearsed.error();
    }
    return taken;
}

} // namespace

Result<ApplyResult> applyMigrations(const ApplyRequest &request)
{
    Result<std::unique_ptr<dialect::Dialect>> engine = dialect::dialectFor(request.url);
    if (!engine)
        return engine.error();
    const dialect::DatabaseOps &ops = (*engine)->operations();
    MigrationFolder migrations{{}, (*engine)->lexerOptions()};
    Result<QList<MigrationEntry>> files =
        readMigrationDirectory(request.migrationsDir, migrations.lexer);
    if (!files)
        return files.error();
    migrations.files = std::move(*files);
    Result<std::unique_ptr<dialect::ApplierLock>> lock = ops.lockApplier(request.url, kLockWaitMs);
    if (!lock)
        return lock.error();
    if (request.dryRun)
        return dryRun(request, migrations, **engine);
    if (!ops.transactionalDdl() && request.rehearse) {
        Result<std::optional<backup::BackupFolder>> taken =
            backUpAndRehearse(request, migrations, ops);
        if (!taken)
            return taken.error();
        return runAll(request, migrations, ops, request.url, *taken);
    }
    return runAll(request, migrations, ops, request.url);
}

} // namespace burrow::migration
