#include "plan_command.h"

#include "cli_common.h"
#include "compare_options.h"
#include "diff/describe.h"
#include "diff/report.h"
#include "migration/status.h"
#include "plan/draft.h"
#include "plan/migration_writer.h"
#include "plan/renames.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace burrow::cli {
namespace {

struct PlanOptions {
    CompareOptions compare;
    QCommandLineOption migrations{QStringLiteral("migrations"),
                                  QStringLiteral("Folder of migration files to write into."),
                                  QStringLiteral("DIR")};
    QCommandLineOption name{QStringLiteral("name"),
                            QStringLiteral("Name of the migration (default: from the changes)."),
                            QStringLiteral("NAME")};
    QCommandLineOption rename{
        QStringLiteral("rename"),
        QStringLiteral("Rename instead of drop and add: table=new or table.column=new "
                       "(repeatable)."),
        QStringLiteral("OLD=NEW")};
    QCommandLineOption allowDestructive{
        QStringLiteral("allow-destructive"),
        QStringLiteral("Include changes that drop tables or columns or narrow types.")};
    QCommandLineOption concurrently{
        QStringLiteral("concurrently"),
        QStringLiteral("PostgreSQL: build and drop indexes of existing tables CONCURRENTLY, in a "
                       "second migration file that runs outside a transaction.")};
    QCommandLineOption notValid{
        QStringLiteral("not-valid"),
        QStringLiteral("PostgreSQL: add foreign keys and CHECKs to existing tables NOT VALID; a "
                       "second migration file validates them outside the transaction.")};
};

Result<QList<plan::Rename>> renamesFrom(const QStringList &arguments)
{
    QList<plan::Rename> renames;
    for (const QString &argument : arguments) {
        Result<plan::Rename> rename = plan::parseRenameArgument(argument);
        if (!rename)
            return rename.error();
        renames.append(*rename);
    }
    return renames;
}

void reportLeftOut(const plan::MigrationPlan &plan, const QString &ownSchema)
{
    for (const diff::Change &c : plan.leftOut)
        err() << "burrow-cli: left out (destructive): " << diff::changeLine(c) << '\n';
    if (!plan.leftOut.isEmpty())
        err() << "burrow-cli: re-run with --allow-destructive to include them" << Qt::endl;
    for (const diff::Change &c : plan.suggestions)
        err() << "burrow-cli: not renamed: " << diff::changeLine(c, ownSchema) << '\n';
}

Status writeFile(const QString &path, const QString &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
        return Error{Error::Code::Unreadable,
                     u"cannot write the migration: " + file.errorString(),
                     path,
                     0,
                     {},
                     QStringLiteral("check the folder's permissions and free space")};
    return Ok{};
}

/// Writes `text` as the next migration of `directory`; prints its path.
Status writeMigration(const QString &directory, const QString &name, const QString &text)
{
    Result<QString> path = plan::nextMigrationPath(QDir(directory), name);
    if (!path)
        return path.error();
    if (Status written = writeFile(*path, text); !written)
        return written;
    out() << QDir::toNativeSeparators(*path) << Qt::endl;
    return Ok{};
}

int plan(const diff::Comparison &comparison, const plan::DraftRequest &request,
         const QString &directory, const QString &name)
{
    Result<plan::MigrationDraft> draft = plan::draftMigration(comparison, request);
    if (!draft)
        return fail(draft.error());
    reportLeftOut(draft->up, comparison.ownSchema);
    const auto warn = [&] {
        for (const plan::LintWarning &w : draft->warnings)
            err() << "burrow-cli: warning: " << w.message << '\n';
    };
    if (draft->up.isEmpty() && draft->followUp.isEmpty()) {
        warn();
        out() << (draft->up.leftOut.isEmpty() ? "No differences" : "No changes to plan")
              << Qt::endl;
        return Success;
    }
    if (!QDir().mkpath(directory))
        return fail(
            Error{Error::Code::Unreadable, QStringLiteral("cannot create the folder"), directory});
    const QString baseName =
        name.isEmpty() ? plan::suggestedName(draft->up.isEmpty() ? draft->followUp : draft->up)
                       : name;
    // The main migration first: the follow-up gets the next version and runs after it.
    if (!draft->up.isEmpty()) {
        if (Status written = writeMigration(directory, baseName, draft->text); !written)
            return fail(written.error());
    }
    if (!draft->followUpText.isEmpty()) {
        if (Status written = writeMigration(
                directory, plan::followUpName(baseName, draft->followUp), draft->followUpText);
            !written)
            return fail(written.error());
    }
    warn();
    return Success;
}

/// The folder holds no migration the database lacks: a plan would repeat it.
Status nothingPending(const diff::CompareRequest &request, const QString &directory)
{
    if (!QFileInfo::exists(directory))
        return Ok{}; // the first plan creates it
    Result<dialect::DatabaseUrl> url =
        request.url ? *request.url : dialect::parseDatabaseUrl(request.database, request.base);
    if (!url)
        return url.error();
    Result<QList<migration::MigrationStatus>> status =
        migration::readMigrationStatus(*url, directory);
    if (!status)
        return status.error();
    return migration::checkNothingPending(*status);
}

} // namespace

int runPlan(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write the next migration file that brings the database to the model.\n"
                       "Exit status: 0 written or nothing to do, 2 error."));
    const PlanOptions o;
    o.compare.addTo(parser);
    parser.addOptions(
        {o.migrations, o.name, o.rename, o.allowDestructive, o.concurrently, o.notValid});
    int exitCode = Success;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    if (!parser.positionalArguments().isEmpty())
        return unexpectedArgument(parser.positionalArguments().first(),
                                  QStringLiteral("model paths go after --model"));
    Result<diff::CompareRequest> request = compareRequest(parser, o.compare);
    if (!request)
        return fail(request.error());
    if (parser.isSet(o.migrations))
        request->migrations = parser.value(o.migrations);
    const QString directory = request->migrations;
    if (directory.isEmpty())
        return fail(QStringLiteral("no migrations folder given"),
                    QStringLiteral("pass --migrations DIR or set \"migrations\" in burrow.json"));
    Result<QList<plan::Rename>> renames = renamesFrom(parser.values(o.rename));
    if (!renames)
        return fail(renames.error());
    if (Status none = nothingPending(*request, directory); !none)
        return fail(none.error());
    Result<diff::Comparison> comparison = diff::compareWithModel(*request);
    if (!comparison)
        return fail(comparison.error());
    const plan::DraftRequest draft{*renames,
                                   parser.isSet(o.allowDestructive),
                                   comparison->url.display() + u" → " + request->models.join(u", "),
                                   {},
                                   {parser.isSet(o.concurrently), parser.isSet(o.notValid)}};
    return plan(*comparison, draft, directory, parser.value(o.name));
}

} // namespace burrow::cli
