#include "apply_command.h"

#include "cancel_on_signals.h"
#include "cli_common.h"
#include "compare_options.h"
#include "diff/report.h"
#include "migration/apply.h"

#include <QDir>

namespace burrow::cli {
namespace {

struct ApplyOptions {
    CompareOptions compare;
    QCommandLineOption migrations{QStringLiteral("migrations"),
                                  QStringLiteral("Folder of migration files."),
                                  QStringLiteral("DIR")};
    QCommandLineOption to{QStringLiteral("to"),
                          QStringLiteral("Apply up to this version (inclusive)."),
                          QStringLiteral("VERSION")};
    QCommandLineOption dryRun{QStringLiteral("dry-run"),
                              QStringLiteral("Run on a scratch copy; the database is untouched.")};
    QCommandLineOption noBackup{QStringLiteral("no-backup"),
                                QStringLiteral("Apply without taking a backup first (unsafe).")};
    QCommandLineOption noRehearsal{
        QStringLiteral("no-rehearsal"),
        QStringLiteral("MySQL/MariaDB: skip the rehearsal on a scratch copy of the database "
                       "(a failing migration then stops part-way on the database itself).")};
    QCommandLineOption continueStopped{
        QStringLiteral("continue"),
        QStringLiteral("First run the rest of the migration that stopped part-way (the "
                       "statements after those that ran), once what stopped it is fixed.")};
    QCommandLineOption lockTimeout{
        QStringLiteral("lock-timeout"),
        u"Servers: give up when a table stays locked by another session this long (default " +
            QString::number(dialect::kDefaultLockTimeoutSeconds) +
            u"; the URL's ?lock_timeout= too).",
        QStringLiteral("SECONDS")};
};

/// --lock-timeout into the URL, where every connection and backup tool of the apply reads it.
bool applyLockTimeout(const QCommandLineParser &parser, const ApplyOptions &o,
                      dialect::DatabaseUrl &url)
{
    if (!parser.isSet(o.lockTimeout))
        return true;
    bool ok = false;
    const int seconds = parser.value(o.lockTimeout).toInt(&ok);
    if (!ok || seconds <= 0)
        return false;
    url.parameters.insert(QStringLiteral("lock_timeout"), QString::number(seconds));
    return true;
}

/// Progress on stderr; a dry run also lists every statement with its rows and time.
bool report(const migration::ProgressEvent &e, bool dryRun)
{
    using Kind = migration::ProgressEvent::Kind;
    switch (e.kind) {
    case Kind::MigrationStarted:
        if (e.ranBefore > 0)
            err() << "continuing " << e.version << '_' << e.name << " at statement "
                  << e.ranBefore + 1 << " of " << e.statements << " (" << e.ranBefore
                  << " ran before it stopped)" << Qt::endl;
        else
            err() << "applying " << e.version << '_' << e.name << " ("
                  << diff::counted(e.statements, QStringLiteral("statement")) << ')' << Qt::endl;
        if (!e.message.isEmpty())
            err() << "burrow-cli: warning: " << e.message << Qt::endl;
        break;
    case Kind::StatementDone:
        if (dryRun)
            err() << "  [" << e.statement << '/' << e.statements << "] "
                  << QString::number(e.outcome.elapsedUs / 1000.0, 'f', 1) << " ms"
                  << (e.outcome.rowsAffected >= 0
                          ? u", " + diff::counted(e.outcome.rowsAffected, QStringLiteral("row"))
                          : QString())
                  << "  " << e.sql.simplified().left(100) << Qt::endl;
        break;
    case Kind::MigrationFinished:
        err() << "  done in " << QString::number(e.elapsedMs / 1000.0, 'f', 2) << " s" << Qt::endl;
        break;
    case Kind::MigrationFailed:
        err() << (e.rolledBack ? "  failed; rolled back" : "  failed; what ran stays applied")
              << Qt::endl;
        break;
    case Kind::Stage:
        err() << e.message << "…" << Qt::endl;
        break;
    }
    return true;
}

/// The dry run's lint warnings: what the schema change does to the rows that exist.
void printWarnings(const QList<plan::LintWarning> &warnings)
{
    if (warnings.isEmpty())
        return;
    out() << "Warnings (" << warnings.size() << "):" << Qt::endl;
    for (const plan::LintWarning &w : warnings)
        out() << "  "
              << (w.severity == plan::LintWarning::Severity::Destructive ? "data loss: "
                                                                         : "check data: ")
              << w.message << Qt::endl;
}

void summarize(const migration::ApplyResult &result, bool dryRun)
{
    printWarnings(result.warnings);
    const qsizetype n = result.applied.size();
    if (n == 0)
        out() << "Nothing to apply: every migration is applied." << Qt::endl;
    else
        out() << (dryRun ? "Dry run: " : "Applied ") << n << (n == 1 ? " migration" : " migrations")
              << (dryRun ? " would apply; the database was not changed." : ".") << Qt::endl;
    if (!result.backupFolder.isEmpty())
        out() << "Backup: " << QDir::toNativeSeparators(result.backupFolder) << Qt::endl;
    if (result.compared)
        out() << (result.remaining.isEmpty()
                      ? QStringLiteral("No differences remain against the models.")
                      : u"Differences remain: " + diff::summaryLine(result.remaining))
              << Qt::endl;
}

} // namespace

int runApply(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Back up the database, apply the pending migrations, record them, and\n"
                       "compare with the models. Exit status: 0 done, 1 a migration failed "
                       "(rolled back), 2 error."));
    const ApplyOptions o;
    o.compare.addTo(parser);
    parser.addOptions({o.migrations, o.to, o.dryRun, o.noBackup, o.noRehearsal, o.continueStopped,
                       o.lockTimeout});
    int exitCode = Success;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    Result<diff::CompareRequest> models = compareRequest(parser, o.compare);
    if (!models)
        return fail(models.error());
    if (parser.isSet(o.migrations))
        models->migrations = parser.value(o.migrations);
    const QString directory = models->migrations;
    if (directory.isEmpty())
        return fail(QStringLiteral("no migrations folder given"),
                    QStringLiteral("pass --migrations DIR or set \"migrations\" in burrow.json"));
    Result<dialect::DatabaseUrl> url = dialect::parseDatabaseUrl(models->database, QDir::current());
    if (!url)
        return fail(url.error());
    if (!applyLockTimeout(parser, o, *url))
        return fail(u"--lock-timeout " + parser.value(o.lockTimeout) +
                        u" is not a number of seconds",
                    QStringLiteral("give a whole number above 0"));
    migration::ApplyRequest request{*url, directory};
    if (parser.isSet(o.to)) {
        bool ok = false;
        request.to = parser.value(o.to).toULongLong(&ok);
        if (!ok)
            return fail(u"--to " + parser.value(o.to) + u" is not a version",
                        QStringLiteral("give the digits of a migration file's name"));
    }
    request.dryRun = parser.isSet(o.dryRun);
    request.backup = !parser.isSet(o.noBackup);
    if (!request.backup && !request.dryRun)
        err() << "burrow-cli: warning: --no-backup: NO BACKUP will be taken; a failed or wrong "
                 "migration cannot be undone from Burrow"
              << Qt::endl;
    request.rehearse = !parser.isSet(o.noRehearsal);
    request.continueStopped = parser.isSet(o.continueStopped);
    request.models = *models;
    request.observer = [&request](const migration::ProgressEvent &e) {
        return report(e, request.dryRun);
    };
    const CancelOnSignals cancelOnCtrlC(request.cancellation);
    Result<migration::ApplyResult> result = migration::applyMigrations(request);
    if (!result) {
        // Exit 1: a migration ran and failed (or was stopped); a lock that kept it from changing
        // anything is not the migration's fault (one that stopped it part-way is reported as
        // Sql), nor is a history that refuses it before it runs (a statement edited after it ran).
        const Error::Code code = result.error().code;
        const bool migrationFailed =
            (!result.error().statement.isEmpty() && code != Error::Code::Locked &&
             code != Error::Code::Conflict) ||
            code == Error::Code::Cancelled;
        fail(result.error());
        return migrationFailed ? Failed : UsageOrError;
    }
    summarize(*result, request.dryRun);
    return Success;
}

} // namespace burrow::cli
