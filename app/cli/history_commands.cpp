#include "history_commands.h"

#include "cli_common.h"
#include "dialect/dialect.h"
#include "dialect/sqlite/sqlite_database.h"
#include "dialect/sqlite/sqlite_dialect.h"
#include "diff/report.h"
#include "migration/history.h"
#include "migration/resolve.h"
#include "migration/status.h"
#include "workspace/workspace.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace burrow::cli {
namespace {

using namespace Qt::Literals::StringLiterals;
using migration::AppliedMigration;
using migration::MigrationEntry;
using migration::MigrationState;
using migration::MigrationStatus;

/// The options the history commands share: --workspace, --db, --migrations.
struct HistoryOptions {
    QCommandLineOption workspace = workspaceOption();
    QCommandLineOption db{QStringLiteral("db"), QStringLiteral("Database URL (sqlite:PATH, …)."),
                          QStringLiteral("URL")};
    QCommandLineOption migrations{QStringLiteral("migrations"),
                                  QStringLiteral("Folder of migration files."),
                                  QStringLiteral("DIR")};
};

enum class Database { Required, NotTaken };

Error error(Error::Code code, const QString &message, const QString &file = {},
            const QString &hint = {})
{
    return Error{code, message, file, 0, {}, hint};
}

/// What a command works on: the migrations, split the way the database's engine splits SQL.
struct Project {
    QString directory;
    dialect::DatabaseUrl url; // SQLite's defaults for `sql` without a database
    std::unique_ptr<dialect::Dialect> dialect;
    QList<MigrationEntry> files;
};

/// The workspace's burrow.json (when given) overridden by the flags.
Result<Project> projectFrom(const QCommandLineParser &parser, const HistoryOptions &o, Database use)
{
    QString database, directory;
    if (parser.isSet(o.workspace)) {
        Result<workspace::Workspace> ws = workspace::loadWorkspace(parser.value(o.workspace));
        if (!ws)
            return ws.error();
        database = ws->database;
        directory = ws->migrations;
    }
    const bool takesDatabase = use == Database::Required;
    database = takesDatabase && parser.isSet(o.db) ? parser.value(o.db) : database;
    directory = parser.isSet(o.migrations) ? parser.value(o.migrations) : directory;
    if (directory.isEmpty())
        return error(Error::Code::InvalidArgument, QStringLiteral("no migrations folder given"), {},
                     QStringLiteral("pass --migrations DIR or set \"migrations\" in burrow.json"));
    if (takesDatabase && database.isEmpty())
        return error(Error::Code::InvalidArgument, QStringLiteral("no database given"), {},
                     QStringLiteral("pass --db URL or set \"database\" in burrow.json"));
    Result<dialect::DatabaseUrl> url = database.isEmpty()
                                           ? dialect::DatabaseUrl{dialect::Engine::SQLite}
                                           : dialect::parseDatabaseUrl(database, QDir::current());
    Result<std::unique_ptr<dialect::Dialect>> dialect =
        url ? dialect::dialectFor(*url) : url.error();
    if (!dialect)
        return dialect.error();
    Result<QList<MigrationEntry>> files =
        migration::readMigrationDirectory(directory, (*dialect)->lexerOptions());
    if (!files)
        return files.error();
    return Project{directory, *url, std::move(*dialect), std::move(*files)};
}

QString fileLabel(const MigrationStatus &s)
{
    return s.entry ? QFileInfo(s.entry->path).completeBaseName() : s.version + u'_' + s.name;
}

QString detailText(const MigrationStatus &s)
{
    if (!s.applied)
        return {};
    const AppliedMigration &row = *s.applied;
    const QString how = row.status == u"baseline"   ? QStringLiteral("baseline, not run")
                        : row.status == u"resolved" ? QStringLiteral("finished by hand")
                        : row.finishedAt.isValid()  ? QString::number(row.durationMs) + u" ms"
                                                    : row.status;
    const QString when = row.startedAt.toString(QStringLiteral("yyyy-MM-dd hh:mm:ss 'UTC'"));
    QString text = when + u" (" + how + u')';
    if (s.state == MigrationState::Modified)
        return text + u"; the file changed since";
    if (s.state == MigrationState::Missing)
        return text + u"; its file is gone";
    if (s.state == MigrationState::Failed)
        return text + u"; stopped part-way, " + QString::number(row.statementsRan()) + u" of " +
               QString::number(s.entry->file.up.statements.size()) +
               u" statements ran (apply --continue runs the rest)";
    return text;
}

QString statusText(const QList<MigrationStatus> &list, const QString &directory)
{
    if (list.isEmpty())
        return u"No migrations in " + QDir::toNativeSeparators(directory) + u'\n';
    qsizetype width = 0;
    for (const MigrationStatus &s : list)
        width = std::max(width, fileLabel(s).size());
    QMap<MigrationState, int> counts;
    QString text;
    for (const MigrationStatus &s : list) {
        ++counts[s.state];
        const QString state = migration::stateName(s.state);
        const QString detail = detailText(s);
        text += fileLabel(s).leftJustified(width + 2) +
                (detail.isEmpty() ? state : state.leftJustified(10) + detail) + u'\n';
    }
    QStringList summary;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        summary.append(QString::number(it.value()) + u' ' + migration::stateName(it.key()));
    return text + summary.join(u", ") + u'\n';
}

QString statusJson(const QList<MigrationStatus> &list)
{
    QJsonArray migrations;
    for (const MigrationStatus &s : list) {
        const QJsonValue null(QJsonValue::Null);
        const AppliedMigration *row = s.applied ? &*s.applied : nullptr;
        const bool finished = row && row->finishedAt.isValid();
        migrations.append(QJsonObject{
            {QStringLiteral("version"), s.version},
            {QStringLiteral("name"), s.name},
            {QStringLiteral("state"), migration::stateName(s.state)},
            {QStringLiteral("applied_at"),
             row ? QJsonValue(row->startedAt.toString(Qt::ISODateWithMs)) : null},
            {QStringLiteral("duration_ms"), finished ? QJsonValue(row->durationMs) : null},
            // The file's checksum; the recorded one only when the file is gone.
            {QStringLiteral("checksum"), s.entry ? s.entry->checksum : row->checksum},
            {QStringLiteral("recorded_as"), row ? QJsonValue(row->status) : null},
            // Of a migration that ran statement by statement: how many of its statements ran.
            {QStringLiteral("statements_applied"),
             row && row->statementsApplied >= 0 ? QJsonValue(row->statementsApplied) : null},
        });
    }
    const QJsonObject root{{QStringLiteral("migrations"), migrations}};
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
}

/// The migration whose version has the value of `version` ("7" finds 0007).
Result<MigrationEntry> findVersion(const QList<MigrationEntry> &entries, const QString &version,
                                   const QString &directory)
{
    bool number = !version.isEmpty() && std::all_of(version.cbegin(), version.cend(),
                                                    [](QChar c) { return c.isDigit(); });
    const qulonglong value = number ? version.toULongLong(&number) : 0;
    QStringList versions; // for the error: the versions that do exist
    for (const MigrationEntry &e : entries) {
        if (number && e.number == value)
            return e;
        versions.append(e.version);
    }
    const QString hint = versions.isEmpty() ? QStringLiteral("the folder has no migrations")
                                            : u"versions there: " + versions.join(u", ");
    return error(Error::Code::NotFound, u"no migration has version " + version, directory, hint);
}

/// Asks `question` on a terminal; scripts and CI (stdin not a terminal) are not asked: the
/// command line names what to do.
bool confirmed(const QString &question)
{
#ifdef Q_OS_WIN
    if (!_isatty(_fileno(stdin)))
#else
    if (!isatty(fileno(stdin)))
#endif
        return true;
    out() << question << " [y/N] " << Qt::flush;
    const QString answer = QTextStream(stdin).readLine().trimmed().toLower();
    return answer == u"y" || answer == u"yes";
}

int baseline(const Project &project, const MigrationEntry &target, bool yes)
{
    const dialect::DatabaseUrl &url = project.url;
    const QList<MigrationEntry> &files = project.files;
    Result<std::unique_ptr<dialect::ScopedConnection>> connection =
        project.dialect->operations().openForWriting(url);
    if (!connection)
        return fail(connection.error());
    const QSqlDatabase &db = (*connection)->database();
    Result<QList<AppliedMigration>> history = migration::readHistory(db);
    if (!history)
        return fail(history.error());
    const QList<MigrationEntry> entries =
        migration::unrecordedUpTo(migration::migrationStatus(files, *history), target.number);
    if (entries.isEmpty()) {
        out() << "Nothing to record: every migration up to " << target.version
              << " is recorded already" << Qt::endl;
        return Success;
    }
    out() << "Recording as applied without running them (baseline), in " << url.display() << ":\n";
    for (const MigrationEntry &e : entries)
        out() << "  " << QFileInfo(e.path).fileName() << '\n';
    const QString question = u"Record " + diff::counted(entries.size(), u"migration"_s) +
                             u" as applied without running them?";
    if (!yes && !confirmed(question)) {
        out() << "Nothing recorded" << Qt::endl;
        return Success;
    }
    if (Status recorded = migration::recordBaseline(db, entries); !recorded)
        return fail(recorded.error());
    out() << "Recorded " << diff::counted(entries.size(), QStringLiteral("migration")) << Qt::endl;
    return Success;
}

/// Settles `entry`, which stopped part-way, once the user agrees (or said --yes).
int resolve(const Project &project, const MigrationEntry &entry, migration::Resolution how,
            bool yes)
{
    Result<QList<AppliedMigration>> history =
        migration::readHistoryOf(*project.dialect, project.url);
    if (!history)
        return fail(history.error());
    for (const MigrationStatus &s : migration::migrationStatus(project.files, *history)) {
        if (s.version == entry.version && s.state != MigrationState::Failed)
            return fail(error(Error::Code::Conflict,
                              u"migration " + entry.version + u" is " +
                                  migration::stateName(s.state) +
                                  u", not stopped part-way: there is nothing to settle",
                              entry.path, QStringLiteral("see burrow-cli status")));
    }
    const bool applied = how == migration::Resolution::Applied;
    const QString file = QFileInfo(entry.path).fileName();
    const QString question =
        applied ? QString(u"Record " + file + u" as complete, finished by hand?")
                : QString(u"Remove the history row of " + file + u", so that apply runs it again?");
    if (!yes && !confirmed(question)) {
        out() << "Nothing recorded" << Qt::endl;
        return Success;
    }
    Result<AppliedMigration> was =
        migration::resolveMigration(*project.dialect, project.url, entry, how);
    if (!was)
        return fail(was.error());
    const QString ran = diff::counted(was->statementsRan(), u"statement"_s) + u" of " +
                        QString::number(entry.file.up.statements.size());
    if (applied)
        out() << "Recorded " << entry.version << " as complete (finished by hand; " << ran
              << " had run through Burrow)" << Qt::endl;
    else
        out() << "Removed the history row of " << entry.version << " (" << ran
              << " had run): apply runs it again from the start" << Qt::endl;
    return Success;
}

/// The statements of one section as they would run, after a comment naming file and mode.
void printSection(const MigrationEntry &entry, bool down)
{
    const migration::Section &section = down ? entry.file.down : entry.file.up;
    out() << "-- " << QFileInfo(entry.path).fileName() << " (" << (down ? "down" : "up") << ", "
          << (section.transaction ? "in a transaction" : "without a transaction") << ")\n";
    if (!section.present)
        out() << "-- no `-- migrate:down` section: nothing would run\n";
    for (const sql::Statement &statement : section.statements)
        out() << statement.text << ";\n";
    out().flush();
}

/// Parses a command's arguments; false (with `exitCode`) after --help, a usage error, or more
/// than `positionals` positional arguments.
bool parseCommand(QCommandLineParser &parser, const QStringList &arguments,
                  const QString &description, const QList<QCommandLineOption> &options,
                  qsizetype positionals, int &exitCode)
{
    parser.setApplicationDescription(description + u"\nExit status: 0, 2 error.");
    parser.addOptions(options);
    exitCode = Success;
    if (!parseArguments(parser, arguments, exitCode))
        return false;
    if (parser.positionalArguments().size() <= positionals)
        return true;
    exitCode = unexpectedArgument(parser.positionalArguments().value(positionals),
                                  u"see burrow-cli " + arguments.value(0) + u" --help");
    return false;
}

} // namespace

int runStatus(const QStringList &arguments)
{
    const HistoryOptions o;
    const QCommandLineOption format{QStringLiteral("format"),
                                    QStringLiteral("Output: text (default) or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text")};
    QCommandLineParser parser;
    int exitCode = Success;
    if (!parseCommand(parser, arguments,
                      QStringLiteral("List every migration: applied (when, how long), pending, "
                                     "modified since it was applied, or applied but missing its "
                                     "file. Reads the database without modifying it."),
                      {o.workspace, o.db, o.migrations, format}, 0, exitCode))
        return exitCode;
    const QString formatName = parser.value(format);
    if (formatName != u"text" && formatName != u"json")
        return fail(u"unknown --format " + formatName, QStringLiteral("use text or json"));
    Result<Project> project = projectFrom(parser, o, Database::Required);
    if (!project)
        return fail(project.error());
    Result<QList<AppliedMigration>> history = // status never writes
        migration::readHistoryOf(*project->dialect, project->url);
    if (!history)
        return fail(history.error());
    const QList<MigrationStatus> list = migration::migrationStatus(project->files, *history);
    out() << (formatName == u"json" ? statusJson(list) : statusText(list, project->directory));
    out().flush();
    return Success;
}

int runSql(const QStringList &arguments)
{
    const HistoryOptions o;
    const QCommandLineOption down{QStringLiteral("down"),
                                  QStringLiteral("The down section instead of the up one.")};
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("VERSION"), QStringLiteral("e.g. 0003 or 3."));
    int exitCode = Success;
    if (!parseCommand(parser, arguments,
                      QStringLiteral("Print the statements a migration will run, each ending "
                                     "with `;`, after a comment line naming the file and whether "
                                     "it runs in a transaction."),
                      {o.workspace, o.migrations, down}, 1, exitCode))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return fail(QStringLiteral("no version given"),
                    QStringLiteral("usage: burrow-cli sql --migrations DIR VERSION"));
    Result<Project> project = projectFrom(parser, o, Database::NotTaken);
    Result<MigrationEntry> entry =
        project ? findVersion(project->files, positional.first(), project->directory)
                : project.error();
    if (!entry)
        return fail(entry.error());
    printSection(*entry, parser.isSet(down));
    return Success;
}

int runBaseline(const QStringList &arguments)
{
    const HistoryOptions o;
    const QCommandLineOption to{QStringLiteral("to"),
                                QStringLiteral("The last version to record (required)."),
                                QStringLiteral("VERSION")};
    const QCommandLineOption yes{QStringLiteral("yes"),
                                 QStringLiteral("Record without asking on a terminal.")};
    QCommandLineParser parser;
    int exitCode = Success;
    if (!parseCommand(
            parser, arguments,
            QStringLiteral(
                "Record the migrations up to VERSION that are not recorded yet as applied "
                "(status \"baseline\") without running them, for a database whose schema "
                "already has them.\nPrints the list first, then records it in one transaction. "
                "On a terminal it asks before recording unless --yes is given; when stdin is not "
                "a terminal (scripts, CI) it records without asking, since --to names the limit."),
            {o.workspace, o.db, o.migrations, to, yes}, 0, exitCode))
        return exitCode;
    if (!parser.isSet(to))
        return fail(QStringLiteral("no --to VERSION given"),
                    QStringLiteral("name the last migration the database already has"));
    Result<Project> project = projectFrom(parser, o, Database::Required);
    Result<MigrationEntry> target =
        project ? findVersion(project->files, parser.value(to), project->directory)
                : project.error();
    if (!target)
        return fail(target.error());
    return baseline(*project, *target, parser.isSet(yes));
}

int runResolve(const QStringList &arguments)
{
    const HistoryOptions o;
    const QCommandLineOption applied{
        QStringLiteral("applied"),
        QStringLiteral("You finished it by hand: record it as complete (status \"resolved\", "
                       "with the file as it is now).")};
    const QCommandLineOption pending{
        QStringLiteral("pending"),
        QStringLiteral("You undid what it ran: remove its history row, so that apply runs it "
                       "again from the start.")};
    const QCommandLineOption yes{QStringLiteral("yes"),
                                 QStringLiteral("Record without asking on a terminal.")};
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("VERSION"),
                                 QStringLiteral("The migration that stopped, e.g. 0003 or 3."));
    int exitCode = Success;
    if (!parseCommand(parser, arguments,
                      QStringLiteral("Settle a migration that stopped part-way on an earlier apply "
                                     "(status failed: it ran without a transaction, on "
                                     "MariaDB/MySQL or as a transaction:false file), so that "
                                     "apply goes on. Restoring the backup taken before that "
                                     "apply needs none of this."),
                      {o.workspace, o.db, o.migrations, applied, pending, yes}, 1, exitCode))
        return exitCode;
    if (parser.isSet(applied) == parser.isSet(pending))
        return fail(QStringLiteral("say how the migration was settled"),
                    QStringLiteral("pass --applied (finished by hand) or --pending (undone)"));
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return fail(QStringLiteral("no version given"),
                    QStringLiteral("usage: burrow-cli resolve VERSION --applied|--pending"));
    Result<Project> project = projectFrom(parser, o, Database::Required);
    Result<MigrationEntry> entry =
        project ? findVersion(project->files, positional.first(), project->directory)
                : project.error();
    if (!entry)
        return fail(entry.error());
    const auto how =
        parser.isSet(applied) ? migration::Resolution::Applied : migration::Resolution::Pending;
    return resolve(*project, *entry, how, parser.isSet(yes));
}

} // namespace burrow::cli
