#include "continue_stopped.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace burrow::migration {
namespace {

/// A copy of the migration with the text that ran (its recorded checksum) in a backup folder:
/// each apply keeps the files it runs there.
std::optional<QString> copyAsItRan(const QString &migrationsDir, const MigrationStatus &s)
{
    const QDir backups(QDir(migrationsDir).filePath(QStringLiteral("backups")));
    const QStringList folders = backups.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (auto folder = folders.crbegin(); folder != folders.crend(); ++folder) { // newest first
        const QDir copies(backups.filePath(*folder + u"/migrations"));
        for (const QString &name : copies.entryList({s.version + u"_*.sql"}, QDir::Files)) {
            QFile file(copies.filePath(name));
            if (file.open(QIODevice::ReadOnly) &&
                migrationChecksum(QString::fromUtf8(file.readAll())) == s.applied->checksum)
                return file.fileName();
        }
    }
    return std::nullopt;
}

/// The first `count` statements of the file now are those of the copy that ran.
Status sameStatementsRan(const MigrationEntry &now, const MigrationFile &then, int count)
{
    for (int i = 0; i < count; ++i) {
        const sql::Statement &statement = now.file.up.statements[i];
        if (i < then.up.statements.size() && then.up.statements[i].text == statement.text)
            continue;
        return Error{Error::Code::Conflict,
                     u"statement " + QString::number(i + 1) + u" of " + now.version +
                         u" is not the one that ran before it stopped (" +
                         QDir::toNativeSeparators(then.path) + u" holds the text that ran)",
                     now.path,
                     statement.line,
                     statement.text,
                     u"only the statements after the " + QString::number(count) +
                         u" that ran may change: put those back as they ran"};
    }
    return Ok{};
}

} // namespace

Result<AppliedMigration> stoppedToContinue(const QList<MigrationStatus> &status,
                                           const QString &migrationsDir,
                                           const sql::LexerOptions &lexer)
{
    const auto stopped = std::find_if(status.cbegin(), status.cend(), [](const auto &s) {
        return s.applied && !s.applied->isComplete();
    });
    if (stopped != status.cend() && !stopped->entry)
        return Error{Error::Code::Conflict,
                     u"migration " + stopped->version + u" (" + stopped->name +
                         u") stopped part-way, and its file is gone",
                     migrationsDir,
                     0,
                     {},
                     QStringLiteral("restore the file from version control to continue it")};
    if (stopped == status.cend())
        return Error{Error::Code::Conflict,
                     QStringLiteral("no migration stopped part-way: there is nothing to continue"),
                     migrationsDir,
                     0,
                     {},
                     QStringLiteral("burrow-cli apply (without --continue) runs the pending ones")};
    const MigrationEntry &entry = *stopped->entry;
    const AppliedMigration &row = *stopped->applied;
    const int ran = row.statementsRan();
    if (entry.file.up.statements.size() < ran)
        return Error{Error::Code::Conflict,
                     u"migration " + entry.version + u" has " +
                         QString::number(entry.file.up.statements.size()) +
                         u" statements now, fewer than the " + QString::number(ran) +
                         u" that ran before it stopped",
                     entry.path,
                     0,
                     {},
                     QStringLiteral("put back the statements that ran, or settle it by hand "
                                    "with burrow-cli resolve")};
    if (ran == 0 || entry.checksum == row.checksum)
        return row;
    const std::optional<QString> copy = copyAsItRan(migrationsDir, *stopped);
    if (!copy)
        return Error{Error::Code::Conflict,
                     u"migration " + entry.version +
                         u" was edited since it stopped part-way, and no backup beside the "
                         u"migrations holds the text that ran: Burrow cannot tell whether its "
                         u"first " +
                         QString::number(ran) + u" statements are the ones that ran",
                     entry.path,
                     0,
                     {},
                     u"put back the text that ran (version control) and change only what "
                     u"comes after statement " +
                         QString::number(ran) + u", or settle it by hand with burrow-cli resolve " +
                         entry.version};
    Result<MigrationFile> then = readMigrationFile(*copy, lexer);
    if (!then)
        return then.error();
    if (Status same = sameStatementsRan(entry, *then, ran); !same)
        return same.error();
    return row;
}

} // namespace burrow::migration
