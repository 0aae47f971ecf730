#include "backup_commands.h"

#include "backup/backup_folder.h"
#include "backup/database_copy.h"
#include "backup/restore.h"
#include "cli_common.h"
#include "dialect/database_url.h"
#include "dialect/dialect.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdio>
#include <optional>

#ifdef Q_OS_WIN
#include <io.h>
#define BURROW_ISATTY _isatty
#else
#include <unistd.h>
#define BURROW_ISATTY isatty
#endif

namespace burrow::cli {
namespace {

struct BackupOptions {
    QCommandLineOption workspace = workspaceOption();
    QCommandLineOption db{QStringLiteral("db"),
                          QStringLiteral("Database URL (sqlite:PATH, postgresql://…, mysql://…)."),
                          QStringLiteral("URL")};
    QCommandLineOption out{QStringLiteral("out"),
                           QStringLiteral("New or empty folder to write the backup into."),
                           QStringLiteral("DIR")};
    QCommandLineOption from{QStringLiteral("from"),
                            QStringLiteral("Backup folder to restore (it holds manifest.json)."),
                            QStringLiteral("DIR")};
    QCommandLineOption yes{QStringLiteral("yes"), QStringLiteral("Restore without asking.")};
};

// --db, else the workspace's database.
Result<dialect::DatabaseUrl> databaseUrl(const QCommandLineParser &parser, const BackupOptions &o)
{
    QString text;
    if (parser.isSet(o.workspace)) {
        Result<workspace::Workspace> ws = workspace::loadWorkspace(parser.value(o.workspace));
        if (!ws)
            return ws.error();
        text = ws->database;
    }
    if (parser.isSet(o.db))
        text = parser.value(o.db);
    if (text.isEmpty())
        return Error{Error::Code::InvalidArgument,
                     QStringLiteral("no database given"),
                     {},
                     0,
                     {},
                     QStringLiteral("pass --db URL or set \"database\" in burrow.json")};
    return dialect::parseDatabaseUrl(text, QDir::current());
}

/// Parses, rejects positional arguments, finds the database; false when the command is done.
bool prepare(QCommandLineParser &parser, const BackupOptions &o, const QStringList &arguments,
             Result<dialect::DatabaseUrl> &url, int &exitCode)
{
    if (!parseArguments(parser, arguments, exitCode))
        return false;
    if (!parser.positionalArguments().isEmpty()) {
        exitCode = unexpectedArgument(parser.positionalArguments().first(),
                                      u"see burrow-cli " + arguments.value(0) + u" --help");
        return false;
    }
    url = databaseUrl(parser, o);
    if (!url) {
        exitCode = fail(url.error());
        return false;
    }
    return true;
}

// Backs the database up into the folder as `name`, timed, listed and verified.
Status writeBackup(backup::BackupFolder &folder, const dialect::DatabaseOps &engine,
                   const dialect::DatabaseUrl &database)
{
    QElapsedTimer timer;
    timer.start();
    const QString name = backup::standaloneDatabaseName(engine);
    if (Status copied = backup::addDatabaseCopy(folder, engine, database, name); !copied)
        return copied;
    folder.manifest.backupMs = timer.elapsed();
    return backup::sealBackupFolder(folder);
}

// The outermost folder that creating `path` would create.
QString firstMissing(const QString &path)
{
    QString missing = path;
    while (!QFileInfo::exists(QFileInfo(missing).absolutePath()))
        missing = QFileInfo(missing).absolutePath();
    return missing;
}

// Leaves a folder as it was: removed when we created it, emptied when it was an empty one.
void discard(const QString &path, bool existed)
{
    QDir dir(path);
    if (!existed) {
        dir.removeRecursively();
        return;
    }
    const QFileInfoList entries =
        dir.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    for (const QFileInfo &entry : entries)
        entry.isDir() ? (void)QDir(entry.filePath()).removeRecursively()
                      : (void)QFile::remove(entry.filePath());
}

void describe(const QString &backupFile, const backup::Manifest &manifest,
              const dialect::DatabaseUrl &url, const QString *safety, const QString &safetyName)
{
    out() << "Restore " << dialect::locationOf(url) << '\n'
          << "  from " << QDir::toNativeSeparators(backupFile) << " (backup of " << manifest.source
          << ", taken " << manifest.createdAt.toString(Qt::ISODate) << ")\n";
    if (manifest.source != url.display())
        out() << "  note: the backup was taken from another database\n";
    if (safety)
        out() << "  the current database is saved first to "
              << QDir::toNativeSeparators(QDir(*safety).filePath(safetyName)) << '\n';
    else
        out() << "  there is no current database to save\n";
    out().flush();
}

bool userConfirms()
{
    out() << "Type yes to replace the database: " << Qt::flush;
    QTextStream in(stdin);
    return in.readLine().trimmed() == u"yes";
}

int restore(const dialect::DatabaseOps &engine, const QString &backupFile,
            const dialect::DatabaseUrl &url, const std::optional<backup::BackupFolder> &safety)
{
    if (Status restored = backup::restoreWithSafetyCopy(engine, backupFile, url, safety); !restored)
        return fail(restored.error());
    out() << "Restored " << dialect::locationOf(url) << '\n';
    if (safety)
        out() << "Safety copy of the previous database: " << QDir::toNativeSeparators(safety->path)
              << '\n';
    out().flush();
    return Success;
}

} // namespace

int runBackup(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write a verified backup of the database into a new or empty folder.\n"
                       "Exit status: 0 written, 2 error."));
    const BackupOptions o;
    parser.addOptions({o.workspace, o.db, o.out});
    int exitCode = Success;
    Result<dialect::DatabaseUrl> url = Error{};
    if (!prepare(parser, o, arguments, url, exitCode))
        return exitCode;
    if (!parser.isSet(o.out))
        return fail(QStringLiteral("no backup folder given"), QStringLiteral("pass --out DIR"));
    Result<std::unique_ptr<dialect::Dialect>> engine = dialect::dialectFor(*url);
    if (!engine)
        return fail(engine.error());
    // Burrow's own connection first: its errors say what to do, the dump tool's do not.
    if (auto reachable = (*engine)->openForReading(*url); !reachable)
        return fail(reachable.error());
    const QString target = QFileInfo(parser.value(o.out)).absoluteFilePath();
    const bool existed = QFileInfo::exists(target);
    const QString created = existed ? target : firstMissing(target);
    Result<backup::BackupFolder> folder = backup::createBackupFolderAt(target, {}, url->display());
    if (!folder)
        return fail(folder.error());
    if (Status written = writeBackup(*folder, (*engine)->operations(), *url); !written) {
        discard(created, existed);
        return fail(written.error());
    }
    out() << QDir::toNativeSeparators(folder->path) << Qt::endl;
    return Success;
}

int runRestore(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Replace the database with a backup, after saving the current one beside the backup.\n"
        "Exit status: 0 restored, 2 error (the database is then unchanged)."));
    const BackupOptions o;
    parser.addOptions({o.workspace, o.db, o.from, o.yes});
    int exitCode = Success;
    Result<dialect::DatabaseUrl> url = Error{};
    if (!prepare(parser, o, arguments, url, exitCode))
        return exitCode;
    if (!parser.isSet(o.from))
        return fail(QStringLiteral("no backup folder given"), QStringLiteral("pass --from DIR"));
    Result<std::unique_ptr<dialect::Dialect>> dialect = dialect::dialectFor(*url);
    if (!dialect)
        return fail(dialect.error());
    const dialect::DatabaseOps &engine = (*dialect)->operations();
    const QString from = QFileInfo(parser.value(o.from)).absoluteFilePath();
    Result<backup::Manifest> manifest = backup::verifyBackupFolder(from);
    if (!manifest)
        return fail(manifest.error());
    Result<QString> backupFile = backup::databaseFileIn(*manifest, from, engine);
    if (!backupFile)
        return fail(backupFile.error());
    const bool ask = !parser.isSet(o.yes);
    if (ask && !BURROW_ISATTY(fileno(stdin)))
        return fail(QStringLiteral("restore replaces the database and needs confirmation"),
                    QStringLiteral("pass --yes to restore without asking"));
    std::optional<backup::BackupFolder> safety;
    if (engine.exists(*url)) {
        Result<backup::BackupFolder> folder = backup::createSafetyFolder(from, *url);
        if (!folder)
            return fail(folder.error());
        safety = *folder;
    }
    describe(*backupFile, *manifest, *url, safety ? &safety->path : nullptr,
             backup::standaloneDatabaseName(engine));
    if (ask && !userConfirms()) {
        if (safety)
            discard(safety->path, false);
        return fail(Error{Error::Code::Cancelled,
                          QStringLiteral("restore cancelled"),
                          dialect::locationOf(*url),
                          0,
                          {},
                          QStringLiteral("nothing was changed")});
    }
    return restore(engine, *backupFile, *url, safety);
}

} // namespace burrow::cli
